//! What the room sees: the projector view, and blanking or freezing it on a
//! single mirrored screen while the facilitator works privately.

use super::frame::Frame;
use super::{Effect, Flow, Focus, Screen, info};
use crate::keymap::{Action, Ctx};
use crate::kinds::with_kind;
use crate::session::{ItemKind, Kind, Mode, Stored, Timestamp, WallView};
use crate::strings as s;

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
        let Screen::Live(live) = &self.screen else {
            return;
        };
        if live.session.meta.mode == Mode::Solo {
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
                let key = self.keymap.first_key(Ctx::Browse, Action::Projector);
                self.notice = info(if self.projector {
                    s::projector_on(&key)
                } else {
                    s::projector_off(&key)
                });
            }
            Action::Preview => self.preview = !self.preview,
            Action::Blank => {
                (self.room, self.notice) = match self.room {
                    Room::Blanked => (Room::Shown, info(shown)),
                    _ => (
                        Room::Blanked,
                        info(s::room_blanked(
                            &self.keymap.first_key(Ctx::Browse, Action::Blank),
                        )),
                    ),
                }
            }
            Action::Freeze => {
                (self.room, self.notice) = match self.room {
                    Room::Frozen(_) => (Room::Shown, info(shown)),
                    _ => (
                        Room::Frozen(Box::new(Frame::from_live(live, now))),
                        info(s::room_frozen(
                            &self.keymap.first_key(Ctx::Browse, Action::Freeze),
                        )),
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
        let Screen::Live(live) = &mut self.screen else {
            return;
        };
        if let (Some(mut form), Focus::Browse) = (live.held.take(), &live.mode) {
            let check = s::check_blind(
                &self.keymap.first_key(Ctx::Form, Action::Accept),
                &self.keymap.first_key(Ctx::Form, Action::Cancel),
            );
            form.error = Some(check.clone());
            live.mode = Focus::Form(form);
            self.notice = info(check);
        }
    }

    /// The keys that choose what the wall shows: how much of the gauge, its
    /// page, and the item in the spotlight. All are kept in the file, so
    /// `balcony present` shows the same.
    pub(super) fn wall_key(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        let size = self.size;
        let Screen::Live(live) = &mut self.screen else {
            return Vec::new();
        };
        if live.session.meta.mode == Mode::Solo {
            self.notice = info(s::SOLO_PRIVATE);
            return Vec::new();
        }
        let wall = live.session.progress.wall;
        let new = match action {
            Action::RoomGauge => {
                let show = live.session.room_gauge.next();
                live.s_mut(now).room_gauge = show;
                self.notice = info(s::room_gauge(show.label()));
                return vec![Effect::Save];
            }
            Action::WallPage | Action::WallPagePrev => {
                let frame = Frame::from_live(live, now);
                let pages = super::wall_layout::pages(&frame, size, &self.wall_pages) as u16;
                let page = if action == Action::WallPage {
                    (wall.page.min(pages - 1) + 1) % pages
                } else {
                    (wall.page.min(pages - 1) + pages - 1) % pages
                };
                self.notice = info(s::wall_page(page as usize + 1, pages as usize));
                WallView {
                    page,
                    spotlight: None,
                }
            }
            Action::Spotlight => match wall.spotlight {
                Some(_) => {
                    self.notice = info(s::SPOTLIGHT_OFF);
                    WallView {
                        spotlight: None,
                        ..wall
                    }
                }
                None => {
                    let kind = live.kind;
                    let i = live
                        .selected()
                        .min(live.session.count(kind).saturating_sub(1));
                    // Only what the wall may show can be put in its spotlight.
                    let shown = with_kind!(kind, K => K::list(live.s())
                        .get(i)
                        .filter(|x| x.on_wall())
                        .map(|x| x.stamp().0));
                    let solo_note = kind == ItemKind::Note && live.session.meta.mode == Mode::Solo;
                    let Some(id) = shown.filter(|_| !solo_note) else {
                        self.notice = info(s::NOTHING_SELECTED);
                        return Vec::new();
                    };
                    self.notice = info(s::spotlight_on(
                        &self.keymap.first_key(Ctx::Browse, Action::Spotlight),
                    ));
                    WallView {
                        spotlight: Some(id),
                        ..wall
                    }
                }
            },
            _ => return Vec::new(),
        };
        if new == wall {
            return Vec::new();
        }
        live.s_mut(now).progress.wall = new;
        vec![Effect::Save]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::Input;
    use crate::keymap::{Ctx, Keymap};
    use crossterm::event::KeyEvent;
    use std::sync::Arc;

    /// The flow counts the wall's pages itself, by the one measure the
    /// drawing also uses, and presses keys from the keymap it is handed:
    /// no screen needed.
    #[test]
    fn the_wall_pages_round_by_the_layout_measure() {
        let now = chrono::DateTime::UNIX_EPOCH.fixed_offset();
        let ses = super::super::wall_layout::tests::with_facts(70);
        let size = (100, 30);
        let pages = super::super::wall_layout::pages(
            &Frame::from_session(&ses, now),
            size,
            &Default::default(),
        );
        assert!(pages >= 3, "{pages}");
        let keys = Arc::new(Keymap::default());
        let mut f = Flow::in_session(ses, now).with_keymap(keys.clone());
        f.handle(Input::Resize(size.0, size.1), now);
        let press = |f: &mut Flow, a: Action| {
            let k = keys.key(Ctx::Browse, a).unwrap();
            f.handle(Input::Key(KeyEvent::new(k.code, k.mods)), now)
        };
        let mut seen = Vec::new();
        for _ in 0..=pages {
            assert_eq!(press(&mut f, Action::WallPage), vec![Effect::Save]);
            seen.push(f.notice.clone().unwrap().text);
        }
        let want: Vec<String> = (1..pages)
            .chain([0, 1])
            .map(|p| format!("page {}/{pages}", p + 1))
            .collect();
        assert_eq!(seen, want);
        press(&mut f, Action::WallPagePrev);
        press(&mut f, Action::WallPagePrev);
        assert_eq!(
            f.notice.clone().unwrap().text,
            format!("page {pages}/{pages}")
        );
        assert_eq!(f.session().unwrap().progress.wall.page as usize, pages - 1);
    }
}
