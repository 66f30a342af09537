//! The user's settings: themes and keys. The defaults are embedded
//! (`assets/config-default.ron`); the user's file is laid over them, field by
//! field, so it holds only what it changes. A broken file is reported as
//! `FILE:LINE:COL: message` and the defaults are used, with a warning shown.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::Color;
use serde::Deserialize;

use strum::IntoEnumIterator;

use crate::keymap::{self, Action, Ctx, Key, Keymap, Overrides};
use crate::ronfile;
use crate::session::FileError;
use crate::ui::colour_depth::Depth;
use crate::ui::theme::{Background, Palette, Theme, ThemeName};

/// The environment variable naming the config file (tests use it too).
pub const ENV_CONFIG: &str = "BALCONY_CONFIG";
pub const DEFAULT_RON: &str = include_str!("../assets/config-default.ron");

/// One theme's colours as written in the file; absent fields keep theirs.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PaletteFile {
    fg: Option<String>,
    bg: Option<String>,
    dim: Option<String>,
    accent: Option<String>,
    alert: Option<String>,
    quiet: Option<String>,
    saved: Option<String>,
    balcony: Option<String>,
    dance_floor: Option<String>,
    cold: Option<String>,
    productive: Option<String>,
    hot: Option<String>,
}

/// The file as written: every field optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    theme: Option<ThemeName>,
    projector_theme: Option<ThemeName>,
    #[serde(default)]
    palettes: BTreeMap<ThemeName, PaletteFile>,
    #[serde(default)]
    keys: BTreeMap<String, Vec<String>>,
    room_size: Option<usize>,
    public_url: Option<String>,
}

/// The settings in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub theme: ThemeName,
    pub projector_theme: ThemeName,
    pub palettes: BTreeMap<ThemeName, Palette>,
    /// Rows of the keymap whose keys the user changed.
    pub keys: Overrides,
    /// The join page's room: its size and the address to give out.
    pub room: RoomSettings,
}

/// The join page's settings (`balcony new` may change them for a session).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomSettings {
    /// Devices the join page lets in; more are refused.
    pub size: usize,
    /// A tunnel's address to give participants instead of the laptop's.
    pub public_url: Option<String>,
}

impl Default for RoomSettings {
    fn default() -> Self {
        RoomSettings {
            size: crate::flow::join::DEFAULT_ROOM_SIZE,
            public_url: None,
        }
    }
}

impl Default for Config {
    /// The built-in settings, which `assets/config-default.ron` spells out
    /// in full (a test checks they agree). Built here rather than parsed:
    /// parsing that file was 39% of the work before the first frame.
    fn default() -> Config {
        Config {
            theme: ThemeName::Normal,
            projector_theme: ThemeName::DarkProjector,
            palettes: ThemeName::ALL
                .into_iter()
                .filter_map(|n| n.palette().map(|p| (n, p)))
                .collect(),
            keys: Vec::new(),
            room: RoomSettings::default(),
        }
    }
}

impl Config {
    /// The named theme with this config's colours.
    pub fn theme(&self, name: ThemeName) -> Theme {
        match self.palettes.get(&name) {
            Some(p) => name.with_palette(*p),
            None => name.builtin(),
        }
    }

    /// Reads `path` over the defaults. On any problem: the defaults and the
    /// problem, to be shown as a warning.
    pub fn load_from(path: &Path) -> (Config, Option<FileError>) {
        match Config::try_load(path) {
            Ok(c) => (c, None),
            Err(e) => (Config::default(), Some(e)),
        }
    }

    fn try_load(path: &Path) -> Result<Config, FileError> {
        let text = ronfile::read_text(path)?;
        let user: ConfigFile = ronfile::parse_settings(path, &text)?;
        let base = Config::default();
        resolve(path, &text, &user, Some(base))
    }

    /// The user's config file, if there is one; a missing file is fine
    /// unless `BALCONY_CONFIG` named it.
    pub fn load() -> (Config, Option<FileError>) {
        match config_path() {
            Some((path, named)) if named || path.exists() => Config::load_from(&path),
            _ => (Config::default(), None),
        }
    }

    /// The keys in force: the built-in table with these overrides.
    pub fn keymap(&self) -> Keymap {
        Keymap::new(self.keys.clone())
    }
}

/// The largest room the join page takes (the server's own ceiling).
pub const MAX_ROOM_SIZE: usize = 500;

/// How the app looks for this run: the config, `--theme` and `NO_COLOR`
/// put together.
#[derive(Debug, Clone)]
pub struct Look {
    /// The facilitator's screen.
    pub theme: Theme,
    /// The projector view (and `balcony present`).
    pub projector: Theme,
    /// A problem with the config file, to show on screen.
    pub warning: Option<String>,
    /// Start in the projector view (`balcony new --projector`).
    pub projector_view: bool,
    /// The join page's room.
    pub room: RoomSettings,
    /// The keys in force, the settings' overrides included.
    pub keymap: Arc<Keymap>,
    /// While the terminal has not said what its background is: the themes
    /// for the background the first frame was not drawn for.
    pub unconfirmed: Option<OtherBackground>,
}

/// The themes drawn for the other background, ready for the terminal's
/// answer.
#[derive(Debug, Clone)]
pub struct OtherBackground {
    pub background: Background,
    pub theme: Theme,
    pub projector: Theme,
}

impl Look {
    /// As [`Look::for_terminal`], on a dark background in 24-bit colour.
    pub fn new(
        cfg: &Config,
        problem: Option<&FileError>,
        forced: Option<ThemeName>,
        no_color: bool,
    ) -> Look {
        Look::for_terminal(
            cfg,
            problem,
            forced,
            no_color,
            Depth::TrueColor,
            false,
            || Background::Dark,
        )
    }

    /// `--theme` sets both screens; `NO_COLOR` wins over everything. The
    /// `Normal` theme is drawn for the background `background` guesses,
    /// called only when some screen uses it; the themes for the other
    /// background are kept for the terminal's answer. The colours are
    /// brought down to `depth` here, once; `ascii` draws lines and marks in
    /// ASCII.
    pub fn for_terminal(
        cfg: &Config,
        problem: Option<&FileError>,
        forced: Option<ThemeName>,
        no_color: bool,
        depth: Depth,
        ascii: bool,
        background: impl FnOnce() -> Background,
    ) -> Look {
        let pick = |configured: ThemeName| {
            if no_color {
                ThemeName::NoColor
            } else {
                forced.unwrap_or(configured)
            }
        };
        let (theme, projector) = (pick(cfg.theme), pick(cfg.projector_theme));
        let asks = theme == ThemeName::Normal || projector == ThemeName::Normal;
        let bg = if asks { background() } else { Background::Dark };
        let built = |name: ThemeName, bg| Theme {
            ascii,
            ..depth.theme(cfg.theme(name.on(bg)))
        };
        Look {
            theme: built(theme, bg),
            projector: built(projector, bg),
            warning: problem.map(warning),
            projector_view: false,
            room: cfg.room.clone(),
            keymap: Arc::new(cfg.keymap()),
            unconfirmed: asks.then(|| OtherBackground {
                background: bg.other(),
                theme: built(theme, bg.other()),
                projector: built(projector, bg.other()),
            }),
        }
    }

    /// The terminal's answer: the other background's themes are taken if it
    /// has that one. True when they were (the screen must be redrawn).
    pub fn settle(&mut self, answer: Background) -> bool {
        match self.unconfirmed.take() {
            Some(other) if other.background == answer => {
                self.theme = other.theme;
                self.projector = other.projector;
                true
            }
            _ => false,
        }
    }
}

/// The words shown for a broken config file.
pub fn warning(e: &FileError) -> String {
    format!("{} (using the built-in settings)", e.headline())
}

/// Where the config file is, and whether the environment named it.
pub fn config_path() -> Option<(PathBuf, bool)> {
    config_path_from(std::env::var_os(ENV_CONFIG))
}

/// [`config_path`] given the variable's value.
fn config_path_from(env: Option<std::ffi::OsString>) -> Option<(PathBuf, bool)> {
    if let Some(p) = env.filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    directories::ProjectDirs::from("", "", "balcony")
        .map(|d| (d.config_dir().join("config.ron"), false))
}

/// The file's words for a colour, a key, a screen and an action.
pub fn parse_color(s: &str) -> Option<Color> {
    match s.trim().to_ascii_lowercase().as_str() {
        "default" | "reset" => Some(Color::Reset),
        t => Color::from_str(t).ok(),
    }
}

pub fn parse_key(s: &str) -> Option<Key> {
    let (mods, rest) = if let Some(r) = s.strip_prefix("Ctrl-").or(s.strip_prefix("ctrl-")) {
        (KeyModifiers::CONTROL, r)
    } else if let Some(r) = s.strip_prefix("Alt-").or(s.strip_prefix("alt-")) {
        (KeyModifiers::ALT, r)
    } else {
        (KeyModifiers::NONE, s)
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !matches!(c, '→' | '←' | '↑' | '↓') => {
            KeyCode::Char(if mods == KeyModifiers::CONTROL {
                c.to_ascii_lowercase()
            } else {
                c
            })
        }
        _ => match rest.to_ascii_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "left" | "←" => KeyCode::Left,
            "right" | "→" => KeyCode::Right,
            "up" | "↑" => KeyCode::Up,
            "down" | "↓" => KeyCode::Down,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            f if f.starts_with('f') => KeyCode::F(f[1..].parse().ok().filter(|n| *n >= 1)?),
            _ => return None,
        },
    };
    Some(Key { code, mods })
}

/// "kind-next" for `Action::KindNext`; "browse" for `Ctx::Browse`.
pub fn name_of(debug: &str) -> String {
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

pub fn ctx_name(c: Ctx) -> String {
    name_of(&format!("{c:?}"))
}

pub fn action_name(a: Action) -> String {
    name_of(&format!("{a:?}"))
}

/// `"browse.projector"` to its keymap row.
fn parse_row(s: &str) -> Result<(Ctx, Action), String> {
    let Some((c, a)) = s.split_once('.') else {
        return Err(format!(
            "write a key's place as \"screen.action\", like \"browse.projector\" (not \"{s}\")"
        ));
    };
    let ctx = Ctx::iter().find(|x| ctx_name(*x) == c).ok_or_else(|| {
        let names: Vec<String> = Ctx::iter().map(ctx_name).collect();
        format!("no screen \"{c}\"; the screens are {}", names.join(", "))
    })?;
    let actions: Vec<Action> = keymap::bindings(ctx).map(|b| b.action).collect();
    let action = actions
        .iter()
        .copied()
        .find(|x| action_name(*x) == a)
        .ok_or_else(|| {
            let names: Vec<String> = actions.iter().map(|x| action_name(*x)).collect();
            format!(
                "no action \"{a}\" on the {c} screen; there: {}",
                names.join(", ")
            )
        })?;
    Ok((ctx, action))
}

/// Lays the file over `base` (or, for the defaults, over nothing) and checks
/// every colour and key, pointing at the offending text.
fn resolve(
    path: &Path,
    text: &str,
    file: &ConfigFile,
    base: Option<Config>,
) -> Result<Config, FileError> {
    let at = |needle: &str, msg: String| FileError::near(path, text, needle, 0, msg);
    let mut cfg = base.unwrap_or_default();
    if let Some(t) = file.theme {
        cfg.theme = t;
    }
    if let Some(t) = file.projector_theme {
        cfg.projector_theme = t;
    }
    if let Some(n) = file.room_size {
        if !(1..=MAX_ROOM_SIZE).contains(&n) {
            return Err(at(
                "room_size",
                format!("room_size must be 1 to {MAX_ROOM_SIZE} devices"),
            ));
        }
        cfg.room.size = n;
    }
    if let Some(u) = &file.public_url {
        crate::join::address::check_public_url(u)
            .map_err(|m| at("public_url", format!("public_url: {m}")))?;
        cfg.room.public_url = Some(u.clone());
    }
    for (name, pf) in &file.palettes {
        let Some(p) = cfg.palettes.get_mut(name) else {
            let why = if *name == ThemeName::Normal {
                "Normal takes Light's or Dark's colours, by the terminal's background: change those"
                    .to_string()
            } else {
                format!("{name:?} has no colours to change")
            };
            return Err(at(&format!("{name:?}"), why));
        };
        let fields: [(&Option<String>, &mut Color); 12] = [
            (&pf.fg, &mut p.fg),
            (&pf.bg, &mut p.bg),
            (&pf.dim, &mut p.dim),
            (&pf.accent, &mut p.accent),
            (&pf.alert, &mut p.alert),
            (&pf.quiet, &mut p.quiet),
            (&pf.saved, &mut p.saved),
            (&pf.balcony, &mut p.balcony),
            (&pf.dance_floor, &mut p.dance_floor),
            (&pf.cold, &mut p.cold),
            (&pf.productive, &mut p.productive),
            (&pf.hot, &mut p.hot),
        ];
        for (given, slot) in fields {
            if let Some(s) = given {
                *slot = parse_color(s).ok_or_else(|| {
                    at(
                        &format!("\"{s}\""),
                        format!(
                            "\"{s}\" is not a colour: write \"#rrggbb\", a name like \"red\", or \"default\""
                        ),
                    )
                })?;
            }
        }
    }
    for (row, names) in &file.keys {
        let needle = format!("\"{row}\"");
        let (ctx, action) = parse_row(row).map_err(|m| at(&needle, m))?;
        if names.is_empty() {
            return Err(at(&needle, format!("\"{row}\" needs at least one key")));
        }
        let mut keys = Vec::new();
        for n in names {
            let k = parse_key(n).ok_or_else(|| {
                at(
                    &format!("\"{n}\""),
                    format!("\"{n}\" is not a key balcony knows (see the list at the top of the defaults)"),
                )
            })?;
            keys.push(k);
        }
        cfg.keys.retain(|(c, a, _)| (*c, *a) != (ctx, action));
        cfg.keys.push((ctx, action, keys));
    }
    // No key may mean two things on one screen.
    for ctx in Ctx::iter() {
        let rows: Vec<(Action, Vec<Key>)> = keymap::bindings(ctx)
            .map(|b| {
                let keys = cfg
                    .keys
                    .iter()
                    .find(|(c, a, _)| (*c, *a) == (ctx, b.action))
                    .map_or_else(|| b.keys.to_vec(), |(_, _, k)| k.clone());
                (b.action, keys)
            })
            .collect();
        for (i, (a, ka)) in rows.iter().enumerate() {
            for (b, kb) in &rows[i + 1..] {
                if let Some(k) = ka.iter().find(|k| kb.contains(k)) {
                    let mine = cfg
                        .keys
                        .iter()
                        .find(|(c, x, _)| *c == ctx && (x == a || x == b))
                        .map(|(_, x, _)| *x)
                        .unwrap_or(*a);
                    let needle = format!("\"{}.{}\"", ctx_name(ctx), action_name(mine));
                    return Err(at(
                        &needle,
                        format!(
                            "{} would mean both {} and {} on the {} screen",
                            k.label(),
                            action_name(*a),
                            action_name(*b),
                            ctx_name(ctx)
                        ),
                    ));
                }
            }
        }
    }
    Ok(cfg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(text: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(text.as_bytes()).unwrap();
        f
    }

    #[test]
    fn the_embedded_defaults_match_the_built_in_themes() {
        let label = Path::new("<embedded>/config-default.ron");
        let file: ConfigFile = ronfile::parse_settings(label, DEFAULT_RON).unwrap();
        let c = resolve(label, DEFAULT_RON, &file, None).unwrap();
        assert_eq!(c, Config::default());
        assert_eq!(c.theme, ThemeName::Normal);
        assert_eq!(c.projector_theme, ThemeName::DarkProjector);
        assert!(c.keys.is_empty());
        for name in ThemeName::ALL {
            assert_eq!(c.theme(name), name.builtin(), "{name:?}");
        }
    }

    #[test]
    fn every_key_label_reads_back() {
        for b in keymap::KEYMAP {
            for k in b.keys {
                assert_eq!(parse_key(&k.label()), Some(*k), "{}", k.label());
            }
        }
        assert_eq!(parse_key("F5").map(|k| k.code), Some(KeyCode::F(5)));
        assert_eq!(
            parse_key("Shift-Tab").map(|k| k.code),
            Some(KeyCode::BackTab)
        );
        assert_eq!(parse_key("Ctrl-"), None);
        assert_eq!(parse_key("Hyper-x"), None);
    }

    #[test]
    fn a_user_file_changes_only_what_it_gives() {
        let f = write(
            "(theme: LightProjector, palettes: { LightProjector: (hot: \"#FF0000\") }, keys: { \"browse.projector\": [\"F5\", \"V\"] })",
        );
        let (c, err) = Config::load_from(f.path());
        assert_eq!(err, None);
        assert_eq!(c.theme, ThemeName::LightProjector);
        assert_eq!(c.projector_theme, ThemeName::DarkProjector, "kept");
        let p = c.palettes[&ThemeName::LightProjector];
        assert_eq!(p.hot, Color::Rgb(255, 0, 0));
        assert_eq!(
            p.cold,
            ThemeName::LightProjector.palette().unwrap().cold,
            "kept"
        );
        assert_eq!(
            c.keys,
            vec![(
                Ctx::Browse,
                Action::Projector,
                vec![parse_key("F5").unwrap(), parse_key("V").unwrap()]
            )]
        );
    }

    fn error_of(text: &str) -> FileError {
        let f = write(text);
        let (c, err) = Config::load_from(f.path());
        assert_eq!(c, Config::default(), "falls back to the defaults");
        err.expect("an error")
    }

    #[test]
    fn broken_files_say_where() {
        let e = error_of("(\n    theme: Normal,\n    keys: { \"browse.projector\": [\"v\" }\n)");
        assert_eq!((e.line, e.col), (3, 38), "{}", e.headline());
        let e = error_of("(\n  theme: Purple,\n)");
        assert_eq!(e.line, 2, "{}", e.headline());
        let e = error_of("(\n  keys: {\n    \"browse.fly\": [\"y\"],\n  },\n)");
        assert_eq!((e.line, e.col), (3, 5), "{}", e.headline());
        assert!(e.message.contains("no action \"fly\""), "{}", e.message);
        let e = error_of("(keys: { \"browse.projector\": [\"n\"] })");
        assert!(e.message.contains("both"), "{}", e.message);
        let e = error_of("(palettes: { Dark: (fg: \"glitter\") })");
        assert!(e.message.contains("not a colour"), "{}", e.message);
        assert!(e.headline().contains(":1:"), "{}", e.headline());
        let e = error_of("(palettes: { Normal: (fg: \"red\") })");
        assert!(e.message.contains("Light's or Dark's"), "{}", e.message);
    }

    #[test]
    fn the_room_is_set_in_the_file_and_checked() {
        let f = write("(room_size: 25, public_url: \"https://laptop.example.ts.net\")");
        let (c, err) = Config::load_from(f.path());
        assert_eq!(err, None);
        assert_eq!(c.room.size, 25);
        assert_eq!(
            c.room.public_url.as_deref(),
            Some("https://laptop.example.ts.net")
        );
        assert_eq!(Config::default().room.size, 40);
        let e = error_of("(\n  room_size: 0,\n)");
        assert_eq!(e.line, 2, "{}", e.headline());
        assert!(e.message.contains("1 to 500"), "{}", e.message);
        let e = error_of("(\n  public_url: \"laptop:8080\",\n)");
        assert_eq!(e.line, 2, "{}", e.headline());
        assert!(e.message.contains("https://"), "{}", e.message);
    }

    #[test]
    fn the_environment_names_the_file() {
        let (p, named) = config_path_from(Some("/x/mine.ron".into())).unwrap();
        assert_eq!((p, named), (PathBuf::from("/x/mine.ron"), true));
        if let Some((p, named)) = config_path_from(Some("".into())) {
            assert!(!named);
            assert!(p.ends_with("config.ron"), "{}", p.display());
        }
        // A named file that is missing is a problem worth a warning.
        let (c, err) = Config::load_from(Path::new("/no/such/balcony-config.ron"));
        assert_eq!(c, Config::default());
        assert!(err.unwrap().message.contains("no such file"));
    }

    #[test]
    fn the_readme_example_is_a_good_file() {
        let readme = include_str!("../README.md");
        let at = readme.find("## Settings").unwrap();
        let start = readme[at..].find("```ron\n").unwrap() + at + 7;
        let end = readme[start..].find("```").unwrap() + start;
        let f = write(&readme[start..end]);
        let (c, err) = Config::load_from(f.path());
        assert_eq!(err, None);
        assert_eq!(c.projector_theme, ThemeName::LightProjector);
        assert_eq!(c.keys.len(), 3);
    }

    #[test]
    fn theme_flag_and_no_color_choose_the_look() {
        let c = Config::default();
        let l = Look::new(&c, None, None, false);
        assert_eq!(l.theme, ThemeName::Normal.builtin());
        assert_eq!(l.projector, ThemeName::DarkProjector.builtin());
        assert_eq!(l.warning, None);
        let l = Look::new(&c, None, Some(ThemeName::LightProjector), false);
        assert_eq!(l.theme, ThemeName::LightProjector.builtin());
        assert_eq!(l.projector, ThemeName::LightProjector.builtin());
        let l = Look::new(&c, None, Some(ThemeName::LightProjector), true);
        assert_eq!(l.theme, ThemeName::NoColor.builtin(), "NO_COLOR wins");
        assert_eq!(l.projector, ThemeName::NoColor.builtin());
    }

    #[test]
    fn the_background_is_asked_for_only_when_the_normal_theme_is_drawn() {
        let c = Config::default();
        let light = || Background::Light;
        let l = Look::for_terminal(&c, None, None, false, Depth::TrueColor, false, light);
        assert_eq!(l.theme, ThemeName::Light.builtin());
        assert_eq!(l.projector, ThemeName::DarkProjector.builtin());
        let never = || -> Background { panic!("the terminal was asked") };
        for forced in [ThemeName::Dark, ThemeName::Light, ThemeName::LightProjector] {
            let l = Look::for_terminal(
                &c,
                None,
                Some(forced),
                false,
                Depth::TrueColor,
                false,
                never,
            );
            assert_eq!(l.theme, forced.builtin());
            assert!(l.unconfirmed.is_none(), "no answer can change it");
        }
        let l = Look::for_terminal(&c, None, None, true, Depth::TrueColor, false, never);
        assert_eq!(l.theme, ThemeName::NoColor.builtin());
        assert!(l.unconfirmed.is_none());
        // Below 24 bits, the colours are brought down once, here.
        let l = Look::for_terminal(&c, None, None, false, Depth::Ansi16, false, light);
        assert_eq!(l.theme, Depth::Ansi16.theme(ThemeName::Light.builtin()));
        assert_eq!(l.theme.key.fg, Some(Color::Blue));
    }

    /// The first frame is drawn for a guess; the terminal's answer switches
    /// to the other background's themes only when it differs.
    #[test]
    fn the_answer_switches_the_themes_when_it_is_not_the_guess() {
        let c = Config::default();
        let guess = || Background::Dark;
        let look = || Look::for_terminal(&c, None, None, false, Depth::Indexed256, true, guess);
        let mut l = look();
        assert!(!l.settle(Background::Dark), "as guessed: nothing to redraw");
        assert_eq!(l.theme, look().theme);
        assert!(l.unconfirmed.is_none(), "asked once");
        let mut l = look();
        assert!(l.settle(Background::Light));
        let light = Theme {
            ascii: true,
            ..Depth::Indexed256.theme(ThemeName::Light.builtin())
        };
        assert_eq!(
            l.theme, light,
            "the light theme, at the same depth, in ASCII"
        );
        assert_eq!(
            l.projector,
            look().projector,
            "the projector's is not Normal"
        );
        assert!(
            !l.settle(Background::Dark),
            "a second answer changes nothing"
        );
        assert_eq!(l.theme, light);
    }
}
