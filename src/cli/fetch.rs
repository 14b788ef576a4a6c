//! `saidso fetch`: refresh every followed feed and keep the new articles in the store.

use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{StateArgs, report, sources_context};
use crate::config::Config;
use crate::fetch::{self, Subscription};

pub fn run(feeds_file: Option<PathBuf>, state: &StateArgs, config: &Config) -> anyhow::Result<()> {
    let path = feeds_file.or_else(fetch::default_feeds_path).ok_or_else(|| {
        anyhow::anyhow!("no config directory (is HOME set?); give the feeds file with --feeds")
    })?;
    let feeds = read_feeds(&path)?;
    let mut store = state.open_for_cli();
    let bar = ProgressBar::with_draw_target(Some(feeds.len() as u64), ProgressDrawTarget::stderr())
        .with_style(
            ProgressStyle::with_template("fetching [{bar:30}] {pos}/{len} feeds {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
    let result =
        fetch::update(&mut store, &feeds, &sources_context(config), &config.rules, |outcome| {
            bar.set_message(outcome.url.clone());
            bar.inc(1);
        });
    bar.finish_and_clear();
    result.problems.iter().for_each(report);
    for failure in result.failures.iter().map(ToString::to_string).chain(result.not_saved.clone()) {
        eprintln!("saidso: {failure}");
    }
    println!("{}", result.summary());
    if result.all_failed() {
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
