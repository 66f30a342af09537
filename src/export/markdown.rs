//! Markdown: the summary a sponsor reads in two minutes, then the full record.

use super::*;
use crate::kinds::{Cell, with_kind};
use crate::session::{ItemKind, Kind, SplitKind, Stored, owner_is_group};

pub fn to_markdown(s: &Session) -> String {
    // About 200 bytes an item: one allocation for most sessions.
    let mut o = String::with_capacity(4096 + 200 * (s.item_count() + s.readings.len()));
    header(&mut o, s);
    o.push_str("## Summary\n\n");
    challenge(&mut o, s);
    tension_story(&mut o, s);
    value_conflicts(&mut o, s);
    gadfly_summary(&mut o, s);
    commitment_summary(&mut o, s);
    o.push_str("## Full record\n\n");
    readings(&mut o, s);
    for kind in ItemKind::all() {
        record(&mut o, s, kind);
    }
    time_spent(&mut o, s);
    changes(&mut o, s);
    o
}

fn header(o: &mut String, s: &Session) {
    let mut title = md(&s.meta.title);
    // A trailing `#` would be read as the heading's closing sequence.
    if title.ends_with('#') {
        title.insert(title.len() - 1, '\\');
    }
    w!(o, "# {title}\n\n");
    w!(
        o,
        "*Exported from balcony: a {} session, started {}, last updated {}.*\n\n",
        s.meta.mode.label(),
        when(&s.meta.created),
        when(&s.meta.updated)
    );
}

fn challenge(o: &mut String, s: &Session) {
    o.push_str("### The challenge\n\n");
    if s.meta.context.trim().is_empty() {
        o.push_str("*No context was written down.*\n\n");
    } else {
        w!(o, "{}\n\n", md_para(&s.meta.context));
    }
    w!(o, "- **Workshop:** {}\n", md(&s.workshop.name));
    w!(o, "- **Facilitator:** {}\n", md(facilitator(s)));
    if let Some(road) = s.road {
        w!(o, "- **Road to customer-centricity:** {}\n", road.label());
    }
    if let Some(f) = &s.meta.follows {
        w!(o, "- **Follows up on:** {}\n", md(f));
    }
    let skipped = s
        .progress
        .checkpoints
        .iter()
        .filter(|c| c.status == crate::session::Status::Skipped)
        .count();
    w!(
        o,
        "- **Progress:** {} of {} checkpoints visited",
        s.visited_count(),
        s.workshop.checkpoints.len()
    );
    if skipped > 0 {
        w!(o, ", {skipped} skipped");
    }
    if let Some(cp) = s.workshop.checkpoints.get(s.progress.current) {
        w!(o, "; now at *{}*", md(&cp.title));
    }
    o.push_str(".\n");
    w!(o, "- **Captured:** {}.\n\n", captured(s));
}

/// "the room is" or "I am".
fn is(s: &Session) -> &'static str {
    if who(s) == "I" { "I am" } else { "the room is" }
}

fn tension_story(o: &mut String, s: &Session) {
    o.push_str("### The tension story\n\n");
    w!(
        o,
        "The productive zone is {} to {} on a 0 to {} scale. Below it {} too cold: \
         comfortable, avoiding the work. Above it {} too hot: fighting, fleeing or freezing.\n\n",
        s.band.low,
        s.band.high,
        crate::session::SCALE_MAX,
        is(s),
        is(s)
    );
    let (Some(first), Some(last)) = (s.readings.first(), s.readings.last()) else {
        w!(o, "*No reading of {} was taken.*\n\n", read_of(s));
        return;
    };
    let (cold, productive, hot) = zone_counts(s);
    w!(
        o,
        "It started at **{} ({})** in *{}* and ended at **{} ({})** in *{}*. \
         Of {}, {cold} too cold, {productive} productive and {hot} too hot.\n\n",
        first.level,
        first.zone.label(),
        md(checkpoint_title(s, &first.checkpoint)),
        last.level,
        last.zone.label(),
        md(checkpoint_title(s, &last.checkpoint)),
        plural(s.readings.len(), "reading", "readings"),
    );
    let (head, skipped, tail) = ends(&s.readings);
    for r in head {
        move_line(o, s, r);
    }
    if skipped > 0 {
        w!(o, "- *… {skipped} more in the full record …*\n");
    }
    for r in tail {
        move_line(o, s, r);
    }
    o.push('\n');
    let flagged = silencings(s);
    if flagged.is_empty() {
        o.push_str("No move lowered the heat right after a gadfly idea.\n\n");
    } else {
        w!(
            o,
            "**A question for the facilitator:** the heat went down soon after {}. Was a \
             dissenting voice quietened, or was it time to cool down?\n\n",
            ideas(flagged.len())
        );
        for (r, g) in flagged.iter().take(SUMMARY_CAP) {
            w!(o, "- {}: {} ", when(&r.at), r.label());
            match g {
                Some(g) => w!(
                    o,
                    "after idea #{} \"{}\" ({})\n",
                    g.id,
                    md(&g.text),
                    md(author(s, &g.author))
                ),
                None => w!(o, "after idea #{}\n", r.after_gadfly.unwrap_or_default()),
            }
        }
        if flagged.len() > SUMMARY_CAP {
            w!(
                o,
                "- *… {} more in the full record …*\n",
                flagged.len() - SUMMARY_CAP
            );
        }
        o.push('\n');
    }
}

fn move_line(o: &mut String, s: &Session, r: &Reading) {
    w!(
        o,
        "- {} · *{}* · **{}** {} → {}",
        when(&r.at),
        md(checkpoint_title(s, &r.checkpoint)),
        r.level,
        r.zone.label(),
        r.label()
    );
    if let Some(t) = tactic_name(s, r) {
        w!(o, " with *{}*", md(t));
    }
    if !r.reason.trim().is_empty() {
        w!(o, ": {}", md(&r.reason));
    }
    if let Some(x) = &r.readiness {
        w!(
            o,
            " ({})",
            md(&crate::strings::readiness_note(&x.describe()))
        );
    }
    if r.after_gadfly.is_some() {
        o.push_str(" (possible silencing)");
    }
    o.push('\n');
}

fn value_conflicts(o: &mut String, s: &Session) {
    o.push_str("### Value conflicts\n\n");
    if s.polarities.is_empty() {
        o.push_str("*No competing values were mapped.*\n\n");
        return;
    }
    w!(
        o,
        "{} managed, not solved. Each early-warning sign shows one value being overdone at the \
         other's expense, and one person watches for it. ",
        plural(
            s.polarities.len(),
            "value conflict is being",
            "value conflicts are being"
        )
    );
    w!(o, "{}\n\n", warnings_line(s));
    for p in polarities_for_summary(s).into_iter().take(SUMMARY_CAP) {
        w!(o, "- {}", p.names(|n| format!("**{}**", md(n))));
        if !p.purpose.trim().is_empty() {
            w!(o, ", {} serving: {}", p.both(), md(&p.purpose));
        }
        o.push('\n');
        if p.warnings.is_empty() {
            o.push_str("  - *No early-warning sign yet.*\n");
        }
        for ew in &p.warnings {
            w!(
                o,
                "  - Early warning: {} (too much *{}*); watched by {}",
                md(&ew.sign),
                md(pole_name(p, ew.overdone)),
                md(watcher(&ew.watcher))
            );
            match ew.fired.iter().max() {
                Some(last) => w!(
                    o,
                    "; **seen {}**, last {}\n",
                    plural(ew.fired.len(), "time", "times"),
                    when(last)
                ),
                None => o.push_str("; not seen yet\n"),
            }
        }
    }
    if s.polarities.len() > SUMMARY_CAP {
        w!(
            o,
            "- *… {} more in the full record …*\n",
            s.polarities.len() - SUMMARY_CAP
        );
    }
    o.push('\n');
}

fn gadfly_summary(o: &mut String, s: &Session) {
    o.push_str("### Gadfly ideas\n\n");
    if s.gadflies.is_empty() {
        o.push_str("*No gadfly ideas were captured.*\n\n");
        return;
    }
    let count = |f: fn(&Fate) -> bool| s.gadflies.iter().filter(|g| f(&g.fate)).count();
    w!(
        o,
        "{} from dissenting voices: {} adopted, {} exploring, {} parked, {} declined.\n\n",
        plural(s.gadflies.len(), "idea", "ideas"),
        count(|f| matches!(f, Fate::Adopted)),
        count(|f| matches!(f, Fate::Exploring)),
        count(|f| matches!(f, Fate::Parked)),
        count(|f| matches!(f, Fate::Declined(_))),
    );
    let adopted: Vec<&Gadfly> = s
        .gadflies
        .iter()
        .filter(|g| g.fate == Fate::Adopted)
        .collect();
    if !adopted.is_empty() {
        o.push_str("Adopted:\n\n");
        capped_list(o, &adopted, |o, g| idea_line(o, s, g));
    }
    o.push_str("#### Minority report\n\n");
    let (alive, declined) = minority_report(s);
    if alive.is_empty() && declined.is_empty() {
        o.push_str("Every idea was adopted.\n\n");
        return;
    }
    if !alive.is_empty() {
        o.push_str("Kept alive, not adopted (protected for now):\n\n");
        capped_list(o, &alive, |o, g| idea_line(o, s, g));
    }
    if !declined.is_empty() {
        o.push_str("Declined, with the reason given:\n\n");
        capped_list(o, &declined, |o, g| idea_line(o, s, g));
    }
}

fn idea_line(o: &mut String, s: &Session, g: &Gadfly) {
    w!(
        o,
        "- #{} {} ({}, {}; {}: {}): **{}**",
        g.id,
        md(&g.text),
        md(author(s, &g.author)),
        g.voice.label(),
        who(s),
        history::reaction(g),
        g.fate.label()
    );
    if let Fate::Declined(why) = &g.fate {
        w!(o, ", because {}", md(why));
    }
    if let Some(work) = s.became(g.id) {
        w!(o, ", {}", md(&work));
    }
    o.push('\n');
}

fn capped_list<T>(o: &mut String, items: &[T], mut line: impl FnMut(&mut String, &T)) {
    for item in items.iter().take(SUMMARY_CAP) {
        line(o, item);
    }
    if items.len() > SUMMARY_CAP {
        w!(
            o,
            "- *… {} more in the full record …*\n",
            items.len() - SUMMARY_CAP
        );
    }
    o.push('\n');
}

fn commitment_summary(o: &mut String, s: &Session) {
    o.push_str("### Commitments\n\n");
    let exempted = s.exempted();
    if !exempted.is_empty() {
        let head = crate::strings::EXEMPTED_MD;
        w!(o, "**{head}:** {}.\n\n", md(&exempted.join(", ")));
    }
    if s.commitments.is_empty() {
        o.push_str("*No commitments yet: the work has not been given back.*\n\n");
        return;
    }
    let kept = s
        .commitments
        .iter()
        .filter(|c| c.status == CommitmentStatus::Kept)
        .count();
    w!(
        o,
        "{}: {} open, {kept} kept, {} dropped. Open ones first, soonest review first.\n\n",
        plural(s.commitments.len(), "commitment", "commitments"),
        s.open_commitments(),
        s.commitments.len() - kept - s.open_commitments(),
    );
    o.push_str("| What | Owner | Review | Status |\n|---|---|---|---|\n");
    let all = commitments_for_review(s);
    for c in all.iter().take(SUMMARY_CAP) {
        w!(
            o,
            "| {} | {} | {} | {} |\n",
            what(c),
            owner(&c.owner),
            c.review,
            c.status.label()
        );
    }
    if all.len() > SUMMARY_CAP {
        w!(
            o,
            "| *… {} more in the full record* | | | |\n",
            all.len() - SUMMARY_CAP
        );
    }
    o.push('\n');
}

/// What a commitment is, and the warnings it was kept despite: a reader
/// should know the facilitator saw them.
fn what(c: &crate::session::Commitment) -> String {
    if c.overridden.is_empty() {
        return md(&c.what);
    }
    format!(
        "{} *(⚠ {}: {})*",
        md(&c.what),
        crate::strings::OVERRIDDEN,
        md(&c.overridden.join("; "))
    )
}

/// The owner, with a warning when it names a group: shared responsibility is nobody's.
fn owner(name: &str) -> String {
    if name.trim().is_empty() {
        "**nobody named**".into()
    } else if owner_is_group(name) {
        format!("{} (a group, not one person)", md(name))
    } else {
        md(name)
    }
}

// ---- the full record -------------------------------------------------------

fn section(o: &mut String, title: &str, empty: bool) -> bool {
    w!(o, "### {title}\n\n");
    if empty {
        o.push_str("*None recorded.*\n\n");
    }
    !empty
}

/// The full record of one kind: a shape of its own for the kinds that have
/// one, else the kind's table.
fn record(o: &mut String, s: &Session, kind: ItemKind) {
    match kind {
        ItemKind::Gadfly => gadflies(o, s),
        ItemKind::Split => splits(o, s),
        ItemKind::Polarity => polarities(o, s),
        ItemKind::Commitment => commitments(o, s),
        _ => with_kind!(kind, K => table::<K>(o, s)),
    }
}

/// A kind's section: its heading, then its items as a table.
fn table<K: Stored>(o: &mut String, s: &Session) {
    let list = K::list(s);
    if section(o, K::HEADING, list.is_empty()) {
        rows(o, s, list.iter());
    }
}

/// A table of items: "#", the time, the checkpoint, then the kind's own
/// columns.
fn rows<'a, K: Kind + 'a>(o: &mut String, s: &Session, items: impl Iterator<Item = &'a K>) {
    let mut cols = vec!["#"];
    if K::TIMED {
        cols.push("Time");
    }
    cols.push("Checkpoint");
    cols.extend(K::COLUMNS);
    w!(
        o,
        "| {} |\n|{}\n",
        cols.join(" | "),
        "---|".repeat(cols.len())
    );
    for x in items {
        let (id, at, cp) = x.stamp();
        w!(o, "| {id} | ");
        if K::TIMED {
            w!(o, "{} | ", when(&at));
        }
        w!(o, "{} |", md(checkpoint_title(s, cp)));
        for c in x.cells() {
            w!(o, " {} |", md_cell(s, c));
        }
        o.push('\n');
    }
    o.push('\n');
}

fn md_cell(s: &Session, c: Cell) -> String {
    match c {
        Cell::Text(t) => md(t),
        Cell::Word(w) => w.to_string(),
        Cell::Owned(w) => md(&w),
        Cell::Date(d) => d.to_string(),
        Cell::Author(a) => md(author(s, a)),
        Cell::List(l) => md_list(l),
        Cell::OrNone(t, _) if !t.trim().is_empty() => md(t),
        Cell::OrNone(_, none) => format!("*{none}*"),
    }
}

fn readings(o: &mut String, s: &Session) {
    if !section(o, "Tension readings", s.readings.is_empty()) {
        return;
    }
    o.push_str("| # | Time | Checkpoint | Level | Band | Zone | Move | Tactic | Why |\n");
    o.push_str("|---|---|---|---|---|---|---|---|---|\n");
    for r in &s.readings {
        w!(
            o,
            "| {} | {} | {} | {} | {}–{} | {} | {} | {} | {}",
            r.id,
            when(&r.at),
            md(checkpoint_title(s, &r.checkpoint)),
            r.level,
            r.band.low,
            r.band.high,
            r.zone.label(),
            r.label(),
            tactic_name(s, r).map(md).unwrap_or_default(),
            md(&r.reason)
        );
        if let Some(x) = &r.readiness {
            w!(
                o,
                " ({})",
                md(&crate::strings::readiness_note(&x.describe()))
            );
        }
        if let Some(g) = r.after_gadfly {
            w!(o, " (possible silencing after idea #{g})");
        }
        o.push_str(" |\n");
    }
    o.push('\n');
}

fn splits(o: &mut String, s: &Session) {
    if !section(o, ItemKind::Split.heading(), s.splits.is_empty()) {
        return;
    }
    let n = |k| s.splits.iter().filter(|x| x.kind == k).count();
    if n(SplitKind::Puzzle) > 0 {
        w!(o, "{} puzzles, ", n(SplitKind::Puzzle));
    }
    w!(
        o,
        "{} technical, {} adaptive, {} not sure yet.\n\n",
        n(SplitKind::Technical),
        n(SplitKind::Adaptive),
        n(SplitKind::Unsure)
    );
    // Grouped by kind so the technical list and the adaptive list read apart.
    let grouped = SplitKind::ALL
        .into_iter()
        .flat_map(|k| s.splits.iter().filter(move |x| x.kind == k));
    rows(o, s, grouped);
}

fn gadflies(o: &mut String, s: &Session) {
    if !section(o, ItemKind::Gadfly.heading(), s.gadflies.is_empty()) {
        return;
    }
    o.push_str("| # | Time | Checkpoint | Idea | Who | Voice | Reaction | Fate |\n");
    o.push_str("|---|---|---|---|---|---|---|---|\n");
    for g in &s.gadflies {
        w!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {}",
            g.id,
            when(&g.at),
            md(checkpoint_title(s, &g.checkpoint)),
            md(&g.text),
            md(author(s, &g.author)),
            g.voice.label(),
            history::reaction(g),
            g.fate.label()
        );
        if let Fate::Declined(why) = &g.fate {
            w!(o, ": {}", md(why));
        }
        if let Some(work) = s.became(g.id) {
            w!(o, ", {}", md(&work));
        }
        o.push_str(" |\n");
    }
    o.push('\n');
}

fn polarities(o: &mut String, s: &Session) {
    if !section(o, ItemKind::Polarity.heading(), s.polarities.is_empty()) {
        return;
    }
    for p in &s.polarities {
        w!(o, "#### #{} {}\n\n", p.id, p.names(md));
        w!(
            o,
            "*{}, {}.*",
            when(&p.at),
            md(checkpoint_title(s, &p.checkpoint))
        );
        if !p.purpose.trim().is_empty() {
            w!(o, " {}: {}", p.all_serve(), md(&p.purpose));
        }
        o.push_str("\n\n");
        for (_, pole) in p.poles() {
            w!(o, "- **{}**", md(&pole.name));
            if !pole.holders.trim().is_empty() {
                w!(o, ", held by {}", md(&pole.holders));
            }
            o.push('\n');
            for u in &pole.upsides {
                w!(o, "  - upside: {}\n", md(u));
            }
            for d in &pole.downsides {
                w!(o, "  - downside when overdone: {}\n", md(d));
            }
            if !pole.would_lose.trim().is_empty() {
                w!(o, "  - its holders would lose: {}\n", md(&pole.would_lose));
            }
        }
        if !p.warnings.is_empty() {
            o.push_str(
                "\n| Early-warning sign | Too much of | Watcher | Seen |\n|---|---|---|---|\n",
            );
            for ew in &p.warnings {
                let seen: Vec<String> = ew.fired.iter().map(when).collect();
                w!(
                    o,
                    "| {} | {} | {} | {} |\n",
                    md(&ew.sign),
                    md(pole_name(p, ew.overdone)),
                    md(watcher(&ew.watcher)),
                    if seen.is_empty() {
                        "not yet".to_string()
                    } else {
                        seen.join(", ")
                    }
                );
            }
        }
        o.push('\n');
    }
}

fn commitments(o: &mut String, s: &Session) {
    if !section(o, ItemKind::Commitment.heading(), s.commitments.is_empty()) {
        return;
    }
    o.push_str("| # | Checkpoint | What | Owner | Review | Status | What it costs |\n");
    o.push_str("|---|---|---|---|---|---|---|\n");
    for c in &s.commitments {
        w!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            c.id,
            md(checkpoint_title(s, &c.checkpoint)),
            what(c),
            owner(&c.owner),
            c.review,
            c.status.label(),
            md(&c.loss)
        );
    }
    o.push('\n');
}

fn time_spent(o: &mut String, s: &Session) {
    o.push_str("### Time per checkpoint\n\n");
    o.push_str("| # | Where | Checkpoint | Status | Time spent | Timebox |\n");
    o.push_str("|---|---|---|---|---|---|\n");
    let mut total = 0;
    for (i, cp) in s.workshop.checkpoints.iter().enumerate() {
        let progress = s.progress.checkpoints.iter().find(|p| p.id == cp.id);
        let (status, spent, extra) = progress.map_or(("not yet", 0, 0), |p| {
            (p.status.label(), p.spent_secs, p.extra_mins)
        });
        total += spent;
        w!(
            o,
            "| {} | {} | {} | {} | {} | {} min",
            i + 1,
            cp.place.label().to_lowercase(),
            md(&cp.title),
            status,
            minutes(spent),
            cp.timebox_mins
        );
        if extra > 0 {
            w!(o, " + {extra} added");
        }
        o.push_str(" |\n");
    }
    w!(o, "| | | **Total** | | **{}** | |\n", minutes(total));
}

/// Band moves and skips, each with its time and reason; nothing when the
/// session has neither.
fn changes(o: &mut String, s: &Session) {
    let list = history::changes(s);
    if list.is_empty() {
        return;
    }
    w!(o, "\n### {}\n\n", crate::strings::CHANGES);
    o.push_str("| Time | Checkpoint | Change | Why |\n|---|---|---|---|\n");
    for c in list {
        w!(
            o,
            "| {} | {} | {} | {} |\n",
            c.at,
            md(c.checkpoint),
            c.what,
            md(c.why)
        );
    }
}

// ---- escaping ---------------------------------------------------------------

/// User text as one line of inline Markdown that cannot break the structure
/// around it: table pipes, emphasis, links, raw HTML and block markers at the
/// start are escaped; a newline becomes `<br>` so table rows stay whole.
pub(crate) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut line_start = true;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push_str("<br>");
                line_start = true;
                continue;
            }
            '\r' => continue,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // `#`, `-`, `+` at the start of a list item would open a heading or a
            // nested list.
            '#' | '-' | '+' | '=' if line_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if line_start => {
                // "1. " or "1) " at the start would open a numbered list.
                out.push(c);
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    out.push(d);
                    chars.next();
                }
                if let Some(&p) = chars.peek().filter(|p| **p == '.' || **p == ')') {
                    out.push('\\');
                    out.push(p);
                    chars.next();
                }
            }
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
        line_start = line_start && c.is_whitespace();
    }
    out
}

/// A paragraph of user text: each line escaped, kept as a hard line break.
fn md_para(s: &str) -> String {
    s.trim()
        .lines()
        .map(|l| md(l.trim_end()))
        .collect::<Vec<_>>()
        .join("  \n")
}

fn md_list(items: &[String]) -> String {
    items.iter().map(|i| md(i)).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn escapes_what_breaks_structure() {
        assert_eq!(md("a|b"), "a\\|b");
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("1. not a list"), "1\\. not a list");
        assert_eq!(md("line\nnext"), "line<br>next");
        assert_eq!(md("<script>"), "\\<script\\>");
        assert_eq!(md("issue #12"), "issue #12");
        assert_eq!(md("- dash"), "\\- dash");
    }
}
