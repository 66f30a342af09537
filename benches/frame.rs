//! Keystroke to finished frame: the flow handles a key, then the whole screen
//! is drawn into a terminal buffer, as the app loop does. Sessions of 10,
//! 1,000 and 10,000 items; target (issues 3 and 7): median under 2 ms, flat
//! in session size. Then the wall (issue 12): the projector view with 500
//! items at the current checkpoint, paged and spotlit, against the same
//! target. Run with `cargo bench --bench frame`.
//!
//! A key that changes the session also hands a snapshot to "the saver"
//! (kept alive until the next change, as the saver thread would while it
//! writes), so the copy-on-write of the session is counted.

mod support;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use balcony::flow::{Effect, Flow, Input};
use balcony::session::{Session, Timestamp};
use chrono::TimeZone;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TARGET: Duration = Duration::from_millis(2);
const ROUNDS: usize = 40;

fn key(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn t0() -> Timestamp {
    chrono::FixedOffset::east_opt(3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 11, 23, 15, 0, 0)
        .single()
        .expect("date")
}

/// One round of what a facilitator does: move, scroll, switch kind, record
/// a reading, come back.
fn script() -> Vec<(&'static str, Input)> {
    vec![
        ("next", key(KeyCode::Right)),
        ("down", key(KeyCode::Down)),
        ("end", key(KeyCode::End)),
        ("tab", key(KeyCode::Tab)),
        ("raise", key(KeyCode::Char('+'))),
        ("tactic", key(KeyCode::Enter)),
        ("reason", key(KeyCode::Enter)),
        ("home", key(KeyCode::Home)),
        ("previous", key(KeyCode::Left)),
        ("help", key(KeyCode::Char('?'))),
        ("help off", key(KeyCode::Char('?'))),
    ]
}

/// A round on the wall: page through it, spotlight an item, read the room.
fn wall_script() -> Vec<(&'static str, Input)> {
    vec![
        ("page", key(KeyCode::Char(']'))),
        ("page", key(KeyCode::Char(']'))),
        ("back", key(KeyCode::Char('['))),
        ("down", key(KeyCode::Down)),
        ("spotlight", key(KeyCode::Char('z'))),
        ("spotlight off", key(KeyCode::Char('z'))),
        ("tab", key(KeyCode::Tab)),
        ("reading", key(KeyCode::Char('='))),
        ("level", key(KeyCode::Char('5'))),
        ("record", key(KeyCode::Enter)),
    ]
}

/// A session whose every item was captured at the checkpoint it stands at.
fn all_here(items: usize) -> Session {
    let mut s = balcony::sample::session(items, 1);
    let cp = s.current_checkpoint_id().to_string();
    macro_rules! here {
        ($($list:ident),*) => {$(
            for x in s.$list.iter_mut() {
                x.checkpoint = cp.clone();
            }
        )*};
    }
    here!(
        gadflies,
        facts,
        splits,
        polarities,
        factions,
        assumptions,
        avoidance,
        commitments,
        notes
    );
    s
}

fn measure(session: Session) -> (Vec<Duration>, Vec<(&'static str, Duration)>) {
    measure_with(session, script, false)
}

fn measure_with(
    session: Session,
    script: fn() -> Vec<(&'static str, Input)>,
    projector: bool,
) -> (Vec<Duration>, Vec<(&'static str, Duration)>) {
    let mut now = t0();
    let mut flow = Flow::in_session(session, now);
    if projector {
        flow.handle(key(KeyCode::Char('v')), now);
        assert!(flow.projector);
    }
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    support::draw(&mut term, &flow);
    let mut at_saver: Option<Arc<Session>> = None;
    let mut all = Vec::new();
    let mut per_key: Vec<(&'static str, Vec<Duration>)> =
        script().into_iter().map(|(n, _)| (n, Vec::new())).collect();
    for _ in 0..ROUNDS {
        for (i, (_, input)) in script().into_iter().enumerate() {
            now += chrono::Duration::seconds(1);
            let start = Instant::now();
            let effects = flow.handle(input, now);
            if effects.contains(&Effect::Save) {
                at_saver = flow.session().cloned();
            }
            support::draw(&mut term, &flow);
            let took = start.elapsed();
            black_box(&at_saver);
            all.push(took);
            per_key[i].1.push(took);
        }
    }
    let per_key = per_key
        .into_iter()
        .map(|(n, mut v)| {
            v.sort();
            (n, v[v.len() / 2])
        })
        .collect();
    all.sort();
    (all, per_key)
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    println!(
        "keystroke to frame, 120x40, {ROUNDS} rounds of {} keys",
        script().len()
    );
    for items in [10, 1_000, 10_000] {
        let (all, per_key) = measure(balcony::sample::session(items, 1));
        let median = all[all.len() / 2];
        let p99 = all[all.len() * 99 / 100];
        println!(
            "items {items:>6}: median {}  p99 {}  max {}  target {} median  {}",
            ms(median),
            ms(p99),
            ms(*all.last().expect("runs")),
            ms(TARGET),
            if median <= TARGET { "ok" } else { "MISSED" }
        );
        let keys: Vec<String> = per_key
            .iter()
            .map(|(n, d)| format!("{n} {}", ms(*d)))
            .collect();
        println!("    per key (median): {}", keys.join(", "));
    }
    let session = all_here(500);
    let here = session.item_count();
    let (all, per_key) = measure_with(session, wall_script, true);
    let median = all[all.len() / 2];
    println!(
        "wall, {here} items here: median {}  p99 {}  max {}  target {} median  {}",
        ms(median),
        ms(all[all.len() * 99 / 100]),
        ms(*all.last().expect("runs")),
        ms(TARGET),
        if median <= TARGET { "ok" } else { "MISSED" }
    );
    let keys: Vec<String> = per_key
        .iter()
        .map(|(n, d)| format!("{n} {}", ms(*d)))
        .collect();
    println!("    per key (median): {}", keys.join(", "));
}
