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
    /// As `Background`, but only once the key bar is on its screen: the
    /// first frame must not wait for the answer.
    Late(&'static str),
    /// Only the device attributes: it does not know the question.
    Da1Only,
    /// Nothing at all.
    Silent,
}

/// What a run wrote, and what the screen showed when the terminal answered.
struct Written {
    bytes: Vec<u8>,
    /// Where in `bytes` the terminal had read up to when it answered.
    answered_at: Option<usize>,
    /// The screen's text when it answered.
    screen_at_answer: String,
}

/// Run `balcony ARGS` until its first frame is on screen, answering the
/// terminal's queries as told; type `typed` at once and wait for it on the
/// screen; then leave (Ctrl-C; a terminal that answers nothing has keys
/// typed in its timeout read as its answer, so that one is ended by
/// SIGTERM); return what it wrote.
fn run_answering(args: &[&str], env: &[(&str, &str)], answer: Answer, typed: &str) -> Written {
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
    #[derive(Default)]
    struct Seen {
        raw: Vec<u8>,
        answered_at: Option<usize>,
        screen_at_answer: String,
    }
    let seen = Arc::new(Mutex::new(Seen::default()));
    let parser = Arc::new(Mutex::new(screen_30x100()));
    let (sink, answering, screen) = (Arc::clone(&seen), Arc::clone(&writer), Arc::clone(&parser));
    let (done, read_all) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let _done = done;
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            // Held while answering: the test sees the frame only after the
            // answer is on its way, as with a real terminal.
            let mut seen = sink.lock().unwrap();
            seen.raw.extend_from_slice(&buf[..n]);
            let mut screen = screen.lock().unwrap();
            screen.process(&buf[..n]);
            let asked =
                find(&seen.raw, OSC11_QUERY).is_some() && find(&seen.raw, DA1_QUERY).is_some();
            let on_screen = screen.screen().contents().contains("quit");
            let now = match answer {
                Answer::Late(_) => asked && on_screen,
                _ => asked,
            };
            if now && seen.answered_at.is_none() {
                seen.answered_at = Some(seen.raw.len());
                seen.screen_at_answer = screen.screen().contents();
                let mut w = answering.lock().unwrap();
                match answer {
                    Answer::Background(rgb) | Answer::Late(rgb) => {
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
    while find(&seen.lock().unwrap().raw, b"quit").is_none() {
        assert!(
            start.elapsed() < DEADLINE,
            "no first frame; written:\n{}",
            String::from_utf8_lossy(&seen.lock().unwrap().raw)
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    if !typed.is_empty() {
        let mut w = writer.lock().unwrap();
        w.write_all(typed.as_bytes()).unwrap();
        w.flush().unwrap();
    }
    while !parser.lock().unwrap().screen().contents().contains(typed) {
        assert!(
            start.elapsed() < DEADLINE,
            "{typed:?} never showed; the screen:\n{}",
            parser.lock().unwrap().screen().contents()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    if matches!(answer, Answer::Silent) {
        let pid = child.process_id().expect("pid") as i32;
        // SAFETY: kill(2) on the child we spawned.
        unsafe { libc::kill(pid, libc::SIGTERM) };
    } else {
        let mut w = writer.lock().unwrap();
        // Ctrl-C leaves from every screen, the start screen's form too.
        w.write_all(b"\x03").unwrap();
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
    // Everything balcony wrote is read once it is gone (the reader ends).
    let _ = read_all.recv_timeout(DEADLINE);
    let seen = seen.lock().unwrap();
    Written {
        bytes: seen.raw.clone(),
        answered_at: seen.answered_at,
        screen_at_answer: seen.screen_at_answer.clone(),
    }
}

fn screen_30x100() -> vt100::Parser {
    vt100::Parser::new(30.try_into().unwrap(), 100.try_into().unwrap(), 0)
}

/// Every byte written until balcony left.
fn bytes_of_first_frame(args: &[&str], env: &[(&str, &str)], answer: Answer) -> Vec<u8> {
    run_answering(args, env, answer, "").bytes
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
    // The first frame is drawn for a guess (dark: nothing says otherwise),
    // the answer redraws it light.
    let light_from = find(&white, LIGHT_KEY.as_bytes()).expect("light keys on white");
    assert!(
        !has(&white[light_from..], DARK_KEY),
        "no sky blue once it is known to be white"
    );

    let black = bytes_of_first_frame(&new, &TRUECOLOR, Answer::Background("rgb:0000/0000/0000"));
    assert!(has(&black, DARK_KEY), "sky-blue keys on black");
    assert!(!has(&black, LIGHT_KEY));

    // A solarized-light cream is light too.
    let cream = bytes_of_first_frame(&new, &TRUECOLOR, Answer::Background("rgb:fdfd/f6f6/e3e3"));
    assert!(has(&cream, LIGHT_KEY));
}

/// The colours of the key names in the key bar, the last row.
fn key_bar_colours(screen: &vt100::Screen) -> Vec<(u8, u8, u8)> {
    let mut out: Vec<(u8, u8, u8)> = (0..100)
        .filter_map(|col| match screen.cell(29, col)?.fgcolor() {
            vt100::Color::Rgb(r, g, b) => Some((r, g, b)),
            _ => None,
        })
        .collect();
    out.dedup();
    out
}

/// The first frame is not held back for the answer: a terminal that answers
/// only once the start screen is on it gets that screen in the dark guess,
/// then, once it says it is white, the light theme at once.
#[test]
fn the_first_frame_comes_before_the_answer_and_the_answer_redraws_it() {
    let run = run_answering(&[], &TRUECOLOR, Answer::Late("rgb:ffff/ffff/ffff"), "");
    let at = run.answered_at.expect("the terminal was asked");
    assert!(
        run.screen_at_answer.contains("New session") && run.screen_at_answer.contains("quit"),
        "the start screen was up before the answer:\n{}",
        run.screen_at_answer
    );
    let (before, after) = run.bytes.split_at(at);
    assert!(has(before, DARK_KEY), "the first frame: the dark guess");
    assert!(has(after, LIGHT_KEY), "redrawn light after the answer");
    assert!(!has(after, DARK_KEY), "nothing dark after the answer");
    // The screen balcony drew last, before it left the alternate screen.
    let mut last = screen_30x100();
    let leave = find(&run.bytes, b"\x1b[?1049l").unwrap_or(run.bytes.len());
    last.process(&run.bytes[..leave]);
    assert!(last.screen().contents().contains("New session"));
    let keys = key_bar_colours(last.screen());
    assert_eq!(
        keys,
        vec![(0, 114, 178)],
        "the key bar's keys in Okabe-Ito blue"
    );
}

/// Keys typed the moment the first frame shows come after the answer: none
/// is read as part of it, and the answer is not typed as keys.
#[test]
fn keys_typed_at_the_first_frame_are_kept() {
    let run = run_answering(
        &[],
        &TRUECOLOR,
        Answer::Background("rgb:ffff/ffff/ffff"),
        "Hello room",
    );
    let mut last = screen_30x100();
    let leave = find(&run.bytes, b"\x1b[?1049l").unwrap_or(run.bytes.len());
    last.process(&run.bytes[..leave]);
    let text = last.screen().contents();
    assert!(text.contains("Hello room"), "{text}");
    assert!(!text.contains("rgb") && !text.contains("11;"), "{text}");
    assert_eq!(key_bar_colours(last.screen()), vec![(0, 114, 178)]);
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
