//! Any speaker names and quotations, however broken, give an index without a panic, and word
//! differences whose ranges slice their texts on character boundaries.

use proptest::prelude::*;
use saidso::extract::{Quote, QuoteKind, SpeakerKind};
use saidso::model::{Article, ArticleId, Meta};
use saidso::speakers::{Index, QuoteRef, word_diff};

fn kind(k: u8) -> SpeakerKind {
    match k % 3 {
        0 => SpeakerKind::Person,
        1 => SpeakerKind::Organisation,
        _ => SpeakerKind::Unknown,
    }
}

/// An article of `text` with one quote per (speaker, start, length), clamped to char boundaries.
fn article(text: String, quotes: &[(String, u8, usize, usize)]) -> (Article, Vec<Quote>) {
    let boundary = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let quotes = quotes
        .iter()
        .map(|(speaker, k, start, len)| {
            let s = boundary(*start);
            let e = boundary(s.saturating_add(*len)).max(s);
            Quote {
                pieces: std::iter::once(s..e).collect(),
                quoted: std::iter::once(s..e).collect(),
                kind: QuoteKind::Direct,
                speaker: Some(speaker.clone()).filter(|s| !s.is_empty()),
                speaker_kind: Some(kind(*k)),
                mention: None,
                cue: None,
            }
        })
        .collect();
    let end = text.len();
    let article = Article {
        id: ArticleId::of(&text),
        path: "p.txt".into(),
        title: "t".into(),
        paragraphs: std::iter::once(0..end).collect(),
        text,
        meta: Meta::default(),
        offsets: Default::default(),
    };
    (article, quotes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_names_and_quotes_index_without_panic(
        docs in prop::collection::vec(
            (".{0,300}", prop::collection::vec((".{0,40}", any::<u8>(), 0usize..400, 0usize..200), 0..6)),
            1..6,
        ),
        query in ".{0,30}",
    ) {
        let mut index = Index::default();
        let docs: Vec<(Article, Vec<Quote>)> =
            docs.into_iter().map(|(text, quotes)| article(text, &quotes)).collect();
        for (a, q) in &docs {
            index.add(a, q);
        }
        let roster = index.roster();
        let named = docs.iter().flat_map(|(_, q)| q).filter(|q| q.speaker.is_some()).count();
        let counted: usize = roster.speakers().iter().map(|s| s.quotes.len()).sum();
        prop_assert!(counted <= named);
        let _ = roster.find(&query, index.digester());
        for (a, q) in &docs {
            for i in 0..q.len() {
                let r = QuoteRef { article: a.id, quote: i };
                let _ = roster.speaker_of(&index, r);
                let same = index.same_statement(r);
                prop_assert!(same.is_empty() || same.contains(&r));
                let _ = index.next_article(r);
            }
        }
    }

    #[test]
    fn word_diff_ranges_slice_both_texts(a in ".{0,200}", b in ".{0,200}") {
        let (ma, mb) = word_diff(&a, &b);
        for (text, marks) in [(&a, &ma), (&b, &mb)] {
            for m in marks {
                prop_assert!(text.get(m.range.clone()).is_some());
            }
        }
    }
}
