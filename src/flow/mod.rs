//! The workshop flow as a pure state machine: input and the time in, new
//! state and effects out. No terminal, no files, no clock: the app loop does
//! the IO, the tests drive this directly.

pub mod form;
#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui_textarea::TextArea;

use crate::session::validate::MAX_TEXT_CHARS;
use crate::session::*;
use crate::ui::keymap::{self, Action, Ctx};
use crate::ui::strings as s;
use crate::workshop::Builtin;
use form::{Form, NewItem, Purpose, Stamp, Value};

/// A lowered heat this soon after a gadfly idea counts as a possible silencing.
pub const SILENCING_WINDOW_SECS: i64 = 5 * 60;
/// Time spent is written to the session at least this often while running.
const COMMIT_EVERY_SECS: i64 = 30;

#[derive(Debug, Clone)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    Tick,
    /// SIGTERM or SIGHUP: write everything and leave.
    Stop,
}

/// What the app loop must do after an input.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// The session changed: write the latest state.
    Save,
    Quit,
    /// The start screen asks for a new session.
    Create(NewSession),
    /// The start screen asks to resume this file.
    Open(PathBuf),
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewSession {
    pub title: String,
    pub facilitator: String,
    pub workshop: WorkshopChoice,
}

#[derive(Debug, Clone, PartialEq)]
pub enum WorkshopChoice {
    Builtin(Builtin),
    File(PathBuf),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    /// Said quietly, but it stays until the next key.
    Quiet,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub tone: Tone,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    NotYet,
    Saved(Timestamp),
    Failed { message: String },
}

/// Which part of the start screen has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartFocus {
    Form,
    Recent,
    Review,
}

#[derive(Debug, Clone)]
pub struct Start {
    pub form: Form,
    /// Session files, newest first.
    pub recent: Vec<PathBuf>,
    pub sel: usize,
    pub focus: StartFocus,
}

/// The timebox clock of the current checkpoint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timer {
    /// Since when time has run without being written to the session.
    pub since: Timestamp,
    pub paused: bool,
}

/// What a picker is choosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Tactic(Move),
    /// Index into `session.gadflies`.
    Fate(usize),
    Reaction(usize),
    /// Index into `session.commitments`.
    Status(usize),
    Road,
    Jump,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub pick: Pick,
    pub title: String,
    /// (label, hint)
    pub options: Vec<(String, String)>,
    /// Parallel to `options`: the tactic id, for tactic pickers.
    pub ids: Vec<Option<String>>,
    pub sel: usize,
    /// A free-text reason typed while the picker is open.
    pub reason: Option<Box<TextArea<'static>>>,
    pub reason_label: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandEdit {
    pub before: Band,
    /// true: the upper edge (limit of tolerance) is being moved.
    pub upper: bool,
}

#[derive(Debug, Clone)]
pub enum Mode {
    Browse,
    Form(Box<Form>),
    Picker(Box<Picker>),
    Band(BandEdit),
}

/// The inverse of one change, for undo.
#[derive(Debug, Clone, PartialEq)]
enum Undo {
    Added(ItemKind),
    Reading,
    Gadfly(usize, Box<Gadfly>),
    Status(usize, CommitmentStatus),
    Band(Band),
    Road(Option<Road>),
}

const UNDO_DEPTH: usize = 200;

/// A session being worked.
#[derive(Debug, Clone)]
pub struct Live {
    /// Shared with the saver thread; copied only if it is still writing.
    pub session: Arc<Session>,
    pub mode: Mode,
    pub timer: Timer,
    /// The kind of item shown in the main pane.
    pub kind: ItemKind,
    /// The selected item per kind (index into that kind's list).
    pub sel: [usize; 9],
    undo: Vec<Undo>,
}

#[derive(Debug, Clone)]
pub struct Flow {
    /// The time of the latest input; screens draw clocks from it.
    pub now: Timestamp,
    pub start: Start,
    pub live: Option<Live>,
    pub help: bool,
    pub notice: Option<Notice>,
    pub save: SaveState,
    pub size: (u16, u16),
}

fn kind_index(kind: ItemKind) -> usize {
    ItemKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

impl Live {
    fn new(session: Session, now: Timestamp) -> Live {
        let mut live = Live {
            session: Arc::new(session),
            mode: Mode::Browse,
            timer: Timer {
                since: now,
                paused: false,
            },
            kind: ItemKind::Note,
            sel: [0; 9],
            undo: Vec::new(),
        };
        for k in ItemKind::ALL {
            live.sel[kind_index(k)] = live.session.count(k).saturating_sub(1);
        }
        live.enter(now);
        live
    }

    pub fn s(&self) -> &Session {
        &self.session
    }

    fn s_mut(&mut self, now: Timestamp) -> &mut Session {
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
        for k in ItemKind::ALL {
            if !out.contains(&k) {
                out.push(k);
            }
        }
        out
    }

    pub fn selected(&self) -> usize {
        self.sel[kind_index(self.kind)]
    }

    /// Seconds spent at the current checkpoint, the running part included.
    pub fn spent_secs(&self, now: Timestamp) -> u64 {
        let stored = self.session.progress.checkpoints[self.session.progress.current].spent_secs;
        stored + self.running_secs(now)
    }

    fn running_secs(&self, now: Timestamp) -> u64 {
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
        total - self.spent_secs(now) as i64
    }

    /// Write the running time into the session.
    fn commit_time(&mut self, now: Timestamp) {
        let secs = self.running_secs(now);
        self.timer.since = now;
        if secs > 0 {
            let cur = self.session.progress.current;
            self.s_mut(now).progress.checkpoints[cur].spent_secs += secs;
        }
    }

    /// Arrive at the current checkpoint.
    fn enter(&mut self, now: Timestamp) {
        self.timer = Timer {
            since: now,
            paused: false,
        };
        let cur = self.session.progress.current;
        let p = &self.session.progress.checkpoints[cur];
        if p.status != Status::Visited || p.first_visit.is_none() {
            let s = self.s_mut(now);
            let p = &mut s.progress.checkpoints[cur];
            p.status = Status::Visited;
            p.first_visit.get_or_insert(now);
        }
        self.kind = self
            .checkpoint()
            .collects
            .first()
            .copied()
            .unwrap_or(ItemKind::Note);
    }

    fn go_to(&mut self, index: usize, now: Timestamp) {
        self.commit_time(now);
        self.s_mut(now).progress.current = index;
        self.enter(now);
    }

    fn push_undo(&mut self, u: Undo) {
        if self.undo.len() >= UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(u);
    }

    fn add(&mut self, item: NewItem, now: Timestamp) {
        let kind;
        {
            let s = self.s_mut(now);
            kind = match item {
                NewItem::Gadfly(x) => {
                    s.gadflies.push(x);
                    ItemKind::Gadfly
                }
                NewItem::Fact(x) => {
                    s.facts.push(x);
                    ItemKind::Fact
                }
                NewItem::Split(x) => {
                    s.splits.push(x);
                    ItemKind::Split
                }
                NewItem::Polarity(x) => {
                    s.polarities.push(x);
                    ItemKind::Polarity
                }
                NewItem::Faction(x) => {
                    s.factions.push(x);
                    ItemKind::Faction
                }
                NewItem::Assumption(x) => {
                    s.assumptions.push(x);
                    ItemKind::Assumption
                }
                NewItem::Avoidance(x) => {
                    s.avoidance.push(x);
                    ItemKind::Avoidance
                }
                NewItem::Commitment(x) => {
                    s.commitments.push(x);
                    ItemKind::Commitment
                }
                NewItem::Note(x) => {
                    s.notes.push(x);
                    ItemKind::Note
                }
            };
        }
        self.kind = kind;
        self.sel[kind_index(kind)] = self.session.count(kind).saturating_sub(1);
        self.push_undo(Undo::Added(kind));
    }

    /// Record a reading after a move; returns true when it may have silenced a gadfly.
    fn record_reading(
        &mut self,
        mv: Move,
        tactic: Option<String>,
        reason: String,
        now: Timestamp,
    ) -> bool {
        let level = self.session.level();
        let level = match mv {
            Move::Raise => (level + 1).min(SCALE_MAX),
            Move::Lower => level.saturating_sub(1),
            Move::Hold => level,
        };
        let after_gadfly = match mv {
            Move::Lower => self.session.gadflies.last().and_then(|g| {
                let age = (now - g.at).num_seconds();
                (0..=SILENCING_WINDOW_SECS).contains(&age).then_some(g.id)
            }),
            _ => None,
        };
        let checkpoint = self.checkpoint().id.clone();
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
            move_: mv,
            tactic,
            reason,
            after_gadfly,
        });
        self.push_undo(Undo::Reading);
        after_gadfly.is_some()
    }

    /// Quitting with a complete form open keeps the item rather than
    /// dropping what was typed. An incomplete one cannot be stored.
    fn keep_draft(&mut self, now: Timestamp) {
        let Mode::Form(form) = &self.mode else {
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
        if let Ok(item) = form::build(form, kind, stamp) {
            self.s_mut(now).take_id();
            self.add(item, now);
        }
        self.mode = Mode::Browse;
    }

    fn undo(&mut self, now: Timestamp) -> Option<String> {
        let u = self.undo.pop()?;
        let s = self.s_mut(now);
        let what = match u {
            Undo::Added(kind) => {
                match kind {
                    ItemKind::Gadfly => drop(s.gadflies.pop()),
                    ItemKind::Fact => drop(s.facts.pop()),
                    ItemKind::Split => drop(s.splits.pop()),
                    ItemKind::Polarity => drop(s.polarities.pop()),
                    ItemKind::Faction => drop(s.factions.pop()),
                    ItemKind::Assumption => drop(s.assumptions.pop()),
                    ItemKind::Avoidance => drop(s.avoidance.pop()),
                    ItemKind::Commitment => drop(s.commitments.pop()),
                    ItemKind::Note => drop(s.notes.pop()),
                }
                let n = s.count(kind);
                let i = kind_index(kind);
                self.sel[i] = self.sel[i].min(n.saturating_sub(1));
                format!("undone: new {}", kind.label())
            }
            Undo::Reading => {
                s.readings.pop();
                "undone: the last reading".to_string()
            }
            Undo::Gadfly(i, old) => {
                if let Some(g) = s.gadflies.get_mut(i) {
                    *g = *old;
                }
                "undone: the change to a gadfly idea".to_string()
            }
            Undo::Status(i, old) => {
                if let Some(c) = s.commitments.get_mut(i) {
                    c.status = old;
                }
                "undone: the commitment's status".to_string()
            }
            Undo::Band(old) => {
                s.band = old;
                "undone: the band change".to_string()
            }
            Undo::Road(old) => {
                s.road = old;
                "undone: the road".to_string()
            }
        };
        Some(what)
    }
}

fn info(text: impl Into<String>) -> Option<Notice> {
    Some(Notice {
        text: text.into(),
        tone: Tone::Info,
    })
}

fn error(text: impl Into<String>) -> Option<Notice> {
    Some(Notice {
        text: text.into(),
        tone: Tone::Error,
    })
}

impl Flow {
    /// The start screen, listing recent session files (newest first).
    pub fn start(recent: Vec<PathBuf>, now: Timestamp) -> Flow {
        Flow {
            now,
            start: Start {
                form: Form::new_session(),
                recent,
                sel: 0,
                focus: StartFocus::Form,
            },
            live: None,
            help: false,
            notice: None,
            save: SaveState::NotYet,
            size: (100, 30),
        }
    }

    /// Straight into a session (new or resumed).
    pub fn live(session: Session, now: Timestamp) -> Flow {
        let mut f = Flow::start(Vec::new(), now);
        f.begin(session, now);
        f
    }

    /// The app created or loaded a session for the start screen.
    pub fn begin(&mut self, session: Session, now: Timestamp) {
        self.now = now;
        self.live = Some(Live::new(session, now));
        self.notice = None;
    }

    /// The start screen's request failed (unreadable template, file error).
    pub fn start_failed(&mut self, message: impl Into<String>) {
        self.notice = error(message);
    }

    pub fn saved(&mut self, at: Timestamp) {
        self.save = SaveState::Saved(at);
    }

    pub fn save_failed(&mut self, message: impl Into<String>) {
        self.save = SaveState::Failed {
            message: message.into(),
        };
    }

    pub fn session(&self) -> Option<&Arc<Session>> {
        self.live.as_ref().map(|l| &l.session)
    }

    /// Which keymap rows apply now.
    pub fn ctx(&self) -> Ctx {
        if self.help {
            return Ctx::Help;
        }
        self.base_ctx()
    }

    /// The context under the help overlay.
    pub fn base_ctx(&self) -> Ctx {
        match &self.live {
            None => Ctx::Start,
            Some(l) => match l.mode {
                Mode::Browse => Ctx::Browse,
                Mode::Form(_) => Ctx::Form,
                Mode::Picker(_) => Ctx::Picker,
                Mode::Band(_) => Ctx::Band,
            },
        }
    }

    pub fn handle(&mut self, input: Input, now: Timestamp) -> Vec<Effect> {
        self.now = now;
        match input {
            Input::Resize(w, h) => {
                self.size = (w, h);
                Vec::new()
            }
            Input::Tick => self.tick(now),
            Input::Stop => self.quit(now),
            Input::Paste(text) => self.paste(&text),
            Input::Key(ev) if ev.kind == KeyEventKind::Release => Vec::new(),
            Input::Key(ev) => self.key(ev, now),
        }
    }

    fn tick(&mut self, now: Timestamp) -> Vec<Effect> {
        let Some(live) = &mut self.live else {
            return Vec::new();
        };
        if !live.timer.paused && (now - live.timer.since).num_seconds() >= COMMIT_EVERY_SECS {
            live.commit_time(now);
            return vec![Effect::Save];
        }
        Vec::new()
    }

    fn paste(&mut self, text: &str) -> Vec<Effect> {
        let area = match &mut self.live {
            None => match &mut self.start.form.focused().value {
                Value::Text { area, multi } => Some((area, *multi)),
                _ => None,
            },
            Some(live) => match &mut live.mode {
                Mode::Form(f) => match &mut f.focused().value {
                    Value::Text { area, multi } => Some((area, *multi)),
                    _ => None,
                },
                Mode::Picker(p) => p.reason.as_mut().map(|a| (a, false)),
                _ => None,
            },
        };
        if let Some((area, multi)) = area
            && form::paste_into(area, multi, text)
        {
            self.notice = error(s::FIELD_FULL);
        }
        Vec::new()
    }

    fn key(&mut self, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
        let ctx = self.ctx();
        let action = keymap::action(ctx, &ev);
        if action == Some(Action::Quit) {
            return self.quit(now);
        }
        if self.help {
            if action == Some(Action::CloseHelp) {
                self.help = false;
            }
            return Vec::new();
        }
        if action == Some(Action::Help) {
            self.help = true;
            return Vec::new();
        }
        self.notice = None;
        match ctx {
            Ctx::Start => self.start_key(action, ev),
            Ctx::Browse => self.browse(action, now),
            Ctx::Form => self.form_key(action, ev, now),
            Ctx::Picker => self.picker_key(action, ev, now),
            Ctx::Band => self.band_key(action, now),
            Ctx::Help => Vec::new(),
        }
    }

    fn quit(&mut self, now: Timestamp) -> Vec<Effect> {
        match &mut self.live {
            Some(live) => {
                live.commit_time(now);
                live.keep_draft(now);
                vec![Effect::Save, Effect::Quit]
            }
            None => vec![Effect::Quit],
        }
    }

    fn start_key(&mut self, action: Option<Action>, ev: KeyEvent) -> Vec<Effect> {
        let st = &mut self.start;
        let last_field = st.form.fields.len() - 1;
        match (action, st.focus) {
            (Some(Action::FieldNext), StartFocus::Form) if st.form.focus < last_field => {
                st.form.move_focus(true)
            }
            (Some(Action::FieldNext), StartFocus::Form) => st.focus = StartFocus::Recent,
            (Some(Action::FieldNext), StartFocus::Recent) => st.focus = StartFocus::Review,
            (Some(Action::FieldNext), StartFocus::Review) => {
                st.focus = StartFocus::Form;
                st.form.focus = 0;
            }
            (Some(Action::FieldPrev), StartFocus::Form) if st.form.focus > 0 => {
                st.form.move_focus(false)
            }
            (Some(Action::FieldPrev), StartFocus::Form) => st.focus = StartFocus::Review,
            (Some(Action::FieldPrev), StartFocus::Recent) => {
                st.focus = StartFocus::Form;
                st.form.focus = last_field;
            }
            (Some(Action::FieldPrev), StartFocus::Review) => st.focus = StartFocus::Recent,
            (Some(Action::Up), StartFocus::Recent) => st.sel = st.sel.saturating_sub(1),
            (Some(Action::Down), StartFocus::Recent) => {
                st.sel = (st.sel + 1).min(st.recent.len().saturating_sub(1))
            }
            (Some(Action::ChoiceNext | Action::ChoicePrev), StartFocus::Form)
                if st.form.step_choice(action == Some(Action::ChoiceNext)) => {}
            (Some(Action::Accept), StartFocus::Form) => {
                let f = &st.form;
                let workshop = match f.choice("workshop") {
                    0 => WorkshopChoice::Builtin(Builtin::Default),
                    1 => WorkshopChoice::Builtin(Builtin::Solo),
                    _ => {
                        let path = f.text("template");
                        if path.is_empty() {
                            self.notice = error(s::TEMPLATE_PATH_NEEDED);
                            return Vec::new();
                        }
                        WorkshopChoice::File(PathBuf::from(path))
                    }
                };
                let title = match f.text("title") {
                    t if t.is_empty() => s::UNTITLED.to_string(),
                    t => t,
                };
                return vec![Effect::Create(NewSession {
                    title,
                    facilitator: f.text("facilitator"),
                    workshop,
                })];
            }
            (Some(Action::Accept), StartFocus::Recent) => {
                if let Some(p) = st.recent.get(st.sel) {
                    return vec![Effect::Open(p.clone())];
                }
            }
            (Some(Action::Accept), StartFocus::Review) => self.notice = info(s::TEMPLATE_NOT_READY),
            (_, StartFocus::Form) => {
                if let Some(n) = text_input(&mut st.form, ev) {
                    self.notice = n;
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn browse(&mut self, action: Option<Action>, now: Timestamp) -> Vec<Effect> {
        let Some(live) = &mut self.live else {
            return Vec::new();
        };
        let Some(action) = action else {
            return Vec::new();
        };
        let n_check = live.session.workshop.checkpoints.len();
        let cur = live.session.progress.current;
        let today = now.date_naive();
        let mode = live.session.meta.mode;
        let count = live.session.count(live.kind);
        let ki = kind_index(live.kind);
        match action {
            Action::Next => {
                if cur + 1 < n_check {
                    live.go_to(cur + 1, now);
                    return vec![Effect::Save];
                }
                self.notice = info(s::LAST_CHECKPOINT);
            }
            Action::Prev => {
                if cur > 0 {
                    live.go_to(cur - 1, now);
                    return vec![Effect::Save];
                }
                self.notice = info(s::FIRST_CHECKPOINT);
            }
            Action::Skip => {
                live.commit_time(now);
                live.s_mut(now).progress.checkpoints[cur].status = Status::Skipped;
                if cur + 1 < n_check {
                    live.s_mut(now).progress.current = cur + 1;
                    live.enter(now);
                }
                self.notice = info(s::SKIPPED);
                return vec![Effect::Save];
            }
            Action::Jump => {
                let options = live
                    .session
                    .workshop
                    .checkpoints
                    .iter()
                    .zip(&live.session.progress.checkpoints)
                    .enumerate()
                    .map(|(i, (c, p))| {
                        (
                            format!("{:>2}. {:<11} {}", i + 1, c.place.label(), c.title),
                            p.status.label().to_string(),
                        )
                    })
                    .collect::<Vec<_>>();
                live.mode = Mode::Picker(Box::new(Picker {
                    pick: Pick::Jump,
                    title: s::JUMP_TITLE.to_string(),
                    ids: vec![None; options.len()],
                    options,
                    sel: cur,
                    reason: None,
                    reason_label: "",
                }));
            }
            Action::Gadfly => {
                live.mode = Mode::Form(Box::new(Form::for_item(ItemKind::Gadfly, mode, today)))
            }
            Action::Add => live.mode = Mode::Form(Box::new(Form::for_item(live.kind, mode, today))),
            Action::Raise | Action::Lower | Action::Hold => {
                let mv = match action {
                    Action::Raise => Move::Raise,
                    Action::Lower => Move::Lower,
                    _ => Move::Hold,
                };
                let w = &live.session.workshop;
                let mut options: Vec<(String, String)> = w
                    .tactics_for(mv)
                    .map(|t| (t.name.clone(), t.hint.clone()))
                    .collect();
                let mut ids: Vec<Option<String>> =
                    w.tactics_for(mv).map(|t| Some(t.id.clone())).collect();
                options.push((s::NO_TACTIC.to_string(), String::new()));
                ids.push(None);
                let level = live.session.level();
                let to = match mv {
                    Move::Raise => (level + 1).min(SCALE_MAX),
                    Move::Lower => level.saturating_sub(1),
                    Move::Hold => level,
                };
                live.mode = Mode::Picker(Box::new(Picker {
                    pick: Pick::Tactic(mv),
                    title: format!(
                        "{} the heat: {level} → {to}. Which tactic?",
                        capital(mv.label())
                    ),
                    options,
                    ids,
                    sel: 0,
                    reason: Some(form::text_area("")),
                    reason_label: s::REASON,
                }));
            }
            Action::Band => {
                live.mode = Mode::Band(BandEdit {
                    before: live.session.band,
                    upper: false,
                })
            }
            Action::Pause => {
                live.commit_time(now);
                live.timer.paused = !live.timer.paused;
                self.notice = info(if live.timer.paused {
                    s::PAUSED
                } else {
                    s::RESUMED
                });
                return vec![Effect::Save];
            }
            Action::Extend1 | Action::Extend5 => {
                let mins = if action == Action::Extend1 { 1 } else { 5 };
                let p = &mut live.s_mut(now).progress.checkpoints[cur];
                p.extra_mins = p.extra_mins.saturating_add(mins).min(24 * 60);
                self.notice = info(format!("timebox extended by {mins} min"));
                return vec![Effect::Save];
            }
            Action::KindNext | Action::KindPrev => {
                let order = live.kind_order();
                let i = order.iter().position(|k| *k == live.kind).unwrap_or(0);
                let n = order.len();
                let j = if action == Action::KindNext {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                live.kind = order[j];
            }
            Action::Up => live.sel[ki] = live.sel[ki].saturating_sub(1),
            Action::Down => live.sel[ki] = (live.sel[ki] + 1).min(count.saturating_sub(1)),
            Action::PageUp => live.sel[ki] = live.sel[ki].saturating_sub(10),
            Action::PageDown => live.sel[ki] = (live.sel[ki] + 10).min(count.saturating_sub(1)),
            Action::First => live.sel[ki] = 0,
            Action::Last => live.sel[ki] = count.saturating_sub(1),
            Action::Fate | Action::Reaction => {
                if count == 0 {
                    self.notice = info(s::NOTHING_SELECTED);
                    return Vec::new();
                }
                let i = live.sel[ki].min(count - 1);
                let picker = match (action, live.kind) {
                    (Action::Fate, ItemKind::Gadfly) => {
                        let g = &live.session.gadflies[i];
                        let sel = match g.fate {
                            Fate::Parked => 0,
                            Fate::Exploring => 1,
                            Fate::Adopted => 2,
                            Fate::Declined(_) => 3,
                        };
                        let reason = match &g.fate {
                            Fate::Declined(r) => r.as_str(),
                            _ => "",
                        };
                        Picker {
                            pick: Pick::Fate(i),
                            title: format!("Fate of gadfly idea #{}", g.id),
                            options: s::FATES
                                .iter()
                                .map(|f| (f.to_string(), String::new()))
                                .collect(),
                            ids: vec![None; 4],
                            sel,
                            reason: Some(form::text_area(reason)),
                            reason_label: s::DECLINE_REASON,
                        }
                    }
                    (Action::Reaction, ItemKind::Gadfly) => {
                        let g = &live.session.gadflies[i];
                        Picker {
                            pick: Pick::Reaction(i),
                            title: format!("The room's reaction to gadfly idea #{}", g.id),
                            options: Reaction::ALL
                                .iter()
                                .map(|r| (r.label().to_string(), String::new()))
                                .collect(),
                            ids: vec![None; Reaction::ALL.len()],
                            sel: Reaction::ALL
                                .iter()
                                .position(|r| *r == g.reaction)
                                .unwrap_or(0),
                            reason: None,
                            reason_label: "",
                        }
                    }
                    (Action::Fate, ItemKind::Commitment) => {
                        let c = &live.session.commitments[i];
                        Picker {
                            pick: Pick::Status(i),
                            title: format!("Status of commitment #{}", c.id),
                            options: CommitmentStatus::ALL
                                .iter()
                                .map(|x| (x.label().to_string(), String::new()))
                                .collect(),
                            ids: vec![None; CommitmentStatus::ALL.len()],
                            sel: CommitmentStatus::ALL
                                .iter()
                                .position(|x| *x == c.status)
                                .unwrap_or(0),
                            reason: None,
                            reason_label: "",
                        }
                    }
                    (Action::Fate, _) => {
                        self.notice = info(s::NO_FATE);
                        return Vec::new();
                    }
                    _ => {
                        self.notice = info(s::ONLY_GADFLY);
                        return Vec::new();
                    }
                };
                live.mode = Mode::Picker(Box::new(picker));
            }
            Action::Road => {
                let sel = live
                    .session
                    .road
                    .and_then(|r| Road::ALL.iter().position(|x| *x == r))
                    .unwrap_or(0);
                live.mode = Mode::Picker(Box::new(Picker {
                    pick: Pick::Road,
                    title: s::ROAD_TITLE.to_string(),
                    options: Road::ALL
                        .iter()
                        .map(|r| (r.label().to_string(), String::new()))
                        .collect(),
                    ids: vec![None; Road::ALL.len()],
                    sel,
                    reason: None,
                    reason_label: "",
                }));
            }
            Action::Undo => match live.undo(now) {
                Some(what) => {
                    self.notice = info(what);
                    return vec![Effect::Save];
                }
                None => self.notice = info(s::NOTHING_TO_UNDO),
            },
            _ => {}
        }
        Vec::new()
    }

    fn form_key(&mut self, action: Option<Action>, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
        let Some(live) = &mut self.live else {
            return Vec::new();
        };
        let checkpoint = live.checkpoint().id.clone();
        let next_id = live.session.next_id;
        let Mode::Form(form) = &mut live.mode else {
            return Vec::new();
        };
        match action {
            Some(Action::Cancel) => live.mode = Mode::Browse,
            Some(Action::FieldNext) => form.move_focus(true),
            Some(Action::FieldPrev) => form.move_focus(false),
            Some(Action::ChoiceNext | Action::ChoicePrev)
                if form.step_choice(action == Some(Action::ChoiceNext)) => {}
            Some(Action::Newline) => {
                if let Value::Text { area, multi: true } = &mut form.focused().value
                    && form::char_count(area) < MAX_TEXT_CHARS
                {
                    area.insert_newline();
                }
            }
            Some(Action::Accept) => {
                let Purpose::Item(kind) = form.purpose else {
                    return Vec::new();
                };
                if kind == ItemKind::Commitment {
                    let owner = form.text("owner");
                    if !owner.is_empty() && owner_is_group(&owner) && !form.confirmed_warning {
                        form.confirmed_warning = true;
                        form.error = Some(format!("\"{owner}\" {}", s::GROUP_OWNER));
                        return Vec::new();
                    }
                }
                let stamp = Stamp {
                    id: next_id,
                    at: now,
                    checkpoint,
                };
                match form::build(form, kind, stamp) {
                    Ok(item) => {
                        live.s_mut(now).take_id();
                        live.add(item, now);
                        live.mode = Mode::Browse;
                        self.notice = info(format!("{} saved", capital(kind.label())));
                        return vec![Effect::Save];
                    }
                    Err(e) => form.error = Some(e),
                }
            }
            _ => {
                // Editing the owner again re-arms the group warning.
                if form
                    .fields
                    .get(form.focus)
                    .is_some_and(|f| f.key == "owner")
                {
                    form.confirmed_warning = false;
                }
                if let Some(n) = text_input(form, ev) {
                    self.notice = n;
                }
            }
        }
        Vec::new()
    }

    fn picker_key(&mut self, action: Option<Action>, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
        let Some(live) = &mut self.live else {
            return Vec::new();
        };
        let Mode::Picker(p) = &mut live.mode else {
            return Vec::new();
        };
        let n = p.options.len().max(1);
        match action {
            Some(Action::Cancel) => live.mode = Mode::Browse,
            Some(Action::Up) => p.sel = p.sel.saturating_sub(1),
            Some(Action::Down) => p.sel = (p.sel + 1).min(n - 1),
            Some(Action::Accept) => {
                let p = p.clone();
                let reason = p
                    .reason
                    .as_ref()
                    .map(|a| a.lines().join(" ").trim().to_string())
                    .unwrap_or_default();
                match p.pick {
                    Pick::Tactic(mv) => {
                        let tactic = p.ids.get(p.sel).cloned().flatten();
                        live.mode = Mode::Browse;
                        if live.record_reading(mv, tactic, reason, now) {
                            self.notice = Some(Notice {
                                text: s::SILENCING.to_string(),
                                tone: Tone::Quiet,
                            });
                        }
                        return vec![Effect::Save];
                    }
                    Pick::Fate(i) => {
                        let fate = match p.sel {
                            0 => Fate::Parked,
                            1 => Fate::Exploring,
                            2 => Fate::Adopted,
                            _ if reason.is_empty() => {
                                self.notice = error(s::DECLINE_NEEDS_REASON);
                                return Vec::new();
                            }
                            _ => Fate::Declined(reason),
                        };
                        live.mode = Mode::Browse;
                        if let Some(old) = live.session.gadflies.get(i).cloned()
                            && old.fate != fate
                        {
                            live.s_mut(now).gadflies[i].fate = fate;
                            live.push_undo(Undo::Gadfly(i, Box::new(old)));
                            return vec![Effect::Save];
                        }
                    }
                    Pick::Reaction(i) => {
                        live.mode = Mode::Browse;
                        let reaction = Reaction::ALL[p.sel % Reaction::ALL.len()];
                        if let Some(old) = live.session.gadflies.get(i).cloned()
                            && old.reaction != reaction
                        {
                            live.s_mut(now).gadflies[i].reaction = reaction;
                            live.push_undo(Undo::Gadfly(i, Box::new(old)));
                            return vec![Effect::Save];
                        }
                    }
                    Pick::Status(i) => {
                        live.mode = Mode::Browse;
                        let status = CommitmentStatus::ALL[p.sel % CommitmentStatus::ALL.len()];
                        if let Some(old) = live.session.commitments.get(i).map(|c| c.status)
                            && old != status
                        {
                            live.s_mut(now).commitments[i].status = status;
                            live.push_undo(Undo::Status(i, old));
                            return vec![Effect::Save];
                        }
                    }
                    Pick::Road => {
                        live.mode = Mode::Browse;
                        let road = Some(Road::ALL[p.sel % Road::ALL.len()]);
                        let old = live.session.road;
                        if old != road {
                            live.s_mut(now).road = road;
                            live.push_undo(Undo::Road(old));
                            return vec![Effect::Save];
                        }
                    }
                    Pick::Jump => {
                        live.mode = Mode::Browse;
                        let target = p.sel.min(live.session.workshop.checkpoints.len() - 1);
                        if target != live.session.progress.current {
                            live.go_to(target, now);
                            return vec![Effect::Save];
                        }
                    }
                }
            }
            _ => {
                if let Some(area) = p.reason.as_mut() {
                    if form::char_count(area) >= MAX_TEXT_CHARS && is_insert(&ev) {
                        self.notice = error(s::FIELD_FULL);
                    } else {
                        area.input(ev);
                        if area.lines().len() > 1 {
                            let one = area.lines().join(" ");
                            **area = *form::text_area(&one);
                        }
                    }
                }
            }
        }
        Vec::new()
    }

    fn band_key(&mut self, action: Option<Action>, now: Timestamp) -> Vec<Effect> {
        let Some(live) = &mut self.live else {
            return Vec::new();
        };
        let Mode::Band(edit) = &mut live.mode else {
            return Vec::new();
        };
        let edit = *edit;
        let mut band = live.session.band;
        match action {
            Some(Action::EdgeSwitch) => {
                live.mode = Mode::Band(BandEdit {
                    upper: !edit.upper,
                    ..edit
                })
            }
            Some(Action::EdgeUp | Action::EdgeDown) => {
                let up = action == Some(Action::EdgeUp);
                if edit.upper {
                    band.high = if up {
                        (band.high + 1).min(SCALE_MAX)
                    } else {
                        band.high.saturating_sub(1).max(band.low)
                    };
                } else {
                    band.low = if up {
                        (band.low + 1).min(band.high)
                    } else {
                        band.low.saturating_sub(1)
                    };
                }
                if band != live.session.band {
                    live.s_mut(now).band = band;
                }
            }
            Some(Action::Accept) => {
                live.mode = Mode::Browse;
                if band != edit.before {
                    live.push_undo(Undo::Band(edit.before));
                    self.notice = info(format!("productive band now {}..{}", band.low, band.high));
                    return vec![Effect::Save];
                }
            }
            Some(Action::Cancel) => {
                live.mode = Mode::Browse;
                if band != edit.before {
                    live.s_mut(now).band = edit.before;
                }
            }
            _ => {}
        }
        Vec::new()
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Whether a key would add text.
fn is_insert(ev: &KeyEvent) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    matches!(ev.code, KeyCode::Char(_) | KeyCode::Tab | KeyCode::Enter)
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// A key typed into the focused text field of a form. Returns a notice to
/// show, if any.
fn text_input(form: &mut Form, ev: KeyEvent) -> Option<Option<Notice>> {
    let Value::Text { area, multi } = &mut form.focused().value else {
        return None;
    };
    if form::char_count(area) >= MAX_TEXT_CHARS && is_insert(&ev) {
        return Some(error(s::FIELD_FULL));
    }
    area.input(ev);
    if !*multi && area.lines().len() > 1 {
        let one = area.lines().join(" ");
        *area = form::text_area(&one);
    }
    form.error = None;
    None
}
