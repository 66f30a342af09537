//! Driving the flow as a facilitator does: press *actions*, type text, look
//! at the screen. A key is looked up in the flow's own keymap for the
//! context the flow is in, so a test says what it means (`Action::Gadfly`,
//! not `'g'`) and still passes when the keys are rebound. The clock is
//! fixed: every input arrives at [`t0`] plus the seconds set with [`Harness::at`].

use std::sync::Arc;

use balcony::flow::{Effect, Flow, Input};
use balcony::keymap::{Action, Keymap};
use balcony::session::{Mode, Session};
use balcony::workshop::Builtin;
use crossterm::event::KeyEvent;

use crate::common::{self, t0};

/// The screen size the snapshots are taken at.
pub const W: u16 = 100;
pub const H: u16 = 30;

/// A session with every kind of item in it, each field filled (the one the
/// exports are checked against).
pub fn every_kind() -> Session {
    crate::export::every_kind(Mode::Facilitated, |t| t.to_string())
}

pub struct Harness {
    pub flow: Flow,
    /// Seconds after [`t0`] of the next input.
    secs: i64,
}

impl Harness {
    /// A flow as the app makes it: the wall paged as the drawing measures it.
    pub fn new(flow: Flow) -> Harness {
        Harness {
            flow: flow.with_wall_pages(balcony::ui::projector::wall_pages),
            secs: 0,
        }
    }

    /// The default workshop, just begun.
    pub fn live(title: &str) -> Harness {
        Harness::new(Flow::in_session(
            Session::new(Builtin::Default.workshop(), title, "Ana", t0()),
            t0(),
        ))
    }

    /// Working a session with every kind of item.
    pub fn every_kind() -> Harness {
        Harness::new(Flow::in_session(every_kind(), t0()))
    }

    /// The start screen with these recent files.
    pub fn start(recent: Vec<std::path::PathBuf>) -> Harness {
        Harness::new(Flow::start(recent, t0()))
    }

    /// The keys the settings would give.
    pub fn with_keymap(mut self, keymap: Keymap) -> Harness {
        self.flow = self.flow.with_keymap(Arc::new(keymap));
        self
    }

    /// Inputs from now on arrive `secs` after [`t0`].
    pub fn at(&mut self, secs: i64) -> &mut Harness {
        self.secs = secs;
        self
    }

    pub fn input(&mut self, input: Input) -> Vec<Effect> {
        self.flow.handle(input, common::at(self.secs))
    }

    /// Presses the first key bound to `action` where the flow is now.
    pub fn press(&mut self, action: Action) -> Vec<Effect> {
        let ctx = self.flow.ctx();
        let key = self
            .flow
            .keymap
            .key(ctx, action)
            .unwrap_or_else(|| panic!("{action:?} has no key in {ctx:?}"));
        self.input(Input::Key(KeyEvent::new(key.code, key.mods)))
    }

    /// Types `text` a character at a time, as into a form.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.input(common::ch(c));
        }
    }

    /// The screen at the snapshots' size, as text.
    pub fn screen(&self) -> String {
        self.screen_sized(W, H)
    }

    pub fn screen_sized(&self, w: u16, h: u16) -> String {
        common::render(&self.flow, w, h)
    }
}

#[test]
fn actions_survive_rebinding() {
    use balcony::keymap::{Ctx, Key};
    use crossterm::event::{KeyCode, KeyModifiers};
    let moved = Key {
        code: KeyCode::F(7),
        mods: KeyModifiers::NONE,
    };
    let mut h = Harness::live("T").with_keymap(Keymap::new(vec![(
        Ctx::Browse,
        Action::Gadfly,
        vec![moved],
    )]));
    // The old key no longer opens the form; the action still does.
    h.input(common::ch('g'));
    assert_eq!(h.flow.ctx(), Ctx::Browse);
    h.press(Action::Gadfly);
    assert_eq!(h.flow.ctx(), Ctx::Form);
    h.type_text("Refund without asking");
    h.press(Action::Accept);
    assert_eq!(h.flow.session().unwrap().gadflies.len(), 1);
}

#[test]
fn the_session_holds_every_kind_and_each_list_shows_it() {
    let s = every_kind();
    for kind in balcony::session::ItemKind::all() {
        assert!(s.count(kind) > 0, "no {kind:?}");
    }
    let mut h = Harness::every_kind();
    for _ in balcony::session::ItemKind::all() {
        let live = h.flow.live().unwrap();
        let (text, _) = balcony::ui::items::summary(live.s(), live.kind, live.selected());
        let row: String = text.chars().take(20).collect();
        assert!(h.screen().contains(&row), "{:?}: {row}", live.kind);
        h.press(Action::KindNext);
    }
}
