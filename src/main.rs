//! The `saidso` binary: parse the command line and run it.

use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    let matches = saidso::cli::command().get_matches();
    match saidso::cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => saidso::cli::run(cli),
        Err(e) => e.exit(),
    }
}
