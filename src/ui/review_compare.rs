//! Comparing sessions: what changed from one to the next. Changes are said
//! with arrows and signs (▲ +3, ▼ −2, = 0); only visible parts are drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::review_parts::{footer, put, sparkline};
use super::theme::Theme;
use crate::flow::Flow;
use crate::flow::review::{CompareView, body_rows};
use crate::review::compare::{Comparison, Outcome, delta};
use crate::review::heat::percent;
use crate::review::outline::{CPart, CSection};
use crate::session::ItemKind;
use crate::strings as s;
use crate::text::trunc;

pub fn render(flow: &Flow, v: &CompareView, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let w = area.width as usize;
    let h = area.height;
    let c = &v.cmp;
    put(
        Line::from(vec![
            Span::styled(
                format!(
                    "{} · {} {} sessions",
                    s::REVIEW_TITLE,
                    s::COMPARE_TITLE,
                    c.entries.len()
                ),
                theme.header,
            ),
            Span::styled(format!(" · {}", s::REVIEW_READ_ONLY), theme.dim),
        ]),
        area,
        0,
        buf,
    );
    let span = match (c.entries.first(), c.entries.last()) {
        (Some(a), Some(b)) => format!(
            "{} … {} · oldest first",
            a.created.format("%Y-%m-%d"),
            b.created.format("%Y-%m-%d")
        ),
        _ => String::new(),
    };
    put(Line::styled(trunc(&span, w), theme.dim), area, 1, buf);
    let body = Rect {
        y: area.y + 2,
        height: body_rows(h) as u16,
        ..area
    };
    let rows = body.height as usize;
    let first = v.scroll.min(v.parts.len().saturating_sub(rows));
    for (y, part) in v.parts[first..].iter().take(rows).enumerate() {
        put(part_line(c, *part, w, theme), body, y as u16, buf);
    }
    footer(flow, area, buf, theme);
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

fn level(l: Option<u8>) -> String {
    l.map_or("–".to_string(), |l| l.to_string())
}

fn part_line<'a>(c: &Comparison, part: CPart, w: usize, theme: &Theme) -> Line<'a> {
    let text = |t: String| Line::raw(trunc(&t, w));
    match part {
        CPart::Blank => Line::raw(""),
        CPart::Heading(sec, n) => {
            Line::styled(trunc(&s::section(section_name(sec), n), w), theme.heading)
        }
        CPart::None => Line::styled(format!("  {}", s::NOTHING_HERE), theme.dim),
        CPart::Entry(i) => {
            let e = &c.entries[i];
            let change = match (e.start, e.end) {
                (Some(a), Some(b)) => delta(b as i32 - a as i32),
                _ => "  ".to_string(),
            };
            let since = match (i.checked_sub(1).and_then(|p| c.entries[p].end), e.end) {
                (Some(a), Some(b)) => {
                    format!(" · {} {}", s::SINCE_PREVIOUS, delta(b as i32 - a as i32))
                }
                _ => String::new(),
            };
            let head = format!(
                "  {}. {} {:<24} {} → {} {:<6}",
                i + 1,
                e.created.format("%Y-%m-%d"),
                trunc(&e.title, 24),
                level(e.start),
                level(e.end),
                change
            );
            Line::from(vec![
                Span::raw(head),
                Span::styled(format!("{:<12}", sparkline(&e.levels, 12)), theme.dim),
                Span::raw(trunc(&since, w.saturating_sub(60))),
            ])
        }
        CPart::Commitment(i) => {
            let k = &c.commitments[i];
            // Commitments are the section's own; other work says its kind.
            let kind = match k.kind {
                ItemKind::Commitment => String::new(),
                kind => format!("{}: ", kind.label()),
            };
            text(format!(
                "  [{} · {} {}] {kind}{} · {} {}",
                outcome(k.outcome),
                s::IN_SESSIONS,
                numbers(&k.seen),
                k.what,
                s::OWNER,
                k.owner
            ))
        }
        CPart::Adopted(i) => {
            let a = &c.adopted[i];
            text(format!(
                "  {} · {} {} · {} {}",
                a.text,
                s::FIRST_SAID_IN,
                a.from + 1,
                s::ADOPTED_IN,
                a.adopted_in + 1
            ))
        }
        CPart::Recurring(i) => {
            let r = &c.recurring[i];
            text(format!(
                "  {} ↔ {} · {} {}",
                r.left,
                r.right,
                s::IN_SESSIONS,
                numbers(&r.seen)
            ))
        }
        CPart::Zones(i) => {
            let z = &c.heat.sessions[i];
            let all = z.below + z.inside + z.above;
            text(s::cmp_zones(
                i + 1,
                percent(z.below, all),
                percent(z.inside, all),
                percent(z.above, all),
                &crate::export::minutes(all),
            ))
        }
        CPart::Tactic(i) => {
            let t = &c.heat.tactics[i];
            text(s::cmp_tactic(
                &t.name,
                t.direction.map_or("", |d| d.label()),
                t.used,
                t.as_meant(),
                t.used - t.last,
            ))
        }
        CPart::Fired(i) => {
            let f = &c.fired[i];
            text(format!(
                "  ⚠ {} {} · {} {}× · {} · {} {}",
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
