//! Ripeness and readiness: before the heat is raised, who feels the urgency,
//! how ripe the issue is, and on what evidence. An issue is ripe when the
//! urgency is felt across the system, not by one faction alone. The check is
//! asked once per checkpoint (again when the answer grows stale) and is kept
//! with the raise it came before.

use serde::{Deserialize, Serialize};

use super::model::{Move, Reading, ReadingKind, Session, Timestamp};

/// An answer older than this is asked again, even at the same checkpoint.
pub const STALE_SECS: i64 = 20 * 60;

/// Who feels that something must change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Urgency {
    OneFaction,
    SeveralFactions,
    WholeSystem,
}

/// How ready the system is to work on the issue now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ripeness {
    /// Few feel it: more heat may only harden one faction against the rest.
    Unripe,
    Ripening,
    /// Felt widely enough that the work can be taken up.
    Ripe,
}

/// The readiness check before a raise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Readiness {
    /// The facilitator went on without checking.
    NotChecked,
    Checked {
        urgency: Urgency,
        ripeness: Ripeness,
        /// What was seen or heard that says so.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        evidence: String,
    },
}

impl Urgency {
    pub const ALL: [Urgency; 3] = [
        Urgency::OneFaction,
        Urgency::SeveralFactions,
        Urgency::WholeSystem,
    ];
}

impl Ripeness {
    pub const ALL: [Ripeness; 3] = [Ripeness::Unripe, Ripeness::Ripening, Ripeness::Ripe];
}

impl Readiness {
    pub fn is_unripe(&self) -> bool {
        matches!(
            self,
            Readiness::Checked {
                ripeness: Ripeness::Unripe,
                ..
            }
        )
    }

    /// The evidence, if any was given.
    pub fn evidence(&self) -> &str {
        match self {
            Readiness::Checked { evidence, .. } => evidence,
            Readiness::NotChecked => "",
        }
    }
}

impl Reading {
    /// Whether this reading may carry a readiness check: a raise.
    pub fn is_raise(&self) -> bool {
        self.kind == ReadingKind::Move && self.move_ == Move::Raise
    }
}

impl Session {
    /// The latest readiness answer (checked or not), with the reading it
    /// came before.
    pub fn last_readiness(&self) -> Option<(&Reading, &Readiness)> {
        self.readings
            .iter()
            .rev()
            .find_map(|r| r.readiness.as_ref().map(|x| (r, x)))
    }

    /// The latest answer that was checked: what a new check starts from.
    pub fn last_checked(&self) -> Option<&Readiness> {
        self.readings
            .iter()
            .rev()
            .filter_map(|r| r.readiness.as_ref())
            .find(|x| matches!(x, Readiness::Checked { .. }))
    }

    /// The answer that still holds at `checkpoint` at `now`: given here,
    /// and not stale. None means a raise asks again.
    pub fn current_readiness(&self, checkpoint: &str, now: Timestamp) -> Option<&Readiness> {
        let (r, x) = self.last_readiness()?;
        let age = (now - r.at).num_seconds();
        (r.checkpoint == checkpoint && (0..STALE_SECS).contains(&age)).then_some(x)
    }
}
