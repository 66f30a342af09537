//! Starting the live app from the command line: files that cannot be used
//! are reported, exit 1, and are never written.

use assert_cmd::Command;
use predicates::str::contains;

#[test]
fn open_reports_a_broken_file_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let text = "(\n    schema: 1,\n    meta: oops\n";
    std::fs::write(&path, text).unwrap();
    Command::cargo_bin("balcony")
        .unwrap()
        .arg("open")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(contains("broken.ron"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn open_reports_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("balcony")
        .unwrap()
        .arg("open")
        .arg(dir.path().join("nope.ron"))
        .assert()
        .code(1)
        .stderr(contains("nope.ron"));
}

#[test]
fn new_reports_a_broken_template_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("t.ron");
    std::fs::write(
        &template,
        "(name: \"x\", mode: Facilitated, tactics: [], checkpoints: [])",
    )
    .unwrap();
    let sessions = dir.path().join("sessions");
    Command::cargo_bin("balcony")
        .unwrap()
        .args(["new", "--title", "T", "--template"])
        .arg(&template)
        .arg("--dir")
        .arg(&sessions)
        .assert()
        .code(1)
        .stderr(contains("t.ron"));
    assert!(!sessions.exists() || std::fs::read_dir(&sessions).unwrap().next().is_none());
}

/// Without a terminal `open` opens nothing for writing, not even its lock
/// file: a session another balcony holds is left as it is, and the answer is
/// that a terminal is needed (the lock used to be taken first).
#[test]
fn open_without_a_terminal_takes_no_lock() {
    use balcony::session::{lock, store};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("held.ron");
    store::save(&path, &balcony::sample::session(10, 1)).unwrap();
    let held = lock::Lock::acquire(&path, balcony::shell::now()).unwrap();
    let holder = std::fs::read(lock::path_for(&path)).unwrap();
    let open = || {
        Command::cargo_bin("balcony")
            .unwrap()
            .arg("open")
            .arg(&path)
            .assert()
            .code(1)
            .stderr(contains("needs a terminal"))
    };
    open();
    assert_eq!(std::fs::read(lock::path_for(&path)).unwrap(), holder);
    drop(held);
    open();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["held.ron"]);
}

/// The binary gives the three maths functions it needs itself, so the
/// loader maps no libm before the first frame (BENCHMARKS.md). The names of
/// the libraries it needs sit near the front of the file, in `.dynstr`.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_binary_needs_no_maths_library() {
    use std::io::Read;
    let mut head = vec![0; 1 << 16];
    let mut file = std::fs::File::open(env!("CARGO_BIN_EXE_balcony")).unwrap();
    let n = file.read(&mut head).unwrap();
    let has = |name: &[u8]| head[..n].windows(name.len()).any(|w| w == name);
    assert!(has(b"libc.so.6"), "the library names were not found");
    assert!(!has(b"libm.so.6"), "balcony loads libm again");
}
