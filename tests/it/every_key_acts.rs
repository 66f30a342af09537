//! The reverse of the help test: every key the keymap lists, pressed where
//! it applies, changes the flow's state, asks for an effect, or changes what
//! is drawn. A row whose key does nothing fails here.

use std::path::Path;

use balcony::flow::form::Value;
use balcony::flow::join::{Arrival, JoinPlace};
use balcony::flow::{Effect, Flow, Focus, Input};
use balcony::keymap::{self, Action, Ctx};
use balcony::review;
use balcony::session::{ItemKind, store};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use strum::IntoEnumIterator;

use crate::common::*;

const W: u16 = 100;
const H: u16 = 30;

/// Feeds an input at the flow's own time (the clock is not what is tested).
fn feed(f: &mut Flow, input: Input) -> Vec<Effect> {
    let now = f.now;
    f.handle(input, now)
}

fn press_char(f: &mut Flow, c: char) {
    feed(f, ch(c));
}

fn press_code(f: &mut Flow, code: KeyCode) {
    feed(f, key(code));
}

/// A session with every kind of item, at a checkpoint in the middle.
fn browsing() -> Flow {
    let mut f = Flow::in_session(balcony::sample::session(300, 7), t0());
    let last = f.live().unwrap().s().workshop.checkpoints.len() - 1;
    while f.live().unwrap().s().progress.current == 0 {
        press_code(&mut f, KeyCode::Right);
    }
    if f.live().unwrap().s().progress.current == last {
        press_code(&mut f, KeyCode::Left);
    }
    show_kind(&mut f, ItemKind::Gadfly);
    f
}

/// Tab to `kind`, then select an item with others above and below it.
fn show_kind(f: &mut Flow, kind: ItemKind) {
    for _ in 0..20 {
        if f.live().unwrap().kind == kind {
            break;
        }
        press_code(f, KeyCode::Tab);
    }
    assert_eq!(f.live().unwrap().kind, kind);
    let count = f.live().unwrap().s().count(kind);
    assert!(count >= 3, "the sample has too few of {kind:?}: {count}");
    // The newest is selected; one up leaves room both ways.
    press_code(f, KeyCode::Up);
}

fn join_open(f: &mut Flow) {
    let place = JoinPlace {
        choices: 2,
        size: 40,
        ..JoinPlace::default()
    };
    let url = "http://127.0.0.1:40123/j/ABCDEFGHJKMN".to_string();
    feed(f, Input::JoinOpened { url, place });
}

fn phones_send(f: &mut Flow) {
    let mut list: Vec<Arrival> = (0..3)
        .map(|i| Arrival::Idea {
            text: format!("idea {i} from a phone"),
            name: None,
        })
        .collect();
    list.extend((0..3u8).map(|i| Arrival::Reading {
        device: format!("phone {i}"),
        level: 4 + i,
    }));
    feed(f, Input::Join(list));
}

/// The files review lists: three sessions.
fn archive(dir: &Path) {
    for seed in 1..=3 {
        let s = balcony::sample::session(60, seed);
        store::save(&dir.join(format!("2026-11-2{seed}-1400-s{seed}.ron")), &s).unwrap();
    }
}

fn reviewing(dir: &Path) -> Flow {
    let mut f = Flow::in_review(dir.to_path_buf(), review::load_dir(dir).unwrap(), t0());
    feed(&mut f, Input::Resize(W, H));
    f
}

/// Carries out review's read effects as the app does.
fn carry_out(f: &mut Flow, effects: Vec<Effect>) {
    for e in effects {
        match e {
            Effect::ReviewOpen(path) => {
                let session = store::load(&path).map(Box::new).map_err(|e| e.to_string());
                feed(f, Input::ReviewLoaded { path, session });
            }
            Effect::ReviewCompare(paths) => {
                feed(f, Input::ReviewCompared(review::load_full(&paths)));
            }
            _ => {}
        }
    }
}

/// A flow in `ctx`, made ready for `action` to have something to act on.
fn ready(ctx: Ctx, action: Action, dir: &Path) -> Flow {
    let mut f = match ctx {
        Ctx::Start => {
            let recent = ["a.ron", "b.ron", "c.ron"].map(Into::into).to_vec();
            let mut f = Flow::start(recent, t0());
            match action {
                // The list of recent sessions, its middle one chosen.
                Action::Up | Action::Down => {
                    let tabs = f.start.form.fields.len();
                    (0..tabs).for_each(|_| press_code(&mut f, KeyCode::Tab));
                    press_code(&mut f, KeyCode::Down);
                }
                Action::ChoiceNext | Action::ChoicePrev => focus_choice(&mut f),
                Action::Accept => typ(&mut f, "Q3 customer first", 0),
                Action::FieldPrev => press_code(&mut f, KeyCode::Tab),
                _ => {}
            }
            f
        }
        Ctx::Browse => {
            let mut f = browsing();
            match action {
                Action::Undo => press_char(&mut f, 'x'),
                Action::JoinClose | Action::JoinAddress => join_open(&mut f),
                Action::Queue | Action::RoomDiscard => {
                    join_open(&mut f);
                    phones_send(&mut f);
                }
                Action::Fired => show_kind(&mut f, ItemKind::Polarity),
                _ => {}
            }
            f
        }
        // The readiness check before a raise: its first question is a choice.
        Ctx::Readiness => {
            let mut f = browsing();
            press_char(&mut f, '+');
            if action == Action::FieldPrev {
                press_code(&mut f, KeyCode::Tab);
            }
            f
        }
        Ctx::Form => {
            let mut f = browsing();
            press_char(&mut f, 'g');
            match action {
                Action::Accept => typ(&mut f, "Pay the front line for ideas", 0),
                Action::FieldPrev => press_code(&mut f, KeyCode::Tab),
                Action::ChoiceNext | Action::ChoicePrev => focus_choice(&mut f),
                _ => {}
            }
            f
        }
        Ctx::Picker => {
            let mut f = browsing();
            press_char(&mut f, '-');
            if action == Action::Up {
                press_code(&mut f, KeyCode::Down);
            }
            f
        }
        Ctx::Band => {
            let mut f = browsing();
            press_char(&mut f, 'b');
            f
        }
        Ctx::Help => {
            let mut f = browsing();
            press_char(&mut f, '?');
            if action == Action::Up {
                press_code(&mut f, KeyCode::Down);
            }
            f
        }
        Ctx::Queue => {
            let mut f = browsing();
            join_open(&mut f);
            phones_send(&mut f);
            press_char(&mut f, 'i');
            if action == Action::Up {
                press_code(&mut f, KeyCode::Down);
            }
            f
        }
        Ctx::Reading => {
            let mut f = browsing();
            if action == Action::RoomMedian {
                join_open(&mut f);
                phones_send(&mut f);
            }
            press_char(&mut f, '=');
            if action == Action::Accept {
                press_char(&mut f, '5');
            }
            f
        }
        Ctx::Review | Ctx::ReviewFilter | Ctx::ReviewView | Ctx::ReviewCompare => {
            let mut f = reviewing(dir);
            press_code(&mut f, KeyCode::Down);
            match ctx {
                Ctx::ReviewFilter => {
                    press_char(&mut f, '/');
                    press_char(&mut f, 's');
                }
                Ctx::ReviewView => {
                    let effects = feed(&mut f, key(KeyCode::Enter));
                    carry_out(&mut f, effects);
                }
                Ctx::ReviewCompare => mark_two_and(&mut f, true),
                _ if action == Action::Compare => mark_two_and(&mut f, false),
                _ => {}
            }
            // Scrolled off the top, so that up and first have somewhere to go;
            // two short sessions compared fit a window, so the window is low.
            if matches!(ctx, Ctx::ReviewView | Ctx::ReviewCompare) {
                feed(&mut f, Input::Resize(W, 12));
                press_code(&mut f, KeyCode::PageDown);
            }
            f
        }
        Ctx::Unsaved => {
            let mut f = browsing();
            feed(&mut f, Input::SaveFailed("disk full".into()));
            press_char(&mut f, 'q');
            f
        }
        Ctx::Present => unreachable!("present is not driven by the flow"),
    };
    // A notice left by getting ready would make any key look like it acted.
    f.notice = None;
    f
}

fn mark_two_and(f: &mut Flow, compare: bool) {
    press_char(f, ' ');
    press_code(f, KeyCode::Down);
    press_char(f, ' ');
    if compare {
        let effects = feed(f, ch('c'));
        carry_out(f, effects);
    }
}

/// Moves the focus of the open form (the start screen's, or an item's) to
/// a choice field.
fn focus_choice(f: &mut Flow) {
    for _ in 0..12 {
        let form = match &f.live().map(|l| &l.mode) {
            Some(Focus::Form(form)) => form.as_ref(),
            _ => &f.start.form,
        };
        if matches!(form.fields[form.focus].value, Value::Choice { .. }) {
            return;
        }
        press_code(f, KeyCode::Tab);
    }
    panic!("no choice field in this form");
}

fn event(k: keymap::Key) -> KeyEvent {
    KeyEvent::new(k.code, k.mods)
}

#[test]
fn every_listed_key_does_something_where_it_applies() {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let mut checked = 0;
    let keys = keymap::Keymap::default();
    for ctx in Ctx::iter().filter(|c| *c != Ctx::Present) {
        for b in keymap::bindings(ctx) {
            let before = ready(ctx, b.action, dir.path());
            assert_eq!(before.ctx(), ctx, "{ctx:?} {:?}: not ready", b.action);
            for &k in keys.keys_of(b) {
                let mut after = before.clone();
                let effects = feed(&mut after, Input::Key(event(k)));
                let acted = !effects.is_empty()
                    || format!("{after:?}") != format!("{before:?}")
                    || render(&after, W, H) != render(&before, W, H);
                assert!(acted, "{ctx:?}: {} ({:?}) did nothing", k.label(), b.action);
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "only {checked} keys were pressed");
}

/// The presenter reads only two keys, both handled by its loop.
#[test]
fn present_lists_only_the_keys_its_loop_reads() {
    let listed: Vec<Action> = keymap::bindings(Ctx::Present).map(|b| b.action).collect();
    assert_eq!(listed, [Action::Quit, Action::Suspend]);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(
        keymap::Keymap::default().action(Ctx::Present, &q),
        Some(Action::Quit)
    );
}
