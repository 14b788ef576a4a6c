//! Followed feeds and the articles fetched from them, kept for offline reading (the `feeds` and
//! `articles` tables of schema version 2).
//!
//! An article is stored once: a second sighting with the same content id or the same URL is
//! ignored, so the first copy, and the marks that join on its id, stay.

use std::collections::HashSet;
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, unreadable};
use crate::model::{Article, ArticleId, Meta, RawDoc};
use crate::net::Validators;

/// Seconds since the epoch, for the `fetched` columns.
fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

impl Store {
    /// The validators saved by the last successful fetch of the feed at `url`.
    pub fn validators(&self, url: &str) -> Result<Validators, StoreError> {
        self.conn
            .prepare_cached("SELECT etag, last_modified FROM feeds WHERE url = ?1")
            .and_then(|mut s| {
                s.query_row([url], |r| Ok(Validators { etag: r.get(0)?, last_modified: r.get(1)? }))
                    .optional()
            })
            .map(Option::unwrap_or_default)
            .map_err(unreadable)
    }

    /// Records a fetch of the feed at `url`: on success its name and new validators (the
    /// validators are kept when `None`, as after a `304`), on failure the error.
    pub fn record_fetch(
        &mut self,
        url: &str,
        name: Option<&str>,
        outcome: Result<Option<&Validators>, &str>,
    ) -> Result<(), StoreError> {
        match outcome {
            Ok(validators) => self.write(
                "INSERT INTO feeds (url, name, etag, last_modified, fetched, error)
                 VALUES (?1, ?2, ?3, ?4, ?5, NULL)
                 ON CONFLICT (url) DO UPDATE SET
                     name = coalesce(excluded.name, name),
                     etag = CASE WHEN ?6 THEN excluded.etag ELSE etag END,
                     last_modified = CASE WHEN ?6 THEN excluded.last_modified ELSE last_modified END,
                     fetched = excluded.fetched, error = NULL",
                params![
                    url,
                    name,
                    validators.and_then(|v| v.etag.as_deref()),
                    validators.and_then(|v| v.last_modified.as_deref()),
                    now(),
                    validators.is_some(),
                ],
            ),
            Err(error) => self.write(
                "INSERT INTO feeds (url, error) VALUES (?1, ?2)
                 ON CONFLICT (url) DO UPDATE SET error = excluded.error",
                params![url, error],
            ),
        }
    }

    /// Keeps articles fetched from the feed at `feed` (`None`: a page opened by its URL). Returns
    /// how many were new; the others were already stored, by content or by URL.
    pub fn save_articles(
        &mut self,
        feed: Option<&str>,
        articles: &[Article],
    ) -> Result<usize, StoreError> {
        let not_saved = |e: rusqlite::Error| StoreError::NotSaved(e.to_string());
        let tx = self.conn.transaction().map_err(not_saved)?;
        let mut new = 0;
        {
            // The articles refer to their feed's row.
            if let Some(feed) = feed {
                tx.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?1)", [feed])
                    .map_err(not_saved)?;
            }
            let mut insert = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO articles
                         (id, url, feed, title, author, date, site, text, fetched)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(not_saved)?;
            for a in articles {
                new += insert
                    .execute(params![
                        a.id.to_string(),
                        a.meta.url,
                        feed,
                        a.title,
                        a.meta.author,
                        a.meta.date,
                        a.meta.site,
                        a.text,
                        now(),
                    ])
                    .map_err(not_saved)?;
            }
        }
        tx.commit().map_err(not_saved)?;
        Ok(new)
    }

    /// The feed each stored article came from, by article id (pages opened by URL have none).
    pub fn article_feeds(&self) -> Result<Vec<(ArticleId, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, feed FROM articles WHERE feed IS NOT NULL")
            .map_err(unreadable)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(unreadable)?;
        let rows: Vec<(String, String)> = rows.collect::<Result<_, _>>().map_err(unreadable)?;
        // An id that does not read back is no article's: left out.
        Ok(rows.into_iter().filter_map(|(id, feed)| Some((id.parse().ok()?, feed))).collect())
    }

    /// The URLs of every stored article, so that a refresh fetches no page twice.
    pub fn stored_urls(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT url FROM articles WHERE url IS NOT NULL")
            .map_err(unreadable)?;
        let urls = stmt.query_map([], |r| r.get(0)).map_err(unreadable)?;
        urls.collect::<Result<_, _>>().map_err(unreadable)
    }

    /// Every stored article as a document to load, newest first (by date, else by fetch time).
    pub fn fetched_articles(&self) -> Result<Vec<RawDoc>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.url, a.title, a.author, a.date, coalesce(f.name, a.site), a.text, a.id
                 FROM articles a LEFT JOIN feeds f ON f.url = a.feed
                 ORDER BY coalesce(a.date, '') DESC, a.fetched DESC, a.rowid",
            )
            .map_err(unreadable)?;
        let rows = stmt
            .query_map([], |r| {
                let url: Option<String> = r.get(0)?;
                let id: String = r.get(6)?;
                let (title, text): (Option<String>, String) = (r.get(1)?, r.get(5)?);
                let path = url.clone().unwrap_or_else(|| format!("stored:{id}"));
                // A feed item stored from its summary has the id of its text, title and link
                // (see `RawDoc::teaser`): read back as one, it keeps that id and its marks.
                let teaser_id = ArticleId::of_teaser(&text, title.as_deref().unwrap_or(""), &path);
                Ok(RawDoc {
                    teaser: id == teaser_id.to_string(),
                    path,
                    title,
                    text,
                    meta: Meta { url, author: r.get(2)?, date: r.get(3)?, site: r.get(4)? },
                    ..RawDoc::default()
                })
            })
            .map_err(unreadable)?;
        rows.collect::<Result<_, _>>().map_err(unreadable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{Rules, clean};

    fn article(url: &str, text: &str) -> Article {
        let meta = Meta { url: Some(url.into()), ..Meta::default() };
        let raw = RawDoc {
            path: url.into(),
            text: text.into(),
            title: Some("T".into()),
            meta,
            ..RawDoc::default()
        };
        clean(raw, &Rules::builtin()).unwrap()
    }

    #[test]
    fn an_article_seen_again_by_url_or_content_is_stored_once() {
        let mut store = Store::in_memory();
        let first = article("http://x/1", "The mayor spoke.");
        assert_eq!(
            store.save_articles(Some("http://x/feed"), std::slice::from_ref(&first)).unwrap(),
            1
        );
        let same_url = article("http://x/1", "The mayor spoke again, updated.");
        let same_text = article("http://x/other", "The mayor spoke.");
        assert_eq!(store.save_articles(None, &[same_url, same_text]).unwrap(), 0);
        let stored = store.fetched_articles().unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].text, "The mayor spoke.");
        // Read back, it cleans to the same id: its marks still apply.
        assert_eq!(clean(stored[0].clone(), &Rules::builtin()).unwrap().id, first.id);
        assert!(store.stored_urls().unwrap().contains("http://x/1"));
    }

    /// Feed items shown from one boilerplate summary are stored apart, and read back with the
    /// ids (and so the marks) they were shown with.
    #[test]
    fn teasers_sharing_a_summary_are_stored_apart_and_keep_their_ids() {
        let mut store = Store::in_memory();
        let teaser = |n: u32| {
            let url = format!("http://x/{n}");
            let raw = RawDoc {
                path: url.clone(),
                text: "Read the full story on our website.".into(),
                title: Some(format!("Story {n}")),
                meta: Meta { url: Some(url), ..Meta::default() },
                teaser: true,
                ..RawDoc::default()
            };
            clean(raw, &Rules::builtin()).unwrap()
        };
        let shown = [teaser(1), teaser(2)];
        assert_ne!(shown[0].id, shown[1].id);
        assert_eq!(store.save_articles(None, &shown).unwrap(), 2);
        let mut back: Vec<ArticleId> = store
            .fetched_articles()
            .unwrap()
            .into_iter()
            .map(|raw| clean(raw, &Rules::builtin()).unwrap().id)
            .collect();
        back.sort_by_key(|id| id.0);
        let mut ids = vec![shown[0].id, shown[1].id];
        ids.sort_by_key(|id| id.0);
        assert_eq!(back, ids);
    }

    #[test]
    fn validators_survive_a_not_modified_and_a_failure() {
        let mut store = Store::in_memory();
        let url = "http://x/feed";
        assert_eq!(store.validators(url).unwrap(), Validators::default());
        let v = Validators { etag: Some("\"v1\"".into()), last_modified: None };
        store.record_fetch(url, Some("X"), Ok(Some(&v))).unwrap();
        store.record_fetch(url, None, Ok(None)).unwrap();
        store.record_fetch(url, None, Err("HTTP 500")).unwrap();
        assert_eq!(store.validators(url).unwrap(), v);
    }
}
