//! The session and compare views as lists of parts, built once when a view
//! opens. A session view's part may take several lines at a width
//! (`lines`); scrolling moves through the list and the screen draws only the
//! parts that fit, so a 10,000-item session scrolls as fast as a small one.

use super::compare::Comparison;
use crate::export::report::{Rows, row_count};
use crate::session::{ItemKind, SCALE_MAX, Session};

/// One part of the session view: a line, or more where it wraps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Blank,
    /// A heading and how many items follow it.
    Heading(Section, usize),
    /// Nothing in this section.
    None,
    /// One row of the tension chart, at this level.
    Chart(u8),
    /// The chart's bottom: each reading's move.
    ChartMoves,
    /// Row `i` of one of the report's tables of the full record.
    Row(Rows, usize),
    /// Map `i`, as the report's full record gives it: one part of several
    /// lines, laid out only when it is on screen.
    Map(usize),
    /// An item of a kind without a section shape of its own: its row of
    /// the report's full record.
    Item(ItemKind, usize),
    /// An item raised in earlier sessions, then where (`SessionView::recurring`).
    Recurring(usize),
    RecurringWhere(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Tension,
    Readings,
    /// Band moves and skips.
    Changes,
    Gadflies,
    Polarities,
    Commitments,
    /// A kind without a section shape of its own, under its heading.
    Kind(ItemKind),
    Time,
    Recurring,
}

/// The kinds the session view gives a section shape of their own, first.
const OWN_SECTIONS: [ItemKind; 2] = [ItemKind::Gadfly, ItemKind::Polarity];

/// The session view, top to bottom.
pub fn session(s: &Session) -> Vec<Part> {
    let mut out = Vec::new();
    section(&mut out, Section::Tension, s.readings.len());
    if !s.readings.is_empty() {
        out.extend((0..=SCALE_MAX).rev().map(Part::Chart));
        out.push(Part::ChartMoves);
    }
    rows(&mut out, s, Section::Readings, Rows::Readings);
    if row_count(s, Rows::Changes) > 0 {
        rows(&mut out, s, Section::Changes, Rows::Changes);
    }
    rows(&mut out, s, Section::Gadflies, Rows::Gadflies);
    section(&mut out, Section::Polarities, s.polarities.len());
    for i in 0..s.polarities.len() {
        if i > 0 {
            out.push(Part::Blank);
        }
        out.push(Part::Map(i));
    }
    // The other kinds in the order of the report's full record, each item
    // its row there; commitments at their place, with a line of their own.
    for kind in ItemKind::all().filter(|k| !OWN_SECTIONS.contains(k)) {
        if kind == ItemKind::Commitment {
            rows(&mut out, s, Section::Commitments, Rows::Commitments);
            continue;
        }
        let n = s.count(kind);
        section(&mut out, Section::Kind(kind), n);
        out.extend((0..n).map(|i| Part::Item(kind, i)));
    }
    rows(&mut out, s, Section::Time, Rows::Time);
    out
}

/// A section that is one of the report's tables, a part per row.
fn rows(out: &mut Vec<Part>, s: &Session, sec: Section, rows: Rows) {
    let n = row_count(s, rows);
    section(out, sec, n);
    out.extend((0..n).map(|i| Part::Row(rows, i)));
}

/// A heading, after a blank line unless it comes first, and "nothing here"
/// under it when it heads nothing.
fn section(out: &mut Vec<Part>, sec: Section, n: usize) {
    if !out.is_empty() {
        out.push(Part::Blank);
    }
    out.push(Part::Heading(sec, n));
    if n == 0 {
        out.push(Part::None);
    }
}

/// The lines put first in the session view for `n` items raised in
/// earlier sessions: each item, then where it was raised.
pub fn recurring(n: usize) -> Vec<Part> {
    let mut out = vec![Part::Heading(Section::Recurring, n)];
    for i in 0..n {
        out.push(Part::Recurring(i));
        out.push(Part::RecurringWhere(i));
    }
    out.push(Part::Blank);
    out
}

/// One line of the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CPart {
    Blank,
    Heading(CSection, usize),
    None,
    Entry(usize),
    Commitment(usize),
    Adopted(usize),
    Recurring(usize),
    Fired(usize),
    /// A session's time below, inside and above the band.
    Zones(usize),
    /// A tactic and what the next reading did after it.
    Tactic(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CSection {
    Tension,
    Commitments,
    Adopted,
    Recurring,
    Fired,
    Zones,
    Tactics,
}

pub fn compare(c: &Comparison) -> Vec<CPart> {
    let mut out = Vec::new();
    let section = |out: &mut Vec<CPart>, sec: CSection, n: usize| {
        if !out.is_empty() {
            out.push(CPart::Blank);
        }
        out.push(CPart::Heading(sec, n));
        if n == 0 {
            out.push(CPart::None);
        }
    };
    section(&mut out, CSection::Tension, c.entries.len());
    out.extend((0..c.entries.len()).map(CPart::Entry));
    section(&mut out, CSection::Zones, c.heat.sessions.len());
    out.extend((0..c.heat.sessions.len()).map(CPart::Zones));
    section(&mut out, CSection::Tactics, c.heat.tactics.len());
    out.extend((0..c.heat.tactics.len()).map(CPart::Tactic));
    section(&mut out, CSection::Commitments, c.commitments.len());
    out.extend((0..c.commitments.len()).map(CPart::Commitment));
    section(&mut out, CSection::Adopted, c.adopted.len());
    out.extend((0..c.adopted.len()).map(CPart::Adopted));
    section(&mut out, CSection::Recurring, c.recurring.len());
    out.extend((0..c.recurring.len()).map(CPart::Recurring));
    section(&mut out, CSection::Fired, c.fired.len());
    out.extend((0..c.fired.len()).map(CPart::Fired));
    out
}
