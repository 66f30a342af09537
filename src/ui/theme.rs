//! Styles as one const tree. Meaning never rides on colour alone: every
//! coloured thing also has a word, a shape or an attribute, so the NO_COLOR
//! theme (attributes only) says the same.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

use super::contrast;

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
    /// Lines, blocks and marks drawn in ASCII (see `glyphs`).
    pub ascii: bool,
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
    /// The terminal's own colours, with colour-blind-safe accents: `Light`
    /// or `Dark`, whichever suits the terminal's background.
    Normal,
    /// The normal theme for a light background (dark text).
    Light,
    /// The normal theme for a dark background (light text).
    Dark,
    /// Light text on pure black: for a projector in a dim room.
    DarkProjector,
    /// Black text on white: for a projector in a lit room.
    LightProjector,
    /// Bold, underline and reverse only (also chosen by `NO_COLOR`).
    NoColor,
}

impl ThemeName {
    pub const ALL: [ThemeName; 6] = [
        ThemeName::Normal,
        ThemeName::Light,
        ThemeName::Dark,
        ThemeName::DarkProjector,
        ThemeName::LightProjector,
        ThemeName::NoColor,
    ];

    /// `Normal` made `Light` or `Dark` for this background; other names
    /// stay as they are.
    pub fn on(self, background: Background) -> ThemeName {
        match (self, background) {
            (ThemeName::Normal, Background::Light) => ThemeName::Light,
            (ThemeName::Normal, Background::Dark) => ThemeName::Dark,
            (name, _) => name,
        }
    }

    /// The built-in theme of this name (before any user config); `Normal`
    /// is drawn as on a dark background.
    pub fn builtin(self) -> Theme {
        match self {
            ThemeName::Normal | ThemeName::Dark => COLOR,
            ThemeName::Light => COLOR_LIGHT,
            ThemeName::DarkProjector => DARK_PROJECTOR,
            ThemeName::LightProjector => LIGHT_PROJECTOR,
            ThemeName::NoColor => NO_COLOR,
        }
    }

    /// The built-in colours of this theme. `Normal` has none of its own
    /// (it takes `Light`'s or `Dark`'s), nor has NO_COLOR.
    pub fn palette(self) -> Option<Palette> {
        match self {
            ThemeName::Normal | ThemeName::NoColor => None,
            ThemeName::Dark => Some(NORMAL_PALETTE),
            ThemeName::Light => Some(NORMAL_LIGHT_PALETTE),
            ThemeName::DarkProjector => Some(DARK_PALETTE),
            ThemeName::LightProjector => Some(LIGHT_PALETTE),
        }
    }

    /// Builds the theme from (possibly user-changed) colours.
    pub fn with_palette(self, p: Palette) -> Theme {
        match self {
            ThemeName::Normal | ThemeName::Dark => colored(COLOR_ATTRS, p),
            ThemeName::Light => colored(LIGHT_ATTRS, p),
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

/// What the terminal's own background is, as far as it can be learnt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Background {
    Light,
    Dark,
}

impl Background {
    /// From `COLORFGBG` ("fg;bg" or "fg;default;bg", in terminal colour
    /// numbers, set by rxvt, Konsole and others): white or a bright colour
    /// behind the text is light. `None` when it does not say.
    pub fn from_colorfgbg(value: &str) -> Option<Background> {
        let bg: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
        match bg {
            7 | 9..=15 => Some(Background::Light),
            0..=6 | 8 => Some(Background::Dark),
            _ => None,
        }
    }

    /// The background it is not.
    pub fn other(self) -> Background {
        match self {
            Background::Light => Background::Dark,
            Background::Dark => Background::Light,
        }
    }

    /// From the background colour a terminal reports (8 bits a channel):
    /// light when its relative luminance is above the middle grey's.
    pub fn from_rgb(r: u8, g: u8, b: u8) -> Background {
        if contrast::luminance(r, g, b) > 0.18 {
            Background::Light
        } else {
            Background::Dark
        }
    }
}

use okabe_ito as oi;

/// The normal theme on a dark background (the text is the terminal's own).
/// The darker Okabe-Ito blue is too faint on black for plain text, so "too
/// cold" takes the sky blue.
pub const NORMAL_PALETTE: Palette = Palette {
    fg: Color::Reset,
    bg: Color::Reset,
    dim: Color::Rgb(176, 176, 176),
    accent: oi::SKY_BLUE,
    alert: oi::VERMILLION,
    quiet: oi::YELLOW,
    saved: oi::BLUISH_GREEN,
    balcony: oi::SKY_BLUE,
    dance_floor: oi::ORANGE,
    cold: oi::SKY_BLUE,
    productive: oi::BLUISH_GREEN,
    hot: oi::VERMILLION,
};

/// The normal theme on a light background. Sky blue, yellow and orange fade
/// on white; the places and zones keep Okabe-Ito colours that hold up there
/// (bold where only 3:1 is reached), plain remarks take darker shades.
pub const NORMAL_LIGHT_PALETTE: Palette = Palette {
    fg: Color::Reset,
    bg: Color::Reset,
    dim: Color::Rgb(92, 92, 92),
    accent: oi::BLUE,
    alert: oi::VERMILLION,
    quiet: Color::Rgb(150, 60, 110),
    saved: Color::Rgb(0, 120, 87),
    balcony: oi::BLUE,
    dance_floor: oi::VERMILLION,
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
/// for text here, and plain remarks take darker shades.
pub const LIGHT_PALETTE: Palette = Palette {
    fg: oi::BLACK,
    bg: Color::Rgb(255, 255, 255),
    dim: Color::Rgb(60, 60, 60),
    accent: oi::BLUE,
    alert: oi::VERMILLION,
    quiet: Color::Rgb(150, 60, 110),
    saved: Color::Rgb(0, 120, 87),
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
        ascii: a.ascii,
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
    ascii: false,
};

/// On a light background vermillion reaches 3:1 only, so "too hot" is bold.
const LIGHT_ATTRS: Theme = Theme {
    hot: Style::new().add_modifier(Modifier::BOLD),
    ..COLOR_ATTRS
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

/// The normal theme on a dark background.
pub const COLOR: Theme = colored(COLOR_ATTRS, NORMAL_PALETTE);
/// The normal theme on a light background.
pub const COLOR_LIGHT: Theme = colored(LIGHT_ATTRS, NORMAL_LIGHT_PALETTE);
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
    ascii: false,
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

    /// Every style of a theme, by name.
    fn styles(t: &Theme) -> [(&'static str, Style); 21] {
        [
            ("base", t.base),
            ("header", t.header),
            ("title", t.title),
            ("dim", t.dim),
            ("heading", t.heading),
            ("key", t.key),
            ("selected", t.selected),
            ("notice", t.notice),
            ("quiet", t.quiet),
            ("error", t.error),
            ("time_up", t.time_up),
            ("saved", t.saved),
            ("save_failed", t.save_failed),
            ("balcony", t.balcony),
            ("dance_floor", t.dance_floor),
            ("cold", t.cold),
            ("productive", t.productive),
            ("hot", t.hot),
            ("marker", t.marker),
            ("focus", t.focus),
            ("popup", t.popup),
        ]
    }

    const WHITE: (u8, u8, u8) = (255, 255, 255);
    const BLACK: (u8, u8, u8) = (0, 0, 0);

    /// A colour as drawn: `Reset` (or none) is the terminal's own `default`;
    /// a named colour's shade is the terminal's to choose, so the colour
    /// themes must not use any.
    fn rgb(c: Option<Color>, default: (u8, u8, u8), what: &str) -> (u8, u8, u8) {
        match c {
            None | Some(Color::Reset) => default,
            Some(Color::Rgb(r, g, b)) => (r, g, b),
            Some(other) => panic!("{what}: {other:?} has no known shade"),
        }
    }

    #[test]
    fn every_style_of_every_theme_reaches_wcag_contrast_on_its_background() {
        // Each colour theme, with the terminal's text and background it is
        // meant for (a projector theme paints its own).
        let cases = [
            (ThemeName::Dark, WHITE, BLACK),
            (ThemeName::Light, BLACK, WHITE),
            (ThemeName::Normal, WHITE, BLACK),
            (ThemeName::DarkProjector, WHITE, BLACK),
            (ThemeName::LightProjector, BLACK, WHITE),
        ];
        let mut checked = 0;
        for (name, text, background) in cases {
            let t = name.builtin();
            let fg0 = rgb(t.base.fg, text, "base");
            let bg0 = rgb(t.base.bg, background, "base");
            for (what, st) in styles(&t) {
                let what = format!("{name:?}.{what}");
                let fg = rgb(st.fg, fg0, &what);
                let bg = rgb(st.bg, bg0, &what);
                // Reversed swaps the two, which leaves the ratio as it is.
                let bold = st.add_modifier.contains(Modifier::BOLD);
                let need = if bold { 3.0 } else { 4.5 };
                let got = contrast::ratio(fg, bg);
                assert!(
                    got >= need,
                    "{what}: {fg:?} on {bg:?} is {got:.2}:1, below {need}:1"
                );
                checked += 1;
            }
        }
        assert_eq!(checked, 5 * 21);
    }

    #[test]
    fn the_light_and_dark_normal_themes_differ_where_it_matters() {
        assert_eq!(ThemeName::Normal.on(Background::Light), ThemeName::Light);
        assert_eq!(ThemeName::Normal.on(Background::Dark), ThemeName::Dark);
        assert_eq!(
            ThemeName::LightProjector.on(Background::Dark),
            ThemeName::LightProjector
        );
        assert_ne!(COLOR_LIGHT.dim, COLOR.dim);
        assert_ne!(COLOR_LIGHT.key, COLOR.key);
    }

    #[test]
    fn colorfgbg_and_a_reported_colour_tell_light_from_dark() {
        assert_eq!(Background::from_colorfgbg("0;15"), Some(Background::Light));
        assert_eq!(Background::from_colorfgbg("0;7"), Some(Background::Light));
        assert_eq!(Background::from_colorfgbg("15;0"), Some(Background::Dark));
        assert_eq!(
            Background::from_colorfgbg("15;default;0"),
            Some(Background::Dark)
        );
        assert_eq!(Background::from_colorfgbg("15;default"), None);
        assert_eq!(Background::from_colorfgbg(""), None);
        assert_eq!(Background::from_colorfgbg("0;99"), None);
        assert_eq!(Background::from_rgb(255, 255, 255), Background::Light);
        assert_eq!(Background::from_rgb(253, 246, 227), Background::Light);
        assert_eq!(Background::from_rgb(0, 0, 0), Background::Dark);
        assert_eq!(Background::from_rgb(40, 42, 54), Background::Dark);
    }

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
            ThemeName::Light,
            ThemeName::Dark,
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
