//! All integration tests, as modules of one test binary: one link instead of one per file,
//! which keeps the build small (each binary links the whole crate and its dependencies).

// The test binary is its own crate: its helpers are `pub` for the other test modules, and a
// test that unwraps fails, which is what it should do.
#![allow(clippy::unwrap_used, unreachable_pub)]

mod cleaning;
mod cli;
mod cli_quotes;
mod common;
mod config;
mod daily;
mod daily_cli;
mod extract_cases;
mod extract_props;
mod feed_formats;
mod fetch;
mod formats;
mod hostile;
mod http;
mod keys;
mod layers;
mod loading;
mod marks;
mod never_panics;
mod offline;
mod pty;
mod record;
mod record_labels;
mod render;
mod reported_cases;
mod reported_reader;
mod seed_fixture;
mod speakers;
mod speakers_cli;
mod speakers_props;
mod speakers_reader;
mod state;
mod streaming;
mod update;
mod utf16;
