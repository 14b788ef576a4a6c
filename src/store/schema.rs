//! The schema, defined in one place: an ordered list of migrations, and the code that runs them.

use rusqlite::{Connection, TransactionBehavior};

/// Marks a database as saidso's in its header ("SDSO"), so that another program's database given
/// as `--state` is recognised and left alone.
pub const APPLICATION_ID: i32 = 0x5344_534f;

/// Step `i` brings the schema from version `i` to `i + 1`; `PRAGMA user_version` counts the steps
/// run. Steps are only ever appended: a step that has shipped is never edited.
const MIGRATIONS: &[&str] = &[
    // 1: what the reader remembers of each article, keyed by its content id (16 hex digits, as
    // `saidso list` prints it, so a moved file keeps its marks), and a few named values.
    "PRAGMA application_id = 1396986703;
     CREATE TABLE marks (
         id       TEXT PRIMARY KEY,
         read     INTEGER NOT NULL DEFAULT 0,
         starred  INTEGER NOT NULL DEFAULT 0,
         position INTEGER NOT NULL DEFAULT 0
     ) WITHOUT ROWID;
     CREATE TABLE kv (
         key   TEXT PRIMARY KEY,
         value TEXT NOT NULL
     ) WITHOUT ROWID;",
    // 2: followed feeds and the articles fetched from them, so they can be read offline. An
    // article is its content id (its marks join on it) and at most one row per URL.
    "CREATE TABLE feeds (
         url           TEXT PRIMARY KEY,
         name          TEXT,
         etag          TEXT,
         last_modified TEXT,
         fetched       INTEGER,
         error         TEXT
     );
     CREATE TABLE articles (
         id      TEXT PRIMARY KEY,
         url     TEXT UNIQUE,
         feed    TEXT REFERENCES feeds(url) ON DELETE SET NULL,
         title   TEXT,
         author  TEXT,
         date    TEXT,
         site    TEXT,
         text    TEXT NOT NULL,
         fetched INTEGER NOT NULL
     );
     CREATE INDEX articles_by_feed ON articles(feed);",
];

/// The schema version this build writes.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

/// Why a database cannot be brought to [`VERSION`].
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// Written by a later saidso: changing it could break that one.
    #[error("it was written by a newer saidso (schema {found}; this one knows up to {VERSION})")]
    Newer {
        /// The file's `user_version`.
        found: u32,
    },
    /// A database of some other program.
    #[error("it is not a saidso state file")]
    Foreign,
    /// SQLite failed.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

/// Whether the database is saidso's, or empty and free to become it. Reads only: another
/// program's file is known before anything in it is changed.
pub fn is_ours(conn: &Connection) -> rusqlite::Result<bool> {
    let found: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let empty: bool = conn.query_row("SELECT count(*) = 0 FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(app == APPLICATION_ID || (app == 0 && found == 0 && empty))
}

/// Brings the database to [`VERSION`], in one transaction taken with the write lock, so that two
/// processes opening a new file at once do not both migrate it.
pub fn migrate(conn: &mut Connection) -> Result<(), SchemaError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > VERSION {
        return Err(SchemaError::Newer { found });
    }
    if !is_ours(&tx)? {
        return Err(SchemaError::Foreign);
    }
    for (reached, step) in (1..=VERSION).zip(MIGRATIONS).skip(found as usize) {
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", reached)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(conn: &Connection) -> u32 {
        conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn a_new_database_gets_every_step_and_the_id() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn), VERSION);
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
        assert_eq!(app, APPLICATION_ID);
        // Running again is a no-op, not an error.
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn), VERSION);
    }

    #[test]
    fn the_id_in_step_one_is_the_constant() {
        assert!(MIGRATIONS[0].contains(&format!("application_id = {APPLICATION_ID};")));
    }

    #[test]
    fn another_programs_database_is_refused_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT)").unwrap();
        assert!(matches!(migrate(&mut conn), Err(SchemaError::Foreign)));
        assert_eq!(version(&conn), 0);
    }

    #[test]
    fn a_newer_schema_is_refused_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.pragma_update(None, "user_version", VERSION + 1).unwrap();
        assert!(
            matches!(migrate(&mut conn), Err(SchemaError::Newer { found }) if found == VERSION + 1)
        );
    }
}
