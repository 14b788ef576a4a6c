//! Checking quotes against the record: indexing a 1 MB transcript once, and checking many
//! quotations against it (a third verbatim, a third with a word changed, a third invented).
//!
//! The transcript is generated: six speakers' turns of 30 to 200 words drawn from a vocabulary
//! where a few words are very common and most are rare, as in speech.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use saidso::record::{Quoted, Record};

/// A fixed pseudo-random sequence, so that every run measures the same record and quotes.
struct Sequence(u64);

impl Sequence {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    /// A word: one of 40 common ones half the time, else one of 20,000.
    fn word(&mut self) -> String {
        const COMMON: &[&str] = &[
            "the", "of", "and", "to", "a", "in", "that", "is", "we", "it", "for", "not", "this",
            "will", "be", "have", "on", "with", "our", "they", "are", "as", "do", "at", "but",
            "what", "all", "was", "people", "there", "can", "so", "if", "very", "about", "would",
            "which", "more", "one", "i",
        ];
        if self.below(2) == 0 {
            COMMON[self.below(COMMON.len())].to_string()
        } else {
            format!("w{}", self.below(20_000))
        }
    }
}

const SPEAKERS: &[&str] =
    &["PRESIDENT ANNA KOVAL", "Mr Petrov", "Q", "MINISTER LEE", "REPORTER", "DR OKAFOR"];

/// The transcript, and each turn's words with its speaker.
fn transcript(bytes: usize) -> (String, Vec<(usize, Vec<String>)>) {
    let mut seq = Sequence(0x9e37_79b9_7f4a_7c15);
    let (mut text, mut turns) = (String::new(), Vec::new());
    while text.len() < bytes {
        let speaker = seq.below(SPEAKERS.len());
        let words: Vec<String> = (0..30 + seq.below(170)).map(|_| seq.word()).collect();
        text.push_str(&format!("{}: {}.\n\n", SPEAKERS[speaker], words.join(" ")));
        turns.push((speaker, words));
    }
    (text, turns)
}

/// `n` quotations, each with its speaker's flags (in the record's order of speakers).
fn quotations(
    record: &Record,
    turns: &[(usize, Vec<String>)],
    n: usize,
) -> Vec<(String, Vec<bool>)> {
    let mut seq = Sequence(0x2545_f491_4f6c_dd1d);
    (0..n)
        .map(|i| {
            let (speaker, words) = &turns[seq.below(turns.len())];
            let len = 5 + seq.below(20).min(words.len().saturating_sub(6));
            let start = seq.below(words.len() - len);
            let mut quote: Vec<String> = words[start..start + len].to_vec();
            match i % 3 {
                0 => {}
                1 => {
                    let k = seq.below(len);
                    quote[k] = "changed".into();
                }
                _ => quote = (0..len).map(|_| seq.word()).collect(),
            }
            let own = record.turns.speakers.iter().map(|s| s == SPEAKERS[*speaker]).collect();
            (quote.join(" "), own)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let (text, turns) = transcript(1 << 20);
    let mut group = c.benchmark_group("record");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("index 1 MB transcript", |b| {
        b.iter(|| Record::new("bench".into(), text.clone(), None))
    });
    let record = Record::new("bench".into(), text.clone(), None);
    let quotes = quotations(&record, &turns, 10_000);
    group.throughput(Throughput::Elements(quotes.len() as u64));
    group.bench_function("check 10,000 quotations", |b| {
        b.iter(|| {
            quotes
                .iter()
                .map(|(q, own)| record.check(q, &Quoted::new(q), own).verdict as usize)
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
