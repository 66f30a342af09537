//! The review list: one row per session file, only the visible rows drawn.
//! Zones are words, deltas arrows and signs: nothing rides on colour alone.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::review_parts::{footer, put, sparkline, zone_style};
use super::theme::Theme;
use super::{review_compare, review_session, window_start};
use crate::flow::{Flow, Review, Sort, View};
use crate::keymap::{Action, Ctx};
use crate::review::Summary;
use crate::session::Mode;
use crate::strings as s;
use crate::text::trunc;

const SPARK_W: usize = 10;

fn pad(text: &str, w: usize) -> String {
    format!("{} ", crate::text::fit(text, w))
}

/// The widths of the list's columns for a screen `width` wide.
struct Cols {
    date: usize,
    title: usize,
}

impl Cols {
    // Each padded column takes one more than its width: the gap.
    const FIXED: usize = 4 + 6 + 6 + (SPARK_W + 1) + 14 + 6 + 7 + 9 + 1;

    fn new(width: usize) -> Cols {
        let date = if width >= 120 { 16 } else { 10 };
        let title = width.saturating_sub(Self::FIXED + date + 1).max(8);
        Cols { date, title }
    }
}

/// The folders read, by name while they fit in `room` columns, else how
/// many ("3 folders").
fn folders(dirs: &[std::path::PathBuf], room: usize) -> String {
    let names = dirs
        .iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if dirs.len() > 1 && names.chars().count() > room {
        s::n_folders(dirs.len())
    } else {
        names
    }
}

pub fn render(flow: &Flow, r: &Review, area: Rect, buf: &mut Buffer, theme: &Theme) {
    match &r.view {
        Some(View::Session(v)) => return review_session::render(flow, v, area, buf, theme),
        Some(View::Compare(v)) => return review_compare::render(flow, v, area, buf, theme),
        None => {}
    }
    let h = area.height;
    let w = area.width as usize;
    let head = format!("{} · {}", s::APP, s::REVIEW_TITLE);
    put(
        Line::from(vec![
            Span::styled(head.clone(), theme.header),
            Span::styled(
                format!(
                    " · {} · {}",
                    folders(&r.folders, w.saturating_sub(head.chars().count() + 16)),
                    s::REVIEW_READ_ONLY
                ),
                theme.dim,
            ),
        ]),
        area,
        0,
        buf,
    );
    let ok = r.rows.iter().filter(|x| x.entry.is_ok()).count();
    let reading = r.rows.iter().filter(|x| x.reading).count();
    let mut status = format!(
        "{} of {} shown · {}",
        r.shown.len(),
        r.rows.len(),
        match r.sort {
            Sort::Date => s::SORTED_DATE,
            Sort::Title => s::SORTED_TITLE,
        }
    );
    if reading > 0 {
        status += &format!(" · {reading} {}", s::READING);
    }
    if ok + reading < r.rows.len() {
        status += &format!(" · {} {}", r.rows.len() - ok - reading, s::DOES_NOT_LOAD);
    }
    if !r.marked.is_empty() {
        status += &format!(" · {} {}", r.marked.len(), s::MARKED);
    }
    if !r.hits.is_empty() {
        let open = flow.keymap.first_key(Ctx::Review, Action::Accept);
        status += &format!(" · {} {}", r.hits.len(), s::with_items(&open));
    }
    let mut spans = vec![Span::styled(trunc(&status, w), theme.dim)];
    if r.typing || !r.filter.is_empty() {
        let cursor = if r.typing { "█" } else { "" };
        spans.push(Span::styled(
            format!(" · {}: {}{cursor}", s::FILTER, r.filter),
            theme.focus,
        ));
    }
    put(Line::from(spans), area, 1, buf);
    let cols = Cols::new(w);
    let head = format!(
        "    {}{}{}{}{}{}{}{}{}",
        pad(s::COL_DATE, cols.date),
        pad(s::COL_TITLE, cols.title),
        pad(s::COL_MODE, 4),
        pad(s::COL_DONE, 5),
        pad(s::COL_READINGS, SPARK_W),
        pad(s::COL_LAST, 13),
        pad(s::COL_GADFLY, 5),
        pad(s::COL_VALUES, 6),
        s::COL_COMMIT,
    );
    put(Line::styled(trunc(&head, w), theme.heading), area, 2, buf);
    // With items found, the selected session's best item gets the last row.
    let found_row = u16::from(!r.hits.is_empty());
    let list = Rect {
        y: area.y + 3,
        height: h.saturating_sub(5 + found_row),
        ..area
    };
    if let Some((n, hit)) = r.selected().and_then(|row| r.hits.get(&row.path)) {
        let text = format!(
            "    ↳ {n}× · {} · {}: {}",
            hit.kind,
            crate::archive::printable(&hit.checkpoint),
            crate::archive::printable(&hit.text)
        );
        put(
            Line::styled(trunc(&text, w), theme.focus),
            area,
            3 + list.height,
            buf,
        );
    }
    if r.shown.is_empty() {
        let msg = if r.rows.is_empty() {
            s::NO_SESSIONS_HERE.to_string()
        } else {
            s::nothing_matches(&flow.keymap.first_key(Ctx::Review, Action::Cancel))
        };
        put(Line::styled(format!("    {msg}"), theme.dim), list, 0, buf);
    }
    let rows_h = list.height as usize;
    let first = window_start(r.sel, rows_h);
    for (y, pos) in (first..r.shown.len().min(first + rows_h)).enumerate() {
        let i = r.shown[pos];
        let row = &r.rows[i];
        let sel = pos == r.sel;
        let mark = format!(
            "{} {} ",
            if sel { "▶" } else { " " },
            if r.marked.contains(&i) { "✓" } else { " " }
        );
        let line = match &row.entry {
            _ if row.reading => Line::styled(
                trunc(&format!("{mark}… {}  {}", row.name(), s::READING), w),
                theme.dim,
            ),
            Ok(sum) => {
                let found = r.hits.get(&row.path).map(|(n, _)| *n);
                summary_line(&mark, sum, found, flow.now.date_naive(), &cols, theme)
            }
            Err(p) => Line::from(vec![
                Span::raw(mark),
                Span::styled(
                    trunc(
                        &format!("! {}:{}:{}: {}", row.name(), p.line, p.col, p.message),
                        w.saturating_sub(4),
                    ),
                    theme.error,
                ),
            ]),
        };
        let line = if sel {
            line.style(theme.selected)
        } else {
            line
        };
        put(line, list, y as u16, buf);
    }
    footer(flow, area, buf, theme);
}

fn summary_line<'a>(
    mark: &str,
    sum: &Summary,
    found: Option<usize>,
    today: chrono::NaiveDate,
    cols: &Cols,
    theme: &Theme,
) -> Line<'a> {
    let date = if cols.date >= 16 {
        sum.created.format("%Y-%m-%d %H:%M").to_string()
    } else {
        sum.created.format("%Y-%m-%d").to_string()
    };
    let mode = match sum.mode {
        Mode::Facilitated => s::MODE_ROOM,
        Mode::Solo => s::MODE_SOLO,
    };
    let (last, last_style) = match sum.last {
        Some((level, zone)) => (
            format!("{level:>2} {}", zone.label()),
            zone_style(theme, zone),
        ),
        None => (s::NO_READING.to_string(), theme.dim),
    };
    // A session found by its items says how many; its best item is shown
    // below the list when it is selected.
    let title = match found {
        Some(n) => format!("{} ({n}×)", sum.title),
        None => sum.title.clone(),
    };
    let overdue = sum.overdue(today);
    let overdue = if overdue > 0 {
        format!(" {overdue} {}", s::OVERDUE)
    } else {
        String::new()
    };
    Line::from(vec![
        Span::raw(mark.to_string()),
        Span::raw(pad(&date, cols.date)),
        Span::raw(pad(&title, cols.title)),
        Span::raw(pad(mode, 4)),
        Span::raw(pad(&format!("{}/{}", sum.done, sum.total), 5)),
        Span::styled(pad(&sparkline(&sum.levels, SPARK_W), SPARK_W), theme.dim),
        Span::styled(pad(&last, 13), last_style),
        Span::raw(pad(&format!("{:>4}", sum.gadflies), 5)),
        Span::raw(pad(&format!("{:>5}", sum.polarities), 6)),
        Span::raw(format!(
            "{:>4}/{}",
            sum.commitments_open, sum.commitments_kept
        )),
        Span::styled(overdue, theme.hot),
    ])
}
