//! The full record: every reading, every item of every kind, the time spent
//! at each checkpoint, and the band moves and skips.

use super::summary::{owner, what};
use super::*;
use crate::export::{READING_COLUMNS, author, history, minutes, tactic_name, when};
use crate::kinds::with_kind;
use crate::session::{ItemKind, Kind, SplitKind, Stored};

pub(super) fn blocks(s: &Session) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    readings(&mut out, s);
    for kind in ItemKind::all() {
        kind_record(&mut out, s, kind);
    }
    time_spent(&mut out, s);
    changes(&mut out, s);
    out
}

/// The full record of one kind: a shape of its own for the kinds that have
/// one, else the kind's table.
fn kind_record<'a>(out: &mut Vec<Block<'a>>, s: &'a Session, kind: ItemKind) {
    match kind {
        ItemKind::Gadfly => gadflies(out, s),
        ItemKind::Split => splits(out, s),
        ItemKind::Polarity => polarity::record(out, s),
        ItemKind::Commitment => commitments(out, s),
        _ => with_kind!(kind, K => table::<K>(out, s)),
    }
}

/// A kind's section: its heading, then its items as a table.
fn table<'a, K: Stored>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    let list = K::list(s);
    if section(out, K::HEADING, list.is_empty()) {
        out.push(Block::Table(rows(s, list.iter())));
    }
}

/// A table of items: "#", the time, the checkpoint, then the kind's own
/// columns.
fn rows<'a, K: Kind + 'a>(s: &'a Session, items: impl Iterator<Item = &'a K>) -> Table<'a> {
    let mut head = vec!["#"];
    if K::TIMED {
        head.push("Time");
    }
    head.push("Checkpoint");
    head.extend(K::COLUMNS);
    let mut table = Table::new(head);
    for x in items {
        let (id, at, cp) = x.stamp();
        let mut row = vec![Cell::num(id.to_string())];
        if K::TIMED {
            row.push(Cell::word(when(&at)));
        }
        row.push(Cell::of(vec![cp_title(s, cp)]));
        row.extend(x.cells().into_iter().map(|c| Cell::of(cell(s, c))));
        table.rows.push(row);
    }
    table
}

/// Item `i` of `kind` as the full record gives it, after "#", the time and
/// the checkpoint: a cell per column of the kind's table.
pub fn item_cells(s: &Session, kind: ItemKind, i: usize) -> Option<Vec<Inline<'_>>> {
    with_kind!(kind, K => K::list(s)
        .get(i)
        .map(|x| x.cells().into_iter().map(|c| cell(s, c)).collect()))
}

/// A kind's cell in the report's words: typed text apart from the app's.
fn cell<'a>(s: &'a Session, c: crate::kinds::Cell<'a>) -> Inline<'a> {
    use crate::kinds::Cell as K;
    match c {
        K::Text(t) => vec![text(t)],
        K::Word(w) => vec![word(w)],
        K::Owned(w) => vec![text(w)],
        K::Date(d) => vec![word(d.to_string())],
        K::Author(a) => vec![text(author(s, a))],
        K::List(l) => {
            let mut t = Vec::with_capacity(2 * l.len());
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    t.push(word("; "));
                }
                t.push(text(x));
            }
            t
        }
        K::OrNone(t, _) if !t.trim().is_empty() => vec![text(t)],
        K::OrNone(_, none) => vec![em(vec![word(none)])],
    }
}

/// A table of the full record that review's screen shows a row at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    Readings,
    Gadflies,
    Commitments,
    Time,
    Changes,
}

/// When and where, then the reading's own columns but the last.
const READINGS_HEAD: [&str; 2 + READING_COLUMNS.len()] = {
    let mut head = [""; 2 + READING_COLUMNS.len()];
    let lead = ["#", "Time", "Checkpoint"];
    let mut i = 0;
    while i < head.len() {
        head[i] = if i < lead.len() {
            lead[i]
        } else {
            READING_COLUMNS[i - lead.len()]
        };
        i += 1;
    }
    head
};
const GADFLIES_HEAD: [&str; 8] = [
    "#",
    "Time",
    "Checkpoint",
    "Idea",
    "Who",
    "Voice",
    "Reaction",
    "Fate",
];
const COMMITMENTS_HEAD: [&str; 7] = [
    "#",
    "Checkpoint",
    "What",
    "Owner",
    "Review",
    "Status",
    "What it costs",
];
const TIME_HEAD: [&str; 6] = [
    "#",
    "Where",
    "Checkpoint",
    "Status",
    "Time spent",
    "Timebox",
];
const CHANGES_HEAD: [&str; 4] = ["Time", "Checkpoint", "Change", "Why"];

/// The column names of a table.
pub fn head(rows: Rows) -> &'static [&'static str] {
    match rows {
        Rows::Readings => &READINGS_HEAD,
        Rows::Gadflies => &GADFLIES_HEAD,
        Rows::Commitments => &COMMITMENTS_HEAD,
        Rows::Time => &TIME_HEAD,
        Rows::Changes => &CHANGES_HEAD,
    }
}

/// How many rows a table has (without a total).
pub fn row_count(s: &Session, rows: Rows) -> usize {
    match rows {
        Rows::Readings => s.readings.len(),
        Rows::Gadflies => s.gadflies.len(),
        Rows::Commitments => s.commitments.len(),
        Rows::Time => s.workshop.checkpoints.len(),
        Rows::Changes => history::changes(s).len(),
    }
}

/// Row `i` of a table, as the full record gives it.
pub fn row(s: &Session, rows: Rows, i: usize) -> Option<Vec<Cell<'_>>> {
    match rows {
        Rows::Readings => s.readings.get(i).map(|r| reading_row(s, r)),
        Rows::Gadflies => s.gadflies.get(i).map(|g| gadfly_row(s, g)),
        Rows::Commitments => s.commitments.get(i).map(|c| commitment_row(s, c)),
        Rows::Time => s.workshop.checkpoints.get(i).map(|_| time_row(s, i).0),
        Rows::Changes => history::changes(s).into_iter().nth(i).map(change_row),
    }
}

fn readings<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    if !section(out, "Tension readings", s.readings.is_empty()) {
        return;
    }
    let mut table = Table::new(READINGS_HEAD.to_vec());
    for r in &s.readings {
        table.rows.push(reading_row(s, r));
    }
    out.push(Block::Table(table));
}

fn reading_row<'a>(s: &'a Session, r: &'a crate::session::Reading) -> Vec<Cell<'a>> {
    let mut why = vec![text(&r.reason)];
    if let Some(x) = &r.readiness {
        why.push(word(" ("));
        why.push(text(crate::strings::readiness_note(&x.describe())));
        why.push(word(")"));
    }
    if let Some(g) = r.after_gadfly {
        why.push(word(" "));
        why.push(Span::Flag(vec![word(format!(
            "(possible silencing after idea #{g})"
        ))]));
    }
    vec![
        Cell::num(r.id.to_string()),
        Cell::word(when(&r.at)),
        Cell::of(vec![cp_title(s, &r.checkpoint)]),
        Cell::num(r.level.to_string()),
        Cell::num(format!("{}–{}", r.band.low, r.band.high)),
        Cell::word(r.zone.label()),
        Cell::word(r.label()),
        Cell::text(tactic_name(s, r).unwrap_or_default()),
        Cell::of(why),
    ]
}

fn splits<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    if !section(out, ItemKind::Split.heading(), s.splits.is_empty()) {
        return;
    }
    let n = |k| s.splits.iter().filter(|x| x.kind == k).count();
    let mut counts = String::new();
    if n(SplitKind::Puzzle) > 0 {
        counts += &format!("{} puzzles, ", n(SplitKind::Puzzle));
    }
    counts += &format!(
        "{} technical, {} adaptive, {} not sure yet.",
        n(SplitKind::Technical),
        n(SplitKind::Adaptive),
        n(SplitKind::Unsure)
    );
    out.push(Block::Para(vec![word(counts)]));
    // Grouped by kind so the technical list and the adaptive list read apart.
    let grouped = SplitKind::ALL
        .into_iter()
        .flat_map(|k| s.splits.iter().filter(move |x| x.kind == k));
    out.push(Block::Table(rows(s, grouped)));
}

fn gadflies<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    if !section(out, ItemKind::Gadfly.heading(), s.gadflies.is_empty()) {
        return;
    }
    let mut table = Table::new(GADFLIES_HEAD.to_vec());
    for g in &s.gadflies {
        table.rows.push(gadfly_row(s, g));
    }
    out.push(Block::Table(table));
}

fn gadfly_row<'a>(s: &'a Session, g: &'a crate::session::Gadfly) -> Vec<Cell<'a>> {
    let mut fate = vec![word(g.fate.label())];
    // The record says "declined: why" where the summary says "because".
    if let crate::session::Fate::Declined(why) = &g.fate {
        fate.push(word(": "));
        fate.push(text(why));
    }
    if let Some(work) = s.became(g.id) {
        fate.push(word(", "));
        fate.push(text(work));
    }
    vec![
        Cell::num(g.id.to_string()),
        Cell::word(when(&g.at)),
        Cell::of(vec![cp_title(s, &g.checkpoint)]),
        Cell::text(g.text.as_str()),
        Cell::text(author(s, &g.author)),
        Cell::word(g.voice.label()),
        Cell::word(history::reaction(g)),
        Cell::of(fate),
    ]
}

fn commitments<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    if !section(
        out,
        ItemKind::Commitment.heading(),
        s.commitments.is_empty(),
    ) {
        return;
    }
    let mut table = Table::new(COMMITMENTS_HEAD.to_vec());
    for c in &s.commitments {
        table.rows.push(commitment_row(s, c));
    }
    out.push(Block::Table(table));
}

fn commitment_row<'a>(s: &'a Session, c: &'a crate::session::Commitment) -> Vec<Cell<'a>> {
    vec![
        Cell::num(c.id.to_string()),
        Cell::of(vec![cp_title(s, &c.checkpoint)]),
        Cell::of(what(c)),
        Cell::of(owner(&c.owner)),
        Cell::num(c.review.to_string()),
        Cell::word(c.status.label()),
        Cell::text(c.loss.as_str()),
    ]
}

fn time_spent<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    out.push(Block::Heading(3, vec![word("Time per checkpoint")]));
    let mut table = Table::new(TIME_HEAD.to_vec());
    let mut total = 0;
    for i in 0..s.workshop.checkpoints.len() {
        let (row, spent) = time_row(s, i);
        total += spent;
        table.rows.push(row);
    }
    table.total = Some(("Total", vec![word(minutes(total))]));
    out.push(Block::Table(table));
}

/// Checkpoint `i`'s row, and the seconds spent there.
fn time_row(s: &Session, i: usize) -> (Vec<Cell<'_>>, u64) {
    let cp = &s.workshop.checkpoints[i];
    let progress = s.progress.checkpoints.iter().find(|p| p.id == cp.id);
    let (status, spent, extra) = progress.map_or(("not yet", 0, 0), |p| {
        (p.status.label(), p.spent_secs, p.extra_mins)
    });
    let mut timebox = format!("{} min", cp.timebox_mins);
    if extra > 0 {
        timebox += &format!(" + {extra} added");
    }
    let row = vec![
        Cell::num((i + 1).to_string()),
        Cell::word(cp.place.label().to_lowercase()),
        Cell::text(cp.title.as_str()),
        Cell::word(status),
        Cell::num(minutes(spent)),
        Cell::num(timebox),
    ];
    (row, spent)
}

/// Band moves and skips, each with its time and reason; nothing when the
/// session has neither.
fn changes<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    let list = history::changes(s);
    if list.is_empty() {
        return;
    }
    out.push(Block::Heading(3, vec![word(crate::strings::CHANGES)]));
    let mut table = Table::new(CHANGES_HEAD.to_vec());
    table.rows.extend(list.into_iter().map(change_row));
    out.push(Block::Table(table));
}

fn change_row(c: history::Change<'_>) -> Vec<Cell<'_>> {
    vec![
        Cell::word(c.at),
        Cell::text(c.checkpoint),
        Cell::word(c.what),
        Cell::text(c.why),
    ]
}
