//! The `?` overlay: every key of the screen underneath, from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{centered, fill, keybar};
use crate::keymap::{self, Ctx, Keymap};
use crate::strings as s;
use crate::text::trunc;

/// `scroll` is the first row shown when even two columns cannot hold the list.
pub fn render(keys: &Keymap, ctx: Ctx, scroll: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    render_for(keys, ctx, false, scroll, area, buf, theme);
}

/// The help of a solo reflection leaves out the room's keys: it is private.
pub fn render_for(
    keys: &Keymap,
    ctx: Ctx,
    solo: bool,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let rows: Vec<(String, &str)> = keymap::bindings(ctx)
        .filter(|b| !(solo && keymap::for_the_room(b.action)))
        .map(|b| (keys.keys_label(b), b.help))
        .collect();
    let rect = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    // The rows the box spans are cleared from edge to edge: in the margins
    // beside it, the ends of words underneath (a status message, the first
    // letter of each line) would otherwise peek out.
    let band = Rect {
        x: area.x,
        width: area.width,
        ..rect
    };
    Clear.render(band, buf);
    fill(buf, band, theme.base);
    let block = Block::bordered().title(Line::styled(format!(" {} ", s::HELP_TITLE), theme.title));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height < 2 {
        return;
    }
    let list_h = ((inner.height - 1) as usize).max(1);
    // Two columns when one does not fit; one scrolling column when two do not.
    let (cols, rows) = if rows.len() <= list_h {
        (1u16, &rows[..])
    } else if rows.len() <= list_h * 2 && inner.width >= 70 {
        (2, &rows[..])
    } else {
        let first = scroll.min(rows.len().saturating_sub(list_h));
        (1, &rows[first..])
    };
    let col_w = inner.width / cols;
    let key_w = rows
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0)
        .min(col_w as usize / 3);
    let per_col = rows.len().div_ceil(cols as usize).max(1);
    for (i, (keys, help)) in rows.iter().enumerate() {
        let col = (i / per_col) as u16;
        let row = (i % per_col) as u16;
        if row as usize >= list_h {
            continue;
        }
        let r = Rect {
            x: inner.x + col * col_w,
            y: inner.y + row,
            width: col_w.saturating_sub(1),
            height: 1,
        };
        let help_w = (r.width as usize).saturating_sub(key_w + 2);
        Line::from(vec![
            Span::styled(format!("{:<key_w$}  ", trunc(keys, key_w)), theme.key),
            Span::raw(trunc(help, help_w)),
        ])
        .render(r, buf);
    }
    glossary(per_col.min(list_h) as u16 + 1, inner, buf, theme);
    keybar::render(
        keys,
        Ctx::Help,
        Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        },
        buf,
        theme,
    );
}

/// The words of the method, under the keys, in the rows left (as many as fit).
fn glossary(top: u16, inner: Rect, buf: &mut Buffer, theme: &Theme) {
    let bottom = inner.y + inner.height.saturating_sub(1);
    let mut y = inner.y + top;
    if y + 2 > bottom {
        return;
    }
    Line::styled(s::GLOSSARY_TITLE, theme.heading).render(
        Rect {
            y,
            height: 1,
            ..inner
        },
        buf,
    );
    y += 1;
    let term_w = s::GLOSSARY
        .iter()
        .map(|(t, _)| t.width())
        .max()
        .unwrap_or(0);
    for (row, (term, meaning)) in s::GLOSSARY.iter().enumerate() {
        if y + row as u16 >= bottom {
            break;
        }
        let r = Rect {
            y: y + row as u16,
            height: 1,
            ..inner
        };
        let meaning_w = (r.width as usize).saturating_sub(term_w + 2);
        Line::from(vec![
            Span::styled(format!("{term:<term_w$}  "), theme.key),
            Span::raw(trunc(meaning, meaning_w)),
        ])
        .render(r, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::COLOR;

    #[test]
    fn nothing_underneath_peeks_out_beside_the_box() {
        let area = Rect::new(0, 0, 80, 24);
        let mut buf = Buffer::empty(area);
        // A screen of words underneath, a status message on the row above
        // the key bar among them.
        for y in 0..area.height {
            buf.set_string(0, y, "facilitator ".repeat(7), ratatui::style::Style::new());
        }
        render(&Keymap::default(), Ctx::Browse, 0, area, &mut buf, &COLOR);
        let box_rows = 1..area.height - 1;
        for y in box_rows {
            for x in [0, 1, area.width - 2, area.width - 1] {
                let sym = buf[(x, y)].symbol();
                assert!(
                    !sym.chars().any(char::is_alphabetic),
                    "{sym:?} at {x},{y} beside the help box"
                );
            }
        }
        // The header and key bar rows are left to the screen underneath.
        assert_eq!(buf[(0, 0)].symbol(), "f");
        assert_eq!(buf[(0, area.height - 1)].symbol(), "f");
    }
}
