//! The report's blocks as screen lines: review's session view is the third
//! renderer of a session's report, beside Markdown and HTML. The screen has
//! its own emphasis, so the report's words come out plain.

use ratatui::text::{Line, Span};

use super::review_parts::zone_style;
use super::theme::Theme;
use crate::export::report::{self, Cell, Inline, Timeline};
use crate::session::{Band, SCALE_MAX, Zone};
use crate::strings as s;
use crate::text::trunc;

/// The report's words as they are.
pub fn plain(spans: &Inline) -> String {
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

/// A table's row in one line: its cells, but those `keep` leaves out and
/// the empty ones, joined; the column `lead` first, in brackets, where the
/// eye starts. A number says what it counts, by its column's name; a time
/// on `day` (the session's, "2026-11-10 ") goes without it.
pub fn row(
    head: &[&str],
    cells: &[Cell],
    keep: impl Fn(&str) -> bool,
    lead: Option<&str>,
    day: &str,
) -> String {
    let mut out = String::from(" ");
    if let Some((_, c)) = head.iter().zip(cells).find(|(h, _)| Some(**h) == lead) {
        out += &format!(" [{}]", plain(&c.text));
    }
    let words: Vec<String> = head
        .iter()
        .zip(cells)
        .filter(|(h, _)| keep(h) && Some(**h) != lead)
        .map(|(h, c)| match plain(&c.text) {
            t if c.num => format!("{} {t}", h.to_lowercase()),
            t if *h == "Time" => t.strip_prefix(day).map_or(t.clone(), str::to_string),
            t => t,
        })
        .filter(|c| !c.trim().is_empty())
        .collect();
    format!("{out} {}", words.join(" · "))
}

/// A reading's mark on the chart, from its move's word.
fn mark(label: &str) -> &'static str {
    match label {
        "raise" => "▲",
        "lower" => "▼",
        "hold" => "=",
        _ => "●",
    }
}

/// One row of the chart, at `level`: each reading `cell` columns wide, its
/// dot where it was read, the band it was read in dotted; the edges of
/// `band` (the band now) named on the right.
pub fn chart_row<'a>(t: &Timeline, level: u8, band: Band, cell: usize, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::styled(format!("{level:>3} ┤"), theme.dim)];
    for p in &t.points {
        let (c, style) = if p.level == level {
            ("●", zone_style(theme, p.zone))
        } else if level >= p.band.low && level <= p.band.high {
            ("·", theme.dim)
        } else {
            (" ", theme.base)
        };
        spans.push(Span::styled(format!("{c:^cell$}"), style));
    }
    let edge = if level == band.high {
        format!("  ← {}", s::LIMIT)
    } else if level == band.low {
        format!("  ← {}", s::THRESHOLD)
    } else if level == SCALE_MAX && level > band.high {
        format!("  {}", Zone::TooHot.label())
    } else if level == 0 && level < band.low {
        format!("  {}", Zone::TooCold.label())
    } else {
        String::new()
    };
    spans.push(Span::styled(edge, theme.dim));
    Line::from(spans)
}

/// The chart's bottom: each reading's move, then the key.
pub fn chart_moves<'a>(t: &Timeline, cell: usize, w: usize, theme: &Theme) -> Line<'a> {
    let mut out = String::from("    └");
    for p in &t.points {
        out += &format!("{:^cell$}", mark(p.label));
    }
    out += &format!("  {} ▲ raise ▼ lower = hold · ● reading · band ·", s::MOVES);
    Line::styled(trunc(&out, w), theme.dim)
}
