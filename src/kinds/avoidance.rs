//! A sign the room is avoiding the work: one of the patterns of diverting
//! attention or displacing responsibility.

use serde::{Deserialize, Serialize};

use super::*;
use crate::text::trunc;

/// A sign the room is avoiding the work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Avoidance {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    pub pattern: AvoidancePattern,
    /// What was seen or said.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AvoidanceFamily {
    DiversionOfAttention,
    DisplacementOfResponsibility,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AvoidancePattern {
    Denial,
    TechnicalFix,
    DistractingIssue,
    JumpingToConclusions,
    Scapegoating,
    BlamingAuthority,
    OutsideEnemy,
    ShootingTheMessenger,
    HandingItOff,
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
    pub const ALL: [AvoidancePattern; 9] = [
        AvoidancePattern::Denial,
        AvoidancePattern::TechnicalFix,
        AvoidancePattern::DistractingIssue,
        AvoidancePattern::JumpingToConclusions,
        AvoidancePattern::Scapegoating,
        AvoidancePattern::BlamingAuthority,
        AvoidancePattern::OutsideEnemy,
        AvoidancePattern::ShootingTheMessenger,
        AvoidancePattern::HandingItOff,
    ];

    pub fn family(self) -> AvoidanceFamily {
        use AvoidancePattern::*;
        match self {
            Denial | TechnicalFix | DistractingIssue | JumpingToConclusions => {
                AvoidanceFamily::DiversionOfAttention
            }
            Scapegoating | BlamingAuthority | OutsideEnemy | ShootingTheMessenger
            | HandingItOff => AvoidanceFamily::DisplacementOfResponsibility,
        }
    }

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

impl Kind for Avoidance {
    const KIND: ItemKind = ItemKind::Avoidance;
    const LABEL: &'static str = "work avoidance";
    const HEADING: &'static str = "Work avoidance";
    const COUNTED: (&'static str, &'static str) =
        ("sign of work avoidance", "signs of work avoidance");
    const COLUMNS: &'static [&'static str] = &["Pattern", "Family", "What was seen"];

    stamped!();

    fn fields(_: &FormCtx) -> Vec<FieldSpec> {
        vec![
            required(text("text", "What was seen or said", "", true)),
            choice(
                "pattern",
                "Pattern",
                &AvoidancePattern::ALL,
                AvoidancePattern::label,
                0,
            ),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("text", &self.text);
        f.set_choice("pattern", pos(&AvoidancePattern::ALL, &self.pattern));
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        Ok(Avoidance {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            pattern: pick(&AvoidancePattern::ALL, form.choice("pattern")),
            text: form.text("text"),
        })
    }

    fn summary(&self) -> (String, &str) {
        (self.pattern.label().to_string(), &self.text)
    }

    fn details(&self) -> Vec<(String, String)> {
        vec![
            ("family".into(), self.pattern.family().label().to_string()),
            ("seen".into(), trunc(&self.text, 2000)),
        ]
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Word(self.pattern.label()),
            Cell::Word(self.pattern.family().label()),
            Cell::Text(&self.text),
        ]
    }

    fn words(&self) -> Vec<&str> {
        vec![&self.text]
    }
}
