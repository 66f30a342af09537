//! The tension gauge: the level on the 0..=10 scale against the productive
//! band, zones named in words, the last move, and a sparkline of readings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Sparkline, Widget};

use super::theme::Theme;
use crate::flow::{BandEdit, ReadingPrompt};
use crate::keymap::{Action as A, Ctx, Keymap};
use crate::session::*;
use crate::strings as s;
use crate::text::{trunc, wrap};

fn zone_style(theme: &Theme, z: Zone) -> Style {
    match z {
        Zone::TooCold => theme.cold,
        Zone::Productive => theme.productive,
        Zone::TooHot => theme.hot,
    }
}

/// The middle level of a zone, where its name is written.
fn label_row(band: Band) -> [(u8, Zone); 3] {
    let hot = (band.high + 1 + SCALE_MAX) / 2;
    let cold = band.low.saturating_sub(1) / 2;
    [
        (hot, Zone::TooHot),
        ((band.low + band.high) / 2, Zone::Productive),
        (cold, Zone::TooCold),
    ]
}

pub fn render(ses: &Session, edit: Option<BandEdit>, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let block = Block::bordered().title(Line::styled(format!(" {} ", s::TENSION), theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width < 10 {
        return;
    }
    let band = ses.band;
    // Before the first reading there is no level, and so no verdict.
    let level = ses.reading_level();
    let w = inner.width as usize;
    let mut rows: Vec<Line> = Vec::new();
    let scale_rows = SCALE_MAX as u16 + 1;
    let vertical = inner.height >= scale_rows + 5;
    if vertical {
        let labels = label_row(band);
        for lv in (0..=SCALE_MAX).rev() {
            let z = band.zone(lv);
            let in_band = z == Zone::Productive;
            let (l, r) = if in_band {
                ("┃", "┃")
            } else {
                ("│", "│")
            };
            let fill = if Some(lv) == level {
                "◆◆◆"
            } else if in_band {
                "░░░"
            } else {
                "   "
            };
            let edge = match edit {
                Some(e) if (e.upper && lv == band.high) || (!e.upper && lv == band.low) => "▶",
                _ => " ",
            };
            let mut spans = vec![
                Span::raw(format!("{edge}{lv:>2} ")),
                Span::styled(format!("{l}{fill}{r}"), zone_style(theme, z)),
            ];
            if Some(lv) == level {
                spans.push(Span::styled(" ◀ now", theme.marker));
            } else if let Some((_, zz)) = labels
                .iter()
                .find(|(row, zz)| *row == lv && band.zone(lv) == *zz)
            {
                spans.push(Span::styled(
                    format!(" {}", zz.label()),
                    zone_style(theme, *zz),
                ));
            }
            rows.push(Line::from(spans));
        }
    } else {
        // One row: a cell per level.
        let mut spans = vec![Span::raw("0 ")];
        for lv in 0..=SCALE_MAX {
            let z = band.zone(lv);
            let c = if Some(lv) == level {
                "◆"
            } else if z == Zone::Productive {
                "░"
            } else {
                "·"
            };
            spans.push(Span::styled(c, zone_style(theme, z)));
        }
        spans.push(Span::raw(format!(" {SCALE_MAX}")));
        rows.push(Line::from(spans));
    }
    match level {
        Some(level) => {
            let zone = band.zone(level);
            rows.push(Line::from(vec![
                Span::raw(format!("{} {level}: ", s::LEVEL)),
                Span::styled(zone.label(), zone_style(theme, zone)),
            ]));
        }
        None => rows.push(Line::styled(s::NO_READING_YET, theme.dim)),
    }
    let band_line = match edit {
        Some(e) => format!(
            "{} {}..{} · moving {}",
            s::BAND,
            band.low,
            band.high,
            if e.upper { "upper" } else { "lower" }
        ),
        None => format!("{} {}..{}", s::BAND, band.low, band.high),
    };
    rows.push(Line::raw(trunc(&band_line, w)));
    if ses.room_gauge != GaugeShow::default() {
        rows.push(Line::styled(
            trunc(&s::room_sees(ses.room_gauge.label()), w),
            theme.dim,
        ));
    }
    rows.extend(super::join::spread_lines(ses, theme));
    // Before the first reading the level's row already says so.
    if let Some(r) = ses.readings.last() {
        let last = if r.kind == ReadingKind::Observation {
            format!("{}: {}", s::LAST_MOVE, r.label())
        } else {
            let tactic = r
                .tactic
                .as_deref()
                .and_then(|t| ses.workshop.tactic(t))
                .map_or(s::NO_TACTIC, |t| t.name.as_str());
            format!("{}: {} · {}", s::LAST_MOVE, r.label(), tactic)
        };
        rows.extend(wrap(&last, w, 2).into_iter().map(Line::raw));
    }
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    for line in rows {
        if y >= bottom {
            return;
        }
        line.render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
        y += 1;
    }
    // The sparkline: only the readings that fit.
    if y + 1 < bottom && !ses.readings.is_empty() {
        let n = ses.readings.len();
        let take = w.min(n);
        let data: Vec<u64> = ses.readings[n - take..]
            .iter()
            .map(|r| r.level as u64 + 1)
            .collect();
        Line::styled(format!("{} ({n})", s::READINGS), theme.dim).render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
        y += 1;
        let h = (bottom - y).min(2);
        Sparkline::default()
            .data(&data)
            .max(SCALE_MAX as u64 + 1)
            .render(
                Rect {
                    y,
                    height: h,
                    ..inner
                },
                buf,
            );
        y += h;
    }
    // A quiet word when the heat went down right after a gadfly spoke.
    if let Some(r) = ses.readings.last()
        && let Some(id) = r.after_gadfly
        && y < bottom
    {
        let text = format!("{} (idea #{id})", s::SILENCING);
        for l in wrap(&text, w, (bottom - y) as usize) {
            Line::styled(l, theme.quiet).render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
            y += 1;
        }
    }
}

/// "The room is at: _": the level typed so far, and the phones' median
/// when there is one.
pub fn render_prompt(
    p: &ReadingPrompt,
    ses: &Session,
    keys: &Keymap,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let rect = super::centered(area, 60.min(area.width.saturating_sub(4)), 6);
    ratatui::widgets::Clear.render(rect, buf);
    let block = Block::bordered()
        .border_style(theme.popup)
        .title(Line::styled(format!(" {} ", s::READING_TITLE), theme.title));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let w = inner.width as usize;
    let spread = ses.participant_spread(ses.current_checkpoint_id());
    let key = |a: A| keys.first_key(Ctx::Reading, a);
    let lines = [
        Line::from(vec![
            Span::raw(s::READING_PROMPT),
            Span::styled(format!("{}_", p.typed), theme.marker),
        ]),
        Line::styled(
            trunc(&s::reading_hint(&key(A::Accept), &key(A::Cancel)), w),
            theme.dim,
        ),
        Line::styled(
            trunc(
                &s::median_hint(spread.median(), spread.total(), &key(A::RoomMedian)),
                w,
            ),
            theme.dim,
        ),
    ];
    for (k, l) in lines.into_iter().enumerate() {
        if k as u16 >= inner.height {
            break;
        }
        l.render(
            Rect {
                y: inner.y + k as u16,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}
