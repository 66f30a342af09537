//! The heat across sessions: how long each room spent below, inside and
//! above its productive band; each tactic, how often it was used and what
//! the next reading did after it (did a raise raise the heat?); and the
//! early-warning signs that fire again and again. Built one session at a
//! time, so a report over a large archive never holds more than one session.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::session::{Move, ReadingKind, Session, Timestamp, Zone};
use crate::text::norm;

/// One session's time in each zone, in seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionHeat {
    pub path: PathBuf,
    pub title: String,
    pub created: Timestamp,
    pub below: u64,
    pub inside: u64,
    pub above: u64,
    pub readings: usize,
}

/// One tactic (or a move without one) and what followed it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TacticLine {
    pub name: String,
    pub direction: Option<Move>,
    pub used: usize,
    /// The next reading of the same session was higher, lower, the same.
    pub up: usize,
    pub down: usize,
    pub same: usize,
    /// No reading came after it.
    pub last: usize,
}

impl TacticLine {
    /// Times the next reading went the way the move meant: up after a
    /// raise, down after a lower, unchanged after a hold.
    pub fn as_meant(&self) -> usize {
        match self.direction {
            Some(Move::Raise) => self.up,
            Some(Move::Lower) => self.down,
            Some(Move::Hold) => self.same,
            None => 0,
        }
    }
}

/// An early-warning sign that was seen, across the sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct SignLine {
    pub sign: String,
    pub watcher: String,
    /// Times it was seen, and in how many sessions.
    pub times: usize,
    pub sessions: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Heat {
    /// Oldest first.
    pub sessions: Vec<SessionHeat>,
    /// Most used first.
    pub tactics: Vec<TacticLine>,
    /// Most seen first.
    pub signs: Vec<SignLine>,
}

/// Seconds from `a` to `b`, none when `b` is not later.
fn secs(a: Timestamp, b: Timestamp) -> u64 {
    u64::try_from((b - a).num_seconds()).unwrap_or(0)
}

/// Accumulates sessions one by one; `finish` orders what was gathered.
#[derive(Debug, Default)]
pub struct Gather {
    heat: Heat,
    tactics: BTreeMap<(String, String), TacticLine>,
    signs: BTreeMap<(String, String), (SignLine, Option<usize>)>,
}

impl Gather {
    pub fn add(&mut self, path: &Path, s: &Session) {
        let n = self.heat.sessions.len();
        let mut line = SessionHeat {
            path: path.to_path_buf(),
            title: s.meta.title.clone(),
            created: s.meta.created,
            below: 0,
            inside: 0,
            above: 0,
            readings: s.readings.len(),
        };
        let readings: Vec<_> = s.readings.iter().collect();
        for (i, r) in readings.iter().enumerate() {
            let next = readings.get(i + 1);
            // A reading holds until the next one; the last until the
            // session was last worked on.
            let until = next.map_or(s.meta.updated, |n| n.at);
            let held = secs(r.at, until);
            match r.zone {
                Zone::TooCold => line.below += held,
                Zone::Productive => line.inside += held,
                Zone::TooHot => line.above += held,
            }
            if r.kind == ReadingKind::Observation {
                continue;
            }
            let name = r.tactic.as_deref().map_or_else(
                || crate::strings::NO_TACTIC.to_string(),
                |id| {
                    s.workshop
                        .tactic(id)
                        .map_or(id, |t| t.name.as_str())
                        .to_string()
                },
            );
            let t = self
                .tactics
                .entry((format!("{:?}", r.move_), norm(&name)))
                .or_insert_with(|| TacticLine {
                    name,
                    direction: Some(r.move_),
                    ..TacticLine::default()
                });
            t.used += 1;
            match next.map(|n| n.level.cmp(&r.level)) {
                Some(std::cmp::Ordering::Greater) => t.up += 1,
                Some(std::cmp::Ordering::Less) => t.down += 1,
                Some(std::cmp::Ordering::Equal) => t.same += 1,
                None => t.last += 1,
            }
        }
        self.heat.sessions.push(line);
        for p in s.polarities.iter() {
            for w in p.warnings.iter().filter(|w| !w.fired.is_empty()) {
                let (sign, seen_in) = self
                    .signs
                    .entry((norm(&w.sign), norm(&w.watcher)))
                    .or_insert_with(|| {
                        let line = SignLine {
                            sign: w.sign.clone(),
                            watcher: w.watcher.clone(),
                            times: 0,
                            sessions: 0,
                        };
                        (line, None)
                    });
                sign.times += w.fired.len();
                if *seen_in != Some(n) {
                    *seen_in = Some(n);
                    sign.sessions += 1;
                }
            }
        }
    }

    pub fn finish(self) -> Heat {
        let mut heat = self.heat;
        heat.sessions
            .sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.path.cmp(&b.path)));
        heat.tactics = self.tactics.into_values().collect();
        heat.tactics.sort_by_key(|t| std::cmp::Reverse(t.used));
        heat.signs = self.signs.into_values().map(|(s, _)| s).collect();
        heat.signs
            .sort_by_key(|x| std::cmp::Reverse((x.times, x.sessions)));
        heat
    }
}

/// The heat across `sessions`.
pub fn of<'a>(sessions: impl IntoIterator<Item = (&'a Path, &'a Session)>) -> Heat {
    let mut g = Gather::default();
    for (path, s) in sessions {
        g.add(path, s);
    }
    g.finish()
}

impl Heat {
    /// Time below, inside and above the band over every session.
    pub fn totals(&self) -> (u64, u64, u64) {
        self.sessions.iter().fold((0, 0, 0), |(b, i, a), s| {
            (b + s.below, i + s.inside, a + s.above)
        })
    }
}

/// `part` as a whole percentage of `whole` (0 for nothing).
pub fn percent(part: u64, whole: u64) -> u64 {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Band, Reading};

    fn reading(id: u32, mins: i64, level: u8, move_: Move, tactic: Option<&str>) -> Reading {
        let band = Band::default();
        Reading {
            id,
            at: crate::sample::session(0, 1).meta.created + chrono::Duration::minutes(mins),
            checkpoint: "frame".into(),
            level,
            band,
            zone: band.zone(level),
            kind: ReadingKind::Move,
            move_,
            tactic: tactic.map(String::from),
            reason: String::new(),
            after_gadfly: None,
            participants: None,
            readiness: None,
        }
    }

    #[test]
    fn time_in_each_zone_and_what_followed_each_move() {
        let mut s = crate::sample::session(0, 1);
        s.polarities.clear();
        let start = s.meta.created;
        s.readings = vec![
            reading(1, 0, 2, Move::Hold, None),
            reading(2, 10, 3, Move::Raise, Some("tough-questions")),
            reading(3, 30, 5, Move::Raise, Some("tough-questions")),
            reading(4, 45, 9, Move::Raise, Some("tough-questions")),
            reading(5, 50, 6, Move::Lower, Some("slow-down")),
        ]
        .into();
        s.meta.updated = start + chrono::Duration::minutes(60);
        let h = of([(Path::new("a.ron"), &s)]);
        let one = &h.sessions[0];
        // 2 and 3 are below the band for 30 minutes, 5 inside for 15 and
        // 6 for the last 10, 9 above for 5.
        assert_eq!((one.below, one.inside, one.above), (1800, 1500, 300));
        let raise = h
            .tactics
            .iter()
            .find(|t| t.direction == Some(Move::Raise))
            .unwrap();
        assert_eq!(
            (raise.used, raise.up, raise.down, raise.as_meant()),
            (3, 2, 1, 2)
        );
        let lower = h
            .tactics
            .iter()
            .find(|t| t.direction == Some(Move::Lower))
            .unwrap();
        assert_eq!((lower.used, lower.last), (1, 1));
        assert_eq!(h.tactics[0].used, 3, "most used first");
        assert_eq!(percent(1500, 3600), 42);
    }
}
