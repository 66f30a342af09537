//! Coverage-guided fuzzing of the loaders: any bytes, read as a session or a
//! template, give a located error or a valid file that saves and loads back
//! equal, never a panic. Run: `cargo fuzz run loader --sanitizer none`
//! (see docs/testing.md).

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

use balcony::session::store;
use balcony::workshop;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.ron");
    let text = String::from_utf8_lossy(data);
    match store::load_str(path, &text) {
        Ok(session) => {
            let again = balcony::ronfile::to_pretty(&session).expect("a loaded session saves");
            let back = store::load_str(path, &again).expect("a saved session loads");
            assert_eq!(back, session, "round trip");
        }
        Err(e) => assert!(e.line >= 1 && e.col >= 1, "unlocated: {e}"),
    }
    if let Err(e) = workshop::parse(path, &text) {
        assert!(e.line >= 1 && e.col >= 1, "unlocated: {e}");
    }
});
