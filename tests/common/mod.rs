//! Helpers shared by the integration tests.
#![allow(dead_code)]

use saidso::clean::{Rules, clean};
use saidso::extract::{Extractor, Quote};
use saidso::model::{Article, Meta};
use saidso::sources::RawDoc;

/// An article cleaned from `text` the way files are.
pub fn article(text: &str) -> Article {
    let raw = RawDoc {
        path: "test.txt".into(),
        text: text.into(),
        title: Some("Test".into()),
        meta: Meta::default(),
    };
    clean(raw, &Rules::builtin()).expect("the test article has prose")
}

/// The quotes of `text`, as (quoted words, speaker) pairs.
pub fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    let a = article(text);
    Extractor::builtin().extract(&a).iter().map(|q| (q.text(&a.text), q.speaker.clone())).collect()
}

/// The full quotes of `text`, with the article they are in.
pub fn full(text: &str) -> (Article, Vec<Quote>) {
    let a = article(text);
    let q = Extractor::builtin().extract(&a);
    (a, q)
}
