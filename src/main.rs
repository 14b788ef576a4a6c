//! The `saidso` binary: parse the command line and run it.

use std::process::ExitCode;

use clap::FromArgMatches;

/// Extraction makes and drops many small buffers on every loading thread: mimalloc serves them
/// from per-thread pages, several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let matches = saidso::cli::command().get_matches();
    match saidso::cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => saidso::cli::run(cli),
        Err(e) => e.exit(),
    }
}
