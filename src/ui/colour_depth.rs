//! How many colours the terminal shows, and the theme's colours brought
//! down to them once, when the theme is built (never per frame).
//!
//! 24-bit colour only when `COLORTERM` says `truecolor` or `24bit` (the
//! convention); 16 colours where `TERM` names a terminal that has no more
//! (the Linux console, vt100, screen); the 256-colour indexes otherwise.

use std::io::{self, Write};
use std::sync::OnceLock;

use ratatui::style::{Color, Style};

use super::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    TrueColor,
    Indexed256,
    Ansi16,
}

impl Depth {
    /// The depth for this run, from `COLORTERM` and `TERM` (read once).
    pub fn from_env() -> Depth {
        static DEPTH: OnceLock<Depth> = OnceLock::new();
        *DEPTH.get_or_init(|| {
            let var = |k| std::env::var(k).ok();
            Depth::from_vars(var("COLORTERM").as_deref(), var("TERM").as_deref())
        })
    }

    pub fn from_vars(colorterm: Option<&str>, term: Option<&str>) -> Depth {
        if matches!(colorterm, Some("truecolor" | "24bit")) {
            return Depth::TrueColor;
        }
        let term = term.unwrap_or("");
        if term.contains("256") {
            return Depth::Indexed256;
        }
        let sixteen = [
            "linux", "vt", "screen", "tmux", "ansi", "cons", "rxvt", "eterm",
        ]
        .iter()
        .any(|p| term.starts_with(p))
            || matches!(term, "xterm" | "xterm-color" | "xterm-16color" | "dumb");
        if sixteen {
            Depth::Ansi16
        } else {
            Depth::Indexed256
        }
    }

    /// The colour this depth can show nearest to `c`.
    pub fn color(self, c: Color) -> Color {
        match (self, c) {
            (Depth::TrueColor, c) => c,
            (Depth::Indexed256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256(r, g, b)),
            (Depth::Ansi16, Color::Rgb(r, g, b)) => sixteen(r, g, b),
            (Depth::Ansi16, Color::Indexed(i)) if i >= 16 => {
                let (r, g, b) = rgb_of_index(i);
                sixteen(r, g, b)
            }
            (_, c) => c,
        }
    }

    pub fn style(self, s: Style) -> Style {
        Style {
            fg: s.fg.map(|c| self.color(c)),
            bg: s.bg.map(|c| self.color(c)),
            underline_color: s.underline_color.map(|c| self.color(c)),
            ..s
        }
    }

    /// Every style of `t` at this depth.
    pub fn theme(self, t: Theme) -> Theme {
        let s = |st| self.style(st);
        Theme {
            base: s(t.base),
            header: s(t.header),
            title: s(t.title),
            dim: s(t.dim),
            heading: s(t.heading),
            key: s(t.key),
            selected: s(t.selected),
            notice: s(t.notice),
            quiet: s(t.quiet),
            error: s(t.error),
            time_up: s(t.time_up),
            saved: s(t.saved),
            save_failed: s(t.save_failed),
            balcony: s(t.balcony),
            dance_floor: s(t.dance_floor),
            cold: s(t.cold),
            productive: s(t.productive),
            hot: s(t.hot),
            marker: s(t.marker),
            focus: s(t.focus),
            popup: s(t.popup),
            ..t
        }
    }
}

/// The six levels of each channel in the 256-colour cube (16 to 231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn distance((r1, g1, b1): (u8, u8, u8), (r2, g2, b2): (u8, u8, u8)) -> u32 {
    let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2) as u32;
    // Weighted as the eye weighs the channels, roughly.
    2 * d(r1, r2) + 4 * d(g1, g2) + 3 * d(b1, b2)
}

/// The nearest of the cube's colours and the grey ramp (232 to 255); the
/// first 16 are left out, as each terminal shades them its own way.
fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |c: u8| {
        (0..6)
            .min_by_key(|&i| (i32::from(CUBE[i]) - i32::from(c)).abs())
            .unwrap_or(0)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = 16 + 36 * ri as u8 + 6 * gi as u8 + bi as u8;
    let avg = (u32::from(r) + u32::from(g) + u32::from(b)) / 3;
    let grey = 232 + ((avg.saturating_sub(3)) / 10).min(23) as u8;
    let want = (r, g, b);
    if distance(rgb_of_index(grey), want) < distance(rgb_of_index(cube), want) {
        grey
    } else {
        cube
    }
}

/// The usual (xterm) shade of a 256-colour index.
fn rgb_of_index(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI16[usize::from(i)].1,
        16..=231 => {
            let i = i - 16;
            (
                CUBE[usize::from(i / 36)],
                CUBE[usize::from(i / 6 % 6)],
                CUBE[usize::from(i % 6)],
            )
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

/// The 16 terminal colours and xterm's shades of them.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// The Okabe-Ito colours in 16 colours, chosen by hand: by nearness alone
/// orange and vermillion, or the two blues, would meet.
fn okabe_ito_16(r: u8, g: u8, b: u8) -> Option<Color> {
    use super::theme::okabe_ito as oi;
    let table = [
        (oi::BLACK, Color::Black),
        (oi::ORANGE, Color::Yellow),
        (oi::SKY_BLUE, Color::Cyan),
        (oi::BLUISH_GREEN, Color::Green),
        (oi::YELLOW, Color::LightYellow),
        (oi::BLUE, Color::Blue),
        (oi::VERMILLION, Color::Red),
        (oi::REDDISH_PURPLE, Color::Magenta),
    ];
    table
        .into_iter()
        .find(|(c, _)| *c == Color::Rgb(r, g, b))
        .map(|(_, named)| named)
}

fn sixteen(r: u8, g: u8, b: u8) -> Color {
    okabe_ito_16(r, g, b).unwrap_or_else(|| {
        ANSI16
            .iter()
            .min_by_key(|(_, shade)| distance(*shade, (r, g, b)))
            .map_or(Color::Reset, |(c, _)| *c)
    })
}

/// The terminal's output. With 16 colours, crossterm's 256-colour form of
/// the 16 colours (`ESC[38;5;1m`) is rewritten as the old one (`ESC[31m`),
/// which terminals without 256 colours understand; otherwise bytes pass
/// through untouched.
pub struct Output<W: Write> {
    inner: W,
    sixteen: bool,
    /// An escape sequence begun but not yet ended by the last write.
    pending: Vec<u8>,
}

impl<W: Write> Output<W> {
    pub fn new(inner: W, depth: Depth) -> Output<W> {
        Output {
            inner,
            sixteen: depth == Depth::Ansi16,
            pending: Vec::new(),
        }
    }

    /// The finished sequence in `pending`, with each 256-colour form of one
    /// of the first 16 colours in it (ratatui sends the foreground and
    /// background in one sequence) put the old way.
    fn rewritten(&self) -> Option<Vec<u8>> {
        let body = self.pending.strip_prefix(b"\x1b[")?.strip_suffix(b"m")?;
        let params: Vec<&str> = std::str::from_utf8(body).ok()?.split(';').collect();
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < params.len() {
            let base = match params[i] {
                "38" => Some(30),
                "48" => Some(40),
                _ => None,
            };
            let n = params.get(i + 2).and_then(|n| n.parse::<u8>().ok());
            match (base, params.get(i + 1), n) {
                (Some(base), Some(&"5"), Some(n @ 0..=7)) => {
                    out.push((base + u32::from(n)).to_string());
                    i += 3;
                }
                (Some(base), Some(&"5"), Some(n @ 8..=15)) => {
                    out.push((base + 60 + u32::from(n - 8)).to_string());
                    i += 3;
                }
                // 24-bit: the colour's three numbers go along unread.
                (Some(_), Some(&"2"), _) => {
                    out.extend(
                        params[i..(i + 5).min(params.len())]
                            .iter()
                            .map(|p| p.to_string()),
                    );
                    i += 5;
                }
                (Some(_), Some(&"5"), _) => {
                    out.extend(
                        params[i..(i + 3).min(params.len())]
                            .iter()
                            .map(|p| p.to_string()),
                    );
                    i += 3;
                }
                _ => {
                    out.push(params[i].to_string());
                    i += 1;
                }
            }
        }
        Some(format!("\x1b[{}m", out.join(";")).into_bytes())
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.sixteen {
            return self.inner.write(buf);
        }
        let mut out = Vec::with_capacity(buf.len());
        for &b in buf {
            if self.pending.is_empty() {
                if b == 0x1b {
                    self.pending.push(b);
                } else {
                    out.push(b);
                }
                continue;
            }
            self.pending.push(b);
            let n = self.pending.len();
            let in_sgr = (n == 2 && b == b'[') || (n > 2 && (b.is_ascii_digit() || b == b';'));
            if in_sgr && n < 24 {
                continue;
            }
            if b == b'm' && n > 2 {
                match self.rewritten() {
                    Some(new) => out.extend_from_slice(&new),
                    None => out.extend_from_slice(&self.pending),
                }
            } else {
                out.extend_from_slice(&self.pending);
            }
            self.pending.clear();
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::{ThemeName, okabe_ito as oi};

    const OKABE_ITO: [Color; 8] = [
        oi::BLACK,
        oi::ORANGE,
        oi::SKY_BLUE,
        oi::BLUISH_GREEN,
        oi::YELLOW,
        oi::BLUE,
        oi::VERMILLION,
        oi::REDDISH_PURPLE,
    ];

    #[test]
    fn colorterm_and_term_choose_the_depth() {
        use Depth::*;
        let d = Depth::from_vars;
        assert_eq!(d(Some("truecolor"), Some("xterm-256color")), TrueColor);
        assert_eq!(d(Some("24bit"), Some("linux")), TrueColor);
        assert_eq!(d(None, Some("xterm-256color")), Indexed256);
        assert_eq!(d(Some("yes"), Some("screen-256color")), Indexed256);
        assert_eq!(d(None, Some("alacritty")), Indexed256);
        assert_eq!(d(None, None), Indexed256);
        for t in [
            "linux",
            "vt100",
            "vt220",
            "screen",
            "screen.xterm",
            "xterm",
            "ansi",
        ] {
            assert_eq!(d(None, Some(t)), Ansi16, "{t}");
        }
    }

    #[test]
    fn okabe_ito_colours_stay_apart_at_every_depth() {
        for depth in [Depth::TrueColor, Depth::Indexed256, Depth::Ansi16] {
            let mapped: Vec<Color> = OKABE_ITO.iter().map(|c| depth.color(*c)).collect();
            for (i, a) in mapped.iter().enumerate() {
                for b in &mapped[i + 1..] {
                    assert_ne!(a, b, "{depth:?}: {mapped:?}");
                }
                match (depth, a) {
                    (Depth::TrueColor, Color::Rgb(..)) => {}
                    (Depth::Indexed256, Color::Indexed(n)) => assert!(*n >= 16, "{a:?}"),
                    (Depth::Ansi16, c) => {
                        assert!(ANSI16.iter().any(|(x, _)| x == c), "{c:?}")
                    }
                    _ => panic!("{depth:?}: {a:?}"),
                }
            }
        }
        // And nearly as they were: each 256-colour stand-in is close.
        for c in OKABE_ITO {
            let Color::Rgb(r, g, b) = c else {
                unreachable!()
            };
            let Color::Indexed(n) = Depth::Indexed256.color(c) else {
                unreachable!()
            };
            assert!(
                distance(rgb_of_index(n), (r, g, b)) < 9 * 40 * 40,
                "{c:?} -> {n}"
            );
        }
    }

    #[test]
    fn a_theme_below_24_bits_has_no_rgb_left() {
        for name in ThemeName::ALL {
            for depth in [Depth::Indexed256, Depth::Ansi16] {
                let t = depth.theme(name.builtin());
                let st = [t.base, t.dim, t.key, t.save_failed, t.balcony, t.hot];
                for s in st {
                    for c in [s.fg, s.bg].into_iter().flatten() {
                        assert!(!matches!(c, Color::Rgb(..)), "{name:?} {depth:?} {c:?}");
                        if depth == Depth::Ansi16 {
                            assert!(!matches!(c, Color::Indexed(_)), "{name:?} {c:?}");
                        }
                    }
                }
            }
        }
        assert_eq!(
            Depth::Indexed256.color(Color::Rgb(255, 255, 255)),
            Color::Indexed(231)
        );
        assert_eq!(
            Depth::Indexed256.color(Color::Rgb(92, 92, 92)),
            Color::Indexed(59)
        );
        assert_eq!(Depth::Ansi16.color(Color::Indexed(196)), Color::LightRed);
        assert_eq!(Depth::Ansi16.color(Color::Reset), Color::Reset);
    }

    fn through(depth: Depth, pieces: &[&[u8]]) -> Vec<u8> {
        let mut o = Output::new(Vec::new(), depth);
        for p in pieces {
            o.write_all(p).unwrap();
        }
        o.inner
    }

    #[test]
    fn sixteen_colour_output_uses_the_old_sgr_codes_even_when_split() {
        let frame: &[u8] =
            b"a\x1b[38;5;1mb\x1b[48;5;12mc\x1b[38;5;200md\x1b[1;2He\x1b[0m\x1b[38;5;6;49mf\x1b[39;48;5;0m";
        assert_eq!(
            through(Depth::Ansi16, &[frame]),
            b"a\x1b[31mb\x1b[104mc\x1b[38;5;200md\x1b[1;2He\x1b[0m\x1b[36;49mf\x1b[39;40m"
        );
        // Split anywhere, the same bytes come out.
        for cut in 0..frame.len() {
            let (x, y) = frame.split_at(cut);
            assert_eq!(
                through(Depth::Ansi16, &[x, y]),
                through(Depth::Ansi16, &[frame]),
                "cut at {cut}"
            );
        }
        assert_eq!(through(Depth::Indexed256, &[frame]), frame);
    }
}
