//! What participants sent, in the session file: saved and loaded whole, and
//! checked like everything else (located errors, nothing overwritten).

use crate::common;

use balcony::commands::{Checked, check_file};
use balcony::flow::Input;
use balcony::flow::join::Arrival;
use balcony::session::{IdeaState, store};
use crossterm::event::KeyCode;

/// A session with a waiting idea, an accepted one, readings, and a
/// facilitator's reading that kept the room's spread.
fn saved(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let mut f = common::live_flow("File");
    f.handle(
        Input::Join(vec![
            Arrival::Idea {
                text: "first".into(),
                name: None,
            },
            Arrival::Idea {
                text: "second, \"quoted\"\nover two lines".into(),
                name: Some("Noor".into()),
            },
            Arrival::Reading {
                device: "device-one".into(),
                level: 4,
            },
            Arrival::Reading {
                device: "device-two".into(),
                level: 9,
            },
        ]),
        common::at(1),
    );
    common::press(&mut f, common::ch('i'), 2);
    common::press(&mut f, common::key(KeyCode::Down), 2);
    common::press(&mut f, common::key(KeyCode::Enter), 2);
    common::press(&mut f, common::key(KeyCode::Esc), 2);
    common::press(&mut f, common::ch('h'), 3);
    common::press(&mut f, common::key(KeyCode::Enter), 3);
    let path = dir.join("s.ron");
    store::save(&path, f.session().unwrap()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

#[test]
fn participants_round_trip_and_check_clean() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = saved(dir.path());
    assert!(text.contains("participant_ideas:"), "{text}");
    assert!(text.contains("room_readings:"));
    assert!(text.contains("participants: Some("));
    // Nothing in the file ties two readings to one phone.
    assert!(!text.contains("device"), "{text}");
    assert!(!text.contains("participant_readings"));
    let s = store::load(&path).unwrap();
    assert_eq!(s.participant_ideas.len(), 2);
    assert_eq!(s.participant_ideas[0].state, IdeaState::Waiting);
    let IdeaState::Accepted(g) = s.participant_ideas[1].state else {
        panic!("accepted");
    };
    assert_eq!(s.gadflies[0].id, g);
    assert_eq!(s.readings[0].participants.as_ref().unwrap().total(), 2);
    let first = &s.workshop.checkpoints[0].id;
    let spread = s.participant_spread(first);
    assert_eq!(
        (spread.counts[4], spread.counts[9], spread.total()),
        (1, 1, 2)
    );
    assert!(matches!(check_file(&path), Ok(Checked::Session(_))));
}

/// A file from an older version, with a device id on each reading.
fn old_file(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let f = common::live_flow("Old");
    let path = dir.join("old.ron");
    store::save(&path, f.session().unwrap()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let s = f.session().unwrap();
    let (a, b) = (&s.workshop.checkpoints[0].id, &s.workshop.checkpoints[1].id);
    let at = s.meta.created.to_rfc3339();
    let old = format!(
        "participant_readings: [
        (at: \"{at}\", checkpoint: \"{a}\", device: \"3f9c0a11aa\", level: 6),
        (at: \"{at}\", checkpoint: \"{a}\", device: \"77b2e410cc\", level: 2),
        (at: \"{at}\", checkpoint: \"{b}\", device: \"3f9c0a11aa\", level: 8),
    ],
    next_id:"
    );
    let text = text.replacen("next_id:", &old, 1);
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

#[test]
fn old_files_with_device_ids_load_and_the_next_save_drops_them() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = old_file(dir.path());
    assert!(matches!(check_file(&path), Ok(Checked::Session(_))));
    let s = store::load(&path).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "loading writes nothing"
    );
    let (a, b) = (&s.workshop.checkpoints[0].id, &s.workshop.checkpoints[1].id);
    let at_a = s.participant_spread(a);
    assert_eq!((at_a.counts[6], at_a.counts[2], at_a.total()), (1, 1, 2));
    assert_eq!(s.participant_spread(b).counts[8], 1);
    assert!(
        s.participant_readings.is_empty(),
        "the devices are forgotten"
    );
    store::save(&path, &s).unwrap();
    let again = std::fs::read_to_string(&path).unwrap();
    assert!(!again.contains("device"), "{again}");
    assert!(!again.contains("3f9c0a11aa"));
    assert!(again.contains("room_readings:"));
    assert_eq!(
        store::load(&path).unwrap(),
        s,
        "what was saved loads the same"
    );
}

#[test]
fn an_old_files_reading_still_stays_on_the_scale() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = old_file(dir.path());
    let bad = text.replacen("level: 8)", "level: 11)", 1);
    std::fs::write(&path, &bad).unwrap();
    let Err(e) = check_file(&path) else {
        panic!("passed the check");
    };
    assert!(e.message.contains("off the scale"), "{e}");
    let line = bad.lines().nth(e.line - 1).unwrap_or_default();
    assert!(line.contains("level: 11"), "{e} points at {line:?}");
}

/// Breaks the saved file with one replacement and returns the error.
fn broken(from: &str, to: &str) -> (String, balcony::session::FileError) {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = saved(dir.path());
    assert!(text.contains(from), "{from} is not in\n{text}");
    let bad = text.replacen(from, to, 1);
    std::fs::write(&path, &bad).unwrap();
    let Err(e) = check_file(&path) else {
        panic!("{to} passed the check");
    };
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        bad,
        "never rewritten"
    );
    let line = bad.lines().nth(e.line - 1).unwrap_or_default().to_string();
    (line, e)
}

#[test]
fn an_accepted_idea_must_name_a_gadfly_idea() {
    let (line, e) = broken("state: Accepted(", "state: Accepted(9");
    assert!(e.message.contains("not a gadfly idea"), "{e}");
    assert!(line.contains("state:"), "{e} points at {line:?}");
}

#[test]
fn the_rooms_readings_name_a_checkpoint_of_the_workshop() {
    let (line, e) = broken(
        "room_readings: [\n        (\n            checkpoint: \"",
        "room_readings: [\n        (\n            checkpoint: \"nowhere",
    );
    assert!(e.message.contains("not in this workshop"), "{e}");
    assert!(
        line.contains("checkpoint:") || line.contains("counts:"),
        "{e} points at {line:?}"
    );
}

#[test]
fn participants_text_holds_no_escapes() {
    let (_, e) = broken("text: \"first\"", "text: \"fi\\u{1b}[2Jrst\"");
    assert!(e.message.contains("control characters"), "{e}");
}

#[test]
fn a_spread_lists_eleven_levels() {
    let (_, e) = broken("counts: [", "counts: [1, ");
    assert!(e.message.contains("11 levels"), "{e}");
}
