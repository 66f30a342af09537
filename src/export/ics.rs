//! iCalendar: one all-day event per open commitment on its review date, so
//! that looking again lands in the owner's calendar. Each event's UID is made
//! of the session's creation time and the commitment's id, which never
//! change: importing a later export updates the events instead of adding
//! copies.

use chrono::Utc;
use icalendar::{Calendar, Component, Event, EventLike, Property};

use crate::session::{Commitment, CommitmentStatus, Session};

/// The UID of a commitment's event: stable across exports and renames.
pub fn uid(s: &Session, c: &Commitment) -> String {
    format!(
        "{}-commitment-{}@balcony",
        s.meta.created.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ"),
        c.id
    )
}

/// The calendar of a session's open commitments. No clock: the stamp is the
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
    for c in s
        .commitments
        .iter()
        .filter(|c| c.status == CommitmentStatus::Open)
    {
        let mut description = format!(
            "Owner: {}\nFrom the session \"{}\" of {}",
            c.owner,
            s.meta.title,
            s.meta.created.format("%Y-%m-%d")
        );
        if !c.loss.trim().is_empty() {
            description.push_str(&format!("\nWhat it costs: {}", c.loss));
        }
        cal.push(
            Event::new()
                .uid(&uid(s, c))
                .timestamp(stamp)
                .summary(&format!("{} ({})", c.what, c.owner))
                .description(&description)
                .all_day(c.review)
                .done(),
        );
    }
    cal.done().to_string()
}
