//! The one form widget: a column of fields, scrolled to keep the focused
//! one in view. The focused text field is a live text area; the others show
//! their first lines only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::theme::Theme;
use crate::flow::form::{Form, Purpose, Value};
use crate::keymap::Keymap;
use crate::session::{AvoidancePattern, ItemKind, owner_group_reason};
use crate::strings as s;
use crate::text::{trunc, wrap};

/// Rows a field takes: its label plus its value.
fn field_height(form: &Form, i: usize, focused: bool) -> u16 {
    match &form.fields[i].value {
        Value::Text { multi: true, .. } if focused => 6,
        Value::Text { multi: true, .. } => 3,
        _ => 2,
    }
}

/// Draw the fields of `form` into `area`; `active` says whether the focus is in it.
pub fn render_fields(form: &Form, active: bool, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if form.fields.is_empty() || area.height == 0 {
        return;
    }
    let focus = form.focus.min(form.fields.len() - 1);
    // Scroll: start from the focused field and add earlier fields while they fit.
    let mut first = focus;
    let mut used = field_height(form, focus, active);
    while first > 0 && used + field_height(form, first - 1, false) <= area.height {
        first -= 1;
        used += field_height(form, first, false);
    }
    let mut y = area.y;
    let bottom = area.y + area.height;
    let w = area.width as usize;
    for i in first..form.fields.len() {
        let focused = active && i == focus;
        let h = field_height(form, i, focused);
        if y >= bottom {
            break;
        }
        let f = &form.fields[i];
        let mut label = vec![Span::styled(if focused { "▶ " } else { "  " }, theme.focus)];
        label.push(Span::styled(
            form.label(i),
            if focused { theme.focus } else { theme.heading },
        ));
        if f.required {
            label.push(Span::raw(format!(" {}", s::REQUIRED_MARK)));
        }
        if !f.hint.is_empty() {
            label.push(Span::styled(format!("  ({})", f.hint), theme.dim));
        }
        // The live warning on commitment owners.
        if f.key == "owner" {
            let owner = form.text("owner");
            if !owner.is_empty()
                && let Some(why) = owner_group_reason(&owner)
            {
                label.push(Span::styled(format!("  ⚠ {why}"), theme.error));
            }
        }
        Line::from(label).render(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
        let value_area = Rect {
            x: area.x + 4,
            y: y + 1,
            width: area.width.saturating_sub(4),
            height: (h - 1).min(bottom.saturating_sub(y + 1)),
        };
        if value_area.height > 0 {
            match &f.value {
                Value::Text { area: ta, .. } if focused => ta.render(value_area, buf),
                Value::Text { area: ta, .. } => {
                    let vw = value_area.width as usize;
                    for (k, l) in ta
                        .lines()
                        .iter()
                        .take(value_area.height as usize)
                        .enumerate()
                    {
                        Line::raw(trunc(l, vw)).render(
                            Rect {
                                y: value_area.y + k as u16,
                                height: 1,
                                ..value_area
                            },
                            buf,
                        );
                    }
                }
                Value::Choice { options, sel } => {
                    let mut text = format!(
                        "◀ {} ▶  ({}/{})",
                        options.get(*sel).map_or("", String::as_str),
                        sel + 1,
                        options.len()
                    );
                    if form.purpose == Purpose::Item(ItemKind::Avoidance) && f.key == "pattern" {
                        let p = AvoidancePattern::ALL[sel % AvoidancePattern::ALL.len()];
                        text.push_str(&format!("  family: {}", p.family().label()));
                    }
                    let style = if focused { theme.selected } else { theme.base };
                    Line::styled(trunc(&text, w.saturating_sub(4)), style).render(value_area, buf);
                }
            }
        }
        y += h;
    }
}

/// The item form as a box over the main pane.
pub fn render_popup(form: &Form, keys: &Keymap, area: Rect, buf: &mut Buffer, theme: &Theme) {
    Clear.render(area, buf);
    let block = Block::bordered()
        .title(Line::styled(format!(" {} ", form.title), theme.title))
        .style(theme.popup);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 3 {
        return;
    }
    let w = inner.width as usize;
    super::keybar::render(keys, form.ctx(), Rect { height: 1, ..inner }, buf, theme);
    let mut fields = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    if let Some(e) = &form.error {
        // The whole problem, over as many as three lines: a cut-off reason
        // cannot be acted on.
        let lines = wrap(e, w, 3.min(fields.height.saturating_sub(2) as usize).max(1));
        let n = lines.len() as u16;
        fields.height -= n;
        for (k, l) in lines.into_iter().enumerate() {
            Line::styled(l, theme.error).render(
                Rect {
                    y: fields.y + fields.height + k as u16,
                    height: 1,
                    ..inner
                },
                buf,
            );
        }
    }
    render_fields(form, true, fields, buf, theme);
}
