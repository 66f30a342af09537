//! Helpers shared by the screen tests: a fixed clock, keys, and rendering a
//! flow onto ratatui's TestBackend.

use balcony::flow::{Flow, Input};
use balcony::session::{Session, Timestamp};
use balcony::ui::{Screen, theme};
use balcony::workshop::Builtin;
use chrono::{FixedOffset, TimeZone};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn t0() -> Timestamp {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, 14, 0, 0)
        .unwrap()
}

pub fn at(secs: i64) -> Timestamp {
    t0() + chrono::Duration::seconds(secs)
}

pub fn key(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Input {
    key(KeyCode::Char(c))
}

pub fn typ(f: &mut Flow, text: &str, secs: i64) {
    for c in text.chars() {
        f.handle(ch(c), at(secs));
    }
}

pub fn press(f: &mut Flow, input: Input, secs: i64) {
    f.handle(input, at(secs));
}

pub fn live_flow(title: &str) -> Flow {
    Flow::in_session(
        Session::new(Builtin::Default.workshop(), title, "Ana", t0()),
        t0(),
    )
}

/// A test terminal of `w`×`h` with the app's screen drawn from `flow`.
fn drawn(flow: &Flow, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| {
        f.render_widget(
            &Screen {
                flow,
                theme: &theme::COLOR,
            },
            f.area(),
        )
    })
    .unwrap();
    term
}

/// The screen's cells.
pub fn render_buf(flow: &Flow, w: u16, h: u16) -> ratatui::buffer::Buffer {
    drawn(flow, w, h).backend().buffer().clone()
}

/// The screen as plain text rows.
pub fn render(flow: &Flow, w: u16, h: u16) -> String {
    drawn(flow, w, h).backend().to_string()
}

/// A buffer's text, one row a line, trailing spaces cut.
pub fn text(buf: &ratatui::buffer::Buffer) -> String {
    let a = buf.area;
    (0..a.height)
        .map(|y| {
            let row: String = (0..a.width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string() + "\n"
        })
        .collect()
}

/// Runs of one style per row: `row: from-to fg bg modifiers`.
pub fn styles(buf: &ratatui::buffer::Buffer) -> String {
    let a = buf.area;
    let mut out = String::new();
    for y in 0..a.height {
        let mut x = 0;
        while x < a.width {
            let st = buf[(x, y)].style();
            let mut end = x;
            while end + 1 < a.width && buf[(end + 1, y)].style() == st {
                end += 1;
            }
            out.push_str(&format!(
                "{y:>2}: {x:>3}-{end:<3} fg={:?} bg={:?} {:?}\n",
                st.fg, st.bg, st.add_modifier
            ));
            x = end + 1;
        }
    }
    out
}
