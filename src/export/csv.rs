//! CSV for spreadsheets: one row per item, reading and early-warning sign,
//! in the order they were captured.
//!
//! Columns: `kind, id, checkpoint, checkpoint_title, time`, then the columns
//! of each kind, named "KIND: COLUMN" ("brutal fact: Source"). A row fills
//! only its own kind's columns, so every column means one thing wherever it
//! is read; each kind's columns are those its full record shows. Lists
//! inside a cell (a pole's upsides, a faction's values) have one entry per
//! line.
//!
//! Quoting follows RFC 4180 (CRLF line ends, quotes doubled, fields with a
//! comma, quote or line break quoted, and those with a `;` or tab, which
//! many locales split on). A cell a spreadsheet would run as a formula
//! (starting `=`, `+`, `-`, `@`, tab or CR, at the field's start or after any
//! separator or line break in it) gets a `'` before that character.

use std::borrow::Cow;

use super::*;
use crate::kinds::{Cell, with_kind};
use crate::session::{ItemKind, Kind, Stored};

/// The columns every row has.
const FIXED: [&str; 5] = ["kind", "id", "checkpoint", "checkpoint_title", "time"];

/// A tension reading's columns.
const READING: (&str, &[&str]) = ("tension reading", &READING_COLUMNS);

/// An early-warning sign's columns (a sign is part of a map, with a row of
/// its own so a spreadsheet can count them).
const SIGN: (&str, &[&str]) = (
    "early-warning sign",
    &["Sign", "Too much of", "Watcher", "Times seen", "Seen at"],
);

/// Each kind of row's name and columns, in the order they stand.
fn groups() -> Vec<(&'static str, &'static [&'static str])> {
    let mut out = vec![READING];
    out.extend(ItemKind::all().map(|k| with_kind!(k, K => (K::LABEL, K::COLUMNS))));
    out.push(SIGN);
    out
}

/// The header row.
pub fn header() -> Vec<String> {
    let mut out: Vec<String> = FIXED.iter().map(|c| c.to_string()).collect();
    for (name, cols) in groups() {
        out.extend(cols.iter().map(|c| format!("{name}: {c}")));
    }
    out
}

struct Row<'a> {
    at: Timestamp,
    id: u32,
    /// Keeps each early warning right after its map when times are equal.
    order: usize,
    kind: &'static str,
    checkpoint: &'a str,
    cells: Vec<Cow<'a, str>>,
}

pub fn to_csv(s: &Session) -> String {
    let rows = rows(s);
    let groups = groups();
    let header = header();
    let mut out = String::with_capacity(256 + 160 * rows.len());
    line(&mut out, header.iter().map(String::as_str));
    for r in &rows {
        let id = r.id.to_string();
        let time = r.at.to_rfc3339();
        let fixed = [
            r.kind,
            id.as_str(),
            r.checkpoint,
            checkpoint_title(s, r.checkpoint),
            time.as_str(),
        ];
        // Empty cells before and after the row's own kind's columns.
        let mut before = 0;
        let mut after = 0;
        let mut seen = false;
        for (name, cols) in &groups {
            if *name == r.kind {
                seen = true;
            } else if seen {
                after += cols.len();
            } else {
                before += cols.len();
            }
        }
        let blanks = |n: usize| std::iter::repeat_n("", n);
        line(
            &mut out,
            fixed
                .into_iter()
                .chain(blanks(before))
                .chain(r.cells.iter().map(|c| c.as_ref()))
                .chain(blanks(after)),
        );
    }
    out
}

fn cell<'a>(s: &Session, c: Cell<'a>) -> Cow<'a, str> {
    match c {
        Cell::Text(t) | Cell::OrNone(t, _) => Cow::Borrowed(t),
        Cell::Word(w) => Cow::Borrowed(w),
        Cell::Owned(w) => Cow::Owned(w),
        Cell::Date(d) => Cow::Owned(d.to_string()),
        Cell::List(l) => Cow::Owned(l.join("\n")),
        Cell::Author(a) => Cow::Owned(author(s, a).to_string()),
    }
}

fn rows<'a>(s: &'a Session) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = Vec::with_capacity(s.item_count() + s.readings.len() + 8);
    for r in &s.readings {
        rows.push(Row {
            at: r.at,
            id: r.id,
            order: 0,
            kind: READING.0,
            checkpoint: &r.checkpoint,
            cells: vec![
                Cow::Owned(r.level.to_string()),
                Cow::Owned(format!("{} to {}", r.band.low, r.band.high)),
                Cow::Borrowed(r.zone.label()),
                Cow::Borrowed(r.label()),
                Cow::Borrowed(tactic_name(s, r).unwrap_or_default()),
                Cow::Borrowed(&r.reason),
                r.after_gadfly
                    .map_or(Cow::Borrowed(""), |g| Cow::Owned(g.to_string())),
            ],
        });
    }
    fn items<'a, K: Stored>(s: &'a Session, rows: &mut Vec<Row<'a>>) {
        for x in K::list(s).iter() {
            let (id, at, checkpoint) = x.stamp();
            rows.push(Row {
                at,
                id,
                order: 0,
                kind: K::LABEL,
                checkpoint,
                cells: x.cells().into_iter().map(|c| cell(s, c)).collect(),
            });
        }
    }
    for kind in ItemKind::all() {
        with_kind!(kind, K => items::<K>(s, &mut rows));
    }
    for p in s.polarities.iter() {
        for (i, ew) in p.warnings.iter().enumerate() {
            let seen: Vec<String> = ew.fired.iter().map(|t| t.to_rfc3339()).collect();
            rows.push(Row {
                at: p.at,
                id: p.id,
                order: i + 1,
                kind: SIGN.0,
                checkpoint: &p.checkpoint,
                cells: vec![
                    Cow::Borrowed(&ew.sign),
                    Cow::Borrowed(p.pole_name(ew.overdone)),
                    Cow::Borrowed(&ew.watcher),
                    Cow::Owned(ew.fired.len().to_string()),
                    Cow::Owned(seen.join("\n")),
                ],
            });
        }
    }
    // Chronological, as a spreadsheet reader expects; id then order break
    // ties so the same session always gives the same bytes.
    rows.sort_by_key(|r| (r.at, r.id, r.order));
    rows
}

fn line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, c);
    }
    out.push_str("\r\n");
}

/// One RFC 4180 field, defused against formula injection. Spreadsheets in
/// many locales split on `;` (and some on tabs), and a formula can start any
/// cell they make, so a formula start is defused after every separator or
/// line break too, not only at the field's start.
pub(crate) fn field(out: &mut String, cell: &str) {
    let quote = cell.contains([',', ';', '"', '\n', '\r', '\t']);
    if quote {
        out.push('"');
    }
    let mut cell_start = true;
    for ch in cell.chars() {
        if cell_start && matches!(ch, '=' | '+' | '-' | '@' | '\t' | '\r') {
            out.push('\'');
        }
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
        cell_start = matches!(ch, ',' | ';' | '\t' | '\n' | '\r') || (cell_start && ch == ' ');
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    fn f(s: &str) -> String {
        let mut o = String::new();
        field(&mut o, s);
        o
    }

    #[test]
    fn quotes_and_defuses() {
        assert_eq!(f("plain"), "plain");
        assert_eq!(f("a,b"), "\"a,b\"");
        assert_eq!(f("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(f("two\nlines"), "\"two\nlines\"");
        assert_eq!(f("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(f("@cmd"), "'@cmd");
        assert_eq!(f("-1+2"), "'-1+2");
        assert_eq!(f("\tx"), "\"'\tx\"");
        assert_eq!(f("=HYPERLINK(\"x\",1)"), "\"'=HYPERLINK(\"\"x\"\",1)\"");
        assert_eq!(f("a=b"), "a=b");
        assert_eq!(f("a;b"), "\"a;b\"");
        assert_eq!(f("ok;=1+1"), "\"ok;'=1+1\"");
        assert_eq!(f("ok, @x"), "\"ok, '@x\"");
        assert_eq!(f("line\n-1"), "\"line\n'-1\"");
        assert_eq!(f("a\t+b"), "\"a\t'+b\"");
        assert_eq!(f("a - b"), "a - b");
    }
}
