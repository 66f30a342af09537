//! The list of captured items of one kind, and the selected item's details.
//! Only the rows in view are looked at.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{trunc, wrap};
use super::theme::Theme;
use super::window_start;
use crate::review::followup::is_carried;
use crate::session::*;
use crate::strings as s;

/// A short tag and the main text of item `i` of `kind`.
pub fn summary(ses: &Session, kind: ItemKind, i: usize) -> (String, &str) {
    match kind {
        ItemKind::Gadfly => {
            let g = &ses.gadflies[i];
            let who = match &g.author {
                Author::Anonymous => "anonymous".to_string(),
                Author::Named(n) => trunc(n, 16),
            };
            (
                format!("{} · {} · {}", g.fate.label(), g.voice.label(), who),
                &g.text,
            )
        }
        ItemKind::Fact => {
            let f = &ses.facts[i];
            (f.source.label().to_string(), &f.text)
        }
        ItemKind::Split => {
            let x = &ses.splits[i];
            (x.kind.label().to_string(), &x.text)
        }
        ItemKind::Polarity => {
            let p = &ses.polarities[i];
            (
                format!("{} ↔ {}", trunc(&p.left.name, 20), trunc(&p.right.name, 20)),
                &p.purpose,
            )
        }
        ItemKind::Faction => {
            let f = &ses.factions[i];
            (format!("{} · {}", trunc(&f.name, 24), f.stance.label()), "")
        }
        ItemKind::Assumption => {
            let a = &ses.assumptions[i];
            (a.kind.label().to_string(), &a.text)
        }
        ItemKind::Avoidance => {
            let a = &ses.avoidance[i];
            (a.pattern.label().to_string(), &a.text)
        }
        ItemKind::Commitment => {
            let c = &ses.commitments[i];
            (
                format!(
                    "{} · {} · review {}",
                    c.status.label(),
                    trunc(&c.owner, 20),
                    c.review
                ),
                &c.what,
            )
        }
        ItemKind::Note => {
            let n = &ses.notes[i];
            (n.kind.label().to_string(), &n.text)
        }
    }
}

pub fn id_of(ses: &Session, kind: ItemKind, i: usize) -> u32 {
    match kind {
        ItemKind::Gadfly => ses.gadflies[i].id,
        ItemKind::Fact => ses.facts[i].id,
        ItemKind::Split => ses.splits[i].id,
        ItemKind::Polarity => ses.polarities[i].id,
        ItemKind::Faction => ses.factions[i].id,
        ItemKind::Assumption => ses.assumptions[i].id,
        ItemKind::Avoidance => ses.avoidance[i].id,
        ItemKind::Commitment => ses.commitments[i].id,
        ItemKind::Note => ses.notes[i].id,
    }
}

/// Where and when item `i` of `kind` was captured.
fn captured(ses: &Session, kind: ItemKind, i: usize) -> (&str, Timestamp) {
    match kind {
        ItemKind::Gadfly => (&ses.gadflies[i].checkpoint, ses.gadflies[i].at),
        ItemKind::Fact => (&ses.facts[i].checkpoint, ses.facts[i].at),
        ItemKind::Split => (&ses.splits[i].checkpoint, ses.splits[i].at),
        ItemKind::Polarity => (&ses.polarities[i].checkpoint, ses.polarities[i].at),
        ItemKind::Faction => (&ses.factions[i].checkpoint, ses.factions[i].at),
        ItemKind::Assumption => (&ses.assumptions[i].checkpoint, ses.assumptions[i].at),
        ItemKind::Avoidance => (&ses.avoidance[i].checkpoint, ses.avoidance[i].at),
        ItemKind::Commitment => (&ses.commitments[i].checkpoint, ses.commitments[i].at),
        ItemKind::Note => (&ses.notes[i].checkpoint, ses.notes[i].at),
    }
}

fn joined(list: &[String]) -> String {
    // Only the first few entries can ever be shown.
    list.iter()
        .take(8)
        .map(|x| trunc(x, 80))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Detail lines for the selected item (each cut before wrapping).
pub fn details(ses: &Session, kind: ItemKind, i: usize) -> Vec<(String, String)> {
    let t = |x: &str| trunc(x, 2000);
    match kind {
        ItemKind::Gadfly => {
            let g = &ses.gadflies[i];
            let mut out = vec![
                ("idea".to_string(), t(&g.text)),
                (
                    "reaction".to_string(),
                    format!("{} · voice: {}", g.reaction.label(), g.voice.label()),
                ),
            ];
            if let Fate::Declined(r) = &g.fate {
                out.push(("declined because".to_string(), t(r)));
            }
            out
        }
        ItemKind::Fact => {
            let f = &ses.facts[i];
            vec![
                ("fact".into(), t(&f.text)),
                ("from".into(), t(&f.source_detail)),
            ]
        }
        ItemKind::Split => {
            let x = &ses.splits[i];
            vec![
                ("part".into(), t(&x.text)),
                ("we'd lose".into(), t(&x.loss)),
            ]
        }
        ItemKind::Polarity => {
            let p = &ses.polarities[i];
            let mut out = vec![("purpose".into(), t(&p.purpose))];
            for (side, pole) in [("left", &p.left), ("right", &p.right)] {
                let mut parts = vec![trunc(&pole.name, 40)];
                if !pole.holders.is_empty() {
                    parts.push(format!("held by {}", trunc(&pole.holders, 60)));
                }
                if !pole.upsides.is_empty() {
                    parts.push(format!("up: {}", joined(&pole.upsides)));
                }
                if !pole.downsides.is_empty() {
                    parts.push(format!("down: {}", joined(&pole.downsides)));
                }
                if !pole.would_lose.is_empty() {
                    parts.push(format!("would lose: {}", t(&pole.would_lose)));
                }
                out.push((side.to_string(), parts.join(" · ")));
            }
            for w in p.warnings.iter().take(4) {
                let seen = match w.fired.len() {
                    0 => String::new(),
                    n => format!(", seen {n}×"),
                };
                out.push((
                    "warning".into(),
                    format!("{} (watcher: {}{seen})", t(&w.sign), trunc(&w.watcher, 30)),
                ));
            }
            out
        }
        ItemKind::Faction => {
            let f = &ses.factions[i];
            vec![
                ("values".into(), joined(&f.values)),
                ("loyal to".into(), joined(&f.loyalties)),
                ("would lose".into(), joined(&f.losses)),
            ]
        }
        ItemKind::Assumption => {
            let a = &ses.assumptions[i];
            vec![
                ("belief".into(), t(&a.text)),
                ("evidence".into(), t(&a.evidence)),
            ]
        }
        ItemKind::Avoidance => {
            let a = &ses.avoidance[i];
            vec![
                ("family".into(), a.pattern.family().label().to_string()),
                ("seen".into(), t(&a.text)),
            ]
        }
        ItemKind::Commitment => {
            let c = &ses.commitments[i];
            let mut out = vec![
                ("what".into(), t(&c.what)),
                ("owner".into(), trunc(&c.owner, 60)),
            ];
            if owner_is_group(&c.owner) {
                out.push(("warning".into(), "the owner looks like a group".into()));
            }
            out.push(("costs".into(), t(&c.loss)));
            out
        }
        ItemKind::Note => {
            let n = &ses.notes[i];
            vec![(n.kind.label().into(), t(&n.text))]
        }
    }
}

/// Who holds each pole and what they would lose: the facilitator's notes
/// beside the grid.
fn pole_extras(p: &Polarity) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for pole in [&p.left, &p.right] {
        let mut parts = Vec::new();
        if !pole.holders.is_empty() {
            parts.push(format!("held by {}", trunc(&pole.holders, 60)));
        }
        if !pole.would_lose.is_empty() {
            parts.push(format!("would lose: {}", trunc(&pole.would_lose, 2000)));
        }
        if !parts.is_empty() {
            out.push((trunc(&pole.name, 30), parts.join(" · ")));
        }
    }
    out
}

/// The list of `kind`, newest at the bottom, with `sel` highlighted.
pub fn render_list(
    ses: &Session,
    kind: ItemKind,
    sel: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let n = ses.count(kind);
    if n == 0 {
        Line::styled(s::NO_ITEMS, theme.dim).render(area, buf);
        return;
    }
    let h = area.height as usize;
    let sel = sel.min(n - 1);
    let first = window_start(sel, h);
    let width = area.width as usize;
    for (row, i) in (first..n.min(first + h)).enumerate() {
        let (tag, text) = summary(ses, kind, i);
        let carried = if is_carried(ses, captured(ses, kind, i).1) {
            s::CARRIED_MARK
        } else {
            ""
        };
        let head = format!("#{}{carried} [{}] ", id_of(ses, kind, i), tag);
        let head = trunc(&head, width);
        let rest = width.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
        let mut line = Line::from(vec![
            Span::styled(head, theme.dim),
            Span::raw(trunc(text, rest)),
        ]);
        if i == sel {
            line = line.style(theme.selected);
        }
        let r = Rect {
            y: area.y + row as u16,
            height: 1,
            ..area
        };
        line.render(r, buf);
    }
}

/// The selected item's details, wrapped into `area`.
pub fn render_details(
    ses: &Session,
    kind: ItemKind,
    sel: usize,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let n = ses.count(kind);
    if n == 0 || area.height == 0 {
        return;
    }
    let mut y = area.y;
    let bottom = area.y + area.height;
    let i = sel.min(n - 1);
    let (cp, at) = captured(ses, kind, i);
    let place = ses.workshop.checkpoint(cp).map_or(cp, |c| c.title.as_str());
    let mut rows = details(ses, kind, i);
    if kind == ItemKind::Polarity {
        // The map as the room sees it: a 2×2 grid, then what the grid leaves out.
        let p = &ses.polarities[i];
        y += super::wall::polarity_grid(p, false, area, buf, theme);
        rows = pole_extras(p);
    }
    let mut when = format!("{} · {}", trunc(place, 60), at.format("%H:%M"));
    if is_carried(ses, at) {
        when = format!("{when} · {}", s::CARRIED);
    }
    rows.push(("captured".into(), when));
    for (label, value) in rows {
        if y >= bottom || value.is_empty() {
            continue;
        }
        let prefix = format!("{label}: ");
        let pw =
            unicode_width::UnicodeWidthStr::width(prefix.as_str()).min(area.width as usize / 2);
        let lines = wrap(
            &value,
            (area.width as usize).saturating_sub(pw).max(1),
            (bottom - y) as usize,
        );
        for (k, l) in lines.into_iter().enumerate() {
            if y >= bottom {
                break;
            }
            let head = if k == 0 {
                trunc(&prefix, pw)
            } else {
                " ".repeat(pw)
            };
            Line::from(vec![Span::styled(head, theme.dim), Span::raw(l)]).render(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
            y += 1;
        }
    }
}
