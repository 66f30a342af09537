//! What the exports show of kept history: how the room's reaction to an idea
//! changed, each move of the band, each skip with its reason.

use super::{checkpoint_title, when};
use crate::session::{Gadfly, Session, links};
use crate::strings as s;

/// The reaction, or its whole story once it changed.
pub(crate) fn reaction(g: &Gadfly) -> String {
    if g.reactions.is_empty() {
        g.reaction.label().to_string()
    } else {
        links::reaction_story(g)
    }
}

/// One kept change: when, where, what, and why (typed text).
pub(crate) struct Change<'a> {
    pub at: String,
    pub checkpoint: &'a str,
    pub what: String,
    pub why: &'a str,
}

/// Each move of the band and each skip, in time order.
pub(crate) fn changes(ses: &Session) -> Vec<Change<'_>> {
    let mut out: Vec<(crate::session::Timestamp, Change)> = ses
        .band_moves
        .iter()
        .map(|m| {
            let c = Change {
                at: when(&m.at),
                checkpoint: checkpoint_title(ses, &m.checkpoint),
                what: format!(
                    "{} {}",
                    s::BAND,
                    s::band_move((m.from.low, m.from.high), (m.to.low, m.to.high))
                ),
                why: &m.reason,
            };
            (m.at, c)
        })
        .collect();
    for p in &ses.progress.checkpoints {
        for at in &p.skipped {
            let why = p
                .skip_reasons
                .iter()
                .find(|r| r.at == *at)
                .map_or("", |r| r.reason.as_str());
            let c = Change {
                at: when(at),
                checkpoint: checkpoint_title(ses, &p.id),
                what: s::SKIPPED.to_string(),
                why,
            };
            out.push((*at, c));
        }
    }
    // Stable: equal times keep band moves before skips.
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, c)| c).collect()
}
