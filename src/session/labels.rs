//! The words the app uses for the model's choices, in one place so the
//! screens, the CLI and the exports agree.

use super::model::*;
use super::readiness::*;
use crate::workshop::Place;

impl Zone {
    pub fn label(self) -> &'static str {
        match self {
            Zone::TooCold => "too cold",
            Zone::Productive => "productive",
            Zone::TooHot => "too hot",
        }
    }
}

impl Move {
    pub fn label(self) -> &'static str {
        match self {
            Move::Raise => "raise",
            Move::Lower => "lower",
            Move::Hold => "hold",
        }
    }
}

impl Reading {
    /// "raise", "lower", "hold", or "observed" for a reading that was not a move.
    pub fn label(&self) -> &'static str {
        match self.kind {
            ReadingKind::Observation => "observed",
            ReadingKind::Move => self.move_.label(),
        }
    }
}

impl GaugeShow {
    pub fn label(self) -> &'static str {
        match self {
            GaugeShow::LevelAndVerdict => "level and verdict",
            GaugeShow::LevelOnly => "level only",
            GaugeShow::Nothing => "nothing",
        }
    }
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Facilitated => "facilitated",
            Mode::Solo => "solo",
        }
    }
}

impl Place {
    pub fn label(self) -> &'static str {
        match self {
            Place::Balcony => "BALCONY",
            Place::DanceFloor => "DANCE FLOOR",
        }
    }
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotYet => "not yet",
            Status::Visited => "visited",
            Status::Skipped => "skipped",
        }
    }
}

impl Road {
    pub const ALL: [Road; 5] = [
        Road::Engineering,
        Road::StrategicDifferentiator,
        Road::ConsumerDecisionMaking,
        Road::BestCustomer,
        Road::CompetingValues,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Road::Engineering => "engineering (process tools)",
            Road::StrategicDifferentiator => "strategic differentiator (mission, brand)",
            Road::ConsumerDecisionMaking => "consumer decision-making (behaviour models)",
            Road::BestCustomer => "best customer (segmentation)",
            Road::CompetingValues => "competing values (adaptive)",
        }
    }
}

impl Urgency {
    pub fn label(self) -> &'static str {
        match self {
            Urgency::OneFaction => "one faction",
            Urgency::SeveralFactions => "several factions",
            Urgency::WholeSystem => "the whole system",
        }
    }
}

impl Ripeness {
    pub fn label(self) -> &'static str {
        match self {
            Ripeness::Unripe => "unripe",
            Ripeness::Ripening => "ripening",
            Ripeness::Ripe => "ripe",
        }
    }
}

impl Readiness {
    /// "ripening, urgency felt by several factions: the evidence", or "not
    /// checked"; shown after "readiness: ".
    pub fn describe(&self) -> String {
        match self {
            Readiness::NotChecked => "not checked".to_string(),
            Readiness::Checked {
                urgency,
                ripeness,
                evidence,
            } => {
                let mut out = format!("{}, urgency felt by {}", ripeness.label(), urgency.label());
                if !evidence.trim().is_empty() {
                    out.push_str(": ");
                    out.push_str(evidence);
                }
                out
            }
        }
    }
}
