//! What the room sees: the projector view, and blanking or freezing it on a
//! single mirrored screen while the facilitator works privately.

use super::{Flow, Mode, info};
use crate::session::{Mode as SessionMode, Timestamp};
use crate::ui::keymap::Action;
use crate::ui::projector::Frame;
use crate::ui::strings as s;

/// The room's view of a single mirrored screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Room {
    /// The room sees what the facilitator sees.
    #[default]
    Shown,
    /// A neutral screen.
    Blanked,
    /// The projector view as it was at this instant.
    Frozen(Box<Frame>),
}

impl Flow {
    /// The projector, blank and freeze keys of the checkpoint screen.
    pub(super) fn room_key(&mut self, action: Action, now: Timestamp) {
        let Some(live) = &self.live else {
            return;
        };
        if live.session.meta.mode == SessionMode::Solo {
            self.notice = info(s::SOLO_PRIVATE);
            return;
        }
        let shown = if self.projector {
            s::ROOM_SHOWN
        } else {
            s::ROOM_SEES_THIS
        };
        match action {
            Action::Projector => {
                self.projector = !self.projector;
                self.notice = info(if self.projector {
                    s::PROJECTOR_ON
                } else {
                    s::PROJECTOR_OFF
                });
            }
            Action::Preview => self.preview = !self.preview,
            Action::Blank => {
                (self.room, self.notice) = match self.room {
                    Room::Blanked => (Room::Shown, info(shown)),
                    _ => (Room::Blanked, info(s::ROOM_BLANKED)),
                }
            }
            Action::Freeze => {
                (self.room, self.notice) = match self.room {
                    Room::Frozen(_) => (Room::Shown, info(shown)),
                    _ => (
                        Room::Frozen(Box::new(Frame::from_live(live, now))),
                        info(s::ROOM_FROZEN),
                    ),
                }
            }
            _ => {}
        }
        if self.room == Room::Shown {
            self.check_held();
        }
    }

    /// The view is back: an item saved blind is shown for a confirming Enter.
    fn check_held(&mut self) {
        let Some(live) = &mut self.live else {
            return;
        };
        if let (Some(mut form), Mode::Browse) = (live.held.take(), &live.mode) {
            form.error = Some(s::CHECK_BLIND.to_string());
            live.mode = Mode::Form(form);
            self.notice = info(s::CHECK_BLIND);
        }
    }
}
