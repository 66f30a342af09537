//! The archive's index: one SQLite file beside the sessions holding each
//! file's summary, its open commitments and every item's text in an FTS5
//! table. It is never a source of truth: it is rebuilt when missing, broken
//! or of an older schema, kept up to date file by file (by size and mtime),
//! and when it cannot be used (a read-only folder, a locked or odd file) the
//! same tables are built in memory for this run, with a quiet note. The
//! schema is described in docs/format.md.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, UNIX_EPOCH};

use rusqlite::{Connection, OpenFlags, params};

use super::{Problem, Row, Summary};
use crate::kinds::with_kind;
use crate::session::{ItemKind, Stored};
use crate::session::{Session, store};

/// The index's file name inside each folder given.
pub const FILE_NAME: &str = ".balcony-index.sqlite";
/// Bumped when a table or the summary changes shape: an older index is
/// rebuilt (it is kept in SQLite's `user_version`).
pub const SCHEMA: i32 = 3;

const TABLES: &str = "
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    title TEXT,
    created TEXT,
    problem TEXT,
    summary TEXT NOT NULL
);
CREATE TABLE commitments (
    path TEXT NOT NULL,
    id INTEGER NOT NULL,
    what TEXT NOT NULL,
    owner TEXT NOT NULL,
    review TEXT NOT NULL,
    made TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX commitments_path ON commitments(path);
CREATE VIRTUAL TABLE items USING fts5(
    text, checkpoint UNINDEXED, kind UNINDEXED, item UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', columnsize = 0
);
";

/// What an index knew: relative path -> (size, mtime, the summary's JSON).
/// The JSON is read only when a row is wanted: search and due need none.
type Known = HashMap<String, (u64, u64, Option<String>)>;

/// One folder's index, open.
struct Db {
    root: PathBuf,
    conn: Connection,
    /// What it knew when opened: relative path -> (size, mtime, summary).
    known: Known,
}

/// Why an index on disk was not used, for the quiet note.
fn bypass(root: &Path, why: &str) -> String {
    format!(
        "{}: the index is not kept ({why}); reading the files",
        root.join(FILE_NAME).display()
    )
}

fn create_tables(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(TABLES)?;
    // FTS5 writes its pending terms out as a new segment each time they
    // pass this many bytes (1 MiB by default), and merges the segments as
    // they pile up: 8 MiB took a tenth off building the index, for about as
    // much more memory while building.
    conn.execute(
        "INSERT INTO items (items, rank) VALUES ('hashsize', ?1)",
        [8 << 20],
    )?;
    conn.pragma_update(None, "user_version", SCHEMA)
}

/// The index of `root`, opened or built; in memory when the file cannot be
/// used (the note says why). Only a regular file is ever opened or removed.
fn open(root: &Path) -> (Connection, Option<String>) {
    let path = root.join(FILE_NAME);
    let on_disk = match std::fs::symlink_metadata(&path) {
        Ok(m) if !m.file_type().is_file() => Err(bypass(root, "it is not a regular file")),
        Ok(_) => open_existing(&path).or_else(|_| {
            // Broken, foreign or older: it holds nothing the files do not.
            remove(&path);
            open_new(&path)
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => open_new(&path),
        Err(e) => Err(bypass(root, &e.to_string())),
    };
    match on_disk {
        Ok(conn) => (conn, None),
        Err(why) => {
            let note = if why.contains(FILE_NAME) {
                why
            } else {
                bypass(root, &why)
            };
            let conn = Connection::open_in_memory()
                .and_then(|c| settle(&c).and_then(|()| create_tables(&c)).map(|()| c))
                .expect("an in-memory database with fixed tables always opens");
            (conn, Some(note))
        }
    }
}

fn remove(path: &Path) {
    for p in [path.to_path_buf(), journal(path)] {
        if std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_file()) {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn journal(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

fn flags() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

fn settle(conn: &Connection) -> rusqlite::Result<()> {
    // Another balcony indexing the same folder: wait a little, then go on
    // without the file rather than hang.
    conn.busy_timeout(Duration::from_millis(300))?;
    // The journal still rolls back a write cut short by a crash of balcony;
    // only a crash of the whole machine mid-write can break the file, and a
    // broken index is rebuilt. Not syncing saves three fsyncs per update.
    conn.pragma_update(None, "synchronous", "OFF")?;
    // Room for the pages a first build touches (in KiB): spilling them
    // mid-transaction cost a tenth of the build.
    conn.pragma_update(None, "cache_size", -16384)?;
    super::rank::register(conn)
}

fn open_existing(path: &Path) -> Result<Connection, String> {
    let conn = Connection::open_with_flags(path, flags()).map_err(|e| e.to_string())?;
    settle(&conn).map_err(|e| e.to_string())?;
    let version: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if version != SCHEMA {
        return Err(format!("schema {version}"));
    }
    // Every table must answer: a damaged file fails here and is rebuilt.
    conn.query_row(
        "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM commitments) \
         + (SELECT count(*) FROM items WHERE rowid = 1)",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map_err(|e| e.to_string())?;
    Ok(conn)
}

fn open_new(path: &Path) -> Result<Connection, String> {
    // Made here, private and never through a link (it holds every item's
    // text); SQLite gives its journal the same mode. An empty file is an
    // empty database.
    crate::session::store::fresh_private(path).map_err(|e| e.to_string())?;
    let conn = Connection::open_with_flags(path, flags()).map_err(|e| e.to_string())?;
    settle(&conn).map_err(|e| e.to_string())?;
    create_tables(&conn).map_err(|e| e.to_string())?;
    Ok(conn)
}

/// What the index knew of each file; the summaries too when `summaries`.
fn known(conn: &Connection, summaries: bool) -> rusqlite::Result<Known> {
    let sql = if summaries {
        "SELECT path, size, mtime, summary FROM sessions"
    } else {
        "SELECT path, size, mtime, NULL FROM sessions"
    };
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            (
                r.get::<_, i64>(1)? as u64,
                r.get::<_, i64>(2)? as u64,
                r.get::<_, Option<String>>(3)?,
            ),
        ))
    })?;
    rows.collect()
}

/// A summary as the index keeps it; None when this build cannot read it
/// (the file is then simply read again).
fn summary_of(json: &str) -> Option<Result<Summary, Problem>> {
    serde_json::from_str(json).ok()
}

/// Size and modification time (ns): what makes an indexed file fresh.
fn stamp(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((
        meta.len(),
        u64::try_from(mtime.as_nanos()).unwrap_or(u64::MAX),
    ))
}

/// Every session file under `root`, in its subfolders too, sorted. Only
/// regular files: links, pipes and devices are never followed or read.
/// Dot-folders and review's `exports/` are left out.
pub fn session_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    let mut first = true;
    while let Some(dir) = dirs.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if first => return Err(e),
            Err(_) => continue,
        };
        first = false;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                if name != super::EXPORTS_DIR {
                    dirs.push(path);
                }
            } else if kind.is_file() && path.extension().is_some_and(|x| x == "ron") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The path as the index keys it: relative to its folder, with `/`.
fn key(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// One item's text, for the FTS table.
pub struct ItemText {
    pub checkpoint: String,
    pub kind: &'static str,
    pub item: u32,
    pub text: String,
    /// Its length in words, for the ranking.
    pub length: i64,
}

/// Every item of a session as searchable text, its reasons included.
pub fn item_texts(s: &Session) -> Vec<ItemText> {
    let cp = |id: &str| crate::export::checkpoint_title(s, id).to_string();
    let mut out = Vec::new();
    let mut push = |checkpoint: &str, kind: &'static str, item: u32, parts: &[&str]| {
        let mut text = String::new();
        for (i, p) in parts.iter().filter(|p| !p.trim().is_empty()).enumerate() {
            if i > 0 {
                text.push_str(" · ");
            }
            // Most text is printable ASCII, which cleaning only trims; this
            // runs for every item when an index is built.
            if p.bytes().all(|b| (b' '..=b'~').contains(&b)) {
                text.push_str(p.trim());
            } else {
                text.push_str(&crate::clean::clean(p, false));
            }
        }
        if !text.is_empty() {
            out.push(ItemText {
                checkpoint: cp(checkpoint),
                kind,
                item,
                length: super::rank::length(&text),
                text,
            });
        }
    };
    fn items<K: Stored>(s: &Session, push: &mut impl FnMut(&str, &'static str, u32, &[&str])) {
        for x in K::list(s).iter() {
            let (id, _, checkpoint) = x.stamp();
            for (label, parts) in x.searched() {
                push(checkpoint, label, id, &parts);
            }
        }
    }
    for kind in ItemKind::all() {
        with_kind!(kind, K => items::<K>(s, &mut push));
    }
    for r in s.readings.iter() {
        let tactic = r.tactic.as_deref().unwrap_or("");
        push(&r.checkpoint, "tension move", r.id, &[tactic, &r.reason]);
    }
    out
}

/// A file read for the index, with every row it adds made ready by the
/// reading thread: the one writing thread only runs the inserts.
struct Doc {
    file: usize,
    stamp: (u64, u64),
    summary: Result<Summary, Problem>,
    /// The summary as the index keeps it (JSON).
    json: String,
    texts: Vec<ItemText>,
    commitments: Vec<CommitmentRow>,
}

/// One row of the `commitments` table: a piece of work of any kind.
struct CommitmentRow {
    kind: &'static str,
    id: u32,
    what: String,
    owner: String,
    review: String,
    made: String,
    status: String,
}

fn read_doc(file: usize, path: &Path) -> Doc {
    // The stamp is taken before reading: a file saved meanwhile looks stale
    // next time rather than fresh with old contents.
    let stamp = stamp(path).unwrap_or((u64::MAX, 0));
    let (summary, texts, commitments) = match store::load(path) {
        Ok(s) => {
            let commitments = s
                .work_items()
                .iter()
                .map(|w| CommitmentRow {
                    kind: w.kind.label(),
                    id: w.id,
                    what: w.work.what.to_string(),
                    owner: w.work.owner.to_string(),
                    review: w.work.review.to_string(),
                    made: s
                        .stamp_of(w.kind, w.index)
                        .map(|x| x.1.to_rfc3339())
                        .unwrap_or_default(),
                    // Only "Open" is looked for; the rest say where it stands.
                    status: if w.work.open {
                        "Open".into()
                    } else {
                        w.status().to_string()
                    },
                })
                .collect();
            (Ok(Summary::of(&s)), item_texts(&s), commitments)
        }
        Err(e) => (Err(Problem::of(&e)), Vec::new(), Vec::new()),
    };
    Doc {
        file,
        stamp,
        json: serde_json::to_string(&summary).unwrap_or_default(),
        summary,
        texts,
        commitments,
    }
}

/// Items of one session have rowids `sid << SESSION_SHIFT | n << LEN_BITS |
/// length` (`sid` the session's rowid, `n` the item's place in it, `length`
/// its words, for the ranking): dropping a session's items is a rowid range,
/// not a scan of the text, and ranking a match needs no lookup.
const ITEM_BITS: u32 = 24;
const SESSION_SHIFT: u32 = ITEM_BITS + super::rank::LEN_BITS;
/// Sessions past this rowid have no searchable text (their row ids would
/// not fit); 33 million files.
const MAX_SID: i64 = 1 << (63 - SESSION_SHIFT);

fn delete(conn: &Connection, path: &str) -> rusqlite::Result<()> {
    let sid: Option<i64> = conn
        .prepare_cached("SELECT id FROM sessions WHERE path = ?1")?
        .query_row([path], |r| r.get(0))
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    let Some(sid) = sid else {
        return Ok(());
    };
    conn.prepare_cached("DELETE FROM sessions WHERE id = ?1")?
        .execute([sid])?;
    conn.prepare_cached("DELETE FROM commitments WHERE path = ?1")?
        .execute([path])?;
    conn.prepare_cached("DELETE FROM items WHERE rowid BETWEEN ?1 AND ?2")?
        .execute([sid << SESSION_SHIFT, ((sid + 1) << SESSION_SHIFT) - 1])?;
    Ok(())
}

fn insert(conn: &Connection, path: &str, doc: &Doc) -> rusqlite::Result<()> {
    delete(conn, path)?;
    let (title, created, problem) = match &doc.summary {
        Ok(s) => (Some(s.title.clone()), Some(s.created.to_rfc3339()), None),
        Err(p) => (
            None,
            None,
            Some(format!("{}:{}: {}", p.line, p.col, p.message)),
        ),
    };
    conn.prepare_cached(
        "INSERT INTO sessions (path, size, mtime, title, created, problem, summary) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        path,
        doc.stamp.0 as i64,
        doc.stamp.1 as i64,
        title,
        created,
        problem,
        doc.json
    ])?;
    let sid = conn.last_insert_rowid();
    let mut item = conn.prepare_cached(
        "INSERT INTO items (rowid, text, checkpoint, kind, item) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    // Past 2^24 items a session's text is not searched further.
    let texts = if sid < MAX_SID { &doc.texts[..] } else { &[] };
    for (n, t) in texts.iter().take(1 << ITEM_BITS).enumerate() {
        let rowid = sid << SESSION_SHIFT | (n as i64) << super::rank::LEN_BITS | t.length;
        item.execute(params![rowid, t.text, t.checkpoint, t.kind, t.item])?;
    }
    let mut commit = conn.prepare_cached(
        "INSERT INTO commitments (path, id, what, owner, review, made, status, kind) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for c in &doc.commitments {
        commit.execute(params![
            path, c.id, c.what, c.owner, c.review, c.made, c.status, c.kind
        ])?;
    }
    Ok(())
}

/// The rows the list can show at once, from the indexes where they are
/// fresh and as "still reading" where not; `finish` reads the rest and
/// brings every index up to date.
pub struct Plan {
    dbs: Vec<Db>,
    /// Each file with the index (into `dbs`) of its folder.
    files: Vec<(usize, PathBuf)>,
    missing: Vec<usize>,
    pub rows: Vec<Row>,
    /// Indexes that could not be kept on disk, said quietly.
    pub notes: Vec<String>,
}

/// Plans the rows of every session file under each of `dirs`.
pub fn plan(dirs: &[PathBuf]) -> std::io::Result<Plan> {
    plan_with(dirs, true)
}

/// The plan, with the rows of fresh files when `rows` (review and list want
/// them; search and due only need the stale files found).
fn plan_with(dirs: &[PathBuf], want_rows: bool) -> std::io::Result<Plan> {
    let mut dbs = Vec::new();
    let mut files = Vec::new();
    let mut notes = Vec::new();
    for dir in dirs {
        let found = session_files(dir)?;
        let (conn, note) = open(dir);
        let known = match known(&conn, want_rows) {
            Ok(k) => k,
            Err(e) => {
                notes.push(bypass(dir, &e.to_string()));
                HashMap::new()
            }
        };
        notes.extend(note);
        files.extend(found.into_iter().map(|p| (dbs.len(), p)));
        dbs.push(Db {
            root: dir.clone(),
            conn,
            known,
        });
    }
    let mut rows = Vec::with_capacity(files.len());
    let mut missing = Vec::new();
    for (i, (db, path)) in files.iter().enumerate() {
        let db = &dbs[*db];
        let fresh = stamp(path).and_then(|(size, mtime)| {
            db.known
                .get(&key(&db.root, path))
                .filter(|(s, m, _)| *s == size && *m == mtime)
        });
        let summary = match fresh {
            Some(_) if !want_rows => continue,
            Some((_, _, Some(json))) => summary_of(json),
            _ => None,
        };
        match summary {
            Some(summary) => rows.push(Row::ready(path.clone(), summary)),
            None => {
                missing.push(i);
                if want_rows {
                    rows.push(Row::reading(path.clone()));
                }
            }
        }
    }
    Ok(Plan {
        dbs,
        files,
        missing,
        rows,
        notes,
    })
}

/// Files read per batch: small enough that the list fills in steadily.
const BATCH: usize = 16;

impl Plan {
    /// Whether every row is already known.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// Reads the files the indexes did not have (on every core, streamed to
    /// this thread, which writes them), handing each batch of rows with
    /// their indexes to `send`; drops the files that are gone. Returns the
    /// indexes, up to date, for searching.
    pub fn finish(self, send: impl Fn(Vec<(usize, Row)>)) -> Archive {
        let Plan {
            dbs,
            files,
            missing,
            mut notes,
            ..
        } = self;
        let mut failed = vec![false; dbs.len()];
        let mut fail = |dbs: &[Db], failed: &mut [bool], d: usize, e: rusqlite::Error| {
            if !failed[d] {
                failed[d] = true;
                notes.push(bypass(&dbs[d].root, &e.to_string()));
            }
        };
        for (d, db) in dbs.iter().enumerate() {
            if let Err(e) = db.conn.execute_batch("BEGIN IMMEDIATE") {
                fail(&dbs, &mut failed, d, e);
            }
        }
        // Files gone since the last run.
        let mut present: Vec<std::collections::HashSet<String>> =
            vec![Default::default(); dbs.len()];
        for (d, path) in &files {
            present[*d].insert(key(&dbs[*d].root, path));
        }
        for (d, db) in dbs.iter().enumerate() {
            for gone in db.known.keys().filter(|k| !present[d].contains(*k)) {
                if let Err(e) = delete(&db.conn, gone) {
                    fail(&dbs, &mut failed, d, e);
                }
            }
        }
        let (tx, rx) = mpsc::sync_channel::<Doc>(4 * BATCH);
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        std::thread::scope(|scope| {
            let chunk = missing.len().div_ceil(threads).max(1);
            for ids in missing.chunks(chunk) {
                let tx = tx.clone();
                let files = &files;
                scope.spawn(move || {
                    for &i in ids {
                        if tx.send(read_doc(i, &files[i].1)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(tx);
            let mut batch = Vec::with_capacity(BATCH);
            for doc in rx {
                let (d, path) = &files[doc.file];
                if !failed[*d]
                    && let Err(e) = insert(&dbs[*d].conn, &key(&dbs[*d].root, path), &doc)
                {
                    fail(&dbs, &mut failed, *d, e);
                }
                batch.push((doc.file, Row::ready(path.clone(), doc.summary)));
                if batch.len() == BATCH {
                    send(std::mem::take(&mut batch));
                }
            }
            if !batch.is_empty() {
                send(batch);
            }
        });
        for d in 0..dbs.len() {
            if failed[d] {
                let _ = dbs[d].conn.execute_batch("ROLLBACK");
            } else if let Err(e) = dbs[d].conn.execute_batch("COMMIT") {
                fail(&dbs, &mut failed, d, e);
            }
        }
        Archive {
            dbs: dbs
                .into_iter()
                .zip(failed)
                .map(|(db, failed)| (db.root, db.conn, failed))
                .collect(),
            notes,
        }
    }
}

/// The indexes of the folders, up to date, for search and commitments due.
pub struct Archive {
    /// Each folder, its index and whether bringing it up to date failed
    /// (it then misses what changed since its last good run).
    dbs: Vec<(PathBuf, Connection, bool)>,
    pub notes: Vec<String>,
}

/// The folders' indexes as they are, read-only and not brought up to date
/// (for a question asked on another thread while the app keeps them); a
/// folder without a usable index is left out.
pub fn read_only(dirs: &[PathBuf]) -> Archive {
    let mut dbs = Vec::new();
    for dir in dirs {
        let path = dir.join(FILE_NAME);
        if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file()) {
            continue;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let Ok(conn) = Connection::open_with_flags(&path, flags) else {
            continue;
        };
        let _ = conn.busy_timeout(Duration::from_millis(300));
        if super::rank::register(&conn).is_err() {
            continue;
        }
        let version = conn.pragma_query_value(None, "user_version", |r| r.get::<_, i32>(0));
        if version.ok() == Some(SCHEMA) {
            dbs.push((dir.clone(), conn, false));
        }
    }
    Archive {
        dbs,
        notes: Vec::new(),
    }
}

/// Every folder's index brought up to date.
pub fn archive(dirs: &[PathBuf]) -> std::io::Result<Archive> {
    Ok(plan_with(dirs, false)?.finish(|_| {}))
}

/// One item that matched a search.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub path: PathBuf,
    pub title: String,
    pub created: String,
    pub checkpoint: String,
    pub kind: String,
    pub item: u32,
    /// The item's text with each match between `MARK_START` and `MARK_END`.
    pub text: String,
    /// bm25: lower is better.
    pub rank: f64,
}

/// Around each match in `Hit::text` (control characters, which the indexed
/// text never holds).
pub const MARK_START: char = '\u{1}';
pub const MARK_END: char = '\u{2}';

/// The words of `query` as an FTS5 query: each word quoted, all required.
/// None when there is no word.
pub fn fts_query(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .filter(|w| w.len() > 2)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Archive {
    /// Items matching every word of `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let Some(fts) = fts_query(query) else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for (root, conn, _) in &self.dbs {
            hits.extend(best(conn, root, &fts, limit).unwrap_or_default());
        }
        hits.sort_by(|a, b| a.rank.total_cmp(&b.rank).then_with(|| a.path.cmp(&b.path)));
        hits.truncate(limit);
        hits
    }

    /// Every open piece of work of the archive (commitments, running
    /// experiments), earliest review date first.
    pub fn open_commitments(&self) -> Vec<Due> {
        let mut out = Vec::new();
        for (root, conn, _) in &self.dbs {
            let found = conn
                .prepare(
                    "SELECT c.path, s.title, c.id, c.what, c.owner, c.review, c.made, c.kind \
                     FROM commitments c JOIN sessions s ON s.path = c.path \
                     WHERE c.status = 'Open'",
                )
                .and_then(|mut stmt| {
                    stmt.query_map([], |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, Option<String>>(1)?,
                            r.get::<_, u32>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, String>(4)?,
                            r.get::<_, String>(5)?,
                            r.get::<_, String>(6)?,
                            r.get::<_, String>(7)?,
                        ))
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()
                });
            for (path, title, id, what, owner, review, made, kind) in found.unwrap_or_default() {
                let (Ok(review), Ok(made)) = (
                    review.parse::<chrono::NaiveDate>(),
                    chrono::DateTime::parse_from_rfc3339(&made),
                ) else {
                    continue;
                };
                out.push(Due {
                    path: root.join(path),
                    title: title.unwrap_or_default(),
                    id,
                    what,
                    owner,
                    review,
                    made: made.date_naive(),
                    kind,
                });
            }
        }
        out.sort_by(|a, b| (a.review, &a.path, a.id).cmp(&(b.review, &b.path, b.id)));
        out
    }
}

/// The `limit` best items of one index for `fts`. First only the row ids
/// and ranks (FTS5 ranks by bm25 without reading the columns), then the
/// columns, the marks and the session of those few: reading them for every
/// match (most sessions hold a common word) was most of a search's time.
fn best(conn: &Connection, root: &Path, fts: &str, limit: usize) -> rusqlite::Result<Vec<Hit>> {
    let top = conn
        .prepare_cached(
            "SELECT rowid, balcony_rank(items) AS r FROM items WHERE items MATCH ?1 \
             ORDER BY r, rowid LIMIT ?2",
        )?
        .query_map(params![fts, limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut one = conn.prepare_cached(
        "SELECT s.path, s.title, s.created, items.checkpoint, items.kind, items.item, \
         highlight(items, 0, char(1), char(2)) \
         FROM items JOIN sessions s ON s.id = ?2 \
         WHERE items MATCH ?1 AND items.rowid = ?3",
    )?;
    let mut hits = Vec::with_capacity(top.len());
    for (rowid, rank) in top {
        let hit = one.query_row(params![fts, rowid >> SESSION_SHIFT, rowid], |r| {
            Ok(Hit {
                path: root.join(r.get::<_, String>(0)?),
                title: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                created: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                checkpoint: r.get(3)?,
                kind: r.get(4)?,
                item: r.get(5)?,
                text: r.get(6)?,
                rank,
            })
        });
        match hit {
            Ok(hit) => hits.push(hit),
            // An item whose session row is gone is not shown (as the join
            // did before).
            Err(rusqlite::Error::QueryReturnedNoRows) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(hits)
}

/// An item that may resemble another (see `recurring`): its session and
/// its indexed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub path: PathBuf,
    pub title: String,
    pub created: chrono::DateTime<chrono::FixedOffset>,
    pub kind: String,
    pub text: String,
}

/// At most this many candidates per item and folder: a word in most of a
/// large archive's items would otherwise make opening a session slow.
const CANDIDATES: i64 = 5_000;

impl Archive {
    /// Items of `kinds` matching the FTS5 query `fts` in sessions held
    /// before `before`, in the order they were indexed. Sessions that do
    /// not load are left out.
    pub fn candidates(
        &self,
        fts: &str,
        kinds: &[&str],
        before: chrono::DateTime<chrono::FixedOffset>,
    ) -> Vec<Candidate> {
        let mut out = Vec::new();
        let sql = format!(
            "SELECT s.path, s.title, s.created, items.kind, items.text \
             FROM items JOIN sessions s ON s.id = items.rowid >> {SESSION_SHIFT} \
             WHERE items MATCH ?1 AND julianday(s.created) < julianday(?3) LIMIT ?2"
        );
        for (root, conn, _) in &self.dbs {
            let found = conn.prepare_cached(&sql).and_then(|mut stmt| {
                stmt.query_map(params![fts, CANDIDATES, before.to_rfc3339()], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            });
            for (path, title, created, kind, text) in found.unwrap_or_default() {
                let Ok(created) = chrono::DateTime::parse_from_rfc3339(&created) else {
                    continue;
                };
                if kinds.contains(&kind.as_str()) {
                    out.push(Candidate {
                        path: root.join(path),
                        title: title.unwrap_or_default(),
                        created,
                        kind,
                        text,
                    });
                }
            }
        }
        out
    }
}

/// An open commitment, as `balcony due` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    pub path: PathBuf,
    pub title: String,
    pub id: u32,
    pub what: String,
    pub owner: String,
    pub review: chrono::NaiveDate,
    /// The day it was made.
    pub made: chrono::NaiveDate,
    /// What kind of work it is: "commitment", "experiment".
    pub kind: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Fate;

    /// Plain text is only trimmed; anything else is cleaned as before.
    #[test]
    fn item_texts_are_cleaned_and_joined() {
        let mut s = crate::sample::session(60, 1);
        let mut gadflies = s.gadflies.iter().cloned().collect::<Vec<_>>();
        gadflies[0].text = "  plain words  ".into();
        gadflies[0].fate = Fate::Declined("\u{1b}[31mred\u{1b}[0m\tand \u{202e}back ".into());
        gadflies[1].text = "\u{7}".into();
        gadflies[1].fate = Fate::Declined("why".into());
        s.gadflies = gadflies.into_iter().collect();
        let texts = item_texts(&s);
        let text = |id| {
            texts
                .iter()
                .find(|t| t.kind == "gadfly idea" && t.item == id)
                .map(|t| (t.text.as_str(), t.length))
        };
        assert_eq!(
            text(s.gadflies[0].id),
            Some(("plain words · red and back", 5))
        );
        // A part that cleans to nothing still keeps its place.
        assert_eq!(text(s.gadflies[1].id), Some((" · why", 1)));
    }
}
