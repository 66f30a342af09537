//! The real binary as set up at start-up: the keys from the settings file
//! reach dispatch, and `]` pages the wall as the drawing measures it.

use balcony::session::store;

use crate::pty::Pty;

#[test]
fn the_app_takes_its_keys_from_the_settings_and_pages_the_wall() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.ron");
    store::save(&file, &balcony::sample::session(300, 7)).unwrap();
    let config = dir.path().join("config.ron");
    std::fs::write(&config, "(keys: { \"browse.projector\": [\"F5\"] })").unwrap();
    let cfg = config.to_str().unwrap();
    let mut t = Pty::spawn(
        &["open", file.to_str().unwrap()],
        dir.path(),
        &[("BALCONY_CONFIG", cfg)],
    );
    t.wait_text("Sample workshop 7");
    // F5 is the projector key now; the wall has more than one page.
    t.send("\x1b[15~");
    t.wait_text("page 1/");
    t.send("]");
    t.wait_text("page 2/");
    t.send("[");
    t.send("[");
    t.wait_for("round to the last page", |s| {
        let c = s.contents();
        c.split("page ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|p| p.split_once('/'))
            .is_some_and(|(k, n)| k == n && k != "1")
    });
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
