//! Markdown: the report written for a sponsor's reader or a wiki, the
//! summary first, then the full record.

use super::report::{self, Block, Cell, Entry, Fact, Inline, Item, List, Report, Span, Table};
use super::*;

pub fn to_markdown(s: &Session) -> String {
    of_report(&report::of(s), s)
}

/// The Markdown of a report of `s`.
pub(super) fn of_report(r: &Report, s: &Session) -> String {
    // About 200 bytes an item: one allocation for most sessions.
    let mut o = String::with_capacity(4096 + 200 * (s.item_count() + s.readings.len()));
    write(&mut o, r);
    o
}

fn write(o: &mut String, r: &Report) {
    let mut title = md(r.title);
    // A trailing `#` would be read as the heading's closing sequence.
    if title.ends_with('#') {
        title.insert(title.len() - 1, '\\');
    }
    w!(o, "# {title}\n\n*{}*\n\n", r.byline);
    for part in &r.parts {
        w!(o, "## {}\n\n", part.heading);
        for b in &part.blocks {
            block(o, b);
        }
    }
    // Every block ends with a blank line; the document with one newline.
    if o.ends_with("\n\n") {
        o.pop();
    }
}

fn block(o: &mut String, b: &Block) {
    match b {
        Block::Heading(level, t) => {
            w!(o, "{} ", "#".repeat(*level as usize));
            inline(o, t);
            o.push_str("\n\n");
        }
        Block::Para(t) => {
            inline(o, t);
            o.push_str("\n\n");
        }
        Block::Muted(t) => {
            o.push('*');
            inline(o, t);
            o.push_str("*\n\n");
        }
        Block::Context(t) => w!(o, "{}\n\n", md_para(t)),
        Block::Facts(facts) => {
            for Fact {
                key,
                value,
                sentence,
            } in facts
            {
                w!(o, "- **{key}:** ");
                inline(o, value);
                if *sentence {
                    o.push('.');
                }
                o.push('\n');
            }
            o.push('\n');
        }
        Block::List(l) => list(o, l),
        Block::Question(q, l) => {
            inline(o, q);
            o.push_str("\n\n");
            list(o, l);
        }
        Block::Stamp(stamp, about) => {
            o.push('*');
            inline(o, stamp);
            o.push('*');
            inline(o, about);
            o.push_str("\n\n");
        }
        Block::Table(t) => table(o, t),
        // A picture has no place in Markdown: the moves and the readings
        // table say the same.
        Block::Chart(_) => {}
    }
}

/// Bullets whatever the list's style: Markdown readers number nothing we
/// would want numbered, and a gap says how many were left out.
fn list(o: &mut String, l: &List) {
    for e in &l.entries {
        match e {
            Entry::Item(it) => item(o, it, ""),
            Entry::Gap(n) => w!(o, "- *… {n} more in the full record …*\n"),
        }
    }
    o.push('\n');
}

fn item(o: &mut String, it: &Item, indent: &str) {
    w!(o, "{indent}- ");
    if it.muted {
        o.push('*');
        inline(o, &it.text);
        o.push('*');
    } else {
        inline(o, &it.text);
    }
    o.push('\n');
    for c in &it.children {
        item(o, c, "  ");
    }
}

fn table(o: &mut String, t: &Table) {
    w!(
        o,
        "| {} |\n|{}\n",
        t.head.join(" | "),
        "---|".repeat(t.head.len())
    );
    for row in &t.rows {
        o.push('|');
        for Cell { text, .. } in row {
            o.push(' ');
            inline(o, text);
            o.push_str(" |");
        }
        o.push('\n');
    }
    if t.more > 0 {
        w!(
            o,
            "| *… {} more in the full record* |{}\n",
            t.more,
            " |".repeat(t.head.len() - 1)
        );
    }
    if let Some((label, value)) = &t.total {
        // The label under the columns it totals, the value in the column before last.
        o.push_str(&"| ".repeat(t.head.len().saturating_sub(4)));
        w!(o, "| **{label}** | | **");
        inline(o, value);
        o.push_str("** | |\n");
    }
    o.push('\n');
}

fn inline(o: &mut String, spans: &Inline) {
    for s in spans {
        match s {
            Span::Word(w) => o.push_str(w),
            Span::Text(t) => o.push_str(&md(t)),
            Span::Em(t) | Span::Caveat(t) => {
                o.push('*');
                inline(o, t);
                o.push('*');
            }
            Span::Strong(t) => {
                o.push_str("**");
                inline(o, t);
                o.push_str("**");
            }
            Span::Term(w) => o.push_str(w),
            Span::Flag(t) => inline(o, t),
            Span::Quote(t) => {
                o.push('"');
                inline(o, t);
                o.push('"');
            }
        }
    }
}

// ---- escaping ---------------------------------------------------------------

/// User text as one line of inline Markdown that cannot break the structure
/// around it: table pipes, emphasis, links, raw HTML and block markers at the
/// start are escaped; a newline becomes `<br>` so table rows stay whole.
pub(crate) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut line_start = true;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push_str("<br>");
                line_start = true;
                continue;
            }
            '\r' => continue,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // `#`, `-`, `+` at the start of a list item would open a heading or a
            // nested list.
            '#' | '-' | '+' | '=' if line_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if line_start => {
                // "1. " or "1) " at the start would open a numbered list.
                out.push(c);
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    out.push(d);
                    chars.next();
                }
                if let Some(&p) = chars.peek().filter(|p| **p == '.' || **p == ')') {
                    out.push('\\');
                    out.push(p);
                    chars.next();
                }
            }
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
        line_start = line_start && c.is_whitespace();
    }
    out
}

/// A paragraph of user text: each line escaped, kept as a hard line break.
fn md_para(s: &str) -> String {
    s.trim()
        .lines()
        .map(|l| md(l.trim_end()))
        .collect::<Vec<_>>()
        .join("  \n")
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn escapes_what_breaks_structure() {
        assert_eq!(md("a|b"), "a\\|b");
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("1. not a list"), "1\\. not a list");
        assert_eq!(md("line\nnext"), "line<br>next");
        assert_eq!(md("<script>"), "\\<script\\>");
        assert_eq!(md("issue #12"), "issue #12");
        assert_eq!(md("- dash"), "\\- dash");
    }
}
