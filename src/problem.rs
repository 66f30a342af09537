//! A problem found in what a file says (not in its syntax), and where in
//! its text to point: the workshop's checks and the session's share it.

use crate::ronscan;

/// The longest text one field may hold: a long speech fits, a pasted novel does not.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// A problem and where in the file to point: the `nth` occurrence of `needle`
/// (usually the item's `id: N,`), then, when `field` is set, the `field_nth`
/// occurrence of that field inside the same item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub needle: String,
    pub nth: usize,
    pub field: Option<String>,
    pub field_nth: usize,
}

impl Problem {
    pub fn new(message: impl Into<String>, needle: impl Into<String>, nth: usize) -> Self {
        Problem {
            message: message.into(),
            needle: needle.into(),
            nth,
            field: None,
            field_nth: 0,
        }
    }

    /// Point at `field` (e.g. `owner:`) inside the item the needle finds.
    pub fn at_field(mut self, field: impl Into<String>, field_nth: usize) -> Self {
        self.field = Some(field.into());
        self.field_nth = field_nth;
        self
    }

    /// 1-based line and column in `text`: the field when it is found inside
    /// the needle's item, else the needle, else the start of the file.
    /// Texts and comments are skipped: a quote of `owner: ""` is not the field.
    pub fn position(&self, text: &str) -> (usize, usize) {
        let Some(anchor) = ronscan::find(text, &self.needle, 0, text.len(), self.nth) else {
            return (1, 1);
        };
        if let Some(field) = self.field.as_deref() {
            let end = ronscan::group_end(text, anchor);
            if let Some(at) = ronscan::find(text, field, anchor, end, self.field_nth) {
                return ronscan::line_col(text, at);
            }
        }
        ronscan::line_col(text, anchor)
    }
}

/// A text as balcony writes it in a file: in quotes, with escapes.
pub fn quoted(s: &str) -> String {
    // As the text is saved, so the needle is found in the file.
    ron::to_string(s).map_or_else(|_| format!("\"{s}\""), |q| crate::ronfile::readable(&q))
}

pub fn check_text(out: &mut Vec<Problem>, what: &str, text: &str, needle: &str, nth: usize) {
    check_text_with(out, || what.to_string(), text, || needle.to_string(), nth);
}

/// Like `check_text`, with the words and the needle made only when needed:
/// a large session has tens of thousands of texts and almost all are fine.
pub fn check_text_with(
    out: &mut Vec<Problem>,
    what: impl FnOnce() -> String,
    text: &str,
    needle: impl FnOnce() -> String,
    nth: usize,
) {
    // A text is never more characters than bytes: most need no counting.
    if text.len() <= MAX_TEXT_CHARS {
        return;
    }
    let n = text.chars().count();
    if n > MAX_TEXT_CHARS {
        out.push(Problem::new(
            format!(
                "{} is {n} characters long; a field holds at most {MAX_TEXT_CHARS}",
                what()
            ),
            needle(),
            nth,
        ));
    }
}
