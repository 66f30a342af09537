//! The real binary: `balcony review` reads a folder (broken files included),
//! opens, compares and exports, and leaves every session file as it was;
//! `balcony new --follow-up` starts with the earlier session's open items.

use crate::pty;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use balcony::session::{CommitmentStatus, store};
use pty::{Pty, keys};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `dir/sessions` with the example sessions and two broken files.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir(&sessions).unwrap();
    for e in std::fs::read_dir(root().join("sessions/examples")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, sessions.join(p.file_name().unwrap())).unwrap();
    }
    for name in ["truncated.ron", "bad-date.ron"] {
        std::fs::copy(
            root().join("tests/fixtures/broken").join(name),
            sessions.join(name),
        )
        .unwrap();
    }
    dir
}

/// Every file's bytes and modification time (the review index aside).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().unwrap() != balcony::review::index::FILE_NAME)
        .map(|p| {
            let m = std::fs::metadata(&p).unwrap().modified().unwrap();
            (p.clone(), (std::fs::read(&p).unwrap(), m))
        })
        .collect()
}

#[test]
fn review_reads_and_never_writes() {
    let dir = setup();
    let sessions = dir.path().join("sessions");
    let before = snapshot(&sessions);
    let mut t = Pty::spawn(&["review"], dir.path(), &[]);
    t.wait_text("Ward 7 discharges");
    t.wait_text("! truncated.ron:68:31:");
    t.send("\r");
    // The newest is selected once every file is read.
    t.wait_text("Ward 7 discharges: my part · 2026-11-18");
    t.send("\x1b[6~"); // PgDn
    t.send("x");
    t.wait_text("written:");
    t.send(keys::ESC);
    t.wait_text("open/kept");
    t.send("\x1b[H"); // Home
    t.send(" ");
    t.wait_text("1 marked");
    t.send(" ");
    t.wait_text("2 marked");
    t.send("c");
    t.wait_text("Compare 2 sessions");
    t.send(keys::ESC);
    t.wait_text("open/kept");
    t.send("/harbour\r");
    t.wait_text("1 of 5 shown");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.terminal_restored().unwrap();
    assert_eq!(snapshot(&sessions), before, "no session file changed");
    assert!(sessions.join(balcony::review::index::FILE_NAME).is_file());
    let exports: Vec<_> = std::fs::read_dir(sessions.join("exports"))
        .unwrap()
        .collect();
    assert_eq!(exports.len(), 2, "Markdown and HTML");
}

#[test]
fn new_follow_up_starts_with_the_open_items() {
    let dir = setup();
    let sessions = dir.path().join("sessions");
    let earlier = sessions.join("2026-10-02-1400-harbour-hale-returns-whose-customer-is-it.ron");
    let old = store::load(&earlier).unwrap();
    let open = old
        .commitments
        .iter()
        .filter(|c| c.status == CommitmentStatus::Open)
        .count();
    let mut t = Pty::spawn(
        &["new", "--follow-up", earlier.to_str().unwrap()],
        dir.path(),
        &[],
    );
    t.wait_text("follow-up of 2026-10-02-1400");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let new: Vec<PathBuf> = store::session_files(&sessions)
        .unwrap()
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains("follow-up")
        })
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    let s = store::load(&new[0]).unwrap();
    assert_eq!(
        s.meta.follows.as_deref(),
        Some("2026-10-02-1400-harbour-hale-returns-whose-customer-is-it.ron")
    );
    assert_eq!(s.commitments.len(), open);
    assert!(open > 0);
}

#[test]
fn review_of_a_missing_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_balcony"))
        .args(["review", dir.path().join("nope").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the folder"));
}

#[test]
fn review_of_several_folders_names_them_all() {
    let dir = setup();
    for team in ["ops", "sales"] {
        let folder = dir.path().join(team);
        std::fs::create_dir(&folder).unwrap();
        let s = store::load(
            &root()
                .join("sessions/examples")
                .join("2026-11-10-0930-northline-keeping-customers.ron"),
        )
        .unwrap();
        store::save(&folder.join(format!("{team}.ron")), &s).unwrap();
    }
    let mut t = Pty::spawn(&["review", "sessions", "ops", "sales"], dir.path(), &[]);
    t.wait_text("balcony · Review · sessions, ops, sales · read-only");
    t.send("q");
    t.wait_exit();
}

#[test]
fn review_shows_the_issues_a_session_raised_before() {
    let dir = setup();
    let sessions = dir.path().join("sessions");
    let mut again =
        store::load(&sessions.join("2026-11-10-0930-northline-keeping-customers.ron")).unwrap();
    again.meta.title = "Northline again".into();
    again.meta.created += chrono::Duration::days(30);
    again.meta.updated += chrono::Duration::days(30);
    store::save(&sessions.join("2026-12-10-northline-again.ron"), &again).unwrap();
    // The index built first: review asks it on another thread.
    let list = assert_cmd::Command::cargo_bin("balcony")
        .unwrap()
        .args(["list", sessions.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(list.status.success());
    let mut t = Pty::spawn(&["review"], dir.path(), &[]);
    t.wait_text("Northline again");
    t.wait_text("! truncated.ron:68:31:");
    t.send("\r");
    t.wait_text("Review · Northline again");
    t.wait_text("Raised in earlier sessions (8)");
    t.wait_text("raised in 1 earlier session (first 2026-11-10)");
    t.send("q");
    t.wait_exit();
}
