//! What the archive adds to an export: the issues of a session raised in
//! earlier sessions, as a section of the sponsor's summary.

use super::SUMMARY_CAP;
use super::markdown::md;
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
