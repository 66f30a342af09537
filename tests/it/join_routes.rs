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
    assert_eq!(r.status, 429, "the fourth device is turned away");
    std::thread::sleep(Duration::from_millis(300));
    let r = c
        .post(&path, r#"{"device":"device-01","level":6}"#)
        .unwrap();
    assert_eq!(r.status, 202, "known devices go on");
    assert_eq!(arrived(&server).len(), 4);
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
        idle: Duration::from_millis(300),
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
}

#[test]
fn connections_past_the_limit_are_closed_and_the_rest_go_on() {
    let limits = Limits {
        max_connections: 2,
        ..Limits::default()
    };
    let (server, _, base) = start(limits);
    let mut a = Client::new(server.addr);
    let mut b = Client::new(server.addr);
    assert_eq!(a.get(&base).unwrap().status, 200);
    assert_eq!(b.get(&base).unwrap().status, 200);
    let mut third = std::net::TcpStream::connect(server.addr).unwrap();
    assert!(closed_by_server(&mut third, Duration::from_secs(5)));
    // The two open ones still work; once one goes, a newcomer gets in.
    assert_eq!(a.get(&format!("{base}/state")).unwrap().status, 200);
    drop(b);
    let t0 = std::time::Instant::now();
    loop {
        let mut c = Client::new(server.addr);
        if c.get(&base).is_ok_and(|r| r.status == 200) {
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(5), "no room freed");
        std::thread::sleep(Duration::from_millis(50));
    }
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
