//! Ripeness and readiness: before the heat is raised, who feels the urgency,
//! how ripe the issue is, and on what evidence. An issue is ripe when the
//! urgency is felt across the system, not by one faction alone. The check is
//! asked once per checkpoint (again when the answer grows stale) and is kept
//! with the raise it came before.

use serde::{Deserialize, Serialize};

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
