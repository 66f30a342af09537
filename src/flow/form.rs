//! One generic form, driven by a list of fields, for every kind of item (and
//! the start screen's new-session fields). Building an item from a form is
//! pure: the flow decides where it goes.

use chrono::NaiveDate;
use ratatui_textarea::{TextArea, WrapMode};

pub use crate::kinds::commitment::review_date;
use crate::kinds::{self, FieldSpec, Fill, FormCtx, Input, Values, problem, with_kind};
pub use crate::kinds::{Problem, Stamp};
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
    /// Before a raise: who feels the urgency, how ripe the issue is.
    Readiness,
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
    /// Work made from this adopted gadfly idea links back to it.
    pub from_idea: Option<u32>,
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
    Field::of(kinds::text(key, label, hint, multi))
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

impl Field {
    /// The field a kind's form asks for, with what it starts with.
    pub fn of(spec: FieldSpec) -> Field {
        let value = match spec.input {
            Input::Text { multi, initial } => Value::Text {
                area: text_area(&initial),
                multi,
            },
            Input::Choice { options, initial } => Value::Choice {
                options,
                sel: initial,
            },
        };
        Field {
            key: spec.key,
            label: spec.label,
            hint: spec.hint,
            required: spec.required,
            value,
        }
    }
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
            from_idea: None,
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

    /// The session's context, to change it: the challenge, and the
    /// organisation's functions (none of which is exempt from the work).
    pub fn context(ses: &Session) -> Form {
        let mut f = Form::new(
            Purpose::Context,
            s::CONTEXT_TITLE,
            vec![
                text(
                    "context",
                    "The challenge",
                    "a sentence or two: every export opens with it",
                    true,
                ),
                text("functions", s::FUNCTIONS_LABEL, s::FUNCTIONS_HINT, true),
            ],
        );
        f.set_text("context", &ses.meta.context);
        f.set_text("functions", &ses.functions.join("\n"));
        f
    }

    /// The readiness check before a raise, starting from the last answer.
    pub fn readiness(ses: &Session, keys: &crate::keymap::Keymap) -> Form {
        let labels = |all: &[&str]| all.iter().map(|x| x.to_string()).collect();
        let key = keys.first_key(
            crate::keymap::Ctx::Readiness,
            crate::keymap::Action::NotChecked,
        );
        let mut f = Form::new(
            Purpose::Readiness,
            s::readiness_title(&key),
            vec![
                choice("urgency", s::URGENCY_LABEL, labels(&s::URGENCY_CHOICES), 1),
                choice(
                    "ripeness",
                    s::RIPENESS_LABEL,
                    labels(&s::RIPENESS_CHOICES),
                    1,
                ),
                text("evidence", s::EVIDENCE_LABEL, s::EVIDENCE_HINT, false),
            ],
        );
        if let Some(Readiness::Checked {
            urgency,
            ripeness,
            evidence,
        }) = ses.last_checked()
        {
            f.set_choice("urgency", kinds::pos(&Urgency::ALL, urgency));
            f.set_choice("ripeness", kinds::pos(&Ripeness::ALL, ripeness));
            f.set_text("evidence", evidence);
        }
        f
    }

    /// What a filled readiness form answers.
    pub fn readiness_answer(&self) -> Readiness {
        Readiness::Checked {
            urgency: kinds::pick(&Urgency::ALL, self.choice("urgency")),
            ripeness: kinds::pick(&Ripeness::ALL, self.choice("ripeness")),
            evidence: self.text("evidence"),
        }
    }

    /// An empty form for a kind of item. `today` fills in a review date.
    pub fn for_item(kind: ItemKind, mode: Mode, today: NaiveDate) -> Form {
        let ctx = FormCtx {
            solo: mode == Mode::Solo,
            today,
        };
        let specs = with_kind!(kind, K => K::fields(&ctx));
        let fields = specs.into_iter().map(Field::of).collect();
        let mut form = Form::new(Purpose::Item(kind), format!("New {}", kind.label()), fields);
        form.today = today;
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

    /// Work of `kind` (a commitment, an experiment) made from adopted
    /// gadfly idea `g`: its words to start from, one owner and a review
    /// date still to name.
    pub fn to_work(kind: ItemKind, g: &Gadfly, mode: Mode, today: NaiveDate) -> Form {
        let mut f = Form::for_item(kind, mode, today);
        if let Some(field) = with_kind!(kind, K => K::FROM_IDEA) {
            f.set_text(field, &g.text);
        }
        f.title = s::to_work_title(g.id, kind.label());
        f.from_idea = Some(g.id);
        f
    }

    /// A form filled in from item `i` of `kind`, to change it.
    pub fn from_item(ses: &Session, kind: ItemKind, i: usize, today: NaiveDate) -> Form {
        let mut f = Form::for_item(kind, ses.meta.mode, today);
        let Some((id, at, checkpoint)) = ses.stamp_of(kind, i) else {
            return f;
        };
        let st = Stamp {
            id,
            at,
            checkpoint: checkpoint.to_string(),
        };
        with_kind!(kind, K => if let Some(x) = K::list(ses).get(i) {
            x.fill(&mut f);
        });
        f.title = format!("Change {} #{}", kind.label(), st.id);
        f.editing = Some((i, st));
        f
    }

    /// Whether this form would write the same item as `other` (a kept draft).
    pub fn same_item(&self, other: &Form) -> bool {
        self.purpose == other.purpose
            && self.from_idea == other.from_idea
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

    /// The keys this form reads: the readiness check's Enter goes on to
    /// the tactic, and its arrows move between questions.
    pub fn ctx(&self) -> crate::keymap::Ctx {
        match self.purpose {
            Purpose::Readiness => crate::keymap::Ctx::Readiness,
            _ => crate::keymap::Ctx::Form,
        }
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

    /// Field `i`'s label as it reads now: a kind may word it after what
    /// else is typed (a map's purpose, served by two poles or by three).
    pub fn label(&self, i: usize) -> &'static str {
        let f = &self.fields[i];
        match self.purpose {
            Purpose::Item(kind) => with_kind!(kind, K => K::field_label(self, f.key)),
            _ => None,
        }
        .unwrap_or(f.label)
    }

    /// What a second Enter would override, in words, with the field
    /// concerned: an owner that is a group, a review date already past.
    pub fn warnings(&self) -> Vec<(String, &'static str)> {
        match self.purpose {
            Purpose::Item(kind) => with_kind!(kind, K => K::warnings(self)),
            _ => Vec::new(),
        }
    }
}

/// Build the item a form describes, or say what is missing. A commitment
/// records the warnings it is saved despite.
pub fn build(form: &Form, kind: ItemKind, st: Stamp) -> Result<AnyItem, Problem> {
    if let Some(f) = form.missing() {
        return Err(problem(format!("{}: {}", s::REQUIRED, f.label), f.key));
    }
    with_kind!(kind, K => K::build(form, st).map(|mut x| {
        if form.from_idea.is_some() {
            x.link_idea(form.from_idea);
        }
        AnyItem::from(x)
    }))
}

impl Values for Form {
    fn text(&self, key: &str) -> String {
        Form::text(self, key)
    }

    fn choice(&self, key: &str) -> usize {
        Form::choice(self, key)
    }

    fn today(&self) -> NaiveDate {
        self.today
    }
}

impl Fill for Form {
    fn set_text(&mut self, key: &str, value: &str) {
        Form::set_text(self, key, value)
    }

    fn set_choice(&mut self, key: &str, value: usize) {
        Form::set_choice(self, key, value)
    }
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
