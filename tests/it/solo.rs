//! The solo reflection completed end to end at the flow level: keys through
//! every checkpoint, a journal entry at each, a reading of my own heat, the
//! one commitment I own; then the file is whole and exports stay private.

use crate::common;

use balcony::export::render as export;
use balcony::flow::{Flow, Input};
use balcony::session::{ItemKind, Mode, Session, Status, store, validate};
use balcony::workshop::Builtin;
use common::*;
use crossterm::event::KeyCode;

fn enter(f: &mut Flow, secs: i64) {
    press(f, key(KeyCode::Enter), secs);
}

fn tab(f: &mut Flow, n: usize, secs: i64) {
    for _ in 0..n {
        press(f, key(KeyCode::Tab), secs);
    }
}

fn checkpoint_id(f: &Flow) -> String {
    f.live().unwrap().checkpoint().id.clone()
}

#[test]
fn a_reflection_can_be_completed_end_to_end() {
    let s = Session::new(
        Builtin::Solo.workshop(),
        "Am I the bottleneck?",
        "Ana",
        t0(),
    );
    assert_eq!(s.meta.mode, Mode::Solo);
    let mut f = Flow::in_session(s, t0());
    let n = f.session().unwrap().workshop.checkpoints.len();
    let mut t = 0;
    for i in 0..n {
        t += 300;
        let id = checkpoint_id(&f);
        match id.as_str() {
            "avoid" => {
                press(&mut f, ch('a'), t);
                typ(&mut f, "Support says refunds take three weeks", t);
                enter(&mut f, t);
            }
            "my-part" | "my-values" => {
                press(&mut f, ch('a'), t);
                if id == "my-values" {
                    // A polarity map: purpose, left pole, then the right pole.
                    typ(&mut f, "keep customers and the business alive", t);
                    tab(&mut f, 1, t);
                    typ(&mut f, "Customer generosity", t);
                    tab(&mut f, 5, t);
                    typ(&mut f, "Cost discipline", t);
                } else {
                    typ(&mut f, "I approve every refund over 50 myself", t);
                }
                enter(&mut f, t);
            }
            "my-lies" => {
                press(&mut f, ch('a'), t);
                typ(&mut f, "I can't change the refund policy", t);
                enter(&mut f, t);
            }
            "my-heat" => {
                press(&mut f, ch('+'), t);
                // The readiness check, kept as it starts.
                enter(&mut f, t);
                typ(&mut f, "stretched, usefully", t);
                enter(&mut f, t);
                press(&mut f, ch('a'), t);
                typ(&mut f, "I notice I blame finance", t);
                enter(&mut f, t);
            }
            "my-commitment" => {
                press(&mut f, ch('a'), t);
                typ(&mut f, "Delegate refunds under 200 to the front line", t);
                // The owner is already "me": the one commitment I own.
                enter(&mut f, t);
            }
            other => panic!("a checkpoint this test does not know: {other}"),
        }
        assert!(
            matches!(f.live().unwrap().mode, balcony::flow::Focus::Browse),
            "{id}: the entry was saved (form closed); notice {:?}",
            f.notice
        );
        // The calm layout: no projector elements, no key bar pressure.
        let screen = render(&f, 100, 30);
        assert!(screen.contains("private"), "{screen}");
        assert!(!screen.contains("TIME UP"), "{screen}");
        if i + 1 < n {
            press(&mut f, ch('n'), t);
        }
    }
    press(&mut f, Input::Tick, t + 3600);
    let screen = render(&f, 100, 30);
    assert!(screen.contains("past the suggested time"), "{screen}");
    assert!(!screen.contains("TIME UP"), "{screen}");
    press(&mut f, ch('q'), t + 3601);

    let ses = f.session().unwrap().as_ref().clone();
    assert!(
        ses.progress
            .checkpoints
            .iter()
            .all(|c| c.status == Status::Visited),
        "{:?}",
        ses.progress.checkpoints
    );
    for (kind, count) in [
        (ItemKind::Fact, 1),
        (ItemKind::Note, 2),
        (ItemKind::Assumption, 1),
        (ItemKind::Polarity, 1),
        (ItemKind::Commitment, 1),
    ] {
        assert_eq!(ses.count(kind), count, "{kind:?}");
    }
    assert_eq!(ses.readings.len(), 1);
    assert_eq!(ses.commitments[0].owner, "me");
    assert!(validate::session(&ses).is_empty());

    // Saved durably and read back whole.
    let dir = tempfile::tempdir().unwrap();
    let path = store::create(dir.path(), &ses).unwrap();
    assert_eq!(store::load(&path).unwrap(), ses);

    // Private: the leader's name appears in no export.
    for format in [
        balcony::cli::ExportFormat::Md,
        balcony::cli::ExportFormat::Html,
        balcony::cli::ExportFormat::Csv,
    ] {
        let out = export(&ses, format);
        assert!(!out.contains("Ana"), "{format:?} names the author:\n{out}");
    }
}

#[test]
fn the_reflection_screen_is_calm() {
    let s = Session::new(
        Builtin::Solo.workshop(),
        "Am I the bottleneck?",
        "Ana",
        t0(),
    );
    let mut f = Flow::in_session(s, t0());
    press(&mut f, ch('a'), 5);
    typ(&mut f, "Support says refunds take three weeks", 5);
    enter(&mut f, 6);
    f.handle(Input::Saved(at(6)), f.now);
    press(&mut f, Input::Tick, 12 * 60);
    insta::assert_snapshot!(render(&f, 100, 30));
}

#[test]
fn the_reflection_asks_for_customers_forces_and_readiness() {
    let w = Builtin::Solo.workshop();
    let collects: Vec<ItemKind> = w
        .checkpoints
        .iter()
        .flat_map(|c| c.collects.clone())
        .collect();
    assert!(collects.contains(&ItemKind::Customer) && collects.contains(&ItemKind::Force));
    let heat = w.checkpoints.iter().find(|c| c.id == "my-heat").unwrap();
    assert!(heat.purpose.contains("ripe"), "{}", heat.purpose);
    // The default folds the same in: still twelve checkpoints.
    let d = Builtin::Default.workshop();
    assert_eq!(d.checkpoints.len(), 12);
    let values = d.checkpoints.iter().find(|c| c.id == "values").unwrap();
    assert!(values.purpose.contains("third pole"), "{}", values.purpose);
    let regulate = d.checkpoints.iter().find(|c| c.id == "regulate").unwrap();
    assert!(
        regulate.purpose.contains("readiness"),
        "{}",
        regulate.purpose
    );
}
