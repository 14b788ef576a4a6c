//! The state store on a real file: reading every mark at once (what `saidso list` does, so it must
//! stay fast for 100,000 articles), opening the file (integrity check included), and one change
//! (a committed transaction).

use criterion::{Criterion, criterion_group, criterion_main};
use saidso::model::ArticleId;
use saidso::store::Store;

const MARKED: u64 = 100_000;

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.sqlite3");
    let (mut store, _) = Store::open(&path);
    for i in 0..MARKED {
        store
            .set_read(ArticleId(i.wrapping_mul(0x9e37_79b9_7f4a_7c15)), i % 3 == 0)
            .expect("saved");
    }
    let mut group = c.benchmark_group("store");
    group.sample_size(20);
    group.bench_function(format!("all_marks of {MARKED}"), |b| {
        b.iter(|| store.all_marks().expect("read").len())
    });
    group.bench_function(format!("open with {MARKED} marked"), |b| {
        b.iter(|| Store::open(&path).1.len())
    });
    let mut i = 0u64;
    group.bench_function("set_starred (one commit)", |b| {
        b.iter(|| {
            i += 1;
            store.set_starred(ArticleId(i), i.is_multiple_of(2)).expect("saved")
        })
    });
    group.finish();
}

criterion_group!(benches, store);
criterion_main!(benches);
