//! A force on the change: a catalyst that drives it (an incentive, a process
//! that makes the new behaviour easier) or an inhibitor that holds it back
//! (a rigid structure, a narrow pay scheme, a caustic leader), with its
//! strength. Mapped beside the factions: people and forces together.

use serde::{Deserialize, Serialize};

use super::*;
use crate::text::trunc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Force {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    /// The force itself, as the room names it.
    pub text: String,
    pub pull: Pull,
    pub strength: Strength,
    /// The behaviour it makes easier or harder.
    #[serde(default)]
    pub behaviour: String,
    /// Where it acts: a team, a process, a level of the organisation.
    #[serde(default)]
    pub acts_in: String,
}

/// Which way a force pushes the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Pull {
    Catalyst,
    Inhibitor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Strength {
    Weak,
    Moderate,
    Strong,
}

impl Pull {
    pub const ALL: [Pull; 2] = [Pull::Catalyst, Pull::Inhibitor];
    pub fn label(self) -> &'static str {
        match self {
            Pull::Catalyst => "catalyst",
            Pull::Inhibitor => "inhibitor",
        }
    }
}

impl Strength {
    pub const ALL: [Strength; 3] = [Strength::Weak, Strength::Moderate, Strength::Strong];
    pub fn label(self) -> &'static str {
        match self {
            Strength::Weak => "weak",
            Strength::Moderate => "moderate",
            Strength::Strong => "strong",
        }
    }
}

impl Kind for Force {
    const KIND: ItemKind = ItemKind::Force;
    const LABEL: &'static str = "force";
    const HEADING: &'static str = "Catalysts and inhibitors";
    const COUNTED: (&'static str, &'static str) = ("force on the change", "forces on the change");
    const COLUMNS: &'static [&'static str] = &[
        "Force",
        "Pull",
        "Strength",
        "Behaviour it moves",
        "Where it acts",
    ];

    stamped!();

    fn fields(_: &FormCtx) -> Vec<FieldSpec> {
        vec![
            required(text(
                "text",
                "The force",
                "an incentive, a process, a structure, a habit",
                true,
            )),
            choice("pull", "Drives or holds back", &Pull::ALL, Pull::label, 0),
            choice("strength", "Strength", &Strength::ALL, Strength::label, 1),
            text(
                "behaviour",
                "The behaviour it makes easier or harder",
                "what people would do differently",
                true,
            ),
            text(
                "acts_in",
                "Where it acts",
                "a team, a process, a level",
                false,
            ),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("text", &self.text);
        f.set_choice("pull", pos(&Pull::ALL, &self.pull));
        f.set_choice("strength", pos(&Strength::ALL, &self.strength));
        f.set_text("behaviour", &self.behaviour);
        f.set_text("acts_in", &self.acts_in);
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        Ok(Force {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            text: form.text("text"),
            pull: pick(&Pull::ALL, form.choice("pull")),
            strength: pick(&Strength::ALL, form.choice("strength")),
            behaviour: form.text("behaviour"),
            acts_in: form.text("acts_in"),
        })
    }

    fn summary(&self) -> (String, &str) {
        (
            format!("{} · {}", self.pull.label(), self.strength.label()),
            &self.text,
        )
    }

    fn details(&self) -> Vec<(String, String)> {
        vec![
            ("force".into(), trunc(&self.text, 2000)),
            (
                "pull".into(),
                format!("{}, {}", self.pull.label(), self.strength.label()),
            ),
            ("moves".into(), trunc(&self.behaviour, 2000)),
            ("acts in".into(), trunc(&self.acts_in, 200)),
        ]
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(&self.text),
            Cell::Word(self.pull.label()),
            Cell::Word(self.strength.label()),
            Cell::Text(&self.behaviour),
            Cell::Text(&self.acts_in),
        ]
    }

    fn words(&self) -> Vec<&str> {
        vec![&self.text, &self.behaviour, &self.acts_in]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Answers(
        Vec<(&'static str, &'static str)>,
        Vec<(&'static str, usize)>,
    );

    impl Values for Answers {
        fn text(&self, key: &str) -> String {
            self.0
                .iter()
                .find(|a| a.0 == key)
                .map_or("", |a| a.1)
                .to_string()
        }
        fn choice(&self, key: &str) -> usize {
            self.1.iter().find(|a| a.0 == key).map_or(0, |a| a.1)
        }
        fn today(&self) -> NaiveDate {
            NaiveDate::default()
        }
    }

    #[test]
    fn a_form_makes_a_force_and_the_force_fills_the_form_again() {
        let at = DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").unwrap();
        let st = Stamp {
            id: 7,
            at,
            checkpoint: "factions".into(),
        };
        let form = Answers(
            vec![
                ("text", "Call-time targets"),
                (
                    "behaviour",
                    "staying on the line until the problem is solved",
                ),
                ("acts_in", "the contact centre"),
            ],
            vec![("pull", 1), ("strength", 2)],
        );
        let f = Force::build(&form, st).unwrap();
        assert_eq!(f.pull, Pull::Inhibitor);
        assert_eq!(f.strength, Strength::Strong);
        assert_eq!(f.summary().0, "inhibitor · strong");

        struct Filled(Vec<(String, String)>, Vec<(String, usize)>);
        impl Fill for Filled {
            fn set_text(&mut self, key: &str, value: &str) {
                self.0.push((key.into(), value.into()));
            }
            fn set_choice(&mut self, key: &str, value: usize) {
                self.1.push((key.into(), value));
            }
        }
        let mut back = Filled(Vec::new(), Vec::new());
        f.fill(&mut back);
        assert!(
            back.0
                .contains(&("acts_in".into(), "the contact centre".into()))
        );
        assert!(back.1.contains(&("pull".into(), 1)));
        assert!(back.1.contains(&("strength".into(), 2)));
        // Every field the form asks for is one the item fills back.
        for spec in Force::fields(&FormCtx {
            solo: false,
            today: NaiveDate::default(),
        }) {
            assert!(
                back.0.iter().any(|b| b.0 == spec.key) || back.1.iter().any(|b| b.0 == spec.key),
                "{} is not filled back",
                spec.key
            );
        }
    }
}
