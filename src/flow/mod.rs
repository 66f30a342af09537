//! The workshop flow as a pure state machine: input and the time in, new
//! state and effects out. No terminal, no files, no clock: the app loop does
//! the IO, the tests drive this directly.

pub mod form;
pub mod frame;
pub mod join;
mod live;
mod observe;
mod pickers;
pub mod review;
mod room;
#[cfg(test)]
mod tests;
pub mod wall_layout;
pub mod wall_shapes;

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui_textarea::TextArea;

use crate::keymap::{Action, Ctx, Keymap};
use crate::session::validate::MAX_TEXT_CHARS;
use crate::session::*;
use crate::strings as s;
use crate::workshop::Builtin;
use form::{Form, Purpose, Stamp, Value};
use live::Undo;
pub use live::{Live, Timer};
pub use observe::ReadingPrompt;
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
    // What the outside world answered: to an effect asked for, or as the
    // app starts. None is written into the flow any other way.
    /// A session was created or opened, and is this process's to write;
    /// `projector`: shown in the projector view (never for a reflection).
    Began {
        session: Box<Session>,
        emergency: Option<PathBuf>,
        projector: bool,
    },
    /// The start screen's request failed (unreadable template, file error).
    StartFailed(String),
    Saved(Timestamp),
    /// Retried: the disk may come back.
    SaveFailed(String),
    /// Autosave stopped for good: the file changed under us.
    SaveStopped(String),
    /// The emergency copy could not be written: the question stays open.
    EmergencyFailed(String),
    /// The live session was exported (or could not be).
    Exported {
        text: String,
        failed: bool,
    },
    /// A warning to show at once (a broken config file, say).
    Warn(String),
    /// The join page's server started: participants can join at `url`.
    JoinOpened {
        url: String,
        place: join::JoinPlace,
    },
    /// The server could not start (the port is taken, say).
    JoinFailed(String),
    /// What the server says about the room, when it changed.
    JoinStatus(join::JoinCounts),
    /// The folder was read for review: asked for from the start screen,
    /// or the first screen (`balcony review`).
    ReviewShown {
        dir: PathBuf,
        rows: Vec<crate::review::Row>,
        from_start: bool,
    },
    /// Review reads these folders (the first is where exports go).
    ReviewFolders(Vec<PathBuf>),
    /// Items of the session open in review that earlier sessions raised.
    ReviewRecurring {
        path: PathBuf,
        recurring: Vec<crate::review::recurring::Recurrence>,
    },
    /// The session to view, loaded.
    ReviewLoaded {
        path: PathBuf,
        session: Result<Box<Session>, String>,
    },
    /// The marked sessions to compare, loaded.
    ReviewCompared(Vec<(PathBuf, Result<Session, String>)>),
    /// The items matching review's filter `query`.
    ReviewFound {
        query: String,
        hits: Vec<crate::review::index::Hit>,
    },
    /// Rows read in the background since the list was first shown.
    ReviewRows(Vec<(usize, crate::review::Row)>),
    /// Something to say after a review action the app carried out.
    ReviewSaid {
        text: String,
        failed: bool,
    },
    /// A follow-up session has begun: what it carried over.
    FollowUpStarted(String),
}

/// What the app loop must do after an input.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// The session changed: write the latest state.
    Save,
    Quit,
    /// Ctrl-Z: give the terminal back to the shell until `fg`.
    Suspend,
    /// The start screen asks for a new session.
    Create(NewSession),
    /// The start screen asks to resume this file.
    Open(PathBuf),
    /// Start the join page's server; answer with `join_opened` or `join_failed`.
    OpenJoin,
    /// Stop the join page's server: its code is no longer valid.
    CloseJoin,
    /// Open the join page again on the laptop's next address.
    MoveJoin,
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
    /// Write the whole session somewhere writable, then quit; answer a
    /// failure with `emergency_failed`.
    EmergencyCopy,
    /// Write the live session as Markdown and HTML into the folder's
    /// exports; answer with `exported`.
    ExportLive,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewSession {
    pub title: String,
    /// The challenge the session is about.
    pub context: String,
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
    /// Retried: the disk may come back.
    Failed {
        message: String,
    },
    /// Not retried: the file was changed by someone else.
    Stopped {
        message: String,
    },
}

impl SaveState {
    /// The latest change may not be on disk, and will not get there by itself.
    pub fn behind(&self) -> bool {
        matches!(self, SaveState::Failed { .. } | SaveState::Stopped { .. })
    }
}

/// Quitting was asked for while the latest changes are not on disk.
#[derive(Debug, Clone, PartialEq)]
pub enum QuitAsk {
    Asking,
    /// The emergency copy failed too: why.
    CopyFailed(String),
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
    /// What the list shows for each: its date and title.
    pub labels: Vec<String>,
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
    /// Where a piece of work of this kind (index into its list) stands.
    Status(ItemKind, usize),
    /// Which kind of work an adopted gadfly idea (index) becomes.
    ToWork(usize),
    /// Index into `session.polarities`: which early-warning sign was seen.
    Fired(usize),
    Road,
    Jump,
    /// The end of the workshop: export, quit or keep working.
    Close,
    /// Skipping the current checkpoint, with a reason if one is typed.
    Skip,
    /// Why the band was moved (the latest of `band_moves`).
    BandWhy,
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
    /// Lines to read above the options (the closing summary).
    pub info: Vec<String>,
    /// A raise: the readiness check just answered, recorded with it.
    pub readiness: Option<Readiness>,
    /// A raise while the issue is unripe: the reason is required.
    pub unripe: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandEdit {
    pub before: Band,
    /// true: the upper edge (limit of tolerance) is being moved.
    pub upper: bool,
}

/// What has the keys on the checkpoint screen.
#[derive(Debug, Clone)]
pub enum Focus {
    Browse,
    Form(Box<Form>),
    Picker(Box<Picker>),
    Band(BandEdit),
    /// "The room is at: _": a reading typed as a number.
    Reading(ReadingPrompt),
}

/// Which screen the flow is on. Each holds what only it needs.
#[derive(Debug, Clone)]
pub enum Screen {
    /// A new session, a recent one, or review: [`Flow::start`] holds it,
    /// kept while other screens are up.
    Start,
    /// A session being worked, checkpoint by checkpoint.
    Live(Box<Live>),
    /// Past sessions, read-only.
    Review(Box<Review>),
}

#[derive(Debug, Clone)]
pub struct Flow {
    /// The time of the latest input; screens draw clocks from it.
    pub now: Timestamp,
    pub start: Start,
    /// Which screen is up, with its state.
    pub screen: Screen,
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
    /// The room's wall cut into pages, kept between frames and keys.
    pub wall_pages: wall_layout::PageCache,
    /// Quitting waits for an answer: the latest changes are not on disk.
    pub quit_ask: Option<QuitAsk>,
    /// Where an emergency copy would be written (the app knows the folders).
    pub emergency: Option<PathBuf>,
    /// The keys in force, from the settings; the screens read them here.
    pub keymap: Arc<Keymap>,
    /// The last key was a quit that closed forms with typed words held
    /// back: the next quit goes.
    quit_armed: bool,
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
        Flow::start_titled(recent.into_iter().map(|p| (p, None)).collect(), now)
    }

    /// The start screen, listing recent session files (newest first) with
    /// their titles when known.
    pub fn start_titled(recent: Vec<(PathBuf, Option<String>)>, now: Timestamp) -> Flow {
        let labels = recent
            .iter()
            .map(|(p, t)| recent_label(p, t.clone()))
            .collect();
        Flow {
            now,
            start: Start {
                form: Form::new_session(),
                labels,
                recent: recent.into_iter().map(|(p, _)| p).collect(),
                sel: 0,
                focus: StartFocus::Form,
            },
            screen: Screen::Start,
            help: false,
            help_scroll: 0,
            notice: None,
            save: SaveState::NotYet,
            size: (100, 30),
            wall_pages: Default::default(),
            projector: false,
            room: Room::Shown,
            preview: false,
            join: join::JoinView::default(),
            quit_ask: None,
            quit_armed: false,
            emergency: None,
            keymap: Arc::default(),
        }
    }

    /// Dispatch with these keys (the settings' overrides over the table).
    pub fn with_keymap(mut self, keymap: Arc<Keymap>) -> Flow {
        self.keymap = keymap;
        self
    }

    /// Straight into a session (new or resumed).
    pub fn in_session(session: Session, now: Timestamp) -> Flow {
        let mut f = Flow::start(Vec::new(), now);
        f.begin(session, now);
        f
    }

    fn begin(&mut self, session: Session, now: Timestamp) {
        self.now = now;
        let mut live = Live::new(session, now);
        live.sync_clock(now, true);
        self.screen = Screen::Live(Box::new(live));
        self.notice = None;
    }

    /// The start screen's request failed (unreadable template, file error).
    fn start_failed(&mut self, message: impl Into<String>) {
        self.notice = error(message);
    }

    fn saved(&mut self, at: Timestamp) {
        self.save = SaveState::Saved(at);
        if self.quit_ask.take().is_some() {
            self.notice = info(s::saved_now(
                &self.keymap.first_key(self.ctx(), Action::Quit),
            ));
        }
    }

    fn save_failed(&mut self, message: impl Into<String>) {
        self.save = SaveState::Failed {
            message: message.into(),
        };
        self.drop_good_news();
    }

    /// Autosave stopped for good: the file changed under us.
    fn save_stopped(&mut self, message: impl Into<String>) {
        self.save = SaveState::Stopped {
            message: message.into(),
        };
        self.drop_good_news();
    }

    /// "Idea saved", said a moment before its save failed, must not stay:
    /// the failure takes its place.
    fn drop_good_news(&mut self) {
        if self.notice.as_ref().is_some_and(|n| n.tone == Tone::Info) {
            self.notice = None;
        }
    }

    /// The emergency copy could not be written: the question stays open.
    fn emergency_failed(&mut self, message: impl Into<String>) {
        self.quit_ask = Some(QuitAsk::CopyFailed(message.into()));
    }

    /// The session being worked, when that screen is up.
    pub fn live(&self) -> Option<&Live> {
        match &self.screen {
            Screen::Live(live) => Some(live),
            _ => None,
        }
    }

    /// Review, when that screen is up.
    pub fn review(&self) -> Option<&Review> {
        match &self.screen {
            Screen::Review(r) => Some(r),
            _ => None,
        }
    }

    pub fn session(&self) -> Option<&Arc<Session>> {
        self.live().map(|l| &l.session)
    }

    /// A solo reflection is open: private, no room.
    pub fn solo(&self) -> bool {
        self.session()
            .is_some_and(|s| s.meta.mode == crate::session::Mode::Solo)
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
        if self.quit_ask.is_some() {
            return Ctx::Unsaved;
        }
        match &self.screen {
            Screen::Start => Ctx::Start,
            Screen::Review(r) => r.ctx(),
            Screen::Live(l) => match l.mode {
                Focus::Browse if self.join.queue.is_some() => Ctx::Queue,
                Focus::Browse => Ctx::Browse,
                Focus::Form(ref f) => f.ctx(),
                Focus::Picker(_) => Ctx::Picker,
                Focus::Band(_) => Ctx::Band,
                Focus::Reading(_) => Ctx::Reading,
            },
        }
    }

    pub fn handle(&mut self, input: Input, now: Timestamp) -> Vec<Effect> {
        let effects = self.dispatch(input, now);
        if let Screen::Live(live) = &mut self.screen
            && effects.contains(&Effect::Save)
        {
            live.sync_clock(now, !effects.contains(&Effect::Quit));
        }
        effects
    }

    /// The live session was exported (or could not be).
    fn exported(&mut self, text: impl Into<String>, failed: bool) {
        self.notice = if failed { error(text) } else { info(text) };
    }

    /// A warning to show at once (a broken config file, say).
    fn warn(&mut self, message: impl Into<String>) {
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
            Input::Stop => self.quit(now, false),
            Input::Join(list) => self.arrivals(list, now),
            Input::Paste(text) => self.paste(&text),
            Input::Key(ev) if ev.kind == KeyEventKind::Release => Vec::new(),
            Input::Key(ev) => self.key(ev, now),
            Input::Began {
                session,
                emergency,
                projector,
            } => {
                self.begin(*session, now);
                self.emergency = emergency;
                self.projector = projector && !self.solo();
                Vec::new()
            }
            Input::StartFailed(m) => {
                self.start_failed(m);
                Vec::new()
            }
            Input::Saved(at) => {
                self.saved(at);
                Vec::new()
            }
            Input::SaveFailed(m) => {
                self.save_failed(m);
                Vec::new()
            }
            Input::SaveStopped(m) => {
                self.save_stopped(m);
                Vec::new()
            }
            Input::EmergencyFailed(m) => {
                self.emergency_failed(m);
                Vec::new()
            }
            Input::Exported { text, failed } => {
                self.exported(text, failed);
                Vec::new()
            }
            Input::Warn(m) => {
                self.warn(m);
                Vec::new()
            }
            Input::JoinOpened { url, place } => {
                self.join_opened(url, place);
                Vec::new()
            }
            Input::JoinFailed(m) => {
                self.join_failed(m);
                Vec::new()
            }
            Input::JoinStatus(counts) => {
                self.join_status(counts, now);
                Vec::new()
            }
            Input::ReviewShown {
                dir,
                rows,
                from_start,
            } => {
                self.show_review(dir, rows, from_start);
                Vec::new()
            }
            Input::ReviewFolders(folders) => {
                self.review_folders(folders);
                Vec::new()
            }
            Input::ReviewRecurring { path, recurring } => {
                self.review_recurring(&path, recurring);
                Vec::new()
            }
            Input::ReviewLoaded { path, session } => {
                self.review_loaded(path, session.map(|s| *s));
                Vec::new()
            }
            Input::ReviewCompared(loaded) => {
                self.review_compared(loaded);
                Vec::new()
            }
            Input::ReviewFound { query, hits } => {
                self.review_found(&query, hits);
                Vec::new()
            }
            Input::ReviewRows(batch) => {
                self.review_update(batch);
                Vec::new()
            }
            Input::ReviewSaid { text, failed } => {
                self.review_said(text, failed);
                Vec::new()
            }
            Input::FollowUpStarted(text) => {
                self.follow_up_started(text);
                Vec::new()
            }
        }
    }

    fn tick(&mut self, now: Timestamp) -> Vec<Effect> {
        let Screen::Live(live) = &mut self.screen else {
            return Vec::new();
        };
        if !live.timer.paused && (now - live.timer.since).num_seconds() >= COMMIT_EVERY_SECS {
            live.commit_time(now);
            return vec![Effect::Save];
        }
        Vec::new()
    }

    fn paste(&mut self, text: &str) -> Vec<Effect> {
        if let Screen::Review(_) = self.screen {
            if !self.help {
                self.review_paste(text);
            }
            return Vec::new();
        }
        if self.help
            || (matches!(self.screen, Screen::Start) && self.start.focus != StartFocus::Form)
        {
            return Vec::new();
        }
        let area = match &mut self.screen {
            Screen::Start => match &mut self.start.form.focused().value {
                Value::Text { area, multi } => Some((area, *multi)),
                _ => None,
            },
            Screen::Review(_) => None,
            Screen::Live(live) => match &mut live.mode {
                Focus::Form(f) => match &mut f.focused().value {
                    Value::Text { area, multi } => Some((area, *multi)),
                    _ => None,
                },
                Focus::Picker(p) => p.reason.as_mut().map(|a| (a, false)),
                _ => None,
            },
        };
        if let Some((area, multi)) = area
            && form::paste_into(area, multi, text)
        {
            self.notice = error(s::FIELD_FULL);
        }
        if let Screen::Live(live) = &mut self.screen
            && let Focus::Form(f) = &mut live.mode
        {
            f.touched = true;
        }
        Vec::new()
    }

    fn key(&mut self, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
        let ctx = self.ctx();
        let action = self.keymap.action(ctx, &ev);
        let armed = std::mem::take(&mut self.quit_armed);
        if action == Some(Action::Quit) {
            if !armed && self.held_back_drafts(ctx) {
                return Vec::new();
            }
            return self.quit(now, true);
        }
        if action == Some(Action::Suspend) {
            return vec![Effect::Suspend];
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
            Ctx::Form | Ctx::Readiness => self.form_key(action, ev, now),
            Ctx::Picker => self.picker_key(action, ev, now),
            Ctx::Band => {
                // Any other key of the checkpoint screen keeps the band and goes on.
                let browse = self.keymap.action(Ctx::Browse, &ev);
                if action.is_none() && browse.is_some() {
                    let mut effects = self.band_key(Some(Action::Accept), now);
                    // Going on without Enter: the move is kept without a reason.
                    if let Screen::Live(live) = &mut self.screen {
                        live.mode = Focus::Browse;
                    }
                    effects.extend(self.browse(browse, now));
                    effects.dedup();
                    return effects;
                }
                self.band_key(action, now)
            }
            Ctx::Queue => self.queue_key(action, now),
            Ctx::Reading => self.reading_key(action, ev, now),
            Ctx::Review | Ctx::ReviewFilter | Ctx::ReviewView | Ctx::ReviewCompare => {
                self.review_key(ctx, action, ev)
            }
            Ctx::Unsaved => self.unsaved_key(action),
            Ctx::Help | Ctx::Present => Vec::new(),
        }
    }

    /// Closed forms still hold typed words that quitting would drop: say
    /// which, and arm the next quit. Whether there were any.
    fn held_back_drafts(&mut self, ctx: Ctx) -> bool {
        let Screen::Live(live) = &self.screen else {
            return false;
        };
        if live.drafts.is_empty() {
            return false;
        }
        let titles: Vec<&str> = live.drafts.iter().map(|d| d.title.as_str()).collect();
        let key = self.keymap.first_key(ctx, Action::Quit);
        self.notice = error(s::drafts_on_quit(&titles, &key));
        self.quit_armed = true;
        true
    }

    /// A signal leaves at once (`ask` false): the app writes an emergency
    /// copy if the last save fails. A key asks first while saves fail.
    fn quit(&mut self, now: Timestamp, ask: bool) -> Vec<Effect> {
        match &mut self.screen {
            Screen::Live(live) => {
                live.commit_time(now);
                live.keep_draft(now);
                if ask && self.save.behind() {
                    self.help = false;
                    self.quit_ask = Some(QuitAsk::Asking);
                    return vec![Effect::Save];
                }
                vec![Effect::Save, Effect::Quit]
            }
            _ => vec![Effect::Quit],
        }
    }

    fn unsaved_key(&mut self, action: Option<Action>) -> Vec<Effect> {
        match action {
            Some(Action::EmergencyCopy) => vec![Effect::EmergencyCopy],
            Some(Action::Discard) => vec![Effect::Quit],
            Some(Action::Cancel) => {
                self.quit_ask = None;
                Vec::new()
            }
            _ => Vec::new(),
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
                // An empty Enter never makes an "Untitled" file there is
                // no deleting.
                let title = f.text("title");
                if title.is_empty() {
                    st.form.focus_on("title");
                    self.notice = error(s::title_needed(
                        &self.keymap.first_key(Ctx::Start, Action::FieldNext),
                    ));
                    return Vec::new();
                }
                return vec![Effect::Create(NewSession {
                    title,
                    context: f.text("context"),
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
        if let Some(
            a @ (Action::JoinOpen
            | Action::JoinClose
            | Action::JoinAddress
            | Action::RoomDiscard
            | Action::Queue),
        ) = action
        {
            return self.join_key(a);
        }
        if let Some(a @ (Action::Projector | Action::Blank | Action::Freeze | Action::Preview)) =
            action
        {
            self.room_key(a, now);
            return Vec::new();
        }
        if let Some(
            a @ (Action::RoomGauge | Action::WallPage | Action::WallPagePrev | Action::Spotlight),
        ) = action
        {
            return self.wall_key(a, now);
        }
        let Screen::Live(live) = &mut self.screen else {
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
        let ki = live.kind.index();
        match action {
            Action::Next => {
                if cur + 1 < n_check {
                    live.go_to(cur + 1, now);
                    return vec![Effect::Save];
                }
                live.mode = Focus::Picker(Box::new(Picker::close(live.s())));
            }
            Action::Prev => {
                if cur > 0 {
                    live.go_to(cur - 1, now);
                    return vec![Effect::Save];
                }
                self.notice = info(s::FIRST_CHECKPOINT);
            }
            Action::Skip => live.mode = Focus::Picker(Box::new(Picker::skip(&self.keymap))),
            Action::Jump => live.mode = Focus::Picker(Box::new(Picker::jump(live.s()))),
            Action::Gadfly | Action::Add => {
                let kind = match action {
                    Action::Gadfly => ItemKind::Gadfly,
                    _ => live.kind,
                };
                if live.open_form(Form::for_item(kind, mode, today)) {
                    self.notice = info(s::DRAFT_BACK);
                }
            }
            Action::Raise | Action::Lower | Action::Hold => {
                let mv = match action {
                    Action::Raise => Move::Raise,
                    Action::Lower => Move::Lower,
                    _ => Move::Hold,
                };
                // Before raising the heat: is the issue ripe? Asked once per
                // checkpoint, again when the answer is stale.
                let here = live.checkpoint().id.clone();
                let current = live.s().current_readiness(&here, now).cloned();
                if mv == Move::Raise && current.is_none() {
                    if live.open_form(Form::readiness(live.s(), &self.keymap)) {
                        self.notice = info(s::DRAFT_BACK);
                    }
                } else {
                    let p = Picker::tactic(live.s(), mv).with_readiness(None, current.as_ref());
                    live.mode = Focus::Picker(Box::new(p));
                }
            }
            Action::Observe => live.mode = Focus::Reading(ReadingPrompt::default()),
            Action::Band => {
                live.mode = Focus::Band(BandEdit {
                    before: live.session.band,
                    upper: false,
                })
            }
            Action::Pause => {
                live.commit_time(now);
                live.timer.paused = !live.timer.paused;
                if live.timer.paused {
                    live.paused_at = Some(now);
                }
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
                    (Action::Fate, kind) if let Some(w) = ses.work_at(kind, i) => {
                        Picker::status(&w)
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
                live.mode = Focus::Picker(Box::new(picker));
            }
            Action::Road => live.mode = Focus::Picker(Box::new(Picker::road(live.s()))),
            Action::ToWork => {
                if live.kind != ItemKind::Gadfly || count == 0 {
                    self.notice = info(s::to_work_only_ideas(
                        &self.keymap.first_key(Ctx::Browse, Action::KindNext),
                    ));
                    return Vec::new();
                }
                let g = &live.s().gadflies[live.sel[ki].min(count - 1)];
                if g.fate != Fate::Adopted {
                    self.notice = info(s::to_work_adopt_first(
                        &self.keymap.first_key(Ctx::Browse, Action::Fate),
                    ));
                } else if let Some(w) = live.s().work_of(g.id) {
                    self.notice = info(s::already_work(w.kind.label(), w.id));
                } else if let Some(kind) = live.draft_for_idea(g.id) {
                    // A draft for this idea: back to it, its kind already chosen.
                    let form = Form::to_work(kind, g, mode, today);
                    if live.open_form(form) {
                        self.notice = info(s::DRAFT_BACK);
                    }
                } else {
                    let i = live.sel[ki].min(count - 1);
                    let prefer = &live.checkpoint().collects;
                    let picker = Picker::to_work(g, i, prefer);
                    live.mode = Focus::Picker(Box::new(picker));
                }
            }
            Action::Fired => {
                if live.kind != ItemKind::Polarity || count == 0 {
                    self.notice = info(s::only_polarity(
                        &self.keymap.first_key(Ctx::Browse, Action::KindNext),
                    ));
                    return Vec::new();
                }
                let i = live.sel[ki].min(count - 1);
                let p = &live.s().polarities[i];
                if p.warnings.is_empty() {
                    self.notice = info(s::no_signs(
                        &self.keymap.first_key(Ctx::Browse, Action::Edit),
                    ));
                    return Vec::new();
                }
                live.mode = Focus::Picker(Box::new(Picker::fired(p, i)));
            }
            Action::Edit => {
                if count == 0 {
                    self.notice = info(s::NOTHING_SELECTED);
                    return Vec::new();
                }
                let i = live.sel[ki].min(count - 1);
                let form = Form::from_item(live.s(), live.kind, i, today);
                if live.open_form(form) {
                    self.notice = info(s::DRAFT_BACK);
                }
            }
            Action::Context => {
                let back = live.open_form(Form::context(live.s()));
                if back {
                    self.notice = info(s::DRAFT_BACK);
                }
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
        let Screen::Live(live) = &mut self.screen else {
            return Vec::new();
        };
        let checkpoint = live.checkpoint().id.clone();
        let next_id = live.session.next_id;
        let ids_left = live.session.has_ids_left();
        let Focus::Form(form) = &mut live.mode else {
            return Vec::new();
        };
        match action {
            Some(Action::Cancel) => {
                let opener = match (form.purpose, &form.editing) {
                    (Purpose::Context, _) => Action::Context,
                    (Purpose::Readiness, _) => Action::Raise,
                    (_, Some(_)) => Action::Edit,
                    _ if form.from_idea.is_some() => Action::ToWork,
                    (Purpose::Item(ItemKind::Gadfly), None) => Action::Gadfly,
                    _ => Action::Add,
                };
                if live.close_form() {
                    self.notice = info(s::draft_kept(&self.keymap.first_key(Ctx::Browse, opener)));
                }
            }
            Some(Action::FieldNext) => form.move_focus(true),
            Some(Action::FieldPrev) => form.move_focus(false),
            Some(Action::ChoiceNext | Action::ChoicePrev)
                if form.step_choice(action == Some(Action::ChoiceNext)) =>
            {
                form.touched = true
            }
            Some(Action::Newline) => {
                if let Value::Text { area, multi: true } = &mut form.focused().value
                    && form::char_count(area) < MAX_TEXT_CHARS
                {
                    area.insert_newline();
                    form.touched = true;
                }
            }
            // The readiness check is kept with the raise it leads to.
            Some(a @ (Action::Accept | Action::NotChecked))
                if form.purpose == Purpose::Readiness =>
            {
                let readiness = if a == Action::Accept {
                    form.readiness_answer()
                } else {
                    Readiness::NotChecked
                };
                let p = Picker::tactic(live.s(), Move::Raise).with_readiness(Some(readiness), None);
                live.mode = Focus::Picker(Box::new(p));
            }
            Some(Action::Accept) if self.room != Room::Shown => {
                // Nothing typed blind is saved unseen: one item waits at a time.
                if live.held.is_none()
                    && let Focus::Form(form) = std::mem::replace(&mut live.mode, Focus::Browse)
                {
                    live.held = Some(form);
                }
                self.notice = info(s::HELD_BLIND);
            }
            Some(Action::Accept) => {
                if form.purpose == Purpose::Context {
                    let context = form.text("context");
                    let functions = form.list("functions");
                    live.mode = Focus::Browse;
                    let mut effects = Vec::new();
                    if functions != live.session.functions {
                        let old = std::mem::replace(&mut live.s_mut(now).functions, functions);
                        live.push_undo(Undo::Functions(old));
                        self.notice = info(s::FUNCTIONS_SAVED);
                        effects = vec![Effect::Save];
                    }
                    if context != live.session.meta.context {
                        let old = std::mem::replace(&mut live.s_mut(now).meta.context, context);
                        live.push_undo(Undo::Context(old));
                        self.notice = info(s::CONTEXT_SAVED);
                        effects = vec![Effect::Save];
                    }
                    return effects;
                }
                let Purpose::Item(kind) = form.purpose else {
                    return Vec::new();
                };
                // Warnings stop the first Enter; the same ones again are kept.
                let warnings = form.warnings();
                let texts: Vec<String> = warnings.iter().map(|w| w.0.clone()).collect();
                if !warnings.is_empty() && texts != form.warned {
                    let keep = self.keymap.first_key(Ctx::Form, Action::Accept);
                    form.error = Some(format!(
                        "{}. {}",
                        texts.join("; "),
                        s::override_warning(&keep)
                    ));
                    form.focus_on(warnings[0].1);
                    form.warned = texts;
                    return Vec::new();
                }
                if let Some((i, stamp)) = form.editing.clone() {
                    match form::build(form, kind, stamp) {
                        Ok(item) => {
                            live.replace(kind, i, item, now);
                            live.mode = Focus::Browse;
                            self.notice = info(s::changed(kind.label()));
                            return vec![Effect::Save];
                        }
                        Err(e) => form.show(e),
                    }
                    return Vec::new();
                }
                let stamp = Stamp {
                    id: next_id,
                    at: now,
                    checkpoint,
                };
                if !ids_left {
                    form.error = Some(s::NO_IDS_LEFT.to_string());
                    return Vec::new();
                }
                match form::build(form, kind, stamp) {
                    Ok(item) => {
                        live.s_mut(now).take_id();
                        live.add(item, now);
                        live.mode = Focus::Browse;
                        let kind = capital(kind.label());
                        self.notice = if self.save.behind() {
                            error(s::kept_item(&kind))
                        } else {
                            info(s::saved_item(&kind))
                        };
                        return vec![Effect::Save];
                    }
                    Err(e) => form.show(e),
                }
            }
            _ => {
                if let Some(n) = text_input(form, ev) {
                    self.notice = n;
                }
            }
        }
        Vec::new()
    }

    fn band_key(&mut self, action: Option<Action>, now: Timestamp) -> Vec<Effect> {
        let Screen::Live(live) = &mut self.screen else {
            return Vec::new();
        };
        let Focus::Band(edit) = &mut live.mode else {
            return Vec::new();
        };
        let edit = *edit;
        let mut band = live.session.band;
        match action {
            Some(Action::EdgeSwitch) => {
                live.mode = Focus::Band(BandEdit {
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
                live.mode = Focus::Browse;
                if band != edit.before {
                    let checkpoint = live.checkpoint().id.clone();
                    live.s_mut(now).band_moves.push(BandMove {
                        at: now,
                        checkpoint,
                        from: edit.before,
                        to: band,
                        reason: String::new(),
                    });
                    live.push_undo(Undo::Band(edit.before));
                    live.mode = Focus::Picker(Box::new(Picker::band_why(band, &self.keymap)));
                    self.notice = info(s::band_now(band.low, band.high));
                    return vec![Effect::Save];
                }
            }
            Some(Action::Cancel) => {
                live.mode = Focus::Browse;
                if band != edit.before {
                    live.s_mut(now).band = edit.before;
                }
            }
            _ => {}
        }
        Vec::new()
    }
}

/// A recent session as the start screen lists it: "2026-11-23 14:05  Title",
/// the date from the file's name, the title from the file when known.
pub fn recent_label(path: &std::path::Path, title: Option<String>) -> String {
    let name = path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let b = name.as_bytes();
    let dated = b.len() >= 15
        && [4, 7, 10].iter().all(|&i| b[i] == b'-')
        && (0..15)
            .filter(|i| ![4, 7, 10].contains(i))
            .all(|i| b[i].is_ascii_digit());
    if !dated {
        return title.unwrap_or(name);
    }
    let when = format!("{} {}:{}", &name[..10], &name[11..13], &name[13..15]);
    let title = title.unwrap_or_else(|| name[15..].trim_start_matches('-').replace('-', " "));
    format!("{when}  {title}")
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A key typed into the focused text field of a form. Returns a notice to
/// show, if any.
fn text_input(form: &mut Form, ev: KeyEvent) -> Option<Option<Notice>> {
    let Value::Text { area, multi } = &mut form.focused().value else {
        return None;
    };
    let Some(typed) = form::input_capped(area, ev) else {
        return Some(error(s::FIELD_FULL));
    };
    if !*multi && area.lines().len() > 1 {
        let one = area.lines().join(" ");
        *area = form::text_area(&one);
    }
    form.touched |= typed;
    form.error = None;
    None
}
