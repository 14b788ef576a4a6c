//! `saidso fetch`: refresh every followed feed and keep the new articles in the store.

use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{StateArgs, report, say};
use crate::config::Config;
use crate::feeds;

pub(super) fn run(
    feeds_file: Option<PathBuf>,
    state: &StateArgs,
    config: &Config,
) -> anyhow::Result<()> {
    let path = feeds_file.or_else(feeds::default_feeds_path).ok_or_else(|| {
        anyhow::anyhow!("no config directory (is HOME set?); give the feeds file with --feeds")
    })?;
    let (feeds, bad_lines) = feeds::read_feeds(&path)?;
    for line in bad_lines {
        say(format_args!("{line}"));
    }
    let mut store = state.open_for_cli();
    let bar = ProgressBar::with_draw_target(Some(feeds.len() as u64), ProgressDrawTarget::stderr())
        .with_style(
            ProgressStyle::with_template("fetching [{bar:30}] {pos}/{len} feeds {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
    let result = feeds::refresh_and_keep(
        &mut store,
        &feeds,
        &config.sources_context(),
        &config.rules,
        |outcome| {
            bar.set_message(outcome.url.clone());
            bar.inc(1);
        },
    );
    bar.finish_and_clear();
    result.problems.iter().for_each(report);
    for failure in result.failures.iter().map(ToString::to_string).chain(result.not_saved.clone()) {
        say(format_args!("{failure}"));
    }
    println!("{}", result.summary());
    if result.all_failed() {
        anyhow::bail!("every feed failed");
    }
    Ok(())
}
