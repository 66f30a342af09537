//! The session view's parts as screen lines at a width: each part's words
//! (what it says first, then what is secondary), word-wrapped and continued
//! on indented lines. The flow measures parts with it to scroll by lines,
//! the screen draws the lines it gives; only the parts asked for are built,
//! so a 10,000-item session costs a screenful.

use unicode_width::UnicodeWidthStr;

use super::followup::is_carried;
use super::outline::{Part, Section};
use super::recurring::Recurrence;
use crate::export::report::{self, Block, Cell, Entry, Item, Rows};
use crate::session::{Session, Zone};
use crate::strings as s;
use crate::text::{trunc, wrap};

/// How a piece of a line looks; the screen says what each tone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Base,
    Dim,
    Heading,
    Title,
    /// A reading, in its zone's colour.
    Zone(Zone),
}

/// One screen line: pieces of text, each in its tone.
pub type Line = Vec<(String, Tone)>;

/// What a part says: `main` in `tone`, `indent` columns in, then each of
/// `more`, dim: on the same line when it fits there, else on lines of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub indent: usize,
    pub main: String,
    pub tone: Tone,
    pub more: Vec<String>,
}

/// Continued lines start this much further in than their part.
const MORE: usize = 4;
/// A part stops here (a 20,000-character field is some 200 lines).
const MAX_LINES: usize = 400;

impl Words {
    pub fn new(indent: usize, main: impl Into<String>, tone: Tone) -> Self {
        Words {
            indent,
            main: main.into(),
            tone,
            more: Vec::new(),
        }
    }
}

/// The lines of `part` at `w` columns (at least one); a chart row is drawn
/// by the screen and is one line.
pub fn lines(ses: &Session, recurring: &[Recurrence], part: Part, w: usize) -> Vec<Line> {
    let out: Vec<Line> = match (part, words(ses, recurring, part)) {
        (Part::Map(i), _) => map_lines(ses, i)
            .iter()
            .flat_map(|words| laid_out(words, w))
            .collect(),
        (_, Some(words)) => laid_out(&words, w),
        (_, None) => Vec::new(),
    };
    if out.is_empty() {
        return vec![Vec::new()];
    }
    out
}

/// How many lines `part` takes at `w` columns.
pub fn height(ses: &Session, recurring: &[Recurrence], part: Part, w: usize) -> usize {
    lines(ses, recurring, part, w).len()
}

/// `words` wrapped at `w` columns: words are not cut (unless one alone is
/// wider than the line), continued lines are indented.
pub fn laid_out(words: &Words, w: usize) -> Vec<Line> {
    let cont = words.indent + MORE;
    let room = w.saturating_sub(cont).max(1);
    let first = w.saturating_sub(words.indent).max(1);
    let pad = |n: usize| " ".repeat(n);
    let mut out: Vec<Line> = Vec::new();
    for (k, l) in fill(&words.main, first, room).into_iter().enumerate() {
        let lead = if k == 0 { words.indent } else { cont };
        out.push(vec![(pad(lead) + &l, words.tone)]);
    }
    if out.is_empty() {
        out.push(vec![(String::new(), words.tone)]);
    }
    for more in words.more.iter().filter(|m| !m.trim().is_empty()) {
        let more = trunc(more, usize::MAX);
        let last = out.last_mut().expect("a line");
        let used: usize = last.iter().map(|(t, _)| t.width()).sum();
        if used + 3 + more.width() <= w {
            last.push((format!(" · {more}"), Tone::Dim));
            continue;
        }
        for l in fill(&more, room, room) {
            out.push(vec![(pad(cont) + &l, Tone::Dim)]);
        }
    }
    out
}

/// `text` on lines of `first` columns, then `rest`: a word goes whole to
/// the next line when it does not fit (one wider than a line is broken);
/// line breaks become spaces and what a terminal would obey is left out.
fn fill(text: &str, first: usize, rest: usize) -> Vec<String> {
    let text = trunc(text, usize::MAX);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let mut cut = false;
    // A separator stays with the word before it: no line starts with "·".
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|x| !x.is_empty()) {
        match words.last_mut() {
            Some(last) if word == "·" => *last += " ·",
            _ => words.push(word.to_string()),
        }
    }
    for word in words.iter().map(String::as_str) {
        let cap = if out.is_empty() { first } else { rest };
        let ww = word.width();
        if used > 0 && used + 1 + ww <= cap {
            line.push(' ');
            line += word;
            used += 1 + ww;
            continue;
        }
        if used > 0 {
            out.push(std::mem::take(&mut line));
        }
        if out.len() >= MAX_LINES {
            cut = true;
            break;
        }
        let cap = if out.is_empty() { first } else { rest };
        if ww <= cap {
            line = word.to_string();
            used = ww;
        } else {
            // A word wider than a line, in pieces (graphemes whole).
            let mut pieces = wrap(word, rest.min(cap), MAX_LINES);
            line = pieces.pop().unwrap_or_default();
            used = line.width();
            out.extend(pieces);
        }
    }
    if used > 0 {
        out.push(line);
    }
    if cut || out.len() > MAX_LINES {
        out.truncate(MAX_LINES);
        if let Some(last) = out.last_mut() {
            *last = trunc(&format!("{last} …"), rest);
        }
    }
    out
}

/// The words of `part`; none for the chart's rows and a map (several
/// parts' words, `map_lines`).
fn words(ses: &Session, recurring: &[Recurrence], part: Part) -> Option<Words> {
    Some(match part {
        Part::Blank => Words::new(0, "", Tone::Base),
        Part::Heading(sec, n) => Words::new(0, s::section(section_name(sec), n), Tone::Heading),
        Part::None => Words::new(2, s::NOTHING_HERE, Tone::Dim),
        Part::Chart(_) | Part::ChartMoves | Part::Map(_) => return None,
        Part::Row(rows, i) => row(ses, rows, i),
        Part::Item(kind, i) => {
            // The item's row of the report's full record, its cells in turn.
            let cells = report::item_cells(ses, kind, i).unwrap_or_default();
            let words: Vec<String> = cells
                .iter()
                .map(|c| plain(c))
                .filter(|c| !c.trim().is_empty())
                .collect();
            Words::new(2, words.join(" · "), Tone::Base)
        }
        Part::Recurring(i) => match recurring.get(i) {
            Some(r) => Words::new(2, format!("{}: {}", r.kind, r.text), Tone::Base),
            None => Words::new(0, "", Tone::Base),
        },
        Part::RecurringWhere(i) => match recurring.get(i) {
            Some(r) => Words::new(6, r.said(), Tone::Dim),
            None => Words::new(0, "", Tone::Base),
        },
    })
}

pub fn section_name(sec: Section) -> &'static str {
    match sec {
        Section::Tension => s::SEC_TIMELINE,
        Section::Readings => s::SEC_READINGS_AND_MOVES,
        Section::Changes => s::CHANGES,
        Section::Gadflies => s::SEC_GADFLY_IDEAS,
        Section::Polarities => s::SEC_POLARITY_MAPS,
        Section::Commitments => s::SEC_COMMITMENTS,
        Section::Time => s::SEC_TIME_PER_CHECKPOINT,
        Section::Kind(kind) => kind.heading(),
        Section::Recurring => s::SEC_RAISED_BEFORE,
    }
}

/// The report's words as they are: the screen has its own emphasis.
pub fn plain(spans: &[report::Span]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            report::Span::Word(w) | report::Span::Text(w) => out.push_str(w),
            report::Span::Term(w) => out.push_str(w),
            report::Span::Quote(t) => out += &format!("“{}”", plain(t)),
            report::Span::Em(t)
            | report::Span::Strong(t)
            | report::Span::Flag(t)
            | report::Span::Caveat(t) => out += &plain(t),
        }
    }
    out
}

/// The columns of a table the screen shows: "#" numbers only the
/// checkpoints (the others' order numbers them); headings say where, so an
/// item's line keeps to what was said.
fn shown(rows: Rows, head: &str) -> bool {
    match head {
        "#" => rows == Rows::Time,
        "Checkpoint" => matches!(rows, Rows::Time | Rows::Changes),
        "Time" => rows != Rows::Gadflies,
        _ => true,
    }
}

/// The column a table's line starts with, in brackets: what became of an
/// idea, where a commitment stands.
fn lead(rows: Rows) -> Option<&'static str> {
    match rows {
        Rows::Gadflies => Some("Fate"),
        Rows::Commitments => Some("Status"),
        _ => None,
    }
}

/// The columns said after the rest, dim: the story around an item.
fn secondary(rows: Rows, head: &str) -> bool {
    matches!(
        (rows, head),
        (Rows::Readings | Rows::Changes, "Why")
            | (Rows::Gadflies, "Reaction")
            | (Rows::Commitments, "What it costs")
    )
}

/// A table's row: the lead column in brackets (what follows its first word,
/// such as the work an idea became, said after the rest), the checkpoint's
/// number, the shown cells joined, a number or an owner named by its
/// column; then the secondary columns.
fn row(ses: &Session, rows: Rows, i: usize) -> Words {
    let cells = report::row(ses, rows, i).unwrap_or_default();
    let head = report::head(rows);
    let day = ses.meta.created.format("%Y-%m-%d ").to_string();
    let mut main = String::new();
    let mut more = Vec::new();
    let mut words = Vec::new();
    for (h, c) in head.iter().zip(&cells) {
        let t = plain(&c.text);
        if Some(*h) == lead(rows) {
            let (first, rest) = split_first(&c.text);
            main = format!("[{first}] ") + &main;
            more.extend(rest);
        } else if *h == "#" && shown(rows, h) {
            main += &format!("{t}. ");
        } else if !shown(rows, h) || t.trim().is_empty() {
            continue;
        } else if secondary(rows, h) {
            more.push(t);
        } else {
            words.push(match t {
                t if c.num || *h == "Owner" => format!("{} {t}", h.to_lowercase()),
                t if *h == "Time" => t
                    .strip_prefix(day.as_str())
                    .map_or(t.clone(), str::to_string),
                t => t,
            });
        }
    }
    main += &words.join(" · ");
    let at = match rows {
        Rows::Gadflies => ses.gadflies.get(i).map(|g| g.at),
        Rows::Commitments => ses.commitments.get(i).map(|c| c.at),
        _ => None,
    };
    if at.is_some_and(|at| is_carried(ses, at)) {
        main += &format!(" · {}", s::CARRIED);
    }
    let tone = match rows {
        Rows::Readings => ses
            .readings
            .get(i)
            .map_or(Tone::Base, |r| Tone::Zone(r.zone)),
        _ => Tone::Base,
    };
    Words {
        indent: 2,
        main,
        tone,
        more,
    }
}

/// A cell's first span, and the rest of it without the ", " or ": " that
/// joins them (none when there is no rest).
fn split_first(cell: &[report::Span]) -> (String, Option<String>) {
    let k = cell.len().min(1);
    let rest = plain(&cell[k..])
        .trim_start_matches([',', ':', ' '])
        .to_string();
    (plain(&cell[..k]), (!rest.is_empty()).then_some(rest))
}

/// Map `i` as the report's full record gives it, line by line: its
/// names, when and where it was mapped and what all its poles serve, each
/// pole with what it brings and costs, then its early-warning signs.
pub fn map_lines(ses: &Session, i: usize) -> Vec<Words> {
    let carried = ses.polarities.get(i).is_some_and(|p| is_carried(ses, p.at));
    let mut out = Vec::new();
    for block in report::map_blocks(ses, i) {
        match block {
            Block::Heading(_, t) => {
                let mut main = plain(&t);
                if carried {
                    main += &format!(" · {}", s::CARRIED);
                }
                out.push(Words::new(2, main, Tone::Title));
            }
            Block::Stamp(at, about) => {
                out.push(Words::new(2, plain(&at) + &plain(&about), Tone::Dim));
            }
            Block::List(list) => {
                for e in &list.entries {
                    if let Entry::Item(item) = e {
                        entry(&mut out, item, 2);
                    }
                }
            }
            Block::Table(t) => {
                for row in &t.rows {
                    out.push(sign(&t.head, row));
                }
            }
            Block::Para(t) | Block::Muted(t) => out.push(Words::new(2, plain(&t), Tone::Dim)),
            _ => {}
        }
    }
    out
}

/// A list's item and, further in, its children.
fn entry(out: &mut Vec<Words>, item: &Item, indent: usize) {
    let tone = if item.muted { Tone::Dim } else { Tone::Base };
    out.push(Words::new(indent, plain(&item.text), tone));
    for child in &item.children {
        entry(out, child, indent + 2);
    }
}

/// A row of a map's table of early-warning signs: the sign, then each
/// other column by its name.
fn sign(head: &[&str], row: &[Cell]) -> Words {
    let mut cells = head.iter().zip(row);
    let first = cells
        .next()
        .map(|(_, c)| plain(&c.text))
        .unwrap_or_default();
    let rest: Vec<String> = cells
        .map(|(h, c)| format!("{}: {}", h.to_lowercase(), plain(&c.text)))
        .collect();
    let mut w = Words::new(2, format!("⚠ {first}"), Tone::Base);
    if !rest.is_empty() {
        w.more.push(rest.join(" · "));
    }
    w
}

/// A session view's parts measured at a width, only those passed over.
pub struct Measure<'a> {
    pub session: &'a Session,
    pub recurring: &'a [Recurrence],
    pub parts: &'a [Part],
    pub width: usize,
}

impl Measure<'_> {
    pub fn scroll(&self) -> Scroll<impl Fn(usize) -> usize + '_> {
        Scroll {
            len: self.parts.len(),
            height: |i| height(self.session, self.recurring, self.parts[i], self.width),
        }
    }

    pub fn last(&self, rows: usize) -> (usize, usize) {
        self.scroll().last(rows)
    }
}

/// A view of `len` parts, each `height` lines (measured only when passed
/// over): where a screen may start and how it moves. A place is a part and
/// how many of its lines are above the screen.
pub struct Scroll<F> {
    pub len: usize,
    pub height: F,
}

impl<F: Fn(usize) -> usize> Scroll<F> {
    fn height(&self, i: usize) -> usize {
        (self.height)(i).max(1)
    }

    /// Where the last screen of `rows` lines starts, so that it is full.
    pub fn last(&self, rows: usize) -> (usize, usize) {
        let mut need = rows.max(1);
        for i in (0..self.len).rev() {
            let h = self.height(i);
            if h >= need {
                return (i, h - need);
            }
            need -= h;
        }
        (0, 0)
    }

    /// `k` lines further down from `at`, or the view's last line.
    pub fn down(&self, mut at: (usize, usize), k: usize) -> (usize, usize) {
        let mut left = k;
        while left > 0 && at.0 < self.len {
            let step = (self.height(at.0) - 1).saturating_sub(at.1).min(left);
            at.1 += step;
            left -= step;
            if left == 0 || at.0 + 1 >= self.len {
                break;
            }
            at = (at.0 + 1, 0);
            left -= 1;
        }
        at
    }

    /// `k` lines further up from `at`, or the top.
    pub fn up(&self, mut at: (usize, usize), k: usize) -> (usize, usize) {
        let mut left = k;
        while left > 0 {
            let step = at.1.min(left);
            at.1 -= step;
            left -= step;
            if left == 0 || at.0 == 0 {
                break;
            }
            at = (at.0 - 1, self.height(at.0 - 1) - 1);
            left -= 1;
        }
        at
    }
}

/// A screen of `rows` lines from place `at` of a view of `len` parts, each
/// drawn by `draw` only when it is on screen; and the part after the last
/// one shown.
pub fn screenful<T>(
    len: usize,
    at: (usize, usize),
    rows: usize,
    mut draw: impl FnMut(usize) -> Vec<T>,
) -> (Vec<T>, usize) {
    let mut out = Vec::with_capacity(rows);
    let mut next = at.0;
    while out.len() < rows && next < len {
        let skip = if next == at.0 { at.1 } else { 0 };
        let room = rows - out.len();
        out.extend(draw(next).into_iter().skip(skip).take(room));
        next += 1;
    }
    (out, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_long_part_wraps_at_words_and_continues_indented() {
        let mut w = Words::new(2, "alpha beta gamma delta epsilon", Tone::Base);
        w.more.push("why it was so".into());
        let lines = laid_out(&w, 20);
        assert_eq!(
            text(&lines),
            [
                "  alpha beta gamma",
                "      delta epsilon",
                "      why it was so"
            ]
        );
        // What is secondary is dim, on its own line when it does not fit.
        assert_eq!(lines[2][0].1, Tone::Dim);
        assert_eq!(lines[0][0].1, Tone::Base);
    }

    #[test]
    fn a_separator_goes_with_the_word_before_it() {
        let w = Words::new(2, "alpha beta · gamma", Tone::Base);
        assert_eq!(
            text(&laid_out(&w, 12)),
            ["  alpha", "      beta ·", "      gamma"]
        );
    }

    #[test]
    fn what_is_secondary_stays_on_the_line_when_it_fits() {
        let mut w = Words::new(2, "alpha", Tone::Base);
        w.more.push("why".into());
        let lines = laid_out(&w, 20);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0][1], (" · why".to_string(), Tone::Dim));
    }

    #[test]
    fn a_part_stops_at_its_last_line_and_says_so() {
        let long = "word ".repeat(10 * MAX_LINES);
        let lines = fill(&long, 20, 20);
        assert_eq!(lines.len(), MAX_LINES);
        assert!(lines[MAX_LINES - 1].ends_with('…'));
    }

    #[test]
    fn no_line_is_wider_than_the_screen_even_for_one_huge_word() {
        let w = Words::new(2, "x".repeat(100), Tone::Base);
        for line in laid_out(&w, 30) {
            let width: usize = line.iter().map(|(t, _)| t.width()).sum();
            assert!(width <= 30, "{line:?}");
        }
        // An empty part is one empty line.
        assert_eq!(laid_out(&Words::new(0, "", Tone::Base), 30).len(), 1);
    }
}
