//! A past session, read-only: the tension timeline as a chart, then every
//! kind of item. The view is a list of one-line parts; only the parts on
//! screen are drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::report_lines;
use super::review_parts::{footer, put, zone_style};
use super::theme::Theme;
use crate::export::report::{self, Rows};
use crate::flow::Flow;
use crate::flow::review::{SessionView, body_rows};
use crate::review::followup::is_carried;
use crate::review::outline::{MapLine, Part, Section};
use crate::review::recurring::Recurrence;
use crate::session::*;
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
    let first = v.scroll.min(v.parts.len().saturating_sub(rows));
    // The chart shows as many of the last readings as fit.
    let room = w.saturating_sub(AXIS_W + EDGE_W + 2).max(1);
    let n = ses.readings.len();
    let cell = (room / n.max(1)).clamp(1, 3);
    let shown = n.min(room / cell);
    let chart = report::chart(ses, n - shown);
    for (y, part) in v.parts[first..].iter().take(rows).enumerate() {
        let line = match *part {
            Part::Recurring(i) | Part::RecurringWhere(i) if i < v.recurring.len() => {
                recurring_line(&v.recurring[i], *part, w, theme)
            }
            _ => part_line(ses, *part, &chart, cell, w, theme),
        };
        put(line, body, y as u16, buf);
    }
    // Where the screen is in the view, at the end of the second line.
    let pos = if v.parts.len() > rows {
        format!(
            "{}–{} / {}",
            first + 1,
            (first + rows).min(v.parts.len()),
            v.parts.len()
        )
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

fn section_name(sec: Section) -> &'static str {
    match sec {
        Section::Tension => s::SEC_TIMELINE,
        Section::Readings => s::SEC_READINGS_AND_MOVES,
        Section::Changes => s::CHANGES,
        Section::Gadflies => s::SEC_GADFLY_IDEAS,
        Section::Polarities => s::SEC_POLARITY_MAPS,
        Section::Commitments => s::SEC_COMMITMENTS,
        Section::Time => s::SEC_TIME_PER_CHECKPOINT,
        Section::Kind(kind) => kind.heading(),
        Section::Recurring => s::SEC_RAISED_BEFORE,
    }
}

/// An item raised in earlier sessions: the item, then where (dim).
fn recurring_line<'a>(r: &Recurrence, part: Part, w: usize, theme: &Theme) -> Line<'a> {
    match part {
        Part::Recurring(_) => Line::raw(trunc(&format!("  {}: {}", r.kind, r.text), w)),
        _ => Line::styled(trunc(&format!("      {}", r.said()), w), theme.dim),
    }
}

/// A column per pole: the left pole's side, the right pole's, the third's.
fn cols(parts: &[String], w: usize) -> String {
    let n = parts.len().max(1);
    let each = w.saturating_sub(2 * n) / n;
    let mut out = String::from("  ");
    for (k, part) in parts.iter().enumerate() {
        let t = trunc(part, each);
        out += &t;
        if k + 1 < n {
            let used = unicode_width::UnicodeWidthStr::width(t.as_str());
            out += &" ".repeat(each.saturating_sub(used));
            out += " │ ";
        }
    }
    out
}

fn carried(ses: &Session, at: Timestamp) -> &'static str {
    if is_carried(ses, at) {
        " · carried over"
    } else {
        ""
    }
}

/// The columns of a table the screen shows: its order numbers the rows and
/// its headings say where, so an item's line keeps to what was said.
fn shown(rows: Rows, head: &str) -> bool {
    match head {
        "#" => false,
        "Checkpoint" => matches!(rows, Rows::Time | Rows::Changes),
        "Time" => rows != Rows::Gadflies,
        _ => true,
    }
}

/// The column a table's line starts with: what became of an idea, where a
/// commitment stands.
fn lead(rows: Rows) -> Option<&'static str> {
    match rows {
        Rows::Gadflies => Some("Fate"),
        Rows::Commitments => Some("Status"),
        _ => None,
    }
}

fn part_line<'a>(
    ses: &Session,
    part: Part,
    chart: &report::Timeline,
    cell: usize,
    w: usize,
    theme: &Theme,
) -> Line<'a> {
    let text = |t: String| Line::raw(trunc(&t, w));
    match part {
        Part::Blank | Part::Recurring(_) | Part::RecurringWhere(_) => Line::raw(""),
        Part::Heading(sec, n) => {
            Line::styled(trunc(&s::section(section_name(sec), n), w), theme.heading)
        }
        Part::None => Line::styled(format!("  {}", s::NOTHING_HERE), theme.dim),
        Part::Chart(level) => report_lines::chart_row(chart, level, ses.band, cell, theme),
        Part::ChartMoves => report_lines::chart_moves(chart, cell, w, theme),
        Part::Row(rows, i) => {
            let cells = report::row(ses, rows, i).unwrap_or_default();
            let style = match rows {
                Rows::Readings => zone_style(theme, ses.readings[i].zone),
                _ => theme.base,
            };
            let day = ses.meta.created.format("%Y-%m-%d ").to_string();
            let mut t = report_lines::row(
                report::head(rows),
                &cells,
                |h| shown(rows, h),
                lead(rows),
                &day,
            );
            let at = match rows {
                Rows::Gadflies => ses.gadflies.get(i).map(|g| g.at),
                Rows::Commitments => ses.commitments.get(i).map(|c| c.at),
                _ => None,
            };
            if let Some(at) = at {
                t += carried(ses, at);
            }
            Line::styled(trunc(&t, w), style)
        }
        Part::Map(i, ml) => map_line(ses, i, ml, w, theme),
        Part::Item(kind, i) => {
            // The item's row of the report's full record, its cells in a line.
            let cells = report::item_cells(ses, kind, i).unwrap_or_default();
            let words: Vec<String> = cells
                .iter()
                .map(report_lines::plain)
                .filter(|c| !c.trim().is_empty())
                .collect();
            text(format!("  {}", words.join(" · ")))
        }
    }
}

fn map_line<'a>(ses: &Session, i: usize, ml: MapLine, w: usize, theme: &Theme) -> Line<'a> {
    let p = &ses.polarities[i];
    let poles = p.poles();
    let last = poles.len() - 1;
    // One text per pole, side by side.
    let each = |f: &dyn Fn(&Pole) -> String| -> String {
        let parts: Vec<String> = poles.iter().map(|(_, x)| f(x)).collect();
        cols(&parts, w)
    };
    let item = |list: &[String], k: usize, mark: &str| {
        list.get(k).map_or(String::new(), |t| format!("{mark} {t}"))
    };
    match ml {
        MapLine::Purpose => Line::styled(
            trunc(
                &format!(
                    "  Map {} · {}: {}{}",
                    i + 1,
                    s::PURPOSE_BOTH,
                    p.purpose,
                    carried(ses, p.at)
                ),
                w,
            ),
            theme.dim,
        ),
        MapLine::Names => {
            let parts: Vec<String> = poles
                .iter()
                .enumerate()
                .map(|(k, (_, x))| match k {
                    0 => format!("◀ {}", x.name),
                    k if k == last => format!("{} ▶", x.name),
                    _ => x.name.clone(),
                })
                .collect();
            Line::styled(cols(&parts, w), theme.title)
        }
        MapLine::Holders => Line::raw(each(&|x| format!("{}: {}", s::HELD_BY, x.holders))),
        MapLine::UpsideHead => Line::styled(each(&|_| s::UPSIDES.to_string()), theme.dim),
        MapLine::Upside(k) => Line::raw(each(&|x| item(&x.upsides, k, "+"))),
        MapLine::DownsideHead => Line::styled(each(&|_| s::DOWNSIDES.to_string()), theme.dim),
        MapLine::Downside(k) => Line::raw(each(&|x| item(&x.downsides, k, "−"))),
        MapLine::WouldLose => Line::raw(each(&|x| format!("{}: {}", s::WOULD_LOSE, x.would_lose))),
        MapLine::WarningHead => Line::styled(format!("  {}", s::WARNINGS), theme.dim),
        MapLine::Warning(k) => {
            let wn = &p.warnings[k];
            let pole = p.pole_name(wn.overdone);
            let seen = if wn.fired.is_empty() {
                s::NOT_SEEN.to_string()
            } else {
                format!("{} {}×", s::SEEN, wn.fired.len())
            };
            Line::raw(trunc(
                &format!(
                    "  ⚠ {} (too much {pole}) · {} {} · {seen}",
                    wn.sign,
                    s::WATCHED_BY,
                    wn.watcher
                ),
                w,
            ))
        }
    }
}
