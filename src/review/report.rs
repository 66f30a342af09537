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
use crate::export::{SUMMARY_CAP, minutes};
use crate::review::heat::{self, Heat, percent};
use crate::review::recurring::Recurrence;
use crate::strings as s;

/// The section on issues raised before, in Markdown; empty when none was.
pub fn recurring_section(recs: &[Recurrence]) -> String {
    let mut o = String::new();
    if recs.is_empty() {
        return o;
    }
    w!(
        o,
        "### {}\n\n*{}*\n\n",
        s::MD_RAISED_BEFORE,
        s::MD_RAISED_BEFORE_WHY
    );
    for r in recs.iter().take(SUMMARY_CAP) {
        w!(o, "- **{}**: {} — {}\n", r.kind, md(&r.text), md(&r.said()));
    }
    if recs.len() > SUMMARY_CAP {
        w!(o, "- *… {} more*\n", recs.len() - SUMMARY_CAP);
    }
    o.push('\n');
    o
}

/// The same section in HTML; empty when no issue was raised before.
pub fn recurring_section_html(recs: &[Recurrence]) -> String {
    use crate::export::esc;
    let mut o = String::new();
    if recs.is_empty() {
        return o;
    }
    w!(
        o,
        "<h3>{}</h3>\n<p class=\"muted\">{}</p>\n<ul class=\"tight\">\n",
        s::MD_RAISED_BEFORE,
        s::MD_RAISED_BEFORE_WHY
    );
    for r in recs.iter().take(SUMMARY_CAP) {
        w!(
            o,
            "<li><strong>{}</strong>: {} — {}</li>\n",
            r.kind,
            esc(&r.text),
            esc(&r.said())
        );
    }
    if recs.len() > SUMMARY_CAP {
        w!(o, "<li><em>… {} more</em></li>\n", recs.len() - SUMMARY_CAP);
    }
    o.push_str("</ul>\n");
    o
}

/// An export of `format` with the issues raised before at the end of its
/// summary (Markdown and HTML; the other formats have no summary).
pub fn with_recurring(
    text: String,
    format: crate::export::ExportFormat,
    recs: &[Recurrence],
) -> String {
    use crate::export::ExportFormat;
    match format {
        ExportFormat::Md => with_summary_section(text, &recurring_section(recs)),
        ExportFormat::Html => insert_before(
            text,
            "</section>\n<section id=\"record\">",
            &recurring_section_html(recs),
        ),
        _ => text,
    }
}

/// `text` with `section` inserted before the first `at`; unchanged when
/// `at` is not there or the section is empty.
fn insert_before(mut text: String, at: &str, section: &str) -> String {
    if let Some(i) = text.find(at).filter(|_| !section.is_empty()) {
        text.insert_str(i, section);
    }
    text
}

/// The Markdown export with `section` at the end of its summary, before the
/// full record.
pub fn with_summary_section(markdown: String, section: &str) -> String {
    const FULL: &str = "\n## Full record\n";
    match markdown.find(FULL) {
        Some(at) if !section.is_empty() => {
            let mut out = String::with_capacity(markdown.len() + section.len());
            out.push_str(&markdown[..=at]);
            out.push_str(section);
            out.push_str(&markdown[at + 1..]);
            out
        }
        _ => markdown,
    }
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
