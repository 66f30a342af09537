//! Words on screen that name a key name the key as bound now: a facilitator
//! who moved a key is never told to press the old one.

use balcony::keymap::{Action, Ctx, Key, Keymap};
use crossterm::event::{KeyCode, KeyModifiers};

use crate::harness::Harness;

fn f(n: u8) -> Key {
    Key {
        code: KeyCode::F(n),
        mods: KeyModifiers::NONE,
    }
}

/// Every key these messages name, moved to a key no default row uses.
fn rebound() -> Keymap {
    Keymap::new(vec![
        (Ctx::Start, Action::Accept, vec![f(3)]),
        (Ctx::Start, Action::FieldNext, vec![f(4)]),
        (Ctx::Browse, Action::Projector, vec![f(5)]),
        (Ctx::Browse, Action::Blank, vec![f(6)]),
        (Ctx::Browse, Action::Freeze, vec![f(7)]),
        (Ctx::Browse, Action::Spotlight, vec![f(8)]),
        (Ctx::Browse, Action::KindNext, vec![f(9)]),
        (Ctx::Browse, Action::Help, vec![f(2)]),
        (Ctx::Browse, Action::JoinOpen, vec![f(10)]),
        (Ctx::Browse, Action::Fate, vec![f(11)]),
        (Ctx::Form, Action::Accept, vec![f(3)]),
        (Ctx::Form, Action::Cancel, vec![f(12)]),
        (Ctx::Picker, Action::Accept, vec![f(4)]),
        (Ctx::Reading, Action::Accept, vec![f(3)]),
        (Ctx::Reading, Action::Cancel, vec![f(12)]),
        (Ctx::Reading, Action::RoomMedian, vec![f(5)]),
    ])
}

fn notice(h: &Harness) -> String {
    h.flow
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

/// The messages and screen lines that name keys, gathered by working as a
/// facilitator does with `keys`.
fn words(keys: &Keymap) -> Vec<String> {
    let mut out = Vec::new();
    let mut h = Harness::start(Vec::new()).with_keymap(keys.clone());
    out.push(h.screen());
    h.press(Action::Accept);
    out.push(notice(&h));

    let mut h = Harness::live("T").with_keymap(keys.clone());
    // A first look shows where the words are explained, and the kind tabs.
    out.push(h.screen());
    h.press(Action::Projector);
    out.push(notice(&h));
    h.press(Action::Projector);
    out.push(notice(&h));
    h.press(Action::JoinAddress);
    out.push(notice(&h));
    h.press(Action::Skip);
    out.push(h.screen());
    h.press(Action::Cancel);
    h.press(Action::Observe);
    out.push(h.screen());
    h.press(Action::Accept);
    out.push(notice(&h));
    h.press(Action::Cancel);
    // Typed while the room sees a blank screen, then checked.
    h.press(Action::Blank);
    out.push(notice(&h));
    out.push(h.screen());
    h.press(Action::Gadfly);
    h.type_text("Refund without asking");
    h.press(Action::Accept);
    h.press(Action::Blank);
    out.push(notice(&h));
    h.press(Action::Cancel);
    h.press(Action::Freeze);
    out.push(notice(&h));
    out.push(h.screen());
    h.press(Action::Freeze);

    let mut h = Harness::every_kind().with_keymap(keys.clone());
    h.press(Action::Spotlight);
    out.push(notice(&h));
    while h.flow.live().unwrap().kind == balcony::session::ItemKind::Gadfly {
        h.press(Action::KindNext);
    }
    h.press(Action::ToWork);
    out.push(notice(&h));
    out
}

/// The text the default keys give, byte for byte as before the keys were
/// looked up; and the same words name the new key once it is moved.
#[test]
fn messages_name_the_keys_as_bound() {
    let cases: [(&str, &str); 17] = [
        (
            "Enter starts this new session",
            "F3 starts this new session",
        ),
        (
            "Review past sessions (read-only): Enter",
            "Review past sessions (read-only): F3",
        ),
        (
            "(Tab goes to the recent sessions)",
            "(F4 goes to the recent sessions)",
        ),
        (
            "New to these words? ? explains",
            "New to these words? F2 explains",
        ),
        ("Tab: other kinds", "F9: other kinds"),
        ("projector view: v returns", "projector view: F5 returns"),
        (
            "(private): v shows the projector view",
            "(private): F5 shows the projector view",
        ),
        (
            "the join page is not open (o opens it)",
            "the join page is not open (F10 opens it)",
        ),
        ("why? (Enter skips)", "why? (F4 skips)"),
        (
            "· Enter records · Esc cancels",
            "· F3 records · F12 cancels",
        ),
        ("from 0 to 10, then Enter", "from 0 to 10, then F3"),
        (
            "type privately, . to show it again",
            "type privately, F6 to show it again",
        ),
        ("ROOM BLANKED · . to show", "ROOM BLANKED · F6 to show"),
        (
            "check it, Enter saves, Esc keeps a draft",
            "check it, F3 saves, F12 keeps a draft",
        ),
        (
            "work privately, , to unfreeze",
            "work privately, F7 to unfreeze",
        ),
        (
            "item alone: z again to stop",
            "item alone: F8 again to stop",
        ),
        (
            "work: Tab to the gadfly ideas",
            "work: F9 to the gadfly ideas",
        ),
    ];
    let before = words(&Keymap::default()).join("\n");
    let after = words(&rebound()).join("\n");
    for (old, new) in cases {
        assert!(
            before.contains(old),
            "default keys: {old:?} missing in\n{before}"
        );
        assert!(
            after.contains(new),
            "rebound keys: {new:?} missing in\n{after}"
        );
        assert!(
            !after.contains(old),
            "rebound keys: {old:?} still said in\n{after}"
        );
    }
}
