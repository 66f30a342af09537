//! The one keymap: dispatch, the bottom key bar and the help overlay all read
//! this table, so they cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the keys are being read: each context has its own rows.
// The variants list themselves (`Ctx::iter()`): a new one cannot be missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Ctx {
    Start,
    Browse,
    Form,
    Picker,
    Band,
    Help,
    /// `balcony present`: the read-only projector screen.
    Present,
    /// The queue of ideas sent from participants' phones.
    Queue,
    /// `balcony review`: the list of past sessions.
    Review,
    /// Typing the review list's filter.
    ReviewFilter,
    /// A past session, read-only.
    ReviewView,
    /// Sessions compared, read-only.
    ReviewCompare,
    /// Quitting while the latest changes are not on disk.
    Unsaved,
    /// Typing a reading of the room: "the room is at: _".
    Reading,
    /// The readiness check before a raise: its answer goes on to the tactic.
    Readiness,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Action {
    Quit,
    Help,
    CloseHelp,
    Next,
    Prev,
    Skip,
    Jump,
    Gadfly,
    Add,
    Raise,
    Lower,
    Hold,
    Band,
    Pause,
    Extend1,
    Extend5,
    KindNext,
    KindPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Fate,
    Reaction,
    Road,
    Edit,
    Fired,
    Undo,
    Accept,
    Cancel,
    Newline,
    FieldNext,
    FieldPrev,
    ChoiceNext,
    ChoicePrev,
    EdgeSwitch,
    EdgeUp,
    EdgeDown,
    /// Switch between the facilitator's screen and the projector view.
    Projector,
    /// The room sees a neutral screen (a single mirrored display).
    Blank,
    /// The room sees the projector view as it was when frozen.
    Freeze,
    /// A small preview of the room's view on the facilitator's screen.
    Preview,
    /// Open the join page for participants' phones, or show its address.
    JoinOpen,
    /// Close the join page: its code stops working.
    JoinClose,
    /// Open the join page on the laptop's next network address.
    JoinAddress,
    /// Discard the room's readings at this checkpoint (a flood, say).
    RoomDiscard,
    /// The queue of ideas sent by participants.
    Queue,
    /// Hide a participant's idea (kept in the file).
    HideIdea,
    /// Review: order the list by date or by title.
    Sort,
    /// Review: type to filter the list.
    Filter,
    /// Review: mark a session for comparing.
    Mark,
    /// Review: compare the marked sessions.
    Compare,
    /// Review: start a follow-up of the selected session.
    FollowUp,
    /// Review: write the selected session as Markdown and HTML.
    Export,
    /// Hand the terminal back to the shell for a while (`fg` returns).
    Suspend,
    /// Write an emergency copy of a session that cannot be saved, then quit.
    EmergencyCopy,
    /// Quit although the latest changes are not on disk.
    Discard,
    /// The session's context: the challenge it is about.
    Context,
    /// Record where the room is, without a move ("the room is at: _").
    Observe,
    /// In the reading prompt: take the median of the phones' readings.
    RoomMedian,
    /// Choose how much of the gauge the room sees.
    RoomGauge,
    /// The wall's next page (round to the first).
    WallPage,
    /// The wall's previous page.
    WallPagePrev,
    /// Show the selected item alone on the wall, large; again to stop.
    Spotlight,
    /// Turn the selected adopted gadfly idea into a commitment linked to it.
    ToWork,
    /// The readiness check before a raise: go on without it, recorded so.
    NotChecked,
}

/// One key: a code and the modifiers that matter (Ctrl, Alt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

impl Key {
    /// Shift is ignored: terminals disagree on whether `+` or `?` carry it.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let mask = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let code_eq = match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                if self.mods.contains(KeyModifiers::CONTROL) {
                    a.eq_ignore_ascii_case(&b)
                } else {
                    a == b
                }
            }
            (a, b) => a == b,
        };
        code_eq && (ev.modifiers & mask) == (self.mods & mask)
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Right => "→".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else if self.mods.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }
}

/// One row of the keymap.
pub struct Binding {
    pub ctx: Ctx,
    pub action: Action,
    pub keys: &'static [Key],
    /// A word or two for the bottom bar; empty keeps the row out of the bar.
    pub bar: &'static str,
    /// The line in the help overlay.
    pub help: &'static str,
}

const fn b(
    ctx: Ctx,
    action: Action,
    keys: &'static [Key],
    bar: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        ctx,
        action,
        keys,
        bar,
        help,
    }
}

use Action as A;
use Ctx as C;

const QUIT_CTRL_C: &[Key] = &[ctrl('c')];
const HELP_F1: &[Key] = &[code(KeyCode::F(1))];
const SUSPEND_CTRL_Z: &[Key] = &[ctrl('z')];

#[rustfmt::skip]
pub const KEYMAP: &[Binding] = &[
    // The start screen.
    b(C::Start, A::Accept, &[code(KeyCode::Enter)], "start/open", "start new, or open the chosen file"),
    b(C::Start, A::FieldNext, &[code(KeyCode::Tab)], "next field", "next field or list"),
    b(C::Start, A::FieldPrev, &[code(KeyCode::BackTab)], "", "previous field or list"),
    b(C::Start, A::Up, &[code(KeyCode::Up)], "", "choose a recent session (up)"),
    b(C::Start, A::Down, &[code(KeyCode::Down)], "", "choose a recent session (down)"),
    b(C::Start, A::ChoiceNext, &[code(KeyCode::Right)], "", "next workshop choice"),
    b(C::Start, A::ChoicePrev, &[code(KeyCode::Left)], "", "previous workshop choice"),
    b(C::Start, A::Help, HELP_F1, "help", "this help"),
    b(C::Start, A::Quit, &[code(KeyCode::Esc), ctrl('c')], "quit", "quit"),
    b(C::Start, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // The checkpoint screen.
    b(C::Browse, A::Next, &[code(KeyCode::Right), k('n')], "next", "next checkpoint"),
    b(C::Browse, A::Prev, &[code(KeyCode::Left), k('p')], "prev", "previous checkpoint"),
    b(C::Browse, A::Skip, &[k('s')], "", "skip this checkpoint (asks why)"),
    b(C::Browse, A::Jump, &[k('j')], "jump", "jump to any checkpoint"),
    b(C::Browse, A::Gadfly, &[k('g')], "gadfly", "capture a gadfly idea"),
    b(C::Browse, A::Add, &[k('a')], "add", "add an item of the kind shown"),
    b(C::Browse, A::Raise, &[k('+')], "", "raise the tension (pick a tactic)"),
    b(C::Browse, A::Lower, &[k('-')], "heat", "lower the tension (pick a tactic)"),
    b(C::Browse, A::Hold, &[k('h')], "", "hold: a reading at the same level"),
    b(C::Browse, A::Band, &[k('b')], "", "adjust the productive band's edges"),
    b(C::Browse, A::Pause, &[k(' '), k('t')], "", "pause or resume the timebox"),
    b(C::Browse, A::Extend1, &[k('x')], "", "extend the timebox by 1 minute"),
    b(C::Browse, A::Extend5, &[k('X')], "", "extend the timebox by 5 minutes"),
    b(C::Browse, A::KindNext, &[code(KeyCode::Tab)], "kind", "show the next kind of item"),
    b(C::Browse, A::KindPrev, &[code(KeyCode::BackTab)], "", "show the previous kind of item"),
    b(C::Browse, A::Up, &[code(KeyCode::Up)], "", "select the item above"),
    b(C::Browse, A::Down, &[code(KeyCode::Down)], "", "select the item below"),
    b(C::Browse, A::PageUp, &[code(KeyCode::PageUp)], "", "items: page up"),
    b(C::Browse, A::PageDown, &[code(KeyCode::PageDown)], "", "items: page down"),
    b(C::Browse, A::First, &[code(KeyCode::Home)], "", "items: first"),
    b(C::Browse, A::Last, &[code(KeyCode::End)], "", "items: last"),
    b(C::Browse, A::Fate, &[k('f')], "", "fate or status of the selected item"),
    b(C::Browse, A::Reaction, &[k('r')], "", "the room's reaction to the idea"),
    b(C::Browse, A::Road, &[k('w')], "", "name the road to customer focus"),
    b(C::Browse, A::Edit, &[k('e')], "", "change the selected item"),
    b(C::Browse, A::Fired, &[k('!')], "", "an early-warning sign was seen"),
    b(C::Browse, A::ToWork, &[k('W')], "", "turn an adopted idea into work"),
    b(C::Browse, A::Undo, &[k('u')], "undo", "undo the last change"),
    b(C::Browse, A::Context, &[k('c')], "", "the challenge and the functions"),
    b(C::Browse, A::Projector, &[k('v')], "", "projector view (what the room sees)"),
    b(C::Browse, A::Blank, &[k('.')], "", "blank the room's view / show it"),
    b(C::Browse, A::Freeze, &[k(',')], "", "freeze the room's view / unfreeze"),
    b(C::Browse, A::Preview, &[k('P')], "", "a small preview of the room's view"),
    b(C::Browse, A::JoinOpen, &[k('o')], "", "join page for phones: open / show"),
    b(C::Browse, A::JoinClose, &[k('O')], "", "close the join page (code stops)"),
    b(C::Browse, A::JoinAddress, &[k('@')], "", "join page: try the next address"),
    b(C::Browse, A::Queue, &[k('i')], "", "ideas from phones: accept or hide"),
    b(C::Browse, A::RoomDiscard, &[k('D')], "", "discard the phones' readings here"),
    // The room's readings and the wall.
    b(C::Browse, A::Observe, &[k('=')], "", "a reading of the room (not a move)"),
    b(C::Browse, A::RoomGauge, &[k('T')], "", "what the room sees of the gauge"),
    b(C::Browse, A::WallPage, &[k(']')], "", "the wall's next page"),
    b(C::Browse, A::WallPagePrev, &[k('[')], "", "the wall's previous page"),
    b(C::Browse, A::Spotlight, &[k('z')], "", "the selected item alone on the wall"),
    b(C::Browse, A::Help, &[k('?'), code(KeyCode::F(1))], "help", "this help"),
    b(C::Browse, A::Quit, &[k('q'), ctrl('c')], "quit", "quit (everything is already saved)"),
    b(C::Browse, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // Item forms.
    b(C::Form, A::Accept, &[code(KeyCode::Enter)], "save", "save the item"),
    b(C::Form, A::Newline, &[alt(KeyCode::Enter), ctrl('j')], "newline", "new line in a text field"),
    b(C::Form, A::FieldNext, &[code(KeyCode::Tab)], "next field", "next field"),
    b(C::Form, A::FieldPrev, &[code(KeyCode::BackTab)], "", "previous field"),
    b(C::Form, A::ChoiceNext, &[code(KeyCode::Right)], "", "next choice (in a choice field)"),
    b(C::Form, A::ChoicePrev, &[code(KeyCode::Left)], "choice", "previous choice (in a choice field)"),
    b(C::Form, A::Cancel, &[code(KeyCode::Esc)], "close", "close: anything typed is kept as a draft (the same key brings it back)"),
    b(C::Form, A::Help, HELP_F1, "help", "this help"),
    b(C::Form, A::Quit, QUIT_CTRL_C, "", "quit (the unsaved form is dropped)"),
    b(C::Form, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // The readiness check before a raise: choices, then the evidence (one
    // line), so the arrows move between its questions too.
    b(C::Readiness, A::Accept, &[code(KeyCode::Enter)], "choose tactic", "keep the answer and choose the tactic"),
    b(C::Readiness, A::NotChecked, &[ctrl('n')], "", "raise without the check (kept as \"not checked\")"),
    b(C::Readiness, A::FieldNext, &[code(KeyCode::Tab), code(KeyCode::Down)], "next", "next question"),
    b(C::Readiness, A::FieldPrev, &[code(KeyCode::BackTab), code(KeyCode::Up)], "", "previous question"),
    b(C::Readiness, A::ChoiceNext, &[code(KeyCode::Right)], "", "next answer"),
    b(C::Readiness, A::ChoicePrev, &[code(KeyCode::Left)], "answer", "previous answer"),
    b(C::Readiness, A::Cancel, &[code(KeyCode::Esc)], "close", "close: the answer is kept as a draft (the same key brings it back)"),
    b(C::Readiness, A::Help, HELP_F1, "help", "this help"),
    b(C::Readiness, A::Quit, QUIT_CTRL_C, "", "quit (the unsaved check is dropped)"),
    b(C::Readiness, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // Pickers: tactics, fates, reactions, checkpoints.
    b(C::Picker, A::Up, &[code(KeyCode::Up)], "", "choose the option above"),
    b(C::Picker, A::Down, &[code(KeyCode::Down)], "choose", "choose the option below"),
    b(C::Picker, A::Accept, &[code(KeyCode::Enter)], "accept", "accept (the first option is default)"),
    b(C::Picker, A::Cancel, &[code(KeyCode::Esc)], "cancel", "cancel: nothing changes"),
    b(C::Picker, A::Help, HELP_F1, "help", "this help (type to write a reason)"),
    b(C::Picker, A::Quit, QUIT_CTRL_C, "", "quit"),
    b(C::Picker, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // Adjusting the band.
    b(C::Band, A::EdgeSwitch, &[code(KeyCode::Tab)], "edge", "switch lower / upper edge"),
    b(C::Band, A::EdgeUp, &[code(KeyCode::Up), k('+')], "", "move the edge up"),
    b(C::Band, A::EdgeDown, &[code(KeyCode::Down), k('-')], "move", "move the edge down"),
    b(C::Band, A::Accept, &[code(KeyCode::Enter)], "keep", "keep the new band"),
    b(C::Band, A::Cancel, &[code(KeyCode::Esc)], "cancel", "put the band back as it was"),
    b(C::Band, A::Help, &[k('?'), code(KeyCode::F(1))], "help", "this help"),
    b(C::Band, A::Quit, &[k('q'), ctrl('c')], "", "quit"),
    b(C::Band, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // The help overlay itself.
    b(C::Help, A::CloseHelp, &[code(KeyCode::Esc), k('?'), k('q'), code(KeyCode::F(1))], "close", "close the help"),
    b(C::Help, A::Up, &[code(KeyCode::Up)], "", "scroll up (small windows)"),
    b(C::Help, A::Down, &[code(KeyCode::Down)], "scroll", "scroll down (small windows)"),
    b(C::Help, A::Quit, QUIT_CTRL_C, "", "quit"),
    b(C::Help, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // Ideas sent from participants' phones.
    b(C::Queue, A::Up, &[code(KeyCode::Up)], "", "the idea above"),
    b(C::Queue, A::Down, &[code(KeyCode::Down)], "choose", "the idea below"),
    b(C::Queue, A::Accept, &[code(KeyCode::Enter)], "accept", "take it in as a gadfly idea"),
    b(C::Queue, A::HideIdea, &[k('x')], "hide", "hide it (kept in the file, never shown)"),
    b(C::Queue, A::Cancel, &[code(KeyCode::Esc), k('i')], "close", "close the queue"),
    b(C::Queue, A::Help, &[k('?'), code(KeyCode::F(1))], "help", "this help"),
    b(C::Queue, A::Quit, &[k('q'), ctrl('c')], "quit", "quit (everything is already saved)"),
    b(C::Queue, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // "The room is at: _": a number from 0 to 10.
    b(C::Reading, A::Accept, &[code(KeyCode::Enter)], "record", "record the reading (no move, no tactic)"),
    b(C::Reading, A::RoomMedian, &[k('m')], "median", "take the median of the phones' readings"),
    b(C::Reading, A::Cancel, &[code(KeyCode::Esc)], "cancel", "cancel: nothing is recorded"),
    b(C::Reading, A::Help, &[k('?'), code(KeyCode::F(1))], "help", "this help (type 0 to 10)"),
    b(C::Reading, A::Quit, QUIT_CTRL_C, "", "quit"),
    // `balcony present`: read-only.
    b(C::Present, A::Quit, &[k('q'), code(KeyCode::Esc), ctrl('c')], "", "stop presenting (the file is never written)"),
    b(C::Present, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // `balcony review`: the list of past sessions (files are only read).
    b(C::Review, A::Accept, &[code(KeyCode::Enter)], "open", "open the selected session (read-only)"),
    b(C::Review, A::Up, &[code(KeyCode::Up), k('k')], "", "select the session above"),
    b(C::Review, A::Down, &[code(KeyCode::Down), k('j')], "move", "select the session below"),
    b(C::Review, A::PageUp, &[code(KeyCode::PageUp)], "", "page up"),
    b(C::Review, A::PageDown, &[code(KeyCode::PageDown)], "", "page down"),
    b(C::Review, A::First, &[code(KeyCode::Home)], "", "first session"),
    b(C::Review, A::Last, &[code(KeyCode::End)], "", "last session"),
    b(C::Review, A::Sort, &[k('s')], "sort", "sort by date (newest first) or by title"),
    b(C::Review, A::Filter, &[k('/')], "filter", "filter: type part of a title, file name or mode"),
    b(C::Review, A::Mark, &[k(' ')], "mark", "mark or unmark the session for comparing"),
    b(C::Review, A::Compare, &[k('c')], "compare", "compare the marked sessions (two or more)"),
    b(C::Review, A::FollowUp, &[k('F')], "follow-up", "start a follow-up session from the selected one"),
    b(C::Review, A::Export, &[k('x')], "export", "write the selected session as Markdown and HTML (exports/)"),
    b(C::Review, A::Cancel, &[code(KeyCode::Esc)], "", "clear the filter; otherwise leave review"),
    b(C::Review, A::Help, &[k('?'), code(KeyCode::F(1))], "help", "this help"),
    b(C::Review, A::Quit, &[k('q'), ctrl('c')], "quit", "quit (review never changes a file)"),
    b(C::Review, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // Typing the review filter.
    b(C::ReviewFilter, A::Accept, &[code(KeyCode::Enter)], "keep", "keep the filter and go back to the list"),
    b(C::ReviewFilter, A::Cancel, &[code(KeyCode::Esc)], "clear", "clear the filter"),
    b(C::ReviewFilter, A::Up, &[code(KeyCode::Up)], "", "select the session above"),
    b(C::ReviewFilter, A::Down, &[code(KeyCode::Down)], "move", "select the session below"),
    b(C::ReviewFilter, A::Help, HELP_F1, "help", "this help (type to filter)"),
    b(C::ReviewFilter, A::Quit, QUIT_CTRL_C, "", "quit"),
    b(C::ReviewFilter, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // A past session.
    b(C::ReviewView, A::Up, &[code(KeyCode::Up), k('k')], "", "scroll up"),
    b(C::ReviewView, A::Down, &[code(KeyCode::Down), k('j')], "scroll", "scroll down"),
    b(C::ReviewView, A::PageUp, &[code(KeyCode::PageUp)], "", "page up"),
    b(C::ReviewView, A::PageDown, &[code(KeyCode::PageDown), k(' ')], "", "page down"),
    b(C::ReviewView, A::First, &[code(KeyCode::Home), k('g')], "", "top"),
    b(C::ReviewView, A::Last, &[code(KeyCode::End), k('G')], "", "bottom"),
    b(C::ReviewView, A::KindNext, &[code(KeyCode::Tab)], "section", "the next section"),
    b(C::ReviewView, A::KindPrev, &[code(KeyCode::BackTab)], "", "the section before"),
    b(C::ReviewView, A::FollowUp, &[k('F')], "follow-up", "start a follow-up session from this one"),
    b(C::ReviewView, A::Export, &[k('x')], "export", "write this session as Markdown and HTML (exports/)"),
    b(C::ReviewView, A::Cancel, &[code(KeyCode::Esc), code(KeyCode::Left)], "back", "back to the list"),
    b(C::ReviewView, A::Help, &[k('?'), code(KeyCode::F(1))], "help", "this help"),
    b(C::ReviewView, A::Quit, &[k('q'), ctrl('c')], "quit", "quit (review never changes a file)"),
    b(C::ReviewView, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // Sessions compared.
    b(C::ReviewCompare, A::Up, &[code(KeyCode::Up), k('k')], "", "scroll up"),
    b(C::ReviewCompare, A::Down, &[code(KeyCode::Down), k('j')], "scroll", "scroll down"),
    b(C::ReviewCompare, A::PageUp, &[code(KeyCode::PageUp)], "", "page up"),
    b(C::ReviewCompare, A::PageDown, &[code(KeyCode::PageDown), k(' ')], "", "page down"),
    b(C::ReviewCompare, A::First, &[code(KeyCode::Home), k('g')], "", "top"),
    b(C::ReviewCompare, A::Last, &[code(KeyCode::End), k('G')], "", "bottom"),
    b(C::ReviewCompare, A::Cancel, &[code(KeyCode::Esc), code(KeyCode::Left)], "back", "back to the list (the marks stay)"),
    b(C::ReviewCompare, A::Help, &[k('?'), code(KeyCode::F(1))], "help", "this help"),
    b(C::ReviewCompare, A::Quit, &[k('q'), ctrl('c')], "quit", "quit (review never changes a file)"),
    b(C::ReviewCompare, A::Suspend, SUSPEND_CTRL_Z, "", "suspend (the shell's fg returns)"),
    // Quitting while the latest changes are not on disk: q again keeps them.
    b(C::Unsaved, A::EmergencyCopy, &[code(KeyCode::Enter), k('e'), k('q'), ctrl('c')], "write a copy and quit", "write an emergency copy of the whole session, then quit"),
    b(C::Unsaved, A::Cancel, &[code(KeyCode::Esc)], "back", "back to the session (saving is still tried)"),
    b(C::Unsaved, A::Discard, &[k('D')], "quit, losing them", "quit without a copy: the changes not on disk are lost"),
];

/// Keys the user's config gives a row instead of the built-in ones.
pub type Overrides = Vec<(Ctx, Action, Vec<Key>)>;

/// The keys in force: the table above with the user's overrides from the
/// settings. Built once at start-up and handed to the flow, which dispatches
/// with it; the key bar and the help read the same value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keymap {
    overrides: Overrides,
}

impl Keymap {
    pub fn new(overrides: Overrides) -> Keymap {
        Keymap { overrides }
    }

    /// The action a key means in a context, if any.
    pub fn action(&self, ctx: Ctx, ev: &KeyEvent) -> Option<Action> {
        bindings(ctx)
            .find(|b| self.keys_of(b).iter().any(|k| k.matches(ev)))
            .map(|b| b.action)
    }

    /// The keys of a row now: the user's, or the built-in ones.
    pub fn keys_of<'a>(&'a self, b: &'a Binding) -> &'a [Key] {
        self.overrides
            .iter()
            .find(|(c, a, _)| *c == b.ctx && *a == b.action)
            .map_or(b.keys, |(_, _, k)| k.as_slice())
    }

    /// "→/n" for a row's keys.
    pub fn keys_label(&self, b: &Binding) -> String {
        self.keys_of(b)
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The first key of an action in a context, if it has one.
    pub fn key(&self, ctx: Ctx, action: Action) -> Option<Key> {
        bindings(ctx)
            .find(|b| b.action == action)
            .and_then(|b| self.keys_of(b).first().copied())
    }

    /// The first key of an action in a context ("g"), for words on screen.
    pub fn first_key(&self, ctx: Ctx, action: Action) -> String {
        self.key(ctx, action)
            .as_ref()
            .map(Key::label)
            .unwrap_or_default()
    }

    /// Rows for the bottom bar: (keys, word, action).
    pub fn bar(&self, ctx: Ctx) -> Vec<(String, &'static str, Action)> {
        let mut out = Vec::new();
        for b in bindings(ctx).filter(|b| !b.bar.is_empty()) {
            // A pair of rows shows as one entry, under the second row.
            let first = |a: Action| self.first_key(ctx, a);
            let keys = match b.action {
                A::Lower => format!("{}/{}", first(A::Raise), first(A::Lower)),
                A::ChoicePrev => format!("{}/{}", first(A::ChoicePrev), first(A::ChoiceNext)),
                A::EdgeDown => format!("{}/{}", first(A::EdgeUp), first(A::EdgeDown)),
                A::Down => format!("{}/{}", first(A::Up), first(A::Down)),
                _ => self.keys_label(b),
            };
            out.push((keys, b.bar, b.action));
        }
        out
    }
}

pub fn bindings(ctx: Ctx) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.ctx == ctx)
}

/// Keys that only mean something with a room: a solo reflection has none.
pub fn for_the_room(a: Action) -> bool {
    matches!(
        a,
        A::Projector
            | A::Blank
            | A::Freeze
            | A::Preview
            | A::JoinOpen
            | A::JoinClose
            | A::JoinAddress
            | A::RoomDiscard
            | A::Queue
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_action_is_bound_somewhere() {
        for a in Action::iter() {
            assert!(KEYMAP.iter().any(|b| b.action == a), "{a:?} has no key");
        }
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for ctx in Ctx::iter() {
            let rows: Vec<_> = bindings(ctx).collect();
            for (i, a) in rows.iter().enumerate() {
                for b in &rows[i + 1..] {
                    for ka in a.keys {
                        assert!(!b.keys.contains(ka), "{ctx:?}: {ka:?} is bound twice");
                    }
                }
            }
        }
    }

    #[test]
    fn shift_is_ignored_for_characters() {
        let ev = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        let keys = Keymap::default();
        assert_eq!(keys.action(Ctx::Browse, &ev), Some(Action::Raise));
        let ev = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(keys.action(Ctx::Form, &ev), Some(Action::Quit));
    }
}
