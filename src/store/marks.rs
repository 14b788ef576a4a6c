//! Per-article marks: read, starred, and where the reader was.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row, ToSql, params};

use super::{Store, StoreError, unreadable};
use crate::model::ArticleId;

/// What is remembered of one article. An article never marked has the default: unread, not
/// starred, at the top.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Read (`false`: unread).
    pub read: bool,
    /// Starred.
    pub starred: bool,
    /// Where the reader was: a byte offset into `Article::text` of the first line in view, so that
    /// it survives a change of pane width.
    pub position: u64,
}

impl Marks {
    /// The marks in a row of `SELECT read, starred, position`, starting at column `at`.
    fn from_row(row: &Row<'_>, at: usize) -> rusqlite::Result<Self> {
        let position: i64 = row.get(at + 2)?;
        Ok(Marks {
            read: row.get(at)?,
            starred: row.get(at + 1)?,
            // A negative value can only come from a hand-edited file: treat it as the top.
            position: u64::try_from(position).unwrap_or(0),
        })
    }
}

impl Store {
    /// The marks of one article.
    pub fn marks(&self, id: ArticleId) -> Result<Marks, StoreError> {
        self.conn
            .prepare_cached("SELECT read, starred, position FROM marks WHERE id = ?1")
            .and_then(|mut s| s.query_row([id.to_string()], |r| Marks::from_row(r, 0)).optional())
            .map(Option::unwrap_or_default)
            .map_err(unreadable)
    }

    /// The marks of every article that has any, in one query (for lists of any length).
    pub fn all_marks(&self) -> Result<HashMap<ArticleId, Marks>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, read, starred, position FROM marks")
            .map_err(unreadable)?;
        let rows = stmt
            .query_map([], |r| {
                // Parsed from the borrowed text: no String per row.
                let id = r.get_ref(0)?.as_str().ok().and_then(|s| s.parse::<ArticleId>().ok());
                Ok((id, Marks::from_row(r, 1)?))
            })
            .map_err(unreadable)?;
        let mut all = HashMap::new();
        for row in rows {
            // A row with a malformed id (hand-edited) matches no article: skip it.
            if let (Some(id), marks) = row.map_err(unreadable)? {
                all.insert(id, marks);
            }
        }
        Ok(all)
    }

    /// Marks an article read or unread.
    pub fn set_read(&mut self, id: ArticleId, read: bool) -> Result<(), StoreError> {
        self.set_mark(id, "read", read)
    }

    /// Stars or unstars an article.
    pub fn set_starred(&mut self, id: ArticleId, starred: bool) -> Result<(), StoreError> {
        self.set_mark(id, "starred", starred)
    }

    /// Remembers where the reader is in an article (see [`Marks::position`]).
    pub fn set_position(&mut self, id: ArticleId, position: u64) -> Result<(), StoreError> {
        self.set_mark(id, "position", i64::try_from(position).unwrap_or(i64::MAX))
    }

    /// Sets one column of an article's marks, creating its row (the others at their defaults)
    /// if need be. `column` is one of the names above, never input.
    fn set_mark(
        &mut self,
        id: ArticleId,
        column: &'static str,
        value: impl ToSql,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO marks (id, {column}) VALUES (?1, ?2)
             ON CONFLICT (id) DO UPDATE SET {column} = excluded.{column}"
        );
        self.write(&sql, params![id.to_string(), value])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mark_is_set_without_touching_the_others() {
        let mut store = Store::in_memory();
        let (a, b) = (ArticleId(1), ArticleId(u64::MAX));
        assert_eq!(store.marks(a), Ok(Marks::default()));
        store.set_starred(a, true).unwrap();
        store.set_read(a, true).unwrap();
        store.set_position(a, 1234).unwrap();
        store.set_read(b, true).unwrap();
        store.set_read(a, false).unwrap();
        assert_eq!(store.marks(a), Ok(Marks { read: false, starred: true, position: 1234 }));
        assert_eq!(store.marks(b), Ok(Marks { read: true, starred: false, position: 0 }));
        let all = store.all_marks().unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[&b], Marks { read: true, starred: false, position: 0 });
    }

    #[test]
    fn ids_are_stored_as_list_prints_them() {
        let mut store = Store::in_memory();
        store.set_starred(ArticleId(0xab), true).unwrap();
        let id: String = store.conn.query_row("SELECT id FROM marks", [], |r| r.get(0)).unwrap();
        assert_eq!(id, "00000000000000ab");
    }
}
