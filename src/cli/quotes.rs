//! `saidso quotes`: every quotation with its speaker, for scripts and pipelines.

use std::io::Write;

use super::speakers::{self, IdentifiedRow};
use super::{QuotesFormat, StateArgs, finish, inputs, nothing_loaded, stdout};
use crate::config::Config;
use crate::export::{self, QuoteRow};

pub fn run(
    paths: &[String],
    fetched: bool,
    format: QuotesFormat,
    speaker: Option<&str>,
    state: &StateArgs,
    config: &Config,
) -> anyhow::Result<()> {
    // Speaker ids hold across articles, so every article is read before the first line is
    // written.
    let inputs = inputs(paths, fetched, state);
    // The forms of the names only make the speakers' variants, which are not printed here.
    let (index, articles) = speakers::load(&inputs, config, false, |article, quotes| {
        (article.id, article.title.clone(), export::rows(article, quotes))
    })?;
    if articles.is_empty() {
        return Err(nothing_loaded(paths));
    }
    let roster = index.roster();
    let selected = speaker.map(|name| speakers::select(&roster, &index, name)).transpose()?;
    let mut out = stdout();
    let mut first = true;
    match format {
        QuotesFormat::Json => write!(out, "[")?,
        QuotesFormat::Tsv => write!(out, "{}", export::TSV_HEADER)?,
        QuotesFormat::Jsonl | QuotesFormat::Markdown => {}
    }
    for (id, title, rows) in &articles {
        let rows = speakers::identify(&index, &roster, *id, rows, selected.as_deref());
        if rows.is_empty() && selected.is_some() {
            continue;
        }
        let plain = || rows.iter().map(|r| r.row().clone()).collect::<Vec<QuoteRow>>();
        match format {
            QuotesFormat::Jsonl => {
                for row in &rows {
                    writeln!(out, "{}", row.json()?)?;
                }
            }
            QuotesFormat::Tsv => out.write_all(export::tsv(&plain()).as_bytes())?,
            QuotesFormat::Markdown => {
                if !first {
                    writeln!(out)?;
                }
                out.write_all(export::markdown(title, &plain()).as_bytes())?;
            }
            QuotesFormat::Json => write_json(&mut out, &rows, &mut first)?,
        }
        first = false;
    }
    if format == QuotesFormat::Json {
        writeln!(out, "\n]")?;
    }
    finish(out)
}

/// Writes rows as elements of one JSON array.
fn write_json(
    out: &mut impl Write,
    rows: &[IdentifiedRow],
    first: &mut bool,
) -> anyhow::Result<()> {
    for row in rows {
        write!(out, "{}\n  {}", if *first { "" } else { "," }, row.json()?)?;
        *first = false;
    }
    Ok(())
}
