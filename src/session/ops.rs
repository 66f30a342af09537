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
                skipped: Vec::new(),
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
            room_readings: Items::default(),
            participant_readings: Items::default(),
            next_id: 1,
        }
    }

    /// Hands out the next item id.
    /// The participants' readings at a checkpoint (the latest of each device).
    pub fn participant_spread(&self, checkpoint: &str) -> Spread {
        match self
            .room_readings
            .iter()
            .find(|r| r.checkpoint == checkpoint)
        {
            Some(r) => Spread {
                counts: r.counts.clone(),
            },
            None => Spread::of([]),
        }
    }

    /// The counts of the room's readings at a checkpoint, to change.
    pub fn room_counts_mut(&mut self, checkpoint: &str) -> &mut Vec<u32> {
        let at = match self
            .room_readings
            .iter()
            .position(|r| r.checkpoint == checkpoint)
        {
            Some(at) => at,
            None => {
                self.room_readings.push(RoomReadings {
                    checkpoint: checkpoint.to_string(),
                    counts: vec![0; SCALE_MAX as usize + 1],
                });
                self.room_readings.len() - 1
            }
        };
        &mut self.room_readings[at].counts
    }

    /// Counts readings from older files (each with its device) into the
    /// room's readings and forgets the devices: the next save drops them.
    pub fn forget_devices(&mut self) {
        let old = std::mem::take(&mut self.participant_readings);
        for r in old.iter() {
            if let Some(c) = self
                .room_counts_mut(&r.checkpoint)
                .get_mut(r.level as usize)
            {
                *c += 1;
            }
        }
    }

    /// Ideas from participants still waiting for the facilitator.
    pub fn waiting_ideas(&self) -> usize {
        self.participant_ideas
            .iter()
            .filter(|i| i.state == IdeaState::Waiting)
            .count()
    }

    /// The next item's id. Never wraps: callers that add items from the
    /// room first ask `has_ids_left`, so the last id given is `u32::MAX - 1`.
    pub fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    /// Whether another item can be given an id below `next_id`.
    pub fn has_ids_left(&self) -> bool {
        self.next_id < u32::MAX
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

/// Words that say "more than one person" wherever they stand in an owner:
/// departments, functions, teams and other units.
const UNIT_WORDS: &[&str] = &[
    "team",
    "teams",
    "department",
    "departments",
    "dept",
    "division",
    "unit",
    "office",
    "committee",
    "board",
    "group",
    "function",
    "centre",
    "center",
    "desk",
    "service",
    "services",
    "support",
    "management",
    "leadership",
    "staff",
    "crew",
    "squad",
    "council",
    "taskforce",
    "organisation",
    "organization",
    "company",
    "branch",
    "hq",
    "workforce",
];

/// Functions that are often written alone as an owner.
const FUNCTIONS: &[&str] = &[
    "hr",
    "it",
    "ops",
    "operations",
    "sales",
    "marketing",
    "finance",
    "legal",
    "procurement",
    "engineering",
    "product",
    "compliance",
    "accounts",
    "exec",
    "execs",
    "executives",
    "customer care",
    "customer success",
    "helpdesk",
    "help desk",
    "front line",
    "frontline",
];

/// Pronouns and words that spread a commitment over everyone, or nobody.
const COLLECTIVE: &[&str] = &[
    "we",
    "us",
    "all",
    "all of us",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "nobody",
    "anyone",
    "anybody",
    "they",
    "them",
    "ourselves",
    "each of us",
    "both of us",
    "tbd",
    "whoever",
    "people",
    "folks",
    "all hands",
];

/// Plurals of roles: "team leads", "the managers".
const ROLE_PLURALS: &[&str] = &[
    "managers",
    "leads",
    "leaders",
    "heads",
    "directors",
    "members",
    "agents",
    "engineers",
    "supervisors",
    "owners",
    "reps",
    "officers",
    "analysts",
    "developers",
    "partners",
    "coaches",
    "employees",
    "colleagues",
    "stakeholders",
    "sponsors",
    "volunteers",
    "people",
];

/// Why an owner names a group, a function or nobody rather than one person;
/// `None` for one named person. The words finish "\"OWNER\" ...".
pub fn owner_group_reason(owner: &str) -> Option<&'static str> {
    let lower = owner.trim().to_lowercase();
    if lower.is_empty() {
        return Some("names nobody");
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if lower.contains('&')
        || lower.contains(',')
        || lower.contains('/')
        || words
            .iter()
            .any(|w| *w == "and" || *w == "or" || *w == "plus")
    {
        return Some("names more than one person: one person owns it, others can help");
    }
    let stripped = ["the ", "our ", "all ", "my ", "their ", "your "]
        .iter()
        .fold(lower.as_str(), |s, p| s.strip_prefix(p).unwrap_or(s));
    if COLLECTIVE.contains(&lower.as_str()) || COLLECTIVE.contains(&stripped) {
        return Some("speaks of everyone (or nobody): name the one person who answers for it");
    }
    let last = owner.split_whitespace().last().unwrap_or("");
    let last_lower = last.to_lowercase();
    if ROLE_PLURALS.contains(&last_lower.as_str()) {
        return Some("is a plural: name one of them");
    }
    if words.iter().any(|w| UNIT_WORDS.contains(w)) || FUNCTIONS.contains(&stripped) {
        return Some("names a department, function or team, and a group owns nothing");
    }
    let determiner = stripped.len() < lower.len();
    let plural_ending = last_lower.len() > 3
        && last_lower.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| last_lower.ends_with(e));
    // A name ("Evans") is written with a capital; a plural noun often is not.
    let lowercase = last.chars().next().is_some_and(char::is_lowercase);
    if plural_ending && (determiner || lowercase) {
        return Some("is a plural: name one of them");
    }
    None
}

/// True when an owner names a group, a function or nobody rather than one person.
pub fn owner_is_group(owner: &str) -> bool {
    owner_group_reason(owner).is_some()
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
        for p in [
            "Ana Ruiz",
            "Ben",
            "Dr. Teamster",
            "Wei",
            "Chris Evans",
            "James",
            "Agnes O'Brien",
            "Itzel",
        ] {
            assert!(!owner_is_group(p), "{p:?} is a person");
        }
    }

    #[test]
    fn departments_functions_pronouns_and_plurals_are_groups_with_a_reason() {
        for (owner, why) in [
            ("IT department", "department, function or team"),
            ("Customer service", "department, function or team"),
            ("the call centre", "department, function or team"),
            ("HR", "department, function or team"),
            ("all of us", "everyone"),
            ("We", "everyone"),
            ("the managers", "plural"),
            ("team leads", "plural"),
            ("Sales Managers", "plural"),
            ("Ana or Ben", "more than one"),
        ] {
            let r = owner_group_reason(owner);
            assert!(
                r.is_some_and(|r| r.contains(why)),
                "{owner:?}: {r:?} should say {why:?}"
            );
        }
    }
}
