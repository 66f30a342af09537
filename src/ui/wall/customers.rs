//! Who the customers are: one map per product, its end-users, brokers and
//! fixers in three columns, each with what they rank highest and who of
//! ours serves them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{Part, Pen, Wall, column, rows};
use crate::session::*;
use crate::text::trunc;
use crate::ui::theme::Theme;

/// Lines one customer may take in its column.
const ENTRY_LINES: usize = 6;
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

fn entry_text(c: &Customer) -> (String, String) {
    let mut more = Vec::new();
    if !c.ranks_highest.is_empty() {
        more.push(format!("ranks: {}", c.ranks_highest.join("; ")));
    }
    if !c.served_by.trim().is_empty() {
        more.push(format!("served by {}", c.served_by));
    }
    (c.who.clone(), more.join(" · "))
}

fn entry_h(c: &Customer, width: usize) -> u16 {
    let (who, more) = entry_text(c);
    let h = rows(&who, width, 2).max(1) + rows(&more, width, ENTRY_LINES - 2);
    h.min(ENTRY_LINES as u16)
}

/// The height of one product's map at `width`.
fn map_h(customers: &[&Customer], width: u16) -> u16 {
    let w = column(Rect::new(0, 0, width, 1), 0, 3).width as usize;
    let col = |role| -> u16 {
        customers
            .iter()
            .filter(|c| c.role == role)
            .map(|c| entry_h(c, w))
            .sum()
    };
    let tallest = CustomerRole::ALL.into_iter().map(col).max().unwrap_or(0);
    // The product's name and the columns' names, then the tallest column.
    (2 + tallest.max(1)).min(MAP_ROWS)
}

/// One block per product.
pub(super) fn customer_blocks(wall: &Wall, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
    by_product(wall, idx)
        .into_iter()
        .map(|group| {
            let cs: Vec<&Customer> = group.iter().map(|&i| &wall.items.customers[i]).collect();
            let h = map_h(&cs, width);
            (Part::Items { list: group, n: 0 }, h)
        })
        .collect()
}

/// The wall's map of the customers at `list` (one product).
pub(super) fn customer_row(
    wall: &Wall,
    list: &[usize],
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let cs: Vec<&Customer> = list.iter().map(|&i| &wall.items.customers[i]).collect();
    customer_map(&cs, area, buf, theme);
}

/// A product's customers in three columns: end-users, brokers, fixers.
/// Returns the rows drawn.
pub fn customer_map(customers: &[&Customer], area: Rect, buf: &mut Buffer, theme: &Theme) -> u16 {
    let Some(first) = customers.first() else {
        return 0;
    };
    if area.height < 3 || area.width < 12 {
        return 0;
    }
    let bold = theme.title.add_modifier(Modifier::BOLD);
    let h = map_h(customers, area.width).min(area.height);
    Line::styled(
        trunc(&first.product.to_uppercase(), area.width as usize),
        theme.heading,
    )
    .render(Rect { height: 1, ..area }, buf);
    let body = Rect {
        y: area.y + 1,
        height: h.saturating_sub(1),
        ..area
    };
    for (c, role) in CustomerRole::ALL.into_iter().enumerate() {
        let r = column(body, c, 3);
        let mut pen = Pen::new(r, buf);
        pen.line(Line::styled(
            trunc(role.heading(), r.width as usize),
            theme.dim,
        ));
        let mine: Vec<&&Customer> = customers.iter().filter(|x| x.role == role).collect();
        if mine.is_empty() {
            pen.line(Line::styled("-", theme.dim));
        }
        for x in mine {
            let (who, more) = entry_text(x);
            pen.text("", &who, bold, 2, theme.dim);
            if !more.is_empty() {
                pen.text("", &more, theme.base, ENTRY_LINES - 2, theme.dim);
            }
        }
    }
    h
}
