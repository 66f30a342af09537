//! An assumption the room holds: an aspiration that pulls it forward, or a
//! Vital Lie that keeps it from looking.

use serde::{Deserialize, Serialize};

use super::*;
use crate::text::trunc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumption {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    pub text: String,
    pub kind: AssumptionKind,
    /// What evidence there is, set against the brutal facts.
    #[serde(default)]
    pub evidence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AssumptionKind {
    /// A belief worth holding that pulls us forward.
    Aspirational,
    SelfDeception,
    Denial,
    Myth,
    Rationalisation,
    Excuse,
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

    pub fn is_vital_lie(self) -> bool {
        self != AssumptionKind::Aspirational
    }
}

impl Kind for Assumption {
    const KIND: ItemKind = ItemKind::Assumption;
    const LABEL: &'static str = "assumption";
    const HEADING: &'static str = "Vital Lies and aspirations";
    const COUNTED: (&'static str, &'static str) = ("assumption", "assumptions");
    const COLUMNS: &'static [&'static str] = &["Assumption", "Kind", "Evidence"];
    const TIMED: bool = false;

    stamped!();

    fn fields(_: &FormCtx) -> Vec<FieldSpec> {
        vec![
            required(text("text", "The assumption", "as people say it", true)),
            choice(
                "kind",
                "Vital Lie or aspiration",
                &AssumptionKind::ALL,
                AssumptionKind::label,
                0,
            ),
            text(
                "evidence",
                "Evidence",
                "set it against the brutal facts",
                true,
            ),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("text", &self.text);
        f.set_choice("kind", pos(&AssumptionKind::ALL, &self.kind));
        f.set_text("evidence", &self.evidence);
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        Ok(Assumption {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            text: form.text("text"),
            kind: pick(&AssumptionKind::ALL, form.choice("kind")),
            evidence: form.text("evidence"),
        })
    }

    fn summary(&self) -> (String, &str) {
        (self.kind.label().to_string(), &self.text)
    }

    fn details(&self) -> Vec<(String, String)> {
        vec![
            ("belief".into(), trunc(&self.text, 2000)),
            ("evidence".into(), trunc(&self.evidence, 2000)),
        ]
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(&self.text),
            Cell::Word(self.kind.label()),
            Cell::OrNone(&self.evidence, "none given"),
        ]
    }

    fn words(&self) -> Vec<&str> {
        vec![&self.text, &self.evidence]
    }
}
