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
use crate::speakers::Digester;

/// Articles handed over at once: few enough that the list fills smoothly, enough that the
/// event loop is not flooded.
const BATCH: usize = 256;
/// Inputs loaded ahead of the rest.
const FIRST: usize = 8;

/// Starts loading `paths` (none: the seeds). Stops early when the channel closes.
pub fn spawn_loader(
    paths: Vec<String>,
    rules: Rules,
    extractor: Extractor,
    digester: Digester,
    tx: Sender<Event>,
) -> JoinHandle<()> {
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
        let mut batch = Batch::default();
        // A few inputs first, on their own, so the first article shows before the first full
        // batch is done.
        let (first, rest) = inputs.split_at(inputs.len().min(FIRST));
        let result = [first, rest].into_iter().try_for_each(|inputs| {
            load_each(
                inputs,
                &rules,
                // Extraction, the filter's haystack and the speakers digest are made here, on the
                // worker threads.
                |article| {
                    let quotes = extractor.extract(&article);
                    Entry::new(article, quotes).digested(&digester)
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
            )?;
            // Hand over what is left of this part.
            send(Action::Loaded(std::mem::take(&mut batch)))
        });
        if result.is_ok() {
            let _ = send(Action::LoadingDone);
        }
    })
}
