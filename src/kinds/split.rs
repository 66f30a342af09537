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
    /// The signs seen that it is adaptive work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signs: Vec<AdaptiveSign>,
}

/// A sign that a challenge is adaptive: the more of them, the less an
/// expert's fix will do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdaptiveSign {
    /// Nobody knows a fix, inside or outside.
    NoKnownFix,
    /// It was "solved" before and came back.
    KeepsComingBack,
    /// Values we hold pull against each other here.
    ValuesCompete,
    /// What we say and what we do differ.
    WordsAndDeedsDiffer,
    /// People find reasons not to talk about it.
    PeopleAvoidIt,
}

impl AdaptiveSign {
    pub const ALL: [AdaptiveSign; 5] = [
        AdaptiveSign::NoKnownFix,
        AdaptiveSign::KeepsComingBack,
        AdaptiveSign::ValuesCompete,
        AdaptiveSign::WordsAndDeedsDiffer,
        AdaptiveSign::PeopleAvoidIt,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AdaptiveSign::NoKnownFix => "no known fix",
            AdaptiveSign::KeepsComingBack => "it keeps coming back",
            AdaptiveSign::ValuesCompete => "values compete",
            AdaptiveSign::WordsAndDeedsDiffer => "words and actions differ",
            AdaptiveSign::PeopleAvoidIt => "people avoid it",
        }
    }

    /// The form field that asks about it.
    fn key(self) -> &'static str {
        match self {
            AdaptiveSign::NoKnownFix => "sign_no_fix",
            AdaptiveSign::KeepsComingBack => "sign_returns",
            AdaptiveSign::ValuesCompete => "sign_values",
            AdaptiveSign::WordsAndDeedsDiffer => "sign_words",
            AdaptiveSign::PeopleAvoidIt => "sign_avoided",
        }
    }

    fn question(self) -> &'static str {
        match self {
            AdaptiveSign::NoKnownFix => "Sign: nobody knows a fix",
            AdaptiveSign::KeepsComingBack => "Sign: it keeps coming back",
            AdaptiveSign::ValuesCompete => "Sign: values we hold compete",
            AdaptiveSign::WordsAndDeedsDiffer => "Sign: what we say and do differ",
            AdaptiveSign::PeopleAvoidIt => "Sign: people avoid it",
        }
    }
}

impl Split {
    /// "3 of 5 signs: no known fix; values compete; people avoid it".
    pub fn signs_text(&self) -> String {
        if self.signs.is_empty() {
            return String::new();
        }
        let names: Vec<&str> = self.signs.iter().map(|x| x.label()).collect();
        format!(
            "{} of {} signs: {}",
            self.signs.len(),
            AdaptiveSign::ALL.len(),
            names.join("; ")
        )
    }
}

const NO_YES: [&str; 2] = ["no", "yes"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SplitKind {
    /// One right answer, already known: it only has to be found or done.
    Puzzle,
    /// Existing expertise can fix it; someone in authority can decide.
    Technical,
    /// The people with the problem must change priorities, habits or loyalties.
    Adaptive,
    Unsure,
}

impl SplitKind {
    pub const ALL: [SplitKind; 4] = [
        SplitKind::Puzzle,
        SplitKind::Technical,
        SplitKind::Adaptive,
        SplitKind::Unsure,
    ];
    pub fn label(self) -> &'static str {
        match self {
            SplitKind::Puzzle => "puzzle",
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
    const COLUMNS: &'static [&'static str] = &[
        "Part of the challenge",
        "Kind",
        "Signs it is adaptive",
        "What we would lose",
    ];
    const TIMED: bool = false;

    stamped!();

    fn fields(_: &FormCtx) -> Vec<FieldSpec> {
        let mut out = vec![
            required(text("text", "The part of the challenge", "", true)),
            choice(
                "kind",
                "Puzzle, technical or adaptive",
                &SplitKind::ALL,
                SplitKind::label,
                2,
            ),
            text(
                "loss",
                "What we'd lose",
                "loss is recorded wherever a decision is",
                true,
            ),
        ];
        out.extend(
            AdaptiveSign::ALL
                .into_iter()
                .map(|x| choice(x.key(), x.question(), &NO_YES, |w| w, 0)),
        );
        out
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("text", &self.text);
        f.set_choice("kind", pos(&SplitKind::ALL, &self.kind));
        f.set_text("loss", &self.loss);
        for x in &self.signs {
            f.set_choice(x.key(), 1);
        }
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        Ok(Split {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            text: form.text("text"),
            kind: pick(&SplitKind::ALL, form.choice("kind")),
            loss: form.text("loss"),
            signs: AdaptiveSign::ALL
                .into_iter()
                .filter(|x| form.choice(x.key()) == 1)
                .collect(),
        })
    }

    fn summary(&self) -> (String, &str) {
        let tag = match self.signs.len() {
            0 => self.kind.label().to_string(),
            n => format!(
                "{} · {n}/{} signs",
                self.kind.label(),
                AdaptiveSign::ALL.len()
            ),
        };
        (tag, &self.text)
    }

    fn details(&self) -> Vec<(String, String)> {
        vec![
            ("part".into(), trunc(&self.text, 2000)),
            ("signs".into(), self.signs_text()),
            ("we'd lose".into(), trunc(&self.loss, 2000)),
        ]
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(&self.text),
            Cell::Word(self.kind.label()),
            Cell::Owned(self.signs_text()),
            Cell::Text(&self.loss),
        ]
    }

    fn words(&self) -> Vec<&str> {
        vec![&self.text, &self.loss]
    }
}
