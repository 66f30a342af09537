//! Snapshots of each screen at 100×30 with a fixed clock, and the help
//! overlay checked against the keymap.

use crate::common;

use std::path::PathBuf;

use crate::harness::{H, Harness, W};
use balcony::flow::{Flow, Input};
use balcony::keymap::{self, Action, Ctx};
use balcony::sample;
use balcony::ui::{help, items, theme};
use common::*;
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use strum::IntoEnumIterator;

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
    let mut h = Harness::live("Q3 customer first");
    h.at(10).press(Action::Add);
    h.type_text("Nobody mentioned the refund backlog");
    h.press(Action::Accept);
    // The readiness check first, then the tactic.
    h.at(20).press(Action::Raise);
    h.press(Action::Accept);
    h.press(Action::Accept);
    h.input(Input::Saved(at(20)));
    // 2 min 5 s into a 10-minute timebox.
    h.at(125).input(Input::Tick);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn dance_floor_with_gadfly_ideas() {
    let mut h = Harness::live("Q3 customer first");
    h.at(60).press(Action::Next);
    for (i, idea) in [
        "Let the call centre refund without asking",
        "Scrap the NPS bonus 🙂 — it rewards the wrong thing",
        "顧客の声をそのまま聞く (hear customers unfiltered)",
    ]
    .iter()
    .enumerate()
    {
        h.at(70 + i as i64).press(Action::Gadfly);
        h.type_text(idea);
        if i == 1 {
            h.press(Action::FieldNext);
            h.type_text("Wei");
        }
        h.press(Action::Accept);
    }
    h.input(Input::Saved(at(80)));
    // 16 minutes at a 15-minute checkpoint: time is up.
    h.at(60 + 16 * 60).input(Input::Tick);
    insta::assert_snapshot!(h.screen());
}

/// A live session, saved five seconds in.
fn saved_at_5() -> Harness {
    let mut h = Harness::live("Q3 customer first");
    h.input(Input::Saved(at(5)));
    h.at(5);
    h
}

#[test]
fn tactic_picker() {
    let mut h = saved_at_5();
    h.press(Action::Lower);
    h.type_text("people are shutting down");
    insta::assert_snapshot!(h.screen());
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
    let mut h = saved_at_5();
    h.press(Action::Gadfly);
    h.type_text("Ask the customers to the next offsite");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn band_editing() {
    let mut h = saved_at_5();
    h.press(Action::Band);
    h.press(Action::EdgeSwitch);
    h.press(Action::EdgeUp);
    insta::assert_snapshot!(h.screen());
}

#[test]
fn help_overlay() {
    let mut h = saved_at_5();
    h.press(Action::Help);
    insta::assert_snapshot!(h.screen());
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
    let keys = keymap::Keymap::default();
    for ctx in Ctx::iter() {
        let area = Rect::new(0, 0, W, H);
        let mut buf = Buffer::empty(area);
        help::render(&keys, ctx, 0, area, &mut buf, &theme::COLOR);
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
            let label = keys.keys_label(b);
            assert!(text.contains(&label), "{ctx:?}: keys {label} missing");
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
    for (keys, word, _) in f.keymap.bar(Ctx::Browse).into_iter().take(4) {
        assert!(last.contains(&format!("{keys} {word}")), "{last}");
    }
    let narrow = render(&f, 60, 16);
    let last = narrow.lines().last().unwrap();
    assert!(last.contains("help") && last.contains("quit"), "{last}");
}

/// The start of the selected item's one-line summary, as its row shows it.
fn selected_row(f: &Flow) -> String {
    let live = f.live().unwrap();
    let (text, _) = items::summary(live.s(), live.kind, live.selected());
    text.chars().take(24).collect()
}

#[test]
fn a_huge_session_renders_in_every_view() {
    let mut h = Harness::new(Flow::in_session(sample::session(10_000, 7), t0()));
    let order = h.flow.live().unwrap().kind_order();
    // Each kind's list in turn, then round to the first: its selected (the
    // newest) item is on screen, among thousands.
    for &kind in &order {
        assert_eq!(h.flow.live().unwrap().kind, kind);
        let n = h.flow.session().unwrap().count(kind);
        assert!(n > 0, "the sample has no {kind:?}");
        let row = selected_row(&h.flow);
        assert!(!row.is_empty(), "{kind:?}");
        let live = h.flow.live().unwrap();
        let title = live.checkpoint().title.clone();
        let id = format!("#{} ", items::id_of(live.s(), kind, live.selected()));
        for (w, h_) in [(W, H), (60, 16)] {
            let out = h.screen_sized(w, h_);
            assert!(out.contains(&title), "{kind:?} at {w}x{h_}:\n{out}");
            assert!(
                out.contains(&id),
                "{kind:?} at {w}x{h_}: {id} not shown:\n{out}"
            );
            if w == W {
                assert!(out.contains(&row), "{kind:?}: {row} not shown:\n{out}");
            }
        }
        h.press(Action::KindNext);
    }
    assert_eq!(h.flow.live().unwrap().kind, order[0]);
    // The oldest item, at the other end of the list.
    h.press(Action::First);
    assert_eq!(h.flow.live().unwrap().selected(), 0);
    let row = selected_row(&h.flow);
    assert!(h.screen().contains(&row), "{row}");
    // The room's view: the wall, paged.
    h.press(Action::Projector);
    for (w, h_) in [(W, H), (60, 16)] {
        let out = h.screen_sized(w, h_);
        assert!(out.contains("page 1/"), "{w}x{h_}:\n{out}");
    }
    h.press(Action::Projector);
    h.press(Action::Help);
    assert!(h.screen().contains("next checkpoint"));
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

/// The key bar's entries that are always shown in `ctx` (help, quit, the
/// way out), as drawn: "?/F1 help".
fn always_in_bar(f: &Flow, ctx: Ctx) -> Vec<String> {
    f.keymap
        .bar(ctx)
        .into_iter()
        .filter(|(_, _, a)| {
            matches!(
                a,
                Action::Help | Action::Quit | Action::CloseHelp | Action::Cancel
            )
        })
        .map(|(k, w, _)| format!("{k} {w}"))
        .collect()
}

#[test]
fn every_mode_draws_at_the_minimum_size() {
    let opens: [(&[Action], Ctx, &str); 8] = [
        (&[], Ctx::Browse, "Frame the gap"),
        (&[Action::Gadfly], Ctx::Form, "gadfly"),
        (&[Action::Raise], Ctx::Readiness, "ripe"),
        (&[Action::Raise, Action::Accept], Ctx::Picker, "tactic"),
        (&[Action::Jump], Ctx::Picker, "Frame the gap"),
        (&[Action::Band], Ctx::Band, "band"),
        (&[Action::Help], Ctx::Help, "next checkpoint"),
        (&[Action::Road], Ctx::Picker, "road"),
    ];
    for (actions, ctx, word) in opens {
        let mut h = Harness::live("A title long enough to need cutting at sixty columns wide");
        for &a in actions {
            h.press(a);
        }
        assert_eq!(h.flow.ctx(), ctx, "{actions:?}");
        let bar = always_in_bar(&h.flow, ctx);
        assert!(!bar.is_empty(), "{ctx:?}");
        for (w, h_) in [(60, 16), (61, 17), (80, 24), (200, 60)] {
            let out = h.screen_sized(w, h_);
            assert!(!out.contains("make the window larger"), "{w}x{h_}");
            assert!(out.contains(word), "{ctx:?} at {w}x{h_}: no {word}:\n{out}");
            for entry in &bar {
                assert!(
                    out.contains(entry),
                    "{ctx:?} at {w}x{h_}: no {entry}:\n{out}"
                );
            }
        }
    }
    let h = Harness::start(Vec::new());
    let out = h.screen_sized(60, 16);
    assert!(!out.contains("make the window larger"), "{out}");
    assert!(out.contains("New session"), "{out}");
    for entry in always_in_bar(&h.flow, Ctx::Start) {
        assert!(out.contains(&entry), "no {entry}:\n{out}");
    }
    // One row less is too small, and says so.
    assert!(h.screen_sized(60, 15).contains("make the window larger"));
    assert!(h.screen_sized(59, 16).contains("make the window larger"));
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
