//! The event loop: the only place that touches the terminal, the clock and
//! the disk. The flow decides; this carries out its effects.

use std::io::{self, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event::Event;

use super::background;
use super::now;
use super::saver::Saver;
use super::terminal::{self, Taken};
use crate::config::Look;
use crate::config::RoomSettings;
use crate::flow::join::JoinPlace;
use crate::flow::{Effect, Flow, Input, NewSession, Room, WorkshopChoice};
use crate::join::{Board, JoinServer, Limits, address, card};
use crate::review::{self, followup};
use crate::session::lock::{Holder, Lock, LockError};
use crate::session::{Session, Timestamp, emergency, store};
use crate::strings;
use crate::ui::{Screen, theme};
use crate::workshop;

/// How the app starts.
pub enum Launch {
    /// The start screen.
    Start,
    /// A session already on disk, held for writing.
    Session(Box<Session>, Lock),
    /// `balcony review`: browse the sessions in these folders (new files
    /// from review go to the first).
    Review(Vec<PathBuf>),
    /// A session just created, with something to say first (a follow-up's
    /// carried-over items).
    SessionSaying(Box<Session>, Lock, String),
}

impl Launch {
    /// The folder it works in: where a balcony killed mid-save may have
    /// left temp files.
    fn folder<'a>(&'a self, dir: &'a Path) -> &'a Path {
        match self {
            Launch::Start => dir,
            Launch::Review(folders) => folders.first().map_or(dir, |f| f.as_path()),
            Launch::Session(_, lock) | Launch::SessionSaying(_, lock, _) => {
                match lock.session().parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                }
            }
        }
    }
}

/// Where the join page listens, whether it opens at once, and its room.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JoinStart {
    /// `--bind`; without it, an address phones can reach (port 0: any free port).
    pub bind: Option<std::net::SocketAddr>,
    pub open: bool,
    pub room: RoomSettings,
}

impl From<&Look> for JoinStart {
    fn from(look: &Look) -> JoinStart {
        JoinStart {
            room: look.room.clone(),
            ..JoinStart::default()
        }
    }
}

/// How often the clock in the header moves.
const TICK: Duration = Duration::from_secs(1);
/// The longest wait for input, so signals are noticed quickly.
const POLL: Duration = Duration::from_millis(200);

/// At most this many items are looked at for review's filter.
const ITEM_HITS: usize = 2_000;

/// Runs the app until the user quits or a signal arrives; returns the exit code.
pub fn run(launch: Launch, dir: &Path) -> i32 {
    let theme = theme::from_env();
    let look = Look {
        theme: *theme,
        projector: *theme,
        warning: None,
        projector_view: false,
        room: RoomSettings::default(),
        keymap: Default::default(),
        unconfirmed: None,
    };
    run_with(launch, dir, &look)
}

/// Like [`run`], with the themes, config warning and start view given.
pub fn run_with(launch: Launch, dir: &Path, look: &Look) -> i32 {
    run_joining(launch, dir, look, JoinStart::from(look))
}

/// Like [`run_with`], with where the join page listens and whether it opens
/// at once.
pub fn run_joining(launch: Launch, dir: &Path, look: &Look, join: JoinStart) -> i32 {
    let Some(mut taken) = Taken::take() else {
        return 1;
    };
    let (result, unsaved) = event_loop(&mut taken.term, launch, dir, look, &taken.stop, join);
    drop(taken);
    let mut code = 0;
    if let Err(e) = result {
        let _ = writeln!(io::stderr(), "balcony: {e}");
        code = 1;
    }
    if let Some((e, copy)) = unsaved {
        let _ = writeln!(
            io::stderr(),
            "balcony: the last changes could not be saved: {e}"
        );
        let _ = match copy {
            Ok(path) => writeln!(
                io::stderr(),
                "{}",
                strings::emergency_written(&path.display().to_string())
            ),
            Err(e) => writeln!(io::stderr(), "balcony: {}", strings::emergency_failed(&e)),
        };
        code = 1;
    }
    code
}

/// What a follow-up says when it starts.
pub fn said(carried: &followup::Carried, from: &Path) -> String {
    let name = from.file_name().unwrap_or_default().to_string_lossy();
    let work: Vec<String> = carried.work.iter().map(|(k, n)| k.counted(*n)).collect();
    strings::carried_over(&work, carried.gadflies, carried.signs, &name)
}

fn recent_sessions(dir: &Path) -> Vec<PathBuf> {
    let mut files = store::session_files(dir).unwrap_or_default();
    files.reverse();
    files.truncate(50);
    files
}

/// Carries out a start-screen request; returns the session and its path.
fn create(dir: &Path, ns: &NewSession) -> Result<(Session, PathBuf), String> {
    let w = match &ns.workshop {
        WorkshopChoice::Builtin(b) => b.workshop(),
        WorkshopChoice::File(p) => workshop::load(p).map_err(|e| e.to_string())?,
    };
    let mut session = Session::new(w, &ns.title, &ns.facilitator, now());
    session.meta.context = ns.context.clone();
    let path = store::create(dir, &session).map_err(|e| e.to_string())?;
    Ok((session, path))
}

/// The loop's state: the flow and the saver of the session it works on.
struct App<'a> {
    flow: Flow,
    saver: Option<Saver>,
    /// This process is the session file's one writer while it holds this.
    lock: Option<Lock>,
    /// When the session began: names its emergency copy.
    began: Timestamp,
    dir: &'a Path,
    /// The folder cleared of stray temp files once the first frame is up.
    tidy: PathBuf,
    /// The session's file, once one is open.
    path: Option<PathBuf>,
    /// The join address published beside it for `balcony present`.
    card: Option<String>,
    /// The join page's server while it is open.
    join: Option<JoinServer>,
    join_start: JoinStart,
    /// Which of the laptop's reachable addresses the page uses (`@` moves on).
    join_choice: usize,
    /// Review rows still being read.
    review_rx: Option<Receiver<Vec<(usize, review::Row)>>>,
    /// Items of the session opened in review raised before, found on
    /// another thread (a large archive takes a while).
    recurring_rx: Option<Receiver<(PathBuf, Vec<review::recurring::Recurrence>)>>,
    /// Why the index is not kept on disk, until said.
    index_note: Option<String>,
    /// The indexes of the folders being reviewed, once up to date, and
    /// where they come from while they are brought up to date.
    archive: Option<review::index::Archive>,
    archive_rx: Option<Receiver<review::index::Archive>>,
}

impl App<'_> {
    fn save(&self) {
        if let (Some(sv), Some(s)) = (&self.saver, self.flow.session()) {
            sv.send(s);
        }
    }

    /// A session has begun: from now on it is saved to its file, which this
    /// process alone writes while it holds the lock.
    fn begin(&mut self, session: Session, lock: Lock, projector: bool) {
        self.withdraw_card();
        let path = lock.session().to_path_buf();
        // The previous session's writer finishes first, then lets go.
        if let Some(old) = self.saver.take() {
            let _ = old.finish();
        }
        self.lock = Some(lock);
        self.path = Some(path.clone());
        self.began = now();
        let emergency = emergency::planned(&path, self.began);
        self.saver = Some(Saver::spawn(path));
        self.handle(Input::Began {
            session: Box::new(session),
            emergency,
            projector,
        });
        self.save();
    }

    /// Take `path` for writing, then begin; a session another balcony
    /// writes is not opened.
    fn begin_at(&mut self, session: Session, path: &Path) -> Result<(), String> {
        let lock = Lock::acquire(path, now()).map_err(|e| e.to_string())?;
        self.begin(session, lock, false);
        Ok(())
    }

    /// A session another balcony writes, in review's read-only view, with
    /// who writes it said below.
    fn show_read_only(&mut self, path: PathBuf, holder: Option<&Holder>) {
        let rows = match review::plan_dir(self.dir) {
            Ok(plan) => self.read_in_background(plan),
            Err(_) => Vec::new(),
        };
        self.handle(Input::ReviewShown {
            dir: self.dir.to_path_buf(),
            rows,
            from_start: true,
        });
        let session = store::load(&path).map(Box::new).map_err(|e| e.to_string());
        self.handle(Input::ReviewLoaded { path, session });
        let who = holder.map(|h| (h.pid, crate::clean::clean(&h.host, false)));
        self.handle(Input::Warn(strings::held_read_only(
            who.as_ref().map(|(p, h)| (*p, h.as_str())),
        )));
    }

    /// The whole session, written where the user can write; its path.
    fn emergency_copy(&self) -> Result<PathBuf, String> {
        let (Some(s), Some(path)) = (self.flow.session(), &self.path) else {
            return Err("no session".into());
        };
        emergency::write(s, path, self.began)
    }

    /// Feeds one input to the flow and carries out its effects; true means quit.
    fn handle(&mut self, input: Input) -> bool {
        let mut quit = false;
        for effect in self.flow.handle(input, now()) {
            match effect {
                Effect::Save => self.save(),
                Effect::Quit => quit = true,
                Effect::Suspend => terminal::ask_to_suspend(),
                Effect::Create(ns) => {
                    if let Err(e) =
                        create(self.dir, &ns).and_then(|(s, path)| self.begin_at(s, &path))
                    {
                        self.handle(Input::StartFailed(e));
                    }
                }
                Effect::Open(path) => {
                    // Locked before it is read: what is loaded is what no
                    // other balcony will write over.
                    let opened = Lock::acquire(&path, now()).map_err(|e| match e {
                        LockError::Held { holder, .. } => Err(holder),
                        e => Ok(e.to_string()),
                    });
                    match opened.and_then(|lock| {
                        let s = store::load(&path).map_err(|e| Ok(e.to_string()))?;
                        Ok((s, lock))
                    }) {
                        Ok((s, lock)) => self.begin(s, lock, false),
                        Err(Ok(e)) => {
                            self.handle(Input::StartFailed(e));
                        }
                        // Another balcony writes it: shown read-only instead.
                        Err(Err(holder)) => self.show_read_only(path, holder.as_ref()),
                    }
                }
                Effect::EmergencyCopy => match self.emergency_copy() {
                    // Named again on the way out, where it stays readable.
                    Ok(_) => quit = true,
                    Err(e) => {
                        self.handle(Input::EmergencyFailed(e));
                    }
                },
                Effect::OpenJoin => self.open_join_now(),
                Effect::CloseJoin => self.close_join(),
                Effect::MoveJoin => {
                    self.join_choice += 1;
                    self.close_join();
                    self.open_join_now();
                }
                Effect::Review => match review::plan_dirs(&[self.dir.to_path_buf()]) {
                    Ok(plan) => {
                        let rows = self.read_in_background(plan);
                        self.handle(Input::ReviewShown {
                            dir: self.dir.to_path_buf(),
                            rows,
                            from_start: true,
                        });
                        self.say_index_note();
                    }
                    Err(e) => {
                        self.handle(Input::StartFailed(format!("{}: {e}", self.dir.display())));
                    }
                },
                Effect::ReviewOpen(path) => {
                    let session = store::load(&path).map(Box::new).map_err(|e| e.to_string());
                    if let Ok(s) = &session {
                        self.find_recurring(&path, s);
                    }
                    self.handle(Input::ReviewLoaded { path, session });
                }
                Effect::ReviewSearch(query) => self.search_items(&query),
                Effect::ReviewCompare(paths) => {
                    self.handle(Input::ReviewCompared(review::load_full(&paths)));
                }
                Effect::Export(path) => {
                    let dir = self.review_dir();
                    let archive = self.archive_ready();
                    match review::export_to(&dir, &path, archive) {
                        Ok(files) => {
                            let names: Vec<String> =
                                files.iter().map(|f| f.display().to_string()).collect();
                            self.handle(Input::ReviewSaid {
                                text: strings::exported(&names),
                                failed: false,
                            });
                        }
                        Err(text) => {
                            self.handle(Input::ReviewSaid { text, failed: true });
                        }
                    }
                }
                Effect::ExportLive => {
                    if let (Some(path), Some(ses)) = (&self.path, self.flow.session()) {
                        let dir = path.parent().unwrap_or(self.dir).to_path_buf();
                        match review::export_session(&dir, path, ses, &[]) {
                            Ok(files) => {
                                let names: Vec<String> =
                                    files.iter().map(|f| f.display().to_string()).collect();
                                self.handle(Input::Exported {
                                    text: strings::exported(&names),
                                    failed: false,
                                });
                            }
                            Err(text) => {
                                self.handle(Input::Exported { text, failed: true });
                            }
                        }
                    }
                }
                Effect::FollowUp(path) => {
                    let dir = self.review_dir();
                    match followup::create(&dir, &path, None, None, None, now()) {
                        Ok((s, new_path, carried)) => match self.begin_at(s, &new_path) {
                            Ok(()) => {
                                self.handle(Input::FollowUpStarted(said(&carried, &path)));
                            }
                            Err(text) => {
                                self.handle(Input::ReviewSaid { text, failed: true });
                            }
                        },
                        Err(text) => {
                            self.handle(Input::ReviewSaid { text, failed: true });
                        }
                    }
                }
            }
        }
        quit
    }

    /// Starts the join page's server (not for a private reflection).
    fn open_join_now(&mut self) {
        if self.join.is_some()
            || self
                .flow
                .session()
                .is_some_and(|s| s.meta.mode == crate::session::Mode::Solo)
        {
            return;
        }
        let js = &self.join_start;
        let (bind, choices) = match js.bind {
            Some(b) => (b, 0),
            None => {
                let found = address::reachable(&address::interfaces());
                let ip = found
                    .get(self.join_choice % found.len().max(1))
                    .copied()
                    .unwrap_or(IpAddr::from([127, 0, 0, 1]));
                (std::net::SocketAddr::new(ip, 0), found.len())
            }
        };
        let limits = Limits {
            max_devices: js.room.size,
            ..Limits::default()
        };
        let public = js.room.public_url.as_deref();
        match JoinServer::start_public(bind, limits, public) {
            Ok(server) => {
                let place = JoinPlace {
                    // The fallback, not a loopback address asked for with --bind.
                    local_only: js.bind.is_none()
                        && public.is_none()
                        && server.addr.ip().is_loopback(),
                    choices,
                    choice: self.join_choice % choices.max(1),
                    size: js.room.size,
                };
                self.handle(Input::JoinOpened {
                    url: server.url.clone(),
                    place,
                });
                self.join = Some(server);
                self.push_board();
            }
            Err(e) => {
                self.handle(Input::JoinFailed(e.to_string()));
            }
        }
    }

    /// What participants sent since the last look, as one input.
    fn join_arrivals(&self) -> Option<Input> {
        let list: Vec<_> = self.join.as_ref()?.arrivals.try_iter().collect();
        (!list.is_empty()).then_some(Input::Join(list))
    }

    /// Tells the join page which checkpoint the room is at.
    fn push_board(&self) {
        let (Some(server), Some(live)) = (&self.join, self.flow.live()) else {
            return;
        };
        server.set_board(Board::of(live));
        server.set_waiting(crate::flow::join::waiting_count(live.s()));
    }

    /// Keeps the card for `balcony present` in step with what the room may
    /// see: the join address while its card is shown.
    fn show_card(&mut self) {
        let want = self.flow.join.url.clone().filter(|_| self.flow.join.card);
        if want == self.card {
            return;
        }
        let Some(path) = &self.path else {
            return;
        };
        if let Err(e) = card::publish(path, want.as_deref()) {
            self.handle(Input::Warn(strings::card_failed(&e.to_string())));
        }
        self.card = want;
    }

    fn withdraw_card(&mut self) {
        if let (Some(path), Some(_)) = (&self.path, self.card.take()) {
            // Best effort: a card left behind names a process that is gone
            // and is not shown.
            let _ = card::publish(path, None);
        }
    }

    /// Stops the server; whatever reached it before is still taken in.
    fn close_join(&mut self) {
        if let Some(server) = self.join.take() {
            let rest: Vec<_> = server.arrivals.try_iter().collect();
            server.stop();
            if !rest.is_empty() {
                self.handle(Input::Join(rest));
            }
        }
    }

    /// The rows known now; the files the index did not have are read on
    /// another thread, so the list shows at once and fills in.
    fn read_in_background(&mut self, plan: review::index::Plan) -> Vec<review::Row> {
        let rows = plan.rows.clone();
        self.index_note = plan.notes.first().cloned();
        self.archive = None;
        if plan.is_complete() {
            // Still drops removed files from the index.
            self.archive = Some(plan.finish(|_| {}));
            self.review_rx = None;
        } else {
            let (tx, rx) = mpsc::channel();
            let (done, archive) = mpsc::channel();
            std::thread::spawn(move || {
                let archive = plan.finish(|batch| {
                    let _ = tx.send(batch);
                });
                let _ = done.send(archive);
            });
            self.review_rx = Some(rx);
            self.archive_rx = Some(archive);
        }
        rows
    }

    /// A quiet note when an index could not be kept on disk.
    fn say_index_note(&mut self) {
        if let Some(note) = self.index_note.take() {
            self.handle(Input::ReviewSaid {
                text: note,
                failed: false,
            });
        }
    }

    /// The archive's index, once it is up to date.
    fn archive_ready(&mut self) -> Option<&review::index::Archive> {
        if let Some(archive) = self.archive_rx.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.archive = Some(archive);
            self.archive_rx = None;
        }
        self.archive.as_ref()
    }

    /// Looks on another thread, in the indexes as they stand, for items of
    /// the session opened in review raised in earlier sessions.
    fn find_recurring(&mut self, path: &Path, s: &Session) {
        let folders = self
            .flow
            .review()
            .map_or_else(|| vec![self.dir.to_path_buf()], |r| r.folders.clone());
        let (tx, rx) = mpsc::channel();
        let (path, s) = (path.to_path_buf(), s.clone());
        std::thread::spawn(move || {
            let index = review::index::read_only(&folders);
            let found = review::recurring::recurrences(&index, &path, &s);
            let _ = tx.send((path, found));
        });
        self.recurring_rx = Some(rx);
    }

    /// Items raised before, once found; true when they came.
    fn collect_recurring(&mut self) -> bool {
        let Some((path, found)) = self.recurring_rx.as_ref().and_then(|rx| rx.try_recv().ok())
        else {
            return false;
        };
        self.recurring_rx = None;
        self.handle(Input::ReviewRecurring {
            path,
            recurring: found,
        });
        true
    }

    /// Searches the items of every session for review's filter, once the
    /// index is up to date (until then, titles alone are matched).
    fn search_items(&mut self, query: &str) {
        if let Some(archive) = self.archive_ready() {
            let hits = archive.search(query, ITEM_HITS);
            self.handle(Input::ReviewFound {
                query: query.to_string(),
                hits,
            });
        }
    }

    /// Rows read in the background; true when there were any.
    fn collect_rows(&mut self) -> bool {
        let mut any = false;
        while let Some(rx) = &self.review_rx {
            match rx.try_recv() {
                Ok(batch) => {
                    any = true;
                    self.handle(Input::ReviewRows(batch));
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.review_rx = None;
                    // The index is ready: a filter typed meanwhile now
                    // searches the items too.
                    let filter = self.flow.review().map(|r| r.filter.clone());
                    if let Some(filter) = filter.filter(|f| !f.is_empty()) {
                        self.search_items(&filter);
                    }
                    break;
                }
            }
        }
        any
    }

    /// The folder being reviewed (new files from review go there too).
    fn review_dir(&self) -> PathBuf {
        self.flow
            .review()
            .map_or_else(|| self.dir.to_path_buf(), |r| r.dir.clone())
    }

    /// Takes the saver's reports; true when there were any.
    fn collect_reports(&mut self) -> bool {
        let mut any = false;
        while let Some(Ok(report)) = self.saver.as_ref().map(|sv| sv.reports.try_recv()) {
            any = true;
            self.handle(match report {
                Ok(at) => Input::Saved(at),
                Err(p) if p.stopped => Input::SaveStopped(p.message),
                Err(p) => Input::SaveFailed(p.message),
            });
        }
        any
    }

    fn run(
        &mut self,
        terminal: &mut terminal::Term,
        look: &Look,
        stop: &AtomicBool,
    ) -> io::Result<()> {
        // The size the terminal was built at: asking again costs a syscall
        // round on /dev/tty before the first frame.
        let size = terminal.get_frame().area();
        self.handle(Input::Resize(size.width, size.height));
        let mut next_tick = Instant::now() + TICK;
        let mut events = None;
        // The themes change if the terminal's background is not the guess.
        let mut look = look.clone();
        let mut asking = background::first_frame_asks(&look);
        // Draw only when something may have changed.
        let mut dirty = true;
        loop {
            // Ctrl-Z or SIGTSTP: back from the shell, everything is redrawn.
            dirty |= terminal::suspend_if_asked(terminal)?;
            if dirty {
                if asking {
                    background::ask_with_next_frame(terminal)?;
                }
                let flow = &self.flow;
                let theme = if flow.projector || flow.room != Room::Shown {
                    &look.projector
                } else {
                    &look.theme
                };
                terminal.draw(|f| f.render_widget(&Screen { flow, theme }, f.area()))?;
                dirty = false;
            }
            // Before the input thread reads: the answer is not keys.
            if std::mem::take(&mut asking) && background::settle(&mut look) {
                dirty = true;
                continue;
            }
            // The first frame goes out before work that cannot change it:
            // keys wait in the terminal until read, and the temp files of
            // live balconies (this one's too) are left alone.
            let events = events.get_or_insert_with(|| {
                store::clean_temp_files(&self.tidy);
                terminal::events()
            });
            let mut inputs = Vec::new();
            let wait = next_tick
                .saturating_duration_since(Instant::now())
                .min(POLL);
            let mut next = events.recv_timeout(wait);
            // Take everything already queued, so a burst costs one frame.
            loop {
                match next {
                    Ok(Ok(ev)) => match ev {
                        Event::Key(k) => inputs.push(Input::Key(k)),
                        Event::Paste(p) => inputs.push(Input::Paste(p)),
                        Event::Resize(w, h) => inputs.push(Input::Resize(w, h)),
                        _ => {}
                    },
                    Ok(Err(e)) => return Err(e),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => {
                        return Err(io::Error::other("the terminal's input has ended"));
                    }
                }
                next = events.try_recv().map_err(|e| match e {
                    mpsc::TryRecvError::Empty => RecvTimeoutError::Timeout,
                    mpsc::TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
                });
            }
            // A window closed without a signal is treated as SIGHUP.
            let mut leave = stop.load(Ordering::SeqCst);
            if Instant::now() >= next_tick {
                next_tick = Instant::now() + TICK;
                leave |= terminal::hung_up();
                inputs.push(Input::Tick);
            }
            // Before the keys: a quit among them must not drop what arrived.
            if let Some(arrived) = self.join_arrivals() {
                inputs.insert(0, arrived);
            }
            // Only news goes to the flow: the counts are looked at every turn.
            if let Some(counts) = self.join.as_ref().map(JoinServer::counts)
                && counts != self.flow.join.seen
            {
                self.handle(Input::JoinStatus(counts));
                dirty = true;
            }
            dirty |= !inputs.is_empty();
            for input in inputs {
                if self.handle(input) {
                    return Ok(());
                }
            }
            if leave {
                // After the keys already read: what was typed before the
                // signal is kept.
                self.handle(Input::Stop);
                return Ok(());
            }
            dirty |= self.collect_reports();
            dirty |= self.collect_rows();
            dirty |= self.collect_recurring();
            if dirty {
                self.push_board();
                self.show_card();
            }
        }
    }
}

/// What could not be saved, and where the emergency copy went instead.
type Unsaved = Option<(String, Result<PathBuf, String>)>;

/// Runs the loop; whatever happens, the saver writes what it was given.
/// Returns the error that ended the loop, if any, and an unsaved-state error
/// with the emergency copy written instead.
fn event_loop(
    terminal: &mut terminal::Term,
    launch: Launch,
    dir: &Path,
    look: &Look,
    stop: &AtomicBool,
    join: JoinStart,
) -> (io::Result<()>, Unsaved) {
    let t0 = now();
    let recent = match launch {
        Launch::Start => recent_sessions(dir),
        _ => Vec::new(),
    };
    let recent = recent
        .into_iter()
        .map(|p| {
            let title = crate::session::peek::title(&p);
            (p, title)
        })
        .collect();
    let mut app = App {
        flow: Flow::start_titled(recent, t0).with_keymap(look.keymap.clone()),
        saver: None,
        lock: None,
        began: t0,
        dir,
        tidy: launch.folder(dir).to_path_buf(),
        path: None,
        card: None,
        join: None,
        join_start: join.clone(),
        join_choice: 0,
        review_rx: None,
        recurring_rx: None,
        index_note: None,
        archive: None,
        archive_rx: None,
    };
    match launch {
        Launch::Start => {}
        Launch::Session(s, lock) => app.begin(*s, lock, look.projector_view),
        Launch::SessionSaying(s, lock, text) => {
            app.begin(*s, lock, false);
            app.handle(Input::FollowUpStarted(text));
        }
        Launch::Review(folders) => {
            let rows = match review::plan_dirs(&folders) {
                Ok(plan) => app.read_in_background(plan),
                Err(_) => Vec::new(),
            };
            let first = folders
                .first()
                .cloned()
                .unwrap_or_else(|| dir.to_path_buf());
            app.handle(Input::ReviewShown {
                dir: first,
                rows,
                from_start: false,
            });
            app.handle(Input::ReviewFolders(folders));
            app.say_index_note();
        }
    }
    if join.open && app.flow.live().is_some() {
        app.open_join_now();
    }
    if let Some(w) = &look.warning {
        app.handle(Input::Warn(w.clone()));
    }
    let result = app.run(terminal, look, stop);
    if result.is_err() {
        // The terminal failed (closed, say): keep the time and any draft.
        app.handle(Input::Stop);
    }
    // The code stops working before the last save; what arrived is kept.
    app.close_join();
    app.withdraw_card();
    let unsaved = app.saver.take().and_then(Saver::finish);
    // Nothing is lost: what could not reach its file goes somewhere else
    // (again, if the user asked already: the copy then holds the very last
    // state).
    let unsaved = unsaved.map(|e| (e, app.emergency_copy()));
    drop(app.lock.take());
    (result, unsaved)
}
