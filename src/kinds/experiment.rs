//! An experiment: something small the people try, safe to fail, with what
//! they expect to see, one owner, a date to look at it again and, at that
//! date, what they learned. Adaptive work moves by experiments rather than
//! by fixes known in advance; an adopted gadfly idea often becomes one.

use serde::{Deserialize, Serialize};

use super::commitment::{
    function_field, owner_and_date_warnings, owner_and_review, review_date, work_tag,
};
use super::*;
use crate::text::trunc;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Experiment {
    pub id: u32,
    pub at: Timestamp,
    pub checkpoint: String,
    /// What the people will try.
    pub trial: String,
    /// What they expect to see if it works, or the sign that it does not.
    #[serde(default)]
    pub expect: String,
    /// Exactly one person, as for a commitment.
    pub owner: String,
    pub review: NaiveDate,
    pub result: ExperimentResult,
    /// What was learned, whatever the result.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learned: String,
    /// The function (sales, service, IT...) that owns it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub function: String,
    /// Warnings the facilitator saw and kept it anyway, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<String>,
    /// The gadfly idea it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_idea: Option<u32>,
}

/// Where an experiment stands. Every ending teaches something; only
/// `Running` is still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExperimentResult {
    Running,
    Worked,
    DidNotWork,
    Unclear,
    Stopped,
}

impl ExperimentResult {
    pub const ALL: [ExperimentResult; 5] = [
        ExperimentResult::Running,
        ExperimentResult::Worked,
        ExperimentResult::DidNotWork,
        ExperimentResult::Unclear,
        ExperimentResult::Stopped,
    ];
    pub fn label(self) -> &'static str {
        <Experiment as Kind>::STATUSES[self as usize]
    }
}

impl Kind for Experiment {
    const KIND: ItemKind = ItemKind::Experiment;
    const LABEL: &'static str = "experiment";
    const HEADING: &'static str = "Experiments";
    const COUNTED: (&'static str, &'static str) = ("experiment", "experiments");
    const COLUMNS: &'static [&'static str] = &[
        "Experiment",
        "Expected",
        "Owner",
        "Review",
        "Result",
        "Learned",
        "Function",
        "Kept despite",
    ];
    const TIMED: bool = false;

    stamped!();

    fn fields(ctx: &FormCtx) -> Vec<FieldSpec> {
        let [owner, review] = owner_and_review(ctx);
        vec![
            required(text(
                "trial",
                "The experiment",
                "what we will try: small, safe to fail",
                true,
            )),
            text(
                "expect",
                "What we expect to see",
                "the sign that it works, or that it does not",
                true,
            ),
            owner,
            review,
            text(
                "learned",
                "What we learned",
                "at the review, whatever the result",
                true,
            ),
            function_field(),
        ]
    }

    fn fill(&self, f: &mut dyn Fill) {
        f.set_text("trial", &self.trial);
        f.set_text("expect", &self.expect);
        f.set_text("owner", &self.owner);
        f.set_text("review", &self.review.format("%Y-%m-%d").to_string());
        f.set_text("learned", &self.learned);
        f.set_text("function", &self.function);
    }

    fn build(form: &dyn Values, st: Stamp) -> Result<Self, Problem> {
        let review = review_date(&form.text("review")).map_err(|e| problem(e, "review"))?;
        Ok(Experiment {
            id: st.id,
            at: st.at,
            checkpoint: st.checkpoint,
            trial: form.text("trial"),
            expect: form.text("expect"),
            owner: form.text("owner"),
            review,
            result: ExperimentResult::Running,
            learned: form.text("learned"),
            function: form.text("function"),
            overridden: Self::warnings(form).into_iter().map(|w| w.0).collect(),
            from_idea: None,
        })
    }

    fn warnings(form: &dyn Values) -> Vec<(String, &'static str)> {
        owner_and_date_warnings(form)
    }

    fn keep_unshown(&mut self, old: &Self) {
        self.result = old.result;
        self.from_idea = old.from_idea;
    }

    fn summary(&self) -> (String, &str) {
        (
            work_tag(self.result.label(), &self.owner, self.review),
            &self.trial,
        )
    }

    fn details(&self) -> Vec<(String, String)> {
        vec![
            ("trial".into(), trunc(&self.trial, 2000)),
            ("expect".into(), trunc(&self.expect, 2000)),
            ("owner".into(), trunc(&self.owner, 60)),
            ("learned".into(), trunc(&self.learned, 2000)),
            ("function".into(), trunc(&self.function, 200)),
        ]
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Text(&self.trial),
            Cell::Text(&self.expect),
            Cell::OrNone(&self.owner, "nobody named"),
            Cell::Date(self.review),
            Cell::Word(self.result.label()),
            Cell::Text(&self.learned),
            Cell::Text(&self.function),
            Cell::List(&self.overridden),
        ]
    }

    fn words(&self) -> Vec<&str> {
        vec![
            &self.trial,
            &self.expect,
            &self.owner,
            &self.learned,
            &self.function,
        ]
    }

    fn work(&self) -> Option<Work<'_>> {
        Some(Work {
            what: &self.trial,
            owner: &self.owner,
            review: self.review,
            function: &self.function,
            status: self.result as usize,
            open: self.result == ExperimentResult::Running,
            from_idea: self.from_idea,
            aside: ("What we expect to see", &self.expect),
        })
    }
    const STATUSES: &'static [&'static str] = &[
        "running",
        "it worked",
        "it did not work",
        "unclear",
        "stopped",
    ];
    const STATUS_WORD: &'static str = "result";
    fn set_status(&mut self, i: usize) {
        self.result = pick(&ExperimentResult::ALL, i);
    }
    const FROM_IDEA: Option<&'static str> = Some("trial");
    fn link_idea(&mut self, idea: Option<u32>) {
        self.from_idea = idea;
    }
}
