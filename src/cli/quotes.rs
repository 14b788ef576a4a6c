//! `saidso quotes`: every quotation with its speaker, for scripts and pipelines.

use std::io::Write;

use super::{QuotesFormat, StateArgs, finish, inputs, load, nothing_loaded, report, stdout};
use crate::export::{self, QuoteRow};
use crate::extract::Extractor;
use crate::load::Loaded;

pub fn run(
    paths: &[String],
    fetched: bool,
    format: QuotesFormat,
    state: &StateArgs,
) -> anyhow::Result<()> {
    let inputs = inputs(paths, fetched, state);
    let extractor = Extractor::builtin();
    let mut out = stdout();
    let mut first = true;
    match format {
        QuotesFormat::Json => write!(out, "[")?,
        QuotesFormat::Tsv => write!(out, "{}", export::TSV_HEADER)?,
        QuotesFormat::Jsonl | QuotesFormat::Markdown => {}
    }
    let count = load(
        &inputs,
        |article| {
            let rows = export::rows(&article, &extractor.extract(&article));
            (article.title, rows)
        },
        |loaded| -> anyhow::Result<()> {
            let (title, rows) = match loaded {
                Loaded::Problem(p) => {
                    report(&p);
                    return Ok(());
                }
                Loaded::Item(item) => item,
            };
            match format {
                QuotesFormat::Jsonl => out.write_all(export::jsonl(&rows).as_bytes())?,
                QuotesFormat::Tsv => out.write_all(export::tsv(&rows).as_bytes())?,
                QuotesFormat::Markdown => {
                    if !first {
                        writeln!(out)?;
                    }
                    out.write_all(export::markdown(&title, &rows).as_bytes())?;
                }
                QuotesFormat::Json => write_json(&mut out, &rows, &mut first)?,
            }
            first = false;
            Ok(())
        },
    )?;
    if format == QuotesFormat::Json {
        writeln!(out, "\n]")?;
    }
    if count == 0 {
        return Err(nothing_loaded(paths));
    }
    finish(out)
}

/// Writes rows as elements of one JSON array, streaming.
fn write_json(out: &mut impl Write, rows: &[QuoteRow], first: &mut bool) -> anyhow::Result<()> {
    for row in rows {
        write!(out, "{}\n  {}", if *first { "" } else { "," }, serde_json::to_string(row)?)?;
        *first = false;
    }
    Ok(())
}
