//! `saidso list`: one line an article.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use super::{ListFormat, StateArgs, finish, inputs, load, nothing_loaded, report, say, stdout};
use crate::config::Config;
use crate::extract::Extractor;
use crate::load::Loaded;
use crate::model::{Article, ArticleId};
use crate::store::Marks;
use crate::text::{clip, escape_json, one_line, pad};

/// What `list` shows of an article (the keys of `--format jsonl`); the text itself is dropped on the worker thread.
#[derive(Debug, Serialize)]
struct Row {
    id: String,
    read: bool,
    starred: bool,
    title: String,
    path: String,
    paragraphs: usize,
    words: usize,
    quotes: usize,
    /// Feed or site name.
    source: Option<String>,
    /// Link to the article on the web.
    url: Option<String>,
    /// Publication date as the source gives it.
    date: Option<String>,
}

impl Row {
    fn of(article: Article, extractor: &Extractor, marks: &HashMap<ArticleId, Marks>) -> Self {
        let marks = marks.get(&article.id).copied().unwrap_or_default();
        Row {
            id: article.id.to_string(),
            read: marks.read,
            starred: marks.starred,
            quotes: extractor.attributions_with_headline(&article).len(),
            paragraphs: article.paragraphs.len(),
            words: article.word_count(),
            title: article.title,
            path: article.path,
            source: article.meta.site,
            url: article.meta.url,
            date: article.meta.date,
        }
    }
}

pub(super) fn run(
    paths: &[String],
    fetched: bool,
    format: ListFormat,
    state: &StateArgs,
    config: &Config,
) -> anyhow::Result<()> {
    let inputs = inputs(paths, fetched, state);
    let extractor = &config.extractor;
    // Every mark in one query: a lookup per article would make a long list slow.
    let marks = state.open_to_read().all_marks().unwrap_or_else(|e| {
        say(format_args!("{e}"));
        HashMap::new()
    });
    let mut out = stdout();
    // The header comes with the first row: nothing at all when nothing loads.
    let mut header = format != ListFormat::Jsonl;
    let count = load(
        &inputs,
        config,
        &mut out,
        |a| Row::of(a, extractor, &marks),
        |out, loaded| -> anyhow::Result<()> {
            if header && matches!(loaded, Loaded::Item(_)) {
                header = false;
                if format == ListFormat::Tsv {
                    writeln!(out, "{TSV_HEADER}")?;
                } else {
                    writeln!(
                        out,
                        "{:<16}  {:<4}  {:>5}  {:>6}  {:>6}  {:<10}  {:<20}  {:<60}  PATH",
                        "ID", "MARK", "PARAS", "WORDS", "QUOTES", "DATE", "SOURCE", "TITLE"
                    )?;
                }
            }
            match loaded {
                Loaded::Problem(p) => report(&p),
                Loaded::Item(row) => match format {
                    ListFormat::Jsonl => {
                        writeln!(out, "{}", escape_json(serde_json::to_string(&row)?))?
                    }
                    ListFormat::Tsv => writeln!(out, "{}", tsv_line(&row))?,
                    ListFormat::Table => writeln!(
                        out,
                        "{}  {:<4}  {:>5}  {:>6}  {:>6}  {:<10}  {}  {}  {}",
                        row.id,
                        mark_column(&row),
                        row.paragraphs,
                        row.words,
                        row.quotes,
                        // The day is enough in a table; a time zone would not fit.
                        row.date
                            .as_deref()
                            .map_or("-".to_string(), |d| d.chars().take(10).collect()),
                        // Clipped and padded by display width: CJK titles line up too.
                        pad(&clip(row.source.as_deref().unwrap_or("-"), 20), 20),
                        pad(&clip(&row.title, 60), 60),
                        one_line(&row.path)
                    )?,
                },
            }
            Ok(())
        },
    )?;
    if count == 0 {
        return Err(nothing_loaded(paths, fetched));
    }
    finish(out)
}

/// The header line of `--format tsv`: the keys of `--format jsonl`, in their order.
const TSV_HEADER: &str =
    "id\tread\tstarred\ttitle\tpath\tparagraphs\twords\tquotes\tsource\turl\tdate";

/// A row as `--format tsv` gives it: each text on one line, with no tab or control character
/// (titles and file names are the articles' own), and an empty field for a missing value.
fn tsv_line(row: &Row) -> String {
    let text = |s: Option<&str>| one_line(s.unwrap_or_default());
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        row.id,
        row.read,
        row.starred,
        one_line(&row.title),
        one_line(&row.path),
        row.paragraphs,
        row.words,
        row.quotes,
        text(row.source.as_deref()),
        text(row.url.as_deref()),
        text(row.date.as_deref()),
    )
}

/// The marks as the table shows them: `N` for unread (new), `*` for starred, as in mail readers.
fn mark_column(row: &Row) -> String {
    let unread = if row.read { ' ' } else { 'N' };
    let star = if row.starred { '*' } else { ' ' };
    format!("{unread}{star}")
}
