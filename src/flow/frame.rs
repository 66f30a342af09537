//! What the room may see at one instant: the projector's [`Frame`] and the
//! wall's items. Data only: the flow freezes a frame and counts the wall's
//! pages with it ([`super::wall_layout`]), the drawing (`ui::projector`,
//! `ui::wall`) shows it.

use super::{COMMIT_EVERY_SECS, Live};
use crate::kinds::with_kind;
use crate::review::followup::{self, is_carried};
use crate::session::*;
use crate::workshop::Place;

/// A running clock not saved for this long has lost its facilitator.
pub const STALE_SECS: i64 = COMMIT_EVERY_SECS + 15;

/// Whether a followed session's clock has not been heard from for too long.
pub fn clock_stale(ses: &Session, now: Timestamp) -> bool {
    ses.progress
        .running_since
        .is_some_and(|since| (now - since).num_seconds() > STALE_SECS)
}

/// What the room may see, taken from a session at one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// 1-based checkpoint number, and how many there are.
    pub n: usize,
    pub total: usize,
    pub place: Place,
    pub title: String,
    pub prompts: Vec<String>,
    /// Seconds left in the timebox; negative when over.
    pub remaining: i64,
    pub paused: bool,
    /// The last reading's level; none before the room was first read.
    pub level: Option<u8>,
    pub band: Band,
    /// How much of the gauge the room sees.
    pub gauge: GaugeShow,
    /// What the room has captured here.
    pub wall: Wall,
}

impl Frame {
    fn build(ses: &Session, remaining: i64, paused: bool) -> Frame {
        let cur = ses.progress.current;
        let cp = &ses.workshop.checkpoints[cur];
        Frame {
            n: cur + 1,
            total: ses.workshop.checkpoints.len(),
            place: cp.place,
            title: cp.title.clone(),
            prompts: cp.prompts.clone(),
            remaining,
            paused,
            level: ses.reading_level(),
            band: ses.band,
            gauge: ses.room_gauge,
            wall: Wall::of(ses),
        }
    }

    /// The live session as the facilitator works it.
    pub fn from_live(live: &Live, now: Timestamp) -> Frame {
        Frame::build(live.s(), live.remaining_secs(now), live.timer.paused)
    }

    /// A session read from its file (`balcony present`): the clock runs on
    /// from `progress.running_since`, which the facilitator's app keeps. A
    /// running clock is saved at least every [`COMMIT_EVERY_SECS`]; if the
    /// file is older than [`STALE_SECS`] the app has stopped without saying
    /// so (a crash), and the clock stops there rather than run on forever.
    pub fn from_session(ses: &Session, now: Timestamp) -> Frame {
        let cur = ses.progress.current;
        let p = &ses.progress.checkpoints[cur];
        let total = (ses.workshop.checkpoints[cur].timebox_mins as i64 + p.extra_mins as i64) * 60;
        let running = ses
            .progress
            .running_since
            .map_or(0, |since| (now - since).num_seconds().clamp(0, STALE_SECS));
        Frame::build(
            ses,
            total - p.spent_secs as i64 - running,
            ses.progress.running_since.is_none(),
        )
    }

    /// The zone, when the room sees it and there is a reading.
    pub fn zone(&self) -> Option<Zone> {
        match self.gauge {
            GaugeShow::LevelAndVerdict => self.level.map(|l| self.band.zone(l)),
            _ => None,
        }
    }

    /// The level as the room sees it: none when hidden or not read yet.
    pub fn shown_level(&self) -> Option<u8> {
        match self.gauge {
            GaugeShow::Nothing => None,
            _ => self.level,
        }
    }

    /// The level in big letters, or nothing.
    pub fn level_text(&self) -> String {
        self.shown_level().map_or(String::new(), |l| l.to_string())
    }
}

/// The items the room may see, shared with the session (each list is
/// behind an `Arc`: taking them costs nothing).
#[derive(Debug, Clone, PartialEq)]
pub struct Wall {
    /// The checkpoint whose items are shown.
    pub checkpoint: String,
    /// The kinds in the order they are shown: the checkpoint's own first.
    pub kinds: Vec<ItemKind>,
    pub view: WallView,
    /// The session's items, without what never reaches the room: the
    /// phones' queue and the readings. Items a kind keeps off the wall
    /// (reflections) are skipped where they would be shown.
    pub items: Session,
}

impl Wall {
    pub fn of(ses: &Session) -> Wall {
        let cp = &ses.workshop.checkpoints[ses.progress.current];
        let mut kinds = cp.collects.clone();
        kinds.dedup();
        for k in ItemKind::all() {
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
        let mut items = ses.clone();
        items.participant_ideas = Default::default();
        items.readings = Default::default();
        items.room_readings = Default::default();
        items.participant_readings = Default::default();
        Wall {
            checkpoint: cp.id.clone(),
            kinds,
            view: ses.progress.wall,
            items,
        }
    }

    /// Where each item of `kind` captured here sits in its list.
    pub fn here(&self, kind: ItemKind) -> Vec<usize> {
        fn at<K: Stored>(ses: &Session, cp: &str) -> Vec<usize> {
            let list = K::list(ses);
            (0..list.len())
                .filter(|&i| list[i].stamp().2 == cp && list[i].on_wall())
                .collect()
        }
        // A follow-up opens by looking at last time's work (commitments,
        // experiments): the wall shows it there, though each item keeps the
        // checkpoint it came from.
        fn last_time<K: Stored>(ses: &Session) -> Vec<usize> {
            let list = K::list(ses);
            (0..list.len())
                .filter(|&i| {
                    let (_, at, cp) = list[i].stamp();
                    is_carried(ses, at) || cp == followup::LAST_TIME
                })
                .collect()
        }
        if self.checkpoint == followup::LAST_TIME && !kind.statuses().is_empty() {
            return with_kind!(kind, K => last_time::<K>(&self.items));
        }
        with_kind!(kind, K => at::<K>(&self.items, &self.checkpoint))
    }

    /// Whether anything was captured at this checkpoint.
    pub fn has_items(&self) -> bool {
        ItemKind::all().any(|k| !self.here(k).is_empty())
    }

    /// The item in the spotlight, if it is one the wall holds.
    pub fn spotlit(&self) -> Option<(ItemKind, usize)> {
        let id = self.view.spotlight?;
        fn find<K: Stored>(ses: &Session, id: u32) -> Option<usize> {
            K::list(ses)
                .iter()
                .position(|x| x.stamp().0 == id && x.on_wall())
        }
        ItemKind::all().find_map(|k| {
            let i = with_kind!(k, K => find::<K>(&self.items, id))?;
            Some((k, i))
        })
    }
}
