//! Checks that a parsed workshop makes sense: checkpoints with their own
//! ids, titles and timeboxes, tactics named once, a band on the scale.

use std::collections::HashSet;

use super::Workshop;
use crate::method::SCALE_MAX;
use crate::problem::{Problem, check_text, quoted};

/// Problems with a workshop template, in file order where possible.
pub fn check(w: &Workshop) -> Vec<Problem> {
    let mut out = Vec::new();
    if w.checkpoints.is_empty() {
        out.push(Problem::new(
            "the workshop has no checkpoints; add at least one",
            "checkpoints:",
            0,
        ));
    }
    let mut seen: Vec<&str> = Vec::new();
    for c in &w.checkpoints {
        let needle = format!("id: {}", quoted(&c.id));
        let nth = seen.iter().filter(|s| **s == c.id).count();
        if c.id.trim().is_empty() {
            out.push(Problem::new("a checkpoint has an empty id", "id: \"\"", 0));
        } else if nth > 0 {
            out.push(Problem::new(
                format!(
                    "the checkpoint id \"{}\" is used twice; each checkpoint needs its own id",
                    c.id
                ),
                needle.clone(),
                nth,
            ));
        }
        if c.title.trim().is_empty() {
            out.push(
                Problem::new(
                    format!("checkpoint \"{}\" has no title", c.id),
                    needle.clone(),
                    nth,
                )
                .at_field("title:", 0),
            );
        }
        if c.timebox_mins == 0 || c.timebox_mins > 24 * 60 {
            out.push(
                Problem::new(
                    format!(
                        "checkpoint \"{}\": the timebox must be between 1 and 1440 minutes",
                        c.id
                    ),
                    needle.clone(),
                    nth,
                )
                .at_field("timebox_mins:", 0),
            );
        }
        seen.push(&c.id);
    }
    let mut tactic_ids = HashSet::new();
    for t in &w.tactics {
        if !tactic_ids.insert(t.id.as_str()) {
            out.push(Problem::new(
                format!("the tactic id \"{}\" is used twice", t.id),
                format!("id: {}", quoted(&t.id)),
                1,
            ));
        }
    }
    if !w.band.is_valid() {
        out.push(Problem::new(
            format!(
                "the productive band ({}..{}) must have low <= high <= {SCALE_MAX}",
                w.band.low, w.band.high
            ),
            "band:",
            0,
        ));
    }
    if w.start_level > SCALE_MAX {
        out.push(Problem::new(
            format!("start_level must be between 0 and {SCALE_MAX}"),
            "start_level:",
            0,
        ));
    }
    check_text(&mut out, "the workshop name", &w.name, "name:", 0);
    out
}
