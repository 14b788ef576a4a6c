//! What saidso remembers between runs: per-article marks (read, starred, scroll position) and the
//! last open article, in one SQLite file.
//!
//! Opening never fails: a damaged file is moved aside and a new one started, and a file that cannot
//! be written (read-only directory, full disk, a newer saidso's file) leaves the marks in memory for
//! the session. Either way the caller gets [`Notice`]s to show. Every change is its own
//! transaction, committed before the setter returns, so a crash loses at most the change being made;
//! WAL mode and a busy timeout let several saidso processes share the file.
//!
//! - `open`: opening, checking, moving a damaged file aside, falling back to memory.
//! - [`schema`]: the tables and their migrations.
//! - `marks`: the per-article marks ([`Store::marks`], [`Store::set_read`], ...).
//! - `fetched`: followed feeds and the articles fetched from them ([`Store::save_articles`]).
//! - `kv`: named values such as the last open article ([`Store::last_open`]).
//! - `location`: which file to open ([`Location`]), and where it lives by default
//!   ([`default_path`]).

mod fetched;
mod kv;
mod location;
mod marks;
mod open;
pub mod schema;

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use location::{Location, default_path};
pub use marks::Marks;

/// The state store. Reads and writes go straight to the database; nothing is cached.
pub struct Store {
    conn: Connection,
    /// The file marks are saved to; `None` when they live in memory only.
    file: Option<PathBuf>,
    /// Why marks are not being saved, while they are not: set on falling back to memory, and by a
    /// failed write (cleared by the next write that succeeds).
    not_saved: Option<String>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("file", &self.file)
            .field("not_saved", &self.not_saved)
            .finish_non_exhaustive()
    }
}

/// Something the user should be told about the store, once, when it is opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The file was not a readable database; it was renamed and a new store started in its place.
    MovedAside {
        /// The state file.
        path: PathBuf,
        /// Where the old file now is (`<name>.corrupt-<unix time>`).
        to: PathBuf,
        /// What was wrong with it.
        cause: String,
        /// How many marks that still read were carried over into the new file.
        rescued: usize,
    },
    /// Marks are kept in memory for this session only.
    NotSaved {
        /// Why.
        cause: String,
    },
    /// Another process is writing the file: marks are shown, and saved from the first change
    /// made once it is done.
    Busy {
        /// Why.
        cause: String,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::MovedAside { path, to, cause, rescued } => write!(
                f,
                "state file {} could not be used ({cause}); moved it to {} and started a new one \
                 with the {rescued} marks that still read",
                path.display(),
                to.display()
            ),
            Notice::NotSaved { cause } => write!(f, "marks will not be saved: {cause}"),
            Notice::Busy { cause } => {
                write!(f, "{cause}; each mark is saved as soon as the other program is done")
            }
        }
    }
}

/// A read or a write that failed; the message is meant for the status bar or stderr.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StoreError {
    /// A change was not saved (the reader may keep it in its own state for the session).
    #[error("marks not saved: {0}")]
    NotSaved(String),
    /// Stored marks could not be read.
    #[error("could not read marks: {0}")]
    Unreadable(String),
}

impl Store {
    /// Opens (creating if need be) the store at `path`, or falls back to memory; see the module
    /// documentation. The notices say what the user should know.
    pub fn open(path: &Path) -> (Store, Vec<Notice>) {
        open::open(path)
    }

    /// Opens the store at [`default_path`], or in memory with a notice when there is no data
    /// directory.
    pub fn open_default() -> (Store, Vec<Notice>) {
        match default_path() {
            Some(path) => Store::open(&path),
            None => {
                let cause = "no data directory (is HOME set?); choose a file with --state";
                open::in_memory(Some(cause.to_string()), Vec::new())
            }
        }
    }

    /// A store that reads and writes nothing on disk (`--no-state`): marks last for the session.
    pub fn in_memory() -> Store {
        open::in_memory(None, Vec::new()).0
    }

    /// The file marks are saved to, or `None` when they live in memory only.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Why marks are not being saved to disk right now, for the status bar; `None` when they are,
    /// or when the store was asked to be in memory ([`Store::in_memory`]).
    pub fn not_saved(&self) -> Option<&str> {
        self.not_saved.as_deref()
    }

    /// Makes the file refuse to grow, as a full disk does (SQLite's `max_page_count` set to the
    /// pages it has), or lifts that: for tests of what a full disk does to marks.
    #[doc(hidden)]
    pub fn simulate_full_disk(&self, full: bool) -> Result<(), StoreError> {
        let pages: i64 = if full {
            self.conn.query_row("PRAGMA page_count", [], |r| r.get(0)).map_err(unreadable)?
        } else {
            i64::from(u32::MAX - 1)
        };
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
            .map_err(unreadable)
    }

    /// Runs one change as its own transaction (autocommit), recording a failure for
    /// [`Store::not_saved`].
    fn write(&mut self, sql: &str, params: impl rusqlite::Params) -> Result<(), StoreError> {
        let result = self.conn.prepare_cached(sql).and_then(|mut s| s.execute(params));
        match result {
            Ok(_) => {
                if self.file.is_some() {
                    self.not_saved = None;
                }
                Ok(())
            }
            Err(e) => {
                let cause = match &self.file {
                    Some(path) => format!("cannot write {}: {e}", path.display()),
                    None => e.to_string(),
                };
                self.not_saved = Some(cause.clone());
                Err(StoreError::NotSaved(cause))
            }
        }
    }
}

/// The error for a failed read.
fn unreadable(e: rusqlite::Error) -> StoreError {
    StoreError::Unreadable(e.to_string())
}
