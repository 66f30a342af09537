//! Exports: snapshots of each format, escaping, CSV shape, privacy, determinism.

use balcony::export::{to_csv, to_html, to_markdown};
use balcony::sample;
use balcony::session::*;
use balcony::workshop::Builtin;
use chrono::Duration;

use crate::harness::{every_kind_begun as t0, every_kind_with};

fn plain(s: &str) -> String {
    s.to_string()
}

#[test]
fn hand_built_session_is_valid() {
    assert_eq!(
        validate::session(&every_kind_with(Mode::Facilitated, plain)),
        vec![]
    );
}

#[test]
fn snapshot_markdown_every_kind() {
    insta::assert_snapshot!(to_markdown(&every_kind_with(Mode::Facilitated, plain)));
}

#[test]
fn snapshot_html_every_kind() {
    insta::assert_snapshot!(to_html(&every_kind_with(Mode::Facilitated, plain)));
}

#[test]
fn snapshot_csv_every_kind() {
    insta::assert_snapshot!(to_csv(&every_kind_with(Mode::Facilitated, plain)));
}

#[test]
fn snapshot_markdown_sample() {
    insta::assert_snapshot!(to_markdown(&sample::session(40, 3)));
}

#[test]
fn snapshot_html_sample() {
    insta::assert_snapshot!(to_html(&sample::session(40, 3)));
}

#[test]
fn snapshot_csv_sample() {
    insta::assert_snapshot!(to_csv(&sample::session(40, 3)));
}

#[test]
fn snapshot_markdown_solo() {
    insta::assert_snapshot!(to_markdown(&every_kind_with(Mode::Solo, plain)));
}

#[test]
fn same_session_same_bytes() {
    for s in [
        every_kind_with(Mode::Facilitated, plain),
        sample::session(500, 9),
    ] {
        let again = s.clone();
        assert_eq!(to_markdown(&s), to_markdown(&again));
        assert_eq!(to_html(&s), to_html(&again));
        assert_eq!(to_csv(&s), to_csv(&again));
    }
}

#[test]
fn solo_sessions_name_nobody() {
    let s = every_kind_with(Mode::Solo, plain);
    for out in [to_markdown(&s), to_html(&s), to_csv(&s)] {
        assert!(!out.contains("Rosa Marin"), "facilitator leaked");
        assert!(!out.contains("Tom Wu"), "gadfly author leaked");
        assert!(!out.contains("Ines Park"), "gadfly author leaked");
        assert!(out.contains("anonymous"));
    }
    assert!(to_markdown(&s).contains("(private)"));
    // A facilitated session does name them.
    let f = to_markdown(&every_kind_with(Mode::Facilitated, plain));
    assert!(f.contains("Rosa Marin") && f.contains("Tom Wu"));
}

const HOSTILE: &str = "<script>alert(1)</script> \"onload=x' &amp;";

#[test]
fn html_escapes_every_user_string() {
    let s = every_kind_with(Mode::Facilitated, |t| format!("{t} {HOSTILE}"));
    let html = to_html(&s);
    let lower = html.to_lowercase();
    // There are no scripts of our own, so no `<script` may appear at all.
    assert!(!lower.contains("<script"), "raw <script in the HTML");
    assert!(!lower.contains("</script"));
    assert!(!html.contains("\"onload="));
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;onload=x&#39; &amp;amp;";
    // Every free-text field carries the string, so it appears many times.
    let n = html.matches(escaped).count();
    assert!(n >= 40, "escaped form found only {n} times");
    // The only `<` in the page are our own tags: every one opens a known name.
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        let name: String = rest
            .trim_start_matches(['/', '!'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            KNOWN_TAGS.contains(&name.to_lowercase().as_str()),
            "unexpected tag <{name} at {i}"
        );
    }
    // Self-contained: nothing is fetched.
    for needle in ["http://", "https://", "src=", "href=", "@import", "url("] {
        let hits: Vec<_> = html.match_indices(needle).collect();
        let allowed = needle == "http://"
            && hits.len() == 1
            && html.contains("xmlns=\"http://www.w3.org/2000/svg\"");
        assert!(hits.is_empty() || allowed, "found {needle}");
    }
}

const KNOWN_TAGS: &[&str] = &[
    "doctype",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "main",
    "section",
    "dl",
    "dt",
    "dd",
    "em",
    "strong",
    "figure",
    "svg",
    "desc",
    "polygon",
    "line",
    "text",
    "polyline",
    "g",
    "path",
    "circle",
    "figcaption",
    "ol",
    "ul",
    "li",
    "span",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "footer",
];

#[test]
fn html_has_print_styles_and_no_scripts() {
    let html = to_html(&sample::session(200, 2));
    assert!(html.contains("@media print"));
    assert!(html.contains("<svg"));
    assert!(html.contains("productive zone"));
    assert!(html.contains("too hot") && html.contains("too cold"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(html.contains("default-src 'none'"));
}

#[test]
fn markdown_keeps_tables_whole() {
    let mut s = every_kind_with(Mode::Facilitated, |t| format!("{t} | a\nb"));
    // The context is a paragraph: its lines are meant to stay lines.
    s.meta.context.clear();
    let md = to_markdown(&s);
    for line in md.lines().filter(|l| l.starts_with('|')) {
        // Every row of a table has as many unescaped pipes as its header.
        let pipes = line.matches('|').count() - line.matches("\\|").count();
        assert!(pipes >= 5, "row lost its cells: {line}");
    }
    // No user text starts a line of its own: the newline became <br>.
    assert!(!md.lines().any(|l| l.starts_with("b")));
    // A note starting with `#` does not become a heading.
    assert!(md.contains("\\# Keep the customer calls"));
}

/// A tiny RFC 4180 reader: enough to check the writer.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty(), "quote inside an unquoted field");
                quoted = true;
            }
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "bare CR outside quotes");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("bare LF outside quotes"),
            c => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        field.is_empty() && row.is_empty(),
        "last row not ended by CRLF"
    );
    rows
}

#[test]
fn csv_has_one_row_per_item_and_even_columns() {
    let s = sample::session(300, 5);
    let rows = parse_csv(&to_csv(&s));
    let warnings: usize = s.polarities.iter().map(|p| p.warnings.len()).sum();
    assert_eq!(rows.len(), 1 + s.item_count() + s.readings.len() + warnings);
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width), "ragged rows");
    assert_eq!(rows[0][0], "kind");
    // A row fills only its own kind's columns: each column means one thing.
    for row in &rows[1..] {
        for (head, cell) in rows[0].iter().zip(row).skip(5) {
            if !cell.is_empty() {
                assert!(
                    head.starts_with(&format!("{}: ", row[0])),
                    "a {} row fills \"{head}\" with {cell:?}",
                    row[0]
                );
            }
        }
    }
}

/// The first cell of a row's own columns.
fn own_first<'r>(header: &[String], row: &'r [String]) -> &'r str {
    let at = header
        .iter()
        .position(|h| h.starts_with(&format!("{}: ", row[0])))
        .expect("the kind has columns");
    &row[at]
}

#[test]
fn csv_quotes_and_defuses_hostile_text() {
    let s = every_kind_with(Mode::Facilitated, |t| {
        format!("=HYPERLINK(\"x\",{t}),\nnext")
    });
    let text = to_csv(&s);
    let rows = parse_csv(&text);
    let warnings: usize = s.polarities.iter().map(|p| p.warnings.len()).sum();
    assert_eq!(rows.len(), 1 + s.item_count() + s.readings.len() + warnings);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell survived: {cell:?}"
            );
        }
    }
    // The text itself comes back intact after the guard quote.
    let fact = rows.iter().find(|r| r[0] == "brutal fact").unwrap();
    assert_eq!(
        own_first(&rows[0], fact),
        "'=HYPERLINK(\"x\",42% of callers are transferred at least twice),\nnext"
    );
    for lead in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        let s = every_kind_with(Mode::Facilitated, |t| format!("{lead}{t}"));
        let rows = parse_csv(&to_csv(&s));
        // Every item holds text; readings hold their reason.
        for row in rows.iter().skip(1) {
            assert!(
                row.iter()
                    .all(|c| !c.starts_with(['=', '+', '-', '@', '\t', '\r'])),
                "{lead:?} not defused: {row:?}"
            );
            assert!(
                row.iter().any(|c| c.starts_with(&format!("'{lead}"))),
                "{lead:?} lost: {row:?}"
            );
        }
    }
}

#[test]
fn an_empty_session_exports_cleanly() {
    let s = Session::new(Builtin::Default.workshop(), "Nothing yet", "Ana Ruiz", t0());
    let md = to_markdown(&s);
    assert!(md.contains("No reading of the room was taken"));
    assert!(md.contains("*None recorded.*"));
    let html = to_html(&s);
    assert!(!html.contains("<svg"), "no chart without readings");
    assert_eq!(parse_csv(&to_csv(&s)).len(), 1, "header only");
}

#[test]
fn markdown_defuses_raw_html() {
    let md = to_markdown(&every_kind_with(Mode::Facilitated, |t| {
        format!("{t} {HOSTILE}")
    }));
    // Every `<` of user text is backslash-escaped, so no renderer sees a tag.
    for (i, _) in md.match_indices("<script") {
        assert_eq!(&md[i - 1..i], "\\", "raw <script at {i}");
    }
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
}

#[test]
fn a_long_silencing_question_says_how_many_more() {
    let mut s = every_kind_with(Mode::Facilitated, plain);
    let cp = s.workshop.checkpoints[4].id.clone();
    for k in 0..10 {
        let idea = s.take_id();
        s.gadflies.push(Gadfly {
            id: idea,
            at: t0() + Duration::minutes(40 + k),
            checkpoint: cp.clone(),
            text: format!("Idea {k}"),
            author: Author::Anonymous,
            voice: Voice::Oddball,
            reaction: Reaction::Silence,
            fate: Fate::Parked,
            reactions: Vec::new(),
        });
        let id = s.take_id();
        s.readings.push(Reading {
            id,
            at: t0() + Duration::minutes(41 + k),
            checkpoint: cp.clone(),
            level: 8,
            band: Band { low: 4, high: 7 },
            zone: Zone::TooHot,
            kind: ReadingKind::Move,
            move_: Move::Lower,
            tactic: None,
            reason: String::new(),
            after_gadfly: Some(idea),
            participants: None,
            readiness: None,
        });
    }
    // The idea from the hand-built session and these ten: eight shown.
    let md = to_markdown(&s);
    assert!(md.contains("soon after 11 gadfly ideas"), "{md}");
    assert!(md.contains("(anonymous)\n- *… 3 more in the full record …*\n\n### Value conflicts"));
    let html = to_html(&s);
    assert!(html.contains(
        "(anonymous)</li>\n<li class=\"muted\">… 3 more in the full record …</li>\n</ul></div>\n"
    ));
}
