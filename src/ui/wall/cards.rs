//! Gadfly ideas as cards: the idea as it was said, its fate, and who said it
//! only when they gave their name.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Widget};

use super::{Part, Pen, Wall, column, columns, rows};
use crate::session::*;
use crate::strings as s;
use crate::text::trunc;
use crate::ui::theme::Theme;

/// Lines of the idea on a card; the spotlight shows all of it.
const IDEA_LINES: usize = 6;

/// Its fate and, once it became work, what it became.
fn fate_line(ses: &Session, g: &Gadfly) -> String {
    match (&g.fate, ses.became(g.id)) {
        (Fate::Declined(why), _) => format!("{}: {why}", s::WALL_DECLINED),
        (f, Some(work)) => format!("{} · {work}", f.label()),
        (f, None) => f.label().to_string(),
    }
}

/// The name of a named author; an anonymous idea says nothing of its author.
fn said_by(g: &Gadfly) -> Option<String> {
    match &g.author {
        Author::Named(n) if !n.trim().is_empty() => Some(format!("{} {n}", s::WALL_SAID_BY)),
        _ => None,
    }
}

fn card_h(ses: &Session, g: &Gadfly, inner: usize, lines: usize) -> u16 {
    rows(&g.text, inner, lines).max(1)
        + rows(&fate_line(ses, g), inner, 2)
        + said_by(g).map_or(0, |_| 1)
        + 2
}

/// Rows of cards, as many side by side as fit.
pub(super) fn gadfly_rows(wall: &Wall, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
    let n = columns(width, 34, 4);
    let inner = column(Rect::new(0, 0, width, 1), 0, n)
        .width
        .saturating_sub(2) as usize;
    idx.chunks(n)
        .enumerate()
        .map(|(k, row)| {
            let h = row
                .iter()
                .map(|&i| card_h(&wall.items, &wall.items.gadflies[i], inner, IDEA_LINES))
                .max()
                .unwrap_or(3);
            (
                Part::Items {
                    list: row.to_vec(),
                    n: k * n + 1,
                },
                h,
            )
        })
        .collect()
}

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
