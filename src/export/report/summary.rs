//! The summary a sponsor reads in two minutes: the challenge, the tension
//! story, the value conflicts, the gadfly ideas and the commitments.

use super::*;
use crate::export::{
    SUMMARY_CAP, captured, commitments_for_review, facilitator, history, ideas, minority_report,
    plural, silencings, when, who,
};
use crate::session::{
    CommitmentStatus, Experiment, ExperimentResult, Fate, Gadfly, Status, owner_is_group,
};

pub(super) fn blocks(s: &Session) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    challenge(&mut out, s);
    timeline::story(&mut out, s);
    silencing_question(&mut out, s);
    polarity::summary(&mut out, s);
    gadflies(&mut out, s);
    commitments(&mut out, s);
    experiments(&mut out, s);
    out
}

fn challenge<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    out.push(Block::Heading(3, vec![word("The challenge")]));
    if s.meta.context.trim().is_empty() {
        out.push(Block::Muted(vec![word("No context was written down.")]));
    } else {
        out.push(Block::Context(&s.meta.context));
    }
    let fact = |key, value| Fact {
        key,
        value,
        sentence: false,
    };
    let mut facts = vec![
        fact("Workshop", vec![text(&s.workshop.name)]),
        fact("Facilitator", vec![text(facilitator(s))]),
    ];
    if let Some(road) = s.road {
        facts.push(fact(
            "Road to customer-centricity",
            vec![word(road.label())],
        ));
    }
    if let Some(f) = &s.meta.follows {
        facts.push(fact("Follows up on", vec![text(f)]));
    }
    let skipped = s
        .progress
        .checkpoints
        .iter()
        .filter(|c| c.status == Status::Skipped)
        .count();
    let mut progress = format!(
        "{} of {} checkpoints visited",
        s.visited_count(),
        s.workshop.checkpoints.len()
    );
    if skipped > 0 {
        progress += &format!(", {skipped} skipped");
    }
    let mut value = vec![word(progress)];
    if let Some(cp) = s.workshop.checkpoints.get(s.progress.current) {
        value.push(word("; now at "));
        value.push(em(vec![text(&cp.title)]));
    }
    facts.push(Fact {
        key: "Progress",
        value,
        sentence: true,
    });
    facts.push(Fact {
        key: "Captured",
        value: vec![word(captured(s))],
        sentence: true,
    });
    out.push(Block::Facts(facts));
}

/// Heat lowered right after a gadfly idea: asked of the facilitator, not
/// judged.
fn silencing_question<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    if s.readings.is_empty() {
        return;
    }
    let flagged = silencings(s);
    if flagged.is_empty() {
        out.push(Block::Para(vec![word(
            "No move lowered the heat right after a gadfly idea.",
        )]));
        return;
    }
    let question = vec![
        strong(vec![word("A question for the facilitator:")]),
        word(format!(
            " the heat went down soon after {}. Was a dissenting voice quietened, or was it \
             time to cool down?",
            ideas(flagged.len())
        )),
    ];
    let list = List::capped(ListStyle::Tight, &flagged, |(r, g)| {
        let mut t = vec![word(format!("{}: {} ", when(&r.at), r.label()))];
        match g {
            Some(g) => {
                t.push(word(format!("after idea #{} ", g.id)));
                t.push(Span::Quote(vec![text(&g.text)]));
                t.push(word(" ("));
                t.push(text(crate::export::author(s, &g.author)));
                t.push(word(")"));
            }
            None => t.push(word(format!(
                "after idea #{}",
                r.after_gadfly.unwrap_or_default()
            ))),
        }
        Item::new(t)
    });
    out.push(Block::Question(question, list));
}

fn gadflies<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    out.push(Block::Heading(3, vec![word("Gadfly ideas")]));
    if s.gadflies.is_empty() {
        out.push(Block::Muted(vec![word("No gadfly ideas were captured.")]));
        return;
    }
    let count = |f: fn(&Fate) -> bool| s.gadflies.iter().filter(|g| f(&g.fate)).count();
    out.push(Block::Para(vec![word(format!(
        "{} from dissenting voices: {} adopted, {} exploring, {} parked, {} declined.",
        plural(s.gadflies.len(), "idea", "ideas"),
        count(|f| matches!(f, Fate::Adopted)),
        count(|f| matches!(f, Fate::Exploring)),
        count(|f| matches!(f, Fate::Parked)),
        count(|f| matches!(f, Fate::Declined(_))),
    ))]));
    let adopted: Vec<&Gadfly> = s
        .gadflies
        .iter()
        .filter(|g| g.fate == Fate::Adopted)
        .collect();
    let ideas = |v: &[&'a Gadfly]| {
        Block::List(List::capped(ListStyle::Tight, v, |g| Item::new(idea(s, g))))
    };
    if !adopted.is_empty() {
        out.push(Block::Para(vec![word("Adopted:")]));
        out.push(ideas(&adopted));
    }
    out.push(Block::Heading(4, vec![word("Minority report")]));
    let (alive, declined) = minority_report(s);
    if alive.is_empty() && declined.is_empty() {
        out.push(Block::Para(vec![word("Every idea was adopted.")]));
        return;
    }
    if !alive.is_empty() {
        out.push(Block::Para(vec![word(
            "Kept alive, not adopted (protected for now):",
        )]));
        out.push(ideas(&alive));
    }
    if !declined.is_empty() {
        out.push(Block::Para(vec![word("Declined, with the reason given:")]));
        out.push(ideas(&declined));
    }
}

/// One idea in the summary: who, how the room took it, its fate and why.
fn idea<'a>(s: &'a Session, g: &'a Gadfly) -> Inline<'a> {
    let mut t = vec![
        word(format!("#{} ", g.id)),
        text(&g.text),
        word(" ("),
        text(crate::export::author(s, &g.author)),
        word(format!(
            ", {}; {}: {}): ",
            g.voice.label(),
            who(s),
            history::reaction(g)
        )),
        strong(vec![word(g.fate.label())]),
    ];
    fate_detail(&mut t, s, g);
    t
}

/// After an idea's fate: why it was declined, what work it became.
fn fate_detail<'a>(t: &mut Inline<'a>, s: &'a Session, g: &'a Gadfly) {
    if let Fate::Declined(why) = &g.fate {
        t.push(word(", because "));
        t.push(text(why));
    }
    if let Some(work) = s.became(g.id) {
        t.push(word(", "));
        t.push(text(work));
    }
}

fn commitments<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    out.push(Block::Heading(3, vec![word("Commitments")]));
    let exempted = s.exempted();
    if !exempted.is_empty() {
        out.push(Block::Para(vec![
            strong(vec![word(format!("{}:", crate::strings::EXEMPTED_MD))]),
            word(" "),
            text(exempted.join(", ")),
            word("."),
        ]));
    }
    if s.commitments.is_empty() {
        out.push(Block::Muted(vec![word(
            "No commitments yet: the work has not been given back.",
        )]));
        return;
    }
    let kept = s
        .commitments
        .iter()
        .filter(|c| c.status == CommitmentStatus::Kept)
        .count();
    out.push(Block::Para(vec![word(format!(
        "{}: {} open, {kept} kept, {} dropped. Open ones first, soonest review first.",
        plural(s.commitments.len(), "commitment", "commitments"),
        s.open_commitments(),
        s.commitments.len() - kept - s.open_commitments(),
    ))]));
    let mut table = Table::new(vec!["What", "Owner", "Review", "Status"]);
    let all = commitments_for_review(s);
    for c in all.iter().take(SUMMARY_CAP) {
        table.rows.push(vec![
            Cell::of(what(c)),
            Cell::of(owner(&c.owner)),
            Cell::num(c.review.to_string()),
            Cell::word(c.status.label()),
        ]);
    }
    table.more = all.len().saturating_sub(SUMMARY_CAP);
    out.push(Block::Table(table));
}

/// The experiments, when there are any: where each stands and what it
/// taught, running ones first.
fn experiments<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    if s.experiments.is_empty() {
        return;
    }
    out.push(Block::Heading(3, vec![word("Experiments")]));
    let counts: Vec<String> = ExperimentResult::ALL
        .iter()
        .map(|r| (r, s.experiments.iter().filter(|x| x.result == *r).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(r, n)| format!("{}: {n}", r.label()))
        .collect();
    out.push(Block::Para(vec![word(format!(
        "{} ({}). Running ones first, soonest review first.",
        plural(s.experiments.len(), "experiment", "experiments"),
        counts.join(", "),
    ))]));
    let mut all: Vec<&Experiment> = s.experiments.iter().collect();
    all.sort_by_key(|x| (x.result != ExperimentResult::Running, x.review));
    let mut table = Table::new(vec!["Experiment", "Owner", "Review", "Result", "Learned"]);
    for x in all.iter().take(SUMMARY_CAP) {
        table.rows.push(vec![
            Cell::of(vec![text(&x.trial)]),
            Cell::of(owner(&x.owner)),
            Cell::num(x.review.to_string()),
            Cell::word(x.result.label()),
            Cell::of(vec![text(&x.learned)]),
        ]);
    }
    table.more = all.len().saturating_sub(SUMMARY_CAP);
    out.push(Block::Table(table));
}

/// What a commitment is, and the warnings it was kept despite: a reader
/// should know the facilitator saw them.
pub(super) fn what(c: &crate::session::Commitment) -> Inline<'_> {
    let mut t = vec![text(&c.what)];
    if !c.overridden.is_empty() {
        t.push(word(" "));
        t.push(Span::Caveat(vec![
            word(format!("(⚠ {}: ", crate::strings::OVERRIDDEN)),
            text(c.overridden.join("; ")),
            word(")"),
        ]));
    }
    t
}

/// The owner, with a warning when it names a group: shared responsibility
/// is nobody's.
pub(super) fn owner(name: &str) -> Inline<'_> {
    if name.trim().is_empty() {
        vec![strong(vec![word("nobody named")])]
    } else if owner_is_group(name) {
        vec![
            text(name),
            word(" "),
            Span::Flag(vec![word("(a group, not one person)")]),
        ]
    } else {
        vec![text(name)]
    }
}
