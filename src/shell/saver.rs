//! The saver thread: the session's one writer while it is open. The input
//! path hands it snapshots and never waits on the disk.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use super::now;
use crate::session::{Session, Timestamp, store};

/// A failed save is tried again after this long.
const RETRY: Duration = Duration::from_secs(2);

/// Why a save did not happen; `stopped` when it will not be tried again.
#[derive(Debug)]
pub struct SaveProblem {
    pub message: String,
    pub stopped: bool,
}

/// The result of one save, reported back to the loop.
pub type SaveReport = Result<Timestamp, SaveProblem>;

/// The saver thread: writes the newest snapshot it has, skipping older ones,
/// and retries failures, so the input path never waits on the disk.
pub struct Saver {
    tx: Option<Sender<Arc<Session>>>,
    pub reports: Receiver<SaveReport>,
    handle: Option<JoinHandle<Option<String>>>,
}

impl Saver {
    pub fn spawn(path: PathBuf) -> Saver {
        Saver::spawn_with(path, RETRY)
    }

    fn spawn_with(path: PathBuf, retry: Duration) -> Saver {
        // What this process saw at the path, taken now rather than on the
        // thread: a change made after this is someone else's.
        let known = store::Stamp::of_file(&path);
        let (tx, rx) = mpsc::channel::<Arc<Session>>();
        let (rtx, reports) = mpsc::channel();
        let handle = std::thread::spawn(move || save_loop(&path, known, rx, rtx, retry));
        Saver {
            tx: Some(tx),
            reports,
            handle: Some(handle),
        }
    }

    pub fn send(&self, s: &Arc<Session>) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Arc::clone(s));
        }
    }

    /// Let the thread write what it has, then wait for it. Returns the last
    /// error if the final state could not be written.
    pub fn finish(mut self) -> Option<String> {
        self.tx = None;
        self.handle.take().and_then(|h| h.join().ok()).flatten()
    }
}

fn save_loop(
    path: &Path,
    mut known: Option<store::Stamp>,
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
        match store::save_checked(path, &latest, &mut known) {
            Ok(()) => {
                let _ = reports.send(Ok(now()));
            }
            Err(e @ store::SaveError::ChangedOnDisk(_)) => {
                // Never again: someone else's change must not be overwritten.
                // The work stays in memory; quitting offers a copy.
                let message = e.to_string();
                let _ = reports.send(Err(SaveProblem {
                    message: message.clone(),
                    stopped: true,
                }));
                while rx.recv().is_ok() {}
                return Some(message);
            }
            Err(e) => {
                let _ = reports.send(Err(SaveProblem {
                    message: e.to_string(),
                    stopped: false,
                }));
                match rx.recv_timeout(retry) {
                    Ok(newer) => pending = Some(newer),
                    Err(RecvTimeoutError::Timeout) => pending = Some(latest),
                    Err(RecvTimeoutError::Disconnected) => {
                        // Shutting down: a few last tries, then say so.
                        for _ in 0..3 {
                            std::thread::sleep(Duration::from_millis(200));
                            if store::save_checked(path, &latest, &mut known).is_ok() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::Builtin;
    use std::time::Instant;

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

    #[test]
    fn a_change_on_disk_stops_autosave_and_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut s = Session::new(Builtin::Default.workshop(), "t", "", now());
        store::save(&path, &s).unwrap();
        let saver = Saver::spawn_with(path.clone(), Duration::from_millis(20));
        saver.send(&Arc::new(s.clone()));
        wait_ok(&saver);
        let theirs = std::fs::read_to_string(&path).unwrap() + "\n// edited elsewhere\n";
        std::fs::write(&path, &theirs).unwrap();
        s.meta.title = "mine".into();
        saver.send(&Arc::new(s.clone()));
        let report = saver.reports.recv_timeout(Duration::from_secs(20)).unwrap();
        let problem = report.unwrap_err();
        assert!(problem.stopped, "{problem:?}");
        assert!(problem.message.contains("changed on disk"), "{problem:?}");
        // Later changes are not written either, and leaving says so.
        s.meta.title = "mine, later".into();
        saver.send(&Arc::new(s));
        assert!(saver.finish().is_some());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    }
}
