//! The listening socket, guarded: at most so many connections at once (so a
//! crowd of idle ones cannot take the file handles the saver needs), and a
//! connection that sends nothing for a while is closed (a slow client cannot
//! hold one forever by trickling its headers).

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, Sleep, sleep};

pub struct Guarded {
    inner: TcpListener,
    open: Arc<AtomicUsize>,
    max: usize,
    idle: Duration,
}

impl Guarded {
    pub fn new(inner: TcpListener, max: usize, idle: Duration) -> Guarded {
        Guarded {
            inner,
            open: Arc::default(),
            max,
            idle,
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
                    if self.open.load(Ordering::SeqCst) >= self.max {
                        // Full: closed at once, the others go on.
                        drop(stream);
                        continue;
                    }
                    self.open.fetch_add(1, Ordering::SeqCst);
                    let _ = stream.set_nodelay(true);
                    let io = GuardedIo {
                        stream,
                        open: Arc::clone(&self.open),
                        idle: self.idle,
                        deadline: Box::pin(sleep(self.idle)),
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

/// One connection: counted while open, closed when idle too long.
pub struct GuardedIo {
    stream: TcpStream,
    open: Arc<AtomicUsize>,
    idle: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl Drop for GuardedIo {
    fn drop(&mut self) {
        self.open.fetch_sub(1, Ordering::SeqCst);
    }
}

impl AsyncRead for GuardedIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.stream).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    let at = Instant::now() + self.idle;
                    self.deadline.as_mut().reset(at);
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => match self.deadline.as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready(Err(io::ErrorKind::TimedOut.into())),
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

impl AsyncWrite for GuardedIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
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
