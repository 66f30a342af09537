//! The HTTP side of the join page: fixed routes, the join code checked in
//! constant time before anything else, limits on size, rate and devices.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::guard::{Guarded, Peer, Timing, same_code};
use super::{Arrival, Board, MAX_IDEA_CHARS, MAX_NAME_CHARS};
use crate::clean::clean;
use crate::flow::join::JoinCounts;
use crate::session::SCALE_MAX;

const PAGE: &str = include_str!("../../assets/join.html");

/// Limits that keep one device, or a crowd, from swamping the laptop.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A device may send one idea this often.
    pub idea_every: Duration,
    /// And change its reading this often.
    pub reading_every: Duration,
    pub max_devices: usize,
    pub max_body: usize,
    /// Open connections at once; more are closed as they come. Kept well
    /// under the usual 1,024 file handles, which the saver needs too.
    pub max_connections: usize,
    /// A request head must arrive whole this soon after the connection is
    /// accepted (or the last reply went out), however it trickles in.
    pub head: Duration,
    /// A connection that sends nothing for this long between requests, or
    /// within a body, is closed.
    pub idle: Duration,
    /// Ideas waiting for the facilitator at once; more are turned away
    /// until some are accepted or hidden. Device ids are made up by the
    /// page, so the per-device rate alone cannot stop one person with the
    /// code from burying the queue.
    pub max_waiting: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            idea_every: Duration::from_secs(3),
            reading_every: Duration::from_millis(250),
            max_devices: 500,
            max_body: 4096,
            max_connections: 700,
            head: Duration::from_secs(10),
            idle: Duration::from_secs(30),
            max_waiting: 1000,
        }
    }
}

/// The join code's letters: no 0/O or 1/I/L to misread off a screen.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LEN: usize = 12;

fn new_code() -> io::Result<String> {
    let mut raw = [0u8; CODE_LEN];
    getrandom::fill(&mut raw).map_err(|e| io::Error::other(e.to_string()))?;
    // 31 letters: the modulo bias is under 1%, which costs less than a bit.
    Ok(raw
        .iter()
        .map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char)
        .collect())
}

#[derive(Default)]
struct Device {
    last_idea: Option<Instant>,
    last_reading: Option<Instant>,
}

struct Shared {
    code: String,
    limits: Limits,
    board: Arc<Mutex<Board>>,
    devices: Mutex<HashMap<(IpAddr, String), Device>>,
    arrivals: Mutex<Sender<Arrival>>,
    /// Ideas waiting: as the app last counted them, plus those passed on since.
    waiting: Arc<AtomicUsize>,
    /// Devices let in so far, and new ones refused for a full room.
    joined: Arc<AtomicUsize>,
    refused: Arc<AtomicU64>,
}

/// A running join server. Dropping it (or [`JoinServer::stop`]) stops the
/// server; its code is then gone for good.
pub struct JoinServer {
    /// The address to give participants: `http://HOST:PORT/j/CODE`.
    pub url: String,
    pub addr: SocketAddr,
    board: Arc<Mutex<Board>>,
    waiting: Arc<AtomicUsize>,
    strain: Arc<AtomicU64>,
    joined: Arc<AtomicUsize>,
    refused: Arc<AtomicU64>,
    pub arrivals: Receiver<Arrival>,
    stop: Option<tokio::sync::watch::Sender<bool>>,
    thread: Option<JoinHandle<()>>,
}

impl JoinServer {
    /// Binds `bind` (port 0: any free port) and starts serving.
    pub fn start(bind: SocketAddr, limits: Limits) -> io::Result<JoinServer> {
        JoinServer::start_public(bind, limits, None)
    }

    /// Like [`JoinServer::start`], with the address participants are given
    /// being `public` (a tunnel's, say) followed by the code.
    pub fn start_public(
        bind: SocketAddr,
        limits: Limits,
        public: Option<&str>,
    ) -> io::Result<JoinServer> {
        let listener = TcpListener::bind(bind)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let code = new_code()?;
        let host = if addr.ip().is_unspecified() {
            // Listening on every address: name the one phones most likely reach.
            super::address::reachable(&super::address::interfaces())
                .into_iter()
                .find(|ip| ip.is_ipv4() == addr.is_ipv4())
                .unwrap_or(if addr.is_ipv4() {
                    IpAddr::from([127, 0, 0, 1])
                } else {
                    IpAddr::from(std::net::Ipv6Addr::LOCALHOST)
                })
        } else {
            addr.ip()
        };
        let url = super::address::join_url(public, host, addr.port(), &code);
        let (tx, arrivals) = mpsc::channel();
        let board = Arc::new(Mutex::new(Board::default()));
        let waiting = Arc::new(AtomicUsize::new(0));
        let strain = Arc::new(AtomicU64::new(0));
        let joined = Arc::new(AtomicUsize::new(0));
        let refused = Arc::new(AtomicU64::new(0));
        let guard = Guard {
            timing: Timing {
                max: limits.max_connections,
                head: limits.head,
                idle: limits.idle,
            },
            code: code.clone(),
            strain: Arc::clone(&strain),
        };
        let shared = Arc::new(Shared {
            code,
            limits,
            board: Arc::clone(&board),
            devices: Mutex::default(),
            arrivals: Mutex::new(tx),
            waiting: Arc::clone(&waiting),
            joined: Arc::clone(&joined),
            refused: Arc::clone(&refused),
        });
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()?;
        let thread = std::thread::Builder::new()
            .name("join-server".into())
            .spawn(move || serve(rt, listener, guard, shared, stop_rx))?;
        Ok(JoinServer {
            url,
            addr,
            board,
            waiting,
            strain,
            joined,
            refused,
            arrivals,
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }

    /// What the page shows from now on.
    pub fn set_board(&self, b: Board) {
        if let Ok(mut cur) = self.board.lock()
            && *cur != b
        {
            *cur = b;
        }
    }

    /// How many ideas wait for the facilitator now (see [`Limits::max_waiting`]).
    pub fn set_waiting(&self, n: usize) {
        self.waiting.store(n, Ordering::SeqCst);
    }

    /// How many connections have been turned away so far: too slow to send
    /// a request, without the code, or crowding the server. When it grows,
    /// the page is under strain.
    pub fn strain(&self) -> u64 {
        self.strain.load(Ordering::Relaxed)
    }

    /// How many devices the page has let in.
    pub fn joined(&self) -> usize {
        self.joined.load(Ordering::Relaxed)
    }

    /// What the facilitator is told about the room: devices in, connections
    /// turned away, devices refused for a full room.
    pub fn counts(&self) -> JoinCounts {
        JoinCounts {
            joined: self.joined(),
            strained: self.strain(),
            refused: self.refused.load(Ordering::Relaxed),
        }
    }

    /// Stops the server and waits (briefly) for its thread.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(true);
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for JoinServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// What the listening socket is guarded with.
struct Guard {
    timing: Timing,
    code: String,
    strain: Arc<AtomicU64>,
}

/// The thread's body: serve until told to stop, then give open requests a
/// moment and drop whatever is left.
fn serve(
    rt: tokio::runtime::Runtime,
    listener: TcpListener,
    guard: Guard,
    shared: Arc<Shared>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let limits = shared.limits;
    let max_body = limits.max_body;
    let app = Router::new()
        .route("/j/{code}", get(page))
        .route("/j/{code}/state", get(state))
        .route("/j/{code}/idea", post(idea))
        .route("/j/{code}/reading", post(reading))
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), gate))
        .with_state(shared);
    rt.block_on(async move {
        let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
            return;
        };
        let listener = Guarded::new(listener, guard.timing, &guard.code, guard.strain);
        let mut graceful = stop.clone();
        let server = axum::serve(listener, app.into_make_service_with_connect_info::<Peer>())
            .with_graceful_shutdown(async move {
                let _ = graceful.wait_for(|s| *s).await;
            });
        tokio::select! {
            _ = server => {}
            _ = async {
                let _ = stop.wait_for(|s| *s).await;
                tokio::time::sleep(Duration::from_millis(500)).await;
            } => {}
        }
    });
    rt.shutdown_timeout(Duration::from_millis(200));
}

/// Every request carries the join code as the path's second part, checked
/// before its body is read. Without it: 403, and not a word more.
async fn gate(State(sh): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let given = path
        .strip_prefix("/j/")
        .map(|rest| rest.split('/').next().unwrap_or(""))
        .unwrap_or("");
    if !same_code(given.as_bytes(), sh.code.as_bytes()) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // The code is in the address: never send it on to anyone.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    resp
}

async fn page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; \
                 connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; \
                 frame-ancestors 'none'",
            ),
        ],
        PAGE,
    )
        .into_response()
}

async fn state(State(sh): State<Arc<Shared>>) -> Response {
    let board = sh.board.lock().map(|b| b.clone()).unwrap_or_default();
    axum::Json(board).into_response()
}

#[derive(Deserialize)]
struct IdeaBody {
    device: String,
    text: String,
    #[serde(default)]
    name: String,
}

#[derive(Deserialize)]
struct ReadingBody {
    device: String,
    level: u8,
}

/// A device id the page made up: letters, digits, `-` and `_`.
fn valid_device(d: &str) -> bool {
    (8..=64).contains(&d.len())
        && d.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

enum Kind {
    Idea,
    Reading,
}

/// Why a device was turned away.
enum Refused {
    /// The server's state is broken (a thread panicked holding it).
    Broken,
    /// As many devices as the room's size have joined already.
    Full,
    /// Too soon after the last one: try again in so many seconds.
    Wait(u64),
    /// The facilitator has as many ideas waiting as the queue holds.
    QueueFull,
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self {
            Refused::Broken => StatusCode::SERVICE_UNAVAILABLE.into_response(),
            // Not a rate: the room is as big as the facilitator set it.
            Refused::Full => StatusCode::CONFLICT.into_response(),
            Refused::Wait(secs) => (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, secs.to_string())],
            )
                .into_response(),
            Refused::QueueFull => (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, "60")],
            )
                .into_response(),
        }
    }
}

/// Counts the device in (if there is room) and checks its rate.
fn admit(sh: &Shared, ip: IpAddr, device: &str, kind: Kind) -> Result<(), Refused> {
    let Ok(mut devices) = sh.devices.lock() else {
        return Err(Refused::Broken);
    };
    let key = (ip, device.to_string());
    if !devices.contains_key(&key) && devices.len() >= sh.limits.max_devices {
        sh.refused.fetch_add(1, Ordering::Relaxed);
        return Err(Refused::Full);
    }
    if !devices.contains_key(&key) {
        sh.joined.store(devices.len() + 1, Ordering::Relaxed);
    }
    let d = devices.entry(key).or_default();
    let (last, every) = match kind {
        Kind::Idea => (&mut d.last_idea, sh.limits.idea_every),
        Kind::Reading => (&mut d.last_reading, sh.limits.reading_every),
    };
    let now = Instant::now();
    if let Some(t) = *last {
        let since = now.duration_since(t);
        if since < every {
            return Err(Refused::Wait((every - since).as_secs() + 1));
        }
    }
    *last = Some(now);
    Ok(())
}

fn deliver(sh: &Shared, a: Arrival) -> Response {
    let sent = sh
        .arrivals
        .lock()
        .map(|tx| tx.send(a).is_ok())
        .unwrap_or(false);
    if sent {
        (
            StatusCode::ACCEPTED,
            [(header::CONTENT_TYPE, "application/json")],
            "{\"ok\":true}",
        )
            .into_response()
    } else {
        StatusCode::SERVICE_UNAVAILABLE.into_response()
    }
}

async fn idea(
    State(sh): State<Arc<Shared>>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    body: Bytes,
) -> Response {
    let Ok(b) = serde_json::from_slice::<IdeaBody>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let text = clean(&b.text, true);
    let name = clean(&b.name, false);
    if !valid_device(&b.device)
        || crate::clean::is_blank(&text)
        || text.chars().count() > MAX_IDEA_CHARS
        || name.chars().count() > MAX_NAME_CHARS
    {
        return StatusCode::BAD_REQUEST.into_response();
    }
    if sh.waiting.load(Ordering::SeqCst) >= sh.limits.max_waiting {
        return Refused::QueueFull.into_response();
    }
    if let Err(r) = admit(&sh, peer.ip(), &b.device, Kind::Idea) {
        return r.into_response();
    }
    sh.waiting.fetch_add(1, Ordering::SeqCst);
    deliver(
        &sh,
        Arrival::Idea {
            text,
            name: (!name.is_empty()).then_some(name),
        },
    )
}

async fn reading(
    State(sh): State<Arc<Shared>>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    body: Bytes,
) -> Response {
    let Ok(b) = serde_json::from_slice::<ReadingBody>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if !valid_device(&b.device) || b.level > SCALE_MAX {
        return StatusCode::BAD_REQUEST.into_response();
    }
    if let Err(r) = admit(&sh, peer.ip(), &b.device, Kind::Reading) {
        return r.into_response();
    }
    deliver(
        &sh,
        Arrival::Reading {
            device: b.device,
            level: b.level,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_random_and_readable() {
        let a = new_code().unwrap();
        let b = new_code().unwrap();
        assert_eq!(a.len(), CODE_LEN);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| CODE_ALPHABET.contains(&c)));
    }

    #[test]
    fn codes_compare_whole() {
        assert!(same_code(b"ABCDEFGH", b"ABCDEFGH"));
        assert!(!same_code(b"ABCDEFGX", b"ABCDEFGH"));
        assert!(!same_code(b"ABCDEFG", b"ABCDEFGH"));
        assert!(!same_code(b"", b"ABCDEFGH"));
    }

    #[test]
    fn device_ids_are_plain() {
        assert!(valid_device("abcDEF12-_"));
        assert!(!valid_device("short"));
        assert!(!valid_device("has space in it"));
        assert!(!valid_device(&"x".repeat(65)));
    }
}
