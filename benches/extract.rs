//! Extraction throughput in MB/s on one core.
//!
//! `SAIDSO_BENCH_CORPUS=/tmp/corpus cargo bench --bench extract` measures a generated corpus
//! (`python3 ../shared/tools/make_corpus.py ../shared/seeds N /tmp/corpus`); without it, the
//! seed articles repeated stand in, so the benchmark runs on a fresh checkout. With
//! `SAIDSO_BENCH_CPU=1` the time measured is the benchmark thread's CPU time, not the clock's: on
//! a machine shared with other work the clock counts the waits for a core too (the Python
//! benchmark gives both).
//!
//! Both of these repeat text (five articles, or the seeds' sentences recombined), and a
//! processor learns the branches of text it has just read: the same real articles run about 1.5
//! times as fast when each copy follows the last as when the copies are spread out. Point
//! `SAIDSO_BENCH_CORPUS` at real articles, each once, for the speed unseen news gets (see
//! BENCHMARKS.md).

use std::path::Path;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Bencher, Criterion, Throughput, criterion_group, criterion_main};
use saidso::clean::{Rules, clean};
use saidso::export::attribution_rows;
use saidso::extract::Extractor;
use saidso::model::Article;
use saidso::model::RawDoc;
use saidso::sources::text_doc;

/// The binary's allocator (see `src/main.rs`), so that the figure is the one `saidso` gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn texts() -> Vec<String> {
    let (dir, repeat) = match std::env::var("SAIDSO_BENCH_CORPUS") {
        Ok(dir) => (dir, 1),
        Err(_) => (concat!(env!("CARGO_MANIFEST_DIR"), "/seeds").to_string(), 200),
    };
    let mut texts = Vec::new();
    for entry in walk(Path::new(&dir)) {
        if let Ok(text) = std::fs::read_to_string(&entry) {
            texts.push(text);
        }
    }
    let one = texts.clone();
    for _ in 1..repeat {
        texts.extend(one.iter().cloned());
    }
    texts
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Times `f` by the clock, or by this thread's CPU time with `SAIDSO_BENCH_CPU=1`.
fn timed<O>(b: &mut Bencher<'_>, mut f: impl FnMut() -> O) {
    if std::env::var_os("SAIDSO_BENCH_CPU").is_none() {
        return b.iter(f);
    }
    b.iter_custom(|iters| {
        let start = thread_cpu();
        for _ in 0..iters {
            black_box(f());
        }
        thread_cpu().saturating_sub(start)
    });
}

/// How long this thread has run: the first field of Linux's schedstat, in nanoseconds.
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let nanos = stat.split_whitespace().next().and_then(|n| n.parse().ok());
    Duration::from_nanos(nanos.unwrap_or(0))
}

fn bench(c: &mut Criterion) {
    let rules = Rules::builtin();
    let texts = texts();
    let articles: Vec<Article> = texts
        .iter()
        .cloned()
        .filter_map(|text| clean(RawDoc { path: String::new(), text, ..RawDoc::default() }, &rules))
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let extractor = Extractor::builtin();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(
        format!("{} articles, {:.1} MB", articles.len(), bytes as f64 / 1e6),
        |b| timed(b, || articles.iter().map(|a| extractor.extract(a).len()).sum::<usize>()),
    );
    // Reported speech on: every attribution, quoted or not.
    group.bench_function(
        format!("attributions, {} articles, {:.1} MB", articles.len(), bytes as f64 / 1e6),
        |b| timed(b, || articles.iter().map(|a| extractor.attributions(a).len()).sum::<usize>()),
    );
    group.finish();
    python_path(c, &texts, &rules, &extractor);
}

/// What the Python package does per text (`saidso.extract_arrow`, one thread), in Rust alone:
/// the text made a document as the package makes it, cleaned, every attribution found (the
/// headline's too, as the package and `saidso quotes` find them), and its rows made. The
/// throughput counts the texts as given (not as cleaned), like the Python benchmark.
fn python_path(c: &mut Criterion, texts: &[String], rules: &Rules, extractor: &Extractor) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let label = format!("{} texts, {:.1} MB", texts.len(), bytes as f64 / 1e6);
    // As the package makes a document of a text (`sources::text_doc`: a byte-order mark
    // blanked, invisible characters inside words dropped), not a bare copy.
    let cleaned = |text: &String| clean(text_doc(text, None), rules);
    let mut group = c.benchmark_group("python_path");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(format!("clean + attributions, {label}"), |b| {
        timed(b, || {
            let found = texts.iter().filter_map(cleaned);
            found.map(|a| extractor.attributions_with_headline(&a).len()).sum::<usize>()
        })
    });
    group.bench_function(format!("clean + attributions + rows, {label}"), |b| {
        timed(b, || {
            let found = texts.iter().filter_map(cleaned);
            found
                .map(|a| attribution_rows(&a, &extractor.attributions_with_headline(&a)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
