//! Shapes made of rows: brutal facts, notes and the other plain kinds as a
//! numbered list; commitments as a table of what, owner, review date, status.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::{Pen, Wall};
use crate::flow::wall_shapes::{entry_text, number, widths};
use crate::session::*;
use crate::strings as s;
use crate::text::trunc;
use crate::ui::theme::Theme;

/// An entry: its number (none when `n` is 0), its words in bold.
#[allow(clippy::too_many_arguments)]
pub(super) fn entry(
    wall: &Wall,
    kind: ItemKind,
    i: usize,
    n: usize,
    max: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let mut pen = Pen::new(area, buf);
    let text = entry_text(wall, kind, i);
    pen.text(
        &number(n),
        &text,
        theme.title.add_modifier(Modifier::BOLD),
        max,
        theme.dim,
    );
}

fn cells(area: Rect, width: u16) -> [Rect; 4] {
    let ws = widths(width);
    let mut x = area.x;
    ws.map(|w| {
        let r = Rect {
            x,
            width: (w as u16).min((area.x + area.width).saturating_sub(x)),
            ..area
        };
        x = x.saturating_add(w as u16 + 1);
        r
    })
}

pub(super) fn table_head(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let st = theme.dim.add_modifier(Modifier::UNDERLINED);
    for (r, name) in cells(area, area.width).into_iter().zip(s::WALL_COMMIT_HEAD) {
        Pen::new(r, buf).line(Line::styled(trunc(name, r.width as usize), st));
    }
}

pub(super) fn commitment_row(wall: &Wall, i: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let c = &wall.items.commitments[i];
    let bold = theme.title.add_modifier(Modifier::BOLD);
    let [what, owner, review, status] = cells(area, area.width);
    Pen::new(what, buf).text("", &c.what, bold, 3, theme.dim);
    Pen::new(owner, buf).line(Line::styled(trunc(&c.owner, owner.width as usize), bold));
    Pen::new(review, buf).line(Line::raw(c.review.to_string()));
    Pen::new(status, buf).line(Line::raw(c.status.label()));
}

/// A commitment alone: each part on its own line.
pub(super) fn commitment_alone(c: &Commitment, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let bold = theme.title.add_modifier(Modifier::BOLD);
    let mut pen = Pen::new(area, buf);
    let [what, owner, review, status] = s::WALL_COMMIT_HEAD;
    let max = pen.left().saturating_sub(4) as usize;
    pen.text(&format!("{what}: "), &c.what, bold, max.max(1), theme.dim);
    for (label, value) in [
        (owner, c.owner.as_str()),
        (review, &c.review.to_string()),
        (status, c.status.label()),
    ] {
        pen.line(Line::from(vec![
            Span::styled(format!("{label}: "), theme.dim),
            Span::styled(trunc(value, area.width as usize), bold),
        ]));
    }
}
