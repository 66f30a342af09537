//! Driving the flow as a facilitator does: press *actions*, type text, look
//! at the screen. A key is looked up in the flow's own keymap for the
//! context the flow is in, so a test says what it means (`Action::Gadfly`,
//! not `'g'`) and still passes when the keys are rebound. The clock is
//! fixed: every input arrives at [`t0`] plus the seconds set with [`Harness::at`].

use std::sync::Arc;

use balcony::flow::{Effect, Flow, Input};
use balcony::keymap::{Action, Keymap};
use balcony::session::*;
use balcony::workshop::Builtin;
use chrono::{Duration, NaiveDate, TimeZone};
use crossterm::event::KeyEvent;

use crate::common::{self, t0};

/// The screen size the snapshots are taken at.
pub const W: u16 = 100;
pub const H: u16 = 30;

/// A session with every kind of item in it, each field filled (the one the
/// exports are checked against).
pub fn every_kind() -> Session {
    every_kind_with(Mode::Facilitated, |t| t.to_string())
}

/// When [`every_kind_with`] begins its session: the export snapshots hold
/// these times.
pub fn every_kind_begun() -> Timestamp {
    chrono::FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
        .unwrap()
}

/// A small session with every kind of item, written by hand so each field
/// can be filled with the text given (`t` is applied to every free-text field).
pub fn every_kind_with(mode: Mode, t: impl Fn(&str) -> String) -> Session {
    let workshop = match mode {
        Mode::Facilitated => Builtin::Default.workshop(),
        Mode::Solo => Builtin::Solo.workshop(),
    };
    let cps: Vec<String> = workshop.checkpoints.iter().map(|c| c.id.clone()).collect();
    let cp = |i: usize| cps[i.min(cps.len() - 1)].clone();
    let mut s = Session::new(
        workshop,
        &t("Keeping customers | Q1 review"),
        &t("Rosa Marin"),
        every_kind_begun(),
    );
    s.meta.mode = mode;
    s.meta.context =
        t("A regional telecom.\nSales are rewarded for new plans, nobody for keeping customers.");
    s.meta.follows = Some("2026-10-01-first-look.ron".into());
    s.road = Some(Road::BestCustomer);
    let at = |m: i64| every_kind_begun() + Duration::minutes(m);
    let tactic = |s: &Session, m: Move| s.workshop.tactics_for(m).next().map(|t| t.id.clone());

    let id = s.take_id();
    let raise = tactic(&s, Move::Raise);
    s.readings.push(Reading {
        id,
        at: at(2),
        checkpoint: cp(0),
        level: 2,
        band: Band { low: 4, high: 7 },
        zone: Zone::TooCold,
        kind: ReadingKind::Move,
        move_: Move::Raise,
        tactic: raise,
        reason: t("Everyone agrees too quickly"),
        after_gadfly: None,
        participants: None,
        readiness: Some(Readiness::Checked {
            urgency: Urgency::OneFaction,
            ripeness: Ripeness::Unripe,
            evidence: t("Only the call centre raises it"),
        }),
    });
    let id = s.take_id();
    s.facts.push(BrutalFact {
        id,
        at: at(10),
        checkpoint: cp(1),
        text: t("42% of callers are transferred at least twice"),
        source: SourceKind::Data,
        source_detail: t("Call logs, October"),
    });
    let gadfly_id = s.take_id();
    s.gadflies.push(Gadfly {
        id: gadfly_id,
        at: at(20),
        checkpoint: cp(3),
        text: t("Scrap the sales bonus entirely"),
        author: Author::Named(t("Tom Wu")),
        voice: Voice::FrontLine,
        reaction: Reaction::Laughter,
        fate: Fate::Parked,
        reactions: Vec::new(),
    });
    let id = s.take_id();
    s.gadflies.push(Gadfly {
        id,
        at: at(21),
        checkpoint: cp(3),
        text: t("Let customers rate every call, publicly"),
        author: Author::Anonymous,
        voice: Voice::Oddball,
        reaction: Reaction::Pushback,
        fate: Fate::Declined(t("Legal says not before the privacy review")),
        reactions: Vec::new(),
    });
    let adopted_id = s.take_id();
    s.gadflies.push(Gadfly {
        id: adopted_id,
        at: at(22),
        checkpoint: cp(3),
        text: t("Answer the phone in under a minute"),
        author: Author::Named(t("Ines Park")),
        voice: Voice::Customer,
        reaction: Reaction::Support,
        fate: Fate::Adopted,
        // First laughed at, then supported: both are kept.
        reactions: vec![ReactionChange {
            at: at(40),
            was: Reaction::Laughter,
        }],
    });
    let id = s.take_id();
    let lower = tactic(&s, Move::Lower);
    s.readings.push(Reading {
        id,
        at: at(24),
        checkpoint: cp(4),
        level: 8,
        band: Band { low: 4, high: 7 },
        zone: Zone::TooHot,
        kind: ReadingKind::Move,
        move_: Move::Lower,
        tactic: lower,
        reason: t("Voices raised; two people left the room"),
        after_gadfly: Some(gadfly_id),
        participants: None,
        readiness: None,
    });
    let id = s.take_id();
    s.splits.push(Split {
        id,
        at: at(30),
        checkpoint: cp(2),
        text: t("Fix the call routing tree"),
        kind: SplitKind::Technical,
        loss: String::new(),
        signs: Vec::new(),
    });
    let id = s.take_id();
    s.splits.push(Split {
        id,
        at: at(31),
        checkpoint: cp(2),
        text: t("Reward keeping customers, not signing them"),
        kind: SplitKind::Adaptive,
        loss: t("Sales lose their best-paid quarter"),
        signs: vec![AdaptiveSign::KeepsComingBack, AdaptiveSign::ValuesCompete],
    });
    let id = s.take_id();
    s.polarities.push(Polarity {
        id,
        at: at(40),
        checkpoint: cp(5),
        left: Pole {
            name: t("Customer time"),
            holders: t("Support"),
            upsides: vec![t("Problems solved on the first call")],
            downsides: vec![t("Queues grow")],
            would_lose: t("Pride in the work"),
        },
        right: Pole {
            name: t("Efficiency"),
            holders: t("Operations"),
            upsides: vec![t("Predictable cost per call")],
            downsides: vec![t("Customers hang up and leave")],
            would_lose: t("Their targets"),
        },
        purpose: t("Customers who stay"),
        warnings: vec![
            EarlyWarning {
                sign: t("Average call under 3 minutes"),
                overdone: Side::Right,
                watcher: t("Ana Ruiz"),
                fired: vec![at(60), at(90)],
            },
            EarlyWarning {
                sign: t("Overtime above 10% two weeks running"),
                overdone: Side::Left,
                watcher: t("Ben Okafor"),
                fired: vec![],
            },
        ],
        third: None,
    });
    // One conflict, three poles.
    let id = s.take_id();
    let pole = |name: &str, holders: &str, up: &str, down: &str, lose: &str| Pole {
        name: t(name),
        holders: t(holders),
        upsides: vec![t(up)],
        downsides: vec![t(down)],
        would_lose: t(lose),
    };
    s.polarities.push(Polarity {
        id,
        at: at(42),
        checkpoint: cp(5),
        left: pole(
            "What customers need",
            "Support",
            "Customers stay",
            "Costs run away",
            "Their reason to care",
        ),
        right: pole(
            "What staff need",
            "Team leads",
            "People stay and learn",
            "Customers wait",
            "Time to think",
        ),
        purpose: t("A business that lasts"),
        warnings: vec![EarlyWarning {
            sign: t("Discounts approved without a case"),
            overdone: Side::Third,
            watcher: t("Ana Ruiz"),
            fired: vec![],
        }],
        third: Some(Box::new(pole(
            "The quarter's bottom line",
            "Finance",
            "Money to invest",
            "Everyone feels squeezed",
            "Their forecast",
        ))),
    });
    let id = s.take_id();
    s.factions.push(Faction {
        id,
        at: at(50),
        checkpoint: cp(6),
        name: t("Regional sales"),
        stance: Stance::Resistant,
        values: vec![t("Hitting the number"), t("Autonomy")],
        loyalties: vec![t("Their director")],
        losses: vec![t("Commission on new plans")],
    });
    for (k, role) in CustomerRole::ALL.into_iter().enumerate() {
        let id = s.take_id();
        s.customers.push(Customer {
            id,
            at: at(20 + k as i64),
            checkpoint: cp(1),
            product: t("Home broadband"),
            role,
            who: t([
                "Families streaming at night",
                "Shop staff selling plans",
                "Field engineers",
            ][k]),
            ranks_highest: vec![t("It works at 8 pm"), t("One person owns my problem")],
            served_by: t(["", "Retail", "Field service"][k]),
        });
    }
    let id = s.take_id();
    s.forces.push(Force {
        id,
        at: at(52),
        checkpoint: cp(6),
        text: t("Bonuses paid on new contracts only"),
        pull: Pull::Inhibitor,
        strength: Strength::Strong,
        behaviour: t("Fixing an existing customer's problem"),
        acts_in: t("Regional sales"),
    });
    let id = s.take_id();
    s.assumptions.push(Assumption {
        id,
        at: at(55),
        checkpoint: cp(7),
        text: t("Customers only care about price"),
        kind: AssumptionKind::Myth,
        evidence: String::new(),
    });
    let id = s.take_id();
    s.assumptions.push(Assumption {
        id,
        at: at(56),
        checkpoint: cp(7),
        text: t("We can be the operator people recommend"),
        kind: AssumptionKind::Aspirational,
        evidence: t("Two regions already have NPS above 40"),
    });
    let id = s.take_id();
    s.avoidance.push(Avoidance {
        id,
        at: at(57),
        checkpoint: cp(4),
        pattern: AvoidancePattern::OutsideEnemy,
        text: t("\"It's the regulator's fault\""),
    });
    let id = s.take_id();
    s.commitments.push(Commitment {
        id,
        at: at(70),
        checkpoint: cp(9),
        what: t("Pilot a retention bonus in one region"),
        owner: t("Dana Levi"),
        review: NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
        status: CommitmentStatus::Open,
        loss: t("Two sales reps lose their top commission tier"),
        function: t("sales"),
        overridden: Vec::new(),
        from_idea: Some(adopted_id),
    });
    let id = s.take_id();
    s.commitments.push(Commitment {
        id,
        at: at(71),
        checkpoint: cp(9),
        what: t("Publish transfer counts weekly"),
        owner: t("the team"),
        review: NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
        status: CommitmentStatus::Kept,
        loss: String::new(),
        function: t("service"),
        overridden: vec!["\"the team\" names a department, function or team".into()],
        from_idea: None,
    });
    let id = s.take_id();
    s.experiments.push(Experiment {
        id,
        at: at(72),
        checkpoint: cp(9),
        trial: t("Let two agents close a complaint without a manager"),
        expect: t("Fewer complaints come back within a week"),
        owner: t("Sam Okoro"),
        review: NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
        result: ExperimentResult::Worked,
        learned: t("Agents asked for a spending limit, not a manager"),
        function: t("billing"),
        overridden: Vec::new(),
        from_idea: None,
    });
    let id = s.take_id();
    s.notes.push(Note {
        id,
        at: at(80),
        checkpoint: cp(10),
        kind: NoteKind::Interpretation,
        text: t("The laughter at the bonus idea may be fear, not dismissal"),
    });
    let id = s.take_id();
    s.notes.push(Note {
        id,
        at: at(81),
        checkpoint: cp(11),
        kind: NoteKind::Keep,
        text: t("# Keep the customer calls at the start\n| even when late"),
    });
    for (i, p) in s.progress.checkpoints.iter_mut().enumerate() {
        p.status = match i {
            3 => Status::Skipped,
            i if i < 6 => Status::Visited,
            _ => Status::NotYet,
        };
        if p.status == Status::Visited {
            p.spent_secs = 300 + 240 * i as u64;
            p.first_visit = Some(at(5 * i as i64));
        }
    }
    s.progress.checkpoints[2].extra_mins = 5;
    s.progress.checkpoints[3].skipped = vec![at(25)];
    s.progress.checkpoints[3].skip_reasons = vec![SkipReason {
        at: at(25),
        reason: t("Out of time | back to it next week"),
    }];
    s.band_moves.push(BandMove {
        at: at(30),
        checkpoint: cp(4),
        from: Band { low: 4, high: 7 },
        to: Band { low: 5, high: 8 },
        reason: t("This room can take *more* heat"),
    });
    s.progress.current = 6.min(s.progress.checkpoints.len() - 1);
    s.meta.updated = at(81);
    s
}

pub struct Harness {
    pub flow: Flow,
    /// Seconds after [`t0`] of the next input.
    secs: i64,
}

impl Harness {
    /// A flow as the app makes it.
    pub fn new(flow: Flow) -> Harness {
        Harness { flow, secs: 0 }
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
