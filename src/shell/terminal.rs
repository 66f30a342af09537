//! The terminal: a whole frame in one write, and input read without ever
//! getting stuck in it.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Once, OnceLock};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event,
};
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::ui::colour_depth::{Depth, Output};

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
fn init() -> io::Result<Term> {
    stdin_is_tty();
    suspend_flags();
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

/// The terminal taken for a screen, the live app's or `present`'s, with the
/// signals that end it as `q` does. Given back when dropped.
pub struct Taken {
    pub term: Term,
    /// Set by SIGINT, SIGTERM or SIGHUP. There is no Ctrl-C signal in raw
    /// mode: SIGINT comes from outside.
    pub stop: Arc<AtomicBool>,
}

impl Taken {
    /// Takes the terminal. When it cannot be used, it is given back and the
    /// reason is written to standard error.
    pub fn take() -> Option<Taken> {
        if crate::ui::theme::no_color_env() {
            // Without this, crossterm turns every style change into a reset
            // and bold/reverse are lost; the theme has no colours anyway.
            crossterm::style::force_color_output(true);
        }
        let stop = Arc::new(AtomicBool::new(false));
        for sig in LEAVE_SIGNALS {
            let _ = signal_hook::flag::register(sig, Arc::clone(&stop));
        }
        match init() {
            Ok(term) => Some(Taken { term, stop }),
            Err(e) => {
                restore();
                let _ = writeln!(io::stderr(), "balcony: cannot use this terminal: {e}");
                None
            }
        }
    }

    /// A leaving signal has arrived.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
}

impl Drop for Taken {
    fn drop(&mut self) {
        restore();
    }
}

/// The signals that end a screen as `q` does: everything saved, the
/// terminal restored.
const LEAVE_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// Set by SIGTSTP (or Ctrl-Z through [`ask_to_suspend`]), and by SIGCONT
/// (a stop that did not come through here, such as SIGSTOP).
struct SuspendFlags {
    suspend: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
}

fn suspend_flags() -> &'static SuspendFlags {
    static FLAGS: OnceLock<SuspendFlags> = OnceLock::new();
    FLAGS.get_or_init(|| {
        let flags = SuspendFlags {
            suspend: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        // A handler replaces the default stop, which would leave the
        // terminal in raw mode under the shell: the loop stops itself once
        // the terminal is restored.
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGTSTP};
            let _ = signal_hook::flag::register(SIGTSTP, Arc::clone(&flags.suspend));
            let _ = signal_hook::flag::register(SIGCONT, Arc::clone(&flags.resumed));
        }
        flags
    })
}

/// Ctrl-Z was pressed: suspend at the loop's next turn.
pub fn ask_to_suspend() {
    suspend_flags().suspend.store(true, Ordering::SeqCst);
}

/// If a suspend was asked for: restore the terminal, stop until `fg`, then
/// take the terminal again (raw mode, alternate screen) for a full redraw.
/// After a stop from elsewhere (SIGSTOP, then SIGCONT) the terminal is taken
/// again too. True when the screen must be redrawn.
pub fn suspend_if_asked(term: &mut Term) -> io::Result<bool> {
    let flags = suspend_flags();
    let suspend = flags.suspend.swap(false, Ordering::SeqCst);
    if !suspend && !flags.resumed.swap(false, Ordering::SeqCst) {
        return Ok(false);
    }
    if suspend {
        let _ = term.show_cursor();
        restore();
        #[cfg(unix)]
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        flags.resumed.store(false, Ordering::SeqCst);
    }
    enable_raw_mode()?;
    crossterm::execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        Clear(ClearType::All)
    )?;
    // Forget what was drawn, so the next frame is drawn whole. Not
    // `Terminal::clear`: it asks the terminal where the cursor is, and the
    // answer goes to the input thread instead (a two-second wait, then an
    // error).
    term.swap_buffers();
    term.swap_buffers();
    Ok(true)
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

/// Whether both standard input and standard output are terminals: a screen
/// needs keys from one and must be drawn on one.
pub fn is_interactive() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal() && io::stdout().is_terminal()
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
