//! `saidso quotes`: every quotation with its speaker, for scripts and pipelines.

use std::io::Write;

use super::speakers;
use super::spill::{Pieces, Spill};
use super::{KindArg, QuotesFormat, StateArgs, finish, inputs, nothing_loaded, report, stdout};
use crate::app::strings;
use crate::config::Config;
use crate::export::{self, OpenJson, QuoteRow, VerdictNote};
use crate::extract::{Quote, QuoteKind};
use crate::load::Loaded;
use crate::model::{Article, ArticleId};
use crate::record::{Checked, Records, identity, quoted};
use crate::sources::Input;
use crate::speakers::{Digester, QuoteRef, SpeakerId};

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
    if what.quoted && !what.kinds.is_empty() && what.kinds.iter().all(|k| *k == KindArg::Indirect) {
        anyhow::bail!(
            "`--quoted` lists quoted words, and indirect speech has none: \
             leave out `--quoted`, or add `direct` or `partial` to `--kind`"
        );
    }
    let mut records = if record.paths.is_empty() {
        None
    } else {
        let records =
            super::check::load_records(record.paths, record.speaker, "--record-speaker", config)?;
        super::check::say_warnings(&records);
        Some(records)
    };
    let inputs = inputs(paths, fetched, state);
    let json = matches!(format, QuotesFormat::Jsonl | QuotesFormat::Json);
    // Rows with no speaker id, chosen by no speaker and checked against no record need no other
    // article: they are written as their article finishes.
    if !json && what.speaker.is_none() && records.is_none() {
        return stream(&inputs, paths, fetched, format, &what, config);
    }
    let (index, articles, mut pieces) =
        set_aside(&inputs, format, &what, records.is_some(), config)?;
    if articles.is_empty() {
        return Err(nothing_loaded(paths, fetched));
    }
    let roster = index.roster();
    if let Some(records) = &mut records {
        records.identify(&roster, index.digester());
    }
    let selected = what.speaker.map(|name| speakers::select(&roster, &index, name)).transpose()?;
    // Each speaker's `speaker_id` as JSON, made once rather than at each of its rows.
    let ids_json: Vec<String> = if json {
        let slugs = roster.speakers().iter().map(|s| serde_json::to_string(&s.slug));
        slugs.collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    let id_json = |speaker: Option<SpeakerId>| {
        speaker.and_then(|s| ids_json.get(s.0 as usize)).map_or("null", String::as_str)
    };
    let mut out = stdout();
    // Nothing written yet: no separator before the next row (JSON) or article (Markdown).
    let mut first = true;
    match format {
        QuotesFormat::Json => write!(out, "[")?,
        QuotesFormat::Tsv if records.is_some() => write!(out, "{}", export::TSV_HEADER_CHECKED)?,
        QuotesFormat::Tsv => write!(out, "{}", export::TSV_HEADER)?,
        QuotesFormat::Jsonl | QuotesFormat::Markdown => {}
    }
    let mut kinds = articles.kinds.iter();
    let mut read = Read::default();
    for &(id, count) in &articles.list {
        let article_kinds: Vec<QuoteKind> = kinds.by_ref().take(count).copied().collect();
        let mut ids = speakers::identify(&index, &roster, id, count, selected.as_deref());
        ids.retain(|&(quote, _)| article_kinds.get(quote).is_some_and(|&k| what.keeps(k)));
        if json && records.is_none() {
            // Read back and written a row at a time: a huge article's rows are never all in
            // memory.
            let mut wanted = ids.iter().peekable();
            pieces.next_into(&mut read.head)?;
            for quote in 0..count {
                let Some(&(_, speaker_id)) = wanted.next_if(|(q, _)| *q == quote) else {
                    pieces.copy_next(&mut std::io::sink())?;
                    continue;
                };
                out.write_all(separator(format, &mut first).as_bytes())?;
                out.write_all(&read.head)?;
                pieces.copy_next(&mut out)?;
                write_id(&mut out, id_json(speaker_id))?;
                out.write_all(if format == QuotesFormat::Jsonl { b"}\n" } else { b"}" })?;
            }
            continue;
        }
        read.article(&mut pieces, format, count, records.is_some())?;
        if ids.is_empty() && selected.is_some() {
            continue;
        }
        let texts = &read.texts;
        if json {
            for &(quote, speaker_id) in &ids {
                let Some(open) = read.rows.get(quote) else { continue };
                out.write_all(separator(format, &mut first).as_bytes())?;
                out.write_all(&read.head)?;
                write_identified(&mut out, open, id_json(speaker_id))?;
                if let (Some(records), Some(text)) =
                    (&records, texts.get(quote).map(Option::as_deref))
                {
                    let who = roster.speaker_of(&index, QuoteRef { article: id, quote });
                    write_verdict(&mut out, records, text, who.map(|s| s.id))?;
                }
                out.write_all(b"}")?;
                if format == QuotesFormat::Jsonl {
                    out.write_all(b"\n")?;
                }
            }
            continue;
        }
        let rows = ids
            .iter()
            .filter_map(|&(quote, _)| read.rows.get(quote))
            .map(|row| serde_json::from_slice(row))
            .collect::<Result<Vec<QuoteRow>, _>>()?;
        // The record's verdict on each row kept, when there is a record.
        let notes: Vec<Option<VerdictNote>> = match &records {
            Some(records) => ids
                .iter()
                .filter(|&&(quote, _)| quote < count)
                .map(|&(quote, _)| {
                    let who = roster.speaker_of(&index, QuoteRef { article: id, quote });
                    let text = texts.get(quote)?.as_deref()?;
                    let checked = check(records, text, who.map(|s| s.id))?;
                    Some(note(records, text, &checked))
                })
                .collect(),
            None => Vec::new(),
        };
        let text = match format {
            QuotesFormat::Markdown => {
                if !first {
                    writeln!(out)?;
                }
                export::markdown_checked(&read.title, &rows, &notes)
            }
            _ if records.is_some() => export::tsv_checked(&rows, &notes),
            _ => export::tsv(&rows),
        };
        out.write_all(text.as_bytes())?;
        first = false;
    }
    if format == QuotesFormat::Json {
        writeln!(out, "\n]")?;
    }
    finish(out)
}

/// The rows as TSV or Markdown, each article's written as it finishes.
fn stream(
    inputs: &[Input],
    paths: &[String],
    fetched: bool,
    format: QuotesFormat,
    what: &What,
    config: &Config,
) -> anyhow::Result<()> {
    let extractor = &config.extractor;
    let mut out = stdout();
    let mut first = true;
    let count = super::load(
        inputs,
        config,
        &mut out,
        |article| {
            let quotes = if what.quoted {
                extractor.extract(&article)
            } else {
                extractor.attributions_with_headline(&article)
            };
            let rows = quotes.iter().map(|q| export::row(&article, q, !what.quoted));
            let rows = rows.filter(|r| what.keeps(r.kind));
            match format {
                QuotesFormat::Markdown => {
                    export::markdown(&article.title, &rows.collect::<Vec<_>>())
                }
                // A row at a time: a huge article's rows are never all in memory beside their text.
                _ => rows.map(|r| export::tsv(std::slice::from_ref(&r))).collect(),
            }
        },
        |out, loaded| {
            match loaded {
                Loaded::Problem(p) => report(&p),
                Loaded::Item(text) => {
                    match format {
                        QuotesFormat::Markdown if !first => writeln!(out)?,
                        QuotesFormat::Tsv if first => write!(out, "{}", export::TSV_HEADER)?,
                        _ => {}
                    }
                    first = false;
                    out.write_all(text.as_bytes())?;
                }
            }
            Ok(())
        },
    )?;
    if count == 0 {
        return Err(nothing_loaded(paths, fetched));
    }
    finish(out)
}

/// The articles whose rows are set aside: each one's id and number of rows, in loading order,
/// and the kind of every row.
#[derive(Default)]
struct SetAside {
    list: Vec<(ArticleId, usize)>,
    kinds: Vec<QuoteKind>,
}

impl SetAside {
    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// One article as made on a loading thread, to be set aside.
struct Made {
    id: ArticleId,
    /// For the JSON formats: the keys every row of the article starts with (see
    /// [`export::json_head`]), set aside once before the rows, which go without them.
    head: Option<Vec<u8>>,
    /// For Markdown: the title the rows go under.
    title: Option<String>,
    kinds: Vec<QuoteKind>,
    rows: MadeRows,
    /// With a record: the quoted words of each row, to check once the speakers are known.
    texts: Option<Vec<Option<String>>>,
}

/// An article's rows as they are set aside.
enum MadeRows {
    /// Open JSON objects without their [`Made::head`] (the JSON formats).
    Open(OpenJson),
    /// Each row as JSON (the other formats), to be read back as a [`QuoteRow`].
    Json(Vec<Vec<u8>>),
    /// A huge article and its quotes, the rows still to make (see [`HUGE`]).
    Later(Box<(Article, Vec<Quote>)>),
}

impl MadeRows {
    fn len(&self) -> usize {
        match self {
            MadeRows::Open(open) => open.len(),
            MadeRows::Json(rows) => rows.len(),
            MadeRows::Later(later) => later.1.len(),
        }
    }
}

/// An article longer than this has its rows made only as they are set aside, a row at a time:
/// made at once, they would be in memory together, several times the article's size.
const HUGE: usize = 1 << 20;

/// Loads every input into a speakers index, and sets every article's rows aside in a
/// [`Spill`], in loading order: for each article, its title (Markdown) or the keys its JSON
/// rows share (JSON), its rows, then the quoted words of each row (with a record). Only the
/// index and a few numbers a row stay in memory.
fn set_aside(
    inputs: &[Input],
    format: QuotesFormat,
    what: &What,
    checked: bool,
    config: &Config,
) -> anyhow::Result<(crate::speakers::Index, SetAside, Pieces)> {
    let json = matches!(format, QuotesFormat::Jsonl | QuotesFormat::Json);
    let all = !what.quoted;
    let mut spill = Spill::new();
    let mut articles = SetAside::default();
    // Set aside in the loading order, on this thread, as each article comes.
    let mut set = |made: Made| -> anyhow::Result<()> {
        if let Some(title) = &made.title {
            spill.push(Some(title.as_bytes()))?;
        }
        if let Some(head) = &made.head {
            spill.push(Some(head))?;
        }
        match &made.rows {
            MadeRows::Open(open) => open.rows().try_for_each(|row| spill.push(Some(row)))?,
            MadeRows::Json(rows) => rows.iter().try_for_each(|row| spill.push(Some(row)))?,
            MadeRows::Later(later) => {
                let (article, quotes) = &**later;
                let mut open = OpenJson::default();
                for q in quotes {
                    if json {
                        open.clear();
                        open.push_quote(article, q, all);
                        spill.push(open.row(0))?;
                    } else {
                        let row = export::row(article, q, all);
                        spill.push(Some(&serde_json::to_vec(&row)?))?;
                    }
                }
            }
        }
        for text in made.texts.iter().flatten() {
            spill.push(text.as_deref().map(str::as_bytes))?;
        }
        articles.list.push((made.id, made.rows.len()));
        articles.kinds.extend(made.kinds);
        Ok(())
    };
    let index = speakers::load_with(
        inputs,
        config,
        false,
        all,
        |article, quotes| {
            let title = (format == QuotesFormat::Markdown).then(|| article.title.clone());
            let kinds = quotes.iter().map(|q| q.kind).collect();
            // The quoted words, to check against the record once the speakers are known.
            let digester = &config.digester;
            let words = |q| quoted_words(q, &article.text, digester);
            let texts = checked.then(|| quotes.iter().map(words).collect());
            let id = article.id;
            let head = json.then(|| export::json_head(&article));
            if article.text.len() > HUGE {
                let rows = MadeRows::Later(Box::new((article, quotes)));
                return Ok(Made { id, head, title, kinds, rows, texts });
            }
            let rows = if json {
                // Straight from the quotes: no row's strings are copied.
                let mut open = OpenJson::default();
                quotes.iter().for_each(|q| open.push_quote(&article, q, all));
                Ok(MadeRows::Open(open))
            } else {
                // A row at a time: the rows are never all in memory beside their JSON.
                let row = |q| export::row(&article, q, all);
                let each = quotes.iter().map(|q| serde_json::to_vec(&row(q)));
                each.collect::<Result<_, _>>().map(MadeRows::Json)
            };
            rows.map(|rows| Made { id, head, title, kinds, rows, texts })
        },
        |made| set(made?),
    )?;
    Ok((index, articles, spill.read_back()?))
}

/// The pieces of one article read back from the spill.
#[derive(Default)]
struct Read {
    title: String,
    /// The keys the article's JSON rows share.
    head: Vec<u8>,
    rows: Vec<Vec<u8>>,
    texts: Vec<Option<String>>,
}

impl Read {
    /// Reads the next article's pieces, as [`set_aside`] wrote them.
    fn article(
        &mut self,
        pieces: &mut Pieces,
        format: QuotesFormat,
        count: usize,
        checked: bool,
    ) -> anyhow::Result<()> {
        let mut buf = Vec::new();
        if format == QuotesFormat::Markdown {
            pieces.next_into(&mut buf)?;
            self.title = String::from_utf8(std::mem::take(&mut buf))?;
        }
        if matches!(format, QuotesFormat::Jsonl | QuotesFormat::Json) {
            pieces.next_into(&mut self.head)?;
        }
        self.rows.resize_with(count, Vec::new);
        for row in &mut self.rows {
            pieces.next_into(row)?;
        }
        self.texts.clear();
        if checked {
            for _ in 0..count {
                let present = pieces.next_into(&mut buf)?;
                let text = present.then(|| String::from_utf8(std::mem::take(&mut buf)));
                self.texts.push(text.transpose()?);
            }
        }
        Ok(())
    }
}

/// What goes before a row: in a JSON array, a comma after the first, and an indent.
fn separator(format: QuotesFormat, first: &mut bool) -> &'static str {
    let separator = match format {
        QuotesFormat::Json if *first => "\n  ",
        QuotesFormat::Json => ",\n  ",
        _ => "",
    };
    *first = false;
    separator
}

/// Writes an open JSON row with its speaker's id (see `saidso speakers`), given as JSON: the
/// row's keys, then `speaker_id`, the object left open.
fn write_identified(out: &mut impl Write, open: &[u8], id_json: &str) -> anyhow::Result<()> {
    out.write_all(open)?;
    write_id(out, id_json)
}

/// Adds `speaker_id`, given as JSON, to an open JSON row.
fn write_id(out: &mut impl Write, id_json: &str) -> anyhow::Result<()> {
    out.write_all(b",\"speaker_id\":")?;
    out.write_all(id_json.as_bytes())?;
    Ok(())
}

/// The words of `quote` the record checks (none for reported speech: see
/// [`Quote::checked_pieces`]), one piece a line, after a first line that says whether the
/// article names the speaker (`+`) or only describes them (`-`, see
/// [`identity::names_someone`]).
fn quoted_words(quote: &Quote, article_text: &str, digester: &Digester) -> Option<String> {
    let pieces = quote.checked_pieces();
    if pieces.is_empty() {
        return None;
    }
    let named = quote.speaker.as_deref().is_some_and(|s| identity::names_someone(s, digester));
    let words = quoted::joined(article_text, pieces);
    Some(format!("{}\n{words}", if named { '+' } else { '-' }))
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
    // The words the verdict is on: a partial quotation's quoted fragments, not its paraphrase.
    out.write_all(b",\"checked_text\":")?;
    serde_json::to_writer(&mut *out, &checked.as_ref().and(text.map(checked_words)))?;
    Ok(())
}

/// The record's verdict on quotation `text` (as [`quoted_words`] made it) said by corpus
/// speaker `speaker`.
fn check(records: &Records, text: &str, speaker: Option<SpeakerId>) -> Option<Checked> {
    let (named, words) = text.split_once('\n')?;
    records.check(words, &quoted::pieces(words), speaker, named == "+")
}

/// The words of quotation `text` (as [`quoted_words`] made it) as people read them: its pieces
/// joined by ` … `.
fn checked_words(text: &str) -> String {
    let words = text.split_once('\n').map_or("", |(_, words)| words);
    words.split('\n').collect::<Vec<_>>().join(" … ")
}

/// A verdict on quotation `text` (as [`quoted_words`] made it) as the TSV and Markdown formats
/// give it.
fn note(records: &Records, text: &str, checked: &Checked) -> VerdictNote {
    VerdictNote {
        words: checked_words(text),
        verdict: checked.finding.verdict.name().to_string(),
        said_by: checked.said_by(records).map(str::to_string),
        differences: checked.finding.differences.iter().map(strings::difference).collect(),
    }
}
