//! The join page: a small HTTP server, for one session only, through which
//! participants send ideas and their own tension reading from their phones.
//!
//! It runs on its own thread with a one-thread tokio runtime and talks to the
//! app loop over a channel: what arrives becomes an [`Arrival`], which the
//! flow turns into the session's queue and readings. The app pushes what the
//! page shows (the current checkpoint) into a shared [`Board`]. Nothing is
//! read from disk; the page is compiled in.

pub mod address;
pub mod card;
mod guard;
mod server;

pub use server::{JoinServer, Limits};

pub use crate::flow::join::Arrival;

/// What the participant page shows: the checkpoint the room is at.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Board {
    /// Changes when the facilitator moves on, so the page knows a reading
    /// given earlier belonged to another checkpoint.
    pub checkpoint: String,
    pub title: String,
    pub prompt: String,
    /// The productive band, so the page can name the zones.
    pub low: u8,
    pub high: u8,
}

impl Board {
    /// What the page shows for the session being worked, where it stands now.
    pub fn of(live: &crate::flow::Live) -> Board {
        let c = live.checkpoint();
        Board {
            checkpoint: c.id.clone(),
            title: c.title.clone(),
            prompt: c.prompts.join("\n"),
            low: live.session.band.low,
            high: live.session.band.high,
        }
    }
}

/// The longest idea, in characters, after cleaning.
pub const MAX_IDEA_CHARS: usize = 1000;
/// The longest name a participant may give.
pub const MAX_NAME_CHARS: usize = 60;
