//! The join card for `balcony present`. While the room may see the join
//! address, a small file beside the session (`.NAME.ron.join`) holds it and the
//! id of the balcony serving it, so a presenter in another terminal shows
//! the same card. The file is private to its owner (0600): the address
//! carries the room's code. A card whose balcony is gone is not shown.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::session::store::{self, SaveError};

#[derive(Debug, Serialize, Deserialize)]
struct Card {
    pid: u32,
    url: String,
}

/// Where the card of `session` is kept.
pub fn path_for(session: &Path) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    session.with_file_name(format!(".{name}.join"))
}

/// Show `url` to the presenters of `session`, or with `None` stop.
pub fn publish(session: &Path, url: Option<&str>) -> Result<(), SaveError> {
    let path = path_for(session);
    let Some(url) = url else {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(SaveError::Io { path, source: e })
            }
            _ => Ok(()),
        };
    };
    let card = Card {
        pid: std::process::id(),
        url: url.to_string(),
    };
    let text = crate::ronfile::to_pretty(&card)?;
    // Whatever is at the card's name goes first (a link is removed, not
    // followed); the new card is created fresh, private (0600), never
    // through a link, and a name taken meanwhile makes it fail.
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(SaveError::Io { path, source: e });
        }
        _ => {}
    }
    store::write_durably(&path, text.as_bytes(), false)
}

/// The address a running balcony shows the room for `session`, if any.
pub fn read(session: &Path) -> Option<String> {
    // A card is a few hundred bytes; anything else planted there is ignored.
    let bytes = crate::ronfile::read_regular(&path_for(session), 4096).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let card: Card = ron::from_str(&text).ok()?;
    // Only what a join address can be: short, printable ASCII, no escapes.
    let plain = card.url.len() <= 200 && card.url.bytes().all(|b| b.is_ascii_graphic());
    (plain && store::process_alive(card.pid)).then_some(card.url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_published_card_is_read_back_then_withdrawn() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        assert_eq!(read(&session), None);
        publish(&session, Some("http://10.0.0.2:8080/j/ABCD")).unwrap();
        assert_eq!(path_for(&session), dir.path().join(".s.ron.join"));
        assert_eq!(
            read(&session).as_deref(),
            Some("http://10.0.0.2:8080/j/ABCD")
        );
        publish(&session, Some("http://10.0.0.2:8080/j/EFGH")).unwrap();
        assert_eq!(
            read(&session).as_deref(),
            Some("http://10.0.0.2:8080/j/EFGH")
        );
        publish(&session, None).unwrap();
        assert_eq!(read(&session), None);
        assert!(!path_for(&session).exists());
        // Withdrawing twice is fine.
        publish(&session, None).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn only_the_owner_can_read_the_card() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        publish(&session, Some("http://x/j/CODE")).unwrap();
        let mode = std::fs::metadata(path_for(&session))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_card_left_by_a_balcony_that_is_gone_or_a_broken_card_is_not_shown() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        // Above any pid Linux hands out.
        std::fs::write(
            path_for(&session),
            "(pid: 99999999, url: \"http://x/j/OLD\")",
        )
        .unwrap();
        assert_eq!(read(&session), None);
        std::fs::write(path_for(&session), "(pid: \"not a number\"").unwrap();
        assert_eq!(read(&session), None);
        // A live pid, but not an address: escapes and novels are refused.
        let me = std::process::id();
        let card = |url: &str| format!("(pid: {me}, url: \"{url}\")");
        std::fs::write(path_for(&session), card("http://x/j/OK")).unwrap();
        assert_eq!(read(&session).as_deref(), Some("http://x/j/OK"));
        for url in ["http://x/\u{1b}[2J".to_string(), "h".repeat(5000)] {
            std::fs::write(path_for(&session), card(&url)).unwrap();
            assert_eq!(read(&session), None, "{url:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_card_is_not_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.ron");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::os::unix::fs::symlink(&victim, path_for(&session)).unwrap();
        publish(&session, Some("http://x/j/CODE")).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&victim), 0o644, "the link's target is not chmodded");
        assert_eq!(mode(&path_for(&session)), 0o600);
        assert_eq!(read(&session).as_deref(), Some("http://x/j/CODE"));
        // A link to nowhere makes no file there either.
        publish(&session, None).unwrap();
        let nowhere = dir.path().join("made-by-link");
        std::os::unix::fs::symlink(&nowhere, path_for(&session)).unwrap();
        publish(&session, Some("http://x/j/CODE")).unwrap();
        assert!(!nowhere.exists());
    }
}
