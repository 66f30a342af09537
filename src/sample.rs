//! Synthetic but plausible sessions for demos, tests and benchmarks.
//! The same seed always gives the same session.

use chrono::{Duration, TimeZone};

use crate::session::*;
use crate::workshop::Builtin;

const FACTS: &[&str] = &[
    "Customers wait 40 minutes on hold before anyone can change their plan",
    "Front-line staff may not refund more than 20 without a supervisor",
    "Churn in the first 90 days doubled since the new pricing",
    "Three of five complaints this month were about being passed between departments",
    "Our NPS survey is only sent to customers who closed a ticket happily",
    "Field engineers say the scheduling tool books visits nobody can attend",
];
const GADFLIES: &[&str] = &[
    "Publish every complaint and our answer on the website",
    "Let the call centre set prices for a week",
    "Give customers a no-contract option so we have to delight them",
    "Abolish the customer-experience department and make it everyone's job",
    "Pay bonuses on customer retention, not on sales",
    "Put a customer on the board",
];
const VALUES: &[(&str, &str)] = &[
    ("Customer needs", "The quarter's margin"),
    ("Staff wellbeing", "Always-on service"),
    ("Standard process", "Front-line judgement"),
    ("Speed of answer", "Depth of answer"),
];
const PEOPLE: &[&str] = &[
    "Ana Ruiz",
    "Ben Okafor",
    "Chen Wei",
    "Dana Levi",
    "Emil Novak",
    "Fatima Idris",
    "Gus Berg",
];
const FACTIONS: &[&str] = &[
    "Call centre supervisors",
    "Finance",
    "Product managers",
    "Field engineers",
    "Regional sales",
];
const LIES: &[&str] = &[
    "Customers only care about price",
    "We can't change anything until the new CRM is live",
    "Our customers are different from everyone else's",
    "The front line would abuse more freedom",
];
const NOTES: &[&str] = &[
    "The room went quiet when refunds came up",
    "Finance and sales both talk about 'the customer' but mean different people",
    "Two people checked their phones during the facts round",
    "Maybe the silence is fatigue, not avoidance",
];
const COMMITMENTS: &[&str] = &[
    "Sit in on ten support calls before the next review",
    "Let my team approve refunds up to 200 for a month",
    "Bring three unfiltered complaints to the next leadership meeting",
    "Stop the happy-path-only survey",
];

const CUSTOMERS: &[(CustomerRole, &str)] = &[
    (CustomerRole::EndUser, "Families streaming in the evening"),
    (CustomerRole::Broker, "Retail shop staff selling the plans"),
    (CustomerRole::Fixer, "Field engineers on repair visits"),
    (CustomerRole::EndUser, "People working from home"),
];

const RANKS: &[&str] = &[
    "It simply works in the evening",
    "One person who owns my problem",
    "A bill I can predict",
    "Commission that pays on time",
    "Parts in the van when I arrive",
];

const FORCES: &[&str] = &[
    "Call-time targets on every wallboard",
    "A refund budget each team controls",
    "Bonuses paid on new contracts only",
    "The COO reads ten complaints every Monday",
    "Three sign-offs before any exception",
    "Front-line stories opening the quarterly review",
];

/// The first checkpoint that collects `kind`, else the first of all.
fn collecting(s: &Session, kind: ItemKind) -> String {
    let cps = &s.workshop.checkpoints;
    cps.iter()
        .find(|c| c.collects.contains(&kind))
        .unwrap_or(&cps[0])
        .id
        .clone()
}

const EXPERIMENTS: &[&str] = &[
    "Let two agents close a complaint without a manager for a month",
    "Put an engineer on the phones one morning a week",
    "Show each region its repeat-call count every Monday",
    "Drop the sales script for new customers in one store",
];

fn pick<'a>(rng: &mut fastrand::Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

/// A session with about `items` items spread over every kind, at a fixed
/// start time so the output depends only on the seed.
pub fn session(items: usize, seed: u64) -> Session {
    let mut rng = fastrand::Rng::with_seed(seed);
    let offset = chrono::FixedOffset::east_opt(3600).expect("valid offset");
    let start = offset
        .with_ymd_and_hms(2026, 11, 23, 14, 5, 0)
        .single()
        .expect("valid date");
    let workshop = Builtin::Default.workshop();
    let n_checkpoints = workshop.checkpoints.len();
    let mut s = Session::new(
        workshop,
        &format!("Sample workshop {seed}"),
        pick(&mut rng, PEOPLE),
        start,
    );
    s.meta.context = "A telecom moving from selling plans to keeping customers".into();
    s.road = Some(Road::CompetingValues);
    let step = Duration::seconds(7);
    let mut now = start;
    // One force on the change for every twenty items, and a few customers.
    let n_forces = items.div_ceil(20);
    let n_customers = (items / 20).min(CUSTOMERS.len());
    let n_experiments = items / 40;
    let items = items - n_forces - n_customers - n_experiments;
    for i in 0..items {
        now += step;
        let cp = (i * n_checkpoints / items.max(1)).min(n_checkpoints - 1);
        let checkpoint = s.workshop.checkpoints[cp].id.clone();
        let id = s.take_id();
        let serial = i + 1;
        match rng.u8(..10) {
            0 => s.gadflies.push(Gadfly {
                id,
                at: now,
                checkpoint,
                text: format!("{} (#{serial})", pick(&mut rng, GADFLIES)),
                author: if rng.bool() {
                    Author::Anonymous
                } else {
                    Author::Named(pick(&mut rng, PEOPLE).into())
                },
                voice: [
                    Voice::Critic,
                    Voice::Oddball,
                    Voice::FrontLine,
                    Voice::Newcomer,
                ][rng.usize(..4)],
                reaction: [Reaction::Silence, Reaction::Laughter, Reaction::Curiosity]
                    [rng.usize(..3)],
                fate: match rng.u8(..4) {
                    0 => Fate::Parked,
                    1 => Fate::Exploring,
                    2 => Fate::Adopted,
                    _ => Fate::Declined("Out of scope for this quarter; revisit in Q2".into()),
                },
                reactions: Vec::new(),
            }),
            1 => s.facts.push(BrutalFact {
                id,
                at: now,
                checkpoint,
                text: format!("{} (#{serial})", pick(&mut rng, FACTS)),
                source: [
                    SourceKind::Customer,
                    SourceKind::FrontLine,
                    SourceKind::Data,
                ][rng.usize(..3)],
                source_detail: pick(&mut rng, PEOPLE).into(),
            }),
            2 => s.splits.push(Split {
                id,
                at: now,
                checkpoint,
                text: format!("Hold times (#{serial})"),
                kind: [SplitKind::Technical, SplitKind::Adaptive, SplitKind::Unsure]
                    [rng.usize(..3)],
                loss: "Supervisors lose the final say on refunds".into(),
                signs: Vec::new(),
            }),
            3 => {
                let (l, r) = VALUES[rng.usize(..VALUES.len())];
                s.polarities.push(Polarity {
                    id,
                    at: now,
                    checkpoint,
                    left: Pole {
                        name: l.into(),
                        holders: pick(&mut rng, FACTIONS).into(),
                        upsides: vec!["Customers stay and tell friends".into()],
                        downsides: vec!["Costs rise faster than revenue".into()],
                        would_lose: "Their reason for coming to work".into(),
                    },
                    right: Pole {
                        name: r.into(),
                        holders: pick(&mut rng, FACTIONS).into(),
                        upsides: vec!["Money to invest next year".into()],
                        downsides: vec!["Customers feel processed".into()],
                        would_lose: "Predictability".into(),
                    },
                    purpose: "A business customers choose to stay with".into(),
                    warnings: vec![EarlyWarning {
                        sign: format!("Refund approvals take over two days (#{serial})"),
                        overdone: Side::Right,
                        watcher: pick(&mut rng, PEOPLE).into(),
                        fired: Vec::new(),
                    }],
                    third: None,
                });
            }
            4 => s.factions.push(Faction {
                id,
                at: now,
                checkpoint,
                name: format!("{} (#{serial})", pick(&mut rng, FACTIONS)),
                stance: [Stance::EarlyAdopter, Stance::Undecided, Stance::Resistant]
                    [rng.usize(..3)],
                values: vec!["Predictable targets".into()],
                loyalties: vec!["Their regional director".into()],
                losses: vec!["Control over their own numbers".into()],
            }),
            5 => s.assumptions.push(Assumption {
                id,
                at: now,
                checkpoint,
                text: format!("{} (#{serial})", pick(&mut rng, LIES)),
                kind: [
                    AssumptionKind::Aspirational,
                    AssumptionKind::Myth,
                    AssumptionKind::Excuse,
                    AssumptionKind::Denial,
                ][rng.usize(..4)],
                evidence: "None offered; two complaints say the opposite".into(),
            }),
            6 => s.avoidance.push(Avoidance {
                id,
                at: now,
                checkpoint,
                pattern: AvoidancePattern::ALL[rng.usize(..AvoidancePattern::ALL.len())],
                text: format!("The talk moved to the office move again (#{serial})"),
            }),
            7 => s.commitments.push(Commitment {
                id,
                at: now,
                checkpoint,
                what: format!("{} (#{serial})", pick(&mut rng, COMMITMENTS)),
                owner: pick(&mut rng, PEOPLE).into(),
                review: (now + Duration::days(14 + rng.i64(0..30))).date_naive(),
                status: [
                    CommitmentStatus::Open,
                    CommitmentStatus::Kept,
                    CommitmentStatus::Dropped,
                ][rng.usize(..3)],
                loss: "An hour a week of my own time".into(),
                // Not from the generator, so a seed's other items stay as they were.
                function: ["sales", "service", "operations"][serial % 3].into(),
                overridden: Vec::new(),
                from_idea: None,
            }),
            8 => {
                let level = rng.u8(1..=9);
                let band = s.band;
                let move_ = [Move::Raise, Move::Lower, Move::Hold][rng.usize(..3)];
                let tactic = s.workshop.tactics_for(move_).next().map(|t| t.id.clone());
                s.readings.push(Reading {
                    id,
                    at: now,
                    checkpoint,
                    level,
                    band,
                    zone: band.zone(level),
                    kind: ReadingKind::Move,
                    move_,
                    tactic,
                    reason: "The room had gone quiet".into(),
                    after_gadfly: None,
                    participants: None,
                    readiness: None,
                });
            }
            _ => s.notes.push(Note {
                id,
                at: now,
                checkpoint,
                kind: [
                    NoteKind::Observation,
                    NoteKind::Interpretation,
                    NoteKind::Keep,
                ][rng.usize(..3)],
                text: format!("{} (#{serial})", pick(&mut rng, NOTES)),
            }),
        }
    }
    // Forces come from a generator of their own, after the rest, so the
    // other items of a seed stay what they were before forces existed.
    let mut frng = fastrand::Rng::with_seed(seed ^ 0x466f_7263_6573);
    let forces_at = collecting(&s, ItemKind::Force);
    for k in 0..n_forces {
        now += step;
        let id = s.take_id();
        s.forces.push(Force {
            id,
            at: now,
            checkpoint: forces_at.clone(),
            text: format!("{} (#{})", pick(&mut frng, FORCES), k + 1),
            pull: Pull::ALL[frng.usize(..2)],
            strength: Strength::ALL[frng.usize(..3)],
            behaviour: "Staying with a customer until the problem is solved".into(),
            acts_in: pick(&mut frng, FACTIONS).into(),
        });
    }
    // Who the customers are: a few, from the same generator.
    let customers_at = collecting(&s, ItemKind::Customer);
    for (role, who) in CUSTOMERS.iter().take(n_customers) {
        now += step;
        let id = s.take_id();
        s.customers.push(Customer {
            id,
            at: now,
            checkpoint: customers_at.clone(),
            product: "Home broadband".into(),
            role: *role,
            who: (*who).into(),
            ranks_highest: vec![pick(&mut frng, RANKS).into(), pick(&mut frng, RANKS).into()],
            served_by: pick(&mut frng, FACTIONS).into(),
        });
    }
    // Experiments: a generator of their own again, so nothing above moves.
    let mut erng = fastrand::Rng::with_seed(seed ^ 0x4578_7065_7269);
    let experiments_at = collecting(&s, ItemKind::Experiment);
    for k in 0..n_experiments {
        now += step;
        let id = s.take_id();
        s.experiments.push(Experiment {
            id,
            at: now,
            checkpoint: experiments_at.clone(),
            trial: format!("{} (#{})", pick(&mut erng, EXPERIMENTS), k + 1),
            expect: "Fewer customers call twice about the same problem".into(),
            owner: pick(&mut erng, PEOPLE).into(),
            review: (now + Duration::days(14 + erng.i64(0..30))).date_naive(),
            result: ExperimentResult::ALL[erng.usize(..ExperimentResult::ALL.len())],
            learned: String::new(),
            function: ["billing", "IT", "field service"][k % 3].into(),
            overridden: Vec::new(),
            from_idea: None,
        });
    }
    let visited = if items == 0 { 0 } else { n_checkpoints / 2 };
    for (i, cp) in s.progress.checkpoints.iter_mut().enumerate().take(visited) {
        cp.status = Status::Visited;
        cp.spent_secs = 600 + 60 * i as u64;
        cp.first_visit = Some(start + Duration::minutes(10 * i as i64));
    }
    s.progress.current = visited.min(n_checkpoints - 1);
    s.meta.updated = now;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_session() {
        assert_eq!(session(50, 7), session(50, 7));
        assert_ne!(session(50, 7), session(50, 8));
    }

    #[test]
    fn sample_is_valid_and_sized() {
        let s = session(500, 1);
        assert_eq!(s.item_count() + s.readings.len(), 500);
        assert!(ItemKind::all().all(|k| s.count(k) > 0));
        assert_eq!(validate::session(&s), vec![]);
    }
}
