//! Follow-up workshops: a new session that starts from what an earlier one
//! left open, so nothing promised is forgotten.
//!
//! The open commitments, the parked and adopted gadfly ideas (an adopted
//! one with the commitment it became, whatever its status, so its work's
//! state comes along) and the polarity maps with early-warning signs are
//! copied into the new session as ordinary items (so
//! they can be updated there), with new ids, at the first checkpoint, and
//! keeping the time they were first captured. An item whose time is before
//! the session's `created` was carried over from the session in `follows`.

use crate::kinds::with_kind;
use crate::session::{Fate, ItemKind, Move, Reading, ReadingKind, Session, Stored, Timestamp};
use crate::strings as s;
use crate::workshop::{Checkpoint, Place, Workshop};
use std::collections::HashMap;

/// The id of the checkpoint a follow-up opens with.
pub const LAST_TIME: &str = "last-time";

/// Before anything new, the room looks at what it promised last time.
fn last_time() -> Checkpoint {
    Checkpoint {
        id: LAST_TIME.to_string(),
        place: Place::Balcony,
        title: s::LAST_TIME_TITLE.to_string(),
        purpose: s::LAST_TIME_PURPOSE.to_string(),
        prompts: s::LAST_TIME_PROMPTS.iter().map(|p| p.to_string()).collect(),
        timebox_mins: 15,
        collects: vec![ItemKind::Commitment, ItemKind::Experiment, ItemKind::Note],
    }
}

/// How many of each were carried over.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Carried {
    /// Work of each kind (commitments, experiments), in the list's order.
    pub work: Vec<(ItemKind, usize)>,
    pub gadflies: usize,
    pub polarities: usize,
    pub signs: usize,
}

impl Carried {
    /// How many items of work of `kind` were carried.
    pub fn work_of(&self, kind: ItemKind) -> usize {
        self.work.iter().find(|w| w.0 == kind).map_or(0, |w| w.1)
    }

    pub fn is_empty(&self) -> bool {
        self.work.iter().map(|w| w.1).sum::<usize>() + self.gadflies + self.polarities == 0
    }
}

/// A new session following up `earlier` (saved as `earlier_name`).
pub fn start(
    earlier: &Session,
    earlier_name: &str,
    workshop: Workshop,
    title: &str,
    facilitator: &str,
    now: Timestamp,
) -> (Session, Carried) {
    let mut workshop = workshop;
    if workshop.checkpoint(LAST_TIME).is_none() {
        workshop.checkpoints.insert(0, last_time());
    }
    let mut s = Session::new(workshop, title, facilitator, now);
    s.meta.follows = Some(earlier_name.to_string());
    s.meta.context = earlier.meta.context.clone();
    s.functions = earlier.functions.clone();
    // The room starts where it was left: the band, and the last reading as
    // the baseline, taken as the follow-up opens (its reason says whence).
    s.band = earlier.band;
    if let Some(r) = earlier.readings.last() {
        let id = s.take_id();
        s.readings.push(Reading {
            id,
            at: now,
            checkpoint: LAST_TIME.to_string(),
            level: r.level,
            band: r.band,
            zone: r.zone,
            kind: ReadingKind::Observation,
            move_: Move::Hold,
            tactic: None,
            reason: s::LAST_TIME_READING.to_string(),
            after_gadfly: None,
            participants: None,
            readiness: None,
        });
    }
    let carried = carry(earlier, &mut s);
    (s, carried)
}

/// Copies the earlier session's open items into `s`. Each keeps the
/// checkpoint it was captured at, so it says where it came from; when the
/// new workshop has no such checkpoint, it goes to the first.
pub fn carry(earlier: &Session, s: &mut Session) -> Carried {
    let ids: Vec<String> = s
        .workshop
        .checkpoints
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let place = |cp: &str| {
        if ids.iter().any(|id| id == cp) {
            cp.to_string()
        } else {
            ids[0].clone()
        }
    };
    let mut n = Carried::default();
    let adopted = |id: u32| {
        earlier
            .gadflies
            .iter()
            .any(|g| g.id == id && g.fate == Fate::Adopted)
    };
    // Work still open, and an adopted idea's work whatever became of it.
    fn work<K: Stored>(
        earlier: &Session,
        s: &mut Session,
        place: &dyn Fn(&str) -> String,
        adopted: &dyn Fn(u32) -> bool,
    ) -> usize {
        let mut n = 0;
        for x in K::list(earlier).iter() {
            let Some(w) = x.work() else { continue };
            if !(w.open || w.from_idea.is_some_and(adopted)) {
                continue;
            }
            let mut x = x.clone();
            let id = s.take_id();
            x.restamp(id, place(x.stamp().2));
            K::list_mut(s).push(x);
            n += 1;
        }
        n
    }
    let first: Vec<usize> = ItemKind::all().map(|k| s.count(k)).collect();
    for kind in ItemKind::all() {
        let carried = with_kind!(kind, K => work::<K>(earlier, s, &place, &adopted));
        if !kind.statuses().is_empty() {
            n.work.push((kind, carried));
        }
    }
    // Links point at the ideas' new ids; an idea not carried drops its link.
    let mut new_ids = HashMap::new();
    for g in earlier
        .gadflies
        .iter()
        .filter(|g| matches!(g.fate, Fate::Parked | Fate::Adopted))
    {
        let mut g = g.clone();
        let old = g.id;
        g.id = s.take_id();
        new_ids.insert(old, g.id);
        g.checkpoint = place(&g.checkpoint);
        s.gadflies.push(g);
        n.gadflies += 1;
    }
    fn relink<K: Stored>(s: &mut Session, from: usize, new_ids: &HashMap<u32, u32>) {
        for x in K::list_mut(s).iter_mut().skip(from) {
            let idea = x.work().and_then(|w| w.from_idea);
            if idea.is_some() {
                x.link_idea(idea.and_then(|g| new_ids.get(&g).copied()));
            }
        }
    }
    for kind in ItemKind::all() {
        with_kind!(kind, K => relink::<K>(s, first[kind.index()], &new_ids));
    }
    for p in earlier.polarities.iter().filter(|p| !p.warnings.is_empty()) {
        let mut p = p.clone();
        p.id = s.take_id();
        p.checkpoint = place(&p.checkpoint);
        // A new period: the signs have not been seen yet in this session.
        for w in &mut p.warnings {
            w.fired.clear();
        }
        n.signs += p.warnings.len();
        s.polarities.push(p);
        n.polarities += 1;
    }
    n
}

/// Whether an item captured at `at` was carried over into `s`.
pub fn is_carried(s: &Session, at: Timestamp) -> bool {
    s.meta.follows.is_some() && at < s.meta.created
}

/// The default title of a follow-up.
pub fn title_for(earlier: &Session) -> String {
    format!("Follow-up: {}", earlier.meta.title)
}

/// Loads `earlier`, starts its follow-up (on `workshop`, or the earlier
/// session's own workshop) and saves the new file in `dir`. The earlier file
/// is only read. Returns the new session, its path and what was carried.
pub fn create(
    dir: &std::path::Path,
    earlier: &std::path::Path,
    workshop: Option<Workshop>,
    title: Option<&str>,
    facilitator: Option<&str>,
    now: Timestamp,
) -> Result<(Session, std::path::PathBuf, Carried), String> {
    let old = crate::session::store::load(earlier).map_err(|e| e.to_string())?;
    let name = earlier
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title = title.map_or_else(|| title_for(&old), str::to_string);
    let facilitator = facilitator.unwrap_or(&old.meta.facilitator).to_string();
    let workshop = workshop.unwrap_or_else(|| old.workshop.clone());
    let (session, carried) = start(&old, &name, workshop, &title, &facilitator, now);
    let path = crate::session::store::create(dir, &session).map_err(|e| e.to_string())?;
    Ok((session, path, carried))
}
