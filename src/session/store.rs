//! Session files on disk: where they live, loading with checks, and durable
//! saving (temp file, fsync, rename, fsync the folder) so that a kill at any
//! instant leaves the old file or the new one, whole.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::model::{SCHEMA_VERSION, Session, Timestamp};
use super::{FileError, validate};
use crate::ronfile;

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
}

/// Load and check a session. Nothing is ever written by loading.
pub fn load(path: &Path) -> Result<Session, FileError> {
    let text = ronfile::read_text(path)?;
    load_str(path, &text)
}

/// Load from text already read (`path` names it in errors).
pub fn load_str(path: &Path, text: &str) -> Result<Session, FileError> {
    let text = ronfile::strip_bom(text);
    let session: Session = match ronfile::parse(path, text) {
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
    let at = top_level_field(text, "schema")?;
    let value = text[at + "schema".len()..].trim_start().strip_prefix(':')?;
    let digits: String = value
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((digits.parse().ok()?, super::error::line_col(text, at)))
}

/// The byte offset of the field `name:` in the file's outermost group,
/// skipping texts and comments.
fn top_level_field(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 1;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ if depth == 1
                && bytes[i..].starts_with(name.as_bytes())
                && !is_word(bytes.get(i.wrapping_sub(1)))
                && !is_word(bytes.get(i + name.len()))
                && text[i + name.len()..].trim_start().starts_with(':') =>
            {
                return Some(i);
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn is_word(b: Option<&u8>) -> bool {
    b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// The folder sessions live in by default, under the working directory.
/// (`--dir` and `$BALCONY_SESSIONS` override it; clap reads both.)
pub const DEFAULT_DIR: &str = "sessions";

/// Whether text is a session rather than a template: sessions carry a schema and meta.
pub fn looks_like_session(text: &str) -> bool {
    // `meta` too: a session whose schema line was lost is still a session,
    // and is better told "the field `schema` is missing" than about templates.
    top_level_field(text, "schema").is_some() || top_level_field(text, "meta").is_some()
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

/// Replace the session's file with its current state, durably.
pub fn save(path: &Path, session: &Session) -> Result<(), SaveError> {
    let text = ronfile::to_pretty(session)?;
    write_durably(path, text.as_bytes(), true)
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Write `bytes` to `path` so that a reader (or a crash) sees the old file or
/// the new one, never a mix. With `replace` false an existing file is left
/// alone and the error kind is `AlreadyExists`.
pub fn write_durably(path: &Path, bytes: &[u8], replace: bool) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
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
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        if replace && let Ok(old) = fs::metadata(path) {
            // Keep the old file's permissions, before a byte is written: a
            // private reflection (0600) must not be readable by others, not
            // even in its temp file.
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
}
