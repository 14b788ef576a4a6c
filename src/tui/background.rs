//! Loading on a background thread: find the inputs, read, clean and extract them in parallel,
//! and send the results to the event channel a batch at a time, so the first frame never waits.

use std::sync::mpsc::Sender;
use std::thread::JoinHandle;

use super::events::Event;
use crate::app::{Action, Batch, Entry};
use crate::clean::Rules;
use crate::config::Config;
use crate::extract::Extractor;
use crate::load::{Loaded, Loader};
use crate::sources::{self, Input, ReadSettings};
use crate::speakers::Digester;

/// What turns inputs into the reader's entries, for the first load and every refresh.
#[derive(Clone, Debug)]
pub struct Work {
    /// How sources are read.
    pub context: ReadSettings,
    /// Cleaning rules.
    pub rules: Rules,
    /// The quote extractor.
    pub extractor: Extractor,
    /// What the speakers index keeps of each article.
    pub digester: Digester,
}

impl Work {
    /// The work `config` describes.
    pub fn new(config: &Config) -> Self {
        Work {
            context: config.sources_context(),
            rules: config.rules.clone(),
            extractor: config.extractor.clone(),
            digester: config.digester.clone(),
        }
    }

    /// Loads `inputs` on the worker threads, handing each result to `sink` in input order.
    pub fn load<E>(
        &self,
        inputs: &[Input],
        mut sink: impl FnMut(Loaded<Entry>) -> Result<(), E>,
    ) -> Result<usize, E> {
        self.load_batches(inputs, |batch| batch.into_iter().try_for_each(&mut sink))
    }

    /// Loads `inputs` on the worker threads, handing each batch to `sink` as soon as it is
    /// ready, in input order (local inputs first, those on the web last).
    pub fn load_batches<E>(
        &self,
        inputs: &[Input],
        sink: impl FnMut(Vec<Loaded<Entry>>) -> Result<(), E>,
    ) -> Result<usize, E> {
        // Extraction (every attribution, the headline's and reported speech too), the filter's
        // haystack and the speakers digest are made here, on the worker threads.
        let entry = |article| {
            let quotes = self.extractor.attributions_with_headline(&article);
            Entry::new(article, quotes).digested(&self.digester)
        };
        Loader::new(&self.rules).context(self.context.clone()).run_batches(
            inputs,
            entry,
            sink,
            || Ok(()),
        )
    }
}

/// Adds one loading result to `batch`.
pub fn add_to(batch: &mut Batch, loaded: Loaded<Entry>) {
    match loaded {
        Loaded::Item(entry) => batch.entries.push(entry),
        Loaded::Problem(p) if p.is_warning() => batch.warnings.push(p.to_string()),
        Loaded::Problem(p) => batch.problems.push(p.to_string()),
    }
}

/// Starts loading the inputs `paths` names (no path: the seeds; `None`: none at all), then
/// `saved` (articles kept by `saidso fetch`). Stops early when the channel closes.
pub fn spawn_loader(
    paths: Option<Vec<String>>,
    saved: Vec<Input>,
    work: Work,
    tx: Sender<Event>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let send = |action| tx.send(Event::Action(action));
        let (mut inputs, problems) = paths.map(|p| sources::discover(&p)).unwrap_or_default();
        inputs.extend(saved);
        let found = inputs.len() + problems.len();
        let problems = problems.iter().map(|p| p.to_string()).collect();
        let first = Batch { problems, ..Batch::default() };
        if send(Action::Discovered(found)).is_err() || send(Action::Loaded(first)).is_err() {
            return;
        }
        // Every batch the loader hands over is shown at once: a local file never waits for a
        // URL given beside it, which the loader hands over last.
        let result = work.load_batches(&inputs, |loaded| {
            let mut batch = Batch::default();
            for one in loaded {
                add_to(&mut batch, one);
            }
            send(Action::Loaded(batch))
        });
        if result.is_ok() {
            let _ = send(Action::LoadingDone);
        }
    })
}
