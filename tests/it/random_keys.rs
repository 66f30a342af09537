//! Random key sequences: the flow never panics, the checkpoint index and the
//! level stay valid, every screen draws, and the session always saves into a
//! file that loads back.
//!
//! A few hundred cases by default; `BALCONY_LONG=1` runs 10,000
//! (`PROPTEST_CASES=N` sets any number).

use crate::common;

use std::path::Path;

use balcony::flow::form::Value;
use balcony::flow::frame::Frame;
use balcony::flow::wall_layout::paginate;
use balcony::flow::{Effect, Flow, Input, Screen};
use balcony::keymap::Action;
use balcony::ronfile;
use balcony::session::validate::{MAX_SPENT_SECS, MAX_TEXT_CHARS};
use balcony::session::{SCALE_MAX, Session, store};
use balcony::workshop::Builtin;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;

fn cases() -> u32 {
    if std::env::var_os("BALCONY_LONG").is_some() {
        10_000
    } else {
        ProptestConfig::default().cases
    }
}

fn any_input() -> impl Strategy<Value = Input> {
    let chars = prop::sample::select(vec![
        'n', 'p', 's', 'j', 'g', 'a', '+', '-', 'h', 'b', ' ', 't', 'x', 'X', 'f', 'r', 'w', 'u',
        '?', 'q', 'e', 'z', '!', '日', '🙂', '@', '\u{301}', '\u{200b}',
    ]);
    let codes = prop::sample::select(vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::F(1),
    ]);
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL,
    ]);
    prop_oneof![
        8 => (chars, mods.clone()).prop_map(|(c, m)| {
            // Ctrl-C quits; keep the walk going most of the time.
            let m = if c == 'q' { KeyModifiers::NONE } else { m };
            Input::Key(KeyEvent::new(KeyCode::Char(c), m))
        }),
        6 => (codes, mods).prop_map(|(c, m)| Input::Key(KeyEvent::new(c, m))),
        1 => "\\PC{0,40}".prop_map(Input::Paste),
        1 => Just(Input::Tick),
        1 => (1u16..200, 1u16..60).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

fn check(flow: &Flow) -> Result<(), TestCaseError> {
    if let Some(s) = flow.session() {
        prop_assert!(s.progress.current < s.workshop.checkpoints.len());
        prop_assert!(s.level() <= SCALE_MAX);
        prop_assert!(s.band.is_valid());
    }
    if let Screen::Live(live) = &flow.screen {
        // The wall's pages kept from the step before are the pages a fresh
        // measure gives now: every change the step made was seen.
        let frame = Frame::from_live(live, flow.now);
        for (w, h) in [(60, 12), (120, 30)] {
            let kept = flow.wall_pages.pages(&frame.wall, w, h);
            prop_assert_eq!(&*kept, &paginate(&frame.wall, w, h));
        }
    }
    Ok(())
}

fn round_trip(s: &Session) -> Result<(), TestCaseError> {
    let text = ronfile::to_pretty(s).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back = store::load_str(Path::new("prop.ron"), &text);
    prop_assert!(back.is_ok(), "{}", back.err().unwrap());
    prop_assert_eq!(&back.unwrap(), s);
    Ok(())
}

/// A session at the edges of what a file holds: ids nearly used up, time
/// spent nearly a century, a title of the longest text a field takes.
fn edge_session(solo: bool, ids_left: u32, spent: u64, long_title: bool) -> Session {
    let w = if solo {
        Builtin::Solo
    } else {
        Builtin::Default
    };
    let title = if long_title {
        "é".repeat(MAX_TEXT_CHARS)
    } else {
        "edges".to_string()
    };
    let mut s = Session::new(w.workshop(), &title, "", t0());
    s.next_id = u32::MAX - ids_left;
    for cp in &mut s.progress.checkpoints {
        cp.spent_secs = spent;
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Whatever the flow saves, balcony loads, equal: through the saver's own
    /// door (`save_checked`), from the disk, at the edges of every limit.
    #[test]
    fn every_saved_file_loads_and_equals_what_was_saved(
        solo in any::<bool>(),
        ids_left in prop_oneof![Just(0u32), Just(1), Just(3), 0u32..40, Just(u32::MAX - 1)],
        spent in prop_oneof![Just(0u64), Just(MAX_SPENT_SECS - 5), Just(MAX_SPENT_SECS)],
        long_title in any::<bool>(),
        steps in prop::collection::vec(
            (
                prop_oneof![
                    8 => any_input(),
                    // Pastes longer than a field holds.
                    1 => Just(Input::Paste("ü".repeat(MAX_TEXT_CHARS + 7))),
                ],
                // The clock may also jump by years.
                prop_oneof![4 => 0i64..120, 1 => Just(3 * 366 * 24 * 3600i64)],
            ),
            1..80,
        ),
    ) {
        let start = edge_session(solo, ids_left, spent, long_title);
        prop_assert_eq!(balcony::session::validate::session(&start), vec![]);
        let mut flow = Flow::in_session(start, t0());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edges.ron");
        let mut known = None;
        let mut secs = 0i64;
        for (input, dt) in steps {
            secs += dt;
            flow.handle(input, at(secs));
        }
        let s = flow.session().unwrap();
        store::save_checked(&path, s, &mut known).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = store::load(&path);
        prop_assert!(back.is_ok(), "{}", back.err().unwrap());
        prop_assert_eq!(&back.unwrap(), &**s);
    }

    #[test]
    fn random_keys_keep_the_session_valid(
        solo in any::<bool>(),
        steps in prop::collection::vec((any_input(), 0i64..120), 1..150),
        size in (20u16..160, 5u16..50),
    ) {
        let w = if solo { Builtin::Solo } else { Builtin::Default };
        let mut flow = Flow::in_session(Session::new(w.workshop(), "prop", "", t0()), t0());
        let mut secs = 0;
        for (input, dt) in steps {
            secs += dt;
            flow.handle(input, at(secs));
            check(&flow)?;
        }
        render(&flow, size.0, size.1);
        round_trip(flow.session().unwrap())?;
    }

    #[test]
    fn random_keys_on_the_start_screen(
        steps in prop::collection::vec(any_input(), 1..60),
    ) {
        let mut flow = Flow::start(vec!["a.ron".into(), "b.ron".into()], t0());
        for input in steps {
            for effect in flow.handle(input, t0()) {
                // Only what the start screen may ask for.
                prop_assert!(
                    matches!(
                        effect,
                        Effect::Create(_) | Effect::Open(_) | Effect::Review | Effect::Quit | Effect::Suspend
                    ),
                    "{effect:?}"
                );
                if let Effect::Open(p) = &effect {
                    prop_assert!(flow.start.recent.contains(p), "{p:?}");
                }
            }
            // Keys alone never leave it: a session begins only when the app
            // answers with one.
            prop_assert!(matches!(flow.screen, Screen::Start));
            prop_assert!(flow.start.sel < 2, "{}", flow.start.sel);
            let within = flow.start.form.fields.iter().all(|f| match &f.value {
                Value::Text { area, .. } => area.lines().join("\n").chars().count() <= MAX_TEXT_CHARS,
                _ => true,
            });
            prop_assert!(within, "a field holds more than a field may");
        }
        let out = render(&flow, 100, 30);
        prop_assert!(flow.help || out.contains("New session"), "{}", out);
        // The key bar of where the keys now go, with its way out.
        let bar = out.lines().last().unwrap_or_default();
        let ways_out: Vec<String> = flow
            .keymap
            .bar(flow.ctx())
            .into_iter()
            .filter(|(_, _, a)| matches!(a, Action::Help | Action::Quit | Action::CloseHelp))
            .map(|(k, w, _)| format!("{k} {w}"))
            .collect();
        prop_assert!(!ways_out.is_empty());
        for entry in ways_out {
            prop_assert!(bar.contains(&entry), "{} not in {}", entry, out);
        }
    }
}
