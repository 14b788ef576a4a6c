//! Source readers: a web page through readability extraction, and a JSON Lines dataset through
//! the whole pipeline (streamed, cleaned in parallel batches).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use saidso::clean::Rules;
use saidso::load::{Loaded, load_each};
use saidso::sources::{Input, SEEDS, read};

const PAGE: &str = include_str!("../tests/fixtures/web/article.html");

fn html_page(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let path = dir.path().join("page.html");
    std::fs::write(&path, PAGE).expect("write");
    let input = Input::File(path);
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(PAGE.len() as u64));
    group.bench_function("article page", |b| b.iter(|| std::hint::black_box(read(&input))));
    group.finish();
}

fn jsonl_dataset(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let path = dir.path().join("articles.jsonl");
    let mut data = String::new();
    for i in 0..2000 {
        let (_, text) = SEEDS[i % SEEDS.len()];
        let record = serde_json::json!({"title": format!("Report {i}"), "text": text, "url": format!("https://example.org/{i}")});
        data.push_str(&record.to_string());
        data.push('\n');
    }
    std::fs::write(&path, &data).expect("write");
    let inputs = [Input::File(path)];
    let rules = Rules::builtin();
    let mut group = c.benchmark_group("dataset");
    group.throughput(Throughput::Bytes(data.len() as u64)).sample_size(10);
    group.bench_function("2000 records", |b| {
        b.iter(|| {
            load_each(
                &inputs,
                &rules,
                |a| a.paragraphs.len(),
                |l| {
                    std::hint::black_box(matches!(l, Loaded::Item(_)));
                    Ok::<(), ()>(())
                },
            )
        })
    });
    group.finish();
}

criterion_group!(benches, html_page, jsonl_dataset);
criterion_main!(benches);
