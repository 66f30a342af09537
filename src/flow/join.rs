//! Participants joining from their phones: what arrives from the join page,
//! the facilitator's moderation queue, and opening or closing the page.
//! The server is the app loop's business; here only decisions are made.

use super::live::Undo;
use super::{Effect, Flow, Screen, error, info};
use crate::keymap::{Action, Ctx};
use crate::session::*;
use crate::strings as s;

/// What a participant sent, already cleaned of control characters and
/// terminal escapes by the server.
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival {
    Idea { text: String, name: Option<String> },
    Reading { device: String, level: u8 },
}

/// The join page as the facilitator's screens see it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JoinView {
    /// The join address while the page is open.
    pub url: Option<String>,
    /// The address and its QR code are shown, on both screens.
    pub card: bool,
    /// The moderation queue is open, this waiting idea selected.
    pub queue: Option<usize>,
    /// Where the page listens, and how many may join.
    pub place: JoinPlace,
    /// The server's counts as last told (devices let in, turned away), and
    /// when the facilitator was last told of strain and of a full room.
    pub seen: JoinCounts,
    strain_told: Option<Timestamp>,
    full_told: Option<Timestamp>,
}

/// What the server counts, read every turn of the app's loop.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JoinCounts {
    /// Devices let in.
    pub joined: usize,
    /// Connections turned away: too slow, no code, crowding.
    pub strained: u64,
    /// New devices refused because the room was full.
    pub refused: u64,
}

/// Where the join page listens and how many devices it lets in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JoinPlace {
    /// No network address was found: only this laptop can open the page.
    pub local_only: bool,
    /// The laptop's addresses phones might reach, and which is in use.
    pub choices: usize,
    pub choice: usize,
    /// The room's size: devices beyond it are refused.
    pub size: usize,
}

/// The room's size when the facilitator does not set one.
pub const DEFAULT_ROOM_SIZE: usize = 40;

/// How seldom the facilitator is told, again, of strain or a full room.
const QUIET_SECS: i64 = 60;

impl JoinView {
    pub fn is_open(&self) -> bool {
        self.url.is_some()
    }
}

/// How many ideas wait, without listing them.
pub fn waiting_count(s: &Session) -> usize {
    s.participant_ideas
        .iter()
        .filter(|i| i.state == IdeaState::Waiting)
        .count()
}

/// Indexes into `participant_ideas` of the ideas still waiting, oldest first.
pub fn waiting(s: &Session) -> Vec<usize> {
    s.participant_ideas
        .iter()
        .enumerate()
        .filter(|(_, i)| i.state == IdeaState::Waiting)
        .map(|(n, _)| n)
        .collect()
}

impl Flow {
    /// The app started the server: participants can join at `url`.
    pub(super) fn join_opened(&mut self, url: String, place: JoinPlace) {
        let open = self.keymap.first_key(Ctx::Browse, Action::JoinOpen);
        self.notice = info(if place.local_only {
            s::join_local_only(
                &self.keymap.first_key(Ctx::Browse, Action::JoinClose),
                &open,
            )
        } else {
            s::join_opened(&open)
        });
        self.join.url = Some(url);
        self.join.card = true;
        self.join.place = place;
        self.join.seen = JoinCounts::default();
    }

    /// What the server says about the room, when it changed. A quiet notice, at most once a minute each, when the page is
    /// under strain or a phone was turned away from a full room.
    pub(super) fn join_status(&mut self, now_counts: JoinCounts, now: Timestamp) {
        let was = std::mem::replace(&mut self.join.seen, now_counts);
        let quiet =
            |told: Option<Timestamp>| told.is_some_and(|t| (now - t).num_seconds() < QUIET_SECS);
        if now_counts.refused > was.refused && !quiet(self.join.full_told) {
            self.join.full_told = Some(now);
            self.notice = info(s::room_full(self.join.place.size));
        } else if now_counts.strained > was.strained && !quiet(self.join.strain_told) {
            self.join.strain_told = Some(now);
            self.notice = info(s::JOIN_STRAIN);
        }
    }

    /// The server could not start (the port is taken, say).
    pub(super) fn join_failed(&mut self, message: impl AsRef<str>) {
        self.join = JoinView::default();
        self.notice = error(s::join_failed(message.as_ref()));
    }

    /// The open / close keys of the checkpoint screen.
    pub(super) fn join_key(&mut self, action: Action) -> Vec<Effect> {
        let Screen::Live(live) = &self.screen else {
            return Vec::new();
        };
        let open = self.keymap.first_key(Ctx::Browse, Action::JoinOpen);
        match action {
            Action::JoinOpen => {
                if live.session.meta.mode == crate::session::Mode::Solo {
                    self.notice = info(s::JOIN_SOLO);
                } else if self.join.is_open() {
                    self.join.card = !self.join.card;
                } else {
                    return vec![Effect::OpenJoin];
                }
            }
            Action::RoomDiscard => return self.discard_room_readings(),
            Action::JoinAddress => {
                if !self.join.is_open() {
                    self.notice = info(s::join_not_open(&open));
                } else if self.join.place.choices < 2 {
                    self.notice = info(s::JOIN_ONE_ADDRESS);
                } else {
                    return vec![Effect::MoveJoin];
                }
            }
            Action::JoinClose => {
                if self.join.is_open() {
                    self.join.url = None;
                    self.join.card = false;
                    self.notice = info(s::JOIN_CLOSED);
                    return vec![Effect::CloseJoin];
                }
                self.notice = info(s::join_not_open(&open));
            }
            Action::Queue => {
                if self.projector || self.room != super::Room::Shown {
                    self.notice = info(s::queue_not_in_view(
                        &self.keymap.first_key(Ctx::Browse, Action::Projector),
                    ));
                } else if waiting(live.s()).is_empty() {
                    self.notice = info(s::QUEUE_EMPTY);
                } else {
                    self.join.queue = Some(0);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// Forgets the room's readings at the current checkpoint (a device
    /// flood, say): phones may give theirs again. Undoable.
    fn discard_room_readings(&mut self) -> Vec<Effect> {
        let now = self.now;
        let Screen::Live(live) = &mut self.screen else {
            return Vec::new();
        };
        let checkpoint = live.checkpoint().id.clone();
        if live.s().participant_spread(&checkpoint).total() == 0 {
            self.notice = info(s::ROOM_NO_READINGS);
            return Vec::new();
        }
        let devices: Vec<(String, u8)> = live
            .room
            .iter()
            .filter(|((c, _), _)| *c == checkpoint)
            .map(|((_, d), l)| (d.clone(), *l))
            .collect();
        live.room.retain(|(c, _), _| *c != checkpoint);
        let counts = std::mem::replace(
            live.s_mut(now).room_counts_mut(&checkpoint),
            vec![0; SCALE_MAX as usize + 1],
        );
        live.push_undo(Undo::RoomDiscarded(checkpoint, counts, devices));
        self.notice = info(s::room_discarded(
            &self.keymap.first_key(Ctx::Browse, Action::Undo),
        ));
        vec![Effect::Save]
    }

    /// Everything that arrived since the last look, in one change.
    pub(super) fn arrivals(&mut self, list: Vec<Arrival>, now: Timestamp) -> Vec<Effect> {
        let Screen::Live(live) = &mut self.screen else {
            return Vec::new();
        };
        if list.is_empty() || live.session.meta.mode == crate::session::Mode::Solo {
            return Vec::new();
        }
        let checkpoint = live.checkpoint().id.clone();
        // One reading per device per checkpoint: the latest. Which device
        // said what stays here, in memory; the session keeps the counts.
        let mut moves = Vec::new();
        for a in &list {
            if let Arrival::Reading { device, level } = a {
                let level = (*level).min(SCALE_MAX);
                let before = live
                    .room
                    .insert((checkpoint.clone(), device.clone()), level);
                moves.push((before, level));
            }
        }
        let ses = live.s_mut(now);
        for a in list {
            if let Arrival::Idea { text, name } = a {
                // A session out of ids takes no more (see `has_ids_left`).
                if !ses.has_ids_left() {
                    continue;
                }
                let id = ses.take_id();
                ses.participant_ideas.push(ParticipantIdea {
                    id,
                    at: now,
                    checkpoint: checkpoint.clone(),
                    text,
                    author: name.map_or(Author::Anonymous, Author::Named),
                    state: IdeaState::Waiting,
                });
            }
        }
        if !moves.is_empty() {
            let counts = ses.room_counts_mut(&checkpoint);
            for (before, level) in moves {
                if let Some(c) = before.and_then(|b| counts.get_mut(b as usize)) {
                    *c = c.saturating_sub(1);
                }
                if let Some(c) = counts.get_mut(level as usize) {
                    *c += 1;
                }
            }
        }
        vec![Effect::Save]
    }

    /// Keys while the moderation queue is open.
    pub(super) fn queue_key(&mut self, action: Option<Action>, now: Timestamp) -> Vec<Effect> {
        let fate = self.keymap.first_key(Ctx::Browse, Action::Fate);
        let Screen::Live(live) = &mut self.screen else {
            return Vec::new();
        };
        let list = waiting(live.s());
        let Some(sel) = self.join.queue else {
            return Vec::new();
        };
        let sel = sel.min(list.len().saturating_sub(1));
        let mut effects = Vec::new();
        match action {
            Some(Action::Up) => self.join.queue = Some(sel.saturating_sub(1)),
            Some(Action::Down) => {
                self.join.queue = Some((sel + 1).min(list.len().saturating_sub(1)))
            }
            Some(Action::Cancel) => self.join.queue = None,
            Some(a @ (Action::Accept | Action::HideIdea)) => {
                let Some(&i) = list.get(sel) else {
                    self.join.queue = None;
                    return Vec::new();
                };
                if a == Action::Accept && !live.s().has_ids_left() {
                    self.notice = Some(super::Notice {
                        text: crate::strings::NO_IDS_LEFT.into(),
                        tone: super::Tone::Error,
                    });
                    return Vec::new();
                }
                let ses = live.s_mut(now);
                if a == Action::Accept {
                    let idea = ses.participant_ideas[i].clone();
                    let id = ses.take_id();
                    ses.gadflies.push(Gadfly {
                        id,
                        at: idea.at,
                        checkpoint: idea.checkpoint,
                        text: idea.text,
                        author: idea.author,
                        voice: Voice::Other,
                        reaction: Reaction::NotYetSeen,
                        fate: Fate::Parked,
                        reactions: Vec::new(),
                    });
                    ses.participant_ideas[i].state = IdeaState::Accepted(id);
                    live.kind = ItemKind::Gadfly;
                    let n = live.session.gadflies.len();
                    live.sel[ItemKind::Gadfly.index()] = n - 1;
                    self.notice = info(s::idea_accepted(id, &fate));
                } else {
                    ses.participant_ideas[i].state = IdeaState::Hidden;
                    self.notice = info(s::IDEA_HIDDEN);
                }
                live.push_undo(Undo::Moderated(i));
                effects.push(Effect::Save);
                let left = list.len() - 1;
                self.join.queue = (left > 0).then(|| sel.min(left - 1));
                if left == 0 {
                    self.notice = info(s::QUEUE_DONE);
                }
            }
            _ => {}
        }
        effects
    }
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, TimeZone};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::flow::Input;
    use crate::workshop::Builtin;

    fn at(secs: i64) -> Timestamp {
        FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 23, 14, 0, 0)
            .unwrap()
            + chrono::Duration::seconds(secs)
    }

    fn flow(b: Builtin) -> Flow {
        Flow::in_session(Session::new(b.workshop(), "T", "F", at(0)), at(0))
    }

    fn key(f: &mut Flow, code: KeyCode, secs: i64) -> Vec<Effect> {
        f.handle(
            Input::Key(KeyEvent::new(code, KeyModifiers::NONE)),
            at(secs),
        )
    }

    fn idea(text: &str, name: Option<&str>) -> Arrival {
        Arrival::Idea {
            text: text.into(),
            name: name.map(String::from),
        }
    }

    fn reading(device: &str, level: u8) -> Arrival {
        Arrival::Reading {
            device: device.into(),
            level,
        }
    }

    fn ses(f: &Flow) -> &Session {
        f.session().unwrap()
    }

    #[test]
    fn ideas_wait_in_the_queue_and_are_saved() {
        let mut f = flow(Builtin::Default);
        let fx = f.handle(
            Input::Join(vec![idea("one", None), idea("two", Some("Noor"))]),
            at(1),
        );
        assert_eq!(fx, vec![Effect::Save]);
        let s = ses(&f);
        assert_eq!(s.participant_ideas.len(), 2);
        assert_eq!(s.participant_ideas[1].author, Author::Named("Noor".into()));
        assert!(
            s.participant_ideas
                .iter()
                .all(|i| i.state == IdeaState::Waiting)
        );
        assert_ne!(s.participant_ideas[0].id, s.participant_ideas[1].id);
        assert!(s.gadflies.is_empty(), "nothing reaches the session unseen");
        assert_eq!(f.handle(Input::Join(Vec::new()), at(2)), Vec::new());
    }

    #[test]
    fn a_device_has_one_reading_per_checkpoint_the_latest() {
        let mut f = flow(Builtin::Default);
        f.handle(
            Input::Join(vec![reading("dev-a", 3), reading("dev-b", 8)]),
            at(1),
        );
        f.handle(Input::Join(vec![reading("dev-a", 6)]), at(2));
        let first = ses(&f).workshop.checkpoints[0].id.clone();
        let sp = ses(&f).participant_spread(&first);
        assert_eq!((sp.total(), sp.counts[3], sp.counts[6]), (2, 0, 1));
        key(&mut f, KeyCode::Char('n'), 3);
        f.handle(Input::Join(vec![reading("dev-a", 2)]), at(4));
        let s = ses(&f);
        let second = &s.workshop.checkpoints[1].id;
        assert_eq!(s.participant_spread(second).total(), 1, "a new checkpoint");
        assert_eq!(s.participant_spread(&first).counts[6], 1);
        assert_eq!(s.participant_spread(&first).median(), Some(6));
        // The session holds counts only: nothing names a device.
        let text = ron::to_string(s).unwrap();
        assert!(!text.contains("dev-a"), "{text}");
    }

    #[test]
    fn discarding_the_rooms_readings_at_a_checkpoint_and_undoing_it() {
        let mut f = flow(Builtin::Default);
        assert_eq!(key(&mut f, KeyCode::Char('D'), 1), Vec::new());
        assert_eq!(f.notice.as_ref().unwrap().text, s::ROOM_NO_READINGS);
        let flood: Vec<Arrival> = (0..40).map(|n| reading(&format!("fake-{n}"), 10)).collect();
        f.handle(Input::Join(flood), at(1));
        f.handle(Input::Join(vec![reading("real", 4)]), at(1));
        let first = ses(&f).workshop.checkpoints[0].id.clone();
        assert_eq!(ses(&f).participant_spread(&first).total(), 41);
        assert_eq!(key(&mut f, KeyCode::Char('D'), 2), vec![Effect::Save]);
        assert_eq!(ses(&f).participant_spread(&first).total(), 0);
        // A phone gives its reading again: counted once, from nothing.
        f.handle(Input::Join(vec![reading("real", 5)]), at(3));
        assert_eq!(ses(&f).participant_spread(&first).total(), 1);
        // Undo puts back what was discarded, each device still counted once.
        key(&mut f, KeyCode::Char('u'), 4);
        let sp = ses(&f).participant_spread(&first);
        assert_eq!((sp.total(), sp.counts[10], sp.counts[4]), (41, 40, 1));
        f.handle(Input::Join(vec![reading("fake-1", 0)]), at(5));
        let sp = ses(&f).participant_spread(&first);
        assert_eq!((sp.total(), sp.counts[10], sp.counts[0]), (41, 39, 1));
        assert!(crate::session::validate::session(ses(&f)).is_empty());
    }

    #[test]
    fn a_facilitators_reading_keeps_the_rooms_spread() {
        let mut f = flow(Builtin::Default);
        f.handle(
            Input::Join(vec![
                reading("dev-a", 2),
                reading("dev-b", 5),
                reading("dev-c", 5),
            ]),
            at(1),
        );
        key(&mut f, KeyCode::Char('h'), 2);
        key(&mut f, KeyCode::Enter, 2);
        let r = ses(&f).readings.last().unwrap();
        let sp = r.participants.as_ref().unwrap();
        assert_eq!(sp.total(), 3);
        assert_eq!(sp.counts[5], 2);
        assert_eq!(sp.median(), Some(5));
        // With nobody's reading, nothing is stored.
        key(&mut f, KeyCode::Char('n'), 3);
        key(&mut f, KeyCode::Char('h'), 4);
        key(&mut f, KeyCode::Enter, 4);
        assert_eq!(ses(&f).readings.last().unwrap().participants, None);
    }

    #[test]
    fn accepting_makes_a_gadfly_idea_and_undo_takes_it_back() {
        let mut f = flow(Builtin::Default);
        f.handle(
            Input::Join(vec![idea("first", None), idea("second", Some("Noor"))]),
            at(1),
        );
        key(&mut f, KeyCode::Char('i'), 2);
        assert_eq!(f.ctx(), crate::keymap::Ctx::Queue);
        key(&mut f, KeyCode::Down, 2);
        let fx = key(&mut f, KeyCode::Enter, 3);
        assert_eq!(fx, vec![Effect::Save]);
        let s = ses(&f);
        let g = s.gadflies.last().unwrap();
        assert_eq!(g.text, "second");
        assert_eq!(g.author, Author::Named("Noor".into()));
        assert_eq!(g.fate, Fate::Parked);
        assert_eq!(s.participant_ideas[1].state, IdeaState::Accepted(g.id));
        assert_eq!(
            f.join.queue,
            Some(0),
            "the queue stays open on what is left"
        );
        // Hide the other: the queue closes when empty.
        key(&mut f, KeyCode::Char('x'), 4);
        assert_eq!(ses(&f).participant_ideas[0].state, IdeaState::Hidden);
        assert_eq!(ses(&f).gadflies.len(), 1);
        assert_eq!(f.join.queue, None);
        assert!(crate::session::validate::session(ses(&f)).is_empty());
        // Undo, twice: both wait again and the gadfly idea is gone.
        key(&mut f, KeyCode::Char('u'), 5);
        key(&mut f, KeyCode::Char('u'), 5);
        let s = ses(&f);
        assert!(s.gadflies.is_empty());
        assert_eq!(s.waiting_ideas(), 2);
    }

    #[test]
    fn the_queue_needs_ideas_and_the_facilitators_own_screen() {
        let mut f = flow(Builtin::Default);
        key(&mut f, KeyCode::Char('i'), 1);
        assert_eq!(f.join.queue, None);
        assert_eq!(f.notice.as_ref().unwrap().text, s::QUEUE_EMPTY);
        f.handle(Input::Join(vec![idea("x", None)]), at(1));
        key(&mut f, KeyCode::Char('v'), 2);
        key(&mut f, KeyCode::Char('i'), 2);
        assert_eq!(f.join.queue, None, "never on the room's view");
        key(&mut f, KeyCode::Char('v'), 3);
        key(&mut f, KeyCode::Char('.'), 3);
        key(&mut f, KeyCode::Char('i'), 3);
        assert_eq!(f.join.queue, None, "nor while the room's view is blanked");
        key(&mut f, KeyCode::Char('.'), 3);
        key(&mut f, KeyCode::Char('i'), 3);
        assert_eq!(f.join.queue, Some(0));
        key(&mut f, KeyCode::Esc, 3);
        assert_eq!(f.join.queue, None);
    }

    #[test]
    fn opening_and_closing_the_join_page() {
        let mut f = flow(Builtin::Default);
        assert_eq!(key(&mut f, KeyCode::Char('o'), 1), vec![Effect::OpenJoin]);
        f.join_opened("http://127.0.0.1:1/j/CODE".into(), JoinPlace::default());
        assert!(f.join.card);
        assert_eq!(key(&mut f, KeyCode::Char('o'), 2), Vec::new());
        assert!(!f.join.card, "o hides the address once open");
        assert_eq!(key(&mut f, KeyCode::Char('O'), 3), vec![Effect::CloseJoin]);
        assert!(!f.join.is_open());
        assert_eq!(key(&mut f, KeyCode::Char('O'), 4), Vec::new());
        f.join_failed("address in use");
        assert!(f.notice.as_ref().unwrap().text.contains("address in use"));
    }

    #[test]
    fn a_private_reflection_has_no_join_page() {
        let mut f = flow(Builtin::Solo);
        assert_eq!(key(&mut f, KeyCode::Char('o'), 1), Vec::new());
        assert_eq!(f.notice.as_ref().unwrap().text, s::JOIN_SOLO);
        assert_eq!(
            f.handle(Input::Join(vec![idea("x", None)]), at(2)),
            Vec::new()
        );
        assert!(ses(&f).participant_ideas.is_empty());
    }
}
