//! Reviewing past sessions: a summary of each file for the list (kept in an
//! index beside the sessions, with every item's text), comparisons across sessions, and
//! follow-up sessions that carry the open items forward. No terminal here;
//! the app loop calls these and hands the results to the flow.

pub mod compare;
pub mod compare_lines;
pub mod followup;
pub mod heat;
pub mod index;
pub mod lines;
pub mod outline;
pub mod rank;
pub mod recurring;
pub mod report;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::session::{
    CommitmentStatus, Fate, FileError, Mode, Session, Status, Timestamp, Zone, store,
};

/// At most this many of a session's last readings are kept for its sparkline.
pub const SPARK_READINGS: usize = 64;

/// What the review list shows of one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub title: String,
    pub mode: Mode,
    pub created: Timestamp,
    /// Checkpoints visited, of all the workshop's checkpoints.
    pub done: usize,
    pub total: usize,
    /// The last reading's level and zone.
    pub last: Option<(u8, Zone)>,
    /// The last readings' levels, oldest first (at most SPARK_READINGS).
    pub levels: Vec<u8>,
    pub readings: usize,
    pub gadflies: usize,
    pub parked: usize,
    pub polarities: usize,
    pub commitments_open: usize,
    pub commitments_kept: usize,
    pub commitments: usize,
    pub follows: Option<String>,
    /// The review dates of the open work (commitments, running
    /// experiments), to count the overdue.
    #[serde(default)]
    pub due: Vec<chrono::NaiveDate>,
}

impl Summary {
    /// Open work whose review date is before `today`.
    pub fn overdue(&self, today: chrono::NaiveDate) -> usize {
        self.due.iter().filter(|d| **d < today).count()
    }

    pub fn of(s: &Session) -> Summary {
        let count = |st: CommitmentStatus| s.commitments.iter().filter(|c| c.status == st).count();
        let skip = s.readings.len().saturating_sub(SPARK_READINGS);
        Summary {
            title: s.meta.title.clone(),
            mode: s.meta.mode,
            created: s.meta.created,
            done: s
                .progress
                .checkpoints
                .iter()
                .filter(|c| c.status == Status::Visited)
                .count(),
            total: s.workshop.checkpoints.len(),
            last: s.readings.last().map(|r| (r.level, r.zone)),
            levels: s.readings[skip..].iter().map(|r| r.level).collect(),
            readings: s.readings.len(),
            gadflies: s.gadflies.len(),
            parked: s.gadflies.iter().filter(|g| g.fate == Fate::Parked).count(),
            polarities: s.polarities.len(),
            commitments_open: count(CommitmentStatus::Open),
            commitments_kept: count(CommitmentStatus::Kept),
            commitments: s.commitments.len(),
            follows: s.meta.follows.clone(),
            due: s
                .work_items()
                .iter()
                .filter(|w| w.work.open)
                .map(|w| w.work.review)
                .collect(),
        }
    }
}

/// Where a file failed to load, without its folder (the cache may be read
/// from another path to the same folder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl Problem {
    pub fn of(e: &FileError) -> Problem {
        Problem {
            line: e.line,
            col: e.col,
            message: e.message.clone(),
        }
    }
}

/// One file of the folder: its summary, or why it does not load.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub path: PathBuf,
    pub entry: Result<Summary, Problem>,
    /// Not read yet (the list is shown while the files the cache did not
    /// have are read); `entry` then says so.
    pub reading: bool,
}

impl Row {
    pub fn ready(path: PathBuf, entry: Result<Summary, Problem>) -> Row {
        Row {
            path,
            entry,
            reading: false,
        }
    }

    /// A row whose file is still being read.
    pub fn reading(path: PathBuf) -> Row {
        Row {
            path,
            entry: Err(Problem {
                line: 1,
                col: 1,
                message: "still reading this file".into(),
            }),
            reading: true,
        }
    }

    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// `FILE:LINE:COL: message` for a file that does not load.
    pub fn error_line(&self) -> Option<String> {
        self.entry.as_ref().err().map(|p| {
            format!(
                "{}:{}:{}: {}",
                self.path.display(),
                p.line,
                p.col,
                p.message
            )
        })
    }
}

/// Summarise one file by loading it in full (and checking it).
pub fn summarise(path: &Path) -> Result<Summary, Problem> {
    store::load(path)
        .map(|s| Summary::of(&s))
        .map_err(|e| Problem::of(&e))
}

/// Every session file under `dir` (subfolders too), summarised: from the
/// index where it is fresh, by loading the file where not (and the index is
/// brought up to date). A file that fails to load is a row with its problem;
/// it never stops the others. Session files are only ever read.
pub fn load_dir(dir: &Path) -> std::io::Result<Vec<Row>> {
    read_dirs(&[dir.to_path_buf()])
}

/// One folder's plan (see `plan_dirs`).
pub fn plan_dir(dir: &Path) -> std::io::Result<index::Plan> {
    plan_dirs(&[dir.to_path_buf()])
}

/// The folders' rows as far as their indexes know them, at once; the plan's
/// `finish` reads the rest (in the background, in the app).
pub fn plan_dirs(dirs: &[PathBuf]) -> std::io::Result<index::Plan> {
    index::plan(dirs)
}

/// Every row, complete: from the index where it is fresh, the rest read now
/// (and the index brought up to date). For `balcony list`.
pub fn read_dirs(dirs: &[PathBuf]) -> std::io::Result<Vec<Row>> {
    let plan = plan_dirs(dirs)?;
    let mut rows = plan.rows.clone();
    let filled = std::cell::RefCell::new(Vec::new());
    plan.finish(|batch| filled.borrow_mut().extend(batch));
    for (i, row) in filled.into_inner() {
        rows[i] = row;
    }
    Ok(rows)
}

/// Loads full sessions for the session view and comparisons.
pub fn load_full(paths: &[PathBuf]) -> Vec<(PathBuf, Result<Session, String>)> {
    paths
        .iter()
        .map(|p| (p.clone(), store::load(p).map_err(|e| e.headline())))
        .collect()
}

/// The folder, inside the sessions folder, that review's exports go to.
pub const EXPORTS_DIR: &str = "exports";

/// Writes the session at `path` as Markdown and HTML into `dir/exports/`
/// (same name, other extensions), replacing earlier exports of it; with the
/// archive's index, the Markdown summary names the issues raised in
/// earlier sessions. The session file is only read. Returns the files
/// written.
pub fn export_to(
    dir: &Path,
    path: &Path,
    archive: Option<&index::Archive>,
) -> Result<Vec<PathBuf>, String> {
    let session = store::load(path).map_err(|e| e.to_string())?;
    let recurring = archive
        .map(|a| recurring::recurrences(a, path, &session))
        .unwrap_or_default();
    export_session(dir, path, &session, &recurring)
}

/// Writes `session` (whose file is `path`) as Markdown and HTML into
/// `dir/exports/`: the live session is exported as it stands in memory.
pub fn export_session(
    dir: &Path,
    path: &Path,
    session: &Session,
    recurring: &[recurring::Recurrence],
) -> Result<Vec<PathBuf>, String> {
    use crate::export::ExportFormat;
    let out = dir.join(EXPORTS_DIR);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let stem = path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    let mut written = Vec::new();
    for (format, ext) in [(ExportFormat::Md, "md"), (ExportFormat::Html, "html")] {
        let file = out.join(format!("{stem}.{ext}"));
        let more = crate::review::report::recurring_section(recurring);
        let text = crate::export::render_with(session, format, more);
        store::write_durably(&file, text.as_bytes(), true).map_err(|e| e.to_string())?;
        written.push(file);
    }
    Ok(written)
}
