//! The question asked when quitting while the latest changes are not on
//! disk: why, where an emergency copy would go, and the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::centered;
use super::theme::Theme;
use crate::flow::{Flow, QuitAsk, SaveState};
use crate::keymap::Ctx;
use crate::strings as s;
use crate::text::wrap;

pub fn render(flow: &Flow, ask: &QuitAsk, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let rect = centered(area, area.width.saturating_sub(4).min(90), 14);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_style(theme.error)
        .title(Line::styled(format!(" {} ", s::UNSAVED_TITLE), theme.error));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let w = inner.width as usize;
    let mut lines: Vec<(String, Style)> = Vec::new();
    let why = match &flow.save {
        SaveState::Failed { message } | SaveState::Stopped { message } => message.as_str(),
        _ => "",
    };
    for l in wrap(why, w, 4) {
        lines.push((l, theme.base));
    }
    lines.push((String::new(), theme.base));
    lines.push((s::UNSAVED_COPY_TO.to_string(), theme.base));
    let to = flow.emergency.as_ref().map_or_else(
        || s::UNSAVED_NO_FOLDER.to_string(),
        |p| p.display().to_string(),
    );
    for l in wrap(&to, w, 2) {
        lines.push((l, theme.heading));
    }
    if let QuitAsk::CopyFailed(e) = ask {
        for l in wrap(&s::emergency_failed(e), w, 3) {
            lines.push((l, theme.error));
        }
    }
    let bar_y = inner.y + inner.height.saturating_sub(1);
    for (i, (text, style)) in lines.into_iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= bar_y {
            break;
        }
        Line::styled(text, style).render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
    }
    if inner.height > 0 {
        super::keybar::render(
            &flow.keymap,
            Ctx::Unsaved,
            Rect {
                y: bar_y,
                height: 1,
                ..inner
            },
            buf,
            theme,
        );
    }
}
