//! One writer per session file, through the real binary: a second balcony
//! on the same file is told who holds it and how to follow it read-only, a
//! killed holder does not block, and a change made on disk by something else
//! stops autosave instead of being overwritten.

use crate::pty;

use std::path::{Path, PathBuf};
use std::time::Instant;

use balcony::session::{Session, store};
use pty::{DEADLINE, Pty, keys, session_file};

/// The emergency copies in the user's state folder (HOME is the test's dir).
pub fn emergency_copies(home: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(home.join(".local/state/balcony"))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

/// The first save is on disk ("not saved yet" is not it).
pub fn wait_saved(t: &Pty) {
    t.wait_for("the first save", |s| {
        let c = s.contents();
        c.contains("saved") && !c.contains("not saved yet")
    });
}

pub fn add_gadfly(t: &mut Pty, text: &str) {
    t.send("g");
    t.wait_text("New gadfly idea");
    t.send(text);
    t.send(keys::ENTER);
    t.wait_for("the idea listed", |s| {
        let c = s.contents();
        !c.contains("New gadfly idea") && c.contains(text)
    });
}

#[test]
fn a_second_writer_is_turned_away_and_a_killed_one_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Pty::spawn(&["new", "--title", "One writer"], dir.path(), &[]);
    first.wait_text("checkpoint 1/12");
    wait_saved(&first);
    let file = session_file(dir.path());
    let name = file.to_str().unwrap();

    let mut second = Pty::spawn(&["open", name], dir.path(), &[]);
    let code = second.wait_exit();
    let said = second.screen();
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("open for writing"), "{said}");
    assert!(said.contains(&format!("pid {}", first.pid())), "{said}");
    assert!(said.contains("balcony present"), "{said}");
    second.terminal_restored().unwrap();

    // The first goes on saving as before.
    add_gadfly(&mut first, "Kept by the one writer");
    let start = Instant::now();
    while !store::load(&file).is_ok_and(|s: Session| s.gadflies.len() == 1) {
        assert!(
            start.elapsed() < DEADLINE,
            "the idea never reached the file"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }

    // Killed outright: its lock goes with it.
    first.signal(libc::SIGKILL);
    first.wait_exit();
    assert_eq!(store::load(&file).unwrap().gadflies.len(), 1);
    let mut third = Pty::spawn(&["open", name], dir.path(), &[]);
    third.wait_text("checkpoint 1/12");
    third.send("q");
    assert_eq!(third.wait_exit(), 0, "{}", third.screen());
    assert_eq!(store::load(&file).unwrap().gadflies.len(), 1);
}

#[test]
fn a_change_made_on_disk_by_something_else_stops_autosave() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn(&["new", "--title", "Edited elsewhere"], dir.path(), &[]);
    t.wait_text("checkpoint 1/12");
    wait_saved(&t);
    let file = session_file(dir.path());
    let theirs = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Edited elsewhere", "Someone else's title");
    std::fs::write(&file, &theirs).unwrap();

    add_gadfly(&mut t, "Only in memory");
    t.wait_text("AUTOSAVE STOPPED");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);

    // Quitting asks, and the emergency copy keeps the work.
    t.send("q");
    t.wait_text("The latest changes are NOT on disk");
    t.wait_text("was changed on disk by");
    t.wait_text(".local/state/balcony");
    t.send(keys::ENTER);
    assert_eq!(t.wait_exit(), 1);
    t.terminal_restored().unwrap();
    assert!(t.screen().contains("emergency copy"), "{}", t.screen());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        theirs,
        "never overwritten"
    );
    let copies = emergency_copies(dir.path());
    assert_eq!(copies.len(), 1, "{copies:?}");
    let copy = store::load(&copies[0]).unwrap();
    assert_eq!(copy.gadflies[0].text, "Only in memory");
    assert_eq!(copy.meta.title, "Edited elsewhere");
}

#[test]
fn the_start_screen_shows_a_session_another_balcony_writes_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Pty::spawn(&["new", "--title", "Held"], dir.path(), &[]);
    first.wait_text("checkpoint 1/12");
    wait_saved(&first);
    let file = session_file(dir.path());
    let before = std::fs::read(&file).unwrap();

    let mut second = Pty::spawn(&[], dir.path(), &[]);
    // The recent list names the session by its date and title.
    second.wait_text("  Held");
    // Shift-Tab twice: from the form's first field to the recent sessions.
    second.send("\x1b[Z\x1b[Z");
    second.send(keys::ENTER);
    // Shown read-only instead, saying who writes it.
    second.wait_text(&format!("READ-ONLY: another balcony (pid {}", first.pid()));
    second.wait_text("Review · Held");
    assert!(
        !second.screen().contains("checkpoint 1/12"),
        "{}",
        second.screen()
    );
    second.send("q");
    assert_eq!(second.wait_exit(), 0);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is untouched"
    );
    first.send("q");
    assert_eq!(first.wait_exit(), 0);
}
