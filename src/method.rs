//! The method's small values that the workshop, the session and the words
//! all use: the tension scale and its productive band, the facilitator's
//! moves on it, who sees the gauge, and whether a room or one leader works.

use serde::{Deserialize, Serialize};

/// The tension scale runs from 0 (frozen, nobody engages) to this value.
pub const SCALE_MAX: u8 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    /// A facilitator with a room.
    Facilitated,
    /// A leader reflecting alone; the session is private.
    Solo,
}

/// How much of the tension gauge the room sees. Showing a heated room that
/// it is "too hot" is itself an intervention: the facilitator chooses, so
/// a session starts with the level alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum GaugeShow {
    /// The level, without the band or whether it is too cold, productive
    /// or too hot.
    #[default]
    LevelOnly,
    /// The level and whether it is too cold, productive or too hot.
    LevelAndVerdict,
    Nothing,
}

impl GaugeShow {
    /// What a file without `room_gauge` means: sessions written before
    /// they started at the level alone showed the verdict.
    pub fn absent() -> GaugeShow {
        GaugeShow::LevelAndVerdict
    }

    /// For `skip_serializing_if`: such files re-save as they were.
    pub fn is_absent(&self) -> bool {
        *self == GaugeShow::absent()
    }

    /// The next choice, round the three: from the level alone, the verdict
    /// first.
    pub fn next(self) -> GaugeShow {
        match self {
            GaugeShow::LevelOnly => GaugeShow::LevelAndVerdict,
            GaugeShow::LevelAndVerdict => GaugeShow::Nothing,
            GaugeShow::Nothing => GaugeShow::LevelOnly,
        }
    }
}

/// The productive zone of disequilibrium on the 0..=SCALE_MAX scale.
/// `low` is the threshold of learning, `high` the limit of tolerance;
/// both edges belong to the productive zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub low: u8,
    pub high: u8,
}

impl Default for Band {
    fn default() -> Self {
        Band { low: 4, high: 7 }
    }
}

impl Band {
    pub fn zone(self, level: u8) -> Zone {
        if level < self.low {
            Zone::TooCold
        } else if level > self.high {
            Zone::TooHot
        } else {
            Zone::Productive
        }
    }

    pub fn is_valid(self) -> bool {
        self.low <= self.high && self.high <= SCALE_MAX
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Zone {
    /// Below the threshold of learning: complacency, work avoidance.
    TooCold,
    Productive,
    /// Past the limit of tolerance: fight, flight or freeze.
    TooHot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Move {
    Raise,
    Lower,
    Hold,
}
