//! Opening the store: configure the connection, check the file, migrate it and prove it writable;
//! or move a damaged file aside and start afresh; or fall back to memory.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::backup::Backup;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::schema::{self, SchemaError};
use super::{Notice, Store};

/// How long a write waits for another process's write to finish before giving up. Changes are
/// one small statement each, so anything near this means a stuck process.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Why a file could not be opened as the store.
#[derive(Debug)]
enum Failure {
    /// Not a database, or damaged: it is moved aside.
    Damaged(String),
    /// Possibly fine, but not usable here (permissions, full disk, another program's file): it
    /// is left alone.
    Unusable(String),
    /// Written by a newer saidso: read, never written.
    Newer(String),
    /// Another process holds the write lock for longer than the busy timeout.
    Busy(String),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                Failure::Damaged(e.to_string())
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                Failure::Busy(e.to_string())
            }
            _ => Failure::Unusable(e.to_string()),
        }
    }
}

impl From<SchemaError> for Failure {
    fn from(e: SchemaError) -> Self {
        match e {
            SchemaError::Sqlite(e) => e.into(),
            SchemaError::Newer { .. } => Failure::Newer(e.to_string()),
            other => Failure::Unusable(other.to_string()),
        }
    }
}

/// See [`Store::open`].
pub(super) fn open(path: &Path) -> (Store, Vec<Notice>) {
    match open_file(path) {
        Ok(conn) => (on_disk(conn, path), Vec::new()),
        Err(Failure::Damaged(cause)) => recover(path, cause),
        Err(Failure::Unusable(cause)) => fall_back(path, &cause, Vec::new()),
        Err(Failure::Busy(cause)) => busy(path, cause),
        Err(Failure::Newer(cause)) => {
            // Its marks still show: the tables this saidso reads are there in later schemas.
            let cause = format!(
                "{} opened read-only, its marks shown: {cause}; new marks last this session",
                path.display()
            );
            let conn = readable_copy(path).unwrap_or_else(|_| fresh_memory());
            with_memory(conn, Some(cause), Vec::new())
        }
    }
}

/// A store in memory only; `cause` says why (none for `--no-state`) and becomes a notice.
pub(super) fn in_memory(cause: Option<String>, notices: Vec<Notice>) -> (Store, Vec<Notice>) {
    with_memory(fresh_memory(), cause, notices)
}

/// Moves the damaged file at `path` aside and opens a new one in its place.
fn recover(path: &Path, cause: String) -> (Store, Vec<Notice>) {
    let to = match move_aside(path) {
        Ok(to) => to,
        Err(e) => {
            let cause =
                format!("{} is damaged ({cause}) and cannot be moved aside: {e}", path.display());
            return in_memory(Some(cause), Vec::new());
        }
    };
    match open_file(path) {
        Ok(conn) => {
            let rescued = salvage(&to, &conn);
            let moved = Notice::MovedAside { path: path.to_path_buf(), to, cause, rescued };
            (on_disk(conn, path), vec![moved])
        }
        Err(
            Failure::Damaged(again)
            | Failure::Unusable(again)
            | Failure::Newer(again)
            | Failure::Busy(again),
        ) => {
            let moved = Notice::MovedAside { path: path.to_path_buf(), to, cause, rescued: 0 };
            fall_back(path, &again, vec![moved])
        }
    }
}

/// Copies into `into` the marks and followed feeds that still read from the damaged file `from`:
/// a damaged file may still hold readable marks, and they are the user's work. Rows are read in
/// key order up to the first damaged page; returns how many marks were rescued.
fn salvage(from: &Path, into: &Connection) -> usize {
    let Some(from) = from.to_str() else { return 0 };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    // With its -wal file, which holds the latest marks, when it has one (read so, SQLite
    // makes an -shm file beside it); else as it is, leaving nothing beside it.
    let wal = suffixed(Path::new(from), "-wal").exists();
    let uri = format!("file:{}{}", uri_escape(from), if wal { "" } else { "?immutable=1" });
    let Ok(old) = Connection::open_with_flags(uri, flags) else { return 0 };
    let copy = |select: &str, insert: &str, columns: usize| -> usize {
        let Ok(mut rows) = old.prepare(select) else { return 0 };
        let Ok(mut rows) = rows.query([]) else { return 0 };
        let mut copied = 0;
        // A damaged page ends the read: what came before it is kept.
        while let Ok(Some(row)) = rows.next() {
            let values: Result<Vec<rusqlite::types::Value>, _> =
                (0..columns).map(|i| row.get(i)).collect();
            let Ok(values) = values else { break };
            if into.execute(insert, rusqlite::params_from_iter(values)).is_ok() {
                copied += 1;
            }
        }
        copied
    };
    copy(
        "SELECT url, name FROM feeds",
        "INSERT OR IGNORE INTO feeds (url, name) VALUES (?1, ?2)",
        2,
    );
    copy(
        "SELECT id, read, starred, position FROM marks",
        "INSERT OR IGNORE INTO marks (id, read, starred, position) VALUES (?1, ?2, ?3, ?4)",
        4,
    )
}

/// The file at `path` while another process holds its write lock (a long write, a backup, a
/// `sqlite3` shell): its marks are read and each change is tried on the file as it is made, so
/// marks are saved from the moment the lock is gone. Only a file already at this schema can be
/// used so (bringing it up to date needs the lock); any other falls back to memory.
fn busy(path: &Path, cause: String) -> (Store, Vec<Notice>) {
    let current = || -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let ready = version == schema::VERSION && app == schema::APPLICATION_ID;
        ready.then_some(conn).ok_or(rusqlite::Error::InvalidQuery)
    };
    match current() {
        Ok(conn) => {
            let cause = format!("cannot write {} yet: {cause}", path.display());
            let store =
                Store { conn, file: Some(path.to_path_buf()), not_saved: Some(cause.clone()) };
            (store, vec![Notice::Busy { cause }])
        }
        Err(_) => fall_back(path, &cause, Vec::new()),
    }
}

/// A store in memory, holding a copy of what `path` holds when that can at least be read, so that
/// earlier marks still show although new ones cannot be saved.
fn fall_back(path: &Path, cause: &str, notices: Vec<Notice>) -> (Store, Vec<Notice>) {
    match readable_copy(path) {
        Ok(conn) => {
            with_memory(conn, Some(format!("cannot write {}: {cause}", path.display())), notices)
        }
        // Not even read (no permission, another user's file): its marks are not shown either.
        Err(_) => {
            let cause = format!(
                "cannot read or write {} (its marks are not shown): {cause}",
                path.display()
            );
            with_memory(fresh_memory(), Some(cause), notices)
        }
    }
}

fn with_memory(
    conn: Connection,
    cause: Option<String>,
    mut notices: Vec<Notice>,
) -> (Store, Vec<Notice>) {
    if let Some(cause) = &cause {
        notices.push(Notice::NotSaved { cause: cause.clone() });
    }
    (Store { conn, file: None, not_saved: cause }, notices)
}

fn on_disk(conn: Connection, path: &Path) -> Store {
    Store { conn, file: Some(path.to_path_buf()), not_saved: None }
}

/// Opens `path` read-write, creating it and its directory if need be.
fn open_file(path: &Path) -> Result<Connection, Failure> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)
            .map_err(|e| Failure::Unusable(format!("cannot create {}: {e}", dir.display())))?;
    }
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Another program's database is left exactly as it was: not even switched to WAL.
    if !schema::is_ours(&conn)? {
        return Err(SchemaError::Foreign.into());
    }
    // WAL: another process can read while one writes. NORMAL: a commit survives the process being
    // killed; only a power cut can lose the last few, never the file's consistency.
    conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get::<_, String>(0))?;
    conn.pragma_update(None, "synchronous", "normal")?;
    check(&conn)?;
    schema::migrate(&mut conn)?;
    probe(&conn)?;
    Ok(conn)
}

/// SQLite's quick integrity check: a file with a valid header can still have damaged pages.
fn check(conn: &Connection) -> Result<(), Failure> {
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if verdict == "ok" {
        return Ok(());
    }
    // SQLite reports a line a problem under a heading: the first problem says enough.
    let mut problems = verdict.lines().filter(|l| !l.trim().is_empty() && !l.starts_with("***"));
    let first = problems.next().unwrap_or("damaged").trim().to_string();
    let more = problems.count();
    let more = if more > 0 { format!(" (and {more} more)") } else { String::new() };
    Err(Failure::Damaged(format!("integrity check failed: {first}{more}")))
}

/// Writes once, to learn now rather than at the first mark that the file cannot be written:
/// SQLite quietly opens a read-only file read-only, and a full disk only shows on writing.
fn probe(conn: &Connection) -> Result<(), Failure> {
    conn.execute(
        "INSERT INTO kv (key, value) VALUES ('opened', unixepoch())
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [],
    )?;
    Ok(())
}

/// Renames the file at `path` to `<path>.corrupt-<unix time>`, with its journal files.
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let mut to = suffixed(path, &format!(".corrupt-{secs}"));
    let mut n = 1;
    while to.exists() {
        n += 1;
        to = suffixed(path, &format!(".corrupt-{secs}-{n}"));
    }
    fs::rename(path, &to)?;
    // The journal files belong to the damaged file: left behind, SQLite would replay them into the
    // new one. Moved along, the pair can still be opened to rescue what it holds.
    for journal in ["-wal", "-shm", "-journal"] {
        let from = suffixed(path, journal);
        if from.exists() {
            fs::rename(&from, suffixed(&to, journal))?;
        }
    }
    Ok(to)
}

/// `path` with `suffix` appended to its file name.
fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// An in-memory copy of the database at `path`, opened read-only.
fn readable_copy(path: &Path) -> Result<Connection, Failure> {
    let path = path.to_str().ok_or_else(|| Failure::Unusable("path is not UTF-8".into()))?;
    // First with the -wal file, which holds the latest changes (on a full disk, say); then without
    // it (`immutable`), as a read-only directory cannot hold the -shm file needed to read it.
    copy_of(&format!("file:{}", uri_escape(path)))
        .or_else(|_| copy_of(&format!("file:{}?immutable=1", uri_escape(path))))
}

fn copy_of(uri: &str) -> Result<Connection, Failure> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let source = Connection::open_with_flags(uri, flags)?;
    check(&source)?;
    let mut copy = Connection::open_in_memory()?;
    Backup::new(&source, &mut copy)?.run_to_completion(1024, Duration::ZERO, None)?;
    match schema::migrate(&mut copy) {
        // A newer file's copy is read as it is.
        Ok(()) | Err(SchemaError::Newer { .. }) => Ok(copy),
        Err(e) => Err(e.into()),
    }
}

/// `path` with the characters that mean something in a URI escaped.
fn uri_escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

/// A new, migrated database in memory.
fn fresh_memory() -> Connection {
    // Opening and migrating an in-memory database touches no file and runs only our own SQL, so
    // failing here is a bug (or no memory at all), not a condition to handle.
    let mut conn = Connection::open_in_memory().expect("SQLite opens an in-memory database");
    schema::migrate(&mut conn).expect("the migrations apply to an empty database");
    conn
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_escape_leaves_plain_paths_alone() {
        assert_eq!(uri_escape("/home/a b/state.sqlite3"), "/home/a b/state.sqlite3");
        assert_eq!(uri_escape("/x/100%?#"), "/x/100%25%3f%23");
    }

    #[test]
    fn suffixed_appends_to_the_file_name() {
        assert_eq!(suffixed(Path::new("/d/s.db"), "-wal"), Path::new("/d/s.db-wal"));
    }
}
