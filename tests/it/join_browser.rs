//! A real browser on the join page: headless Chromium at a phone's size,
//! driven through chromedriver (WebDriver over HTTP), sends an idea and a
//! reading through the page itself; both reach the session. Skipped, with a
//! line saying so, where Chromium or chromedriver is not installed.
//! `BALCONY_SCREENSHOT=FILE` keeps a screenshot of the page.

use crate::common;
use crate::http;

use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use balcony::flow::Input;
use balcony::join::{Board, JoinServer, Limits};
use balcony::session::{Author, store};
use serde_json::{Value, json};

const DEADLINE: Duration = Duration::from_secs(30);

fn which(name: &str) -> Option<String> {
    let out = Command::new("which").arg(name).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

struct Driver {
    child: Child,
    http: http::Client,
    session: String,
    profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Ends the browser too. chromedriver refuses (403) a Host it does not
        // serve, and killing chromedriver alone left Chromium running: each
        // run of this test leaked eleven processes.
        let _ = self.http.raw(
            format!(
                "DELETE /session/{} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                self.session
            )
            .as_bytes(),
        );
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn call(c: &mut http::Client, method: &str, path: &str, body: &Value) -> Value {
    // A GET carries no body: chromedriver refuses one.
    let body = if body.is_null() {
        String::new()
    } else {
        body.to_string()
    };
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let r = c.raw(req.as_bytes()).expect("chromedriver answers");
    let v: Value = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
    assert!(r.status < 300, "{method} {path}: {} {v}", r.status);
    v["value"].clone()
}

impl Driver {
    fn start(chromium: &str, chromedriver: &str) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let t0 = Instant::now();
        let mut http = loop {
            let mut c = http::Client::new(addr);
            if c.get("/status").is_ok_and(|r| r.status == 200) {
                break c;
            }
            assert!(t0.elapsed() < DEADLINE, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        };
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "mobileEmulation": {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2.0, "mobile": true, "touch": true}}
            }
        }}});
        let v = call(&mut http, "POST", "/session", &caps);
        let session = v["sessionId"].as_str().expect("a session id").to_string();
        Driver {
            child,
            http,
            session,
            profile,
        }
    }

    fn cmd(&mut self, method: &str, path: &str, body: Value) -> Value {
        let path = format!("/session/{}{path}", self.session);
        call(&mut self.http, method, &path, &body)
    }

    fn find(&mut self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .expect("an element")
            .to_string()
    }

    fn text_of(&mut self, css: &str) -> String {
        let el = self.find(css);
        self.cmd("GET", &format!("/element/{el}/text"), Value::Null)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn wait_text(&mut self, css: &str, want: &str) {
        let t0 = Instant::now();
        loop {
            let got = self.text_of(css);
            if got.contains(want) {
                return;
            }
            assert!(
                t0.elapsed() < DEADLINE,
                "{css} never said {want:?}; it says {got:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, c)| acc | (val(*c) as u32) << (18 - 6 * i));
        out.push((n >> 16) as u8);
        if chunk.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if chunk.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}

#[test]
fn a_phone_browser_sends_an_idea_and_a_reading() {
    let (Some(chromium), Some(driver)) = (which("chromium"), which("chromedriver")) else {
        println!("skipped: no chromium (install chromium and chromium-driver to run this test)");
        return;
    };
    let server = JoinServer::start("127.0.0.1:0".parse().unwrap(), Limits::default()).unwrap();
    let mut flow = common::live_flow("Browser");
    server.set_board(Board::of(flow.live().unwrap()));
    let mut d = Driver::start(&chromium, &driver);
    d.cmd("POST", "/url", json!({"url": server.url}));
    let title = flow.live().unwrap().checkpoint().title.clone();
    d.wait_text("#title", &title);

    let idea = d.find("#idea");
    d.cmd(
        "POST",
        &format!("/element/{idea}/value"),
        json!({"text": "We never ask the night shift <b>anything</b>"}),
    );
    let name = d.find("#name");
    d.cmd(
        "POST",
        &format!("/element/{name}/value"),
        json!({"text": "Noor"}),
    );
    let send = d.find("#send");
    d.cmd("POST", &format!("/element/{send}/click"), json!({}));
    d.wait_text("#idea-status", "Sent");
    let six = d.find("button[data-level='6']");
    d.cmd("POST", &format!("/element/{six}/click"), json!({}));
    d.wait_text("#reading-status", "Your reading: 6");
    // The page fits a phone: nothing wider than the screen.
    let wide = d.cmd(
        "POST",
        "/execute/sync",
        json!({"script": "return document.documentElement.scrollWidth <= window.innerWidth;", "args": []}),
    );
    assert_eq!(wide, json!(true), "no sideways scrolling on a phone");
    if let Ok(path) = std::env::var("BALCONY_SCREENSHOT") {
        let png = d.cmd("GET", "/screenshot", Value::Null);
        std::fs::write(&path, base64_decode(png.as_str().unwrap())).unwrap();
        println!("screenshot written to {path}");
    }

    // The facilitator moves on: the page follows within its polling time.
    server.set_board(Board {
        checkpoint: "next".into(),
        title: "Brutal facts".into(),
        prompt: "<b>not bold</b>".into(),
        low: 4,
        high: 7,
    });
    d.wait_text("#title", "Brutal facts");
    d.wait_text("#prompt", "<b>not bold</b>");
    // What the page sent reaches the session file.
    let mut got = Vec::new();
    let t0 = Instant::now();
    while got.len() < 2 && t0.elapsed() < DEADLINE {
        if let Ok(a) = server.arrivals.recv_timeout(Duration::from_millis(200)) {
            got.push(a);
        }
    }
    flow.handle(Input::Join(got), common::at(5));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    store::save(&path, flow.session().unwrap()).unwrap();
    let ses = store::load(&path).unwrap();
    assert_eq!(ses.participant_ideas.len(), 1);
    assert_eq!(
        ses.participant_ideas[0].text,
        "We never ask the night shift <b>anything</b>"
    );
    assert_eq!(
        ses.participant_ideas[0].author,
        Author::Named("Noor".into())
    );
    let here = &ses.workshop.checkpoints[ses.progress.current].id;
    let spread = ses.participant_spread(here);
    assert_eq!((spread.total(), spread.counts[6]), (1, 1));

    // Ending the session ends the browser: nothing is left running.
    let profile = d.profile.path().to_string_lossy().into_owned();
    drop(d);
    let t0 = Instant::now();
    while let Some(pid) = running_with(&profile) {
        assert!(
            t0.elapsed() < DEADLINE,
            "Chromium (pid {pid}) still runs after the test"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A process whose command line mentions `needle`.
fn running_with(needle: &str) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let cmd = std::fs::read(e.path().join("cmdline")).ok()?;
        String::from_utf8_lossy(&cmd)
            .contains(needle)
            .then_some(pid)
    })
}
