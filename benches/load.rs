//! Load + clean throughput: cleaning alone on the seeds, and the whole parallel pipeline over a
//! folder of files. `SAIDSO_BENCH_CORPUS=/tmp/corpus-100k` points the second at a real corpus
//! (made by `../shared/tools/make_corpus.py`); without it a folder of 2,000 articles is generated.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use saidso::clean::{Rules, clean};
use saidso::load::{Loaded, load_each};
use saidso::model::RawDoc;
use saidso::sources::{SEEDS, discover};

fn clean_seeds(c: &mut Criterion) {
    let rules = Rules::builtin();
    let bytes: usize = SEEDS.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("seeds", |b| {
        b.iter(|| {
            for &(name, text) in &SEEDS {
                let raw = RawDoc { path: name.into(), text: text.into(), ..RawDoc::default() };
                std::hint::black_box(clean(raw, &rules));
            }
        })
    });
    group.finish();
}

fn load_folder(c: &mut Criterion) {
    let generated;
    let root = match std::env::var("SAIDSO_BENCH_CORPUS") {
        Ok(path) => path,
        Err(_) => {
            generated = tempfile::TempDir::new().expect("temp dir");
            for i in 0..2000 {
                let (_, text) = SEEDS[i % SEEDS.len()];
                let path = generated.path().join(format!("{:02}/a{i:05}.txt", i / 100));
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                std::fs::write(path, format!("Report number {i}\n\n{text}")).expect("write");
            }
            generated.path().display().to_string()
        }
    };
    let (inputs, _) = discover(&[root]);
    let bytes: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            saidso::sources::Input::File(p) => std::fs::metadata(p).ok(),
            _ => None,
        })
        .map(|m| m.len())
        .sum();
    let rules = Rules::builtin();
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(bytes)).sample_size(10);
    group.bench_function(format!("{} files", inputs.len()), |b| {
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

criterion_group!(benches, clean_seeds, load_folder);
criterion_main!(benches);
