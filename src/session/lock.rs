//! One writer per session file: a lock file beside the session
//! (`.NAME.ron.lock`) holds an OS advisory lock for as long as a balcony has
//! the session open for writing, and says who that is. The lock goes with
//! the process, so a balcony that was killed never blocks the next one.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Timestamp;

/// Who holds a session, as written in its lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub since: String,
}

/// A session open for writing; dropping it lets the next writer in.
#[derive(Debug)]
pub struct Lock {
    session: PathBuf,
    path: PathBuf,
    file: File,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another balcony writes this session.
    #[error("{}", held_message(.session, .holder.as_ref()))]
    Held {
        session: PathBuf,
        holder: Option<Holder>,
    },
    #[error("could not lock {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// What a second writer is told (the lock file's words are cleaned: it is
/// a file anyone who can write the folder may have planted).
fn held_message(session: &Path, holder: Option<&Holder>) -> String {
    let clean = |t: &str| crate::clean::clean(t, false);
    let (host, since) = holder.map_or((String::new(), String::new()), |h| {
        (clean(&h.host), clean(&h.since))
    });
    crate::strings::session_held(
        &session.display().to_string(),
        holder.map(|h| (h.pid, host.as_str(), since.as_str())),
    )
}

/// Where the lock of `session` is kept.
pub fn path_for(session: &Path) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    session.with_file_name(format!(".{name}.lock"))
}

impl Lock {
    /// The session file this lock is for.
    pub fn session(&self) -> &Path {
        &self.session
    }

    /// Take the session for writing, or say who has it.
    pub fn acquire(session: &Path, now: Timestamp) -> Result<Lock, LockError> {
        let path = path_for(session);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        // A lock file removed by its last holder between our open and our
        // lock is not the lock any more: open again (a few times at most).
        for _ in 0..5 {
            let mut file = open_lock_file(&path).map_err(io)?;
            if !try_lock(&file).map_err(io)? {
                let mut text = String::new();
                let _ = (&file).take(4096).read_to_string(&mut text);
                return Err(LockError::Held {
                    session: session.to_path_buf(),
                    holder: ron::from_str(&text).ok(),
                });
            }
            if !same_file(&file, &path) {
                continue;
            }
            let me = Holder {
                pid: std::process::id(),
                host: host_name(),
                since: now.format("%Y-%m-%d %H:%M:%S %:z").to_string(),
            };
            let text = ron::to_string(&me).unwrap_or_default();
            file.set_len(0).map_err(io)?;
            file.rewind().map_err(io)?;
            file.write_all(text.as_bytes()).map_err(io)?;
            return Ok(Lock {
                session: session.to_path_buf(),
                path,
                file,
            });
        }
        Err(io(std::io::Error::other(
            "the lock file kept changing; try again",
        )))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held: whoever opened it meanwhile sees the name
        // no longer leads to this file and opens again.
        if same_file(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Open (or make, private) the lock file, never through a link.
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut open = OpenOptions::new();
    open.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    open.open(path)
}

#[cfg(unix)]
fn try_lock(file: &File) -> std::io::Result<bool> {
    use std::os::fd::AsRawFd;
    // SAFETY: flock(2) on a descriptor this File owns.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let e = std::io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Ok(false)
    } else {
        Err(e)
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> std::io::Result<bool> {
    Ok(true)
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

fn host_name() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: gethostname(2) writes at most buf.len() bytes into buf.
        if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0 {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            return String::from_utf8_lossy(&buf[..end]).into_owned();
        }
    }
    "this computer".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        chrono::Local::now().fixed_offset()
    }

    #[test]
    fn a_second_writer_is_told_who_holds_the_session() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        let first = Lock::acquire(&session, now()).unwrap();
        let err = Lock::acquire(&session, now()).unwrap_err();
        let LockError::Held { holder, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!(holder.as_ref().unwrap().pid, std::process::id());
        let said = err.to_string();
        assert!(
            said.contains(&format!("pid {}", std::process::id())),
            "{said}"
        );
        assert!(said.contains("balcony present"), "{said}");
        drop(first);
        assert!(!path_for(&session).exists(), "the lock file is tidied away");
        let again = Lock::acquire(&session, now()).unwrap();
        drop(again);
    }

    #[test]
    fn a_lock_file_left_by_a_killed_balcony_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        // What a killed holder leaves: the file and its words, no OS lock.
        fs::write(
            path_for(&session),
            "(pid: 99999999, host: \"gone\", since: \"earlier\")",
        )
        .unwrap();
        let lock = Lock::acquire(&session, now()).unwrap();
        let text = fs::read_to_string(path_for(&session)).unwrap();
        assert!(text.contains(&std::process::id().to_string()), "{text}");
        drop(lock);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_lock_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, path_for(&session)).unwrap();
        assert!(Lock::acquire(&session, now()).is_err());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    }
}
