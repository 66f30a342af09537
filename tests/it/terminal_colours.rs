//! The real binary in a pseudo-terminal that behaves like a given terminal:
//! it may answer the background-colour query (OSC 11) as a white or black
//! one would, and `TERM`/`COLORTERM` say how many colours it has. The raw
//! bytes written are read, not just the screen: the screen does not show
//! which kind of colour sequence drew it.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use crate::pty::DEADLINE;

const OSC11_QUERY: &[u8] = b"\x1b]11;?";
const DA1_QUERY: &[u8] = b"\x1b[c";
/// A VT220's answer to the device-attributes query.
const DA1_ANSWER: &[u8] = b"\x1b[?62;22c";

/// What the terminal answers when asked its background.
#[derive(Clone, Copy)]
enum Answer {
    /// `rgb:RRRR/GGGG/BBBB`, then the device attributes.
    Background(&'static str),
    /// Only the device attributes: it does not know the question.
    Da1Only,
    /// Nothing at all.
    Silent,
}

/// Run `balcony ARGS` until its first frame is on screen, answering the
/// terminal's queries as told; press `q`; return every byte it wrote.
fn bytes_of_first_frame(args: &[&str], env: &[(&str, &str)], answer: Answer) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_balcony"));
    cmd.args(args);
    cmd.cwd(dir.path());
    cmd.env_clear();
    cmd.env("BALCONY_SESSIONS", dir.path().join("sessions"));
    cmd.env("HOME", dir.path());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).expect("spawn balcony");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
    let raw = Arc::new(Mutex::new(Vec::<u8>::new()));
    let (sink, answering) = (Arc::clone(&raw), Arc::clone(&writer));
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        let mut answered = false;
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            let mut all = sink.lock().unwrap();
            all.extend_from_slice(&buf[..n]);
            let asked = find(&all, OSC11_QUERY).is_some() && find(&all, DA1_QUERY).is_some();
            if asked && !answered {
                answered = true;
                let mut w = answering.lock().unwrap();
                match answer {
                    Answer::Background(rgb) => {
                        let _ = w.write_all(format!("\x1b]11;{rgb}\x07").as_bytes());
                        let _ = w.write_all(DA1_ANSWER);
                    }
                    Answer::Da1Only => {
                        let _ = w.write_all(DA1_ANSWER);
                    }
                    Answer::Silent => {}
                }
                let _ = w.flush();
            }
        }
    });
    let start = Instant::now();
    // The key bar, the last thing on the first frame.
    while find(&raw.lock().unwrap(), b"quit").is_none() {
        assert!(
            start.elapsed() < DEADLINE,
            "no first frame; written:\n{}",
            String::from_utf8_lossy(&raw.lock().unwrap())
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    {
        let mut w = writer.lock().unwrap();
        w.write_all(b"q").unwrap();
        w.flush().unwrap();
    }
    loop {
        if child.try_wait().expect("try_wait").is_some() {
            break;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("balcony did not quit");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    raw.lock().unwrap().clone()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn has(hay: &[u8], needle: &str) -> bool {
    find(hay, needle.as_bytes()).is_some()
}

/// The key bar's keys: the Okabe-Ito blue on a light background, the sky
/// blue on a dark one (the background may follow in the same sequence).
const LIGHT_KEY: &str = "\x1b[38;2;0;114;178";
const DARK_KEY: &str = "\x1b[38;2;86;180;233";

const TRUECOLOR: [(&str, &str); 2] = [("TERM", "xterm-256color"), ("COLORTERM", "truecolor")];

#[test]
fn a_white_terminal_gets_the_light_theme_and_a_black_one_the_dark() {
    let new = ["new", "--title", "Colours"];
    let white = bytes_of_first_frame(&new, &TRUECOLOR, Answer::Background("rgb:ffff/ffff/ffff"));
    assert!(has(&white, "\x1b]11;?"), "the terminal was asked");
    assert!(has(&white, LIGHT_KEY), "light keys on white");
    assert!(!has(&white, DARK_KEY), "no sky blue on white");

    let black = bytes_of_first_frame(&new, &TRUECOLOR, Answer::Background("rgb:0000/0000/0000"));
    assert!(has(&black, DARK_KEY), "sky-blue keys on black");
    assert!(!has(&black, LIGHT_KEY));

    // A solarized-light cream is light too.
    let cream = bytes_of_first_frame(&new, &TRUECOLOR, Answer::Background("rgb:fdfd/f6f6/e3e3"));
    assert!(has(&cream, LIGHT_KEY));
}

#[test]
fn a_terminal_that_cannot_say_falls_back_to_colorfgbg_then_dark() {
    let new = ["new", "--title", "Colours"];
    let mut env = TRUECOLOR.to_vec();
    env.push(("COLORFGBG", "0;15"));
    let light = bytes_of_first_frame(&new, &env, Answer::Da1Only);
    assert!(has(&light, LIGHT_KEY), "COLORFGBG says white");
    let dark = bytes_of_first_frame(&new, &TRUECOLOR, Answer::Da1Only);
    assert!(has(&dark, DARK_KEY), "nothing says: dark");
    // One that answers nothing at all costs the short timeout, no more.
    let start = Instant::now();
    let silent = bytes_of_first_frame(&new, &TRUECOLOR, Answer::Silent);
    assert!(has(&silent, DARK_KEY));
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn the_terminal_is_not_asked_when_the_answer_is_not_needed() {
    let new = ["new", "--title", "Colours"];
    let mut env = TRUECOLOR.to_vec();
    let light = bytes_of_first_frame(
        &["--theme", "light", "new", "--title", "Colours"],
        &env,
        Answer::Silent,
    );
    assert!(!has(&light, "\x1b]11;?"));
    assert!(has(&light, LIGHT_KEY), "--theme light");
    env.push(("NO_COLOR", "1"));
    let plain = bytes_of_first_frame(&new, &env, Answer::Silent);
    assert!(!has(&plain, "\x1b]11;?"));
    assert!(!has(&plain, "\x1b[38;"), "NO_COLOR: no colour at all");
}

/// No 24-bit colour unless `COLORTERM` says so; no 256-colour sequences
/// where `TERM` names a 16-colour terminal.
#[test]
fn each_terminal_gets_only_the_colour_sequences_it_understands() {
    let args = ["--theme", "dark", "new", "--title", "Colours"];
    // TERM, COLORTERM, 24-bit allowed, 256-colour allowed.
    let cases = [
        ("xterm-256color", Some("truecolor"), true, true),
        ("xterm-256color", Some("24bit"), true, true),
        ("xterm-256color", None, false, true),
        ("screen-256color", None, false, true),
        ("tmux-256color", Some("yes"), false, true),
        ("alacritty", None, false, true),
        ("linux", None, false, false),
        ("vt100", None, false, false),
        ("screen", None, false, false),
        ("xterm", None, false, false),
    ];
    for (term, colorterm, rgb, indexed) in cases {
        let mut env = vec![("TERM", term)];
        if let Some(c) = colorterm {
            env.push(("COLORTERM", c));
        }
        let out = bytes_of_first_frame(&args, &env, Answer::Silent);
        let what = format!("TERM={term} COLORTERM={colorterm:?}");
        let has_rgb = has(&out, "[38;2;") || has(&out, "[48;2;");
        let has_indexed = has(&out, "[38;5;") || has(&out, "[48;5;");
        assert_eq!(has_rgb, rgb, "{what}: 24-bit sequences");
        if !indexed {
            assert!(!has_indexed, "{what}: 256-colour sequences");
            // The sky-blue keys, as the old cyan.
            assert!(has(&out, "\x1b[36"), "{what}: 16-colour keys");
        } else if !rgb {
            // The sky blue's nearest 256-colour index.
            assert!(has(&out, "\x1b[38;5;74"), "{what}: 256-colour keys");
        } else {
            assert!(has(&out, DARK_KEY), "{what}: 24-bit keys");
        }
    }
}
