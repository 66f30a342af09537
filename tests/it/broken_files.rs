//! Every kind of bad input gets a located, plain-words error; no file is
//! changed by being checked, and nothing panics.

use std::path::{Path, PathBuf};

use balcony::commands::{Checked, check_file};
use balcony::session::{FileError, store};
use balcony::workshop;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken")
        .join(name)
}

/// Everything that identifies the file's content and its last change.
fn fingerprint(path: &Path) -> (Option<Vec<u8>>, Option<std::time::SystemTime>) {
    let meta = std::fs::metadata(path).ok();
    (
        std::fs::read(path).ok(),
        meta.and_then(|m| m.modified().ok()),
    )
}

/// Check `path` and return its error, asserting the file did not change.
fn error_of(path: &Path) -> FileError {
    let before = fingerprint(path);
    let result = check_file(path);
    assert_eq!(before, fingerprint(path), "{} was changed", path.display());
    match result {
        Ok(Checked::Session(_)) => panic!("{} loaded as a valid session", path.display()),
        Ok(Checked::Template(_)) => panic!("{} loaded as a valid template", path.display()),
        Err(e) => e,
    }
}

fn assert_error(e: &FileError, path: &Path, line: usize, col: usize, gist: &str) {
    assert_eq!(e.path, path);
    assert_eq!(
        (e.line, e.col),
        (line, col),
        "wrong position for {}: {e}",
        path.display()
    );
    assert!(
        e.message.contains(gist),
        "{}: message {:?} does not say {gist:?}",
        path.display(),
        e.message
    );
    let headline = format!("{}:{line}:{col}: ", path.display());
    assert!(e.to_string().starts_with(&headline), "{e}");
}

fn expect(name: &str, line: usize, col: usize, gist: &str) -> FileError {
    let path = fixture(name);
    let e = error_of(&path);
    assert_error(&e, &path, line, col, gist);
    e
}

#[test]
fn the_base_of_the_fixtures_is_valid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    assert!(matches!(
        check_file(&dir.join("minimal.ron")),
        Ok(Checked::Session(_))
    ));
    assert!(matches!(
        check_file(&dir.join("template-minimal.ron")),
        Ok(Checked::Template(_))
    ));
}

#[test]
fn truncated() {
    expect("truncated.ron", 68, 31, "ends too early");
}

#[test]
fn wrong_type() {
    let e = expect("wrong-type.ron", 54, 20, "expected a whole number");
    // The excerpt shows the line and the caret sits under the value.
    assert!(
        e.to_string()
            .ends_with("level: \"very hot\",\n                       ^"),
        "{e}"
    );
}

#[test]
fn unknown_field() {
    let e = expect("unknown-field.ron", 8, 9, "unknown field `room`");
    assert!(e.message.contains("`facilitator`"), "{}", e.message);
}

#[test]
fn missing_field() {
    expect(
        "missing-field.ron",
        71,
        9,
        "the field `reaction` is missing",
    );
}

#[test]
fn not_ron_at_all() {
    expect("not-ron.ron", 1, 1, "not a balcony file");
}

#[test]
fn binary_garbage() {
    expect("binary-garbage.ron", 1, 1, "binary data");
}

#[test]
fn invalid_utf8() {
    let e = expect("invalid-utf8.ron", 5, 35, "invalid UTF-8");
    // The excerpt is shown with a replacement character, not raw bytes.
    assert!(e.excerpt.as_deref().unwrap().contains('\u{fffd}'));
}

#[test]
fn empty_file() {
    expect("empty.ron", 1, 1, "empty");
}

#[test]
fn a_folder_given_as_a_file() {
    expect("folder.ron", 1, 1, "folder");
}

#[test]
fn newer_schema_is_refused() {
    let e = expect("newer-schema.ron", 3, 5, "newer balcony (schema 2");
    assert!(e.message.contains("not changed"), "{}", e.message);
}

#[test]
fn template_without_checkpoints() {
    expect("template-no-checkpoints.ron", 10, 5, "no checkpoints");
}

#[test]
fn template_with_a_duplicate_checkpoint_id() {
    expect(
        "template-duplicate-checkpoint.ron",
        21,
        13,
        "\"facts\" is used twice",
    );
}

#[test]
fn commitment_without_owner_points_at_the_owner() {
    expect(
        "commitment-without-owner.ron",
        89,
        13,
        "commitment 4 has no owner",
    );
}

#[test]
fn declined_gadfly_without_reason_points_at_the_fate() {
    expect(
        "declined-without-reason.ron",
        71,
        13,
        "declined without a reason",
    );
}

#[test]
fn zone_not_matching_level_points_at_the_zone() {
    expect(
        "zone-mismatch.ron",
        56,
        13,
        "zone Productive does not match level 8",
    );
}

#[test]
fn unknown_checkpoint_points_at_the_checkpoint() {
    expect("unknown-checkpoint.ron", 78, 13, "checkpoint \"fcats\"");
}

#[test]
fn reading_after_a_gadfly_that_is_not_there() {
    expect(
        "dangling-gadfly.ron",
        60,
        13,
        "after_gadfly points at item 3, which is not a gadfly idea",
    );
}

#[test]
fn work_from_an_idea_that_is_not_there_points_at_the_link() {
    expect(
        "work-from-a-missing-idea.ron",
        92,
        13,
        "from_idea points at item 3, which is not a gadfly idea",
    );
}

#[test]
fn a_session_without_its_schema_is_still_read_as_a_session() {
    expect("missing-schema.ron", 94, 1, "the field `schema` is missing");
}

#[test]
fn impossible_date() {
    expect("bad-date.ron", 90, 22, "date or time is not valid");
}

#[test]
fn every_fixture_is_covered_and_fails() {
    // A new fixture without an assertion above still has to fail to load.
    let dir = fixture("");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let e = error_of(&path);
        assert!(e.line >= 1 && e.col >= 1 && e.path == path, "{e}");
        n += 1;
    }
    assert_eq!(n, 21);
}

fn minimal() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron"),
    )
    .unwrap()
}

#[test]
fn a_50_mb_string_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let text = minimal().replacen(
        "\"Clinic front desk\"",
        &format!("\"{}\"", "x".repeat(50 * 1024 * 1024)),
        1,
    );
    std::fs::write(&path, &text).unwrap();
    let e = error_of(&path);
    assert_error(&e, &path, 1, 1, "the file is 50.0 MiB");
    // The same text handed to the parser directly is refused field by field.
    let e = store::load_str(&path, &text).unwrap_err();
    assert_error(&e, &path, 5, 9, "the title is 52428800 characters long");
    assert!(e.to_string().len() < 1000, "the excerpt must be clipped");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("brackets.ron", "[".repeat(100_000)),
        ("parens.ron", "(".repeat(100_000)),
        (
            "in-a-session.ron",
            format!("(schema: 1, meta: {}", "[".repeat(100_000)),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let e = error_of(&path);
        assert!(e.line == 1 && e.col >= 1, "{e}");
        assert!(e.message.len() < 200, "{}", e.message);
        assert!(workshop::parse(&path, &text).is_err());
        assert!(store::load_str(&path, &text).is_err());
    }
    // Through an untyped value the recursion limit is what stops it.
    let path = dir.path().join("brackets.ron");
    let e = balcony::ronfile::parse::<ron::Value>(&path, &"[".repeat(100_000)).unwrap_err();
    assert_error(&e, &path, 1, 65, "nested far too deeply");
}

#[test]
fn a_file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.ron");
    std::fs::write(&path, minimal()).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Root reads anything: the permission cannot bind here.
        eprintln!("skipped: this user can read a file with mode 000");
        return;
    }
    let e = error_of(&path);
    assert_error(&e, &path, 1, 1, "permission denied");
}

#[test]
fn a_missing_file() {
    let path = fixture("no-such-file.ron");
    let e = error_of(&path);
    assert_error(&e, &path, 1, 1, "no such file");
}

#[test]
fn quoted_field_names_in_texts_do_not_mislead_the_position() {
    let text = minimal()
        .replacen(
            "Time the payment queue every day for two weeks.",
            "Ask: who is the owner: \\\"\\\"? // (see id: 4, above)",
            1,
        )
        .replacen(
            "Outpatient clinic;",
            "Outpatient clinic (id: 4, owner: \\\"\\\");",
            1,
        )
        .replacen("owner: \"Ines Duarte\"", "owner: \"\"", 1);
    let path = Path::new("quoted.ron");
    let e = store::load_str(path, &text).unwrap_err();
    assert_error(&e, path, 89, 13, "commitment 4 has no owner");
    assert_eq!(e.excerpt.as_deref(), Some("            owner: \"\","));
}

#[test]
fn an_id_is_not_found_inside_next_id() {
    // The commitment comes last in the file, after `next_id: 4,`.
    let text = minimal().replacen("next_id: 5,", "next_id: 4,", 1);
    let moved = {
        let start = text.find("    commitments: [").unwrap();
        let end = text.find("    next_id: 4,\n").unwrap();
        let block = &text[start..end];
        format!("{}    next_id: 4,\n{block})\n", &text[..start],)
    };
    let path = Path::new("next-id.ron");
    let e = store::load_str(path, &moved).unwrap_err();
    assert!(
        e.message
            .contains("commitment 4 has an id not below next_id"),
        "{e}"
    );
    assert_eq!(e.excerpt.as_deref(), Some("            id: 4,"), "{e}");
}

/// A file from before observations, the room's gauge and the wall: it loads
/// with every reading a move, the whole gauge shown, the wall at its first
/// page, and saving it again writes none of the new fields.
#[test]
fn an_old_file_loads_unchanged() {
    use balcony::session::{GaugeShow, ReadingKind, WallView, store};
    let text = minimal();
    for word in ["kind: Observation", "room_gauge", "wall:"] {
        assert!(!text.contains(word), "the fixture is old: {word}");
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron");
    let ses = store::load(&path).unwrap();
    assert!(!ses.readings.is_empty());
    assert!(ses.readings.iter().all(|r| r.kind == ReadingKind::Move));
    assert_eq!(ses.readings[0].label(), "lower");
    assert_eq!(ses.room_gauge, GaugeShow::LevelAndVerdict);
    assert_eq!(ses.progress.wall, WallView::default());
    let dir = tempfile::tempdir().unwrap();
    let again = dir.path().join("again.ron");
    store::save(&again, &ses).unwrap();
    let written = std::fs::read_to_string(&again).unwrap();
    for word in ["kind:", "room_gauge", "wall:"] {
        assert!(!written.contains(word), "{word} written:\n{written}");
    }
    // An observation says so in the file, and reads back as one.
    let mut ses = ses;
    let mut r = ses.readings[0].clone();
    r.id = ses.take_id();
    r.kind = ReadingKind::Observation;
    r.move_ = balcony::session::Move::Hold;
    r.tactic = None;
    ses.readings.push(r);
    // One that carries a tactic is refused, naming the reading.
    let mut bad = ses.clone();
    bad.readings.last_mut().unwrap().tactic = Some("tough-questions".into());
    let problems = balcony::session::validate::session(&bad);
    assert!(
        problems.iter().any(|p| p
            .message
            .contains("an observation records where the room was")
            && p.field.as_deref() == Some("tactic:")),
        "{problems:?}"
    );
    store::save(&again, &ses).unwrap();
    let written = std::fs::read_to_string(&again).unwrap();
    assert_eq!(written.matches("kind: Observation").count(), 1, "{written}");
    let back = store::load(&again).unwrap();
    assert_eq!(back.readings[1].label(), "observed");
}

#[test]
fn kept_history_that_does_not_fit_the_session_is_named() {
    use balcony::session::{Band, BandMove, SkipReason, store, validate};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron");
    let mut s = store::load(&path).unwrap();
    assert!(validate::session(&s).is_empty());
    let at = s.meta.created;
    s.progress.checkpoints[0].skip_reasons.push(SkipReason {
        at,
        reason: "never skipped".into(),
    });
    s.band_moves.push(BandMove {
        at,
        checkpoint: "nowhere".into(),
        from: Band { low: 4, high: 7 },
        to: Band { low: 8, high: 3 },
        reason: String::new(),
    });
    let said: Vec<String> = validate::session(&s)
        .into_iter()
        .map(|p| p.message)
        .collect();
    for want in [
        "a skip's reason is kept for",
        "band move 1: its bands must have low <= high",
        "band move 1 names the checkpoint \"nowhere\"",
    ] {
        assert!(said.iter().any(|m| m.contains(want)), "{want}: {said:?}");
    }
    assert_eq!(said.len(), 3, "{said:?}");
}

#[test]
fn an_unripe_raise_without_a_reason_points_at_its_readiness() {
    expect(
        "unripe-raise-without-reason.ron",
        71,
        13,
        "raised while the issue was unripe: its reason is needed",
    );
}

#[test]
fn experiment_without_owner_points_at_its_owner() {
    let mut s = crate::harness::every_kind();
    s.experiments[0].owner = String::new();
    let id = s.experiments[0].id;
    let text = balcony::ronfile::to_pretty(&s).unwrap();
    // Where the experiment's owner is written: the first `owner: ""` line.
    let line = text
        .lines()
        .position(|l| l.trim() == "owner: \"\",")
        .expect("the empty owner is written")
        + 1;
    let path = Path::new("experiment.ron");
    let e = store::load_str(path, &text).unwrap_err();
    assert_error(&e, path, line, 13, &format!("experiment {id} has no owner"));
}
