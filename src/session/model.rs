//! The session: everything a workshop captures, as it is saved in RON.
//!
//! Items are never deleted. Each carries the checkpoint where it was captured
//! and the time, so a review can tell the story in order.

use serde::{Deserialize, Serialize};

pub use super::items::{Items, Mark};
pub use crate::kinds::assumption::*;
pub use crate::kinds::avoidance::*;
pub use crate::kinds::commitment::*;
pub use crate::kinds::customer::*;
pub use crate::kinds::experiment::*;
pub use crate::kinds::fact::*;
pub use crate::kinds::faction::*;
pub use crate::kinds::force::*;
pub use crate::kinds::gadfly::*;
pub use crate::kinds::note::*;
pub use crate::kinds::polarity::*;
pub use crate::kinds::split::*;
pub use crate::kinds::{AnyItem, ItemKind, Kind, Timestamp};
pub use crate::method::{Band, GaugeShow, Mode, Move, SCALE_MAX, Zone};
use crate::workshop::Workshop;

/// The schema this build writes. Files with a higher number are refused.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub schema: u32,
    pub meta: Meta,
    /// A full copy of the workshop followed, so the file stands alone.
    pub workshop: Workshop,
    pub progress: Progress,
    /// The productive zone as it stands now; each reading keeps its own copy.
    pub band: Band,
    /// Every move of the band, oldest first, with its time and reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub band_moves: Vec<BandMove>,
    /// How much of the tension gauge the room sees on the projector.
    #[serde(
        default = "GaugeShow::absent",
        skip_serializing_if = "GaugeShow::is_absent"
    )]
    pub room_gauge: GaugeShow,
    #[serde(default)]
    pub road: Option<Road>,
    #[serde(default)]
    pub readings: Items<Reading>,
    #[serde(default)]
    pub gadflies: Items<Gadfly>,
    #[serde(default)]
    pub facts: Items<BrutalFact>,
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    pub customers: Items<Customer>,
    #[serde(default)]
    pub splits: Items<Split>,
    #[serde(default)]
    pub polarities: Items<Polarity>,
    #[serde(default)]
    pub factions: Items<Faction>,
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    pub forces: Items<Force>,
    #[serde(default)]
    pub assumptions: Items<Assumption>,
    #[serde(default)]
    pub avoidance: Items<Avoidance>,
    #[serde(default)]
    pub commitments: Items<Commitment>,
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    pub experiments: Items<Experiment>,
    #[serde(default)]
    pub notes: Items<Note>,
    /// Ideas sent from participants' phones, waiting for the facilitator or
    /// already accepted or hidden. Never deleted.
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    pub participant_ideas: Items<ParticipantIdea>,
    /// Participants' own tension readings, per checkpoint: how many gave
    /// each level (the latest of each device). Which device gave which is
    /// kept in memory only, never written.
    #[serde(default, skip_serializing_if = "Items::is_empty")]
    pub room_readings: Items<RoomReadings>,
    /// Only in files from older versions: readings with the device that
    /// gave them. Loading counts them into `room_readings`; never written.
    #[serde(default, skip_serializing)]
    pub participant_readings: Items<ParticipantReading>,
    /// The organisation's functions; each should own some of the work.
    /// Those no work names are shown as exempted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
    /// The next free item id; ids are unique across all kinds of item.
    pub next_id: u32,
}

/// Where the session keeps each kind's list.
pub trait Stored: Kind {
    fn list(s: &Session) -> &Items<Self>;
    fn list_mut(s: &mut Session) -> &mut Items<Self>;
}

macro_rules! stored {
    ($($ty:ty => $field:ident),* $(,)?) => {
        $(impl Stored for $ty {
            fn list(s: &Session) -> &Items<Self> {
                &s.$field
            }
            fn list_mut(s: &mut Session) -> &mut Items<Self> {
                &mut s.$field
            }
        })*
    };
}

stored! {
    Gadfly => gadflies,
    BrutalFact => facts,
    Customer => customers,
    Split => splits,
    Polarity => polarities,
    Faction => factions,
    Force => forces,
    Assumption => assumptions,
    Avoidance => avoidance,
    Commitment => commitments,
    Experiment => experiments,
    Note => notes,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub mode: Mode,
    #[serde(default)]
    pub facilitator: String,
    /// The organisation and the change it is trying to make.
    #[serde(default)]
    pub context: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// A session this one follows up on (its file name).
    #[serde(default)]
    pub follows: Option<String>,
}

/// Where the session stands in its workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Index into `workshop.checkpoints`.
    pub current: usize,
    /// One entry per checkpoint, in the workshop's order.
    pub checkpoints: Vec<CheckpointProgress>,
    /// While the current checkpoint's timebox runs: since when, on top of its
    /// `spent_secs`. Absent while paused or when nobody has the session open.
    /// `balcony present` runs its clock from this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_since: Option<Timestamp>,
    /// What the room's wall shows at the current checkpoint; kept in the file
    /// so `balcony present` pages along with the facilitator.
    #[serde(default, skip_serializing_if = "WallView::is_default")]
    pub wall: WallView,
}

/// The page of the wall the room sees, and the item in the spotlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WallView {
    #[serde(default)]
    pub page: u16,
    /// The id of the item shown alone, large.
    #[serde(default)]
    pub spotlight: Option<u32>,
}

impl WallView {
    pub fn is_default(&self) -> bool {
        *self == WallView::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckpointProgress {
    pub id: String,
    pub status: Status,
    /// Seconds spent at this checkpoint so far, over all visits.
    #[serde(default)]
    pub spent_secs: u64,
    /// Minutes added to the suggested timebox.
    #[serde(default)]
    pub extra_mins: u32,
    #[serde(default)]
    pub first_visit: Option<Timestamp>,
    /// When it was skipped. Kept when work there later clears the skip.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Timestamp>,
    /// Why it was skipped, for the skips given a reason (`at` is the skip's
    /// time in `skipped`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skip_reasons: Vec<SkipReason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkipReason {
    pub at: Timestamp,
    pub reason: String,
}

/// The productive band moved: from what, to what, where and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandMove {
    pub at: Timestamp,
    pub checkpoint: String,
    pub from: Band,
    pub to: Band,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    NotYet,
    Visited,
    Skipped,
}

/// Whether a reading records a move of the facilitator's or only where the
/// room was found to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ReadingKind {
    /// The facilitator raised, lowered or held the heat.
    #[default]
    Move,
    /// The room was read at this level; nothing was done to it. Its `move`
    /// is `Hold` and it has no tactic.
    Observation,
}

impl ReadingKind {
    pub fn is_move(&self) -> bool {
        *self == ReadingKind::Move
    }
}

/// One reading of the room's temperature and what the facilitator did about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    pub level: u8,
    pub band: Band,
    /// Derived from `level` and `band`; stored so the file reads on its own.
    pub zone: Zone,
    /// Absent in files from before observations were recorded: a move.
    #[serde(default, skip_serializing_if = "ReadingKind::is_move")]
    pub kind: ReadingKind,
    #[serde(rename = "move")]
    pub move_: Move,
    /// A tactic id from the workshop's list.
    #[serde(default)]
    pub tactic: Option<String>,
    #[serde(default)]
    pub reason: String,
    /// Set when the heat went down soon after a gadfly idea was captured:
    /// a possible silencing of a dissenting voice.
    #[serde(default)]
    pub after_gadfly: Option<u32>,
    /// The participants' readings at this checkpoint when this one was
    /// recorded, if any had sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<Spread>,
    /// The readiness check asked before this raise, when one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readiness: Option<super::readiness::Readiness>,
}

/// How many participants gave each level, 0 to SCALE_MAX.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spread {
    /// One count per level: `counts[3]` participants said 3.
    pub counts: Vec<u32>,
}

impl Spread {
    pub fn of(levels: impl IntoIterator<Item = u8>) -> Spread {
        let mut counts = vec![0; SCALE_MAX as usize + 1];
        for l in levels {
            if let Some(c) = counts.get_mut(l as usize) {
                *c += 1;
            }
        }
        Spread { counts }
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The lower median level, or none when nobody answered.
    pub fn median(&self) -> Option<u8> {
        let n = self.total();
        if n == 0 {
            return None;
        }
        let mid = n.div_ceil(2);
        let mut seen = 0;
        for (lv, c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= mid {
                return Some(lv as u8);
            }
        }
        None
    }
}

/// Where a participant's idea stands with the facilitator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdeaState {
    Waiting,
    /// Taken into the session as the gadfly idea with this id.
    Accepted(u32),
    /// Kept in the file, not shown to the room.
    Hidden,
}

/// An idea a participant sent from their own device. Its text was cleaned
/// of control characters and terminal escapes when it arrived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantIdea {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    pub text: String,
    pub author: Author,
    pub state: IdeaState,
}

/// The room's readings at one checkpoint: how many participants gave each
/// level, 0 to SCALE_MAX, each counted once (their latest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoomReadings {
    pub checkpoint: String,
    pub counts: Vec<u32>,
}

/// A participant's own reading of the heat at one checkpoint, as older
/// versions wrote it (with the device); read, never written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantReading {
    pub at: Timestamp,
    pub checkpoint: String,
    /// The random id the participant's browser made up; it names nobody.
    pub device: String,
    pub level: u8,
}

/// The five roads to customer-centricity; naming the current one is a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Road {
    /// Process tools; treats the change as a puzzle.
    Engineering,
    /// Mission and brand; a puzzle too.
    StrategicDifferentiator,
    /// Behavioural models of the customer; a technical problem.
    ConsumerDecisionMaking,
    /// Data-driven segmentation; a technical problem.
    BestCustomer,
    /// Managing the tension between customer focus and efficiency: adaptive.
    CompetingValues,
}
