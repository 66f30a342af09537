//! The real `balcony` binary in a pseudo-terminal: type keys, read the
//! screen through a vt100 parser, wait for conditions with a deadline.

use std::io::{Read, Write};
use std::os::fd::FromRawFd;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const COLS: u16 = 100;
pub const ROWS: u16 = 30;
/// Generous: CI machines are slow and shared.
pub const DEADLINE: Duration = Duration::from_secs(20);

pub struct Pty {
    /// Both `None` once the terminal has been hung up.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    reading: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
}

impl Pty {
    /// Start `balcony ARGS` with its sessions in `dir` and a clean environment.
    pub fn spawn(args: &[&str], dir: &Path, extra_env: &[(&str, &str)]) -> Pty {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_balcony"));
        cmd.args(args);
        Pty::spawn_command(cmd, dir, extra_env)
    }

    /// An interactive shell with job control (and no line editing, which
    /// would change the terminal's modes), in `dir`, prompting `$ `:
    /// type `balcony ...` into it to suspend and resume the app.
    pub fn spawn_shell(dir: &Path) -> Pty {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["--norc", "--noprofile", "--noediting", "-i"]);
        let bin = env!("CARGO_BIN_EXE_balcony");
        Pty::spawn_command(
            cmd,
            dir,
            &[("PS1", "$ "), ("BALCONY", bin), ("PATH", "/usr/bin:/bin")],
        )
    }

    fn spawn_command(mut cmd: CommandBuilder, dir: &Path, extra_env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        cmd.cwd(dir);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("BALCONY_SESSIONS", dir.join("sessions"));
        cmd.env("HOME", dir);
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn balcony");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            ROWS.try_into().expect("rows"),
            COLS.try_into().expect("cols"),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let fd = pair.master.as_raw_fd().expect("pty fd");
        let sink = Arc::clone(&parser);
        let reading = Arc::new(AtomicBool::new(true));
        let go_on = Arc::clone(&reading);
        let mut answers = Answers::new(&*pair.master);
        // Waits in poll(2) with a short timeout rather than in read(2), so
        // `hang_up` can stop it and really close the terminal's last fd.
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while go_on.load(Ordering::SeqCst) {
                let mut pfd = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: poll(2) on one pollfd; the fd outlives this thread.
                if unsafe { libc::poll(&mut pfd, 1, 20) } <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        answers.answer(&buf[..n]);
                        sink.lock().unwrap().process(&buf[..n]);
                    }
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Pty {
            master: Some(pair.master),
            writer: Some(writer),
            child,
            parser,
            reading,
            reader: Some(reader),
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Wait until `pred` holds for the screen, or fail with the screen shown.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if pred(self.parser.lock().unwrap().screen()) {
                return;
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out waiting for {what}; the screen was:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} on screen"), |s| {
            s.contents().contains(text)
        });
    }

    pub fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(bytes.as_bytes()).expect("write keys");
        writer.flush().expect("flush keys");
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("child pid") as i32
    }

    pub fn signal(&self, sig: i32) {
        // SAFETY: kill(2) with a pid we spawned and a valid signal number.
        let rc = unsafe { libc::kill(self.pid(), sig) };
        assert_eq!(rc, 0, "kill failed");
    }

    /// Send `sig` to the terminal's foreground process group, as the
    /// terminal itself does (the app, when it runs under a shell).
    pub fn signal_foreground(&self, sig: i32) {
        let fd = self
            .master
            .as_ref()
            .and_then(|m| m.as_raw_fd())
            .expect("the terminal is open");
        // SAFETY: tcgetpgrp(3) on our pty's fd, then kill(2) on that group.
        let group = unsafe { libc::tcgetpgrp(fd) };
        assert!(group > 0, "no foreground process group");
        assert_eq!(unsafe { libc::kill(-group, sig) }, 0, "kill failed");
    }

    /// Wait for the process to exit and return its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread drain the last bytes the app wrote.
                let _ = self.wait_quiet();
                return status.exit_code();
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("balcony did not exit; the screen was:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until the screen stops changing for a moment (after exit only).
    fn wait_quiet(&self) -> Option<()> {
        let start = Instant::now();
        let mut last = self.parser.lock().ok()?.screen().contents_formatted();
        loop {
            std::thread::sleep(Duration::from_millis(50));
            let now = self.parser.lock().ok()?.screen().contents_formatted();
            if now == last || start.elapsed() > Duration::from_secs(2) {
                return Some(());
            }
            last = now;
        }
    }

    /// The terminal modes the app must leave as it found them.
    pub fn terminal_restored(&self) -> Result<(), String> {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        if s.alternate_screen() {
            return Err("still on the alternate screen".into());
        }
        if s.hide_cursor() {
            return Err("the cursor is still hidden".into());
        }
        if s.bracketed_paste() {
            return Err("bracketed paste is still on".into());
        }
        if s.mouse_protocol_mode() != vt100::MouseProtocolMode::None {
            return Err("mouse capture is still on".into());
        }
        drop(p);
        if let Some(fd) = self.master.as_ref().and_then(|m| m.as_raw_fd()) {
            // SAFETY: tcgetattr on a valid fd into a zeroed struct.
            let mut t: libc::termios = unsafe { std::mem::zeroed() };
            if unsafe { libc::tcgetattr(fd, &mut t) } == 0
                && (t.c_lflag & libc::ICANON == 0 || t.c_lflag & libc::ECHO == 0)
            {
                return Err("the terminal is still in raw mode".into());
            }
        }
        Ok(())
    }
}

/// A VT220's answer to the device-attributes query (DA1).
const DA1_ANSWER: &[u8] = b"\x1b[?62;22c";

/// The terminal's side of balcony's background question: like every
/// terminal, this one answers DA1 (`ESC [ c`), and like one that does not
/// know the background query, nothing else. Call [`Answers::answer`] with
/// what balcony wrote before the screen shows it: keys typed at that screen
/// then come after the answer, as with a real terminal.
pub struct Answers {
    /// The pty's fd, duplicated: the writer belongs to whoever types.
    out: std::fs::File,
    /// The last bytes read, for a query split between reads.
    tail: Vec<u8>,
}

impl Answers {
    pub fn new(master: &dyn MasterPty) -> Answers {
        let fd = master.as_raw_fd().expect("pty fd");
        // SAFETY: dup(2) of the pty's open fd, owned by the File from here.
        let out = unsafe { std::fs::File::from_raw_fd(libc::dup(fd)) };
        Answers {
            out,
            tail: Vec::new(),
        }
    }

    pub fn answer(&mut self, written: &[u8]) {
        const QUERY: &[u8] = b"\x1b[c";
        let mut all = std::mem::take(&mut self.tail);
        all.extend_from_slice(written);
        for _ in all.windows(QUERY.len()).filter(|w| *w == QUERY) {
            let _ = self.out.write_all(DA1_ANSWER);
        }
        let keep = all.len().min(QUERY.len() - 1);
        self.tail = all[all.len() - keep..].to_vec();
    }
}

impl Pty {
    /// Close the terminal, as when its window is closed: the app sees its
    /// tty hang up (and gets SIGHUP).
    pub fn hang_up(&mut self) {
        self.reading.store(false, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        self.writer = None;
        self.master = None;
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        self.reading.store(false, Ordering::SeqCst);
    }
}

/// Keys as a terminal sends them.
pub mod keys {
    pub const ENTER: &str = "\r";
    pub const ESC: &str = "\x1b";
    pub const CTRL_C: &str = "\x03";
    pub const CTRL_Z: &str = "\x1a";
    pub const DOWN: &str = "\x1b[B";
}

/// The one session file balcony created in `dir/sessions`, once it exists.
pub fn session_file(dir: &Path) -> std::path::PathBuf {
    let start = Instant::now();
    loop {
        let found = std::fs::read_dir(dir.join("sessions")).ok().and_then(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.extension().is_some_and(|x| x == "ron"))
        });
        if let Some(p) = found {
            return p;
        }
        assert!(start.elapsed() < DEADLINE, "no session file was created");
        std::thread::yield_now();
    }
}
