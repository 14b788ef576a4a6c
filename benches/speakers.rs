//! The speakers index: building it as articles load, and settling who is who.
//!
//! Articles come from `SAIDSO_BENCH_CORPUS` (a folder, e.g. /tmp/corpus-100k made by
//! `../shared/tools/make_corpus.py`) or, without it, 2,000 articles generated here the same way
//! (paragraphs of the seeds drawn at random), so that `cargo bench` works anywhere. Extraction
//! and digesting run once, before timing; what is timed is the index's own sequential work.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use saidso::clean::{Rules, clean};
use saidso::extract::Extractor;
use saidso::load::{Loaded, load_each};
use saidso::model::Article;
use saidso::model::RawDoc;
use saidso::sources::{SEEDS, discover};
use saidso::speakers::{Digest, Digester, Index, Tally};

/// Articles made like `make_corpus.py` makes them: a title, a numbered line, 6 to 14 paragraphs
/// of the seeds. `reworded`: one word of every paragraph replaced by a word of its own, so that
/// nearly every quotation is a new wording a few words from others (the grouping's hard case).
fn generated(n: usize, reworded: bool) -> Vec<Article> {
    let paragraphs: Vec<&str> = SEEDS
        .iter()
        .flat_map(|(_, text)| text.split("\n\n"))
        .map(str::trim)
        .filter(|p| p.len() > 40)
        .collect();
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |below: usize| {
        // xorshift: a fixed sequence, so every run measures the same corpus.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below.max(1) as u64) as usize
    };
    let rules = Rules::builtin();
    (0..n)
        .filter_map(|i| {
            let count = 6 + next(9);
            let body: Vec<String> = (0..count)
                .map(|j| {
                    let p = paragraphs[next(paragraphs.len())];
                    if !reworded {
                        return p.to_string();
                    }
                    let mut words: Vec<&str> = p.split(' ').collect();
                    let k = next(words.len());
                    let own = format!("w{i}x{j}");
                    words[k] = &own;
                    words.join(" ")
                })
                .collect();
            let text = format!(
                "Talks report number {i}\n\nThis is report {i} on the talks.\n\n{}\n",
                body.join("\n\n")
            );
            clean(RawDoc { path: format!("gen/{i}.txt"), text, ..RawDoc::default() }, &rules)
        })
        .collect()
}

/// The corpora to time: the folder of `SAIDSO_BENCH_CORPUS` if set, else generated articles
/// (`SAIDSO_BENCH_ARTICLES` of them, 2,000 by default), as drawn and as reworded.
fn corpora() -> Vec<(String, Vec<Digest>)> {
    let extractor = Extractor::builtin();
    let digester = Digester::builtin();
    let digest = |a: &Article| digester.digest(a, &extractor.extract(a));
    if let Ok(root) = std::env::var("SAIDSO_BENCH_CORPUS") {
        let (inputs, _) = discover(&[root]);
        let mut out = Vec::new();
        let _ = load_each(
            &inputs,
            &Rules::builtin(),
            |a| digest(&a),
            |l| {
                if let Loaded::Item(d) = l {
                    out.push(d);
                }
                Ok::<(), ()>(())
            },
        );
        return vec![(format!("{} files", out.len()), out)];
    }
    let n =
        std::env::var("SAIDSO_BENCH_ARTICLES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000);
    [false, true]
        .into_iter()
        .map(|reworded| {
            let articles = generated(n, reworded);
            let name = format!("{} {}", n, if reworded { "reworded" } else { "generated" });
            (name, articles.iter().map(digest).collect())
        })
        .collect()
}

fn build(digests: Vec<Digest>) -> Index {
    let mut index = Index::default();
    for d in digests {
        index.insert(d);
    }
    index
}

/// The tally of every attribution of the corpus (as the Python package and the Dask example
/// make it): the folder of `SAIDSO_BENCH_CORPUS`, or 2,000 generated articles.
fn tally() -> (String, Tally) {
    let extractor = Extractor::builtin();
    let mut tally = Tally::new();
    let mut add = |a: &Article| tally.add(a, &extractor.attributions(a));
    let name = if let Ok(root) = std::env::var("SAIDSO_BENCH_CORPUS") {
        let (inputs, _) = discover(&[root]);
        let _ = load_each(
            &inputs,
            &Rules::builtin(),
            |a| a,
            |l| {
                if let Loaded::Item(a) = l {
                    add(&a);
                }
                Ok::<(), ()>(())
            },
        );
        "files"
    } else {
        generated(2000, false).iter().for_each(&mut add);
        "generated"
    };
    (format!("{} {name}", tally.articles()), tally)
}

/// Settling the speaker ids of a tally: the serial step between a distributed run's map and its
/// writes.
fn identities(c: &mut Criterion) {
    let (what, tally) = tally();
    let digester = Digester::builtin();
    let mut group = c.benchmark_group("speakers");
    group.sample_size(20);
    group.throughput(Throughput::Elements(tally.articles() as u64));
    group.bench_function(format!("tally identities {what}"), |b| {
        b.iter(|| tally.identities(&digester).1.len())
    });
    group.finish();
}

fn speakers(c: &mut Criterion) {
    let mut group = c.benchmark_group("speakers");
    group.sample_size(10);
    for (what, digests) in corpora() {
        let quotes: usize = digests.iter().map(|d| d.quotes.len()).sum();
        group.throughput(Throughput::Elements(digests.len() as u64));
        group.bench_function(format!("index {what} ({quotes} quotes)"), |b| {
            b.iter_batched(|| digests.clone(), build, BatchSize::LargeInput)
        });
        let index = build(digests);
        group.bench_function(format!("roster {what}"), |b| b.iter(|| index.roster()));
        eprintln!(
            "speakers: {what}: {} articles, {} quotes, {} wordings, {} statements, {} speakers",
            index.articles().len(),
            index.quote_count(),
            index.wording_count(),
            index.statement_count(),
            index.roster().speakers().len()
        );
    }
    group.finish();
}

criterion_group!(benches, speakers, identities);
criterion_main!(benches);
