//! What a facilitator in front of a room must be able to count on: the
//! screens after the slips a first real run tripped over (issue 14).

use crate::common::*;

use crossterm::event::KeyCode;

const W: u16 = 100;
const H: u16 = 30;

#[test]
fn jump_list_after_a_skip_worked_in_shows_no_skip_and_no_default() {
    let mut f = live_flow("Q3 customer first");
    press(&mut f, ch('s'), 5);
    press(&mut f, key(KeyCode::Enter), 5);
    press(&mut f, ch('p'), 6);
    press(&mut f, ch('a'), 7);
    typ(&mut f, "Churn doubled", 7);
    press(&mut f, key(KeyCode::Enter), 8);
    press(&mut f, ch('j'), 9);
    let screen = render(&f, W, H);
    let first = screen
        .lines()
        .find(|l| l.contains(" 1. "))
        .expect("the jump list");
    assert!(
        first.contains("Frame the gap") && first.contains("visited"),
        "{first}"
    );
    assert!(!screen.contains("(default)"), "{screen}");
    assert!(!screen.contains("skipped"), "{screen}");
}

#[test]
fn new_with_context_writes_it_into_the_file() {
    use crate::pty::Pty;
    let dir = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn(
        &[
            "new",
            "--title",
            "Refunds",
            "--context",
            "Refunds take 40 days",
        ],
        dir.path(),
        &[],
    );
    t.wait_text("checkpoint 1/12");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let file = std::fs::read_dir(dir.path().join("sessions"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "ron"))
        .unwrap();
    let s = balcony::session::store::load(&file).unwrap();
    assert_eq!(s.meta.context, "Refunds take 40 days");
}

/// The key bar: the last row of the screen.
fn bar(screen: &str) -> String {
    screen.lines().last().unwrap_or("").to_string()
}

#[test]
fn the_key_bar_shows_the_keys_that_matter_here_and_the_road_is_shown() {
    let mut f = live_flow("Q3 customer first");
    assert!(!bar(&render(&f, W, H)).contains("w road"));
    // "Technical or adaptive" asks which road the organisation is on.
    press(&mut f, ch('n'), 5);
    press(&mut f, ch('n'), 6);
    let screen = render(&f, W, H);
    assert!(bar(&screen).contains("w road"), "{screen}");
    assert!(
        screen.contains("Road to customer focus: not named yet"),
        "{screen}"
    );
    press(&mut f, ch('w'), 7);
    press(&mut f, key(KeyCode::Down), 7);
    press(&mut f, key(KeyCode::Enter), 7);
    let road = f.session().unwrap().road.unwrap();
    let screen = render(&f, W, H);
    assert!(
        screen.contains(&format!("Road to customer focus: {}", road.label())),
        "{screen}"
    );
    // A gadfly idea selected: its fate and reaction keys are in the bar.
    press(&mut f, ch('g'), 8);
    typ(&mut f, "Ask the customers", 8);
    press(&mut f, key(KeyCode::Enter), 8);
    let b = bar(&render(&f, W, H));
    assert!(b.contains("f fate") && b.contains("r reaction"), "{b}");
    assert!(b.contains("g gadfly") && b.contains("?/F1 help"), "{b}");
}

#[test]
fn help_explains_the_words_and_the_first_checkpoint_says_so() {
    let mut f = live_flow("Q3 customer first");
    let screen = render(&f, W, H);
    assert!(
        screen.contains("New to these words? ? explains balcony"),
        "{screen}"
    );
    press(&mut f, ch('?'), 1);
    // The glossary follows the keys: as many words as fit, the rest a
    // scroll away; a projector-sized window shows them all.
    let screen = render(&f, W, 44);
    for term in ["balcony", "dance floor", "productive band", "gadfly"] {
        assert!(screen.contains(&format!("│{term} ")), "{term}:\n{screen}");
    }
    press(&mut f, ch('?'), 2);
    // Once something is captured the hint makes way.
    press(&mut f, ch('g'), 3);
    typ(&mut f, "idea", 3);
    press(&mut f, key(KeyCode::Enter), 3);
    assert!(!render(&f, W, H).contains("New to these words?"));
    // A form's help has room for every word.
    press(&mut f, ch('g'), 4);
    press(&mut f, key(KeyCode::F(1)), 4);
    let screen = render(&f, W, H);
    assert!(screen.contains("giving the work back"), "{screen}");
}

#[test]
fn help_opens_in_a_window_too_small_for_the_app() {
    let mut f = live_flow("Q3 customer first");
    let before = render(&f, 30, 8);
    press(&mut f, ch('?'), 1);
    assert!(f.help);
    assert_ne!(render(&f, 30, 8), before, "? changes the small screen");
}

#[test]
fn a_solo_reflection_speaks_to_one_leader() {
    use balcony::flow::Flow;
    use balcony::session::Session;
    use balcony::workshop::Builtin;
    let mut f = Flow::in_session(
        Session::new(Builtin::Solo.workshop(), "Alone", "", t0()),
        t0(),
    );
    press(&mut f, ch('?'), 1);
    let help = render(&f, W, H);
    for room_key in [
        "projector view",
        "join page",
        "blank the room",
        "ideas from phones",
    ] {
        assert!(!help.contains(room_key), "{room_key}:\n{help}");
    }
    press(&mut f, ch('?'), 1);
    press(&mut f, ch('g'), 2);
    typ(&mut f, "Stop rescuing the team", 2);
    for _ in 0..3 {
        press(&mut f, key(KeyCode::Tab), 2);
    }
    let form = render(&f, W, H);
    assert!(form.contains("My own reaction"), "{form}");
    assert!(!form.contains("The room's reaction"), "{form}");
    press(&mut f, key(KeyCode::Enter), 3);
    let md = balcony::export::to_markdown(f.session().unwrap());
    assert!(!md.contains("the room"), "{md}");
}

#[test]
fn an_html_tension_list_with_a_gap_keeps_counting() {
    let s = balcony::sample::session(400, 3);
    let html = balcony::export::to_html(&s);
    let at = html.find("more in the full record …</p>").expect("a gap");
    let after = &html[at..];
    assert!(
        after.contains("<ol class=\"tight\" start=\""),
        "numbering resumes"
    );
}
