//! Reading the terminal without ever getting stuck in it.

use std::io;
use std::sync::mpsc::{self, Receiver};

use crossterm::event::{self, Event};

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

/// True when the terminal on standard input has hung up (its window or
/// pseudo-terminal was closed).
#[cfg(unix)]
pub fn hung_up() -> bool {
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
