//! A note: an observation, an interpretation, a private reflection, or a
//! keep / drop / invent from the close.

use serde::{Deserialize, Serialize};

use super::*;
use crate::text::trunc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    pub kind: NoteKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoteKind {
    /// Facts only: what was seen and heard.
    Observation,
    /// One reading of what it means; hold more than one.
    Interpretation,
    /// A private journal entry.
    Reflection,
    Keep,
    Drop,
    Invent,
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

impl Kind for Note {
    const KIND: ItemKind = ItemKind::Note;
    const LABEL: &'static str = "note";
    const HEADING: &'static str = "Notes";
    const COUNTED: (&'static str, &'static str) = ("note", "notes");
    const COLUMNS: &'static [&'static str] = &["Kind", "Note"];

    stamped!();

    fn fields(ctx: &FormCtx) -> Vec<FieldSpec> {
        // Alone, a note is most often a reflection.
        let sel = if ctx.solo { 2 } else { 0 };
        vec![
            required(text("text", "The note", "", true)),
            choice("kind", "Kind of note", &NoteKind::ALL, NoteKind::label, sel),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("text", &self.text);
        f.set_choice("kind", pos(&NoteKind::ALL, &self.kind));
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        Ok(Note {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            kind: pick(&NoteKind::ALL, form.choice("kind")),
            text: form.text("text"),
        })
    }

    fn summary(&self) -> (String, &str) {
        (self.kind.label().to_string(), &self.text)
    }

    fn details(&self) -> Vec<(String, String)> {
        vec![(self.kind.label().into(), trunc(&self.text, 2000))]
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![Cell::Word(self.kind.label()), Cell::Text(&self.text)]
    }

    fn words(&self) -> Vec<&str> {
        vec![&self.text]
    }

    /// A reflection is a private journal entry.
    fn on_wall(&self) -> bool {
        self.kind != NoteKind::Reflection
    }
}
