//! The event loop: the only place that touches the terminal, the clock and
//! the disk. The flow decides; this carries out its effects.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossterm::event::Event;

use crate::config::Look;
use crate::flow::{Effect, Flow, Input, NewSession, Room, WorkshopChoice};
use crate::join::{Board, JoinServer, Limits, card};
use crate::review::{self, followup};
use crate::session::{Session, Timestamp, store};
use crate::terminal;
use crate::ui::{Screen, strings, theme};
use crate::workshop;

/// How the app starts.
pub enum Launch {
    /// The start screen.
    Start,
    /// A session already on disk at this path.
    Session(Box<Session>, PathBuf),
    /// `balcony review`: browse the sessions in these folders (new files
    /// from review go to the first).
    Review(Vec<PathBuf>),
    /// A session just created, with something to say first (a follow-up's
    /// carried-over items).
    SessionSaying(Box<Session>, PathBuf, String),
}

impl Launch {
    /// The folder it works in: where a balcony killed mid-save may have
    /// left temp files.
    fn folder<'a>(&'a self, dir: &'a Path) -> &'a Path {
        match self {
            Launch::Start => dir,
            Launch::Review(folders) => folders.first().map_or(dir, |f| f.as_path()),
            Launch::Session(_, path) | Launch::SessionSaying(_, path, _) => match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            },
        }
    }
}

/// Where the join page listens, and whether it opens at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JoinStart {
    /// Port 0: any free port.
    pub bind: std::net::SocketAddr,
    pub open: bool,
}

impl Default for JoinStart {
    fn default() -> Self {
        JoinStart {
            bind: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            open: false,
        }
    }
}

/// How often the clock in the header moves.
const TICK: Duration = Duration::from_secs(1);
/// The longest wait for input, so signals are noticed quickly.
const POLL: Duration = Duration::from_millis(200);
/// A failed save is tried again after this long.
const RETRY: Duration = Duration::from_secs(2);

pub fn now() -> Timestamp {
    chrono::Local::now().fixed_offset()
}

/// At most this many items are looked at for review's filter.
const ITEM_HITS: usize = 2_000;

/// The result of one save, reported back to the loop.
type SaveReport = Result<Timestamp, String>;

/// The saver thread: writes the newest snapshot it has, skipping older ones,
/// and retries failures, so the input path never waits on the disk.
struct Saver {
    tx: Option<Sender<Arc<Session>>>,
    reports: Receiver<SaveReport>,
    handle: Option<JoinHandle<Option<String>>>,
}

impl Saver {
    fn spawn(path: PathBuf) -> Saver {
        Saver::spawn_with(path, RETRY)
    }

    fn spawn_with(path: PathBuf, retry: Duration) -> Saver {
        let (tx, rx) = mpsc::channel::<Arc<Session>>();
        let (rtx, reports) = mpsc::channel();
        let handle = std::thread::spawn(move || save_loop(&path, rx, rtx, retry));
        Saver {
            tx: Some(tx),
            reports,
            handle: Some(handle),
        }
    }

    fn send(&self, s: &Arc<Session>) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Arc::clone(s));
        }
    }

    /// Let the thread write what it has, then wait for it. Returns the last
    /// error if the final state could not be written.
    fn finish(mut self) -> Option<String> {
        self.tx = None;
        self.handle.take().and_then(|h| h.join().ok()).flatten()
    }
}

fn save_loop(
    path: &Path,
    rx: Receiver<Arc<Session>>,
    reports: Sender<SaveReport>,
    retry: Duration,
) -> Option<String> {
    let mut pending: Option<Arc<Session>> = None;
    loop {
        let mut latest = match pending.take() {
            Some(s) => s,
            None => match rx.recv() {
                Ok(s) => s,
                Err(_) => return None,
            },
        };
        while let Ok(s) = rx.try_recv() {
            latest = s;
        }
        match store::save(path, &latest) {
            Ok(()) => {
                let _ = reports.send(Ok(now()));
            }
            Err(e) => {
                let _ = reports.send(Err(e.to_string()));
                match rx.recv_timeout(retry) {
                    Ok(newer) => pending = Some(newer),
                    Err(RecvTimeoutError::Timeout) => pending = Some(latest),
                    Err(RecvTimeoutError::Disconnected) => {
                        // Shutting down: a few last tries, then say so.
                        for _ in 0..3 {
                            std::thread::sleep(Duration::from_millis(200));
                            if store::save(path, &latest).is_ok() {
                                return None;
                            }
                        }
                        return Some(e.to_string());
                    }
                }
            }
        }
    }
}

/// Runs the app until the user quits or a signal arrives; returns the exit code.
pub fn run(launch: Launch, dir: &Path) -> i32 {
    let theme = theme::from_env();
    let look = Look {
        theme: *theme,
        projector: *theme,
        warning: None,
        projector_view: false,
    };
    run_with(launch, dir, &look)
}

/// Like [`run`], with the themes, config warning and start view given.
pub fn run_with(launch: Launch, dir: &Path, look: &Look) -> i32 {
    run_joining(launch, dir, look, JoinStart::default())
}

/// Like [`run_with`], with where the join page listens and whether it opens
/// at once.
pub fn run_joining(launch: Launch, dir: &Path, look: &Look, join: JoinStart) -> i32 {
    if theme::no_color_env() {
        // Without this, crossterm turns every style change into a reset and
        // bold/reverse are lost; the theme has no colours anyway.
        crossterm::style::force_color_output(true);
    }

    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&stop));
    }

    let mut terminal = match terminal::init() {
        Ok(t) => t,
        Err(e) => {
            terminal::restore();
            let _ = writeln!(io::stderr(), "balcony: cannot use this terminal: {e}");
            return 1;
        }
    };
    let (result, unsaved) = event_loop(&mut terminal, launch, dir, look, &stop, join);
    terminal::restore();
    let mut code = 0;
    if let Err(e) = result {
        let _ = writeln!(io::stderr(), "balcony: {e}");
        code = 1;
    }
    if let Some(e) = unsaved {
        let _ = writeln!(
            io::stderr(),
            "balcony: the last changes could not be saved: {e}"
        );
        code = 1;
    }
    code
}

/// What a follow-up says when it starts.
pub fn said(carried: &followup::Carried, from: &Path) -> String {
    let name = from.file_name().unwrap_or_default().to_string_lossy();
    strings::carried_over(carried.commitments, carried.gadflies, carried.signs, &name)
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
    let session = Session::new(w, &ns.title, &ns.facilitator, now());
    let path = store::create(dir, &session).map_err(|e| e.to_string())?;
    Ok((session, path))
}

/// The loop's state: the flow and the saver of the session it works on.
struct App<'a> {
    flow: Flow,
    saver: Option<Saver>,
    dir: &'a Path,
    /// The folder cleared of stray temp files once the first frame is up.
    tidy: PathBuf,
    /// The session's file, once one is open.
    path: Option<PathBuf>,
    /// The join address published beside it for `balcony present`.
    card: Option<String>,
    /// The join page's server while it is open.
    join: Option<JoinServer>,
    join_bind: std::net::SocketAddr,
    /// Review rows still being read.
    review_rx: Option<Receiver<Vec<(usize, review::Row)>>>,
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

    /// A session has begun: from now on it is saved to `path`.
    fn begin(&mut self, session: Session, path: PathBuf) {
        self.withdraw_card();
        self.path = Some(path.clone());
        self.flow.begin(session, now());
        self.saver = Some(Saver::spawn(path));
        self.save();
    }

    /// Feeds one input to the flow and carries out its effects; true means quit.
    fn handle(&mut self, input: Input) -> bool {
        let mut quit = false;
        for effect in self.flow.handle(input, now()) {
            match effect {
                Effect::Save => self.save(),
                Effect::Quit => quit = true,
                Effect::Create(ns) => match create(self.dir, &ns) {
                    Ok((s, path)) => self.begin(s, path),
                    Err(e) => self.flow.start_failed(e),
                },
                Effect::Open(path) => match store::load(&path) {
                    Ok(s) => self.begin(s, path),
                    Err(e) => self.flow.start_failed(e.to_string()),
                },
                Effect::OpenJoin => self.open_join_now(),
                Effect::CloseJoin => self.close_join(),
                Effect::Review => match review::plan_dirs(&[self.dir.to_path_buf()]) {
                    Ok(plan) => {
                        let rows = self.read_in_background(plan);
                        self.flow.show_review(self.dir.to_path_buf(), rows);
                        self.say_index_note();
                    }
                    Err(e) => self
                        .flow
                        .start_failed(format!("{}: {e}", self.dir.display())),
                },
                Effect::ReviewOpen(path) => {
                    let loaded = store::load(&path).map_err(|e| e.to_string());
                    self.flow.review_loaded(path, loaded);
                }
                Effect::ReviewSearch(query) => self.search_items(&query),
                Effect::ReviewCompare(paths) => {
                    self.flow.review_compared(review::load_full(&paths));
                }
                Effect::Export(path) => {
                    let dir = self.review_dir();
                    match review::export_to(&dir, &path) {
                        Ok(files) => {
                            let names: Vec<String> =
                                files.iter().map(|f| f.display().to_string()).collect();
                            self.flow.review_said(strings::exported(&names), false);
                        }
                        Err(e) => self.flow.review_said(e, true),
                    }
                }
                Effect::FollowUp(path) => {
                    let dir = self.review_dir();
                    match followup::create(&dir, &path, None, None, None, now()) {
                        Ok((s, new_path, carried)) => {
                            self.begin(s, new_path);
                            self.flow.follow_up_started(said(&carried, &path));
                        }
                        Err(e) => self.flow.review_said(e, true),
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
        match JoinServer::start(self.join_bind, Limits::default()) {
            Ok(server) => {
                self.flow.join_opened(server.url.clone());
                self.join = Some(server);
                self.push_board();
            }
            Err(e) => self.flow.join_failed(e.to_string()),
        }
    }

    /// What participants sent since the last look, as one input.
    fn join_arrivals(&self) -> Option<Input> {
        let list: Vec<_> = self.join.as_ref()?.arrivals.try_iter().collect();
        (!list.is_empty()).then_some(Input::Join(list))
    }

    /// Tells the join page which checkpoint the room is at.
    fn push_board(&self) {
        let (Some(server), Some(live)) = (&self.join, &self.flow.live) else {
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
            self.flow.warn(strings::card_failed(&e.to_string()));
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
            self.flow.review_said(note, false);
        }
    }

    /// Searches the items of every session for review's filter, once the
    /// index is up to date (until then, titles alone are matched).
    fn search_items(&mut self, query: &str) {
        if let Some(archive) = self.archive_rx.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.archive = Some(archive);
            self.archive_rx = None;
        }
        if let Some(archive) = &self.archive {
            let hits = archive.search(query, ITEM_HITS);
            self.flow.review_found(query, hits);
        }
    }

    /// Rows read in the background; true when there were any.
    fn collect_rows(&mut self) -> bool {
        let Some(rx) = &self.review_rx else {
            return false;
        };
        let mut any = false;
        loop {
            match rx.try_recv() {
                Ok(batch) => {
                    any = true;
                    self.flow.review_update(batch);
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.review_rx = None;
                    // The index is ready: a filter typed meanwhile now
                    // searches the items too.
                    let filter = self.flow.review.as_ref().map(|r| r.filter.clone());
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
            .review
            .as_ref()
            .map_or_else(|| self.dir.to_path_buf(), |r| r.dir.clone())
    }

    /// Takes the saver's reports; true when there were any.
    fn collect_reports(&mut self) -> bool {
        let Some(sv) = &self.saver else {
            return false;
        };
        let mut any = false;
        while let Ok(report) = sv.reports.try_recv() {
            any = true;
            match report {
                Ok(at) => self.flow.saved(at),
                Err(e) => self.flow.save_failed(e),
            }
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
        self.flow.size = (size.width, size.height);
        let mut next_tick = Instant::now() + TICK;
        let mut events = None;
        // Draw only when something may have changed.
        let mut dirty = true;
        loop {
            if dirty {
                let flow = &self.flow;
                let theme = if flow.projector || flow.room != Room::Shown {
                    &look.projector
                } else {
                    &look.theme
                };
                terminal.draw(|f| f.render_widget(&Screen { flow, theme }, f.area()))?;
                dirty = false;
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
            if dirty {
                self.push_board();
                self.show_card();
            }
        }
    }
}

/// Runs the loop; whatever happens, the saver writes what it was given.
/// Returns the error that ended the loop, if any, and an unsaved-state error.
fn event_loop(
    terminal: &mut terminal::Term,
    launch: Launch,
    dir: &Path,
    look: &Look,
    stop: &AtomicBool,
    join: JoinStart,
) -> (io::Result<()>, Option<String>) {
    let t0 = now();
    let recent = match launch {
        Launch::Start => recent_sessions(dir),
        _ => Vec::new(),
    };
    let mut app = App {
        flow: Flow::start(recent, t0),
        saver: None,
        dir,
        tidy: launch.folder(dir).to_path_buf(),
        path: None,
        card: None,
        join: None,
        join_bind: join.bind,
        review_rx: None,
        index_note: None,
        archive: None,
        archive_rx: None,
    };
    match launch {
        Launch::Start => {}
        Launch::Session(s, path) => {
            app.begin(*s, path);
            app.flow.projector = look.projector_view
                && app
                    .flow
                    .session()
                    .is_some_and(|s| s.meta.mode != crate::session::Mode::Solo);
        }
        Launch::SessionSaying(s, path, text) => {
            app.begin(*s, path);
            app.flow.follow_up_started(text);
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
            app.flow = Flow::review(first, rows, t0);
            app.say_index_note();
        }
    }
    if join.open && app.flow.live.is_some() {
        app.open_join_now();
    }
    if let Some(w) = &look.warning {
        app.flow.warn(w.clone());
    }
    let result = app.run(terminal, look, stop);
    if result.is_err() {
        // The terminal failed (closed, say): keep the time and any draft.
        app.handle(Input::Stop);
    }
    // The code stops working before the last save; what arrived is kept.
    app.close_join();
    app.withdraw_card();
    let unsaved = app.saver.and_then(Saver::finish);
    (result, unsaved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::Builtin;

    /// Waits for a successful save report, with a deadline.
    fn wait_ok(saver: &Saver) -> Timestamp {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match saver.reports.recv_timeout(left) {
                Ok(Ok(at)) => return at,
                Ok(Err(_)) => continue,
                Err(e) => panic!("no successful save before the deadline: {e}"),
            }
        }
    }

    #[test]
    fn failed_saves_are_reported_then_retried() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("not-yet").join("s.ron");
        let saver = Saver::spawn_with(path.clone(), Duration::from_millis(20));
        let s = Arc::new(Session::new(Builtin::Default.workshop(), "t", "", now()));
        saver.send(&s);
        let first = saver.reports.recv_timeout(Duration::from_secs(20)).unwrap();
        assert!(first.is_err(), "the folder does not exist yet");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        wait_ok(&saver);
        assert_eq!(store::load(&path).unwrap(), *s);
        assert_eq!(saver.finish(), None);
    }

    #[test]
    fn the_latest_snapshot_wins() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let saver = Saver::spawn(path.clone());
        let mut s = Session::new(Builtin::Default.workshop(), "t", "", now());
        for i in 0..20 {
            s.meta.title = format!("title {i}");
            saver.send(&Arc::new(s.clone()));
        }
        assert_eq!(saver.finish(), None, "finish writes what is pending");
        assert_eq!(store::load(&path).unwrap().meta.title, "title 19");
    }
}
