//! Session files on disk: where they live, loading with checks, and durable
//! saving (temp file, fsync, rename, fsync the folder) so that a kill at any
//! instant leaves the old file or the new one, whole.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::model::{SCHEMA_VERSION, Session, Timestamp};
use super::{FileError, validate};
use crate::{ronfile, ronscan};

/// The environment variable that names the sessions folder.
pub const ENV_DIR: &str = "BALCONY_SESSIONS";
/// Temp files end with this; a kill mid-save can leave one behind.
const TEMP_SUFFIX: &str = ".balcony-tmp";

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not save {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not write the session as RON: {0}")]
    Encode(#[from] ron::Error),
    #[error("could not find a free file name for this session in {}", .0.display())]
    NoFreeName(PathBuf),
    #[error(
        "{} was changed on disk by something other than this balcony: autosave stopped so as not to overwrite it",
        .0.display()
    )]
    ChangedOnDisk(PathBuf),
    #[error(
        "the session has grown to {:.1} MiB, over the {} MiB balcony can read back: not saved, the file on disk is the last version that fits",
        *.0 as f64 / (1024.0 * 1024.0),
        ronfile::MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooLarge(u64),
}

/// What this process last read or wrote at a session's path: a change on
/// disk it did not make shows as a difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    hash: u64,
}

impl Stamp {
    /// The file as it is now; `None` when there is none.
    pub fn of_file(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        let bytes = fs::read(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            hash: hash(&bytes),
        })
    }
}

fn hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    // SipHash with fixed keys: the same bytes give the same value in every run.
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// Whether the file at `path` differs from what this process last saw there.
/// A file gone is no conflict (it is written again); a touched file whose
/// bytes are the same is none either.
fn changed_on_disk(path: &Path, known: Option<&Stamp>) -> bool {
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    let Some(known) = known else {
        return true;
    };
    if meta.len() == known.len && meta.modified().ok() == known.modified {
        return false;
    }
    fs::read(path).is_ok_and(|bytes| hash(&bytes) != known.hash)
}

/// Save as the app's saver does: refuse what would not load back (too
/// large) and what would overwrite a change made by someone else; `known`
/// is what this process last saw at `path`, and is updated.
pub fn save_checked(
    path: &Path,
    session: &Session,
    known: &mut Option<Stamp>,
) -> Result<(), SaveError> {
    let text = ronfile::to_pretty(session)?;
    let len = text.len() as u64;
    if len > ronfile::MAX_FILE_BYTES {
        return Err(SaveError::TooLarge(len));
    }
    if changed_on_disk(path, known.as_ref()) {
        return Err(SaveError::ChangedOnDisk(path.to_path_buf()));
    }
    write_to(path, text.as_bytes())?;
    let meta = fs::metadata(path).ok();
    *known = Some(Stamp {
        len,
        modified: meta.and_then(|m| m.modified().ok()),
        hash: hash(text.as_bytes()),
    });
    Ok(())
}

/// Load and check a session. Nothing is ever written by loading.
pub fn load(path: &Path) -> Result<Session, FileError> {
    let text = ronfile::read_text(path)?;
    load_str(path, &text)
}

/// Load from text already read (`path` names it in errors).
pub fn load_str(path: &Path, text: &str) -> Result<Session, FileError> {
    let text = ronfile::strip_bom(text);
    let mut session: Session = match ronfile::parse(path, text) {
        Ok(s) => s,
        Err(e) => {
            return Err(conflict_problem(path, text)
                .or_else(|| schema_problem(path, text))
                .unwrap_or(e));
        }
    };
    if let Some(e) = schema_problem(path, text) {
        return Err(e);
    }
    let problems = validate::session(&session);
    if let Some(p) = problems.into_iter().next() {
        let (line, col) = p.position(text);
        return Err(FileError::at(path, text, line, col, p.message));
    }
    // Older files name the device behind each reading: kept as counts only.
    session.forget_devices();
    Ok(session)
}

/// Git's merge-conflict markers, left in a file pulled from a shared
/// archive: named as such, at the first marker's line, rather than as the
/// parse error they cause.
fn conflict_problem(path: &Path, text: &str) -> Option<FileError> {
    let at = |marker: &str| {
        text.lines()
            .position(|l| l.starts_with(marker))
            .map(|i| i + 1)
    };
    let (start, middle, end) = (at("<<<<<<<")?, at("=======")?, at(">>>>>>>")?);
    Some(FileError::at(
        path,
        text,
        start,
        1,
        format!(
            "an unresolved merge conflict (<<<<<<< at line {start}, ======= at line {middle}, >>>>>>> at line {end}): keep one side, remove the three marker lines, then check the file again. The file was not changed."
        ),
    ))
}

/// A version this build cannot read. Sessions from newer builds are refused
/// (and so never overwritten); older ones would be migrated here, but schema 1
/// is the first there is.
fn schema_problem(path: &Path, text: &str) -> Option<FileError> {
    let (version, (line, col)) = schema_version(text)?;
    if version > SCHEMA_VERSION {
        Some(FileError::at(
            path,
            text,
            line,
            col,
            format!(
                "this session was written by a newer balcony (schema {version}; this one reads up to {SCHEMA_VERSION}); update balcony to open it. The file was not changed."
            ),
        ))
    } else if version < 1 {
        Some(FileError::at(
            path,
            text,
            line,
            col,
            format!("schema {version} does not exist; the first schema is 1"),
        ))
    } else {
        None
    }
}

/// The top-level `schema: N` field, with its position. Only the outermost
/// group counts: a `schema:` inside a text or a comment is not the field.
fn schema_version(text: &str) -> Option<(u32, (usize, usize))> {
    let at = ronscan::top_level_field(text, "schema")?;
    let value = text[at + "schema".len()..].trim_start().strip_prefix(':')?;
    let digits: String = value
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((digits.parse().ok()?, ronscan::line_col(text, at)))
}

/// The folder sessions live in by default, under the working directory.
/// (`--dir` and `$BALCONY_SESSIONS` override it; clap reads both.)
pub const DEFAULT_DIR: &str = "sessions";

/// Whether text is a session rather than a template: sessions carry a schema and meta.
pub fn looks_like_session(text: &str) -> bool {
    // `meta` too: a session whose schema line was lost is still a session,
    // and is better told "the field `schema` is missing" than about templates.
    ronscan::top_level_field(text, "schema").is_some()
        || ronscan::top_level_field(text, "meta").is_some()
}

/// `2026-11-23-1405-q3-customer-first.ron`
pub fn file_name(created: Timestamp, title: &str) -> String {
    format!("{}-{}.ron", created.format("%Y-%m-%d-%H%M"), slug(title))
}

/// Lower-case ASCII words joined by dashes, at most 48 characters.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "session".to_string()
    } else {
        out.to_string()
    }
}

/// Save a new session under a name no other session has; returns the path.
pub fn create(dir: &Path, session: &Session) -> Result<PathBuf, SaveError> {
    fs::create_dir_all(dir).map_err(|source| SaveError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let text = ronfile::to_pretty(session)?;
    let base = file_name(session.meta.created, &session.meta.title);
    let stem = base.trim_end_matches(".ron");
    for n in 1..1000 {
        let name = if n == 1 {
            base.clone()
        } else {
            format!("{stem}-{n}.ron")
        };
        let path = dir.join(name);
        match write_durably(&path, text.as_bytes(), false) {
            Ok(()) => return Ok(path),
            Err(SaveError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(SaveError::NoFreeName(dir.to_path_buf()))
}

/// Replace the session's file with its current state, durably (through a
/// symbolic link to its target: the link stays).
pub fn save(path: &Path, session: &Session) -> Result<(), SaveError> {
    let text = ronfile::to_pretty(session)?;
    write_to(path, text.as_bytes())
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// How deep a chain of symbolic links is followed before giving up (the
/// kernel's own limit).
const MAX_LINKS: usize = 40;

/// Write `bytes` to `path` so that a reader (or a crash) sees the old file or
/// the new one, never a mix. With `replace` false an existing file is left
/// alone and the error kind is `AlreadyExists`. Nothing is followed: with
/// `replace`, a link at `path` is itself replaced. The temp file is fresh
/// (`O_EXCL | O_NOFOLLOW`) and private (0600) from its first byte; a file
/// replaced passes its permissions on.
pub fn write_durably(path: &Path, bytes: &[u8], replace: bool) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .ok_or_else(|| io(std::io::Error::other("the path has no file name")))?
        .to_string_lossy();
    // Cut long names: the temp name must fit where the file's own name fits.
    let name: String = name.chars().take(64).collect();
    let temp = dir.join(format!(
        ".{name}.{}.{}{TEMP_SUFFIX}",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = fresh_private(&temp)?;
        // Only a regular file passes its permissions on: a planted link
        // must not lend the new file its target's mode.
        if replace
            && let Ok(old) = fs::symlink_metadata(path)
            && old.is_file()
        {
            // Before a byte is written: a private reflection (0600) must not
            // be readable by others, not even in its temp file.
            file.set_permissions(old.permissions())?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if replace {
            fs::rename(&temp, path)?;
        } else {
            // A hard link fails if the name is taken: no other session is overwritten.
            fs::hard_link(&temp, path)?;
            fs::remove_file(&temp)?;
        }
        sync_dir(&dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(io)
}

/// Write `bytes` to what `path` names, as a user means it: through a symbolic
/// link to its target (the link stays), into a FIFO, a device or standard
/// output as they are, and over a regular file durably.
pub fn write_to(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let target = match fs::metadata(path) {
        // Opened as named: `/dev/stdout` is a link only the kernel can follow.
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            return write_into(path, bytes).map_err(io);
        }
        Ok(meta) if meta.is_file() => fs::canonicalize(path).map_err(io)?,
        // A folder fails as it did; a link to nothing yet is created at its end.
        _ => resolve_links(path).map_err(io)?,
    };
    write_durably(&target, bytes, true)
}

/// A FIFO, a device, a terminal: written into, never replaced or truncated.
fn write_into(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = OpenOptions::new().write(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// The file a chain of symbolic links ends at (which may not exist yet).
pub fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&at)?;
                at = parent_dir(&at).join(to);
            }
            _ => return Ok(at),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a chain"
    )))
}

/// A new file that did not exist, readable by its owner only; a link or
/// anything else already at `path` makes it fail.
pub fn fresh_private(path: &Path) -> std::io::Result<File> {
    let mut open = OpenOptions::new();
    open.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    open.open(path)
}

/// The folder a file is in (`.` for a bare name).
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Remove temp files left by a balcony that was killed mid-save. Files of a
/// live process are left alone. Returns how many were removed.
pub fn clean_temp_files(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with('.') && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        if temp_owner_alive(&name) {
            continue;
        }
        if fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// `.NAME.PID.N.balcony-tmp`: is PID a running process other than this one?
fn temp_owner_alive(name: &str) -> bool {
    let inner = name.trim_end_matches(TEMP_SUFFIX);
    let mut parts = inner.rsplit('.');
    let _counter = parts.next();
    let Some(pid) = parts.next().and_then(|p| p.parse::<u32>().ok()) else {
        return false;
    };
    pid == std::process::id() || process_alive(pid)
}

/// Whether a process with this id is running (signal 0 checks without
/// sending anything; EPERM means it runs under another user).
#[cfg(unix)]
pub fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: kill(2) with signal 0 only checks that the process exists.
    let sent = unsafe { libc::kill(pid, 0) } == 0;
    sent || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
pub fn process_alive(_pid: u32) -> bool {
    // Unknown: treat as alive, so nothing of a live process is removed.
    true
}

/// The session files in a folder (not its subfolders), sorted by name.
pub fn session_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "ron")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                && p.is_file()
        })
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_ascii_words() {
        assert_eq!(slug("Q3: Customer First!"), "q3-customer-first");
        assert_eq!(slug("  ✓✓  "), "session");
        assert_eq!(slug("Café crème"), "caf-cr-me");
        assert!(slug(&"long words ".repeat(20)).len() <= 48);
    }

    #[test]
    fn schema_version_is_found() {
        let (v, pos) = schema_version("(\n    schema: 7,\n").unwrap();
        assert_eq!((v, pos), (7, (2, 5)));
        let (v, pos) =
            schema_version("// x\n(name: \"schema: 9\", /* schema: 8 */ schema : 3)").unwrap();
        assert_eq!((v, pos), (3, (2, 37)));
    }

    #[test]
    fn schema_is_not_found_in_texts_comments_or_nested_groups() {
        assert_eq!(schema_version("// schema: 2\n(name: \"schema: 2\")"), None);
        assert_eq!(schema_version("(meta: (schema: 2))"), None);
        assert_eq!(schema_version("(myschema: 2)"), None);
        assert_eq!(schema_version("(schemas: 2)"), None);
        assert!(looks_like_session("(meta: (), schema: \"x\")"));
        assert!(!looks_like_session("(name: \"meta: schema: 1\")"));
    }

    #[test]
    fn multibyte_text_near_4096_bytes_does_not_panic() {
        // The old check sliced the text at byte 4096, inside this 'é'.
        let text = format!("(name: \"{}é\")", "x".repeat(4096 - 9));
        assert!(!text.is_char_boundary(4096));
        assert!(!looks_like_session(&text));
    }

    #[test]
    fn temp_names_carry_the_pid() {
        let mine = format!(".a.ron.{}.3{TEMP_SUFFIX}", std::process::id());
        assert!(temp_owner_alive(&mine));
        assert!(!temp_owner_alive(&format!(
            ".a.ron.999999999.3{TEMP_SUFFIX}"
        )));
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_private_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.ron");
        write_durably(&new, b"one", false).unwrap();
        assert_eq!(mode(&new), 0o600);
        write_to(&new, b"two").unwrap();
        assert_eq!(mode(&new), 0o600);
        let shared = dir.path().join("shared.ron");
        fs::write(&shared, "old").unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o640)).unwrap();
        write_to(&shared, b"new").unwrap();
        assert_eq!(mode(&shared), 0o640);
        assert_eq!(fs::read(&shared).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_replaced_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let before = mode(&victim);
        let at = dir.path().join("cache");
        std::os::unix::fs::symlink(&victim, &at).unwrap();
        write_durably(&at, b"mine", true).unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
        assert_eq!(mode(&victim), before);
        assert!(!fs::symlink_metadata(&at).unwrap().file_type().is_symlink());
        assert_eq!(mode(&at), 0o600, "not the link target's mode");
        // Creating refuses a name a link holds, even a dangling one.
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
        assert!(write_durably(&dangling, b"x", false).is_err());
        assert!(!dir.path().join("nowhere").exists());
        // A temp name taken by a link is refused, not followed.
        let temp = dir.path().join("t");
        std::os::unix::fs::symlink(&victim, &temp).unwrap();
        assert!(fresh_private(&temp).is_err());
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
    }

    #[cfg(unix)]
    #[test]
    fn writing_through_a_link_updates_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        let target = dir.path().join("real").join("s.ron");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("s.ron");
        // Relative, and a chain of two.
        std::os::unix::fs::symlink("real/s.ron", dir.path().join("mid.ron")).unwrap();
        std::os::unix::fs::symlink("mid.ron", &link).unwrap();
        write_to(&link, b"new").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(fs::read_link(&link).unwrap(), Path::new("mid.ron"));
        // A link to a file not there yet: the file is made at its end.
        let later = dir.path().join("later.ron");
        std::os::unix::fs::symlink("real/later.ron", &later).unwrap();
        write_to(&later, b"first").unwrap();
        assert_eq!(
            fs::read(dir.path().join("real/later.ron")).unwrap(),
            b"first"
        );
        assert!(
            fs::symlink_metadata(&later)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_written_into_not_replaced() {
        use std::io::Read;
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo(3) with a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut text = String::new();
                File::open(&fifo)
                    .unwrap()
                    .read_to_string(&mut text)
                    .unwrap();
                text
            })
        };
        write_to(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn a_change_made_by_someone_else_is_never_overwritten() {
        use crate::workshop::Builtin;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut s = Session::new(
            Builtin::Default.workshop(),
            "T",
            "",
            chrono::Local::now().fixed_offset(),
        );
        let mut known = None;
        save_checked(&path, &s, &mut known).unwrap();
        s.meta.title = "mine".into();
        save_checked(&path, &s, &mut known).unwrap();
        // Touched, same bytes: no conflict.
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes).unwrap();
        save_checked(&path, &s, &mut known).unwrap();
        // Someone else's edit, even of the same length: refused, kept.
        let theirs = String::from_utf8(bytes)
            .unwrap()
            .replace("\"mine\"", "\"them\"");
        fs::write(&path, &theirs).unwrap();
        s.meta.title = "mine again".into();
        let err = save_checked(&path, &s, &mut known).unwrap_err();
        assert!(matches!(err, SaveError::ChangedOnDisk(_)), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
        // A file that is gone is written again.
        fs::remove_file(&path).unwrap();
        let mut known = Some(Stamp::of_file(&path).unwrap_or(Stamp {
            len: 1,
            modified: None,
            hash: 0,
        }));
        save_checked(&path, &s, &mut known).unwrap();
        assert_eq!(load(&path).unwrap().meta.title, "mine again");
    }

    #[test]
    fn what_would_not_load_back_is_not_saved() {
        use crate::session::{Note, NoteKind};
        use crate::workshop::Builtin;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let now = chrono::Local::now().fixed_offset();
        let mut s = Session::new(Builtin::Default.workshop(), "T", "", now);
        let mut known = None;
        save_checked(&path, &s, &mut known).unwrap();
        let before = fs::read(&path).unwrap();
        let text = "x".repeat(crate::session::validate::MAX_TEXT_CHARS);
        // 1,750 notes of 20,000 characters: just over 32 MiB.
        for _ in 0..1_750 {
            let id = s.take_id();
            s.notes.push(Note {
                id,
                at: now,
                checkpoint: "frame".into(),
                kind: NoteKind::Observation,
                text: text.clone(),
            });
        }
        let err = save_checked(&path, &s, &mut known).unwrap_err();
        assert!(matches!(err, SaveError::TooLarge(_)), "{err}");
        assert!(err.to_string().contains("32 MiB"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before, "the old file is kept");
    }
}
