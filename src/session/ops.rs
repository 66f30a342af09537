//! Building a session and asking it simple questions.

use super::model::*;
use super::readiness::{Readiness, STALE_SECS};
use crate::kinds::{with_item, with_kind};
use crate::workshop::Workshop;

impl Session {
    /// A fresh session at the workshop's first checkpoint.
    pub fn new(workshop: Workshop, title: &str, facilitator: &str, now: Timestamp) -> Session {
        let checkpoints = workshop
            .checkpoints
            .iter()
            .map(|c| CheckpointProgress {
                id: c.id.clone(),
                status: Status::NotYet,
                spent_secs: 0,
                extra_mins: 0,
                first_visit: None,
                skipped: Vec::new(),
                skip_reasons: Vec::new(),
            })
            .collect();
        let band = workshop.band;
        Session {
            schema: SCHEMA_VERSION,
            meta: Meta {
                title: title.to_string(),
                mode: workshop.mode,
                facilitator: facilitator.to_string(),
                context: String::new(),
                created: now,
                updated: now,
                follows: None,
            },
            workshop,
            progress: Progress {
                current: 0,
                checkpoints,
                running_since: None,
                wall: WallView::default(),
            },
            band,
            band_moves: Vec::new(),
            room_gauge: GaugeShow::default(),
            road: None,
            readings: Items::default(),
            gadflies: Items::default(),
            facts: Items::default(),
            splits: Items::default(),
            polarities: Items::default(),
            factions: Items::default(),
            forces: Items::default(),
            customers: Items::default(),
            assumptions: Items::default(),
            avoidance: Items::default(),
            commitments: Items::default(),
            experiments: Items::default(),
            notes: Items::default(),
            participant_ideas: Items::default(),
            room_readings: Items::default(),
            participant_readings: Items::default(),
            functions: crate::strings::DEFAULT_FUNCTIONS
                .iter()
                .map(|f| f.to_string())
                .collect(),
            next_id: 1,
        }
    }

    /// Hands out the next item id.
    /// The participants' readings at a checkpoint (the latest of each device).
    pub fn participant_spread(&self, checkpoint: &str) -> Spread {
        match self
            .room_readings
            .iter()
            .find(|r| r.checkpoint == checkpoint)
        {
            Some(r) => Spread {
                counts: r.counts.clone(),
            },
            None => Spread::of([]),
        }
    }

    /// The counts of the room's readings at a checkpoint, to change.
    pub fn room_counts_mut(&mut self, checkpoint: &str) -> &mut Vec<u32> {
        let at = match self
            .room_readings
            .iter()
            .position(|r| r.checkpoint == checkpoint)
        {
            Some(at) => at,
            None => {
                self.room_readings.push(RoomReadings {
                    checkpoint: checkpoint.to_string(),
                    counts: vec![0; SCALE_MAX as usize + 1],
                });
                self.room_readings.len() - 1
            }
        };
        &mut self.room_readings[at].counts
    }

    /// Counts readings from older files (each with its device) into the
    /// room's readings and forgets the devices: the next save drops them.
    pub fn forget_devices(&mut self) {
        let old = std::mem::take(&mut self.participant_readings);
        for r in old.iter() {
            if let Some(c) = self
                .room_counts_mut(&r.checkpoint)
                .get_mut(r.level as usize)
            {
                *c += 1;
            }
        }
    }

    /// Ideas from participants still waiting for the facilitator.
    pub fn waiting_ideas(&self) -> usize {
        self.participant_ideas
            .iter()
            .filter(|i| i.state == IdeaState::Waiting)
            .count()
    }

    /// The next item's id. Never wraps: callers that add items from the
    /// room first ask `has_ids_left`, so the last id given is `u32::MAX - 1`.
    pub fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    /// Whether another item can be given an id below `next_id`.
    pub fn has_ids_left(&self) -> bool {
        self.next_id < u32::MAX
    }

    /// The level the room was last read at, if it has been read yet.
    pub fn reading_level(&self) -> Option<u8> {
        self.readings.last().map(|r| r.level)
    }

    /// The level moves start from: the last reading's, or the workshop's
    /// starting level.
    pub fn level(&self) -> u8 {
        self.readings
            .last()
            .map_or(self.workshop.start_level, |r| r.level)
    }

    pub fn zone(&self) -> Zone {
        self.band.zone(self.level())
    }

    /// The id of the checkpoint the session stands at.
    pub fn current_checkpoint_id(&self) -> &str {
        &self.workshop.checkpoints[self.progress.current].id
    }

    pub fn visited_count(&self) -> usize {
        self.progress
            .checkpoints
            .iter()
            .filter(|c| c.status == Status::Visited)
            .count()
    }

    /// All items of every kind (readings excluded).
    pub fn item_count(&self) -> usize {
        ItemKind::all().map(|k| self.count(k)).sum()
    }

    pub fn count(&self, kind: ItemKind) -> usize {
        with_kind!(kind, K => K::list(self).len())
    }

    /// A copy of item `i` of `kind`.
    pub fn item(&self, kind: ItemKind, i: usize) -> Option<AnyItem> {
        with_kind!(kind, K => K::list(self).get(i).cloned().map(AnyItem::from))
    }

    /// Item `i` of `kind`'s id, when it was captured and where.
    pub fn stamp_of(&self, kind: ItemKind, i: usize) -> Option<(u32, Timestamp, &str)> {
        with_kind!(kind, K => K::list(self).get(i).map(Kind::stamp))
    }

    /// Item `i` of `kind`'s short tag and main text.
    pub fn summary_of(&self, kind: ItemKind, i: usize) -> Option<(String, &str)> {
        let (tag, text) = with_kind!(kind, K => K::list(self).get(i).map(Kind::summary))?;
        Some((self.tagged_with_links(kind, i, tag), text))
    }

    /// Item `i` of `kind`'s labelled detail lines.
    pub fn details_of(&self, kind: ItemKind, i: usize) -> Vec<(String, String)> {
        let mut out =
            with_kind!(kind, K => K::list(self).get(i).map(Kind::details).unwrap_or_default());
        out.extend(self.links_of(kind, i));
        out
    }

    /// Add an item at the end of its list.
    pub fn push_item(&mut self, item: AnyItem) {
        fn push<K: Stored>(s: &mut Session, x: K) {
            K::list_mut(s).push(x);
        }
        with_item!(item, x => push(self, x))
    }

    /// Put an item at index `i` of its list; false if there is no such item.
    pub fn put_item(&mut self, i: usize, item: AnyItem) -> bool {
        fn put<K: Stored>(s: &mut Session, i: usize, x: K) -> bool {
            match K::list_mut(s).get_mut(i) {
                Some(slot) => {
                    *slot = x;
                    true
                }
                None => false,
            }
        }
        with_item!(item, x => put(self, i, x))
    }

    /// Take back the newest item of `kind`.
    pub fn pop_item(&mut self, kind: ItemKind) {
        with_kind!(kind, K => drop(K::list_mut(self).pop()))
    }

    /// The functions no work (commitment, experiment) names: exempted from
    /// the work, so far.
    pub fn exempted(&self) -> Vec<&str> {
        let key = |x: &str| x.trim().to_lowercase();
        let mut owning = std::collections::HashSet::new();
        self.find_work(|w| {
            if !w.work.function.is_empty() {
                owning.insert(key(w.work.function));
            }
            None::<()>
        });
        self.functions
            .iter()
            .filter(|f| !f.trim().is_empty() && !owning.contains(&key(f)))
            .map(String::as_str)
            .collect()
    }

    pub fn open_commitments(&self) -> usize {
        self.commitments
            .iter()
            .filter(|c| c.status == CommitmentStatus::Open)
            .count()
    }
}

impl Reading {
    /// Whether this reading may carry a readiness check: a raise.
    pub fn is_raise(&self) -> bool {
        self.kind == ReadingKind::Move && self.move_ == Move::Raise
    }
}

impl Session {
    /// The latest readiness answer (checked or not), with the reading it
    /// came before.
    pub fn last_readiness(&self) -> Option<(&Reading, &Readiness)> {
        self.readings
            .iter()
            .rev()
            .find_map(|r| r.readiness.as_ref().map(|x| (r, x)))
    }

    /// The latest answer that was checked: what a new check starts from.
    pub fn last_checked(&self) -> Option<&Readiness> {
        self.readings
            .iter()
            .rev()
            .filter_map(|r| r.readiness.as_ref())
            .find(|x| matches!(x, Readiness::Checked { .. }))
    }

    /// The answer that still holds at `checkpoint` at `now`: given here,
    /// and not stale. None means a raise asks again.
    pub fn current_readiness(&self, checkpoint: &str, now: Timestamp) -> Option<&Readiness> {
        let (r, x) = self.last_readiness()?;
        let age = (now - r.at).num_seconds();
        (r.checkpoint == checkpoint && (0..STALE_SECS).contains(&age)).then_some(x)
    }
}
