//! The `saidso` binary: parse the command line and run it.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    saidso::cli::run(saidso::cli::Cli::parse())
}
