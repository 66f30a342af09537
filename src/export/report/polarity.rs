//! Polarity maps: the value conflicts in the summary, and each map in full
//! (its poles, their upsides and downsides, the early-warning signs).

use super::*;
use crate::export::{plural, polarities_for_summary, pole_name, warnings_line, watcher, when};
use crate::session::{ItemKind, Polarity};

/// The value conflicts being managed, those whose signs fired first.
pub(super) fn summary<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    out.push(Block::Heading(3, vec![word("Value conflicts")]));
    if s.polarities.is_empty() {
        out.push(Block::Muted(vec![word("No competing values were mapped.")]));
        return;
    }
    // A conflict of three values overdoes one at the others' expense.
    let whose = if s.polarities.iter().any(|p| p.third.is_some()) {
        "the others'"
    } else {
        "the other's"
    };
    out.push(Block::Para(vec![word(format!(
        "{} managed, not solved. Each early-warning sign shows one value being overdone at \
         {whose} expense, and one person watches for it. {}",
        plural(
            s.polarities.len(),
            "value conflict is being",
            "value conflicts are being"
        ),
        warnings_line(s)
    ))]));
    let maps = polarities_for_summary(s);
    out.push(Block::List(List::capped(ListStyle::Bullets, &maps, |p| {
        conflict(p)
    })));
}

/// The poles' names, "A and B" or "A, B and C", each through `show`.
fn names<'a>(p: &'a Polarity, show: impl Fn(&'a str) -> Span<'a>) -> Inline<'a> {
    let poles = p.poles();
    let mut out = Vec::new();
    for (i, (_, pole)) in poles.iter().enumerate() {
        if i > 0 {
            out.push(word(if i + 1 == poles.len() { " and " } else { ", " }));
        }
        out.push(show(&pole.name));
    }
    out
}

/// One conflict: its values, what they all serve, and each sign.
fn conflict(p: &Polarity) -> Item<'_> {
    let mut head = names(p, |n| strong(vec![text(n)]));
    if !p.purpose.trim().is_empty() {
        head.push(word(format!(", {} serving: ", p.both())));
        head.push(text(&p.purpose));
    }
    let mut item = Item::new(head);
    if p.warnings.is_empty() {
        item.children
            .push(Item::muted(vec![word("No early-warning sign yet.")]));
    }
    for ew in &p.warnings {
        let mut t = vec![
            word("Early warning: "),
            text(&ew.sign),
            word(" (too much "),
            em(vec![text(pole_name(p, ew.overdone))]),
            word("); watched by "),
            text(watcher(&ew.watcher)),
        ];
        match ew.fired.iter().max() {
            Some(last) => {
                t.push(word("; "));
                t.push(strong(vec![word(format!(
                    "seen {}",
                    plural(ew.fired.len(), "time", "times")
                ))]));
                t.push(word(format!(", last {}", when(last))));
            }
            None => t.push(word("; not seen yet")),
        }
        item.children.push(Item::new(t));
    }
    item
}

/// Every map in full, in the order they were mapped.
pub(super) fn record<'a>(out: &mut Vec<Block<'a>>, s: &'a Session) {
    if !section(out, ItemKind::Polarity.heading(), s.polarities.is_empty()) {
        return;
    }
    for p in &s.polarities {
        map(out, s, p);
    }
}

/// Map `i` in full, as the record gives it (review draws it line by line).
pub fn map_blocks(s: &Session, i: usize) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    if let Some(p) = s.polarities.get(i) {
        map(&mut out, s, p);
    }
    out
}

fn map<'a>(out: &mut Vec<Block<'a>>, s: &'a Session, p: &'a Polarity) {
    out.push(Block::Heading(
        4,
        std::iter::once(word(format!("#{} ", p.id)))
            .chain(names(p, text))
            .collect(),
    ));
    let mut about = Vec::new();
    if !p.purpose.trim().is_empty() {
        about.push(word(format!(" {}: ", p.all_serve())));
        about.push(text(&p.purpose));
    }
    out.push(Block::Stamp(
        vec![
            word(format!("{}, ", when(&p.at))),
            cp_title(s, &p.checkpoint),
            word("."),
        ],
        about,
    ));
    let mut poles = List::new(ListStyle::Groups);
    for (_, pole) in p.poles() {
        let mut head = vec![strong(vec![text(&pole.name)])];
        if !pole.holders.trim().is_empty() {
            head.push(word(", held by "));
            head.push(text(&pole.holders));
        }
        let mut item = Item::new(head);
        for u in &pole.upsides {
            item.children
                .push(Item::new(vec![word("upside: "), text(u)]));
        }
        for d in &pole.downsides {
            item.children
                .push(Item::new(vec![word("downside when overdone: "), text(d)]));
        }
        if !pole.would_lose.trim().is_empty() {
            item.children.push(Item::new(vec![
                word("its holders would lose: "),
                text(&pole.would_lose),
            ]));
        }
        poles.push(item);
    }
    out.push(Block::List(poles));
    if !p.warnings.is_empty() {
        let mut table = Table::new(vec!["Early-warning sign", "Too much of", "Watcher", "Seen"]);
        for ew in &p.warnings {
            let seen: Vec<String> = ew.fired.iter().map(when).collect();
            table.rows.push(vec![
                Cell::text(ew.sign.as_str()),
                Cell::text(pole_name(p, ew.overdone)),
                Cell::text(watcher(&ew.watcher)),
                Cell::word(if seen.is_empty() {
                    "not yet".to_string()
                } else {
                    seen.join(", ")
                }),
            ]);
        }
        out.push(Block::Table(table));
    }
}
