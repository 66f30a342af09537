//! Styles as one const tree. Meaning never rides on colour alone: every
//! coloured thing also has a word, a shape or an attribute, so the NO_COLOR
//! theme (attributes only) says the same.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

#[derive(Debug, Clone, Copy, PartialEq)]
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

/// The Okabe-Ito palette: eight colours that stay distinct for the common
/// kinds of colour blindness. Categories (places, zones) take their colours
/// from here.
pub mod okabe_ito {
    use ratatui::style::Color;
    pub const BLACK: Color = Color::Rgb(0, 0, 0);
    pub const ORANGE: Color = Color::Rgb(230, 159, 0);
    pub const SKY_BLUE: Color = Color::Rgb(86, 180, 233);
    pub const BLUISH_GREEN: Color = Color::Rgb(0, 158, 115);
    pub const YELLOW: Color = Color::Rgb(240, 228, 66);
    pub const BLUE: Color = Color::Rgb(0, 114, 178);
    pub const VERMILLION: Color = Color::Rgb(213, 94, 0);
    pub const REDDISH_PURPLE: Color = Color::Rgb(204, 121, 167);
}

/// The four themes a user can choose from (`--theme`, or the config file).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
pub enum ThemeName {
    /// The terminal's own colours, with colour-blind-safe accents.
    Normal,
    /// Light text on pure black: for a projector in a dim room.
    DarkProjector,
    /// Black text on white: for a projector in a lit room.
    LightProjector,
    /// Bold, underline and reverse only (also chosen by `NO_COLOR`).
    NoColor,
}

impl ThemeName {
    pub const ALL: [ThemeName; 4] = [
        ThemeName::Normal,
        ThemeName::DarkProjector,
        ThemeName::LightProjector,
        ThemeName::NoColor,
    ];

    /// The built-in theme of this name (before any user config).
    pub fn builtin(self) -> Theme {
        match self {
            ThemeName::Normal => COLOR,
            ThemeName::DarkProjector => DARK_PROJECTOR,
            ThemeName::LightProjector => LIGHT_PROJECTOR,
            ThemeName::NoColor => NO_COLOR,
        }
    }

    /// The built-in colours of this theme; NO_COLOR has none.
    pub fn palette(self) -> Option<Palette> {
        match self {
            ThemeName::Normal => Some(NORMAL_PALETTE),
            ThemeName::DarkProjector => Some(DARK_PALETTE),
            ThemeName::LightProjector => Some(LIGHT_PALETTE),
            ThemeName::NoColor => None,
        }
    }

    /// Builds the theme from (possibly user-changed) colours.
    pub fn with_palette(self, p: Palette) -> Theme {
        match self {
            ThemeName::Normal => colored(COLOR_ATTRS, p),
            ThemeName::DarkProjector | ThemeName::LightProjector => colored(PROJECTOR_ATTRS, p),
            ThemeName::NoColor => NO_COLOR,
        }
    }
}

/// The colours of a colour theme. Each one only ever adds to a word, a
/// symbol or an attribute; none carries meaning on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub fg: Color,
    pub bg: Color,
    /// Secondary text.
    pub dim: Color,
    /// Keys in the key bar, notices.
    pub accent: Color,
    /// Errors, time up, a failed save.
    pub alert: Color,
    /// Quiet remarks (a possible silencing).
    pub quiet: Color,
    pub saved: Color,
    pub balcony: Color,
    pub dance_floor: Color,
    pub cold: Color,
    pub productive: Color,
    pub hot: Color,
}

use okabe_ito as oi;

pub const NORMAL_PALETTE: Palette = Palette {
    fg: Color::Reset,
    bg: Color::Reset,
    dim: Color::Gray,
    accent: oi::SKY_BLUE,
    alert: oi::VERMILLION,
    quiet: oi::YELLOW,
    saved: oi::BLUISH_GREEN,
    balcony: oi::SKY_BLUE,
    dance_floor: oi::ORANGE,
    cold: oi::BLUE,
    productive: oi::BLUISH_GREEN,
    hot: oi::VERMILLION,
};

/// Light on pure black; the darker Okabe-Ito blue is too faint on black, so
/// "too cold" takes the sky blue and the balcony the reddish purple.
pub const DARK_PALETTE: Palette = Palette {
    fg: Color::Rgb(255, 255, 255),
    bg: oi::BLACK,
    dim: Color::Rgb(200, 200, 200),
    accent: oi::YELLOW,
    alert: oi::VERMILLION,
    quiet: oi::YELLOW,
    saved: oi::BLUISH_GREEN,
    balcony: oi::REDDISH_PURPLE,
    dance_floor: oi::ORANGE,
    cold: oi::SKY_BLUE,
    productive: oi::BLUISH_GREEN,
    hot: oi::VERMILLION,
};

/// Black on white; yellow and orange fade on white, so they are not used
/// for text here.
pub const LIGHT_PALETTE: Palette = Palette {
    fg: oi::BLACK,
    bg: Color::Rgb(255, 255, 255),
    dim: Color::Rgb(60, 60, 60),
    accent: oi::BLUE,
    alert: oi::VERMILLION,
    quiet: oi::REDDISH_PURPLE,
    saved: oi::BLUISH_GREEN,
    balcony: oi::BLUE,
    dance_floor: oi::VERMILLION,
    cold: oi::BLUE,
    productive: oi::BLUISH_GREEN,
    hot: oi::VERMILLION,
};

const fn fg(s: Style, c: Color) -> Style {
    Style { fg: Some(c), ..s }
}

/// A theme's attributes with a palette's colours laid over them.
pub const fn colored(a: Theme, p: Palette) -> Theme {
    Theme {
        base: Style {
            fg: Some(p.fg),
            bg: Some(p.bg),
            ..a.base
        },
        header: a.header,
        title: a.title,
        dim: fg(a.dim, p.dim),
        heading: a.heading,
        key: fg(a.key, p.accent),
        selected: a.selected,
        notice: fg(a.notice, p.accent),
        quiet: fg(a.quiet, p.quiet),
        error: fg(a.error, p.alert),
        time_up: fg(a.time_up, p.alert),
        saved: fg(a.saved, p.saved),
        save_failed: Style {
            fg: Some(p.bg),
            bg: Some(p.alert),
            ..a.save_failed
        },
        balcony: fg(a.balcony, p.balcony),
        dance_floor: fg(a.dance_floor, p.dance_floor),
        cold: fg(a.cold, p.cold),
        productive: fg(a.productive, p.productive),
        hot: fg(a.hot, p.hot),
        marker: a.marker,
        focus: fg(a.focus, p.quiet),
        popup: a.popup,
        balcony_border: a.balcony_border,
        dance_border: a.dance_border,
    }
}

/// The attributes under the normal colour theme.
const COLOR_ATTRS: Theme = Theme {
    base: NONE,
    header: Style::new().add_modifier(Modifier::BOLD),
    title: Style::new().add_modifier(Modifier::BOLD),
    dim: NONE,
    heading: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    key: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    notice: NONE,
    quiet: Style::new().add_modifier(Modifier::ITALIC),
    error: Style::new().add_modifier(Modifier::BOLD),
    time_up: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    saved: NONE,
    save_failed: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::SLOW_BLINK),
    balcony: Style::new().add_modifier(Modifier::BOLD),
    dance_floor: Style::new().add_modifier(Modifier::BOLD),
    cold: NONE,
    productive: Style::new().add_modifier(Modifier::BOLD),
    hot: NONE,
    marker: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    focus: Style::new().add_modifier(Modifier::BOLD),
    popup: NONE,
    balcony_border: BorderType::Double,
    dance_border: BorderType::Thick,
};

/// Projector attributes: everything that matters is bold (thin strokes vanish
/// on a washed-out projector), nothing is dim or blinks.
const PROJECTOR_ATTRS: Theme = Theme {
    dim: NONE,
    notice: Style::new().add_modifier(Modifier::BOLD),
    cold: Style::new().add_modifier(Modifier::BOLD),
    hot: Style::new().add_modifier(Modifier::BOLD),
    save_failed: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    ..COLOR_ATTRS
};

pub const COLOR: Theme = colored(COLOR_ATTRS, NORMAL_PALETTE);
pub const DARK_PROJECTOR: Theme = colored(PROJECTOR_ATTRS, DARK_PALETTE);
pub const LIGHT_PROJECTOR: Theme = colored(PROJECTOR_ATTRS, LIGHT_PALETTE);

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
    if no_color_env() { &NO_COLOR } else { &COLOR }
}

/// Whether `NO_COLOR` asks for no colour (set and not empty).
pub fn no_color_env() -> bool {
    matches!(std::env::var_os("NO_COLOR"), Some(v) if !v.is_empty())
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

    #[test]
    fn projector_themes_are_light_on_black_and_black_on_white() {
        let white = Color::Rgb(255, 255, 255);
        assert_eq!(DARK_PROJECTOR.base.fg, Some(white));
        assert_eq!(DARK_PROJECTOR.base.bg, Some(okabe_ito::BLACK));
        assert_eq!(LIGHT_PROJECTOR.base.fg, Some(okabe_ito::BLACK));
        assert_eq!(LIGHT_PROJECTOR.base.bg, Some(white));
        // Nothing dims or blinks on a washed-out projector.
        for t in [DARK_PROJECTOR, LIGHT_PROJECTOR] {
            for st in [t.dim, t.cold, t.hot, t.save_failed, t.notice] {
                assert!(!st.add_modifier.contains(Modifier::DIM), "{st:?}");
                assert!(!st.add_modifier.contains(Modifier::SLOW_BLINK), "{st:?}");
            }
        }
    }

    #[test]
    fn categories_take_distinct_okabe_ito_colours() {
        let oi = [
            okabe_ito::ORANGE,
            okabe_ito::SKY_BLUE,
            okabe_ito::BLUISH_GREEN,
            okabe_ito::YELLOW,
            okabe_ito::BLUE,
            okabe_ito::VERMILLION,
            okabe_ito::REDDISH_PURPLE,
        ];
        for name in [
            ThemeName::Normal,
            ThemeName::DarkProjector,
            ThemeName::LightProjector,
        ] {
            let p = name.palette().unwrap();
            for c in [p.balcony, p.dance_floor, p.cold, p.productive, p.hot] {
                assert!(oi.contains(&c), "{name:?}: {c:?} is not Okabe-Ito");
            }
            assert_ne!(p.balcony, p.dance_floor, "{name:?}");
            assert_ne!(p.cold, p.productive, "{name:?}");
            assert_ne!(p.productive, p.hot, "{name:?}");
            assert_ne!(p.cold, p.hot, "{name:?}");
            let t = name.builtin();
            assert_eq!(t, name.with_palette(p), "{name:?}");
            // The places differ in shape as well as colour.
            assert_ne!(t.balcony_border, t.dance_border);
        }
    }
}
