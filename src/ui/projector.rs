//! The projector view: what the room reads from the back. The checkpoint's
//! title and prompts, the balcony / dance-floor marker, the timebox and the
//! tension, drawn big when the window allows. No facilitator notes, no key
//! bar, no spinners. It draws from a [`Frame`], a small copy of what the room
//! may see, so the live view, a frozen view and `balcony present` share it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::wall;
pub use crate::flow::frame::{Frame, clock_stale};
use crate::flow::wall_layout::{self, PageCache, big_w};
use crate::session::{GaugeShow, SCALE_MAX, Zone};
use crate::strings as s;
use crate::text::clock;
use crate::text::{trunc, wrap};
use crate::workshop::Place;

/// How big the text is drawn: chosen from the window's size on every draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// 8×8 cells a letter.
    Full,
    /// 8×4 cells a letter.
    Half,
    /// Bold plain text, with a hint to zoom out.
    Plain,
}

impl Scale {
    fn pixel(self) -> PixelSize {
        match self {
            Scale::Full => PixelSize::Full,
            _ => PixelSize::HalfHeight,
        }
    }

    fn glyph_h(self) -> u16 {
        match self {
            Scale::Full => 8,
            _ => 4,
        }
    }
}

/// Columns between the clock and the level.
const GAP: u16 = 6;

/// A word or symbol for each zone, so colour never carries it alone.
pub fn zone_mark(z: Zone) -> &'static str {
    match z {
        Zone::TooCold => "▽",
        Zone::Productive => "◆",
        Zone::TooHot => "▲",
    }
}

fn zone_style(theme: &Theme, z: Zone) -> Style {
    match z {
        Zone::TooCold => theme.cold,
        Zone::Productive => theme.productive,
        Zone::TooHot => theme.hot,
    }
}

fn place_style(theme: &Theme, p: Place) -> Style {
    match p {
        Place::Balcony => theme.balcony,
        Place::DanceFloor => theme.dance_floor,
    }
}

/// The big clock: "12:05" while time is left, "+1:30" when over.
fn clock_text(f: &Frame) -> String {
    if f.remaining < 0 {
        format!("+{}", clock(-f.remaining))
    } else {
        clock(f.remaining)
    }
}

/// The place word as big lines: on one line when it fits, else a word a line.
fn place_lines(f: &Frame, width: u16) -> Vec<String> {
    let word = f.place.label();
    if big_w(word) <= width {
        vec![word.to_string()]
    } else {
        word.split(' ').map(str::to_string).collect()
    }
}

/// Rows a layout at this scale needs, and columns.
fn needs(f: &Frame, scale: Scale, width: u16) -> (u16, u16) {
    let place = place_lines(f, width);
    let place_w = place.iter().map(|l| big_w(l)).max().unwrap_or(0);
    let stats_w = big_w(&clock_text(f)) + GAP + big_w(&f.level_text());
    let w = place_w.max(stats_w);
    let gh = scale.glyph_h();
    // place, title, every prompt, a gap, clock and level, their words, the gauge
    let gauge = u16::from(f.gauge != GaugeShow::Nothing);
    let prompts = prompt_lines(f, width).len().max(1) as u16;
    let h = place.len() as u16 * gh + 1 + prompts + 1 + gh + 1 + gauge;
    (w, h)
}

/// Every prompt, each in at most three lines: a scale that cannot show them
/// all is too big for the window.
fn prompt_lines(f: &Frame, width: u16) -> Vec<String> {
    f.prompts
        .iter()
        .flat_map(|p| wrap(p, width as usize, 3))
        .collect()
}

/// The scale for a window: the biggest that fits whole.
pub fn scale_for(f: &Frame, inner: Rect) -> Scale {
    for scale in [Scale::Full, Scale::Half] {
        let (w, h) = needs(f, scale, inner.width);
        if w <= inner.width && h <= inner.height {
            return scale;
        }
    }
    Scale::Plain
}

/// A one-row tension scale: a cell group per level, the band shaded and the
/// level marked with a symbol as well as colour.
/// With the level only, the band and the zones' colours are left out: they
/// are the verdict.
fn gauge_line(f: &Frame, width: u16, theme: &Theme) -> Line<'static> {
    let levels = SCALE_MAX as u16 + 1;
    let cell = ((width.saturating_sub(8)) / levels).clamp(1, 4) as usize;
    let verdict = f.gauge == GaugeShow::LevelAndVerdict;
    let mut spans = vec![Span::raw("0 ")];
    for lv in 0..=SCALE_MAX {
        let z = f.band.zone(lv);
        let here = f.level == Some(lv);
        let c = if here {
            "█"
        } else if z == Zone::Productive && verdict {
            "░"
        } else {
            "·"
        };
        let base = if verdict {
            zone_style(theme, z)
        } else {
            theme.dim
        };
        let st = if here { base.patch(theme.marker) } else { base };
        spans.push(Span::styled(c.repeat(cell), st));
    }
    spans.push(Span::raw(format!(" {SCALE_MAX}")));
    Line::from(spans)
}

/// The tension in words, as much as the room is to see: nothing at all,
/// "no reading yet", the level, or the level with its zone and the band.
fn tension_words(f: &Frame) -> String {
    match (f.gauge, f.level) {
        (GaugeShow::Nothing, _) => String::new(),
        (_, None) => format!("{} · {}", s::TENSION_WORD, s::NO_READING_YET),
        (GaugeShow::LevelOnly, Some(l)) => format!("{} {l}", s::TENSION_WORD),
        (GaugeShow::LevelAndVerdict, Some(l)) => {
            let z = f.band.zone(l);
            format!(
                "{} {l} · {} {} · {} {}–{}",
                s::TENSION_WORD,
                zone_mark(z),
                z.label().to_uppercase(),
                s::BAND,
                f.band.low,
                f.band.high
            )
        }
    }
}

/// The style of the tension's words and level: the zone's, when shown.
fn level_style(f: &Frame, theme: &Theme) -> Style {
    match f.zone() {
        Some(z) => theme.title.patch(zone_style(theme, z)),
        None => theme.title,
    }
}

fn time_words(f: &Frame) -> (String, bool) {
    let mut out = if f.remaining < 0 {
        format!("{} · {} {}", s::TIME_UP, s::OVER_BY, clock(-f.remaining))
    } else {
        format!("{} {}", clock(f.remaining), s::LEFT)
    };
    if f.paused {
        out = format!("{} · {out}", s::PAUSED_TAG);
    }
    (out, f.remaining < 0)
}

/// Draws the projector view. `note` is a quiet line at the bottom (a file
/// that could not be read just now, a config warning). `cache` keeps the
/// wall's pages between frames.
pub fn render(
    f: &Frame,
    cache: &PageCache,
    note: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    render_with(f, cache, note, true, area, buf, theme);
}

/// The facilitator's small preview: the same view, without the zoom hint.
pub fn render_preview(f: &Frame, cache: &PageCache, area: Rect, buf: &mut Buffer, theme: &Theme) {
    render_with(f, cache, None, false, area, buf, theme);
}

fn render_with(
    f: &Frame,
    cache: &PageCache,
    note: Option<&str>,
    hint: bool,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    super::fill(buf, area, theme.base);
    let inner = framed(f, area, buf, theme);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let body = match note {
        Some(n) if inner.height >= 2 => {
            let row = Rect {
                y: inner.y + inner.height - 1,
                height: 1,
                ..inner
            };
            Line::styled(trunc(n, row.width as usize), theme.quiet).render(row, buf);
            Rect {
                height: inner.height - 1,
                ..inner
            }
        }
        _ => inner,
    };
    if shows_wall(f) {
        return wall_view(f, cache, body, buf, theme);
    }
    match scale_for(f, body) {
        Scale::Plain => plain(f, hint, body, buf, theme),
        scale => big(f, scale, body, buf, theme),
    }
}

/// The border, drawn when there is room for it; the area inside it.
fn framed(f: &Frame, area: Rect, buf: &mut Buffer, theme: &Theme) -> Rect {
    if !wall_layout::bordered(area) {
        return area;
    }
    let border = match f.place {
        Place::Balcony => theme.balcony_border,
        Place::DanceFloor => theme.dance_border,
    };
    let title = format!(" {} {}/{} ", s::CHECKPOINT, f.n, f.total);
    let block = Block::bordered()
        .border_type(border)
        .border_style(place_style(theme, f.place))
        .title(Line::styled(title, theme.title));
    block.render(area, buf);
    wall_layout::inside(area)
}

/// Whether the wall is shown: something was captured here, or an item is
/// in the spotlight.
fn shows_wall(f: &Frame) -> bool {
    f.wall.spotlit().is_some() || f.wall.has_items()
}

/// The wall: the checkpoint and its clock and gauge in a few rows, then
/// what the room captured here, a page at a time.
fn wall_view(f: &Frame, cache: &PageCache, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let w = body.width as usize;
    let (big_title, _) = wall_layout::head(f, body);
    let (head, items, foot) = wall_layout::split(f, body);
    let mut rows = Rows {
        area: head,
        y: head.y,
        buf,
    };
    let pst = place_style(theme, f.place);
    let shape = match f.place {
        Place::Balcony => "‖",
        Place::DanceFloor => "▌",
    };
    let place = format!("{shape} {} {shape} ", f.place.label());
    if big_title {
        rows.big(&f.title, theme.title, Scale::Half, 0);
        rows.put(Line::from(vec![
            Span::styled(place, pst.patch(theme.marker)),
            Span::raw(format!(" {}/{}", f.n, f.total)),
        ]));
    } else {
        let rest = w.saturating_sub(place.width());
        rows.put(Line::from(vec![
            Span::styled(trunc(&place, w), pst.patch(theme.marker)),
            Span::styled(
                format!(" {}", trunc(&f.title, rest.saturating_sub(1))),
                theme.title,
            ),
        ]));
    }
    let (time, over) = time_words(f);
    let tension = tension_words(f);
    let mut spans = vec![Span::styled(
        time.clone(),
        if over { theme.time_up } else { theme.title },
    )];
    if !tension.is_empty() {
        spans.push(Span::raw("   "));
        spans.push(Span::styled(tension, level_style(f, theme)));
    }
    rows.put(Line::from(spans));
    if rows.left() > 0 {
        rows.put(gauge_line(f, body.width, theme));
    }
    let shown = wall::render(&f.wall, cache, items, rows.buf, theme);
    // The footer: the first prompt, and which page this is.
    let mark = match shown {
        Some((page, pages)) if pages > 1 => s::wall_page(page + 1, pages),
        _ => String::new(),
    };
    let prompt_w = w.saturating_sub(mark.width() + 2);
    if let Some(p) = f.prompts.first() {
        Line::styled(trunc(p, prompt_w), theme.dim).render(foot, rows.buf);
    }
    Paragraph::new(Line::styled(mark, theme.heading))
        .alignment(Alignment::Right)
        .render(foot, rows.buf);
}

/// Puts lines one under the other, stopping at the bottom.
struct Rows<'b> {
    area: Rect,
    y: u16,
    buf: &'b mut Buffer,
}

impl Rows<'_> {
    fn left(&self) -> u16 {
        (self.area.y + self.area.height).saturating_sub(self.y)
    }

    fn put(&mut self, line: Line) {
        if self.left() > 0 {
            line.render(
                Rect {
                    y: self.y,
                    height: 1,
                    ..self.area
                },
                self.buf,
            );
            self.y += 1;
        }
    }

    fn big(&mut self, text: &str, style: Style, scale: Scale, x: u16) {
        let h = scale.glyph_h();
        if self.left() < h {
            return;
        }
        let rect = Rect {
            x: self.area.x + x,
            y: self.y,
            width: big_w(text).min(self.area.width.saturating_sub(x)),
            height: h,
        };
        BigText::builder()
            .pixel_size(scale.pixel())
            .style(style)
            .lines(vec![Line::from(text.to_string())])
            .build()
            .render(rect, self.buf);
        self.y += h;
    }
}

fn big(f: &Frame, scale: Scale, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let w = area.width as usize;
    let (_, need) = needs(f, scale, area.width);
    let mut spare = area.height.saturating_sub(need);
    // Spare rows go to a big title (full scale only), then the prompts; what
    // is left centres the whole.
    let big_title = scale == Scale::Full && big_w(&f.title) <= area.width && spare >= 5;
    if big_title {
        spare -= 4;
    }
    let prompt_lines = prompt_lines(f, area.width);
    let mut rows = Rows {
        area,
        y: area.y + spare / 2,
        buf,
    };
    for l in place_lines(f, area.width) {
        rows.big(&l, theme.title.patch(place_style(theme, f.place)), scale, 0);
    }
    if big_title {
        rows.big(&f.title, theme.title, Scale::Half, 0);
    } else {
        rows.put(Line::styled(trunc(&f.title, w), theme.title));
    }
    for l in prompt_lines {
        rows.put(Line::raw(l));
    }
    rows.y += 1;
    // The clock and the level, side by side.
    let clock_txt = clock_text(f);
    let level_txt = f.level_text();
    let clock_style = if f.remaining < 0 {
        theme.time_up
    } else {
        theme.title
    };
    let level_x = big_w(&clock_txt) + GAP;
    let top = rows.y;
    rows.big(&clock_txt, clock_style, scale, 0);
    rows.y = top;
    if !level_txt.is_empty() {
        rows.big(&level_txt, level_style(f, theme), scale, level_x);
    } else {
        rows.y += scale.glyph_h();
    }
    // Words under each: time left or TIME UP; the zone and band.
    let (time, over) = time_words(f);
    let label_row = Rect {
        y: rows.y,
        height: 1,
        ..area
    };
    if rows.left() > 0 {
        Line::styled(
            trunc(&time, level_x as usize - 1),
            if over { theme.time_up } else { theme.title },
        )
        .render(
            Rect {
                width: level_x - 1,
                ..label_row
            },
            rows.buf,
        );
        Line::styled(
            trunc(&tension_words(f), (area.width - level_x) as usize),
            level_style(f, theme),
        )
        .render(
            Rect {
                x: area.x + level_x,
                width: area.width - level_x,
                ..label_row
            },
            rows.buf,
        );
        rows.y += 1;
    }
    if f.gauge != GaugeShow::Nothing {
        rows.put(gauge_line(f, area.width, theme));
    }
}

fn plain(f: &Frame, hint: bool, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let w = area.width as usize;
    let mut rows = Rows {
        area,
        y: area.y,
        buf,
    };
    let pst = place_style(theme, f.place);
    // The place word and its shape: ‖ for the balcony, ▌ for the dance floor.
    let shape = match f.place {
        Place::Balcony => "‖",
        Place::DanceFloor => "▌",
    };
    let head = format!("{shape} {} {shape}", f.place.label());
    rows.put(Line::from(vec![
        Span::styled(head, pst.patch(theme.marker)),
        Span::raw(format!("  {}/{}", f.n, f.total)),
    ]));
    // The hint goes last but its row is kept.
    let keep = 3u16.min(rows.left().saturating_sub(1));
    let title_lines = wrap(&f.title, w, 2);
    for l in title_lines {
        if rows.left() <= keep {
            break;
        }
        rows.put(Line::styled(l, theme.title));
    }
    let (time, over) = time_words(f);
    rows.put(Line::styled(
        trunc(&time, w),
        if over { theme.time_up } else { theme.title },
    ));
    let tension = tension_words(f);
    if !tension.is_empty() {
        rows.put(Line::styled(trunc(&tension, w), level_style(f, theme)));
    }
    // Every prompt, each on its own lines, above the hint's row.
    for p in &f.prompts {
        let room = rows.left().saturating_sub(u16::from(hint)) as usize;
        for l in wrap(p, w, room) {
            rows.put(Line::raw(l));
        }
    }
    if hint && rows.left() > 0 {
        let hint = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        Paragraph::new(Line::styled(trunc(s::ZOOM_OUT, w), theme.dim))
            .alignment(Alignment::Right)
            .render(hint, rows.buf);
    }
}

/// What the room sees while the view is blanked: nothing but a calm word.
pub fn render_blank(area: Rect, buf: &mut Buffer, theme: &Theme) {
    super::fill(buf, area, theme.base);
    if area.height == 0 {
        return;
    }
    let row = Rect {
        y: area.y + area.height / 2,
        height: 1,
        ..area
    };
    Paragraph::new(Line::styled(s::BLANK_SCREEN, theme.dim))
        .alignment(Alignment::Center)
        .render(row, buf);
}

/// The facilitator's reminder, in the bottom-right corner, that the room is
/// blanked or frozen (and, while typing privately, that keys are taken).
pub fn render_indicator(text: &str, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let text = format!(" {text} ");
    let w = (text.width() as u16).min(area.width);
    let rect = Rect {
        x: area.x + area.width - w,
        y: area.y + area.height - 1,
        width: w,
        height: 1,
    };
    Line::styled(trunc(&text, w as usize), theme.marker).render(rect, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Band, Session};
    use crate::ui::wall::Wall;

    #[test]
    fn zones_and_places_have_words_and_symbols_not_just_colour() {
        let marks: Vec<&str> = [Zone::TooCold, Zone::Productive, Zone::TooHot]
            .into_iter()
            .map(zone_mark)
            .collect();
        assert_eq!(marks, ["▽", "◆", "▲"]);
        let mut f = Frame {
            n: 1,
            total: 2,
            place: Place::Balcony,
            title: "t".into(),
            prompts: vec![],
            remaining: -90,
            paused: false,
            level: Some(9),
            band: Band { low: 4, high: 7 },
            gauge: GaugeShow::LevelAndVerdict,
            wall: Wall::of(&Session::new(
                crate::workshop::Builtin::Default.workshop(),
                "t",
                "",
                chrono::DateTime::UNIX_EPOCH.fixed_offset(),
            )),
        };
        assert_eq!(tension_words(&f), "tension 9 · ▲ TOO HOT · band 4–7");
        assert_eq!(time_words(&f), ("TIME UP · over by 1:30".to_string(), true));
        f.level = Some(1);
        assert!(tension_words(&f).contains("▽ TOO COLD"));
        // What the room sees of the gauge is the facilitator's choice.
        f.gauge = GaugeShow::LevelOnly;
        assert_eq!(tension_words(&f), "tension 1");
        assert_eq!(f.zone(), None);
        f.gauge = GaugeShow::Nothing;
        assert_eq!(tension_words(&f), "");
        assert_eq!(f.level_text(), "");
        // Before the first reading: no level and no verdict.
        f.gauge = GaugeShow::LevelAndVerdict;
        f.level = None;
        assert_eq!(tension_words(&f), "tension · no reading yet");
        assert_eq!((f.zone(), f.level_text().as_str()), (None, ""));
        f.remaining = 65;
        f.paused = true;
        assert_eq!(time_words(&f).0, "PAUSED · 1:05 left");
    }
}
