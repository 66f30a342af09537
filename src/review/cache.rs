//! The review list's cache: one small file beside the sessions holding each
//! file's summary, keyed by the file's size and modification time. It is a
//! dot-file without the `.ron` extension, so `list`, `check` and
//! `store::session_files` never take it for a session. Missing, stale or
//! unreadable entries are rebuilt from the files; the cache is then written
//! atomically (and a folder we may not write to simply goes without).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::{Problem, Row, Summary, summarise};
use crate::session::store;

/// The cache's file name inside the sessions folder.
pub const FILE_NAME: &str = ".balcony-review-cache";
/// Bumped when `Summary` changes shape: an older cache is then rebuilt.
const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    name: String,
    size: u64,
    /// Nanoseconds since the Unix epoch.
    mtime: u64,
    summary: Result<Summary, Problem>,
}

#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    entries: Vec<Entry>,
}

/// Size and modification time: what makes a cached summary fresh.
fn stamp(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((
        meta.len(),
        u64::try_from(mtime.as_nanos()).unwrap_or(u64::MAX),
    ))
}

fn read(dir: &Path) -> HashMap<String, Entry> {
    let Ok(text) = std::fs::read_to_string(dir.join(FILE_NAME)) else {
        return HashMap::new();
    };
    match ron::from_str::<CacheFile>(&text) {
        Ok(c) if c.version == VERSION => {
            c.entries.into_iter().map(|e| (e.name.clone(), e)).collect()
        }
        // A broken or older cache is rebuilt, never trusted.
        _ => HashMap::new(),
    }
}

/// The rows for `files` (all in `dir`), in the same order.
pub fn summaries(dir: &Path, files: &[PathBuf]) -> Vec<Row> {
    let cached = read(dir);
    let mut entries: Vec<Option<Entry>> = Vec::with_capacity(files.len());
    let mut missing = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let fresh = stamp(path).and_then(|(size, mtime)| {
            cached
                .get(&name)
                .filter(|e| e.size == size && e.mtime == mtime)
                .cloned()
        });
        if fresh.is_none() {
            missing.push(i);
        }
        entries.push(fresh);
    }
    let changed = !missing.is_empty() || cached.len() != files.len();
    for (i, entry) in load_missing(files, &missing) {
        entries[i] = Some(entry);
    }
    if changed {
        let known: Vec<Entry> = entries.iter().flatten().cloned().collect();
        write(dir, &known);
    }
    files
        .iter()
        .zip(entries)
        .map(|(path, e)| Row {
            path: path.clone(),
            entry: e.map_or_else(
                || {
                    Err(Problem {
                        line: 1,
                        col: 1,
                        message: "could not be read".into(),
                    })
                },
                |e| e.summary,
            ),
        })
        .collect()
}

/// Loads the files not in the cache, on every core (they are independent).
fn load_missing(files: &[PathBuf], missing: &[usize]) -> Vec<(usize, Entry)> {
    let one = |i: usize| {
        let path = &files[i];
        // The stamp is taken before reading: a file saved meanwhile looks
        // stale next time rather than fresh with old contents.
        let (size, mtime) = stamp(path).unwrap_or((u64::MAX, 0));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        (
            i,
            Entry {
                name,
                size,
                mtime,
                summary: summarise(path),
            },
        )
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if missing.len() < 8 || threads == 1 {
        return missing.iter().map(|&i| one(i)).collect();
    }
    let chunk = missing.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = missing
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|&i| one(i)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn write(dir: &Path, entries: &[Entry]) {
    let file = CacheFile {
        version: VERSION,
        entries: entries.to_vec(),
    };
    if let Ok(text) = ron::to_string(&file) {
        // Best effort: without a cache the list is only slower.
        let _ = store::write_durably(&dir.join(FILE_NAME), text.as_bytes(), true);
    }
}
