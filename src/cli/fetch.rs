//! `saidso fetch`: refresh every followed feed and keep the new articles in the store.

use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{StateArgs, report, rules};
use crate::fetch::{self, Outcome, Refreshed, Seen, Subscription};
use crate::sources::Context;
use crate::store::Store;

/// What a refresh came to, for the closing line.
#[derive(Debug, Default)]
struct Tally {
    updated: usize,
    unchanged: usize,
    failed: usize,
    new_articles: usize,
}

pub fn run(feeds_file: Option<PathBuf>, state: &StateArgs) -> anyhow::Result<()> {
    let path = feeds_file.or_else(fetch::default_feeds_path).ok_or_else(|| {
        anyhow::anyhow!("no config directory (is HOME set?); give one with --feeds")
    })?;
    let feeds = read_feeds(&path)?;
    let mut store = state.open_for_cli();
    let seen = Seen {
        validators: feeds
            .iter()
            .map(|f| (f.url.clone(), store.validators(&f.url).unwrap_or_default()))
            .collect(),
        urls: store.stored_urls().unwrap_or_default(),
    };
    let bar = ProgressBar::with_draw_target(Some(feeds.len() as u64), ProgressDrawTarget::stderr())
        .with_style(
            ProgressStyle::with_template("fetching [{bar:30}] {pos}/{len} feeds {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
    let outcomes = fetch::refresh(&feeds, &seen, &Context::default(), &rules(), |outcome| {
        bar.set_message(outcome.url.clone());
        bar.inc(1);
    });
    bar.finish_and_clear();
    let tally = save(&mut store, &feeds, outcomes);
    println!(
        "{} feeds: {} updated ({} new articles), {} unchanged, {} failed",
        feeds.len(),
        tally.updated,
        tally.new_articles,
        tally.unchanged,
        tally.failed
    );
    if tally.failed == feeds.len() {
        anyhow::bail!("every feed failed");
    }
    Ok(())
}

/// The feeds of the feeds file, reporting its bad lines; none at all is an error.
fn read_feeds(path: &Path) -> anyhow::Result<Vec<Subscription>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        anyhow::anyhow!(
            "cannot read the feeds file {} ({e}); list one feed URL a line in it",
            path.display()
        )
    })?;
    let (feeds, bad) = fetch::parse_feeds(&text);
    for line in bad {
        eprintln!("saidso: {}:{}: skipped: {}", path.display(), line.line, line.reason);
    }
    if feeds.is_empty() {
        anyhow::bail!("no feed URL in {}", path.display());
    }
    Ok(feeds)
}

/// Keeps what each feed gave, reporting each failure on one line.
fn save(store: &mut Store, feeds: &[Subscription], outcomes: Vec<Outcome>) -> Tally {
    let mut tally = Tally::default();
    for (feed, outcome) in feeds.iter().zip(outcomes) {
        let saved = match outcome.result {
            Err(cause) => {
                eprintln!("saidso: {}: {cause}", outcome.url);
                tally.failed += 1;
                store.record_fetch(&feed.url, None, Err(&cause))
            }
            Ok(Refreshed::Unchanged) => {
                tally.unchanged += 1;
                store.record_fetch(&feed.url, None, Ok(None))
            }
            Ok(Refreshed::Updated { name, articles, problems, validators }) => {
                problems.iter().for_each(report);
                tally.updated += 1;
                // The feed's row first: its articles refer to it.
                store.record_fetch(&feed.url, name.as_deref(), Ok(Some(&validators))).and_then(
                    |()| {
                        tally.new_articles += store.save_articles(Some(&feed.url), &articles)?;
                        Ok(())
                    },
                )
            }
        };
        if let Err(e) = saved {
            eprintln!("saidso: {}: {e}", feed.url);
        }
    }
    tally
}
