//! What changed across sessions: tension at start and end, commitments
//! carried, kept or dropped, gadfly ideas adopted since, value conflicts
//! that keep coming back, early-warning signs that fired. An item a follow-up
//! carried is followed by its capture time, which carrying keeps, so a
//! carried commitment reworded later is still the same commitment; other
//! items are matched by their text (case and spacing ignored).

use crate::text::norm;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use std::path::PathBuf;

use super::followup::is_carried;
use crate::session::{Fate, ItemKind, Session, Timestamp};

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
    /// No longer open, in the kind's own word: a commitment "kept" or
    /// "dropped", an experiment "it worked".
    Ended(&'static str),
    /// Open, and brought into a later session.
    Carried,
    /// Open in the latest session, new there.
    Open,
    /// Open in an earlier session and not seen since: forgotten?
    NotCarried,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentLine {
    /// Work of any kind: a commitment, an experiment.
    pub kind: ItemKind,
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
    /// The sessions it fired in (indices, in order): a sign carried into a
    /// follow-up is one sign, and firing again is what a reviewer looks for.
    pub sessions: Vec<usize>,
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
    /// Time in, below and above the band; tactics and what followed them.
    pub heat: super::heat::Heat,
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
/// The line an item belongs to: for an item carried into `s`, the line its
/// capture time was first seen on; otherwise (or when that earlier session
/// is not compared) the line of `by_text`.
fn line_of<K: Clone + Eq + Hash>(
    seen_at: &mut HashMap<Timestamp, K>,
    s: &Session,
    at: Timestamp,
    by_text: K,
) -> K {
    let carried = is_carried(s, at)
        .then(|| seen_at.get(&at).cloned())
        .flatten();
    let key = carried.unwrap_or(by_text);
    seen_at.entry(at).or_insert_with(|| key.clone());
    key
}

pub fn compare(sessions: &[(PathBuf, &Session)]) -> Comparison {
    let mut order: Vec<&(PathBuf, &Session)> = sessions.iter().collect();
    order.sort_by(|a, b| {
        a.1.meta
            .created
            .cmp(&b.1.meta.created)
            .then_with(|| a.0.cmp(&b.0))
    });
    let last = order.len().saturating_sub(1);
    let mut out = Comparison {
        heat: super::heat::of(order.iter().map(|(p, s)| (p.as_path(), *s))),
        ..Comparison::default()
    };
    // Matched by text: (first index, order of first sight) keeps output stable.
    // Work: (first seen, the line, its status: open, or how it ended).
    let mut commitments: BTreeMap<(ItemKind, String), (usize, CommitmentLine, Option<Outcome>)> =
        BTreeMap::new();
    let mut ideas: BTreeMap<String, (usize, String, Option<usize>, Option<usize>)> =
        BTreeMap::new();
    let mut conflicts: BTreeMap<(String, String), (usize, Recurring)> = BTreeMap::new();
    let (mut commitment_at, mut idea_at, mut conflict_at) =
        (HashMap::new(), HashMap::new(), HashMap::new());
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
        for w in s.work_items() {
            serial += 1;
            let Some((_, at, _)) = s.stamp_of(w.kind, w.index) else {
                continue;
            };
            let by_text = (w.kind, norm(w.work.what));
            let key = line_of(&mut commitment_at, s, at, by_text);
            let e = commitments.entry(key).or_insert_with(|| {
                (
                    serial,
                    CommitmentLine {
                        kind: w.kind,
                        what: String::new(),
                        owner: String::new(),
                        seen: Vec::new(),
                        outcome: Outcome::Open,
                    },
                    None,
                )
            });
            if e.1.seen.last() != Some(&i) {
                e.1.seen.push(i);
            }
            // The latest wording, owner and status.
            e.1.what = w.work.what.to_string();
            e.1.owner = w.work.owner.to_string();
            e.2 = (!w.work.open).then(|| Outcome::Ended(w.status()));
        }
        for g in &s.gadflies {
            serial += 1;
            let key = line_of(&mut idea_at, s, g.at, norm(&g.text));
            let e = ideas
                .entry(key)
                .or_insert_with(|| (serial, g.text.clone(), None, None));
            e.1 = g.text.clone();
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
            let key = line_of(&mut conflict_at, s, p.at, key);
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
            (e.1.left, e.1.right) = (a.to_string(), b.to_string());
            for w in p.warnings.iter().filter(|w| !w.fired.is_empty()) {
                let same = |f: &&mut FiredSign| {
                    norm(&f.sign) == norm(&w.sign) && norm(&f.watcher) == norm(&w.watcher)
                };
                match out.fired.iter_mut().find(same) {
                    Some(f) => {
                        if f.sessions.last() != Some(&i) {
                            f.sessions.push(i);
                        }
                        f.times += w.fired.len();
                    }
                    None => out.fired.push(FiredSign {
                        sessions: vec![i],
                        sign: w.sign.clone(),
                        watcher: w.watcher.clone(),
                        times: w.fired.len(),
                    }),
                }
            }
        }
    }
    let mut lines: Vec<(usize, CommitmentLine)> = commitments
        .into_values()
        .map(|(n, mut line, status)| {
            let latest = *line.seen.last().unwrap_or(&0);
            line.outcome = match status {
                Some(ended) => ended,
                None if latest < last => Outcome::NotCarried,
                None if line.seen.len() > 1 => Outcome::Carried,
                None => Outcome::Open,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::followup;
    use crate::session::CommitmentStatus;

    /// A sample session and its follow-up a week on.
    fn pair() -> (Session, Session) {
        let earlier = crate::sample::session(120, 7);
        let later = earlier.meta.created + chrono::Duration::days(7);
        let (s, _) = followup::start(
            &earlier,
            "earlier.ron",
            earlier.workshop.clone(),
            "Follow-up",
            "",
            later,
        );
        (earlier, s)
    }

    fn run(earlier: &Session, later: &Session) -> Comparison {
        compare(&[
            (PathBuf::from("earlier.ron"), earlier),
            (PathBuf::from("later.ron"), later),
        ])
    }

    #[test]
    fn an_experiment_carried_and_ended_is_one_line_with_its_result() {
        use crate::session::ExperimentResult;
        let mut earlier = crate::sample::session(120, 7);
        for x in earlier.experiments.iter_mut() {
            x.result = ExperimentResult::Running;
        }
        let (mut later, _) = followup::start(
            &earlier,
            "earlier.ron",
            earlier.workshop.clone(),
            "Follow-up",
            "",
            earlier.meta.created + chrono::Duration::days(7),
        );
        assert!(!later.experiments.is_empty());
        let x = &mut later.experiments[0];
        x.trial = format!("{}, on Mondays", x.trial);
        x.result = ExperimentResult::Worked;
        let trial = x.trial.clone();
        let cmp = run(&earlier, &later);
        let line = cmp
            .commitments
            .iter()
            .find(|l| l.what == trial)
            .expect("the experiment is listed");
        assert_eq!(line.kind, ItemKind::Experiment);
        assert_eq!(
            (line.seen.as_slice(), line.outcome),
            (&[0, 1][..], Outcome::Ended("it worked"))
        );
        let open = cmp
            .commitments
            .iter()
            .filter(|l| l.kind == ItemKind::Experiment && l.outcome == Outcome::Carried)
            .count();
        assert_eq!(open, later.experiments.len() - 1);
    }

    #[test]
    fn a_carried_item_reworded_is_still_the_same_item() {
        let (earlier, mut later) = pair();
        assert!(!later.commitments.is_empty() && !later.gadflies.is_empty());
        let c = &mut later.commitments[0];
        let was = c.what.clone();
        c.what = format!("{was}, and say when");
        c.status = CommitmentStatus::Kept;
        let g = &mut later.gadflies[0];
        g.text = format!("{} (sharper)", g.text);
        g.fate = Fate::Adopted;
        for p in later.polarities.iter_mut() {
            p.left.name = format!("{} first", p.left.name);
        }

        let cmp = run(&earlier, &later);
        let line = cmp
            .commitments
            .iter()
            .find(|l| l.what.starts_with(&was))
            .expect("the commitment is listed");
        assert_eq!(line.what, format!("{was}, and say when"), "latest wording");
        assert_eq!(line.seen, vec![0, 1]);
        assert_eq!(line.outcome, Outcome::Ended("kept"));
        assert!(
            !cmp.commitments.iter().any(|l| l.what == was),
            "the old wording is not a second, forgotten commitment"
        );
        assert!(
            cmp.adopted
                .iter()
                .any(|a| a.text.ends_with("(sharper)") && (a.from, a.adopted_in) == (0, 1))
        );
        // The conflicts still recur, under their new names.
        assert!(!cmp.recurring.is_empty());
        assert!(cmp.recurring.iter().all(|r| r.left.ends_with(" first")));
    }

    #[test]
    fn items_typed_again_are_matched_by_text_and_new_ones_stay_apart() {
        let (earlier, mut later) = pair();
        // Not carried: typed again in the later session, same words.
        let mut again = earlier.commitments[0].clone();
        again.at = later.meta.created + chrono::Duration::minutes(5);
        again.what = again.what.to_uppercase();
        later.commitments.clear();
        later.commitments.push(again.clone());
        // And a new one whose capture time is the earlier one's: it is not
        // carried (captured after the session began), so it is not joined.
        let mut fresh = again.clone();
        fresh.what = "Something else entirely".into();
        later.commitments.push(fresh);
        let cmp = run(&earlier, &later);
        let matched = cmp
            .commitments
            .iter()
            .find(|l| norm(&l.what) == norm(&again.what))
            .unwrap();
        assert_eq!(matched.seen, vec![0, 1]);
        let new = cmp
            .commitments
            .iter()
            .find(|l| l.what == "Something else entirely")
            .unwrap();
        assert_eq!(new.seen, vec![1]);
    }

    #[test]
    fn a_carried_sign_that_fires_again_is_one_recurring_sign() {
        let (mut earlier, mut later) = pair();
        let i = earlier
            .polarities
            .iter()
            .position(|p| !p.warnings.is_empty())
            .expect("a map with signs");
        let sign = earlier.polarities[i].warnings[0].sign.clone();
        for p in earlier.polarities.iter_mut() {
            for w in &mut p.warnings {
                w.fired.clear();
            }
        }
        earlier.polarities[i].warnings[0].fired = vec![earlier.meta.created];
        let carried = later
            .polarities
            .iter_mut()
            .find(|p| p.warnings.iter().any(|w| w.sign == sign))
            .unwrap();
        let w = carried
            .warnings
            .iter_mut()
            .find(|w| w.sign == sign)
            .unwrap();
        w.fired = vec![later.meta.created];
        let c = run(&earlier, &later);
        let fired: Vec<_> = c.fired.iter().filter(|f| f.sign == sign).collect();
        assert_eq!(fired.len(), 1, "{:?}", c.fired);
        assert_eq!(fired[0].sessions, vec![0, 1]);
        assert_eq!(fired[0].times, 2);
    }
}
