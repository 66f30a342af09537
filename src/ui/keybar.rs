//! The bottom bar: the keys that work right now, from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::keymap::{self, Ctx};
use super::theme::Theme;

pub fn render(ctx: Ctx, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, word) in keymap::bar(ctx) {
        let w = keys.width() + 1 + word.width() + 2;
        if used + w > area.width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    Line::from(spans).render(area, buf);
}
