//! The live workshop end to end: the real binary in a pseudo-terminal, keys
//! typed as a facilitator would, the screen read back, and the saved file
//! checked afterwards.

use crate::pty;

use std::path::{Path, PathBuf};
use std::time::Instant;

use balcony::session::{Move, Session, store};
use pty::{DEADLINE, Pty, keys, session_file};

/// Wait until the file on disk satisfies `pred` (saving happens off the
/// input path, so the screen can be ahead of the disk for a moment).
fn wait_for_file(path: &Path, what: &str, pred: impl Fn(&Session) -> bool) -> Session {
    let start = Instant::now();
    loop {
        if let Ok(s) = store::load(path)
            && pred(&s)
        {
            return s;
        }
        assert!(start.elapsed() < DEADLINE, "the file never showed {what}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_facilitator_captures_a_gadfly_raises_the_heat_moves_on_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn(&["new", "--title", "Pty workshop"], dir.path(), &[]);
    t.wait_text("checkpoint 1/12");
    t.wait_text("BALCONY · Frame the gap");

    t.send("g");
    t.wait_text("New gadfly idea");
    t.send("Close the call centre on Fridays 🙂");
    t.send(keys::ENTER);
    t.wait_for("the form closed and the idea listed", |s| {
        let text = s.contents();
        !text.contains("New gadfly idea") && text.contains("Close the call centre on Fridays")
    });

    t.send("+");
    t.wait_text("is the issue ripe?");
    t.send(keys::ENTER);
    t.wait_text("Which tactic?");
    t.send(keys::ENTER);
    t.wait_text("level 4");

    t.send("n");
    t.wait_text("checkpoint 2/12");
    t.wait_text("DANCE FLOOR");

    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.terminal_restored().unwrap();

    let s = store::load(&session_file(dir.path())).unwrap();
    assert_eq!(s.meta.title, "Pty workshop");
    assert_eq!(s.gadflies.len(), 1);
    assert_eq!(s.gadflies[0].text, "Close the call centre on Fridays 🙂");
    assert_eq!(s.gadflies[0].checkpoint, "frame");
    assert_eq!(s.readings.len(), 1);
    assert_eq!(s.readings[0].move_, Move::Raise);
    assert_eq!(s.readings[0].level, 4);
    assert_eq!(s.readings[0].checkpoint, "frame");
    assert!(
        s.readings[0].tactic.is_some(),
        "Enter takes the first tactic"
    );
    assert_eq!(s.progress.current, 1);
}

#[test]
fn sigterm_mid_session_restores_the_terminal_and_keeps_the_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn(&["new", "--title", "Killed"], dir.path(), &[]);
    t.wait_text("checkpoint 1/12");
    t.send("g");
    t.wait_text("New gadfly idea");
    t.send("Nobody owns the churn number");
    t.send(keys::ENTER);
    t.wait_text("Nobody owns the churn number");
    let file = session_file(dir.path());
    wait_for_file(&file, "the gadfly idea", |s| s.gadflies.len() == 1);
    // A half-typed idea in an open form is kept too: a signal must not cost
    // the facilitator what they were typing.
    t.send("g");
    t.wait_text("New gadfly idea");
    t.send("half typed");
    t.wait_text("half typed");

    t.signal(libc::SIGTERM);
    t.wait_exit();
    t.terminal_restored().unwrap();
    let s = store::load(&file).unwrap();
    let texts: Vec<&str> = s.gadflies.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(texts, ["Nobody owns the churn number", "half typed"]);
}

#[test]
fn sighup_restores_the_terminal_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn(&["new", "--title", "Hung up"], dir.path(), &[]);
    t.wait_text("checkpoint 1/12");
    t.send("n");
    t.wait_text("checkpoint 2/12");
    t.signal(libc::SIGHUP);
    t.wait_exit();
    t.terminal_restored().unwrap();
    let s = wait_for_file(&session_file(dir.path()), "checkpoint 2", |s| {
        s.progress.current == 1
    });
    assert_eq!(s.meta.title, "Hung up");
}

#[test]
fn a_solo_reflection_is_completed_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn(
        &["reflect", "--title", "Am I the bottleneck?"],
        dir.path(),
        &[],
    );
    let workshop = balcony::workshop::Builtin::Solo.workshop();
    let n = workshop.checkpoints.len();
    for (i, cp) in workshop.checkpoints.iter().enumerate() {
        t.wait_text(&format!("{}/{n}", i + 1));
        t.wait_text(&cp.title);
        let entry = match cp.id.as_str() {
            "avoid" => "Support says refunds take three weeks".to_string(),
            // A polarity map: purpose, left pole, five fields on, right pole.
            "my-values" => {
                "keep customers and the business\tCustomer generosity\t\t\t\t\tCost discipline"
                    .to_string()
            }
            "my-part" => "I approve every refund over 50 myself".to_string(),
            "my-lies" => "I can't change the refund policy".to_string(),
            "my-heat" => {
                t.send("+");
                t.wait_text("is the issue ripe?");
                t.send(keys::ENTER);
                t.wait_text("Which tactic?");
                t.send("stretched, usefully");
                t.send(keys::ENTER);
                t.wait_text("level 4");
                "I notice I blame finance".to_string()
            }
            // The owner is already "me": the one commitment I own.
            "my-commitment" => "Delegate refunds under 200 to the front line".to_string(),
            other => panic!("a checkpoint this test does not know: {other}"),
        };
        t.send("a");
        t.wait_for("a form", |s| s.contents().contains("Enter save"));
        t.send(&entry);
        t.send(keys::ENTER);
        let shown = entry.split('\t').next().unwrap().to_string();
        t.wait_for("the entry listed, form closed", |s| {
            let text = s.contents();
            !text.contains("Enter save") && text.contains(&shown[..20])
        });
        assert!(t.screen().contains("private"), "{}", t.screen());
        if i + 1 < n {
            t.send("n");
        }
    }
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.terminal_restored().unwrap();

    let s = store::load(&session_file(dir.path())).unwrap();
    assert_eq!(s.meta.mode, balcony::session::Mode::Solo);
    assert!(
        s.progress
            .checkpoints
            .iter()
            .all(|c| c.status == balcony::session::Status::Visited),
        "{:?}",
        s.progress.checkpoints
    );
    assert_eq!(s.facts.len(), 1);
    assert_eq!(s.assumptions.len(), 1);
    assert_eq!(s.polarities.len(), 1);
    assert_eq!(s.readings.len(), 1);
    assert_eq!(s.readings[0].reason, "stretched, usefully");
    assert_eq!(s.commitments.len(), 1);
    assert_eq!(s.commitments[0].owner, "me");
    assert_eq!(s.notes.len(), 2);
}

#[test]
fn closing_the_terminal_window_saves_and_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn(&["new", "--title", "Window closed"], dir.path(), &[]);
    t.wait_text("checkpoint 1/12");
    t.send("g");
    t.wait_text("New gadfly idea");
    t.send("Typed just before the window closed");
    t.wait_text("Typed just before the window closed");
    t.hang_up();
    // Before the input thread, the loop waited inside crossterm, which spins
    // on a closed terminal: the process never left and never saved.
    t.wait_exit();
    let s = store::load(&session_file(dir.path())).unwrap();
    let texts: Vec<&str> = s.gadflies.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(texts, ["Typed just before the window closed"]);
}

/// Temp files named for a process that no longer runs (a balcony killed
/// mid-save) are removed once the app is up; those of a live one are not.
fn stray_and_live_temp_files(folder: &Path) -> (PathBuf, PathBuf) {
    std::fs::create_dir_all(folder).unwrap();
    // Above any pid Linux hands out (pid_max is at most 2^22).
    let stray = folder.join(".old.ron.99999999.0.balcony-tmp");
    // The test's parent (cargo or a shell) outlives the test.
    let live = folder.join(format!(
        ".old.ron.{}.0.balcony-tmp",
        std::os::unix::process::parent_id()
    ));
    for p in [&stray, &live] {
        std::fs::write(p, "half a save").unwrap();
    }
    (stray, live)
}

fn wait_until_gone(path: &Path) {
    let start = Instant::now();
    while path.exists() {
        assert!(
            start.elapsed() < DEADLINE,
            "{} was never removed",
            path.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn the_start_screen_clears_stray_temp_files_from_the_sessions_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (stray, live) = stray_and_live_temp_files(&dir.path().join("sessions"));
    let mut t = Pty::spawn(&[], dir.path(), &[]);
    t.wait_text("Ctrl-C quit");
    wait_until_gone(&stray);
    t.send(keys::CTRL_C);
    assert_eq!(t.wait_exit(), 0);
    assert!(live.exists(), "a live process's temp file was removed");
}

#[test]
fn opening_a_session_clears_stray_temp_files_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    let (stray, live) = stray_and_live_temp_files(&elsewhere);
    let file = elsewhere.join("old.ron");
    let session = balcony::sample::session(3, 1);
    store::save(&file, &session).unwrap();
    let mut t = Pty::spawn(&["open", file.to_str().unwrap()], dir.path(), &[]);
    t.wait_text("Sample workshop 1");
    wait_until_gone(&stray);
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert!(live.exists(), "a live process's temp file was removed");
}

/// How many times `text` is on the screen.
fn count(t: &Pty, text: &str) -> usize {
    t.screen().matches(text).count()
}

/// Wait until the app is back from the shell: its screen drawn whole on the
/// alternate screen, showing `text`.
fn wait_back(t: &Pty, text: &str) {
    t.wait_for(&format!("the app redrawn with {text:?}"), |s| {
        let c = s.contents();
        s.alternate_screen()
            && c.contains(text)
            && c.contains("Tension")
            && c.contains("q/Ctrl-C quit")
    });
}

#[test]
fn ctrl_z_and_sigtstp_suspend_to_the_shell_and_fg_resumes_in_raw_mode() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn_shell(dir.path());
    t.wait_text("$ ");
    t.send("\"$BALCONY\" new --title Suspended\r");
    t.wait_text("checkpoint 1/12");

    t.send(keys::CTRL_Z);
    t.wait_for("the shell's job stopped", |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    });
    t.terminal_restored().unwrap();
    t.send("fg\r");
    wait_back(&t, "checkpoint 1/12");
    // Raw mode again: one key, no Enter, acts.
    t.send("n");
    t.wait_text("checkpoint 2/12");

    // SIGTSTP from outside (as `kill -TSTP`) does the same.
    t.signal_foreground(libc::SIGTSTP);
    t.wait_for("the job stopped a second time", |s| {
        !s.alternate_screen() && s.contents().matches("Stopped").count() == 2
    });
    t.terminal_restored().unwrap();
    t.send("fg\r");
    wait_back(&t, "checkpoint 2/12");
    t.send("n");
    t.wait_text("checkpoint 3/12");

    t.send("q");
    t.wait_for("back at the prompt", |s| !s.alternate_screen());
    t.terminal_restored().unwrap();
    assert_eq!(count(&t, "Stopped"), 2, "{}", t.screen());
    t.send("exit\r");
    t.wait_exit();
    let s = store::load(&session_file(dir.path())).unwrap();
    assert_eq!(s.progress.current, 2);
}

#[test]
fn sigint_leaves_like_q() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn(&["new", "--title", "Interrupted"], dir.path(), &[]);
    t.wait_text("checkpoint 1/12");
    t.send("n");
    t.wait_text("checkpoint 2/12");
    t.signal(libc::SIGINT);
    assert_eq!(t.wait_exit(), 0);
    t.terminal_restored().unwrap();
    let s = store::load(&session_file(dir.path())).unwrap();
    assert_eq!(s.progress.current, 1);
}

/// With standard output or input not a terminal, the screen commands refuse
/// at once and create nothing.
#[test]
fn without_a_terminal_nothing_is_created_and_nothing_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron");
    let example = example.to_str().unwrap();
    // No terminal at all (as under cron or in a pipe).
    for args in [
        &["new", "--title", "Piped"][..],
        &["reflect"],
        &["new", "--follow-up", example],
        &["open", example],
        &["present", example],
        &[],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_balcony"))
            .args(args)
            .env("BALCONY_SESSIONS", &sessions)
            .env("HOME", dir.path())
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} drew into a pipe");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("needs a terminal"), "{args:?}: {err}");
        assert!(!sessions.exists(), "{args:?} created the sessions folder");
    }
    // Keys from a terminal, the screen redirected into a file.
    let mut t = Pty::spawn_shell(dir.path());
    t.wait_text("$ ");
    t.send("\"$BALCONY\" new --title Redirected > out.txt; echo \"exit=$?\"\r");
    t.wait_text("exit=1");
    assert!(t.screen().contains("needs a terminal"), "{}", t.screen());
    assert_eq!(std::fs::read(dir.path().join("out.txt")).unwrap(), b"");
    assert!(!sessions.exists());
    t.send("exit\r");
    t.wait_exit();
}

/// A FIFO given as the session to present or to follow up: refused, and the
/// presenter keeps answering keys.
#[test]
fn a_fifo_neither_freezes_present_nor_starts_a_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("live.ron");
    crate::hostile_cli::mkfifo(&fifo);
    let f = fifo.to_str().unwrap();

    let mut t = Pty::spawn(&["present", f], dir.path(), &[]);
    t.wait_text("waiting for the session file");
    t.wait_text("pipe (FIFO)");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.terminal_restored().unwrap();

    let mut t = Pty::spawn(&["new", "--follow-up", f], dir.path(), &[]);
    assert_eq!(t.wait_exit(), 1);
    assert!(t.screen().contains("pipe (FIFO)"), "{}", t.screen());
    assert!(!dir.path().join("sessions").exists());
}

#[test]
fn esc_on_a_typed_form_keeps_it_and_the_same_key_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn(&["new", "--title", "Drafts"], dir.path(), &[]);
    t.wait_text("checkpoint 1/12");
    t.send("g");
    t.wait_text("New gadfly idea");
    t.send("Pay the front line for ideas");
    t.wait_text("Pay the front line for ideas");
    t.send(keys::ESC);
    t.wait_text("kept as a draft: g brings it back");
    t.wait_for("the form closed", |s| {
        !s.contents().contains("New gadfly idea")
    });
    t.send("g");
    t.wait_text("your draft is back");
    t.wait_text("Pay the front line for ideas");
    t.send(keys::ENTER);
    t.wait_for("the form closed again", |s| {
        !s.contents().contains("New gadfly idea")
    });
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let s = store::load(&session_file(dir.path())).unwrap();
    assert_eq!(s.gadflies.len(), 1);
    assert_eq!(s.gadflies[0].text, "Pay the front line for ideas");
}

/// `present` takes the terminal the way the app does: each leaving signal
/// ends it as `q` does, with the terminal given back.
#[test]
fn present_leaves_on_each_signal_and_gives_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron");
    for sig in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT] {
        let mut t = Pty::spawn(&["present", example.to_str().unwrap()], dir.path(), &[]);
        t.wait_for("the alternate screen", |s| s.alternate_screen());
        t.wait_text("checkpoint");
        t.signal(sig);
        assert_eq!(t.wait_exit(), 0, "signal {sig}");
        t.terminal_restored().unwrap();
    }
}

#[test]
fn an_adopted_idea_becomes_an_experiment_in_the_real_binary() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn(&["new", "--title", "Experiments"], dir.path(), &[]);
    t.wait_text("checkpoint 1/12");
    t.send("g");
    t.wait_text("New gadfly idea");
    t.send("Let agents refund without asking");
    t.send(keys::ENTER);
    t.wait_text("#1 [parked");
    // Adopt it: the fate picker's third choice.
    t.send("f");
    t.wait_text("Fate of gadfly idea #1");
    t.send(&format!("{}{}{}", keys::DOWN, keys::DOWN, keys::ENTER));
    t.wait_text("#1 [adopted");
    // W asks which kind of work; the second is an experiment.
    t.send("W");
    t.wait_text("becomes work: which kind?");
    t.send(&format!("{}{}", keys::DOWN, keys::ENTER));
    t.wait_text("Gadfly idea #1 becomes an experiment");
    // Enter without an owner moves to the owner's field.
    t.send(keys::ENTER);
    t.wait_text("Owner");
    t.send("Sam Okoro");
    t.send(keys::ENTER);
    t.wait_text("Experiment saved");
    t.wait_text("running · Sam Okoro");
    let s = wait_for_file(&session_file(dir.path()), "the experiment", |s| {
        !s.experiments.is_empty()
    });
    let x = &s.experiments[0];
    assert_eq!(x.trial, "Let agents refund without asking");
    assert_eq!((x.owner.as_str(), x.from_idea), ("Sam Okoro", Some(1)));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.terminal_restored().unwrap();
}
