//! Checks that a parsed file makes sense: the parser knows the shapes, these
//! checks know the method (one owner per commitment, a reason for every
//! declined idea, zones that match their band, ...).

use std::collections::HashSet;

use super::model::*;
use crate::kinds::with_kind;
use crate::workshop::Workshop;

/// The longest text one field may hold: a long speech fits, a pasted novel does not.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The most time a checkpoint may have recorded: a century, far beyond any
/// workshop, and far from where the clock arithmetic could wrap.
pub const MAX_SPENT_SECS: u64 = 100 * 366 * 24 * 3600;

/// A problem and where in the file to point: the `nth` occurrence of `needle`
/// (usually the item's `id: N,`), then, when `field` is set, the `field_nth`
/// occurrence of that field inside the same item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub needle: String,
    pub nth: usize,
    pub field: Option<String>,
    pub field_nth: usize,
}

impl Problem {
    fn new(message: impl Into<String>, needle: impl Into<String>, nth: usize) -> Self {
        Problem {
            message: message.into(),
            needle: needle.into(),
            nth,
            field: None,
            field_nth: 0,
        }
    }

    /// Point at `field` (e.g. `owner:`) inside the item the needle finds.
    fn at_field(mut self, field: impl Into<String>, field_nth: usize) -> Self {
        self.field = Some(field.into());
        self.field_nth = field_nth;
        self
    }

    /// 1-based line and column in `text`: the field when it is found inside
    /// the needle's item, else the needle, else the start of the file.
    /// Texts and comments are skipped: a quote of `owner: ""` is not the field.
    pub fn position(&self, text: &str) -> (usize, usize) {
        let Some(anchor) = find_code(text, &self.needle, 0, text.len(), self.nth) else {
            return (1, 1);
        };
        if let Some(field) = self.field.as_deref() {
            let end = enclosing_end(text, anchor);
            if let Some(at) = find_code(text, field, anchor, end, self.field_nth) {
                return super::line_col(text, at);
            }
        }
        super::line_col(text, anchor)
    }
}

/// The `nth` occurrence of `needle` in `text[from..end]` that starts outside
/// quoted texts and comments.
fn find_code(text: &str, needle: &str, from: usize, end: usize, nth: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let bytes = text.as_bytes();
    let mut seen = 0;
    let mut i = from;
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let starts_word = needle.as_bytes().first().is_some_and(word);
    while i < end {
        // `id: 5,` is not found inside `next_id: 5,`.
        if bytes[i..].starts_with(needle.as_bytes())
            && !(starts_word && i > 0 && word(&bytes[i - 1]))
        {
            if seen == nth {
                return Some(i);
            }
            seen += 1;
        }
        i = skip_text_or_comment(bytes, i) + 1;
    }
    None
}

/// When `i` starts a quoted text or a comment, the index of its last byte;
/// otherwise `i`.
fn skip_text_or_comment(bytes: &[u8], mut i: usize) -> usize {
    match (bytes[i], bytes.get(i + 1)) {
        (b'"', _) => {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i
        }
        (b'/', Some(b'/')) => {
            while i + 1 < bytes.len() && bytes[i + 1] != b'\n' {
                i += 1;
            }
            i
        }
        (b'/', Some(b'*')) => {
            i += 2;
            while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                i += 1;
            }
            i + 1
        }
        _ => i,
    }
}

/// The byte offset where the group (`(...)`, `[...]`, `{...}`) holding
/// `from` closes, or the end of the text. Texts and comments are skipped.
fn enclosing_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
            }
            _ => i = skip_text_or_comment(bytes, i),
        }
        i += 1;
    }
    text.len()
}

/// A text as balcony writes it in a file: in quotes, with escapes.
fn quoted(s: &str) -> String {
    // As the text is saved, so the needle is found in the file.
    ron::to_string(s).map_or_else(|_| format!("\"{s}\""), |q| crate::ronfile::readable(&q))
}

/// Problems with a workshop template, in file order where possible.
pub fn workshop(w: &Workshop) -> Vec<Problem> {
    let mut out = Vec::new();
    if w.checkpoints.is_empty() {
        out.push(Problem::new(
            "the workshop has no checkpoints; add at least one",
            "checkpoints:",
            0,
        ));
    }
    let mut seen: Vec<&str> = Vec::new();
    for c in &w.checkpoints {
        let needle = format!("id: {}", quoted(&c.id));
        let nth = seen.iter().filter(|s| **s == c.id).count();
        if c.id.trim().is_empty() {
            out.push(Problem::new("a checkpoint has an empty id", "id: \"\"", 0));
        } else if nth > 0 {
            out.push(Problem::new(
                format!(
                    "the checkpoint id \"{}\" is used twice; each checkpoint needs its own id",
                    c.id
                ),
                needle.clone(),
                nth,
            ));
        }
        if c.title.trim().is_empty() {
            out.push(
                Problem::new(
                    format!("checkpoint \"{}\" has no title", c.id),
                    needle.clone(),
                    nth,
                )
                .at_field("title:", 0),
            );
        }
        if c.timebox_mins == 0 || c.timebox_mins > 24 * 60 {
            out.push(
                Problem::new(
                    format!(
                        "checkpoint \"{}\": the timebox must be between 1 and 1440 minutes",
                        c.id
                    ),
                    needle.clone(),
                    nth,
                )
                .at_field("timebox_mins:", 0),
            );
        }
        seen.push(&c.id);
    }
    let mut tactic_ids = HashSet::new();
    for t in &w.tactics {
        if !tactic_ids.insert(t.id.as_str()) {
            out.push(Problem::new(
                format!("the tactic id \"{}\" is used twice", t.id),
                format!("id: {}", quoted(&t.id)),
                1,
            ));
        }
    }
    if !w.band.is_valid() {
        out.push(Problem::new(
            format!(
                "the productive band ({}..{}) must have low <= high <= {SCALE_MAX}",
                w.band.low, w.band.high
            ),
            "band:",
            0,
        ));
    }
    if w.start_level > SCALE_MAX {
        out.push(Problem::new(
            format!("start_level must be between 0 and {SCALE_MAX}"),
            "start_level:",
            0,
        ));
    }
    check_text(&mut out, "the workshop name", &w.name, "name:", 0);
    out
}

fn check_text(out: &mut Vec<Problem>, what: &str, text: &str, needle: &str, nth: usize) {
    check_text_with(out, || what.to_string(), text, || needle.to_string(), nth);
}

/// Like `check_text`, with the words and the needle made only when needed:
/// a large session has tens of thousands of texts and almost all are fine.
fn check_text_with(
    out: &mut Vec<Problem>,
    what: impl FnOnce() -> String,
    text: &str,
    needle: impl FnOnce() -> String,
    nth: usize,
) {
    // A text is never more characters than bytes: most need no counting.
    if text.len() <= MAX_TEXT_CHARS {
        return;
    }
    let n = text.chars().count();
    if n > MAX_TEXT_CHARS {
        out.push(Problem::new(
            format!(
                "{} is {n} characters long; a field holds at most {MAX_TEXT_CHARS}",
                what()
            ),
            needle(),
            nth,
        ));
    }
}

/// Everything every item has: an id, a checkpoint and some texts.
struct ItemRef<'a> {
    kind: &'static str,
    id: u32,
    checkpoint: &'a str,
    texts: Vec<&'a str>,
}

/// Problems with a whole session.
pub fn session(s: &Session) -> Vec<Problem> {
    let mut out = workshop(&s.workshop);
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

    let mut items: Vec<ItemRef> = Vec::new();
    for r in &s.readings {
        items.push(ItemRef {
            kind: "reading",
            id: r.id,
            checkpoint: &r.checkpoint,
            texts: vec![&r.reason],
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
    for c in &s.commitments {
        if c.owner.trim().is_empty() {
            let (needle, nth) = nth_of(c.id);
            out.push(
                Problem::new(
                    format!(
                        "commitment {} has no owner; every commitment has one named owner",
                        c.id
                    ),
                    needle,
                    nth,
                )
                .at_field("owner:", 0),
            );
        }
    }
    for p in &s.polarities {
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
    for c in &s.commitments {
        if let Some(g) = c.from_idea
            && !gadfly_ids.contains(&g)
        {
            out.push(
                Problem::new(
                    format!(
                        "commitment {}: from_idea points at item {g}, which is not a gadfly idea in this session",
                        c.id
                    ),
                    format!("id: {},", c.id),
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
