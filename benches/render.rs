//! Reader benchmarks: frame time on a 1 MB article, the first frame on a big folder (which must
//! not wait for loading), the first frame with an article in it, and the list filter.
//!
//! By default the folder is generated (2,000 articles from the seeds' paragraphs) so that
//! `cargo bench` works anywhere; `SAIDSO_BENCH_CORPUS=/tmp/corpus-100k cargo bench` uses a real
//! one (made with `make_corpus.py`).

use std::hint::black_box;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use saidso::app::{Action, App, Batch, Command, Entry, Keymap, update};
use saidso::clean::{Rules, clean};
use saidso::config::Config;
use saidso::extract::Extractor;
use saidso::model::RawDoc;
use saidso::sources::SEEDS;
use saidso::tui::Event;
use saidso::tui::background::{Work, spawn_loader};
use saidso::ui::{Theme, render};

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// Size of the generated folder.
const GENERATED_ARTICLES: usize = 2_000;

/// Every paragraph of the seeds.
fn seed_paragraphs() -> Vec<&'static str> {
    SEEDS
        .iter()
        .flat_map(|(_, text)| text.split("\n\n"))
        .map(str::trim)
        .filter(|p| p.len() > 40)
        .collect()
}

/// A small deterministic generator (no RNG crate needed for picking paragraphs).
fn next(state: &mut u64) -> usize {
    *state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (*state >> 33) as usize
}

/// An article of about `bytes` bytes, made of the seeds' paragraphs.
fn long_article(bytes: usize) -> Entry {
    let paragraphs = seed_paragraphs();
    let mut text = String::from("A very long article\n\n");
    let mut state = 1;
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        // A number keeps paragraphs distinct (repeats are dropped by cleaning).
        text.push_str(&format!("{n}. {}\n\n", paragraphs[next(&mut state) % paragraphs.len()]));
    }
    let raw = RawDoc { path: "long.txt".into(), text, ..RawDoc::default() };
    let article = clean(raw, &Rules::builtin()).expect("the long article cleans");
    let quotes = Extractor::builtin().extract(&article);
    Entry::new(article, quotes)
}

fn app_with(entries: Vec<Entry>) -> App {
    let mut app = App::new(Keymap::builtin());
    update(&mut app, Action::Resize { width: WIDTH, height: HEIGHT });
    update(&mut app, Action::Loaded(Batch { entries, ..Batch::default() }));
    update(&mut app, Action::LoadingDone);
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal")
}

fn long_article_frames(c: &mut Criterion) {
    let entry = long_article(1 << 20);
    let mut group = c.benchmark_group("long article (1 MB)");
    group.sample_size(20).measurement_time(Duration::from_secs(3));
    group.bench_function("first wrap + frame", |b| {
        b.iter(|| {
            let app = app_with(vec![entry.clone()]);
            terminal().draw(|f| render(&app, &Theme::default(), f)).map(|_| ()).expect("draw");
            black_box(app.reader.wrapped.row_count())
        })
    });
    let mut app = app_with(vec![entry]);
    update(&mut app, Action::Command(Command::FocusNext));
    for _ in 0..200 {
        update(&mut app, Action::Command(Command::PageDown));
    }
    let theme = Theme::default();
    let mut term = terminal();
    group.bench_function("frame", |b| {
        b.iter(|| term.draw(|f| render(&app, &theme, f)).map(|_| ()).expect("draw"))
    });
    group.bench_function("page down + frame", |b| {
        b.iter(|| {
            update(&mut app, Action::Command(Command::PageDown));
            if app.reader.view.offset == app.reader.max_scroll() {
                update(&mut app, Action::Command(Command::Top));
            }
            term.draw(|f| render(&app, &theme, f)).map(|_| ()).expect("draw")
        })
    });
    group.bench_function("search 'putin' + frame", |b| {
        b.iter(|| {
            update(&mut app, Action::Command(Command::Search));
            for c in "putin".chars() {
                update(&mut app, Action::Type(c));
            }
            update(&mut app, Action::Submit);
            term.draw(|f| render(&app, &theme, f)).map(|_| ()).expect("draw")
        })
    });
    group.finish();
}

/// The folder to load: `SAIDSO_BENCH_CORPUS`, or a generated one.
fn corpus() -> (String, Option<tempfile::TempDir>) {
    if let Ok(dir) = std::env::var("SAIDSO_BENCH_CORPUS") {
        return (dir, None);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    write_corpus(dir.path(), GENERATED_ARTICLES);
    (dir.path().to_string_lossy().into_owned(), Some(dir))
}

fn write_corpus(dir: &Path, n: usize) {
    let paragraphs = seed_paragraphs();
    let mut state = 7;
    for i in 0..n {
        let sub = dir.join(format!("{:04}", i / 1000));
        std::fs::create_dir_all(&sub).expect("corpus folder");
        let mut text = format!("Talks report number {i}\n\nThis is report {i} on the talks.\n\n");
        for _ in 0..6 + next(&mut state) % 9 {
            text.push_str(paragraphs[next(&mut state) % paragraphs.len()]);
            text.push_str("\n\n");
        }
        std::fs::write(sub.join(format!("article-{i:06}.txt")), text).expect("corpus file");
    }
}

/// Starts the reader on `dir` as `tui::run` does, up to the first frame; `until_article` waits
/// for the first article to arrive before drawing.
fn start(dir: &str, until_article: bool) -> Duration {
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    let loader =
        spawn_loader(Some(vec![dir.to_string()]), Vec::new(), Work::new(&Config::builtin()), tx);
    let mut app = App::new(Keymap::builtin());
    update(&mut app, Action::Resize { width: WIDTH, height: HEIGHT });
    while until_article && app.current().is_none() {
        match rx.recv() {
            Ok(Event::Action(action)) => update(&mut app, action),
            _ => break,
        }
    }
    terminal().draw(|f| render(&app, &Theme::default(), f)).map(|_| ()).expect("draw");
    let elapsed = started.elapsed();
    // Stop the loader (it ends at its next hand-over) before the next run; not timed.
    drop(rx);
    let _ = loader.join();
    elapsed
}

fn big_folder(c: &mut Criterion) {
    let (dir, _keep) = corpus();
    let mut group = c.benchmark_group("big folder");
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    group.bench_function("first frame", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| start(&dir, false)).sum())
    });
    group.bench_function("first frame with an article", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| start(&dir, true)).sum())
    });
    // Everything loaded, then the list filter over every title and body.
    let (tx, rx) = mpsc::channel();
    let loader =
        spawn_loader(Some(vec![dir.clone()]), Vec::new(), Work::new(&Config::builtin()), tx);
    let mut app = App::new(Keymap::builtin());
    update(&mut app, Action::Resize { width: WIDTH, height: HEIGHT });
    while let Ok(Event::Action(action)) = rx.recv() {
        update(&mut app, action);
    }
    let _ = loader.join();
    eprintln!("filter benchmark over {} articles", app.library.entries.len());
    group.bench_function("filter: type 'kremlin said'", |b| {
        b.iter(|| {
            update(&mut app, Action::Command(Command::Filter));
            update(&mut app, Action::Command(Command::Cancel));
            update(&mut app, Action::Command(Command::Filter));
            for c in "kremlin said".chars() {
                update(&mut app, Action::Type(c));
            }
            update(&mut app, Action::Submit);
            black_box(app.list.visible.len())
        })
    });
    group.bench_function("filter: one full scan, no match", |b| {
        b.iter(|| {
            app.list.set_filter(&app.library.entries, String::new());
            app.list.set_filter(&app.library.entries, "xyzzy".to_string());
            black_box(app.list.visible.len())
        })
    });
    // The quotes of this corpus are each carried by thousands of articles: every step counts
    // them and compares the selected quote's wording with other articles' versions.
    app.list.set_filter(&app.library.entries, String::new());
    update(&mut app, Action::Command(Command::Top));
    update(&mut app, Action::Command(Command::Open));
    let quotes = app.current().map_or(0, |e| e.quotes.len());
    let also_in = app.speakers.also_in.iter().max().copied().unwrap_or(0);
    eprintln!("next quote benchmark: {quotes} quotes, each in up to {also_in} other articles");
    group.bench_function("next + previous quote, each in thousands of articles", |b| {
        b.iter(|| {
            update(&mut app, Action::Command(Command::NextQuote));
            update(&mut app, Action::Command(Command::PrevQuote));
            black_box(app.speakers.changed.len())
        })
    });
    group.finish();
}

criterion_group!(benches, long_article_frames, big_folder);
criterion_main!(benches);
