//! Checks that a parsed file makes sense: the parser knows the shapes, these
//! checks know the method (one owner per commitment or experiment, a reason for every
//! declined idea, zones that match their band, ...).

use std::collections::HashSet;

use super::model::*;
use crate::kinds::with_kind;
pub use crate::problem::{MAX_TEXT_CHARS, Problem};
use crate::problem::{check_text, check_text_with};

/// The most time a checkpoint may have recorded: a century, far beyond any
/// workshop, and far from where the clock arithmetic could wrap.
pub const MAX_SPENT_SECS: u64 = 100 * 366 * 24 * 3600;

/// Everything every item has: an id, a checkpoint and some texts.
struct ItemRef<'a> {
    kind: &'static str,
    id: u32,
    checkpoint: &'a str,
    texts: Vec<&'a str>,
}

/// Problems with a whole session.
pub fn session(s: &Session) -> Vec<Problem> {
    let mut out = crate::workshop::validate::check(&s.workshop);
    let w = &s.workshop;
    let ids: Vec<&str> = w.checkpoints.iter().map(|c| c.id.as_str()).collect();
    let progress_ids: Vec<&str> = s
        .progress
        .checkpoints
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    if progress_ids != ids {
        out.push(Problem::new(
            "progress.checkpoints must list the workshop's checkpoint ids in the same order",
            "progress:",
            0,
        ));
    }
    if s.progress.current >= w.checkpoints.len().max(1) {
        out.push(
            Problem::new(
                format!(
                    "progress.current is {} but the workshop has {} checkpoints",
                    s.progress.current,
                    w.checkpoints.len()
                ),
                "progress:",
                0,
            )
            .at_field("current:", 0),
        );
    }
    if !s.band.is_valid() {
        out.push(
            Problem::new(
                format!(
                    "the band ({}..{}) must have low <= high <= {SCALE_MAX}",
                    s.band.low, s.band.high
                ),
                "progress:",
                0,
            )
            .at_field("band:", 0),
        );
    }
    for (i, p) in s.progress.checkpoints.iter().enumerate() {
        if p.spent_secs > MAX_SPENT_SECS {
            out.push(Problem::new(
                format!(
                    "checkpoint {}: spent_secs is {}; at most {MAX_SPENT_SECS} (a century) is kept",
                    p.id, p.spent_secs
                ),
                "spent_secs:",
                i,
            ));
        }
    }
    check_text(&mut out, "the title", &s.meta.title, "title:", 0);
    check_text(&mut out, "the context", &s.meta.context, "context:", 0);
    for f in &s.functions {
        check_text(&mut out, "a function", f, "functions:", 0);
    }

    let mut items: Vec<ItemRef> = Vec::new();
    for r in &s.readings {
        items.push(ItemRef {
            kind: "reading",
            id: r.id,
            checkpoint: &r.checkpoint,
            texts: vec![&r.reason, r.readiness.as_ref().map_or("", |x| x.evidence())],
        });
    }
    // In the order the session writes its lists: the kinds' order.
    fn refs<'a, K: Stored>(s: &'a Session, items: &mut Vec<ItemRef<'a>>) {
        items.extend(K::list(s).iter().map(|x| {
            let (id, _, checkpoint) = x.stamp();
            ItemRef {
                kind: K::LABEL,
                id,
                checkpoint,
                texts: x.words(),
            }
        }));
    }
    for kind in ItemKind::all() {
        with_kind!(kind, K => refs::<K>(s, &mut items));
    }
    for i in &s.participant_ideas {
        let mut texts = vec![i.text.as_str()];
        if let Author::Named(n) = &i.author {
            texts.push(n);
        }
        items.push(ItemRef {
            kind: "participant's idea",
            id: i.id,
            checkpoint: &i.checkpoint,
            texts,
        });
    }

    // Ids are unique across kinds; the nth occurrence of `id: N,` in the file
    // is the nth item with that id, since items are written in this order.
    let mut seen_ids: std::collections::HashMap<u32, usize> = Default::default();
    let known: HashSet<&str> = ids.iter().copied().collect();
    for item in &items {
        let seen = seen_ids.entry(item.id).or_insert(0);
        let nth = *seen;
        *seen += 1;
        let needle = || format!("id: {},", item.id);
        if nth > 0 {
            out.push(Problem::new(
                format!("the id {} is used by more than one item", item.id),
                needle(),
                nth,
            ));
        }
        if item.id >= s.next_id {
            out.push(Problem::new(
                format!(
                    "{} {} has an id not below next_id ({}); raise next_id",
                    item.kind, item.id, s.next_id
                ),
                needle(),
                nth,
            ));
        }
        if !known.contains(item.checkpoint) {
            out.push(
                Problem::new(
                    format!(
                        "{} {} names the checkpoint \"{}\", which this workshop does not have",
                        item.kind, item.id, item.checkpoint
                    ),
                    needle(),
                    nth,
                )
                .at_field("checkpoint:", 0),
            );
        }
        for t in &item.texts {
            check_text_with(
                &mut out,
                || format!("a text of {} {}", item.kind, item.id),
                t,
                needle,
                nth,
            );
        }
    }

    let nth_of = |id: u32| -> (String, usize) { (format!("id: {id},"), 0) };
    let gadfly_ids: HashSet<u32> = s.gadflies.iter().map(|g| g.id).collect();
    for r in &s.readings {
        let (needle, nth) = nth_of(r.id);
        if r.level > SCALE_MAX {
            out.push(
                Problem::new(
                    format!(
                        "reading {}: level {} is off the scale (0 to {SCALE_MAX})",
                        r.id, r.level
                    ),
                    needle.clone(),
                    nth,
                )
                .at_field("level:", 0),
            );
        } else if r.band.is_valid() && r.band.zone(r.level) != r.zone {
            out.push(
                Problem::new(
                    format!(
                        "reading {}: zone {:?} does not match level {} in band {}..{}",
                        r.id, r.zone, r.level, r.band.low, r.band.high
                    ),
                    needle.clone(),
                    nth,
                )
                .at_field("zone:", 0),
            );
        }
        if !r.band.is_valid() {
            out.push(
                Problem::new(
                    format!(
                        "reading {}: its band must have low <= high <= {SCALE_MAX}",
                        r.id
                    ),
                    needle.clone(),
                    nth,
                )
                .at_field("band:", 0),
            );
        }
        if let Some(sp) = &r.participants
            && sp.counts.len() != SCALE_MAX as usize + 1
        {
            out.push(
                Problem::new(
                    format!(
                        "reading {}: the participants' counts must list {} levels (0 to {SCALE_MAX})",
                        r.id,
                        SCALE_MAX as usize + 1
                    ),
                    needle.clone(),
                    nth,
                )
                .at_field("counts:", 0),
            );
        }
        if let Some(g) = r.after_gadfly
            && !gadfly_ids.contains(&g)
        {
            out.push(
                Problem::new(
                    format!(
                        "reading {}: after_gadfly points at item {g}, which is not a gadfly idea in this session",
                        r.id
                    ),
                    needle.clone(),
                    nth,
                )
                .at_field("after_gadfly:", 0),
            );
        }
        // An observation says where the room was found, not what was done.
        if r.kind == ReadingKind::Observation && (r.tactic.is_some() || r.move_ != Move::Hold) {
            let field = if r.tactic.is_some() {
                "tactic:"
            } else {
                "move:"
            };
            out.push(
                Problem::new(
                    format!(
                        "reading {}: an observation records where the room was, not a move: it takes no tactic and its move is Hold",
                        r.id
                    ),
                    needle.clone(),
                    nth,
                )
                .at_field(field, 0),
            );
        }
        // A readiness check comes before a raise; an unripe issue raised
        // all the same says why.
        if let Some(x) = &r.readiness {
            let msg = if !r.is_raise() {
                Some("a readiness check is asked before raising the heat: only a raise carries one")
            } else if x.is_unripe() && crate::clean::is_blank(&r.reason) {
                Some("the heat was raised while the issue was unripe: its reason is needed")
            } else {
                None
            };
            if let Some(msg) = msg {
                out.push(
                    Problem::new(format!("reading {}: {msg}", r.id), needle.clone(), nth)
                        .at_field("readiness:", 0),
                );
            }
        }
        if let Some(t) = &r.tactic
            && w.tactic(t).is_none()
        {
            out.push(
                Problem::new(
                    format!(
                        "reading {}: the tactic \"{t}\" is not in this workshop",
                        r.id
                    ),
                    needle.clone(),
                    nth,
                )
                .at_field("tactic:", 0),
            );
        }
    }
    participants(s, &known, &gadfly_ids, &mut out);
    history(s, &known, &gadfly_ids, &mut out);
    for g in &s.gadflies {
        if let Fate::Declined(reason) = &g.fate
            && reason.trim().is_empty()
        {
            let (needle, nth) = nth_of(g.id);
            out.push(Problem::new(
                format!(
                    "gadfly idea {} is declined without a reason; ideas are never dropped silently",
                    g.id
                ),
                needle,
                nth,
            )
            .at_field("fate:", 0));
        }
    }
    for w in s.work_items() {
        if w.work.owner.trim().is_empty() {
            let (needle, nth) = nth_of(w.id);
            let kind = w.kind.label();
            out.push(
                Problem::new(
                    format!(
                        "{kind} {} has no owner; every {kind} has one named owner",
                        w.id
                    ),
                    needle,
                    nth,
                )
                .at_field("owner:", 0),
            );
        }
    }
    for p in &s.polarities {
        if let Some(i) = p
            .warnings
            .iter()
            .position(|w| w.overdone == Side::Third && p.third.is_none())
        {
            let (needle, nth) = nth_of(p.id);
            out.push(
                Problem::new(
                    format!(
                        "polarity map {}: the early-warning sign \"{}\" watches a third pole the map does not have",
                        p.id,
                        short(&p.warnings[i].sign)
                    ),
                    needle,
                    nth,
                )
                .at_field("overdone:", i),
            );
        }
        for (i, w) in p.warnings.iter().enumerate() {
            if w.watcher.trim().is_empty() {
                let (needle, nth) = nth_of(p.id);
                out.push(
                    Problem::new(
                        format!(
                            "polarity map {}: the early-warning sign \"{}\" has nobody watching it",
                            p.id,
                            short(&w.sign)
                        ),
                        needle,
                        nth,
                    )
                    .at_field("watcher:", i),
                );
            }
        }
    }
    out
}

/// What was kept of changes: work that names the idea it came from, band
/// moves, reasons for skips.
fn history(s: &Session, known: &HashSet<&str>, gadfly_ids: &HashSet<u32>, out: &mut Vec<Problem>) {
    for w in s.work_items() {
        if let Some(g) = w.work.from_idea
            && !gadfly_ids.contains(&g)
        {
            out.push(
                Problem::new(
                    format!(
                        "{} {}: from_idea points at item {g}, which is not a gadfly idea in this session",
                        w.kind.label(),
                        w.id
                    ),
                    format!("id: {},", w.id),
                    0,
                )
                .at_field("from_idea:", 0),
            );
        }
    }
    for (n, m) in s.band_moves.iter().enumerate() {
        let at = |field: &str| Problem::new("", "band_moves:", 0).at_field(field, n);
        for (band, field) in [(m.from, "from:"), (m.to, "to:")] {
            if !band.is_valid() {
                let mut p = at(field);
                p.message = format!(
                    "band move {}: its bands must have low <= high <= {SCALE_MAX}",
                    n + 1
                );
                out.push(p);
            }
        }
        if !known.contains(m.checkpoint.as_str()) {
            let mut p = at("checkpoint:");
            p.message = format!(
                "band move {} names the checkpoint \"{}\", which this workshop does not have",
                n + 1,
                m.checkpoint
            );
            out.push(p);
        }
        check_text_with(
            out,
            || format!("the reason of band move {}", n + 1),
            &m.reason,
            || "band_moves:".to_string(),
            0,
        );
    }
    let mut nth = 0;
    for p in &s.progress.checkpoints {
        if p.skip_reasons.is_empty() {
            continue;
        }
        for r in &p.skip_reasons {
            if !p.skipped.contains(&r.at) {
                out.push(Problem::new(
                    format!(
                        "checkpoint {}: a skip's reason is kept for {}, when it was not skipped",
                        p.id, r.at
                    ),
                    "skip_reasons:",
                    nth,
                ));
            }
            check_text_with(
                out,
                || format!("a reason for skipping checkpoint {}", p.id),
                &r.reason,
                || "skip_reasons:".to_string(),
                nth,
            );
        }
        nth += 1;
    }
}

/// What participants sent: ideas that point at real gadfly ideas, texts a
/// terminal can show as they are, readings on the scale.
fn participants(
    s: &Session,
    known: &HashSet<&str>,
    gadfly_ids: &HashSet<u32>,
    out: &mut Vec<Problem>,
) {
    for i in &s.participant_ideas {
        let needle = format!("id: {},", i.id);
        if let IdeaState::Accepted(g) = i.state
            && !gadfly_ids.contains(&g)
        {
            out.push(
                Problem::new(
                    format!(
                        "participant's idea {}: accepted as item {g}, which is not a gadfly idea in this session",
                        i.id
                    ),
                    needle.clone(),
                    0,
                )
                .at_field("state:", 0),
            );
        }
        let name = match &i.author {
            Author::Named(n) => n.as_str(),
            Author::Anonymous => "",
        };
        if [i.text.as_str(), name].iter().any(|t| has_control(t)) {
            out.push(Problem::new(
                format!(
                    "participant's idea {}: control characters are not allowed in what participants send",
                    i.id
                ),
                needle,
                0,
            ));
        }
    }
    for (n, r) in s.participant_readings.iter().enumerate() {
        let at = || Problem::new("", "participant_readings:", 0).at_field("level:", n);
        if r.level > SCALE_MAX {
            let mut p = at();
            p.message = format!(
                "participant reading {}: level {} is off the scale (0 to {SCALE_MAX})",
                n + 1,
                r.level
            );
            out.push(p);
        }
        if !known.contains(r.checkpoint.as_str()) {
            let mut p = at();
            p.message = format!(
                "participant reading {}: the checkpoint \"{}\" is not in this workshop",
                n + 1,
                short(&r.checkpoint)
            );
            out.push(p);
        }
        if r.device.is_empty() || r.device.len() > 64 || has_control(&r.device) {
            let mut p = at();
            p.message = format!(
                "participant reading {}: the device id must be 1 to 64 visible characters",
                n + 1
            );
            out.push(p);
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (n, r) in s.room_readings.iter().enumerate() {
        let at = |msg: String| {
            let mut p = Problem::new("", "room_readings:", 0).at_field("counts:", n);
            p.message = format!("room readings {}: {msg}", n + 1);
            p
        };
        if r.counts.len() != SCALE_MAX as usize + 1 {
            out.push(at(format!(
                "counts must list {} levels, 0 to {SCALE_MAX}",
                SCALE_MAX as usize + 1
            )));
        }
        if !known.contains(r.checkpoint.as_str()) {
            out.push(at(format!(
                "the checkpoint \"{}\" is not in this workshop",
                short(&r.checkpoint)
            )));
        }
        if !seen.insert(r.checkpoint.as_str()) {
            out.push(at(format!(
                "the checkpoint \"{}\" is listed twice",
                short(&r.checkpoint)
            )));
        }
    }
}

/// Control characters other than a line break (escape sequences start with one).
fn has_control(t: &str) -> bool {
    t.chars().any(|c| c.is_control() && c != '\n')
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}
