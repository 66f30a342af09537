//! Drawing: every screen renders from the flow's state, nothing else.

pub mod keymap;
pub mod strings;
