//! The non-interactive commands, run as real processes.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn balcony() -> Command {
    let mut cmd = Command::cargo_bin("balcony").unwrap();
    cmd.env_remove("BALCONY_SESSIONS");
    cmd
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("sessions/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 3);
    files
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn check_passes_every_example_and_both_embedded_templates() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = examples();
    for which in ["default", "solo"] {
        let text = stdout_of(balcony().args(["template", "--print", which]));
        let asset = std::fs::read_to_string(root().join(format!("assets/workshop-{which}.ron")));
        assert_eq!(text, asset.unwrap());
        let path = dir.path().join(format!("{which}.ron"));
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    let out = stdout_of(balcony().arg("check").args(&files));
    for f in &files {
        assert!(out.contains(&format!("{}: ok", f.display())), "{out}");
    }
    assert_eq!(out.matches(": ok (session").count(), 3, "{out}");
    assert_eq!(out.matches(": ok (template").count(), 2, "{out}");
}

#[test]
fn check_reports_every_broken_fixture_with_line_and_column() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/broken"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    // One good file among them does not change the verdict.
    files.push(examples()[0].clone());
    let out = balcony().arg("check").args(&files).assert().code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    for f in &files[..files.len() - 1] {
        let prefix = format!("{}:", f.display());
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no FILE:LINE:COL line for {}:\n{stderr}", f.display()));
        let rest: Vec<&str> = line[prefix.len()..].splitn(3, ':').collect();
        assert!(rest[0].parse::<usize>().unwrap() >= 1, "{line}");
        assert!(rest[1].parse::<usize>().unwrap() >= 1, "{line}");
        assert!(rest[2].starts_with(' '), "{line}");
    }
    let n = files.len() - 1;
    assert!(
        stderr.contains(&format!("{n} of {} files failed the check", files.len())),
        "{stderr}"
    );
    // A sample of exact reports, as a facilitator sees them.
    assert!(
        stderr.contains("truncated.ron:68:31: the file ends too early"),
        "{stderr}"
    );
    assert!(
        stderr.contains("commitment-without-owner.ron:89:13: commitment 4 has no owner"),
        "{stderr}"
    );
    assert!(
        stderr.contains("                owner: \"\",\n                ^"),
        "{stderr}"
    );
}

fn sessions_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in examples() {
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    balcony()
        .args(["sample", "-n", "40", "-s", "2", "-o"])
        .arg(dir.path().join("2026-11-23-1405-sample.ron"))
        .assert()
        .success();
    std::fs::copy(
        root().join("tests/fixtures/broken/truncated.ron"),
        dir.path().join("0000-broken.ron"),
    )
    .unwrap();
    dir
}

fn assert_listing(out: &str, dir: &Path) {
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    let order = [
        "Sample workshop 2",
        "Ward 7 discharges",
        "Northline",
        "Harbour & Hale",
    ];
    for (line, title) in lines.iter().zip(order) {
        assert!(
            line.contains(title),
            "expected {title:?} in {line:?}\n{out}"
        );
    }
    assert!(lines[0].starts_with("2026-11-23 14:05"), "{out}");
    assert!(lines[1].contains(" solo "), "{out}");
    assert!(
        lines[4].starts_with(&format!(
            "!  {}:68:31: the file ends too early",
            dir.join("0000-broken.ron").display()
        )),
        "{out}"
    );
}

#[test]
fn list_shows_newest_first_and_broken_files_with_their_error() {
    let dir = sessions_dir();
    let out = stdout_of(balcony().arg("list").arg(dir.path()));
    assert_listing(&out, dir.path());
}

#[test]
fn list_reads_from_the_index_and_notices_a_changed_file() {
    let dir = sessions_dir();
    let first = stdout_of(balcony().arg("list").arg(dir.path()));
    assert!(dir.path().join(".balcony-index.sqlite").is_file());
    // The same listing from the index.
    assert_eq!(stdout_of(balcony().arg("list").arg(dir.path())), first);
    // A session saved since is read again, not taken from the index.
    let path = dir.path().join("2026-11-23-1405-sample.ron");
    let mut s = balcony::session::store::load(&path).unwrap();
    s.meta.title = "Renamed since the last listing".into();
    balcony::session::store::save(&path, &s).unwrap();
    let again = stdout_of(balcony().arg("list").arg(dir.path()));
    assert!(again.contains("Renamed since the last listing"), "{again}");
    assert!(!again.contains("Sample workshop 2"), "{again}");
}

#[test]
fn list_honours_dir_and_the_environment() {
    let dir = sessions_dir();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = stdout_of(
        balcony()
            .current_dir(elsewhere.path())
            .arg("--dir")
            .arg(dir.path())
            .arg("list"),
    );
    assert_listing(&out, dir.path());
    let out = stdout_of(
        balcony()
            .current_dir(elsewhere.path())
            .env("BALCONY_SESSIONS", dir.path())
            .arg("list"),
    );
    assert_listing(&out, dir.path());
    // Without either, the default is ./sessions, which is not there.
    balcony()
        .current_dir(elsewhere.path())
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("sessions: cannot read the folder"));
}

/// A bare `balcony` reads its folder without clap (start-up time): the
/// environment still names it, and an empty name is still clap's error.
#[test]
fn a_bare_start_reads_the_folder_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "x").unwrap();
    balcony()
        .current_dir(dir.path())
        .env("BALCONY_SESSIONS", &file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "notes.txt: this is a file, not a folder",
        ));
    balcony()
        .current_dir(dir.path())
        .env("BALCONY_SESSIONS", "")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a value is required for '--dir"));
    // Without it, ./sessions; no terminal here, so nothing is created.
    balcony()
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("terminal"));
    assert!(!dir.path().join("sessions").exists());
}

#[test]
fn sample_writes_a_valid_session_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("demo.ron");
    balcony()
        .args(["sample", "-n", "200", "-s", "5", "-o"])
        .arg(&f)
        .assert()
        .success();
    let out = stdout_of(balcony().arg("check").arg(&f));
    // "N items, M readings" with N + M = 200.
    let counts: Vec<usize> = out
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(counts.iter().rev().take(2).sum::<usize>(), 200, "{out}");

    let before = std::fs::read(&f).unwrap();
    balcony()
        .args(["sample", "-n", "10", "-s", "6", "-o"])
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read(&f).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        "new", "open", "review", "reflect", "present", "export", "check", "list", "sample",
        "template",
    ] {
        balcony()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("Usage: balcony {sub}")));
    }
    balcony()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("check").and(predicate::str::contains("sample")));
}

#[test]
fn text_over_a_fields_limit_and_oversized_samples_are_refused_at_the_door() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(balcony::session::validate::MAX_TEXT_CHARS + 1);
    for args in [
        vec!["new", "--title", long.as_str()],
        vec!["new", "--facilitator", long.as_str()],
        vec!["reflect", "--title", long.as_str()],
    ] {
        Command::cargo_bin("balcony")
            .unwrap()
            .current_dir(dir.path())
            .env("BALCONY_SESSIONS", dir.path().join("sessions"))
            .args(&args)
            .assert()
            .failure()
            .stderr(predicates::str::contains("a field holds at most 20000"));
    }
    assert!(!dir.path().join("sessions").exists(), "nothing was created");
    Command::cargo_bin("balcony")
        .unwrap()
        .args(["sample", "-n", "50001", "-o"])
        .arg(dir.path().join("big.ron"))
        .assert()
        .failure();
    assert!(!dir.path().join("big.ron").exists());
}
