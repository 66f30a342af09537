//! The non-interactive subcommands: check, list, sample, template.
//! Each returns the process exit code; output goes to the writers given.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ronfile;
use crate::session::{FileError, Session, store};
use crate::workshop::{self, Builtin};

/// What a checked file turned out to be.
pub enum Checked {
    Session(Box<Session>),
    Template(Box<workshop::Workshop>),
}

/// Load a file as a session or a template, whichever it is.
pub fn check_file(path: &Path) -> Result<Checked, FileError> {
    let text = ronfile::read_text(path)?;
    if store::looks_like_session(&text) {
        store::load_str(path, &text).map(|s| Checked::Session(Box::new(s)))
    } else {
        workshop::parse(path, &text).map(|w| Checked::Template(Box::new(w)))
    }
}

/// `balcony check`: 0 when every file is valid, 1 otherwise.
pub fn check(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut failed = 0;
    for path in files {
        match check_file(path) {
            Ok(Checked::Session(s)) => {
                let _ = writeln!(
                    out,
                    "{}: ok (session \"{}\", {} items, {} readings)",
                    path.display(),
                    s.meta.title,
                    s.item_count(),
                    s.readings.len()
                );
            }
            Ok(Checked::Template(w)) => {
                let _ = writeln!(
                    out,
                    "{}: ok (template \"{}\", {} checkpoints)",
                    path.display(),
                    w.name,
                    w.checkpoints.len()
                );
            }
            Err(e) => {
                failed += 1;
                let _ = writeln!(err, "{e}");
            }
        }
    }
    if failed > 0 {
        let _ = writeln!(
            err,
            "{failed} of {} file{} failed the check",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        );
        1
    } else {
        0
    }
}

/// One row of `balcony list`.
pub struct ListRow {
    pub path: PathBuf,
    pub session: Result<Session, FileError>,
}

/// Every session file in `dir`, newest first, unreadable ones last.
pub fn list_rows(dir: &Path) -> std::io::Result<Vec<ListRow>> {
    let mut rows: Vec<ListRow> = store::session_files(dir)?
        .into_iter()
        .map(|path| ListRow {
            session: store::load(&path),
            path,
        })
        .collect();
    rows.sort_by(|a, b| match (&a.session, &b.session) {
        (Ok(x), Ok(y)) => y.meta.created.cmp(&x.meta.created),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.path.cmp(&b.path),
    });
    Ok(rows)
}

/// `balcony list`
pub fn list(dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let rows = match list_rows(dir) {
        Ok(rows) => rows,
        Err(e) => {
            let _ = writeln!(err, "{}: cannot read the folder: {e}", dir.display());
            return 1;
        }
    };
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "No sessions in {} yet. Start one with `balcony new`.",
            dir.display()
        );
        return 0;
    }
    for row in rows {
        let _ = match &row.session {
            Ok(s) => writeln!(out, "{}", list_line(&row.path, s)),
            Err(e) => writeln!(out, "!  {}", e.headline()),
        };
    }
    0
}

fn list_line(path: &Path, s: &Session) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tension = match s.readings.last() {
        Some(r) => format!("{:>2} {}", r.level, r.zone.label()),
        None => "-- no reading".to_string(),
    };
    format!(
        "{}  {:<32}  {:<11}  tension {:<14}  {:>3} gadfly  {:>3} values  {:>3} commit ({} open)  {}",
        s.meta.created.format("%Y-%m-%d %H:%M"),
        clip(&s.meta.title, 32),
        s.meta.mode.label(),
        tension,
        s.gadflies.len(),
        s.polarities.len(),
        s.commitments.len(),
        s.open_commitments(),
        name
    )
}

/// At most `n` characters, with an ellipsis when cut; control characters hidden.
pub fn clip(s: &str, n: usize) -> String {
    let clean = s.chars().map(|c| if c.is_control() { ' ' } else { c });
    let count = s.chars().count();
    if count <= n {
        clean.collect()
    } else {
        let mut out: String = clean.take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// `balcony sample`
pub fn sample(items: usize, seed: u64, output: &Path, err: &mut dyn Write) -> i32 {
    let session = crate::sample::session(items, seed);
    let text = match ronfile::to_pretty(&session) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "could not write the sample: {e}");
            return 1;
        }
    };
    match store::write_durably(output, text.as_bytes(), false) {
        Ok(()) => 0,
        Err(store::SaveError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::AlreadyExists =>
        {
            let _ = writeln!(
                err,
                "{}: already exists; balcony does not overwrite files (choose another name)",
                output.display()
            );
            1
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

/// `balcony template --print`
pub fn template(which: Builtin, out: &mut dyn Write) -> i32 {
    let _ = out.write_all(which.source().as_bytes());
    0
}
