//! All integration tests, as modules of one test binary: one link instead of one per file,
//! which keeps the build small (each binary links the whole crate and its dependencies).

mod cleaning;
mod cli;
mod cli_quotes;
mod common;
mod config;
mod extract_cases;
mod extract_props;
mod fetch;
mod formats;
mod http;
mod keys;
mod loading;
mod marks;
mod never_panics;
mod pty;
mod render;
mod reported_cases;
mod seed_fixture;
mod speakers;
mod speakers_cli;
mod speakers_props;
mod speakers_reader;
mod state;
mod update;
