//! The `saidso` binary: parse the command line and run it.

use std::io::Write;
use std::process::ExitCode;

use clap::FromArgMatches;

/// Extraction makes and drops many small buffers on every loading thread: mimalloc serves them
/// from per-thread pages, several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let parsed = saidso::cli::command()
        .try_get_matches()
        .and_then(|matches| saidso::cli::Cli::from_arg_matches(&matches));
    match parsed {
        Ok(cli) => saidso::cli::run(cli),
        // Errors in the one form every other error has (`saidso: error: …`); help and version
        // as clap prints them.
        Err(e) if e.use_stderr() => {
            // Written, not printed: a closed stderr must not panic.
            let _ = write!(std::io::stderr(), "saidso: {}", e.render());
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
        Err(e) => e.exit(),
    }
}
