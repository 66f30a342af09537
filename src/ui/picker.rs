//! A list to choose from (tactics, fates, reactions, checkpoints), with an
//! optional one-line reason typed below it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::theme::Theme;
use super::{centered, window_start};
use crate::flow::{Pick, Picker};
use crate::text::trunc;

pub fn render(p: &Picker, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let reason_rows = if p.reason.is_some() { 3 } else { 0 };
    let info_rows = if p.info.is_empty() {
        0
    } else {
        p.info.len() as u16 + 1
    };
    let want = p.options.len() as u16 + reason_rows + info_rows + 3;
    let rect = centered(
        area,
        area.width.saturating_sub(6).min(90),
        want.min(area.height.saturating_sub(2)),
    );
    Clear.render(rect, buf);
    let block = Block::bordered().title(Line::styled(
        format!(
            " {} ",
            trunc(&p.title, (rect.width as usize).saturating_sub(4))
        ),
        theme.title,
    ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height < 2 {
        return;
    }
    let w = inner.width as usize;
    // The information first, cut to leave the options at least three rows.
    let info_rows = info_rows.min(inner.height.saturating_sub(reason_rows + 4));
    for (row, text) in p.info.iter().take(info_rows as usize).enumerate() {
        Line::styled(trunc(text, w), theme.dim).render(
            Rect {
                y: inner.y + row as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
    let inner = Rect {
        y: inner.y + info_rows,
        height: inner.height - info_rows,
        ..inner
    };
    let list_h = inner.height.saturating_sub(reason_rows + 1) as usize;
    let first = window_start(p.sel, list_h);
    for (row, i) in (first..p.options.len().min(first + list_h)).enumerate() {
        let (name, hint) = &p.options[i];
        let mark = if i == p.sel { "▶ " } else { "  " };
        // Only a tactic has a default: Enter at once takes the first.
        let default = if i == 0 && matches!(p.pick, Pick::Tactic(_)) {
            " (default)"
        } else {
            ""
        };
        let mut spans = vec![Span::raw(format!("{mark}{name}{default}"))];
        if !hint.is_empty() {
            spans.push(Span::styled(format!(" — {hint}"), theme.dim));
        }
        let mut line = Line::from(spans);
        if i == p.sel {
            line = line.style(theme.selected);
        }
        let r = Rect {
            y: inner.y + row as u16,
            height: 1,
            ..inner
        };
        // Cut by width first: hints can be long.
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        if unicode_width::UnicodeWidthStr::width(text.as_str()) > w {
            Line::styled(
                trunc(&text, w),
                if i == p.sel {
                    theme.selected
                } else {
                    theme.base
                },
            )
            .render(r, buf);
        } else {
            line.render(r, buf);
        }
    }
    let mut y = inner.y + list_h as u16;
    if let Some(reason) = &p.reason {
        y += 1;
        Line::styled(p.reason_label, theme.heading).render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
        let ra = Rect {
            x: inner.x + 2,
            y: y + 1,
            width: inner.width.saturating_sub(2),
            height: 1,
        };
        if ra.y < inner.y + inner.height {
            reason.render(ra, buf);
        }
        y += 2;
    }
    let _ = y;
}
