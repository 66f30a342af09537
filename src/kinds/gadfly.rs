//! A gadfly idea: something "really out there" from an oddball or a critic,
//! captured as it was said and never dropped without a reason.

use serde::{Deserialize, Serialize};

use super::*;
use crate::strings as s;
use crate::text::trunc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gadfly {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    /// The idea as it was said, however badly packaged.
    pub text: String,
    pub author: Author,
    pub voice: Voice,
    pub reaction: Reaction,
    pub fate: Fate,
    /// The room's earlier reactions, oldest first, each with the time it
    /// gave way to the next: a first laugh is kept when curiosity follows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reactions: Vec<ReactionChange>,
}

/// An earlier reaction to an idea, and when the room's reaction changed
/// from it to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReactionChange {
    pub at: Timestamp,
    pub was: Reaction,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Author {
    Anonymous,
    Named(String),
}

/// Who the voice belongs to, seen from the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Voice {
    Critic,
    Oddball,
    FrontLine,
    Newcomer,
    Customer,
    Outsider,
    Other,
}

/// How the room took the idea when it was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reaction {
    NotYetSeen,
    Silence,
    Dismissed,
    Laughter,
    Pushback,
    Curiosity,
    Support,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fate {
    Parked,
    Exploring,
    Adopted,
    /// Declining always carries a reason; an idea is never dropped silently.
    Declined(String),
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

impl Gadfly {
    /// The room's reaction is now `to`; the one it replaces is kept with
    /// the time. The same reaction again changes nothing.
    pub fn react(&mut self, to: Reaction, now: Timestamp) {
        if to != self.reaction {
            self.reactions.push(ReactionChange {
                at: now,
                was: self.reaction,
            });
            self.reaction = to;
        }
    }

    /// Each reaction with the time it was noted, oldest first: the first
    /// at the idea's own time, each later one when it replaced the one
    /// before.
    pub fn reaction_story(&self) -> Vec<(Timestamp, Reaction)> {
        let mut out = Vec::with_capacity(self.reactions.len() + 1);
        let mut since = self.at;
        for c in &self.reactions {
            out.push((since, c.was));
            since = c.at;
        }
        out.push((since, self.reaction));
        out
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

impl Kind for Gadfly {
    const KIND: ItemKind = ItemKind::Gadfly;
    const LABEL: &'static str = "gadfly idea";
    const HEADING: &'static str = "Gadfly ideas";
    const COUNTED: (&'static str, &'static str) = ("gadfly idea", "gadfly ideas");
    const COLUMNS: &'static [&'static str] = &[
        "Idea",
        "Said by",
        "Voice",
        "Reaction",
        "Fate",
        "Why declined",
    ];

    stamped!();

    fn fields(ctx: &FormCtx) -> Vec<FieldSpec> {
        let reaction = if ctx.solo {
            s::MY_REACTION
        } else {
            s::ROOM_REACTION
        };
        vec![
            required(text(
                "text",
                "The idea, as it was said",
                "however badly packaged",
                true,
            )),
            text(
                "author",
                "Said by",
                "leave empty to keep it anonymous",
                false,
            ),
            choice("voice", "Voice", &Voice::ALL, Voice::label, 0),
            choice("reaction", reaction, &Reaction::ALL, Reaction::label, 0),
            choice("fate", "Fate", &s::FATES, |x| x, 0),
            text(
                "reason",
                "Reason (needed to decline)",
                "an idea is never dropped silently",
                false,
            ),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("text", &self.text);
        if let Author::Named(n) = &self.author {
            f.set_text("author", n);
        }
        f.set_choice("voice", pos(&Voice::ALL, &self.voice));
        f.set_choice("reaction", pos(&Reaction::ALL, &self.reaction));
        let fate = match &self.fate {
            Fate::Parked => 0,
            Fate::Exploring => 1,
            Fate::Adopted => 2,
            Fate::Declined(r) => {
                f.set_text("reason", r);
                3
            }
        };
        f.set_choice("fate", fate);
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        let author = match form.text("author") {
            a if a.is_empty() => Author::Anonymous,
            a => Author::Named(a),
        };
        let fate = match form.choice("fate") {
            0 => Fate::Parked,
            1 => Fate::Exploring,
            2 => Fate::Adopted,
            _ => {
                let reason = form.text("reason");
                if reason.is_empty() {
                    return Err(problem(s::DECLINE_NEEDS_REASON, "reason"));
                }
                Fate::Declined(reason)
            }
        };
        Ok(Gadfly {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            text: form.text("text"),
            author,
            voice: pick(&Voice::ALL, form.choice("voice")),
            reaction: pick(&Reaction::ALL, form.choice("reaction")),
            fate,
            reactions: Vec::new(),
        })
    }

    /// The earlier reactions stay; the flow adds the one a change replaces
    /// (it knows the time).
    fn keep_unshown(&mut self, old: &Self) {
        self.reactions = old.reactions.clone();
    }

    fn summary(&self) -> (String, &str) {
        let who = match &self.author {
            Author::Anonymous => "anonymous".to_string(),
            Author::Named(n) => trunc(n, 16),
        };
        (
            format!("{} · {} · {}", self.fate.label(), self.voice.label(), who),
            &self.text,
        )
    }

    fn details(&self) -> Vec<(String, String)> {
        let mut out = vec![
            ("idea".to_string(), trunc(&self.text, 2000)),
            (
                "reaction".to_string(),
                format!("{} · voice: {}", self.reaction.label(), self.voice.label()),
            ),
        ];
        if let Fate::Declined(r) = &self.fate {
            out.push(("declined because".to_string(), trunc(r, 2000)));
        }
        out
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        let why = match &self.fate {
            Fate::Declined(r) => r.as_str(),
            _ => "",
        };
        vec![
            Cell::Text(&self.text),
            Cell::Author(&self.author),
            Cell::Word(self.voice.label()),
            Cell::Word(self.reaction.label()),
            Cell::Word(self.fate.label()),
            Cell::Text(why),
        ]
    }

    /// Who said it is not searched: the idea and a reason to decline it are.
    fn searched(&self) -> Vec<(&'static str, Vec<&str>)> {
        let why = match &self.fate {
            Fate::Declined(why) => why.as_str(),
            _ => "",
        };
        vec![(Self::LABEL, vec![&self.text, why])]
    }

    fn words(&self) -> Vec<&str> {
        let mut out = vec![self.text.as_str()];
        if let Author::Named(n) = &self.author {
            out.push(n);
        }
        if let Fate::Declined(r) = &self.fate {
            out.push(r);
        }
        out
    }
}
