//! iCalendar: one all-day event per open commitment or running experiment
//! on its review date, so that looking again lands in the owner's calendar.
//! Each event's UID is made of the session's creation time, the kind and the
//! item's id, which never
//! change: importing a later export updates the events instead of adding
//! copies.

use chrono::Utc;
use icalendar::{Calendar, Component, Event, EventLike, Property};

use crate::session::{ItemKind, Session, WorkItem};

/// The UID of a piece of work's event: stable across exports and renames.
pub fn uid(s: &Session, w: &WorkItem) -> String {
    format!(
        "{}-{}-{}@balcony",
        s.meta.created.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ"),
        w.kind.label(),
        w.id
    )
}

/// The calendar of a session's open work. No clock: the stamp is the
/// session's last change, so one file always gives the same bytes.
pub fn to_ics(s: &Session) -> String {
    let mut cal = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//balcony//commitments//EN"),
        ("CALSCALE", "GREGORIAN"),
    ] {
        cal.append_property(Property::new(key, value));
    }
    cal.name(&format!("{}: commitments", s.meta.title));
    let stamp = s.meta.updated.with_timezone(&Utc);
    for w in s.work_items().iter().filter(|w| w.work.open) {
        let mut description = format!(
            "Owner: {}\nFrom the session \"{}\" of {}",
            w.work.owner,
            s.meta.title,
            s.meta.created.format("%Y-%m-%d")
        );
        let (label, aside) = w.work.aside;
        if !aside.trim().is_empty() {
            description.push_str(&format!("\n{label}: {aside}"));
        }
        // Commitments keep the summary they always had; other work says
        // what it is.
        let summary = match w.kind {
            ItemKind::Commitment => format!("{} ({})", w.work.what, w.work.owner),
            kind => {
                let label = kind.label();
                let (first, rest) = label.split_at(label.chars().next().map_or(0, char::len_utf8));
                format!(
                    "{}{rest}: {} ({})",
                    first.to_uppercase(),
                    w.work.what,
                    w.work.owner
                )
            }
        };
        cal.push(
            Event::new()
                .uid(&uid(s, w))
                .timestamp(stamp)
                .summary(&summary)
                .description(&description)
                .all_day(w.work.review)
                .done(),
        );
    }
    cal.done().to_string()
}
