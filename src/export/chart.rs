//! The tension timeline drawn as inline SVG for the HTML page: the level
//! against the band over the readings, in order. Shapes carry the move
//! (triangle up, triangle down, circle) and words name the zones, so nothing
//! depends on colour alone.
//!
//! Words go through maud; the shapes, which hold only numbers, are written
//! as they are (maud has no self-closing tags).

use maud::{PreEscaped, Render, html};

use super::report::{Point, Timeline};
use crate::session::{Move, SCALE_MAX};

const W: f64 = 760.0;
const H: f64 = 300.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 120.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 64.0;
/// Beyond this many readings the per-point numbers would overlap.
const LABEL_MAX: usize = 40;
/// Inset so the first and last markers are not cut by the plot's edges.
const INSET: f64 = 12.0;

fn y_of(level: f64) -> f64 {
    let ph = H - TOP - BOTTOM;
    TOP + ph * (1.0 - level.clamp(0.0, SCALE_MAX as f64) / SCALE_MAX as f64)
}

fn x_of(i: usize, n: usize) -> f64 {
    let pw = W - LEFT - RIGHT - 2.0 * INSET;
    if n <= 1 {
        LEFT + INSET + pw / 2.0
    } else {
        LEFT + INSET + pw * i as f64 / (n - 1) as f64
    }
}

/// A marker whose shape names the move: triangle up, triangle down, circle.
fn mark(m: Move, x: f64, y: f64, k: f64) -> PreEscaped<String> {
    let (tip, base) = match m {
        Move::Raise => (-6.0 * k, 4.0 * k),
        Move::Lower => (6.0 * k, -4.0 * k),
        Move::Hold => {
            return PreEscaped(format!(
                "<circle class=\"mark\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\"/>",
                4.5 * k
            ));
        }
    };
    PreEscaped(format!(
        "<path class=\"mark\" d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\"/>",
        y + tip,
        x + 5.5 * k,
        y + base,
        x - 5.5 * k,
        y + base
    ))
}

/// One decimal, as every coordinate is written.
fn at(v: f64) -> String {
    format!("{v:.1}")
}

/// The chart, in a figure with its caption. Never drawn without readings.
pub(super) struct Chart<'r, 'a>(pub &'r Timeline<'a>);

impl Render for Chart<'_, '_> {
    fn render_to(&self, o: &mut String) {
        let ps = &self.0.points;
        let (Some(first), Some(last)) = (ps.first(), ps.last()) else {
            return;
        };
        let n = ps.len();
        html! {
            figure {
                "\n"
                svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {W} {H}")) role="img"
                    aria-labelledby="tl-title tl-desc" {
                    "\n"
                    title id="tl-title" { "Tension timeline" } "\n"
                    desc id="tl-desc" {
                        (n) " readings from level " (first.level) " (" (first.zone.label())
                        ") to level " (last.level) " (" (last.zone.label())
                        "); the shaded band is the productive zone."
                    }
                    "\n"
                    (band(ps)) "\n"
                    @for level in (0..=SCALE_MAX).step_by(2) {
                        (PreEscaped(format!(
                            "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>",
                            W - RIGHT,
                            y = y_of(level as f64)
                        )))
                        text x=(at(LEFT - 6.0)) y=(at(y_of(level as f64) + 4.0)) text-anchor="end" { (level) }
                        "\n"
                    }
                    (zones(last))
                    (level_line(ps)) "\n"
                    @for (i, p) in ps.iter().enumerate() {
                        (reading(p, x_of(i, n), n)) "\n"
                    }
                    (legend(first, last))
                }
                "\n"
                figcaption {
                    "Tension level (0 to " (SCALE_MAX) ") at each reading, in order, against the \
                     productive zone (shaded). The same data is in the table of tension readings \
                     below."
                }
                "\n"
            }
            "\n"
        }
        .render_to(o)
    }
}

/// The band as each reading saw it: a step shape, since the band can be
/// edited during the session. Padded by half a step so readings on the
/// edges (which count as productive) sit inside the shading.
fn band(ps: &[Point]) -> PreEscaped<String> {
    use std::fmt::Write as _;
    let n = ps.len();
    let edges = |i: usize| -> (f64, f64) {
        let x = x_of(i, n);
        let half = if n <= 1 {
            0.0
        } else {
            (x_of(1, n) - x_of(0, n)) / 2.0
        };
        // The first and last steps reach the plot's edges.
        let a = if i == 0 { LEFT } else { x - half };
        let b = if i + 1 == n { W - RIGHT } else { x + half };
        (a, b)
    };
    let mut o = String::from("<polygon class=\"band\" points=\"");
    for (i, p) in ps.iter().enumerate() {
        let (a, b) = edges(i);
        let y = y_of(p.band.high as f64 + 0.5);
        let _ = write!(o, "{a:.1},{y:.1} {b:.1},{y:.1} ");
    }
    for (i, p) in ps.iter().enumerate().rev() {
        let (a, b) = edges(i);
        let y = y_of(p.band.low as f64 - 0.5);
        let _ = write!(o, "{b:.1},{y:.1} {a:.1},{y:.1} ");
    }
    o.push_str("\"/>");
    PreEscaped(o)
}

/// Zone names in words, beside the band as it stands at the end.
fn zones(last: &Point) -> maud::Markup {
    let zx = W - RIGHT + 8.0;
    let (lo, hi) = (last.band.low as f64, last.band.high as f64);
    let mid = |a: f64, b: f64| at((y_of(a) + y_of(b)) / 2.0 + 4.0);
    html! {
        @if last.band.high < SCALE_MAX {
            text x=(zx) y=(mid(hi + 0.5, SCALE_MAX as f64)) { "too hot" } "\n"
        }
        text x=(zx) y=(mid(lo - 0.5, hi + 0.5)) { "productive zone" } "\n"
        @if last.band.low > 0 {
            text x=(zx) y=(mid(0.0, lo - 0.5)) { "too cold" } "\n"
        }
    }
}

fn level_line(ps: &[Point]) -> PreEscaped<String> {
    use std::fmt::Write as _;
    let n = ps.len();
    let mut o = String::from("<polyline class=\"level\" points=\"");
    for (i, p) in ps.iter().enumerate() {
        let _ = write!(o, "{:.1},{:.1} ", x_of(i, n), y_of(p.level as f64));
    }
    o.push_str("\"/>");
    PreEscaped(o)
}

/// One reading: its mark, a ring when it may have silenced a gadfly, its
/// level above it while they fit, and the details on hover.
fn reading(p: &Point, x: f64, n: usize) -> maud::Markup {
    let y = y_of(p.level as f64);
    // Smaller marks when there are many readings, so they stay apart.
    let k = if n > 120 { 0.5 } else { 1.0 };
    html! {
        g {
            (mark(p.move_, x, y, k))
            @if p.after_gadfly {
                (PreEscaped(format!("<circle class=\"ring\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"9\"/>")))
            }
            @if n <= LABEL_MAX {
                text x=(at(x)) y=(at(y - 10.0)) text-anchor="middle" { (p.level) }
            }
            title {
                (p.at) " · level " (p.level) " (" (p.zone.label()) ") · " (p.label)
                @if let Some(t) = p.tactic { " with " (super::typed::Typed(t)) }
            }
        }
    }
}

/// The time axis and a legend that names each shape.
fn legend(first: &Point, last: &Point) -> maud::Markup {
    let axis_y = H - BOTTOM + 18.0;
    let ly = H - 18.0;
    let xs = [LEFT + 6.0, LEFT + 76.0, LEFT + 146.0];
    let ring_x = LEFT + 216.0;
    html! {
        text x=(LEFT) y=(axis_y) { (first.at) }
        text x=(at(W - RIGHT)) y=(axis_y) text-anchor="end" { (last.at) }
        "\n"
        @for (m, lx) in [Move::Raise, Move::Lower, Move::Hold].into_iter().zip(xs) {
            (mark(m, lx, ly, 1.0))
            text x=(at(lx + 10.0)) y=(at(ly + 4.0)) { (m.label()) }
        }
        (PreEscaped(format!("<circle class=\"ring\" cx=\"{ring_x:.1}\" cy=\"{ly:.1}\" r=\"7\"/>")))
        text x=(at(ring_x + 12.0)) y=(at(ly + 4.0)) { "possible silencing of a gadfly" }
        "\n"
    }
}
