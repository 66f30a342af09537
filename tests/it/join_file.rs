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
    assert!(text.contains("participant_readings:"));
    assert!(text.contains("participants: Some("));
    let s = store::load(&path).unwrap();
    assert_eq!(s.participant_ideas.len(), 2);
    assert_eq!(s.participant_ideas[0].state, IdeaState::Waiting);
    let IdeaState::Accepted(g) = s.participant_ideas[1].state else {
        panic!("accepted");
    };
    assert_eq!(s.gadflies[0].id, g);
    assert_eq!(s.readings[0].participants.as_ref().unwrap().total(), 2);
    assert!(matches!(check_file(&path), Ok(Checked::Session(_))));
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
fn a_participants_reading_stays_on_the_scale() {
    let (line, e) = broken("level: 9,", "level: 11,");
    assert!(e.message.contains("off the scale"), "{e}");
    assert!(line.contains("level: 11"), "{e} points at {line:?}");
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
