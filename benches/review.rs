//! `balcony review`'s first frame on 1,000 sessions made by `balcony sample`
//! (200 items each): `cargo bench --bench review`. Reading the folder (with
//! and without the summary cache), building the list and drawing it on a
//! 100×30 test terminal; each figure is the median of several runs.
//! `cargo bench --bench review -- archive` measures only the archive's index
//! (build, re-index, search); `-- session` only one 10,000-item session
//! (open it, draw its end; page down through it, drawing each page).

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use balcony::flow::Flow;
use balcony::review::{self, index};
use balcony::session::store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SESSIONS: u64 = 1_000;
const ITEMS: usize = 200;

mod support;

use support::median;

fn ms(d: Duration) -> String {
    format!("{:>9.1} ms", d.as_secs_f64() * 1000.0)
}

/// What `balcony review` does before its first frame is on screen: the rows
/// the cache knows (the others show as being read, and are read after).
fn first_frame(dir: &Path) -> review::index::Plan {
    let plan = review::plan_dir(dir).expect("read the folder");
    draw(dir, plan.rows.clone());
    plan
}

fn draw(dir: &Path, rows: Vec<review::Row>) {
    render(&Flow::in_review(
        dir.to_path_buf(),
        rows,
        balcony::shell::now(),
    ));
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    if std::env::args().any(|a| a == "session") {
        big_session(dir.path());
        return;
    }
    let mut bytes = 0;
    for seed in 1..=SESSIONS {
        let text =
            balcony::ronfile::to_pretty(&balcony::sample::session(ITEMS, seed)).expect("encode");
        bytes += text.len();
        let path = dir.path().join(format!("sample-{seed:04}.ron"));
        store::write_durably(&path, text.as_bytes(), false).expect("write");
    }
    println!(
        "{SESSIONS} sessions of {ITEMS} items, {:.1} MB",
        bytes as f64 / 1e6
    );
    let files = store::session_files(dir.path()).expect("list");
    if std::env::args().any(|a| a == "archive") {
        archive(dir.path(), &files);
        return;
    }
    let full = median(3, || {
        for f in &files {
            black_box(store::load(f).expect("load"));
        }
    });
    println!("load every file in full, one by one    {}", ms(full));
    let cold = median(3, || {
        let _ = std::fs::remove_file(dir.path().join(index::FILE_NAME));
        black_box(first_frame(dir.path()));
    });
    println!("first frame, no cache (rows being read) {}", ms(cold));
    let all = median(3, || {
        let _ = std::fs::remove_file(dir.path().join(index::FILE_NAME));
        draw(dir.path(), review::load_dir(dir.path()).expect("read"));
    });
    println!("every row read, no cache (and cached)  {}", ms(all));
    let warm = median(11, || {
        let plan = first_frame(dir.path());
        assert!(plan.is_complete(), "the cache knows every file");
    });
    println!("first frame, with the cache            {}", ms(warm));
    let cache_bytes = std::fs::metadata(dir.path().join(index::FILE_NAME))
        .map(|m| m.len())
        .unwrap_or(0);
    println!("index file                              {cache_bytes:>9} bytes");
    archive(dir.path(), &files);

    big_session(dir.path());
}

/// Opening one big session (a clone of it included): its outline, then a
/// screenful at the end; then paging through it from the top, each page
/// drawn.
fn big_session(dir: &Path) {
    let big = balcony::sample::session(10_000, 1);
    let path = dir.join("big.ron");
    let now = balcony::shell::now();
    let key = |c| {
        balcony::flow::Input::Key(crossterm::event::KeyEvent::new(
            c,
            crossterm::event::KeyModifiers::NONE,
        ))
    };
    let open = || {
        let mut flow = Flow::in_review(dir.to_path_buf(), Vec::new(), now);
        flow.size = (100, 30);
        let loaded = balcony::flow::Input::ReviewLoaded {
            path: path.clone(),
            session: Ok(Box::new(big.clone())),
        };
        flow.handle(loaded, now);
        let open = flow.review().and_then(|r| r.view.as_ref());
        assert!(matches!(open, Some(balcony::flow::View::Session(_))));
        flow
    };
    let view = median(11, || {
        let mut flow = open();
        flow.handle(key(crossterm::event::KeyCode::End), now);
        render(&flow);
    });
    println!("open a 10,000-item session, draw its end {}", ms(view));
    let mut flow = open();
    const PAGES: u32 = 200;
    let pages = median(5, || {
        flow.handle(key(crossterm::event::KeyCode::Home), now);
        for _ in 0..PAGES {
            flow.handle(key(crossterm::event::KeyCode::PageDown), now);
            render(&flow);
        }
    });
    println!(
        "  page down and draw, each of {PAGES} pages  {}",
        ms(pages / PAGES)
    );
}

/// The archive's targets, each against its floor in the same run: building
/// the index against parsing the same files on as many threads; re-indexing
/// after one change; `balcony search` against `grep -rl`, whole processes.
fn archive(dir: &Path, files: &[std::path::PathBuf]) {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let parse = median(3, || {
        std::thread::scope(|scope| {
            for part in files.chunks(files.len().div_ceil(threads)) {
                scope.spawn(move || {
                    for f in part {
                        black_box(store::load(f).expect("load"));
                    }
                });
            }
        })
    });
    println!(
        "parse every file, {threads} threads (the floor) {}",
        ms(parse)
    );
    let roots = [dir.to_path_buf()];
    let build = median(3, || {
        let _ = std::fs::remove_file(dir.join(index::FILE_NAME));
        black_box(index::archive(&roots).expect("index"));
    });
    println!(
        "index from scratch                      {}  ({:.2}x the floor)",
        ms(build),
        build.as_secs_f64() / parse.as_secs_f64()
    );
    inserts_alone(dir, parse);
    let one = &files[files.len() / 2];
    let original = std::fs::read(one).expect("read");
    let mut again = Vec::new();
    for run in 0..11 {
        // Another size each time: the index must notice and read it again.
        // Saving the file (two fsyncs) is the app's work, not the index's:
        // it is done before the clock starts.
        let mut bytes = original.clone();
        if run % 2 == 0 {
            bytes.extend_from_slice(b"\n");
        }
        store::write_durably(one, &bytes, true).expect("write");
        let start = Instant::now();
        let plan = review::plan_dirs(&roots).expect("plan");
        assert!(!plan.is_complete());
        black_box(plan.finish(|_| {}));
        again.push(start.elapsed());
    }
    println!("re-index after one file changed        {}", ms(mid(again)));
    // The two whole processes in turns, so that both meet the same load.
    let word = "refunds";
    let (mut search, mut grep) = (Vec::new(), Vec::new());
    for _ in 0..21 {
        search.push(timed(
            std::process::Command::new(env!("CARGO_BIN_EXE_balcony"))
                .args(["search", word])
                .arg(dir),
        ));
        grep.push(timed(
            std::process::Command::new("grep")
                .args(["-rl", word])
                .arg(dir),
        ));
    }
    let ratios: Vec<f64> = search
        .iter()
        .zip(&grep)
        .map(|(s, g)| s.as_secs_f64() / g.as_secs_f64())
        .collect();
    let mut sorted = ratios.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "balcony search, whole process          {}  (grep -rl: {}; ratio median {:.2}, in turns)",
        ms(mid(search)),
        ms(mid(grep)).trim(),
        sorted[sorted.len() / 2]
    );
}

/// What FTS5 alone costs the build: the rows the index holds, already made,
/// inserted one statement each into a table of the same shape in a new file
/// (no parsing, no other table), one thread; opening the file and making the
/// table are timed too (a few milliseconds). And the same without the text
/// kept (`content=''`), to show what storing it costs.
fn inserts_alone(dir: &Path, parse: Duration) {
    type Item = (i64, String, String, String, i64);
    let index = rusqlite::Connection::open(dir.join(index::FILE_NAME)).expect("open the index");
    let (table, hashsize): (String, i64) = index
        .query_row(
            "SELECT (SELECT sql FROM sqlite_master WHERE name = 'items'), \
             (SELECT v FROM items_config WHERE k = 'hashsize')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the items table");
    let rows: Vec<Item> = index
        .prepare("SELECT rowid, text, checkpoint, kind, item FROM items ORDER BY rowid")
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .expect("the rows");
    let tokenize = "tokenize = 'unicode61 remove_diacritics 2', columnsize = 0";
    let contentless =
        format!("CREATE VIRTUAL TABLE items USING fts5(text, {tokenize}, content = '')");
    let scratch = tempfile::tempdir().expect("temp dir");
    for (what, sql, all) in [
        (
            "FTS5 inserts alone, the same rows     ",
            table.as_str(),
            true,
        ),
        (
            "  the same, text not kept (content='')",
            contentless.as_str(),
            false,
        ),
    ] {
        let mut run = 0;
        let took = median(3, || {
            run += 1;
            let db = rusqlite::Connection::open(scratch.path().join(format!("{all}{run}")))
                .expect("open");
            // As the index's own connection (`settle`).
            db.execute_batch("PRAGMA synchronous = OFF; PRAGMA cache_size = -16384")
                .expect("pragmas");
            db.execute_batch(sql).expect("create");
            db.execute(
                "INSERT INTO items (items, rank) VALUES ('hashsize', ?1)",
                [hashsize],
            )
            .expect("hashsize");
            db.execute_batch("BEGIN").expect("begin");
            {
                let columns = if all {
                    "rowid, text, checkpoint, kind, item"
                } else {
                    "rowid, text"
                };
                let marks = if all { "?1, ?2, ?3, ?4, ?5" } else { "?1, ?2" };
                let mut insert = db
                    .prepare(&format!("INSERT INTO items ({columns}) VALUES ({marks})"))
                    .expect("prepare");
                for (rowid, text, checkpoint, kind, item) in &rows {
                    if all {
                        insert.execute(rusqlite::params![rowid, text, checkpoint, kind, item])
                    } else {
                        insert.execute(rusqlite::params![rowid, text])
                    }
                    .expect("insert");
                }
            }
            db.execute_batch("COMMIT").expect("commit");
        });
        println!(
            "{what} {}  ({:.2}x the floor; {} items)",
            ms(took),
            took.as_secs_f64() / parse.as_secs_f64(),
            rows.len()
        );
    }
}

/// A whole process, run to its end, timed.
fn timed(cmd: &mut std::process::Command) -> Duration {
    let start = Instant::now();
    let out = cmd.output().expect("run");
    let took = start.elapsed();
    assert!(out.status.success(), "{out:?}");
    took
}

fn mid(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn render(flow: &Flow) {
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    support::draw(&mut term, flow);
    black_box(term.backend().buffer());
}
