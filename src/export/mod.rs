//! Exports of a session for people who were not in the room: Markdown a
//! sponsor reads in two minutes, one self-contained HTML page that prints
//! cleanly, and CSV for spreadsheets.
//!
//! Every export is a pure function of the session: no clock, no hash-map
//! order, so the same file always gives the same bytes (and snapshot tests
//! can hold us to that).

use crate::session::{
    Author, Commitment, CommitmentStatus, Fate, Gadfly, Mode, Polarity, Reading, Session, Side,
    Timestamp,
};

/// Writing into a `String` cannot fail; this keeps the renderers readable.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        use ::std::fmt::Write as _;
        let _ = $dst.write_fmt(format_args!($($arg)*));
    }};
}

mod chart;
mod csv;
mod history;
mod html;
mod ics;
mod markdown;
pub mod report;
mod typed;

pub use csv::to_csv;
pub use html::to_html;
pub use ics::to_ics;
pub(crate) use markdown::md;
pub use markdown::to_markdown;

/// A tension reading's own columns, in order: the CSV has them all; the
/// full record's table has all but the last, telling the idea a reading
/// followed in its "Why".
const READING_COLUMNS: [&str; 7] = [
    "Level",
    "Band",
    "Zone",
    "Move",
    "Tactic",
    "Why",
    "After gadfly idea",
];

/// Who felt the heat and reacted: the room, or a solo leader alone.
fn who(s: &Session) -> &'static str {
    if s.meta.mode == crate::session::Mode::Solo {
        "I"
    } else {
        "the room"
    }
}

/// What a reading is of: the room's heat, or one's own.
fn read_of(s: &Session) -> &'static str {
    if who(s) == "I" {
        "my own heat"
    } else {
        "the room"
    }
}

/// The formats a session is exported in (`balcony export --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    Csv,
    /// One calendar event per open commitment, on its review date
    Ics,
}

/// The export in the chosen format.
pub fn render(session: &Session, format: ExportFormat) -> String {
    match format {
        ExportFormat::Md => to_markdown(session),
        ExportFormat::Html => to_html(session),
        ExportFormat::Csv => to_csv(session),
        ExportFormat::Ics => to_ics(session),
    }
}

/// Like [`render`], with `more` at the end of the sponsor's summary (what the
/// archive knows, say). Only Markdown and HTML have a summary; the other
/// formats are as `render` writes them.
pub fn render_with<'a>(
    session: &'a Session,
    format: ExportFormat,
    more: Vec<report::Block<'a>>,
) -> String {
    let mut r = report::of(session);
    if let Some(summary) = r.parts.iter_mut().find(|p| p.id == "summary") {
        summary.blocks.extend(more);
    }
    match format {
        ExportFormat::Md => markdown::of_report(&r, session),
        ExportFormat::Html => html::page(&r),
        _ => render(session, format),
    }
}

/// How many entries a summary list shows before pointing to the full record:
/// the summary must stay a two-minute read even for a huge session.
pub(crate) const SUMMARY_CAP: usize = 8;

/// Solo sessions are private reflections: no names of the people in them.
pub(crate) fn is_private(s: &Session) -> bool {
    s.meta.mode == Mode::Solo
}

pub(crate) fn facilitator(s: &Session) -> &str {
    if is_private(s) {
        "(private)"
    } else if s.meta.facilitator.trim().is_empty() {
        "(not named)"
    } else {
        &s.meta.facilitator
    }
}

pub(crate) fn author<'a>(s: &Session, a: &'a Author) -> &'a str {
    match a {
        Author::Named(name) if !is_private(s) && !name.trim().is_empty() => name,
        _ => "anonymous",
    }
}

/// The checkpoint's title, or its id when the workshop no longer has it.
pub(crate) fn checkpoint_title<'a>(s: &'a Session, id: &'a str) -> &'a str {
    s.workshop.checkpoint(id).map_or(id, |c| c.title.as_str())
}

/// The tactic's name, or its raw id when the workshop does not know it.
pub(crate) fn tactic_name<'a>(s: &'a Session, r: &'a Reading) -> Option<&'a str> {
    let id = r.tactic.as_deref()?;
    Some(s.workshop.tactic(id).map_or(id, |t| t.name.as_str()))
}

pub(crate) fn when(t: &Timestamp) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

pub fn minutes(secs: u64) -> String {
    let m = (secs + 30) / 60;
    if m >= 60 {
        format!("{} h {:02} min", m / 60, m % 60)
    } else {
        format!("{m} min")
    }
}

pub(crate) fn gadfly(s: &Session, id: u32) -> Option<&Gadfly> {
    s.gadflies.iter().find(|g| g.id == id)
}

/// Readings flagged as a possible silencing: heat lowered right after a
/// gadfly spoke. Each comes with the idea, when it is still in the file.
/// One per idea, and none for an idea declined (with its reason) since:
/// older files flagged every lowering.
pub(crate) fn silencings(s: &Session) -> Vec<(&Reading, Option<&Gadfly>)> {
    let mut seen = std::collections::HashSet::new();
    s.readings
        .iter()
        .filter(|r| r.move_ == crate::session::Move::Lower)
        .filter_map(|r| r.after_gadfly.map(|g| (r, gadfly(s, g))))
        .filter(|(r, g)| {
            !g.is_some_and(|g| matches!(g.fate, Fate::Declined(_))) && seen.insert(r.after_gadfly)
        })
        .collect()
}

/// "a gadfly idea" or "3 gadfly ideas".
fn ideas(n: usize) -> String {
    if n == 1 {
        "a gadfly idea".to_string()
    } else {
        format!("{n} gadfly ideas")
    }
}

/// The ideas a sponsor must not lose sight of: still alive but not adopted
/// (parked, exploring), then the declined ones with their reasons.
pub(crate) fn minority_report(s: &Session) -> (Vec<&Gadfly>, Vec<&Gadfly>) {
    let alive = s
        .gadflies
        .iter()
        .filter(|g| matches!(g.fate, Fate::Parked | Fate::Exploring))
        .collect();
    let declined = s
        .gadflies
        .iter()
        .filter(|g| matches!(g.fate, Fate::Declined(_)))
        .collect();
    (alive, declined)
}

/// Open first (they need chasing), then kept, then dropped; soonest review
/// first within each; id breaks ties so the order never wobbles.
pub(crate) fn commitments_for_review(s: &Session) -> Vec<&Commitment> {
    let rank = |c: &Commitment| match c.status {
        CommitmentStatus::Open => 0,
        CommitmentStatus::Kept => 1,
        CommitmentStatus::Dropped => 2,
    };
    let mut v: Vec<&Commitment> = s.commitments.iter().collect();
    v.sort_by_key(|c| (rank(c), c.review, c.id));
    v
}

/// Counts of readings per zone: (too cold, productive, too hot).
pub(crate) fn zone_counts(s: &Session) -> (usize, usize, usize) {
    use crate::session::Zone::*;
    s.readings
        .iter()
        .fold((0, 0, 0), |(c, p, h), r| match r.zone {
            TooCold => (c + 1, p, h),
            Productive => (c, p + 1, h),
            TooHot => (c, p, h + 1),
        })
}

/// The first `SUMMARY_CAP / 2` and last `SUMMARY_CAP / 2` entries when a
/// list is long, with how many were left out between them.
pub(crate) fn ends<T>(items: &[T]) -> (&[T], usize, &[T]) {
    if items.len() <= SUMMARY_CAP + 2 {
        (items, 0, &[])
    } else {
        let half = SUMMARY_CAP / 2;
        (
            &items[..half],
            items.len() - 2 * half,
            &items[items.len() - half..],
        )
    }
}

/// "1 idea", "3 ideas".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 brutal facts", "1 value conflict": counts in words a sponsor reads.
pub(crate) fn count_of(kind: crate::session::ItemKind, n: usize) -> String {
    kind.counted(n)
}

/// The "Captured" line: every kind that has items, in the usual order.
pub(crate) fn captured(s: &Session) -> String {
    let counts: Vec<String> = crate::session::ItemKind::all()
        .filter(|k| s.count(*k) > 0)
        .map(|k| count_of(k, s.count(k)))
        .collect();
    if counts.is_empty() {
        "nothing yet".to_string()
    } else {
        counts.join(", ")
    }
}

/// The name of the pole on `side`: early warnings say which value is overdone.
pub(crate) fn pole_name(p: &Polarity, side: Side) -> &str {
    p.pole_name(side)
}

pub(crate) fn watcher(name: &str) -> &str {
    if name.trim().is_empty() {
        "nobody yet"
    } else {
        name
    }
}

/// Value conflicts for the summary: those whose early warnings have fired
/// first (most sightings first), since a sponsor should see them; otherwise
/// in the order they were mapped.
pub(crate) fn polarities_for_summary(s: &Session) -> Vec<&Polarity> {
    let seen = |p: &Polarity| p.warnings.iter().map(|w| w.fired.len()).sum::<usize>();
    let mut v: Vec<&Polarity> = s.polarities.iter().collect();
    // Stable sort: ties keep the mapped order.
    v.sort_by_key(|p| std::cmp::Reverse(seen(p)));
    v
}

/// "3 early-warning signs, 1 of them seen so far."
pub(crate) fn warnings_line(s: &Session) -> String {
    let all = s.polarities.iter().map(|p| p.warnings.len()).sum::<usize>();
    let seen = s
        .polarities
        .iter()
        .flat_map(|p| &p.warnings)
        .filter(|w| !w.fired.is_empty())
        .count();
    if all == 0 {
        "No early-warning sign has been named yet.".into()
    } else {
        format!(
            "{}, {seen} of them seen so far.",
            plural(all, "early-warning sign", "early-warning signs")
        )
    }
}
