//! What the review screens share: the footer, one line at a row, a laid-out
//! line in its styles, the sparkline and a zone's colour. Kept apart so that the list, the session and
//! the compare screens import it without importing each other.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::keybar;
use super::theme::Theme;
use crate::flow::{Flow, Tone};
use crate::review::lines;
use crate::session::Zone;
use crate::text::trunc;

const SPARK: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub fn zone_style(theme: &Theme, z: Zone) -> Style {
    match z {
        Zone::TooCold => theme.cold,
        Zone::Productive => theme.productive,
        Zone::TooHot => theme.hot,
    }
}

/// Levels 0..=10 as block heights, the last `width` of them.
pub fn sparkline(levels: &[u8], width: usize) -> String {
    let skip = levels.len().saturating_sub(width);
    levels[skip..]
        .iter()
        .map(|&l| SPARK[(l.min(10) as usize * 7).div_ceil(10)])
        .collect()
}

/// One line at row `y` of `area` (nothing when it falls outside).
pub fn put(line: Line, area: Rect, y: u16, buf: &mut Buffer) {
    if y < area.height {
        line.render(
            Rect {
                y: area.y + y,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

/// The last two rows of every review screen: a notice, then the key bar.
pub fn footer(flow: &Flow, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (w, h) = (area.width as usize, area.height);
    if let Some(n) = &flow.notice {
        let style = if n.tone == Tone::Error {
            theme.error
        } else {
            theme.notice
        };
        put(
            Line::styled(trunc(&n.text, w), style),
            area,
            h.saturating_sub(2),
            buf,
        );
    }
    keybar::render(
        &flow.keymap,
        flow.ctx(),
        Rect {
            y: area.y + h.saturating_sub(1),
            height: 1,
            ..area
        },
        buf,
        theme,
    );
}

/// A laid-out line in the theme's styles.
pub fn line<'a>(pieces: lines::Line, theme: &Theme) -> Line<'a> {
    Line::from(
        pieces
            .into_iter()
            .map(|(t, tone)| {
                let style = match tone {
                    lines::Tone::Base => theme.base,
                    lines::Tone::Dim => theme.dim,
                    lines::Tone::Heading => theme.heading,
                    lines::Tone::Title => theme.title,
                    lines::Tone::Zone(z) => zone_style(theme, z),
                };
                Span::styled(t, style)
            })
            .collect::<Vec<_>>(),
    )
}
