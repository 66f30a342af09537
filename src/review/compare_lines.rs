//! The compare view's parts as screen lines at a width, laid out as the
//! session view's are (`lines`): a long commitment, idea, conflict or sign
//! wraps at words and continues indented. The sessions' rows and the time in
//! the band are columns, drawn by the screen on one line each.

use super::compare::{Comparison, Outcome};
use super::lines::{Line, Tone, Words, laid_out};
use super::outline::{CPart, CSection};
use crate::session::ItemKind;
use crate::strings as s;

/// The lines of `part` at `w` columns (at least one).
pub fn lines(c: &Comparison, part: CPart, w: usize) -> Vec<Line> {
    match words(c, part) {
        Some(words) => laid_out(&words, w),
        None => vec![Vec::new()],
    }
}

/// How many lines `part` takes at `w` columns.
pub fn height(c: &Comparison, part: CPart, w: usize) -> usize {
    match words(c, part) {
        Some(words) => laid_out(&words, w).len(),
        None => 1,
    }
}

/// The words of `part`; none for the columns the screen draws.
fn words(c: &Comparison, part: CPart) -> Option<Words> {
    let row = |main: String| Some(Words::new(2, main, Tone::Base));
    match part {
        CPart::Blank => Some(Words::new(0, "", Tone::Base)),
        CPart::Heading(sec, n) => Some(Words::new(
            0,
            s::section(section_name(sec), n),
            Tone::Heading,
        )),
        CPart::None => Some(Words::new(2, s::NOTHING_HERE, Tone::Dim)),
        CPart::Entry(_) | CPart::Zones(_) => None,
        CPart::Commitment(i) => {
            let k = c.commitments.get(i)?;
            // Commitments are the section's own; other work says its kind.
            let kind = match k.kind {
                ItemKind::Commitment => String::new(),
                kind => format!("{}: ", kind.label()),
            };
            row(format!(
                "[{} · {} {}] {kind}{} · {} {}",
                outcome(k.outcome),
                s::IN_SESSIONS,
                numbers(&k.seen),
                k.what,
                s::OWNER,
                k.owner
            ))
        }
        CPart::Adopted(i) => {
            let a = c.adopted.get(i)?;
            row(format!(
                "{} · {} {} · {} {}",
                a.text,
                s::FIRST_SAID_IN,
                a.from + 1,
                s::ADOPTED_IN,
                a.adopted_in + 1
            ))
        }
        CPart::Recurring(i) => {
            let r = c.recurring.get(i)?;
            row(format!(
                "{} ↔ {} · {} {}",
                r.left,
                r.right,
                s::IN_SESSIONS,
                numbers(&r.seen)
            ))
        }
        CPart::Tactic(i) => {
            let t = c.heat.tactics.get(i)?;
            row(s::cmp_tactic(
                &t.name,
                t.direction.map_or("", |d| d.label()),
                t.used,
                t.as_meant(),
                t.used - t.last,
            ))
        }
        CPart::Fired(i) => {
            let f = c.fired.get(i)?;
            row(format!(
                "⚠ {} {} · {} {}× · {} · {} {}",
                s::FIRED_IN,
                numbers(&f.sessions),
                s::SEEN,
                f.times,
                f.sign,
                s::WATCHED_BY,
                f.watcher
            ))
        }
    }
}

fn section_name(sec: CSection) -> &'static str {
    match sec {
        CSection::Tension => s::CMP_TENSION,
        CSection::Commitments => s::CMP_COMMITMENTS,
        CSection::Adopted => s::CMP_ADOPTED,
        CSection::Recurring => s::CMP_RECURRING,
        CSection::Fired => s::CMP_FIRED,
        CSection::Zones => s::CMP_ZONES,
        CSection::Tactics => s::CMP_TACTICS,
    }
}

fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Carried => s::OUT_CARRIED,
        Outcome::Open => s::OUT_OPEN,
        Outcome::NotCarried => s::OUT_NOT_CARRIED,
        Outcome::Ended(word) => word,
    }
}

/// "1, 3": session numbers as shown in the tension section.
fn numbers(seen: &[usize]) -> String {
    seen.iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::compare::FiredSign;

    #[test]
    fn a_long_sign_wraps_at_words_and_its_height_is_its_lines() {
        let sign = "Repeat calls within seven days go above eighteen percent in any store";
        let c = Comparison {
            fired: vec![FiredSign {
                sessions: vec![0, 2],
                sign: sign.into(),
                watcher: "Priya Natarajan".into(),
                times: 3,
            }],
            ..Comparison::default()
        };
        let lines = lines(&c, CPart::Fired(0), 40);
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
            .collect();
        assert!(text.len() > 2, "{text:?}");
        assert!(text.iter().all(|l| l.chars().count() <= 40), "{text:?}");
        assert!(text[1..].iter().all(|l| l.starts_with("      ")));
        let words: Vec<&str> = text.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(
            words.join(" "),
            format!("⚠ fired in 1, 3 · seen 3× · {sign} · watched by Priya Natarajan")
        );
        assert_eq!(height(&c, CPart::Fired(0), 40), text.len());
        // A session's row is drawn by the screen, on one line.
        assert_eq!(height(&c, CPart::Entry(0), 40), 1);
    }
}
