//! Recurring issues: a gadfly idea, brutal fact or early-warning sign that
//! resembles one of an earlier session in the archive ("raised in 3 earlier
//! sessions (first 2026-03-02)"). An issue that keeps coming back is one of
//! the signs that a challenge is adaptive, not technical.
//!
//! Resemblance is a token-set similarity: each text becomes the set of its
//! significant words (lower case, split at anything not a letter or digit,
//! stop words and words under three letters dropped, a plural `s` taken
//! off), and two texts resemble each other when the Jaccard index of their
//! sets (shared words over all words) is at least `THRESHOLD`. It needs no
//! model and says plainly why two items matched: the words they share. The
//! index finds the candidates: an item with `n` words can only reach the
//! threshold against a text holding `⌈THRESHOLD·n⌉` of them, so it must hold
//! one of any `n − ⌈THRESHOLD·n⌉ + 1` of them, and those are asked as an
//! FTS5 OR query (a prefix filter: no item that would pass is missed).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::index::{Archive, ItemText, item_texts};
use crate::session::Session;

/// Two items resemble each other from this Jaccard index up: half of the
/// words of both together are shared.
pub const THRESHOLD: f64 = 0.5;

/// The kinds of item that are looked for in earlier sessions (as the index
/// names them).
pub const KINDS: [&str; 3] = ["gadfly idea", "brutal fact", "warning sign"];

/// Words that say nothing about the issue.
const STOP: &[&str] = &[
    "about", "after", "again", "all", "also", "and", "any", "are", "been", "before", "but", "can",
    "could", "did", "does", "for", "from", "had", "has", "have", "her", "his", "how", "into",
    "its", "just", "more", "most", "not", "now", "off", "once", "one", "only", "our", "out",
    "over", "she", "should", "some", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "too", "very", "was", "were", "what", "when", "where",
    "which", "while", "who", "why", "will", "with", "would", "you", "your",
];

/// The significant words of `text`, as resemblance compares them.
pub fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if !w.ends_with("ss") && stem.chars().count() >= 3 => stem.to_string(),
            _ => w,
        })
        .collect()
}

/// Shared words over all words; 0 when either has none.
pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// Whether two texts resemble each other.
pub fn resembles(a: &str, b: &str) -> bool {
    jaccard(&words(a), &words(b)) >= THRESHOLD
}

/// The words a candidate must hold one of (see the module's comment): an
/// FTS5 query, each word as a prefix (so `refund` finds `refunds`). None
/// when the text has no significant word.
pub fn candidate_query(words: &BTreeSet<String>) -> Option<String> {
    let n = words.len();
    if n == 0 {
        return None;
    }
    let need = (THRESHOLD * n as f64).ceil() as usize;
    // Longer words are rarer: asking for them finds fewer candidates.
    let mut by_length: Vec<&String> = words.iter().collect();
    by_length.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let ask: Vec<String> = by_length
        .into_iter()
        .take(n - need + 1)
        .map(|w| format!("\"{}\" *", w.replace('"', "")))
        .collect();
    Some(ask.join(" OR "))
}

/// An earlier session an item was raised in.
#[derive(Debug, Clone, PartialEq)]
pub struct Earlier {
    pub path: PathBuf,
    pub title: String,
    pub created: DateTime<FixedOffset>,
}

/// One item of a session raised in earlier sessions too.
#[derive(Debug, Clone, PartialEq)]
pub struct Recurrence {
    /// As the index names it: `gadfly idea`, `brutal fact`, `warning sign`.
    pub kind: &'static str,
    /// The item's own words (without its reasons).
    pub text: String,
    /// The earlier sessions, oldest first, each once.
    pub earlier: Vec<Earlier>,
}

impl Recurrence {
    /// "raised in 3 earlier sessions (first 2026-03-02): A, B, C".
    pub fn said(&self) -> String {
        let first = self
            .earlier
            .first()
            .map(|e| e.created.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let names: Vec<String> = self
            .earlier
            .iter()
            .take(NAMED)
            .map(|e| format!("\"{}\"", e.title))
            .collect();
        let more = self.earlier.len().saturating_sub(NAMED);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        crate::strings::raised_before(self.earlier.len(), &first, &names.join(", "), &more)
    }
}

/// Sessions named in a line; the rest are counted.
const NAMED: usize = 3;

/// An item's own words: the indexed text holds its reasons after ` · `.
fn own_words(t: &ItemText) -> &str {
    t.text.split(" · ").next().unwrap_or("")
}

/// The items of `session` (at `path`) that resemble items of sessions of
/// the archive held before it, in the session's order. The session itself
/// is left out of the archive wherever it lies.
pub fn recurrences(archive: &Archive, path: &Path, session: &Session) -> Vec<Recurrence> {
    let before = session.meta.created.fixed_offset();
    let own = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = Vec::new();
    for t in item_texts(session) {
        let Some(kind) = KINDS.iter().find(|k| **k == t.kind) else {
            continue;
        };
        let text = own_words(&t);
        let mine = words(text);
        let Some(query) = candidate_query(&mine) else {
            continue;
        };
        let mut earlier: BTreeMap<PathBuf, Earlier> = BTreeMap::new();
        for c in archive.candidates(&query, &KINDS, before) {
            if c.created >= before
                || std::fs::canonicalize(&c.path).unwrap_or_else(|_| c.path.clone()) == own
                || jaccard(&mine, &words(c.text.split(" · ").next().unwrap_or(""))) < THRESHOLD
            {
                continue;
            }
            earlier.entry(c.path.clone()).or_insert(Earlier {
                path: c.path,
                title: c.title,
                created: c.created,
            });
        }
        if earlier.is_empty() {
            continue;
        }
        let mut earlier: Vec<Earlier> = earlier.into_values().collect();
        earlier.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.path.cmp(&b.path)));
        out.push(Recurrence {
            kind,
            text: text.to_string(),
            earlier,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_stop_words_short_words_and_plurals() {
        let w = words("The refunds take 40 days, and nobody owns THE refund!");
        let got: Vec<&str> = w.iter().map(String::as_str).collect();
        assert_eq!(got, ["day", "nobody", "own", "refund", "take"]);
        assert!(words("a an of to").is_empty());
        assert!(words("process").contains("process"), "a double s stays");
    }

    #[test]
    fn jaccard_is_shared_over_all() {
        let a = words("refunds take forty days");
        let b = words("refunds take ninety days");
        assert!((jaccard(&a, &b) - 3.0 / 5.0).abs() < 1e-9);
        assert!(resembles(
            "Refunds take forty days",
            "refund takes forty days"
        ));
        assert!(!resembles(
            "Refunds take forty days",
            "Nobody owns the customer's first call"
        ));
        assert_eq!(jaccard(&a, &BTreeSet::new()), 0.0);
    }

    #[test]
    fn the_candidate_query_asks_enough_words_that_none_is_missed() {
        let w = words("refunds take forty days nobody");
        // 5 words, 3 needed: one of any 3 must be there.
        let q = candidate_query(&w).unwrap();
        assert_eq!(q.matches(" OR ").count(), 2, "{q}");
        assert_eq!(candidate_query(&BTreeSet::new()), None);
    }
}
