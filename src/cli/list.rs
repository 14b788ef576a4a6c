//! `saidso list`: one line an article.

use std::io::Write;

use serde::Serialize;

use super::{ListFormat, finish, inputs, nothing_loaded, report, rules, stdout};
use crate::extract::Extractor;
use crate::load::{Loaded, load_each};
use crate::model::Article;

/// What `list` shows of an article; the text itself is dropped on the worker thread.
#[derive(Debug, Serialize)]
struct Row {
    id: String,
    title: String,
    path: String,
    paragraphs: usize,
    words: usize,
    quotes: usize,
}

impl Row {
    fn of(article: Article, extractor: &Extractor) -> Self {
        Row {
            id: article.id.to_string(),
            quotes: extractor.extract(&article).len(),
            paragraphs: article.paragraphs.len(),
            words: article.word_count(),
            title: article.title,
            path: article.path,
        }
    }
}

pub fn run(paths: &[String], format: ListFormat) -> anyhow::Result<()> {
    let inputs = inputs(paths);
    let extractor = Extractor::builtin();
    let mut out = stdout();
    if format == ListFormat::Table {
        writeln!(
            out,
            "{:<16}  {:>5}  {:>6}  {:>6}  {:<60}  PATH",
            "ID", "PARAS", "WORDS", "QUOTES", "TITLE"
        )?;
    }
    let count = load_each(
        &inputs,
        &rules(),
        |a| Row::of(a, &extractor),
        |loaded| -> anyhow::Result<()> {
            match loaded {
                Loaded::Problem(p) => report(&p),
                Loaded::Item(row) => match format {
                    ListFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(&row)?)?,
                    ListFormat::Table => writeln!(
                        out,
                        "{}  {:>5}  {:>6}  {:>6}  {:<60}  {}",
                        row.id,
                        row.paragraphs,
                        row.words,
                        row.quotes,
                        clip(&row.title, 60),
                        row.path
                    )?,
                },
            }
            Ok(())
        },
    )?;
    if count == 0 {
        return Err(nothing_loaded(paths));
    }
    finish(out)
}

/// `s` cut to `width` characters, with `…` when cut.
fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width - 1).collect();
    out.push('…');
    out
}
