//! Competing values held as a polarity map: two poles worth holding (or
//! three: customers, staff and the quarter's numbers pull three ways), what
//! each gives and costs when overdone, and the early-warning signs that one
//! is hurting the others. Managed, not solved.
//!
//! A third pole lives in the same map rather than in maps linked together:
//! the conflict stays one item with one purpose and one set of signs, so the
//! list, the wall, the exports and follow-ups show it as one thing.

use serde::{Deserialize, Serialize};

use super::faction::joined;
use super::*;
use crate::strings as s;
use crate::text::trunc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Polarity {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    pub left: Pole,
    pub right: Pole,
    /// The purpose both poles serve.
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub warnings: Vec<EarlyWarning>,
    /// A third value in the same conflict; absent in a map of two poles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third: Option<Box<Pole>>,
}

impl Polarity {
    /// Its poles, in order: left, right and the third when there is one.
    pub fn poles(&self) -> Vec<(Side, &Pole)> {
        let mut out = vec![(Side::Left, &self.left), (Side::Right, &self.right)];
        out.extend(self.third.as_deref().map(|p| (Side::Third, p)));
        out
    }

    /// The name of the pole on `side` (empty for a third pole not there).
    pub fn pole_name(&self, side: Side) -> &str {
        match side {
            Side::Left => &self.left.name,
            Side::Right => &self.right.name,
            Side::Third => self.third.as_ref().map_or("", |p| p.name.as_str()),
        }
    }

    /// Who serves the purpose: "both", or "all three" poles.
    pub fn both(&self) -> &'static str {
        if self.third.is_some() {
            "all three"
        } else {
            "both"
        }
    }

    /// "Both serve", or "All three serve".
    pub fn all_serve(&self) -> &'static str {
        if self.third.is_some() {
            "All three serve"
        } else {
            "Both serve"
        }
    }

    /// "A and B", or "A, B and C", each name through `show`.
    pub fn names(&self, show: impl Fn(&str) -> String) -> String {
        let names: Vec<String> = self.poles().iter().map(|(_, p)| show(&p.name)).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.concat(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Pole {
    /// A neutral name: both poles are values worth holding.
    pub name: String,
    /// Who in the room holds this value.
    #[serde(default)]
    pub holders: String,
    #[serde(default)]
    pub upsides: Vec<String>,
    #[serde(default)]
    pub downsides: Vec<String>,
    /// What its holders would lose if the other pole won.
    #[serde(default)]
    pub would_lose: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
    Third,
}

/// An observable sign that one pole is being overdone at the other's expense.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlyWarning {
    pub sign: String,
    /// The pole being overdone when the sign shows.
    pub overdone: Side,
    /// One named person who watches for it.
    pub watcher: String,
    /// When the sign was seen, if ever.
    #[serde(default)]
    pub fired: Vec<Timestamp>,
}

/// "sign @ watcher" lines into early-warning signs.
fn warnings(lines: Vec<String>, overdone: Side) -> Result<Vec<EarlyWarning>, Problem> {
    lines
        .into_iter()
        .map(|line| match line.rsplit_once('@') {
            Some((sign, watcher)) if !sign.trim().is_empty() && !watcher.trim().is_empty() => {
                Ok(EarlyWarning {
                    sign: sign.trim().to_string(),
                    overdone,
                    watcher: watcher.trim().to_string(),
                    fired: Vec::new(),
                })
            }
            _ => Err(problem(
                format!("{}: \"{line}\"", s::SIGN_NEEDS_WATCHER),
                match overdone {
                    Side::Left => "left_signs",
                    Side::Right => "right_signs",
                    Side::Third => "third_signs",
                },
            )),
        })
        .collect()
}

/// What search calls an early-warning sign found on its own.
pub const SIGN: &str = "warning sign";

impl Kind for Polarity {
    const KIND: ItemKind = ItemKind::Polarity;
    const LABEL: &'static str = "competing values";
    const HEADING: &'static str = "Competing values";
    const COUNTED: (&'static str, &'static str) = ("value conflict", "value conflicts");
    const COLUMNS: &'static [&'static str] = &[
        "Purpose",
        "Left pole",
        "Left held by",
        "Left upsides",
        "Left downsides",
        "Left holders would lose",
        "Right pole",
        "Right held by",
        "Right upsides",
        "Right downsides",
        "Right holders would lose",
        "Third pole",
        "Third held by",
        "Third upsides",
        "Third downsides",
        "Third holders would lose",
    ];

    stamped!();

    fn fields(_: &FormCtx) -> Vec<FieldSpec> {
        vec![
            text("purpose", s::FORM_PURPOSE_TWO, "", false),
            required(text("left", "Left pole (a neutral name)", "", false)),
            text("left_holders", "Who holds it", "", false),
            text("left_up", "Upsides of the left pole", "one per line", true),
            text("left_down", "Downsides when overdone", "one per line", true),
            text("left_loss", "What its holders would lose", "", false),
            required(text("right", "Right pole (a neutral name)", "", false)),
            text("right_holders", "Who holds it", "", false),
            text(
                "right_up",
                "Upsides of the right pole",
                "one per line",
                true,
            ),
            text(
                "right_down",
                "Downsides when overdone",
                "one per line",
                true,
            ),
            text("right_loss", "What its holders would lose", "", false),
            text(
                "left_signs",
                "Signs the LEFT pole is overdone",
                "one per line: sign @ watcher",
                true,
            ),
            text(
                "right_signs",
                "Signs the RIGHT pole is overdone",
                "one per line: sign @ watcher",
                true,
            ),
            text(
                "third",
                "Third pole (if the conflict pulls three ways)",
                "optional: a neutral name",
                false,
            ),
            text("third_holders", "Who holds it", "", false),
            text(
                "third_up",
                "Upsides of the third pole",
                "one per line",
                true,
            ),
            text(
                "third_down",
                "Downsides when overdone",
                "one per line",
                true,
            ),
            text("third_loss", "What its holders would lose", "", false),
            text(
                "third_signs",
                "Signs the THIRD pole is overdone",
                "one per line: sign @ watcher",
                true,
            ),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("purpose", &self.purpose);
        let third = self.third.as_deref().cloned().unwrap_or_default();
        for (side, pole) in [
            ("left", &self.left),
            ("right", &self.right),
            ("third", &third),
        ] {
            f.set_text(side, &pole.name);
            f.set_text(&format!("{side}_holders"), &pole.holders);
            f.set_text(&format!("{side}_up"), &pole.upsides.join("\n"));
            f.set_text(&format!("{side}_down"), &pole.downsides.join("\n"));
            f.set_text(&format!("{side}_loss"), &pole.would_lose);
        }
        for (key, side) in [
            ("left_signs", Side::Left),
            ("right_signs", Side::Right),
            ("third_signs", Side::Third),
        ] {
            let lines: Vec<String> = self
                .warnings
                .iter()
                .filter(|w| w.overdone == side)
                .map(|w| format!("{} @ {}", w.sign, w.watcher))
                .collect();
            f.set_text(key, &lines.join("\n"));
        }
    }

    /// The purpose is served by all three poles once a third is named.
    fn field_label(form: &dyn Values, key: &str) -> Option<&'static str> {
        match key {
            "purpose" if !form.text("third").is_empty() => Some(s::FORM_PURPOSE_THREE),
            _ => None,
        }
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        let pole = |side: &str| Pole {
            name: form.text(side),
            holders: form.text(&format!("{side}_holders")),
            upsides: form.list(&format!("{side}_up")),
            downsides: form.list(&format!("{side}_down")),
            would_lose: form.text(&format!("{side}_loss")),
        };
        let mut signs = warnings(form.list("left_signs"), Side::Left)?;
        signs.extend(warnings(form.list("right_signs"), Side::Right)?);
        // A third pole is there when it is named; anything else said of
        // it without a name would be lost.
        let third = pole("third");
        let third = if !third.name.is_empty() {
            Some(Box::new(third))
        } else if third != Pole::default() || !form.list("third_signs").is_empty() {
            return Err(problem(s::THIRD_POLE_NEEDS_NAME, "third"));
        } else {
            None
        };
        signs.extend(warnings(form.list("third_signs"), Side::Third)?);
        Ok(Polarity {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            left: pole("left"),
            right: pole("right"),
            purpose: form.text("purpose"),
            warnings: signs,
            third,
        })
    }

    fn keep_unshown(&mut self, old: &Self) {
        for w in &mut self.warnings {
            if let Some(o) = old
                .warnings
                .iter()
                .find(|o| o.sign == w.sign && o.overdone == w.overdone)
            {
                w.fired = o.fired.clone();
            }
        }
    }

    fn summary(&self) -> (String, &str) {
        let names: Vec<String> = self
            .poles()
            .iter()
            .map(|(_, p)| trunc(&p.name, 20))
            .collect();
        (names.join(" ↔ "), &self.purpose)
    }

    fn details(&self) -> Vec<(String, String)> {
        let mut out = vec![("purpose".into(), trunc(&self.purpose, 2000))];
        for (side, pole) in self.poles() {
            let side = match side {
                Side::Left => "left",
                Side::Right => "right",
                Side::Third => "third",
            };
            let mut parts = vec![trunc(&pole.name, 40)];
            if !pole.holders.is_empty() {
                parts.push(format!("held by {}", trunc(&pole.holders, 60)));
            }
            if !pole.upsides.is_empty() {
                parts.push(format!("up: {}", joined(&pole.upsides)));
            }
            if !pole.downsides.is_empty() {
                parts.push(format!("down: {}", joined(&pole.downsides)));
            }
            if !pole.would_lose.is_empty() {
                parts.push(format!("would lose: {}", trunc(&pole.would_lose, 2000)));
            }
            out.push((side.to_string(), parts.join(" · ")));
        }
        for w in self.warnings.iter().take(4) {
            let seen = match w.fired.len() {
                0 => String::new(),
                n => format!(", seen {n}×"),
            };
            out.push((
                "warning".into(),
                format!(
                    "{} (watcher: {}{seen})",
                    trunc(&w.sign, 2000),
                    trunc(&w.watcher, 30)
                ),
            ));
        }
        out
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        let mut out = vec![Cell::Text(&self.purpose)];
        for pole in [Some(&self.left), Some(&self.right), self.third.as_deref()] {
            let Some(pole) = pole else {
                out.extend(std::iter::repeat_n(Cell::Text(""), 5));
                break;
            };
            out.extend([
                Cell::Text(&pole.name),
                Cell::Text(&pole.holders),
                Cell::List(&pole.upsides),
                Cell::List(&pole.downsides),
                Cell::Text(&pole.would_lose),
            ]);
        }
        out
    }

    /// The map, then each early-warning sign on a row of its own, so a
    /// sign found says it is one.
    fn searched(&self) -> Vec<(&'static str, Vec<&str>)> {
        let poles = self.poles();
        let mut map: Vec<&str> = poles.iter().map(|(_, x)| x.name.as_str()).collect();
        map.push(&self.purpose);
        for (_, pole) in poles {
            map.push(&pole.holders);
            map.extend(pole.upsides.iter().map(String::as_str));
            map.extend(pole.downsides.iter().map(String::as_str));
            map.push(&pole.would_lose);
        }
        let mut out = vec![(Self::LABEL, map)];
        for w in &self.warnings {
            out.push((SIGN, vec![w.sign.as_str(), &w.watcher]));
        }
        out
    }

    fn words(&self) -> Vec<&str> {
        let mut out = vec![self.purpose.as_str()];
        for (_, pole) in self.poles() {
            out.extend([pole.name.as_str(), &pole.holders, &pole.would_lose]);
            out.extend(pole.upsides.iter().map(String::as_str));
            out.extend(pole.downsides.iter().map(String::as_str));
        }
        for w in &self.warnings {
            out.extend([w.sign.as_str(), &w.watcher]);
        }
        out
    }
}
