//! What changed across sessions: tension at start and end, commitments
//! carried, kept or dropped, gadfly ideas adopted since, value conflicts
//! that keep coming back, early-warning signs that fired. Items are matched
//! across sessions by their text (case and spacing ignored), which is how a
//! follow-up carries them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::session::{CommitmentStatus, Fate, Session, Timestamp};

/// One session of the comparison, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub title: String,
    pub created: Timestamp,
    /// First and last reading levels.
    pub start: Option<u8>,
    pub end: Option<u8>,
    pub levels: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Kept,
    Dropped,
    /// Open, and brought into a later session.
    Carried,
    /// Open in the latest session, new there.
    Open,
    /// Open in an earlier session and not seen since: forgotten?
    NotCarried,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentLine {
    pub what: String,
    pub owner: String,
    /// Indexes into `entries` where it appears.
    pub seen: Vec<usize>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AdoptedIdea {
    pub text: String,
    /// Where it was first said, and where it was adopted.
    pub from: usize,
    pub adopted_in: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Recurring {
    pub left: String,
    pub right: String,
    pub seen: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FiredSign {
    pub session: usize,
    pub sign: String,
    pub watcher: String,
    pub times: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    pub entries: Vec<Entry>,
    pub commitments: Vec<CommitmentLine>,
    pub adopted: Vec<AdoptedIdea>,
    pub recurring: Vec<Recurring>,
    pub fired: Vec<FiredSign>,
}

/// Lower case, spaces collapsed: how items are matched across sessions.
pub fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `▲ +3`, `▼ −2` or `= 0`: a change said with an arrow and a sign.
pub fn delta(d: i32) -> String {
    match d.cmp(&0) {
        std::cmp::Ordering::Greater => format!("▲ +{d}"),
        std::cmp::Ordering::Less => format!("▼ −{}", d.unsigned_abs()),
        std::cmp::Ordering::Equal => "= 0".to_string(),
    }
}

/// Compares sessions; they are put in the order they were held.
pub fn compare(sessions: &[(PathBuf, &Session)]) -> Comparison {
    let mut order: Vec<&(PathBuf, &Session)> = sessions.iter().collect();
    order.sort_by(|a, b| {
        a.1.meta
            .created
            .cmp(&b.1.meta.created)
            .then_with(|| a.0.cmp(&b.0))
    });
    let last = order.len().saturating_sub(1);
    let mut out = Comparison::default();
    // Matched by text: (first index, order of first sight) keeps output stable.
    let mut commitments: BTreeMap<String, (usize, CommitmentLine, CommitmentStatus)> =
        BTreeMap::new();
    let mut ideas: BTreeMap<String, (usize, String, Option<usize>, Option<usize>)> =
        BTreeMap::new();
    let mut conflicts: BTreeMap<(String, String), (usize, Recurring)> = BTreeMap::new();
    let mut serial = 0usize;
    for (i, (path, s)) in order.iter().enumerate() {
        out.entries.push(Entry {
            path: path.clone(),
            title: s.meta.title.clone(),
            created: s.meta.created,
            start: s.readings.first().map(|r| r.level),
            end: s.readings.last().map(|r| r.level),
            levels: s.readings.iter().map(|r| r.level).collect(),
        });
        for c in &s.commitments {
            serial += 1;
            let e = commitments.entry(norm(&c.what)).or_insert_with(|| {
                (
                    serial,
                    CommitmentLine {
                        what: c.what.clone(),
                        owner: c.owner.clone(),
                        seen: Vec::new(),
                        outcome: Outcome::Open,
                    },
                    c.status,
                )
            });
            if e.1.seen.last() != Some(&i) {
                e.1.seen.push(i);
            }
            e.1.owner = c.owner.clone();
            e.2 = c.status;
        }
        for g in &s.gadflies {
            serial += 1;
            let e = ideas
                .entry(norm(&g.text))
                .or_insert_with(|| (serial, g.text.clone(), None, None));
            match g.fate {
                Fate::Adopted => {
                    if e.3.is_none() {
                        e.3 = Some(i);
                    }
                }
                _ => {
                    if e.2.is_none() {
                        e.2 = Some(i);
                    }
                }
            }
        }
        for p in &s.polarities {
            serial += 1;
            let (a, b) = (p.left.name.trim(), p.right.name.trim());
            let (ka, kb) = (norm(a), norm(b));
            let key = if ka <= kb { (ka, kb) } else { (kb, ka) };
            let e = conflicts.entry(key).or_insert_with(|| {
                (
                    serial,
                    Recurring {
                        left: a.to_string(),
                        right: b.to_string(),
                        seen: Vec::new(),
                    },
                )
            });
            if e.1.seen.last() != Some(&i) {
                e.1.seen.push(i);
            }
            for w in &p.warnings {
                if !w.fired.is_empty() {
                    out.fired.push(FiredSign {
                        session: i,
                        sign: w.sign.clone(),
                        watcher: w.watcher.clone(),
                        times: w.fired.len(),
                    });
                }
            }
        }
    }
    let mut lines: Vec<(usize, CommitmentLine)> = commitments
        .into_values()
        .map(|(n, mut line, status)| {
            let latest = *line.seen.last().unwrap_or(&0);
            line.outcome = match status {
                CommitmentStatus::Kept => Outcome::Kept,
                CommitmentStatus::Dropped => Outcome::Dropped,
                CommitmentStatus::Open if latest < last => Outcome::NotCarried,
                CommitmentStatus::Open if line.seen.len() > 1 => Outcome::Carried,
                CommitmentStatus::Open => Outcome::Open,
            };
            (n, line)
        })
        .collect();
    lines.sort_by_key(|(n, _)| *n);
    out.commitments = lines.into_iter().map(|(_, l)| l).collect();
    let mut adopted: Vec<(usize, AdoptedIdea)> = ideas
        .into_values()
        .filter_map(|(n, text, earlier, adopted)| match (earlier, adopted) {
            (Some(from), Some(at)) if from < at => Some((
                n,
                AdoptedIdea {
                    text,
                    from,
                    adopted_in: at,
                },
            )),
            _ => None,
        })
        .collect();
    adopted.sort_by_key(|(n, _)| *n);
    out.adopted = adopted.into_iter().map(|(_, a)| a).collect();
    let mut recurring: Vec<(usize, Recurring)> = conflicts
        .into_values()
        .filter(|(_, r)| r.seen.len() > 1)
        .collect();
    recurring.sort_by_key(|(n, _)| *n);
    out.recurring = recurring.into_iter().map(|(_, r)| r).collect();
    out
}
