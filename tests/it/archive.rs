//! An organisation's archive: the SQLite index over folders of sessions
//! (recursive, incremental, rebuilt when stale or broken, never a FIFO or a
//! link), `balcony search` against a plain scan of the files, `balcony due`,
//! merge-conflict markers, and the `.ics` export parsed back.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use balcony::review::{self, index};
use balcony::session::{CommitmentStatus, Session, store};

fn balcony() -> Command {
    let mut cmd = Command::cargo_bin("balcony").unwrap();
    cmd.env_remove("BALCONY_SESSIONS");
    cmd
}

/// Twelve generated sessions in two teams' folders, one a level deeper.
fn archive() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for seed in 1..=12u64 {
        let sub = match seed % 3 {
            0 => "team-a",
            1 => "team-b",
            _ => "team-b/2026",
        };
        let folder = dir.path().join(sub);
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join(format!("s{seed:02}.ron"));
        store::save(&path, &balcony::sample::session(60, seed)).unwrap();
        files.push(path);
    }
    files.sort();
    (dir, files)
}

fn roots(dir: &Path) -> Vec<PathBuf> {
    vec![dir.to_path_buf()]
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The plain scan: every item of every file whose words hold all of the
/// query's, as (file, kind, item id) with how many times each occurs.
fn scan(files: &[PathBuf], query: &str) -> BTreeMap<(PathBuf, String, u32), usize> {
    let want = words(query);
    let mut out = BTreeMap::new();
    for f in files {
        let Ok(s) = store::load(f) else { continue };
        for t in index::item_texts(&s) {
            let have = words(&t.text);
            if want.iter().all(|w| have.contains(w)) {
                *out.entry((f.clone(), t.kind.to_string(), t.item))
                    .or_default() += 1;
            }
        }
    }
    out
}

fn found(dirs: &[PathBuf], query: &str) -> BTreeMap<(PathBuf, String, u32), usize> {
    let mut out = BTreeMap::new();
    for h in index::archive(dirs).unwrap().search(query, 100_000) {
        *out.entry((h.path, h.kind, h.item)).or_default() += 1;
    }
    out
}

#[test]
fn search_finds_what_a_plain_scan_finds_in_every_subfolder() {
    let (dir, files) = archive();
    let rows = review::load_dir(dir.path()).unwrap();
    assert_eq!(rows.len(), 12, "subfolders are read");
    assert!(rows.iter().all(|r| r.entry.is_ok()));
    for query in ["customer", "refunds", "customer retention", "Board", "zzzz"] {
        let expected = scan(&files, query);
        assert_eq!(found(&roots(dir.path()), query), expected, "{query}");
        if query != "zzzz" {
            assert!(!expected.is_empty(), "{query} occurs in the samples");
        }
    }
    // Best first: the ranks never go down.
    let hits = index::archive(&roots(dir.path()))
        .unwrap()
        .search("customer", 1000);
    assert!(hits.windows(2).all(|w| w[0].rank <= w[1].rank));
    assert!(hits.iter().all(|h| h.text.contains(index::MARK_START)));
}

/// Search ranks with its own bm25, which reads each item's length from its
/// row id: on every match it must give what FTS5's bm25 gives, which counts
/// the words itself.
#[test]
fn the_ranking_is_fts5s_bm25() {
    let (dir, _) = archive();
    index::archive(&roots(dir.path())).unwrap();
    let conn = rusqlite::Connection::open(dir.path().join(index::FILE_NAME)).unwrap();
    review::rank::register(&conn).unwrap();
    let mut stmt = conn
        .prepare("SELECT balcony_rank(items), bm25(items) FROM items WHERE items MATCH ?1")
        .unwrap();
    for query in ["customer", "refunds", "customer retention", "Board", "the"] {
        let fts = index::fts_query(query).unwrap();
        let ranks: Vec<(f64, f64)> = stmt
            .query_map([&fts], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(ranks.len() > 3, "{query} matches");
        let distinct: BTreeSet<u64> = ranks.iter().map(|(_, b)| b.to_bits()).collect();
        assert!(distinct.len() > 1, "{query}: items of different lengths");
        for (ours, fts5) in ranks {
            assert!((ours - fts5).abs() < 1e-9, "{query}: {ours} against {fts5}");
        }
    }
}

#[test]
fn a_changed_file_is_indexed_alone_and_a_removed_one_dropped() {
    let (dir, files) = archive();
    let roots = roots(dir.path());
    index::archive(&roots).unwrap();
    let db = dir.path().join(index::FILE_NAME);
    let rowids = || -> BTreeMap<String, i64> {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut stmt = conn.prepare("SELECT path, rowid FROM sessions").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let before = rowids();
    assert_eq!(before.len(), 12);
    // One file changes: only its row is written again.
    let mut s = store::load(&files[0]).unwrap();
    s.notes.push(balcony::session::Note {
        id: s.next_id,
        at: s.meta.created,
        checkpoint: s.workshop.checkpoints[0].id.clone(),
        kind: balcony::session::NoteKind::Observation,
        text: "The quokka question came back".into(),
    });
    s.next_id += 1;
    store::save(&files[0], &s).unwrap();
    let plan = review::plan_dirs(&roots).unwrap();
    let reading: Vec<_> = plan.rows.iter().filter(|r| r.reading).collect();
    assert_eq!(reading.len(), 1, "only the changed file is read again");
    plan.finish(|_| {});
    let after = rowids();
    let key0 = "team-a/s03.ron";
    assert_eq!(files[0], dir.path().join(key0));
    for (path, rowid) in &before {
        if path != key0 {
            assert_eq!(after[path], *rowid, "{path} was not written again");
        }
    }
    assert_eq!(found(&roots, "quokka").len(), 1);
    // Its earlier items are gone, not doubled.
    assert_eq!(found(&roots, "refunds"), scan(&files, "refunds"));
    // A removed file leaves the index.
    std::fs::remove_file(&files[0]).unwrap();
    assert!(found(&roots, "quokka").is_empty());
    assert_eq!(rowids().len(), 11);
}

#[test]
fn an_older_or_broken_index_is_rebuilt() {
    let (dir, files) = archive();
    let roots = roots(dir.path());
    let first = review::load_dir(dir.path()).unwrap();
    let db = dir.path().join(index::FILE_NAME);
    // An older schema, with a wrong row in it: rebuilt, not trusted.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute("UPDATE sessions SET summary = 'nonsense'", [])
            .unwrap();
        conn.pragma_update(None, "user_version", 0).unwrap();
    }
    assert!(!review::plan_dirs(&roots).unwrap().is_complete());
    assert_eq!(review::load_dir(dir.path()).unwrap(), first);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, index::SCHEMA);
    drop(conn);
    // Garbage instead of a database: rebuilt, quietly.
    std::fs::write(&db, b"not a database at all, just bytes").unwrap();
    let a = index::archive(&roots).unwrap();
    assert!(a.notes.is_empty(), "{:?}", a.notes);
    assert_eq!(found(&roots, "refunds"), scan(&files, "refunds"));
}

#[test]
fn an_index_that_is_a_fifo_or_a_link_is_never_opened_or_removed() {
    let (dir, files) = archive();
    let roots = roots(dir.path());
    let db = dir.path().join(index::FILE_NAME);
    let name = std::ffi::CString::new(db.to_str().unwrap()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let t = Instant::now();
    let a = index::archive(&roots).unwrap();
    assert!(t.elapsed() < Duration::from_secs(10), "no hang on a FIFO");
    assert!(a.notes[0].contains("not a regular file"), "{:?}", a.notes);
    // Still searchable, from memory.
    assert_eq!(
        a.search("refunds", 100_000).len(),
        scan(&files, "refunds").values().sum::<usize>()
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&db)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    std::fs::remove_file(&db).unwrap();
    // A link to someone's file: neither followed nor replaced.
    let target = dir.path().join("precious.txt");
    std::fs::write(&target, "keep me").unwrap();
    std::os::unix::fs::symlink(&target, &db).unwrap();
    let rows = review::load_dir(dir.path()).unwrap();
    assert_eq!(rows.len(), 12);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    assert!(
        std::fs::symlink_metadata(&db)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_merge_conflict_is_named_with_its_lines() {
    let (dir, files) = archive();
    let text = std::fs::read_to_string(&files[1]).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut conflicted = lines[..5].join("\n");
    conflicted.push_str("\n<<<<<<< HEAD\n");
    conflicted.push_str(lines[5]);
    conflicted.push_str("\n=======\n");
    conflicted.push_str(lines[5]);
    conflicted.push_str("\n>>>>>>> theirs\n");
    conflicted.push_str(&lines[6..].join("\n"));
    let path = dir.path().join("team-b/2026/conflicted.ron");
    std::fs::write(&path, conflicted).unwrap();
    let e = store::load(&path).unwrap_err();
    assert_eq!((e.line, e.col), (6, 1));
    assert!(
        e.message.contains("merge conflict")
            && e.message
                .contains("<<<<<<< at line 6, ======= at line 8, >>>>>>> at line 10"),
        "{}",
        e.message
    );
    // The list names it too, among the others.
    let rows = review::load_dir(dir.path()).unwrap();
    let row = rows.iter().find(|r| r.path == path).unwrap();
    assert!(
        row.error_line()
            .unwrap()
            .contains("conflicted.ron:6:1: an unresolved merge conflict")
    );
    let out = balcony().arg("list").arg(dir.path()).assert().success();
    let out = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(out.contains("merge conflict"), "{out}");
}

#[test]
fn search_and_list_take_several_folders_from_the_command_line() {
    let (dir, _) = archive();
    let a = dir.path().join("team-a");
    let b = dir.path().join("team-b");
    let out = balcony()
        .args(["search", "refunds", "-n", "1000"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        out.contains("«refunds»") || out.contains("«Refunds»"),
        "{out}"
    );
    assert!(out.contains("team-a") && out.contains("team-b"), "{out}");
    assert!(out.chars().all(|c| c == '\n' || !c.is_control()));
    // An index beside each folder given.
    assert!(a.join(index::FILE_NAME).is_file() && b.join(index::FILE_NAME).is_file());
    let out = balcony().arg("list").arg(&a).arg(&b).assert().success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .count(),
        12
    );
    balcony().args(["search", "  "]).arg(&a).assert().code(2);
}

#[test]
fn search_output_is_cleaned_of_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = balcony::sample::session(20, 3);
    s.meta.title = "Title \u{1b}[31mred".into();
    s.notes.push(balcony::session::Note {
        id: s.next_id,
        at: s.meta.created,
        checkpoint: s.workshop.checkpoints[0].id.clone(),
        kind: balcony::session::NoteKind::Observation,
        text: "wombat \u{1b}]0;pwned\u{7} \u{1}here\u{2}".into(),
    });
    s.next_id += 1;
    store::save(&dir.path().join("x.ron"), &s).unwrap();
    let out = balcony()
        .args(["search", "wombat"])
        .arg(dir.path())
        .assert()
        .success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(out.contains("«wombat»"), "{out}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
}

fn open_commitments(files: &[PathBuf]) -> Vec<(PathBuf, Session, u32)> {
    let mut out = Vec::new();
    for f in files {
        let s = store::load(f).unwrap();
        // Work of every kind: commitments open, experiments running.
        for w in s.work_items().iter().filter(|w| w.work.open) {
            out.push((f.clone(), s.clone(), w.id));
        }
    }
    out
}

#[test]
fn due_lists_every_open_commitment_earliest_first() {
    let (dir, files) = archive();
    let expected = open_commitments(&files);
    assert!(expected.len() >= 3);
    let dues = index::archive(&roots(dir.path()))
        .unwrap()
        .open_commitments();
    let got: BTreeSet<(PathBuf, u32)> = dues.iter().map(|d| (d.path.clone(), d.id)).collect();
    let want: BTreeSet<(PathBuf, u32)> =
        expected.iter().map(|(p, _, id)| (p.clone(), *id)).collect();
    assert_eq!(got, want);
    assert!(dues.windows(2).all(|w| w[0].review <= w[1].review));
    // A day between the review dates: some overdue, listed first.
    let today = dues[dues.len() / 2].review;
    let out = balcony()
        .arg("due")
        .arg(dir.path())
        .arg(format!("--today={today}"))
        .assert()
        .success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let overdue = dues.iter().filter(|d| d.review < today).count();
    assert!(overdue > 0);
    let running = dues.iter().filter(|d| d.kind == "experiment").count();
    assert!(running > 0, "the sample archive has running experiments");
    let experiments = if running == 1 {
        "experiment"
    } else {
        "experiments"
    };
    assert!(
        out.starts_with(&format!(
            "{} open commitments and {running} running {experiments}, {overdue} overdue",
            dues.len() - running
        )),
        "{out}"
    );
    assert!(out.contains("experiment: "), "{out}");
    let first = out.lines().nth(1).unwrap();
    assert!(first.contains("overdue"), "{first}");
    for d in &dues {
        assert!(out.contains(&d.owner) && out.contains(&d.what), "{out}");
    }
    // Review's list counts each session's overdue commitments.
    for row in review::load_dir(dir.path()).unwrap() {
        let late = dues
            .iter()
            .filter(|d| d.path == row.path && d.review < today)
            .count();
        assert_eq!(row.entry.unwrap().overdue(today), late);
    }
}

#[test]
fn the_ics_export_has_one_event_per_open_commitment() {
    let (_dir, files) = archive();
    let open = open_commitments(&files);
    let (path, session, _) = &open[0];
    let text = balcony::export::render(session, balcony::cli::ExportFormat::Ics);
    use icalendar::Component;
    let cal = icalendar::Calendar::from_str(&text).unwrap();
    let events: Vec<_> = cal.components.iter().filter_map(|c| c.as_event()).collect();
    let mine: Vec<_> = session
        .commitments
        .iter()
        .filter(|c| c.status == CommitmentStatus::Open)
        .collect();
    assert_eq!(events.len(), mine.len());
    for (e, c) in events.iter().zip(&mine) {
        assert_eq!(
            e.get_summary().unwrap(),
            format!("{} ({})", c.what, c.owner)
        );
        assert_eq!(
            e.get_start().map(chrono::NaiveDate::from),
            Some(c.review),
            "{text}"
        );
        assert!(e.get_description().unwrap().contains(&session.meta.title));
        assert!(
            e.get_uid()
                .unwrap()
                .ends_with(&format!("-commitment-{}@balcony", c.id))
        );
    }
    // The same bytes again; a renamed session keeps its UIDs.
    let mut renamed = session.clone();
    renamed.meta.title = "Another name".into();
    let again = balcony::export::render(&renamed, balcony::cli::ExportFormat::Ics);
    let uids = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect()
    };
    assert_eq!(uids(&again), uids(&text));
    assert_eq!(
        text,
        balcony::export::render(session, balcony::cli::ExportFormat::Ics)
    );
    // Through the command line.
    let out = balcony()
        .args(["export", "--format", "ics"])
        .arg(path)
        .assert()
        .success();
    assert_eq!(String::from_utf8_lossy(&out.get_output().stdout), text);
}

#[test]
fn review_filter_finds_sessions_by_their_items_and_opens_at_the_item() {
    use crate::common::{ch, key, render, t0};
    use balcony::flow::{Effect, Flow, Input, View};
    use crossterm::event::KeyCode;
    let (dir, files) = archive();
    // One session holds a word no title has.
    let target = &files[4];
    let mut s = store::load(target).unwrap();
    let note_id = s.next_id;
    s.notes.push(balcony::session::Note {
        id: note_id,
        at: s.meta.created,
        checkpoint: s.workshop.checkpoints[0].id.clone(),
        kind: balcony::session::NoteKind::Observation,
        text: "Nobody mentioned the platypus budget".into(),
    });
    s.next_id += 1;
    store::save(target, &s).unwrap();
    let archive = index::archive(&roots(dir.path())).unwrap();
    let rows = review::load_dir(dir.path()).unwrap();
    let mut f = Flow::in_review(dir.path().to_path_buf(), rows, t0());
    f.size = (100, 30);
    // Carries out the search effects as the app does.
    let type_key = |f: &mut Flow, input| {
        for e in f.handle(input, t0()) {
            match e {
                Effect::ReviewSearch(query) => {
                    let hits = archive.search(&query, 2000);
                    f.handle(Input::ReviewFound { query, hits }, t0());
                }
                Effect::ReviewOpen(path) => {
                    let session = store::load(&path).map(Box::new).map_err(|e| e.to_string());
                    f.handle(Input::ReviewLoaded { path, session }, t0());
                }
                _ => {}
            }
        }
    };
    type_key(&mut f, ch('/'));
    for c in "platypus".chars() {
        type_key(&mut f, ch(c));
    }
    let r = f.review().unwrap();
    assert_eq!(
        r.shown.len(),
        1,
        "only the session whose note holds the word"
    );
    assert_eq!(&r.selected().unwrap().path, target);
    let screen = render(&f, 100, 30);
    assert!(screen.contains("«platypus»"), "{screen}");
    type_key(&mut f, key(KeyCode::Enter));
    type_key(&mut f, key(KeyCode::Enter));
    let Some(View::Session(v)) = &f.review().unwrap().view else {
        panic!("the session is open");
    };
    let at = v
        .session
        .notes
        .iter()
        .position(|n| n.id == note_id)
        .unwrap();
    assert_eq!(
        v.parts[v.scroll],
        balcony::review::outline::Part::Item(balcony::session::ItemKind::Note, at)
    );
    // And it is on screen.
    let screen = render(&f, 100, 30);
    assert!(
        screen.contains("Nobody mentioned the platypus budget"),
        "{screen}"
    );
    // Esc clears the filter and the found items with it.
    type_key(&mut f, key(KeyCode::Esc));
    type_key(&mut f, key(KeyCode::Esc));
    let r = f.review().unwrap();
    assert!(r.hits.is_empty() && r.shown.len() == 12);
}

/// The index holds every item's text: it is private like the sessions.
#[test]
fn the_index_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = archive();
    review::load_dir(dir.path()).unwrap();
    let mode = std::fs::metadata(dir.path().join(index::FILE_NAME))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// Search reads every kind from its own definition: an item of each kind a
/// session holds can be found, an experiment by what it taught, and who
/// said a gadfly idea is never in the index.
#[test]
fn search_reads_every_kind_but_not_who_said_an_idea() {
    use balcony::session::{Author, ItemKind};
    let s = crate::harness::every_kind();
    let texts = index::item_texts(&s);
    let kinds: BTreeSet<&str> = texts.iter().map(|t| t.kind).collect();
    for kind in ItemKind::all().filter(|k| s.count(*k) > 0) {
        assert!(kinds.contains(kind.label()), "{kind:?} is searched");
    }
    let named: Vec<&str> = s
        .gadflies
        .iter()
        .filter_map(|g| match &g.author {
            Author::Named(n) => Some(n.as_str()),
            Author::Anonymous => None,
        })
        .collect();
    assert!(!named.is_empty());
    for name in named {
        assert!(!texts.iter().any(|t| t.text.contains(name)), "{name}");
    }
    let dir = tempfile::tempdir().unwrap();
    store::save(&dir.path().join("s.ron"), &s).unwrap();
    let hits = index::archive(&roots(dir.path()))
        .unwrap()
        .search("spending limit", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].kind.as_str(), hits[0].item),
        ("experiment", s.experiments[0].id)
    );
}
