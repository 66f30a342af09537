//! Durability under SIGKILL: a child process saves a growing session in a
//! loop and is killed at random moments; the file on disk is always one whole
//! version, the last one the child finished or the one it was writing.
//!
//! The child is this test binary itself, re-run on an `#[ignore]`d helper
//! test with an environment variable naming the file. Set
//! `BALCONY_CRASH_KILLS=1000` for a longer run.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::TimeZone;

use balcony::session::{Note, NoteKind, Session, store};

const ENV_FILE: &str = "BALCONY_CRASH_FILE";
const ENV_FSIZE: &str = "BALCONY_FSIZE_FILE";
/// The session grows by one note a save, and starts small again after this
/// many, so the long run does not slow down.
const CYCLE: u64 = 400;

/// The session at `version`: a deterministic function of it, so the parent
/// can tell exactly which version a file holds.
fn version(v: u64) -> Session {
    let mut s = balcony::sample::session(30, 4);
    s.progress.checkpoints[0].spent_secs = v;
    let start = chrono::FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, 18, 0, 0)
        .unwrap();
    for n in 0..v % CYCLE {
        let id = s.take_id();
        s.notes.push(Note {
            id,
            at: start + chrono::Duration::seconds(n as i64),
            checkpoint: "frame".into(),
            kind: NoteKind::Observation,
            text: format!("note {n} of version {v}: \"quoted\", ünïcödé 🙂\nsecond line"),
        });
    }
    s
}

fn version_of(s: &Session) -> u64 {
    s.progress.checkpoints[0].spent_secs
}

/// The helper the parent runs in a child process: save forever.
#[test]
#[ignore = "run by kills_at_random_moments_leave_one_whole_version"]
fn child_saves_in_a_loop() {
    let Some(path) = std::env::var_os(ENV_FILE) else {
        return;
    };
    let path = PathBuf::from(path);
    let mut v = version_of(&store::load(&path).expect("the parent leaves a whole file"));
    // A bound in case the parent dies without killing us.
    let give_up = Instant::now() + Duration::from_secs(60);
    while Instant::now() < give_up {
        v += 1;
        store::save(&path, &version(v)).expect("save");
        println!("saved {v}");
    }
}

fn spawn_child(path: &Path) -> (Child, mpsc::Receiver<u64>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "crash::child_saves_in_a_loop",
            "--exact",
            "--ignored",
            "--nocapture",
        ])
        .args(["--test-threads", "1"])
        .env(ENV_FILE, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            // libtest may print its own words before ours on the same line.
            if let Some(at) = line.find("saved ")
                && tx.send(line[at + 6..].parse::<u64>().unwrap()).is_err()
            {
                break;
            }
        }
    });
    (child, rx)
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".balcony-tmp"))
        .collect()
}

#[test]
fn kills_at_random_moments_leave_one_whole_version() {
    let kills: usize = std::env::var("BALCONY_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.ron");
    store::save(&path, &version(0)).unwrap();
    let mut rng = fastrand::Rng::with_seed(
        std::env::var("BALCONY_CRASH_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| fastrand::u64(..)),
    );
    let mut on_disk = 0u64;
    let mut leftovers = 0;
    let mut mid_save = 0;
    for kill in 0..kills {
        let (mut child, saved) = spawn_child(&path);
        // Wait (with a deadline) until the child has finished a save.
        let first = saved
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("kill {kill}: the child never saved"));
        assert_eq!(first, on_disk + 1, "the child continues from the file");
        // The file changed under us; the child may be saving again already.
        assert!(version_of(&store::load(&path).unwrap()) >= first);
        // Then let it run a random while, often mid-save, and kill it.
        let pause = rng.u64(0..4_000);
        if pause > 0 {
            std::thread::sleep(Duration::from_micros(pause));
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        // The child is dead, so its end of the pipe is closed: this reads
        // every report it managed to write, then ends.
        let last_reported = std::iter::once(first).chain(saved.iter()).last().unwrap();

        let loaded = store::load(&path)
            .unwrap_or_else(|e| panic!("kill {kill}: the file does not load: {e}"));
        let v = version_of(&loaded);
        assert!(
            v == last_reported || v == last_reported + 1,
            "kill {kill}: the file holds version {v}; the child last reported {last_reported}"
        );
        assert_eq!(loaded, version(v), "kill {kill}: version {v} is not whole");
        if v == last_reported + 1 {
            mid_save += 1;
        }
        on_disk = v;

        // The child is dead: its temp files are stray and are cleaned up.
        leftovers += store::clean_temp_files(dir.path());
        assert_eq!(temp_files(dir.path()), Vec::<String>::new());
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec!["crash.ron"]);
    eprintln!(
        "{kills} kills in {:.1?}: {on_disk} versions saved, {mid_save} kills between rename and report, {leftovers} stray temp files cleaned",
        started.elapsed()
    );
}

#[test]
fn clean_temp_files_spares_live_processes() {
    let dir = tempfile::tempdir().unwrap();
    let mut dead = Command::new("true").spawn().unwrap();
    let dead_pid = dead.id();
    dead.wait().unwrap();
    let stray = format!(".a.ron.{dead_pid}.0.balcony-tmp");
    let live = format!(".a.ron.{}.0.balcony-tmp", std::process::id());
    for name in [&stray, &live, &"a.ron".to_string()] {
        std::fs::write(dir.path().join(name), "x").unwrap();
    }
    assert_eq!(store::clean_temp_files(dir.path()), 1);
    assert!(!dir.path().join(&stray).exists());
    assert!(dir.path().join(&live).exists());
    assert!(dir.path().join("a.ron").exists());
}

/// Helper for `a_full_disk_fails_the_save_and_keeps_the_old_file`: save under
/// a file-size limit, as if the disk were full.
#[test]
#[ignore = "run by a_full_disk_fails_the_save_and_keeps_the_old_file"]
fn child_saves_past_a_file_size_limit() {
    let Some(path) = std::env::var_os(ENV_FSIZE) else {
        return;
    };
    let path = PathBuf::from(path);
    // SAFETY: plain libc calls on this single-purpose process; a write past
    // the limit then fails with EFBIG instead of killing it with SIGXFSZ.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        assert_eq!(libc::getrlimit(libc::RLIMIT_FSIZE, &mut limit), 0);
        limit.rlim_cur = 64 * 1024;
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
    let big = balcony::sample::session(2_000, 3);
    match store::save(&path, &big) {
        Ok(()) => println!("save succeeded"),
        Err(e) => println!("save failed: {e}"),
    }
    match store::create(path.parent().unwrap(), &big) {
        Ok(p) => println!("create succeeded: {}", p.display()),
        Err(e) => println!("create failed: {e}"),
    }
}

#[test]
fn a_full_disk_fails_the_save_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.ron");
    let old = balcony::sample::session(5, 1);
    store::save(&path, &old).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(before.len() < 64 * 1024);
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "crash::child_saves_past_a_file_size_limit",
            "--exact",
            "--ignored",
        ])
        .args(["--nocapture", "--test-threads", "1"])
        .env(ENV_FSIZE, &path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("save failed: could not save"), "{stdout}");
    assert!(stdout.contains("create failed: could not save"), "{stdout}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(store::load(&path).unwrap(), old);
    // The failed saves removed their own temp files.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec!["full.ron"]);
}
