//! The workshop flow as a pure state machine: input and the time in, new
//! state and effects out. No terminal, no files, no clock: the app loop does
//! the IO, the tests drive this directly.

pub mod form;
pub mod join;
mod live;
mod pickers;
pub mod review;
mod room;
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
use form::{Form, Purpose, Stamp, Value};
pub use live::{Live, Timer};
use live::{Undo, kind_index};
pub use review::{Review, Sort, View};
pub use room::Room;

/// A lowered heat this soon after a gadfly idea counts as a possible silencing.
pub const SILENCING_WINDOW_SECS: i64 = 5 * 60;
/// Time spent is written to the session at least this often while running.
pub const COMMIT_EVERY_SECS: i64 = 30;

#[derive(Debug, Clone)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    Tick,
    /// SIGTERM or SIGHUP: write everything and leave.
    Stop,
    /// What participants sent through the join page since the last look.
    Join(Vec<join::Arrival>),
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
    /// Start the join page's server; answer with `join_opened` or `join_failed`.
    OpenJoin,
    /// Stop the join page's server: its code is no longer valid.
    CloseJoin,
    /// The start screen asks to review the sessions folder.
    Review,
    /// Review asks for this session, to view it.
    ReviewOpen(PathBuf),
    /// Review asks for these sessions, to compare them.
    ReviewCompare(Vec<PathBuf>),
    /// Look for review's filter in the text of every session's items.
    ReviewSearch(String),
    /// Start a follow-up of this session.
    FollowUp(PathBuf),
    /// Write this session as Markdown and HTML into the folder's exports.
    Export(PathBuf),
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

/// What a picker is choosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Tactic(Move),
    /// Index into `session.gadflies`.
    Fate(usize),
    Reaction(usize),
    /// Index into `session.commitments`.
    Status(usize),
    /// Index into `session.polarities`: which early-warning sign was seen.
    Fired(usize),
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

#[derive(Debug, Clone)]
pub struct Flow {
    /// The time of the latest input; screens draw clocks from it.
    pub now: Timestamp,
    pub start: Start,
    pub live: Option<Live>,
    pub help: bool,
    /// The first help row shown when the list does not fit.
    pub help_scroll: usize,
    pub notice: Option<Notice>,
    pub save: SaveState,
    pub size: (u16, u16),
    /// The projector view is shown instead of the facilitator's screen.
    pub projector: bool,
    /// Whether the room sees the screen, a blank or a frozen view.
    pub room: Room,
    /// A small preview of the room's view on the facilitator's screen.
    pub preview: bool,
    /// The join page for participants' phones, and its moderation queue.
    pub join: join::JoinView,
    /// Reviewing past sessions (when no session is live).
    pub review: Option<Box<Review>>,
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
            help_scroll: 0,
            notice: None,
            save: SaveState::NotYet,
            size: (100, 30),
            projector: false,
            room: Room::Shown,
            preview: false,
            join: join::JoinView::default(),
            review: None,
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
        let mut live = Live::new(session, now);
        live.sync_clock(now, true);
        self.live = Some(live);
        self.review = None;
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
        if let (None, Some(r)) = (&self.live, &self.review) {
            return r.ctx();
        }
        match &self.live {
            None => Ctx::Start,
            Some(l) => match l.mode {
                Mode::Browse if self.join.queue.is_some() => Ctx::Queue,
                Mode::Browse => Ctx::Browse,
                Mode::Form(_) => Ctx::Form,
                Mode::Picker(_) => Ctx::Picker,
                Mode::Band(_) => Ctx::Band,
            },
        }
    }

    pub fn handle(&mut self, input: Input, now: Timestamp) -> Vec<Effect> {
        let effects = self.dispatch(input, now);
        if let Some(live) = &mut self.live
            && effects.contains(&Effect::Save)
        {
            live.sync_clock(now, !effects.contains(&Effect::Quit));
        }
        effects
    }

    /// A warning to show at once (a broken config file, say).
    pub fn warn(&mut self, message: impl Into<String>) {
        self.notice = error(message);
    }

    fn dispatch(&mut self, input: Input, now: Timestamp) -> Vec<Effect> {
        self.now = now;
        match input {
            Input::Resize(w, h) => {
                self.size = (w, h);
                Vec::new()
            }
            Input::Tick => self.tick(now),
            Input::Stop => self.quit(now),
            Input::Join(list) => self.arrivals(list, now),
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
        if self.live.is_none() && self.review.is_some() {
            if !self.help {
                self.review_paste(text);
            }
            return Vec::new();
        }
        if self.help || (self.live.is_none() && self.start.focus != StartFocus::Form) {
            return Vec::new();
        }
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
            match action {
                Some(Action::CloseHelp) => self.help = false,
                Some(Action::Up) => self.help_scroll = self.help_scroll.saturating_sub(1),
                // The overlay clamps it to what there is to show.
                Some(Action::Down) => {
                    self.help_scroll = self.help_scroll.saturating_add(1).min(200)
                }
                _ => {}
            }
            return Vec::new();
        }
        if action == Some(Action::Help) {
            self.help = true;
            self.help_scroll = 0;
            return Vec::new();
        }
        self.notice = None;
        match ctx {
            Ctx::Start => self.start_key(action, ev),
            Ctx::Browse => self.browse(action, now),
            Ctx::Form => self.form_key(action, ev, now),
            Ctx::Picker => self.picker_key(action, ev, now),
            Ctx::Band => {
                // Any other key of the checkpoint screen keeps the band and goes on.
                let browse = keymap::action(Ctx::Browse, &ev);
                if action.is_none() && browse.is_some() {
                    let mut effects = self.band_key(Some(Action::Accept), now);
                    effects.extend(self.browse(browse, now));
                    effects.dedup();
                    return effects;
                }
                self.band_key(action, now)
            }
            Ctx::Queue => self.queue_key(action, now),
            Ctx::Review | Ctx::ReviewFilter | Ctx::ReviewView | Ctx::ReviewCompare => {
                self.review_key(ctx, action, ev)
            }
            Ctx::Help | Ctx::Present => Vec::new(),
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
            (Some(Action::Accept), StartFocus::Review) => return vec![Effect::Review],
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
        if let Some(a @ (Action::JoinOpen | Action::JoinClose | Action::Queue)) = action {
            return self.join_key(a);
        }
        if let Some(a @ (Action::Projector | Action::Blank | Action::Freeze | Action::Preview)) =
            action
        {
            self.room_key(a, now);
            return Vec::new();
        }
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
            Action::Jump => live.mode = Mode::Picker(Box::new(Picker::jump(live.s()))),
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
                live.mode = Mode::Picker(Box::new(Picker::tactic(live.s(), mv)));
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
                self.notice = info(s::extended(mins));
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
                let ses = live.s();
                let picker = match (action, live.kind) {
                    (Action::Fate, ItemKind::Gadfly) => Picker::fate(&ses.gadflies[i], i),
                    (Action::Reaction, ItemKind::Gadfly) => Picker::reaction(&ses.gadflies[i], i),
                    (Action::Fate, ItemKind::Commitment) => Picker::status(&ses.commitments[i], i),
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
            Action::Road => live.mode = Mode::Picker(Box::new(Picker::road(live.s()))),
            Action::Fired => {
                if live.kind != ItemKind::Polarity || count == 0 {
                    self.notice = info(s::ONLY_POLARITY);
                    return Vec::new();
                }
                let i = live.sel[ki].min(count - 1);
                let p = &live.s().polarities[i];
                if p.warnings.is_empty() {
                    self.notice = info(s::NO_SIGNS);
                    return Vec::new();
                }
                live.mode = Mode::Picker(Box::new(Picker::fired(p, i)));
            }
            Action::Edit => {
                if count == 0 {
                    self.notice = info(s::NOTHING_SELECTED);
                    return Vec::new();
                }
                let i = live.sel[ki].min(count - 1);
                let form = Form::from_item(live.s(), live.kind, i, today);
                live.mode = Mode::Form(Box::new(form));
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
                if let Some((i, stamp)) = form.editing.clone() {
                    match form::build(form, kind, stamp) {
                        Ok(item) => {
                            live.replace(kind, i, item, now);
                            live.mode = Mode::Browse;
                            self.notice = info(s::changed(kind.label()));
                            return vec![Effect::Save];
                        }
                        Err(e) => form.error = Some(e),
                    }
                    return Vec::new();
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
                        self.notice = info(s::saved_item(&capital(kind.label())));
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
                    self.notice = info(s::band_now(band.low, band.high));
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
