//! The start screen: a new session, a recent one, or review (later).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::theme::Theme;
use super::{form, keybar, take_bottom, take_right, take_top, window_start};
use crate::flow::{Flow, StartFocus, Tone};
use crate::keymap::{Action, Ctx};
use crate::strings as s;
use crate::text::trunc;

pub fn render(flow: &Flow, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let st = &flow.start;
    let mut body = area;
    let top = take_top(&mut body, 2);
    let bar = take_bottom(&mut body, 1);
    let notice = take_bottom(&mut body, 1);
    let review = take_bottom(&mut body, 2);
    Line::styled(
        format!("{} — adaptive work, one checkpoint at a time", s::APP),
        theme.header,
    )
    .render(top, buf);
    let mut left = body;
    let right = take_right(&mut left, body.width * 45 / 100);

    let focus_style = |on: bool| if on { theme.focus } else { theme.base };
    let new_block = Block::bordered()
        .border_style(focus_style(st.focus == StartFocus::Form))
        .title(Line::styled(format!(" {} ", s::NEW_SESSION), theme.title));
    let inner = new_block.inner(left);
    new_block.render(left, buf);
    form::render_fields(&st.form, st.focus == StartFocus::Form, inner, buf, theme);

    let recent_block = Block::bordered()
        .border_style(focus_style(st.focus == StartFocus::Recent))
        .title(Line::styled(format!(" {} ", s::RESUME), theme.title));
    let inner = recent_block.inner(right);
    recent_block.render(right, buf);
    if st.recent.is_empty() {
        Line::styled(s::NO_RECENT, theme.dim).render(inner, buf);
    } else {
        let h = inner.height as usize;
        let first = window_start(st.sel, h);
        let on = st.focus == StartFocus::Recent;
        for (row, i) in (first..st.recent.len().min(first + h)).enumerate() {
            let name = st.labels.get(i).map_or("", String::as_str);
            // One ▶ on the screen: where Enter acts.
            let mark = if i == st.sel && on { "▶ " } else { "  " };
            let mut line = Line::raw(trunc(&format!("{mark}{name}"), inner.width as usize));
            if i == st.sel && on {
                line = line.style(theme.selected);
            }
            line.render(
                Rect {
                    y: inner.y + row as u16,
                    height: 1,
                    ..inner
                },
                buf,
            );
        }
    }
    // The words name the key that starts, opens or reviews, as bound now.
    let enter = flow.keymap.first_key(Ctx::Start, Action::Accept);
    let mark = if st.focus == StartFocus::Review {
        "▶ "
    } else {
        "  "
    };
    Line::styled(
        trunc(
            &format!("{mark}{}", s::review_entry(&enter)),
            review.width as usize,
        ),
        if st.focus == StartFocus::Review {
            theme.focus
        } else {
            theme.dim
        },
    )
    .render(
        Rect {
            y: review.y + 1,
            height: 1,
            ..review
        },
        buf,
    );
    if let Some(n) = &flow.notice {
        let style = if n.tone == Tone::Error {
            theme.error
        } else {
            theme.notice
        };
        Line::styled(trunc(&n.text, notice.width as usize), style).render(notice, buf);
    } else {
        let what = match st.focus {
            StartFocus::Form => s::key_starts(&enter),
            StartFocus::Recent => s::key_opens(&enter),
            StartFocus::Review => s::key_reviews(&enter),
        };
        Line::styled(trunc(&what, notice.width as usize), theme.dim).render(notice, buf);
    }
    keybar::render(&flow.keymap, flow.ctx(), bar, buf, theme);
}
