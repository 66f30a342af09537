//! The tension story: the band, where the heat started and ended, the chart,
//! and each move.

use super::*;
use crate::export::{ends, plural, read_of, tactic_name, when, who, zone_counts};
use crate::session::{Reading, SCALE_MAX};

pub(super) fn story<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    out.push(Block::Heading(3, vec![word("The tension story")]));
    out.push(Block::Para(vec![
        word(format!(
            "The productive zone is {} to {} on a 0 to {SCALE_MAX} scale. Below it {} ",
            s.band.low,
            s.band.high,
            is(s)
        )),
        Span::Term("too cold"),
        word(format!(
            ": comfortable, avoiding the work. Above it {} ",
            is(s)
        )),
        Span::Term("too hot"),
        word(": fighting, fleeing or freezing."),
    ]));
    let (Some(first), Some(last)) = (s.readings.first(), s.readings.last()) else {
        out.push(Block::Muted(vec![word(format!(
            "No reading of {} was taken.",
            read_of(s)
        ))]));
        return;
    };
    let (cold, productive, hot) = zone_counts(s);
    // "6 (productive) in *Frame the gap*": where a reading stood.
    let stood = |r: &'a Reading| {
        [
            strong(vec![word(format!("{} ({})", r.level, r.zone.label()))]),
            word(" in "),
            em(vec![cp_title(s, &r.checkpoint)]),
        ]
    };
    let mut para = vec![word("It started at ")];
    para.extend(stood(first));
    para.push(word(" and ended at "));
    para.extend(stood(last));
    para.push(word(format!(
        ". Of {}, {cold} too cold, {productive} productive and {hot} too hot.",
        plural(s.readings.len(), "reading", "readings")
    )));
    out.push(Block::Para(para));
    out.push(Block::Chart(chart(s, 0)));
    let (head, skipped, tail) = ends(&s.readings);
    let mut moves = List::new(ListStyle::Numbered);
    for r in head {
        moves.push(Item::new(move_line(s, r)));
    }
    if skipped > 0 {
        moves.entries.push(Entry::Gap(skipped));
    }
    for r in tail {
        moves.push(Item::new(move_line(s, r)));
    }
    out.push(Block::List(moves));
}

/// Who read the heat: "the room is" or "I am".
fn is(s: &Session) -> &'static str {
    if who(s) == "I" { "I am" } else { "the room is" }
}

/// The readings from `first` on, in order, as the chart draws them.
pub fn chart(s: &Session, first: usize) -> Timeline<'_> {
    Timeline {
        points: s.readings[first.min(s.readings.len())..]
            .iter()
            .map(|r| Point {
                at: when(&r.at),
                level: r.level,
                band: r.band,
                zone: r.zone,
                move_: r.move_,
                label: r.label(),
                tactic: tactic_name(s, r),
                after_gadfly: r.after_gadfly.is_some(),
            })
            .collect(),
    }
}

/// One move: when, where, the level and zone, the move and its tactic, why.
fn move_line<'a>(s: &'a Session, r: &'a Reading) -> Inline<'a> {
    let mut t = vec![
        word(format!("{} · ", when(&r.at))),
        em(vec![cp_title(s, &r.checkpoint)]),
        word(" · "),
        strong(vec![word(r.level.to_string())]),
        word(format!(" {} → {}", r.zone.label(), r.label())),
    ];
    if let Some(tactic) = tactic_name(s, r) {
        t.push(word(" with "));
        t.push(em(vec![text(tactic)]));
    }
    if !r.reason.trim().is_empty() {
        t.push(word(": "));
        t.push(text(&r.reason));
    }
    if let Some(x) = &r.readiness {
        t.push(word(" ("));
        t.push(text(crate::strings::readiness_note(&x.describe())));
        t.push(word(")"));
    }
    if r.after_gadfly.is_some() {
        t.push(word(" "));
        t.push(Span::Flag(vec![word("(possible silencing)")]));
    }
    t
}
