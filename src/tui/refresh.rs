//! The reader's refresh: the followed feeds fetched on a thread of their own, their new articles
//! stored (the same as `saidso fetch`), then loaded and sent to the event channel, while the
//! reader stays usable.

use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;

use super::background::{Work, add_to};
use super::events::Event;
use crate::app::{Action, Batch, RefreshReport, strings};
use crate::feeds;
use crate::sources::Input;
use crate::store::Location;

/// Everything a refresh needs, kept by the event loop.
#[derive(Clone, Debug)]
pub struct Refresher {
    /// The store the fetched articles go to (its own connection: the loop keeps the other).
    pub state: Location,
    /// The feeds file; `None` when there is no config directory.
    pub feeds: Option<PathBuf>,
    /// How fetched articles become entries.
    pub work: Work,
    /// Where progress and the result go.
    pub tx: Sender<Event>,
}

impl Refresher {
    /// Starts a refresh on its own thread; its result arrives as [`Action::RefreshDone`].
    pub fn start(&self) {
        let job = self.clone();
        std::thread::spawn(move || {
            let refreshed = job.run().unwrap_or_else(|e| RefreshReport {
                error: Some(e.to_string()),
                ..RefreshReport::default()
            });
            let _ = job.tx.send(Event::Action(Action::RefreshDone(Box::new(refreshed))));
        });
    }

    fn run(&self) -> anyhow::Result<RefreshReport> {
        let path = self.feeds.as_deref().ok_or_else(|| {
            anyhow::anyhow!("no config directory for the feeds file (is HOME set?)")
        })?;
        if !path.exists() {
            anyhow::bail!(strings::no_feeds_file(&home_as_tilde(path)));
        }
        let (feeds, bad_lines) = feeds::read_feeds(path)?;
        let (mut store, notices) = self.state.open();
        let before = store.stored_urls().unwrap_or_default();
        let (done, total) = (AtomicUsize::new(0), feeds.len());
        let report = feeds::refresh_and_keep(
            &mut store,
            &feeds,
            &self.work.context,
            &self.work.rules,
            |_| {
                let done = done.fetch_add(1, Ordering::Relaxed) + 1;
                let _ = self.tx.send(Event::Action(Action::RefreshProgress { done, total }));
            },
        );
        // What this refresh stored: the articles whose links were not stored before. The reader
        // drops any it already shows (same content).
        let new: Vec<Input> = store
            .fetched_articles()?
            .into_iter()
            .filter(|doc| doc.meta.url.as_ref().is_none_or(|url| !before.contains(url)))
            .map(|doc| Input::Saved(Box::new(doc)))
            .collect();
        let mut batch = Batch::default();
        let _ = self.work.load(&new, |loaded| {
            add_to(&mut batch, loaded);
            Ok::<(), Infallible>(())
        });
        batch.warnings.extend(bad_lines);
        batch.warnings.extend(notices.iter().map(ToString::to_string));
        for problem in &report.problems {
            let list = if problem.is_warning() { &mut batch.warnings } else { &mut batch.problems };
            list.push(problem.to_string());
        }
        batch.problems.extend(report.failures.iter().map(ToString::to_string));
        batch.problems.extend(report.not_saved.iter().cloned());
        let tags = feeds::tags_by_article(&store, &feeds);
        let failed = report.failures.len();
        Ok(RefreshReport { batch, feeds: report.feeds, failed, error: None, tags })
    }
}

/// `path` with the home directory written `~`, so that a message naming it fits the status bar.
fn home_as_tilde(path: &std::path::Path) -> String {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match home.and_then(|h| path.strip_prefix(h).ok().map(std::path::Path::to_path_buf)) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}
