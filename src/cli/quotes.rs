//! `saidso quotes`: every quotation with its speaker, for scripts and pipelines.

use std::io::Write;

use super::speakers;
use super::{KindArg, QuotesFormat, StateArgs, finish, inputs, nothing_loaded, stdout};
use crate::app::strings;
use crate::config::Config;
use crate::export::{self, OpenJson, QuoteRow, VerdictNote};
use crate::extract::{Quote, QuoteKind};
use crate::record::{Checked, Records};
use crate::speakers::{QuoteRef, SpeakerId};

/// Which attributions `saidso quotes` prints.
pub(super) struct What<'a> {
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

/// The records to check the quotes against (none: no check).
pub(super) struct RecordArgs<'a> {
    pub paths: &'a [String],
    pub speaker: Option<&'a str>,
}

pub(super) fn run(
    paths: &[String],
    fetched: bool,
    format: QuotesFormat,
    what: What,
    record: RecordArgs,
    state: &StateArgs,
    config: &Config,
) -> anyhow::Result<()> {
    let mut records = if record.paths.is_empty() {
        None
    } else {
        Some(super::check::load_records(record.paths, record.speaker, config)?)
    };
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
        // The quoted words, to check against the record once the speakers are known.
        let texts: Vec<Option<String>> = match &records {
            Some(_) => quotes.iter().map(|q| quoted_words(q, &article.text)).collect(),
            None => Vec::new(),
        };
        (article.id, article.title.clone(), kinds, kept, texts)
    })?;
    if articles.is_empty() {
        return Err(nothing_loaded(paths));
    }
    let roster = index.roster();
    if let Some(records) = &mut records {
        records.identify(&roster, index.digester());
    }
    let selected = what.speaker.map(|name| speakers::select(&roster, &index, name)).transpose()?;
    let mut out = stdout();
    // Nothing written yet: no separator before the next row (JSON) or article (Markdown).
    let mut first = true;
    match format {
        QuotesFormat::Json => write!(out, "[")?,
        QuotesFormat::Tsv if records.is_some() => write!(out, "{}", export::TSV_HEADER_CHECKED)?,
        QuotesFormat::Tsv => write!(out, "{}", export::TSV_HEADER)?,
        QuotesFormat::Jsonl | QuotesFormat::Markdown => {}
    }
    for (id, title, kinds, kept, texts) in &articles {
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
                    if let (Some(records), Some(text)) =
                        (&records, texts.get(quote).map(Option::as_deref))
                    {
                        let who = roster.speaker_of(&index, QuoteRef { article: *id, quote });
                        write_verdict(&mut out, records, text, who.map(|s| s.id))?;
                    }
                    out.write_all(b"}")?;
                    if format == QuotesFormat::Jsonl {
                        out.write_all(b"\n")?;
                    }
                }
            }
            Kept::Rows(rows) => {
                let rows: Vec<QuoteRow> =
                    ids.iter().filter_map(|&(quote, _)| rows.get(quote)).cloned().collect();
                // The record's verdict on each row kept, when there is a record.
                let notes: Vec<Option<VerdictNote>> = match &records {
                    Some(records) => ids
                        .iter()
                        .filter(|&&(quote, _)| quote < kept.len())
                        .map(|&(quote, _)| {
                            let who = roster.speaker_of(&index, QuoteRef { article: *id, quote });
                            let text = texts.get(quote)?.as_deref()?;
                            let checked = check(records, text, who.map(|s| s.id))?;
                            Some(note(records, &checked))
                        })
                        .collect(),
                    None => Vec::new(),
                };
                let text = match format {
                    QuotesFormat::Markdown => {
                        if !first {
                            writeln!(out)?;
                        }
                        export::markdown_checked(title, &rows, &notes)
                    }
                    _ if records.is_some() => export::tsv_checked(&rows, &notes),
                    _ => export::tsv(&rows),
                };
                out.write_all(text.as_bytes())?;
                first = false;
            }
        }
    }
    if format == QuotesFormat::Json {
        writeln!(out, "\n]")?;
    }
    finish(out)
}

/// Writes an open JSON row with its speaker's id (see `saidso speakers`): the row's keys, then
/// `speaker_id`, the object left open.
fn write_identified(
    out: &mut impl Write,
    open: &[u8],
    speaker_id: Option<&str>,
) -> anyhow::Result<()> {
    out.write_all(open)?;
    out.write_all(b",\"speaker_id\":")?;
    serde_json::to_writer(&mut *out, &speaker_id)?;
    Ok(())
}

/// The words of `quote` in quote marks, the record checks (a paraphrase is not checked word by
/// word): several quoted stretches joined as an elision, so they must stand in order.
fn quoted_words(quote: &Quote, article_text: &str) -> Option<String> {
    if quote.kind == QuoteKind::Indirect {
        return None;
    }
    let pieces = if quote.quoted.is_empty() { &quote.pieces } else { &quote.quoted };
    let words: Vec<&str> = pieces.iter().filter_map(|r| article_text.get(r.clone())).collect();
    Some(words.join(" … "))
}

/// Adds the record's verdict on quotation `text` (none for reported speech) to an open JSON
/// row: `verdict` and `said_by`.
fn write_verdict(
    out: &mut impl Write,
    records: &Records,
    text: Option<&str>,
    speaker: Option<SpeakerId>,
) -> anyhow::Result<()> {
    let checked = text.and_then(|text| check(records, text, speaker));
    let verdict = checked.as_ref().map(|c| c.finding.verdict);
    out.write_all(b",\"verdict\":")?;
    serde_json::to_writer(&mut *out, &verdict)?;
    out.write_all(b",\"said_by\":")?;
    serde_json::to_writer(&mut *out, &checked.as_ref().and_then(|c| c.said_by(records)))?;
    Ok(())
}

/// The record's verdict on quotation `text` said by corpus speaker `speaker`.
fn check(records: &Records, text: &str, speaker: Option<SpeakerId>) -> Option<Checked> {
    records.check(text, std::slice::from_ref(&(0..text.len())), speaker)
}

/// A verdict as the TSV and Markdown formats give it.
fn note(records: &Records, checked: &Checked) -> VerdictNote {
    VerdictNote {
        verdict: checked.finding.verdict.name().to_string(),
        said_by: checked.said_by(records).map(str::to_string),
        differences: checked.finding.differences.iter().map(strings::difference).collect(),
    }
}
