//! CSV for spreadsheets: one row per item, in the order they were captured.
//!
//! Columns: `kind, id, checkpoint, checkpoint_title, time, text`, then
//! generic ones whose meaning depends on the kind:
//!
//! | kind          | text      | type         | status        | person     | date        | detail1        | detail2   | detail3 | detail4 |
//! |---------------|-----------|--------------|---------------|------------|-------------|----------------|-----------|---------|---------|
//! | reading       | reason    | move         | zone          |            |             | level          | band      | tactic  | after gadfly id |
//! | gadfly        | idea      | voice        | fate          | author     |             | reaction       | why declined | | |
//! | fact          | fact      | source       |               | who/where  |             |                |           |         |         |
//! | split         | part      | technical/adaptive |         |            |             | loss           |           |         |         |
//! | polarity      | left vs right | left pole | right pole   | holders    |             | purpose        | left: up/down/loss | right: up/down/loss | |
//! | early-warning | sign      | pole overdone | seen / not seen | watcher | last seen   | times seen     | all times |         |         |
//! | faction       | name      | stance       |               |            |             | values         | loyalties | losses  |         |
//! | assumption    | assumption | kind        | vital lie / aspirational | |            | evidence       |           |         |         |
//! | avoidance     | what was seen | pattern  | family        |            |             |                |           |         |         |
//! | commitment    | what      |              | status        | owner      | review date | loss           | kept despite (warnings) | | |
//! | note          | note      | kind         |               |            |             |                |           |         |         |
//!
//! Quoting follows RFC 4180 (CRLF line ends, quotes doubled, fields with a
//! comma, quote or line break quoted, and those with a `;` or tab, which
//! many locales split on). A cell a spreadsheet would run as a formula
//! (starting `=`, `+`, `-`, `@`, tab or CR, at the field's start or after any
//! separator or line break in it) gets a `'` before that character.

use std::borrow::Cow;

use super::*;
use crate::session::Pole;

pub const HEADER: [&str; 14] = [
    "kind",
    "id",
    "checkpoint",
    "checkpoint_title",
    "time",
    "text",
    "type",
    "status",
    "person",
    "date",
    "detail1",
    "detail2",
    "detail3",
    "detail4",
];

/// The kind-specific cells: text, type, status, person, date, detail1..4.
type Cells<'a> = [Cow<'a, str>; 9];

struct Row<'a> {
    at: &'a Timestamp,
    id: u32,
    /// Keeps each early warning right after its map when times are equal.
    order: usize,
    kind: &'static str,
    checkpoint: &'a str,
    cells: Cells<'a>,
}

const E: Cow<'static, str> = Cow::Borrowed("");

fn b(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

fn o(s: String) -> Cow<'static, str> {
    Cow::Owned(s)
}

pub fn to_csv(s: &Session) -> String {
    let rows = rows(s);
    let mut out = String::with_capacity(256 + 160 * rows.len());
    line(&mut out, HEADER.iter().copied());
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
        line(
            &mut out,
            fixed.into_iter().chain(r.cells.iter().map(|c| c.as_ref())),
        );
    }
    out
}

fn rows<'a>(s: &'a Session) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = Vec::with_capacity(s.item_count() + s.readings.len() + 8);
    let mut push = |at: &'a Timestamp,
                    id: u32,
                    order: usize,
                    kind: &'static str,
                    checkpoint: &'a str,
                    cells: Cells<'a>| {
        rows.push(Row {
            at,
            id,
            order,
            kind,
            checkpoint,
            cells,
        })
    };
    for r in &s.readings {
        push(
            &r.at,
            r.id,
            0,
            "reading",
            &r.checkpoint,
            [
                b(&r.reason),
                b(r.label()),
                b(r.zone.label()),
                E,
                E,
                o(r.level.to_string()),
                o(format!("{} to {}", r.band.low, r.band.high)),
                b(tactic_name(s, r).unwrap_or_default()),
                r.after_gadfly.map_or(E, |g| o(g.to_string())),
            ],
        );
    }
    for g in &s.gadflies {
        let why = match &g.fate {
            Fate::Declined(why) => b(why),
            _ => E,
        };
        push(
            &g.at,
            g.id,
            0,
            "gadfly",
            &g.checkpoint,
            [
                b(&g.text),
                b(g.voice.label()),
                b(g.fate.label()),
                b(author(s, &g.author)),
                E,
                b(g.reaction.label()),
                why,
                E,
                E,
            ],
        );
    }
    for f in &s.facts {
        push(
            &f.at,
            f.id,
            0,
            "fact",
            &f.checkpoint,
            [
                b(&f.text),
                b(f.source.label()),
                E,
                b(&f.source_detail),
                E,
                E,
                E,
                E,
                E,
            ],
        );
    }
    for x in &s.splits {
        push(
            &x.at,
            x.id,
            0,
            "split",
            &x.checkpoint,
            [b(&x.text), b(x.kind.label()), E, E, E, b(&x.loss), E, E, E],
        );
    }
    for p in &s.polarities {
        push(
            &p.at,
            p.id,
            0,
            "polarity",
            &p.checkpoint,
            [
                o(format!("{} vs {}", p.left.name, p.right.name)),
                b(&p.left.name),
                b(&p.right.name),
                if p.left.holders.is_empty() && p.right.holders.is_empty() {
                    E
                } else {
                    o(format!("{} / {}", p.left.holders, p.right.holders))
                },
                E,
                b(&p.purpose),
                o(pole_summary(&p.left)),
                o(pole_summary(&p.right)),
                E,
            ],
        );
        for (i, ew) in p.warnings.iter().enumerate() {
            let fired: Vec<String> = ew.fired.iter().map(|t| t.to_rfc3339()).collect();
            push(
                &p.at,
                p.id,
                i + 1,
                "early-warning",
                &p.checkpoint,
                [
                    b(&ew.sign),
                    b(pole_name(p, ew.overdone)),
                    b(if ew.fired.is_empty() {
                        "not seen"
                    } else {
                        "seen"
                    }),
                    b(&ew.watcher),
                    ew.fired.iter().max().map_or(E, |t| o(t.to_rfc3339())),
                    o(ew.fired.len().to_string()),
                    o(fired.join("; ")),
                    E,
                    E,
                ],
            );
        }
    }
    for f in &s.factions {
        push(
            &f.at,
            f.id,
            0,
            "faction",
            &f.checkpoint,
            [
                b(&f.name),
                b(f.stance.label()),
                E,
                E,
                E,
                o(f.values.join("; ")),
                o(f.loyalties.join("; ")),
                o(f.losses.join("; ")),
                E,
            ],
        );
    }
    for a in &s.assumptions {
        push(
            &a.at,
            a.id,
            0,
            "assumption",
            &a.checkpoint,
            [
                b(&a.text),
                b(a.kind.label()),
                b(if a.kind.is_vital_lie() {
                    "vital lie"
                } else {
                    "aspirational"
                }),
                E,
                E,
                b(&a.evidence),
                E,
                E,
                E,
            ],
        );
    }
    for a in &s.avoidance {
        push(
            &a.at,
            a.id,
            0,
            "avoidance",
            &a.checkpoint,
            [
                b(&a.text),
                b(a.pattern.label()),
                b(a.pattern.family().label()),
                E,
                E,
                E,
                E,
                E,
                E,
            ],
        );
    }
    for c in &s.commitments {
        push(
            &c.at,
            c.id,
            0,
            "commitment",
            &c.checkpoint,
            [
                b(&c.what),
                E,
                b(c.status.label()),
                b(&c.owner),
                o(c.review.to_string()),
                b(&c.loss),
                o(c.overridden.join("; ")),
                E,
                E,
            ],
        );
    }
    for n in &s.notes {
        push(
            &n.at,
            n.id,
            0,
            "note",
            &n.checkpoint,
            [b(&n.text), b(n.kind.label()), E, E, E, E, E, E, E],
        );
    }
    // Chronological, as a spreadsheet reader expects; id then order break
    // ties so the same session always gives the same bytes.
    rows.sort_by(|x, y| (x.at, x.id, x.order).cmp(&(y.at, y.id, y.order)));
    rows
}

fn pole_summary(p: &Pole) -> String {
    format!(
        "{}: upsides: {}; downsides: {}; would lose: {}",
        p.name,
        p.upsides.join(", "),
        p.downsides.join(", "),
        p.would_lose
    )
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
