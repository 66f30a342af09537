//! The words on screen, kept together. Words for the model's own choices
//! live in `session::labels`.

pub const APP: &str = "balcony";
pub const NEW_SESSION: &str = "New session";
pub const RESUME: &str = "Resume a recent session";
pub const NO_RECENT: &str = "No sessions in this folder yet.";
pub const REVIEW: &str = "Review past sessions (read-only): Enter";
pub const WORKSHOP_CHOICES: [&str; 3] = [
    "the default workshop (facilitated)",
    "solo reflection",
    "template file",
];
pub const FATES: [&str; 4] = ["parked", "exploring", "adopted", "declined (give a reason)"];
pub const UNTITLED: &str = "Untitled session";
pub const UNTITLED_REFLECTION: &str = "Private reflection";

pub const REQUIRED: &str = "please fill in";
pub const DECLINE_NEEDS_REASON: &str =
    "declining an idea needs a reason: an idea is never dropped silently";
pub const SIGN_NEEDS_WATCHER: &str = "each sign needs a watcher, written as `sign @ name`";
pub const BAD_DATE: &str = "the review date must look like 2026-12-31";
pub const GROUP_OWNER: &str = "looks like a group, and a group owns nothing. Name one person, \
     or press Enter again to keep it";
pub const TEMPLATE_PATH_NEEDED: &str = "name the template file to use";
pub const FIELD_FULL: &str = "a field holds at most 20,000 characters; the rest was left out";

pub const LAST_CHECKPOINT: &str = "this is the last checkpoint";
pub const FIRST_CHECKPOINT: &str = "this is the first checkpoint";
pub const NOTHING_TO_UNDO: &str = "nothing to undo";
pub const NOTHING_SELECTED: &str = "no item selected: add one first";
pub const NO_FATE: &str = "only gadfly ideas have a fate and commitments a status";
pub const ONLY_POLARITY: &str = "signs belong to polarity maps: show competing values first (Tab)";
pub const NO_SIGNS: &str = "this polarity map has no early-warning signs yet (e to add some)";
pub const FIRED_TITLE: &str = "Which early-warning sign was seen?";
pub const FIRED_NOTED: &str = "sign noted as seen now";
pub const ONLY_GADFLY: &str = "only gadfly ideas have a reaction";
pub const PAUSED: &str = "timer paused";
pub const RESUMED: &str = "timer running";
pub const SKIPPED: &str = "skipped";
pub const SAVED: &str = "saved";
pub const NOT_SAVED_YET: &str = "not saved yet";
pub const SAVE_FAILED: &str = "SAVE FAILED";
pub const RETRYING: &str = "kept in memory, retrying";
pub const TIME_UP: &str = "TIME UP";
pub const PAUSED_TAG: &str = "PAUSED";
pub const SILENCING: &str =
    "The heat went down soon after a gadfly idea: was a dissenting voice quietened?";

pub const PURPOSE: &str = "Purpose";
pub const PROMPTS: &str = "Prompts";
pub const NO_ITEMS: &str = "Nothing captured yet.";
pub const TENSION: &str = "Tension";
pub const LEVEL: &str = "level";
pub const LAST_MOVE: &str = "last";
pub const NO_READINGS: &str = "no readings yet";
pub const READINGS: &str = "readings";
pub const BAND: &str = "band";
pub const HELP_TITLE: &str = "Keys";
pub const TOO_SMALL: &str = "Please make the window larger";
pub const TOO_SMALL_DETAIL: &str = "balcony needs at least 60 columns and 16 rows.";
pub const NO_TACTIC: &str = "(no tactic)";
pub const REASON: &str = "Reason (optional)";
pub const DECLINE_REASON: &str = "Reason (needed to decline)";
pub const JUMP_TITLE: &str = "Jump to a checkpoint";
pub const ROAD_TITLE: &str = "Which road to customer focus are we on?";
pub const BAND_TITLE: &str = "Adjust the productive band";
pub const CHECKPOINT: &str = "checkpoint";
pub const REQUIRED_MARK: &str = "*";
pub const TENSION_WORD: &str = "tension";
pub const OVER_BY: &str = "over by";
pub const LEFT: &str = "left";
pub const ZOOM_OUT: &str = "zoom out (Ctrl -) for big text";
pub const BLANK_SCREEN: &str = "· · ·";
pub const BLANKED: &str = "ROOM BLANKED · . to show";
pub const FROZEN: &str = "ROOM FROZEN · , to unfreeze";
pub const TYPING_PRIVATELY: &str = "typing privately";
pub const ROOM_SHOWN: &str = "the room sees the projector view again";
pub const ROOM_BLANKED: &str = "the room's view is blanked: type privately, . to show it again";
pub const ROOM_FROZEN: &str = "the room's view is frozen: work privately, , to unfreeze";
pub const PROJECTOR_ON: &str = "projector view: v returns to the facilitator's screen";
pub const PROJECTOR_OFF: &str = "facilitator's screen (private): v shows the projector view";
pub const SOLO_PRIVATE: &str = "a reflection is private: there is no projector view";
pub const PRIVATE_TAG: &str = "private";
pub const SOLO_OWNER: &str = "me";
pub const PREVIEW_TITLE: &str = "the room sees";
pub const OVER_SUGGESTED: &str = "past the suggested time";
pub const FOLLOW_WAITING: &str = "waiting for the session file…";
pub const FOLLOW_SILENT: &str =
    "the facilitator's session has not saved for a while; the clock is stopped here";
pub const FOLLOW_STALE: &str = "the file could not be read just now; showing the last good version";
pub const FORM_KEYS: &str =
    "Enter saves · Alt-Enter or Ctrl-J new line · Tab next field · Esc cancels";

pub fn extended(mins: u32) -> String {
    format!("timebox extended by {mins} min")
}

pub fn band_now(low: u8, high: u8) -> String {
    format!("productive band now {low}..{high}")
}

pub fn undone(what: &str) -> String {
    format!("undone: {what}")
}

pub fn fate_title(id: u32) -> String {
    format!("Fate of gadfly idea #{id}")
}

pub fn reaction_title(id: u32) -> String {
    format!("The room's reaction to gadfly idea #{id}")
}

pub fn status_title(id: u32) -> String {
    format!("Status of commitment #{id}")
}

pub fn tactic_title(verb: &str, from: u8, to: u8) -> String {
    format!("{verb} the heat: {from} → {to}. Which tactic?")
}

pub fn changed(kind: &str) -> String {
    format!("{kind} changed")
}

pub fn saved_item(kind: &str) -> String {
    format!("{kind} saved")
}

/// How many characters have been typed while the room cannot see them.
pub fn typed_privately(chars: usize) -> String {
    format!("{TYPING_PRIVATELY}: {chars} characters")
}

// Participants joining from their phones.
pub const JOIN_OPENED: &str =
    "join page open: phones on this network can send ideas and readings (o hides the address)";
pub const JOIN_CLOSED: &str = "join page closed: its code no longer works";
pub const JOIN_NOT_OPEN: &str = "the join page is not open (o opens it)";
pub const JOIN_SOLO: &str = "a reflection is private: nobody joins it";
pub const JOIN_TITLE: &str = "Join from your phone";
pub const JOIN_HINT: &str = "scan, or type the address";
pub const QUEUE_TITLE: &str = "Ideas from the room";
pub const QUEUE_NOT_IN_VIEW: &str =
    "the queue is for your eyes only: open it from your own screen (v, or show the room's view)";
pub const QUEUE_EMPTY: &str = "no ideas from the room are waiting";
pub const QUEUE_DONE: &str = "every idea from the room has been seen";
pub const IDEA_ACCEPTED: &str = "taken in as a gadfly idea (parked; f changes its fate)";
pub const IDEA_HIDDEN: &str = "hidden: kept in the file, never shown";
pub const ANONYMOUS: &str = "anonymous";
pub const ROOM_SAYS: &str = "room";
pub const MEDIAN: &str = "median";
pub const WAITING: &str = "waiting";
pub const ROOM_IDEAS: &str = "ideas from phones:";

pub fn join_failed(why: &str) -> String {
    format!("the join page could not open: {why}")
}

// Review: the list, the session view and the compare view.
pub const REVIEW_TITLE: &str = "Review";
pub const REVIEW_READ_ONLY: &str = "read-only";
pub const NO_SESSIONS_HERE: &str = "No session files in this folder.";
pub const NOTHING_MATCHES: &str = "No session matches the filter (Esc clears it).";
pub const NO_SESSIONS_SHOWN: &str = "no session selected";
pub const COMPARE_NEEDS_TWO: &str = "mark two or more sessions with Space to compare them";
pub const CANNOT_MARK_BROKEN: &str = "this file does not load, so it cannot be compared";
pub const LEFT_OUT: &str = "left out of the comparison";
pub const COL_DATE: &str = "date";
pub const COL_TITLE: &str = "title";
pub const COL_MODE: &str = "mode";
pub const COL_DONE: &str = "done";
pub const COL_READINGS: &str = "readings";
pub const COL_LAST: &str = "last tension";
pub const COL_GADFLY: &str = "ideas";
pub const COL_VALUES: &str = "values";
pub const COL_COMMIT: &str = "open/kept";
pub const MODE_ROOM: &str = "room";
pub const MODE_SOLO: &str = "solo";
pub const NO_READING: &str = "-- none";
pub const SORTED_DATE: &str = "newest first";
pub const SORTED_TITLE: &str = "by title";
pub const FILTER: &str = "filter";
/// After the number of sessions whose items hold the filter's words.
pub const WITH_ITEMS: &str = "with items that match (Enter opens at the best)";
/// After the number of a session's open commitments past their review date.
pub const OVERDUE: &str = "overdue";
pub const MARKED: &str = "marked";
pub const STILL_READING: &str = "still reading this file; a moment";
pub const READING: &str = "reading…";
pub const DOES_NOT_LOAD: &str = "with problems";
pub const FOLLOWS: &str = "follows";
pub const NOTHING_HERE: &str = "none";
pub const CARRIED: &str = "carried over";
/// After an item's number in a live list: it came from the earlier session.
pub const CARRIED_MARK: &str = " carried";
pub const COMPARE_TITLE: &str = "Compare";
pub const THRESHOLD: &str = "threshold of learning";
pub const LIMIT: &str = "limit of tolerance";
pub const MOVES: &str = "moves";
pub const SPENT: &str = "spent";
pub const AFTER_GADFLY: &str = "soon after gadfly idea";
pub const UPSIDES: &str = "upsides";
pub const DOWNSIDES: &str = "downsides (overdone)";
pub const WOULD_LOSE: &str = "would lose";
pub const WARNINGS: &str = "early-warning signs";
pub const PURPOSE_BOTH: &str = "purpose";
pub const HELD_BY: &str = "held by";
pub const WATCHED_BY: &str = "watched by";
pub const SEEN: &str = "seen";
pub const NOT_SEEN: &str = "not seen";
pub const LOSES: &str = "loses";
pub const VALUES: &str = "values";
pub const LOYAL_TO: &str = "loyal to";
pub const EVIDENCE: &str = "evidence";
pub const REVIEW_BY: &str = "review";
pub const OWNER: &str = "owner";
pub const START_END: &str = "start → end";
pub const SINCE_PREVIOUS: &str = "since the one before";
pub const IN_SESSIONS: &str = "in";
pub const ADOPTED_IN: &str = "adopted in";
pub const FIRST_SAID_IN: &str = "first said in";
pub const FIRED_IN: &str = "fired in";

/// The heading of a review section, with its count.
pub fn section(name: &str, n: usize) -> String {
    format!("{name} ({n})")
}

/// What `x` did in review.
pub fn exported(paths: &[String]) -> String {
    format!("written: {}", paths.join(", "))
}

/// The join card could not be shared with `balcony present`.
pub fn card_failed(e: &str) -> String {
    format!("the presenter's screen cannot show the join card: {e}")
}

/// What a follow-up carried over, said when it starts.
pub fn carried_over(commitments: usize, ideas: usize, signs: usize, from: &str) -> String {
    format!(
        "follow-up of {from}: carried over {commitments} open commitment{}, {ideas} parked gadfly idea{}, {signs} early-warning sign{}",
        plural(commitments),
        plural(ideas),
        plural(signs)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

// Review's section headings and what became of a commitment.
pub const SEC_TIMELINE: &str = "Tension timeline";
pub const SEC_READINGS_AND_MOVES: &str = "Readings and moves";
pub const SEC_GADFLY_IDEAS: &str = "Gadfly ideas";
pub const SEC_POLARITY_MAPS: &str = "Competing values (polarity maps)";
pub const SEC_FACTIONS_AND_LOSSES: &str = "Factions and losses";
pub const SEC_ASSUMPTIONS: &str = "Assumptions";
pub const SEC_BRUTAL_FACTS: &str = "Brutal facts";
pub const SEC_COMMITMENTS: &str = "Commitments";
pub const SEC_TECHNICAL_OR_ADAPTIVE: &str = "Technical or adaptive";
pub const SEC_WORK_AVOIDANCE: &str = "Work avoidance";
pub const SEC_NOTES: &str = "Notes";
pub const SEC_TIME_PER_CHECKPOINT: &str = "Time per checkpoint";
pub const CMP_TENSION: &str = "Tension, start → end";
pub const CMP_COMMITMENTS: &str = "Commitments: carried, kept or dropped";
pub const CMP_ADOPTED: &str = "Gadfly ideas adopted since";
pub const CMP_RECURRING: &str = "Value conflicts that keep coming back";
pub const CMP_FIRED: &str = "Early-warning signs that fired";
pub const OUT_KEPT: &str = "kept";
pub const OUT_DROPPED: &str = "dropped";
pub const OUT_CARRIED: &str = "carried, still open";
pub const OUT_OPEN: &str = "open";
pub const OUT_NOT_CARRIED: &str = "open, not carried forward";
