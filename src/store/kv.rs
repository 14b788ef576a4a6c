//! Named values: small pieces of state that belong to no one article.

use rusqlite::OptionalExtension;

use super::{Store, StoreError, unreadable};
use crate::model::ArticleId;

/// The key of the article open when the reader last quit.
const LAST_OPEN: &str = "last_open";

impl Store {
    /// The article that was open last, to reopen it.
    pub fn last_open(&self) -> Result<Option<ArticleId>, StoreError> {
        let value = self.get(LAST_OPEN)?;
        // A value that does not parse (hand-edited) is as good as none.
        Ok(value.and_then(|v| v.parse().ok()))
    }

    /// Remembers the article that is open now.
    pub fn set_last_open(&mut self, id: ArticleId) -> Result<(), StoreError> {
        self.set(LAST_OPEN, &id.to_string())
    }

    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT value FROM kv WHERE key = ?1")
            .and_then(|mut s| s.query_row([key], |r| r.get(0)).optional())
            .map_err(unreadable)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write(
            "INSERT INTO kv (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_open_article_is_the_last_one_set() {
        let mut store = Store::in_memory();
        assert_eq!(store.last_open(), Ok(None));
        store.set_last_open(ArticleId(7)).unwrap();
        store.set_last_open(ArticleId(9)).unwrap();
        assert_eq!(store.last_open(), Ok(Some(ArticleId(9))));
    }
}
