//! `saidso quotes`: every quotation with its speaker, for scripts and pipelines.

use std::io::Write;

use super::speakers;
use super::{KindArg, QuotesFormat, StateArgs, finish, inputs, nothing_loaded, stdout};
use crate::config::Config;
use crate::export::{self, OpenJson, QuoteRow};
use crate::extract::QuoteKind;

/// Which attributions `saidso quotes` prints.
pub struct What<'a> {
    /// Only this speaker's.
    pub speaker: Option<&'a str>,
    /// Only quoted words, as quotations (`--quoted`).
    pub quoted: bool,
    /// Only these kinds (all when empty).
    pub kinds: &'a [KindArg],
}

impl What<'_> {
    fn keeps(&self, kind: QuoteKind) -> bool {
        let arg = match kind {
            QuoteKind::Direct => KindArg::Direct,
            QuoteKind::Partial => KindArg::Partial,
            QuoteKind::Indirect => KindArg::Indirect,
        };
        self.kinds.is_empty() || self.kinds.contains(&arg)
    }
}

/// What is kept of an article's quotes until every article is read: for the JSON formats, the
/// rows already written (on the loading threads, and far smaller than the rows); for the others,
/// the rows.
enum Kept {
    Json(OpenJson),
    Rows(Vec<QuoteRow>),
}

impl Kept {
    fn len(&self) -> usize {
        match self {
            Kept::Json(json) => json.len(),
            Kept::Rows(rows) => rows.len(),
        }
    }
}

pub fn run(
    paths: &[String],
    fetched: bool,
    format: QuotesFormat,
    what: What,
    state: &StateArgs,
    config: &Config,
) -> anyhow::Result<()> {
    // Speaker ids hold across articles, so every article is read before the first line is
    // written.
    let inputs = inputs(paths, fetched, state);
    let json = matches!(format, QuotesFormat::Jsonl | QuotesFormat::Json);
    // The forms of the names only make the speakers' variants, which are not printed here.
    let all = !what.quoted;
    let (index, articles) = speakers::load(&inputs, config, false, all, |article, quotes| {
        let rows = if all {
            export::attribution_rows(article, quotes)
        } else {
            export::rows(article, quotes)
        };
        let kinds: Vec<QuoteKind> = quotes.iter().map(|q| q.kind).collect();
        let kept = if json { OpenJson::new(&rows).map(Kept::Json) } else { Ok(Kept::Rows(rows)) };
        (article.id, article.title.clone(), kinds, kept)
    })?;
    if articles.is_empty() {
        return Err(nothing_loaded(paths));
    }
    let roster = index.roster();
    let selected = what.speaker.map(|name| speakers::select(&roster, &index, name)).transpose()?;
    let mut out = stdout();
    // Nothing written yet: no separator before the next row (JSON) or article (Markdown).
    let mut first = true;
    match format {
        QuotesFormat::Json => write!(out, "[")?,
        QuotesFormat::Tsv => write!(out, "{}", export::TSV_HEADER)?,
        QuotesFormat::Jsonl | QuotesFormat::Markdown => {}
    }
    for (id, title, kinds, kept) in &articles {
        let kept = kept.as_ref().map_err(|e| anyhow::anyhow!("{e}"))?;
        let mut ids = speakers::identify(&index, &roster, *id, kept.len(), selected.as_deref());
        ids.retain(|&(quote, _)| kinds.get(quote).is_some_and(|&k| what.keeps(k)));
        if ids.is_empty() && selected.is_some() {
            continue;
        }
        match kept {
            Kept::Json(json) => {
                for &(quote, speaker_id) in &ids {
                    let Some(open) = json.row(quote) else { continue };
                    let separator = match format {
                        QuotesFormat::Json if first => "\n  ",
                        QuotesFormat::Json => ",\n  ",
                        _ => "",
                    };
                    first = false;
                    out.write_all(separator.as_bytes())?;
                    write_identified(&mut out, open, speaker_id)?;
                    if format == QuotesFormat::Jsonl {
                        out.write_all(b"\n")?;
                    }
                }
            }
            Kept::Rows(rows) => {
                let rows: Vec<QuoteRow> =
                    ids.iter().filter_map(|&(quote, _)| rows.get(quote)).cloned().collect();
                match format {
                    QuotesFormat::Markdown => {
                        if !first {
                            writeln!(out)?;
                        }
                        out.write_all(export::markdown(title, &rows).as_bytes())?;
                    }
                    _ => out.write_all(export::tsv(&rows).as_bytes())?,
                }
                first = false;
            }
        }
    }
    if format == QuotesFormat::Json {
        writeln!(out, "\n]")?;
    }
    finish(out)
}

/// Finishes an open JSON row with its speaker's id (see `saidso speakers`): the row's keys, then
/// `speaker_id`.
fn write_identified(
    out: &mut impl Write,
    open: &[u8],
    speaker_id: Option<&str>,
) -> anyhow::Result<()> {
    out.write_all(open)?;
    out.write_all(b",\"speaker_id\":")?;
    serde_json::to_writer(&mut *out, &speaker_id)?;
    out.write_all(b"}")?;
    Ok(())
}
