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
            // Control bytes and escape sequences in the middle of a text.
            bytes.splice(at..at, b"\x1b[2J\x1b]0;pwned\x07\x00\x08".iter().copied());
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
