//! Quitting while saves fail, through the real binary: the sessions folder
//! is taken away under a running balcony (root can write anywhere, so a
//! read-only folder would not fail here; a folder that is gone fails for
//! everyone). `q` asks and writes an emergency copy, naming its path; a
//! signal writes one without asking.

use crate::one_writer::{add_gadfly, emergency_copies, wait_saved};
use crate::pty;
use crate::pty::session_file;

use balcony::session::store;
use pty::{Pty, keys};

/// A running balcony whose sessions folder has just gone: the next save fails.
fn failing(title: &str) -> (tempfile::TempDir, Pty) {
    let dir = tempfile::tempdir().unwrap();
    let t = Pty::spawn(&["new", "--title", title], dir.path(), &[]);
    t.wait_text("checkpoint 1/12");
    wait_saved(&t);
    session_file(dir.path());
    std::fs::rename(dir.path().join("sessions"), dir.path().join("moved")).unwrap();
    (dir, t)
}

#[test]
fn q_asks_and_writes_an_emergency_copy_naming_its_path() {
    let (dir, mut t) = failing("Disk gone");
    add_gadfly(&mut t, "Worth keeping");
    t.wait_text("SAVE FAILED");
    assert!(!t.screen().contains("saved"), "{}", t.screen());

    t.send("q");
    t.wait_text("NOT on disk");
    t.wait_text(".local/state/balcony");
    // Esc goes back to work; the session is still there.
    t.send(keys::ESC);
    t.wait_for("the question closed", |s| {
        !s.contents().contains("NOT on disk")
    });
    t.send("n");
    t.wait_text("2/12");
    t.send("q");
    t.wait_text("NOT on disk");
    t.send("q");
    assert_eq!(t.wait_exit(), 1, "unsaved work is not a success");
    t.terminal_restored().unwrap();
    let copies = emergency_copies(dir.path());
    assert_eq!(copies.len(), 1, "{copies:?}");
    let shown = t.screen().replace('\n', "");
    assert!(
        shown.contains(copies[0].to_str().unwrap()),
        "the path is named: {shown}"
    );
    let copy = store::load(&copies[0]).unwrap();
    assert_eq!(copy.gadflies[0].text, "Worth keeping");
    assert_eq!(copy.progress.current, 1, "the very last state");
}

#[test]
fn a_signal_while_saves_fail_leaves_an_emergency_copy() {
    let (dir, mut t) = failing("Killed while failing");
    add_gadfly(&mut t, "Not lost to SIGTERM");
    t.wait_text("SAVE FAILED");
    t.signal(libc::SIGTERM);
    assert_eq!(t.wait_exit(), 1);
    t.terminal_restored().unwrap();
    let copies = emergency_copies(dir.path());
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(
        store::load(&copies[0]).unwrap().gadflies[0].text,
        "Not lost to SIGTERM"
    );
}
