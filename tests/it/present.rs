//! `balcony present`: following a session file that another thread saves in
//! a loop, never showing a partial file, and drawing the room's view of it.

use crate::common;

use std::time::{Duration, Instant};

use balcony::flow::Input;
use balcony::session::{Note, NoteKind, Session, store};
use balcony::shell::present::{Follower, POLL, PresentScreen};
use balcony::ui::projector::Frame;
use balcony::ui::theme::ThemeName;
use balcony::workshop::Builtin;
use common::*;
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn screen_text(f: &Follower, now: balcony::session::Timestamp) -> String {
    let area = Rect::new(0, 0, 100, 30);
    let mut buf = Buffer::empty(area);
    let theme = ThemeName::DarkProjector.builtin();
    PresentScreen {
        follower: f,
        now,
        theme: &theme,
        warning: None,
    }
    .render(area, &mut buf);
    (0..30)
        .map(|y| (0..100).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

/// Polls until `done` holds, checking `each` after every poll; panics at the
/// deadline.
fn follow_until(
    f: &mut Follower,
    mut each: impl FnMut(&Follower),
    done: impl Fn(&Follower) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        f.poll();
        each(f);
        if done(f) {
            return;
        }
        assert!(Instant::now() < deadline, "not seen before the deadline");
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn follows_saves_in_a_loop_and_never_sees_a_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.ron");
    let mut s = Session::new(Builtin::Default.workshop(), "round 0", "Ana", t0());
    store::save(&path, &s).unwrap();
    let mut f = Follower::new(&path);
    assert!(f.poll());
    assert_eq!(f.session.as_ref().unwrap().meta.title, "round 0");
    assert!(!f.poll(), "nothing changed, nothing loaded");

    let writer_path = path.clone();
    // Each round is a durable save (two fsyncs): enough rounds to race the
    // reader, few enough for a loaded CI machine.
    const ROUNDS: usize = 120;
    let writer = std::thread::spawn(move || {
        for i in 1..=ROUNDS {
            s.meta.title = format!("round {i}");
            // The file grows and shrinks, so a torn read could not parse.
            s.notes = (0..(i % 17) * 20)
                .map(|n| Note {
                    id: n as u32 + 1,
                    at: t0(),
                    checkpoint: "frame".into(),
                    kind: NoteKind::Observation,
                    text: format!("note {n} of round {i}: {}", "x".repeat(n % 50)),
                })
                .collect();
            s.next_id = s.notes.len() as u32 + 1;
            store::save(&writer_path, &s).unwrap();
        }
    });
    let mut titles = std::collections::BTreeSet::new();
    follow_until(
        &mut f,
        |f| {
            assert!(f.problem.is_none(), "a partial file: {:?}", f.problem);
            titles.insert(f.session.as_ref().unwrap().meta.title.clone());
        },
        |f| f.session.as_ref().unwrap().meta.title == format!("round {ROUNDS}"),
    );
    writer.join().unwrap();
    assert!(titles.len() >= 2, "{titles:?}");
    assert!(f.loads >= 2);
}

#[test]
fn a_change_shows_within_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.ron");
    let mut s = Session::new(Builtin::Default.workshop(), "t", "Ana", t0());
    store::save(&path, &s).unwrap();
    let mut f = Follower::new(&path);
    f.poll();
    s.progress.current = 3;
    store::save(&path, &s).unwrap();
    // One poll after the save is all it takes; the app polls every 200 ms.
    assert!(POLL <= Duration::from_millis(500));
    assert!(f.poll());
    let frame = Frame::from_session(f.session.as_ref().unwrap(), t0());
    assert_eq!(frame.n, 4);
    assert!(screen_text(&f, t0()).contains("checkpoint 4/12"));
}

#[test]
fn a_bad_version_keeps_the_last_good_frame_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.ron");
    let s = Session::new(Builtin::Default.workshop(), "t", "Ana", t0());
    store::save(&path, &s).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut f = Follower::new(&path);
    f.poll();
    let good = screen_text(&f, t0());
    // Someone edits the file by hand and breaks it.
    std::fs::write(&path, "(schema: 1, meta: (").unwrap();
    assert!(f.poll());
    assert!(f.problem.is_some());
    assert_eq!(f.session.as_ref().unwrap(), &s, "the last good one stays");
    let shown = screen_text(&f, t0());
    assert!(shown.contains("could not be read just now"), "{shown}");
    assert!(shown.contains("checkpoint 1/12"));
    assert_ne!(good, shown);
    // Put right again: shown again, and following never wrote the file.
    std::fs::write(&path, &before).unwrap();
    follow_until(&mut f, |_| {}, |f| f.problem.is_none());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_missing_file_is_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-yet.ron");
    let mut f = Follower::new(&path);
    f.poll();
    let t = screen_text(&f, t0());
    assert!(t.contains("waiting for the session file"), "{t}");
    store::save(
        &path,
        &Session::new(Builtin::Default.workshop(), "t", "Ana", t0()),
    )
    .unwrap();
    assert!(f.poll());
    assert!(f.session.is_some() && f.problem.is_none());
}

#[test]
fn the_presenter_clock_runs_with_the_facilitators() {
    let mut flow = live_flow("t");
    press(&mut flow, Input::Tick, 95);
    press(&mut flow, ch('n'), 100);
    press(&mut flow, ch('x'), 130);
    // The facilitator's app ticks (and saves at least every 30 s); the file
    // as saved then, read up to half a minute later, agrees with the app.
    for secs in [130, 131, 200, 900, 1200] {
        press(&mut flow, Input::Tick, secs);
        let ses = flow.session().unwrap().as_ref().clone();
        for later in [0, 1, 29] {
            let live = Frame::from_live(flow.live().unwrap(), at(secs + later));
            assert_eq!(
                Frame::from_session(&ses, at(secs + later)),
                live,
                "at {secs}+{later}"
            );
        }
    }
    // Paused: the presenter's clock stops too.
    press(&mut flow, ch(' '), 1300);
    let ses = flow.session().unwrap().as_ref().clone();
    let a = Frame::from_session(&ses, at(1400));
    let b = Frame::from_session(&ses, at(1900));
    assert_eq!(a, b);
    assert!(a.paused);
    assert_eq!(a, Frame::from_live(flow.live().unwrap(), at(1900)));
    // Running again, then the app dies without a word: the presenter's
    // clock stops soon after, and says so.
    press(&mut flow, ch(' '), 2001);
    let ses = flow.session().unwrap().as_ref().clone();
    let running = Frame::from_session(&ses, at(2020));
    assert!(!running.paused);
    let f1 = Frame::from_session(&ses, at(3000));
    let f2 = Frame::from_session(&ses, at(4000));
    assert_eq!(f1, f2);
    assert!(f1.remaining > running.remaining - 60, "{f1:?}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crashed.ron");
    store::save(&path, &ses).unwrap();
    let mut follower = Follower::new(&path);
    follower.poll();
    assert!(!screen_text(&follower, at(2010)).contains("has not saved"));
    assert!(screen_text(&follower, at(3000)).contains("has not saved for a while"));
    press(&mut flow, ch(' '), 3002);
    // Quitting stops it as well.
    press(&mut flow, ch(' '), 3010);
    press(&mut flow, key(KeyCode::Char('q')), 3020);
    let ses = flow.session().unwrap().as_ref().clone();
    assert!(ses.progress.running_since.is_none());
}
