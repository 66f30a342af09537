//! The listening socket, guarded against slow and crowding clients:
//!
//! - a request head must arrive whole within a fixed time of its first
//!   chance (accept, or the first byte after a reply): the clock does not
//!   restart on each byte, so trickling a header byte at a time gains nothing;
//! - the join code is checked as soon as the request line is in: a wrong one
//!   whose head is still unfinished is closed at once;
//! - at most so many connections at once (the saver needs file handles too);
//!   when full, the oldest connection that is not in the middle of a request
//!   (an unfinished head, or an idle keep-alive) makes room for the newcomer,
//!   so a crowd of trickling connections cannot shut out real participants;
//! - between requests, or within a body, a connection silent too long is closed.
//!
//! Every connection turned away this way is counted: the facilitator is
//! told quietly when the page is under strain.

use std::collections::VecDeque;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, Sleep, sleep};

/// The longest request line looked at for the code; a longer one is closed.
const MAX_LINE: usize = 2048;

/// How long a connection may take, and how many may be open.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub max: usize,
    /// For the whole request head, from its first chance.
    pub head: Duration,
    /// Silence allowed between requests and within a body.
    pub idle: Duration,
}

/// What the listener and its connections share.
struct Pool {
    open: AtomicUsize,
    /// Connections that may be closed to make room, oldest first.
    spare: Mutex<VecDeque<Weak<Conn>>>,
    /// Connections turned away: head too slow, wrong code, evicted, full.
    strain: Arc<AtomicU64>,
}

/// One connection as the pool sees it.
#[derive(Default)]
struct Conn {
    /// Not in the middle of a request: may be closed to make room.
    spare: AtomicBool,
    /// Told to close.
    evicted: AtomicBool,
    waker: Mutex<Option<Waker>>,
}

impl Pool {
    fn mark_spare(&self, conn: &Arc<Conn>) {
        conn.spare.store(true, Ordering::SeqCst);
        if let Ok(mut q) = self.spare.lock() {
            q.push_back(Arc::downgrade(conn));
        }
    }

    /// Closes the oldest spare connection; false when there is none.
    fn evict_one(&self) -> bool {
        let Ok(mut q) = self.spare.lock() else {
            return false;
        };
        while let Some(w) = q.pop_front() {
            let Some(c) = w.upgrade() else { continue };
            if c.spare.load(Ordering::SeqCst) && !c.evicted.swap(true, Ordering::SeqCst) {
                if let Some(w) = c.waker.lock().ok().and_then(|mut w| w.take()) {
                    w.wake();
                }
                return true;
            }
        }
        false
    }

    /// Drops entries of connections gone or busy, so the list stays small.
    fn prune(&self, max: usize) {
        if let Ok(mut q) = self.spare.lock()
            && q.len() > 2 * max + 16
        {
            q.retain(|w| w.upgrade().is_some_and(|c| c.spare.load(Ordering::SeqCst)));
        }
    }

    fn strained(&self) {
        self.strain.fetch_add(1, Ordering::Relaxed);
    }
}

pub struct Guarded {
    inner: TcpListener,
    pool: Arc<Pool>,
    timing: Timing,
    /// The request path every request must start with: `/j/CODE`.
    prefix: Arc<[u8]>,
}

impl Guarded {
    pub fn new(inner: TcpListener, timing: Timing, code: &str, strain: Arc<AtomicU64>) -> Guarded {
        Guarded {
            inner,
            pool: Arc::new(Pool {
                open: AtomicUsize::new(0),
                spare: Mutex::default(),
                strain,
            }),
            timing,
            prefix: format!("/j/{code}").into_bytes().into(),
        }
    }
}

impl Listener for Guarded {
    type Io = GuardedIo;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (GuardedIo, SocketAddr) {
        loop {
            match self.inner.accept().await {
                Ok((stream, addr)) => {
                    if self.pool.open.load(Ordering::SeqCst) >= self.timing.max
                        && !self.pool.evict_one()
                    {
                        // Full of requests under way: closed at once.
                        self.pool.strained();
                        drop(stream);
                        continue;
                    }
                    self.pool.prune(self.timing.max);
                    self.pool.open.fetch_add(1, Ordering::SeqCst);
                    let _ = stream.set_nodelay(true);
                    let conn = Arc::new(Conn::default());
                    self.pool.mark_spare(&conn);
                    let io = GuardedIo {
                        stream,
                        pool: Arc::clone(&self.pool),
                        conn,
                        timing: self.timing,
                        prefix: Arc::clone(&self.prefix),
                        phase: Phase::Head(Head::default()),
                        deadline: Box::pin(sleep(self.timing.head)),
                    };
                    return (io, addr);
                }
                // Out of file handles, say: wait a moment rather than spin.
                Err(_) => sleep(Duration::from_millis(50)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

/// Where a connection is in its request.
enum Phase {
    /// Reading a request head, against a fixed deadline.
    Head(Head),
    /// The head is in: the body, and then the reply.
    Body,
    /// The reply went out: waiting for the next request.
    Idle,
}

/// What has been seen of a request head so far.
#[derive(Default)]
struct Head {
    /// The request line, until its end.
    line: Vec<u8>,
    line_done: bool,
    wrong_code: bool,
    /// The last bytes seen, to find the blank line that ends the head.
    tail: [u8; 3],
}

impl Head {
    /// Looks at bytes as they arrive; true when the head is complete.
    fn feed(&mut self, bytes: &[u8], prefix: &[u8]) -> Result<bool, ()> {
        for &b in bytes {
            if !self.line_done {
                if b == b'\n' {
                    self.line_done = true;
                    self.wrong_code = !has_code(&self.line, prefix);
                } else if self.line.len() >= MAX_LINE {
                    return Err(());
                } else {
                    self.line.push(b);
                }
            }
            let [a, c, d] = self.tail;
            // "\r\n\r\n", or "\n\n" from a sloppy client.
            if b == b'\n' && ((a, c, d) == (b'\r', b'\n', b'\r') || d == b'\n') {
                return Ok(true);
            }
            self.tail = [c, d, b];
        }
        Ok(false)
    }
}

/// The request line names `prefix` as its whole first path segment.
/// The whole segment is compared, in constant time, so closing early says
/// nothing about how much of a guess was right.
fn has_code(line: &[u8], prefix: &[u8]) -> bool {
    let target = line.split(|&b| b == b' ').nth(1).unwrap_or(&[]);
    let end = target
        .iter()
        .enumerate()
        .skip(3)
        .find(|(_, b)| matches!(b, b'/' | b'?' | b'#'))
        .map_or(target.len(), |(i, _)| i);
    same_code(&target[..end], prefix)
}

/// One connection: counted while open, held to its deadlines.
pub struct GuardedIo {
    stream: TcpStream,
    pool: Arc<Pool>,
    conn: Arc<Conn>,
    timing: Timing,
    prefix: Arc<[u8]>,
    phase: Phase,
    deadline: Pin<Box<Sleep>>,
}

impl Drop for GuardedIo {
    fn drop(&mut self) {
        self.conn.spare.store(false, Ordering::SeqCst);
        self.pool.open.fetch_sub(1, Ordering::SeqCst);
    }
}

impl GuardedIo {
    fn close(&self) -> Poll<io::Result<()>> {
        self.pool.strained();
        Poll::Ready(Err(io::ErrorKind::TimedOut.into()))
    }

    /// Moves the connection along with the bytes just read.
    fn saw(&mut self, bytes: &[u8]) -> Result<(), ()> {
        if matches!(self.phase, Phase::Idle) {
            // A new request: its head has a fixed time from now.
            self.phase = Phase::Head(Head::default());
            let at = Instant::now() + self.timing.head;
            self.deadline.as_mut().reset(at);
        }
        match &mut self.phase {
            Phase::Head(h) => {
                let done = h.feed(bytes, &self.prefix)?;
                if h.wrong_code && !done {
                    // No code, and still trickling: not worth the wait.
                    return Err(());
                }
                if done {
                    self.phase = Phase::Body;
                    self.conn.spare.store(false, Ordering::SeqCst);
                    let at = Instant::now() + self.timing.idle;
                    self.deadline.as_mut().reset(at);
                }
            }
            Phase::Body => {
                let at = Instant::now() + self.timing.idle;
                self.deadline.as_mut().reset(at);
            }
            Phase::Idle => {}
        }
        Ok(())
    }
}

impl AsyncRead for GuardedIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.conn.evicted.load(Ordering::SeqCst) {
            return self.close();
        }
        let before = buf.filled().len();
        match Pin::new(&mut self.stream).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                let new = &buf.filled()[before..];
                if !new.is_empty() && self.saw(new).is_err() {
                    return self.close();
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => {
                if let Ok(mut w) = self.conn.waker.lock() {
                    *w = Some(cx.waker().clone());
                }
                // Evicted between the check above and the waker being kept.
                if self.conn.evicted.load(Ordering::SeqCst) {
                    return self.close();
                }
                match self.deadline.as_mut().poll(cx) {
                    Poll::Ready(()) => self.close(),
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }
}

impl AsyncWrite for GuardedIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let r = Pin::new(&mut self.stream).poll_write(cx, buf);
        // A "100 Continue" is not the reply: the body is still to come.
        let interim = buf.starts_with(b"HTTP/1.1 1");
        if matches!(r, Poll::Ready(Ok(n)) if n > 0) && !interim && matches!(self.phase, Phase::Body)
        {
            // A reply is going out: what comes next is a new request.
            self.phase = Phase::Idle;
            let at = Instant::now() + self.timing.idle;
            self.deadline.as_mut().reset(at);
            let conn = Arc::clone(&self.conn);
            self.pool.mark_spare(&conn);
        }
        r
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// The peer's address, for the rate limits.
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub SocketAddr);

impl Connected<IncomingStream<'_, Guarded>> for Peer {
    fn connect_info(stream: IncomingStream<'_, Guarded>) -> Self {
        Peer(*stream.remote_addr())
    }
}

/// Compares without stopping at the first difference, so the time taken
/// says nothing about how much of a guess was right.
pub(super) fn same_code(given: &[u8], code: &[u8]) -> bool {
    if given.len() != code.len() {
        return false;
    }
    let diff = given
        .iter()
        .zip(code)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b));
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_ends_at_its_blank_line_however_it_is_cut() {
        let req = b"GET /j/ABC/state HTTP/1.1\r\nHost: x\r\n\r\nBODY";
        for cut in 0..req.len() {
            let mut h = Head::default();
            let first = h.feed(&req[..cut], b"/j/ABC").unwrap();
            let done = first || h.feed(&req[cut..], b"/j/ABC").unwrap();
            assert!(done, "cut at {cut}");
            assert!(!h.wrong_code);
        }
        let mut h = Head::default();
        assert!(
            !h.feed(b"GET /j/ABC HTTP/1.1\r\nHost: x\r\n", b"/j/ABC")
                .unwrap()
        );
    }

    #[test]
    fn the_code_is_the_whole_first_segment() {
        let p = b"/j/ABC";
        assert!(has_code(b"GET /j/ABC HTTP/1.1\r", p));
        assert!(has_code(b"POST /j/ABC/idea HTTP/1.1\r", p));
        assert!(has_code(b"GET /j/ABC?x=1 HTTP/1.1\r", p));
        assert!(!has_code(b"GET /j/ABCD HTTP/1.1\r", p));
        assert!(!has_code(b"GET /j/AB HTTP/1.1\r", p));
        assert!(!has_code(b"GET / HTTP/1.1\r", p));
        assert!(!has_code(b"garbage", p));
        let mut h = Head::default();
        h.feed(b"GET /x HTTP/1.1\r\n", p).unwrap();
        assert!(h.wrong_code);
        let mut long = Head::default();
        assert!(long.feed(&vec![b'a'; MAX_LINE + 1], p).is_err());
    }
}
