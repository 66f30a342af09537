//! `balcony present FILE`: the projector's own terminal follows a session
//! that the facilitator works in another, read-only. This never writes the
//! file.
//!
//! Watching is done by polling the file's metadata every 200 ms rather than
//! with filesystem notifications: saves are atomic renames, which notify
//! backends report differently (a rename onto the watched name can orphan an
//! inode watch), network and container filesystems often send no events at
//! all, and one `stat` five times a second costs nothing. The inode is part of
//! the signature, so every rename is seen even when size and time match.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use std::sync::mpsc::RecvTimeoutError;

use crossterm::event::{Event, KeyEventKind};

use super::terminal::{self, Taken};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::config::Look;
use crate::flow::wall_layout::PageCache;
use crate::join::card;
use crate::keymap::{Action, Ctx};
use crate::session::{FileError, Session, Timestamp, store};
use crate::strings as s;
use crate::ui::projector::{self, Frame};
use crate::ui::theme::Theme;

/// How often the file is looked at.
pub const POLL: Duration = Duration::from_millis(200);

/// What identifies one version of the file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Signature {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

fn signature(path: &Path) -> io::Result<Signature> {
    let m = std::fs::metadata(path)?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let inode = 0;
    Ok(Signature {
        len: m.len(),
        modified: m.modified().ok(),
        inode,
    })
}

/// Follows a session file: the last version that loaded, and the problem
/// with the newest one if it did not.
#[derive(Debug)]
pub struct Follower {
    path: PathBuf,
    seen: Option<Signature>,
    /// The last good version.
    pub session: Option<Session>,
    /// Why the newest version could not be shown (the last good one stays).
    pub problem: Option<FileError>,
    /// How many versions have loaded.
    pub loads: u64,
    /// The join address the facilitator's balcony lets the room see.
    pub card: Option<String>,
    /// The wall's pages, cut again only when a new version changed them.
    pub wall_pages: PageCache,
}

impl Follower {
    pub fn new(path: &Path) -> Follower {
        Follower {
            path: path.to_path_buf(),
            seen: None,
            session: None,
            problem: None,
            loads: 0,
            card: None,
            wall_pages: PageCache::default(),
        }
    }

    /// Looks at the file and loads it if it changed. True when what is shown
    /// may have changed.
    pub fn poll(&mut self) -> bool {
        let card = card::read(&self.path);
        let card_changed = card != self.card;
        self.card = card;
        self.poll_session() || card_changed
    }

    fn poll_session(&mut self) -> bool {
        let sig = match signature(&self.path) {
            Ok(sig) => sig,
            Err(e) => {
                let was = self.problem.is_some();
                self.seen = None;
                self.problem = Some(FileError::whole(&self.path, e.to_string()));
                return !was;
            }
        };
        if self.seen == Some(sig) {
            return false;
        }
        self.seen = Some(sig);
        match store::load(&self.path) {
            Ok(ses) => {
                self.session = Some(ses);
                self.problem = None;
                self.loads += 1;
            }
            // Keep the last good frame; say so quietly.
            Err(e) => self.problem = Some(e),
        }
        true
    }
}

/// The presenter's screen: the projector view of the last good version.
pub struct PresentScreen<'a> {
    pub follower: &'a Follower,
    pub now: Timestamp,
    pub theme: &'a Theme,
    /// A config problem, shown quietly.
    pub warning: Option<&'a str>,
}

impl Widget for &PresentScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let f = self.follower;
        match &f.session {
            Some(ses) => {
                let frame = Frame::from_session(ses, self.now);
                let note = if f.problem.is_some() {
                    Some(s::FOLLOW_STALE)
                } else if projector::clock_stale(ses, self.now) {
                    Some(s::FOLLOW_SILENT)
                } else {
                    self.warning
                };
                projector::render(&frame, &f.wall_pages, note, area, buf, self.theme);
                if let Some(url) = &f.card {
                    crate::ui::join::render_card(url, area, buf, self.theme);
                }
            }
            None => {
                crate::ui::fill(buf, area, self.theme.base);
                let mut lines = vec![Line::styled(s::FOLLOW_WAITING, self.theme.title)];
                if let Some(p) = &f.problem {
                    lines.push(Line::styled(p.headline(), self.theme.quiet));
                }
                let y = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
                Paragraph::new(lines)
                    .alignment(Alignment::Center)
                    .wrap(Wrap { trim: true })
                    .render(
                        Rect {
                            y,
                            height: area.height - (y - area.y),
                            ..area
                        },
                        buf,
                    );
            }
        }
        if self.theme.ascii {
            crate::ui::glyphs::to_ascii(area, buf);
        }
    }
}

/// Runs the presenter until `q` or a signal; returns the exit code.
pub fn run(path: &Path, look: &Look) -> i32 {
    let Some(mut taken) = Taken::take() else {
        return 1;
    };
    let mut follower = Follower::new(path);
    let mut events = None;
    let mut look = look.clone();
    let mut asking = crate::shell::background::first_frame_asks(&look);
    let result = (|| -> io::Result<()> {
        let mut dirty = true;
        let mut shown_second = 0;
        loop {
            if taken.stopped() {
                return Ok(());
            }
            dirty |= terminal::suspend_if_asked(&mut taken.term)?;
            dirty |= follower.poll();
            let now = super::now();
            // The clock moves once a second, no more.
            if now.timestamp() != shown_second {
                shown_second = now.timestamp();
                dirty = true;
            }
            if dirty {
                if asking {
                    crate::shell::background::ask_with_next_frame(&mut taken.term)?;
                }
                let screen = PresentScreen {
                    follower: &follower,
                    now,
                    theme: &look.projector,
                    warning: look.warning.as_deref(),
                };
                taken.term.draw(|f| f.render_widget(&screen, f.area()))?;
                dirty = false;
            }
            // As in the app: the answer is read before the input thread.
            if std::mem::take(&mut asking) && crate::shell::background::settle(&mut look) {
                dirty = true;
                continue;
            }
            let events = events.get_or_insert_with(terminal::events);
            match events.recv_timeout(POLL) {
                Ok(Ok(Event::Key(k))) if k.kind != KeyEventKind::Release => {
                    match look.keymap.action(Ctx::Present, &k) {
                        Some(Action::Quit) => return Ok(()),
                        Some(Action::Suspend) => terminal::ask_to_suspend(),
                        _ => {}
                    }
                }
                Ok(Ok(Event::Resize(..))) => dirty = true,
                Ok(Ok(_)) | Err(RecvTimeoutError::Timeout) => {}
                Ok(Err(e)) => return Err(e),
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
            if terminal::hung_up() {
                return Ok(());
            }
        }
    })();
    drop(taken);
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(io::stderr(), "balcony: {e}");
            1
        }
    }
}
