//! The global `--state` and `--no-state` options, and opening the store they choose.

use std::path::PathBuf;

use clap::Args;

use crate::store::{Notice, Store};

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
    /// Opens the store these options choose; the notices are for the user (status bar or stderr).
    pub fn open(&self) -> (Store, Vec<Notice>) {
        match (&self.state, self.no_state) {
            (_, true) => (Store::in_memory(), Vec::new()),
            (Some(path), false) => Store::open(path),
            (None, false) => Store::open_default(),
        }
    }

    /// Opens the store, telling stderr what the user should know about it.
    pub(super) fn open_for_cli(&self) -> Store {
        let (store, notices) = self.open();
        for notice in notices {
            eprintln!("saidso: {notice}");
        }
        store
    }
}
