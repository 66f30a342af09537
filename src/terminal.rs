//! The terminal: a whole frame in one write, and input read without ever
//! getting stuck in it.

use std::io::{self, BufWriter, Stdout};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Once, OnceLock};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event,
};
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::ui::colour_depth::{Depth, Output};
use crate::ui::theme::Background;

/// Big enough for a full frame of a large window with its styles.
const FRAME_BUFFER: usize = 1 << 18;

/// A terminal whose frames reach the screen in one write. Stdout alone is
/// line-buffered, so a frame (which has no newlines) went out in 1 KiB
/// pieces: slower, and a reader could see half a frame.
/// Below it, the output is brought down to the terminal's colour depth.
pub type Term = Terminal<CrosstermBackend<BufWriter<Output<Stdout>>>>;

/// A panic hook that restores the terminal, then raw mode, the alternate
/// screen and bracketed paste, then the buffered terminal. Not
/// `ratatui::try_init`: it builds a terminal of its own, and the throwaway's
/// two screen buffers cost a quarter of the start-up time (page faults).
pub fn init() -> io::Result<Term> {
    stdin_is_tty();
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    enable_raw_mode()?;
    crossterm::execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        FRAME_BUFFER,
        Output::new(io::stdout(), Depth::from_env()),
    )))
}

/// How long the terminal has to say what its background is. One that does
/// not know the question still answers the device-attributes query sent
/// after it, at once; only a terminal that answers nothing costs this.
const BACKGROUND_TIMEOUT: Duration = Duration::from_millis(100);

/// The terminal's background: asked of the terminal (OSC 11), else read
/// from `COLORFGBG`, else taken to be dark. Asked only of a terminal on
/// standard output, before raw mode and the alternate screen.
pub fn background() -> Background {
    // SAFETY: isatty(3) on a file descriptor number has no preconditions.
    if unsafe { libc::isatty(libc::STDOUT_FILENO) } == 1 {
        let mut options = terminal_colorsaurus::QueryOptions::default();
        options.timeout = BACKGROUND_TIMEOUT;
        if let Ok(c) = terminal_colorsaurus::background_color(options) {
            let (r, g, b) = c.scale_to_8bit();
            return Background::from_rgb(r, g, b);
        }
    }
    std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| Background::from_colorfgbg(&v))
        .unwrap_or(Background::Dark)
}

/// Undo [`init`]: on quit, on error and from the panic hook. Mouse capture
/// is never turned on; turning it off costs nothing and covers a stray one.
pub fn restore() {
    let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
}

/// Terminal events, read on a thread of their own. Once the terminal is
/// gone, crossterm's reader retries its zero-byte reads forever without
/// returning; the loop must never wait inside it, or it could not notice
/// SIGHUP/SIGTERM and would spin instead of saving and leaving.
pub fn events() -> Receiver<io::Result<Event>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let ev = event::read();
            let failed = ev.is_err();
            if tx.send(ev).is_err() || failed {
                return;
            }
        }
    });
    rx
}

/// Whether standard input was a terminal when the app started. Only a
/// terminal can hang up: a pipe that ends is not a closed window.
#[cfg(unix)]
fn stdin_is_tty() -> bool {
    static TTY: OnceLock<bool> = OnceLock::new();
    // SAFETY: isatty(3) on a file descriptor number has no preconditions.
    *TTY.get_or_init(|| unsafe { libc::isatty(libc::STDIN_FILENO) } == 1)
}

#[cfg(not(unix))]
fn stdin_is_tty() -> bool {
    false
}

/// True when the terminal on standard input has hung up (its window or
/// pseudo-terminal was closed).
#[cfg(unix)]
pub fn hung_up() -> bool {
    if !stdin_is_tty() {
        return false;
    }
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: poll(2) on one valid pollfd with a zero timeout.
    let n = unsafe { libc::poll(&mut fd, 1, 0) };
    n > 0 && fd.revents & (libc::POLLHUP | libc::POLLNVAL) != 0
}

#[cfg(not(unix))]
pub fn hung_up() -> bool {
    false
}
