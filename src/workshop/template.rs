//! Workshop templates: the checkpoints a session steps through and the
//! tactics the facilitator may use to move the room's temperature.

use serde::{Deserialize, Serialize};

use crate::kinds::ItemKind;
use crate::method::{Band, Mode, Move};

/// The embedded default: a customer-centricity workshop for a facilitated room.
pub const DEFAULT_RON: &str = include_str!("../../assets/workshop-default.ron");
/// The embedded solo reflection.
pub const SOLO_RON: &str = include_str!("../../assets/workshop-solo.ron");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub mode: Mode,
    /// The productive band a new session starts with.
    #[serde(default)]
    pub band: Band,
    /// The level a new session starts at, before anyone has read the room.
    #[serde(default = "default_level")]
    pub start_level: u8,
    pub tactics: Vec<Tactic>,
    pub checkpoints: Vec<Checkpoint>,
}

fn default_level() -> u8 {
    3
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Place {
    /// Step back and look at the patterns, including yourself.
    Balcony,
    /// In the action: capture, decide, assign.
    DanceFloor,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    /// Short, unique within the workshop; items refer to it.
    pub id: String,
    pub place: Place,
    pub title: String,
    pub purpose: String,
    pub prompts: Vec<String>,
    /// Suggested minutes.
    pub timebox_mins: u32,
    /// Which kinds of item this checkpoint asks for.
    #[serde(default)]
    pub collects: Vec<ItemKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tactic {
    pub id: String,
    /// `Raise` or `Lower`; `Hold` tactics are allowed too (e.g. use silence).
    pub direction: Move,
    pub name: String,
    /// One line on how to do it.
    #[serde(default)]
    pub hint: String,
}

impl Workshop {
    pub fn checkpoint(&self, id: &str) -> Option<&Checkpoint> {
        self.checkpoints.iter().find(|c| c.id == id)
    }

    pub fn tactics_for(&self, direction: Move) -> impl Iterator<Item = &Tactic> {
        self.tactics
            .iter()
            .filter(move |t| t.direction == direction)
    }

    pub fn tactic(&self, id: &str) -> Option<&Tactic> {
        self.tactics.iter().find(|t| t.id == id)
    }
}
