//! Where the state file lives when `--state` does not say.

use std::path::PathBuf;

/// The file's name inside the data directory.
const FILE_NAME: &str = "state.sqlite3";

/// `state.sqlite3` in the platform's data directory for saidso: `$XDG_DATA_HOME/saidso/` (or
/// `~/.local/share/saidso/`) on Linux, `~/Library/Application Support/saidso/` on macOS,
/// `%APPDATA%\saidso\data\` on Windows. `None` when there is no home directory.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "saidso")?;
    Some(dirs.data_dir().join(FILE_NAME))
}
