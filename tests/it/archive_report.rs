//! The archive report (`balcony export --archive DIR`): the heat across
//! sessions, a pure function of them, snapshotted; the command reads the
//! folders one session at a time and names the files it leaves out.

use std::path::PathBuf;

use assert_cmd::Command;
use balcony::review::report::report;
use balcony::session::store;

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sessions/examples")
}

fn sessions() -> Vec<(PathBuf, balcony::session::Session)> {
    let mut out: Vec<_> = balcony::review::index::session_files(&examples())
        .unwrap()
        .into_iter()
        .map(|p| {
            let s = store::load(&p).unwrap();
            (PathBuf::from(p.file_name().unwrap()), s)
        })
        .collect();
    out.reverse();
    out
}

#[test]
fn the_report_over_the_example_sessions() {
    let all = sessions();
    let text = report(&all);
    insta::assert_snapshot!(text);
    // The order they are given in does not matter: oldest first.
    let mut again = all.clone();
    again.reverse();
    assert_eq!(report(&again), text);
}

#[test]
fn the_command_reads_the_folders_and_names_what_it_leaves_out() {
    let dir = tempfile::tempdir().unwrap();
    for (name, s) in sessions() {
        let team = dir.path().join("team");
        std::fs::create_dir_all(&team).unwrap();
        store::save(&team.join(name), &s).unwrap();
    }
    std::fs::write(dir.path().join("broken.ron"), "(schema: 1,").unwrap();
    let out = Command::cargo_bin("balcony")
        .unwrap()
        .args(["export", "--archive"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), report(&sessions()));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("left out: ") && err.contains("broken.ron:1:"),
        "{err}"
    );
    let html = Command::cargo_bin("balcony")
        .unwrap()
        .args(["export", "--format", "html", "--archive"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(html.status.code(), Some(2));
    assert!(html.stdout.is_empty());
}
