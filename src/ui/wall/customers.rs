//! Who the customers are: one map per product, its end-users, brokers and
//! fixers in three columns, each with what they rank highest and who of
//! ours serves them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{Pen, Wall, column};
use crate::flow::wall_shapes::{CUSTOMER_LINES, customer_text, map_h};
use crate::session::*;
use crate::text::trunc;
use crate::ui::theme::Theme;

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
            let (who, more) = customer_text(x);
            pen.text("", &who, bold, 2, theme.dim);
            if !more.is_empty() {
                pen.text("", &more, theme.base, CUSTOMER_LINES - 2, theme.dim);
            }
        }
    }
    h
}
