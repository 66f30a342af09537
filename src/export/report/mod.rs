//! The report of a session, built once and written three ways (Markdown,
//! HTML, review's screen): sections of headings, paragraphs, key/value
//! lists, bullet lists, tables and the tension chart, as data. Nothing here
//! knows a format: which words are typed by someone (to be escaped) and
//! which are the app's own is said by the spans, how they look is the
//! renderers' business.

use std::borrow::Cow;

use crate::session::{Band, Move, Session, Zone};

mod polarity;
mod record;
mod summary;
mod timeline;

pub use polarity::map_blocks;
pub use record::{Rows, head, item_cells, row, row_count};
pub use timeline::chart;

/// A whole export: the title, the line under it, then its parts.
pub struct Report<'a> {
    /// The session's title, as typed.
    pub title: &'a str,
    /// "Exported from balcony: ...", the app's words.
    pub byline: String,
    pub parts: Vec<Part<'a>>,
}

/// The summary or the full record.
pub struct Part<'a> {
    /// A stable name for the part (the page's anchor).
    pub id: &'static str,
    pub heading: &'static str,
    pub blocks: Vec<Block<'a>>,
}

pub enum Block<'a> {
    /// A heading inside a part: 3 for a section, 4 below it.
    Heading(u8, Inline<'a>),
    Para(Inline<'a>),
    /// A quiet remark: nothing recorded, nothing written down.
    Muted(Inline<'a>),
    /// A paragraph someone typed, whose lines stay lines.
    Context(&'a str),
    /// Labelled values (workshop, facilitator, progress...).
    Facts(Vec<Fact<'a>>),
    List(List<'a>),
    /// A question put to the facilitator, with what prompted it.
    Question(Inline<'a>, List<'a>),
    /// When and where something was captured, then more about it.
    Stamp(Inline<'a>, Inline<'a>),
    Table(Table<'a>),
    /// The tension chart; formats without pictures leave it out (the same
    /// data is in the move list and the table of readings).
    Chart(Timeline<'a>),
}

/// A run of text in pieces.
pub type Inline<'a> = Vec<Span<'a>>;

pub enum Span<'a> {
    /// The app's own words and numbers.
    Word(Cow<'a, str>),
    /// Words someone typed: every renderer escapes them.
    Text(Cow<'a, str>),
    Em(Inline<'a>),
    Strong(Inline<'a>),
    /// A word the paragraph explains (the zones): bold on the page, where
    /// the eye scans; plain in Markdown, which stays quiet text.
    Term(&'static str),
    /// Something a reader should not miss (a group as owner, a possible
    /// silencing).
    Flag(Inline<'a>),
    /// A warning the facilitator saw and kept the item despite: flagged
    /// like `Flag`, and set apart in Markdown.
    Caveat(Inline<'a>),
    /// Words quoted as they were said.
    Quote(Inline<'a>),
}

pub struct Fact<'a> {
    pub key: &'static str,
    pub value: Inline<'a>,
    /// Whether the value reads as a sentence (Markdown ends it with a stop).
    pub sentence: bool,
}

pub struct List<'a> {
    pub style: ListStyle,
    pub entries: Vec<Entry<'a>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ListStyle {
    /// Spaced bullets.
    Bullets,
    /// Close bullets.
    Tight,
    /// Close and numbered (in order of time).
    Numbered,
    /// Each item a small labelled block with its own list (a map's poles).
    Groups,
}

pub enum Entry<'a> {
    Item(Item<'a>),
    /// How many entries were left out here, to keep a summary short.
    Gap(usize),
}

pub struct Item<'a> {
    pub text: Inline<'a>,
    /// A quiet remark rather than an entry ("No early-warning sign yet.").
    pub muted: bool,
    pub children: Vec<Item<'a>>,
}

pub struct Table<'a> {
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<Cell<'a>>>,
    /// Rows left out to keep a summary short.
    pub more: usize,
    /// A last row totalling the column before last, under this label.
    pub total: Option<(&'static str, Inline<'a>)>,
}

/// One cell: a number (set right, kept on one line) or words.
pub struct Cell<'a> {
    pub num: bool,
    pub text: Inline<'a>,
}

/// The tension chart as data: each reading, in order, against the band it
/// was taken in.
pub struct Timeline<'a> {
    pub points: Vec<Point<'a>>,
}

pub struct Point<'a> {
    /// When, as the exports write it.
    pub at: String,
    pub level: u8,
    pub band: Band,
    pub zone: Zone,
    pub move_: Move,
    /// "raise", "lower", "hold", "observed".
    pub label: &'static str,
    /// The tactic's name, as the workshop gives it.
    pub tactic: Option<&'a str>,
    /// Heat lowered right after a gadfly idea.
    pub after_gadfly: bool,
}

/// The report of `s`: its summary, then its full record.
pub fn of(s: &Session) -> Report<'_> {
    Report {
        title: &s.meta.title,
        byline: format!(
            "Exported from balcony: a {} session, started {}, last updated {}.",
            s.meta.mode.label(),
            super::when(&s.meta.created),
            super::when(&s.meta.updated)
        ),
        parts: vec![
            Part {
                id: "summary",
                heading: "Summary",
                blocks: summary::blocks(s),
            },
            Part {
                id: "record",
                heading: "Full record",
                blocks: record::blocks(s),
            },
        ],
    }
}

// ---- building blocks ---------------------------------------------------------

pub(crate) fn word<'a>(w: impl Into<Cow<'a, str>>) -> Span<'a> {
    Span::Word(w.into())
}

pub(crate) fn text<'a>(t: impl Into<Cow<'a, str>>) -> Span<'a> {
    Span::Text(t.into())
}

/// A checkpoint's title, as the workshop names it.
pub(crate) fn cp_title<'a>(s: &'a Session, id: &'a str) -> Span<'a> {
    text(super::checkpoint_title(s, id))
}

pub(crate) fn em<'a>(spans: Inline<'a>) -> Span<'a> {
    Span::Em(spans)
}

pub(crate) fn strong<'a>(spans: Inline<'a>) -> Span<'a> {
    Span::Strong(spans)
}

impl<'a> Item<'a> {
    pub fn new(text: Inline<'a>) -> Self {
        Item {
            text,
            muted: false,
            children: Vec::new(),
        }
    }

    pub fn muted(text: Inline<'a>) -> Self {
        Item {
            muted: true,
            ..Item::new(text)
        }
    }
}

impl<'a> List<'a> {
    pub fn new(style: ListStyle) -> Self {
        List {
            style,
            entries: Vec::new(),
        }
    }

    pub fn push(&mut self, item: Item<'a>) {
        self.entries.push(Entry::Item(item));
    }

    /// The first `SUMMARY_CAP` of `items`, then how many more there are.
    pub fn capped<T>(style: ListStyle, items: &[T], item: impl Fn(&T) -> Item<'a>) -> Self {
        let mut l = List::new(style);
        l.entries.extend(
            items
                .iter()
                .take(super::SUMMARY_CAP)
                .map(|x| Entry::Item(item(x))),
        );
        if items.len() > super::SUMMARY_CAP {
            l.entries.push(Entry::Gap(items.len() - super::SUMMARY_CAP));
        }
        l
    }
}

impl<'a> Table<'a> {
    pub fn new(head: Vec<&'static str>) -> Self {
        Table {
            head,
            rows: Vec::new(),
            more: 0,
            total: None,
        }
    }
}

impl<'a> Cell<'a> {
    pub fn num(w: impl Into<Cow<'a, str>>) -> Self {
        Cell {
            num: true,
            text: vec![word(w)],
        }
    }

    pub fn word(w: impl Into<Cow<'a, str>>) -> Self {
        Cell {
            num: false,
            text: vec![word(w)],
        }
    }

    pub fn text(t: impl Into<Cow<'a, str>>) -> Self {
        Cell {
            num: false,
            text: vec![text(t)],
        }
    }

    pub fn of(text: Inline<'a>) -> Self {
        Cell { num: false, text }
    }
}

/// A section of the full record: its heading, and a remark when it is empty.
pub(crate) fn section<'a>(out: &mut Vec<Block<'a>>, title: &'static str, empty: bool) -> bool {
    out.push(Block::Heading(3, vec![word(title)]));
    if empty {
        out.push(Block::Muted(vec![word("None recorded.")]));
    }
    !empty
}
