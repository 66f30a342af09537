//! How tall each kind's shape stands on the wall at a given width, and the
//! words it measures: the same words the drawing (`ui::wall`) then draws,
//! so a page holds exactly what was measured for it.

use ratatui::layout::Rect;

use super::frame::Wall;
use crate::session::*;
use crate::strings as s;

/// One piece of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// The kind's name; `true` when it goes on from the page before.
    Heading(bool),
    /// The commitments table's column names.
    TableHead,
    /// Items of the kind, by index into its list: one entry, or a row of
    /// cards or factions side by side. `n` is the first one's number.
    Items { list: Vec<usize>, n: usize },
}

/// The blocks of one kind, measured for `width` columns.
pub fn blocks(wall: &Wall, kind: ItemKind, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
    match kind {
        ItemKind::Gadfly => gadfly_rows(wall, idx, width),
        ItemKind::Polarity => polarity_blocks(wall, idx, width),
        ItemKind::Faction => faction_rows(wall, idx, width),
        ItemKind::Commitment => commitment_rows(wall, idx, width),
        ItemKind::Customer => customer_blocks(wall, idx, width),
        _ => numbered(wall, kind, idx, width),
    }
}

// Gadfly ideas: cards side by side.

/// Lines of the idea on a card; the spotlight shows all of it.
pub const IDEA_LINES: usize = 6;

/// Its fate and, once it became work, what it became.
pub fn fate_line(ses: &Session, g: &Gadfly) -> String {
    match (&g.fate, ses.became(g.id)) {
        (Fate::Declined(why), _) => format!("{}: {why}", s::WALL_DECLINED),
        (f, Some(work)) => format!("{} · {work}", f.label()),
        (f, None) => f.label().to_string(),
    }
}

/// The name of a named author; an anonymous idea says nothing of its author.
pub fn said_by(g: &Gadfly) -> Option<String> {
    match &g.author {
        Author::Named(n) if !n.trim().is_empty() => Some(format!("{} {n}", s::WALL_SAID_BY)),
        _ => None,
    }
}

pub fn card_h(ses: &Session, g: &Gadfly, inner: usize, lines: usize) -> u16 {
    rows(&g.text, inner, lines).max(1)
        + rows(&fate_line(ses, g), inner, 2)
        + said_by(g).map_or(0, |_| 1)
        + 2
}

/// Rows of cards, as many side by side as fit.
fn gadfly_rows(wall: &Wall, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
    card_rows(idx, width, columns(width, 34, 4), |i, inner| {
        card_h(&wall.items, &wall.items.gadflies[i], inner, IDEA_LINES)
    })
}

/// `idx` in rows of `n` cards side by side, each row as tall as its
/// tallest card; `card_h` measures a card for the columns inside its border.
fn card_rows(
    idx: &[usize],
    width: u16,
    n: usize,
    card_h: impl Fn(usize, usize) -> u16,
) -> Vec<(Part, u16)> {
    let inner = column(Rect::new(0, 0, width, 1), 0, n)
        .width
        .saturating_sub(2) as usize;
    idx.chunks(n)
        .enumerate()
        .map(|(k, row)| {
            let h = row.iter().map(|&i| card_h(i, inner)).max().unwrap_or(3);
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

// The plain kinds: a numbered list; commitments: a table.

/// Lines an entry may take in the list; the spotlight shows all of it.
pub const ENTRY_LINES: usize = 4;

/// The words of an entry and the tag that says what it is.
fn words(wall: &Wall, kind: ItemKind, i: usize) -> (&str, String) {
    match wall.items.summary_of(kind, i) {
        Some((tag, text)) => (text, tag),
        None => ("", String::new()),
    }
}

pub fn number(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        format!("{n:>2}. ")
    }
}

pub fn entry_text(wall: &Wall, kind: ItemKind, i: usize) -> String {
    let (text, tag) = words(wall, kind, i);
    format!("{text} · {tag}")
}

/// One block per entry, numbered from 1.
fn numbered(wall: &Wall, kind: ItemKind, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
    idx.iter()
        .enumerate()
        .map(|(k, &i)| {
            let w = (width as usize).saturating_sub(number(k + 1).len());
            let h = rows(&entry_text(wall, kind, i), w, ENTRY_LINES).max(1);
            (
                Part::Items {
                    list: vec![i],
                    n: k + 1,
                },
                h,
            )
        })
        .collect()
}

/// Column widths of the commitments table: what, owner, review, status.
pub fn widths(width: u16) -> [usize; 4] {
    let w = width as usize;
    let owner = (w / 5).clamp(8, 24);
    let (review, status) = (10, 7);
    let what = w.saturating_sub(owner + review + status + 3).max(1);
    [what, owner, review, status]
}

fn commitment_rows(wall: &Wall, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
    let [what, ..] = widths(width);
    idx.iter()
        .enumerate()
        .map(|(k, &i)| {
            let h = rows(&wall.items.commitments[i].what, what, 3).max(1);
            (
                Part::Items {
                    list: vec![i],
                    n: k + 1,
                },
                h,
            )
        })
        .collect()
}

// Polarity maps as a grid; factions side by side.

/// Lines each listed thing may take; more in the spotlight.
pub fn per_thing(alone: bool) -> usize {
    if alone { 8 } else { 3 }
}

fn bullets_h(list: &[String], width: usize, each: usize) -> u16 {
    list.iter()
        .map(|x| rows(&format!("• {x}"), width, each).max(1))
        .sum()
}

pub fn purpose_text(p: &Polarity) -> String {
    match p.third {
        Some(_) => format!("{}: {}", s::WALL_PURPOSE_THREE, p.purpose),
        None => format!("{}: {}", s::WALL_PURPOSE, p.purpose),
    }
}

pub fn warning_text(p: &Polarity, w: &EarlyWarning) -> String {
    let pole = p.pole_name(w.overdone);
    format!(
        "{} ({pole} {}) · {} {}",
        w.sign,
        s::WALL_OVERDONE,
        s::WALL_WATCHER,
        w.watcher
    )
}

/// The heights of a map's parts: purpose, one quadrant row, the other, signs.
pub fn polarity_parts(p: &Polarity, width: u16, alone: bool) -> [u16; 4] {
    let each = per_thing(alone);
    let w = width as usize;
    let poles = p.poles();
    let cw = column(Rect::new(0, 0, width, 1), 0, poles.len())
        .width
        .saturating_sub(2) as usize;
    let tallest = |list: fn(&Pole) -> &[String]| {
        poles
            .iter()
            .map(|(_, x)| bullets_h(list(x), cw, each))
            .max()
            .unwrap_or(0)
    };
    let purpose = if p.purpose.trim().is_empty() {
        0
    } else {
        rows(&purpose_text(p), w, if alone { 4 } else { 2 })
    };
    let up = tallest(|x| &x.upsides).max(1) + 2;
    let down = tallest(|x| &x.downsides).max(1) + 2;
    let signs: u16 = p
        .warnings
        .iter()
        .map(|x| rows(&format!("• {}", warning_text(p, x)), w, 2).max(1))
        .sum();
    let signs = if signs == 0 { 0 } else { signs + 1 };
    [purpose, up, down, signs]
}

fn polarity_blocks(wall: &Wall, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
    idx.iter()
        .enumerate()
        .map(|(k, &i)| {
            let [purpose, up, down, signs] =
                polarity_parts(&wall.items.polarities[i], width, false);
            (
                Part::Items {
                    list: vec![i],
                    n: k + 1,
                },
                // The poles' names sit above the grid; a row apart from the next.
                purpose + 1 + up + down + signs + 1,
            )
        })
        .collect()
}

pub fn faction_sections(f: &Faction) -> [(&'static str, &[String]); 3] {
    [
        (s::WALL_VALUES, &f.values),
        (s::WALL_LOYAL, &f.loyalties),
        (s::WALL_LOSE, &f.losses),
    ]
}

pub fn faction_h(f: &Faction, inner: usize, each: usize) -> u16 {
    let mut h = 2 + 1;
    for (_, list) in faction_sections(f) {
        if !list.is_empty() {
            h += 1 + bullets_h(list, inner, each);
        }
    }
    h
}

pub fn faction_cols(width: u16) -> usize {
    columns(width, 30, 4)
}

/// Rows of factions side by side.
fn faction_rows(wall: &Wall, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
    card_rows(idx, width, faction_cols(width), |i, inner| {
        faction_h(&wall.items.factions[i], inner, per_thing(false))
    })
}

// Customers: one map per product, in three columns.

/// Lines one customer may take in its column.
pub const CUSTOMER_LINES: usize = 6;
/// Rows a map may take before the rest is cut.
const MAP_ROWS: u16 = 18;

/// The customers of `idx` grouped by product, in the order each product
/// first appears.
fn by_product(wall: &Wall, idx: &[usize]) -> Vec<Vec<usize>> {
    let list = &wall.items.customers;
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &i in idx {
        let product = list[i].product.trim().to_lowercase();
        match out
            .iter_mut()
            .find(|g| list[g[0]].product.trim().to_lowercase() == product)
        {
            Some(g) => g.push(i),
            None => out.push(vec![i]),
        }
    }
    out
}

pub fn customer_text(c: &Customer) -> (String, String) {
    let mut more = Vec::new();
    if !c.ranks_highest.is_empty() {
        more.push(format!("ranks: {}", c.ranks_highest.join("; ")));
    }
    if !c.served_by.trim().is_empty() {
        more.push(format!("served by {}", c.served_by));
    }
    (c.who.clone(), more.join(" · "))
}

fn customer_h(c: &Customer, width: usize) -> u16 {
    let (who, more) = customer_text(c);
    let h = rows(&who, width, 2).max(1) + rows(&more, width, CUSTOMER_LINES - 2);
    h.min(CUSTOMER_LINES as u16)
}

/// The height of one product's map at `width`.
pub fn map_h(customers: &[&Customer], width: u16) -> u16 {
    let w = column(Rect::new(0, 0, width, 1), 0, 3).width as usize;
    let col = |role| -> u16 {
        customers
            .iter()
            .filter(|c| c.role == role)
            .map(|c| customer_h(c, w))
            .sum()
    };
    let tallest = CustomerRole::ALL.into_iter().map(col).max().unwrap_or(0);
    // The product's name and the columns' names, then the tallest column.
    (2 + tallest.max(1)).min(MAP_ROWS)
}

/// One block per product.
fn customer_blocks(wall: &Wall, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
    by_product(wall, idx)
        .into_iter()
        .map(|group| {
            let cs: Vec<&Customer> = group.iter().map(|&i| &wall.items.customers[i]).collect();
            let h = map_h(&cs, width);
            (Part::Items { list: group, n: 0 }, h)
        })
        .collect()
}

// Shared by every shape.

/// Rows `text` takes wrapped to `width`, at most `max`.
pub fn rows(text: &str, width: usize, max: usize) -> u16 {
    crate::text::wrap_count(text, width.max(1), max) as u16
}

/// How many side by side for columns of at least `min` wide, at most `most`.
pub fn columns(width: u16, min: u16, most: usize) -> usize {
    ((width / min) as usize).clamp(1, most)
}

/// The rectangle of column `c` of `n` across `area`, one column apart.
pub fn column(area: Rect, c: usize, n: usize) -> Rect {
    let n = n.max(1) as u16;
    let gap = 1;
    let w = (area.width.saturating_sub(gap * (n - 1))) / n;
    let x = area.x + c as u16 * (w + gap);
    // The last column takes what division leaves over.
    let width = if c as u16 + 1 == n {
        (area.x + area.width).saturating_sub(x)
    } else {
        w
    };
    Rect { x, width, ..area }
}
