//! The report's tension chart as screen lines: review's session view is the
//! third renderer of a session's report, beside Markdown and HTML (its other
//! lines are laid out by `review::lines`).

use ratatui::text::{Line, Span};

use super::review_parts::zone_style;
use super::theme::Theme;
use crate::export::report::Timeline;
use crate::session::{Band, SCALE_MAX, Zone};
use crate::strings as s;
use crate::text::trunc;

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
