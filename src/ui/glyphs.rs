//! Plain ASCII for terminals that cannot show the app's line and block
//! glyphs: a non-UTF-8 locale, or the Linux console (whose font has few of
//! them). Drawn as usual, then each glyph of the app's own (borders, gauge
//! cells, big letters, arrows, marks) is swapped for an ASCII stand-in;
//! letters people typed are left as they are. The balcony's double line
//! becomes `=` and the dance floor's thick line `#`, so the two places stay
//! apart by shape as well as by word.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Whether to draw in ASCII, from the environment: the locale in force
/// (`LC_ALL`, else `LC_CTYPE`, else `LANG`) names a character set other
/// than UTF-8, or `TERM` is the Linux console. With no locale set at all,
/// as in many containers, UTF-8 is assumed.
pub fn ascii_from_env() -> bool {
    let var = |k| std::env::var(k).ok().filter(|v: &String| !v.is_empty());
    let locale = var("LC_ALL")
        .or_else(|| var("LC_CTYPE"))
        .or_else(|| var("LANG"));
    ascii_for(locale.as_deref(), var("TERM").as_deref())
}

pub fn ascii_for(locale: Option<&str>, term: Option<&str>) -> bool {
    let utf8 = |l: &str| {
        let l = l.to_ascii_lowercase();
        l.contains("utf-8") || l.contains("utf8")
    };
    term == Some("linux") || locale.is_some_and(|l| !utf8(l))
}

/// The ASCII stand-in for one of the app's glyphs; `None` for ASCII and
/// for everything else (people's words).
pub fn stand_in(c: char) -> Option<char> {
    Some(match c {
        // The balcony's double line.
        '═' => '=',
        '║' => '|',
        '╔' | '╗' | '╚' | '╝' | '╠' | '╣' | '╦' | '╩' | '╬' => '+',
        // The dance floor's thick line, and the productive band's edges.
        '━' | '┃' | '┏' | '┓' | '┗' | '┛' | '┣' | '┫' | '┳' | '┻' | '╋' => {
            '#'
        }
        // Every other line.
        '─' | '╌' | '┄' | '┈' => '-',
        '│' | '╎' | '┆' | '┊' => '|',
        '\u{2500}'..='\u{257F}' => '+',
        // Shading, then big letters and bars.
        '░' => ':',
        '▒' | '▓' => '%',
        '\u{2580}'..='\u{259F}' => '#',
        // Marks and arrows.
        '◆' | '◇' | '●' | '○' | '■' | '□' | '•' | '★' => '*',
        '▲' | '△' | '↑' | '⇡' => '^',
        '▼' | '▽' | '↓' | '⇣' => 'v',
        '◀' | '◁' | '←' => '<',
        '▶' | '▷' | '→' => '>',
        '\u{25A0}'..='\u{25FF}' => '*',
        '\u{2190}'..='\u{21FF}' => '>',
        '·' | '…' => '.',
        '—' | '–' | '−' => '-',
        '✓' | '✔' => 'v',
        '✗' | '✘' | '×' => 'x',
        '≤' => '<',
        '≥' => '>',
        _ => return None,
    })
}

/// Swaps the app's glyphs in `area` for their ASCII stand-ins.
pub fn to_ascii(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let mut chars = cell.symbol().chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && let Some(a) = stand_in(c)
            {
                cell.set_char(a);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::{Flow, Input};
    use crate::session::Session;
    use crate::ui::Screen;
    use crate::ui::theme::COLOR;
    use crate::workshop::Builtin;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::widgets::Widget;

    #[test]
    fn the_locale_and_the_linux_console_choose_ascii() {
        assert!(!ascii_for(Some("en_GB.UTF-8"), Some("xterm-256color")));
        assert!(!ascii_for(Some("de_DE.utf8"), Some("screen")));
        assert!(!ascii_for(None, Some("xterm")), "no locale: UTF-8 assumed");
        assert!(ascii_for(Some("C"), Some("xterm")));
        assert!(ascii_for(Some("POSIX"), None));
        assert!(ascii_for(Some("en_US.ISO-8859-1"), Some("xterm")));
        assert!(ascii_for(Some("en_GB.UTF-8"), Some("linux")));
    }

    fn drawn(flow: &Flow) -> Buffer {
        let area = Rect::new(0, 0, 100, 30);
        let mut buf = Buffer::empty(area);
        Screen {
            flow,
            theme: &COLOR,
        }
        .render(area, &mut buf);
        to_ascii(area, &mut buf);
        buf
    }

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
    }

    #[test]
    fn balcony_and_dance_floor_stay_apart_in_ascii() {
        let t0 = chrono::DateTime::parse_from_rfc3339("2026-11-23T14:00:00+01:00").unwrap();
        let mut flow = Flow::in_session(
            Session::new(Builtin::Default.workshop(), "Q3", "Ana", t0),
            t0,
        );
        let balcony = drawn(&flow);
        let next = Input::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE));
        flow.handle(next, t0);
        let dance = drawn(&flow);
        for buf in [&balcony, &dance] {
            let all: String = (0..30).map(|y| row(buf, y)).collect();
            assert!(all.is_ascii(), "{all}");
        }
        // The place's frame: row 1, below the header.
        let (b, d) = (row(&balcony, 1), row(&dance, 1));
        assert!(b.contains("BALCONY") && b.contains("====="), "{b}");
        assert!(d.contains("DANCE FLOOR") && d.contains("#####"), "{d}");
        assert!(!d.contains('='), "{d}");
        assert_eq!(balcony[(0, 5)].symbol(), "|");
        assert_eq!(dance[(0, 5)].symbol(), "#");
        // The projector view's big letters too.
        let v = Input::Key(KeyEvent::new(KeyCode::Char('v'), KeyModifiers::NONE));
        flow.handle(v, t0);
        let room = drawn(&flow);
        let all: String = (0..30).map(|y| row(&room, y)).collect();
        assert!(all.is_ascii(), "{all}");
        assert!(all.contains("####"), "big letters: {all}");
    }
}
