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
