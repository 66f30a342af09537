//! The IO shell around the pure flow: the terminal, the event loops of the
//! live app and of `present`, the saver thread and the clock. Everything
//! here touches the outside world; nothing below it does.

pub mod app;
pub mod background;
pub mod present;
mod saver;
pub mod terminal;

use crate::session::Timestamp;

/// The wall clock, read only here: the flow and the screens are handed it.
pub fn now() -> Timestamp {
    chrono::Local::now().fixed_offset()
}
