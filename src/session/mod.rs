//! The session model and its RON storage.

pub mod emergency;
mod items;
mod labels;
pub mod links;
pub mod lock;
mod model;
mod ops;
pub mod peek;
mod readiness;
pub mod store;
pub mod validate;

pub use crate::file_error::FileError;
pub use crate::kinds::commitment::owner::{owner_group_reason, owner_is_group};
pub use links::WorkItem;
pub use model::*;
pub use readiness::*;
