//! The loading pipeline: inputs are read and cleaned in parallel (rayon), and handed to the
//! caller in input order, a batch at a time, as soon as each batch is ready.

use crate::clean::{Rules, clean};
use crate::model::Article;
use crate::sources::{self, Input, Problem, ProblemKind};

/// How many inputs are worked on between two hand-overs to the caller: big enough to keep every
/// core busy, small enough that the first articles arrive at once.
const BATCH: usize = 256;

/// What the pipeline hands over, in input order.
#[derive(Debug)]
pub enum Loaded<T> {
    /// An article, as turned into `T` by the caller's per-article work.
    Item(T),
    /// An input that was skipped, or loaded with a caveat.
    Problem(Problem),
}

/// Reads and cleans every input. `work` runs on the worker threads for each article (extract
/// quotes, or boil it down to a summary and drop the text); `sink` receives the results in order,
/// and stops the pipeline by returning an error. Returns how many articles loaded.
pub fn load_each<T: Send, E>(
    inputs: &[Input],
    rules: &Rules,
    work: impl Fn(Article) -> T + Sync,
    mut sink: impl FnMut(Loaded<T>) -> Result<(), E>,
) -> Result<usize, E> {
    use rayon::prelude::*;
    let mut count = 0;
    for batch in inputs.chunks(BATCH) {
        let results: Vec<Vec<Loaded<T>>> =
            batch.par_iter().map(|input| load_one(input, rules, &work)).collect();
        for loaded in results.into_iter().flatten() {
            count += usize::from(matches!(loaded, Loaded::Item(_)));
            sink(loaded)?;
        }
    }
    Ok(count)
}

fn load_one<T>(input: &Input, rules: &Rules, work: &impl Fn(Article) -> T) -> Vec<Loaded<T>> {
    let (docs, problems) = sources::read(input);
    let mut out: Vec<Loaded<T>> = problems.into_iter().map(Loaded::Problem).collect();
    for doc in docs {
        let path = doc.path.clone();
        match clean(doc, rules) {
            Some(article) => out.push(Loaded::Item(work(article))),
            None => out.push(Loaded::Problem(Problem { path, kind: ProblemKind::NoProse })),
        }
    }
    out
}
