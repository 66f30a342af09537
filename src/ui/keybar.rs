//! The bottom bar: the keys that work right now, from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::keymap::{Action, Ctx, Keymap};

/// Help, quit and the way out (Esc) always make it into the bar; others as
/// room allows.
pub fn render(keys: &Keymap, ctx: Ctx, area: Rect, buf: &mut Buffer, theme: &Theme) {
    render_with(keys, ctx, &[], area, buf, theme);
}

/// The bar with the keys that matter here first (the road at the checkpoint
/// that asks for it, what the selected item allows).
pub fn render_with(
    keys: &Keymap,
    ctx: Ctx,
    here: &[(Action, &'static str)],
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let mut entries: Vec<(String, &str, Action)> = here
        .iter()
        .map(|&(a, word)| (keys.first_key(ctx, a), word, a))
        .collect();
    entries.extend(
        keys.bar(ctx)
            .into_iter()
            .filter(|e| !here.iter().any(|h| h.0 == e.2)),
    );
    let width = |(k, w, _): &(String, &str, Action)| k.width() + 1 + w.width() + 2;
    let must = |a: Action| {
        matches!(
            a,
            Action::Help | Action::Quit | Action::CloseHelp | Action::Cancel
        )
    };
    let reserved: usize = entries.iter().filter(|e| must(e.2)).map(width).sum();
    let mut room = (area.width as usize).saturating_sub(reserved);
    let mut spans = Vec::new();
    for e in &entries {
        let w = width(e);
        if !must(e.2) {
            if w > room {
                continue;
            }
            room -= w;
        }
        spans.push(Span::styled(e.0.clone(), theme.key));
        spans.push(Span::raw(format!(" {}  ", e.1)));
    }
    Line::from(spans).render(area, buf);
}
