//! The join page on screen: the address card with its QR code on the
//! facilitator's screen and the projector view, the moderation queue, and
//! the room's readings beside the gauge. 100×30, a fixed clock.

use crate::common;

use balcony::flow::Input;
use balcony::flow::join::{Arrival, JoinCounts, JoinPlace};
use common::*;
use crossterm::event::KeyCode;

const W: u16 = 100;
const H: u16 = 30;
const URL: &str = "http://192.168.1.20:40123/j/ABCDEFGHJKMN";

fn with_arrivals() -> balcony::flow::Flow {
    let mut f = live_flow("Q3 customer first");
    f.handle(Input::Saved(at(5)), f.now);
    let mut list = vec![
        Arrival::Idea {
            text: "Nobody here has listened to a cancellation call this year.".into(),
            name: None,
        },
        Arrival::Idea {
            text: "The bonus scheme pays for new contracts, so that is what we get.".into(),
            name: Some("Noor".into()),
        },
    ];
    for (i, level) in [2, 5, 5, 6, 6, 6, 7, 9].into_iter().enumerate() {
        list.push(Arrival::Reading {
            device: format!("device-{i:03}"),
            level,
        });
    }
    f.handle(Input::Join(list), at(5));
    f
}

fn place(choices: usize) -> JoinPlace {
    JoinPlace {
        local_only: false,
        choices,
        choice: 0,
        size: 40,
    }
}

#[test]
fn the_address_and_its_code_on_the_facilitators_screen() {
    let mut f = live_flow("Q3 customer first");
    f.handle(Input::Saved(at(5)), f.now);
    f.handle(
        Input::JoinOpened {
            url: URL.into(),
            place: place(2),
        },
        f.now,
    );
    let counts = JoinCounts {
        joined: 12,
        ..JoinCounts::default()
    };
    f.handle(Input::JoinStatus(counts), f.now);
    let screen = render(&f, W, H);
    assert!(screen.contains(URL));
    assert!(screen.contains("Join from your phone"));
    assert!(screen.contains("12 of 40 phones joined"), "{screen}");
    assert!(screen.contains("address 1 of 2 (@ tries the next)"));
    assert!(!screen.contains("only this laptop"));
    insta::assert_snapshot!(screen);
    press(&mut f, ch('o'), 6);
    assert!(!render(&f, W, H).contains(URL), "o hides it again");
}

/// No network: the page is on loopback and the screen says so plainly.
#[test]
fn a_page_only_this_laptop_can_open_says_so() {
    let mut f = live_flow("Q3 customer first");
    let place = JoinPlace {
        local_only: true,
        ..place(0)
    };
    f.handle(
        Input::JoinOpened {
            url: "http://127.0.0.1:40123/j/ABCDEFGHJKMN".into(),
            place,
        },
        f.now,
    );
    let screen = render(&f, W, H);
    assert!(
        screen.contains("only this laptop can open this page"),
        "{screen}"
    );
    assert!(
        screen.contains("only this laptop can open it"),
        "the notice too"
    );
    assert!(!screen.contains("@ tries"));
}

fn counts(strained: u64, refused: u64) -> JoinCounts {
    JoinCounts {
        joined: 40,
        strained,
        refused,
    }
}

/// Connections turned away show as a quiet notice, not more than once a minute.
#[test]
fn strain_is_told_quietly_and_seldom() {
    let mut f = live_flow("Q3 customer first");
    f.handle(
        Input::JoinOpened {
            url: URL.into(),
            place: place(1),
        },
        f.now,
    );
    press(&mut f, ch('o'), 5);
    f.handle(Input::JoinStatus(counts(3, 0)), at(6));
    let strained = render(&f, W, H);
    assert!(
        strained.contains("the join page is under strain"),
        "{strained}"
    );
    f.notice = None;
    f.handle(Input::JoinStatus(counts(9, 0)), at(30));
    assert_eq!(f.notice, None, "quiet within the minute");
    assert!(!render(&f, W, H).contains("under strain"));
    f.handle(Input::JoinStatus(counts(9, 0)), at(200));
    assert_eq!(f.notice, None, "no new strain, no notice");
    f.handle(Input::JoinStatus(counts(10, 0)), at(201));
    assert!(f.notice.is_some(), "a minute later, new strain is told");
}

/// A phone turned away from a full room: the facilitator learns the room's
/// size and how to change it, once a minute at most.
#[test]
fn a_full_room_is_told_with_its_size() {
    let mut f = live_flow("Q3 customer first");
    f.handle(
        Input::JoinOpened {
            url: URL.into(),
            place: place(1),
        },
        f.now,
    );
    press(&mut f, ch('o'), 5);
    f.handle(Input::JoinStatus(counts(0, 1)), at(6));
    let full = render(&f, W, H);
    assert!(
        full.contains("the room is full: a phone was turned away"),
        "{full}"
    );
    assert!(f.notice.as_ref().unwrap().text.contains("holds 40"));
    f.notice = None;
    f.handle(Input::JoinStatus(counts(0, 5)), at(20));
    assert_eq!(f.notice, None, "quiet within the minute");
}

#[test]
fn the_address_on_the_projector_view() {
    let mut f = live_flow("Q3 customer first");
    f.handle(
        Input::JoinOpened {
            url: URL.into(),
            place: place(2),
        },
        f.now,
    );
    press(&mut f, ch('v'), 6);
    let screen = render(&f, W, H);
    assert!(screen.contains(URL), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn the_room_beside_the_gauge() {
    let f = with_arrivals();
    let screen = render(&f, W, H);
    assert!(screen.contains("room 8 · median 6"), "{screen}");
    assert!(screen.contains("ideas from phones: 2 (i)"));
    insta::assert_snapshot!(screen);
}

#[test]
fn the_moderation_queue() {
    let mut f = with_arrivals();
    press(&mut f, ch('i'), 6);
    press(&mut f, key(KeyCode::Down), 6);
    let screen = render(&f, W, H);
    assert!(
        screen.contains("▶ #"),
        "the selection is marked, not only coloured"
    );
    assert!(screen.contains("Noor"));
    assert!(screen.contains("anonymous"));
    insta::assert_snapshot!(screen);
}
