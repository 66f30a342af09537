//! `balcony review`: the list (with broken files in it), the read-only
//! session view, the compare view, follow-ups and the index.
//! Snapshots at 100×30 with a fixed clock.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use balcony::flow::{Effect, Flow, Input, View};
use balcony::review::{self, followup, index};
use balcony::session::{CommitmentStatus, Fate, store};
use common::*;
use crossterm::event::KeyCode;
use unicode_width::UnicodeWidthStr;

const W: u16 = 100;
const H: u16 = 30;
const NORTHLINE: &str = "2026-11-10-0930-northline-keeping-customers.ron";
const BROKEN: [&str; 5] = [
    "truncated.ron",
    "bad-date.ron",
    "not-ron.ron",
    "empty.ron",
    "newer-schema.ron",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A folder with the three example sessions and some broken files.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(root().join("sessions/examples")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    for name in BROKEN {
        std::fs::copy(
            root().join("tests/fixtures/broken").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    dir
}

/// Northline with its one commitment still open (the example's is kept), so
/// that it has every kind of open item.
fn reopen_northline(dir: &Path) -> PathBuf {
    let path = dir.join(NORTHLINE);
    let mut s = store::load(&path).unwrap();
    s.commitments[0].status = CommitmentStatus::Open;
    store::save(&path, &s).unwrap();
    path
}

fn review_flow(dir: &Path) -> Flow {
    let rows = review::load_dir(dir).unwrap();
    // The folder is named as the user would see it; the temp path varies.
    let mut f = Flow::in_review(PathBuf::from("sessions"), rows, t0());
    f.size = (W, H);
    f
}

/// Carries out review's effects as the app does (only reads, plus exports).
fn run(f: &mut Flow, dir: &Path, input: Input) -> Vec<Effect> {
    let effects = f.handle(input, t0());
    for e in &effects {
        match e {
            Effect::ReviewOpen(p) => {
                let session = store::load(p).map(Box::new).map_err(|e| e.to_string());
                let path = p.clone();
                f.handle(Input::ReviewLoaded { path, session }, t0());
            }
            Effect::ReviewCompare(ps) => {
                f.handle(Input::ReviewCompared(review::load_full(ps)), t0());
            }
            Effect::Export(p) => {
                let said = match review::export_to(dir, p, None) {
                    Ok(_) => Input::ReviewSaid {
                        text: "exported".into(),
                        failed: false,
                    },
                    Err(text) => Input::ReviewSaid { text, failed: true },
                };
                f.handle(said, t0());
            }
            _ => {}
        }
    }
    effects
}

fn select(f: &mut Flow, dir: &Path, name: &str) {
    run(f, dir, key(KeyCode::Home));
    for _ in 0..20 {
        let r = f.review().unwrap();
        if r.selected().is_some_and(|row| row.name() == name) {
            return;
        }
        run(f, dir, key(KeyCode::Down));
    }
    panic!("{name} is not in the list");
}

#[test]
fn review_list() {
    let dir = folder();
    let f = review_flow(dir.path());
    insta::assert_snapshot!(render(&f, W, H));
}

#[test]
fn broken_files_show_with_their_place_and_never_hide_the_others() {
    let dir = folder();
    let rows = review::load_dir(dir.path()).unwrap();
    assert_eq!(rows.len(), 3 + BROKEN.len());
    assert_eq!(rows.iter().filter(|r| r.entry.is_ok()).count(), 3);
    for r in rows.iter().filter(|r| r.entry.is_err()) {
        let line = r.error_line().unwrap();
        let prefix = format!("{}:", r.path.display());
        let rest = line.strip_prefix(&prefix).expect("FILE: first");
        let mut parts = rest.splitn(3, ':');
        let (l, c) = (parts.next().unwrap(), parts.next().unwrap());
        assert!(
            l.parse::<usize>().is_ok() && c.parse::<usize>().is_ok(),
            "{line}"
        );
        // The same problem as `balcony check` reports.
        let checked = store::load(&r.path).unwrap_err();
        assert_eq!(line, checked.headline());
    }
    let f = review_flow(dir.path());
    let screen = render(&f, W, H);
    for name in BROKEN {
        assert!(
            screen.contains(&format!("! {name}:")),
            "{name} missing:\n{screen}"
        );
    }
}

#[test]
fn sort_and_filter() {
    let dir = folder();
    let mut f = review_flow(dir.path());
    let titles = |f: &Flow| -> Vec<String> {
        let r = f.review().unwrap();
        r.shown
            .iter()
            .filter_map(|&i| r.rows[i].entry.as_ref().ok().map(|s| s.title.clone()))
            .collect()
    };
    let by_date = titles(&f);
    assert!(
        by_date[0].starts_with("Ward 7"),
        "newest first: {by_date:?}"
    );
    run(&mut f, dir.path(), ch('s'));
    let by_title = titles(&f);
    let mut sorted = by_title.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(by_title, sorted);
    assert_ne!(by_title, by_date);
    run(&mut f, dir.path(), ch('/'));
    typ(&mut f, "NORTH", 0);
    assert_eq!(titles(&f).len(), 1);
    assert!(render(&f, W, H).contains("filter: NORTH█"));
    run(&mut f, dir.path(), key(KeyCode::Enter));
    assert_eq!(f.review().unwrap().shown.len(), 1);
    // Esc clears the filter before it leaves.
    run(&mut f, dir.path(), key(KeyCode::Esc));
    assert_eq!(f.review().unwrap().shown.len(), 3 + BROKEN.len());
    let quit = run(&mut f, dir.path(), key(KeyCode::Esc));
    assert_eq!(quit, vec![Effect::Quit]);
}

#[test]
fn session_view() {
    let dir = folder();
    let mut f = review_flow(dir.path());
    select(&mut f, dir.path(), NORTHLINE);
    run(&mut f, dir.path(), key(KeyCode::Enter));
    assert!(matches!(f.review().unwrap().view, Some(View::Session(_))));
    insta::assert_snapshot!("session_view_top", render(&f, W, H));
    // Further down, a line at a time: the polarity maps, as the report gives
    // them, from their heading on.
    let mut screen = render(&f, W, H);
    for _ in 0..200 {
        if screen
            .lines()
            .nth(2)
            .is_some_and(|l| l.starts_with("\"Competing values"))
        {
            break;
        }
        run(&mut f, dir.path(), key(KeyCode::Down));
        screen = render(&f, W, H);
    }
    insta::assert_snapshot!("session_view_maps", screen);
    run(&mut f, dir.path(), key(KeyCode::End));
    insta::assert_snapshot!("session_view_end", render(&f, W, H));
    run(&mut f, dir.path(), key(KeyCode::Esc));
    assert!(f.review().unwrap().view.is_none());
}

/// A follow-up of Northline, a month on: one carried commitment kept, a
/// parked idea adopted, a sign seen, the heat higher.
fn follow_up_of(dir: &Path) -> PathBuf {
    let earlier = reopen_northline(dir);
    let later = t0() + chrono::Duration::days(30);
    let (mut s, path, carried) = followup::create(dir, &earlier, None, None, None, later).unwrap();
    assert!(carried.work_of(balcony::session::ItemKind::Commitment) > 0 && carried.signs > 0);
    s.commitments[0].status = CommitmentStatus::Kept;
    if let Some(g) = s.gadflies.first_mut() {
        g.fate = Fate::Adopted;
    }
    s.polarities[0].warnings[0].fired.push(later);
    let mut r = store::load(&earlier).unwrap().readings[0].clone();
    r.at = later;
    r.checkpoint = s.workshop.checkpoints[0].id.clone();
    r.id = s.take_id();
    r.after_gadfly = None;
    s.readings.push(r);
    store::save(&path, &s).unwrap();
    path
}

#[test]
fn compare_view() {
    let dir = folder();
    let later = follow_up_of(dir.path());
    let mut f = review_flow(dir.path());
    select(&mut f, dir.path(), NORTHLINE);
    run(&mut f, dir.path(), ch(' '));
    select(
        &mut f,
        dir.path(),
        later.file_name().unwrap().to_str().unwrap(),
    );
    run(&mut f, dir.path(), ch(' '));
    // A third, unrelated session: its conflicts do not recur.
    select(
        &mut f,
        dir.path(),
        "2026-10-02-1400-harbour-hale-returns-whose-customer-is-it.ron",
    );
    run(&mut f, dir.path(), ch(' '));
    let effects = run(&mut f, dir.path(), ch('c'));
    assert!(matches!(effects[..], [Effect::ReviewCompare(ref p)] if p.len() == 3));
    let screen = render(&f, W, H);
    insta::assert_snapshot!(screen);
    let Some(View::Compare(v)) = &f.review().unwrap().view else {
        panic!("no compare view");
    };
    assert!(
        v.cmp
            .commitments
            .iter()
            .any(|c| c.outcome == review::compare::Outcome::Ended("kept") && c.seen.len() == 2)
    );
    assert!(
        !v.cmp.recurring.is_empty(),
        "Northline's conflicts come back"
    );
    assert_eq!(
        v.cmp
            .fired
            .iter()
            .filter(|x| x.sessions.contains(&2))
            .count(),
        1
    );
}

/// Marks Northline and its follow-up and compares them.
fn compare_two(dir: &Path, later: &Path) -> Flow {
    let mut f = review_flow(dir);
    select(&mut f, dir, NORTHLINE);
    run(&mut f, dir, ch(' '));
    select(&mut f, dir, later.file_name().unwrap().to_str().unwrap());
    run(&mut f, dir, ch(' '));
    run(&mut f, dir, ch('c'));
    f
}

#[test]
fn a_long_commitment_wraps_in_the_compare_view() {
    let dir = folder();
    let later = follow_up_of(dir.path());
    let mut s = store::load(&later).unwrap();
    let words: Vec<String> = (1..=120).map(|i| format!("step{i:03}")).collect();
    s.commitments[0].what = words.join(" ");
    store::save(&later, &s).unwrap();
    let mut f = compare_two(dir.path(), &later);
    // Down, a line at a time, until the commitments are at the top or the
    // view ends.
    let heading = "Commitments and experiments";
    let mut screen = text(&render_buf(&f, W, H));
    for _ in 0..60 {
        if screen.lines().nth(2).unwrap().starts_with(heading) {
            break;
        }
        run(&mut f, dir.path(), key(KeyCode::Down));
        let next = text(&render_buf(&f, W, H));
        if next == screen {
            break;
        }
        screen = next;
    }
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows.iter().any(|r| r.starts_with(heading)), "{screen}");
    // Every word, in order, then its owner; continued lines indented.
    let first = rows.iter().position(|r| r.contains("step001")).unwrap();
    let last = rows
        .iter()
        .position(|r| r.contains(&s.commitments[0].owner))
        .unwrap();
    assert!(last > first, "{screen}");
    let shown: Vec<&str> = rows[first..=last]
        .iter()
        .flat_map(|r| r.split([' ', '·']))
        .filter(|w| w.starts_with("step"))
        .collect();
    assert_eq!(shown, words, "{screen}");
    assert!(
        rows[first + 1..=last]
            .iter()
            .all(|r| r.starts_with("      "))
    );
    assert!(!rows[first..=last].iter().any(|r| r.contains('…')));
    // No laid-out line is wider than the screen.
    let Some(View::Compare(v)) = &f.review().unwrap().view else {
        panic!("no compare view");
    };
    for part in &v.parts {
        for line in review::compare_lines::lines(&v.cmp, *part, W as usize) {
            let width: usize = line.iter().map(|(t, _)| t.width()).sum();
            assert!(width <= W as usize, "{line:?}");
        }
    }
    // Up goes a screen line at a time, through the wrapped row too, back
    // to the top.
    let body = |t: &str| {
        t.lines()
            .skip(2)
            .take(26)
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let mut steps = 0;
    loop {
        run(&mut f, dir.path(), key(KeyCode::Up));
        let up = text(&render_buf(&f, W, H));
        if up == screen {
            break;
        }
        assert_eq!(body(&up)[1..], body(&screen)[..25], "{up}");
        screen = up;
        steps += 1;
    }
    assert!(steps > 10, "{steps}");
    assert!(screen.lines().nth(2).unwrap().starts_with("Tension"));
}

#[test]
fn compare_needs_two() {
    let dir = folder();
    let mut f = review_flow(dir.path());
    run(&mut f, dir.path(), ch(' '));
    assert!(run(&mut f, dir.path(), ch('c')).is_empty());
    assert!(f.notice.as_ref().unwrap().text.contains("two or more"));
}

#[test]
fn deltas_have_arrows_and_signs() {
    use review::compare::delta;
    assert_eq!(delta(3), "▲ +3");
    assert_eq!(delta(-2), "▼ −2");
    assert_eq!(delta(0), "= 0");
}

#[test]
fn a_follow_up_carries_the_open_items() {
    let dir = folder();
    let earlier_path = reopen_northline(dir.path());
    let before = std::fs::read(&earlier_path).unwrap();
    let earlier = store::load(&earlier_path).unwrap();
    let (s, path, carried) =
        followup::create(dir.path(), &earlier_path, None, None, None, at(3600)).unwrap();
    assert_eq!(
        std::fs::read(&earlier_path).unwrap(),
        before,
        "the earlier file is only read"
    );
    let loaded = store::load(&path).expect("the follow-up loads and checks");
    assert_eq!(loaded, s);
    assert_eq!(s.meta.follows.as_deref(), Some(NORTHLINE));
    assert!(s.meta.title.starts_with("Follow-up: "));
    // It opens with last time: the band, the last reading as the baseline,
    // and a first checkpoint that looks at the commitments before anything new.
    assert_eq!(s.workshop.checkpoints[0].id, followup::LAST_TIME);
    assert!(
        s.workshop.checkpoints[0]
            .collects
            .contains(&balcony::session::ItemKind::Commitment)
    );
    assert_eq!(s.progress.current, 0);
    assert_eq!(s.band, earlier.band);
    let last = earlier.readings.last().expect("the example was read");
    assert_eq!(s.readings.len(), 1);
    assert_eq!(
        (s.readings[0].level, &s.readings[0].checkpoint),
        (last.level, &followup::LAST_TIME.to_string())
    );
    // The room sees last time's commitments there, on the wall.
    let wall = balcony::ui::wall::Wall::of(&s);
    assert!(wall.has_items(), "the carried commitments are on the wall");
    let open: Vec<&str> = earlier
        .commitments
        .iter()
        .filter(|c| c.status == CommitmentStatus::Open)
        .map(|c| c.what.as_str())
        .collect();
    let parked: Vec<&str> = earlier
        .gadflies
        .iter()
        .filter(|g| g.fate == Fate::Parked)
        .map(|g| g.text.as_str())
        .collect();
    let signs: Vec<(&str, &str)> = earlier
        .polarities
        .iter()
        .flat_map(|p| {
            p.warnings
                .iter()
                .map(|w| (w.sign.as_str(), w.watcher.as_str()))
        })
        .collect();
    assert!(
        !open.is_empty() && !signs.is_empty(),
        "the example has open items"
    );
    let carried_what: Vec<&str> = s.commitments.iter().map(|c| c.what.as_str()).collect();
    assert_eq!(carried_what, open);
    let carried_ideas: Vec<&str> = s.gadflies.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(carried_ideas, parked);
    let carried_signs: Vec<(&str, &str)> = s
        .polarities
        .iter()
        .flat_map(|p| {
            p.warnings
                .iter()
                .map(|w| (w.sign.as_str(), w.watcher.as_str()))
        })
        .collect();
    assert_eq!(carried_signs, signs);
    assert!(
        s.polarities
            .iter()
            .all(|p| p.warnings.iter().all(|w| w.fired.is_empty()))
    );
    assert_eq!(
        (
            carried.work_of(balcony::session::ItemKind::Commitment),
            carried.gadflies,
            carried.signs
        ),
        (open.len(), parked.len(), signs.len())
    );
    // Each carried item is marked as such, and says where it was captured
    // in the earlier session.
    assert!(s.commitments.iter().all(|c| {
        let was = earlier.commitments.iter().find(|e| e.at == c.at).unwrap();
        followup::is_carried(&s, c.at) && c.checkpoint == was.checkpoint
    }));
    // The live session opens on the carried commitments, and says what came over.
    let mut f = Flow::in_session(s.clone(), at(3600));
    f.handle(
        Input::FollowUpStarted("follow-up of Northline: carried over".into()),
        f.now,
    );
    let screen = render(&f, W, H);
    let start: String = open[0].chars().take(20).collect();
    assert!(screen.contains(&start), "{screen}");
    // In the live list, a carried item says so on its row.
    assert!(screen.contains(" carried ["), "{screen}");
    assert!(
        screen.contains("captured: Brutal facts · 10:01 · carried over"),
        "{screen}"
    );
    assert!(screen.contains("follow-up of Northline"), "{screen}");
    // Nothing is left open in a session that had nothing open.
    let mut done = earlier.clone();
    done.commitments
        .iter_mut()
        .for_each(|c| c.status = CommitmentStatus::Kept);
    done.gadflies
        .iter_mut()
        .for_each(|g| g.fate = Fate::Declined("not now".into()));
    done.polarities.clear();
    let (s2, c2) = followup::start(&done, "x.ron", done.workshop.clone(), "t", "", at(0));
    assert!(c2.is_empty() && s2.item_count() == 0);
}

#[test]
fn the_index_is_not_a_session_and_is_rebuilt_when_stale_or_broken() {
    let dir = folder();
    let first = review::load_dir(dir.path()).unwrap();
    let cache_file = dir.path().join(index::FILE_NAME);
    assert!(cache_file.exists());
    let files = store::session_files(dir.path()).unwrap();
    assert!(
        !files.contains(&cache_file),
        "the index is not listed as a session"
    );
    // Fresh: the same rows from the index.
    assert_eq!(review::load_dir(dir.path()).unwrap(), first);
    // Broken index: rebuilt, same rows.
    std::fs::write(&cache_file, "(version: 1, entries: [ oops").unwrap();
    assert_eq!(review::load_dir(dir.path()).unwrap(), first);
    assert!(
        index::archive(&[dir.path().to_path_buf()])
            .unwrap()
            .notes
            .is_empty()
    );
    assert_eq!(review::load_dir(dir.path()).unwrap(), first);
    // Stale: a file changes (a new title, another size) and the row follows.
    let path = dir.path().join(NORTHLINE);
    let mut s = store::load(&path).unwrap();
    s.meta.title = "Northline, renamed for the test".into();
    store::save(&path, &s).unwrap();
    let rows = review::load_dir(dir.path()).unwrap();
    let row = rows.iter().find(|r| r.path == path).unwrap();
    assert_eq!(
        row.entry.as_ref().unwrap().title,
        "Northline, renamed for the test"
    );
    // A file that now fails to load shows its problem.
    std::fs::write(&path, "(schema: 1,").unwrap();
    let rows = review::load_dir(dir.path()).unwrap();
    assert!(rows.iter().find(|r| r.path == path).unwrap().entry.is_err());
}

fn hashes(dir: &Path) -> BTreeMap<PathBuf, (u64, std::time::SystemTime, Vec<u8>)> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() && p.file_name().unwrap() != index::FILE_NAME {
            let m = std::fs::metadata(&p).unwrap();
            out.insert(
                p.clone(),
                (m.len(), m.modified().unwrap(), std::fs::read(&p).unwrap()),
            );
        }
    }
    out
}

#[test]
fn review_never_writes_a_session_file() {
    let dir = folder();
    let before = hashes(dir.path());
    let mut f = review_flow(dir.path());
    let keys = [
        ch('s'),
        ch('s'),
        ch('/'),
        ch('n'),
        key(KeyCode::Enter),
        key(KeyCode::Esc),
        key(KeyCode::Home),
        key(KeyCode::Enter),
        key(KeyCode::PageDown),
        key(KeyCode::End),
        ch('x'),
        key(KeyCode::Esc),
        ch(' '),
        ch(' '),
        ch(' '),
        ch('c'),
        key(KeyCode::PageDown),
        key(KeyCode::Esc),
        key(KeyCode::End),
        key(KeyCode::Enter),
        ch('x'),
    ];
    for k in keys {
        run(&mut f, dir.path(), k);
    }
    assert!(dir.path().join("exports").is_dir(), "x exported something");
    assert_eq!(
        hashes(dir.path()),
        before,
        "every file byte for byte, and its time"
    );
}

#[test]
fn the_list_shows_at_once_and_fills_in() {
    let dir = folder();
    let plan = review::plan_dir(dir.path()).unwrap();
    assert!(!plan.is_complete(), "no index yet");
    let mut f = Flow::in_review(PathBuf::from("sessions"), plan.rows.clone(), t0());
    let screen = render(&f, W, H);
    assert!(screen.contains("· 8 reading…"), "{screen}");
    // Nothing can be opened or marked before it is read.
    assert!(f.handle(key(KeyCode::Enter), t0()).is_empty());
    assert!(f.notice.as_ref().unwrap().text.contains("still reading"));
    let batches = std::sync::Mutex::new(Vec::new());
    plan.finish(|b| batches.lock().unwrap().push(b));
    for b in batches.into_inner().unwrap() {
        f.handle(Input::ReviewRows(b), f.now);
    }
    let rows = review::load_dir(dir.path()).unwrap();
    assert_eq!(f.review().unwrap().rows, rows);
    assert!(rows.iter().all(|r| !r.reading));
    assert!(
        review::plan_dir(dir.path()).unwrap().is_complete(),
        "the index has them all now"
    );
}

#[test]
fn export_from_review_writes_markdown_and_html_into_exports() {
    let dir = folder();
    let path = dir.path().join(NORTHLINE);
    let files = review::export_to(dir.path(), &path, None).unwrap();
    let session = store::load(&path).unwrap();
    let stem = NORTHLINE.trim_end_matches(".ron");
    assert_eq!(
        files,
        vec![
            dir.path().join("exports").join(format!("{stem}.md")),
            dir.path().join("exports").join(format!("{stem}.html")),
        ]
    );
    use balcony::cli::ExportFormat;
    assert_eq!(
        std::fs::read_to_string(&files[0]).unwrap(),
        balcony::export::render(&session, ExportFormat::Md)
    );
    assert_eq!(
        std::fs::read_to_string(&files[1]).unwrap(),
        balcony::export::render(&session, ExportFormat::Html)
    );
    // Again: replaced, not doubled; and the exports are never listed as sessions.
    review::export_to(dir.path(), &path, None).unwrap();
    assert_eq!(
        std::fs::read_dir(dir.path().join("exports"))
            .unwrap()
            .count(),
        2
    );
    assert_eq!(
        review::load_dir(dir.path()).unwrap().len(),
        3 + BROKEN.len()
    );
    // A file that does not load is reported, and nothing is written for it.
    let err = review::export_to(dir.path(), &dir.path().join("truncated.ron"), None).unwrap_err();
    assert!(err.contains("truncated.ron:68:31"), "{err}");
    assert!(!dir.path().join("exports/truncated.md").exists());
}

/// Random keys over the list, the views and the filter, at several sizes:
/// nothing panics, the selection stays on a shown row, no file changes.
#[test]
fn random_keys_keep_review_sound() {
    let dir = folder();
    follow_up_of(dir.path());
    let before = hashes(dir.path());
    let mut f = review_flow(dir.path());
    let mut rng = fastrand::Rng::with_seed(7);
    let keys = [
        key(KeyCode::Up),
        key(KeyCode::Down),
        key(KeyCode::PageUp),
        key(KeyCode::PageDown),
        key(KeyCode::Home),
        key(KeyCode::End),
        key(KeyCode::Enter),
        key(KeyCode::Esc),
        key(KeyCode::Backspace),
        key(KeyCode::Left),
        ch(' '),
        ch('s'),
        ch('/'),
        ch('c'),
        ch('x'),
        ch('?'),
        ch('a'),
        ch('o'),
        ch('q'),
    ];
    let sizes = [(100, 30), (60, 16), (140, 50), (30, 5)];
    for step in 0..400 {
        let k = keys[rng.usize(..keys.len())].clone();
        let effects = run(&mut f, dir.path(), k);
        if effects.contains(&Effect::Quit) || f.review().is_none() {
            f = review_flow(dir.path());
        }
        if let Some(r) = f.review() {
            assert!(r.shown.is_empty() || r.sel < r.shown.len(), "step {step}");
            assert!(r.marked.iter().all(|&i| r.rows[i].entry.is_ok()));
        }
        if step % 7 == 0 {
            let (w, h) = sizes[rng.usize(..sizes.len())];
            f.handle(Input::Resize(w, h), t0());
            render(&f, w, h);
        }
    }
    assert_eq!(hashes(dir.path()), before);
}

#[test]
fn review_help_lists_every_key_of_the_list() {
    let dir = folder();
    let mut f = review_flow(dir.path());
    run(&mut f, dir.path(), ch('?'));
    let screen = render(&f, W, H);
    for b in balcony::keymap::bindings(balcony::keymap::Ctx::Review) {
        assert!(screen.contains(b.help), "{:?} missing:\n{screen}", b.action);
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn the_header_says_how_many_folders_when_their_names_do_not_fit() {
    let dir = folder();
    let mut f = review_flow(dir.path());
    let long: Vec<PathBuf> = (1..=3)
        .map(|n| PathBuf::from(format!("/srv/archive/teams/customer-operations-{n}")))
        .collect();
    f.handle(Input::ReviewFolders(long), t0());
    let screen = render(&f, W, H);
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains("Review · 3 folders · read-only"),
        "{screen}"
    );
    f.handle(
        Input::ReviewFolders(vec![PathBuf::from("ops"), PathBuf::from("sales")]),
        t0(),
    );
    let screen = render(&f, W, H);
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains("Review · ops, sales · read-only"),
        "{screen}"
    );
}

#[test]
fn a_follow_up_carries_adopted_ideas_with_their_work_and_its_status() {
    let dir = folder();
    let mut earlier = store::load(&reopen_northline(dir.path())).unwrap();
    let checkpoint = earlier.workshop.checkpoints[0].id.clone();
    let adopted = |s: &mut balcony::session::Session, text: &str, status| {
        let idea = s.take_id();
        s.gadflies.push(balcony::session::Gadfly {
            id: idea,
            at: at(60),
            checkpoint: checkpoint.clone(),
            text: text.into(),
            author: balcony::session::Author::Anonymous,
            voice: balcony::session::Voice::Critic,
            reaction: balcony::session::Reaction::Curiosity,
            fate: Fate::Adopted,
            reactions: Vec::new(),
        });
        let work = s.take_id();
        s.commitments.push(balcony::session::Commitment {
            id: work,
            at: at(70),
            checkpoint: checkpoint.clone(),
            what: format!("Do: {text}"),
            owner: "Dana Levi".into(),
            review: chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
            status,
            loss: String::new(),
            function: String::new(),
            overridden: Vec::new(),
            from_idea: Some(idea),
        });
    };
    adopted(
        &mut earlier,
        "Refunds without asking",
        CommitmentStatus::Kept,
    );
    adopted(
        &mut earlier,
        "Call back within a day",
        CommitmentStatus::Open,
    );
    assert!(balcony::session::validate::session(&earlier).is_empty());
    let (s, carried) = followup::start(&earlier, "x.ron", earlier.workshop.clone(), "t", "", at(0));
    assert!(balcony::session::validate::session(&s).is_empty());
    for (text, status) in [
        ("Refunds without asking", "kept"),
        ("Call back within a day", "open"),
    ] {
        let g = s.gadflies.iter().find(|g| g.text == text).expect(text);
        assert_eq!(g.fate, Fate::Adopted);
        let work = s.work_of(g.id).expect("its work came along");
        assert_eq!(work.work.what, format!("Do: {text}"));
        assert_eq!(
            s.became(g.id).unwrap(),
            format!(
                "became commitment #{} ({status}, Dana Levi, review 2027-01-15)",
                work.id
            )
        );
    }
    // The kept work came only because its idea did: no other kept one did.
    let kept = s
        .commitments
        .iter()
        .filter(|c| c.status == CommitmentStatus::Kept)
        .count();
    assert_eq!(kept, 1);
    assert_eq!(carried.gadflies, s.gadflies.len());
}

/// Review's session view shows what was kept: an idea's earlier reactions
/// and the work it became, each band move with its reason, a skip's reason.
#[test]
fn session_view_shows_the_history_kept() {
    let dir = folder();
    let path = dir.path().join(NORTHLINE);
    let mut s = store::load(&path).unwrap();
    let g = s.gadflies[0].id;
    s.gadflies[0].fate = Fate::Adopted;
    s.gadflies[0].react(balcony::session::Reaction::Curiosity, t0());
    s.commitments[0].from_idea = Some(g);
    let cp = s.workshop.checkpoints[2].id.clone();
    s.band_moves.push(balcony::session::BandMove {
        at: t0(),
        checkpoint: cp,
        from: balcony::session::Band { low: 4, high: 7 },
        to: balcony::session::Band { low: 5, high: 8 },
        reason: "a room that can take more".into(),
    });
    let p = &mut s.progress.checkpoints[1];
    p.skipped.push(t0());
    p.skip_reasons.push(balcony::session::SkipReason {
        at: t0(),
        reason: "done last week".into(),
    });
    store::save(&path, &s).unwrap();
    let mut f = review_flow(dir.path());
    select(&mut f, dir.path(), NORTHLINE);
    run(&mut f, dir.path(), key(KeyCode::Enter));
    // At 100 columns: the long rows continue on the lines below them.
    let seen = every_line(&mut f, dir.path(), W, H).join("\n");
    let seen = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    let c = &s.commitments[0];
    for want in [
        "Band moves and skips (2)".to_string(),
        "4..7 → 5..8".to_string(),
        "a room that can take more".to_string(),
        "skipped · done last week".to_string(),
        format!("became commitment #{}", c.id),
        "→ curiosity".to_string(),
        "Regional sales directors · resistant · Winning new contracts".to_string(),
    ] {
        assert!(seen.contains(&want), "{want} not shown:\n{seen}");
    }
}

#[test]
fn a_follow_up_carries_running_experiments_and_whole_three_pole_maps() {
    use balcony::session::{Experiment, ExperimentResult, ItemKind};
    let mut earlier = crate::harness::every_kind();
    // The builder's experiment has ended: it stays behind. A running one
    // made from the adopted idea comes along, linked to the idea's new id.
    let idea = earlier
        .gadflies
        .iter()
        .find(|g| g.fate == Fate::Adopted)
        .unwrap()
        .clone();
    let ended = earlier.experiments[0].trial.clone();
    let mut running = earlier.experiments[0].clone();
    running.id = earlier.take_id();
    running.trial = "Put an engineer on the phones on Mondays".into();
    running.result = ExperimentResult::Running;
    running.from_idea = Some(idea.id);
    earlier.experiments.push(running);
    earlier.commitments.clear();
    assert!(balcony::session::validate::session(&earlier).is_empty());
    let (s, carried) = followup::start(&earlier, "x.ron", earlier.workshop.clone(), "t", "", at(0));
    assert!(balcony::session::validate::session(&s).is_empty());
    assert_eq!(carried.work_of(ItemKind::Experiment), 1);
    let trials: Vec<&str> = s.experiments.iter().map(|x| x.trial.as_str()).collect();
    assert_eq!(trials, ["Put an engineer on the phones on Mondays"]);
    assert!(!trials.contains(&ended.as_str()));
    let x: &Experiment = &s.experiments[0];
    let g = s.gadflies.iter().find(|g| g.text == idea.text).unwrap();
    assert_ne!(g.id, idea.id, "the idea has a new id");
    assert_eq!(x.from_idea, Some(g.id));
    assert!(s.became(g.id).unwrap().starts_with("became experiment #"));
    // The follow-up opens on last time's work, and the wall shows the
    // carried experiment there, though it keeps its own checkpoint.
    assert_eq!(s.progress.current, 0);
    assert_ne!(x.checkpoint, followup::LAST_TIME);
    let wall = balcony::flow::frame::Wall::of(&s);
    assert_eq!(wall.checkpoint, followup::LAST_TIME);
    assert_eq!(wall.here(ItemKind::Experiment), vec![0]);
    // A map with three poles and signs comes whole: its third pole too.
    let three = earlier
        .polarities
        .iter()
        .find(|p| p.third.is_some())
        .unwrap();
    let came = s
        .polarities
        .iter()
        .find(|p| p.purpose == three.purpose)
        .expect("the three-pole map came along");
    assert_eq!(came.third, three.third);
    assert_eq!(came.warnings.len(), three.warnings.len());
}

/// The rows of the session view's body on a screen this size.
fn body(f: &Flow, w: u16, h: u16) -> Vec<String> {
    let rows = balcony::flow::review::body_rows(h);
    render(f, w, h)
        .lines()
        .skip(2)
        .take(rows)
        .map(|l| l.trim_matches('"').trim_end().to_string())
        .collect()
}

/// The whole session view at this size, a line at a time: each Down moves
/// the screen exactly one line (checked), until the end does not move.
fn every_line(f: &mut Flow, dir: &Path, w: u16, h: u16) -> Vec<String> {
    f.size = (w, h);
    run(f, dir, key(KeyCode::Home));
    let mut screen = body(f, w, h);
    let mut all = screen.clone();
    for _ in 0..5_000 {
        run(f, dir, key(KeyCode::Down));
        let next = body(f, w, h);
        if next == screen {
            return all;
        }
        assert_eq!(next[..next.len() - 1], screen[1..], "Down moved one line");
        all.push(next.last().unwrap().clone());
        screen = next;
    }
    panic!("the view did not end");
}

/// Northline with a gadfly idea longer than a screen, and an adopted idea
/// whose work and reactions make a long row.
fn long_rows(dir: &Path) -> (PathBuf, String) {
    let path = dir.join(NORTHLINE);
    let mut s = store::load(&path).unwrap();
    let long: Vec<String> = (0..400).map(|i| format!("word{i}")).collect();
    let long = long.join(" ");
    s.gadflies[1].text = long.clone();
    let g = s.gadflies[0].id;
    s.gadflies[0].fate = Fate::Adopted;
    s.gadflies[0].react(balcony::session::Reaction::Curiosity, t0());
    s.gadflies[0].react(balcony::session::Reaction::Pushback, t0());
    s.commitments[0].from_idea = Some(g);
    store::save(&path, &s).unwrap();
    (path, long)
}

/// Long rows wrap at the screen's width, words whole, continued on indented
/// lines; scrolling goes a line at a time through a row taller than the
/// screen, a page is a screenful, and the ends are where they should be.
#[test]
fn long_rows_wrap_and_scroll_by_lines() {
    let dir = folder();
    let (_, long) = long_rows(dir.path());
    let mut f = review_flow(dir.path());
    select(&mut f, dir.path(), NORTHLINE);
    run(&mut f, dir.path(), key(KeyCode::Enter));
    let mut wide = Vec::new();
    for (w, h) in [(100u16, 30u16), (160, 45), (60, 20)] {
        let all = every_line(&mut f, dir.path(), w, h);
        if w == 100 {
            wide = all.clone();
        }
        for l in &all {
            assert!(l.chars().count() <= w as usize, "{l}");
            // (The chart's key is one line, cut on a narrow screen.)
            assert!(l.contains('└') || !l.ends_with('…'), "a line is cut: {l}");
        }
        // Every word of the long idea, whole, in order, on indented lines
        // after its first.
        let at = all.iter().position(|l| l.contains("word0 ")).unwrap();
        let words: Vec<&str> = all[at..]
            .iter()
            .flat_map(|l| l.split_whitespace())
            .filter(|x| x.starts_with("word"))
            .collect();
        let want: Vec<&str> = long.split(' ').collect();
        assert_eq!(words[..want.len()], want[..]);
        assert!(all[at + 1].starts_with("      word"), "{}", all[at + 1]);
        // The adopted idea's story and its work, dim below it, whole.
        let text = all.join("\n");
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(joined.contains("became commitment #"), "{text}");
        assert!(joined.contains("→ curiosity"), "{text}");
        // A page down is a screenful; End puts the last line at the bottom;
        // Home the first at the top.
        let rows = balcony::flow::review::body_rows(h);
        let last = all.len() - rows;
        let (one, two) = (rows.min(last), (2 * rows).min(last));
        run(&mut f, dir.path(), key(KeyCode::Home));
        run(&mut f, dir.path(), key(KeyCode::PageDown));
        assert_eq!(body(&f, w, h), all[one..one + rows], "{w}x{h}");
        run(&mut f, dir.path(), key(KeyCode::PageDown));
        assert_eq!(body(&f, w, h), all[two..two + rows], "{w}x{h}");
        run(&mut f, dir.path(), key(KeyCode::PageUp));
        let back = two.saturating_sub(rows);
        assert_eq!(body(&f, w, h), all[back..back + rows], "{w}x{h}");
        run(&mut f, dir.path(), key(KeyCode::End));
        assert_eq!(body(&f, w, h), all[all.len() - rows..], "{w}x{h}");
        run(&mut f, dir.path(), key(KeyCode::PageDown));
        assert_eq!(body(&f, w, h), all[all.len() - rows..], "{w}x{h}");
        run(&mut f, dir.path(), key(KeyCode::Home));
        assert_eq!(body(&f, w, h), all[..rows], "{w}x{h}");
    }
    // At the end of a small window that grows, the screen is the last
    // page of the larger one, full.
    run(&mut f, dir.path(), key(KeyCode::End));
    let rows = balcony::flow::review::body_rows(H);
    assert_eq!(body(&f, W, H), wide[wide.len() - rows..]);
}

/// A map with a third pole shows it as the report gives it: each pole with
/// its holders, upsides, downsides and what its holders would lose.
#[test]
fn a_third_pole_shows_as_the_report_gives_it() {
    let dir = folder();
    let path = dir.path().join(NORTHLINE);
    let mut s = store::load(&path).unwrap();
    s.polarities[0].third = Some(Box::new(balcony::kinds::polarity::Pole {
        name: "The quarter's numbers".into(),
        holders: "The board".into(),
        upsides: vec!["Money to invest".into()],
        downsides: vec!["Short cuts".into()],
        would_lose: "Their bonus".into(),
    }));
    store::save(&path, &s).unwrap();
    let mut f = review_flow(dir.path());
    select(&mut f, dir.path(), NORTHLINE);
    run(&mut f, dir.path(), key(KeyCode::Enter));
    let all = every_line(&mut f, dir.path(), W, H).join("\n");
    for want in [
        "Time for each customer, Efficient service at scale and The quarter's numbers",
        "All three serve: Customers who stay",
        "  The quarter's numbers, held by The board",
        "    upside: Money to invest",
        "    downside when overdone: Short cuts",
        "    its holders would lose: Their bonus",
    ] {
        assert!(all.contains(want), "{want} not shown:\n{all}");
    }
}

/// Tab puts the next section's heading at the top of the screen (as far as
/// the last page allows), Shift-Tab the one before, with rows wrapped.
#[test]
fn tab_jumps_from_section_to_section() {
    let dir = folder();
    long_rows(dir.path());
    let mut f = review_flow(dir.path());
    select(&mut f, dir.path(), NORTHLINE);
    run(&mut f, dir.path(), key(KeyCode::Enter));
    let all = every_line(&mut f, dir.path(), W, H);
    let rows = balcony::flow::review::body_rows(H);
    let last = all.len() - rows;
    let heads: Vec<usize> = (0..all.len())
        .filter(|&i| !all[i].is_empty() && !all[i].starts_with(' '))
        .collect();
    assert!(heads.len() >= 8, "{heads:?}");
    run(&mut f, dir.path(), key(KeyCode::Home));
    let want = |i: usize| all[i.min(last)..i.min(last) + rows].to_vec();
    for &h in &heads[1..] {
        run(&mut f, dir.path(), key(KeyCode::Tab));
        assert_eq!(body(&f, W, H), want(h), "to {}", all[h]);
    }
    // Back from the end: each heading above the screen's top in turn.
    let mut top = last;
    for &h in heads.iter().rev().filter(|&&h| h < last) {
        run(&mut f, dir.path(), key(KeyCode::BackTab));
        assert_eq!(body(&f, W, H), want(h), "back to {} from {top}", all[h]);
        top = h;
    }
    assert_eq!(top, 0);
}

/// Items raised before arrive after the view opened: the end is measured
/// again, so End still shows the last line at the bottom.
#[test]
fn the_end_moves_when_items_raised_before_arrive() {
    let dir = folder();
    let path = dir.path().join(NORTHLINE);
    let mut f = review_flow(dir.path());
    select(&mut f, dir.path(), NORTHLINE);
    run(&mut f, dir.path(), key(KeyCode::Enter));
    run(&mut f, dir.path(), key(KeyCode::End));
    let earlier = review::recurring::Earlier {
        path: dir.path().join("before.ron"),
        title: "Before".into(),
        created: t0().fixed_offset(),
    };
    let recurring: Vec<_> = (0..3)
        .map(|i| review::recurring::Recurrence {
            kind: "brutal fact",
            text: format!("raised before, {i}"),
            earlier: vec![earlier.clone()],
        })
        .collect();
    run(
        &mut f,
        dir.path(),
        Input::ReviewRecurring { path, recurring },
    );
    let all = every_line(&mut f, dir.path(), W, H);
    assert!(all.iter().any(|l| l.contains("raised before, 2")));
    run(&mut f, dir.path(), key(KeyCode::End));
    let rows = balcony::flow::review::body_rows(H);
    assert_eq!(body(&f, W, H), all[all.len() - rows..]);
    // The view's real last line, the last checkpoint's time.
    assert!(
        all.last().unwrap().contains("12. dance floor · Close"),
        "{all:?}"
    );
}
