//! The loaded articles, each with its quotes and its marks, and how far loading has got.

use std::collections::HashMap;

use super::filter::Haystack;
use crate::extract::Quote;
use crate::model::{Article, ArticleId};
use crate::speakers::{Digest, Digester};

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
    /// What the speakers index keeps of it, made on the loading thread and taken by the index
    /// (which makes it itself when there is none).
    pub digest: Option<Digest>,
    /// Starred by the user.
    pub starred: bool,
    /// The tags of the followed feed it came from.
    pub tags: Vec<String>,
}

impl Entry {
    /// An unread entry. Builds the filter's haystack: call it on a worker thread.
    pub fn new(article: Article, quotes: Vec<Quote>) -> Self {
        Self {
            haystack: Haystack::new(&article),
            article,
            quotes,
            read: false,
            starred: false,
            tags: Vec::new(),
            digest: None,
        }
    }

    /// This entry with its speakers digest made by `digester`: call it on a worker thread.
    pub fn digested(mut self, digester: &Digester) -> Self {
        self.digest = Some(digester.digest(&self.article, &self.quotes));
        self
    }
}

/// Articles finished by the background loader since its last hand-over.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    /// Loaded articles, in input order.
    pub entries: Vec<Entry>,
    /// Inputs skipped, as messages.
    pub problems: Vec<String>,
    /// Inputs loaded with a caveat, and other things to know, as messages.
    pub warnings: Vec<String>,
}

/// What a refresh of the followed feeds brought.
#[derive(Clone, Debug, Default)]
pub struct RefreshReport {
    /// The articles the refresh stored, loaded (some may be in the list already), and the
    /// problems met, failed feeds included.
    pub batch: Batch,
    /// Feeds refreshed.
    pub feeds: usize,
    /// Feeds that failed.
    pub failed: usize,
    /// Why the refresh could not start (no feeds file), if it could not.
    pub error: Option<String>,
    /// The tags of the followed feeds, by the articles fetched from them.
    pub tags: HashMap<ArticleId, Vec<String>>,
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
    /// Inputs skipped, as messages.
    pub problems: Vec<String>,
    /// Inputs loaded with a caveat, and other things to know, as messages.
    pub warnings: Vec<String>,
    /// Loading is still running.
    pub loading: bool,
    /// A refresh of the followed feeds is running: feeds finished, feeds in all (0 until known).
    pub refreshing: Option<(usize, usize)>,
    /// The tags of the followed feeds, by the articles fetched from them: given to each article
    /// as it arrives.
    pub tags: HashMap<ArticleId, Vec<String>>,
}
