//! The real binary, measured from outside: start to first frame against a
//! bare ratatui program built in the same run, peak memory with a
//! 10,000-item session, and `balcony list` on 1,000 sessions.
//! Run with `cargo bench --bench startup`.
//!
//! The bare program is this bench binary itself, re-run with
//! `BALCONY_BARE_FRAME=1`: it draws one frame and waits for a key, which is
//! the least any full-screen ratatui app does.

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::widgets::Paragraph;

const BARE_ENV: &str = "BALCONY_BARE_FRAME";
const BARE_TEXT: &str = "bare ratatui frame";
/// Pairs of starts; the machine's speed drifts over seconds, so many short
/// pairs give a steadier ratio than a few long batches.
const RUNS: usize = 101;
/// The key bar, on the last row: a frame is finished when it is on screen.
const FRAME_END: &str = "Ctrl-C quit";
const DEADLINE: Duration = Duration::from_secs(20);

fn bare_program() {
    let mut terminal = ratatui::init();
    let _ = terminal.draw(|f| f.render_widget(Paragraph::new(BARE_TEXT), f.area()));
    let _ = crossterm::event::read();
    ratatui::restore();
}

/// What one run in the pseudo-terminal saw.
struct Run {
    first_frame: Duration,
    /// VmHWM of the process once the frame was up, in KiB.
    peak_kib: u64,
}

/// Spawn `cmd` in a 100x30 pty; time until `marker` is on its screen; read
/// its peak memory; press Ctrl-C and wait for it to leave.
fn run_in_pty(mut cmd: CommandBuilder, marker: &str) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("writer")));
    let answering = Arc::clone(&writer);
    let (tx, rx) = mpsc::channel();
    let marker = marker.to_string();
    std::thread::spawn(move || {
        // Answers the background query as a white terminal does, at once.
        let mut asked = Vec::new();
        let mut answered = false;
        let mut parser = vt100::Parser::new(
            30.try_into().expect("rows"),
            100.try_into().expect("cols"),
            0,
        );
        let mut buf = [0u8; 16384];
        let mut sent = false;
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.process(&buf[..n]);
            if !answered {
                asked.extend_from_slice(&buf[..n]);
                if asked.windows(3).any(|w| w == b"\x1b[c") {
                    answered = true;
                    let mut w = answering.lock().expect("writer");
                    let _ = w.write_all(b"\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62;22c");
                    let _ = w.flush();
                }
            }
            if !sent && parser.screen().contents().contains(&marker) {
                let _ = tx.send(start.elapsed());
                sent = true;
            }
        }
    });
    let first_frame = rx.recv_timeout(DEADLINE).expect("first frame in time");
    let pid = child.process_id().expect("pid");
    let peak_kib = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0);
    let mut writer = writer.lock().expect("writer");
    // Ctrl-C: quits balcony from any screen, and ends the bare program.
    let _ = writer.write_all(b"\x03");
    let _ = writer.flush();
    let until = Instant::now() + DEADLINE;
    while child.try_wait().expect("try_wait").is_none() {
        if Instant::now() > until {
            let _ = child.kill();
            panic!("the program did not quit");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    Run {
        first_frame,
        peak_kib,
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn balcony_cmd(dir: &Path, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(dir.join("balcony"));
    cmd.args(args);
    cmd.cwd(dir);
    cmd.env("BALCONY_SESSIONS", dir.join("sessions"));
    cmd.env("HOME", dir);
    cmd
}

fn main() {
    if std::env::var_os(BARE_ENV).is_some() {
        bare_program();
        return;
    }
    // `cargo bench --bench startup -- start` runs only the first part.
    let only_start = std::env::args().skip(1).any(|a| a == "start");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("sessions")).expect("sessions dir");
    // Both programs are copied side by side first. How a binary sits in the
    // page cache changes how fast it starts: one just written by the linker
    // started slower than the same file copied (1.31-1.42 against 1.23-1.27),
    // so the two must be compared in the same state.
    let me = dir.path().join("bare");
    std::fs::copy(std::env::current_exe().expect("own path"), &me).expect("copy the bench");
    std::fs::copy(env!("CARGO_BIN_EXE_balcony"), dir.path().join("balcony")).expect("copy balcony");

    // Start to first frame: bare ratatui, then balcony's start screen, in
    // turns. balcony asks the terminal its background in the first frame's
    // write and reads the answer (given at once, as a local terminal does;
    // white, so the first start redraws and the rest guess right from the
    // answer kept); once more with a theme forced, which does not ask, to
    // show what the question costs.
    let (mut bare, mut start, mut forced) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let mut cmd = CommandBuilder::new(&me);
        cmd.env(BARE_ENV, "1");
        bare.push(run_in_pty(cmd, BARE_TEXT).first_frame);
        let cmd = balcony_cmd(dir.path(), &[]);
        start.push(run_in_pty(cmd, FRAME_END).first_frame);
        let cmd = balcony_cmd(dir.path(), &["--theme", "dark"]);
        forced.push(run_in_pty(cmd, FRAME_END).first_frame);
    }
    let mut forced_ratios: Vec<f64> = bare
        .iter()
        .zip(&forced)
        .map(|(b, s)| s.as_secs_f64() / b.as_secs_f64())
        .collect();
    forced_ratios.sort_by(f64::total_cmp);
    // Each balcony start against the bare start just before it: a pair
    // shares the machine's state of the moment.
    let mut ratios: Vec<f64> = bare
        .iter()
        .zip(&start)
        .map(|(b, s)| s.as_secs_f64() / b.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    let ratio = ratios[ratios.len() / 2];
    let (bare, start) = (median(bare), median(start));
    println!(
        "start to first frame: balcony {}  bare ratatui {}  ratio {ratio:.2} (median of {RUNS} pairs)  \
         (target <= 1.30: {})",
        ms(start),
        ms(bare),
        if ratio <= 1.3 { "ok" } else { "MISSED" }
    );
    println!(
        "  without the background query (--theme dark): balcony {}  ratio {:.2}",
        ms(median(forced)),
        forced_ratios[forced_ratios.len() / 2]
    );

    if only_start {
        return;
    }

    // A 10,000-item session: open it, time the first frame, read peak memory.
    let big = dir.path().join("big.ron");
    let session = balcony::sample::session(10_000, 1);
    balcony::session::store::save(&big, &session).expect("save big");
    let bytes = std::fs::metadata(&big).expect("size").len();
    let mut frames = Vec::new();
    let mut peak = 0;
    for _ in 0..5 {
        let cmd = balcony_cmd(dir.path(), &["open", big.to_str().expect("utf-8 path")]);
        let run = run_in_pty(cmd, FRAME_END);
        frames.push(run.first_frame);
        peak = peak.max(run.peak_kib);
    }
    let limit_kib = 3 * bytes / 1024 + 15 * 1024;
    println!(
        "open 10,000 items ({:.1} MiB file): first frame {}  peak memory {:.1} MiB  \
         (target <= 3 x file + 15 MiB = {:.1} MiB: {})",
        bytes as f64 / 1048576.0,
        ms(median(frames)),
        peak as f64 / 1024.0,
        limit_kib as f64 / 1024.0,
        if peak <= limit_kib { "ok" } else { "MISSED" }
    );

    // `balcony list` over 1,000 sessions of 200 items each.
    let many = dir.path().join("many");
    std::fs::create_dir_all(&many).expect("dir");
    for seed in 0..1_000u64 {
        let mut s = balcony::sample::session(200, seed);
        s.meta.title = format!("Sample workshop {seed}");
        balcony::session::store::save(&many.join(format!("s-{seed:04}.ron")), &s).expect("save");
    }
    let list = median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                let out = Command::new(dir.path().join("balcony"))
                    .arg("list")
                    .arg(&many)
                    .output()
                    .expect("run list");
                assert!(out.status.success(), "list failed");
                t.elapsed()
            })
            .collect(),
    );
    println!(
        "list 1,000 sessions of 200 items: {}  (target <= 300 ms: {})",
        ms(list),
        if list <= Duration::from_millis(300) {
            "ok"
        } else {
            "MISSED"
        }
    );
}
