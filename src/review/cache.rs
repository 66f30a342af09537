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
use crate::ronfile;
use crate::session::store;

/// The cache's file name inside the sessions folder.
pub const FILE_NAME: &str = ".balcony-review-cache";
/// Bumped when `Summary` changes shape: an older cache is then rebuilt.
const VERSION: u32 = 2;

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
    // A regular file of a session file's size at most: a FIFO, a device or
    // a huge file planted under the name is ignored (and then replaced).
    let Ok(bytes) = ronfile::read_regular(&dir.join(FILE_NAME), ronfile::MAX_FILE_BYTES) else {
        return HashMap::new();
    };
    let Ok(text) = String::from_utf8(bytes) else {
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

/// What the list can show at once: every file's row, from the cache where
/// it is fresh and as "still reading" where not; `finish` reads the rest.
pub struct Plan {
    dir: PathBuf,
    files: Vec<PathBuf>,
    entries: Vec<Option<Entry>>,
    missing: Vec<usize>,
    changed: bool,
    pub rows: Vec<Row>,
}

/// Plans the rows for `files` (all in `dir`), in the same order.
pub fn plan(dir: &Path, files: Vec<PathBuf>) -> Plan {
    let cached = read(dir);
    let mut entries: Vec<Option<Entry>> = Vec::with_capacity(files.len());
    let mut missing = Vec::new();
    let mut rows = Vec::with_capacity(files.len());
    for (i, path) in files.iter().enumerate() {
        let fresh = stamp(path).and_then(|(size, mtime)| {
            cached
                .get(&name_of(path))
                .filter(|e| e.size == size && e.mtime == mtime)
                .cloned()
        });
        rows.push(match &fresh {
            Some(e) => Row::ready(path.clone(), e.summary.clone()),
            None => {
                missing.push(i);
                Row::reading(path.clone())
            }
        });
        entries.push(fresh);
    }
    let changed = !missing.is_empty() || cached.len() != files.len();
    Plan {
        dir: dir.to_path_buf(),
        files,
        entries,
        missing,
        changed,
        rows,
    }
}

impl Plan {
    /// Whether every row is already known.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// Reads the files the cache did not have, handing each batch of rows
    /// (with their indexes) to `send` as it is ready, then rewrites the cache
    /// if anything changed.
    pub fn finish(mut self, send: impl Fn(Vec<(usize, Row)>) + Sync) {
        let files = &self.files;
        let loaded = load_missing(files, &self.missing, &|batch: &[(usize, Entry)]| {
            send(
                batch
                    .iter()
                    .map(|(i, e)| (*i, Row::ready(files[*i].clone(), e.summary.clone())))
                    .collect(),
            )
        });
        for (i, entry) in loaded {
            self.entries[i] = Some(entry);
        }
        if self.changed {
            let known: Vec<Entry> = self.entries.iter().flatten().cloned().collect();
            write(&self.dir, &known);
        }
    }
}

/// The rows for `files` (all in `dir`), in the same order, all read.
pub fn summaries(dir: &Path, files: &[PathBuf]) -> Vec<Row> {
    let plan = plan(dir, files.to_vec());
    let mut rows = plan.rows.clone();
    let done = std::sync::Mutex::new(Vec::new());
    plan.finish(|batch| done.lock().unwrap_or_else(|e| e.into_inner()).extend(batch));
    for (i, row) in done.into_inner().unwrap_or_else(|e| e.into_inner()) {
        rows[i] = row;
    }
    rows
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Told about each batch of entries as it is read.
type Sent<'a> = dyn Fn(&[(usize, Entry)]) + Sync + 'a;

/// Files read per batch: small enough that the list fills in steadily.
const BATCH: usize = 16;

/// Loads the files not in the cache, on every core (they are independent),
/// telling `sent` about each batch as it is read.
fn load_missing(files: &[PathBuf], missing: &[usize], sent: &Sent<'_>) -> Vec<(usize, Entry)> {
    let one = |i: usize| {
        let path = &files[i];
        // The stamp is taken before reading: a file saved meanwhile looks
        // stale next time rather than fresh with old contents.
        let (size, mtime) = stamp(path).unwrap_or((u64::MAX, 0));
        (
            i,
            Entry {
                name: name_of(path),
                size,
                mtime,
                summary: summarise(path),
            },
        )
    };
    let part = |ids: &[usize]| {
        let mut out = Vec::with_capacity(ids.len());
        for batch in ids.chunks(BATCH) {
            let got: Vec<(usize, Entry)> = batch.iter().map(|&i| one(i)).collect();
            sent(&got);
            out.extend(got);
        }
        out
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if missing.len() < 2 * BATCH || threads == 1 {
        return part(missing);
    }
    let chunk = missing.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = missing
            .chunks(chunk)
            .map(|ids| scope.spawn(move || part(ids)))
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
