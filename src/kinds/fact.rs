//! A brutal fact: what customers or staff actually say, with where it comes
//! from.

use serde::{Deserialize, Serialize};

use super::*;
use crate::text::trunc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrutalFact {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    pub text: String,
    pub source: SourceKind,
    /// Who said it or where the number comes from.
    #[serde(default)]
    pub source_detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceKind {
    Customer,
    FrontLine,
    Data,
    Other,
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

impl Kind for BrutalFact {
    const KIND: ItemKind = ItemKind::Fact;
    const LABEL: &'static str = "brutal fact";
    const HEADING: &'static str = "Brutal facts";
    const COUNTED: (&'static str, &'static str) = ("brutal fact", "brutal facts");
    const COLUMNS: &'static [&'static str] = &["Fact", "Source", "Who or where"];

    stamped!();

    fn fields(_: &FormCtx) -> Vec<FieldSpec> {
        vec![
            required(text(
                "text",
                "The brutal fact",
                "what customers or staff actually say",
                true,
            )),
            choice("source", "Source", &SourceKind::ALL, SourceKind::label, 0),
            text(
                "detail",
                "Who said it / where the number comes from",
                "",
                false,
            ),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("text", &self.text);
        f.set_choice("source", pos(&SourceKind::ALL, &self.source));
        f.set_text("detail", &self.source_detail);
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        Ok(BrutalFact {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            text: form.text("text"),
            source: pick(&SourceKind::ALL, form.choice("source")),
            source_detail: form.text("detail"),
        })
    }

    fn summary(&self) -> (String, &str) {
        (self.source.label().to_string(), &self.text)
    }

    fn details(&self) -> Vec<(String, String)> {
        vec![
            ("fact".into(), trunc(&self.text, 2000)),
            ("from".into(), trunc(&self.source_detail, 2000)),
        ]
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(&self.text),
            Cell::Word(self.source.label()),
            Cell::Text(&self.source_detail),
        ]
    }

    fn words(&self) -> Vec<&str> {
        vec![&self.text, &self.source_detail]
    }
}
