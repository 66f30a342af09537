//! balcony: a terminal facilitator for adaptive-leadership change workshops.

pub mod cli;
pub mod commands;
pub mod export;
pub mod ronfile;
pub mod sample;
pub mod session;
pub mod workshop;
