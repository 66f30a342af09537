//! How the wall cuts into pages: its items measured into blocks (a heading,
//! a numbered entry, a row of cards, a map, a table row), the blocks into
//! pages of the projector's body. Layout arithmetic only, no drawing: the
//! flow counts pages with it when the facilitator turns them, the drawing
//! (`ui::projector`, `ui::wall`) places what it draws by the same measure.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::layout::Rect;

use super::frame::{Frame, Wall};
use super::wall_shapes::{self, Part};
use crate::kinds::with_kind;
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

/// A wall cut into pages, each a list of blocks.
pub type Pages = Vec<Vec<Block>>;

/// How many pages the wall of a frame takes in the projector view of a
/// window this size (at least one).
pub fn pages(frame: &Frame, (w, h): (u16, u16), cache: &PageCache) -> usize {
    let body = body(frame, Rect::new(0, 0, w, h));
    cache
        .pages(&frame.wall, body.width, body.height)
        .len()
        .max(1)
}

/// The walls cut last, kept between frames. Measuring every item's wrapped
/// height is most of a full wall's frame, and most frames change nothing
/// the pages depend on: the clock ticks, the room is read, a page turns.
///
/// A cut is used again while the wall holds the very same item lists,
/// unchanged (`Items::is`: the cut marks them without keeping them),
/// at the same checkpoint, with the kinds in the same order and the same
/// idea of what was carried from last time, at the same size. A shape that
/// comes to measure anything else must add it to [`Cut::fits`]. Two cuts
/// are kept: the room's view and the facilitator's small preview.
#[derive(Debug, Default)]
pub struct PageCache(RefCell<Vec<Cut>>);

#[derive(Debug)]
struct Cut {
    /// Each kind's list as measured, in the order of `ItemKind::all`.
    lists: Vec<Mark>,
    checkpoint: String,
    kinds: Vec<ItemKind>,
    /// What says an item was carried from the session before.
    follows: Option<String>,
    created: Timestamp,
    size: (u16, u16),
    pages: Rc<Pages>,
}

impl Cut {
    fn new(wall: &Wall, size: (u16, u16), pages: Rc<Pages>) -> Cut {
        let ses = &wall.items;
        Cut {
            lists: ItemKind::all()
                .map(|k| with_kind!(k, K => K::list(ses).mark()))
                .collect(),
            checkpoint: wall.checkpoint.clone(),
            kinds: wall.kinds.clone(),
            follows: ses.meta.follows.clone(),
            created: ses.meta.created,
            size,
            pages,
        }
    }

    fn fits(&self, wall: &Wall, size: (u16, u16)) -> bool {
        let ses = &wall.items;
        self.size == size
            && self.checkpoint == wall.checkpoint
            && self.kinds == wall.kinds
            && self.follows == ses.meta.follows
            && self.created == ses.meta.created
            && ItemKind::all()
                .zip(&self.lists)
                .all(|(k, mark)| with_kind!(k, K => K::list(ses).is(mark)))
    }
}

const CUTS_KEPT: usize = 2;

/// A copy starts empty: what it would hold, it cuts again when asked.
impl Clone for PageCache {
    fn clone(&self) -> PageCache {
        PageCache::default()
    }
}

impl PageCache {
    /// The wall cut into pages of `height` rows, `width` wide: the kept cut
    /// when it still fits, else a new one.
    pub fn pages(&self, wall: &Wall, width: u16, height: u16) -> Rc<Pages> {
        let size = (width, height);
        let mut cuts = self.0.borrow_mut();
        if let Some(at) = cuts.iter().position(|c| c.fits(wall, size)) {
            // The latest used goes last, so the one dropped is the oldest.
            let cut = cuts.remove(at);
            let pages = Rc::clone(&cut.pages);
            cuts.push(cut);
            return pages;
        }
        let pages = Rc::new(paginate(wall, width, height));
        if cuts.len() == CUTS_KEPT {
            cuts.remove(0);
        }
        cuts.push(Cut::new(wall, size, Rc::clone(&pages)));
        pages
    }
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
pub fn paginate(wall: &Wall, width: u16, height: u16) -> Pages {
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::workshop::Builtin;

    /// A new session with `n` facts at its first checkpoint, at the epoch.
    pub fn with_facts(n: usize) -> Session {
        let now = chrono::DateTime::UNIX_EPOCH.fixed_offset();
        let mut ses = Session::new(Builtin::Default.workshop(), "T", "F", now);
        let cp = ses.current_checkpoint_id().to_string();
        for k in 0..n {
            let id = ses.take_id();
            ses.facts.push(BrutalFact {
                id,
                at: now,
                checkpoint: cp.clone(),
                text: format!("Fact {k}: refunds take forty days, and nobody owns the wait"),
                source: SourceKind::Customer,
                source_detail: String::new(),
            });
        }
        ses
    }

    #[test]
    fn a_cut_is_kept_until_the_items_or_the_size_change() {
        let cache = PageCache::default();
        let mut ses = with_facts(40);
        let first = cache.pages(&Wall::of(&ses), 80, 20);
        // Nothing the pages depend on: the view, the gauge, the clock.
        ses.progress.wall.page = 1;
        ses.room_gauge = ses.room_gauge.next();
        let again = cache.pages(&Wall::of(&ses), 80, 20);
        assert!(Rc::ptr_eq(&first, &again), "cut again for nothing");
        // The preview's size is kept beside the room's.
        let small = cache.pages(&Wall::of(&ses), 40, 8);
        assert!(!Rc::ptr_eq(&first, &small));
        assert!(Rc::ptr_eq(&first, &cache.pages(&Wall::of(&ses), 80, 20)));
        assert!(Rc::ptr_eq(&small, &cache.pages(&Wall::of(&ses), 40, 8)));
        // An item's words changed in place: cut again, as a fresh measure.
        ses.facts[0].text = "a much longer fact ".repeat(30);
        let wall = Wall::of(&ses);
        let changed = cache.pages(&wall, 80, 20);
        assert!(!Rc::ptr_eq(&first, &changed));
        assert_eq!(*changed, paginate(&wall, 80, 20));
        assert_ne!(*changed, *first);
    }

    #[test]
    fn a_cut_follows_the_checkpoint() {
        let cache = PageCache::default();
        let mut ses = with_facts(10);
        let here = cache.pages(&Wall::of(&ses), 80, 20);
        assert!(!here[0].is_empty());
        ses.progress.current += 1;
        let wall = Wall::of(&ses);
        assert_eq!(*cache.pages(&wall, 80, 20), paginate(&wall, 80, 20));
        assert!(cache.pages(&wall, 80, 20)[0].is_empty());
    }
}
