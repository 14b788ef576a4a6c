//! `saidso feeds`: the followed feeds kept in the feeds file: add, list, remove, and OPML
//! import and export.

use std::path::{Path, PathBuf};

use super::say;
use crate::feeds;
use crate::text::one_line;

/// What `saidso feeds` does.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Follow a feed, with tags (a tag starting with `~` is its display name).
    Add {
        /// The feed's http(s) URL.
        url: String,
        /// Tags for the feed.
        tags: Vec<String>,
    },
    /// List the followed feeds, one a line as the feeds file has them.
    List,
    /// Stop following a feed.
    Remove {
        /// The feed's URL, as listed.
        url: String,
    },
    /// Follow every feed of an OPML file (titles become names, categories and folders tags).
    Import {
        /// The OPML file.
        file: PathBuf,
    },
    /// Print the followed feeds as OPML, with names and tags.
    Export,
}

pub(super) fn run(action: Action, feeds_file: Option<PathBuf>) -> anyhow::Result<()> {
    let path = feeds_file.or_else(feeds::default_feeds_path).ok_or_else(|| {
        anyhow::anyhow!("no config directory (is HOME set?); give the feeds file with --feeds")
    })?;
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    match action {
        Action::Add { url, tags } => {
            feeds::check_feed_url(&url).map_err(anyhow::Error::msg)?;
            save(&path, &feeds::with_added(&text, &[feeds::subscription(url, tags)]).0)
        }
        Action::List => {
            let (followed, bad) = feeds::parse_feeds(&text);
            for feed in followed {
                // Clean already when read; made safe here too, as everything printed is.
                println!("{}", one_line(&feeds::feeds_line(&feed)));
            }
            for b in bad {
                say(format_args!("{}:{}: skipped: {}", path.display(), b.line, b.reason));
            }
            Ok(())
        }
        Action::Remove { url } => match feeds::without(&text, &url) {
            Some(text) => save(&path, &text),
            None => anyhow::bail!("{url} is not in {}", path.display()),
        },
        Action::Import { file } => {
            let opml = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("cannot read {} ({e})", file.display()))?;
            let found =
                feeds::parse_opml(&opml).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            for why in &found.skipped {
                say(format_args!("{}: {why}", file.display()));
            }
            let (text, added) = feeds::with_added(&text, &found.feeds);
            save(&path, &text)?;
            let file = one_line(&file.display().to_string());
            println!("{} feeds in {file}, {added} new", found.feeds.len());
            Ok(())
        }
        Action::Export => {
            print!("{}", feeds::write_opml(&feeds::parse_feeds(&text).0));
            Ok(())
        }
    }
}

fn save(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
        .map_err(|e| anyhow::anyhow!("cannot write the feeds file {} ({e})", path.display()))
}
