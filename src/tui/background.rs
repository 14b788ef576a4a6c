//! Loading on a background thread: find the inputs, read, clean and extract them in parallel,
//! and send the results to the event channel a batch at a time, so the first frame never waits.

use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use super::events::Event;
use crate::app::{Action, Batch, Entry};
use crate::clean::Rules;
use crate::extract::Extractor;
use crate::load::{Loaded, load_each};
use crate::sources;

/// Articles handed over at once: few enough that the list fills smoothly, enough that the
/// event loop is not flooded.
const BATCH: usize = 256;

/// Starts loading `paths` (none: the seeds). Stops early when the channel closes.
pub fn spawn_loader(paths: Vec<String>, tx: Sender<Event>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let send = |action| tx.send(Event::Action(action));
        let (inputs, problems) = sources::discover(&paths);
        let first = Batch {
            skipped: problems.len(),
            problems: problems.iter().map(|p| p.to_string()).collect(),
            entries: Vec::new(),
        };
        if send(Action::Discovered(inputs.len() + problems.len())).is_err()
            || send(Action::Loaded(first)).is_err()
        {
            return;
        }
        let extractor = Extractor::builtin();
        let mut batch = Batch::default();
        let result = load_each(
            &inputs,
            &Rules::builtin(),
            // Extraction and the filter's haystack are built here, on the worker threads.
            |article| {
                let quotes = extractor.extract(&article);
                Entry::new(article, quotes)
            },
            |loaded| -> Result<(), mpsc::SendError<Event>> {
                match loaded {
                    Loaded::Item(entry) => batch.entries.push(entry),
                    Loaded::Problem(p) => {
                        batch.skipped += usize::from(!p.is_warning());
                        batch.problems.push(p.to_string());
                    }
                }
                if batch.entries.len() + batch.problems.len() >= BATCH {
                    send(Action::Loaded(std::mem::take(&mut batch)))?;
                }
                Ok(())
            },
        );
        if result.is_ok() && send(Action::Loaded(batch)).is_ok() {
            let _ = send(Action::LoadingDone);
        }
    })
}
