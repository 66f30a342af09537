//! Drawing: every screen renders from the flow's state, nothing else, and
//! only looks at what fits on screen.

pub mod checkpoint;
pub mod colour_depth;
pub mod contrast;
pub mod form;
pub mod gauge;
pub mod glyphs;
pub mod help;
pub mod items;
pub mod join;
pub mod keybar;
pub mod picker;
pub mod projector;
pub mod report_lines;
pub mod review;
pub mod review_compare;
pub mod review_parts;
pub mod review_session;
pub mod start;
pub mod theme;
pub mod too_small;
pub mod unsaved;
pub mod wall;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::flow::form::{Value, char_count};
use crate::flow::{Flow, Focus, Live, Notice, Room, SaveState, Tone};
use crate::keymap::{Action, Ctx};
use crate::strings as s;
use theme::Theme;

/// Below this the layout breaks; a message asks for more room instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// The whole screen, drawn from the flow.
pub struct Screen<'a> {
    pub flow: &'a Flow,
    pub theme: &'a Theme,
}

impl Widget for &Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
        if self.theme.ascii {
            glyphs::to_ascii(area, buf);
        }
    }
}

impl Screen<'_> {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        let (flow, theme) = (self.flow, self.theme);
        fill(buf, area, theme.base);
        if let Some(live) = flow.live()
            && (flow.projector || flow.room != Room::Shown)
        {
            projector_screen(flow, live, area, buf, theme);
        } else if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            // `?` works in a small window too (below): the help scrolls.
            too_small::render(area, buf, theme);
        } else {
            match &flow.screen {
                crate::flow::Screen::Start => start::render(flow, area, buf, theme),
                crate::flow::Screen::Review(r) => review::render(flow, r, area, buf, theme),
                crate::flow::Screen::Live(live) => {
                    let live: &Live = live;
                    let main = checkpoint::render(flow, live, area, buf, theme);
                    if flow.preview {
                        preview(flow, live, area, buf, theme);
                    }
                    match &live.mode {
                        Focus::Form(f) => form::render_popup(f, &flow.keymap, main, buf, theme),
                        Focus::Picker(p) => picker::render(p, area, buf, theme),
                        Focus::Reading(p) => {
                            gauge::render_prompt(p, live.s(), &flow.keymap, area, buf, theme)
                        }
                        Focus::Band(_) | Focus::Browse => {}
                    }
                    join_overlays(flow, live, main, buf, theme);
                }
            }
        }
        if flow.help {
            help::render_for(
                &flow.keymap,
                flow.base_ctx(),
                flow.solo(),
                flow.help_scroll,
                area,
                buf,
                theme,
            );
        }
        quit_ask(flow, area, buf, theme);
    }
}

/// Over every view: quitting waits for this answer.
fn quit_ask(flow: &Flow, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if let Some(ask) = &flow.quit_ask {
        unsaved::render(flow, ask, area, buf, theme);
    }
}

/// The projector view, or the room's blank or frozen view with the
/// facilitator's reminder in a corner. Forms and pickers open over the
/// projector view, but never over a blanked or frozen one.
fn projector_screen(flow: &Flow, live: &Live, area: Rect, buf: &mut Buffer, theme: &Theme) {
    // Only what the facilitator must not miss reaches the room's view, as a
    // quiet line: a failed save, a broken config file.
    let note = match (&flow.save, &flow.notice) {
        (SaveState::Failed { .. }, _) => Some(format!("{} · {}", s::SAVE_FAILED, s::RETRYING)),
        (SaveState::Stopped { .. }, _) => {
            Some(format!("{} · {}", s::AUTOSAVE_STOPPED, s::NOT_ON_DISK))
        }
        (
            _,
            Some(Notice {
                text,
                tone: Tone::Error,
            }),
        ) => Some(text.clone()),
        _ => None,
    };
    let reminder = match &flow.room {
        Room::Shown => {
            let frame = projector::Frame::from_live(live, flow.now);
            projector::render(&frame, &flow.wall_pages, note.as_deref(), area, buf, theme);
            // The room may see the join address; never the queue.
            if flow.join.card
                && let Some(url) = &flow.join.url
            {
                join::render_card(url, area, buf, theme);
            }
            match &live.mode {
                Focus::Form(f) => form::render_popup(f, &flow.keymap, area, buf, theme),
                Focus::Picker(p) => picker::render(p, area, buf, theme),
                Focus::Reading(p) => {
                    gauge::render_prompt(p, live.s(), &flow.keymap, area, buf, theme);
                }
                Focus::Band(_) | Focus::Browse => {}
            }
            None
        }
        Room::Blanked => {
            projector::render_blank(area, buf, theme);
            Some(s::blanked(
                &flow.keymap.first_key(Ctx::Browse, Action::Blank),
            ))
        }
        Room::Frozen(frame) => {
            projector::render(frame, &flow.wall_pages, None, area, buf, theme);
            Some(s::frozen(
                &flow.keymap.first_key(Ctx::Browse, Action::Freeze),
            ))
        }
    };
    if let Some(text) = reminder {
        // The marker names the form and field: typing blind, the facilitator
        // must know where the keys go.
        let text = match (&live.mode, &live.held) {
            (Focus::Form(f), _) => {
                let typed: usize = f
                    .fields
                    .iter()
                    .map(|fl| match &fl.value {
                        Value::Text { area, .. } => char_count(area),
                        _ => 0,
                    })
                    .sum();
                let field = f.fields.get(f.focus).map_or("", |fl| fl.label);
                format!("{} · {text}", s::typing_into(&f.title, field, typed))
            }
            (_, Some(f)) => format!("{} · {text}", s::held_blind(&f.title)),
            _ => text,
        };
        projector::render_indicator(&text, area, buf, theme);
    }
}

/// The join address (while shown) and the moderation queue (while open).
fn join_overlays(flow: &Flow, live: &Live, area: Rect, buf: &mut Buffer, theme: &Theme) {
    if !matches!(live.mode, Focus::Browse) {
        return;
    }
    if flow.join.queue.is_some() {
        join::render_queue(flow, &live.session, area, buf, theme);
    } else if flow.join.card
        && let Some(url) = &flow.join.url
    {
        join::render_card_noted(
            url,
            &join::card_notes(&flow.join, &flow.keymap),
            area,
            buf,
            theme,
        );
    }
}

/// The facilitator's small preview of what the room sees, bottom right,
/// above the notice line and the key bar.
fn preview(flow: &Flow, live: &Live, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let w = 44.min(area.width / 2);
    let h = 12.min(area.height.saturating_sub(4));
    let rect = Rect {
        x: area.x + area.width - w,
        y: (area.y + area.height).saturating_sub(h + 2),
        width: w,
        height: h,
    };
    ratatui::widgets::Clear.render(rect, buf);
    let block = ratatui::widgets::Block::bordered().title(ratatui::text::Line::styled(
        format!(" {} ", s::PREVIEW_TITLE),
        theme.title,
    ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    match &flow.room {
        Room::Shown => {
            let frame = projector::Frame::from_live(live, flow.now);
            projector::render_preview(&frame, &flow.wall_pages, inner, buf, theme);
        }
        Room::Blanked => {
            projector::render_blank(inner, buf, theme);
            let text = s::blanked(&flow.keymap.first_key(Ctx::Browse, Action::Blank));
            projector::render_indicator(&text, inner, buf, theme);
        }
        Room::Frozen(frame) => {
            projector::render_preview(frame, &flow.wall_pages, inner, buf, theme);
            let text = s::frozen(&flow.keymap.first_key(Ctx::Browse, Action::Freeze));
            projector::render_indicator(&text, inner, buf, theme);
        }
    }
}

/// `buf.set_style(area, style)` a row at a time. ratatui's looks every cell
/// up by its position; for the whole screen, every frame, that was a sixth
/// of the start screen's drawing.
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    // Beside the buffer the intersection is empty but may keep a height.
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + area.width as usize] {
            cell.set_style(style);
        }
    }
}

/// A rectangle of at most `w`×`h`, centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Cut the top `h` rows off `rest` and return them. Screens are fixed bands
/// of rows around one flexible body, so plain arithmetic does it; ratatui's
/// constraint solver cost 200 µs the first time, a quarter of the first frame.
pub fn take_top(rest: &mut Rect, h: u16) -> Rect {
    let h = h.min(rest.height);
    let top = Rect { height: h, ..*rest };
    rest.y += h;
    rest.height -= h;
    top
}

/// Cut the bottom `h` rows off `rest` and return them.
pub fn take_bottom(rest: &mut Rect, h: u16) -> Rect {
    let h = h.min(rest.height);
    rest.height -= h;
    Rect {
        y: rest.y + rest.height,
        height: h,
        ..*rest
    }
}

/// Cut the right `w` columns off `rest` and return them.
pub fn take_right(rest: &mut Rect, w: u16) -> Rect {
    let w = w.min(rest.width);
    rest.width -= w;
    Rect {
        x: rest.x + rest.width,
        width: w,
        ..*rest
    }
}

/// The first row to show so that `sel` is visible in `height` rows.
pub fn window_start(sel: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        sel.saturating_sub(height - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_styles_exactly_what_set_style_does() {
        use ratatui::style::{Color, Modifier};
        let style = Style::new()
            .fg(Color::Black)
            .bg(Color::White)
            .add_modifier(Modifier::BOLD);
        let area = Rect::new(3, 2, 20, 8);
        // Inside, partly outside, and wholly outside the buffer.
        for target in [
            Rect::new(5, 3, 6, 4),
            Rect::new(18, 7, 10, 10),
            Rect::new(40, 40, 5, 5),
            Rect::new(40, 3, 5, 2),
            Rect::new(4, 30, 5, 2),
        ] {
            let mut ours = Buffer::empty(area);
            let mut theirs = Buffer::empty(area);
            ours.set_string(4, 3, "some text", Style::new().fg(Color::Red));
            theirs.set_string(4, 3, "some text", Style::new().fg(Color::Red));
            fill(&mut ours, target, style);
            theirs.set_style(target, style);
            assert_eq!(ours, theirs, "{target:?}");
        }
    }

    #[test]
    fn bands_are_cut_from_the_edges_and_never_overflow() {
        let mut rest = Rect::new(2, 3, 40, 10);
        let top = take_top(&mut rest, 2);
        let bottom = take_bottom(&mut rest, 1);
        let right = take_right(&mut rest, 15);
        assert_eq!(top, Rect::new(2, 3, 40, 2));
        assert_eq!(bottom, Rect::new(2, 12, 40, 1));
        assert_eq!(right, Rect::new(27, 5, 15, 7));
        assert_eq!(rest, Rect::new(2, 5, 25, 7));
        // Asking for more than is left takes what is left.
        let all = take_bottom(&mut rest, 99);
        assert_eq!(all, Rect::new(2, 5, 25, 7));
        assert_eq!(rest.height, 0);
        assert_eq!(take_top(&mut rest, 1).height, 0);
    }
}
