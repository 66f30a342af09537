//! The wall: each kind of item in its shape at three sizes under each theme,
//! paging and the spotlight, every size from 60×16 to 300×100, and nothing
//! private on any view the room sees.

use crate::common::*;

use balcony::flow::{Flow, Room};
use balcony::session::*;
use balcony::shell::present::{Follower, PresentScreen};
use balcony::strings as s;
use balcony::ui::theme::ThemeName;
use balcony::ui::{Screen, projector};
use balcony::workshop::Builtin;
use chrono::NaiveDate;
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const SIZES: [(u16, u16); 3] = [(60, 16), (120, 36), (300, 100)];

fn draw(flow: &Flow, theme: ThemeName, (w, h): (u16, u16)) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    Screen {
        flow,
        theme: &theme.builtin(),
    }
    .render(area, &mut buf);
    buf
}

/// A session at "Brutal facts" (checkpoint 2), holding `kind` items there.
fn with(kind: ItemKind, n: usize) -> Session {
    let mut s = Session::new(
        Builtin::Default.workshop(),
        "Q3 customer first",
        "Ana",
        t0(),
    );
    s.progress.current = 1;
    add(&mut s, kind, n);
    s
}

fn add(s: &mut Session, kind: ItemKind, n: usize) {
    let cp = s.current_checkpoint_id().to_string();
    for k in 0..n {
        let id = s.take_id();
        let at = at(60 * k as i64);
        let long = "and the longer this sentence runs the more it needs to wrap onto the next line for the back of the room";
        match kind {
            ItemKind::Gadfly => s.gadflies.push(Gadfly {
                id,
                at,
                checkpoint: cp.clone(),
                text: format!(
                    "Idea {k}: let the front line refund up to 200 without asking, {long}"
                ),
                author: if k % 2 == 0 {
                    Author::Named(format!("Named Person {k}"))
                } else {
                    Author::Anonymous
                },
                voice: Voice::FrontLine,
                reaction: Reaction::Silence,
                fate: match k % 4 {
                    0 => Fate::Parked,
                    1 => Fate::Exploring,
                    2 => Fate::Adopted,
                    _ => Fate::Declined("the regulator forbids it".into()),
                },
                reactions: Vec::new(),
            }),
            ItemKind::Fact => s.facts.push(BrutalFact {
                id,
                at,
                checkpoint: cp.clone(),
                text: format!(
                    "Fact {k}: three of five complaints were about being passed around, {long}"
                ),
                source: SourceKind::Customer,
                source_detail: String::new(),
            }),
            ItemKind::Split => s.splits.push(Split {
                id,
                at,
                checkpoint: cp.clone(),
                text: format!("Part {k}: hold times"),
                kind: SplitKind::Adaptive,
                loss: String::new(),
                signs: Vec::new(),
            }),
            ItemKind::Polarity => s.polarities.push(Polarity {
                id,
                at,
                checkpoint: cp.clone(),
                left: Pole {
                    name: format!("Customer focus {k}"),
                    holders: String::new(),
                    upsides: vec!["Customers stay".into(), "They tell friends".into()],
                    downsides: vec!["Costs rise faster than revenue".into()],
                    would_lose: String::new(),
                },
                right: Pole {
                    name: "Efficiency".into(),
                    holders: String::new(),
                    upsides: vec!["Money to invest next year".into()],
                    downsides: vec![
                        "Customers feel processed".into(),
                        "Staff stop caring".into(),
                    ],
                    would_lose: String::new(),
                },
                purpose: "A business customers choose to stay with".into(),
                warnings: vec![EarlyWarning {
                    sign: "Refunds take over two days".into(),
                    overdone: Side::Right,
                    watcher: "Dana Levi".into(),
                    fired: vec![],
                }],
                third: None,
            }),
            ItemKind::Faction => s.factions.push(Faction {
                id,
                at,
                checkpoint: cp.clone(),
                name: format!("Call centre {k}"),
                stance: Stance::Undecided,
                values: vec!["Handling time".into(), "Fairness".into()],
                loyalties: vec!["Their team leads".into()],
                losses: vec!["The bonus for short calls".into()],
            }),
            ItemKind::Customer => s.customers.push(Customer {
                id,
                at,
                checkpoint: cp.clone(),
                product: if k < 4 {
                    "Home broadband"
                } else {
                    "Mobile plans"
                }
                .into(),
                role: CustomerRole::ALL[k % 3],
                who: format!("Customer group {k}, {long}"),
                ranks_highest: vec![
                    "It works in the evening".into(),
                    "One owner for my problem".into(),
                ],
                served_by: "Field service".into(),
            }),
            ItemKind::Force => s.forces.push(Force {
                id,
                at,
                checkpoint: cp.clone(),
                text: format!("Force {k}: call-time targets on every wallboard, {long}"),
                pull: Pull::Inhibitor,
                strength: Strength::Strong,
                behaviour: "staying on the line until the problem is solved".into(),
                acts_in: "the contact centre".into(),
            }),
            ItemKind::Assumption => s.assumptions.push(Assumption {
                id,
                at,
                checkpoint: cp.clone(),
                text: format!("Belief {k}: customers only care about price"),
                kind: AssumptionKind::Myth,
                evidence: String::new(),
            }),
            ItemKind::Avoidance => s.avoidance.push(Avoidance {
                id,
                at,
                checkpoint: cp.clone(),
                pattern: AvoidancePattern::Scapegoating,
                text: format!("Seen {k}: it is IT's fault again"),
            }),
            ItemKind::Commitment => s.commitments.push(Commitment {
                id,
                at,
                checkpoint: cp.clone(),
                what: format!(
                    "Commitment {k}: call back every customer who waited over a day, {long}"
                ),
                owner: "Rosa Marin".into(),
                review: NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
                status: CommitmentStatus::Open,
                loss: String::new(),
                function: String::new(),
                overridden: Vec::new(),
                from_idea: None,
            }),
            ItemKind::Experiment => s.experiments.push(Experiment {
                id,
                at,
                checkpoint: cp.clone(),
                trial: format!("Experiment {k}: let agents close a complaint alone, {long}"),
                expect: "Fewer complaints come back".into(),
                owner: "Sam Okoro".into(),
                review: NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
                result: ExperimentResult::Running,
                learned: String::new(),
                function: String::new(),
                overridden: Vec::new(),
                from_idea: None,
            }),
            ItemKind::Note => s.notes.push(Note {
                id,
                at,
                checkpoint: cp.clone(),
                kind: NoteKind::Observation,
                text: format!("Note {k}: the room went quiet when refunds came up"),
            }),
        }
    }
}

fn projected(s: Session) -> Flow {
    let mut f = Flow::in_session(s, t0());
    press(&mut f, ch('v'), 1);
    assert!(f.projector);
    f
}

#[test]
fn each_kind_in_its_shape_at_three_sizes_under_each_theme() {
    for kind in ItemKind::all() {
        let f = projected(with(kind, 3));
        for t in ThemeName::ALL {
            let mut out = String::new();
            for size in SIZES {
                let buf = draw(&f, t, size);
                let txt = text(&buf);
                assert!(
                    txt.contains(&kind.heading().to_uppercase()),
                    "{kind:?} {size:?}:\n{txt}"
                );
                out += &format!("{}×{}\n{txt}\n", size.0, size.1);
            }
            out += &styles(&draw(&f, t, SIZES[1]));
            insta::assert_snapshot!(format!("{kind:?}_{t:?}"), out);
        }
    }
}

#[test]
fn shapes_say_what_the_method_says() {
    let mut s = with(ItemKind::Polarity, 1);
    add(&mut s, ItemKind::Commitment, 2);
    add(&mut s, ItemKind::Gadfly, 2);
    add(&mut s, ItemKind::Faction, 2);
    let f = projected(s);
    let t = text(&draw(&f, ThemeName::Normal, (300, 100)));
    // The 2×2 grid: both poles, upsides over downsides, the purpose, signs.
    for want in [
        "Customer focus 0",
        "Efficiency",
        "upsides",
        "downsides",
        "both serve: A business customers choose to stay with",
        "Refunds take over two days (Efficiency overdone) · watched by Dana Levi",
        // The table's head and a row.
        "what",
        "owner",
        "review",
        "status",
        "2027-01-15",
        // Cards: fate, and the author only when named.
        "said by Named Person 0",
        "exploring",
        // Factions side by side.
        "stands to lose:",
        "loyal to:",
    ] {
        assert!(t.contains(want), "{want:?} missing:\n{t}");
    }
    assert!(!t.contains("Named Person 1"), "{t}");
    let grid = t
        .lines()
        .find(|l| l.contains("upsides"))
        .expect("a row of upsides");
    assert_eq!(grid.matches("upsides").count(), 2, "side by side: {grid}");
    let cal = t.lines().find(|l| l.contains("Call centre 0")).unwrap();
    assert!(
        cal.contains("Call centre 1"),
        "factions side by side: {cal}"
    );
    // Letters, never block glyphs, for the items.
    for l in t
        .lines()
        .filter(|l| l.contains("Idea ") || l.contains("Commitment "))
    {
        assert!(!l.contains('█') && !l.contains('▀'), "{l}");
    }
}

/// "page 2/5" in `text`, if it is there.
fn page_mark(text: &str) -> Option<String> {
    let at = text.find("page ")?;
    let rest = &text[at..];
    let end = rest
        .char_indices()
        .skip("page ".len())
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '/'))
        .map_or(rest.len(), |(i, _)| i);
    Some(rest[..end].to_string())
}

#[test]
fn the_facilitator_is_told_the_page_the_room_sees() {
    let mut s = with(ItemKind::Fact, 12);
    for (kind, n) in [
        (ItemKind::Gadfly, 9),
        (ItemKind::Polarity, 3),
        (ItemKind::Commitment, 8),
        (ItemKind::Faction, 5),
        (ItemKind::Customer, 7),
    ] {
        add(&mut s, kind, n);
    }
    let base = projected(s);
    let mut paged = 0;
    for (w, h) in [
        (60, 16),
        (61, 17),
        (80, 24),
        (100, 30),
        (120, 36),
        (160, 48),
        (300, 100),
    ] {
        let mut f = base.clone();
        press(&mut f, balcony::flow::Input::Resize(w, h), 1);
        for turn in 0..3 {
            press(&mut f, ch(']'), 2 + turn);
            let told = f.notice.as_ref().map(|n| n.text.clone()).unwrap();
            let seen = page_mark(&text(&draw(&f, ThemeName::Normal, (w, h))));
            // One page has no mark on the wall.
            let seen = seen.unwrap_or_else(|| s::wall_page(1, 1));
            assert_eq!(page_mark(&told), Some(seen), "{w}×{h}, turn {turn}");
            paged += usize::from(told != s::wall_page(1, 1));
        }
    }
    assert!(paged >= 12, "too few sizes page: {paged}");
}

#[test]
fn the_wall_pages_and_says_which_page() {
    let mut f = projected(with(ItemKind::Fact, 30));
    press(&mut f, balcony::flow::Input::Resize(120, 36), 1);
    let t = text(&draw(&f, ThemeName::Normal, (120, 36)));
    assert!(t.contains("page 1/"), "{t}");
    assert!(t.contains(" 1. Fact 0"), "{t}");
    assert!(!t.contains("Fact 29"), "{t}");
    let pages: usize = t
        .split("page 1/")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.trim_end_matches('║').parse().ok())
        .expect("a page count");
    assert!(pages >= 2, "{t}");
    // Every page in turn, each item exactly once, then round to the first.
    let mut seen = String::new();
    for p in 1..=pages {
        let t = text(&draw(&f, ThemeName::Normal, (120, 36)));
        assert!(t.contains(&format!("page {p}/{pages}")), "{t}");
        seen += &t;
        press(&mut f, ch(']'), 2);
        // The facilitator is told which page the room now sees.
        let next = s::wall_page(p % pages + 1, pages);
        assert_eq!(
            f.notice.as_ref().map(|n| n.text.as_str()),
            Some(next.as_str())
        );
    }
    for k in 0..30 {
        assert_eq!(
            seen.matches(&format!("Fact {k}:")).count(),
            1,
            "fact {k} once:\n{seen}"
        );
    }
    assert!(text(&draw(&f, ThemeName::Normal, (120, 36))).contains("page 1/"));
    assert_eq!(f.session().unwrap().progress.wall.page, 0);
    press(&mut f, ch('['), 3);
    assert_eq!(f.session().unwrap().progress.wall.page as usize, pages - 1);
    let last = s::wall_page(pages, pages);
    assert_eq!(
        f.notice.as_ref().map(|n| n.text.as_str()),
        Some(last.as_str())
    );
    // A later heading says it goes on.
    let t = text(&draw(&f, ThemeName::Normal, (120, 36)));
    assert!(t.contains("BRUTAL FACTS (CONTINUED)"), "{t}");
    // Going on to another checkpoint starts at its first page.
    press(&mut f, ch('n'), 4);
    assert_eq!(f.session().unwrap().progress.wall, WallView::default());
}

#[test]
fn the_spotlight_shows_one_item_alone_and_whole() {
    let mut s = with(ItemKind::Fact, 12);
    let long = "word ".repeat(120);
    s.facts[5].text = format!("The one to look at {long} END");
    let mut f = projected(s);
    press(&mut f, key(KeyCode::Home), 1);
    for _ in 0..5 {
        press(&mut f, key(KeyCode::Down), 1);
    }
    press(&mut f, ch('z'), 2);
    assert_eq!(
        f.session().unwrap().progress.wall.spotlight,
        Some(f.session().unwrap().facts[5].id)
    );
    let t = text(&draw(&f, ThemeName::Normal, (120, 36)));
    assert!(t.contains("The one to look at"), "{t}");
    assert!(t.contains("END"), "all of it, wrapped:\n{t}");
    assert!(!t.contains("Fact 4"), "alone:\n{t}");
    assert!(!t.contains("page"), "{t}");
    press(&mut f, ch('z'), 3);
    let t = text(&draw(&f, ThemeName::Normal, (120, 36)));
    assert!(t.contains("Fact 4"), "{t}");
}

#[test]
fn every_size_from_60x16_to_300x100_is_laid_out_again() {
    let mut s = with(ItemKind::Polarity, 2);
    for k in ItemKind::all() {
        add(&mut s, k, 4);
    }
    let mut f = projected(s);
    for w in (60..=300).step_by(30).chain([61, 299, 300]) {
        for h in (16..=100).step_by(12).chain([17, 99, 100]) {
            press(&mut f, balcony::flow::Input::Resize(w, h), 1);
            let t = text(&draw(&f, ThemeName::Normal, (w, h)));
            // The checkpoint, the clock and a page mark are always there;
            // the first page starts with the checkpoint's own kind.
            assert!(t.contains("left"), "{w}×{h}:\n{t}");
            assert!(t.contains("BRUTAL FACTS"), "{w}×{h}:\n{t}");
            assert!(t.contains("page 1/"), "{w}×{h}:\n{t}");
        }
    }
    // Smaller than that: nothing panics.
    for (w, h) in [(1, 1), (10, 3), (30, 8), (59, 15)] {
        draw(&f, ThemeName::Normal, (w, h));
    }
}

#[test]
fn at_60x16_the_projector_keeps_every_prompt() {
    let mut f = live_flow("t");
    press(&mut f, ch('v'), 1);
    let t = text(&draw(&f, ThemeName::Normal, (60, 16)));
    let cp = &f.session().unwrap().workshop.checkpoints[0];
    assert!(cp.prompts.len() >= 2);
    for p in &cp.prompts {
        let start: String = p.chars().take(20).collect();
        assert!(t.contains(&start), "{p:?} missing:\n{t}");
    }
}

const SECRETS: [&str; 5] = [
    "SECRET-QUEUE",
    "SECRET-HIDDEN",
    "SECRET-AUTHOR",
    "SECRET-REFLECTION",
    "quietened",
];

/// A session holding everything the room must not see.
fn with_secrets() -> Session {
    let mut s = with(ItemKind::Gadfly, 2);
    add(&mut s, ItemKind::Fact, 2);
    let cp = s.current_checkpoint_id().to_string();
    let anon = s.gadflies[1].id;
    for (text, author, state) in [
        (
            "SECRET-QUEUE idea",
            Author::Named("SECRET-QUEUE-AUTHOR".into()),
            IdeaState::Waiting,
        ),
        ("SECRET-HIDDEN idea", Author::Anonymous, IdeaState::Hidden),
        (
            "The accepted idea",
            Author::Named("SECRET-AUTHOR".into()),
            IdeaState::Accepted(anon),
        ),
    ] {
        let id = s.take_id();
        s.participant_ideas.push(ParticipantIdea {
            id,
            at: at(5),
            checkpoint: cp.clone(),
            text: text.into(),
            author,
            state,
        });
    }
    let id = s.take_id();
    s.notes.push(Note {
        id,
        at: at(6),
        checkpoint: cp.clone(),
        kind: NoteKind::Reflection,
        text: "SECRET-REFLECTION".into(),
    });
    // A lowered heat right after an idea: the silencing note.
    let id = s.take_id();
    let band = s.band;
    s.readings.push(Reading {
        id,
        at: at(7),
        checkpoint: cp.clone(),
        level: 3,
        band,
        zone: band.zone(3),
        kind: ReadingKind::Move,
        move_: Move::Lower,
        tactic: None,
        reason: String::new(),
        after_gadfly: Some(anon),
        participants: None,
        readiness: None,
    });
    s
}

fn assert_private(what: &str, t: &str) {
    for secret in SECRETS {
        assert!(!t.contains(secret), "{what}: {secret} shown:\n{t}");
    }
}

#[test]
fn nothing_private_reaches_any_view_of_the_room() {
    let ses = with_secrets();
    // The test can fail: the facilitator's own screen does show the note.
    let mut own = Flow::in_session(ses.clone(), t0());
    press(&mut own, balcony::flow::Input::Resize(120, 40), 1);
    press(&mut own, ch('i'), 1);
    let t = text(&draw(&own, ThemeName::Normal, (120, 40)));
    assert!(t.contains("SECRET-QUEUE"), "{t}");

    let mut f = projected(ses.clone());
    let gadflies = ses.gadflies.len();
    for size in SIZES {
        for theme in ThemeName::ALL {
            assert_private("projector", &text(&draw(&f, theme, size)));
        }
    }
    // Each item in the spotlight, and each page.
    for kind in [ItemKind::Gadfly, ItemKind::Fact, ItemKind::Note] {
        while f.live().unwrap().kind != kind {
            press(&mut f, key(KeyCode::Tab), 2);
        }
        press(&mut f, key(KeyCode::Home), 2);
        for _ in 0..gadflies.max(3) {
            press(&mut f, ch('z'), 3);
            for size in SIZES {
                assert_private("spotlight", &text(&draw(&f, ThemeName::Normal, size)));
            }
            press(&mut f, ch('z'), 3);
            press(&mut f, key(KeyCode::Down), 3);
        }
    }
    for _ in 0..3 {
        press(&mut f, ch(']'), 4);
        assert_private("page", &text(&draw(&f, ThemeName::Normal, (60, 16))));
    }
    // Frozen, and the preview on the facilitator's screen.
    press(&mut f, ch(','), 5);
    assert!(matches!(f.room, Room::Frozen(_)));
    assert_private("frozen", &text(&draw(&f, ThemeName::Normal, (120, 36))));
    let frame = projector::Frame::from_live(f.live().unwrap(), f.now);
    let area = Rect::new(0, 0, 44, 12);
    let mut buf = Buffer::empty(area);
    projector::render_preview(
        &frame,
        &Default::default(),
        area,
        &mut buf,
        &ThemeName::Normal.builtin(),
    );
    assert_private("preview", &text(&buf));
    // `balcony present`, following the file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    balcony::session::store::save(&path, &ses).unwrap();
    let mut follower = Follower::new(&path);
    assert!(follower.poll());
    for size in SIZES {
        let area = Rect::new(0, 0, size.0, size.1);
        let mut buf = Buffer::empty(area);
        let theme = ThemeName::Normal.builtin();
        let screen = PresentScreen {
            follower: &follower,
            now: at(60),
            theme: &theme,
            warning: None,
        };
        (&screen).render(area, &mut buf);
        let t = text(&buf);
        assert!(t.contains("Fact 0"), "the wall is there:\n{t}");
        assert_private("present", &t);
    }
    assert!(!s::SILENCING.is_empty());
}

#[test]
fn the_facilitators_screen_shows_the_map_as_a_grid_too() {
    let mut f = Flow::in_session(with(ItemKind::Polarity, 2), t0());
    while f.live().unwrap().kind != ItemKind::Polarity {
        press(&mut f, key(KeyCode::Tab), 1);
    }
    let t = text(&draw(&f, ThemeName::Normal, (100, 30)));
    let grid = t
        .lines()
        .find(|l| l.contains("upsides"))
        .unwrap_or_else(|| panic!("no grid:\n{t}"));
    assert_eq!(grid.matches("upsides").count(), 2, "{t}");
    let names = t.lines().find(|l| l.contains("Customer focus 1")).unwrap();
    assert!(names.contains("Efficiency"), "poles side by side:\n{t}");
    assert!(t.contains("downsides"), "{t}");
    assert!(t.contains("watched by Dana"), "{t}");
}

#[test]
fn an_idea_that_became_work_says_so_on_its_card() {
    let mut s = with(ItemKind::Gadfly, 3);
    let idea = s.gadflies[2].clone();
    assert_eq!(idea.fate, Fate::Adopted);
    add(&mut s, ItemKind::Commitment, 1);
    let c = s.commitments.last_mut().unwrap();
    c.from_idea = Some(idea.id);
    let id = c.id;
    let f = projected(s);
    let t = text(&draw(&f, ThemeName::Normal, (300, 100)));
    let want = format!("adopted · became commitment #{id} (open, Rosa Marin, review 2027-01-15)");
    assert!(t.contains(&want), "{want:?} missing:\n{t}");
    assert_eq!(t.matches("became commitment").count(), 1, "{t}");
}

/// One map whose conflict pulls three ways.
fn three_poles() -> Session {
    let mut s = with(ItemKind::Polarity, 1);
    let p = &mut s.polarities[0];
    p.third = Some(Box::new(Pole {
        name: "The quarter's numbers".into(),
        holders: "Finance".into(),
        upsides: vec!["Money to invest".into()],
        downsides: vec!["Everyone feels squeezed".into()],
        would_lose: "Their forecast".into(),
    }));
    p.warnings.push(EarlyWarning {
        sign: "Discounts approved without a case".into(),
        overdone: Side::Third,
        watcher: "Ana Ruiz".into(),
        fired: vec![],
    });
    s
}

#[test]
fn a_three_pole_map_stands_in_three_columns() {
    let f = projected(three_poles());
    let mut out = String::new();
    for size in [(60, 16), (120, 36)] {
        let t = text(&draw(&f, ThemeName::NoColor, size));
        // The three names on one row, a quadrant under each.
        let names = t.lines().find(|l| l.contains("Customer focus 0"));
        let names = names.unwrap_or_else(|| panic!("{size:?}:\n{t}"));
        assert!(
            names.contains("Efficiency") && names.contains("The quarter"),
            "{t}"
        );
        let grid = t.lines().find(|l| l.contains("upsides")).unwrap();
        assert_eq!(grid.matches("upsides").count(), 3, "{t}");
        assert!(t.contains("all three serve:"), "{t}");
        out += &format!("{}×{}\n{t}\n", size.0, size.1);
    }
    // The sign on the third pole names it.
    let big = text(&draw(&f, ThemeName::NoColor, (300, 100)));
    assert!(
        big.contains("Discounts approved without a case (The quarter's numbers overdone)"),
        "{big}"
    );
    insta::assert_snapshot!("three_poles_wall", out);
}

#[test]
fn the_facilitators_screen_shows_a_three_pole_map_as_one_thing() {
    let mut f = Flow::in_session(three_poles(), t0());
    while f.live().unwrap().kind != ItemKind::Polarity {
        press(&mut f, key(KeyCode::Tab), 1);
    }
    let t = text(&draw(&f, ThemeName::NoColor, (100, 30)));
    assert!(
        t.contains("Customer focus 0 ↔ Efficiency ↔ The quarter's numb"),
        "one row in the list:\n{t}"
    );
    let grid = t.lines().find(|l| l.contains("upsides")).unwrap();
    assert_eq!(grid.matches("upsides").count(), 3, "{t}");
    insta::assert_snapshot!("three_poles_details", t);
}
