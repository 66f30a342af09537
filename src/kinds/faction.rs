//! A faction: a group with a stake in the change, what it values, to whom
//! it is loyal and what it stands to lose.

use serde::{Deserialize, Serialize};

use super::*;
use crate::text::trunc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faction {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    pub name: String,
    pub stance: Stance,
    #[serde(default)]
    pub values: Vec<String>,
    #[serde(default)]
    pub loyalties: Vec<String>,
    /// What this group stands to lose. People resist loss, not change.
    #[serde(default)]
    pub losses: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stance {
    EarlyAdopter,
    Catalyst,
    Undecided,
    Inhibitor,
    Resistant,
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

/// The first few entries of a list, each cut: only those can ever be shown.
pub fn joined(list: &[String]) -> String {
    list.iter()
        .take(8)
        .map(|x| trunc(x, 80))
        .collect::<Vec<_>>()
        .join("; ")
}

impl Kind for Faction {
    const KIND: ItemKind = ItemKind::Faction;
    const LABEL: &'static str = "faction";
    const HEADING: &'static str = "Factions and losses";
    const COUNTED: (&'static str, &'static str) = ("faction", "factions");
    const COLUMNS: &'static [&'static str] =
        &["Group", "Stance", "Values", "Loyal to", "Stands to lose"];
    const TIMED: bool = false;

    stamped!();

    fn fields(_: &FormCtx) -> Vec<FieldSpec> {
        vec![
            required(text("name", "Faction", "a group, team or function", false)),
            choice("stance", "Stance", &Stance::ALL, Stance::label, 2),
            text("values", "What it values", "one per line", true),
            text("loyalties", "To whom it is loyal", "one per line", true),
            text("losses", "What it stands to lose", "one per line", true),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("name", &self.name);
        f.set_choice("stance", pos(&Stance::ALL, &self.stance));
        f.set_text("values", &self.values.join("\n"));
        f.set_text("loyalties", &self.loyalties.join("\n"));
        f.set_text("losses", &self.losses.join("\n"));
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        Ok(Faction {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            name: form.text("name"),
            stance: pick(&Stance::ALL, form.choice("stance")),
            values: form.list("values"),
            loyalties: form.list("loyalties"),
            losses: form.list("losses"),
        })
    }

    fn summary(&self) -> (String, &str) {
        (
            format!("{} · {}", trunc(&self.name, 24), self.stance.label()),
            "",
        )
    }

    fn details(&self) -> Vec<(String, String)> {
        vec![
            ("values".into(), joined(&self.values)),
            ("loyal to".into(), joined(&self.loyalties)),
            ("would lose".into(), joined(&self.losses)),
        ]
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(&self.name),
            Cell::Word(self.stance.label()),
            Cell::List(&self.values),
            Cell::List(&self.loyalties),
            Cell::List(&self.losses),
        ]
    }

    fn words(&self) -> Vec<&str> {
        let mut out = vec![self.name.as_str()];
        for list in [&self.values, &self.loyalties, &self.losses] {
            out.extend(list.iter().map(String::as_str));
        }
        out
    }
}
