//! Maps: a polarity map as a real 2×2 grid (the shared purpose above, each
//! pole's upsides and downsides, the early-warning signs and their watchers
//! below; three columns when a third pole pulls too), and factions side by
//! side.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::{Part, Pen, Wall, column, columns, rows};
use crate::session::*;
use crate::strings as s;
use crate::text::trunc;
use crate::ui::theme::Theme;

/// Lines each listed thing may take; more in the spotlight.
fn per_thing(alone: bool) -> usize {
    if alone { 8 } else { 3 }
}

fn bullets_h(list: &[String], width: usize, each: usize) -> u16 {
    list.iter()
        .map(|x| rows(&format!("• {x}"), width, each).max(1))
        .sum()
}

fn bullets(pen: &mut Pen, list: &[String], each: usize, style: Style, dim: Style) {
    for x in list {
        if pen.left() == 0 {
            return;
        }
        pen.text("• ", x, style, each, dim);
    }
}

fn purpose_text(p: &Polarity) -> String {
    match p.third {
        Some(_) => format!("{}: {}", s::WALL_PURPOSE_THREE, p.purpose),
        None => format!("{}: {}", s::WALL_PURPOSE, p.purpose),
    }
}

fn warning_text(p: &Polarity, w: &EarlyWarning) -> String {
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
fn polarity_parts(p: &Polarity, width: u16, alone: bool) -> [u16; 4] {
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

pub(super) fn polarity_blocks(wall: &Wall, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
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

fn faction_sections(f: &Faction) -> [(&'static str, &[String]); 3] {
    [
        (s::WALL_VALUES, &f.values),
        (s::WALL_LOYAL, &f.loyalties),
        (s::WALL_LOSE, &f.losses),
    ]
}

fn faction_h(f: &Faction, inner: usize, each: usize) -> u16 {
    let mut h = 2 + 1;
    for (_, list) in faction_sections(f) {
        if !list.is_empty() {
            h += 1 + bullets_h(list, inner, each);
        }
    }
    h
}

fn faction_cols(width: u16) -> usize {
    columns(width, 30, 4)
}

/// Rows of factions side by side.
pub(super) fn faction_rows(wall: &Wall, idx: &[usize], width: u16) -> Vec<(Part, u16)> {
    let n = faction_cols(width);
    let inner = column(Rect::new(0, 0, width, 1), 0, n)
        .width
        .saturating_sub(2) as usize;
    idx.chunks(n)
        .enumerate()
        .map(|(k, row)| {
            let h = row
                .iter()
                .map(|&i| faction_h(&wall.items.factions[i], inner, per_thing(false)))
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
