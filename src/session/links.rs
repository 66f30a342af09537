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
        let mut out = Vec::new();
        self.find_work(|w| {
            out.push(w);
            None::<()>
        });
        out
    }

    /// The first `Some` that `f` gives for a piece of work, kind by kind in
    /// the list's order. Nothing is collected: rows drawn every frame ask.
    pub fn find_work<'a, T>(&'a self, mut f: impl FnMut(WorkItem<'a>) -> Option<T>) -> Option<T> {
        fn of<'a, K: Stored, T>(
            s: &'a Session,
            f: &mut impl FnMut(WorkItem<'a>) -> Option<T>,
        ) -> Option<T> {
            if K::STATUSES.is_empty() {
                return None;
            }
            K::list(s).iter().enumerate().find_map(|(index, x)| {
                let work = x.work()?;
                f(WorkItem {
                    kind: K::KIND,
                    id: x.stamp().0,
                    index,
                    work,
                })
            })
        }
        ItemKind::all().find_map(|kind| with_kind!(kind, K => of::<K, T>(self, &mut f)))
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
        self.find_work(|w| (w.work.from_idea == Some(idea)).then_some(w))
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
        let mut n = 0;
        self.find_work(|w| {
            n += usize::from(w.work.open);
            None::<()>
        });
        n
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
