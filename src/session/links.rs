//! Links between items: the work an adopted gadfly idea became.

use super::model::*;
use crate::strings as s;

impl Session {
    /// The commitment made from gadfly idea `idea`, if one was.
    pub fn work_of(&self, idea: u32) -> Option<&Commitment> {
        self.commitments.iter().find(|c| c.from_idea == Some(idea))
    }

    /// What became of idea `idea`, in words, once it became work.
    pub fn became(&self, idea: u32) -> Option<String> {
        self.work_of(idea).map(|c| {
            s::became(
                c.id,
                c.status.label(),
                &crate::text::trunc(&c.owner, 40),
                &c.review.format("%Y-%m-%d").to_string(),
            )
        })
    }
}

/// "10:05", the time of day a change was kept.
fn hm(at: &Timestamp) -> String {
    at.format("%H:%M").to_string()
}

impl Session {
    /// A list row's tag, with the work an idea became: "adopted → #14 · …".
    pub fn tagged_with_links(&self, kind: ItemKind, i: usize, tag: String) -> String {
        let work = match kind {
            ItemKind::Gadfly => self
                .gadflies
                .get(i)
                .and_then(|g| self.work_of(g.id))
                .map(|c| c.id),
            _ => None,
        };
        match work {
            Some(id) => format!("{} {tag}", s::work_tag(id)),
            None => tag,
        }
    }

    /// Detail lines an item has through its links and its history: what an
    /// idea became and how the room's reaction to it changed; the idea a
    /// commitment came from.
    pub fn links_of(&self, kind: ItemKind, i: usize) -> Vec<(String, String)> {
        let mut out = Vec::new();
        match kind {
            ItemKind::Gadfly => {
                let Some(g) = self.gadflies.get(i) else {
                    return out;
                };
                if !g.reactions.is_empty() {
                    out.push((s::REACTIONS_EARLIER.into(), reaction_story(g)));
                }
                if let Some(w) = self.became(g.id) {
                    out.push(("work".into(), w));
                }
            }
            ItemKind::Commitment => {
                if let Some(g) = self.commitments.get(i).and_then(|c| c.from_idea) {
                    out.push(("came from".into(), s::from_idea(g)));
                }
            }
            _ => {}
        }
        out
    }
}

/// "laughter 10:05 → curiosity 10:42": each reaction with when it was noted.
pub fn reaction_story(g: &Gadfly) -> String {
    // "Not noted" before the first reaction noted is no reaction at all.
    let steps: Vec<(String, &str)> = g
        .reaction_story()
        .iter()
        .skip_while(|(_, r)| *r == Reaction::NotYetSeen)
        .map(|(at, r)| (hm(at), r.label()))
        .collect();
    s::reaction_story(&steps)
}
