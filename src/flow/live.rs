//! A session being worked: the session itself, what the screen shows, the
//! timebox clock and the undo stack.

use std::sync::Arc;

use super::form::{self, Purpose, Stamp};
use super::{Focus, SILENCING_WINDOW_SECS};
use crate::session::validate::MAX_SPENT_SECS;
use crate::session::*;
use crate::strings as s;

/// The timebox clock of the current checkpoint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timer {
    /// Since when time has run without being written to the session.
    pub since: Timestamp,
    pub paused: bool,
}

/// The inverse of one change, for undo.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Undo {
    Added(ItemKind),
    Reading,
    Gadfly(usize, Box<Gadfly>),
    Band(Band),
    Road(Option<Road>),
    /// An item as it was before it was changed, and where it lives.
    Replaced(usize, Box<AnyItem>),
    /// A participant's idea (index) was accepted or hidden.
    Moderated(usize),
    /// The room's readings at a checkpoint were discarded: their counts and
    /// each device's reading, to put back.
    RoomDiscarded(String, Vec<u32>, Vec<(String, u8)>),
    /// The session's context as it was.
    Context(String),
    Functions(Vec<String>),
}

const UNDO_DEPTH: usize = 200;

/// A session being worked.
#[derive(Debug, Clone)]
pub struct Live {
    /// Shared with the saver thread; copied only if it is still writing.
    pub session: Arc<Session>,
    pub mode: Focus,
    pub timer: Timer,
    /// The kind of item shown in the main pane.
    pub kind: ItemKind,
    /// The selected item per kind (index into that kind's list).
    pub sel: [usize; ItemKind::COUNT],
    pub(super) undo: Vec<Undo>,
    /// The latest reading of each device (checkpoint, device) from the join
    /// page: in memory only, so the file cannot link readings to a person.
    pub(super) room: std::collections::BTreeMap<(String, String), u8>,
    /// Forms closed with something typed in them, one per item being
    /// written: the key that opened a form brings its draft back.
    pub drafts: Vec<Box<form::Form>>,
    /// A form saved with Enter while the room's view was hidden: shown for
    /// a confirming Enter when the view is back, before it is saved.
    pub held: Option<Box<form::Form>>,
    /// When the timebox was last paused: a break is no silencing.
    pub paused_at: Option<Timestamp>,
}

impl Live {
    pub(super) fn new(session: Session, now: Timestamp) -> Live {
        let mut live = Live {
            session: Arc::new(session),
            mode: Focus::Browse,
            timer: Timer {
                since: now,
                paused: false,
            },
            kind: ItemKind::Note,
            sel: [0; ItemKind::COUNT],
            undo: Vec::new(),
            room: Default::default(),
            drafts: Vec::new(),
            held: None,
            paused_at: None,
        };
        for k in ItemKind::all() {
            live.sel[k.index()] = live.session.count(k).saturating_sub(1);
        }
        live.enter(now);
        live
    }

    pub fn s(&self) -> &Session {
        &self.session
    }

    pub(super) fn s_mut(&mut self, now: Timestamp) -> &mut Session {
        let s = Arc::make_mut(&mut self.session);
        s.meta.updated = now;
        s
    }

    pub fn checkpoint(&self) -> &crate::workshop::Checkpoint {
        &self.session.workshop.checkpoints[self.session.progress.current]
    }

    /// The kinds in the order Tab shows them: this checkpoint's first.
    pub fn kind_order(&self) -> Vec<ItemKind> {
        let mut out = self.checkpoint().collects.clone();
        out.dedup();
        for k in ItemKind::all() {
            if !out.contains(&k) {
                out.push(k);
            }
        }
        out
    }

    /// Whether this checkpoint asks which road to customer focus the
    /// organisation is on (its words speak of the road).
    pub fn asks_for_road(&self) -> bool {
        let cp = self.checkpoint();
        std::iter::once(&cp.purpose)
            .chain(&cp.prompts)
            .any(|t| t.to_lowercase().contains("road"))
    }

    /// Keys that matter here, for the front of the key bar: the road where
    /// it is asked for, and what the selected item allows.
    pub fn keys_here(&self) -> Vec<(crate::keymap::Action, &'static str)> {
        use crate::keymap::Action as A;
        let mut out = Vec::new();
        if self.asks_for_road() {
            out.push((A::Road, s::BAR_ROAD));
        }
        if self.session.count(self.kind) == 0 {
            return out;
        }
        match self.kind {
            ItemKind::Gadfly => {
                out.push((A::Fate, s::BAR_FATE));
                out.push((A::Reaction, s::BAR_REACTION));
                let i = self.selected().min(self.session.gadflies.len() - 1);
                let g = &self.session.gadflies[i];
                if g.fate == Fate::Adopted && self.session.work_of(g.id).is_none() {
                    out.push((A::ToWork, s::BAR_TO_WORK));
                }
            }
            ItemKind::Polarity => out.push((A::Fired, s::BAR_FIRED)),
            kind if self.session.work_at(kind, 0).is_some() => {
                out.push((A::Fate, kind.status_word()))
            }
            _ => {}
        }
        out
    }

    pub fn selected(&self) -> usize {
        self.sel[self.kind.index()]
    }

    /// Seconds spent at the current checkpoint, the running part included.
    pub fn spent_secs(&self, now: Timestamp) -> u64 {
        let stored = self.session.progress.checkpoints[self.session.progress.current].spent_secs;
        stored.saturating_add(self.running_secs(now))
    }

    pub(super) fn running_secs(&self, now: Timestamp) -> u64 {
        if self.timer.paused {
            0
        } else {
            (now - self.timer.since).num_seconds().max(0) as u64
        }
    }

    /// Seconds left in the timebox; negative when over.
    pub fn remaining_secs(&self, now: Timestamp) -> i64 {
        let p = &self.session.progress.checkpoints[self.session.progress.current];
        let total = (self.checkpoint().timebox_mins as i64 + p.extra_mins as i64) * 60;
        total.saturating_sub(i64::try_from(self.spent_secs(now)).unwrap_or(i64::MAX))
    }

    /// Write the running time into the session.
    pub(super) fn commit_time(&mut self, now: Timestamp) {
        let secs = self.running_secs(now);
        self.timer.since = now;
        if secs > 0 {
            let cur = self.session.progress.current;
            // Kept within what the loader takes, whatever the clock did.
            let spent = &mut self.s_mut(now).progress.checkpoints[cur].spent_secs;
            *spent = spent.saturating_add(secs).min(MAX_SPENT_SECS);
        }
    }

    /// Arrive at the current checkpoint. A look at a skipped one keeps the
    /// skip; working there clears it (`worked_here`).
    pub(super) fn enter(&mut self, now: Timestamp) {
        self.timer = Timer {
            since: now,
            paused: false,
        };
        let cur = self.session.progress.current;
        if !self.session.progress.wall.is_default() {
            self.s_mut(now).progress.wall = WallView::default();
        }
        let p = &self.session.progress.checkpoints[cur];
        if p.status == Status::NotYet || p.first_visit.is_none() {
            let s = self.s_mut(now);
            let p = &mut s.progress.checkpoints[cur];
            if p.status == Status::NotYet {
                p.status = Status::Visited;
            }
            p.first_visit.get_or_insert(now);
        }
        self.kind = self
            .checkpoint()
            .collects
            .first()
            .copied()
            .unwrap_or(ItemKind::Note);
    }

    /// Writes the timebox clock into the session for `balcony present`:
    /// running since when, or none while paused or once the app has left.
    pub(super) fn sync_clock(&mut self, now: Timestamp, open: bool) {
        let want = (open && !self.timer.paused).then_some(self.timer.since);
        if self.session.progress.running_since != want {
            self.s_mut(now).progress.running_since = want;
        }
    }

    /// Skip the current checkpoint, keeping when, and why when a reason
    /// was given.
    pub(super) fn skip(&mut self, reason: String, now: Timestamp) {
        let cur = self.session.progress.current;
        let p = &mut self.s_mut(now).progress.checkpoints[cur];
        p.status = Status::Skipped;
        p.skipped.push(now);
        if !reason.is_empty() {
            p.skip_reasons.push(SkipReason { at: now, reason });
        }
    }

    /// Something was captured or decided here: a skipped checkpoint is one
    /// that was worked in after all (the times it was skipped stay).
    pub(super) fn worked_here(&mut self, now: Timestamp) {
        let cur = self.session.progress.current;
        if self.session.progress.checkpoints[cur].status == Status::Skipped {
            self.s_mut(now).progress.checkpoints[cur].status = Status::Visited;
        }
    }

    pub(super) fn go_to(&mut self, index: usize, now: Timestamp) {
        self.commit_time(now);
        self.s_mut(now).progress.current = index;
        self.enter(now);
    }

    pub(super) fn push_undo(&mut self, u: Undo) {
        if self.undo.len() >= UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(u);
    }

    pub(super) fn add(&mut self, item: AnyItem, now: Timestamp) {
        let kind = item.kind();
        self.s_mut(now).push_item(item);
        self.kind = kind;
        self.sel[kind.index()] = self.session.count(kind).saturating_sub(1);
        self.push_undo(Undo::Added(kind));
        self.worked_here(now);
    }

    /// Record a reading after a move; returns true when it may have silenced a gadfly.
    pub(super) fn record_reading(
        &mut self,
        mv: Move,
        tactic: Option<String>,
        reason: String,
        readiness: Option<Readiness>,
        now: Timestamp,
    ) -> bool {
        if !self.session.has_ids_left() {
            return false;
        }
        let level = self.session.level();
        let level = match mv {
            Move::Raise => (level + 1).min(SCALE_MAX),
            Move::Lower => level.saturating_sub(1),
            Move::Hold => level,
        };
        // One flag per idea, and only when it may mean something: not for a
        // declined idea, a hold, or after a break (the timebox paused).
        let after_gadfly = match mv {
            Move::Lower => self.session.gadflies.last().and_then(|g| {
                let age = (now - g.at).num_seconds();
                let flagged = self
                    .session
                    .readings
                    .iter()
                    .any(|r| r.after_gadfly == Some(g.id));
                let declined = matches!(g.fate, Fate::Declined(_));
                let break_since = self.paused_at.is_some_and(|p| p >= g.at);
                ((0..=SILENCING_WINDOW_SECS).contains(&age)
                    && !flagged
                    && !declined
                    && !break_since)
                    .then_some(g.id)
            }),
            _ => None,
        };
        let checkpoint = self.checkpoint().id.clone();
        let spread = self.session.participant_spread(&checkpoint);
        let participants = (spread.total() > 0).then_some(spread);
        let s = self.s_mut(now);
        let band = s.band;
        let id = s.take_id();
        s.readings.push(Reading {
            id,
            at: now,
            checkpoint,
            level,
            band,
            zone: band.zone(level),
            kind: ReadingKind::Move,
            move_: mv,
            tactic,
            reason,
            after_gadfly,
            participants,
            readiness: readiness.filter(|_| mv == Move::Raise),
        });
        self.push_undo(Undo::Reading);
        self.worked_here(now);
        after_gadfly.is_some()
    }

    /// Record where the room was found to be: no move, no tactic, and so
    /// never a possible silencing. The first reading is the baseline.
    pub(super) fn record_observation(&mut self, level: u8, reason: String, now: Timestamp) {
        let level = level.min(SCALE_MAX);
        let checkpoint = self.checkpoint().id.clone();
        let spread = self.session.participant_spread(&checkpoint);
        let participants = (spread.total() > 0).then_some(spread);
        let s = self.s_mut(now);
        let band = s.band;
        let id = s.take_id();
        s.readings.push(Reading {
            id,
            at: now,
            checkpoint,
            level,
            band,
            zone: band.zone(level),
            kind: ReadingKind::Observation,
            move_: Move::Hold,
            tactic: None,
            reason,
            after_gadfly: None,
            participants,
            readiness: None,
        });
        self.push_undo(Undo::Reading);
    }

    /// Quitting with a complete form open keeps the item rather than
    /// dropping what was typed. An incomplete one cannot be stored.
    /// Put a changed item in place of item `i` of its kind. What the form
    /// does not show (a commitment's status, when signs fired) is kept.
    pub(super) fn replace(&mut self, kind: ItemKind, i: usize, item: AnyItem, now: Timestamp) {
        let Some(old) = self.session.item(kind, i) else {
            return;
        };
        let mut item = item.keeping_unshown(&old);
        // A changed reaction keeps the one it replaces, with the time.
        if let (AnyItem::Gadfly(new), AnyItem::Gadfly(was)) = (&mut item, &old) {
            let to = new.reaction;
            new.reaction = was.reaction;
            new.react(to, now);
        }
        if self.s_mut(now).put_item(i, item) {
            self.push_undo(Undo::Replaced(i, Box::new(old)));
        }
    }

    /// Open `form`, or the draft kept for the same item instead.
    pub(super) fn open_form(&mut self, form: form::Form) -> bool {
        match self.drafts.iter().position(|d| d.same_item(&form)) {
            Some(i) => {
                self.mode = Focus::Form(self.drafts.remove(i));
                true
            }
            None => {
                self.mode = Focus::Form(Box::new(form));
                false
            }
        }
    }

    /// The kind of work a kept draft for gadfly idea `idea` is writing.
    pub(super) fn draft_for_idea(&self, idea: u32) -> Option<ItemKind> {
        self.drafts.iter().find_map(|d| match d.purpose {
            Purpose::Item(kind) if d.from_idea == Some(idea) => Some(kind),
            _ => None,
        })
    }

    /// Close the open form; one with something typed in it is kept as a
    /// draft. Returns whether it was kept.
    pub(super) fn close_form(&mut self) -> bool {
        let Focus::Form(form) = std::mem::replace(&mut self.mode, Focus::Browse) else {
            return false;
        };
        if !form.touched {
            return false;
        }
        self.drafts.retain(|d| !d.same_item(&form));
        self.drafts.push(form);
        true
    }

    pub(super) fn keep_draft(&mut self, now: Timestamp) {
        // An item saved blind was meant to be kept: it is, unchecked.
        if let Some(form) = self.held.take() {
            let open = std::mem::replace(&mut self.mode, Focus::Form(form));
            self.keep_draft(now);
            self.mode = open;
        }
        let Focus::Form(form) = &self.mode else {
            return;
        };
        let Purpose::Item(kind) = form.purpose else {
            return;
        };
        let stamp = Stamp {
            id: self.session.next_id,
            at: now,
            checkpoint: self.checkpoint().id.clone(),
        };
        if let Ok(item) = form::build(form, kind, stamp)
            && self.session.has_ids_left()
        {
            self.s_mut(now).take_id();
            self.add(item, now);
        }
        self.mode = Focus::Browse;
    }

    pub(super) fn undo(&mut self, now: Timestamp) -> Option<String> {
        let u = self.undo.pop()?;
        if let Undo::RoomDiscarded(checkpoint, _, devices) = &u {
            for (d, level) in devices {
                self.room.insert((checkpoint.clone(), d.clone()), *level);
            }
        }
        let ses = self.s_mut(now);
        let what = match u {
            Undo::Added(kind) => {
                ses.pop_item(kind);
                let n = ses.count(kind);
                let i = kind.index();
                self.sel[i] = self.sel[i].min(n.saturating_sub(1));
                s::undone(&format!("new {}", kind.label()))
            }
            Undo::Reading => {
                ses.readings.pop();
                s::undone("the last reading")
            }
            Undo::Gadfly(i, old) => {
                if let Some(g) = ses.gadflies.get_mut(i) {
                    *g = *old;
                }
                s::undone("the change to a gadfly idea")
            }
            Undo::Band(old) => {
                ses.band = old;
                ses.band_moves.pop();
                s::undone("the band change")
            }
            Undo::Replaced(i, old) => {
                ses.put_item(i, *old);
                s::undone("the change to an item")
            }
            Undo::Road(old) => {
                ses.road = old;
                s::undone("the road")
            }
            Undo::RoomDiscarded(checkpoint, counts, _) => {
                *ses.room_counts_mut(&checkpoint) = counts;
                s::undone(s::ROOM_READINGS)
            }
            Undo::Context(old) => {
                ses.meta.context = old;
                s::undone("the change to the context")
            }
            Undo::Functions(old) => {
                ses.functions = old;
                s::undone("the change to the functions")
            }
            Undo::Moderated(i) => {
                let was = ses
                    .participant_ideas
                    .get_mut(i)
                    .map(|idea| std::mem::replace(&mut idea.state, IdeaState::Waiting));
                if let Some(IdeaState::Accepted(g)) = was
                    && let Some(at) = ses.gadflies.iter().rposition(|x| x.id == g)
                {
                    ses.gadflies.remove(at);
                    let n = ses.gadflies.len();
                    let k = ItemKind::Gadfly.index();
                    self.sel[k] = self.sel[k].min(n.saturating_sub(1));
                }
                s::undone("the decision on a participant's idea")
            }
        };
        Some(what)
    }
}
