//! HTML: one self-contained page (inline CSS, no scripts, nothing fetched),
//! the tension timeline as inline SVG next to the same data as a table, and a
//! print stylesheet so a browser's "print to PDF" gives a clean document.
//!
//! The page is written with maud, which escapes whatever it is given; words
//! someone typed go through `Typed`, which also escapes the single quote and
//! drops control characters. The page forbids scripts in its
//! Content-Security-Policy besides, so a missed escape still could not run code.

use maud::{DOCTYPE, PreEscaped, Render, html};

use super::report::{self, Block, Entry, Inline, Item, List, ListStyle, Report, Span, Table};
use super::typed::Typed;
use super::*;

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
    page(&report::of(s))
}

pub(super) fn page(r: &Report) -> String {
    html! {
        (DOCTYPE) "\n"
        html lang="en" {
            "\n"
            head {
                "\n"
                meta charset="utf-8"; "\n"
                // Defence in depth: even a missed escape could not run a script or fetch anything.
                meta http-equiv="Content-Security-Policy"
                    content="default-src 'none'; style-src 'unsafe-inline'"; "\n"
                meta name="viewport" content="width=device-width, initial-scale=1"; "\n"
                title { (Typed(r.title)) " · balcony export" } "\n"
                style { (PreEscaped(STYLE)) } "\n"
            }
            "\n"
            body {
                "\n"
                header { "\n" h1 { (Typed(r.title)) } "\n" p.meta { (r.byline) } "\n" } "\n"
                main {
                    "\n"
                    @for part in &r.parts {
                        section id=(part.id) {
                            "\n" h2 { (part.heading) } "\n"
                            @for b in &part.blocks { (b) }
                        }
                        "\n"
                    }
                }
                "\n"
                footer {
                    "Made by balcony from the session file alone. Gadfly ideas are kept as they \
                     were said."
                }
                "\n"
            }
            "\n"
        }
        "\n"
    }
    .into_string()
}

impl Render for Block<'_> {
    fn render_to(&self, o: &mut String) {
        match self {
            Block::Heading(4, t) => html! { h4 { (Words(t)) } "\n" },
            Block::Heading(_, t) => html! { h3 { (Words(t)) } "\n" },
            Block::Para(t) => html! { p { (Words(t)) } "\n" },
            Block::Muted(t) => html! { p.muted { (Words(t)) } "\n" },
            Block::Context(t) => html! { p.context { (Typed(t.trim())) } "\n" },
            Block::Facts(facts) => html! {
                dl.facts {
                    "\n"
                    @for f in facts { dt { (f.key) } dd { (Words(&f.value)) } "\n" }
                }
                "\n"
            },
            Block::List(l) => html! { (l) "\n" },
            Block::Question(q, l) => html! {
                div.warn { p { (Words(q)) } "\n" (l) } "\n"
            },
            Block::Stamp(stamp, about) => html! { p.muted { (Words(stamp)) (Words(about)) } "\n" },
            Block::Table(t) => html! { (t) "\n" },
            Block::Chart(c) => html! { (super::chart::Chart(c)) },
        }
        .render_to(o)
    }
}

/// A list, without the newline after it (a question's box closes right after).
impl Render for List<'_> {
    fn render_to(&self, o: &mut String) {
        let markup = match self.style {
            ListStyle::Bullets => html! { ul { "\n" @for e in &self.entries { (e) } } },
            ListStyle::Tight => html! { ul.tight { "\n" @for e in &self.entries { (e) } } },
            ListStyle::Numbered => numbered(&self.entries),
            ListStyle::Groups => html! {
                @for (i, e) in self.entries.iter().enumerate() {
                    @if i > 0 { "\n" }
                    @if let Entry::Item(it) = e {
                        div.pole { (Words(&it.text)) ul.tight { @for c in &it.children { (Child(c)) } } }
                    }
                }
            },
        };
        markup.render_to(o)
    }
}

/// A numbered list, split where entries were left out: the gap is no item,
/// and the list goes on with the number it would have had.
fn numbered(entries: &[Entry]) -> maud::Markup {
    // Each run: the number of its first item, how many were left out before
    // it, its entries.
    let mut runs = vec![(1, 0, Vec::new())];
    let mut n = 0;
    for e in entries {
        match e {
            Entry::Gap(skipped) => {
                n += skipped;
                runs.push((n + 1, *skipped, Vec::new()));
            }
            Entry::Item(_) => {
                n += 1;
                if let Some(run) = runs.last_mut() {
                    run.2.push(e);
                }
            }
        }
    }
    html! {
        @for (start, skipped, run) in &runs {
            @if *skipped > 0 {
                "\n" p.muted { "… " (skipped) " more in the full record …" } "\n"
                ol class="tight" start=(start) { "\n" @for e in run { (e) } }
            } @else {
                ol.tight { "\n" @for e in run { (e) } }
            }
        }
    }
}

impl Render for Entry<'_> {
    fn render_to(&self, o: &mut String) {
        match self {
            Entry::Item(it) => html! {
                @if it.muted { li.muted { (Words(&it.text)) } } @else {
                    li {
                        (Words(&it.text))
                        @if !it.children.is_empty() {
                            "\n" ul.tight { @for c in &it.children { (Child(c)) } }
                        }
                    }
                }
                "\n"
            },
            Entry::Gap(n) => html! { li.muted { "… " (n) " more in the full record …" } "\n" },
        }
        .render_to(o)
    }
}

/// An item inside an item: close to its siblings, on the same line.
struct Child<'r, 'a>(&'r Item<'a>);

impl Render for Child<'_, '_> {
    fn render_to(&self, o: &mut String) {
        let it = self.0;
        html! {
            @if it.muted { li.muted { (Words(&it.text)) } } @else { li { (Words(&it.text)) } }
        }
        .render_to(o)
    }
}

impl Render for Table<'_> {
    fn render_to(&self, o: &mut String) {
        let cols = self.head.len();
        html! {
            table {
                thead { tr { @for c in &self.head { th scope="col" { (c) } } } }
                tbody {
                    "\n"
                    @for row in &self.rows {
                        // Cells written in place: a big record has tens of thousands.
                        tr {
                            @for c in row {
                                @if c.num { td.num { (Words(&c.text)) } } @else { td { (Words(&c.text)) } }
                            }
                        }
                        "\n"
                    }
                    @if self.more > 0 {
                        tr { td colspan=(cols) class="muted" { "… " (self.more) " more in the full record" } } "\n"
                    }
                    @if let Some((label, value)) = &self.total {
                        tr {
                            th scope="row" colspan=(cols.saturating_sub(2)) { (label) }
                            td.num { strong { (Words(value)) } }
                            td {}
                        }
                        "\n"
                    }
                }
            }
        }
        .render_to(o)
    }
}

/// A run of spans.
struct Words<'r, 'a>(&'r Inline<'a>);

impl Render for Words<'_, '_> {
    fn render_to(&self, o: &mut String) {
        for span in self.0 {
            match span {
                Span::Word(w) => w.as_ref().render_to(o),
                Span::Text(t) => Typed(t).render_to(o),
                Span::Em(t) => html! { em { (Words(t)) } }.render_to(o),
                Span::Strong(t) => html! { strong { (Words(t)) } }.render_to(o),
                Span::Term(w) => html! { strong { (w) } }.render_to(o),
                Span::Flag(t) | Span::Caveat(t) => html! { span.flag { (Words(t)) } }.render_to(o),
                Span::Quote(t) => html! { "“" (Words(t)) "”" }.render_to(o),
            }
        }
    }
}
