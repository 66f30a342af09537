//! Snapshots of each screen at 100×30 with a fixed clock, and the help
//! overlay checked against the keymap.

use crate::common;

use std::path::PathBuf;

use balcony::flow::{Flow, Input};
use balcony::keymap::{self, Ctx};
use balcony::sample;
use balcony::ui::{help, theme};
use common::*;
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use strum::IntoEnumIterator;

const W: u16 = 100;
const H: u16 = 30;

#[test]
fn start_screen() {
    let recent = vec![
        PathBuf::from("sessions/2026-11-23-1405-q3-customer-first.ron"),
        PathBuf::from("sessions/2026-11-20-0930-support-offsite.ron"),
    ];
    let mut f = Flow::start(recent, t0());
    typ(&mut f, "Q3 customer first", 0);
    insta::assert_snapshot!(render(&f, W, H));
}

#[test]
fn balcony_checkpoint() {
    let mut f = live_flow("Q3 customer first");
    press(&mut f, ch('a'), 10);
    typ(&mut f, "Nobody mentioned the refund backlog", 10);
    press(&mut f, key(KeyCode::Enter), 10);
    press(&mut f, ch('+'), 20);
    press(&mut f, key(KeyCode::Enter), 20);
    press(&mut f, key(KeyCode::Enter), 20);
    f.handle(Input::Saved(at(20)), f.now);
    // 2 min 5 s into a 10-minute timebox.
    press(&mut f, balcony::flow::Input::Tick, 125);
    insta::assert_snapshot!(render(&f, W, H));
}

#[test]
fn dance_floor_with_gadfly_ideas() {
    let mut f = live_flow("Q3 customer first");
    press(&mut f, ch('n'), 60);
    for (i, idea) in [
        "Let the call centre refund without asking",
        "Scrap the NPS bonus 🙂 — it rewards the wrong thing",
        "顧客の声をそのまま聞く (hear customers unfiltered)",
    ]
    .iter()
    .enumerate()
    {
        press(&mut f, ch('g'), 70 + i as i64);
        typ(&mut f, idea, 70 + i as i64);
        if i == 1 {
            press(&mut f, key(KeyCode::Tab), 70);
            typ(&mut f, "Wei", 70);
        }
        press(&mut f, key(KeyCode::Enter), 70 + i as i64);
    }
    f.handle(Input::Saved(at(80)), f.now);
    // 16 minutes at a 15-minute checkpoint: time is up.
    press(&mut f, balcony::flow::Input::Tick, 60 + 16 * 60);
    insta::assert_snapshot!(render(&f, W, H));
}

#[test]
fn tactic_picker() {
    let mut f = live_flow("Q3 customer first");
    f.handle(Input::Saved(at(5)), f.now);
    press(&mut f, ch('-'), 5);
    typ(&mut f, "people are shutting down", 5);
    insta::assert_snapshot!(render(&f, W, H));
}

/// The readiness check before a raise: the urgency, the ripeness, the evidence.
#[test]
fn readiness_check() {
    let mut f = live_flow("Q3 customer first");
    f.handle(Input::Saved(at(5)), f.now);
    press(&mut f, ch('+'), 5);
    press(&mut f, key(KeyCode::Left), 5);
    press(&mut f, key(KeyCode::Tab), 5);
    press(&mut f, key(KeyCode::Left), 5);
    press(&mut f, key(KeyCode::Tab), 5);
    typ(&mut f, "only the call centre asks for it", 5);
    insta::assert_snapshot!("readiness_check", render(&f, W, H));
    // Kept: unripe, so the tactic picker says so and asks why.
    press(&mut f, key(KeyCode::Enter), 5);
    insta::assert_snapshot!("readiness_unripe_tactic", render(&f, W, H));
}

#[test]
fn gadfly_form() {
    let mut f = live_flow("Q3 customer first");
    f.handle(Input::Saved(at(5)), f.now);
    press(&mut f, ch('g'), 5);
    typ(&mut f, "Ask the customers to the next offsite", 5);
    insta::assert_snapshot!(render(&f, W, H));
}

#[test]
fn band_editing() {
    let mut f = live_flow("Q3 customer first");
    f.handle(Input::Saved(at(5)), f.now);
    press(&mut f, ch('b'), 5);
    press(&mut f, key(KeyCode::Tab), 5);
    press(&mut f, key(KeyCode::Up), 5);
    insta::assert_snapshot!(render(&f, W, H));
}

#[test]
fn help_overlay() {
    let mut f = live_flow("Q3 customer first");
    f.handle(Input::Saved(at(5)), f.now);
    press(&mut f, ch('?'), 5);
    insta::assert_snapshot!(render(&f, W, H));
}

#[test]
fn too_small_message_and_recovery() {
    let f = live_flow("Q3 customer first");
    let small = render(&f, 50, 12);
    assert!(small.contains("make the window larger"));
    insta::assert_snapshot!(small);
    assert!(render(&f, W, H).contains("checkpoint 1/12"));
}

#[test]
fn every_bound_action_appears_in_help() {
    for ctx in Ctx::iter() {
        let area = Rect::new(0, 0, W, H);
        let mut buf = Buffer::empty(area);
        help::render(ctx, 0, area, &mut buf, &theme::COLOR);
        let text: String = (0..H)
            .map(|y| {
                (0..W)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        for b in keymap::bindings(ctx) {
            assert!(
                text.contains(b.help),
                "{ctx:?}: {:?} ({}) is missing from help:\n{text}",
                b.action,
                b.help
            );
            let keys = keymap::keys_label(b);
            assert!(text.contains(&keys), "{ctx:?}: keys {keys} missing");
        }
    }
    for a in keymap::Action::iter() {
        assert!(
            keymap::KEYMAP.iter().any(|b| b.action == a),
            "{a:?} is not bound"
        );
    }
}

#[test]
fn the_key_bar_comes_from_the_keymap() {
    let f = live_flow("T");
    let screen = render(&f, W, H);
    let last = screen.lines().last().unwrap();
    for (keys, word, _) in keymap::bar(Ctx::Browse).into_iter().take(4) {
        assert!(last.contains(&format!("{keys} {word}")), "{last}");
    }
    let narrow = render(&f, 60, 16);
    let last = narrow.lines().last().unwrap();
    assert!(last.contains("help") && last.contains("quit"), "{last}");
}

#[test]
fn a_huge_session_renders_in_every_view() {
    let s = sample::session(10_000, 7);
    let mut f = Flow::in_session(s, t0());
    for _ in 0..9 {
        press(&mut f, key(KeyCode::Tab), 1);
        let out = render(&f, W, H);
        assert!(out.contains("checkpoint"));
    }
    press(&mut f, key(KeyCode::Home), 1);
    render(&f, 60, 16);
}

#[test]
fn wide_text_keeps_the_layout() {
    let mut f = live_flow("日本語のタイトル 🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂");
    press(&mut f, ch('a'), 1);
    typ(&mut f, &"🙂日本".repeat(200), 1);
    // The body's right border stays in its column on every row.
    let buf = render_buf(&f, W, H);
    for y in 2..H - 3 {
        assert_eq!(buf[(W - 1, y)].symbol(), "║", "row {y}");
    }
    press(&mut f, key(KeyCode::Enter), 1);
    render(&f, W, H);
    render(&f, 61, 17);
}

#[test]
fn every_mode_draws_at_the_minimum_size() {
    let opens: [&[balcony::flow::Input]; 8] = [
        &[],
        &[ch('g')],
        &[ch('+')],
        &[ch('+'), key(KeyCode::Enter)],
        &[ch('j')],
        &[ch('b')],
        &[ch('?')],
        &[ch('w')],
    ];
    for keys in opens {
        let mut f = live_flow("A title long enough to need cutting at sixty columns wide");
        for k in keys {
            press(&mut f, k.clone(), 1);
        }
        for (w, h) in [(60, 16), (61, 17), (80, 24), (200, 60)] {
            let out = render(&f, w, h);
            assert!(!out.contains("make the window larger"), "{w}x{h}");
        }
    }
    let f = Flow::start(Vec::new(), t0());
    render(&f, 60, 16);
}

#[test]
fn help_scrolls_in_a_small_window() {
    let mut f = live_flow("T");
    press(&mut f, ch('?'), 1);
    let top = render(&f, 60, 16);
    assert!(top.contains("next checkpoint"));
    assert!(!top.contains("quit (everything is already saved)"));
    for _ in 0..40 {
        press(&mut f, key(KeyCode::Down), 1);
    }
    let bottom = render(&f, 60, 16);
    assert!(
        bottom.contains("quit (everything is already saved)"),
        "{bottom}"
    );
    press(&mut f, key(KeyCode::Esc), 1);
    assert!(!f.help);
}

#[test]
fn a_failed_save_is_loud_and_work_goes_on() {
    let mut f = live_flow("T");
    f.handle(
        Input::SaveFailed("could not save sessions/t.ron: No space left on device".into()),
        f.now,
    );
    let out = render(&f, W, H);
    let header = out.lines().next().unwrap();
    assert!(header.contains("SAVE FAILED"), "{header}");
    assert!(header.contains("retrying"), "{header}");
    assert!(out.contains("No space left on device"));
    press(&mut f, ch('g'), 1);
    typ(&mut f, "still captured", 1);
    press(&mut f, key(KeyCode::Enter), 1);
    assert_eq!(f.session().unwrap().gadflies.len(), 1);
    f.handle(Input::Saved(at(2)), f.now);
    assert!(
        render(&f, W, H)
            .lines()
            .next()
            .unwrap()
            .contains("saved 14:00:02")
    );
}
