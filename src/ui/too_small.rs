//! The message shown instead of a broken layout in a tiny window.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::strings as s;

pub fn render(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = vec![
        Line::styled(s::TOO_SMALL, theme.title),
        Line::raw(s::TOO_SMALL_DETAIL),
        Line::raw(format!("Now: {}×{}.", area.width, area.height)),
    ];
    let y = area.y + area.height.saturating_sub(3) / 2;
    let rect = Rect {
        y,
        height: area.height.saturating_sub(y - area.y),
        ..area
    };
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}
