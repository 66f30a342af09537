//! Export speed on a 10,000-item session: median of several runs per format.
//! Target (issue 4): under 200 ms each. Run with `cargo bench --bench export`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use balcony::export::{to_csv, to_html, to_markdown};
use balcony::session::Session;

const RUNS: usize = 15;
const TARGET: Duration = Duration::from_millis(200);

fn median(name: &str, session: &Session, f: fn(&Session) -> String) -> Duration {
    // One warm-up run so allocation of the first big buffers is not counted alone.
    let bytes = black_box(f(black_box(session))).len();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f(black_box(session)));
            start.elapsed()
        })
        .collect();
    times.sort();
    let m = times[RUNS / 2];
    println!(
        "export {name:<8} median {:>7.2} ms  (min {:>7.2}, max {:>7.2}; {RUNS} runs; {:.1} MiB)  {}",
        m.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[RUNS - 1].as_secs_f64() * 1e3,
        bytes as f64 / (1024.0 * 1024.0),
        if m < TARGET { "ok" } else { "OVER TARGET" }
    );
    m
}

fn main() {
    let session = balcony::sample::session(10_000, 1);
    println!(
        "session: {} items + {} readings",
        session.item_count(),
        session.readings.len()
    );
    median("markdown", &session, to_markdown);
    median("html", &session, to_html);
    median("csv", &session, to_csv);
    end_to_end(&session);
}

/// What `balcony export FILE` does apart from process start: read and check
/// the RON file, then render (HTML, the slowest format). For context only.
fn end_to_end(session: &Session) {
    let dir = std::env::temp_dir().join(format!("balcony-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bench.ron");
    let text = balcony::ronfile::to_pretty(session).expect("serialise");
    std::fs::write(&path, &text).expect("write");
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let s = balcony::session::store::load(&path).expect("load");
            black_box(to_html(&s));
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "load + html  median {:>7.2} ms  ({RUNS} runs; file {:.1} MiB)",
        times[RUNS / 2].as_secs_f64() * 1e3,
        text.len() as f64 / (1024.0 * 1024.0)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
