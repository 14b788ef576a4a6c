//! Where the state file lives: the one the command line chose, else the platform's default.

use std::path::PathBuf;

use super::{Notice, Store};

/// Which store to open: the command line decides, the reader and the subcommands open it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Location {
    /// The file at [`default_path`].
    #[default]
    Default,
    /// This file.
    File(PathBuf),
    /// No file at all: marks last for the session.
    Memory,
}

impl Location {
    /// Opens the store here; the notices are for the user (status bar or stderr).
    pub fn open(&self) -> (Store, Vec<Notice>) {
        match self {
            Location::Default => Store::open_default(),
            Location::File(path) => Store::open(path),
            Location::Memory => (Store::in_memory(), Vec::new()),
        }
    }
}

/// The file's name inside the data directory.
const FILE_NAME: &str = "state.sqlite3";

/// `state.sqlite3` in the platform's data directory for saidso: `$XDG_DATA_HOME/saidso/` (or
/// `~/.local/share/saidso/`) on Linux, `~/Library/Application Support/saidso/` on macOS,
/// `%APPDATA%\saidso\data\` on Windows. `None` when there is no home directory.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "saidso")?;
    Some(dirs.data_dir().join(FILE_NAME))
}
