//! Maps: a polarity map as a real 2×2 grid (the shared purpose above, each
//! pole's upsides and downsides, the early-warning signs and their watchers
//! below; three columns when a third pole pulls too), and factions side by
//! side.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::{Pen, Wall, column};
use crate::flow::wall_shapes::{
    faction_cols, faction_h, faction_sections, per_thing, polarity_parts, purpose_text,
    warning_text,
};
use crate::session::*;
use crate::strings as s;
use crate::text::trunc;
use crate::ui::theme::Theme;

fn bullets(pen: &mut Pen, list: &[String], each: usize, style: Style, dim: Style) {
    for x in list {
        if pen.left() == 0 {
            return;
        }
        pen.text("• ", x, style, each, dim);
    }
}

/// The map: purpose above, pole A | pole B (| pole C), upsides over
/// downsides, signs below.
/// Returns the rows it took.
pub fn polarity(p: &Polarity, alone: bool, area: Rect, buf: &mut Buffer, theme: &Theme) -> u16 {
    let bold = theme.title.add_modifier(Modifier::BOLD);
    let each = per_thing(alone);
    let [purpose, up, down, _] = polarity_parts(p, area.width, alone);
    let poles = p.poles();
    let n = poles.len();
    let mut pen = Pen::new(area, buf);
    if purpose > 0 {
        pen.text(
            "",
            &purpose_text(p),
            theme.heading,
            purpose as usize,
            theme.dim,
        );
    }
    // The poles' names, one over each column.
    if pen.left() > 0 {
        let row = Rect {
            y: pen.y,
            height: 1,
            ..area
        };
        for (c, (_, pole)) in poles.iter().enumerate() {
            let r = column(row, c, n);
            Paragraph::new(Line::styled(trunc(&pole.name, r.width as usize), bold))
                .alignment(Alignment::Center)
                .render(r, pen.buf);
        }
        pen.y += 1;
    }
    let ups: Vec<&[String]> = poles.iter().map(|(_, x)| x.upsides.as_slice()).collect();
    let downs: Vec<&[String]> = poles.iter().map(|(_, x)| x.downsides.as_slice()).collect();
    for (h, label, lists) in [(up, s::WALL_POLE_UP, ups), (down, s::WALL_POLE_DOWN, downs)] {
        let h = h.min(pen.left());
        if h < 2 {
            return pen.y - area.y;
        }
        let row = Rect {
            y: pen.y,
            height: h,
            ..area
        };
        for (c, list) in lists.into_iter().enumerate() {
            let r = column(row, c, n);
            let block = Block::bordered()
                .border_style(theme.dim)
                .title(Line::styled(format!(" {label} "), theme.dim));
            let inner = block.inner(r);
            block.render(r, pen.buf);
            bullets(&mut Pen::new(inner, pen.buf), list, each, bold, theme.dim);
        }
        pen.y += h;
    }
    if !p.warnings.is_empty() && pen.left() > 0 {
        pen.line(Line::styled(s::WALL_WARNINGS, theme.dim));
        for w in &p.warnings {
            if pen.left() == 0 {
                break;
            }
            pen.text("• ", &warning_text(p, w), theme.title, 2, theme.dim);
        }
    }
    pen.y - area.y
}

/// Factions side by side: name, stance, values, loyalties, what they stand to lose.
pub(super) fn faction_row(
    wall: &Wall,
    list: &[usize],
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let alone = list.len() == 1 && area.height > 12;
    let n = if alone { 1 } else { faction_cols(area.width) };
    let bold = theme.title.add_modifier(Modifier::BOLD);
    for (c, &i) in list.iter().enumerate() {
        let f = &wall.items.factions[i];
        let r = column(area, c, n);
        if r.width < 4 || r.height < 3 {
            continue;
        }
        let each = per_thing(alone);
        let h = faction_h(f, r.width.saturating_sub(2) as usize, each).min(r.height);
        let r = Rect { height: h, ..r };
        let block = Block::bordered()
            .border_style(theme.dim)
            .title(Line::styled(
                trunc(&format!(" {} ", f.name), r.width.saturating_sub(2) as usize),
                bold,
            ));
        let inner = block.inner(r);
        block.render(r, buf);
        let mut pen = Pen::new(inner, buf);
        pen.line(Line::styled(
            trunc(f.stance.label(), inner.width as usize),
            theme.heading,
        ));
        for (label, list) in faction_sections(f) {
            if list.is_empty() || pen.left() == 0 {
                continue;
            }
            pen.line(Line::styled(format!("{label}:"), theme.dim));
            bullets(&mut pen, list, each, bold, theme.dim);
        }
    }
}
