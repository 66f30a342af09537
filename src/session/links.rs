//! Links between items: the work an adopted gadfly idea became, and work
//! of every kind seen as one.

use super::model::*;
use crate::kinds::{Work, with_kind};
use crate::strings as s;

/// One piece of work of any kind, with where it lives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorkItem<'a> {
    pub kind: ItemKind,
    pub id: u32,
    /// Its place in its kind's list.
    pub index: usize,
    pub work: Work<'a>,
}

impl WorkItem<'_> {
    /// Where it stands, in the kind's own word ("open", "it worked").
    pub fn status(&self) -> &'static str {
        let all = self.kind.statuses();
        all.get(self.work.status).copied().unwrap_or("")
    }
}

impl Session {
    /// Every piece of work of every kind (commitments, experiments), kind
    /// by kind in the list's order.
    pub fn work_items(&self) -> Vec<WorkItem<'_>> {
        fn of<'a, K: Stored>(s: &'a Session, out: &mut Vec<WorkItem<'a>>) {
            if K::STATUSES.is_empty() {
                return;
            }
            for (index, x) in K::list(s).iter().enumerate() {
                if let Some(work) = x.work() {
                    out.push(WorkItem {
                        kind: K::KIND,
                        id: x.stamp().0,
                        index,
                        work,
                    });
                }
            }
        }
        let mut out = Vec::new();
        for kind in ItemKind::all() {
            with_kind!(kind, K => of::<K>(self, &mut out));
        }
        out
    }

    /// Item `i` of `kind`, when that kind is work.
    pub fn work_at(&self, kind: ItemKind, i: usize) -> Option<WorkItem<'_>> {
        with_kind!(kind, K => K::list(self).get(i).and_then(|x| {
            x.work().map(|work| WorkItem {
                kind,
                id: x.stamp().0,
                index: i,
                work,
            })
        }))
    }

    /// The work made from gadfly idea `idea`, if it became any.
    pub fn work_of(&self, idea: u32) -> Option<WorkItem<'_>> {
        self.work_items()
            .into_iter()
            .find(|w| w.work.from_idea == Some(idea))
    }

    /// What became of idea `idea`, in words, once it became work.
    pub fn became(&self, idea: u32) -> Option<String> {
        self.work_of(idea).map(|w| {
            s::became(
                w.kind.label(),
                w.id,
                w.status(),
                &crate::text::trunc(w.work.owner, 40),
                &w.work.review.format("%Y-%m-%d").to_string(),
            )
        })
    }

    /// The work still open, of every kind.
    pub fn open_work(&self) -> usize {
        self.work_items().iter().filter(|w| w.work.open).count()
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
                .map(|w| w.id),
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
            _ => {
                let idea = with_kind!(kind, K => K::list(self)
                    .get(i)
                    .and_then(|x| x.work())
                    .and_then(|w| w.from_idea));
                if let Some(g) = idea {
                    out.push(("came from".into(), s::from_idea(g)));
                }
            }
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
