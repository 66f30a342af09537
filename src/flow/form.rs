//! One generic form, driven by a list of fields, for every kind of item (and
//! the start screen's new-session fields). Building an item from a form is
//! pure: the flow decides where it goes.

use chrono::{Days, NaiveDate};
use ratatui_textarea::{TextArea, WrapMode};

use crate::session::validate::MAX_TEXT_CHARS;
use crate::session::*;
use crate::strings as s;

/// What a field holds.
#[derive(Debug, Clone)]
pub enum Value {
    /// Text; `multi` fields keep line breaks, others are one line.
    Text {
        area: Box<TextArea<'static>>,
        multi: bool,
    },
    Choice {
        options: Vec<String>,
        sel: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Field {
    /// How the builder finds the field.
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub required: bool,
    pub value: Value,
}

/// What the form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Item(ItemKind),
    NewSession,
    /// The session's context: the challenge it is about.
    Context,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub purpose: Purpose,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A problem to fix before the item can be saved.
    pub error: Option<String>,
    /// The warnings last shown (a group as owner, a date already past): the
    /// same warnings on a second Enter are overridden, and the item says so.
    pub warned: Vec<String>,
    /// The day the form was opened: review dates before it are warned about.
    pub today: NaiveDate,
    /// When changing an existing item: its place in its list and its stamp.
    pub editing: Option<(usize, Stamp)>,
    /// Something was typed or chosen: closing the form keeps it as a draft.
    pub touched: bool,
}

pub fn text_area(initial: &str) -> Box<TextArea<'static>> {
    let lines: Vec<String> = initial.split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    Box::new(area)
}

fn text(key: &'static str, label: &'static str, hint: &'static str, multi: bool) -> Field {
    Field {
        key,
        label,
        hint,
        required: false,
        value: Value::Text {
            area: text_area(""),
            multi,
        },
    }
}

fn required(mut f: Field) -> Field {
    f.required = true;
    f
}

fn choice(key: &'static str, label: &'static str, options: Vec<String>, sel: usize) -> Field {
    Field {
        key,
        label,
        hint: "",
        required: false,
        value: Value::Choice { options, sel },
    }
}

fn labels<T: Copy>(all: &[T], f: impl Fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|x| f(*x).to_string()).collect()
}

/// Number of characters in a text area.
pub fn char_count(area: &TextArea) -> usize {
    let lines = area.lines();
    lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
}

impl Form {
    fn new(purpose: Purpose, title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            purpose,
            title: title.into(),
            fields,
            focus: 0,
            error: None,
            warned: Vec::new(),
            today: NaiveDate::default(),
            editing: None,
            touched: false,
        }
    }

    /// The start screen's fields.
    pub fn new_session() -> Form {
        Form::new(
            Purpose::NewSession,
            s::NEW_SESSION,
            vec![
                text("title", "Title", "what this session is about", false),
                text(
                    "context",
                    "The challenge",
                    "a sentence or two: every export opens with it",
                    true,
                ),
                text("facilitator", "Facilitator", "who runs it", false),
                choice(
                    "workshop",
                    "Workshop",
                    s::WORKSHOP_CHOICES.iter().map(|x| x.to_string()).collect(),
                    0,
                ),
                text(
                    "template",
                    "Template file",
                    "a .ron workshop, when chosen above",
                    false,
                ),
            ],
        )
    }

    /// The session's context, to change it.
    pub fn context(ses: &Session) -> Form {
        let mut f = Form::new(
            Purpose::Context,
            s::CONTEXT_TITLE,
            vec![text(
                "context",
                "The challenge",
                "a sentence or two: every export opens with it",
                true,
            )],
        );
        f.set_text("context", &ses.meta.context);
        f
    }

    /// An empty form for a kind of item. `today` fills in a review date.
    pub fn for_item(kind: ItemKind, mode: Mode, today: NaiveDate) -> Form {
        let fields = match kind {
            ItemKind::Gadfly => vec![
                required(text(
                    "text",
                    "The idea, as it was said",
                    "however badly packaged",
                    true,
                )),
                text(
                    "author",
                    "Said by",
                    "leave empty to keep it anonymous",
                    false,
                ),
                choice("voice", "Voice", labels(&Voice::ALL, Voice::label), 0),
                choice(
                    "reaction",
                    if mode == Mode::Solo {
                        s::MY_REACTION
                    } else {
                        s::ROOM_REACTION
                    },
                    labels(&Reaction::ALL, Reaction::label),
                    0,
                ),
                choice(
                    "fate",
                    "Fate",
                    s::FATES.iter().map(|x| x.to_string()).collect(),
                    0,
                ),
                text(
                    "reason",
                    "Reason (needed to decline)",
                    "an idea is never dropped silently",
                    false,
                ),
            ],
            ItemKind::Fact => vec![
                required(text(
                    "text",
                    "The brutal fact",
                    "what customers or staff actually say",
                    true,
                )),
                choice(
                    "source",
                    "Source",
                    labels(&SourceKind::ALL, SourceKind::label),
                    0,
                ),
                text(
                    "detail",
                    "Who said it / where the number comes from",
                    "",
                    false,
                ),
            ],
            ItemKind::Split => vec![
                required(text("text", "The part of the challenge", "", true)),
                choice(
                    "kind",
                    "Technical or adaptive",
                    labels(&SplitKind::ALL, SplitKind::label),
                    1,
                ),
                text(
                    "loss",
                    "What we'd lose",
                    "loss is recorded wherever a decision is",
                    true,
                ),
            ],
            ItemKind::Polarity => vec![
                text("purpose", "The purpose both poles serve", "", false),
                required(text("left", "Left pole (a neutral name)", "", false)),
                text("left_holders", "Who holds it", "", false),
                text("left_up", "Upsides of the left pole", "one per line", true),
                text("left_down", "Downsides when overdone", "one per line", true),
                text("left_loss", "What its holders would lose", "", false),
                required(text("right", "Right pole (a neutral name)", "", false)),
                text("right_holders", "Who holds it", "", false),
                text(
                    "right_up",
                    "Upsides of the right pole",
                    "one per line",
                    true,
                ),
                text(
                    "right_down",
                    "Downsides when overdone",
                    "one per line",
                    true,
                ),
                text("right_loss", "What its holders would lose", "", false),
                text(
                    "left_signs",
                    "Signs the LEFT pole is overdone",
                    "one per line: sign @ watcher",
                    true,
                ),
                text(
                    "right_signs",
                    "Signs the RIGHT pole is overdone",
                    "one per line: sign @ watcher",
                    true,
                ),
            ],
            ItemKind::Faction => vec![
                required(text("name", "Faction", "a group, team or function", false)),
                choice("stance", "Stance", labels(&Stance::ALL, Stance::label), 2),
                text("values", "What it values", "one per line", true),
                text("loyalties", "To whom it is loyal", "one per line", true),
                text("losses", "What it stands to lose", "one per line", true),
            ],
            ItemKind::Assumption => vec![
                required(text("text", "The assumption", "as people say it", true)),
                choice(
                    "kind",
                    "Vital Lie or aspiration",
                    labels(&AssumptionKind::ALL, AssumptionKind::label),
                    0,
                ),
                text(
                    "evidence",
                    "Evidence",
                    "set it against the brutal facts",
                    true,
                ),
            ],
            ItemKind::Avoidance => vec![
                required(text("text", "What was seen or said", "", true)),
                choice(
                    "pattern",
                    "Pattern",
                    labels(&AvoidancePattern::ALL, AvoidancePattern::label),
                    0,
                ),
            ],
            ItemKind::Commitment => vec![
                required(text(
                    "what",
                    "The commitment",
                    "an experiment, small and concrete",
                    true,
                )),
                required(text(
                    "owner",
                    "Owner",
                    "one named person, not a group",
                    false,
                )),
                required(text("review", "Review date", "YYYY-MM-DD", false)),
                text("loss", "What this costs someone", "", true),
            ],
            ItemKind::Note => {
                let sel = if mode == Mode::Solo { 2 } else { 0 };
                vec![
                    required(text("text", "The note", "", true)),
                    choice(
                        "kind",
                        "Kind of note",
                        labels(&NoteKind::ALL, NoteKind::label),
                        sel,
                    ),
                ]
            }
        };
        let mut form = Form::new(Purpose::Item(kind), format!("New {}", kind.label()), fields);
        form.today = today;
        if kind == ItemKind::Commitment {
            let date = today.checked_add_days(Days::new(14)).unwrap_or(today);
            form.set_text("review", &date.format("%Y-%m-%d").to_string());
            // Alone, the one commitment is the leader's own.
            if mode == Mode::Solo {
                form.set_text("owner", crate::strings::SOLO_OWNER);
            }
        }
        form
    }

    fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The text of a field, trimmed; multi-line fields keep their breaks.
    pub fn text(&self, key: &str) -> String {
        match self.field(key).map(|f| &f.value) {
            Some(Value::Text { area, .. }) => area.lines().join("\n").trim().to_string(),
            _ => String::new(),
        }
    }

    /// Non-empty lines of a multi-line field.
    pub fn list(&self, key: &str) -> Vec<String> {
        self.text(key)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }

    pub fn choice(&self, key: &str) -> usize {
        match self.field(key).map(|f| &f.value) {
            Some(Value::Choice { sel, .. }) => *sel,
            _ => 0,
        }
    }

    pub fn set_choice(&mut self, key: &str, value: usize) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.key == key)
            && let Value::Choice { options, sel } = &mut f.value
        {
            *sel = value.min(options.len().saturating_sub(1));
        }
    }

    /// A form filled in from item `i` of `kind`, to change it.
    pub fn from_item(ses: &Session, kind: ItemKind, i: usize, today: NaiveDate) -> Form {
        fn pos<T: PartialEq>(all: &[T], x: &T) -> usize {
            all.iter().position(|a| a == x).unwrap_or(0)
        }
        let mut f = Form::for_item(kind, ses.meta.mode, today);
        let stamp = |id: u32, at: Timestamp, cp: &str| Stamp {
            id,
            at,
            checkpoint: cp.to_string(),
        };
        let st = match kind {
            ItemKind::Gadfly => {
                let g = &ses.gadflies[i];
                f.set_text("text", &g.text);
                if let Author::Named(n) = &g.author {
                    f.set_text("author", n);
                }
                f.set_choice("voice", pos(&Voice::ALL, &g.voice));
                f.set_choice("reaction", pos(&Reaction::ALL, &g.reaction));
                let fate = match &g.fate {
                    Fate::Parked => 0,
                    Fate::Exploring => 1,
                    Fate::Adopted => 2,
                    Fate::Declined(r) => {
                        f.set_text("reason", r);
                        3
                    }
                };
                f.set_choice("fate", fate);
                stamp(g.id, g.at, &g.checkpoint)
            }
            ItemKind::Fact => {
                let x = &ses.facts[i];
                f.set_text("text", &x.text);
                f.set_choice("source", pos(&SourceKind::ALL, &x.source));
                f.set_text("detail", &x.source_detail);
                stamp(x.id, x.at, &x.checkpoint)
            }
            ItemKind::Split => {
                let x = &ses.splits[i];
                f.set_text("text", &x.text);
                f.set_choice("kind", pos(&SplitKind::ALL, &x.kind));
                f.set_text("loss", &x.loss);
                stamp(x.id, x.at, &x.checkpoint)
            }
            ItemKind::Polarity => {
                let x = &ses.polarities[i];
                f.set_text("purpose", &x.purpose);
                for (side, pole) in [("left", &x.left), ("right", &x.right)] {
                    f.set_text(side, &pole.name);
                    f.set_text(&format!("{side}_holders"), &pole.holders);
                    f.set_text(&format!("{side}_up"), &pole.upsides.join("\n"));
                    f.set_text(&format!("{side}_down"), &pole.downsides.join("\n"));
                    f.set_text(&format!("{side}_loss"), &pole.would_lose);
                }
                for (key, side) in [("left_signs", Side::Left), ("right_signs", Side::Right)] {
                    let lines: Vec<String> = x
                        .warnings
                        .iter()
                        .filter(|w| w.overdone == side)
                        .map(|w| format!("{} @ {}", w.sign, w.watcher))
                        .collect();
                    f.set_text(key, &lines.join("\n"));
                }
                stamp(x.id, x.at, &x.checkpoint)
            }
            ItemKind::Faction => {
                let x = &ses.factions[i];
                f.set_text("name", &x.name);
                f.set_choice("stance", pos(&Stance::ALL, &x.stance));
                f.set_text("values", &x.values.join("\n"));
                f.set_text("loyalties", &x.loyalties.join("\n"));
                f.set_text("losses", &x.losses.join("\n"));
                stamp(x.id, x.at, &x.checkpoint)
            }
            ItemKind::Assumption => {
                let x = &ses.assumptions[i];
                f.set_text("text", &x.text);
                f.set_choice("kind", pos(&AssumptionKind::ALL, &x.kind));
                f.set_text("evidence", &x.evidence);
                stamp(x.id, x.at, &x.checkpoint)
            }
            ItemKind::Avoidance => {
                let x = &ses.avoidance[i];
                f.set_text("text", &x.text);
                f.set_choice("pattern", pos(&AvoidancePattern::ALL, &x.pattern));
                stamp(x.id, x.at, &x.checkpoint)
            }
            ItemKind::Commitment => {
                let x = &ses.commitments[i];
                f.set_text("what", &x.what);
                f.set_text("owner", &x.owner);
                f.set_text("review", &x.review.format("%Y-%m-%d").to_string());
                f.set_text("loss", &x.loss);
                stamp(x.id, x.at, &x.checkpoint)
            }
            ItemKind::Note => {
                let x = &ses.notes[i];
                f.set_text("text", &x.text);
                f.set_choice("kind", pos(&NoteKind::ALL, &x.kind));
                stamp(x.id, x.at, &x.checkpoint)
            }
        };
        f.title = format!("Change {} #{}", kind.label(), st.id);
        f.editing = Some((i, st));
        f
    }

    /// Whether this form would write the same item as `other` (a kept draft).
    pub fn same_item(&self, other: &Form) -> bool {
        self.purpose == other.purpose
            && self.editing.as_ref().map(|e| e.0) == other.editing.as_ref().map(|e| e.0)
    }

    pub fn set_text(&mut self, key: &str, value: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.key == key)
            && let Value::Text { area, .. } = &mut f.value
        {
            *area = text_area(value);
        }
    }

    pub fn focused(&mut self) -> &mut Field {
        let i = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[i]
    }

    pub fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    /// Step the focused choice; false when the focus is on a text field.
    pub fn step_choice(&mut self, forward: bool) -> bool {
        match &mut self.focused().value {
            Value::Choice { options, sel } => {
                let n = options.len().max(1);
                *sel = if forward {
                    (*sel + 1) % n
                } else {
                    (*sel + n - 1) % n
                };
                true
            }
            Value::Text { .. } => false,
        }
    }

    /// The first required field left empty.
    fn missing(&self) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| f.required && crate::clean::is_blank(&self.text(f.key)))
    }

    /// Show a problem and put the focus on the field to fix.
    pub fn show(&mut self, p: Problem) {
        self.error = Some(p.text);
        self.focus_on(p.field);
    }

    /// Put the focus on the field with this key.
    pub fn focus_on(&mut self, key: &str) {
        if let Some(i) = self.fields.iter().position(|f| f.key == key) {
            self.focus = i;
        }
    }

    /// What a second Enter would override, in words: an owner that is a
    /// group, a review date already past. Only commitments have any.
    pub fn warnings(&self) -> Vec<(String, &'static str)> {
        if self.purpose != Purpose::Item(ItemKind::Commitment) {
            return Vec::new();
        }
        let mut out = Vec::new();
        let owner = self.text("owner");
        if !owner.is_empty()
            && let Some(why) = crate::session::owner_group_reason(&owner)
        {
            out.push((format!("\"{owner}\" {why}"), "owner"));
        }
        if let Ok(d) = review_date(&self.text("review"))
            && d < self.today
        {
            out.push((s::date_past(&self.text("review")), "review"));
        }
        out
    }
}

/// A problem that keeps a form from being saved, and the field to fix.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub text: String,
    pub field: &'static str,
}

fn problem(text: impl Into<String>, field: &'static str) -> Problem {
    Problem {
        text: text.into(),
        field,
    }
}

/// A review date, or what is wrong with it: the wrong shape, or a day the
/// calendar does not have.
pub fn review_date(text: &str) -> Result<NaiveDate, String> {
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(d);
    }
    let parts: Vec<&str> = text.split('-').collect();
    let num = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    match parts[..] {
        [y, m, d] if y.len() == 4 => match (num(y), num(m), num(d)) {
            (Some(y), Some(m), Some(_)) if !(1..=12).contains(&m) => {
                Err(s::no_such_month(text, y as i32))
            }
            (Some(y), Some(m), Some(_)) => {
                let days = NaiveDate::from_ymd_opt(y as i32, m, 1)
                    .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
                    .and_then(|next| next.pred_opt())
                    .map_or(31, |last| chrono::Datelike::day(&last));
                Err(s::no_such_day(text, m, y as i32, days))
            }
            _ => Err(s::BAD_DATE.to_string()),
        },
        _ => Err(s::BAD_DATE.to_string()),
    }
}

/// A new item, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub enum NewItem {
    Gadfly(Gadfly),
    Fact(BrutalFact),
    Split(Split),
    Polarity(Polarity),
    Faction(Faction),
    Assumption(Assumption),
    Avoidance(Avoidance),
    Commitment(Commitment),
    Note(Note),
}

impl NewItem {
    /// A copy of item `i` of `kind`, to put back on undo.
    pub fn copy_of(ses: &Session, kind: ItemKind, i: usize) -> Option<NewItem> {
        Some(match kind {
            ItemKind::Gadfly => NewItem::Gadfly(ses.gadflies.get(i)?.clone()),
            ItemKind::Fact => NewItem::Fact(ses.facts.get(i)?.clone()),
            ItemKind::Split => NewItem::Split(ses.splits.get(i)?.clone()),
            ItemKind::Polarity => NewItem::Polarity(ses.polarities.get(i)?.clone()),
            ItemKind::Faction => NewItem::Faction(ses.factions.get(i)?.clone()),
            ItemKind::Assumption => NewItem::Assumption(ses.assumptions.get(i)?.clone()),
            ItemKind::Avoidance => NewItem::Avoidance(ses.avoidance.get(i)?.clone()),
            ItemKind::Commitment => NewItem::Commitment(ses.commitments.get(i)?.clone()),
            ItemKind::Note => NewItem::Note(ses.notes.get(i)?.clone()),
        })
    }

    /// Put this item at index `i` of its list; false if there is no such item.
    pub fn put(self, ses: &mut Session, i: usize) -> bool {
        fn set<T>(list: &mut [T], i: usize, x: T) -> bool {
            match list.get_mut(i) {
                Some(slot) => {
                    *slot = x;
                    true
                }
                None => false,
            }
        }
        match self {
            NewItem::Gadfly(x) => set(&mut ses.gadflies, i, x),
            NewItem::Fact(x) => set(&mut ses.facts, i, x),
            NewItem::Split(x) => set(&mut ses.splits, i, x),
            NewItem::Polarity(x) => set(&mut ses.polarities, i, x),
            NewItem::Faction(x) => set(&mut ses.factions, i, x),
            NewItem::Assumption(x) => set(&mut ses.assumptions, i, x),
            NewItem::Avoidance(x) => set(&mut ses.avoidance, i, x),
            NewItem::Commitment(x) => set(&mut ses.commitments, i, x),
            NewItem::Note(x) => set(&mut ses.notes, i, x),
        }
    }
}

/// Where and when the new item is captured.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
}

/// "sign @ watcher" lines into early-warning signs.
fn warnings(lines: Vec<String>, overdone: Side) -> Result<Vec<EarlyWarning>, Problem> {
    lines
        .into_iter()
        .map(|line| match line.rsplit_once('@') {
            Some((sign, watcher)) if !sign.trim().is_empty() && !watcher.trim().is_empty() => {
                Ok(EarlyWarning {
                    sign: sign.trim().to_string(),
                    overdone,
                    watcher: watcher.trim().to_string(),
                    fired: Vec::new(),
                })
            }
            _ => Err(problem(
                format!("{}: \"{line}\"", s::SIGN_NEEDS_WATCHER),
                match overdone {
                    Side::Left => "left_signs",
                    Side::Right => "right_signs",
                },
            )),
        })
        .collect()
}

/// Build the item a form describes, or say what is missing. A commitment
/// records the warnings it is saved despite.
pub fn build(form: &Form, kind: ItemKind, st: Stamp) -> Result<NewItem, Problem> {
    if let Some(f) = form.missing() {
        return Err(problem(format!("{}: {}", s::REQUIRED, f.label), f.key));
    }
    let Stamp { id, at, checkpoint } = st;
    let t = |k: &str| form.text(k);
    Ok(match kind {
        ItemKind::Gadfly => {
            let author = match t("author") {
                a if a.is_empty() => Author::Anonymous,
                a => Author::Named(a),
            };
            let fate = match form.choice("fate") {
                0 => Fate::Parked,
                1 => Fate::Exploring,
                2 => Fate::Adopted,
                _ => {
                    let reason = t("reason");
                    if reason.is_empty() {
                        return Err(problem(s::DECLINE_NEEDS_REASON, "reason"));
                    }
                    Fate::Declined(reason)
                }
            };
            NewItem::Gadfly(Gadfly {
                id,
                at,
                checkpoint,
                text: t("text"),
                author,
                voice: Voice::ALL[form.choice("voice") % Voice::ALL.len()],
                reaction: Reaction::ALL[form.choice("reaction") % Reaction::ALL.len()],
                fate,
            })
        }
        ItemKind::Fact => NewItem::Fact(BrutalFact {
            id,
            at,
            checkpoint,
            text: t("text"),
            source: SourceKind::ALL[form.choice("source") % SourceKind::ALL.len()],
            source_detail: t("detail"),
        }),
        ItemKind::Split => NewItem::Split(Split {
            id,
            at,
            checkpoint,
            text: t("text"),
            kind: SplitKind::ALL[form.choice("kind") % SplitKind::ALL.len()],
            loss: t("loss"),
        }),
        ItemKind::Polarity => {
            let pole = |side: &str| Pole {
                name: t(side),
                holders: t(&format!("{side}_holders")),
                upsides: form.list(&format!("{side}_up")),
                downsides: form.list(&format!("{side}_down")),
                would_lose: t(&format!("{side}_loss")),
            };
            let mut signs = warnings(form.list("left_signs"), Side::Left)?;
            signs.extend(warnings(form.list("right_signs"), Side::Right)?);
            NewItem::Polarity(Polarity {
                id,
                at,
                checkpoint,
                left: pole("left"),
                right: pole("right"),
                purpose: t("purpose"),
                warnings: signs,
            })
        }
        ItemKind::Faction => NewItem::Faction(Faction {
            id,
            at,
            checkpoint,
            name: t("name"),
            stance: Stance::ALL[form.choice("stance") % Stance::ALL.len()],
            values: form.list("values"),
            loyalties: form.list("loyalties"),
            losses: form.list("losses"),
        }),
        ItemKind::Assumption => NewItem::Assumption(Assumption {
            id,
            at,
            checkpoint,
            text: t("text"),
            kind: AssumptionKind::ALL[form.choice("kind") % AssumptionKind::ALL.len()],
            evidence: t("evidence"),
        }),
        ItemKind::Avoidance => NewItem::Avoidance(Avoidance {
            id,
            at,
            checkpoint,
            pattern: AvoidancePattern::ALL[form.choice("pattern") % AvoidancePattern::ALL.len()],
            text: t("text"),
        }),
        ItemKind::Commitment => {
            let review = review_date(&t("review")).map_err(|e| problem(e, "review"))?;
            NewItem::Commitment(Commitment {
                id,
                at,
                checkpoint,
                what: t("what"),
                owner: t("owner"),
                review,
                status: CommitmentStatus::Open,
                loss: t("loss"),
                overridden: form.warnings().into_iter().map(|w| w.0).collect(),
            })
        }
        ItemKind::Note => NewItem::Note(Note {
            id,
            at,
            checkpoint,
            kind: NoteKind::ALL[form.choice("kind") % NoteKind::ALL.len()],
            text: t("text"),
        }),
    })
}

/// A key into a text area, kept only if the field stays within its cap
/// (whatever the key: Ctrl or Alt chords can insert too). `None` when the
/// key was turned away because the field is full; otherwise whether it
/// changed the text.
pub fn input_capped(area: &mut TextArea, ev: crossterm::event::KeyEvent) -> Option<bool> {
    let before = char_count(area);
    let typed = area.input(ev);
    if typed && char_count(area) > MAX_TEXT_CHARS.max(before) {
        area.undo();
        return None;
    }
    Some(typed)
}

/// Insert pasted text into a text area, keeping the field under the cap.
/// Returns true when the paste was cut short.
pub fn paste_into(area: &mut TextArea, multi: bool, text: &str) -> bool {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = if multi { text } else { text.replace('\n', " ") };
    let room = MAX_TEXT_CHARS.saturating_sub(char_count(area));
    let total = text.chars().count();
    if total > room {
        let cut: String = text.chars().take(room).collect();
        area.insert_str(cut);
        true
    } else {
        area.insert_str(text);
        false
    }
}
