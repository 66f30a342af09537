//! The join page's routes on 127.0.0.1: the code, sizes, rates, devices,
//! malformed bodies, and hostile text all the way to the screen and exports.

use crate::common;
use crate::http;

use std::time::Duration;

use balcony::flow::Input;
use balcony::flow::join::Arrival;
use balcony::join::{Board, JoinServer, Limits};
use http::{Client, split_url};

fn start(limits: Limits) -> (JoinServer, Client, String) {
    let server = JoinServer::start("127.0.0.1:0".parse().unwrap(), limits).unwrap();
    let (addr, base) = split_url(&server.url);
    (server, Client::new(addr), base)
}

fn idea(device: &str, text: &str) -> String {
    serde_json::json!({ "device": device, "text": text }).to_string()
}

/// What the server passed on, waiting briefly for it.
fn arrived(server: &JoinServer) -> Vec<Arrival> {
    let mut out = Vec::new();
    while let Ok(a) = server.arrivals.recv_timeout(Duration::from_millis(300)) {
        out.push(a);
    }
    out
}

#[test]
fn the_address_carries_a_long_random_code_on_loopback() {
    let (server, _, base) = start(Limits::default());
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );
    let code = base.strip_prefix("/j/").unwrap();
    assert!(code.len() >= 8 && code.chars().all(|c| c.is_ascii_alphanumeric()));
    let (other, _, base2) = start(Limits::default());
    assert_ne!(base, base2, "each opening has its own code");
    drop(other);
}

#[test]
fn right_code_serves_the_page_and_the_state() {
    let (server, mut c, base) = start(Limits::default());
    let page = c.get(&base).unwrap();
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    let html = page.text();
    assert!(html.contains("name=\"viewport\""));
    assert!(
        !html.contains("innerHTML"),
        "participants' text is never markup"
    );
    assert!(!html.contains("src=\"http"), "no external assets");
    // The page's id lasts as long as its tab, and the page says what is kept.
    assert!(html.contains("sessionStorage") && !html.contains("localStorage"));
    assert!(html.contains("never which phone sent what"));

    server.set_board(Board {
        checkpoint: "frame".into(),
        title: "Frame the gap".into(),
        prompt: "What do we say <vs> do?".into(),
        low: 4,
        high: 7,
    });
    let st = c.get(&format!("{base}/state")).unwrap();
    assert_eq!(st.status, 200);
    let v: serde_json::Value = serde_json::from_slice(&st.body).unwrap();
    assert_eq!(v["title"], "Frame the gap");
    assert_eq!(v["prompt"], "What do we say <vs> do?");
    assert_eq!(v["checkpoint"], "frame");

    let r = c
        .post(
            &format!("{base}/idea"),
            &idea("device-aaaa", "ask the customers"),
        )
        .unwrap();
    assert_eq!(r.status, 202);
    let r = c
        .post(
            &format!("{base}/reading"),
            r#"{"device":"device-aaaa","level":6}"#,
        )
        .unwrap();
    assert_eq!(r.status, 202);
    assert_eq!(
        arrived(&server),
        vec![
            Arrival::Idea {
                text: "ask the customers".into(),
                name: None
            },
            Arrival::Reading {
                device: "device-aaaa".into(),
                level: 6
            }
        ]
    );
}

#[test]
fn wrong_or_missing_code_is_403_with_no_detail() {
    let (server, mut c, base) = start(Limits::default());
    let code = base.strip_prefix("/j/").unwrap();
    let mut wrong = code.to_string();
    wrong.replace_range(
        code.len() - 1..,
        if code.ends_with('A') { "B" } else { "A" },
    );
    for path in [
        format!("/j/{wrong}"),
        format!("/j/{wrong}/state"),
        format!("/j/{}", &code[..code.len() - 1]),
        format!("/j/{code}X"),
        "/".into(),
        "/j/".into(),
        "/favicon.ico".into(),
        "/etc/passwd".into(),
        format!("/x/{code}"),
    ] {
        let r = c.get(&path).unwrap();
        assert_eq!(r.status, 403, "{path}");
        assert!(r.body.is_empty(), "{path}: no detail");
    }
    let r = c
        .post(&format!("/j/{wrong}/idea"), &idea("device-aaaa", "hi"))
        .unwrap();
    assert_eq!(r.status, 403);
    // The code is checked before the body is read: a big body is still 403.
    let big = idea("device-aaaa", &"x".repeat(10_000));
    assert_eq!(
        c.post(&format!("/j/{wrong}/idea"), &big).unwrap().status,
        403
    );
    assert!(arrived(&server).is_empty());
}

#[test]
fn only_the_fixed_routes_exist() {
    let (_server, mut c, base) = start(Limits::default());
    for path in [
        format!("{base}/"),
        format!("{base}/../../Cargo.toml"),
        format!("{base}/assets/join.html"),
        format!("{base}/state/x"),
    ] {
        let r = c.get(&path).unwrap();
        assert!(matches!(r.status, 403 | 404), "{path}: {}", r.status);
        assert!(!r.text().contains("[package]"));
    }
    assert_eq!(c.get(&format!("{base}/idea")).unwrap().status, 405);
    assert_eq!(c.post(&format!("{base}/state"), "{}").unwrap().status, 405);
}

#[test]
fn bodies_over_4_kb_are_413() {
    let (server, mut c, base) = start(Limits::default());
    let body = idea("device-aaaa", &"x".repeat(4200));
    assert!(body.len() > 4096);
    let r = c.post(&format!("{base}/idea"), &body).unwrap();
    assert_eq!(r.status, 413);
    // Sent in chunks with no length given: still cut at the limit.
    let mut raw = format!(
        "POST {base}/idea HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    for _ in 0..5 {
        raw.push_str(&format!("400\r\n{}\r\n", "y".repeat(0x400)));
    }
    raw.push_str("0\r\n\r\n");
    let mut c2 = Client::new(split_url(&server.url).0);
    assert_eq!(c2.raw(raw.as_bytes()).unwrap().status, 413);
    assert!(arrived(&server).is_empty());
}

#[test]
fn malformed_bodies_are_400() {
    let (server, mut c, base) = start(Limits::default());
    let idea_path = format!("{base}/idea");
    let reading_path = format!("{base}/reading");
    for body in [
        "",
        "not json",
        "{\"device\":\"device-aaaa\"",
        r#"{"text":"no device"}"#,
        r#"{"device":"short","text":"device id too short"}"#,
        r#"{"device":"has spaces in it","text":"x"}"#,
        r#"{"device":"device-aaaa","text":"   "}"#,
        r#"{"device":"device-aaaa","text":"\u001b[2J"}"#,
        r#"{"device":"device-aaaa","text":"\u200b\u200d\u2060\ufeff \u2028"}"#,
        r#"{"device":"device-aaaa","text":42}"#,
        "device=device-aaaa&text=form+encoded",
    ] {
        assert_eq!(c.post(&idea_path, body).unwrap().status, 400, "{body}");
    }
    let long_name = serde_json::json!({"device":"device-aaaa","text":"x","name":"n".repeat(61)});
    assert_eq!(
        c.post(&idea_path, &long_name.to_string()).unwrap().status,
        400
    );
    for body in [
        r#"{"device":"device-aaaa","level":11}"#,
        r#"{"device":"device-aaaa","level":-1}"#,
        r#"{"device":"device-aaaa","level":"hot"}"#,
        r#"{"device":"device-aaaa","level":6.5}"#,
        r#"{"level":6}"#,
    ] {
        assert_eq!(c.post(&reading_path, body).unwrap().status, 400, "{body}");
    }
    assert!(arrived(&server).is_empty());
}

#[test]
fn one_device_flooding_gets_429() {
    let (server, mut c, base) = start(Limits::default());
    let path = format!("{base}/idea");
    let statuses: Vec<u16> = (0..20)
        .map(|i| {
            c.post(&path, &idea("flooder-1", &format!("idea {i}")))
                .unwrap()
                .status
        })
        .collect();
    assert_eq!(statuses[0], 202);
    assert!(statuses[1..].iter().all(|s| *s == 429), "{statuses:?}");
    let r = c.post(&path, &idea("flooder-1", "again")).unwrap();
    assert!(r.header("retry-after").is_some());
    // Another device is not held back by the first.
    assert_eq!(
        c.post(&path, &idea("someone-else", "mine")).unwrap().status,
        202
    );
    // Readings have their own, shorter limit.
    let rp = format!("{base}/reading");
    assert_eq!(
        c.post(&rp, r#"{"device":"flooder-1","level":3}"#)
            .unwrap()
            .status,
        202
    );
    assert_eq!(
        c.post(&rp, r#"{"device":"flooder-1","level":4}"#)
            .unwrap()
            .status,
        429
    );
    assert_eq!(arrived(&server).len(), 3);
}

#[test]
fn at_most_so_many_devices() {
    let limits = Limits {
        max_devices: 3,
        ..Limits::default()
    };
    let (server, mut c, base) = start(limits);
    let path = format!("{base}/reading");
    for d in ["device-01", "device-02", "device-03"] {
        let body = format!(r#"{{"device":"{d}","level":5}}"#);
        assert_eq!(c.post(&path, &body).unwrap().status, 202);
    }
    let r = c
        .post(&path, r#"{"device":"device-04","level":5}"#)
        .unwrap();
    assert_eq!(r.status, 409, "the fourth device is turned away");
    std::thread::sleep(Duration::from_millis(300));
    let r = c
        .post(&path, r#"{"device":"device-01","level":6}"#)
        .unwrap();
    assert_eq!(r.status, 202, "known devices go on");
    assert_eq!(arrived(&server).len(), 4);
}

/// One person with the code invents 510 devices: only the room's size gets
/// in, the gauge counts at most that many, and the facilitator can discard
/// them with one key.
#[test]
fn a_device_flood_stops_at_the_rooms_size() {
    let limits = Limits {
        max_devices: 40,
        reading_every: Duration::ZERO,
        ..Limits::default()
    };
    let (server, mut c, base) = start(limits);
    let path = format!("{base}/reading");
    let mut accepted = 0;
    for n in 0..510 {
        let body = format!(r#"{{"device":"invented-{n:04}","level":10}}"#);
        match c.post(&path, &body).unwrap().status {
            202 => accepted += 1,
            409 => {}
            other => panic!("{other}"),
        }
    }
    assert_eq!(accepted, 40);
    assert_eq!(server.joined(), 40);
    assert_eq!(server.counts().refused, 470, "told to the facilitator");
    let got = arrived(&server);
    assert_eq!(got.len(), 40);
    let mut f = common::live_flow("Flood");
    f.handle(Input::Join(got), common::at(1));
    let here = f.session().unwrap().workshop.checkpoints[0].id.clone();
    assert_eq!(f.session().unwrap().participant_spread(&here).total(), 40);
    common::press(&mut f, common::ch('D'), 2);
    assert_eq!(f.session().unwrap().participant_spread(&here).total(), 0);
    let screen = common::render(&f, 100, 30);
    assert!(
        screen.contains("readings at this checkpoint are discarded"),
        "{screen}"
    );
}

#[test]
fn hostile_text_is_cleaned_then_escaped_everywhere() {
    let (server, mut c, base) = start(Limits::default());
    let nasty = "<script>alert(1)</script>\u{1b}[2J\u{1b}]0;owned\u{7}<img src=x onerror=alert(2)> & \u{1b}[31mred\u{1b}[0m\u{202e}";
    let body = serde_json::json!({"device":"device-evil","text":nasty,"name":"\u{1b}[5mEve\u{0}"});
    assert_eq!(
        c.post(&format!("{base}/idea"), &body.to_string())
            .unwrap()
            .status,
        202
    );
    let got = arrived(&server);
    let Arrival::Idea { text, name } = &got[0] else {
        panic!("{got:?}");
    };
    assert_eq!(
        text,
        "<script>alert(1)</script><img src=x onerror=alert(2)> & red"
    );
    assert_eq!(name.as_deref(), Some("Eve"));

    // Into a session, through the queue, onto the screen and into exports.
    let mut f = common::live_flow("Hostile");
    f.handle(Input::Join(got), common::at(1));
    let shown = common::render(&f, 100, 30);
    assert!(shown.contains("ideas from phones: 1 (i)"), "{shown}");
    common::press(&mut f, common::ch('i'), 2);
    let queue = common::render(&f, 100, 30);
    assert!(queue.contains("<script>alert(1)</script>"), "{queue}");
    assert!(!queue.contains('\u{1b}') && !queue.contains('\u{7}'));
    common::press(&mut f, common::key(crossterm::event::KeyCode::Enter), 3);
    let ses = f.session().unwrap();
    assert_eq!(ses.gadflies.len(), 1);
    let html = balcony::export::render(ses, balcony::cli::ExportFormat::Html);
    assert!(
        !html.contains("<script>alert"),
        "the HTML export escapes it"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<img src=x"));
    let md = balcony::export::render(ses, balcony::cli::ExportFormat::Md);
    assert!(md.contains("\\<script\\>"), "Markdown escapes it too");
    let csv = balcony::export::render(ses, balcony::cli::ExportFormat::Csv);
    assert!(!csv.contains('\u{1b}'));
    let problems = balcony::session::validate::session(ses);
    assert!(problems.is_empty(), "{problems:?}");
}

/// Behind a tunnel: the address given out is the tunnel's, with the code.
#[test]
fn a_public_address_carries_the_code_and_the_page_still_answers_here() {
    let server = JoinServer::start_public(
        "127.0.0.1:0".parse().unwrap(),
        Limits::default(),
        Some("https://laptop.example.ts.net/"),
    )
    .unwrap();
    let code = server.url.rsplit('/').next().unwrap().to_string();
    assert_eq!(
        server.url,
        format!("https://laptop.example.ts.net/j/{code}")
    );
    let mut c = Client::new(server.addr);
    assert_eq!(c.get(&format!("/j/{code}")).unwrap().status, 200);
}

#[test]
fn closing_stops_the_server_and_the_code_dies_with_it() {
    let (server, mut c, base) = start(Limits::default());
    assert_eq!(c.get(&base).unwrap().status, 200);
    let addr = server.addr;
    server.stop();
    let mut fresh = Client::new(addr);
    assert!(fresh.get(&base).is_err(), "nothing listens any more");
    // A server opened again has a new code: the old address is refused.
    let again = JoinServer::start(addr, Limits::default());
    if let Ok(again) = again {
        let mut c = Client::new(again.addr);
        assert_eq!(c.get(&base).unwrap().status, 403);
    }
}

/// True when the server closed the connection (EOF or reset) within `wait`.
fn closed_by_server(s: &mut std::net::TcpStream, wait: Duration) -> bool {
    use std::io::Read;
    s.set_read_timeout(Some(wait)).unwrap();
    let mut b = [0u8; 64];
    match s.read(&mut b) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
    }
}

#[test]
fn a_client_trickling_its_headers_is_cut_off() {
    use std::io::Write;
    let limits = Limits {
        head: Duration::from_millis(300),
        ..Limits::default()
    };
    let (server, _, base) = start(limits);
    let mut s = std::net::TcpStream::connect(server.addr).unwrap();
    s.write_all(format!("GET {base} HTTP/1.1\r\nHost: x\r\n").as_bytes())
        .unwrap();
    // Never finishes the headers: the server gives up, well before 5 s.
    let t0 = std::time::Instant::now();
    assert!(closed_by_server(&mut s, Duration::from_secs(5)));
    assert!(t0.elapsed() < Duration::from_secs(3));
    assert!(server.strain() >= 1, "counted as strain");
}

/// A header byte every 100 ms keeps the connection busy, but the head's
/// deadline runs from the accept: it is not an idle timer.
#[test]
fn a_head_must_arrive_whole_within_its_deadline_however_it_trickles() {
    use std::io::Write;
    let limits = Limits {
        head: Duration::from_millis(800),
        ..Limits::default()
    };
    let (server, _, base) = start(limits);
    let mut s = std::net::TcpStream::connect(server.addr).unwrap();
    let t0 = std::time::Instant::now();
    s.write_all(format!("GET {base} HTTP/1.1\r\n").as_bytes())
        .unwrap();
    let mut closed_after = None;
    for _ in 0..100 {
        // Pacing the trickle, not waiting for the server.
        std::thread::sleep(Duration::from_millis(100));
        if s.write_all(b"X").is_err() || closed_by_server(&mut s, Duration::from_millis(1)) {
            closed_after = Some(t0.elapsed());
            break;
        }
    }
    let after = closed_after.expect("the trickling connection was never closed");
    assert!(after >= Duration::from_millis(700), "{after:?}");
    assert!(after < Duration::from_secs(3), "{after:?}");
}

/// Without the code, the server does not wait for the rest of the head.
#[test]
fn a_request_line_without_the_code_is_closed_at_once() {
    use std::io::Write;
    let (server, mut c, _) = start(Limits::default());
    let mut s = std::net::TcpStream::connect(server.addr).unwrap();
    s.write_all(b"GET /j/WRONGWRONGWR HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let t0 = std::time::Instant::now();
    assert!(closed_by_server(&mut s, Duration::from_secs(8)));
    assert!(
        t0.elapsed() < Duration::from_secs(2),
        "not the 10 s deadline"
    );
    // A whole request with a wrong code still gets its bare 403.
    assert_eq!(c.get("/j/WRONGWRONGWR").unwrap().status, 403);
}

/// Writes one byte (without tokio's io-util, which the app does not need).
async fn put(s: &tokio::net::TcpStream, b: u8) -> std::io::Result<()> {
    loop {
        s.writable().await?;
        match s.try_write(&[b]) {
            Ok(_) => return Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            Err(e) => return Err(e),
        }
    }
}

/// 1,000 connections trickling bytes (half without the code, half with it
/// but never finishing their headers) while real participants come and go:
/// every participant is served, quickly, and the strain is counted.
#[test]
fn a_thousand_trickling_connections_do_not_shut_out_the_room() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    const TRICKLERS: usize = 1000;
    let limits = Limits {
        head: Duration::from_secs(1),
        // Each participant here is a new device: not what this is about.
        max_devices: usize::MAX,
        ..Limits::default()
    };
    let (server, _, base) = start(limits);
    let addr = server.addr;
    let stop = Arc::new(AtomicBool::new(false));
    let connected = Arc::new(AtomicUsize::new(0));
    let cut = Arc::new(AtomicUsize::new(0));
    let attack = {
        let (stop, connected, cut) = (stop.clone(), connected.clone(), cut.clone());
        let base = base.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let mut tasks = Vec::new();
                for n in 0..TRICKLERS {
                    let (stop, connected, cut) = (stop.clone(), connected.clone(), cut.clone());
                    let head = if n % 2 == 0 {
                        "GET /j/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_string()
                    } else {
                        format!("GET {base} HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaa")
                    };
                    tasks.push(tokio::spawn(async move {
                        let mut first = true;
                        while !stop.load(Ordering::Relaxed) {
                            let Ok(s) = tokio::net::TcpStream::connect(addr).await else {
                                tokio::time::sleep(Duration::from_millis(100)).await;
                                continue;
                            };
                            if first {
                                connected.fetch_add(1, Ordering::Relaxed);
                                first = false;
                            }
                            // One byte every 200 ms until the server cuts it off.
                            for b in head.bytes().cycle() {
                                if stop.load(Ordering::Relaxed) {
                                    return;
                                }
                                if put(&s, b).await.is_err() {
                                    cut.fetch_add(1, Ordering::Relaxed);
                                    break;
                                }
                                tokio::time::sleep(Duration::from_millis(200)).await;
                            }
                        }
                    }));
                }
                for t in tasks {
                    let _ = t.await;
                }
            });
        })
    };
    let t0 = std::time::Instant::now();
    while connected.load(Ordering::Relaxed) < TRICKLERS {
        assert!(
            t0.elapsed() < Duration::from_secs(20),
            "only {} trickling connections opened",
            connected.load(Ordering::Relaxed)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Real participants, each on a fresh connection, for three deadlines.
    let mut slowest = Duration::ZERO;
    let mut served = 0;
    let t1 = std::time::Instant::now();
    let mut n = 0;
    while t1.elapsed() < Duration::from_secs(3) {
        n += 1;
        let started = std::time::Instant::now();
        let mut c = Client::new(addr);
        assert_eq!(c.get(&base).expect("the page").status, 200);
        let body = format!(r#"{{"device":"real-phone-{n:04}","level":5}}"#);
        let r = c
            .post(&format!("{base}/reading"), &body)
            .expect("a reading");
        assert_eq!(r.status, 202, "{}", r.text());
        slowest = slowest.max(started.elapsed());
        served += 1;
    }
    stop.store(true, Ordering::Relaxed);
    attack.join().unwrap();
    println!(
        "slowloris: {TRICKLERS} trickling, {} cut off; {served} participants served, slowest {:.1} ms; strain {}",
        cut.load(Ordering::Relaxed),
        slowest.as_secs_f64() * 1e3,
        server.strain()
    );
    assert!(served >= 5, "{served}");
    assert!(slowest < Duration::from_secs(2), "{slowest:?}");
    assert!(
        cut.load(Ordering::Relaxed) >= TRICKLERS / 2,
        "the trickling ones were cut off"
    );
    assert!(server.strain() >= (TRICKLERS / 2) as u64);
}

#[test]
fn connections_past_the_limit_make_room_or_are_closed() {
    use std::io::Write;
    let limits = Limits {
        max_connections: 2,
        ..Limits::default()
    };
    let (server, _, base) = start(limits);
    // Two connections in the middle of a request: their bodies are due. The
    // server asks for each body once it has read the head.
    let busy: Vec<_> = (0..2)
        .map(|_| {
            use std::io::Read;
            let mut s = std::net::TcpStream::connect(server.addr).unwrap();
            let head = format!(
                "POST {base}/reading HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\nExpect: 100-continue\r\n\r\n"
            );
            s.write_all(head.as_bytes()).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let mut got = Vec::new();
            let mut b = [0u8; 1];
            while !got.ends_with(b"\r\n\r\n") {
                assert_eq!(s.read(&mut b).unwrap(), 1, "no 100 Continue");
                got.push(b[0]);
            }
            assert!(got.starts_with(b"HTTP/1.1 100"));
            s
        })
        .collect();
    // Full of requests under way: a newcomer is closed at once.
    let mut third = std::net::TcpStream::connect(server.addr).unwrap();
    assert!(closed_by_server(&mut third, Duration::from_secs(5)));
    assert!(server.strain() >= 1);
    // The busy ones were left alone.
    for mut s in busy {
        assert!(!closed_by_server(&mut s, Duration::from_millis(200)));
    }
    // Two idle keep-alive connections: a newcomer makes room by closing the
    // older, and is served.
    let (server, _, base) = start(limits);
    let mut a = Client::new(server.addr);
    let mut b = Client::new(server.addr);
    assert_eq!(a.get(&base).unwrap().status, 200);
    assert_eq!(b.get(&base).unwrap().status, 200);
    let mut c = Client::new(server.addr);
    assert_eq!(c.get(&base).unwrap().status, 200);
    assert_eq!(b.get(&base).unwrap().status, 200, "the newer one stays");
}

#[test]
fn a_full_queue_turns_ideas_away_until_the_facilitator_reads_some() {
    let limits = Limits {
        max_waiting: 3,
        ..Limits::default()
    };
    let (server, mut c, base) = start(limits);
    let path = format!("{base}/idea");
    // Three made-up devices: the per-device rate does not stop them.
    for d in ["device-01", "device-02", "device-03"] {
        assert_eq!(c.post(&path, &idea(d, "hello")).unwrap().status, 202);
    }
    let r = c.post(&path, &idea("device-04", "one more")).unwrap();
    assert_eq!(r.status, 503, "the queue holds three");
    assert_eq!(arrived(&server).len(), 3);
    // The facilitator accepted or hid two: room for two more.
    server.set_waiting(1);
    for d in ["device-04", "device-05"] {
        assert_eq!(c.post(&path, &idea(d, "later")).unwrap().status, 202);
    }
    assert_eq!(c.post(&path, &idea("device-06", "x")).unwrap().status, 503);
    assert_eq!(arrived(&server).len(), 2);
}
