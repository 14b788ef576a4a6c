//! Refreshing followed feeds: each fetched conditionally, parsed, its new items' pages fetched
//! where the feed gives only summaries, and cleaned; a few feeds at a time, each on its own, so
//! one failing feed never stops the others. Saving the results is the caller's (one thread owns
//! the store).

use std::collections::{HashMap, HashSet};

use super::Subscription;
use crate::clean::{Rules, clean};
use crate::model::Article;
use crate::net::{Fetched, Validators, parallel_map};
use crate::sources::{self, Problem, ProblemKind, ReadError, ReadSettings};

/// Feeds fetched at once: enough to hide network waits, few enough to be polite.
pub const FEEDS_AT_ONCE: usize = 8;

/// What came of refreshing one feed.
#[derive(Debug)]
pub struct Outcome {
    /// The feed's URL.
    pub url: String,
    /// What it gave, or why it failed.
    pub result: Result<Refreshed, ReadError>,
}

/// A feed that answered.
#[derive(Debug)]
pub enum Refreshed {
    /// Not modified since the last fetch (a `304`, no body).
    Unchanged,
    /// A new copy of the feed.
    Updated {
        /// The feed's name: the subscription's, else the feed's own title.
        name: Option<String>,
        /// The items not seen before, cleaned.
        articles: Vec<Article>,
        /// Items skipped or loaded with a caveat.
        problems: Vec<Problem>,
        /// Validators for the next fetch.
        validators: Validators,
    },
}

/// What a refresh needs to know of earlier ones.
#[derive(Debug, Default)]
pub struct Seen {
    /// Validators of each feed's last successful fetch.
    pub validators: HashMap<String, Validators>,
    /// Links of the articles already stored: their pages are not fetched again.
    pub urls: HashSet<String>,
}

/// Refreshes every feed, [`FEEDS_AT_ONCE`] at a time; `done` is called as each finishes (from
/// worker threads). Outcomes come back in the order of `feeds`.
pub fn refresh(
    feeds: &[Subscription],
    seen: &Seen,
    context: &ReadSettings,
    rules: &Rules,
    done: impl Fn(&Outcome) + Sync,
) -> Vec<Outcome> {
    parallel_map(feeds.iter().collect(), FEEDS_AT_ONCE, |feed| {
        let outcome = Outcome { url: feed.url.clone(), result: one(feed, seen, context, rules) };
        done(&outcome);
        outcome
    })
}

fn one(
    feed: &Subscription,
    seen: &Seen,
    context: &ReadSettings,
    rules: &Rules,
) -> Result<Refreshed, ReadError> {
    let client = context.client.as_ref().ok_or(ReadError::Offline)?;
    let validators = seen.validators.get(&feed.url).cloned().unwrap_or_default();
    let page = match client.get(&feed.url, &validators).map_err(ReadError::Fetch)? {
        Fetched::NotModified => return Ok(Refreshed::Unchanged),
        Fetched::Body(page) => page,
    };
    let validators = page.validators.clone();
    let (docs, mut problems) = sources::read_feed(page, context, &seen.urls)?;
    let name = feed.name.clone().or_else(|| docs.iter().find_map(|d| d.meta.site.clone()));
    let mut articles = Vec::with_capacity(docs.len());
    for mut doc in docs {
        if feed.name.is_some() {
            doc.meta.site = feed.name.clone();
        }
        let path = doc.path.clone();
        match clean(doc, rules) {
            Some(article) => articles.push(article),
            None => problems.push(Problem { path, kind: ProblemKind::NoProse }),
        }
    }
    Ok(Refreshed::Updated { name, articles, problems, validators })
}
