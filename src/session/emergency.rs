//! The emergency copy: when a session cannot reach its own file (a full
//! disk, a read-only folder, a change made by someone else), the whole
//! session is written somewhere the user can write, so quitting loses nothing.

use std::path::{Path, PathBuf};

use super::{Session, Timestamp, store};
use crate::ronfile;

/// The folder copies go to first: the user's state folder
/// (`~/.local/state/balcony` on Linux), else the system's temp folder.
pub fn folders() -> Vec<PathBuf> {
    state_folder()
        .into_iter()
        .chain(std::iter::once(std::env::temp_dir().join("balcony")))
        .collect()
}

/// The user's state folder for balcony (`~/.local/state/balcony` on Linux,
/// the local data folder where there is no state folder).
pub fn state_folder() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "balcony");
    dirs.and_then(|d| {
        d.state_dir()
            .or_else(|| Some(d.data_local_dir()))
            .map(Path::to_path_buf)
    })
}

/// `NAME-emergency-20261123-1405.ron`, after the session's file.
pub fn file_name(session_path: &Path, at: Timestamp) -> String {
    let stem = session_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    let stem: String = stem.chars().take(80).collect();
    format!("{stem}-emergency-{}.ron", at.format("%Y%m%d-%H%M%S"))
}

/// Where the first copy would go.
pub fn planned(session_path: &Path, at: Timestamp) -> Option<PathBuf> {
    folders()
        .into_iter()
        .next()
        .map(|d| d.join(file_name(session_path, at)))
}

/// Write the whole session to the first folder that takes it; returns the
/// copy's path. The copy is private (0600), like the session.
pub fn write(session: &Session, session_path: &Path, at: Timestamp) -> Result<PathBuf, String> {
    write_in(&folders(), session, session_path, at)
}

pub fn write_in(
    folders: &[PathBuf],
    session: &Session,
    session_path: &Path,
    at: Timestamp,
) -> Result<PathBuf, String> {
    let text = ronfile::to_pretty(session).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    for dir in folders {
        let path = dir.join(file_name(session_path, at));
        let made = create_private_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))
            .and_then(|()| {
                store::write_durably(&path, text.as_bytes(), true).map_err(|e| e.to_string())
            });
        match made {
            Ok(()) => return Ok(path),
            Err(e) => problems.push(e),
        }
    }
    Err(problems.join("; "))
}

/// Make `dir` and its parents, private (0700) where made.
pub(crate) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::Builtin;
    use chrono::TimeZone;

    #[test]
    fn the_copy_goes_to_the_first_folder_that_takes_it_and_loads() {
        let dir = tempfile::tempdir().unwrap();
        // A file where a folder should be: that folder cannot be made.
        let blocked = dir.path().join("blocked");
        std::fs::write(&blocked, "").unwrap();
        let good = dir.path().join("state");
        let at = chrono::FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 23, 14, 5, 9)
            .unwrap();
        let s = Session::new(Builtin::Default.workshop(), "T", "", at);
        let path = write_in(
            &[blocked.join("sub"), good.clone()],
            &s,
            Path::new("sessions/2026-q3.ron"),
            at,
        )
        .unwrap();
        assert_eq!(path, good.join("2026-q3-emergency-20261123-140509.ron"));
        assert_eq!(store::load(&path).unwrap(), s);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let err = write_in(&[blocked.join("sub")], &s, Path::new("x.ron"), at).unwrap_err();
        assert!(err.contains("blocked"), "{err}");
    }
}
