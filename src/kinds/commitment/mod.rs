//! A commitment: work given back to the people, with one named owner and a
//! date to look at it again.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::*;
use crate::strings as s;
use crate::text::trunc;

pub mod owner;

use owner::{owner_group_reason, owner_is_group};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    pub what: String,
    /// Exactly one person. Groups ("the team") are warned about in the UI.
    pub owner: String,
    pub review: NaiveDate,
    pub status: CommitmentStatus,
    /// What this costs someone: loss is recorded wherever a decision is.
    #[serde(default)]
    pub loss: String,
    /// The function (sales, service, IT...) that owns it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub function: String,
    /// Warnings the facilitator saw and kept the commitment anyway (an owner
    /// that names a group, a review date already past), in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<String>,
    /// The gadfly idea this work came from, when an adopted idea was
    /// turned into a commitment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_idea: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CommitmentStatus {
    Open,
    Kept,
    Dropped,
}

impl CommitmentStatus {
    pub const ALL: [CommitmentStatus; 3] = [
        CommitmentStatus::Open,
        CommitmentStatus::Kept,
        CommitmentStatus::Dropped,
    ];
    pub fn label(self) -> &'static str {
        <Commitment as Kind>::STATUSES[self as usize]
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

/// The owner and review date every work's form asks for: one person (the
/// leader, alone) and a date two weeks on.
pub fn owner_and_review(ctx: &FormCtx) -> [FieldSpec; 2] {
    let date = ctx
        .today
        .checked_add_days(Days::new(14))
        .unwrap_or(ctx.today);
    let owner = if ctx.solo { s::SOLO_OWNER } else { "" };
    [
        required(initial(
            text("owner", "Owner", "one named person, not a group", false),
            owner,
        )),
        required(initial(
            text("review", "Review date", "YYYY-MM-DD", false),
            date.format("%Y-%m-%d").to_string(),
        )),
    ]
}

/// The function that owns a piece of work.
pub fn function_field() -> FieldSpec {
    text(
        "function",
        "The function that owns it",
        "sales, service, IT...: no function is exempt",
        false,
    )
}

/// What a second Enter overrides on any work's form: an owner that is a
/// group, a review date already past.
pub fn owner_and_date_warnings(form: &dyn Values) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let owner = form.text("owner");
    if !owner.is_empty()
        && let Some(why) = owner_group_reason(&owner)
    {
        out.push((format!("\"{owner}\" {why}"), "owner"));
    }
    let review = form.text("review");
    if let Ok(d) = review_date(&review)
        && d < form.today()
    {
        out.push((s::date_past(&review), "review"));
    }
    out
}

/// A list row's tag for work of any kind: "open · Dana Levi · review 2027-01-15".
pub fn work_tag(status: &str, owner: &str, review: NaiveDate) -> String {
    format!("{status} · {} · review {review}", trunc(owner, 20))
}

impl Kind for Commitment {
    const KIND: ItemKind = ItemKind::Commitment;
    const LABEL: &'static str = "commitment";
    const HEADING: &'static str = "Commitments";
    const COUNTED: (&'static str, &'static str) = ("commitment", "commitments");
    const COLUMNS: &'static [&'static str] = &[
        "What",
        "Owner",
        "Review",
        "Status",
        "What it costs",
        "Function",
        "Kept despite",
    ];
    const TIMED: bool = false;

    stamped!();

    fn fields(ctx: &FormCtx) -> Vec<FieldSpec> {
        let [owner, review] = owner_and_review(ctx);
        vec![
            required(text(
                "what",
                "The commitment",
                "an experiment, small and concrete",
                true,
            )),
            owner,
            review,
            text("loss", "What this costs someone", "", true),
            function_field(),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("what", &self.what);
        f.set_text("owner", &self.owner);
        f.set_text("review", &self.review.format("%Y-%m-%d").to_string());
        f.set_text("loss", &self.loss);
        f.set_text("function", &self.function);
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        let review = review_date(&form.text("review")).map_err(|e| problem(e, "review"))?;
        Ok(Commitment {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            what: form.text("what"),
            owner: form.text("owner"),
            review,
            status: CommitmentStatus::Open,
            loss: form.text("loss"),
            function: form.text("function"),
            overridden: Self::warnings(form).into_iter().map(|w| w.0).collect(),
            from_idea: None,
        })
    }

    fn warnings(form: &dyn Values) -> Vec<(String, &'static str)> {
        owner_and_date_warnings(form)
    }

    fn keep_unshown(&mut self, old: &Self) {
        self.status = old.status;
        self.from_idea = old.from_idea;
    }

    fn summary(&self) -> (String, &str) {
        (
            work_tag(self.status.label(), &self.owner, self.review),
            &self.what,
        )
    }

    fn details(&self) -> Vec<(String, String)> {
        let mut out = vec![
            ("what".into(), trunc(&self.what, 2000)),
            ("owner".into(), trunc(&self.owner, 60)),
        ];
        if owner_is_group(&self.owner) {
            out.push(("warning".into(), "the owner looks like a group".into()));
        }
        out.push(("costs".into(), trunc(&self.loss, 2000)));
        out.push(("function".into(), trunc(&self.function, 200)));
        out
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(&self.what),
            Cell::OrNone(&self.owner, "nobody named"),
            Cell::Date(self.review),
            Cell::Word(self.status.label()),
            Cell::Text(&self.loss),
            Cell::Text(&self.function),
            Cell::List(&self.overridden),
        ]
    }

    fn words(&self) -> Vec<&str> {
        vec![&self.what, &self.owner, &self.loss, &self.function]
    }

    fn work(&self) -> Option<Work<'_>> {
        Some(Work {
            what: &self.what,
            owner: &self.owner,
            review: self.review,
            function: &self.function,
            status: pos(&CommitmentStatus::ALL, &self.status),
            open: self.status == CommitmentStatus::Open,
            from_idea: self.from_idea,
            aside: ("What it costs", &self.loss),
        })
    }
    const STATUSES: &'static [&'static str] = &["open", "kept", "dropped"];
    fn set_status(&mut self, i: usize) {
        self.status = pick(&CommitmentStatus::ALL, i);
    }
    const FROM_IDEA: Option<&'static str> = Some("what");
    fn link_idea(&mut self, idea: Option<u32>) {
        self.from_idea = idea;
    }
}
