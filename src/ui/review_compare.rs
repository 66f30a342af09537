//! Comparing sessions: what changed from one to the next. Changes are said
//! with arrows and signs (▲ +3, ▼ −2, = 0). Long rows wrap to the width
//! (`review::compare_lines`); only the parts on screen are laid out.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::review_parts::{footer, line, put, sparkline};
use super::theme::Theme;
use crate::flow::Flow;
use crate::flow::review::{CompareView, body_rows};
use crate::review::compare::{Comparison, delta};
use crate::review::compare_lines;
use crate::review::heat::percent;
use crate::review::lines;
use crate::review::outline::CPart;
use crate::strings as s;
use crate::text::{fit, trunc};

pub fn render(flow: &Flow, v: &CompareView, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let w = area.width as usize;
    let h = area.height;
    let c = &v.cmp;
    put(
        Line::from(vec![
            Span::styled(
                format!(
                    "{} · {} {} sessions",
                    s::REVIEW_TITLE,
                    s::COMPARE_TITLE,
                    c.entries.len()
                ),
                theme.header,
            ),
            Span::styled(format!(" · {}", s::REVIEW_READ_ONLY), theme.dim),
        ]),
        area,
        0,
        buf,
    );
    let span = match (c.entries.first(), c.entries.last()) {
        (Some(a), Some(b)) => format!(
            "{} … {} · oldest first",
            a.created.format("%Y-%m-%d"),
            b.created.format("%Y-%m-%d")
        ),
        _ => String::new(),
    };
    put(Line::styled(trunc(&span, w), theme.dim), area, 1, buf);
    let body = Rect {
        y: area.y + 2,
        height: body_rows(h) as u16,
        ..area
    };
    let rows = body.height as usize;
    // Only the parts on screen are laid out, as in the session view.
    let screen = |at: (usize, usize)| {
        lines::screenful(v.parts.len(), at, rows, |i| match v.parts[i] {
            part @ (CPart::Entry(_) | CPart::Zones(_)) => vec![part_line(c, part, w, theme)],
            part => compare_lines::lines(c, part, w)
                .into_iter()
                .map(|l| line(l, theme))
                .collect(),
        })
    };
    let mut at = (v.scroll, v.line);
    let (mut shown, _) = screen(at);
    // Past the end (the window grew, say): the last page, full.
    if shown.len() < rows && at > (0, 0) {
        at = at.min(v.measure(w).last(rows));
        (shown, _) = screen(at);
    }
    for (y, l) in shown.into_iter().enumerate() {
        put(l, body, y as u16, buf);
    }
    footer(flow, area, buf, theme);
}

const SPARK_W: usize = 12;

/// The titles' column: as wide as the longest title, as far as the screen
/// leaves room beside the other columns and the change since the session
/// before (about 70 columns); never under 24.
fn title_w(c: &Comparison, w: usize) -> usize {
    let longest = c
        .entries
        .iter()
        .map(|e| unicode_width::UnicodeWidthStr::width(e.title.as_str()))
        .max()
        .unwrap_or(0);
    longest.min(w.saturating_sub(70).max(24))
}

fn level(l: Option<u8>) -> String {
    l.map_or("–".to_string(), |l| l.to_string())
}

/// A row the screen draws in columns: a session's tension, its time in
/// the band. Other parts are laid out by `compare_lines`.
fn part_line<'a>(c: &Comparison, part: CPart, w: usize, theme: &Theme) -> Line<'a> {
    match part {
        CPart::Entry(i) => {
            let e = &c.entries[i];
            let change = match (e.start, e.end) {
                (Some(a), Some(b)) => delta(b as i32 - a as i32),
                _ => "  ".to_string(),
            };
            let since = match (i.checked_sub(1).and_then(|p| c.entries[p].end), e.end) {
                (Some(a), Some(b)) => {
                    format!(" · {} {}", s::SINCE_PREVIOUS, delta(b as i32 - a as i32))
                }
                _ => String::new(),
            };
            let head = format!(
                "  {}. {} {} {} → {} {:<6}",
                i + 1,
                e.created.format("%Y-%m-%d"),
                fit(&e.title, title_w(c, w)),
                level(e.start),
                level(e.end),
                change
            );
            let used = unicode_width::UnicodeWidthStr::width(head.as_str()) + SPARK_W;
            Line::from(vec![
                Span::raw(head),
                Span::styled(fit(&sparkline(&e.levels, SPARK_W), SPARK_W), theme.dim),
                Span::raw(trunc(&since, w.saturating_sub(used))),
            ])
        }
        CPart::Zones(i) => {
            let z = &c.heat.sessions[i];
            let all = z.below + z.inside + z.above;
            Line::raw(trunc(
                &s::cmp_zones(
                    i + 1,
                    percent(z.below, all),
                    percent(z.inside, all),
                    percent(z.above, all),
                    &crate::export::minutes(all),
                ),
                w,
            ))
        }
        _ => Line::raw(""),
    }
}
