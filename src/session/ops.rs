//! Building a session and asking it simple questions.

use super::model::*;
use crate::workshop::Workshop;

impl Session {
    /// A fresh session at the workshop's first checkpoint.
    pub fn new(workshop: Workshop, title: &str, facilitator: &str, now: Timestamp) -> Session {
        let checkpoints = workshop
            .checkpoints
            .iter()
            .map(|c| CheckpointProgress {
                id: c.id.clone(),
                status: Status::NotYet,
                spent_secs: 0,
                extra_mins: 0,
                first_visit: None,
            })
            .collect();
        let band = workshop.band;
        Session {
            schema: SCHEMA_VERSION,
            meta: Meta {
                title: title.to_string(),
                mode: workshop.mode,
                facilitator: facilitator.to_string(),
                context: String::new(),
                created: now,
                updated: now,
                follows: None,
            },
            workshop,
            progress: Progress {
                current: 0,
                checkpoints,
                running_since: None,
                wall: WallView::default(),
            },
            band,
            room_gauge: GaugeShow::default(),
            road: None,
            readings: Items::default(),
            gadflies: Items::default(),
            facts: Items::default(),
            splits: Items::default(),
            polarities: Items::default(),
            factions: Items::default(),
            assumptions: Items::default(),
            avoidance: Items::default(),
            commitments: Items::default(),
            notes: Items::default(),
            participant_ideas: Items::default(),
            participant_readings: Items::default(),
            next_id: 1,
        }
    }

    /// Hands out the next item id.
    /// The participants' readings at a checkpoint (the latest of each device).
    pub fn participant_spread(&self, checkpoint: &str) -> Spread {
        Spread::of(
            self.participant_readings
                .iter()
                .filter(|r| r.checkpoint == checkpoint)
                .map(|r| r.level),
        )
    }

    /// Ideas from participants still waiting for the facilitator.
    pub fn waiting_ideas(&self) -> usize {
        self.participant_ideas
            .iter()
            .filter(|i| i.state == IdeaState::Waiting)
            .count()
    }

    pub fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// The level the room was last read at, if it has been read yet.
    pub fn reading_level(&self) -> Option<u8> {
        self.readings.last().map(|r| r.level)
    }

    /// The level moves start from: the last reading's, or the workshop's
    /// starting level.
    pub fn level(&self) -> u8 {
        self.readings
            .last()
            .map_or(self.workshop.start_level, |r| r.level)
    }

    pub fn zone(&self) -> Zone {
        self.band.zone(self.level())
    }

    /// The id of the checkpoint the session stands at.
    pub fn current_checkpoint_id(&self) -> &str {
        &self.workshop.checkpoints[self.progress.current].id
    }

    pub fn visited_count(&self) -> usize {
        self.progress
            .checkpoints
            .iter()
            .filter(|c| c.status == Status::Visited)
            .count()
    }

    /// All items of every kind (readings excluded).
    pub fn item_count(&self) -> usize {
        self.gadflies.len()
            + self.facts.len()
            + self.splits.len()
            + self.polarities.len()
            + self.factions.len()
            + self.assumptions.len()
            + self.avoidance.len()
            + self.commitments.len()
            + self.notes.len()
    }

    pub fn count(&self, kind: ItemKind) -> usize {
        match kind {
            ItemKind::Gadfly => self.gadflies.len(),
            ItemKind::Fact => self.facts.len(),
            ItemKind::Split => self.splits.len(),
            ItemKind::Polarity => self.polarities.len(),
            ItemKind::Faction => self.factions.len(),
            ItemKind::Assumption => self.assumptions.len(),
            ItemKind::Avoidance => self.avoidance.len(),
            ItemKind::Commitment => self.commitments.len(),
            ItemKind::Note => self.notes.len(),
        }
    }

    pub fn open_commitments(&self) -> usize {
        self.commitments
            .iter()
            .filter(|c| c.status == CommitmentStatus::Open)
            .count()
    }
}

/// Words that name a group rather than one person: a commitment owned by
/// "the team" is owned by nobody.
const GROUP_WORDS: &[&str] = &[
    "team",
    "teams",
    "everyone",
    "everybody",
    "all",
    "management",
    "we",
    "us",
    "leadership",
    "staff",
    "the board",
    "board",
    "committee",
    "department",
    "hr",
    "it",
    "ops",
    "sales",
    "marketing",
    "finance",
    "tbd",
    "someone",
    "nobody",
    "group",
    "exec",
    "execs",
    "executives",
];

/// True when an owner names a group, a function or nobody rather than one person.
pub fn owner_is_group(owner: &str) -> bool {
    let lower = owner.trim().to_lowercase();
    if lower.is_empty() {
        return true;
    }
    if lower.contains(" and ") || lower.contains('&') || lower.contains(',') || lower.contains('/')
    {
        return true;
    }
    let stripped = lower
        .trim_start_matches("the ")
        .trim_start_matches("our ")
        .trim_start_matches("all ");
    GROUP_WORDS.contains(&stripped)
        || lower.ends_with(" team")
        || lower.ends_with(" teams")
        || GROUP_WORDS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_not_owners() {
        for g in [
            "team",
            "The Team",
            "everyone",
            "management",
            "we",
            "Sales team",
            "Ana and Ben",
            "",
            "  ",
            "Ops",
        ] {
            assert!(owner_is_group(g), "{g:?} should be a group");
        }
        for p in ["Ana Ruiz", "Ben", "Dr. Teamster", "Wei"] {
            assert!(!owner_is_group(p), "{p:?} is a person");
        }
    }
}
