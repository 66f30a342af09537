//! `balcony export` run as a real process.

use assert_cmd::Command;
use predicates::prelude::*;

fn session_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("s.ron");
    let text = balcony::ronfile::to_pretty(&balcony::sample::session(60, 4)).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn balcony() -> Command {
    Command::cargo_bin("balcony").unwrap()
}

#[test]
fn each_format_to_stdout_matches_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let file = session_file(dir.path());
    let session = balcony::session::store::load(&file).unwrap();
    for (flag, expected) in [
        ("md", balcony::export::to_markdown(&session)),
        ("html", balcony::export::to_html(&session)),
        ("csv", balcony::export::to_csv(&session)),
    ] {
        let out = balcony()
            .args(["export", file.to_str().unwrap(), "--format", flag])
            .assert()
            .success()
            .stderr("")
            .get_output()
            .stdout
            .clone();
        assert_eq!(String::from_utf8(out).unwrap(), expected, "format {flag}");
    }
}

#[test]
fn markdown_is_the_default_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = session_file(dir.path());
    balcony()
        .args(["export", file.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Sample workshop 4\n"));
}

#[test]
fn each_format_to_a_file_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let file = session_file(dir.path());
    for (flag, start) in [
        ("md", "# Sample workshop 4"),
        ("html", "<!DOCTYPE html>"),
        ("csv", "kind,id,checkpoint,"),
    ] {
        let out = dir.path().join(format!("out.{flag}"));
        // Run twice: -o replaces an earlier export of the same name.
        for _ in 0..2 {
            balcony()
                .args(["export", file.to_str().unwrap(), "-f", flag, "-o"])
                .arg(&out)
                .assert()
                .success()
                .stdout("")
                .stderr("");
        }
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(written.starts_with(start), "{flag}: {}", &written[..40]);
    }
    // No temp files left beside the exports.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "left behind: {names:?}");
}

#[test]
fn a_broken_file_fails_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.ron");
    let good = balcony::ronfile::to_pretty(&balcony::sample::session(5, 1)).unwrap();
    // Break the file a few lines in: a field name the schema does not know.
    let broken = good.replacen("title:", "titel:", 1);
    std::fs::write(&file, broken).unwrap();
    let out = dir.path().join("never.md");
    balcony()
        .args(["export", file.to_str().unwrap(), "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::is_match(r"broken\.ron:\d+:\d+: ").unwrap());
    assert!(!out.exists(), "an export was written for a broken file");
}

#[test]
fn a_missing_file_fails() {
    balcony()
        .args(["export", "/nonexistent/balcony/none.ron", "--format", "csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("none.ron:1:1:"));
}

#[test]
fn dash_and_dev_stdout_write_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let file = session_file(dir.path());
    let session = balcony::session::store::load(&file).unwrap();
    let expected = balcony::export::to_markdown(&session);
    for out in ["-", "/dev/stdout"] {
        let got = balcony()
            .current_dir(dir.path())
            .args(["export", file.to_str().unwrap(), "-o", out])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(String::from_utf8(got).unwrap(), expected, "-o {out}");
    }
    assert!(!dir.path().join("-").exists(), "no file named -");
}

/// `>> notes.md` with `-o /dev/stdout`: the export is added to the file the
/// shell opened, which keeps what it held; it is not replaced by a new file.
#[cfg(unix)]
#[test]
fn dev_stdout_appended_to_a_file_keeps_what_the_file_held() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let file = session_file(dir.path());
    let notes = dir.path().join("notes.md");
    std::fs::write(&notes, "# Notes kept before\n").unwrap();
    let inode = std::fs::metadata(&notes).unwrap().ino();
    let append = std::fs::OpenOptions::new()
        .append(true)
        .open(&notes)
        .unwrap();
    for out in ["/dev/stdout", "/dev/fd/1"] {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_balcony"))
            .args(["export", file.to_str().unwrap(), "-o", out])
            .stdout(append.try_clone().unwrap())
            .status()
            .unwrap();
        assert!(status.success(), "-o {out}");
    }
    let text = std::fs::read_to_string(&notes).unwrap();
    let session = balcony::session::store::load(&file).unwrap();
    let export = balcony::export::to_markdown(&session);
    assert_eq!(text, format!("# Notes kept before\n{export}{export}"));
    assert_eq!(std::fs::metadata(&notes).unwrap().ino(), inode, "replaced");
}

#[cfg(unix)]
#[test]
fn a_linked_output_keeps_its_link_and_a_device_stays_a_device() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let file = session_file(dir.path());
    let real = dir.path().join("real.md");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("summary.md");
    std::os::unix::fs::symlink("real.md", &link).unwrap();
    balcony()
        .args([
            "export",
            file.to_str().unwrap(),
            "-o",
            link.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .starts_with("# Sample workshop 4")
    );
    // /dev/null is written into, never replaced by a regular file.
    balcony()
        .args(["export", file.to_str().unwrap(), "-o", "/dev/null"])
        .assert()
        .success();
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A new export is private.
    let fresh = dir.path().join("fresh.html");
    balcony()
        .args([
            "export",
            file.to_str().unwrap(),
            "-f",
            "html",
            "-o",
            fresh.to_str().unwrap(),
        ])
        .assert()
        .success();
    let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}
