//! Every integration test, in one binary: the library (with axum and tokio) is linked once.

mod common;
mod http;
mod pty;

mod archive;
mod archive_report;
mod broken_files;
mod cli;
mod cli_start;
mod crash;
mod export;
mod export_cli;
mod full_disk;
mod fuzz;
mod hostile_cli;
mod join_browser;
mod join_file;
mod join_load;
mod join_routes;
mod join_screens;
mod live_pty;
mod one_writer;
mod present;
mod projector;
mod random_keys;
mod recurring;
mod review;
mod review_pty;
mod room_pty;
mod roundtrip;
mod safe_hands;
mod screens;
mod solo;
mod terminal_colours;
mod unsaved_quit;
mod wall;
