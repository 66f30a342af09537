//! The words on screen, kept together. Words for the model's own choices
//! live in `session::labels`.

pub const APP: &str = "balcony";
pub const NEW_SESSION: &str = "New session";
pub const RESUME: &str = "Resume a recent session";
pub const NO_RECENT: &str = "No sessions in this folder yet.";
/// The start screen's way into review, naming the key that opens it.
pub fn review_entry(key: &str) -> String {
    format!("Review past sessions (read-only): {key}")
}
pub const WORKSHOP_CHOICES: [&str; 3] = [
    "the default workshop (facilitated)",
    "solo reflection",
    "template file",
];
pub const FATES: [&str; 4] = ["parked", "exploring", "adopted", "declined (give a reason)"];
pub const UNTITLED: &str = "Untitled session";
pub const ROOM_REACTION: &str = "The room's reaction";
pub const MY_REACTION: &str = "My own reaction";
pub fn title_needed(next: &str) -> String {
    format!("a new session needs a title ({next} goes to the recent sessions)")
}
pub const CONTEXT_TITLE: &str = "The session's context";
pub const LAST_TIME_TITLE: &str = "Last time's commitments";
pub const LAST_TIME_PURPOSE: &str = "Before anything new, look at what was promised last time: for each commitment, was it kept, dropped or renegotiated; for each experiment, what did it show; and what did we learn?";
pub const LAST_TIME_PROMPTS: [&str; 3] = [
    "Which commitments were kept, and what changed because of them?",
    "Which were dropped or need a new deal, and what does that teach us?",
    "What did each experiment show, whatever its result?",
];
pub const LAST_TIME_READING: &str = "the last reading of the earlier session";
pub const CONTEXT_SAVED: &str = "context saved: every export opens with it";
pub const FUNCTIONS_SAVED: &str = "functions saved: those with no work named are shown as exempted";
pub const FUNCTIONS_LABEL: &str = "Functions";
pub const FUNCTIONS_HINT: &str = "one per line: sales, service, finance, IT, operations...";
/// The functions a new session starts with; the facilitator changes them with c.
pub const DEFAULT_FUNCTIONS: [&str; 5] = ["sales", "service", "finance", "IT", "operations"];
/// "no work named yet for: finance, IT".
pub fn exempted(names: &str) -> String {
    format!("no work named yet for: {names}")
}
pub const EXEMPTED_MD: &str = "Functions with no work named (exempted)";
pub fn key_starts(key: &str) -> String {
    format!("{key} starts this new session")
}
pub fn key_opens(key: &str) -> String {
    format!("{key} opens the chosen session where it was left")
}
pub fn key_reviews(key: &str) -> String {
    format!("{key} reviews the past sessions (read-only)")
}
pub const UNTITLED_REFLECTION: &str = "Private reflection";

pub const REQUIRED: &str = "please fill in";
pub const DECLINE_NEEDS_REASON: &str =
    "declining an idea needs a reason: an idea is never dropped silently";
pub const THIRD_POLE_NEEDS_NAME: &str =
    "the third pole needs a neutral name, or leave all its fields empty";
pub const SIGN_NEEDS_WATCHER: &str = "each sign needs a watcher, written as `sign @ name`";
pub const BAD_DATE: &str = "the review date must look like 2026-12-31";
pub fn override_warning(keep: &str) -> String {
    format!("Change it, or press {keep} again to keep it (the file notes that you did)")
}
pub const OVERRIDDEN: &str = "kept despite";

pub fn no_such_month(text: &str, year: i32) -> String {
    format!("{text} is an impossible date: {year} has 12 months")
}

pub fn no_such_day(text: &str, month: u32, year: i32, days: u32) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = MONTHS[(month as usize).clamp(1, 12) - 1];
    format!("{text} is an impossible date: {name} {year} has {days} days")
}

pub fn date_past(text: &str) -> String {
    format!("the review date {text} is already past: nobody can review it then")
}
pub const TEMPLATE_PATH_NEEDED: &str = "name the template file to use";
pub const FIELD_FULL: &str = "a field holds at most 20,000 characters; the rest was left out";

pub const LAST_CHECKPOINT: &str = "this is the last checkpoint";
pub const CLOSE_TITLE: &str = "The last checkpoint: close the session?";
pub const CLOSE_CAPTURED: &str = "Captured";
pub const CLOSE_NOTHING: &str = "Nothing was captured.";
pub const CLOSE_CHOICES: [&str; 3] = [
    "Export it for the sponsor (Markdown and HTML, in exports/)",
    "Quit (everything is already saved)",
    "Keep working",
];

/// The open commitments, said at the end.
pub fn close_open(n: usize) -> String {
    match n {
        0 => "No commitment is left open.".to_string(),
        1 => "1 commitment is open, to review on its date:".to_string(),
        n => format!("{n} commitments are open, to review on their dates:"),
    }
}
pub const FIRST_CHECKPOINT: &str = "this is the first checkpoint";
pub const NOTHING_TO_UNDO: &str = "nothing to undo";
pub const NOTHING_SELECTED: &str = "no item selected: add one first";
pub const NO_FATE: &str =
    "only gadfly ideas have a fate, commitments a status and experiments a result";
pub fn only_polarity(kind_key: &str) -> String {
    format!("signs belong to polarity maps: show competing values first ({kind_key})")
}
pub fn no_signs(edit: &str) -> String {
    format!("this polarity map has no early-warning signs yet ({edit} to add some)")
}
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
pub const READINGS: &str = "readings";
pub const BAND: &str = "band";
pub const HELP_TITLE: &str = "Keys";
pub const GLOSSARY_TITLE: &str = "The words of the method";
/// The app's own short definitions, shown under the keys in `?`.
pub const GLOSSARY: [(&str, &str); 8] = [
    (
        "balcony",
        "step back from the action to see the patterns, yourself included",
    ),
    ("dance floor", "the action itself: capture, decide, assign"),
    (
        "productive band",
        "heat enough to work; below it people coast, above it they fight or flee",
    ),
    (
        "gadfly",
        "says what others will not; kept as said, never dropped silently",
    ),
    (
        "work avoidance",
        "dodging the hard part: denial, a quick fix, blame, a committee",
    ),
    (
        "adaptive challenge",
        "only the people who have it can solve it, by changing habits",
    ),
    (
        "polarity map",
        "two values that both matter, and the signs one is overdone",
    ),
    (
        "giving the work back",
        "the people with the problem act; one named person owns each step",
    ),
];
pub fn glossary_hint(help: &str) -> String {
    format!(
        "New to these words? {help} explains balcony, dance floor, the productive band, gadflies and more."
    )
}
pub const TOO_SMALL: &str = "Please make the window larger";
pub const TOO_SMALL_DETAIL: &str = "balcony needs at least 60 columns and 16 rows.";
/// After the kind tabs of a checkpoint.
pub fn other_kinds(kind_key: &str) -> String {
    format!("{kind_key}: other kinds")
}
pub const NO_TACTIC: &str = "(no tactic)";
pub const REASON: &str = "Reason (optional)";
pub const READINESS: &str = "Readiness";
/// A raise's readiness check on the tension timeline: "readiness: ripe, ...".
pub fn readiness_note(described: &str) -> String {
    format!("readiness: {described}")
}
/// The readiness check's title, naming the key that goes on without it.
pub fn readiness_title(skip_key: &str) -> String {
    format!("Before more heat: is the issue ripe? ({skip_key}: not checked)")
}
pub const URGENCY_LABEL: &str = "Who feels the urgency?";
/// In `Urgency::ALL`'s order.
pub const URGENCY_CHOICES: [&str; 3] = ["one faction", "several factions", "the whole system"];
pub const RIPENESS_LABEL: &str = "How ripe is the issue?";
/// In `Ripeness::ALL`'s order.
pub const RIPENESS_CHOICES: [&str; 3] = [
    "unripe: few feel it; more heat may only harden them",
    "ripening: more people are starting to feel it",
    "ripe: felt across the system, ready to be worked",
];
pub const EVIDENCE_LABEL: &str = "The evidence";
pub const EVIDENCE_HINT: &str = "what was seen or heard that says so";
pub const UNRIPE_ASKS: &str = "The issue is unripe: raising the heat now needs a reason.";
pub const UNRIPE_REASON: &str = "Why raise it now (needed: the issue is unripe)";
pub fn unripe_needs_reason(cancel: &str) -> String {
    format!("the issue is unripe: say why you raise the heat now, or {cancel} and hold")
}
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
pub fn blanked(blank: &str) -> String {
    format!("ROOM BLANKED · {blank} to show")
}
pub fn frozen(freeze: &str) -> String {
    format!("ROOM FROZEN · {freeze} to unfreeze")
}
pub const TYPING_PRIVATELY: &str = "typing privately";
pub const ROOM_SHOWN: &str = "the room sees the projector view again";
pub const ROOM_SEES_THIS: &str = "the room sees this screen again";
pub const HELD_BLIND: &str = "typed blind: shown for your check when the room's view is back";
pub fn check_blind(save: &str, close: &str) -> String {
    format!("typed while the room's view was hidden: check it, {save} saves, {close} keeps a draft")
}

/// The corner marker while a form is open over a hidden view.
pub fn typing_into(form: &str, field: &str, chars: usize) -> String {
    format!("{TYPING_PRIVATELY}: {form} › {field} · {chars} characters")
}

/// The corner marker while an item typed blind waits for the view.
pub fn held_blind(form: &str) -> String {
    format!("{form}: waits for your check")
}
pub fn room_blanked(blank: &str) -> String {
    format!("the room's view is blanked: type privately, {blank} to show it again")
}
pub fn room_frozen(freeze: &str) -> String {
    format!("the room's view is frozen: work privately, {freeze} to unfreeze")
}
pub fn projector_on(projector: &str) -> String {
    format!("projector view: {projector} returns to the facilitator's screen")
}
pub fn projector_off(projector: &str) -> String {
    format!("facilitator's screen (private): {projector} shows the projector view")
}
pub const SOLO_PRIVATE: &str = "a reflection is private: there is no projector view";
pub const PRIVATE_TAG: &str = "private";
pub const SOLO_OWNER: &str = "me";
pub const PREVIEW_TITLE: &str = "the room sees";
pub const OVER_SUGGESTED: &str = "past the suggested time";
pub const FOLLOW_WAITING: &str = "waiting for the session file…";
pub const FOLLOW_SILENT: &str =
    "the facilitator's session has not saved for a while; the clock is stopped here";
pub const FOLLOW_STALE: &str = "the file could not be read just now; showing the last good version";

// Key bar words for the keys that matter at this checkpoint and item.
pub const BAR_ROAD: &str = "road";
pub const BAR_FATE: &str = "fate";
pub const BAR_REACTION: &str = "reaction";
pub const BAR_FIRED: &str = "sign seen";
pub const ROAD: &str = "Road to customer focus";
pub const ROAD_NOT_NAMED: &str = "not named yet";

pub const DRAFT_BACK: &str = "your draft is back, as you left it";

/// A form closed with something typed in it.
/// Quitting with closed forms that still hold typed words.
pub fn drafts_on_quit(titles: &[&str], key: &str) -> String {
    let what = if titles.len() == 1 {
        "a closed form still holds".to_string()
    } else {
        format!("{} closed forms still hold", titles.len())
    };
    format!(
        "{what} what you typed ({}), not saved: {key} again quits without it; the key that opened a form brings it back",
        titles.join(", ")
    )
}

pub fn draft_kept(key: &str) -> String {
    format!("kept as a draft: {key} brings it back")
}

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

/// "Status of commitment #3", "Result of experiment #4".
pub fn status_title(word: &str, kind: &str, id: u32) -> String {
    let mut word = word.to_string();
    if let Some(first) = word.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    format!("{word} of {kind} #{id}")
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

/// Said instead of "saved" while the session cannot reach its file.
pub fn kept_item(kind: &str) -> String {
    format!("{kind} kept in memory, NOT on disk")
}

pub const NO_IDS_LEFT: &str =
    "this session has numbered every item it can: start a follow-up to go on";
pub const AUTOSAVE_STOPPED: &str = "AUTOSAVE STOPPED";
pub const NOT_ON_DISK: &str = "kept in memory, not on disk";

/// A second writer of a session is told who the first is.
pub fn session_held(session: &str, who: Option<(u32, &str, &str)>) -> String {
    let who = match who {
        Some((pid, host, since)) => {
            format!("another balcony (pid {pid} on {host}, since {since})")
        }
        None => "another balcony".to_string(),
    };
    format!(
        "{session} is open for writing in {who}; two writers would save over each other. To follow it read-only: balcony present {session}"
    )
}

/// Said under a session shown read-only because another balcony writes it.
pub fn held_read_only(who: Option<(u32, &str)>) -> String {
    match who {
        Some((pid, host)) => {
            format!("READ-ONLY: another balcony (pid {pid} on {host}) is writing this session")
        }
        None => "READ-ONLY: another balcony is writing this session".to_string(),
    }
}

// Quitting while the latest changes are not on disk.
pub const UNSAVED_TITLE: &str = "The latest changes are NOT on disk";
pub const UNSAVED_COPY_TO: &str = "An emergency copy of the whole session can be written to:";
pub const UNSAVED_NO_FOLDER: &str =
    "(no writable folder is known: the copy goes to the temp folder)";
pub fn emergency_failed(e: &str) -> String {
    format!("the emergency copy could not be written either: {e}")
}
pub fn emergency_written(path: &str) -> String {
    format!("balcony: an emergency copy of the whole session is in {path}")
}
pub fn saved_now(quit: &str) -> String {
    format!("the session is on disk now: {quit} quits")
}

// Participants joining from their phones.
pub fn join_opened(open: &str) -> String {
    format!(
        "join page open: phones on this network can send ideas and readings ({open} hides the address)"
    )
}
pub fn join_local_only(close: &str, open: &str) -> String {
    format!(
        "join page open, but only this laptop can open it: no network found (join the room's Wi-Fi, then {close} and {open})"
    )
}
pub const JOIN_ONE_ADDRESS: &str = "the join page has no other address to try";
pub const JOIN_STRAIN: &str =
    "the join page is under strain: slow or crowding connections are being closed";
pub const JOIN_ONLY_HERE: &str = "only this laptop can open this page";
pub const ROOM_READINGS: &str = "the phones' readings";
pub fn room_discarded(undo: &str) -> String {
    format!(
        "the phones' readings at this checkpoint are discarded: phones may give theirs again ({undo} undoes)"
    )
}
pub const ROOM_NO_READINGS: &str = "no readings from phones at this checkpoint";

/// The join card's line for the facilitator: the room, and the address in use.
pub fn join_room(joined: usize, size: usize) -> String {
    format!("{joined} of {size} phones joined")
}

pub fn room_full(size: usize) -> String {
    format!(
        "the room is full: a phone was turned away (the room holds {size}; --room-size or room_size sets it)"
    )
}

pub fn join_address_choice(n: usize, of: usize, next: &str) -> String {
    format!("address {n} of {of} ({next} tries the next)")
}

pub const JOIN_CLOSED: &str = "join page closed: its code no longer works";
pub fn join_not_open(open: &str) -> String {
    format!("the join page is not open ({open} opens it)")
}
pub const JOIN_SOLO: &str = "a reflection is private: nobody joins it";
pub const JOIN_TITLE: &str = "Join from your phone";
pub const JOIN_HINT: &str = "scan, or type the address";
pub const QUEUE_TITLE: &str = "Ideas from the room";
pub fn queue_not_in_view(projector: &str) -> String {
    format!(
        "the queue is for your eyes only: open it from your own screen ({projector}, or show the room's view)"
    )
}
pub const QUEUE_EMPTY: &str = "no ideas from the room are waiting";
pub const QUEUE_DONE: &str = "every idea from the room has been seen";
/// A phone's idea becomes a gadfly idea with a number of its own.
pub fn idea_accepted(id: u32, fate: &str) -> String {
    format!("taken in as gadfly idea #{id} (parked; {fate} changes its fate)")
}
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
pub fn nothing_matches(clear: &str) -> String {
    format!("No session matches the filter ({clear} clears it).")
}
pub const NO_SESSIONS_SHOWN: &str = "no session selected";
pub fn compare_needs_two(mark: &str) -> String {
    format!("mark two or more sessions with {mark} to compare them")
}
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
pub fn with_items(open: &str) -> String {
    format!("with items that match ({open} opens at the best)")
}
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
pub const UPSIDES: &str = "upsides";
pub const DOWNSIDES: &str = "downsides (overdone)";
pub const WOULD_LOSE: &str = "would lose";
pub const WARNINGS: &str = "early-warning signs";
pub const PURPOSE_BOTH: &str = "purpose";
pub const HELD_BY: &str = "held by";
pub const WATCHED_BY: &str = "watched by";
pub const SEEN: &str = "seen";
pub const NOT_SEEN: &str = "not seen";
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
/// `work`: each kind's count in words, "2 commitments".
pub fn carried_over(work: &[String], ideas: usize, signs: usize, from: &str) -> String {
    format!(
        "follow-up of {from}: carried over {} (open, or an adopted idea's work), {ideas} gadfly idea{} (parked or adopted), {signs} early-warning sign{}",
        work.join(" and "),
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
pub const SEC_COMMITMENTS: &str = "Commitments";
pub const SEC_TIME_PER_CHECKPOINT: &str = "Time per checkpoint";
pub const CMP_TENSION: &str = "Tension, start → end";
pub const CMP_COMMITMENTS: &str =
    "Commitments and experiments: carried, kept or dropped, what each showed";
pub const CMP_ADOPTED: &str = "Gadfly ideas adopted since";
pub const CMP_RECURRING: &str = "Value conflicts that keep coming back";
pub const CMP_FIRED: &str = "Early-warning signs that fired";
pub const OUT_CARRIED: &str = "carried, still open";
pub const OUT_OPEN: &str = "open";
pub const OUT_NOT_CARRIED: &str = "open, not carried forward";

// Said on standard error when a screen cannot open.
pub const NEEDS_TERMINAL: &str = "this command opens a full screen and needs a terminal, but \
standard input or output is not one (redirected or piped?); nothing was created. To print \
instead, use `balcony list`, `check` or `export`.";
pub const BLANK_TITLE: &str = "the --title shows nothing (only spaces or invisible characters): give it words, or leave it out";
pub const DIR_IS_A_FILE: &str = "this is a file, not a folder: --dir (or BALCONY_SESSIONS) names the folder sessions are kept in";
// The room's readings and the wall.
pub const NO_READING_YET: &str = "no reading yet";
pub const READING_PROMPT: &str = "the room is at: ";
pub const READING_TITLE: &str = "A reading of the room (not a move)";
pub fn reading_hint(record: &str, cancel: &str) -> String {
    format!("0 cold … 10 hot · {record} records · {cancel} cancels")
}
pub fn reading_needs_level(record: &str) -> String {
    format!("type a level from 0 to 10, then {record}")
}
pub const NO_PHONE_READINGS: &str = "no phone has given a reading at this checkpoint yet";
pub fn spotlight_on(spotlight: &str) -> String {
    format!("the wall shows the selected item alone: {spotlight} again to stop")
}
pub const SPOTLIGHT_OFF: &str = "the wall shows every item again";
pub const WALL_CONTINUED: &str = "continued";
pub const WALL_EMPTY: &str = "nothing captured here yet";
pub const WALL_POLE_UP: &str = "upsides";
pub const WALL_POLE_DOWN: &str = "downsides";
pub const WALL_PURPOSE: &str = "both serve";
pub const WALL_PURPOSE_THREE: &str = "all three serve";
/// A polarity map form's purpose, as it reads with two poles and with three.
pub const FORM_PURPOSE_TWO: &str = "The purpose both poles serve";
pub const FORM_PURPOSE_THREE: &str = "The purpose all three poles serve";
pub const WALL_WARNINGS: &str = "early-warning signs";
pub const WALL_WATCHER: &str = "watched by";
pub const WALL_OVERDONE: &str = "overdone";
pub const WALL_VALUES: &str = "values";
pub const WALL_LOYAL: &str = "loyal to";
pub const WALL_LOSE: &str = "stands to lose";
pub const WALL_COMMIT_HEAD: [&str; 4] = ["what", "owner", "review", "status"];
pub const WALL_SAID_BY: &str = "said by";
pub const WALL_DECLINED: &str = "declined";
pub const WALL_MAP: &str = "map";

pub fn observed(level: u8, first: bool) -> String {
    if first {
        format!("baseline: the room is at {level} (a reading, not a move)")
    } else {
        format!("the room is at {level} (a reading, not a move)")
    }
}

pub fn room_median(n: u32) -> String {
    format!("the median of {n} phone readings")
}

pub fn room_gauge(shown: &str) -> String {
    format!("the room sees of the gauge: {shown}")
}

/// The same, short enough for the facilitator's gauge panel.
pub fn room_sees(shown: &str) -> String {
    format!("room sees: {shown}")
}

pub fn wall_page(page: usize, pages: usize) -> String {
    format!("page {page}/{pages}")
}

pub fn median_hint(level: Option<u8>, n: u32, median: &str) -> String {
    match level {
        Some(l) => format!("{median} takes the phones' median: {l} ({n} readings)"),
        None => "no phone readings here yet".to_string(),
    }
}

// Recurring issues: an item raised in earlier sessions of the archive.
pub const SEC_RAISED_BEFORE: &str = "Raised in earlier sessions";
pub const MD_RAISED_BEFORE: &str = "Issues that keep coming back";
pub const MD_RAISED_BEFORE_WHY: &str = "An issue that returns session after session is a sign that \
the challenge is adaptive: no expert fix has made it go away.";

/// "raised in 3 earlier sessions (first 2026-03-02): A, B and 1 more".
pub fn raised_before(n: usize, first: &str, names: &str, more: &str) -> String {
    format!(
        "raised in {n} earlier session{} (first {first}): {names}{more}",
        plural(n)
    )
}

// The archive report: the heat across sessions.
pub const REPORT_ZONES: &str = "Time below, inside and above the productive band";
pub const REPORT_ZONE_HEAD: &str =
    "| held | session | below (too cold) | inside (productive) | above (too hot) |";
pub const REPORT_NO_READINGS: &str = "No reading was taken in these sessions.";
pub const REPORT_TACTICS: &str = "Tactics, and what the next reading did";
pub const REPORT_TACTICS_WHY: &str = "A raise is meant to bring the heat up, a lower to bring it \
down, a hold to keep it: the last column counts the times the room's next reading went that way.";
pub const REPORT_TACTIC_HEAD: &str =
    "| tactic | move | used | next reading higher | lower | same | none after | as meant |";
pub const REPORT_NO_MOVES: &str = "No move was made in these sessions.";
pub const REPORT_SIGNS: &str = "Early-warning signs that fired";
pub const REPORT_NO_SIGNS: &str = "No early-warning sign was seen in these sessions.";

pub fn report_title(n: usize) -> String {
    format!("The heat across {n} session{}", plural(n))
}

pub fn report_span(first: &str, last: &str) -> String {
    format!("Exported from balcony: sessions held {first} to {last}, oldest first.")
}

pub fn report_zone_totals(all: &str, below: u64, inside: u64, above: u64) -> String {
    format!(
        "Of {all} between readings: {below} % below the band, {inside} % inside it, {above} % above it."
    )
}

pub fn watched_by(who: &str) -> String {
    if who.trim().is_empty() {
        "nobody named to watch it".to_string()
    } else {
        format!("watched by {who}")
    }
}

/// "seen 4 times in 3 sessions".
pub fn seen_times(times: usize, sessions: usize) -> String {
    format!(
        "seen {times} time{} in {sessions} session{}",
        plural(times),
        plural(sessions)
    )
}
pub const REPORT_MD_ONLY: &str = "the archive report is Markdown only: --format md";
pub const CMP_ZONES: &str = "Time below, inside and above the band";
pub const CMP_TACTICS: &str = "Tactics: did the next reading go the way meant?";

/// "1. 32 % below · 68 % inside · 0 % above (2 h 25 min)".
pub fn cmp_zones(n: usize, below: u64, inside: u64, above: u64, all: &str) -> String {
    format!("  {n}. {below:>3} % below · {inside:>3} % inside · {above:>3} % above  ({all})")
}

/// "Ask the tough question · raise · used 3 · as meant 2 of 3".
pub fn cmp_tactic(name: &str, dir: &str, used: usize, meant: usize, followed: usize) -> String {
    format!("  {name} · {dir} · used {used} · as meant {meant} of {followed}")
}

/// Review's header when the folders' names do not fit.
pub fn n_folders(n: usize) -> String {
    format!("{n} folders")
}

// Ideas that become work, and the history kept of changes.
pub const BAR_TO_WORK: &str = "to work";
pub fn to_work_only_ideas(kind_key: &str) -> String {
    format!("only a gadfly idea becomes work: {kind_key} to the gadfly ideas")
}
pub fn to_work_adopt_first(fate: &str) -> String {
    format!("adopt the idea first ({fate}): only an adopted idea becomes work")
}
pub fn to_work_title(idea: u32, kind: &str) -> String {
    format!("Gadfly idea #{idea} becomes {}", a(kind))
}
/// The picker's title: what an adopted idea becomes.
pub fn to_work_pick(idea: u32) -> String {
    format!("Gadfly idea #{idea} becomes work: which kind?")
}
pub fn already_work(kind: &str, id: u32) -> String {
    format!("this idea already became {kind} #{id}")
}
/// What an idea became: "became commitment #14 (open, Dana Levi, review 2027-01-15)".
pub fn became(kind: &str, id: u32, status: &str, owner: &str, review: &str) -> String {
    format!("became {kind} #{id} ({status}, {owner}, review {review})")
}
/// "a commitment", "an experiment".
pub fn a(noun: &str) -> String {
    let an = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if an { "an" } else { "a" })
}
/// Before an idea's tag in a list, once it became work.
pub fn work_tag(commitment: u32) -> String {
    format!("→ #{commitment} ·")
}
pub fn from_idea(idea: u32) -> String {
    format!("gadfly idea #{idea}")
}
pub fn skip_title(accept: &str) -> String {
    format!("Skip this checkpoint: why? ({accept} skips)")
}
pub const SKIP_CHOICE: &str = "skip it";
pub const SKIP_REASON: &str = "Why skip it (optional)";
pub const BAND_WHY_CHOICE: &str = "keep the band";
pub const BAND_REASON: &str = "Why move it (optional)";
pub fn band_why_title(low: u8, high: u8, accept: &str) -> String {
    format!("The productive band is now {low}..{high}: why? ({accept} keeps it)")
}
pub const CHANGES: &str = "Band moves and skips";
pub const REACTIONS_EARLIER: &str = "reactions";
/// "laughter 10:05 → curiosity 10:42"
pub fn reaction_story(steps: &[(String, &str)]) -> String {
    steps
        .iter()
        .map(|(at, r)| format!("{r} {at}"))
        .collect::<Vec<_>>()
        .join(" → ")
}
/// "4..7 → 5..8", for a band move.
pub fn band_move(from: (u8, u8), to: (u8, u8)) -> String {
    format!("{}..{} → {}..{}", from.0, from.1, to.0, to.1)
}
