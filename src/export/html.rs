//! HTML: one self-contained page (inline CSS, no scripts, nothing fetched),
//! the tension timeline as inline SVG next to the same data as a table, and a
//! print stylesheet so a browser's "print to PDF" gives a clean document.
//!
//! Every user string goes through `esc`; the page also forbids scripts in its
//! Content-Security-Policy, so a missed escape still could not run code.

use super::*;
use crate::kinds::{Cell, with_kind};
use crate::session::{ItemKind, Kind, Move, SCALE_MAX, SplitKind, Status, Stored, owner_is_group};

const STYLE: &str = r#"
:root { --ink: #1d2430; --muted: #5b6472; --line: #d5d9e0; --band: #d8eedb; --accent: #2f5d8a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
.meta, .muted, figcaption { color: var(--muted); }
.context { white-space: pre-line; font-size: 1.05rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; text-align: left; vertical-align: top; }
td { white-space: pre-line; }
th { background: #f2f4f7; }
td.num { text-align: right; white-space: nowrap; }
.flag { font-weight: 600; }
.warn { border-left: 4px solid #b3541e; padding: .3rem .7rem; background: #fbf1ea; }
figure { margin: 1rem 0; }
svg { width: 100%; height: auto; max-width: 760px; display: block; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg .band { fill: var(--band); }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .level { fill: none; stroke: var(--accent); stroke-width: 2; }
svg .mark { fill: var(--accent); stroke: #fff; stroke-width: 1; }
svg .ring { fill: none; stroke: #b3541e; stroke-width: 2; stroke-dasharray: 3 2; }
.pole { margin: .3rem 0 .3rem 1rem; }
ul.tight li, ol.tight li { margin: .15rem 0; }
footer { margin-top: 2rem; font-size: .85rem; color: var(--muted); }
@page { margin: 16mm; }
@media print {
  body { max-width: none; padding: 0; font: 10.5pt/1.4 Georgia, "Times New Roman", serif; }
  h2 { break-before: page; }
  #summary h2 { break-before: auto; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure, li, .warn { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: none; }
  svg .band { fill: #e6e6e6; }
  .warn { background: none; }
}
"#;

pub fn to_html(s: &Session) -> String {
    let mut o = String::with_capacity(8192 + 400 * (s.item_count() + s.readings.len()));
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Defence in depth: even a missed escape could not run a script or fetch anything.
    o.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n",
    );
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w!(
        o,
        "<title>{} · balcony export</title>\n",
        esc(&s.meta.title)
    );
    w!(o, "<style>{STYLE}</style>\n</head>\n<body>\n");
    w!(o, "<header>\n<h1>{}</h1>\n", esc(&s.meta.title));
    w!(
        o,
        "<p class=\"meta\">Exported from balcony: a {} session, started {}, last updated {}.</p>\n</header>\n<main>\n",
        s.meta.mode.label(),
        when(&s.meta.created),
        when(&s.meta.updated)
    );
    o.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
    challenge(&mut o, s);
    tension_story(&mut o, s);
    value_conflicts(&mut o, s);
    gadfly_summary(&mut o, s);
    commitment_summary(&mut o, s);
    o.push_str("</section>\n<section id=\"record\">\n<h2>Full record</h2>\n");
    readings(&mut o, s);
    for kind in ItemKind::all() {
        record(&mut o, s, kind);
    }
    time_spent(&mut o, s);
    changes(&mut o, s);
    o.push_str("</section>\n</main>\n");
    o.push_str(
        "<footer>Made by balcony from the session file alone. \
         Gadfly ideas are kept as they were said.</footer>\n</body>\n</html>\n",
    );
    o
}

fn challenge(o: &mut String, s: &Session) {
    o.push_str("<h3>The challenge</h3>\n");
    if s.meta.context.trim().is_empty() {
        o.push_str("<p class=\"muted\">No context was written down.</p>\n");
    } else {
        w!(
            o,
            "<p class=\"context\">{}</p>\n",
            esc(s.meta.context.trim())
        );
    }
    o.push_str("<dl class=\"facts\">\n");
    w!(o, "<dt>Workshop</dt><dd>{}</dd>\n", esc(&s.workshop.name));
    w!(o, "<dt>Facilitator</dt><dd>{}</dd>\n", esc(facilitator(s)));
    if let Some(road) = s.road {
        w!(
            o,
            "<dt>Road to customer-centricity</dt><dd>{}</dd>\n",
            road.label()
        );
    }
    if let Some(f) = &s.meta.follows {
        w!(o, "<dt>Follows up on</dt><dd>{}</dd>\n", esc(f));
    }
    let skipped = s
        .progress
        .checkpoints
        .iter()
        .filter(|c| c.status == Status::Skipped)
        .count();
    w!(
        o,
        "<dt>Progress</dt><dd>{} of {} checkpoints visited",
        s.visited_count(),
        s.workshop.checkpoints.len()
    );
    if skipped > 0 {
        w!(o, ", {skipped} skipped");
    }
    if let Some(cp) = s.workshop.checkpoints.get(s.progress.current) {
        w!(o, "; now at <em>{}</em>", esc(&cp.title));
    }
    o.push_str("</dd>\n");
    w!(o, "<dt>Captured</dt><dd>{}</dd>\n</dl>\n", captured(s));
}

fn tension_story(o: &mut String, s: &Session) {
    o.push_str("<h3>The tension story</h3>\n");
    w!(
        o,
        "<p>The productive zone is {} to {} on a 0 to {SCALE_MAX} scale. Below it {is} \
         <strong>too cold</strong>: comfortable, avoiding the work. Above it {is} \
         <strong>too hot</strong>: fighting, fleeing or freezing.</p>\n",
        s.band.low,
        s.band.high,
        is = if who(s) == "I" { "I am" } else { "the room is" }
    );
    let (Some(first), Some(last)) = (s.readings.first(), s.readings.last()) else {
        w!(
            o,
            "<p class=\"muted\">No reading of {} was taken.</p>\n",
            read_of(s)
        );
        return;
    };
    let (cold, productive, hot) = zone_counts(s);
    w!(
        o,
        "<p>It started at <strong>{} ({})</strong> in <em>{}</em> and ended at \
         <strong>{} ({})</strong> in <em>{}</em>. Of {}, {cold} too cold, {productive} \
         productive and {hot} too hot.</p>\n",
        first.level,
        first.zone.label(),
        esc(checkpoint_title(s, &first.checkpoint)),
        last.level,
        last.zone.label(),
        esc(checkpoint_title(s, &last.checkpoint)),
        plural(s.readings.len(), "reading", "readings")
    );
    timeline_svg(o, s);
    o.push_str("<ol class=\"tight\">\n");
    let (head, skipped, tail) = ends(&s.readings);
    for r in head {
        move_item(o, s, r);
    }
    // The gap is no item: the list goes on with the number it would have.
    if skipped > 0 {
        w!(
            o,
            "</ol>\n<p class=\"muted\">… {skipped} more in the full record …</p>\n\
             <ol class=\"tight\" start=\"{}\">\n",
            head.len() + skipped + 1
        );
    }
    for r in tail {
        move_item(o, s, r);
    }
    o.push_str("</ol>\n");
    let flagged = silencings(s);
    if flagged.is_empty() {
        o.push_str("<p>No move lowered the heat right after a gadfly idea.</p>\n");
        return;
    }
    w!(
        o,
        "<div class=\"warn\"><p><strong>A question for the facilitator:</strong> the heat went \
         down soon after {}. Was a dissenting voice quietened, or was it time to cool down?</p>\n\
         <ul class=\"tight\">\n",
        ideas(flagged.len())
    );
    for (r, g) in flagged.iter().take(SUMMARY_CAP) {
        w!(o, "<li>{}: {} ", when(&r.at), r.label());
        match g {
            Some(g) => w!(
                o,
                "after idea #{} “{}” ({})</li>\n",
                g.id,
                esc(&g.text),
                esc(author(s, &g.author))
            ),
            None => w!(
                o,
                "after idea #{}</li>\n",
                r.after_gadfly.unwrap_or_default()
            ),
        }
    }
    if flagged.len() > SUMMARY_CAP {
        w!(
            o,
            "<li>… {} more in the full record …</li>\n",
            flagged.len() - SUMMARY_CAP
        );
    }
    o.push_str("</ul></div>\n");
}

fn move_item(o: &mut String, s: &Session, r: &Reading) {
    w!(
        o,
        "<li>{} · <em>{}</em> · <strong>{}</strong> {} → {}",
        when(&r.at),
        esc(checkpoint_title(s, &r.checkpoint)),
        r.level,
        r.zone.label(),
        r.label()
    );
    if let Some(t) = tactic_name(s, r) {
        w!(o, " with <em>{}</em>", esc(t));
    }
    if !r.reason.trim().is_empty() {
        w!(o, ": {}", esc(&r.reason));
    }
    if let Some(x) = &r.readiness {
        w!(
            o,
            " ({})",
            esc(&crate::strings::readiness_note(&x.describe()))
        );
    }
    if r.after_gadfly.is_some() {
        o.push_str(" <span class=\"flag\">(possible silencing)</span>");
    }
    o.push_str("</li>\n");
}

// ---- the timeline chart ---------------------------------------------------

const W: f64 = 760.0;
const H: f64 = 300.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 120.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 64.0;
/// Beyond this many readings the per-point numbers would overlap.
const LABEL_MAX: usize = 40;

fn y_of(level: f64) -> f64 {
    let ph = H - TOP - BOTTOM;
    TOP + ph * (1.0 - level.clamp(0.0, SCALE_MAX as f64) / SCALE_MAX as f64)
}

/// Inset so the first and last markers are not cut by the plot's edges.
const INSET: f64 = 12.0;

fn x_of(i: usize, n: usize) -> f64 {
    let pw = W - LEFT - RIGHT - 2.0 * INSET;
    if n <= 1 {
        LEFT + INSET + pw / 2.0
    } else {
        LEFT + INSET + pw * i as f64 / (n - 1) as f64
    }
}

/// A marker whose shape names the move: triangle up, triangle down, circle.
fn mark(o: &mut String, m: Move, x: f64, y: f64, k: f64) {
    let (tip, base) = match m {
        Move::Raise => (-6.0 * k, 4.0 * k),
        Move::Lower => (6.0 * k, -4.0 * k),
        Move::Hold => {
            w!(
                o,
                "<circle class=\"mark\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\"/>",
                4.5 * k
            );
            return;
        }
    };
    w!(
        o,
        "<path class=\"mark\" d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\"/>",
        y + tip,
        x + 5.5 * k,
        y + base,
        x - 5.5 * k,
        y + base
    );
}

/// Level against the band over the readings, in order. Shapes carry the
/// move (triangle up, triangle down, circle) and words name the zones, so
/// nothing depends on colour alone.
fn timeline_svg(o: &mut String, s: &Session) {
    let rs = &s.readings;
    let n = rs.len();
    let (first, last) = (&rs[0], &rs[n - 1]);
    o.push_str("<figure>\n");
    w!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" role=\"img\" \
         aria-labelledby=\"tl-title tl-desc\">\n<title id=\"tl-title\">Tension timeline</title>\n\
         <desc id=\"tl-desc\">{n} readings from level {} ({}) to level {} ({}); the shaded band \
         is the productive zone.</desc>\n",
        first.level,
        first.zone.label(),
        last.level,
        last.zone.label()
    );
    // The band as each reading saw it: a step shape, since the band can be
    // edited during the session. Padded by half a step so readings on the
    // edges (which count as productive) sit inside the shading.
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
    o.push_str("<polygon class=\"band\" points=\"");
    for (i, r) in rs.iter().enumerate() {
        let (a, b) = edges(i);
        let y = y_of(r.band.high as f64 + 0.5);
        w!(o, "{a:.1},{y:.1} {b:.1},{y:.1} ");
    }
    for (i, r) in rs.iter().enumerate().rev() {
        let (a, b) = edges(i);
        let y = y_of(r.band.low as f64 - 0.5);
        w!(o, "{b:.1},{y:.1} {a:.1},{y:.1} ");
    }
    o.push_str("\"/>\n");
    for level in (0..=SCALE_MAX).step_by(2) {
        let y = y_of(level as f64);
        w!(
            o,
            "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{level}</text>\n",
            W - RIGHT,
            LEFT - 6.0,
            y + 4.0
        );
    }
    // Zone names in words, beside the band as it stands at the end.
    let zx = W - RIGHT + 8.0;
    let (lo, hi) = (last.band.low as f64, last.band.high as f64);
    let mid = |a: f64, b: f64| (y_of(a) + y_of(b)) / 2.0 + 4.0;
    if last.band.high < SCALE_MAX {
        w!(
            o,
            "<text x=\"{zx}\" y=\"{:.1}\">too hot</text>\n",
            mid(hi + 0.5, SCALE_MAX as f64)
        );
    }
    w!(
        o,
        "<text x=\"{zx}\" y=\"{:.1}\">productive zone</text>\n",
        mid(lo - 0.5, hi + 0.5)
    );
    if last.band.low > 0 {
        w!(
            o,
            "<text x=\"{zx}\" y=\"{:.1}\">too cold</text>\n",
            mid(0.0, lo - 0.5)
        );
    }
    o.push_str("<polyline class=\"level\" points=\"");
    for (i, r) in rs.iter().enumerate() {
        w!(o, "{:.1},{:.1} ", x_of(i, n), y_of(r.level as f64));
    }
    o.push_str("\"/>\n");
    // Smaller marks when there are many readings, so they stay apart.
    let k = if n > 120 { 0.5 } else { 1.0 };
    for (i, r) in rs.iter().enumerate() {
        let (x, y) = (x_of(i, n), y_of(r.level as f64));
        o.push_str("<g>");
        mark(o, r.move_, x, y, k);
        if r.after_gadfly.is_some() {
            w!(
                o,
                "<circle class=\"ring\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"9\"/>"
            );
        }
        if n <= LABEL_MAX {
            w!(
                o,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                y - 10.0,
                r.level
            );
        }
        w!(
            o,
            "<title>{} · level {} ({}) · {}{}</title></g>\n",
            when(&r.at),
            r.level,
            r.zone.label(),
            r.label(),
            tactic_name(s, r)
                .map(|t| format!(" with {}", esc(t)))
                .unwrap_or_default()
        );
    }
    // The time axis and a legend that names each shape.
    let axis_y = H - BOTTOM + 18.0;
    w!(
        o,
        "<text x=\"{LEFT}\" y=\"{axis_y}\">{}</text>\
         <text x=\"{:.1}\" y=\"{axis_y}\" text-anchor=\"end\">{}</text>\n",
        when(&first.at),
        W - RIGHT,
        when(&last.at)
    );
    let ly = H - 18.0;
    let mut lx = LEFT + 6.0;
    for m in [Move::Raise, Move::Lower, Move::Hold] {
        mark(o, m, lx, ly, 1.0);
        w!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            lx + 10.0,
            ly + 4.0,
            m.label()
        );
        lx += 70.0;
    }
    w!(
        o,
        "<circle class=\"ring\" cx=\"{lx:.1}\" cy=\"{ly:.1}\" r=\"7\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\">possible silencing of a gadfly</text>\n",
        lx + 12.0,
        ly + 4.0
    );
    o.push_str("</svg>\n<figcaption>Tension level (0 to ");
    w!(
        o,
        "{SCALE_MAX}) at each reading, in order, against the productive zone (shaded). The same \
         data is in the table of tension readings below.</figcaption>\n</figure>\n"
    );
}

// ---- the rest of the summary -----------------------------------------------

fn value_conflicts(o: &mut String, s: &Session) {
    o.push_str("<h3>Value conflicts</h3>\n");
    if s.polarities.is_empty() {
        o.push_str("<p class=\"muted\">No competing values were mapped.</p>\n");
        return;
    }
    w!(
        o,
        "<p>{} managed, not solved. Each early-warning sign shows one value being overdone at \
         the other's expense, and one person watches for it. ",
        plural(
            s.polarities.len(),
            "value conflict is being",
            "value conflicts are being"
        )
    );
    w!(o, "{}</p>\n<ul>\n", esc(&warnings_line(s)));
    for p in polarities_for_summary(s).into_iter().take(SUMMARY_CAP) {
        w!(
            o,
            "<li>{}",
            p.names(|n| format!("<strong>{}</strong>", esc(n)))
        );
        if !p.purpose.trim().is_empty() {
            w!(o, ", {} serving: {}", p.both(), esc(&p.purpose));
        }
        o.push_str("\n<ul class=\"tight\">");
        if p.warnings.is_empty() {
            o.push_str("<li class=\"muted\">No early-warning sign yet.</li>");
        }
        for ew in &p.warnings {
            w!(
                o,
                "<li>Early warning: {} (too much <em>{}</em>); watched by {}",
                esc(&ew.sign),
                esc(pole_name(p, ew.overdone)),
                esc(watcher(&ew.watcher))
            );
            match ew.fired.iter().max() {
                Some(t) => w!(
                    o,
                    "; <strong>seen {}</strong>, last {}</li>",
                    plural(ew.fired.len(), "time", "times"),
                    when(t)
                ),
                None => o.push_str("; not seen yet</li>"),
            }
        }
        o.push_str("</ul></li>\n");
    }
    if s.polarities.len() > SUMMARY_CAP {
        w!(
            o,
            "<li class=\"muted\">… {} more in the full record …</li>\n",
            s.polarities.len() - SUMMARY_CAP
        );
    }
    o.push_str("</ul>\n");
}

fn gadfly_summary(o: &mut String, s: &Session) {
    o.push_str("<h3>Gadfly ideas</h3>\n");
    if s.gadflies.is_empty() {
        o.push_str("<p class=\"muted\">No gadfly ideas were captured.</p>\n");
        return;
    }
    let count = |f: fn(&Fate) -> bool| s.gadflies.iter().filter(|g| f(&g.fate)).count();
    w!(
        o,
        "<p>{} from dissenting voices: {} adopted, {} exploring, {} parked, {} declined.</p>\n",
        plural(s.gadflies.len(), "idea", "ideas"),
        count(|f| matches!(f, Fate::Adopted)),
        count(|f| matches!(f, Fate::Exploring)),
        count(|f| matches!(f, Fate::Parked)),
        count(|f| matches!(f, Fate::Declined(_))),
    );
    let adopted: Vec<&Gadfly> = s
        .gadflies
        .iter()
        .filter(|g| g.fate == Fate::Adopted)
        .collect();
    if !adopted.is_empty() {
        o.push_str("<p>Adopted:</p>\n");
        idea_list(o, s, &adopted);
    }
    o.push_str("<h4>Minority report</h4>\n");
    let (alive, declined) = minority_report(s);
    if alive.is_empty() && declined.is_empty() {
        o.push_str("<p>Every idea was adopted.</p>\n");
        return;
    }
    if !alive.is_empty() {
        o.push_str("<p>Kept alive, not adopted (protected for now):</p>\n");
        idea_list(o, s, &alive);
    }
    if !declined.is_empty() {
        o.push_str("<p>Declined, with the reason given:</p>\n");
        idea_list(o, s, &declined);
    }
}

fn idea_list(o: &mut String, s: &Session, ideas: &[&Gadfly]) {
    o.push_str("<ul class=\"tight\">\n");
    for g in ideas.iter().take(SUMMARY_CAP) {
        w!(
            o,
            "<li>#{} {} ({}, {}; {}: {}): <strong>{}</strong>",
            g.id,
            esc(&g.text),
            esc(author(s, &g.author)),
            g.voice.label(),
            who(s),
            history::reaction(g),
            g.fate.label()
        );
        if let Fate::Declined(why) = &g.fate {
            w!(o, ", because {}", esc(why));
        }
        if let Some(work) = s.became(g.id) {
            w!(o, ", {}", esc(&work));
        }
        o.push_str("</li>\n");
    }
    if ideas.len() > SUMMARY_CAP {
        w!(
            o,
            "<li class=\"muted\">… {} more in the full record …</li>\n",
            ideas.len() - SUMMARY_CAP
        );
    }
    o.push_str("</ul>\n");
}

fn commitment_summary(o: &mut String, s: &Session) {
    o.push_str("<h3>Commitments</h3>\n");
    let exempted = s.exempted();
    if !exempted.is_empty() {
        let head = crate::strings::EXEMPTED_MD;
        w!(
            o,
            "<p><strong>{head}:</strong> {}.</p>\n",
            esc(&exempted.join(", "))
        );
    }
    if s.commitments.is_empty() {
        o.push_str(
            "<p class=\"muted\">No commitments yet: the work has not been given back.</p>\n",
        );
        return;
    }
    let kept = s
        .commitments
        .iter()
        .filter(|c| c.status == CommitmentStatus::Kept)
        .count();
    w!(
        o,
        "<p>{}: {} open, {kept} kept, {} dropped. Open ones first, soonest review first.</p>\n",
        plural(s.commitments.len(), "commitment", "commitments"),
        s.open_commitments(),
        s.commitments.len() - kept - s.open_commitments()
    );
    head(o, &["What", "Owner", "Review", "Status"]);
    let all = commitments_for_review(s);
    for c in all.iter().take(SUMMARY_CAP) {
        w!(
            o,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
            what(c),
            owner(&c.owner),
            c.review,
            c.status.label()
        );
    }
    if all.len() > SUMMARY_CAP {
        w!(
            o,
            "<tr><td colspan=\"4\" class=\"muted\">… {} more in the full record</td></tr>\n",
            all.len() - SUMMARY_CAP
        );
    }
    o.push_str("</tbody></table>\n");
}

/// What a commitment is, and the warnings it was kept despite: a reader
/// should know the facilitator saw them.
fn what(c: &crate::session::Commitment) -> String {
    if c.overridden.is_empty() {
        return esc(&c.what);
    }
    format!(
        "{} <span class=\"flag\">(⚠ {}: {})</span>",
        esc(&c.what),
        crate::strings::OVERRIDDEN,
        esc(&c.overridden.join("; "))
    )
}

/// The owner, with a warning when it names a group: shared responsibility is nobody's.
fn owner(name: &str) -> String {
    if name.trim().is_empty() {
        "<strong>nobody named</strong>".into()
    } else if owner_is_group(name) {
        format!(
            "{} <span class=\"flag\">(a group, not one person)</span>",
            esc(name)
        )
    } else {
        esc(name)
    }
}

// ---- the full record -------------------------------------------------------

fn section(o: &mut String, title: &str, empty: bool) -> bool {
    w!(o, "<h3>{title}</h3>\n");
    if empty {
        o.push_str("<p class=\"muted\">None recorded.</p>\n");
    }
    !empty
}

/// Band moves and skips, each with its time and reason; nothing when the
/// session has neither.
fn changes(o: &mut String, s: &Session) {
    let list = history::changes(s);
    if list.is_empty() {
        return;
    }
    w!(o, "<h3>{}</h3>\n", crate::strings::CHANGES);
    head(o, &["Time", "Checkpoint", "Change", "Why"]);
    for c in list {
        w!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            c.at,
            esc(c.checkpoint),
            c.what,
            esc(c.why)
        );
    }
    o.push_str("</tbody></table>\n");
}

/// Opens a table with its header row and an open `<tbody>`.
fn head(o: &mut String, cols: &[&str]) {
    o.push_str("<table><thead><tr>");
    for c in cols {
        w!(o, "<th scope=\"col\">{c}</th>");
    }
    o.push_str("</tr></thead><tbody>\n");
}

/// The full record of one kind: a shape of its own for the kinds that have
/// one, else the kind's table.
fn record(o: &mut String, s: &Session, kind: ItemKind) {
    match kind {
        ItemKind::Gadfly => gadflies(o, s),
        ItemKind::Split => splits(o, s),
        ItemKind::Polarity => polarities(o, s),
        ItemKind::Commitment => commitments(o, s),
        _ => with_kind!(kind, K => table::<K>(o, s)),
    }
}

/// A kind's section: its heading, then its items as a table.
fn table<K: Stored>(o: &mut String, s: &Session) {
    let list = K::list(s);
    if section(o, K::HEADING, list.is_empty()) {
        rows(o, s, list.iter());
    }
}

/// A table of items: "#", the time, the checkpoint, then the kind's own
/// columns.
fn rows<'a, K: Kind + 'a>(o: &mut String, s: &Session, items: impl Iterator<Item = &'a K>) {
    let mut cols = vec!["#"];
    if K::TIMED {
        cols.push("Time");
    }
    cols.push("Checkpoint");
    cols.extend(K::COLUMNS);
    head(o, &cols);
    for x in items {
        let (id, at, cp) = x.stamp();
        w!(o, "<tr><td class=\"num\">{id}</td>");
        if K::TIMED {
            w!(o, "<td>{}</td>", when(&at));
        }
        w!(o, "<td>{}</td>", esc(checkpoint_title(s, cp)));
        for c in x.cells() {
            w!(o, "<td>{}</td>", html_cell(s, c));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody></table>\n");
}

fn html_cell(s: &Session, c: Cell) -> String {
    match c {
        Cell::Text(t) => esc(t),
        Cell::Word(w) => w.to_string(),
        Cell::Owned(w) => esc(&w),
        Cell::Date(d) => d.to_string(),
        Cell::Author(a) => esc(author(s, a)),
        Cell::List(l) => esc_list(l),
        Cell::OrNone(t, _) if !t.trim().is_empty() => esc(t),
        Cell::OrNone(_, none) => format!("<em>{none}</em>"),
    }
}

fn readings(o: &mut String, s: &Session) {
    if !section(o, "Tension readings", s.readings.is_empty()) {
        return;
    }
    head(
        o,
        &[
            "#",
            "Time",
            "Checkpoint",
            "Level",
            "Band",
            "Zone",
            "Move",
            "Tactic",
            "Why",
        ],
    );
    for r in &s.readings {
        w!(
            o,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}–{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}",
            r.id,
            when(&r.at),
            esc(checkpoint_title(s, &r.checkpoint)),
            r.level,
            r.band.low,
            r.band.high,
            r.zone.label(),
            r.label(),
            tactic_name(s, r).map(esc).unwrap_or_default(),
            esc(&r.reason)
        );
        if let Some(x) = &r.readiness {
            w!(
                o,
                " ({})",
                esc(&crate::strings::readiness_note(&x.describe()))
            );
        }
        if let Some(g) = r.after_gadfly {
            w!(
                o,
                " <span class=\"flag\">(possible silencing after idea #{g})</span>"
            );
        }
        o.push_str("</td></tr>\n");
    }
    o.push_str("</tbody></table>\n");
}

fn splits(o: &mut String, s: &Session) {
    if !section(o, ItemKind::Split.heading(), s.splits.is_empty()) {
        return;
    }
    let n = |k| s.splits.iter().filter(|x| x.kind == k).count();
    o.push_str("<p>");
    if n(SplitKind::Puzzle) > 0 {
        w!(o, "{} puzzles, ", n(SplitKind::Puzzle));
    }
    w!(
        o,
        "{} technical, {} adaptive, {} not sure yet.</p>\n",
        n(SplitKind::Technical),
        n(SplitKind::Adaptive),
        n(SplitKind::Unsure)
    );
    // Grouped by kind so the technical list and the adaptive list read apart.
    let grouped = SplitKind::ALL
        .into_iter()
        .flat_map(|k| s.splits.iter().filter(move |x| x.kind == k));
    rows(o, s, grouped);
}

fn gadflies(o: &mut String, s: &Session) {
    if !section(o, ItemKind::Gadfly.heading(), s.gadflies.is_empty()) {
        return;
    }
    head(
        o,
        &[
            "#",
            "Time",
            "Checkpoint",
            "Idea",
            "Who",
            "Voice",
            "Reaction",
            "Fate",
        ],
    );
    for g in &s.gadflies {
        w!(
            o,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}",
            g.id,
            when(&g.at),
            esc(checkpoint_title(s, &g.checkpoint)),
            esc(&g.text),
            esc(author(s, &g.author)),
            g.voice.label(),
            history::reaction(g),
            g.fate.label()
        );
        if let Fate::Declined(why) = &g.fate {
            w!(o, ": {}", esc(why));
        }
        if let Some(work) = s.became(g.id) {
            w!(o, ", {}", esc(&work));
        }
        o.push_str("</td></tr>\n");
    }
    o.push_str("</tbody></table>\n");
}

fn polarities(o: &mut String, s: &Session) {
    if !section(o, ItemKind::Polarity.heading(), s.polarities.is_empty()) {
        return;
    }
    for p in &s.polarities {
        w!(
            o,
            "<h4>#{} {}</h4>\n<p class=\"muted\">{}, {}.",
            p.id,
            p.names(esc),
            when(&p.at),
            esc(checkpoint_title(s, &p.checkpoint))
        );
        if !p.purpose.trim().is_empty() {
            w!(o, " {}: {}", p.all_serve(), esc(&p.purpose));
        }
        o.push_str("</p>\n");
        for (_, pole) in p.poles() {
            w!(
                o,
                "<div class=\"pole\"><strong>{}</strong>",
                esc(&pole.name)
            );
            if !pole.holders.trim().is_empty() {
                w!(o, ", held by {}", esc(&pole.holders));
            }
            o.push_str("<ul class=\"tight\">");
            for u in &pole.upsides {
                w!(o, "<li>upside: {}</li>", esc(u));
            }
            for d in &pole.downsides {
                w!(o, "<li>downside when overdone: {}</li>", esc(d));
            }
            if !pole.would_lose.trim().is_empty() {
                w!(
                    o,
                    "<li>its holders would lose: {}</li>",
                    esc(&pole.would_lose)
                );
            }
            o.push_str("</ul></div>\n");
        }
        if !p.warnings.is_empty() {
            head(o, &["Early-warning sign", "Too much of", "Watcher", "Seen"]);
            for ew in &p.warnings {
                let seen: Vec<String> = ew.fired.iter().map(when).collect();
                w!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                    esc(&ew.sign),
                    esc(pole_name(p, ew.overdone)),
                    esc(watcher(&ew.watcher)),
                    if seen.is_empty() {
                        "not yet".to_string()
                    } else {
                        seen.join(", ")
                    }
                );
            }
            o.push_str("</tbody></table>\n");
        }
    }
}

fn commitments(o: &mut String, s: &Session) {
    if !section(o, ItemKind::Commitment.heading(), s.commitments.is_empty()) {
        return;
    }
    head(
        o,
        &[
            "#",
            "Checkpoint",
            "What",
            "Owner",
            "Review",
            "Status",
            "What it costs",
        ],
    );
    for c in &s.commitments {
        w!(
            o,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
            c.id,
            esc(checkpoint_title(s, &c.checkpoint)),
            what(c),
            owner(&c.owner),
            c.review,
            c.status.label(),
            esc(&c.loss)
        );
    }
    o.push_str("</tbody></table>\n");
}

fn time_spent(o: &mut String, s: &Session) {
    o.push_str("<h3>Time per checkpoint</h3>\n");
    head(
        o,
        &[
            "#",
            "Where",
            "Checkpoint",
            "Status",
            "Time spent",
            "Timebox",
        ],
    );
    let mut total = 0;
    for (i, cp) in s.workshop.checkpoints.iter().enumerate() {
        let progress = s.progress.checkpoints.iter().find(|p| p.id == cp.id);
        let (status, spent, extra) = progress.map_or(("not yet", 0, 0), |p| {
            (p.status.label(), p.spent_secs, p.extra_mins)
        });
        total += spent;
        w!(
            o,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{} min",
            i + 1,
            cp.place.label().to_lowercase(),
            esc(&cp.title),
            status,
            minutes(spent),
            cp.timebox_mins
        );
        if extra > 0 {
            w!(o, " + {extra} added");
        }
        o.push_str("</td></tr>\n");
    }
    w!(
        o,
        "<tr><th scope=\"row\" colspan=\"4\">Total</th><td class=\"num\"><strong>{}</strong></td><td></td></tr>\n",
        minutes(total)
    );
    o.push_str("</tbody></table>\n");
}

// ---- escaping ---------------------------------------------------------------

/// User text made inert in HTML text and attribute values alike. Control
/// characters other than newline and tab are dropped: they have no place in
/// a document and some are invalid in HTML.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn esc_list(items: &[String]) -> String {
    items.iter().map(|i| esc(i)).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_all_five() {
        assert_eq!(
            esc(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(esc("a\u{1b}[2Jb"), "a [2Jb");
    }
}
