//! Gadfly ideas as cards: the idea as it was said, its fate, and who said it
//! only when they gave their name.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Widget};

use super::{Pen, Wall, column, columns};
use crate::flow::wall_shapes::{IDEA_LINES, card_h, fate_line, said_by};
use crate::session::*;
use crate::text::trunc;
use crate::ui::theme::Theme;

pub(super) fn gadfly_row(wall: &Wall, list: &[usize], area: Rect, buf: &mut Buffer, theme: &Theme) {
    let n = columns(area.width, 34, 4);
    for (c, &i) in list.iter().enumerate() {
        gadfly_card(
            &wall.items,
            &wall.items.gadflies[i],
            IDEA_LINES,
            column(area, c, n),
            buf,
            theme,
        );
    }
}

/// One card: the idea in bold, then its fate and, if named, its author.
pub(super) fn gadfly_card(
    ses: &Session,
    g: &Gadfly,
    lines: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    if area.width < 4 || area.height < 3 {
        return;
    }
    let inner_w = area.width.saturating_sub(2) as usize;
    let h = card_h(ses, g, inner_w, lines.min(area.height as usize)).min(area.height);
    let rect = Rect { height: h, ..area };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.dim)
        .title(trunc(&format!(" #{} ", g.id), inner_w));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let mut pen = Pen::new(inner, buf);
    let tail = 1 + u16::from(said_by(g).is_some());
    let room = (pen.left().saturating_sub(tail) as usize).max(1);
    pen.text(
        "",
        &g.text,
        theme.title.add_modifier(Modifier::BOLD),
        lines.min(room),
        theme.dim,
    );
    let fate_st = match g.fate {
        Fate::Adopted => theme.productive,
        Fate::Declined(_) => theme.dim,
        _ => theme.heading,
    };
    pen.text("", &fate_line(ses, g), fate_st, 2, theme.dim);
    if let Some(by) = said_by(g) {
        pen.text("", &by, theme.dim, 1, theme.dim);
    }
}
