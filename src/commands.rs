//! The non-interactive subcommands: check, list, sample, template, export.
//! Each returns the process exit code; output goes to the writers given.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::clean::{for_terminal, path as shown};
use crate::export::ExportFormat;
use crate::review::{self, Row, Summary};
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
                    shown(path),
                    for_terminal(&s.meta.title),
                    s.item_count(),
                    s.readings.len()
                );
            }
            Ok(Checked::Template(w)) => {
                let _ = writeln!(
                    out,
                    "{}: ok (template \"{}\", {} checkpoints)",
                    shown(path),
                    for_terminal(&w.name),
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

/// Every session file under `dirs` as review summarises it (from the index
/// beside the sessions where it is fresh), newest first, unreadable ones last.
pub fn list_rows(dirs: &[PathBuf]) -> std::io::Result<Vec<Row>> {
    let mut rows = review::read_dirs(dirs)?;
    rows.sort_by(|a, b| match (&a.entry, &b.entry) {
        (Ok(x), Ok(y)) => y.created.cmp(&x.created),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.path.cmp(&b.path),
    });
    Ok(rows)
}

/// `balcony list`
pub fn list(dirs: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let rows = match list_rows(dirs) {
        Ok(rows) => rows,
        Err(e) => {
            let _ = writeln!(err, "{}: cannot read the folder: {e}", folder_names(dirs));
            return 1;
        }
    };
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "No sessions in {} yet. Start one with `balcony new`.",
            folder_names(dirs)
        );
        return 0;
    }
    for row in rows {
        let _ = match &row.entry {
            Ok(s) => writeln!(out, "{}", list_line(&row.path, s)),
            Err(p) => writeln!(
                out,
                "!  {}:{}:{}: {}",
                shown(&row.path),
                p.line,
                p.col,
                for_terminal(&p.message)
            ),
        };
    }
    0
}

/// The folders, for a message.
pub fn folder_names(dirs: &[PathBuf]) -> String {
    dirs.iter().map(|d| shown(d)).collect::<Vec<_>>().join(", ")
}

fn list_line(path: &Path, s: &Summary) -> String {
    let name = shown(Path::new(path.file_name().unwrap_or_default()));
    let tension = match s.last {
        Some((level, zone)) => format!("{level:>2} {}", zone.label()),
        None => "-- no reading".to_string(),
    };
    format!(
        "{}  {:<32}  {:<11}  tension {:<14}  {:>3} gadfly  {:>3} values  {:>3} commit ({} open)  {}",
        s.created.format("%Y-%m-%d %H:%M"),
        clip(&s.title, 32),
        s.mode.label(),
        tension,
        s.gadflies,
        s.polarities,
        s.commitments,
        s.commitments_open,
        name
    )
}

/// At most `n` characters, with an ellipsis when cut; escapes removed and
/// line breaks and tabs made spaces.
pub fn clip(s: &str, n: usize) -> String {
    let s = for_terminal(s);
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
    if text.len() as u64 > ronfile::MAX_FILE_BYTES {
        let _ = writeln!(
            err,
            "a sample of {items} items would be {:.1} MiB, over the {} MiB balcony reads: choose fewer items",
            text.len() as f64 / (1024.0 * 1024.0),
            ronfile::MAX_FILE_BYTES / (1024 * 1024)
        );
        return 1;
    }
    match store::write_durably(output, text.as_bytes(), false) {
        Ok(()) => 0,
        Err(store::SaveError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::AlreadyExists =>
        {
            let _ = writeln!(
                err,
                "{}: already exists; balcony does not overwrite files (choose another name)",
                shown(output)
            );
            1
        }
        Err(e) => {
            let _ = writeln!(err, "{}", for_terminal(&e.to_string()));
            1
        }
    }
}

/// `balcony template --print`
pub fn template(which: Builtin, out: &mut dyn Write) -> i32 {
    let _ = out.write_all(which.source().as_bytes());
    0
}

/// `balcony export FILE --format F [-o OUT]`: 0 on success, 1 when the file
/// does not load or the output cannot be written.
pub fn export(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    folders: &[std::path::PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let session = match store::load(file) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let mut recs = Vec::new();
    if !folders.is_empty() {
        let summary = matches!(format, ExportFormat::Md | ExportFormat::Html);
        if !summary {
            let _ = writeln!(
                err,
                "note: only the Markdown and HTML summaries say which issues were raised before"
            );
        }
        match crate::review::index::archive(folders) {
            Ok(index) if summary => {
                for note in &index.notes {
                    let _ = writeln!(err, "note: {note}");
                }
                recs = crate::review::recurring::recurrences(&index, file, &session);
            }
            Ok(_) => {}
            Err(e) => {
                let _ = writeln!(
                    err,
                    "{}: cannot read the folder: {e}",
                    folder_names(folders)
                );
                return 1;
            }
        }
    }
    let more = crate::review::report::recurring_section(&recs);
    let text = crate::export::render_with(&session, format, more);
    write_out(&text, output, out, err)
}

/// Writes an export to `output` (a file, or standard output for none, `-`
/// or a name of the file standard output is open on, such as `/dev/stdout`).
pub fn write_out(
    text: &str,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match output.filter(|p| *p != Path::new("-") && !is_standard_output(p)) {
        // Replacing a file is what the user asked for with -o; durably, so a
        // crash never leaves half an export behind. A link, a FIFO or a
        // device is written through, not replaced.
        Some(path) => match store::write_to(path, text.as_bytes()) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "{}", for_terminal(&e.to_string()));
                1
            }
        },
        // Standard output is often a terminal: the facilitator's pasted text
        // must not run there.
        None => match out
            .write_all(for_terminal(text).as_bytes())
            .and_then(|()| out.flush())
        {
            Ok(()) => 0,
            // A closed pipe (`| head`) is not worth a scary message.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                let _ = writeln!(err, "could not write the export: {e}");
                1
            }
        },
    }
}

/// Whether `path` is the file standard output is open on: `-o /dev/stdout`
/// with `>> notes.md` must append to notes.md as the shell opened it, not
/// replace it with a new file holding the export alone.
fn is_standard_output(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let stdout = std::io::stdout();
        let Ok(ours) = stdout
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from)
            .and_then(|f| f.metadata())
        else {
            return false;
        };
        std::fs::metadata(path).is_ok_and(|m| m.dev() == ours.dev() && m.ino() == ours.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// `balcony export --archive DIR... [-o OUT]`: the report over every session
/// in the folders (subfolders too), read one at a time; a file that does
/// not load is left out and named. 0 on success, 1 when a folder cannot be
/// read or the output written, 2 for a format other than Markdown.
pub fn archive_report(
    folders: &[std::path::PathBuf],
    format: ExportFormat,
    output: Option<&std::path::Path>,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> i32 {
    if format != ExportFormat::Md {
        let _ = writeln!(err, "{}", crate::strings::REPORT_MD_ONLY);
        return 2;
    }
    let mut gather = crate::review::heat::Gather::default();
    for dir in folders {
        let files = match crate::review::index::session_files(dir) {
            Ok(f) => f,
            Err(e) => {
                let _ = writeln!(err, "{}: cannot read the folder: {e}", dir.display());
                return 1;
            }
        };
        for f in files {
            match crate::session::store::load(&f) {
                Ok(session) => gather.add(&f, &session),
                Err(e) => {
                    let _ = writeln!(err, "note: left out: {}", e.headline());
                }
            }
        }
    }
    write_out(
        &crate::review::report::heat_report(&gather.finish()),
        output,
        out,
        err,
    )
}
