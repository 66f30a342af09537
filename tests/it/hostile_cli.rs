//! Hostile files through the real binary: a generated corpus of mutated
//! example sessions and templates (truncated, flipped, deeply nested, huge
//! strings, wrong types) goes through `check`, `export`, `open` and review's
//! reader (as `balcony list`, which shares it). No
//! process panics, every failure names FILE:LINE:COL, and no file changes.
//!
//! 40 files by default; `BALCONY_HOSTILE=N` makes N (the long run).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn balcony(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_balcony"))
        .args(args)
        .env("BALCONY_SESSIONS", dir.join("sessions"))
        .env("HOME", dir)
        .env_remove("BALCONY_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run balcony")
}

fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(root.join("sessions/examples"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    out.sort();
    for w in [
        balcony::workshop::Builtin::Default,
        balcony::workshop::Builtin::Solo,
    ] {
        out.push(w.source().as_bytes().to_vec());
    }
    out
}

/// One hostile variant of `bytes`, chosen by `rng`.
fn mutate(rng: &mut fastrand::Rng, mut bytes: Vec<u8>) -> Vec<u8> {
    let at = rng.usize(..=bytes.len());
    match rng.u8(..6) {
        0 => bytes.truncate(at),
        1 => {
            for _ in 0..rng.usize(1..8) {
                let i = rng.usize(..bytes.len());
                bytes[i] ^= rng.u8(1..);
            }
        }
        2 => {
            bytes.splice(at..at, b"[".repeat(rng.usize(200..20_000)));
        }
        3 => {
            // A huge string where a text belongs.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let huge = format!("text: \"{}\",", "ü".repeat(rng.usize(100_000..400_000)));
            return text
                .replacen("text: ", &format!("{huge} text: "), 1)
                .into_bytes();
        }
        4 => {
            // Wrong types: a number where a text belongs, a text for a number.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let swaps = [
                ("level: ", "level: \"hot\", x: "),
                ("title: \"", "title: 7, y: \""),
                ("schema: 1", "schema: \"one\""),
                ("owner: \"", "owner: [\""),
                ("minutes: ", "minutes: -"),
            ];
            let (from, to) = swaps[rng.usize(..swaps.len())];
            return text.replacen(from, to, 1).into_bytes();
        }
        _ => {
            // Control bytes and escape sequences (OSC 52 writes the
            // clipboard; 8-bit CSI and OSC; a bidi override), or text that
            // breaks rows, in the middle of a text.
            let inserts: [&str; 3] = [
                "\x1b[2J\x1b]0;pwned\x07\x00\x08",
                "\x1b]52;c;cm0gLXJmIH4=\x07\u{9b}31m\u{9d}0;x\u{9c}\u{202e}",
                "\u{2028}\u{200b}\u{200d}e\u{301}👩\u{200d}💻\u{feff}\u{2029}",
            ];
            let insert = inserts[rng.usize(..inserts.len())];
            bytes.splice(at..at, insert.bytes());
        }
    }
    bytes
}

/// A message that names the file and a line:column in it.
fn located(stderr: &str, path: &Path) -> bool {
    let prefix = format!("{}:", path.display());
    stderr.lines().any(|l| {
        l.strip_prefix(&prefix).is_some_and(|rest| {
            let mut parts = rest.splitn(3, ':');
            let line = parts.next().and_then(|p| p.parse::<usize>().ok());
            let col = parts.next().and_then(|p| p.parse::<usize>().ok());
            matches!((line, col), (Some(l), Some(c)) if l >= 1 && c >= 1)
        })
    })
}

fn assert_no_panic(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{what}: exit {:?}\n{stderr}",
        out.status
    );
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
}

#[test]
fn a_hostile_corpus_never_panics_is_located_and_left_alone() {
    let n: usize = std::env::var("BALCONY_HOSTILE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds();
    let mut rng = fastrand::Rng::with_seed(7);
    let mut refused = Vec::new();
    let mut corpus = Vec::new();
    for i in 0..n {
        let original = seeds[i % seeds.len()].clone();
        let bytes = mutate(&mut rng, original);
        let path: PathBuf = dir.path().join(format!("hostile-{i:04}.ron"));
        std::fs::write(&path, &bytes).unwrap();
        corpus.push((path.clone(), bytes.clone()));
        let p = path.to_str().unwrap();

        let check = balcony(&["check", p], dir.path());
        assert_no_panic(&check, &format!("check {p}"));
        for bytes in [&check.stdout, &check.stderr] {
            assert_eq!(terminal_unsafe(bytes), None, "check {p}");
        }
        let export = balcony(&["export", p, "--format", "html"], dir.path());
        assert_no_panic(&export, &format!("export {p}"));
        if check.status.success() {
            continue;
        }
        refused.push(path.clone());
        let check_err = String::from_utf8_lossy(&check.stderr);
        assert!(located(&check_err, &path), "check: {check_err}");
        // Export and open refuse the same file with the same place.
        assert!(!export.status.success());
        let export_err = String::from_utf8_lossy(&export.stderr);
        assert!(located(&export_err, &path), "export: {export_err}");
        let open = balcony(&["open", p], dir.path());
        assert_no_panic(&open, &format!("open {p}"));
        assert!(!open.status.success());
        let open_err = String::from_utf8_lossy(&open.stderr);
        assert!(located(&open_err, &path), "open: {open_err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{p} was changed");
    }
    // The corpus must really be hostile, or this test proves nothing.
    let count = refused.len();
    assert!(
        count * 10 >= n * 7,
        "only {count} of {n} files were refused"
    );

    // Review's reader, twice (the second from its cache): every refused
    // file is listed with its place, and the others still show.
    for _ in 0..2 {
        let list = balcony(&["list", dir.path().to_str().unwrap()], dir.path());
        assert_no_panic(&list, "list");
        assert_eq!(terminal_unsafe(&list.stdout), None, "list");
        let out = String::from_utf8_lossy(&list.stdout);
        assert_eq!(out.lines().count(), n, "{out}");
        for path in &refused {
            let prefix = format!("!  {}:", path.display());
            let line = out
                .lines()
                .find(|l| l.starts_with(&prefix))
                .unwrap_or_else(|| panic!("{} is not listed as broken:\n{out}", path.display()));
            assert!(located(&line[3..], path), "{line}");
        }
    }
    for (path, bytes) in &corpus {
        assert_eq!(
            &std::fs::read(path).unwrap(),
            bytes,
            "{} changed",
            path.display()
        );
    }
    // Nothing else appeared beside the files (no temp files, no sessions),
    // but review's index.
    let others: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("hostile-") && n != ".balcony-index.sqlite")
        .collect();
    assert!(others.is_empty(), "{others:?}");
}

/// What a terminal would run or be reordered by: ESC, the 8-bit C1
/// controls (CSI, OSC, ...) and the bidi overrides.
fn terminal_unsafe(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    text.char_indices()
        .find(|(_, c)| {
            *c == '\u{1b}'
                || ('\u{80}'..='\u{9f}').contains(c)
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                || (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        })
        .map(|(i, c)| format!("{c:?} at byte {i}: {:?}", &text[i.saturating_sub(20)..]))
}

/// Terminal escapes in a file (pasted by the facilitator, sent by a phone, or
/// planted) are never printed to the terminal by any command: `check`,
/// `list` (from the files and from a poisoned review cache), errors quoting
/// the file, and every export to standard output.
#[test]
fn escapes_in_files_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let minimal = std::fs::read_to_string(root.join("tests/fixtures/minimal.ron")).unwrap();
    // OSC 52 (write the clipboard), CSI (clear the screen), C1 CSI and OSC,
    // a bidi override, a bare carriage return.
    let hostile = "T\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}[2J\u{9b}31m\u{9d}0;x\u{9c}\u{202e}up\rX";
    let good = minimal.replace("Clinic front desk", hostile).replace(
        "Let patients pay at the check-in desk.",
        &format!("=cmd;{hostile};-2+3"),
    );
    let good_path = dir.path().join(format!("good-\u{1b}[31m{}.ron", "x"));
    std::fs::write(&good_path, &good).unwrap();
    // A problem quoting the file's own text.
    let bad = minimal.replacen(
        "checkpoint: \"facts\",\n            text",
        &format!("checkpoint: \"{hostile}\",\n            text"),
        1,
    );
    assert_ne!(bad, minimal, "the fixture changed: pick another place");
    let bad_path = dir.path().join("bad.ron");
    std::fs::write(&bad_path, &bad).unwrap();
    let (good_p, bad_p) = (good_path.to_str().unwrap(), bad_path.to_str().unwrap());
    let d = dir.path().to_str().unwrap();

    let mut runs = vec![
        ("check good", balcony(&["check", good_p], dir.path())),
        ("check bad", balcony(&["check", bad_p], dir.path())),
        ("export bad", balcony(&["export", bad_p], dir.path())),
        ("list", balcony(&["list", d], dir.path())),
    ];
    for format in ["md", "html", "csv"] {
        let out = balcony(&["export", good_p, "--format", format], dir.path());
        assert!(out.status.success(), "{format}: {out:?}");
        runs.push(("export", out));
    }
    // `list` writes the index beside the sessions; plant messages in it too.
    let index = rusqlite::Connection::open(dir.path().join(".balcony-index.sqlite")).unwrap();
    let poisoned = index
        .execute(
            "UPDATE sessions SET problem = replace(problem, 'this workshop does not have', ?1) \
             WHERE problem LIKE '%this workshop does not have%'",
            [format!("{hostile:?}")],
        )
        .unwrap();
    assert_eq!(poisoned, 1, "the broken file's message is in the index");
    drop(index);
    runs.push((
        "list from a poisoned cache",
        balcony(&["list", d], dir.path()),
    ));

    for (what, out) in &runs {
        assert_no_panic(out, what);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            if let Some(found) = terminal_unsafe(bytes) {
                panic!("{what}: {stream} holds {found}");
            }
        }
    }
    let check = String::from_utf8_lossy(&runs[0].1.stdout);
    assert!(check.contains("\"TupX\""), "the words stay: {check}");
    let csv = String::from_utf8_lossy(&runs[6].1.stdout);
    assert!(csv.contains(",\"'=cmd;TupX;'-2+3\","), "{csv}");
    let list = String::from_utf8_lossy(&runs.last().unwrap().1.stdout);
    assert!(list.contains("bad.ron:"), "{list}");
}

/// `balcony ARGS` with no terminal, killed (and the test failed) if it does
/// not finish within the deadline.
fn balcony_within(args: &[&str], dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_balcony"))
        .args(args)
        .env("BALCONY_SESSIONS", dir.join("sessions"))
        .env("HOME", dir)
        .env_remove("BALCONY_CONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run balcony");
    let start = std::time::Instant::now();
    while child.try_wait().expect("try_wait").is_none() {
        if start.elapsed() > crate::pty::DEADLINE {
            let _ = child.kill();
            panic!("balcony {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

pub fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: mkfifo(3) with a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// A FIFO (which blocks whoever opens it until a writer comes) or a device
/// given where a file belongs is refused at once, named, and left alone.
#[test]
fn fifos_and_devices_are_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("session.ron");
    mkfifo(&fifo);
    let f = fifo.to_str().unwrap();
    for args in [
        &["check", f][..],
        &["export", f],
        &["export", f, "--format", "csv"],
        &["open", f],
        &["new", "--template", f],
        &["check", "/dev/zero"],
    ] {
        let out = balcony_within(args, dir.path());
        assert_no_panic(&out, &format!("{args:?}"));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(":1:1: this is a pipe (FIFO), not a regular file")
                || err.contains("/dev/zero:1:1: this is a device, not a regular file"),
            "{args:?}: {err}"
        );
    }
    assert!(!dir.path().join("sessions").exists(), "nothing is created");
}

/// Review's index planted as a FIFO or as a link to /dev/zero: `list` neither
/// blocks nor reads without end, and leaves what was planted as it was.
#[test]
fn a_planted_review_cache_does_not_hang_list() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for plant in ["fifo", "zero"] {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("s");
        std::fs::create_dir(&sessions).unwrap();
        std::fs::copy(
            root.join("tests/fixtures/minimal.ron"),
            sessions.join("a.ron"),
        )
        .unwrap();
        let cache = sessions.join(".balcony-index.sqlite");
        match plant {
            "fifo" => mkfifo(&cache),
            _ => std::os::unix::fs::symlink("/dev/zero", &cache).unwrap(),
        }
        let out = balcony_within(&["list", sessions.to_str().unwrap()], dir.path());
        assert!(out.status.success(), "{plant}: {out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Clinic front desk"), "{plant}: {text}");
        let kind = std::fs::symlink_metadata(&cache).unwrap().file_type();
        match plant {
            "fifo" => assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind)),
            _ => assert!(kind.is_symlink()),
        }
    }
}

/// `--dir` naming a file says so; a folder where a file belongs is called a
/// folder (not "not a session or template file").
#[test]
fn files_and_folders_are_called_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "x").unwrap();
    let out = balcony_within(&["--dir", file.to_str().unwrap(), "new"], dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("notes.txt: this is a file, not a folder"),
        "{err}"
    );
    assert!(!err.contains("File exists"), "{err}");

    let folder = dir.path().to_str().unwrap();
    let out = balcony_within(&["check", folder], dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(":1:1: this is a folder, not a file"), "{err}");
    // A config folder named where the config file belongs.
    let (_, problem) = balcony::config::Config::load_from(dir.path());
    let problem = problem.expect("a folder is a problem").headline();
    assert!(
        problem.ends_with("this is a folder, not a file"),
        "{problem}"
    );
}

/// A title of spaces and invisible characters is refused before anything is
/// created (a session that shows a blank title could not be told apart).
#[test]
fn a_blank_title_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = balcony_within(
        &["new", "--title", " \u{200b}\u{200d}\u{feff} "],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the --title shows nothing"), "{err}");
    assert!(!dir.path().join("sessions").exists());
}
