//! The archive's commands, over every session under one or more folders:
//! `balcony search` (items holding words, best first) and `balcony due`
//! (open commitments by review date). Both read the index beside the
//! sessions (brought up to date first); neither writes a session.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::commands::folder_names;
use crate::review::index::{self, Archive, MARK_END, MARK_START};

/// Marks around a match in the printed text.
pub const MARK_OPEN: &str = "«";
pub const MARK_CLOSE: &str = "»";

/// Text fit for a terminal line: the match marks shown, every other control
/// character a space.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            MARK_START => out.push_str(MARK_OPEN),
            MARK_END => out.push_str(MARK_CLOSE),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn open(dirs: &[PathBuf], err: &mut dyn Write) -> Option<Archive> {
    match index::archive(dirs) {
        Ok(archive) => {
            for note in &archive.notes {
                let _ = writeln!(err, "note: {note}");
            }
            Some(archive)
        }
        Err(e) => {
            let _ = writeln!(err, "{}: cannot read the folder: {e}", folder_names(dirs));
            None
        }
    }
}

/// `balcony search QUERY [DIR...]`: 0 with or without matches, 1 when a
/// folder cannot be read, 2 when the query has no word.
pub fn search(
    query: &str,
    dirs: &[PathBuf],
    limit: usize,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    if index::fts_query(query).is_none() {
        let _ = writeln!(err, "give at least one word to look for");
        return 2;
    }
    let Some(archive) = open(dirs, err) else {
        return 1;
    };
    let hits = archive.search(query, limit);
    if hits.is_empty() {
        let _ = writeln!(
            out,
            "No item holds \"{}\" in {}.",
            printable(query),
            folder_names(dirs)
        );
    }
    for h in hits {
        let date = h.created.get(..10).unwrap_or(&h.created);
        let _ = writeln!(
            out,
            "{}  {} · {} · {}  {}\n    {}",
            date,
            printable(&h.title),
            printable(&h.checkpoint),
            h.kind,
            h.path.display(),
            printable(&h.text)
        );
    }
    0
}

/// How a review date stands against today, in words.
pub fn standing(review: NaiveDate, today: NaiveDate) -> String {
    let days = (review - today).num_days();
    match days {
        d if d < 0 => format!("overdue {} day{}", -d, plural(-d)),
        0 => "due today".to_string(),
        d => format!("in {d} day{}", plural(d)),
    }
}

/// "3 open commitments", or each kind when there is more than one:
/// "2 open commitments and 1 running experiment".
fn open_count(open: &[crate::review::index::Due]) -> String {
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for d in open {
        match kinds.iter_mut().find(|k| k.0 == d.kind) {
            Some(k) => k.1 += 1,
            None => kinds.push((&d.kind, 1)),
        }
    }
    let words: Vec<String> = kinds
        .iter()
        .map(|(kind, n)| {
            // An open piece of work stands at its kind's first status:
            // a commitment "open", an experiment "running".
            let state = crate::kinds::ItemKind::all()
                .find(|k| k.label() == *kind)
                .and_then(|k| k.statuses().first().copied())
                .unwrap_or("open");
            format!("{n} {state} {kind}{}", plural(*n as i64))
        })
        .collect();
    words.join(" and ")
}

/// What is due: a commitment's words as they are, other work named.
fn what_due(d: &crate::review::index::Due) -> String {
    match d.kind.as_str() {
        "commitment" => printable(&d.what),
        kind => format!("{kind}: {}", printable(&d.what)),
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `balcony due [DIR...]`: every open commitment, earliest review date (so
/// the overdue) first, with its owner, its session and its age.
pub fn due(dirs: &[PathBuf], today: NaiveDate, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(archive) = open(dirs, err) else {
        return 1;
    };
    let open = archive.open_commitments();
    if open.is_empty() {
        let _ = writeln!(out, "No open commitments in {}.", folder_names(dirs));
        return 0;
    }
    let overdue = open.iter().filter(|d| d.review < today).count();
    let _ = writeln!(
        out,
        "{}, {overdue} overdue (today is {today})",
        open_count(&open)
    );
    for d in open {
        let age = (today - d.made).num_days().max(0);
        let _ = writeln!(
            out,
            "{}  {:<16}  {:<18}  {}\n    made {} ({age} day{} ago) in \"{}\"  {}",
            d.review,
            standing(d.review, today),
            crate::commands::clip(&d.owner, 18),
            what_due(&d),
            d.made,
            plural(age),
            printable(&d.title),
            d.path.display()
        );
    }
    0
}
