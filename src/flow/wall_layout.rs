//! How the wall cuts into pages: its items measured into blocks (a heading,
//! a numbered entry, a row of cards, a map, a table row), the blocks into
//! pages of the projector's body. Layout arithmetic only, no drawing: the
//! flow counts pages with it when the facilitator turns them, the drawing
//! (`ui::projector`, `ui::wall`) places what it draws by the same measure.

use ratatui::layout::Rect;

use super::frame::{Frame, Wall};
use super::wall_shapes::{self, Part};
use crate::session::*;

/// A piece of a page: which kind, which part of it, and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: ItemKind,
    pub part: Part,
    pub h: u16,
}

impl Block {
    pub fn is_heading(&self) -> bool {
        matches!(self.part, Part::Heading(_) | Part::TableHead)
    }
}

/// How many pages the wall of a frame takes in the projector view of a
/// window this size (at least one).
pub fn pages(frame: &Frame, (w, h): (u16, u16)) -> usize {
    let body = body(frame, Rect::new(0, 0, w, h));
    paginate(&frame.wall, body.width, body.height).len().max(1)
}

/// Columns a letter of the big text takes.
const GLYPH_W: u16 = 8;

/// How wide `text` is drawn in big letters.
pub fn big_w(text: &str) -> u16 {
    text.chars().count() as u16 * GLYPH_W
}

/// Rows above the wall: a big title on a tall window, else one line; the
/// time and tension; the gauge when it is shown and there is room.
pub fn head(f: &Frame, body: Rect) -> (bool, u16) {
    let big_title = body.height >= 40 && big_w(&f.title) <= body.width;
    let gauge = f.gauge != GaugeShow::Nothing && body.height >= 24;
    let h = if big_title { 5 } else { 1 } + 1 + u16::from(gauge);
    (big_title, h)
}

/// Whether the projector view has room for its border.
pub fn bordered(area: Rect) -> bool {
    area.width >= 20 && area.height >= 6
}

/// The projector view's body: inside its border, a column apart from its
/// sides; the whole area when there is no room for a border.
pub fn inside(area: Rect) -> Rect {
    if !bordered(area) {
        return area;
    }
    Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    }
}

/// Where the wall's items go in the projector view of a window this size.
fn body(f: &Frame, area: Rect) -> Rect {
    split(f, inside(area)).1
}

/// The head, the items (a row apart) and the footer's row.
pub fn split(f: &Frame, body: Rect) -> (Rect, Rect, Rect) {
    let (_, head_h) = head(f, body);
    let head_h = head_h.min(body.height);
    let head = Rect {
        height: head_h,
        ..body
    };
    let mut rest = Rect {
        y: body.y + head_h,
        height: body.height - head_h,
        ..body
    };
    let foot_h = rest.height.min(1);
    rest.height -= foot_h;
    let foot = Rect {
        y: rest.y + rest.height,
        height: foot_h,
        ..rest
    };
    let gap = rest.height.min(1);
    rest.y += gap;
    rest.height -= gap;
    (head, rest, foot)
}

/// The wall cut into pages of `height` rows.
pub fn paginate(wall: &Wall, width: u16, height: u16) -> Vec<Vec<Block>> {
    let mut pages: Vec<Vec<Block>> = vec![Vec::new()];
    let mut used = 0u16;
    let height = height.max(1);
    for &kind in &wall.kinds {
        let idx = wall.here(kind);
        if idx.is_empty() {
            continue;
        }
        // A heading (and the table's head) goes with the block after it.
        let lead = |continued: bool| {
            let mut v = vec![Block {
                kind,
                part: Part::Heading(continued),
                h: 1,
            }];
            if kind == ItemKind::Commitment {
                v.push(Block {
                    kind,
                    part: Part::TableHead,
                    h: 1,
                });
            }
            v
        };
        let mut pending = lead(false);
        for (part, h) in wall_shapes::blocks(wall, kind, &idx, width) {
            let lead_h: u16 = pending.iter().map(|b| b.h).sum();
            let gap = u16::from(used > 0 && !pending.is_empty());
            if used > 0 && used + gap + lead_h + h > height {
                pages.push(Vec::new());
                used = 0;
                if pending.is_empty() {
                    pending = lead(true);
                }
            }
            let gap = u16::from(used > 0 && !pending.is_empty());
            used += gap;
            let page = pages.last_mut().expect("a page");
            for b in pending.drain(..) {
                used += b.h;
                page.push(b);
            }
            used += h;
            page.push(Block { kind, part, h });
        }
    }
    pages
}
