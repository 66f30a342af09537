//! Styles as one const tree. Meaning never rides on colour alone: every
//! coloured thing also has a word, a shape or an attribute, so the NO_COLOR
//! theme (attributes only) says the same.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub header: Style,
    pub title: Style,
    pub dim: Style,
    pub heading: Style,
    pub key: Style,
    pub selected: Style,
    pub notice: Style,
    pub quiet: Style,
    pub error: Style,
    pub time_up: Style,
    pub saved: Style,
    pub save_failed: Style,
    pub balcony: Style,
    pub dance_floor: Style,
    pub cold: Style,
    pub productive: Style,
    pub hot: Style,
    pub marker: Style,
    pub focus: Style,
    pub popup: Style,
    /// Balcony: a double line, the view from above.
    pub balcony_border: BorderType,
    /// Dance floor: a thick line, in the action.
    pub dance_border: BorderType,
}

const NONE: Style = Style::new();

pub const COLOR: Theme = Theme {
    base: NONE,
    header: Style::new().add_modifier(Modifier::BOLD),
    title: Style::new().add_modifier(Modifier::BOLD),
    dim: Style::new().fg(Color::Gray),
    heading: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    notice: Style::new().fg(Color::Cyan),
    quiet: Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::ITALIC),
    error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    time_up: Style::new()
        .fg(Color::Red)
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    saved: Style::new().fg(Color::Green),
    save_failed: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::SLOW_BLINK),
    balcony: Style::new()
        .fg(Color::LightBlue)
        .add_modifier(Modifier::BOLD),
    dance_floor: Style::new()
        .fg(Color::LightMagenta)
        .add_modifier(Modifier::BOLD),
    cold: Style::new().fg(Color::Blue),
    productive: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    hot: Style::new().fg(Color::Red),
    marker: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    focus: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    popup: NONE,
    balcony_border: BorderType::Double,
    dance_border: BorderType::Thick,
};

/// For NO_COLOR: bold, dim, italic, underline and reverse only.
pub const NO_COLOR: Theme = Theme {
    base: NONE,
    header: Style::new().add_modifier(Modifier::BOLD),
    title: Style::new().add_modifier(Modifier::BOLD),
    dim: Style::new().add_modifier(Modifier::DIM),
    heading: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    key: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    notice: NONE,
    quiet: Style::new().add_modifier(Modifier::ITALIC),
    error: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    time_up: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    saved: NONE,
    save_failed: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::SLOW_BLINK),
    balcony: Style::new().add_modifier(Modifier::BOLD),
    dance_floor: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::ITALIC),
    cold: Style::new().add_modifier(Modifier::DIM),
    productive: Style::new().add_modifier(Modifier::BOLD),
    hot: Style::new().add_modifier(Modifier::UNDERLINED),
    marker: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    focus: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    popup: NONE,
    balcony_border: BorderType::Double,
    dance_border: BorderType::Thick,
};

/// NO_COLOR set to anything non-empty turns colour off (no-color.org).
pub fn from_env() -> &'static Theme {
    match std::env::var_os("NO_COLOR") {
        Some(v) if !v.is_empty() => &NO_COLOR,
        _ => &COLOR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_no_color_theme_has_no_colours() {
        let t = NO_COLOR;
        for st in [
            t.base,
            t.header,
            t.title,
            t.dim,
            t.heading,
            t.key,
            t.selected,
            t.notice,
            t.quiet,
            t.error,
            t.time_up,
            t.saved,
            t.save_failed,
            t.balcony,
            t.dance_floor,
            t.cold,
            t.productive,
            t.hot,
            t.marker,
            t.focus,
            t.popup,
        ] {
            assert_eq!((st.fg, st.bg), (None, None), "{st:?}");
        }
        // Time up and a failed save still stand out without colour.
        assert!(!t.time_up.add_modifier.is_empty());
        assert!(!t.save_failed.add_modifier.is_empty());
        assert_ne!(t.balcony_border, t.dance_border);
    }
}
