//! A mutation fuzz over the loaders: the example sessions and the embedded
//! templates, cut, flipped, bracketed, deleted and duplicated at random, must
//! give a located error or a valid file, and never a panic.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use balcony::commands::{Checked, check_file};
use balcony::session::{FileError, store};
use balcony::workshop::{self, Builtin};

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The seeds: every example session, the small fixtures, both templates.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![
        (
            "default".to_string(),
            Builtin::Default.source().as_bytes().to_vec(),
        ),
        (
            "solo".to_string(),
            Builtin::Solo.source().as_bytes().to_vec(),
        ),
    ];
    for dir in ["sessions/examples", "tests/fixtures"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 7, "{} seeds", out.len());
    out
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(prop::sample::Index),
    Flip(prop::sample::Index, u8),
    Insert(prop::sample::Index, Vec<u8>),
    Delete(prop::sample::Index, usize),
    Duplicate(prop::sample::Index, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    let noise = prop_oneof![
        prop::collection::vec(prop::sample::select(b"()[]{},:\"\\/*#r'".to_vec()), 1..6),
        Just(b"[".repeat(300)),
        Just("é✓🙂".as_bytes().to_vec()),
        Just(vec![0xff, 0xfe]),
        Just(vec![0]),
        Just(b"schema: 9,".to_vec()),
        Just(b"99999999999999999999".to_vec()),
        prop::collection::vec(any::<u8>(), 1..4),
    ];
    prop_oneof![
        1 => index().prop_map(Mutation::Truncate),
        3 => (index(), 1u8..=255).prop_map(|(i, x)| Mutation::Flip(i, x)),
        3 => (index(), noise).prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (index(), 1usize..200).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => (index(), 1usize..400).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    let at = |i: &prop::sample::Index| i.index(len + 1);
    match m {
        Mutation::Truncate(i) => bytes.truncate(at(i)),
        Mutation::Flip(i, x) if len > 0 => bytes[i.index(len)] ^= x,
        Mutation::Flip(..) => {}
        Mutation::Insert(i, b) => {
            let p = at(i);
            bytes.splice(p..p, b.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let p = at(i);
            bytes.drain(p..(p + n).min(len));
        }
        Mutation::Duplicate(i, n) => {
            let p = at(i);
            let copy = bytes[p..(p + n).min(len)].to_vec();
            bytes.splice(p..p, copy);
        }
    }
}

fn assert_located(e: &FileError, path: &Path, text: &str) {
    assert_eq!(e.path, path, "{e}");
    assert!(e.line >= 1 && e.col >= 1, "{e}");
    assert!(e.line <= text.lines().count() + 1, "line past the end: {e}");
    assert!(!e.message.is_empty());
    // The report is printable: one headline and at most an excerpt with a caret.
    assert!(e.to_string().lines().count() <= 3, "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    #[test]
    fn mutated_files_never_panic(
        seed in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let seeds = seeds();
        let (name, original) = &seeds[seed.index(seeds.len())];
        let mut bytes = original.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let path = PathBuf::from(format!("{name}.mutated"));
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = store::load_str(&path, &text) {
            assert_located(&e, &path, &text);
        }
        if let Err(e) = workshop::parse(&path, &text) {
            assert_located(&e, &path, &text);
        }
        // And through the file reader, raw bytes and all.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mutated.ron");
        std::fs::write(&file, &bytes).unwrap();
        match check_file(&file) {
            Err(e) => assert_located(&e, &file, &text),
            Ok(Checked::Session(s)) => {
                // Whatever loads must also save and load back the same.
                store::save(&file, &s).unwrap();
                prop_assert_eq!(store::load(&file).unwrap(), *s);
            }
            Ok(Checked::Template(_)) => {}
        }
        prop_assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

#[test]
fn the_seeds_themselves_are_valid() {
    for (name, bytes) in seeds() {
        let path = PathBuf::from(&name);
        let text = String::from_utf8(bytes).unwrap();
        let ok = if store::looks_like_session(&text) {
            store::load_str(&path, &text).map(|_| ())
        } else {
            workshop::parse(&path, &text).map(|_| ())
        };
        ok.unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Pieces of text that break rows when measured by character: joined emoji,
/// combining marks, zero-width and reordering characters, line separators,
/// wide letters, escapes.
fn row_breaker() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "word ",
        " ",
        "\n",
        "\u{2028}",
        "\u{2029}",
        "\r\n",
        "\t",
        "e\u{301}",
        "\u{301}",
        "👩\u{200d}👩\u{200d}👧",
        "❤\u{fe0f}",
        "👍🏽",
        "🇫🇷",
        "\u{200b}",
        "\u{200d}",
        "\u{feff}",
        "\u{202e}",
        "日本",
        "\u{1b}[2J",
        "\u{9b}",
        "न\u{93f}",
        "ﷺ",
        "\u{ad}",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    /// Cut or wrapped, text fits its columns as the terminal measures them
    /// (the way ratatui draws it), keeps no line break or control inside a
    /// row, and survives a save and a load unchanged.
    #[test]
    fn text_that_breaks_rows_fits_and_round_trips(text in row_breaker(), width in 1usize..30) {
        use balcony::text::{trunc, wrap};
        use unicode_width::UnicodeWidthStr;
        let shown = |row: &str| ratatui::text::Line::from(row.to_string()).width();
        let cut = trunc(&text, width);
        prop_assert!(shown(&cut) <= width, "{cut:?} is wider than {width}");
        prop_assert!(cut.width() <= width);
        prop_assert!(!cut.chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')), "{cut:?}");
        for row in wrap(&text, width, 6) {
            prop_assert!(shown(&row) <= width, "{row:?} is wider than {width}");
            prop_assert!(
                !row.chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202e}')),
                "{row:?}"
            );
        }
        let texts = vec![text.clone()];
        let saved = balcony::ronfile::to_pretty(&texts).unwrap();
        let back: Vec<String> = balcony::ronfile::parse(Path::new("t.ron"), &saved).unwrap();
        prop_assert_eq!(back, texts);
    }
}
