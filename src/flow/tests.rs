//! Every transition of the flow, driven without a terminal.

use chrono::{FixedOffset, TimeZone};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::workshop::Builtin;

fn t0() -> Timestamp {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, 14, 0, 0)
        .unwrap()
}

fn at(secs: i64) -> Timestamp {
    t0() + chrono::Duration::seconds(secs)
}

fn flow() -> Flow {
    Flow::in_session(
        Session::new(Builtin::Default.workshop(), "T", "F", t0()),
        t0(),
    )
}

fn key(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Input {
    key(KeyCode::Char(c))
}

/// Press at time t0 + secs.
fn press(f: &mut Flow, input: Input, secs: i64) -> Vec<Effect> {
    f.handle(input, at(secs))
}

fn typ(f: &mut Flow, text: &str, secs: i64) {
    for c in text.chars() {
        press(f, ch(c), secs);
    }
}

fn s(f: &Flow) -> &Session {
    f.live().unwrap().s()
}

fn live(f: &Flow) -> &Live {
    f.live().unwrap()
}

fn is_browse(f: &Flow) -> bool {
    matches!(live(f).mode, Focus::Browse)
}

/// Go to checkpoint `i` with jump.
fn jump(f: &mut Flow, i: usize, secs: i64) {
    press(f, ch('j'), secs);
    for _ in 0..12 {
        press(f, key(KeyCode::Up), secs);
    }
    for _ in 0..i {
        press(f, key(KeyCode::Down), secs);
    }
    press(f, key(KeyCode::Enter), secs);
}

#[test]
fn starts_visited_at_the_first_checkpoint() {
    let f = flow();
    assert_eq!(s(&f).progress.current, 0);
    assert_eq!(s(&f).progress.checkpoints[0].status, Status::Visited);
    assert_eq!(s(&f).progress.checkpoints[0].first_visit, Some(t0()));
}

#[test]
fn next_and_prev_move_and_record_time() {
    let mut f = flow();
    assert_eq!(press(&mut f, ch('n'), 90), vec![Effect::Save]);
    assert_eq!(s(&f).progress.current, 1);
    assert_eq!(s(&f).progress.checkpoints[0].spent_secs, 90);
    assert_eq!(s(&f).progress.checkpoints[1].status, Status::Visited);
    press(&mut f, key(KeyCode::Right), 100);
    assert_eq!(s(&f).progress.current, 2);
    press(&mut f, key(KeyCode::Left), 130);
    press(&mut f, ch('p'), 140);
    assert_eq!(s(&f).progress.current, 0);
    assert_eq!(s(&f).progress.checkpoints[1].spent_secs, 10 + 10);
    assert_eq!(s(&f).progress.checkpoints[2].spent_secs, 30);
    // Nothing before the first.
    assert!(press(&mut f, ch('p'), 150).is_empty());
    assert_eq!(s(&f).progress.current, 0);
    assert!(f.notice.is_some());
}

#[test]
fn next_at_the_last_checkpoint_offers_to_close() {
    let mut f = flow();
    capture(&mut f, 9, &[(0, "Call ten customers"), (1, "Ana")]);
    for _ in 0..2 {
        press(&mut f, ch('n'), 2);
    }
    assert_eq!(s(&f).progress.current, 11);
    assert!(is_browse(&f));
    press(&mut f, ch('n'), 3);
    let p = match &live(&f).mode {
        Focus::Picker(p) => p.clone(),
        _ => panic!("no closing offer"),
    };
    assert_eq!(p.pick, Pick::Close);
    assert_eq!(p.info[0], "Captured: Commitments (1)");
    assert!(
        p.info[1].starts_with("1 commitment is open"),
        "{:?}",
        p.info
    );
    assert!(
        p.info[2].contains("Call ten customers — Ana, 2026-12-07"),
        "{:?}",
        p.info
    );
    // Export stays; quit quits; Esc keeps working.
    assert_eq!(
        press(&mut f, key(KeyCode::Enter), 4),
        vec![Effect::ExportLive]
    );
    assert!(is_browse(&f));
    press(&mut f, ch('n'), 5);
    press(&mut f, key(KeyCode::Down), 5);
    assert_eq!(
        press(&mut f, key(KeyCode::Enter), 5),
        vec![Effect::Save, Effect::Quit]
    );
    press(&mut f, ch('n'), 6);
    press(&mut f, key(KeyCode::Esc), 6);
    assert!(is_browse(&f));
}

#[test]
fn skip_is_recorded() {
    let mut f = flow();
    press(&mut f, ch('s'), 5);
    press(&mut f, key(KeyCode::Enter), 5);
    assert_eq!(s(&f).progress.checkpoints[0].status, Status::Skipped);
    assert_eq!(s(&f).progress.current, 1);
    assert_eq!(s(&f).progress.checkpoints[1].status, Status::Visited);
}

#[test]
fn jump_goes_anywhere_and_esc_stays() {
    let mut f = flow();
    jump(&mut f, 7, 10);
    assert_eq!(s(&f).progress.current, 7);
    assert!(is_browse(&f));
    press(&mut f, ch('j'), 11);
    press(&mut f, key(KeyCode::Down), 11);
    press(&mut f, key(KeyCode::Esc), 11);
    assert_eq!(s(&f).progress.current, 7);
    assert!(is_browse(&f));
}

#[test]
fn timebox_counts_down_pauses_extends_and_goes_over() {
    let mut f = flow();
    // The first checkpoint has 10 minutes.
    assert_eq!(live(&f).remaining_secs(at(0)), 600);
    assert_eq!(live(&f).remaining_secs(at(60)), 540);
    press(&mut f, ch(' '), 60);
    assert!(live(&f).timer.paused);
    assert_eq!(
        live(&f).remaining_secs(at(500)),
        540,
        "paused time does not count"
    );
    press(&mut f, ch('t'), 500);
    assert!(!live(&f).timer.paused);
    assert_eq!(live(&f).remaining_secs(at(560)), 480);
    press(&mut f, ch('x'), 560);
    assert_eq!(s(&f).progress.checkpoints[0].extra_mins, 1);
    press(&mut f, ch('X'), 560);
    assert_eq!(s(&f).progress.checkpoints[0].extra_mins, 6);
    assert_eq!(live(&f).remaining_secs(at(560)), 480 + 360);
    assert!(
        live(&f).remaining_secs(at(560 + 480 + 361)) < 0,
        "over time"
    );
}

#[test]
fn ticks_write_time_now_and_then() {
    let mut f = flow();
    assert!(press(&mut f, Input::Tick, 10).is_empty());
    assert_eq!(press(&mut f, Input::Tick, 31), vec![Effect::Save]);
    assert_eq!(s(&f).progress.checkpoints[0].spent_secs, 31);
}

#[test]
fn quit_saves_time_then_quits() {
    let mut f = flow();
    assert_eq!(press(&mut f, ch('q'), 42), vec![Effect::Save, Effect::Quit]);
    assert_eq!(s(&f).progress.checkpoints[0].spent_secs, 42);
    let mut f = flow();
    let ctrl_c = Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    press(&mut f, ch('g'), 1);
    assert_eq!(press(&mut f, ctrl_c, 2), vec![Effect::Save, Effect::Quit]);
    let mut f = flow();
    assert_eq!(
        press(&mut f, Input::Stop, 3),
        vec![Effect::Save, Effect::Quit]
    );
}

#[test]
fn gadfly_capture_anonymous_by_default() {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    assert!(matches!(live(&f).mode, Focus::Form(_)));
    typ(&mut f, "Fire the survey", 2);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 3), vec![Effect::Save]);
    let g = &s(&f).gadflies[0];
    assert_eq!(g.text, "Fire the survey");
    assert_eq!(g.author, Author::Anonymous);
    assert_eq!(g.fate, Fate::Parked);
    assert_eq!(g.checkpoint, "frame");
    assert_eq!(g.at, at(3));
    assert!(is_browse(&f));
}

#[test]
fn gadfly_named_with_voice_and_newline() {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    typ(&mut f, "line one", 1);
    press(
        &mut f,
        Input::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)),
        1,
    );
    typ(&mut f, "line two", 1);
    press(&mut f, key(KeyCode::Tab), 1);
    typ(&mut f, "Ana", 1);
    press(&mut f, key(KeyCode::Tab), 1);
    press(&mut f, key(KeyCode::Right), 1);
    press(&mut f, key(KeyCode::Right), 1);
    press(&mut f, key(KeyCode::Enter), 1);
    let g = &s(&f).gadflies[0];
    assert_eq!(g.text, "line one\nline two");
    assert_eq!(g.author, Author::Named("Ana".into()));
    assert_eq!(g.voice, Voice::FrontLine);
}

#[test]
fn empty_required_field_keeps_the_form_open() {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    assert!(press(&mut f, key(KeyCode::Enter), 1).is_empty());
    match &live(&f).mode {
        Focus::Form(form) => assert!(form.error.is_some()),
        _ => panic!("form closed"),
    }
    press(&mut f, key(KeyCode::Esc), 1);
    assert!(is_browse(&f));
    assert!(s(&f).gadflies.is_empty());
}

#[test]
fn text_of_invisible_characters_counts_as_empty() {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    press(
        &mut f,
        Input::Paste(" \u{200b}\u{200d}\u{2060}\u{feff}\u{2028} ".into()),
        1,
    );
    assert!(press(&mut f, key(KeyCode::Enter), 1).is_empty());
    match &live(&f).mode {
        Focus::Form(form) => assert!(form.error.is_some()),
        _ => panic!("form closed"),
    }
    assert!(s(&f).gadflies.is_empty());
}

#[test]
fn paste_goes_into_the_field_and_is_capped() {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    press(&mut f, Input::Paste("pasted\nidea".into()), 1);
    press(&mut f, key(KeyCode::Enter), 1);
    assert_eq!(s(&f).gadflies[0].text, "pasted\nidea");
    press(&mut f, ch('g'), 2);
    press(&mut f, Input::Paste("x".repeat(30_000)), 2);
    assert_eq!(f.notice.as_ref().unwrap().text, s::FIELD_FULL);
    press(&mut f, ch('y'), 2);
    press(&mut f, key(KeyCode::Enter), 2);
    assert_eq!(s(&f).gadflies[1].text.chars().count(), MAX_TEXT_CHARS);
}

/// Capture one item of `kind` at checkpoint `cp`, filling the fields given
/// as (tabs to reach it, text).
fn capture(f: &mut Flow, cp: usize, fields: &[(usize, &str)]) -> Vec<Effect> {
    jump(f, cp, 1);
    press(f, ch('a'), 1);
    for (tabs, text) in fields {
        for _ in 0..*tabs {
            press(f, key(KeyCode::Tab), 1);
        }
        typ(f, text, 1);
    }
    press(f, key(KeyCode::Enter), 1)
}

#[test]
fn each_kind_of_item_can_be_captured() {
    let mut f = flow();
    capture(&mut f, 1, &[(0, "Refunds take 40 days"), (2, "call log")]);
    assert_eq!(s(&f).facts[0].source_detail, "call log");
    capture(
        &mut f,
        2,
        &[(0, "Rewrite the refund flow"), (2, "our control")],
    );
    assert_eq!(s(&f).splits[0].kind, SplitKind::Adaptive);
    assert_eq!(s(&f).splits[0].loss, "our control");
    capture(
        &mut f,
        5,
        &[
            (0, "serve customers"),
            (1, "Customer focus"),
            (2, "happy customers"),
            (3, "Efficiency"),
            (5, "queue time up @ Ben"),
        ],
    );
    let p = &s(&f).polarities[0];
    assert_eq!(p.left.name, "Customer focus");
    assert_eq!(p.left.upsides, vec!["happy customers"]);
    assert_eq!(p.right.name, "Efficiency");
    assert_eq!(p.warnings[0].watcher, "Ben");
    assert_eq!(p.warnings[0].overdone, Side::Left);
    capture(&mut f, 6, &[(0, "Support"), (4, "overtime")]);
    assert_eq!(s(&f).factions[0].losses, vec!["overtime"]);
    assert_eq!(s(&f).factions[0].stance, Stance::Undecided);
    capture(&mut f, 7, &[(0, "We can't control churn"), (2, "none")]);
    assert_eq!(s(&f).assumptions[0].kind, AssumptionKind::Aspirational);
    assert_eq!(s(&f).assumptions[0].evidence, "none");
    capture(&mut f, 4, &[(0, "blamed IT again")]);
    assert_eq!(
        s(&f).avoidance[0].pattern.family(),
        AvoidanceFamily::DiversionOfAttention
    );
    capture(&mut f, 9, &[(0, "Sit in on calls"), (1, "Ana")]);
    let c = &s(&f).commitments[0];
    assert_eq!(
        (c.owner.as_str(), c.status),
        ("Ana", CommitmentStatus::Open)
    );
    assert_eq!(c.review, NaiveDateExt::plus(t0(), 14));
    capture(&mut f, 0, &[(0, "the room went quiet")]);
    assert_eq!(s(&f).notes[0].kind, NoteKind::Observation);
    let ids: Vec<u32> = [
        s(&f).facts[0].id,
        s(&f).splits[0].id,
        s(&f).polarities[0].id,
        s(&f).factions[0].id,
    ]
    .to_vec();
    assert_eq!(ids, vec![1, 2, 3, 4], "ids are unique across kinds");
}

struct NaiveDateExt;
impl NaiveDateExt {
    fn plus(t: Timestamp, days: u64) -> chrono::NaiveDate {
        t.date_naive()
            .checked_add_days(chrono::Days::new(days))
            .unwrap()
    }
}

#[test]
fn polarity_sign_without_watcher_is_refused() {
    let mut f = flow();
    let eff = capture(&mut f, 5, &[(1, "A"), (5, "B"), (5, "no watcher here")]);
    assert!(eff.is_empty());
    assert!(s(&f).polarities.is_empty());
}

#[test]
fn commitment_owner_required_and_group_warned() {
    let mut f = flow();
    assert!(capture(&mut f, 9, &[(0, "Do it")]).is_empty(), "no owner");
    // The focus went to the field to fill in.
    assert_eq!(form_of(&f).focus, 1);
    typ(&mut f, "the team", 1);
    assert!(press(&mut f, key(KeyCode::Enter), 1).is_empty());
    assert!(form_of(&f).error.as_ref().unwrap().contains("team"));
    // A second Enter keeps it anyway, and the file says so.
    assert_eq!(press(&mut f, key(KeyCode::Enter), 2), vec![Effect::Save]);
    let c = &s(&f).commitments[0];
    assert_eq!(c.owner, "the team");
    assert_eq!(c.overridden.len(), 1);
    assert!(c.overridden[0].contains("\"the team\" names a department, function or team"));
}

fn form_of(f: &Flow) -> &Form {
    match &live(f).mode {
        Focus::Form(form) => form,
        _ => panic!("no form open"),
    }
}

/// A commitment typed at "Give the work back" with this owner and date, and Enter.
fn commitment(owner: &str, date: &str) -> Flow {
    let mut f = flow();
    jump(&mut f, 9, 1);
    press(&mut f, ch('a'), 1);
    typ(&mut f, "Try it", 1);
    press(&mut f, key(KeyCode::Tab), 1);
    typ(&mut f, owner, 1);
    press(&mut f, key(KeyCode::Tab), 1);
    for _ in 0..10 {
        press(&mut f, key(KeyCode::Backspace), 1);
    }
    typ(&mut f, date, 1);
    press(&mut f, key(KeyCode::Enter), 3);
    f
}

#[test]
fn group_owners_are_warned_with_the_reason() {
    for (owner, why) in [
        ("IT department", "department, function or team"),
        ("Customer service", "department, function or team"),
        ("the call centre", "department, function or team"),
        ("all of us", "everyone"),
        ("the supervisors", "plural"),
    ] {
        let f = commitment(owner, "2026-12-31");
        let e = form_of(&f).error.clone().unwrap_or_default();
        assert!(e.contains(owner) && e.contains(why), "{owner}: {e}");
        assert_eq!(form_of(&f).focus, 1, "{owner}: focus on the owner");
    }
    let f = commitment("Ana Ruiz", "2026-12-31");
    assert!(is_browse(&f), "one person passes");
    assert!(s(&f).commitments[0].overridden.is_empty());
}

#[test]
fn impossible_and_past_review_dates() {
    let f = commitment("Ana", "2026-02-30");
    let e = form_of(&f).error.clone().unwrap();
    assert!(
        e.contains("2026-02-30 is an impossible date: February 2026 has 28 days"),
        "{e}"
    );
    assert_eq!(form_of(&f).focus, 2, "focus on the date");
    let f = commitment("Ana", "2026-13-01");
    assert!(form_of(&f).error.clone().unwrap().contains("has 12 months"));
    let f = commitment("Ana", "next week");
    assert!(
        form_of(&f)
            .error
            .clone()
            .unwrap()
            .contains("must look like 2026-12-31")
    );
    // The session is on 2026-11-23: a date before it is warned, then kept.
    let mut f = commitment("Ana", "2026-11-01");
    let e = form_of(&f).error.clone().unwrap();
    assert!(e.contains("2026-11-01 is already past"), "{e}");
    press(&mut f, key(KeyCode::Enter), 4);
    assert!(is_browse(&f));
    let c = &s(&f).commitments[0];
    assert!(c.overridden[0].contains("already past"));
    // The warning reaches the exports.
    let md = crate::export::to_markdown(s(&f));
    assert!(
        md.contains("kept despite: the review date 2026-11-01 is already past"),
        "{md}"
    );
}

#[test]
fn raise_with_default_tactic() {
    let mut f = flow();
    press(&mut f, ch('+'), 5);
    // The readiness check first; Enter keeps its answer and goes on.
    assert!(matches!(&live(&f).mode, Focus::Form(x) if x.purpose == Purpose::Readiness));
    assert!(press(&mut f, key(KeyCode::Enter), 5).is_empty());
    assert!(matches!(live(&f).mode, Focus::Picker(_)));
    assert_eq!(press(&mut f, key(KeyCode::Enter), 6), vec![Effect::Save]);
    let r = &s(&f).readings[0];
    assert_eq!(
        (r.level, r.move_, r.zone),
        (4, Move::Raise, Zone::Productive)
    );
    assert_eq!(r.tactic.as_deref(), Some("tough-questions"));
    assert_eq!(r.checkpoint, "frame");
    assert_eq!(r.at, at(6));
    assert_eq!(s(&f).level(), 4);
}

#[test]
fn lower_with_chosen_tactic_and_reason() {
    let mut f = flow();
    press(&mut f, ch('-'), 5);
    press(&mut f, key(KeyCode::Down), 5);
    typ(&mut f, "too much at once", 5);
    press(&mut f, key(KeyCode::Enter), 5);
    let r = &s(&f).readings[0];
    assert_eq!((r.level, r.move_), (2, Move::Lower));
    assert_eq!(r.tactic.as_deref(), Some("longer-timeframe"));
    assert_eq!(r.reason, "too much at once");
    assert_eq!(r.after_gadfly, None);
}

#[test]
fn esc_cancels_the_move() {
    let mut f = flow();
    press(&mut f, ch('+'), 5);
    assert!(press(&mut f, key(KeyCode::Esc), 5).is_empty());
    assert!(s(&f).readings.is_empty());
    assert_eq!(s(&f).level(), 3);
    assert!(is_browse(&f));
}

#[test]
fn hold_keeps_the_level_and_the_scale_has_ends() {
    let mut f = flow();
    press(&mut f, ch('h'), 1);
    press(&mut f, key(KeyCode::Enter), 1);
    assert_eq!(s(&f).readings[0].move_, Move::Hold);
    assert_eq!(s(&f).readings[0].tactic.as_deref(), Some("use-silence"));
    // The readiness check once; then raises go straight to the tactic.
    press(&mut f, ch('+'), 1);
    press(&mut f, key(KeyCode::Enter), 1);
    for _ in 0..15 {
        press(&mut f, ch('+'), 1);
        press(&mut f, key(KeyCode::Enter), 1);
    }
    assert_eq!(s(&f).level(), SCALE_MAX);
    for _ in 0..15 {
        press(&mut f, ch('-'), 1);
        press(&mut f, key(KeyCode::Enter), 1);
    }
    assert_eq!(s(&f).level(), 0);
}

#[test]
fn lowering_soon_after_a_gadfly_is_noticed() {
    let mut f = flow();
    press(&mut f, ch('g'), 100);
    typ(&mut f, "odd idea", 100);
    press(&mut f, key(KeyCode::Enter), 100);
    let id = s(&f).gadflies[0].id;
    press(&mut f, ch('-'), 100 + 4 * 60);
    press(&mut f, key(KeyCode::Enter), 100 + 4 * 60);
    assert_eq!(s(&f).readings[0].after_gadfly, Some(id));
    let n = f.notice.as_ref().unwrap();
    assert_eq!((n.tone, n.text.as_str()), (Tone::Quiet, s::SILENCING));
    // Raising is not silencing; lowering much later is not noticed.
    press(&mut f, ch('+'), 100 + 4 * 60);
    press(&mut f, key(KeyCode::Enter), 100 + 4 * 60);
    press(&mut f, key(KeyCode::Enter), 100 + 4 * 60);
    assert_eq!(s(&f).readings[1].after_gadfly, None);
    press(&mut f, ch('-'), 100 + 6 * 60);
    press(&mut f, key(KeyCode::Enter), 100 + 6 * 60);
    assert_eq!(s(&f).readings[2].after_gadfly, None);
}

fn with_gadfly() -> Flow {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    typ(&mut f, "idea", 1);
    press(&mut f, key(KeyCode::Enter), 1);
    f
}

#[test]
fn declining_needs_a_reason() {
    let mut f = with_gadfly();
    press(&mut f, ch('f'), 2);
    press(&mut f, key(KeyCode::End), 2);
    for _ in 0..3 {
        press(&mut f, key(KeyCode::Down), 2);
    }
    assert!(press(&mut f, key(KeyCode::Enter), 2).is_empty());
    assert_eq!(s(&f).gadflies[0].fate, Fate::Parked);
    assert_eq!(f.notice.as_ref().unwrap().text, s::DECLINE_NEEDS_REASON);
    typ(&mut f, "out of scope", 2);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 2), vec![Effect::Save]);
    assert_eq!(
        s(&f).gadflies[0].fate,
        Fate::Declined("out of scope".into())
    );
}

#[test]
fn fate_and_reaction_change_and_undo() {
    let mut f = with_gadfly();
    press(&mut f, ch('f'), 2);
    press(&mut f, key(KeyCode::Down), 2);
    press(&mut f, key(KeyCode::Enter), 2);
    assert_eq!(s(&f).gadflies[0].fate, Fate::Exploring);
    press(&mut f, ch('r'), 3);
    press(&mut f, key(KeyCode::Down), 3);
    press(&mut f, key(KeyCode::Enter), 3);
    assert_eq!(s(&f).gadflies[0].reaction, Reaction::Silence);
    press(&mut f, ch('u'), 4);
    assert_eq!(s(&f).gadflies[0].reaction, Reaction::NotYetSeen);
    press(&mut f, ch('u'), 4);
    assert_eq!(s(&f).gadflies[0].fate, Fate::Parked);
    press(&mut f, ch('u'), 4);
    assert!(s(&f).gadflies.is_empty(), "undo of the capture");
    press(&mut f, ch('u'), 4);
    assert_eq!(f.notice.as_ref().unwrap().text, s::NOTHING_TO_UNDO);
}

#[test]
fn no_fate_for_kinds_without_one() {
    let mut f = flow();
    press(&mut f, ch('f'), 1);
    assert!(is_browse(&f), "no items yet");
    capture(&mut f, 0, &[(0, "a note")]);
    press(&mut f, ch('f'), 1);
    assert!(is_browse(&f));
    assert_eq!(f.notice.as_ref().unwrap().text, s::NO_FATE);
}

#[test]
fn commitment_status_changes() {
    let mut f = flow();
    capture(&mut f, 9, &[(0, "Do it"), (1, "Ana")]);
    press(&mut f, ch('f'), 2);
    press(&mut f, key(KeyCode::Down), 2);
    press(&mut f, key(KeyCode::Enter), 2);
    assert_eq!(s(&f).commitments[0].status, CommitmentStatus::Kept);
    press(&mut f, ch('u'), 2);
    assert_eq!(s(&f).commitments[0].status, CommitmentStatus::Open);
}

#[test]
fn undo_of_a_reading() {
    let mut f = flow();
    press(&mut f, ch('+'), 1);
    press(&mut f, key(KeyCode::Enter), 1);
    press(&mut f, key(KeyCode::Enter), 1);
    assert_eq!(press(&mut f, ch('u'), 2), vec![Effect::Save]);
    assert!(s(&f).readings.is_empty());
    assert_eq!(s(&f).level(), 3);
}

#[test]
fn band_edges_move_keep_and_cancel() {
    let mut f = flow();
    press(&mut f, ch('b'), 1);
    press(&mut f, key(KeyCode::Down), 1);
    press(&mut f, key(KeyCode::Tab), 1);
    press(&mut f, key(KeyCode::Up), 1);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 1), vec![Effect::Save]);
    // Why is asked; Esc keeps the move without a reason.
    press(&mut f, key(KeyCode::Esc), 1);
    assert_eq!(s(&f).band, Band { low: 3, high: 8 });
    assert_eq!(s(&f).zone(), Zone::Productive);
    // The edges cannot cross or leave the scale.
    press(&mut f, ch('b'), 1);
    for _ in 0..20 {
        press(&mut f, key(KeyCode::Up), 1);
    }
    assert_eq!(s(&f).band, Band { low: 8, high: 8 });
    press(&mut f, key(KeyCode::Esc), 1);
    assert_eq!(s(&f).band, Band { low: 3, high: 8 });
    press(&mut f, ch('u'), 1);
    assert_eq!(s(&f).band, Band { low: 4, high: 7 });
}

#[test]
fn road_is_named_and_undone() {
    let mut f = flow();
    press(&mut f, ch('w'), 1);
    press(&mut f, key(KeyCode::End), 1);
    for _ in 0..4 {
        press(&mut f, key(KeyCode::Down), 1);
    }
    press(&mut f, key(KeyCode::Enter), 1);
    assert_eq!(s(&f).road, Some(Road::CompetingValues));
    press(&mut f, ch('u'), 1);
    assert_eq!(s(&f).road, None);
}

#[test]
fn earlier_items_stay_reachable() {
    let mut f = with_gadfly();
    press(&mut f, ch('n'), 5);
    press(&mut f, ch('n'), 5);
    // "diagnose" collects splits and notes; Tab reaches gadfly ideas too.
    assert_eq!(live(&f).kind, ItemKind::Split);
    let mut seen = Vec::new();
    for _ in 0..ItemKind::COUNT {
        press(&mut f, key(KeyCode::Tab), 5);
        seen.push(live(&f).kind);
    }
    assert!(seen.contains(&ItemKind::Gadfly));
    assert_eq!(
        seen.last(),
        Some(&ItemKind::Split),
        "Tab cycles through every kind"
    );
}

#[test]
fn selection_moves_within_the_list() {
    let mut f = flow();
    for i in 0..5 {
        press(&mut f, ch('g'), 1);
        typ(&mut f, &format!("idea {i}"), 1);
        press(&mut f, key(KeyCode::Enter), 1);
    }
    assert_eq!(live(&f).selected(), 4, "the newest is selected");
    press(&mut f, key(KeyCode::Home), 1);
    assert_eq!(live(&f).selected(), 0);
    press(&mut f, key(KeyCode::Up), 1);
    assert_eq!(live(&f).selected(), 0);
    press(&mut f, key(KeyCode::PageDown), 1);
    assert_eq!(live(&f).selected(), 4);
}

#[test]
fn help_opens_and_closes_and_swallows_keys() {
    let mut f = flow();
    press(&mut f, ch('?'), 1);
    assert!(f.help);
    assert_eq!(f.ctx(), Ctx::Help);
    assert_eq!(f.base_ctx(), Ctx::Browse);
    press(&mut f, ch('n'), 1);
    assert_eq!(s(&f).progress.current, 0);
    press(&mut f, key(KeyCode::Esc), 1);
    assert!(!f.help);
}

#[test]
fn start_screen_creates_and_opens() {
    let mut f = Flow::start(vec![PathBuf::from("a.ron")], t0());
    // An empty Enter makes no "Untitled" file: it asks for a title.
    assert!(press(&mut f, key(KeyCode::Enter), 0).is_empty());
    assert_eq!(
        f.notice.as_ref().unwrap().text,
        crate::strings::title_needed("Tab")
    );
    typ(&mut f, "Q3", 0);
    press(&mut f, key(KeyCode::Tab), 0);
    typ(&mut f, "Refunds take 40 days", 0);
    press(&mut f, key(KeyCode::Tab), 0);
    typ(&mut f, "Ana", 0);
    press(&mut f, key(KeyCode::Tab), 0);
    press(&mut f, key(KeyCode::Right), 0);
    let eff = press(&mut f, key(KeyCode::Enter), 0);
    assert_eq!(
        eff,
        vec![Effect::Create(NewSession {
            title: "Q3".into(),
            context: "Refunds take 40 days".into(),
            facilitator: "Ana".into(),
            workshop: WorkshopChoice::Builtin(Builtin::Solo),
        })]
    );
    // A template file needs a path.
    press(&mut f, key(KeyCode::Right), 0);
    assert!(press(&mut f, key(KeyCode::Enter), 0).is_empty());
    assert!(f.notice.is_some());
    press(&mut f, key(KeyCode::Tab), 0);
    typ(&mut f, "my.ron", 0);
    assert_eq!(
        press(&mut f, key(KeyCode::Enter), 0),
        vec![Effect::Create(NewSession {
            title: "Q3".into(),
            context: "Refunds take 40 days".into(),
            facilitator: "Ana".into(),
            workshop: WorkshopChoice::File("my.ron".into()),
        })]
    );
    press(&mut f, key(KeyCode::Tab), 0);
    assert_eq!(f.start.focus, StartFocus::Recent);
    assert_eq!(
        press(&mut f, key(KeyCode::Enter), 0),
        vec![Effect::Open("a.ron".into())]
    );
    press(&mut f, key(KeyCode::Tab), 0);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 0), vec![Effect::Review]);
    // The app hands the folder's rows in; Esc comes back to the start screen.
    let shown = Input::ReviewShown {
        dir: "sessions".into(),
        rows: Vec::new(),
        from_start: true,
    };
    f.handle(shown, t0());
    assert_eq!(f.ctx(), crate::keymap::Ctx::Review);
    assert!(press(&mut f, key(KeyCode::Esc), 0).is_empty());
    assert!(f.review().is_none());
    assert_eq!(f.ctx(), crate::keymap::Ctx::Start);
    assert_eq!(press(&mut f, key(KeyCode::Esc), 0), vec![Effect::Quit]);
    f.handle(Input::StartFailed("bad template".into()), t0());
    let began = Input::Began {
        session: Box::new(Session::new(Builtin::Solo.workshop(), "x", "", t0())),
        emergency: None,
        projector: true,
    };
    f.handle(began, t0());
    assert!(!f.projector, "a reflection is never projected");
    assert!(f.live().is_some());
}

#[test]
fn save_state_is_tracked() {
    let mut f = flow();
    assert_eq!(f.save, SaveState::NotYet);
    f.save_failed("disk full");
    assert!(matches!(f.save, SaveState::Failed { .. }));
    f.saved(at(3));
    assert_eq!(f.save, SaveState::Saved(at(3)));
}

#[test]
fn resize_is_remembered_and_release_ignored() {
    let mut f = flow();
    press(&mut f, Input::Resize(70, 20), 0);
    assert_eq!(f.size, (70, 20));
    let mut ev = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
    ev.kind = crossterm::event::KeyEventKind::Release;
    press(&mut f, Input::Key(ev), 0);
    assert_eq!(s(&f).progress.current, 0);
}

#[test]
fn quitting_with_a_complete_form_keeps_the_item() {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    typ(&mut f, "half-said idea", 1);
    press(&mut f, Input::Stop, 2);
    assert_eq!(s(&f).gadflies[0].text, "half-said idea");
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    let ctrl_c = Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(press(&mut f, ctrl_c, 2), vec![Effect::Save, Effect::Quit]);
    assert!(s(&f).gadflies.is_empty(), "an empty form stores nothing");
}

#[test]
fn an_item_can_be_changed_and_the_change_undone() {
    let mut f = with_gadfly();
    let before = s(&f).gadflies[0].clone();
    press(&mut f, ch('e'), 5);
    match &live(&f).mode {
        Focus::Form(form) => {
            assert_eq!(form.text("text"), "idea");
            assert!(form.title.contains(&format!("#{}", before.id)));
        }
        _ => panic!("no form"),
    }
    typ(&mut f, " (as said)", 5);
    press(&mut f, key(KeyCode::Tab), 5);
    typ(&mut f, "Wei", 5);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 6), vec![Effect::Save]);
    let g = &s(&f).gadflies[0];
    assert_eq!(g.text, "idea (as said)");
    assert_eq!(g.author, Author::Named("Wei".into()));
    assert_eq!(
        (g.id, g.at, &g.checkpoint),
        (before.id, before.at, &before.checkpoint)
    );
    assert_eq!(s(&f).gadflies.len(), 1, "changed in place");
    press(&mut f, ch('u'), 7);
    assert_eq!(s(&f).gadflies[0], before);
}

#[test]
fn changing_a_commitment_keeps_its_status() {
    let mut f = flow();
    capture(&mut f, 9, &[(0, "Do it"), (1, "Ana")]);
    press(&mut f, ch('f'), 2);
    press(&mut f, key(KeyCode::Down), 2);
    press(&mut f, key(KeyCode::Enter), 2);
    press(&mut f, ch('e'), 3);
    press(&mut f, key(KeyCode::Tab), 3);
    for _ in 0..3 {
        press(&mut f, key(KeyCode::Backspace), 3);
    }
    typ(&mut f, "Ben", 3);
    press(&mut f, key(KeyCode::Enter), 3);
    let c = &s(&f).commitments[0];
    assert_eq!(
        (c.owner.as_str(), c.status),
        ("Ben", CommitmentStatus::Kept)
    );
}

#[test]
fn every_kind_round_trips_through_the_change_form() {
    let mut ses = crate::sample::session(60, 5);
    ses.progress.current = 0;
    let mut f = Flow::in_session(ses, t0());
    for kind in ItemKind::all() {
        if s(&f).count(kind) == 0 {
            continue;
        }
        while live(&f).kind != kind {
            press(&mut f, key(KeyCode::Tab), 1);
        }
        let i = live(&f).selected();
        let before = s(&f).item(kind, i).unwrap();
        press(&mut f, ch('e'), 1);
        // Confirm twice in case the owner is a group.
        press(&mut f, key(KeyCode::Enter), 1);
        if !is_browse(&f) {
            press(&mut f, key(KeyCode::Enter), 1);
        }
        assert!(
            is_browse(&f),
            "{kind:?}: {:?}",
            match &live(&f).mode {
                Focus::Form(form) => form.error.clone(),
                _ => None,
            }
        );
        let after = s(&f).item(kind, i).unwrap();
        assert_eq!(before, after, "{kind:?} changed by an unchanged form");
    }
}

#[test]
fn nothing_to_change_without_items() {
    let mut f = flow();
    press(&mut f, ch('e'), 1);
    assert!(is_browse(&f));
    assert_eq!(f.notice.as_ref().unwrap().text, s::NOTHING_SELECTED);
}

#[test]
fn a_seen_sign_is_recorded_and_undone() {
    let mut f = flow();
    capture(&mut f, 5, &[(1, "A"), (5, "B"), (5, "queues grow @ Ben")]);
    assert_eq!(s(&f).polarities.len(), 1);
    press(&mut f, ch('!'), 50);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 50), vec![Effect::Save]);
    assert_eq!(s(&f).polarities[0].warnings[0].fired, vec![at(50)]);
    press(&mut f, ch('u'), 51);
    assert!(s(&f).polarities[0].warnings[0].fired.is_empty());
    // Elsewhere the key only explains itself.
    press(&mut f, key(KeyCode::Tab), 52);
    press(&mut f, ch('!'), 52);
    assert!(is_browse(&f));
    assert_eq!(f.notice.as_ref().unwrap().text, s::only_polarity("Tab"));
}

#[test]
fn checkpoint_keys_work_while_moving_the_band() {
    let mut f = flow();
    press(&mut f, ch('b'), 1);
    press(&mut f, key(KeyCode::Down), 1);
    assert_eq!(press(&mut f, ch('n'), 2), vec![Effect::Save]);
    assert!(is_browse(&f));
    assert_eq!(s(&f).band, Band { low: 3, high: 7 }, "the band was kept");
    assert_eq!(s(&f).progress.current, 1);
}

#[test]
fn quitting_while_saves_fail_asks_first() {
    let mut f = flow();
    // Saves work: q leaves at once.
    f.saved(at(1));
    assert_eq!(press(&mut f, ch('q'), 2), vec![Effect::Save, Effect::Quit]);

    let mut f = flow();
    f.emergency = Some("state/T-emergency.ron".into());
    f.save_failed("disk full");
    assert_eq!(press(&mut f, ch('q'), 2), vec![Effect::Save]);
    assert_eq!(f.quit_ask, Some(QuitAsk::Asking));
    assert_eq!(f.ctx(), Ctx::Unsaved);
    // Esc goes back to the session; q again asks again.
    assert!(press(&mut f, key(KeyCode::Esc), 3).is_empty());
    assert_eq!(f.quit_ask, None);
    assert_eq!(f.ctx(), Ctx::Browse);
    let ctrl_c = Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(press(&mut f, ctrl_c.clone(), 4), vec![Effect::Save]);
    // q, Ctrl-C or Enter there write the copy; only D leaves without one.
    assert_eq!(press(&mut f, ch('q'), 5), vec![Effect::EmergencyCopy]);
    assert_eq!(press(&mut f, ctrl_c, 5), vec![Effect::EmergencyCopy]);
    f.emergency_failed("read-only everywhere");
    assert!(matches!(f.quit_ask, Some(QuitAsk::CopyFailed(_))));
    assert_eq!(press(&mut f, ch('D'), 6), vec![Effect::Quit]);

    // The disk comes back while asking: the question goes, q quits.
    let mut f = flow();
    f.save_stopped("changed on disk by someone else");
    press(&mut f, ch('q'), 2);
    assert!(f.quit_ask.is_some());
    f.saved(at(3));
    assert_eq!(f.quit_ask, None);
    assert_eq!(press(&mut f, ch('q'), 4), vec![Effect::Save, Effect::Quit]);

    // A signal never waits for an answer (the app writes a copy instead).
    let mut f = flow();
    f.save_failed("disk full");
    assert_eq!(
        press(&mut f, Input::Stop, 2),
        vec![Effect::Save, Effect::Quit]
    );
}

#[test]
fn esc_keeps_a_typed_form_and_the_same_key_brings_it_back() {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    typ(&mut f, "Merge the two queues", 1);
    press(&mut f, key(KeyCode::Tab), 1);
    typ(&mut f, "Ana", 1);
    press(&mut f, key(KeyCode::Esc), 2);
    assert!(is_browse(&f));
    assert!(s(&f).gadflies.is_empty());
    assert!(f.notice.as_ref().unwrap().text.contains("g brings it back"));
    press(&mut f, ch('g'), 3);
    assert_eq!(f.notice.as_ref().unwrap().text, crate::strings::DRAFT_BACK);
    match &live(&f).mode {
        Focus::Form(form) => {
            assert_eq!(form.text("text"), "Merge the two queues");
            assert_eq!(form.text("author"), "Ana");
            assert_eq!(form.focus, 1, "the focus is where it was left");
        }
        _ => panic!("no form"),
    }
    press(&mut f, key(KeyCode::Enter), 4);
    assert_eq!(s(&f).gadflies[0].text, "Merge the two queues");
    // Saved: the next `g` starts empty.
    press(&mut f, ch('g'), 5);
    match &live(&f).mode {
        Focus::Form(form) => assert_eq!(form.text("text"), ""),
        _ => panic!("no form"),
    }
    // An untouched form leaves no draft behind.
    press(&mut f, key(KeyCode::Esc), 5);
    assert!(live(&f).drafts.is_empty());
    assert!(f.notice.is_none());
}

#[test]
fn quitting_with_drafts_says_so_and_the_second_quit_goes() {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    typ(&mut f, "refunds without asking", 1);
    press(&mut f, key(KeyCode::Esc), 1);
    // The first q stays, naming what would be dropped.
    assert_eq!(press(&mut f, ch('q'), 2), vec![]);
    let said = f
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.contains("a closed form still holds"), "{said}");
    assert!(said.contains("q again quits"), "{said}");
    // Any other key disarms it: the next q asks again.
    press(&mut f, ch('n'), 3);
    assert_eq!(press(&mut f, ch('q'), 4), vec![]);
    assert_eq!(press(&mut f, ch('q'), 5), vec![Effect::Save, Effect::Quit]);
}

#[test]
fn drafts_are_kept_per_kind_of_item() {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    typ(&mut f, "idea", 1);
    press(&mut f, key(KeyCode::Esc), 1);
    press(&mut f, ch('a'), 1);
    typ(&mut f, "a note", 1);
    press(&mut f, key(KeyCode::Esc), 1);
    assert_eq!(live(&f).drafts.len(), 2);
    press(&mut f, ch('a'), 2);
    match &live(&f).mode {
        Focus::Form(form) => assert_eq!(form.text("text"), "a note"),
        _ => panic!("no form"),
    }
    press(&mut f, key(KeyCode::Esc), 2);
    press(&mut f, ch('g'), 2);
    match &live(&f).mode {
        Focus::Form(form) => assert_eq!(form.text("text"), "idea"),
        _ => panic!("no form"),
    }
}

#[test]
fn working_in_a_skipped_checkpoint_clears_the_skip_and_keeps_its_history() {
    let mut f = flow();
    press(&mut f, ch('s'), 5);
    press(&mut f, key(KeyCode::Enter), 5);
    press(&mut f, ch('p'), 6);
    // A look is not work: the skip stands.
    assert_eq!(s(&f).progress.checkpoints[0].status, Status::Skipped);
    press(&mut f, ch('g'), 7);
    typ(&mut f, "We never asked", 7);
    press(&mut f, key(KeyCode::Enter), 8);
    let p = &s(&f).progress.checkpoints[0];
    assert_eq!(p.status, Status::Visited);
    assert_eq!(p.skipped, vec![at(5)]);
    let jump = Picker::jump(s(&f));
    assert!(
        !jump.options[0].1.contains("skipped"),
        "{:?}",
        jump.options[0]
    );
    // A reading counts as work too, at the last checkpoint.
    jump_to_last_and_skip(&mut f);
    press(&mut f, ch('h'), 20);
    press(&mut f, key(KeyCode::Enter), 20);
    assert_eq!(s(&f).progress.checkpoints[11].status, Status::Visited);
    assert_eq!(s(&f).progress.checkpoints[11].skipped.len(), 1);
}

fn jump_to_last_and_skip(f: &mut Flow) {
    jump(f, 11, 10);
    press(f, ch('s'), 11);
    press(f, key(KeyCode::Enter), 11);
    assert_eq!(s(f).progress.checkpoints[11].status, Status::Skipped);
}

#[test]
fn recent_sessions_are_listed_by_date_and_title() {
    let p = PathBuf::from("sessions/2026-11-23-1405-q3-customer-first.ron");
    assert_eq!(
        recent_label(&p, Some("Q3: customer first".into())),
        "2026-11-23 14:05  Q3: customer first"
    );
    assert_eq!(
        recent_label(&p, None),
        "2026-11-23 14:05  q3 customer first"
    );
    assert_eq!(recent_label(&PathBuf::from("mine.ron"), None), "mine");
    let f = Flow::start(vec![p], t0());
    assert_eq!(f.start.labels, vec!["2026-11-23 14:05  q3 customer first"]);
}

#[test]
fn the_context_is_changed_later_and_undone() {
    let mut f = flow();
    press(&mut f, ch('c'), 1);
    typ(&mut f, "Refunds take 40 days", 1);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 2), vec![Effect::Save]);
    assert_eq!(s(&f).meta.context, "Refunds take 40 days");
    press(&mut f, ch('c'), 3);
    assert_eq!(form_of(&f).text("context"), "Refunds take 40 days");
    press(&mut f, key(KeyCode::Esc), 3);
    press(&mut f, ch('u'), 4);
    assert_eq!(s(&f).meta.context, "");
}

#[test]
fn no_function_is_exempt_until_a_commitment_names_it() {
    let mut f = flow();
    // A new session starts with the usual functions, all exempted.
    assert_eq!(s(&f).exempted().len(), s::DEFAULT_FUNCTIONS.len());
    press(&mut f, ch('c'), 1);
    press(&mut f, key(KeyCode::Tab), 1);
    assert_eq!(form_of(&f).text("functions").lines().count(), 5);
    // Replace the list with two functions of this organisation.
    for _ in 0..60 {
        press(&mut f, key(KeyCode::Backspace), 1);
    }
    press(&mut f, Input::Paste("Billing\nField service".into()), 1);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 2), vec![Effect::Save]);
    assert_eq!(s(&f).functions, vec!["Billing", "Field service"]);
    assert_eq!(s(&f).exempted(), vec!["Billing", "Field service"]);
    // A commitment owned by field service (in any case) leaves billing
    // exempted; the work checkpoint names it.
    capture(
        &mut f,
        9,
        &[
            (0, "Ride along on ten repairs"),
            (1, "Dana Levi"),
            (3, "field SERVICE"),
        ],
    );
    assert_eq!(s(&f).commitments[0].function, "field SERVICE");
    assert_eq!(s(&f).exempted(), vec!["Billing"]);
    // Undo takes the commitment back, then the list.
    press(&mut f, ch('u'), 3);
    press(&mut f, ch('u'), 3);
    assert_eq!(s(&f).functions.len(), s::DEFAULT_FUNCTIONS.len());
}

#[test]
fn typed_blind_is_shown_for_a_confirming_enter_when_the_view_is_back() {
    let mut f = flow();
    press(&mut f, ch('.'), 1);
    assert_eq!(f.room, Room::Blanked);
    press(&mut f, ch('g'), 2);
    typ(&mut f, "a private remark", 2);
    // Enter while the room's view is hidden saves nothing yet.
    assert!(press(&mut f, key(KeyCode::Enter), 3).is_empty());
    assert!(s(&f).gadflies.is_empty());
    assert!(is_browse(&f));
    assert_eq!(f.notice.as_ref().unwrap().text, crate::strings::HELD_BLIND);
    // The view comes back: the form is there to check.
    press(&mut f, ch('.'), 4);
    assert_eq!(f.room, Room::Shown);
    let form = form_of(&f);
    assert_eq!(form.text("text"), "a private remark");
    assert_eq!(
        form.error.as_deref(),
        Some(crate::strings::check_blind("Enter", "Esc").as_str())
    );
    // It was no gadfly idea after all: Esc keeps it as a draft, unsaved.
    press(&mut f, key(KeyCode::Esc), 5);
    assert!(s(&f).gadflies.is_empty());
    press(&mut f, ch('g'), 6);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 6), vec![Effect::Save]);
    assert_eq!(s(&f).gadflies.len(), 1);
}

#[test]
fn an_item_held_blind_is_kept_on_quit_and_unblanking_says_what_the_room_sees() {
    let mut f = flow();
    press(&mut f, ch(','), 1);
    press(&mut f, ch('g'), 2);
    typ(&mut f, "kept", 2);
    press(&mut f, key(KeyCode::Enter), 3);
    let eff = press(&mut f, ch('q'), 4);
    assert_eq!(eff, vec![Effect::Save, Effect::Quit]);
    assert_eq!(s(&f).gadflies[0].text, "kept");
    let mut f = flow();
    press(&mut f, ch('.'), 1);
    press(&mut f, ch('.'), 2);
    assert_eq!(
        f.notice.as_ref().unwrap().text,
        crate::strings::ROOM_SEES_THIS
    );
}

#[test]
fn nothing_is_called_saved_while_saves_fail() {
    let mut f = flow();
    press(&mut f, ch('n'), 1);
    f.save_failed("disk full");
    press(&mut f, ch('a'), 2);
    typ(&mut f, "a brutal fact", 2);
    press(&mut f, key(KeyCode::Enter), 3);
    let said = &f.notice.as_ref().unwrap().text;
    assert!(!said.contains("saved"), "{said}");
    assert!(said.contains("NOT on disk"), "{said}");
    // Said while the save was on its way, then the save failed.
    f.saved(at(4));
    press(&mut f, ch('a'), 5);
    typ(&mut f, "another", 5);
    press(&mut f, key(KeyCode::Enter), 6);
    assert!(f.notice.as_ref().unwrap().text.contains("saved"));
    f.save_failed("disk full");
    assert_eq!(f.notice, None, "the failure shows instead");
}

#[test]
fn one_silencing_flag_per_idea_and_none_after_a_break_or_a_decline() {
    let lower = |f: &mut Flow, secs| {
        press(f, ch('-'), secs);
        press(f, key(KeyCode::Enter), secs);
    };
    let mut f = with_gadfly();
    lower(&mut f, 20);
    lower(&mut f, 30);
    press(&mut f, ch('h'), 40);
    press(&mut f, key(KeyCode::Enter), 40);
    let flags = s(&f)
        .readings
        .iter()
        .filter(|r| r.after_gadfly.is_some())
        .count();
    assert_eq!(flags, 1, "one flag per idea");
    // A break between the idea and the lowering is no silencing.
    let mut f = with_gadfly();
    press(&mut f, ch(' '), 15);
    press(&mut f, ch(' '), 60);
    lower(&mut f, 70);
    assert_eq!(s(&f).readings[0].after_gadfly, None);
    // Nor is a lowering after the idea was declined with a reason.
    let mut f = with_gadfly();
    press(&mut f, ch('f'), 15);
    for _ in 0..3 {
        press(&mut f, key(KeyCode::Down), 15);
    }
    typ(&mut f, "out of scope", 15);
    press(&mut f, key(KeyCode::Enter), 15);
    assert!(matches!(s(&f).gadflies[0].fate, Fate::Declined(_)));
    lower(&mut f, 20);
    assert_eq!(s(&f).readings[0].after_gadfly, None);
    // The summary asks; it does not pronounce.
    let mut f = with_gadfly();
    lower(&mut f, 20);
    let md = crate::export::to_markdown(s(&f));
    assert!(md.contains("A question for the facilitator"), "{md}");
    assert!(
        md.contains("soon after a gadfly idea. Was a dissenting voice quietened"),
        "{md}"
    );
}

#[test]
fn a_reading_is_not_a_move() {
    let mut f = flow();
    assert_eq!(
        s(&f).reading_level(),
        None,
        "no level before the first reading"
    );
    press(&mut f, ch('='), 5);
    assert_eq!(f.ctx(), crate::keymap::Ctx::Reading);
    // Letters are ignored; a level past 10 is refused; Backspace mends it.
    typ(&mut f, "x1", 5);
    press(&mut f, ch('2'), 5);
    assert!(press(&mut f, key(KeyCode::Enter), 5).is_empty());
    assert_eq!(f.notice.as_ref().unwrap().tone, Tone::Error);
    assert!(s(&f).readings.is_empty());
    press(&mut f, key(KeyCode::Backspace), 6);
    press(&mut f, key(KeyCode::Backspace), 6);
    press(&mut f, ch('6'), 6);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 7), vec![Effect::Save]);
    assert!(is_browse(&f));
    let r = &s(&f).readings[0];
    assert_eq!(
        (r.kind, r.level, r.move_, r.zone),
        (ReadingKind::Observation, 6, Move::Hold, Zone::Productive)
    );
    assert_eq!((r.tactic.as_deref(), r.after_gadfly), (None, None));
    assert!(f.notice.as_ref().unwrap().text.starts_with("baseline"));
    // Raise goes on from the reading, as a move.
    press(&mut f, ch('+'), 8);
    press(&mut f, key(KeyCode::Enter), 8);
    press(&mut f, key(KeyCode::Enter), 8);
    let r = &s(&f).readings[1];
    assert_eq!(
        (r.kind, r.level, r.move_),
        (ReadingKind::Move, 7, Move::Raise)
    );
    // A second reading is not the baseline; Esc records nothing; undo takes it back.
    press(&mut f, ch('='), 9);
    press(&mut f, ch('3'), 9);
    press(&mut f, key(KeyCode::Enter), 9);
    assert!(!f.notice.as_ref().unwrap().text.contains("baseline"));
    assert_eq!(s(&f).reading_level(), Some(3));
    press(&mut f, ch('='), 10);
    press(&mut f, ch('9'), 10);
    assert!(press(&mut f, key(KeyCode::Esc), 10).is_empty());
    assert_eq!(s(&f).readings.len(), 3);
    press(&mut f, ch('u'), 11);
    assert_eq!(s(&f).reading_level(), Some(7));
}

#[test]
fn lowering_to_a_reading_right_after_a_gadfly_is_no_silencing() {
    let mut f = flow();
    press(&mut f, ch('g'), 1);
    typ(&mut f, "odd idea", 1);
    press(&mut f, key(KeyCode::Enter), 1);
    press(&mut f, ch('='), 60);
    press(&mut f, ch('1'), 60);
    press(&mut f, key(KeyCode::Enter), 60);
    assert_eq!(s(&f).readings[0].after_gadfly, None);
    assert_ne!(f.notice.as_ref().unwrap().tone, Tone::Quiet);
}

#[test]
fn the_rooms_median_is_one_key() {
    let mut f = flow();
    press(&mut f, ch('='), 1);
    // No phone has answered: nothing is recorded, and the prompt stays.
    assert!(press(&mut f, ch('m'), 1).is_empty());
    assert_eq!(f.notice.as_ref().unwrap().text, s::NO_PHONE_READINGS);
    assert!(matches!(live(&f).mode, Focus::Reading(_)));
    press(&mut f, key(KeyCode::Esc), 1);
    let readings = [("a", 2), ("b", 7), ("c", 5), ("d", 8), ("b", 4)]
        .into_iter()
        .map(|(d, l)| join::Arrival::Reading {
            device: d.into(),
            level: l,
        })
        .collect();
    press(&mut f, Input::Join(readings), 2);
    // The latest per phone: 2, 4, 5, 8; the lower median is 4.
    press(&mut f, ch('='), 3);
    press(&mut f, ch('9'), 3);
    assert_eq!(press(&mut f, ch('m'), 3), vec![Effect::Save]);
    let r = &s(&f).readings[0];
    assert_eq!((r.kind, r.level), (ReadingKind::Observation, 4));
    assert_eq!(r.participants.as_ref().map(|p| p.total()), Some(4));
    assert!(r.reason.contains('4'), "{}", r.reason);
}

#[test]
fn the_facilitator_chooses_what_the_room_sees_of_the_gauge() {
    // A session starts with the level alone: the verdict waits for the
    // facilitator, and the next choice is to show it.
    let mut f = flow();
    assert_eq!(s(&f).room_gauge, GaugeShow::LevelOnly);
    let mut seen = Vec::new();
    for _ in 0..3 {
        assert_eq!(press(&mut f, ch('T'), 1), vec![Effect::Save]);
        seen.push(s(&f).room_gauge);
    }
    assert_eq!(
        seen,
        [
            GaugeShow::LevelAndVerdict,
            GaugeShow::Nothing,
            GaugeShow::LevelOnly
        ]
    );
    // Kept in the file. Files that say nothing meant the level and its
    // verdict, and still do.
    let text = crate::ronfile::to_pretty(s(&f)).unwrap();
    assert!(text.contains("room_gauge: LevelOnly"), "{text}");
    let back: Session = ron::from_str(&text).unwrap();
    assert_eq!(back.room_gauge, GaugeShow::LevelOnly);
    press(&mut f, ch('T'), 2);
    let text = crate::ronfile::to_pretty(s(&f)).unwrap();
    assert!(!text.contains("room_gauge"), "{text}");
    let back: Session = ron::from_str(&text).unwrap();
    assert_eq!(back.room_gauge, GaugeShow::LevelAndVerdict);
}

// ---- history kept, and ideas that become work -------------------------------

/// Capture a gadfly idea saying `text`; returns its id.
fn idea(f: &mut Flow, text: &str, secs: i64) -> u32 {
    press(f, ch('g'), secs);
    typ(f, text, secs);
    press(f, key(KeyCode::Enter), secs);
    s(f).gadflies.last().unwrap().id
}

fn pick_down(f: &mut Flow, opener: char, downs: usize, secs: i64) {
    press(f, ch(opener), secs);
    for _ in 0..downs {
        press(f, key(KeyCode::Down), secs);
    }
    press(f, key(KeyCode::Enter), secs);
}

#[test]
fn skip_asks_why_and_keeps_the_reason_with_its_time() {
    let mut f = flow();
    press(&mut f, ch('s'), 5);
    // Esc: nothing is skipped.
    press(&mut f, key(KeyCode::Esc), 5);
    assert_eq!(s(&f).progress.current, 0);
    assert!(s(&f).progress.checkpoints[0].skipped.is_empty());
    press(&mut f, ch('s'), 9);
    typ(&mut f, "the sponsor framed it already", 9);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 9), vec![Effect::Save]);
    let p = &s(&f).progress.checkpoints[0];
    assert_eq!(p.status, Status::Skipped);
    assert_eq!(p.skipped, vec![at(9)]);
    assert_eq!(
        p.skip_reasons,
        vec![SkipReason {
            at: at(9),
            reason: "the sponsor framed it already".into()
        }]
    );
    assert_eq!(s(&f).progress.current, 1);
    // A skip without a reason keeps its time only.
    press(&mut f, ch('s'), 12);
    press(&mut f, key(KeyCode::Enter), 12);
    let p = &s(&f).progress.checkpoints[1];
    assert_eq!(p.skipped, vec![at(12)]);
    assert!(p.skip_reasons.is_empty());
    assert!(validate::session(s(&f)).is_empty());
}

#[test]
fn band_moves_keep_their_time_and_reason_and_undo_drops_them() {
    let mut f = flow();
    press(&mut f, ch('b'), 3);
    press(&mut f, key(KeyCode::Up), 3);
    press(&mut f, key(KeyCode::Enter), 3);
    typ(&mut f, "this room can take more", 4);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 4), vec![Effect::Save]);
    assert!(is_browse(&f));
    let cp0 = s(&f).progress.checkpoints[0].id.clone();
    assert_eq!(
        s(&f).band_moves,
        vec![BandMove {
            at: at(3),
            checkpoint: cp0,
            from: Band { low: 4, high: 7 },
            to: Band { low: 5, high: 7 },
            reason: "this room can take more".into(),
        }]
    );
    // A second move, left by another key: kept, without a reason.
    press(&mut f, ch('b'), 8);
    press(&mut f, key(KeyCode::Tab), 8);
    press(&mut f, key(KeyCode::Up), 8);
    press(&mut f, ch('n'), 9);
    assert!(is_browse(&f));
    assert_eq!(s(&f).progress.current, 1);
    assert_eq!(s(&f).band_moves.len(), 2);
    assert_eq!(s(&f).band_moves[1].to, Band { low: 5, high: 8 });
    assert_eq!(s(&f).band_moves[1].reason, "");
    // A band that did not move records nothing.
    press(&mut f, ch('b'), 10);
    press(&mut f, key(KeyCode::Enter), 10);
    assert!(is_browse(&f));
    assert_eq!(s(&f).band_moves.len(), 2);
    // Undoing the move undoes its record too.
    press(&mut f, ch('u'), 11);
    assert_eq!(s(&f).band, Band { low: 5, high: 7 });
    assert_eq!(s(&f).band_moves.len(), 1);
}

#[test]
fn a_changed_reaction_keeps_the_earlier_one_with_its_time() {
    let mut f = flow();
    let id = idea(&mut f, "Scrap the bonus", 10);
    // Not noted -> laughter at 20, then curiosity at 30 (the picker).
    pick_down(&mut f, 'r', 3, 20);
    pick_down(&mut f, 'r', 2, 30);
    // The same reaction again is no change.
    pick_down(&mut f, 'r', 0, 35);
    let g = s(&f).gadflies.iter().find(|g| g.id == id).unwrap();
    assert_eq!(g.reaction, Reaction::Curiosity);
    assert_eq!(
        g.reactions,
        vec![
            ReactionChange {
                at: at(20),
                was: Reaction::NotYetSeen
            },
            ReactionChange {
                at: at(30),
                was: Reaction::Laughter
            },
        ]
    );
    assert_eq!(
        g.reaction_story(),
        vec![
            (at(10), Reaction::NotYetSeen),
            (at(20), Reaction::Laughter),
            (at(30), Reaction::Curiosity),
        ]
    );
    // Through the form too: the reaction field moved one on, to support.
    press(&mut f, ch('e'), 40);
    for _ in 0..3 {
        press(&mut f, key(KeyCode::Tab), 40);
    }
    press(&mut f, key(KeyCode::Right), 40);
    press(&mut f, key(KeyCode::Enter), 41);
    let g = s(&f).gadflies.iter().find(|g| g.id == id).unwrap();
    assert_eq!(g.reaction, Reaction::Support);
    assert_eq!(g.reactions.len(), 3);
    assert_eq!(
        g.reactions[2],
        ReactionChange {
            at: at(41),
            was: Reaction::Curiosity
        }
    );
    let rows = s(&f).details_of(ItemKind::Gadfly, 0);
    assert!(
        rows.iter()
            .any(|(k, v)| k == "reactions" && v.contains("laughter 14:00 → curiosity 14:00")),
        "{rows:?}"
    );
    // Undo puts the reaction and its history back as they were.
    press(&mut f, ch('u'), 42);
    assert_eq!(s(&f).gadflies[0].reactions.len(), 2);
}

#[test]
fn an_adopted_idea_becomes_an_experiment_whose_result_is_kept() {
    let mut f = flow();
    let id = idea(&mut f, "Let agents refund without asking", 10);
    pick_down(&mut f, 'f', 2, 11);
    assert_eq!(s(&f).gadflies[0].fate, Fate::Adopted);
    // W, then the second kind of work: an experiment, its words the idea's.
    pick_down(&mut f, 'W', 1, 12);
    match &live(&f).mode {
        Focus::Form(form) => {
            assert_eq!(form.purpose, Purpose::Item(ItemKind::Experiment));
            assert_eq!(form.text("trial"), "Let agents refund without asking");
            assert_eq!(form.from_idea, Some(id));
        }
        _ => panic!("no form"),
    }
    // Enter with no owner names the field and moves there.
    press(&mut f, key(KeyCode::Enter), 13);
    assert!(s(&f).experiments.is_empty());
    match &live(&f).mode {
        Focus::Form(form) => assert_eq!(form.fields[form.focus].key, "owner"),
        _ => panic!("the form closed"),
    }
    typ(&mut f, "Dana Levi", 13);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 14), vec![Effect::Save]);
    let x = s(&f).experiments.last().unwrap().clone();
    assert_eq!(
        (x.from_idea, x.result, x.owner.as_str()),
        (Some(id), ExperimentResult::Running, "Dana Levi")
    );
    let became = format!(
        "became experiment #{} (running, Dana Levi, review {})",
        x.id, x.review
    );
    let rows = s(&f).details_of(ItemKind::Gadfly, 0);
    assert!(rows.iter().any(|(_, v)| *v == became), "{rows:?}");
    // The experiment says where it came from; a second W says where it went.
    while live(&f).kind != ItemKind::Gadfly {
        press(&mut f, key(KeyCode::Tab), 15);
    }
    press(&mut f, ch('W'), 15);
    assert!(f.notice.as_ref().unwrap().text.contains("experiment #"));
    while live(&f).kind != ItemKind::Experiment {
        press(&mut f, key(KeyCode::Tab), 16);
    }
    let rows = s(&f).details_of(ItemKind::Experiment, 0);
    assert!(rows.contains(&("came from".into(), format!("gadfly idea #{id}"))));
    // Its result, picked like a commitment's status, and undone.
    assert!(live(&f).keys_here().contains(&(Action::Fate, "result")));
    press(&mut f, ch('f'), 17);
    match &live(&f).mode {
        Focus::Picker(p) => {
            assert_eq!(p.title, format!("Result of experiment #{}", x.id));
            assert_eq!(p.options.len(), ExperimentResult::ALL.len());
        }
        _ => panic!("no picker"),
    }
    press(&mut f, key(KeyCode::Down), 17);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 17), vec![Effect::Save]);
    assert_eq!(s(&f).experiments[0].result, ExperimentResult::Worked);
    assert!(s(&f).became(id).unwrap().contains("(it worked,"));
    press(&mut f, ch('u'), 18);
    assert_eq!(s(&f).experiments[0].result, ExperimentResult::Running);
}

#[test]
fn a_function_that_owns_an_experiment_is_not_exempt() {
    let mut f = flow();
    let before = s(&f).exempted().len();
    let mut ses = s(&f).clone();
    let function = ses.functions[0].clone();
    let id = ses.take_id();
    ses.experiments.push(Experiment {
        id,
        at: t0(),
        checkpoint: "work".into(),
        trial: "Try it".into(),
        expect: String::new(),
        owner: "Dana Levi".into(),
        review: t0().date_naive(),
        result: ExperimentResult::Running,
        learned: String::new(),
        function: function.to_uppercase(),
        overridden: Vec::new(),
        from_idea: None,
    });
    assert_eq!(ses.exempted().len(), before - 1);
    assert!(!ses.exempted().contains(&function.as_str()));
    f = Flow::in_session(ses, t0());
    assert_eq!(s(&f).open_work(), 1);
}

#[test]
fn an_adopted_idea_becomes_a_commitment_that_links_back() {
    let mut f = flow();
    let id = idea(&mut f, "Answer every call within a minute", 10);
    // Not adopted yet: no form.
    press(&mut f, ch('W'), 11);
    assert!(is_browse(&f));
    assert!(f.notice.as_ref().unwrap().text.contains("adopt"));
    pick_down(&mut f, 'f', 2, 12);
    assert_eq!(s(&f).gadflies[0].fate, Fate::Adopted);
    assert!(
        live(&f)
            .keys_here()
            .iter()
            .any(|(a, _)| *a == Action::ToWork)
    );
    // W asks which kind of work; Enter takes the first, a commitment.
    press(&mut f, ch('W'), 13);
    match &live(&f).mode {
        Focus::Picker(p) => assert_eq!(
            p.options.iter().map(|o| o.0.as_str()).collect::<Vec<_>>(),
            ["a commitment", "an experiment"]
        ),
        _ => panic!("no picker"),
    }
    press(&mut f, key(KeyCode::Enter), 13);
    // Closed with something typed, the draft comes back with the same key.
    typ(&mut f, " now", 13);
    press(&mut f, key(KeyCode::Esc), 13);
    assert!(
        f.notice.as_ref().unwrap().text.contains('W'),
        "{:?}",
        f.notice
    );
    press(&mut f, ch('W'), 13);
    match &live(&f).mode {
        Focus::Form(form) => {
            assert_eq!(form.text("what"), "Answer every call within a minute now");
            assert_eq!(form.from_idea, Some(id));
        }
        _ => panic!("no form"),
    }
    press(&mut f, key(KeyCode::Tab), 13);
    typ(&mut f, "Dana Levi", 13);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 14), vec![Effect::Save]);
    let c = s(&f).commitments.last().unwrap().clone();
    assert_eq!(c.from_idea, Some(id));
    assert_eq!(c.owner, "Dana Levi");
    assert_eq!(c.status, CommitmentStatus::Open);
    assert_eq!(s(&f).work_of(id).map(|c| c.id), Some(c.id));
    let became = format!(
        "became commitment #{} (open, Dana Levi, review {})",
        c.id, c.review
    );
    let rows = s(&f).details_of(ItemKind::Gadfly, 0);
    assert!(rows.iter().any(|(_, v)| *v == became), "{rows:?}");
    let (tag, _) = s(&f).summary_of(ItemKind::Gadfly, 0).unwrap();
    assert!(tag.starts_with(&format!("→ #{} · adopted", c.id)), "{tag}");
    // Changing the commitment keeps its link; a second W says where it went.
    press(&mut f, ch('e'), 15);
    press(&mut f, key(KeyCode::Enter), 15);
    assert_eq!(s(&f).commitments.last().unwrap().from_idea, Some(id));
    while live(&f).kind != ItemKind::Gadfly {
        press(&mut f, key(KeyCode::Tab), 16);
    }
    press(&mut f, ch('W'), 16);
    assert!(is_browse(&f));
    assert!(
        f.notice
            .as_ref()
            .unwrap()
            .text
            .contains(&format!("#{}", c.id))
    );
    assert_eq!(s(&f).commitments.len(), 1);
    assert!(validate::session(s(&f)).is_empty());
}

fn ctrl_key(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn in_readiness(f: &Flow) -> bool {
    matches!(&live(f).mode, Focus::Form(x) if x.purpose == Purpose::Readiness)
}

#[test]
fn raising_asks_readiness_once_per_checkpoint_and_keeps_it_with_the_raise() {
    let mut f = flow();
    press(&mut f, ch('+'), 5);
    assert!(in_readiness(&f));
    // Urgency: the whole system; ripeness: ripe; the evidence typed.
    press(&mut f, key(KeyCode::Right), 5);
    press(&mut f, key(KeyCode::Tab), 5);
    press(&mut f, key(KeyCode::Right), 5);
    press(&mut f, key(KeyCode::Tab), 5);
    typ(&mut f, "all three sites raised refunds", 5);
    press(&mut f, key(KeyCode::Enter), 5);
    let Focus::Picker(p) = &live(&f).mode else {
        panic!("the tactic picker follows the check");
    };
    assert!(p.info[0].contains("ripe, urgency felt by the whole system"));
    press(&mut f, key(KeyCode::Enter), 6);
    let want = Readiness::Checked {
        urgency: Urgency::WholeSystem,
        ripeness: Ripeness::Ripe,
        evidence: "all three sites raised refunds".into(),
    };
    assert_eq!(s(&f).readings[0].readiness.as_ref(), Some(&want));
    // Not asked again here while the answer is fresh.
    press(&mut f, ch('+'), 60);
    assert!(matches!(live(&f).mode, Focus::Picker(_)));
    press(&mut f, key(KeyCode::Enter), 60);
    assert_eq!(s(&f).readings[1].readiness, None);
    // Stale: asked again, starting from the last answer.
    let later = 6 + STALE_SECS;
    press(&mut f, ch('+'), later);
    assert!(in_readiness(&f));
    let Focus::Form(form) = &live(&f).mode else {
        unreachable!()
    };
    assert_eq!(form.readiness_answer(), want);
    press(&mut f, key(KeyCode::Esc), later);
    assert!(is_browse(&f) && s(&f).readings.len() == 2);
    // Another checkpoint asks again; lowering and holding never ask.
    jump(&mut f, 2, later);
    press(&mut f, ch('-'), later);
    assert!(matches!(live(&f).mode, Focus::Picker(_)));
    press(&mut f, key(KeyCode::Esc), later);
    press(&mut f, ch('h'), later);
    assert!(matches!(live(&f).mode, Focus::Picker(_)));
    press(&mut f, key(KeyCode::Esc), later);
    press(&mut f, ch('+'), later);
    assert!(in_readiness(&f));
}

fn readiness_focus(f: &Flow) -> usize {
    match &live(f).mode {
        Focus::Form(x) if x.purpose == Purpose::Readiness => x.focus,
        _ => panic!("not in the readiness check"),
    }
}

#[test]
fn the_arrows_move_between_the_readiness_questions_as_tab_does() {
    let mut f = flow();
    press(&mut f, ch('+'), 5);
    let mut by_tab = f.clone();
    let mut seen = Vec::new();
    let mut seen_tab = Vec::new();
    for (arrow, tab) in [
        (KeyCode::Down, KeyCode::Tab),
        (KeyCode::Down, KeyCode::Tab),
        (KeyCode::Down, KeyCode::Tab),
        (KeyCode::Up, KeyCode::BackTab),
        (KeyCode::Up, KeyCode::BackTab),
    ] {
        press(&mut f, key(arrow), 5);
        press(&mut by_tab, key(tab), 5);
        seen.push(readiness_focus(&f));
        seen_tab.push(readiness_focus(&by_tab));
    }
    // Urgency, ripeness, the evidence, round to urgency and back.
    assert_eq!(seen, [1, 2, 0, 2, 1]);
    assert_eq!(seen, seen_tab);
    // From the evidence (one line of text), up goes back to a question.
    press(&mut f, key(KeyCode::Down), 5);
    typ(&mut f, "refunds", 5);
    press(&mut f, key(KeyCode::Up), 5);
    assert_eq!(readiness_focus(&f), 1);
    press(&mut f, key(KeyCode::Right), 5);
    let Focus::Form(form) = &live(&f).mode else {
        unreachable!()
    };
    assert_eq!(form.text("evidence"), "refunds");
    assert_eq!(form.choice("ripeness"), 2);
    // An item form keeps its arrows for its text.
    press(&mut f, key(KeyCode::Esc), 5);
    press(&mut f, ch('a'), 5);
    let Focus::Form(item) = &live(&f).mode else {
        panic!("an item form")
    };
    let before = item.focus;
    press(&mut f, key(KeyCode::Down), 5);
    let Focus::Form(item) = &live(&f).mode else {
        unreachable!()
    };
    assert_eq!(item.focus, before);
}

#[test]
fn the_readiness_key_bar_says_enter_goes_on_to_the_tactic() {
    let mut f = flow();
    press(&mut f, ch('+'), 5);
    let bar = f.keymap.bar(f.ctx());
    let enter = bar.iter().find(|(k, _, _)| k == "Enter").expect("Enter");
    assert_eq!(enter.1, "choose tactic");
    assert!(bar.iter().all(|(_, w, _)| *w != "save"), "{bar:?}");
    assert!(
        bar.iter().any(|(k, w, _)| k == "Tab/↓" && *w == "next"),
        "{bar:?}"
    );
    // What the bar says is what Enter does.
    press(&mut f, key(KeyCode::Enter), 5);
    assert!(matches!(&live(&f).mode, Focus::Picker(_)));
    // An item form's Enter still saves.
    press(&mut f, key(KeyCode::Esc), 5);
    press(&mut f, ch('a'), 5);
    let bar = f.keymap.bar(f.ctx());
    assert!(
        bar.iter().any(|(k, w, _)| k == "Enter" && *w == "save"),
        "{bar:?}"
    );
}

#[test]
fn a_readiness_check_skipped_is_kept_as_not_checked() {
    let mut f = flow();
    press(&mut f, ch('+'), 5);
    assert!(press(&mut f, ctrl_key('n'), 5).is_empty());
    press(&mut f, key(KeyCode::Enter), 5);
    assert_eq!(s(&f).readings[0].readiness, Some(Readiness::NotChecked));
    // Skipping counts as this checkpoint's answer: not asked again.
    press(&mut f, ch('+'), 10);
    assert!(matches!(live(&f).mode, Focus::Picker(_)));
    // Esc in the tactic picker drops the raise and its check.
    press(&mut f, key(KeyCode::Esc), 10);
    assert_eq!(s(&f).readings.len(), 1);
}

#[test]
fn raising_an_unripe_issue_needs_a_reason() {
    let mut f = flow();
    press(&mut f, ch('+'), 5);
    press(&mut f, key(KeyCode::Tab), 5);
    press(&mut f, key(KeyCode::Left), 5);
    press(&mut f, key(KeyCode::Enter), 5);
    assert!(press(&mut f, key(KeyCode::Enter), 6).is_empty());
    assert!(s(&f).readings.is_empty());
    assert_eq!(
        f.notice.as_ref().unwrap().text,
        s::unripe_needs_reason("Esc")
    );
    assert!(matches!(live(&f).mode, Focus::Picker(_)));
    typ(&mut f, "the sponsor asked for it", 6);
    assert_eq!(press(&mut f, key(KeyCode::Enter), 6), vec![Effect::Save]);
    let r = &s(&f).readings[0];
    assert!(r.readiness.as_ref().unwrap().is_unripe());
    assert_eq!(r.reason, "the sponsor asked for it");
    // The unripe answer still holds here: the next raise asks why too.
    press(&mut f, ch('+'), 30);
    press(&mut f, key(KeyCode::Enter), 30);
    assert_eq!(s(&f).readings.len(), 1);
    typ(&mut f, "again", 30);
    press(&mut f, key(KeyCode::Enter), 30);
    assert_eq!(s(&f).readings[1].reason, "again");
}

#[test]
fn a_map_takes_a_third_pole_with_its_own_signs() {
    let mut f = flow();
    // Purpose, left, right; then past the signs to the third pole and its sign.
    capture(
        &mut f,
        5,
        &[
            (0, "a business that lasts"),
            (1, "Customer needs"),
            (5, "Employee needs"),
            (7, "The quarter's bottom line"),
            (2, "growth"),
            (3, "discounts without a case @ Ana"),
        ],
    );
    let p = &s(&f).polarities[0];
    let third = p.third.as_deref().expect("a third pole");
    assert_eq!(third.name, "The quarter's bottom line");
    assert_eq!(third.upsides, vec!["growth"]);
    assert_eq!(p.warnings[0].overdone, Side::Third);
    assert_eq!(p.pole_name(Side::Third), "The quarter's bottom line");
    assert_eq!(
        p.summary().0,
        "Customer needs ↔ Employee needs ↔ The quarter's botto…"
    );
    // Changing it keeps the third pole, and a third sign without a named
    // third pole is refused rather than lost.
    press(&mut f, ch('e'), 2);
    assert_eq!(form_of(&f).text("third"), "The quarter's bottom line");
    press(&mut f, key(KeyCode::Esc), 2);
    let eff = capture(
        &mut f,
        5,
        &[(1, "A"), (5, "B"), (7, ""), (5, "a sign @ Bo")],
    );
    assert!(eff.is_empty());
    assert_eq!(form_of(&f).error.as_deref(), Some(s::THIRD_POLE_NEEDS_NAME));
    assert_eq!(s(&f).polarities.len(), 1);
}

#[test]
fn a_maps_purpose_is_worded_for_two_poles_or_three() {
    let mut f = flow();
    for _ in 0..20 {
        if live(&f).kind == ItemKind::Polarity {
            break;
        }
        press(&mut f, key(KeyCode::Tab), 5);
    }
    press(&mut f, ch('a'), 5);
    let form = |f: &Flow| match &live(f).mode {
        Focus::Form(x) if x.purpose == Purpose::Item(ItemKind::Polarity) => x.as_ref().clone(),
        _ => panic!("the polarity map's form"),
    };
    let purpose = |f: &Flow| {
        let x = form(f);
        x.label(x.fields.iter().position(|x| x.key == "purpose").unwrap())
    };
    assert_eq!(purpose(&f), "The purpose both poles serve");
    while form(&f).fields[form(&f).focus].key != "third" {
        press(&mut f, key(KeyCode::Tab), 5);
    }
    typ(&mut f, "Quarterly numbers", 5);
    assert_eq!(purpose(&f), "The purpose all three poles serve");
    // The third pole's name taken out again: two poles.
    for _ in 0.."Quarterly numbers".len() {
        press(&mut f, key(KeyCode::Backspace), 5);
    }
    assert_eq!(purpose(&f), "The purpose both poles serve");
    // A map of three, changed later, reads as three from the start.
    typ(&mut f, "Quarterly numbers", 5);
    for (field, text) in [("left", "Customer focus"), ("right", "Efficiency")] {
        while form(&f).fields[form(&f).focus].key != field {
            press(&mut f, key(KeyCode::Tab), 5);
        }
        typ(&mut f, text, 5);
    }
    press(&mut f, key(KeyCode::Enter), 5);
    assert!(s(&f).polarities[0].third.is_some());
    press(&mut f, ch('e'), 6);
    assert_eq!(purpose(&f), "The purpose all three poles serve");
}
