//! Recurring issues on a generated archive with known repeats and known
//! near misses: what `recurrences` finds, review's session view and the
//! Markdown summary of `balcony export FILE --archive DIR`.

use crate::common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use balcony::flow::{Flow, Input};
use balcony::review::{self, index, recurring};
use balcony::session::{Session, store};
use chrono::Duration;
use common::*;

/// A sample session held `day` days after the first, whose gadfly ideas,
/// facts and warning signs all say things no other session says.
fn session(seed: u64, day: i64, title: &str) -> Session {
    let mut s = balcony::sample::session(40, seed);
    s.meta.title = title.into();
    s.meta.created = t0() + Duration::days(day);
    s.meta.updated = s.meta.created;
    for (i, g) in s.gadflies.iter_mut().enumerate() {
        g.text = format!("quux{seed}g{i} blorp{seed}g{i}");
    }
    for (i, f) in s.facts.iter_mut().enumerate() {
        f.text = format!("quux{seed}f{i} blorp{seed}f{i}");
    }
    for (i, p) in s.polarities.iter_mut().enumerate() {
        for (k, w) in p.warnings.iter_mut().enumerate() {
            w.sign = format!("quux{seed}w{i}x{k} blorp{seed}w{i}x{k}");
        }
    }
    assert!(!s.gadflies.is_empty() && !s.facts.is_empty());
    assert!(s.polarities.iter().any(|p| !p.warnings.is_empty()));
    s
}

fn sign(s: &mut Session, text: &str) {
    let p = s.polarities.iter_mut().find(|p| !p.warnings.is_empty());
    p.unwrap().warnings[0].sign = text.into();
}

/// Seven sessions in two folders, a day apart; the sixth ("Q6") is the one
/// looked at. Its first gadfly idea was raised, in other words, in Q1, Q3
/// and Q5, and again in Q7, after it. Its first fact shares one word with
/// them (a near miss), and Q2's fact shares two. Its warning sign was seen
/// in Q2, worded differently.
fn archive() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut sessions: Vec<Session> = (1..=7)
        .map(|n| session(n, n as i64, &format!("Q{n}")))
        .collect();
    sessions[0].gadflies[0].text = "Refunds take forty days and nobody owns them".into();
    sessions[2].facts[0].text = "Refunds still take forty days; nobody owns refunds".into();
    sessions[4].gadflies[0].text = "nobody OWNS the refund, it takes forty days".into();
    sessions[6].gadflies[0].text = "Refunds take forty days and nobody owns them".into();
    sessions[5].gadflies[0].text = "Nobody owns refunds: they take forty days".into();
    sessions[5].facts[0].text = "Refund forms are printed twice".into();
    sessions[1].facts[0].text = "Customers wait forty days for a callback".into();
    sign(
        &mut sessions[1],
        "Sales overrides the queue for big accounts",
    );
    sign(
        &mut sessions[5],
        "sales override the queue for a big account",
    );
    for (n, s) in sessions.iter().enumerate() {
        let team = if n % 2 == 0 { "team-a" } else { "team-b/2026" };
        let folder = dir.path().join(team);
        std::fs::create_dir_all(&folder).unwrap();
        store::save(&folder.join(format!("q{}.ron", n + 1)), s).unwrap();
    }
    let q6 = dir.path().join("team-b/2026/q6.ron");
    (dir, q6)
}

#[test]
fn resemblance_finds_the_known_repeats_and_only_them() {
    let (dir, q6) = archive();
    let index = index::archive(&[dir.path().to_path_buf()]).unwrap();
    let s = store::load(&q6).unwrap();
    let recs = recurring::recurrences(&index, &q6, &s);
    let found: Vec<(&str, &str, Vec<&str>)> = recs
        .iter()
        .map(|r| {
            let titles = r.earlier.iter().map(|e| e.title.as_str()).collect();
            (r.kind, r.text.as_str(), titles)
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "gadfly idea",
                "Nobody owns refunds: they take forty days",
                vec!["Q1", "Q3", "Q5"]
            ),
            (
                "warning sign",
                "sales override the queue for a big account",
                vec!["Q2"]
            ),
        ],
        "the near misses (one or two shared words), Q6 itself and the later Q7 are not counted"
    );
    let first = (t0() + Duration::days(1)).format("%Y-%m-%d").to_string();
    assert_eq!(
        recs[0].said(),
        format!("raised in 3 earlier sessions (first {first}): \"Q1\", \"Q3\", \"Q5\"")
    );
}

#[test]
fn the_markdown_summary_names_the_issues_raised_before() {
    let (dir, q6) = archive();
    let out = Command::cargo_bin("balcony")
        .unwrap()
        .args(["export", "--archive"])
        .arg(dir.path())
        .arg(&q6)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let md = String::from_utf8(out.stdout).unwrap();
    let section = md.find("### Issues that keep coming back").expect(&md);
    let full = md.find("## Full record").unwrap();
    assert!(section < full, "in the summary, before the full record");
    assert!(md.contains("raised in 3 earlier sessions (first "), "{md}");
    assert!(md.contains("raised in 1 earlier session (first "), "{md}");
    assert!(!md.contains("Refund forms are printed twice —"), "{md}");
    // Without the archive the summary is as before.
    let plain = Command::cargo_bin("balcony")
        .unwrap()
        .arg("export")
        .arg(&q6)
        .output()
        .unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(!plain.contains("keep coming back"));
}

#[test]
fn the_html_summary_names_the_issues_raised_before() {
    let (dir, q6) = archive();
    let export = |archive: bool| {
        let mut cmd = Command::cargo_bin("balcony").unwrap();
        cmd.args(["export", "--format", "html"]);
        if archive {
            cmd.arg("--archive").arg(dir.path());
        }
        let out = cmd.arg(&q6).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        assert!(out.stderr.is_empty(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let html = export(true);
    let section = html
        .find("<h3>Issues that keep coming back</h3>")
        .expect(&html);
    let record = html.find("<section id=\"record\">").unwrap();
    let summary = html.find("<section id=\"summary\">").unwrap();
    assert!(summary < section && section < record, "in the summary");
    let first = (t0() + Duration::days(1)).format("%Y-%m-%d").to_string();
    assert!(
        html.contains(&format!(
            "<li><strong>gadfly idea</strong>: Nobody owns refunds: they take forty days — \
             raised in 3 earlier sessions (first {first}): &quot;Q1&quot;, &quot;Q3&quot;, \
             &quot;Q5&quot;</li>"
        )),
        "{html}"
    );
    assert!(
        html.contains("raised in 1 earlier session (first "),
        "{html}"
    );
    // Without the archive the page is as before.
    let plain = export(false);
    assert!(!plain.contains("keep coming back"));
    assert_eq!(
        html.replacen(&html[section..record - "</section>\n".len()], "", 1),
        plain
    );
}

#[test]
fn review_lists_the_issues_raised_before_first() {
    let (dir, q6) = archive();
    let rows = review::load_dir(dir.path()).unwrap();
    let index = index::archive(&[dir.path().to_path_buf()]).unwrap();
    let mut f = Flow::in_review(PathBuf::from("sessions"), rows, t0());
    f.handle(Input::Resize(100, 30), t0());
    let s = store::load(&q6).unwrap();
    let recs = recurring::recurrences(&index, &q6, &s);
    let path = q6.clone();
    f.handle(
        Input::ReviewLoaded {
            path,
            session: Ok(Box::new(s)),
        },
        t0(),
    );
    f.handle(
        Input::ReviewRecurring {
            path: q6.clone(),
            recurring: recs.clone(),
        },
        t0(),
    );
    let screen = render(&f, 100, 30);
    assert!(
        screen.contains("Raised in earlier sessions (2)"),
        "{screen}"
    );
    assert!(
        screen.contains("gadfly idea: Nobody owns refunds: they take forty days"),
        "{screen}"
    );
    assert!(
        screen.contains("raised in 3 earlier sessions (first"),
        "{screen}"
    );
    // Findings for another session (opened before, say) are not added.
    f.handle(
        Input::ReviewRecurring {
            path: Path::new("elsewhere.ron").to_path_buf(),
            recurring: recs,
        },
        t0(),
    );
    assert_eq!(render(&f, 100, 30), screen);
}
