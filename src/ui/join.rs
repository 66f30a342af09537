//! The join page on screen: its address with a QR code (facilitator's
//! screen and projector view), and the queue of ideas sent from phones.

use qrcode::{Color as Module, EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::theme::Theme;
use super::{centered, window_start};
use crate::flow::Flow;
use crate::flow::join::{JoinView, waiting};
use crate::keymap::{Action, Ctx, Keymap};
use crate::session::{Author, Session};
use crate::strings as s;
use crate::text::{trunc, wrap};

/// The QR code as rows of half-blocks: two modules per character cell, a
/// quiet zone of two modules around. Dark modules are `true`.
pub fn qr_rows(text: &str) -> Option<Vec<String>> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let w = code.width();
    let colors = code.to_colors();
    let quiet = 2;
    let full = w + 2 * quiet;
    let dark = |x: usize, y: usize| -> bool {
        if x < quiet || y < quiet || x >= w + quiet || y >= w + quiet {
            return false;
        }
        colors[(y - quiet) * w + (x - quiet)] == Module::Dark
    };
    let mut rows = Vec::new();
    for y in (0..full).step_by(2) {
        let row: String = (0..full)
            .map(|x| match (dark(x, y), y + 1 < full && dark(x, y + 1)) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            })
            .collect();
        rows.push(row);
    }
    Some(rows)
}

/// Black on white whatever the colours: scanners want dark modules on
/// light. Under NO_COLOR the terminal's own colours draw it (inverted on a
/// dark terminal, which most phone cameras read too).
fn qr_style(theme: &Theme) -> Style {
    if *theme == super::theme::NO_COLOR {
        Style::new()
    } else {
        Style::new().fg(Color::Black).bg(Color::White)
    }
}

/// The join address and its QR code, centred in `area`.
pub fn render_card(url: &str, area: Rect, buf: &mut Buffer, theme: &Theme) {
    render_card_noted(url, &[], area, buf, theme);
}

/// The facilitator's lines under the join card: who can reach the page,
/// how full the room is, and which of the laptop's addresses is in use.
pub fn card_notes(join: &JoinView, keys: &Keymap) -> Vec<String> {
    let p = &join.place;
    let mut out = Vec::new();
    if p.local_only {
        out.push(s::JOIN_ONLY_HERE.to_string());
    }
    out.push(s::join_room(join.seen.joined, p.size));
    if p.choices > 1 {
        let next = keys.first_key(Ctx::Browse, Action::JoinAddress);
        out.push(s::join_address_choice(p.choice + 1, p.choices, &next));
    }
    out
}

/// The card with `notes` under the address.
pub fn render_card_noted(url: &str, notes: &[String], area: Rect, buf: &mut Buffer, theme: &Theme) {
    let qr = qr_rows(url).unwrap_or_default();
    let qr_w = qr.first().map_or(0, |r| r.chars().count()) as u16;
    let url_w = unicode_width::UnicodeWidthStr::width(url) as u16;
    let notes_w = notes
        .iter()
        .map(|n| unicode_width::UnicodeWidthStr::width(n.as_str()) as u16)
        .max()
        .unwrap_or(0);
    let n = notes.len() as u16;
    let w = qr_w.max(url_w).max(notes_w).max(s::JOIN_TITLE.len() as u16) + 4;
    let h = qr.len() as u16 + 5 + n;
    // Too small for the code: the address alone.
    let show_qr = area.height >= h && area.width >= w;
    let rect = if show_qr {
        centered(area, w, h)
    } else {
        centered(area, url_w.max(notes_w) + 4, 4 + n)
    };
    Clear.render(rect, buf);
    super::fill(buf, rect, theme.popup);
    let block = Block::bordered().title(Line::styled(format!(" {} ", s::JOIN_TITLE), theme.title));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let mut y = inner.y;
    let line = |text: &str, y: u16, style: Style, buf: &mut Buffer| {
        let t = trunc(text, inner.width as usize);
        let tw = unicode_width::UnicodeWidthStr::width(t.as_str()) as u16;
        let x = inner.x + inner.width.saturating_sub(tw) / 2;
        buf.set_string(x, y, t, style);
    };
    if show_qr {
        for row in &qr {
            line(row, y, qr_style(theme), buf);
            y += 1;
        }
        line(s::JOIN_HINT, y, theme.dim, buf);
        y += 1;
    }
    if y < inner.y + inner.height {
        line(url, y, theme.title, buf);
        y += 1;
    }
    for note in notes {
        if y >= inner.y + inner.height {
            break;
        }
        line(note, y, theme.dim, buf);
        y += 1;
    }
}

/// The name a participant gave, or "anonymous".
fn author(a: &Author) -> &str {
    match a {
        Author::Named(n) => n,
        Author::Anonymous => s::ANONYMOUS,
    }
}

/// The moderation queue: the waiting ideas, the selected one in full.
pub fn render_queue(flow: &Flow, ses: &Session, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let list = waiting(ses);
    let sel = flow
        .join
        .queue
        .unwrap_or(0)
        .min(list.len().saturating_sub(1));
    let rect = centered(
        area,
        area.width.saturating_sub(6).min(90),
        area.height.saturating_sub(4),
    );
    Clear.render(rect, buf);
    let title = format!(" {} · {} {} ", s::QUEUE_TITLE, list.len(), s::WAITING);
    let block = Block::bordered().title(Line::styled(title, theme.title));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let w = inner.width as usize;
    // The selected idea in full takes the lower part, the list the rest.
    let detail_h = (inner.height / 2).min(8);
    let list_h = (inner.height - detail_h - 1) as usize;
    let first = window_start(sel, list_h);
    for (row, &i) in list.iter().enumerate().skip(first).take(list_h) {
        let idea = &ses.participant_ideas[i];
        let mark = if row == sel { "▶ " } else { "  " };
        let text = format!(
            "{mark}#{} {} · {}",
            idea.id,
            author(&idea.author),
            idea.text
        );
        let style = if row == sel {
            theme.selected
        } else {
            Style::new()
        };
        Line::styled(trunc(&text, w), style).render(
            Rect {
                y: inner.y + (row - first) as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
    let mut y = inner.y + list_h as u16;
    if let Some(&i) = list.get(sel) {
        let idea = &ses.participant_ideas[i];
        let head = format!(
            "#{} · {} · {}",
            idea.id,
            author(&idea.author),
            idea.at.format("%H:%M")
        );
        Line::styled(trunc(&head, w), theme.heading).render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
        y += 1;
        for l in wrap(&idea.text, w, detail_h as usize) {
            Line::raw(l).render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
            y += 1;
        }
    }
}

/// The lines the gauge adds for the participants' readings at the current
/// checkpoint: how many, the median, and a one-row histogram of 0..=10.
pub fn spread_lines(ses: &Session, theme: &Theme) -> Vec<Line<'static>> {
    let cur = &ses.workshop.checkpoints[ses.progress.current].id;
    let spread = ses.participant_spread(cur);
    let mut out = Vec::new();
    let n = spread.total();
    if n > 0 {
        let median = spread.median().unwrap_or(0);
        out.push(Line::raw(format!(
            "{} {n} · {} {median}",
            s::ROOM_SAYS,
            s::MEDIAN
        )));
        let max = spread.counts.iter().copied().max().unwrap_or(1).max(1);
        const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
        let bars: String = spread
            .counts
            .iter()
            .map(|&c| {
                if c == 0 {
                    '·'
                } else {
                    BARS[((c as usize * 8).div_ceil(max as usize)).clamp(1, 8) - 1]
                }
            })
            .collect();
        out.push(Line::from(vec![
            Span::raw("0 "),
            Span::styled(bars, theme.marker),
            Span::raw(" 10"),
        ]));
    }
    let waiting = ses.waiting_ideas();
    if waiting > 0 {
        out.push(Line::styled(
            format!("{} {waiting} (i)", s::ROOM_IDEAS),
            theme.notice,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_is_black_on_white_except_under_no_color() {
        let url = "http://127.0.0.1:1/j/ABCDEFGHJKMN";
        let area = Rect::new(0, 0, 60, 30);
        for (theme, coloured) in [
            (&super::super::theme::COLOR, true),
            (&super::super::theme::NO_COLOR, false),
        ] {
            let mut buf = Buffer::empty(area);
            render_card(url, area, &mut buf, theme);
            let any_white = buf.content().iter().any(|c| c.bg == Color::White);
            assert_eq!(any_white, coloured);
        }
    }

    #[test]
    fn a_join_address_fits_a_small_code() {
        let rows = qr_rows("http://192.168.100.200:54321/j/ABCDEFGHJKMN").unwrap();
        // Version 3 (29 modules) plus the quiet zone, two modules a row.
        assert_eq!(rows[0].chars().count(), 33);
        assert_eq!(rows.len(), 17);
        assert!(rows[1].contains('█'));
    }
}
