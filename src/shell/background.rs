//! The terminal's background, for the normal theme's light or dark
//! variant. The first frame is drawn at once with a guess (what this
//! terminal answered last time, else `COLORFGBG`, else dark); the terminal
//! is asked in the same write as that frame, and the screen is redrawn if
//! its answer differs. Waiting for the answer before the first frame cost
//! a round trip at every start.
//!
//! The question is an OSC 11 query followed by a device-attributes query
//! (DA1), which every terminal answers: DA1's answer first means the
//! terminal does not know the question. The answer is read here, a byte at
//! a time and never past DA1's answer, before the input thread starts: read
//! as keys, it would type `11;rgb:…` into the app, and a buffered reader
//! would swallow the keys behind it.
//!
//! The last answers are kept per terminal in the state folder. That file is
//! a convenience, never a source of truth: missing, broken, too big, a link
//! or not a regular file, it is ignored, and it is written (durably) only
//! when an answer changes it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::Look;
use crate::ronfile;
use crate::session::{emergency, store};
use crate::ui::theme::Background;

/// The question, in the same write as the first frame and ahead of it: a
/// terminal answers before it shows the frame, so the answer comes before
/// any key typed at that frame. BEL-terminated: rxvt-unicode answers an
/// ST-terminated query wrongly.
pub const QUERY: &[u8] = b"\x1b]11;?\x07\x1b[c";

/// How long the terminal has to answer once the frame is out. It no longer
/// delays the first frame, so it is long enough for a slow remote link: an
/// answer after it would be read as keys. One that does not know the
/// question still answers DA1 at once; only one that answers nothing costs
/// this (and keys typed meanwhile are read as its answer).
pub const TIMEOUT: Duration = Duration::from_millis(500);

/// More than any answer to the two queries.
const MAX_ANSWER: usize = 512;

/// The remembered answers, in the state folder.
const FILE_NAME: &str = "background.ron";
/// Terminals remembered, the most recent first.
const MAX_TERMINALS: usize = 32;
/// A larger file is not read.
const MAX_FILE_BYTES: u64 = 16 * 1024;
/// What tells terminals (and their profiles) apart without asking them.
const IDENTITY: [&str; 6] = [
    "TERM",
    "TERM_PROGRAM",
    "COLORFGBG",
    "ITERM_PROFILE",
    "KONSOLE_PROFILE_NAME",
    "WT_PROFILE_ID",
];
/// Each part of the key is cut to this many characters.
const MAX_PART: usize = 200;

/// The background to draw the first frame for, without asking the terminal.
pub fn guess() -> Background {
    guess_from(
        memory_path().as_deref(),
        &terminal_key(env),
        std::env::var("COLORFGBG").ok().as_deref(),
    )
}

/// [`guess`] from the memory file, this terminal's key and `COLORFGBG`.
pub fn guess_from(memory: Option<&Path>, key: &str, colorfgbg: Option<&str>) -> Background {
    memory
        .and_then(|path| remembered(path, key))
        .or_else(|| colorfgbg.and_then(Background::from_colorfgbg))
        .unwrap_or(Background::Dark)
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// This terminal's key in the memory file: the variables that identify it.
pub fn terminal_key(get: impl Fn(&str) -> Option<String>) -> String {
    IDENTITY
        .iter()
        .filter_map(|name| {
            let value = get(name)?;
            Some(format!(
                "{name}={}",
                value.chars().take(MAX_PART).collect::<String>()
            ))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn memory_path() -> Option<PathBuf> {
    emergency::state_folder().map(|d| d.join(FILE_NAME))
}

/// The remembered answers, the most recent first; nothing at all when the
/// file is not one balcony could have written.
fn read_memory(path: &Path) -> Vec<(String, Background)> {
    // A link is not followed: the file is only ever written in place.
    let regular = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file());
    if !regular {
        return Vec::new();
    }
    ronfile::read_regular(path, MAX_FILE_BYTES)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| ron::from_str::<Vec<(String, Background)>>(&text).ok())
        .unwrap_or_default()
}

fn remembered(path: &Path, key: &str) -> Option<Background> {
    read_memory(path)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, bg)| bg)
}

/// Keep `answer` for this terminal. Written only when it changes what is
/// kept; true when it was written.
pub fn remember_in(path: &Path, key: &str, answer: Background) -> std::io::Result<bool> {
    let mut kept = read_memory(path);
    if kept.iter().any(|(k, bg)| k == key && *bg == answer) {
        return Ok(false);
    }
    kept.retain(|(k, _)| k != key);
    kept.insert(0, (key.to_string(), answer));
    kept.truncate(MAX_TERMINALS);
    let text = ron::to_string(&kept).map_err(std::io::Error::other)?;
    if let Some(dir) = path.parent() {
        emergency::create_private_dir(dir)?;
    }
    store::write_durably(path, text.as_bytes(), true).map_err(std::io::Error::other)?;
    Ok(true)
}

/// Whether the first frame asks the terminal: only when the look depends on
/// the answer, on a terminal that may know the question, and when no key
/// is waiting (its bytes would come before the answer).
pub fn first_frame_asks(look: &Look) -> bool {
    look.unconfirmed.is_some()
        && crate::shell::terminal::is_interactive()
        && may_know(std::env::var("TERM").ok().as_deref())
        && !typed_ahead()
}

/// Terminals known to answer wrongly or not at all (as terminal-colorsaurus
/// lists them): `screen` answers DA1 before OSC 11, Eterm not even DA1.
fn may_know(term: Option<&str>) -> bool {
    match term {
        None | Some("" | "dumb" | "Eterm") => false,
        Some(t) => t != "screen" && !t.starts_with("screen."),
    }
}

/// True when input is waiting on standard input.
#[cfg(unix)]
fn typed_ahead() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: poll(2) on one valid pollfd with a zero timeout.
    unsafe { libc::poll(&mut fd, 1, 0) > 0 && fd.revents & libc::POLLIN != 0 }
}

/// Elsewhere the answer could not be read apart from keys: never asked.
#[cfg(not(unix))]
fn typed_ahead() -> bool {
    true
}

#[cfg(not(unix))]
fn read_answer(_deadline: Instant) -> Option<Background> {
    None
}

/// After the first frame: read the terminal's answer, switch `look` to the
/// other background's themes if it has that one, and remember the answer.
/// True when the screen must be redrawn.
pub fn settle(look: &mut Look) -> bool {
    let Some(answer) = read_answer(Instant::now() + TIMEOUT) else {
        look.unconfirmed = None;
        return false;
    };
    if let Some(path) = memory_path() {
        // A convenience: a folder that cannot be written costs nothing.
        let _ = remember_in(&path, &terminal_key(env), answer);
    }
    look.settle(answer)
}

/// The answer on standard input, read a byte at a time until DA1's answer
/// (nothing after it is read), at most until `deadline`.
#[cfg(unix)]
fn read_answer(deadline: Instant) -> Option<Background> {
    let mut got = Vec::with_capacity(64);
    while got.len() < MAX_ANSWER {
        let left = deadline.saturating_duration_since(Instant::now());
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = left.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: poll(2) on one valid pollfd.
        let n = unsafe { libc::poll(&mut fd, 1, ms) };
        if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        if n <= 0 || fd.revents & libc::POLLIN == 0 {
            return None;
        }
        let mut byte = 0u8;
        // SAFETY: read(2) of one byte into a valid one-byte buffer.
        if unsafe { libc::read(libc::STDIN_FILENO, (&raw mut byte).cast(), 1) } != 1 {
            return None;
        }
        got.push(byte);
        if let Some(answer) = parse_answer(&got) {
            return answer;
        }
    }
    None
}

/// The background in the terminal's answer so far: `None` while DA1's
/// answer has not come, then `Some` of what the OSC 11 answer before it
/// said (`Some(None)` when there was none, or it made no sense).
pub fn parse_answer(bytes: &[u8]) -> Option<Option<Background>> {
    let before = &bytes[..find_da1_answer(bytes)?];
    Some(find(before, b"\x1b]11;").and_then(|at| {
        let rest = &before[at + 5..];
        let end = rest
            .iter()
            .position(|&b| b == 0x07 || b == 0x1b)
            .unwrap_or(rest.len());
        let (r, g, b) = parse_colour(std::str::from_utf8(&rest[..end]).ok()?)?;
        Some(Background::from_rgb(r, g, b))
    }))
}

/// Where `ESC [ ? digits-and-semicolons c` starts, once it is complete.
fn find_da1_answer(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], b"\x1b[?") {
        let start = from + at;
        let body = &bytes[start + 3..];
        if let Some(end) = body
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';'))
            && body[end] == b'c'
        {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// An X11 colour as terminals report it: `rgb:R/G/B` (1–4 hex digits a
/// channel; `rgba:` too) or `#RGB` with 1–4 digits a channel; 8 bits a
/// channel.
pub fn parse_colour(s: &str) -> Option<(u8, u8, u8)> {
    let channel = |h: &str| -> Option<u8> {
        if h.is_empty() || h.len() > 4 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(h, 16).ok()?;
        let max = (1u32 << (4 * h.len())) - 1;
        u8::try_from((v * 255 + max / 2) / max).ok()
    };
    if let Some(hex) = s.strip_prefix('#') {
        let n = hex.len() / 3;
        if hex.len() % 3 != 0 || n == 0 || n > 4 || !hex.is_ascii() {
            return None;
        }
        return Some((
            channel(&hex[..n])?,
            channel(&hex[n..2 * n])?,
            channel(&hex[2 * n..])?,
        ));
    }
    let (body, parts) = match s.split_once(':')? {
        ("rgb", body) => (body, 3),
        ("rgba", body) => (body, 4),
        _ => return None,
    };
    let v: Vec<&str> = body.split('/').collect();
    if v.len() != parts {
        return None;
    }
    Some((channel(v[0])?, channel(v[1])?, channel(v[2])?))
}

/// Put the question ahead of the next frame, in the same write.
pub fn ask_with_next_frame(term: &mut crate::shell::terminal::Term) -> std::io::Result<()> {
    use std::io::Write;
    // The backend writes into the frame buffer: one write with the frame.
    term.backend_mut().write_all(QUERY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Background::{Dark, Light};

    #[test]
    fn colours_as_terminals_report_them() {
        assert_eq!(parse_colour("rgb:ffff/ffff/ffff"), Some((255, 255, 255)));
        assert_eq!(parse_colour("rgb:0000/0000/0000"), Some((0, 0, 0)));
        assert_eq!(parse_colour("rgb:fdfd/f6f6/e3e3"), Some((253, 246, 227)));
        assert_eq!(parse_colour("rgb:fd/f6/e3"), Some((253, 246, 227)));
        assert_eq!(parse_colour("rgb:f/8/0"), Some((255, 136, 0)));
        assert_eq!(
            parse_colour("rgba:ffff/ffff/ffff/ffff"),
            Some((255, 255, 255))
        );
        assert_eq!(parse_colour("#fff"), Some((255, 255, 255)));
        assert_eq!(parse_colour("#1e1e2e"), Some((30, 30, 46)));
        for bad in [
            "",
            "rgb:",
            "rgb:1/2",
            "rgb:1/2/3/4",
            "rgb:12345/0/0",
            "rgb:gg/0/0",
            "rgb:/0/0",
            "rgba:1/2/3",
            "cmyk:0/0/0",
            "#12",
            "#éé",
            "white",
        ] {
            assert_eq!(parse_colour(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_answer_is_read_until_the_device_attributes() {
        let white = b"\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62;22c";
        for n in 0..white.len() {
            assert_eq!(
                parse_answer(&white[..n]),
                None,
                "{n} bytes are not all of it"
            );
        }
        assert_eq!(parse_answer(white), Some(Some(Light)));
        // ST-terminated, as most terminals answer.
        let black = b"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?1;2c";
        assert_eq!(parse_answer(black), Some(Some(Dark)));
        // A terminal that does not know the question answers DA1 only.
        assert_eq!(parse_answer(b"\x1b[?62;22c"), Some(None));
        assert_eq!(parse_answer(b"\x1b]11;nonsense\x07\x1b[?6c"), Some(None));
        // A key typed just before does not hide the answer.
        assert_eq!(
            parse_answer(b"q\x1b]11;rgb:ff/ff/ff\x07\x1b[?6c"),
            Some(Some(Light))
        );
        // An arrow key is not the device attributes.
        assert_eq!(parse_answer(b"\x1b[A"), None);
    }

    #[test]
    fn terminals_that_cannot_answer_are_not_asked() {
        for term in [
            None,
            Some(""),
            Some("dumb"),
            Some("screen"),
            Some("screen.xterm-256color"),
            Some("Eterm"),
        ] {
            assert!(!may_know(term), "{term:?}");
        }
        for term in [
            "xterm-256color",
            "screen-256color",
            "tmux-256color",
            "alacritty",
            "linux",
        ] {
            assert!(may_know(Some(term)), "{term}");
        }
    }

    #[test]
    fn the_key_names_the_terminal_and_its_profile() {
        let env = |name: &str| match name {
            "TERM" => Some("xterm-256color".to_string()),
            "ITERM_PROFILE" => Some("Light".to_string()),
            _ => None,
        };
        assert_eq!(terminal_key(env), "TERM=xterm-256color ITERM_PROFILE=Light");
        assert_eq!(terminal_key(|_| None), "");
        let long = terminal_key(|n| (n == "TERM").then(|| "x".repeat(5000)));
        assert_eq!(long.len(), "TERM=".len() + MAX_PART);
    }

    fn memory() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join(FILE_NAME);
        (dir, path)
    }

    #[test]
    fn the_guess_is_the_last_answer_then_colorfgbg_then_dark() {
        let (_dir, path) = memory();
        assert_eq!(guess_from(Some(&path), "TERM=a", None), Dark);
        assert_eq!(guess_from(Some(&path), "TERM=a", Some("0;15")), Light);
        assert_eq!(guess_from(None, "TERM=a", Some("15;0")), Dark);
        assert!(remember_in(&path, "TERM=a", Light).unwrap());
        assert_eq!(guess_from(Some(&path), "TERM=a", Some("15;0")), Light);
        // Another terminal is not this one.
        assert_eq!(guess_from(Some(&path), "TERM=b", None), Dark);
        assert!(remember_in(&path, "TERM=b", Dark).unwrap());
        assert!(remember_in(&path, "TERM=a", Dark).unwrap());
        assert_eq!(guess_from(Some(&path), "TERM=a", None), Dark);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    #[cfg(unix)]
    fn the_file_is_written_only_when_an_answer_changes_it() {
        let (_dir, path) = memory();
        assert!(remember_in(&path, "TERM=a", Light).unwrap());
        let before = std::fs::read(&path).unwrap();
        let inode = |p: &Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).unwrap());
        let was = inode(&path);
        assert!(!remember_in(&path, "TERM=a", Light).unwrap());
        assert_eq!(inode(&path), was, "not rewritten");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn only_the_most_recent_terminals_are_kept() {
        let (_dir, path) = memory();
        for i in 0..MAX_TERMINALS + 5 {
            remember_in(&path, &format!("TERM={i}"), Light).unwrap();
        }
        assert_eq!(read_memory(&path).len(), MAX_TERMINALS);
        assert_eq!(
            guess_from(Some(&path), "TERM=0", None),
            Dark,
            "the oldest went"
        );
        let newest = format!("TERM={}", MAX_TERMINALS + 4);
        assert_eq!(guess_from(Some(&path), &newest, None), Light);
    }

    /// A file balcony did not write is never trusted, never blocks, and is
    /// replaced by a good one when an answer comes.
    #[test]
    #[cfg(unix)]
    fn a_strange_file_is_ignored() {
        let (dir, path) = memory();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let good = dir.path().join("good.ron");
        remember_in(&good, "TERM=a", Light).unwrap();
        type Make<'a> = &'a dyn Fn(&Path);
        let cases: [(&str, Make); 5] = [
            ("broken", &|p| {
                std::fs::write(p, "[(\"TERM=a\", Lig").unwrap()
            }),
            ("not text", &|p| std::fs::write(p, [0xff, 0xfe, 0]).unwrap()),
            ("too big", &|p| {
                let mut big = std::fs::read_to_string(&good).unwrap();
                big.push_str(&" ".repeat(MAX_FILE_BYTES as usize));
                std::fs::write(p, big).unwrap()
            }),
            ("a link", &|p| std::os::unix::fs::symlink(&good, p).unwrap()),
            ("a folder", &|p| std::fs::create_dir(p).unwrap()),
        ];
        for (what, make) in cases {
            make(&path);
            assert_eq!(guess_from(Some(&path), "TERM=a", None), Dark, "{what}");
            if what != "a folder" {
                assert!(remember_in(&path, "TERM=a", Light).unwrap(), "{what}");
                let meta = std::fs::symlink_metadata(&path).unwrap();
                assert!(meta.file_type().is_file(), "{what}: replaced by a file");
                assert_eq!(guess_from(Some(&path), "TERM=a", None), Light, "{what}");
                std::fs::remove_file(&path).unwrap();
            } else {
                assert!(remember_in(&path, "TERM=a", Light).is_err());
                std::fs::remove_dir(&path).unwrap();
            }
        }
        // The link's target was never written through.
        assert_eq!(guess_from(Some(&good), "TERM=a", None), Light);
        // A FIFO is not opened for reading in a way that waits for a writer.
        let fifo = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo(3) on a valid C string.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        assert_eq!(guess_from(Some(&path), "TERM=a", Some("0;15")), Light);
        assert_eq!(guess_from(Some(&path), "TERM=a", None), Dark);
    }
}
