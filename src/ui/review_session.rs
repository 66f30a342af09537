//! A past session, read-only: the tension timeline as a chart, then every
//! kind of item. The view is a list of parts, each wrapped to the screen's
//! width (`review::lines`); only the parts on screen are laid out.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::report_lines;
use super::review_parts::{footer, line, put};
use super::theme::Theme;
use crate::export::report;
use crate::flow::Flow;
use crate::flow::review::{SessionView, body_rows};
use crate::review::lines;
use crate::review::outline::Part;
use crate::strings as s;
use crate::text::trunc;

/// Columns left of the chart: the level and the axis.
const AXIS_W: usize = 5;
/// Columns right of the chart, for the band's edge names.
const EDGE_W: usize = 24;

pub fn render(flow: &Flow, v: &SessionView, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let ses = &v.session;
    let w = area.width as usize;
    let h = area.height;
    put(
        Line::from(vec![
            Span::styled(
                format!("{} · {}", s::REVIEW_TITLE, ses.meta.title),
                theme.header,
            ),
            Span::styled(
                format!(
                    " · {} · {}",
                    ses.meta.created.format("%Y-%m-%d %H:%M"),
                    s::REVIEW_READ_ONLY
                ),
                theme.dim,
            ),
        ]),
        area,
        0,
        buf,
    );
    let name = v
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut second = format!(
        "{name} · {} · {}/{} {} · {} {}..{}",
        ses.meta.mode.label(),
        ses.visited_count(),
        ses.workshop.checkpoints.len(),
        s::COL_DONE,
        s::BAND,
        ses.band.low,
        ses.band.high
    );
    if let Some(road) = ses.road {
        second += &format!(" · {}", road.label());
    }
    if let Some(f) = &ses.meta.follows {
        second += &format!(" · {} {f}", s::FOLLOWS);
    }
    let body = Rect {
        y: area.y + 2,
        height: body_rows(h) as u16,
        ..area
    };
    let rows = body.height as usize;
    let m = lines::Measure {
        session: ses,
        recurring: &v.recurring,
        parts: &v.parts,
        width: w,
    };
    // The chart shows as many of the last readings as fit.
    let room = w.saturating_sub(AXIS_W + EDGE_W + 2).max(1);
    let n = ses.readings.len();
    let cell = (room / n.max(1)).clamp(1, 3);
    let shown = n.min(room / cell);
    let chart = report::chart(ses, n - shown);
    // Only the parts on screen are laid out.
    let screen = |top: usize, skip: usize| {
        lines::screenful(v.parts.len(), (top, skip), rows, |i| match v.parts[i] {
            Part::Chart(level) => vec![report_lines::chart_row(
                &chart, level, ses.band, cell, theme,
            )],
            Part::ChartMoves => vec![report_lines::chart_moves(&chart, cell, w, theme)],
            part => lines::lines(ses, &v.recurring, part, w)
                .into_iter()
                .map(|l| line(l, theme))
                .collect(),
        })
    };
    let (mut top, mut skip) = (v.scroll, v.line);
    let (mut shown, mut next) = screen(top, skip);
    // Past the end (the window grew, say): the last page, full.
    if shown.len() < rows && (top, skip) > (0, 0) {
        (top, skip) = (top, skip).min(m.last(rows));
        (shown, next) = screen(top, skip);
    }
    for (y, l) in shown.into_iter().enumerate() {
        put(l, body, y as u16, buf);
    }
    // Where the screen is in the view, at the end of the second line: the
    // parts it shows, of how many.
    let pos = if top > 0 || skip > 0 || next < v.parts.len() {
        format!("{}–{} / {}", top + 1, next, v.parts.len())
    } else {
        String::new()
    };
    let room = w.saturating_sub(pos.chars().count() + 1);
    let second = trunc(&second, room);
    let gap = room.saturating_sub(unicode_width::UnicodeWidthStr::width(second.as_str()));
    put(
        Line::styled(format!("{second}{} {pos}", " ".repeat(gap)), theme.dim),
        area,
        1,
        buf,
    );
    footer(flow, area, buf, theme);
}
