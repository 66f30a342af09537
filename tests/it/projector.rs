//! The projector view: snapshots at three sizes under each theme (text and
//! styles), the bytes written under NO_COLOR, blank and freeze, key
//! overrides in help.

use crate::common;

use balcony::config::{Config, Look};
use balcony::flow::{Flow, Input, Room};
use balcony::keymap::{Action, Ctx};
use balcony::ui::theme::{Theme, ThemeName};
use balcony::ui::{Screen, help, projector};
use common::*;
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const LARGE: (u16, u16) = (120, 36);
const MEDIUM: (u16, u16) = (80, 20);
const SMALL: (u16, u16) = (60, 14);

fn draw(flow: &Flow, theme: &Theme, (w, h): (u16, u16)) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    ratatui::widgets::Widget::render(&Screen { flow, theme }, area, &mut buf);
    buf
}

/// A facilitated session in the projector view: a reading of 6, two
/// minutes into the timebox, the room shown its verdict.
fn projected() -> Flow {
    let mut f = live_flow("Q3 customer first");
    press(&mut f, ch('T'), 5);
    press(&mut f, ch('+'), 10);
    press(&mut f, key(KeyCode::Enter), 10);
    press(&mut f, key(KeyCode::Enter), 10);
    press(&mut f, ch('+'), 20);
    press(&mut f, key(KeyCode::Enter), 20);
    press(&mut f, ch('+'), 30);
    press(&mut f, key(KeyCode::Enter), 30);
    press(&mut f, ch('v'), 30);
    assert!(f.projector);
    press(&mut f, Input::Tick, 125);
    f
}

/// On a dance-floor checkpoint, over time.
fn projected_overdue() -> Flow {
    let mut f = projected();
    press(&mut f, ch('n'), 200);
    // 15-minute timebox; 16 min 30 s later.
    press(&mut f, Input::Tick, 200 + 16 * 60 + 30);
    f
}

fn snap(name: &str, flow: &Flow, size: (u16, u16)) {
    for t in ThemeName::ALL {
        let buf = draw(flow, &t.builtin(), size);
        insta::assert_snapshot!(
            format!("{name}_{t:?}"),
            format!("{}\n{}", text(&buf), styles(&buf))
        );
    }
}

#[test]
fn projector_large() {
    let f = projected_overdue();
    let buf = draw(&f, &ThemeName::DarkProjector.builtin(), LARGE);
    let frame = projector::Frame::from_live(f.live().unwrap(), f.now);
    assert_eq!(
        projector::scale_for(&frame, Rect::new(0, 0, 116, 34)),
        projector::Scale::Full
    );
    let t = text(&buf);
    // Big letters, the words beside them, and no facilitator chrome.
    assert!(t.contains("████"), "{t}");
    assert!(t.contains("TIME UP · over by 1:30"), "{t}");
    assert!(t.contains("◆ PRODUCTIVE"), "{t}");
    assert!(!t.contains("help"), "no key bar:\n{t}");
    assert!(!t.contains("saved"), "no save status:\n{t}");
    snap("large", &f, LARGE);
}

#[test]
fn projector_medium() {
    let f = projected();
    let frame = projector::Frame::from_live(f.live().unwrap(), f.now);
    assert_eq!(
        projector::scale_for(&frame, Rect::new(0, 0, 76, 18)),
        projector::Scale::Half
    );
    let t = text(&draw(&f, &ThemeName::DarkProjector.builtin(), MEDIUM));
    assert!(t.contains("7:55 left"), "{t}");
    snap("medium", &f, MEDIUM);
}

#[test]
fn projector_small() {
    let f = projected_overdue();
    let t = text(&draw(&f, &ThemeName::DarkProjector.builtin(), SMALL));
    assert!(t.contains("zoom out"), "{t}");
    assert!(t.contains("DANCE FLOOR"), "{t}");
    assert!(t.contains("TIME UP"), "{t}");
    assert!(!t.contains("████"), "{t}");
    snap("small", &f, SMALL);
}

/// A new session's room sees how hot it is, not whether that is too hot:
/// the verdict, the band and the zones' colours wait for the facilitator's
/// `T`, on the projector and in the preview alike.
#[test]
fn the_room_sees_no_verdict_until_the_facilitator_shows_it() {
    let mut f = live_flow("Q3 customer first");
    press(&mut f, ch('='), 5);
    press(&mut f, ch('9'), 5);
    press(&mut f, key(KeyCode::Enter), 5);
    press(&mut f, ch('v'), 6);
    let theme = ThemeName::Normal.builtin();
    let t = text(&draw(&f, &theme, (100, 30)));
    assert!(t.contains("tension 9"), "{t}");
    for verdict in ["TOO HOT", "PRODUCTIVE", "band", "░"] {
        assert!(!t.contains(verdict), "{verdict} shown unasked:\n{t}");
    }
    press(&mut f, ch('T'), 7);
    let t = text(&draw(&f, &theme, (100, 30)));
    assert!(t.contains("TOO HOT") && t.contains("band 4–7"), "{t}");
    // The facilitator's own gauge always says the zone, and says what the
    // room sees when it is more than the level.
    press(&mut f, ch('v'), 8);
    let t = text(&draw(&f, &theme, (100, 30)));
    assert!(t.contains("too hot"), "{t}");
    assert!(t.contains("level and verdict"), "{t}");
}

#[test]
fn every_resize_is_laid_out_again() {
    let f = projected();
    for w in [10u16, 20, 40, 61, 80, 99, 130, 200] {
        for h in [1u16, 3, 6, 10, 15, 21, 30, 50] {
            // Nothing may panic, at any size; from 40×6 up, the clock and
            // the tension are always there in words.
            let buf = draw(&f, &ThemeName::Normal.builtin(), (w, h));
            let t = text(&buf);
            if w >= 40 && h >= 6 {
                assert!(t.contains("7:55 left"), "{w}×{h}:\n{t}");
                assert!(t.contains("tension 6"), "{w}×{h}:\n{t}");
            }
        }
    }
}

/// Every SGR parameter in the bytes written.
fn sgr_params(bytes: &[u8]) -> Vec<String> {
    let s = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    let mut rest = &s[..];
    while let Some(i) = rest.find("\x1b[") {
        rest = &rest[i + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            out.extend(rest[..end].split(';').map(str::to_string));
        }
        rest = &rest[end..];
    }
    out
}

/// A writer whose bytes can be read after the terminal has them.
#[derive(Clone, Default)]
struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn bytes_written(flow: &Flow, theme: &Theme, (w, h): (u16, u16)) -> Vec<u8> {
    // As the app does under NO_COLOR, so crossterm writes attributes.
    crossterm::style::force_color_output(true);
    let out = Shared::default();
    let backend = ratatui::backend::CrosstermBackend::new(out.clone());
    let mut term = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .unwrap();
    term.draw(|fr| fr.render_widget(&Screen { flow, theme }, fr.area()))
        .unwrap();
    drop(term);
    out.0.lock().unwrap().clone()
}

#[test]
fn no_color_writes_attributes_and_no_colours() {
    let f = projected_overdue();
    for size in [LARGE, MEDIUM, SMALL] {
        let params = sgr_params(&bytes_written(&f, &ThemeName::NoColor.builtin(), size));
        // 0 reset, 1 bold, 2 dim, 3 italic, 4 underline, 5 blink, 7 reverse,
        // 2x their ends, 39/49 the terminal's own colours.
        for p in &params {
            assert!(
                matches!(
                    p.as_str(),
                    "" | "0"
                        | "1"
                        | "2"
                        | "3"
                        | "4"
                        | "5"
                        | "7"
                        | "21"
                        | "22"
                        | "23"
                        | "24"
                        | "25"
                        | "27"
                        | "39"
                        | "49"
                        | "59"
                ),
                "a colour code under NO_COLOR: {p} in {params:?}"
            );
        }
        assert!(params.iter().any(|p| p == "1"), "bold kept: {params:?}");
        assert!(params.iter().any(|p| p == "7"), "reverse kept: {params:?}");
    }
    // The test can fail: the dark theme does write colours.
    let params = sgr_params(&bytes_written(
        &f,
        &ThemeName::DarkProjector.builtin(),
        SMALL,
    ));
    assert!(params.iter().any(|p| p == "38"), "{params:?}");
}

#[test]
fn blank_and_freeze_hide_private_typing() {
    let mut f = projected();
    press(&mut f, ch('.'), 130);
    assert_eq!(f.room, Room::Blanked);
    press(&mut f, ch('a'), 131);
    typ(&mut f, "private worry", 132);
    let t = text(&draw(&f, &ThemeName::DarkProjector.builtin(), MEDIUM));
    assert!(!t.contains("private worry"), "{t}");
    assert!(!t.contains("████"), "a neutral screen:\n{t}");
    assert!(
        t.contains("ROOM BLANKED"),
        "the facilitator is reminded:\n{t}"
    );
    assert!(t.contains("New note › The note · 13 characters"), "{t}");
    press(&mut f, key(KeyCode::Enter), 133);
    assert_eq!(
        f.session().unwrap().notes.len(),
        0,
        "nothing typed blind is saved unseen"
    );
    press(&mut f, ch('.'), 134);
    press(&mut f, key(KeyCode::Enter), 135);
    assert_eq!(f.session().unwrap().notes.len(), 1);

    // Freeze: the room keeps the frame of the moment, clock and all.
    press(&mut f, ch(','), 140);
    let frozen = text(&draw(&f, &ThemeName::DarkProjector.builtin(), LARGE));
    press(&mut f, ch('+'), 150);
    press(&mut f, key(KeyCode::Enter), 150);
    press(&mut f, key(KeyCode::Enter), 150);
    press(&mut f, Input::Tick, 200);
    let later = text(&draw(&f, &ThemeName::DarkProjector.builtin(), LARGE));
    assert_eq!(frozen, later);
    assert!(later.contains("ROOM FROZEN"));
    press(&mut f, ch(','), 201);
    assert_eq!(f.room, Room::Shown);
    let shown = text(&draw(&f, &ThemeName::DarkProjector.builtin(), LARGE));
    assert_ne!(shown, later, "the level and clock moved on");
    assert!(!shown.contains("ROOM"), "{shown}");
}

#[test]
fn a_reflection_has_no_projector() {
    let mut f = Flow::in_session(
        balcony::session::Session::new(balcony::workshop::Builtin::Solo.workshop(), "me", "", t0()),
        t0(),
    );
    for c in ['v', '.', ','] {
        press(&mut f, ch(c), 1);
        assert!(!f.projector);
        assert_eq!(f.room, Room::Shown);
        assert!(f.notice.as_ref().unwrap().text.contains("private"));
    }
}

#[test]
fn key_overrides_reach_dispatch_bar_and_help() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::write(
        &path,
        "(keys: { \"browse.projector\": [\"F5\"], \"browse.gadfly\": [\"G\"] })",
    )
    .unwrap();
    let (cfg, problem) = Config::load_from(&path);
    assert!(problem.is_none(), "{problem:?}");
    // As at start-up: the settings make the keymap, the flow is handed it.
    let look = Look::new(&cfg, None, None, false);
    let mut f = live_flow("t").with_keymap(look.keymap.clone());
    let area = Rect::new(0, 0, 100, 30);
    let mut buf = Buffer::empty(area);
    help::render(
        &f.keymap,
        Ctx::Browse,
        0,
        area,
        &mut buf,
        &ThemeName::Normal.builtin(),
    );
    let t = text(&buf);
    assert!(t.contains("F5 "), "{t}");
    assert!(t.contains("G          capture a gadfly idea"), "{t}");
    let bar = render(&f, 100, 30);
    let bar = bar.lines().last().unwrap();
    assert!(bar.contains("G gadfly"), "{bar}");
    // Another flow, not handed the overrides, keeps the built-in keys.
    let mut plain = live_flow("t");
    assert!(
        render(&plain, 100, 30)
            .lines()
            .last()
            .unwrap()
            .contains("g gadfly")
    );
    press(&mut f, ch('v'), 1);
    assert!(!f.projector, "v no longer toggles");
    press(&mut f, key(KeyCode::F(5)), 1);
    assert!(f.projector);
    press(&mut plain, ch('v'), 1);
    assert!(plain.projector);
    let ev =
        crossterm::event::KeyEvent::new(KeyCode::Char('G'), crossterm::event::KeyModifiers::SHIFT);
    assert_eq!(f.keymap.action(Ctx::Browse, &ev), Some(Action::Gadfly));
    assert_eq!(plain.keymap.action(Ctx::Browse, &ev), None);
}

#[test]
fn a_broken_config_falls_back_with_a_visible_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::write(
        &path,
        "(\n  theme: DarkProjector,\n  keys: {\n    \"browse.projector\": [\"v\",\n)\n",
    )
    .unwrap();
    let (cfg, problem) = Config::load_from(&path);
    assert_eq!(cfg, Config::default());
    let problem = problem.expect("a problem");
    let look = Look::new(&cfg, Some(&problem), None, false);
    let w = look.warning.clone().unwrap();
    assert!(
        w.starts_with(&format!("{}:5:1:", path.display())),
        "FILE:LINE:COL first: {w}"
    );
    assert_eq!(look.theme, ThemeName::Normal.builtin(), "the defaults");
    let mut f = live_flow("t");
    f.handle(Input::Warn(w), f.now);
    let t = text(&draw(&f, &look.theme, (100, 30)));
    assert!(t.contains("config.ron:5:1"), "{t}");
    // In the projector view too, as a quiet line.
    press(&mut f, Input::Resize(100, 30), 1);
    f.projector = true;
    let t = text(&draw(&f, &look.projector, (100, 30)));
    assert!(t.contains("config.ron:5:1"), "{t}");
}

#[test]
fn a_failed_save_reaches_the_projector_view() {
    let mut f = projected();
    let t = text(&draw(&f, &ThemeName::DarkProjector.builtin(), MEDIUM));
    assert!(!t.contains("SAVE FAILED"), "{t}");
    f.handle(Input::SaveFailed("disk full".into()), f.now);
    let t = text(&draw(&f, &ThemeName::DarkProjector.builtin(), MEDIUM));
    assert!(t.contains("SAVE FAILED"), "{t}");
}

#[test]
fn the_facilitator_can_preview_the_room() {
    let mut f = projected();
    press(&mut f, ch('v'), 126);
    assert!(!f.projector);
    press(&mut f, ch('P'), 126);
    assert!(f.preview);
    let t = text(&draw(&f, &ThemeName::Normal.builtin(), (100, 30)));
    assert!(t.contains("the room sees"), "{t}");
    assert!(t.contains("BALCONY ‖"), "{t}");
    insta::assert_snapshot!(t);
    press(&mut f, ch('.'), 127);
    // Blanked: the facilitator's whole screen is blank too (one mirrored
    // display); on unblanking the preview says how the room is.
    press(&mut f, ch('.'), 128);
    press(&mut f, ch(','), 129);
    assert!(matches!(f.room, Room::Frozen(_)));
    let t = text(&draw(&f, &ThemeName::Normal.builtin(), (100, 30)));
    assert!(t.contains("ROOM FROZEN"), "{t}");
}
