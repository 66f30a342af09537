//! One part of the challenge, sorted into technical or adaptive work.

use serde::{Deserialize, Serialize};

use super::*;
use crate::text::trunc;

/// One part of the challenge, sorted into technical or adaptive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Split {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    pub text: String,
    pub kind: SplitKind,
    /// What we would lose by working on it this way.
    #[serde(default)]
    pub loss: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SplitKind {
    /// Existing expertise can fix it; someone in authority can decide.
    Technical,
    /// The people with the problem must change priorities, habits or loyalties.
    Adaptive,
    Unsure,
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

impl Kind for Split {
    const KIND: ItemKind = ItemKind::Split;
    const LABEL: &'static str = "technical / adaptive part";
    const HEADING: &'static str = "Technical or adaptive";
    const COUNTED: (&'static str, &'static str) = (
        "part sorted technical or adaptive",
        "parts sorted technical or adaptive",
    );
    const COLUMNS: &'static [&'static str] =
        &["Part of the challenge", "Kind", "What we would lose"];
    const TIMED: bool = false;

    fn stamp(&self) -> (u32, Timestamp, &str) {
        (self.id, self.at, &self.checkpoint)
    }

    fn fields(_: &FormCtx) -> Vec<FieldSpec> {
        vec![
            required(text("text", "The part of the challenge", "", true)),
            choice(
                "kind",
                "Technical or adaptive",
                &SplitKind::ALL,
                SplitKind::label,
                1,
            ),
            text(
                "loss",
                "What we'd lose",
                "loss is recorded wherever a decision is",
                true,
            ),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("text", &self.text);
        f.set_choice("kind", pos(&SplitKind::ALL, &self.kind));
        f.set_text("loss", &self.loss);
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        Ok(Split {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            text: form.text("text"),
            kind: pick(&SplitKind::ALL, form.choice("kind")),
            loss: form.text("loss"),
        })
    }

    fn summary(&self) -> (String, &str) {
        (self.kind.label().to_string(), &self.text)
    }

    fn details(&self) -> Vec<(String, String)> {
        vec![
            ("part".into(), trunc(&self.text, 2000)),
            ("we'd lose".into(), trunc(&self.loss, 2000)),
        ]
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(&self.text),
            Cell::Word(self.kind.label()),
            Cell::Text(&self.loss),
        ]
    }

    fn words(&self) -> Vec<&str> {
        vec![&self.text, &self.loss]
    }
}
