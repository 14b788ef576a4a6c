//! The global `--state` and `--no-state` options: the store [`Location`] they choose.

use std::path::PathBuf;

use clap::Args;

use super::say;
use crate::store::{Location, Store};

/// Where marks are kept; accepted before or after a subcommand's name.
#[derive(Clone, Debug, Default, Args)]
pub struct StateArgs {
    /// The file that keeps marks and positions [default: state.sqlite3 in the platform's data
    /// directory, e.g. $XDG_DATA_HOME/saidso/].
    #[arg(long, global = true, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Neither read nor write any state file: marks last for this run only.
    #[arg(long, global = true, conflicts_with = "state")]
    pub no_state: bool,
}

impl StateArgs {
    /// The store these options choose.
    pub fn location(&self) -> Location {
        match (&self.state, self.no_state) {
            (_, true) => Location::Memory,
            (Some(path), false) => Location::File(path.clone()),
            (None, false) => Location::Default,
        }
    }

    /// Opens the store to read marks from: a file that does not exist yet is not created, so
    /// that a command that only reads leaves nothing behind.
    pub(super) fn open_to_read(&self) -> Store {
        let path = match self.location() {
            Location::File(path) => Some(path),
            Location::Default => crate::store::default_path(),
            Location::Memory => None,
        };
        if path.is_some_and(|p| !p.exists()) {
            return Store::in_memory();
        }
        self.open_for_cli()
    }

    /// Opens the store, telling stderr what the user should know about it.
    pub(super) fn open_for_cli(&self) -> Store {
        let (store, notices) = self.location().open();
        for notice in notices {
            say(format_args!("{notice}"));
        }
        store
    }
}
