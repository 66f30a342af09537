//! Load on the join page of the real binary: 200 simulated participants on
//! 127.0.0.1 send ideas, readings and polls at once while the facilitator
//! moves on; every accepted idea and reading is in the saved session, none
//! twice, and the screen keeps answering keys. 3 s by default;
//! `BALCONY_LONG=1` runs 20 s. A phone polls every 500 ms; with
//! `BALCONY_JOIN_FLAT=1` they poll as fast as answers come, to find the
//! server's ceiling.

use crate::http;
use crate::pty;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use balcony::session::store;
use http::{Client, split_url};

const PARTICIPANTS: usize = 200;

/// What one participant saw accepted, and how long each request took.
#[derive(Default)]
struct Tally {
    ideas: Vec<String>,
    /// (sent at, level) of each accepted reading, in order.
    readings: Vec<u8>,
    latencies: Vec<Duration>,
    refused: usize,
    failed: usize,
}

fn participant(n: usize, url: String, stop: Arc<AtomicBool>) -> Tally {
    let flat = std::env::var("BALCONY_JOIN_FLAT").is_ok_and(|v| v == "1");
    let poll_every = Duration::from_millis(if flat { 0 } else { 500 });
    let (addr, base) = split_url(&url);
    let mut c = Client::new(addr);
    let mut t = Tally::default();
    let device = format!("load-device-{n:04}");
    let mut rng = fastrand::Rng::with_seed(n as u64);
    let start = Instant::now();
    // Spread the first requests over a second, like a room sitting down.
    let mut next_idea = start + Duration::from_millis(rng.u64(0..1000));
    let mut next_reading = start + Duration::from_millis(rng.u64(0..1000));
    let mut next_poll = start + Duration::from_millis(rng.u64(0..500));
    let mut k = 0;
    while !stop.load(Ordering::Relaxed) {
        let now = Instant::now();
        let timed =
            |c: &mut Client, req: &mut dyn FnMut(&mut Client) -> std::io::Result<http::Reply>| {
                let t0 = Instant::now();
                let r = req(c);
                (r, t0.elapsed())
            };
        if now >= next_poll {
            let (r, d) = timed(&mut c, &mut |c| c.get(&format!("{base}/state")));
            match r {
                Ok(r) if r.status == 200 => t.latencies.push(d),
                _ => t.failed += 1,
            }
            next_poll = now + poll_every;
        }
        if now >= next_reading {
            let level = rng.u8(0..=10);
            let body = format!(r#"{{"device":"{device}","level":{level}}}"#);
            let (r, d) = timed(&mut c, &mut |c| c.post(&format!("{base}/reading"), &body));
            match r {
                Ok(r) if r.status == 202 => {
                    t.latencies.push(d);
                    t.readings.push(level);
                }
                Ok(r) if r.status == 429 => t.refused += 1,
                _ => t.failed += 1,
            }
            next_reading = now + Duration::from_millis(1000);
        }
        if now >= next_idea {
            let text = format!("participant {n} idea {k}: <b>ask</b> the front line");
            k += 1;
            let body = serde_json::json!({"device": device, "text": text}).to_string();
            let (r, d) = timed(&mut c, &mut |c| c.post(&format!("{base}/idea"), &body));
            match r {
                Ok(r) if r.status == 202 => {
                    t.latencies.push(d);
                    t.ideas.push(text);
                }
                // Too soon for this device, or the queue is full (nobody
                // moderates here): turned away as designed.
                Ok(r) if r.status == 429 || r.status == 503 => t.refused += 1,
                _ => t.failed += 1,
            }
            next_idea = now + Duration::from_millis(3100);
        }
        let wake = next_poll.min(next_reading).min(next_idea);
        std::thread::sleep(
            wake.saturating_duration_since(Instant::now())
                .min(Duration::from_millis(100)),
        );
    }
    t
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[test]
fn two_hundred_participants_at_once_lose_nothing() {
    let long = std::env::var("BALCONY_LONG").is_ok_and(|v| v == "1");
    let secs = if long { 20 } else { 3 };
    let dir = tempfile::tempdir().unwrap();
    let mut term = pty::Pty::spawn(
        &[
            "new",
            "--title",
            "Load",
            "--room",
            "--bind",
            "127.0.0.1:0",
            "--room-size",
            "500",
        ],
        dir.path(),
        &[],
    );
    let url = url_on(&term);
    // Hide the address card so the gauge shows.
    term.send("o");

    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let handles: Vec<_> = (0..PARTICIPANTS)
        .map(|n| {
            let (url, stop) = (url.clone(), Arc::clone(&stop));
            std::thread::spawn(move || participant(n, url, stop))
        })
        .collect();

    // Meanwhile the facilitator moves on: each key shows within a deadline.
    let mut key_waits = Vec::new();
    std::thread::sleep(Duration::from_millis(500));
    for step in 2..=3 {
        let t0 = Instant::now();
        term.send("n");
        term.wait_text(&format!("checkpoint {step}/12"));
        key_waits.push(t0.elapsed());
        std::thread::sleep(Duration::from_millis(500));
    }
    let left = Duration::from_secs(secs).saturating_sub(started.elapsed());
    std::thread::sleep(left);
    stop.store(true, Ordering::Relaxed);
    let tallies: Vec<Tally> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let elapsed = started.elapsed();
    term.wait_text("room ");
    term.send("q");
    assert_eq!(term.wait_exit(), 0, "balcony quit cleanly");

    let files = store::session_files(&dir.path().join("sessions")).unwrap();
    assert_eq!(files.len(), 1);
    let ses = store::load(&files[0]).unwrap();

    // Every accepted idea is there exactly once, and nothing else.
    let sent: Vec<&String> = tallies.iter().flat_map(|t| &t.ideas).collect();
    let mut saved: HashMap<&str, usize> = HashMap::new();
    for i in &ses.participant_ideas {
        *saved.entry(i.text.as_str()).or_default() += 1;
    }
    for text in &sent {
        assert_eq!(saved.get(text.as_str()), Some(&1), "{text} saved once");
    }
    assert_eq!(ses.participant_ideas.len(), sent.len(), "nothing extra");
    // At most one reading per device per checkpoint, and the file does not
    // say which device gave which.
    for r in ses.room_readings.iter() {
        let n: u32 = r.counts.iter().sum();
        assert!(
            n as usize <= PARTICIPANTS,
            "{} readings at {}",
            n,
            r.checkpoint
        );
    }
    let here = &ses.workshop.checkpoints[ses.progress.current].id;
    assert!(
        ses.participant_spread(here).total() > 0,
        "readings at the end"
    );
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(!text.contains("load-device-"), "no device id is written");

    let mut lat: Vec<Duration> = tallies.iter().flat_map(|t| t.latencies.clone()).collect();
    lat.sort();
    let refused: usize = tallies.iter().map(|t| t.refused).sum();
    let failed: usize = tallies.iter().map(|t| t.failed).sum();
    let readings: usize = tallies.iter().map(|t| t.readings.len()).sum();
    println!(
        "join load: {PARTICIPANTS} participants, {:.1} s: {} answered requests ({:.0}/s), \
         {} ideas and {readings} readings accepted, {refused} refused (429/503), {failed} failed; \
         latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; keys shown after {:?}",
        elapsed.as_secs_f64(),
        lat.len(),
        lat.len() as f64 / elapsed.as_secs_f64(),
        sent.len(),
        percentile(&lat, 0.5).as_secs_f64() * 1e3,
        percentile(&lat, 0.99).as_secs_f64() * 1e3,
        lat.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        key_waits,
    );
    assert_eq!(failed, 0, "no request failed");
    assert!(
        sent.len() >= PARTICIPANTS,
        "every participant got an idea in"
    );
    assert!(percentile(&lat, 0.99) < Duration::from_secs(2));
}

/// The first `http://127.0.0.1:...` address on the screen.
fn url_on(term: &pty::Pty) -> String {
    term.wait_text("http://127.0.0.1:");
    let screen = term.screen();
    let at = screen.find("http://127.0.0.1:").unwrap();
    screen[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || ":/.".contains(*c))
        .collect()
}

#[test]
fn o_opens_the_page_and_shift_o_closes_it_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = pty::Pty::spawn(
        &["new", "--title", "Keys", "--bind", "127.0.0.1:0"],
        dir.path(),
        &[],
    );
    term.wait_text("checkpoint 1/12");
    assert!(!term.screen().contains("http://"), "closed until asked");
    term.send("o");
    let url = url_on(&term);
    let (addr, base) = split_url(&url);
    let mut c = Client::new(addr);
    assert_eq!(c.get(&base).unwrap().status, 200);
    let body = r#"{"device":"device-keys","text":"sent before closing"}"#;
    assert_eq!(c.post(&format!("{base}/idea"), body).unwrap().status, 202);
    term.send("O");
    term.wait_text("join page closed");
    let t0 = Instant::now();
    while Client::new(addr).get(&base).is_ok() {
        assert!(t0.elapsed() < Duration::from_secs(5), "still answering");
        std::thread::sleep(Duration::from_millis(50));
    }
    // Opened again: a new code, and the old address is refused.
    term.send("o");
    term.wait_text("join page open");
    let again = url_on(&term);
    assert_ne!(again, url);
    let (addr2, _) = split_url(&again);
    assert_eq!(Client::new(addr2).get(&base).unwrap().status, 403);
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
    let files = store::session_files(&dir.path().join("sessions")).unwrap();
    let ses = store::load(&files[0]).unwrap();
    assert_eq!(ses.participant_ideas.len(), 1);
    assert_eq!(ses.participant_ideas[0].text, "sent before closing");
}

/// Connections turned away reach the facilitator as a quiet notice: here,
/// one that sends a request line without the code and never finishes.
#[test]
fn the_facilitator_hears_when_the_page_is_under_strain() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut term = pty::Pty::spawn(
        &[
            "new",
            "--title",
            "Strain",
            "--room",
            "--bind",
            "127.0.0.1:0",
        ],
        dir.path(),
        &[],
    );
    let url = url_on(&term);
    let (addr, _) = split_url(&url);
    assert!(!term.screen().contains("under strain"));
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /j/NOTTHECODE12 HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    term.wait_text("the join page is under strain");
    term.send("q");
    assert_eq!(term.wait_exit(), 0);
}
