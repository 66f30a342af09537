//! "The room is at: _": a reading of the heat that is not a move. A number
//! from 0 to 10 and Enter, or the median of the phones' readings.

use crossterm::event::{KeyCode, KeyEvent};

use super::{Effect, Flow, Focus, Screen, error, info};
use crate::keymap::{Action, Ctx};
use crate::session::{SCALE_MAX, Timestamp};
use crate::strings as s;

/// What has been typed at the prompt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadingPrompt {
    /// At most two digits.
    pub typed: String,
}

impl ReadingPrompt {
    /// The level typed, if it is one.
    pub fn level(&self) -> Option<u8> {
        self.typed.parse::<u8>().ok().filter(|l| *l <= SCALE_MAX)
    }
}

impl Flow {
    pub(super) fn reading_key(
        &mut self,
        action: Option<Action>,
        ev: KeyEvent,
        now: Timestamp,
    ) -> Vec<Effect> {
        let Screen::Live(live) = &mut self.screen else {
            return Vec::new();
        };
        let Focus::Reading(prompt) = &mut live.mode else {
            return Vec::new();
        };
        match action {
            Some(Action::Cancel) => live.mode = Focus::Browse,
            Some(Action::Accept) => {
                let Some(level) = prompt.level() else {
                    self.notice = error(s::reading_needs_level(
                        &self.keymap.first_key(Ctx::Reading, Action::Accept),
                    ));
                    return Vec::new();
                };
                let first = live.session.readings.is_empty();
                live.mode = Focus::Browse;
                live.record_observation(level, String::new(), now);
                self.notice = info(s::observed(level, first));
                return vec![Effect::Save];
            }
            Some(Action::RoomMedian) => {
                let cp = live.checkpoint().id.clone();
                let spread = live.session.participant_spread(&cp);
                let Some(level) = spread.median() else {
                    self.notice = error(s::NO_PHONE_READINGS);
                    return Vec::new();
                };
                let first = live.session.readings.is_empty();
                live.mode = Focus::Browse;
                live.record_observation(level, s::room_median(spread.total()), now);
                self.notice = info(s::observed(level, first));
                return vec![Effect::Save];
            }
            _ => match ev.code {
                KeyCode::Char(c @ '0'..='9') if prompt.typed.len() < 2 => prompt.typed.push(c),
                KeyCode::Backspace => drop(prompt.typed.pop()),
                _ => {}
            },
        }
        Vec::new()
    }
}
