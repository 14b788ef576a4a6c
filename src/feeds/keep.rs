//! Refreshing the followed feeds into the store: what `saidso fetch` and the reader's refresh
//! both do. The store is written from the calling thread only.

use super::{Outcome, Refreshed, Seen, Subscription, refresh};
use crate::clean::Rules;
use crate::net::FetchError;
use crate::sources::{Problem, ReadSettings};
use crate::store::Store;

/// What a refresh came to.
#[derive(Debug, Default)]
pub struct Report {
    /// Feeds refreshed.
    pub feeds: usize,
    /// Feeds that sent a new copy.
    pub updated: usize,
    /// Feeds unchanged since the last fetch.
    pub unchanged: usize,
    /// Articles stored for the first time.
    pub new_articles: usize,
    /// Feeds that failed, one cause each, in the order of the feeds file.
    pub failures: Vec<FetchError>,
    /// Items skipped or kept with a caveat (a summary whose page could not be read).
    pub problems: Vec<Problem>,
    /// What could not be saved.
    pub not_saved: Vec<String>,
}

impl Report {
    /// True when there were feeds and not one of them answered.
    pub fn all_failed(&self) -> bool {
        self.feeds > 0 && self.failures.len() == self.feeds
    }

    /// One line for people.
    pub fn summary(&self) -> String {
        format!(
            "{} feeds: {} updated ({} new articles), {} unchanged, {} failed",
            self.feeds,
            self.updated,
            self.new_articles,
            self.unchanged,
            self.failures.len()
        )
    }
}

/// Refreshes `feeds` (conditionally, with the validators the store kept) and stores their new
/// articles; `done` is called from worker threads as each feed finishes.
pub fn refresh_and_keep(
    store: &mut Store,
    feeds: &[Subscription],
    context: &ReadSettings,
    rules: &Rules,
    done: impl Fn(&Outcome) + Sync,
) -> Report {
    let mut report = Report { feeds: feeds.len(), ..Report::default() };
    let seen = Seen {
        validators: feeds
            .iter()
            .map(|f| (f.url.clone(), store.validators(&f.url).unwrap_or_default()))
            .collect(),
        urls: store.stored_urls().unwrap_or_else(|e| {
            report.not_saved.push(e.to_string());
            Default::default()
        }),
    };
    for outcome in refresh(feeds, &seen, context, rules, done) {
        let url = outcome.url.as_str();
        let saved = match outcome.result {
            Err(why) => {
                let cause = why.to_string();
                let saved = store.record_fetch(url, None, Err(&cause));
                report.failures.push(FetchError { url: url.to_string(), cause });
                saved
            }
            Ok(Refreshed::Unchanged) => {
                report.unchanged += 1;
                store.record_fetch(url, None, Ok(None))
            }
            Ok(Refreshed::Updated { name, articles, problems, validators }) => {
                report.updated += 1;
                report.problems.extend(problems);
                // The feed's row first: its articles refer to it.
                store.record_fetch(url, name.as_deref(), Ok(Some(&validators))).and_then(|()| {
                    report.new_articles += store.save_articles(Some(url), &articles)?;
                    Ok(())
                })
            }
        };
        if let Err(e) = saved {
            report.not_saved.push(format!("{url}: {e}"));
        }
    }
    report
}
