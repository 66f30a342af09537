//! Exports: snapshots of each format, escaping, CSV shape, privacy, determinism.

use balcony::export::{to_csv, to_html, to_markdown};
use balcony::sample;
use balcony::session::*;
use balcony::workshop::Builtin;
use chrono::{Duration, NaiveDate, TimeZone};

fn t0() -> Timestamp {
    chrono::FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
        .unwrap()
}

/// A small session with every kind of item, written by hand so each field
/// can be filled with the text given (`t` is applied to every free-text field).
pub(crate) fn every_kind(mode: Mode, t: impl Fn(&str) -> String) -> Session {
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
        t0(),
    );
    s.meta.mode = mode;
    s.meta.context =
        t("A regional telecom.\nSales are rewarded for new plans, nobody for keeping customers.");
    s.meta.follows = Some("2026-10-01-first-look.ron".into());
    s.road = Some(Road::BestCustomer);
    let at = |m: i64| t0() + Duration::minutes(m);
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

fn plain(s: &str) -> String {
    s.to_string()
}

#[test]
fn hand_built_session_is_valid() {
    assert_eq!(
        validate::session(&every_kind(Mode::Facilitated, plain)),
        vec![]
    );
}

#[test]
fn snapshot_markdown_every_kind() {
    insta::assert_snapshot!(to_markdown(&every_kind(Mode::Facilitated, plain)));
}

#[test]
fn snapshot_html_every_kind() {
    insta::assert_snapshot!(to_html(&every_kind(Mode::Facilitated, plain)));
}

#[test]
fn snapshot_csv_every_kind() {
    insta::assert_snapshot!(to_csv(&every_kind(Mode::Facilitated, plain)));
}

#[test]
fn snapshot_markdown_sample() {
    insta::assert_snapshot!(to_markdown(&sample::session(40, 3)));
}

#[test]
fn snapshot_html_sample() {
    insta::assert_snapshot!(to_html(&sample::session(40, 3)));
}

#[test]
fn snapshot_csv_sample() {
    insta::assert_snapshot!(to_csv(&sample::session(40, 3)));
}

#[test]
fn snapshot_markdown_solo() {
    insta::assert_snapshot!(to_markdown(&every_kind(Mode::Solo, plain)));
}

#[test]
fn same_session_same_bytes() {
    for s in [
        every_kind(Mode::Facilitated, plain),
        sample::session(500, 9),
    ] {
        let again = s.clone();
        assert_eq!(to_markdown(&s), to_markdown(&again));
        assert_eq!(to_html(&s), to_html(&again));
        assert_eq!(to_csv(&s), to_csv(&again));
    }
}

#[test]
fn solo_sessions_name_nobody() {
    let s = every_kind(Mode::Solo, plain);
    for out in [to_markdown(&s), to_html(&s), to_csv(&s)] {
        assert!(!out.contains("Rosa Marin"), "facilitator leaked");
        assert!(!out.contains("Tom Wu"), "gadfly author leaked");
        assert!(!out.contains("Ines Park"), "gadfly author leaked");
        assert!(out.contains("anonymous"));
    }
    assert!(to_markdown(&s).contains("(private)"));
    // A facilitated session does name them.
    let f = to_markdown(&every_kind(Mode::Facilitated, plain));
    assert!(f.contains("Rosa Marin") && f.contains("Tom Wu"));
}

const HOSTILE: &str = "<script>alert(1)</script> \"onload=x' &amp;";

#[test]
fn html_escapes_every_user_string() {
    let s = every_kind(Mode::Facilitated, |t| format!("{t} {HOSTILE}"));
    let html = to_html(&s);
    let lower = html.to_lowercase();
    // There are no scripts of our own, so no `<script` may appear at all.
    assert!(!lower.contains("<script"), "raw <script in the HTML");
    assert!(!lower.contains("</script"));
    assert!(!html.contains("\"onload="));
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;onload=x&#39; &amp;amp;";
    // Every free-text field carries the string, so it appears many times.
    let n = html.matches(escaped).count();
    assert!(n >= 40, "escaped form found only {n} times");
    // The only `<` in the page are our own tags: every one opens a known name.
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        let name: String = rest
            .trim_start_matches(['/', '!'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            KNOWN_TAGS.contains(&name.to_lowercase().as_str()),
            "unexpected tag <{name} at {i}"
        );
    }
    // Self-contained: nothing is fetched.
    for needle in ["http://", "https://", "src=", "href=", "@import", "url("] {
        let hits: Vec<_> = html.match_indices(needle).collect();
        let allowed = needle == "http://"
            && hits.len() == 1
            && html.contains("xmlns=\"http://www.w3.org/2000/svg\"");
        assert!(hits.is_empty() || allowed, "found {needle}");
    }
}

const KNOWN_TAGS: &[&str] = &[
    "doctype",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "main",
    "section",
    "dl",
    "dt",
    "dd",
    "em",
    "strong",
    "figure",
    "svg",
    "desc",
    "polygon",
    "line",
    "text",
    "polyline",
    "g",
    "path",
    "circle",
    "figcaption",
    "ol",
    "ul",
    "li",
    "span",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "footer",
];

#[test]
fn html_has_print_styles_and_no_scripts() {
    let html = to_html(&sample::session(200, 2));
    assert!(html.contains("@media print"));
    assert!(html.contains("<svg"));
    assert!(html.contains("productive zone"));
    assert!(html.contains("too hot") && html.contains("too cold"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(html.contains("default-src 'none'"));
}

#[test]
fn markdown_keeps_tables_whole() {
    let mut s = every_kind(Mode::Facilitated, |t| format!("{t} | a\nb"));
    // The context is a paragraph: its lines are meant to stay lines.
    s.meta.context.clear();
    let md = to_markdown(&s);
    for line in md.lines().filter(|l| l.starts_with('|')) {
        // Every row of a table has as many unescaped pipes as its header.
        let pipes = line.matches('|').count() - line.matches("\\|").count();
        assert!(pipes >= 5, "row lost its cells: {line}");
    }
    // No user text starts a line of its own: the newline became <br>.
    assert!(!md.lines().any(|l| l.starts_with("b")));
    // A note starting with `#` does not become a heading.
    assert!(md.contains("\\# Keep the customer calls"));
}

/// A tiny RFC 4180 reader: enough to check the writer.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                assert!(field.is_empty(), "quote inside an unquoted field");
                quoted = true;
            }
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "bare CR outside quotes");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("bare LF outside quotes"),
            c => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        field.is_empty() && row.is_empty(),
        "last row not ended by CRLF"
    );
    rows
}

#[test]
fn csv_has_one_row_per_item_and_even_columns() {
    let s = sample::session(300, 5);
    let rows = parse_csv(&to_csv(&s));
    let warnings: usize = s.polarities.iter().map(|p| p.warnings.len()).sum();
    assert_eq!(rows.len(), 1 + s.item_count() + s.readings.len() + warnings);
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width), "ragged rows");
    assert_eq!(rows[0][0], "kind");
    // A row fills only its own kind's columns: each column means one thing.
    for row in &rows[1..] {
        for (head, cell) in rows[0].iter().zip(row).skip(5) {
            if !cell.is_empty() {
                assert!(
                    head.starts_with(&format!("{}: ", row[0])),
                    "a {} row fills \"{head}\" with {cell:?}",
                    row[0]
                );
            }
        }
    }
}

/// The first cell of a row's own columns.
fn own_first<'r>(header: &[String], row: &'r [String]) -> &'r str {
    let at = header
        .iter()
        .position(|h| h.starts_with(&format!("{}: ", row[0])))
        .expect("the kind has columns");
    &row[at]
}

#[test]
fn csv_quotes_and_defuses_hostile_text() {
    let s = every_kind(Mode::Facilitated, |t| {
        format!("=HYPERLINK(\"x\",{t}),\nnext")
    });
    let text = to_csv(&s);
    let rows = parse_csv(&text);
    let warnings: usize = s.polarities.iter().map(|p| p.warnings.len()).sum();
    assert_eq!(rows.len(), 1 + s.item_count() + s.readings.len() + warnings);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell survived: {cell:?}"
            );
        }
    }
    // The text itself comes back intact after the guard quote.
    let fact = rows.iter().find(|r| r[0] == "brutal fact").unwrap();
    assert_eq!(
        own_first(&rows[0], fact),
        "'=HYPERLINK(\"x\",42% of callers are transferred at least twice),\nnext"
    );
    for lead in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        let s = every_kind(Mode::Facilitated, |t| format!("{lead}{t}"));
        let rows = parse_csv(&to_csv(&s));
        // Every item holds text; readings hold their reason.
        for row in rows.iter().skip(1) {
            assert!(
                row.iter()
                    .all(|c| !c.starts_with(['=', '+', '-', '@', '\t', '\r'])),
                "{lead:?} not defused: {row:?}"
            );
            assert!(
                row.iter().any(|c| c.starts_with(&format!("'{lead}"))),
                "{lead:?} lost: {row:?}"
            );
        }
    }
}

#[test]
fn an_empty_session_exports_cleanly() {
    let s = Session::new(Builtin::Default.workshop(), "Nothing yet", "Ana Ruiz", t0());
    let md = to_markdown(&s);
    assert!(md.contains("No reading of the room was taken"));
    assert!(md.contains("*None recorded.*"));
    let html = to_html(&s);
    assert!(!html.contains("<svg"), "no chart without readings");
    assert_eq!(parse_csv(&to_csv(&s)).len(), 1, "header only");
}

#[test]
fn markdown_defuses_raw_html() {
    let md = to_markdown(&every_kind(Mode::Facilitated, |t| format!("{t} {HOSTILE}")));
    // Every `<` of user text is backslash-escaped, so no renderer sees a tag.
    for (i, _) in md.match_indices("<script") {
        assert_eq!(&md[i - 1..i], "\\", "raw <script at {i}");
    }
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
}

#[test]
fn a_long_silencing_question_says_how_many_more() {
    let mut s = every_kind(Mode::Facilitated, plain);
    let cp = s.workshop.checkpoints[4].id.clone();
    for k in 0..10 {
        let idea = s.take_id();
        s.gadflies.push(Gadfly {
            id: idea,
            at: t0() + Duration::minutes(40 + k),
            checkpoint: cp.clone(),
            text: format!("Idea {k}"),
            author: Author::Anonymous,
            voice: Voice::Oddball,
            reaction: Reaction::Silence,
            fate: Fate::Parked,
            reactions: Vec::new(),
        });
        let id = s.take_id();
        s.readings.push(Reading {
            id,
            at: t0() + Duration::minutes(41 + k),
            checkpoint: cp.clone(),
            level: 8,
            band: Band { low: 4, high: 7 },
            zone: Zone::TooHot,
            kind: ReadingKind::Move,
            move_: Move::Lower,
            tactic: None,
            reason: String::new(),
            after_gadfly: Some(idea),
            participants: None,
            readiness: None,
        });
    }
    // The idea from the hand-built session and these ten: eight shown.
    let md = to_markdown(&s);
    assert!(md.contains("soon after 11 gadfly ideas"), "{md}");
    assert!(md.contains("(anonymous)\n- *… 3 more in the full record …*\n\n### Value conflicts"));
    let html = to_html(&s);
    assert!(html.contains(
        "(anonymous)</li>\n<li class=\"muted\">… 3 more in the full record …</li>\n</ul></div>\n"
    ));
}
