//! What the archive adds to an export: the issues of a session raised in
//! earlier sessions, as a section of the sponsor's summary; and the report
//! of the heat across many sessions (`balcony export --archive DIR`).

/// Writes into a String; writing to memory cannot fail.
macro_rules! w {
    ($dst:expr, $($arg:tt)*) => {{
        use ::std::fmt::Write as _;
        let _ = $dst.write_fmt(format_args!($($arg)*));
    }};
}

use crate::export::md;
use crate::export::report::{Block, Item, List, ListStyle, strong, text, word};
use crate::export::{SUMMARY_CAP, minutes};
use crate::review::heat::{self, Heat, percent};
use crate::review::recurring::Recurrence;
use crate::strings as s;

/// The section on issues raised before, for the end of the sponsor's
/// summary; nothing when no issue was.
pub fn recurring_section(recs: &[Recurrence]) -> Vec<Block<'_>> {
    if recs.is_empty() {
        return Vec::new();
    }
    let mut list = List::new(ListStyle::Tight);
    for r in recs.iter().take(SUMMARY_CAP) {
        list.push(Item::new(vec![
            strong(vec![word(r.kind)]),
            word(": "),
            text(r.text.as_str()),
            word(" — "),
            text(r.said()),
        ]));
    }
    if recs.len() > SUMMARY_CAP {
        list.push(Item::muted(vec![word(format!(
            "… {} more",
            recs.len() - SUMMARY_CAP
        ))]));
    }
    vec![
        Block::Heading(3, vec![word(s::MD_RAISED_BEFORE)]),
        Block::Muted(vec![word(s::MD_RAISED_BEFORE_WHY)]),
        Block::List(list),
    ]
}

/// The archive report in Markdown: the heat across `sessions`, oldest first
/// (a pure function: the same sessions always give the same text).
pub fn report(sessions: &[(std::path::PathBuf, crate::session::Session)]) -> String {
    heat_report(&heat::of(sessions.iter().map(|(p, s)| (p.as_path(), s))))
}

/// The archive report from the heat already gathered.
pub fn heat_report(h: &Heat) -> String {
    let mut o = String::new();
    w!(o, "# {}\n\n", s::report_title(h.sessions.len()));
    if let (Some(a), Some(b)) = (h.sessions.first(), h.sessions.last()) {
        w!(
            o,
            "*{}*\n\n",
            s::report_span(
                &a.created.format("%Y-%m-%d").to_string(),
                &b.created.format("%Y-%m-%d").to_string()
            )
        );
    }
    zones(&mut o, h);
    tactics(&mut o, h);
    signs(&mut o, h);
    o
}

/// "12 min (20 %)".
fn share(secs: u64, whole: u64) -> String {
    format!("{} ({} %)", minutes(secs), percent(secs, whole))
}

fn zones(o: &mut String, h: &Heat) {
    w!(o, "## {}\n\n", s::REPORT_ZONES);
    let (below, inside, above) = h.totals();
    let all = below + inside + above;
    if all == 0 {
        w!(o, "*{}*\n\n", s::REPORT_NO_READINGS);
        return;
    }
    w!(
        o,
        "{}\n\n",
        s::report_zone_totals(
            &minutes(all),
            percent(below, all),
            percent(inside, all),
            percent(above, all)
        )
    );
    w!(o, "{}\n|---|---|---|---|---|\n", s::REPORT_ZONE_HEAD);
    for x in &h.sessions {
        let whole = x.below + x.inside + x.above;
        w!(
            o,
            "| {} | {} | {} | {} | {} |\n",
            x.created.format("%Y-%m-%d"),
            md(&x.title),
            share(x.below, whole),
            share(x.inside, whole),
            share(x.above, whole)
        );
    }
    o.push('\n');
}

fn tactics(o: &mut String, h: &Heat) {
    w!(o, "## {}\n\n", s::REPORT_TACTICS);
    if h.tactics.is_empty() {
        w!(o, "*{}*\n\n", s::REPORT_NO_MOVES);
        return;
    }
    w!(o, "*{}*\n\n", s::REPORT_TACTICS_WHY);
    w!(
        o,
        "{}\n|---|---|---|---|---|---|---|---|\n",
        s::REPORT_TACTIC_HEAD
    );
    for t in &h.tactics {
        let dir = t.direction.map_or("", |d| d.label());
        let followed = t.used - t.last;
        w!(
            o,
            "| {} | {dir} | {} | {} | {} | {} | {} | {} of {followed} |\n",
            md(&t.name),
            t.used,
            t.up,
            t.down,
            t.same,
            t.last,
            t.as_meant()
        );
    }
    o.push('\n');
}

fn signs(o: &mut String, h: &Heat) {
    w!(o, "## {}\n\n", s::REPORT_SIGNS);
    if h.signs.is_empty() {
        w!(o, "*{}*\n\n", s::REPORT_NO_SIGNS);
        return;
    }
    for x in &h.signs {
        w!(
            o,
            "- **{}** ({}): {}\n",
            md(&x.sign),
            md(&s::watched_by(&x.watcher)),
            s::seen_times(x.times, x.sessions)
        );
    }
    o.push('\n');
}
