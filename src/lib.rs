//! balcony: a terminal facilitator for adaptive-leadership change workshops.

pub mod app;
pub mod archive;
pub mod background;
pub mod clean;
pub mod cli;
pub mod commands;
pub mod config;
pub mod export;
pub mod flow;
pub mod join;
pub mod keymap;
pub mod present;
pub mod review;
pub mod ronfile;
pub mod sample;
pub mod session;
pub mod strings;
pub mod terminal;
pub mod ui;
pub mod workshop;
