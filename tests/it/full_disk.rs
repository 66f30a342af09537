//! A really full disk: the sessions folder on a tmpfs of 48 KiB. The app
//! shows the failed save loudly, keeps working in memory, and the file on
//! disk stays the last good version. Needs root and a kernel that lets it
//! mount a tmpfs; elsewhere it says it was skipped (the injected write error
//! in tests/crash.rs covers the same path everywhere).

use crate::pty;

use std::path::{Path, PathBuf};
use std::process::Command;

use balcony::session::store;
use pty::{Pty, keys};

struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_is_shown_and_the_last_good_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir(&sessions).unwrap();
    let Some(_disk) = Tmpfs::mount(&sessions, "48k") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let mut t = Pty::spawn(&["new", "--title", "Full disk"], dir.path(), &[]);
    t.wait_text("checkpoint 1/12");
    crate::one_writer::wait_saved(&t);
    let file = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .expect("the session file");
    let before = std::fs::read(&file).unwrap();
    assert!(before.len() < 24 * 1024, "{} bytes", before.len());

    // A pasted novel as a gadfly idea: the new file cannot fit beside the old.
    t.send("g");
    t.wait_text("New gadfly idea");
    t.send(&format!("\x1b[200~{}\x1b[201~", "word ".repeat(3_600)));
    t.send(keys::ENTER);
    t.wait_text("SAVE FAILED");
    assert_eq!(std::fs::read(&file).unwrap(), before, "the last good file");
    store::load(&file).unwrap();
    let strays: Vec<_> = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        // The lock of the running session is not a stray.
        .filter(|n| n.to_string_lossy().starts_with('.') && !n.to_string_lossy().ends_with(".lock"))
        .collect();
    assert!(
        strays.is_empty(),
        "temp files left on the full disk: {strays:?}"
    );

    // Work goes on in memory: the next checkpoint still opens.
    t.send("n");
    t.wait_text("2/12 · DANCE FLOOR");
    // Quitting asks; q again writes an emergency copy elsewhere.
    t.send("q");
    t.wait_text("NOT on disk");
    t.send("q");
    let code = t.wait_exit();
    assert_ne!(code, 0, "quitting with unsaved work is not a success");
    t.terminal_restored().unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let copies = crate::one_writer::emergency_copies(dir.path());
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(store::load(&copies[0]).unwrap().progress.current, 1);
}
