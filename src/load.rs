//! The loading pipeline: inputs are read and cleaned in parallel (rayon), and handed to the
//! caller in input order (local inputs first, then local feeds whose pages are fetched, then the
//! inputs on the web: both fetched meanwhile), a batch at a time, as soon as each batch is
//! ready; the caller works on one batch while the next are prepared. A dataset (one file of
//! many articles) is read a record at a time and its records are cleaned in parallel batches.
//! Inline (for a task of Dask or Spark), all of it runs on the calling thread instead.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};

use rayon::prelude::*;

use crate::clean::{Rules, clean};
use crate::model::{Article, RawDoc};
use crate::net::parallel_map;
use crate::sources::{
    self, Docs, Input, Linked, Problem, ProblemKind, ReadSettings, Record, Stream,
};

/// How many inputs, or records of a dataset, are worked on between two hand-overs to the
/// caller: big enough to keep every core busy, small enough that the first articles arrive at
/// once.
const BATCH: usize = 256;
/// Local inputs handed over ahead of the first full batch.
const FIRST: usize = 8;
/// Web inputs (feeds and pages given as URLs) fetched at once.
const WEB_AT_ONCE: usize = 8;

/// What the pipeline hands over, in input order.
#[derive(Debug)]
pub enum Loaded<T> {
    /// An article, as turned into `T` by the caller's per-article work.
    Item(T),
    /// An input that was skipped, or loaded with a caveat.
    Problem(Problem),
}

/// How far loading has got; shared with whoever shows it (a progress bar, the reader's status
/// line), who polls it from another thread.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes of input read so far.
    pub bytes_read: AtomicU64,
    /// Bytes of input in all (file sizes; URLs and stdin count as they arrive).
    pub bytes_total: AtomicU64,
    /// Articles loaded so far.
    pub articles: AtomicU64,
}

impl Progress {
    fn read(&self, bytes: u64) {
        self.bytes_read.fetch_add(bytes, Ordering::Relaxed);
    }
}

/// Reads and cleans every input. `work` runs on the worker threads for each article (extract
/// quotes, or boil it down to a summary and drop the text); `sink` receives the results in order,
/// and stops the pipeline by returning an error. Returns how many articles loaded.
pub fn load_each<T: Send, E>(
    inputs: &[Input],
    rules: &Rules,
    work: impl Fn(Article) -> T + Sync,
    sink: impl FnMut(Loaded<T>) -> Result<(), E>,
) -> Result<usize, E> {
    Loader::new(rules).run(inputs, work, sink)
}

/// One input of a batch: what it gave at once, and the dataset still to read, if it is one.
type Opened<T> = (Vec<Loaded<T>>, Option<Box<dyn Stream>>);

/// An input just opened: ready to hand over, or a local feed whose items' pages are still to
/// be fetched (`--fetch-links`), after what it gave at once.
enum Open<T> {
    Ready(Opened<T>),
    Linked(Vec<Loaded<T>>, Linked),
}

/// The pipeline with its settings: what the sources need, and where progress goes.
pub struct Loader<'a> {
    rules: &'a Rules,
    context: ReadSettings,
    progress: Option<Arc<Progress>>,
    inline: bool,
}

/// The caller took no more batches: the producer stops.
struct Stopped;

impl<'a> Loader<'a> {
    /// A loader with default sources (fetching on) and no progress reporting.
    pub fn new(rules: &'a Rules) -> Self {
        Loader { rules, context: ReadSettings::default(), progress: None, inline: false }
    }

    /// Reads, cleans and works on each local input on the calling thread alone, and hands it over
    /// at once, rather than on every core while the caller works on the batch before: for a task
    /// of a distributed engine (Dask, Spark), whose own threads are the parallelism. A task then
    /// uses the one core it was given, and the caller takes each article while it is still in
    /// that core's cache (2-3% less CPU than batches of 256 inputs). Web inputs and standard input
    /// are still read and worked on, and a dataset's records split off the file, on threads of
    /// their own: they wait on other programs, not on this core.
    pub fn inline(mut self) -> Self {
        self.inline = true;
        self
    }

    /// Reads sources with `context` (dataset field names, the HTTP client).
    pub fn context(mut self, context: ReadSettings) -> Self {
        self.context = context;
        self
    }

    /// Reports progress to `progress`; the input files are measured first to give a total.
    pub fn progress(mut self, progress: Arc<Progress>) -> Self {
        self.progress = Some(progress);
        self
    }

    /// Loads `inputs`, as [`load_each`] does.
    pub fn run<T: Send, E>(
        &self,
        inputs: &[Input],
        work: impl Fn(Article) -> T + Sync,
        sink: impl FnMut(Loaded<T>) -> Result<(), E>,
    ) -> Result<usize, E> {
        self.run_waiting(inputs, work, sink, || Ok(()))
    }

    /// Loads `inputs` as [`Loader::run`] does, calling `waiting` whenever the next batch is not
    /// ready yet, before waiting for it: a writer flushes what it holds there, so that its output
    /// keeps up with input that comes slowly (a pipe), at no cost when input comes fast.
    pub fn run_waiting<T: Send, E>(
        &self,
        inputs: &[Input],
        work: impl Fn(Article) -> T + Sync,
        mut sink: impl FnMut(Loaded<T>) -> Result<(), E>,
        waiting: impl FnMut() -> Result<(), E>,
    ) -> Result<usize, E> {
        self.run_batches(inputs, work, |batch| batch.into_iter().try_for_each(&mut sink), waiting)
    }

    /// Loads `inputs`, handing over each batch as soon as it is ready: the first few local
    /// inputs, then the rest of them a batch at a time, each batch of a dataset, then the local
    /// feeds whose pages are fetched (`--fetch-links`), and the web inputs last. A caller that
    /// shows results as they come (the reader) shows a local file at once, whatever the web
    /// inputs beside it are waiting on. Returns how many articles
    /// loaded. `waiting` is called as in [`Loader::run_waiting`].
    pub fn run_batches<T: Send, E>(
        &self,
        inputs: &[Input],
        work: impl Fn(Article) -> T + Sync,
        mut sink: impl FnMut(Vec<Loaded<T>>) -> Result<(), E>,
        mut waiting: impl FnMut() -> Result<(), E>,
    ) -> Result<usize, E> {
        let progress = self.progress.clone().unwrap_or_default();
        if self.progress.is_some() {
            progress.bytes_total.store(total_size(inputs), Ordering::Relaxed);
        }
        let mut count = 0;
        let mut take = |batch: Vec<Loaded<T>>| {
            let items = batch.iter().filter(|l| matches!(l, Loaded::Item(_))).count();
            count += items;
            progress.articles.fetch_add(items as u64, Ordering::Relaxed);
            if batch.is_empty() { Ok(()) } else { sink(batch) }
        };
        let (progress, work) = (&*progress, &work);
        if self.inline {
            let mut failed = None;
            let mut send = |batch| {
                take(batch).map_err(|e| {
                    failed = Some(e);
                    Stopped
                })
            };
            self.produce(inputs, progress, work, &mut send);
            return failed.map_or(Ok(count), Err);
        }
        // The caller's sink is sequential work (an index, the output): it runs on this thread
        // while the next batches are read and cleaned on the others, rather than between them.
        let (send, batches) = mpsc::sync_channel::<Vec<Loaded<T>>>(1);
        std::thread::scope(|scope| {
            // The producer owns the sender, so that the batches end when it is done.
            scope.spawn(move || {
                self.produce(inputs, progress, work, &mut |b| send.send(b).map_err(|_| Stopped))
            });
            // Owned here, so that returning early drops it and the producer stops.
            loop {
                let batch = match batches.try_recv() {
                    Ok(batch) => batch,
                    Err(mpsc::TryRecvError::Empty) => {
                        waiting()?;
                        match batches.recv() {
                            Ok(batch) => batch,
                            Err(mpsc::RecvError) => break,
                        }
                    }
                    Err(mpsc::TryRecvError::Disconnected) => break,
                };
                take(batch)?;
            }
            Ok(())
        })?;
        Ok(count)
    }

    /// Reads and cleans `inputs`, sending each batch on; stops early when nobody receives any
    /// more. Inputs on the web wait on other machines, and standard input on another program:
    /// they are opened on their own threads from the start and handed over after the files, so
    /// that no file waits on a slow site or a slow pipe.
    fn produce<T: Send>(
        &self,
        inputs: &[Input],
        progress: &Progress,
        work: &(impl Fn(Article) -> T + Sync),
        send: &mut impl FnMut(Vec<Loaded<T>>) -> Result<(), Stopped>,
    ) {
        let (web, local): (Vec<&Input>, Vec<&Input>) =
            inputs.iter().partition(|i| matches!(i, Input::Url(_) | Input::Stdin));
        std::thread::scope(|scope| {
            let web = (!web.is_empty()).then(|| {
                scope.spawn(|| {
                    parallel_map(web, WEB_AT_ONCE, |i| {
                        self.fetch_links(self.open(i, progress, work), work)
                    })
                })
            });
            // Local feeds whose pages are fetched wait on the web too: their pages are fetched
            // on threads of their own, and the feeds are handed over after the other files
            // (before the web inputs), so that no file waits on a feed's slow links.
            let mut linked = Vec::new();
            // A few first, so that the first articles come before a whole batch is cleaned.
            let (first, size) = if self.inline { (1, 1) } else { (FIRST, BATCH) };
            let (first, rest) = local.split_at(local.len().min(first));
            for batch in std::iter::once(first).chain(rest.chunks(size)) {
                let (mut opened, mut feeds) = (Vec::new(), Vec::new());
                for open in self.map_all(batch.to_vec(), |i| self.open(i, progress, work)) {
                    match open {
                        Open::Ready(ready) => opened.push(ready),
                        feed @ Open::Linked(..) => feeds.push(feed),
                    }
                }
                if !feeds.is_empty() {
                    linked.push(scope.spawn(|| {
                        parallel_map(feeds, WEB_AT_ONCE, |feed| self.fetch_links(feed, work))
                    }));
                }
                if self.send_opened(opened, progress, work, send).is_err() {
                    return;
                }
            }
            for feeds in linked {
                let Ok(opened) = feeds.join() else { continue };
                if self.send_opened(opened, progress, work, send).is_err() {
                    return;
                }
            }
            if let Some(Ok(opened)) = web.map(|w| w.join()) {
                let _ = self.send_opened(opened, progress, work, send);
            }
        });
    }

    /// Opens one input: what it gave at once, and what is still to come from it.
    fn open<T: Send>(
        &self,
        input: &Input,
        progress: &Progress,
        work: &(impl Fn(Article) -> T + Sync),
    ) -> Open<T> {
        let opened = sources::open(input, &self.context);
        progress.read(opened.bytes);
        let mut out: Vec<Loaded<T>> = opened.problems.into_iter().map(Loaded::Problem).collect();
        match opened.docs {
            Docs::Ready(docs) => {
                out.extend(docs.into_iter().map(|d| self.clean(d, work)));
                Open::Ready((out, None))
            }
            Docs::Stream(stream) => Open::Ready((out, Some(stream))),
            Docs::Linked(linked) => Open::Linked(out, linked),
        }
    }

    /// An input ready to hand over: a local feed's pages are fetched, and its articles cleaned,
    /// after what it gave at once.
    fn fetch_links<T: Send>(
        &self,
        open: Open<T>,
        work: &(impl Fn(Article) -> T + Sync),
    ) -> Opened<T> {
        match open {
            Open::Ready(opened) => opened,
            Open::Linked(mut out, linked) => {
                let (docs, problems) = linked.fetch();
                out.extend(problems.into_iter().map(Loaded::Problem));
                out.extend(docs.into_iter().map(|d| self.clean(d, work)));
                (out, None)
            }
        }
    }

    /// Sends opened inputs on in order: consecutive ready inputs as one message, a dataset's
    /// records in their own batches.
    fn send_opened<T: Send>(
        &self,
        opened: Vec<Opened<T>>,
        progress: &Progress,
        work: &(impl Fn(Article) -> T + Sync),
        send: &mut impl FnMut(Vec<Loaded<T>>) -> Result<(), Stopped>,
    ) -> Result<(), Stopped> {
        let mut ready = Vec::new();
        for (loaded, stream) in opened {
            ready.extend(loaded);
            if let Some(stream) = stream {
                send(std::mem::take(&mut ready))?;
                self.drain(stream, progress, work, send)?;
            }
        }
        send(ready)
    }

    /// Reads a dataset, parsing and cleaning its records in parallel batches, and sends each
    /// batch on. The records are split off the input on a thread of their own, and a batch takes
    /// those read so far (up to [`BATCH`]) rather than waiting for a full one: records that
    /// trickle in (a pipe) are worked on as they come, while a fast input still fills every
    /// batch.
    fn drain<T: Send>(
        &self,
        mut stream: Box<dyn Stream>,
        progress: &Progress,
        work: &(impl Fn(Article) -> T + Sync),
        send: &mut impl FnMut(Vec<Loaded<T>>) -> Result<(), Stopped>,
    ) -> Result<(), Stopped> {
        let (records, read) = mpsc::sync_channel::<Result<Record, Problem>>(BATCH);
        std::thread::scope(|scope| {
            scope.spawn(move || {
                let mut consumed = 0;
                while let Some(record) = stream.next() {
                    progress.read(stream.consumed() - consumed);
                    consumed = stream.consumed();
                    // Nobody takes records any more: the command has stopped.
                    if records.send(record).is_err() {
                        return;
                    }
                }
            });
            // Returning early drops `read`, which stops the reading thread.
            while let Ok(first) = read.recv() {
                let mut batch = vec![first];
                batch.extend(read.try_iter().take(BATCH - 1));
                let cleaned = self.map_all(batch, |record| match record.and_then(Record::parse) {
                    Ok(doc) => self.clean(doc, work),
                    Err(problem) => Loaded::Problem(problem),
                });
                send(cleaned)?;
            }
            Ok(())
        })
    }

    /// `f` of each of `items`, in order: on every core, or on this thread when inline.
    fn map_all<X: Send, R: Send>(&self, items: Vec<X>, f: impl Fn(X) -> R + Sync + Send) -> Vec<R> {
        if self.inline {
            items.into_iter().map(f).collect()
        } else {
            items.into_par_iter().map(f).collect()
        }
    }

    fn clean<T>(&self, doc: RawDoc, work: &impl Fn(Article) -> T) -> Loaded<T> {
        let path = doc.path.clone();
        match clean(doc, self.rules) {
            Some(article) => Loaded::Item(work(article)),
            None => Loaded::Problem(Problem { path, kind: ProblemKind::NoProse }),
        }
    }
}

/// The bytes of all the files among `inputs`.
fn total_size(inputs: &[Input]) -> u64 {
    inputs
        .iter()
        .map(|input| match input {
            Input::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Input::Embedded { text, .. } => text.len() as u64,
            Input::Saved(doc) => doc.text.len() as u64,
            Input::Stdin | Input::Url(_) => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;

    /// `n` saved documents; the fourth has no prose, so it is a problem.
    fn inputs(n: usize) -> Vec<Input> {
        let doc = |i: usize| {
            let text = match i {
                3 => String::new(),
                _ => format!("Headline {i}\n\nThe mayor said bridge {i} would close on Monday.\n"),
            };
            Input::Saved(Box::new(RawDoc { path: format!("{i}.txt"), text, ..RawDoc::default() }))
        };
        (0..n).map(doc).collect()
    }

    /// What `loader` hands over, in order (each article's path, or a problem's), and whether
    /// every article was worked on by the calling thread.
    fn handed(loader: &Loader, inputs: &[Input]) -> (Vec<String>, bool) {
        let caller = std::thread::current().id();
        let work = |a: Article| (a.path, std::thread::current().id() == caller);
        let (mut out, mut here) = (Vec::new(), true);
        let sink = |l: Loaded<(String, bool)>| -> Result<(), ()> {
            match l {
                Loaded::Item((path, on_caller)) => {
                    here &= on_caller;
                    out.push(path);
                }
                Loaded::Problem(p) => out.push(format!("problem {}", p.path)),
            }
            Ok(())
        };
        let loaded = loader.run(inputs, work, sink);
        assert_eq!(loaded, Ok(inputs.len() - 1));
        (out, here)
    }

    #[test]
    fn inline_loading_hands_over_what_the_pipeline_does_on_the_calling_thread() {
        let rules = Rules::builtin();
        let inputs = inputs(300);
        let (piped, _) = handed(&Loader::new(&rules), &inputs);
        let (inline, here) = handed(&Loader::new(&rules).inline(), &inputs);
        assert_eq!(inline, piped);
        assert_eq!(piped.len(), 300);
        assert_eq!(piped[3], "problem 3.txt");
        assert_eq!(piped[299], "299.txt");
        assert!(here, "every article worked on by the caller");
    }

    #[test]
    fn inline_loading_reads_no_further_than_the_caller_takes() {
        let rules = Rules::builtin();
        let worked = AtomicUsize::new(0);
        let work = |a: Article| {
            worked.fetch_add(1, Ordering::Relaxed);
            a.path
        };
        let mut taken = 0;
        let sink = |_: Loaded<String>| {
            taken += 1;
            if taken == 2 { Err("enough") } else { Ok(()) }
        };
        let loaded = Loader::new(&rules).inline().run(&inputs(50), work, sink);
        assert_eq!(loaded, Err("enough"));
        assert_eq!(worked.load(Ordering::Relaxed), 2);
    }
}
