//! balcony: a terminal facilitator for adaptive-leadership change workshops.

pub mod archive;
pub mod clean;
pub mod cli;
pub mod commands;
pub mod config;
pub mod export;
pub mod file_error;
pub mod flow;
pub mod join;
pub mod keymap;
pub mod kinds;
pub mod method;
pub mod problem;
pub mod review;
pub mod ronfile;
pub mod ronscan;
pub mod sample;
pub mod session;
pub mod shell;
pub mod strings;
pub mod text;
pub mod ui;
pub mod workshop;
