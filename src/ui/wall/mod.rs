//! The wall: what the room has captured at the current checkpoint, on the
//! projector, each kind in the shape the method gives it. Item text is
//! letters (bold, wrapped), never block glyphs, so any length stays readable.
//!
//! The items are cut into blocks and pages by the flow's measure
//! (`flow::wall_layout`); only the page shown is drawn. Private things
//! never reach it: [`Wall`] holds no phone queue, no readings and no reflection notes, and the shapes
//! draw no silencing notes and no name of an anonymous author.

mod cards;
mod customers;
mod lists;
mod maps;

pub use customers::customer_map;
pub use maps::polarity as polarity_grid;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::theme::Theme;
pub use crate::flow::frame::Wall;
use crate::flow::wall_layout::PageCache;
use crate::flow::wall_shapes::Part;
pub(super) use crate::flow::wall_shapes::{column, columns};
use crate::session::*;
use crate::text::wrap;

/// Draws the page asked for (or the last there is) into `area`, or the
/// item in the spotlight. Returns the page shown and how many there are
/// (none in the spotlight). The pages come from `cache` when nothing they
/// depend on changed since it cut them.
pub fn render(
    wall: &Wall,
    cache: &PageCache,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<(usize, usize)> {
    if area.width < 4 || area.height == 0 {
        return None;
    }
    if let Some((kind, i)) = wall.spotlit() {
        spotlight(wall, kind, i, area, buf, theme);
        return None;
    }
    let pages = cache.pages(wall, area.width, area.height);
    let page = (wall.view.page as usize).min(pages.len().saturating_sub(1));
    let shown = Some((page, pages.len().max(1)));
    let Some(blocks) = pages.get(page) else {
        return shown;
    };
    let mut y = area.y;
    let bottom = area.y + area.height;
    // A page with room to spare puts a row between its items: easier to
    // read from the back.
    let used: u16 = blocks.iter().map(|b| b.h + u16::from(b.is_heading())).sum();
    let items = blocks.iter().filter(|b| !b.is_heading()).count() as u16;
    let airy = pages.len() == 1 && used + items <= area.height;
    for (k, b) in blocks.iter().enumerate() {
        let between_items = k > 0
            && matches!(b.part, Part::Items { .. })
            && matches!(blocks[k - 1].part, Part::Items { .. });
        if k > 0 && (matches!(b.part, Part::Heading(_)) || (airy && between_items)) {
            y += 1;
        }
        if y >= bottom {
            break;
        }
        let rect = Rect {
            y,
            height: b.h.min(bottom - y),
            ..area
        };
        match &b.part {
            Part::Heading(continued) => heading(b.kind, *continued, rect, buf, theme),
            Part::TableHead => lists::table_head(rect, buf, theme),
            Part::Items { list, n } => match b.kind {
                ItemKind::Gadfly => cards::gadfly_row(wall, list, rect, buf, theme),
                ItemKind::Polarity => {
                    maps::polarity(&wall.items.polarities[list[0]], false, rect, buf, theme);
                }
                ItemKind::Faction => maps::faction_row(wall, list, rect, buf, theme),
                ItemKind::Commitment => lists::commitment_row(wall, list[0], rect, buf, theme),
                ItemKind::Customer => customers::customer_row(wall, list, rect, buf, theme),
                kind => lists::entry(wall, kind, list[0], *n, 4, rect, buf, theme),
            },
        }
        y += b.h;
    }
    shown
}

fn heading(kind: ItemKind, continued: bool, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let text = if continued {
        format!("{} ({})", kind.heading(), crate::strings::WALL_CONTINUED)
    } else {
        kind.heading().to_string()
    };
    Line::styled(
        crate::text::trunc(&text.to_uppercase(), area.width as usize),
        theme.heading,
    )
    .render(area, buf);
}

/// One item alone, as large as the area lets it be.
fn spotlight(wall: &Wall, kind: ItemKind, i: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let head = Rect { height: 1, ..area };
    heading(kind, false, head, buf, theme);
    let body = Rect {
        y: area.y + 2.min(area.height),
        height: area.height.saturating_sub(2),
        ..area
    };
    if body.height == 0 {
        return;
    }
    match kind {
        ItemKind::Gadfly => cards::gadfly_card(
            &wall.items,
            &wall.items.gadflies[i],
            usize::MAX,
            body,
            buf,
            theme,
        ),
        ItemKind::Polarity => {
            maps::polarity(&wall.items.polarities[i], true, body, buf, theme);
        }
        ItemKind::Faction => maps::faction_row(wall, &[i], body, buf, theme),
        ItemKind::Commitment => {
            lists::commitment_alone(&wall.items.commitments[i], body, buf, theme)
        }
        ItemKind::Customer => customers::customer_row(wall, &[i], body, buf, theme),
        _ => {
            let max = body.height as usize;
            lists::entry(wall, kind, i, 0, max, body, buf, theme)
        }
    }
}

/// Puts lines one under the other inside an area, stopping at its bottom.
pub(super) struct Pen<'b> {
    pub area: Rect,
    pub y: u16,
    pub buf: &'b mut Buffer,
}

impl<'b> Pen<'b> {
    pub fn new(area: Rect, buf: &'b mut Buffer) -> Pen<'b> {
        Pen {
            area,
            y: area.y,
            buf,
        }
    }

    pub fn left(&self) -> u16 {
        (self.area.y + self.area.height).saturating_sub(self.y)
    }

    pub fn line(&mut self, line: Line) {
        if self.left() > 0 {
            line.render(
                Rect {
                    y: self.y,
                    height: 1,
                    ..self.area
                },
                self.buf,
            );
            self.y += 1;
        }
    }

    /// `text` wrapped to the area's width in at most `max` lines, with an
    /// indent after the first line.
    pub fn text(&mut self, first: &str, text: &str, style: Style, max: usize, label: Style) {
        let fw = unicode_width::UnicodeWidthStr::width(first);
        let w = (self.area.width as usize).saturating_sub(fw).max(1);
        let max = max.min(self.left() as usize);
        for (k, l) in wrap(text, w, max).into_iter().enumerate() {
            let lead = if k == 0 {
                first.to_string()
            } else {
                " ".repeat(fw)
            };
            self.line(Line::from(vec![
                ratatui::text::Span::styled(lead, label),
                ratatui::text::Span::styled(l, style),
            ]));
        }
    }
}
