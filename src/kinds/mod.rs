//! Every kind of item a checkpoint collects, each defined once in a module
//! of its own: its fields as saved, its form, its words on the screen and
//! the text search reads. The list at the bottom of this file is the only
//! other place a kind is named: the enum of kinds, an item of any kind and
//! the dispatch from a kind to its type are generated from it.
//!
//! This module sits below the session: it knows nothing of where the lists
//! are kept (`session::Stored` does) nor of how they are drawn.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub mod assumption;
pub mod avoidance;
pub mod commitment;
pub mod customer;
pub mod experiment;
pub mod fact;
pub mod faction;
pub mod force;
pub mod gadfly;
pub mod note;
pub mod polarity;
pub mod split;

pub type Timestamp = DateTime<FixedOffset>;

/// What every kind of item says about itself.
pub trait Kind:
    Clone + PartialEq + fmt::Debug + Serialize + DeserializeOwned + Send + Sync + 'static
{
    const KIND: ItemKind;
    /// Singular, for "new gadfly idea".
    const LABEL: &'static str;
    /// Plural, for headings.
    const HEADING: &'static str;
    /// How a sponsor counts them: "1 brutal fact", "3 brutal facts".
    const COUNTED: (&'static str, &'static str);

    /// Its id, when it was captured and where.
    fn stamp(&self) -> (u32, Timestamp, &str);

    /// The form's fields, in order, with what they start with.
    fn fields(ctx: &FormCtx) -> Vec<FieldSpec>;
    /// Fill a form with this item, to change it.
    fn fill(&self, form: &mut dyn Fill);
    /// The item a filled form describes, or the first problem with it.
    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem>;
    /// What a second Enter would override, with the field concerned. Only
    /// kinds that warn (a commitment's owner, its date) have any.
    fn warnings(_form: &dyn Values) -> Vec<(String, &'static str)> {
        Vec::new()
    }
    /// A field's label as the form reads now, when it depends on what is
    /// typed elsewhere in it (a map's purpose: both poles', or all three's).
    fn field_label(_form: &dyn Values, _key: &str) -> Option<&'static str> {
        None
    }

    /// A short tag and the main text, for one row of a list.
    fn summary(&self) -> (String, &str);
    /// Labelled lines for the selected item's details.
    fn details(&self) -> Vec<(String, String)>;
    /// The full record's columns after "#", the time (when `TIMED`) and
    /// the checkpoint; every export that lists the kind as a table uses them.
    const COLUMNS: &'static [&'static str];
    /// Whether the full record gives each item's time.
    const TIMED: bool = true;
    /// The item's row in the full record, a cell per column.
    fn cells(&self) -> Vec<Cell<'_>>;

    /// Every piece of text the item holds (a named author, a watcher too):
    /// each is checked when a file is loaded.
    fn words(&self) -> Vec<&str>;
    /// What search finds it by: rows of words, each with the word the hit
    /// is shown under. Most kinds are one row of their words.
    fn searched(&self) -> Vec<(&'static str, Vec<&str>)> {
        vec![(Self::LABEL, self.words())]
    }
    /// When a changed item replaces this one: keep what its form does not
    /// show (a commitment's status, when a map's signs fired).
    fn keep_unshown(&mut self, _old: &Self) {}
    /// Whether the room may see it on the wall (a private reflection may not).
    fn on_wall(&self) -> bool {
        true
    }

    /// Work given back to the people (a commitment, an experiment): one
    /// owner, a review date, the function that owns it and where it stands.
    /// `None` for every other kind.
    fn work(&self) -> Option<Work<'_>> {
        None
    }
    /// Where work can stand, for its status picker: empty for other kinds.
    const STATUSES: &'static [&'static str] = &[];
    /// What the kind calls where it stands: a commitment's "status", an
    /// experiment's "result".
    const STATUS_WORD: &'static str = "status";
    /// Set where the work stands, by its place in `STATUSES`.
    fn set_status(&mut self, _i: usize) {}
    /// The form field an adopted gadfly idea's words start in, for the kinds
    /// an idea can become.
    const FROM_IDEA: Option<&'static str> = None;
    /// Link this work to the gadfly idea it came from.
    fn link_idea(&mut self, _idea: Option<u32>) {}
    /// Its id and checkpoint, to move it into a follow-up.
    fn restamp(&mut self, id: u32, checkpoint: String);
}

/// What work of any kind says about itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Work<'a> {
    /// What is to be done or tried.
    pub what: &'a str,
    pub owner: &'a str,
    pub review: NaiveDate,
    pub function: &'a str,
    /// Its place in the kind's `STATUSES`.
    pub status: usize,
    /// Still to be done or learned: a follow-up carries it, `due` lists it.
    pub open: bool,
    pub from_idea: Option<u32>,
    /// One more thing a calendar reminder should say, with its label: what
    /// a commitment costs, what an experiment expects to see.
    pub aside: (&'static str, &'a str),
}

/// One cell of an item's row in the full record. Each export writes it in
/// its own way (escaped for Markdown or HTML).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Words someone typed.
    Text(&'a str),
    /// The app's own words, made for this item ("3 of 5 signs: ...").
    Owned(String),
    /// One of the app's own words (a label from a choice).
    Word(&'static str),
    /// A day, as 2026-12-31.
    Date(NaiveDate),
    /// Several entries, joined with "; ".
    List(&'a [String]),
    /// Who said it: shown as "anonymous" wherever the session is private.
    Author(&'a gadfly::Author),
    /// Words someone typed, or when there are none, `placeholder` in italics.
    OrNone(&'a str, &'static str),
}

/// What a form is opened with.
#[derive(Debug, Clone, Copy)]
pub struct FormCtx {
    /// A leader alone: some words and defaults differ.
    pub solo: bool,
    /// The day the form is opened: dates start from it.
    pub today: NaiveDate,
}

/// One field of an item's form.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    /// How the builder finds the field.
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub required: bool,
    pub input: Input,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// Text; `multi` fields keep line breaks, others are one line.
    Text { multi: bool, initial: String },
    Choice {
        options: Vec<String>,
        initial: usize,
    },
}

pub fn text(key: &'static str, label: &'static str, hint: &'static str, multi: bool) -> FieldSpec {
    FieldSpec {
        key,
        label,
        hint,
        required: false,
        input: Input::Text {
            multi,
            initial: String::new(),
        },
    }
}

pub fn required(mut f: FieldSpec) -> FieldSpec {
    f.required = true;
    f
}

pub fn initial(mut f: FieldSpec, value: impl Into<String>) -> FieldSpec {
    if let Input::Text { initial, .. } = &mut f.input {
        *initial = value.into();
    }
    f
}

pub fn choice<T: Copy>(
    key: &'static str,
    label: &'static str,
    all: &[T],
    name: impl Fn(T) -> &'static str,
    initial: usize,
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        hint: "",
        required: false,
        input: Input::Choice {
            options: all.iter().map(|x| name(*x).to_string()).collect(),
            initial,
        },
    }
}

/// The place of `x` in `all`, for a choice field.
pub fn pos<T: PartialEq>(all: &[T], x: &T) -> usize {
    all.iter().position(|a| a == x).unwrap_or(0)
}

/// The choice `i` of `all`, wrapping so a stale index never panics.
pub fn pick<T: Copy>(all: &[T], i: usize) -> T {
    all[i % all.len()]
}

/// What a filled form answers.
pub trait Values {
    /// The text of a field, trimmed; multi-line fields keep their breaks.
    fn text(&self, key: &str) -> String;
    /// The index of a choice field's option.
    fn choice(&self, key: &str) -> usize;
    /// The day the form was opened.
    fn today(&self) -> NaiveDate;
    /// Non-empty lines of a multi-line field.
    fn list(&self, key: &str) -> Vec<String> {
        self.text(key)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// What a form takes when it is filled from an item.
pub trait Fill {
    fn set_text(&mut self, key: &str, value: &str);
    fn set_choice(&mut self, key: &str, value: usize);
}

/// A problem that keeps a form from being saved, and the field to fix.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub text: String,
    pub field: &'static str,
}

pub fn problem(text: impl Into<String>, field: &'static str) -> Problem {
    Problem {
        text: text.into(),
        field,
    }
}

/// Where and when a new item is captured.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
}

/// The stamp every kind carries in the same three fields: `id`, `at`,
/// `checkpoint`.
macro_rules! stamped {
    () => {
        fn stamp(&self) -> (u32, Timestamp, &str) {
            (self.id, self.at, &self.checkpoint)
        }
        fn restamp(&mut self, id: u32, checkpoint: String) {
            self.id = id;
            self.checkpoint = checkpoint;
        }
    };
}
use stamped;

/// Items of every kind share these; `item_kinds!` generates the rest.
macro_rules! item_kinds {
    ($d:tt $( $variant:ident => $module:ident :: $ty:ident ),* $(,)?) => {
        /// The kinds of item a checkpoint can collect, in the order the
        /// screens and exports list them.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            strum::EnumIter, strum::EnumCount,
        )]
        pub enum ItemKind {
            $($variant),*
        }

        /// One item, of any kind.
        #[derive(Debug, Clone, PartialEq)]
        pub enum AnyItem {
            $($variant($module::$ty)),*
        }

        $(impl From<$module::$ty> for AnyItem {
            fn from(x: $module::$ty) -> AnyItem {
                AnyItem::$variant(x)
            }
        })*

        /// Evaluates `$body` with the type `$K` standing for `$kind`'s type.
        macro_rules! with_kind {
            ($d kind:expr, $d K:ident => $d body:expr) => {
                match $d kind {
                    $($crate::kinds::ItemKind::$variant => {
                        #[allow(dead_code)]
                        type $d K = $crate::kinds::$module::$ty;
                        $d body
                    })*
                }
            };
        }

        /// Evaluates `$body` with `$x` bound to the item inside `$item`.
        macro_rules! with_item {
            ($d item:expr, $d x:ident => $d body:expr) => {
                match $d item {
                    $($crate::kinds::AnyItem::$variant($d x) => $d body,)*
                }
            };
        }
    };
}

item_kinds! {$
    Gadfly => gadfly::Gadfly,
    Fact => fact::BrutalFact,
    Customer => customer::Customer,
    Split => split::Split,
    Polarity => polarity::Polarity,
    Faction => faction::Faction,
    Force => force::Force,
    Assumption => assumption::Assumption,
    Avoidance => avoidance::Avoidance,
    Commitment => commitment::Commitment,
    Experiment => experiment::Experiment,
    Note => note::Note,
}

pub(crate) use {with_item, with_kind};

impl ItemKind {
    /// How many kinds there are.
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// Every kind, in the list's order.
    pub fn all() -> impl Iterator<Item = ItemKind> {
        <Self as strum::IntoEnumIterator>::iter()
    }

    /// Singular, for "new gadfly idea".
    pub fn label(self) -> &'static str {
        with_kind!(self, K => K::LABEL)
    }

    /// Plural, for headings.
    pub fn heading(self) -> &'static str {
        with_kind!(self, K => K::HEADING)
    }

    /// "1 brutal fact", "3 brutal facts".
    pub fn counted(self, n: usize) -> String {
        let (one, many) = with_kind!(self, K => K::COUNTED);
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// The kind's place in the list.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Where its items can stand, when the kind is work (a commitment, an
    /// experiment); empty for other kinds.
    pub fn statuses(self) -> &'static [&'static str] {
        with_kind!(self, K => K::STATUSES)
    }

    /// What the kind calls where its items stand ("status", "result").
    pub fn status_word(self) -> &'static str {
        with_kind!(self, K => K::STATUS_WORD)
    }

    /// Whether an adopted gadfly idea can become an item of this kind.
    pub fn takes_ideas(self) -> bool {
        with_kind!(self, K => K::FROM_IDEA.is_some())
    }
}

impl AnyItem {
    pub fn kind(&self) -> ItemKind {
        with_item!(self, x => kind_of(x))
    }

    /// The item inside, if it is a `K`.
    pub fn get<K: Kind>(&self) -> Option<&K> {
        with_item!(self, x => (x as &dyn std::any::Any).downcast_ref::<K>())
    }

    /// This item, keeping what `old`'s form does not show.
    pub fn keeping_unshown(mut self, old: &AnyItem) -> AnyItem {
        fn keep<K: Kind>(new: &mut K, old: &AnyItem) {
            if let Some(o) = old.get::<K>() {
                new.keep_unshown(o);
            }
        }
        with_item!(&mut self, x => keep(x, old));
        self
    }
}

fn kind_of<K: Kind>(_: &K) -> ItemKind {
    K::KIND
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_says_it_is_itself() {
        for k in ItemKind::all() {
            assert_eq!(with_kind!(k, K => K::KIND), k);
            assert!(!k.label().is_empty() && !k.heading().is_empty());
        }
    }

    #[test]
    fn labels_and_headings_are_all_different() {
        let labels: std::collections::HashSet<_> = ItemKind::all().map(ItemKind::label).collect();
        let heads: std::collections::HashSet<_> = ItemKind::all().map(ItemKind::heading).collect();
        assert_eq!(labels.len(), ItemKind::all().count());
        assert_eq!(heads.len(), ItemKind::all().count());
    }
}
