//! The checkpoint screen: header, the checkpoint's purpose, prompts and
//! items, the tension gauge, the notice line and the key bar.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{gauge, items, keybar, take_bottom, take_right, take_top};
use crate::flow::{Flow, Focus, Live, SaveState, Tone};
use crate::keymap::{Action, Ctx, Keymap};
use crate::session::ItemKind;
use crate::strings as s;
use crate::text::clock;
use crate::text::{trunc, wrap};
use crate::workshop::Place;

/// The save status for the header.
pub fn save_span<'a>(save: &SaveState, theme: &Theme) -> Span<'a> {
    match save {
        SaveState::NotYet => Span::styled(s::NOT_SAVED_YET, theme.dim),
        SaveState::Saved(at) => Span::styled(
            format!("{} {}", s::SAVED, at.format("%H:%M:%S")),
            theme.saved,
        ),
        SaveState::Failed { .. } => Span::styled(
            format!(" {} · {} ", s::SAVE_FAILED, s::RETRYING),
            theme.save_failed,
        ),
        SaveState::Stopped { .. } => Span::styled(
            format!(" {} · {} ", s::AUTOSAVE_STOPPED, s::NOT_ON_DISK),
            theme.save_failed,
        ),
    }
}

fn header(flow: &Flow, live: &Live, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let ses = live.s();
    let cp = live.checkpoint();
    let n = ses.progress.current + 1;
    let total = ses.workshop.checkpoints.len();
    let remaining = live.remaining_secs(flow.now);
    let mut right = Vec::new();
    if live.timer.paused {
        right.push(Span::styled(format!("{} ", s::PAUSED_TAG), theme.time_up));
    }
    // A reflection is calm: the timebox is only a suggestion there.
    let solo = ses.meta.mode == crate::session::Mode::Solo;
    if remaining < 0 && solo {
        right.push(Span::styled(
            format!("{} (+{})", s::OVER_SUGGESTED, clock(-remaining)),
            theme.dim,
        ));
    } else if remaining < 0 {
        right.push(Span::styled(
            format!(" {} +{} ", s::TIME_UP, clock(-remaining)),
            theme.time_up,
        ));
    } else {
        right.push(Span::raw(format!("{} left", clock(remaining))));
    }
    right.push(Span::raw("  "));
    right.push(save_span(&flow.save, theme));
    let right = Line::from(right);
    let right_w = right.width() as u16;
    let place_style = match cp.place {
        Place::Balcony => theme.balcony,
        Place::DanceFloor => theme.dance_floor,
    };
    let left_w = area.width.saturating_sub(right_w + 1) as usize;
    let place = if solo {
        format!("{} · {}", cp.place.label(), s::PRIVATE_TAG)
    } else {
        cp.place.label().to_string()
    };
    let full = format!(" · {} {n}/{total} · ", s::CHECKPOINT);
    let full_w = s::APP.width() + 3 + full.width() + place.width();
    // Narrow windows drop the app name and the word "checkpoint" before
    // the place word or the count could be cut.
    let left = if left_w >= full_w + 8 {
        Line::from(vec![
            Span::styled(s::APP, theme.header),
            Span::raw(" · "),
            Span::styled(trunc(&ses.meta.title, left_w - full_w), theme.header),
            Span::raw(full),
            Span::styled(place, place_style),
        ])
    } else {
        let short = format!(" · {n}/{total} · ");
        let title_w = left_w.saturating_sub(short.width() + place.width()).max(1);
        Line::from(vec![
            Span::styled(trunc(&ses.meta.title, title_w), theme.header),
            Span::raw(short),
            Span::styled(place, place_style),
        ])
    };
    left.render(
        Rect {
            width: left_w as u16,
            ..area
        },
        buf,
    );
    Paragraph::new(right)
        .alignment(Alignment::Right)
        .render(area, buf);
}

/// Draws the screen; returns the main pane's area (forms open over it).
pub fn render(flow: &Flow, live: &Live, area: Rect, buf: &mut Buffer, theme: &Theme) -> Rect {
    let mut body = area;
    let top = take_top(&mut body, 1);
    let bar = take_bottom(&mut body, 1);
    let notice = take_bottom(&mut body, 1);
    header(flow, live, top, buf, theme);
    let cp = live.checkpoint();
    let (border, style) = match cp.place {
        Place::Balcony => (theme.balcony_border, theme.balcony),
        Place::DanceFloor => (theme.dance_border, theme.dance_floor),
    };
    let title = format!(" {} · {} ", cp.place.label(), cp.title);
    let block = Block::bordered()
        .border_type(border)
        .border_style(style)
        .title(Line::styled(
            trunc(&title, body.width.saturating_sub(4) as usize),
            style,
        ));
    let inner = block.inner(body);
    block.render(body, buf);
    let side_w = if inner.width >= 90 { 30 } else { 24 };
    let mut main = inner;
    let side = take_right(&mut main, side_w);
    let edit = match live.mode {
        Focus::Band(e) => Some(e),
        _ => None,
    };
    gauge::render(live.s(), edit, side, buf, theme);
    main_pane(live, &flow.keymap, main, buf, theme);
    // Forms need room: in a narrow window they cover the gauge too.
    let form_area = if main.width < 60 { inner } else { main };
    if let Some(n) = &flow.notice {
        let st = match n.tone {
            Tone::Info => theme.notice,
            Tone::Quiet => theme.quiet,
            Tone::Error => theme.error,
        };
        Line::styled(trunc(&n.text, notice.width as usize), st).render(notice, buf);
    } else if let SaveState::Failed { message } | SaveState::Stopped { message } = &flow.save {
        Line::styled(trunc(message, notice.width as usize), theme.error).render(notice, buf);
    }
    let here = if flow.ctx() == crate::keymap::Ctx::Browse {
        live.keys_here()
    } else {
        Vec::new()
    };
    keybar::render_with(&flow.keymap, flow.ctx(), &here, bar, buf, theme);
    form_area
}

fn main_pane(live: &Live, keys: &Keymap, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let cp = live.checkpoint();
    let ses = live.s();
    let w = (area.width as usize).saturating_sub(1).max(1);
    let mut y = area.y;
    let bottom = area.y + area.height;
    let mut put = |line: Line, y: &mut u16| {
        if *y < bottom {
            line.render(
                Rect {
                    y: *y,
                    height: 1,
                    ..area
                },
                buf,
            );
            *y += 1;
        }
    };
    // Purpose and prompts take at most about half of the pane.
    let budget = (area.height as usize / 2).max(3);
    let purpose = wrap(&cp.purpose, w, 3.min(budget));
    let used = purpose.len();
    for l in purpose {
        put(Line::styled(l, theme.title), &mut y);
    }
    let mut left = budget.saturating_sub(used);
    for p in &cp.prompts {
        if left == 0 {
            break;
        }
        let lines = wrap(p, w.saturating_sub(2).max(1), left);
        left = left.saturating_sub(lines.len());
        for (k, l) in lines.into_iter().enumerate() {
            put(
                Line::raw(format!("{}{l}", if k == 0 { "• " } else { "  " })),
                &mut y,
            );
        }
    }
    // A first look at the first checkpoint says where the words are explained.
    if ses.progress.current == 0 && ses.readings.is_empty() && ses.item_count() == 0 {
        let hint = s::glossary_hint(&keys.first_key(Ctx::Browse, Action::Help));
        // Whole, not cut at the pane's edge: it is read once.
        for l in wrap(&hint, w, 2) {
            put(Line::styled(l, theme.dim), &mut y);
        }
    }
    if live.asks_for_road() || ses.road.is_some() {
        let road = ses.road.map_or(s::ROAD_NOT_NAMED, |r| r.label());
        put(
            Line::from(vec![
                Span::styled(format!("{}: ", s::ROAD), theme.heading),
                Span::raw(road),
            ]),
            &mut y,
        );
    }
    if y < bottom {
        y += 1;
    }
    // Kind tabs: this checkpoint's kinds, then the one shown if it is another.
    let mut tabs: Vec<Span> = Vec::new();
    let mut kinds: Vec<ItemKind> = cp.collects.clone();
    if !kinds.contains(&live.kind) {
        kinds.push(live.kind);
    }
    for k in kinds {
        let label = format!(" {} ({}) ", k.heading(), ses.count(k));
        tabs.push(Span::styled(
            label,
            if k == live.kind {
                theme.selected
            } else {
                theme.heading
            },
        ));
        tabs.push(Span::raw(" "));
    }
    let other = s::other_kinds(&keys.first_key(Ctx::Browse, Action::KindNext));
    tabs.push(Span::styled(other, theme.dim));
    put(Line::from(tabs), &mut y);
    // Where the work is given back, the functions that own none of it yet.
    let gives_work = cp.collects.iter().any(|k| !k.statuses().is_empty());
    let exempted = if gives_work && y < bottom {
        ses.exempted()
    } else {
        Vec::new()
    };
    if !exempted.is_empty() {
        let text = s::exempted(&exempted.join(", "));
        put(
            Line::styled(trunc(&text, area.width as usize), theme.notice),
            &mut y,
        );
    }
    if y >= bottom {
        return;
    }
    let rest = bottom - y;
    // The list takes what it needs; the selected item's details get the rest.
    let n = ses.count(live.kind) as u16;
    let is_map = matches!(live.kind, ItemKind::Polarity | ItemKind::Customer);
    let detail_h = if rest >= 8 && n > 0 && is_map {
        // A map is a grid: it needs the room more than the list does.
        rest.saturating_sub(n.min(3))
    } else if rest >= 8 && n > 0 {
        rest.saturating_sub(n.max(3)).clamp(4, rest / 2 + 2)
    } else {
        0
    };
    let list = Rect {
        y,
        height: rest - detail_h,
        ..area
    };
    items::render_list(ses, live.kind, live.selected(), list, buf, theme);
    if detail_h > 0 {
        let d = Rect {
            y: list.y + list.height,
            height: detail_h,
            ..area
        };
        let sep = "─".repeat(area.width as usize);
        Line::styled(sep, theme.dim).render(Rect { height: 1, ..d }, buf);
        items::render_details(
            ses,
            live.kind,
            live.selected(),
            Rect {
                y: d.y + 1,
                height: d.height - 1,
                ..d
            },
            buf,
            theme,
        );
    }
}
