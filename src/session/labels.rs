//! The words the app uses for the model's choices, in one place so the
//! screens, the CLI and the exports agree.

use super::model::*;
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

impl Voice {
    pub const ALL: [Voice; 7] = [
        Voice::Critic,
        Voice::Oddball,
        Voice::FrontLine,
        Voice::Newcomer,
        Voice::Customer,
        Voice::Outsider,
        Voice::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Voice::Critic => "critic",
            Voice::Oddball => "oddball",
            Voice::FrontLine => "front line",
            Voice::Newcomer => "newcomer",
            Voice::Customer => "customer",
            Voice::Outsider => "outsider",
            Voice::Other => "other",
        }
    }
}

impl Reaction {
    pub const ALL: [Reaction; 7] = [
        Reaction::NotYetSeen,
        Reaction::Silence,
        Reaction::Dismissed,
        Reaction::Laughter,
        Reaction::Pushback,
        Reaction::Curiosity,
        Reaction::Support,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Reaction::NotYetSeen => "not noted",
            Reaction::Silence => "silence",
            Reaction::Dismissed => "dismissed",
            Reaction::Laughter => "laughter",
            Reaction::Pushback => "pushback",
            Reaction::Curiosity => "curiosity",
            Reaction::Support => "support",
        }
    }
}

impl Fate {
    pub fn label(&self) -> &'static str {
        match self {
            Fate::Parked => "parked",
            Fate::Exploring => "exploring",
            Fate::Adopted => "adopted",
            Fate::Declined(_) => "declined",
        }
    }
}

impl SourceKind {
    pub const ALL: [SourceKind; 4] = [
        SourceKind::Customer,
        SourceKind::FrontLine,
        SourceKind::Data,
        SourceKind::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Customer => "customer",
            SourceKind::FrontLine => "front line",
            SourceKind::Data => "data",
            SourceKind::Other => "other",
        }
    }
}

impl SplitKind {
    pub const ALL: [SplitKind; 3] = [SplitKind::Technical, SplitKind::Adaptive, SplitKind::Unsure];
    pub fn label(self) -> &'static str {
        match self {
            SplitKind::Technical => "technical",
            SplitKind::Adaptive => "adaptive",
            SplitKind::Unsure => "not sure yet",
        }
    }
}

impl Stance {
    pub const ALL: [Stance; 5] = [
        Stance::EarlyAdopter,
        Stance::Catalyst,
        Stance::Undecided,
        Stance::Inhibitor,
        Stance::Resistant,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Stance::EarlyAdopter => "early adopter",
            Stance::Catalyst => "catalyst",
            Stance::Undecided => "undecided",
            Stance::Inhibitor => "inhibitor",
            Stance::Resistant => "resistant",
        }
    }
}

impl AssumptionKind {
    pub const ALL: [AssumptionKind; 6] = [
        AssumptionKind::Aspirational,
        AssumptionKind::SelfDeception,
        AssumptionKind::Denial,
        AssumptionKind::Myth,
        AssumptionKind::Rationalisation,
        AssumptionKind::Excuse,
    ];
    pub fn label(self) -> &'static str {
        match self {
            AssumptionKind::Aspirational => "aspirational",
            AssumptionKind::SelfDeception => "Vital Lie: self-deception",
            AssumptionKind::Denial => "Vital Lie: denial",
            AssumptionKind::Myth => "Vital Lie: myth",
            AssumptionKind::Rationalisation => "Vital Lie: rationalisation",
            AssumptionKind::Excuse => "Vital Lie: excuse",
        }
    }
}

impl AvoidanceFamily {
    pub fn label(self) -> &'static str {
        match self {
            AvoidanceFamily::DiversionOfAttention => "diversion of attention",
            AvoidanceFamily::DisplacementOfResponsibility => "displacement of responsibility",
        }
    }
}

impl AvoidancePattern {
    pub fn label(self) -> &'static str {
        match self {
            AvoidancePattern::Denial => "denial",
            AvoidancePattern::TechnicalFix => "a technical fix for an adaptive problem",
            AvoidancePattern::DistractingIssue => "a distracting issue",
            AvoidancePattern::JumpingToConclusions => "jumping to conclusions",
            AvoidancePattern::Scapegoating => "scapegoating",
            AvoidancePattern::BlamingAuthority => "blaming authority",
            AvoidancePattern::OutsideEnemy => "blaming an outside enemy",
            AvoidancePattern::ShootingTheMessenger => "shooting the messenger",
            AvoidancePattern::HandingItOff => "handing it to a committee or consultant",
        }
    }
}

impl CommitmentStatus {
    pub const ALL: [CommitmentStatus; 3] = [
        CommitmentStatus::Open,
        CommitmentStatus::Kept,
        CommitmentStatus::Dropped,
    ];
    pub fn label(self) -> &'static str {
        match self {
            CommitmentStatus::Open => "open",
            CommitmentStatus::Kept => "kept",
            CommitmentStatus::Dropped => "dropped",
        }
    }
}

impl NoteKind {
    pub const ALL: [NoteKind; 6] = [
        NoteKind::Observation,
        NoteKind::Interpretation,
        NoteKind::Reflection,
        NoteKind::Keep,
        NoteKind::Drop,
        NoteKind::Invent,
    ];
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Observation => "observation",
            NoteKind::Interpretation => "interpretation",
            NoteKind::Reflection => "reflection",
            NoteKind::Keep => "keep",
            NoteKind::Drop => "drop",
            NoteKind::Invent => "invent",
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

impl ItemKind {
    /// Singular, for "new gadfly idea".
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Gadfly => "gadfly idea",
            ItemKind::Fact => "brutal fact",
            ItemKind::Split => "technical / adaptive part",
            ItemKind::Polarity => "competing values",
            ItemKind::Faction => "faction",
            ItemKind::Assumption => "assumption",
            ItemKind::Avoidance => "work avoidance",
            ItemKind::Commitment => "commitment",
            ItemKind::Note => "note",
        }
    }

    /// Plural, for headings.
    pub fn heading(self) -> &'static str {
        match self {
            ItemKind::Gadfly => "Gadfly ideas",
            ItemKind::Fact => "Brutal facts",
            ItemKind::Split => "Technical or adaptive",
            ItemKind::Polarity => "Competing values",
            ItemKind::Faction => "Factions and losses",
            ItemKind::Assumption => "Vital Lies and aspirations",
            ItemKind::Avoidance => "Work avoidance",
            ItemKind::Commitment => "Commitments",
            ItemKind::Note => "Notes",
        }
    }
}
