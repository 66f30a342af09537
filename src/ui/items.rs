//! The list of captured items of one kind, and the selected item's details.
//! Only the rows in view are looked at.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use super::window_start;
use crate::review::followup::is_carried;
use crate::session::*;
use crate::strings as s;
use crate::text::{trunc, wrap};

/// A short tag and the main text of item `i` of `kind`.
pub fn summary(ses: &Session, kind: ItemKind, i: usize) -> (String, &str) {
    ses.summary_of(kind, i).unwrap_or_default()
}

pub fn id_of(ses: &Session, kind: ItemKind, i: usize) -> u32 {
    ses.stamp_of(kind, i).map_or(0, |s| s.0)
}

/// Where and when item `i` of `kind` was captured.
fn captured(ses: &Session, kind: ItemKind, i: usize) -> Option<(&str, Timestamp)> {
    ses.stamp_of(kind, i).map(|(_, at, cp)| (cp, at))
}

/// Who holds each pole and what they would lose: the facilitator's notes
/// beside the grid.
fn pole_extras(p: &Polarity) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for pole in [&p.left, &p.right] {
        let mut parts = Vec::new();
        if !pole.holders.is_empty() {
            parts.push(format!("held by {}", trunc(&pole.holders, 60)));
        }
        if !pole.would_lose.is_empty() {
            parts.push(format!("would lose: {}", trunc(&pole.would_lose, 2000)));
        }
        if !parts.is_empty() {
            out.push((trunc(&pole.name, 30), parts.join(" · ")));
        }
    }
    out
}

/// The list of `kind`, newest at the bottom, with `sel` highlighted.
pub fn render_list(
    ses: &Session,
    kind: ItemKind,
    sel: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let n = ses.count(kind);
    if n == 0 {
        Line::styled(s::NO_ITEMS, theme.dim).render(area, buf);
        return;
    }
    let h = area.height as usize;
    let sel = sel.min(n - 1);
    let first = window_start(sel, h);
    let width = area.width as usize;
    for (row, i) in (first..n.min(first + h)).enumerate() {
        let (tag, text) = summary(ses, kind, i);
        let carried = if captured(ses, kind, i).is_some_and(|(_, at)| is_carried(ses, at)) {
            s::CARRIED_MARK
        } else {
            ""
        };
        let head = format!("#{}{carried} [{}] ", id_of(ses, kind, i), tag);
        let head = trunc(&head, width);
        let rest = width.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
        let mut line = Line::from(vec![
            Span::styled(head, theme.dim),
            Span::raw(trunc(text, rest)),
        ]);
        if i == sel {
            line = line.style(theme.selected);
        }
        let r = Rect {
            y: area.y + row as u16,
            height: 1,
            ..area
        };
        line.render(r, buf);
    }
}

/// The selected item's details, wrapped into `area`.
pub fn render_details(
    ses: &Session,
    kind: ItemKind,
    sel: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let n = ses.count(kind);
    if n == 0 || area.height == 0 {
        return;
    }
    let mut y = area.y;
    let bottom = area.y + area.height;
    let i = sel.min(n - 1);
    let Some((cp, at)) = captured(ses, kind, i) else {
        return;
    };
    let place = ses.workshop.checkpoint(cp).map_or(cp, |c| c.title.as_str());
    let mut rows = ses.details_of(kind, i);
    if kind == ItemKind::Polarity {
        // The map as the room sees it: a 2×2 grid, then what the grid leaves out.
        let p = &ses.polarities[i];
        y += super::wall::polarity_grid(p, false, area, buf, theme);
        rows = pole_extras(p);
    }
    if kind == ItemKind::Customer {
        // The product's whole map, this customer among the others.
        let c = &ses.customers[i];
        let same = |x: &&Customer| x.product.trim().eq_ignore_ascii_case(c.product.trim());
        let map: Vec<&Customer> = ses.customers.iter().filter(same).collect();
        y += super::wall::customer_map(&map, area, buf, theme);
        rows.clear();
    }
    let mut when = format!("{} · {}", trunc(place, 60), at.format("%H:%M"));
    if is_carried(ses, at) {
        when = format!("{when} · {}", s::CARRIED);
    }
    rows.push(("captured".into(), when));
    for (label, value) in rows {
        if y >= bottom || value.is_empty() {
            continue;
        }
        let prefix = format!("{label}: ");
        let pw =
            unicode_width::UnicodeWidthStr::width(prefix.as_str()).min(area.width as usize / 2);
        let lines = wrap(
            &value,
            (area.width as usize).saturating_sub(pw).max(1),
            (bottom - y) as usize,
        );
        for (k, l) in lines.into_iter().enumerate() {
            if y >= bottom {
                break;
            }
            let head = if k == 0 {
                trunc(&prefix, pw)
            } else {
                " ".repeat(pw)
            };
            Line::from(vec![Span::styled(head, theme.dim), Span::raw(l)]).render(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
            y += 1;
        }
    }
}
