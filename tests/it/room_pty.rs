//! The real binary in pseudo-terminals: the facilitator in one, `balcony
//! present` in another following the file; NO_COLOR bytes as written.

use std::io::{Read, Write};
use std::path::Path;

use crate::pty::session_file;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(20);

struct Term {
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Term {
    fn spawn(args: &[&str], dir: &Path, env: &[(&str, &str)], cols: u16, rows: u16) -> Term {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_balcony"));
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", dir);
        cmd.env("XDG_CONFIG_HOME", dir.join("config"));
        cmd.env("BALCONY_SESSIONS", dir.join("sessions"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (sink, bytes) = (Arc::clone(&parser), Arc::clone(&raw));
        let mut answers = crate::pty::Answers::new(&*pair.master);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                answers.answer(&buf[..n]);
                sink.lock().unwrap().process(&buf[..n]);
                bytes.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Term {
            writer: pair.master.take_writer().unwrap(),
            child,
            parser,
            raw,
            _master: pair.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_text(&self, text: &str) -> Duration {
        let start = Instant::now();
        loop {
            if self.screen().contains(text) {
                return start.elapsed();
            }
            assert!(
                start.elapsed() < DEADLINE,
                "no {text:?} before the deadline; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while self.screen().contains(text) {
            assert!(
                start.elapsed() < DEADLINE,
                "{text:?} still on screen after the deadline:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                return st.exit_code();
            }
            assert!(
                start.elapsed() < DEADLINE,
                "did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// `balcony present FILE` on the projector's 100×30 terminal.
fn presenter(file: &Path, dir: &Path) -> Term {
    Term::spawn(&["present", file.to_str().unwrap()], dir, &[], 100, 30)
}

#[test]
fn present_follows_the_facilitator_in_another_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut fac = Term::spawn(
        &["new", "--projector", "-t", "Demo"],
        dir.path(),
        &[],
        120,
        36,
    );
    // The projector view: big letters, no key bar.
    fac.wait_text("checkpoint 1/12");
    // Before the first reading there is no level to show.
    fac.wait_text("tension · no reading yet");
    assert!(!fac.screen().contains("help"), "{}", fac.screen());
    let file = session_file(dir.path());
    let mut room = presenter(&file, dir.path());
    room.wait_text("checkpoint 1/12");
    fac.send("n");
    fac.wait_text("checkpoint 2/12");
    let took = room.wait_text("checkpoint 2/12");
    // Within a second of the save, give or take a loaded machine.
    assert!(took < Duration::from_secs(5), "{took:?}");
    // The header arrives before the rest of the frame: wait for the prompt
    // rather than reading a half-drawn screen.
    room.wait_text("What do customers tell the front line");
    room.send("q");
    assert_eq!(room.wait_exit(), 0);
    fac.send("q");
    assert_eq!(fac.wait_exit(), 0);
}

#[test]
fn the_presenter_shows_the_join_card_while_the_room_may_see_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut fac = Term::spawn(
        &["new", "--room", "--bind", "127.0.0.1:0", "-t", "Demo"],
        dir.path(),
        &[],
        120,
        36,
    );
    fac.wait_text("Join from your phone");
    let file = session_file(dir.path());
    let card = balcony::join::card::path_for(&file);
    let start = Instant::now();
    let url = loop {
        if let Some(url) = balcony::join::card::read(&file) {
            break url;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "no join card beside the session"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    fac.wait_text(&url);
    let mut room = presenter(&file, dir.path());
    room.wait_text(&url);
    room.wait_text("Join from your phone");
    // `o` hides the card from the room, and shows it again.
    fac.send("o");
    fac.wait_gone(&url);
    room.wait_gone(&url);
    fac.send("o");
    room.wait_text(&url);
    // The facilitator leaves: the card goes with the balcony serving it.
    fac.send("q");
    assert_eq!(fac.wait_exit(), 0);
    room.wait_gone(&url);
    assert!(!card.exists(), "the card file was left behind");
    room.send("q");
    assert_eq!(room.wait_exit(), 0);
}

/// Every SGR parameter in the bytes.
fn sgr_params(bytes: &[u8]) -> Vec<String> {
    let s = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    let mut rest = &s[..];
    while let Some(i) = rest.find("\x1b[") {
        rest = &rest[i + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            out.extend(rest[..end].split(';').map(str::to_string));
        }
        rest = &rest[end..];
    }
    out
}

#[test]
fn no_color_in_a_real_terminal_keeps_bold_and_reverse() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Term::spawn(
        &["new", "--projector", "-t", "Demo"],
        dir.path(),
        &[("NO_COLOR", "1")],
        60,
        14,
    );
    t.wait_text("zoom out");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let params = sgr_params(&t.raw.lock().unwrap());
    for p in &params {
        assert!(
            matches!(
                p.as_str(),
                "" | "0"
                    | "1"
                    | "2"
                    | "3"
                    | "4"
                    | "5"
                    | "7"
                    | "21"
                    | "22"
                    | "23"
                    | "24"
                    | "25"
                    | "27"
                    | "39"
                    | "49"
                    | "59"
            ),
            "a colour code under NO_COLOR: {p} in {params:?}"
        );
    }
    assert!(params.iter().any(|p| p == "1"), "bold: {params:?}");
    assert!(params.iter().any(|p| p == "7"), "reverse: {params:?}");
}

/// A room size or public address that cannot work is refused before any
/// session file is made.
#[test]
fn a_bad_room_size_or_public_address_is_refused_at_the_door() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["new", "--room-size", "0"][..],
        &["new", "--room-size", "501"],
        &["new", "--public-url", "ftp://laptop"],
        &["new", "--public-url", "https://x/?a=1"],
    ] {
        let out = assert_cmd::Command::cargo_bin("balcony")
            .unwrap()
            .args(args)
            .current_dir(dir.path())
            .env("BALCONY_SESSIONS", dir.path().join("sessions"))
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--room-size") || err.contains("--public-url"),
            "{err}"
        );
    }
    assert!(!dir.path().join("sessions").exists(), "nothing was created");
}
