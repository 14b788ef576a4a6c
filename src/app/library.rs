//! The loaded articles, each with its quotes and its marks, and how far loading has got.

use super::filter::Haystack;
use crate::extract::Quote;
use crate::model::Article;

/// One article in the reader.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The article.
    pub article: Article,
    /// Its quotes, in reading order.
    pub quotes: Vec<Quote>,
    /// What the list filter searches, built once on the loading thread.
    pub haystack: Haystack,
    /// Opened at least once.
    pub read: bool,
    /// Starred by the user.
    pub starred: bool,
}

impl Entry {
    /// An unread entry. Builds the filter's haystack: call it on a worker thread.
    pub fn new(article: Article, quotes: Vec<Quote>) -> Self {
        Self { haystack: Haystack::new(&article), article, quotes, read: false, starred: false }
    }
}

/// Articles finished by the background loader since its last hand-over.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    /// Loaded articles, in input order.
    pub entries: Vec<Entry>,
    /// Inputs skipped or loaded with a caveat, as messages.
    pub problems: Vec<String>,
    /// How many inputs were skipped (the rest of `problems` are warnings).
    pub skipped: usize,
}

/// Every article loaded so far.
#[derive(Clone, Debug, Default)]
pub struct Library {
    /// The articles, in input order.
    pub entries: Vec<Entry>,
    /// How many inputs loading found, once it knows.
    pub expected: Option<usize>,
    /// Inputs handled so far (loaded or skipped).
    pub done: usize,
    /// Problems reported while loading, as messages.
    pub problems: Vec<String>,
    /// Loading is still running.
    pub loading: bool,
}
