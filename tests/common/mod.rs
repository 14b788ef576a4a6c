//! Helpers shared by the integration tests.
#![allow(dead_code)]

use saidso::clean::{Rules, clean};
use saidso::model::Article;
use saidso::sources::{RawDoc, SEEDS};

/// The five seed articles, cleaned with the built-in rules, in path order.
pub fn seed_articles() -> Vec<Article> {
    let rules = Rules::builtin();
    SEEDS
        .iter()
        .map(|&(name, text)| {
            let raw = RawDoc { path: name.into(), text: text.into(), ..RawDoc::default() };
            clean(raw, &rules).expect("every seed has prose")
        })
        .collect()
}

/// An article cleaned from `text`.
pub fn article(text: &str) -> Option<Article> {
    let raw = RawDoc { path: "test.txt".into(), text: text.into(), ..RawDoc::default() };
    clean(raw, &Rules::builtin())
}
pub mod server;
