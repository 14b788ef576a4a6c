//! `saidso check`: every quotation checked against the record (a transcript, a speech): one
//! row a quotation, verbatim, altered or not in the record.

use std::io::{IsTerminal, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::speakers;
use super::{CheckFormat, StateArgs, finish, inputs, load, nothing_loaded, report, say, stdout};
use crate::config::Config;
use crate::load::Loaded;
use crate::model::ArticleId;
use crate::record::warnings::warnings;
use crate::record::{Checked, Difference, Edit, Record, Records, Verdict, identity, quoted};
use crate::speakers::{Index, QuoteRef, Roster};
use crate::text::{clip, escape_json, sanitize};

/// An article's quotations as kept until every article is read.
struct Kept {
    id: ArticleId,
    file: String,
    title: String,
    /// Each quotation's words, paragraphs joined by one space.
    quotes: Vec<String>,
    /// Each quotation's words as checked (see [`quoted::joined`]).
    checked: Vec<String>,
    /// Each quotation's speaker as the article names them.
    named: Vec<Option<String>>,
}

/// A quotation checked, as `--format jsonl` prints it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    file: &'a str,
    article: &'a str,
    text: &'a str,
    speaker: Option<&'a str>,
    verdict: Verdict,
    /// The record speaker whose words these are, when not the quoted speaker's.
    said_by: Option<&'a str>,
    /// The record the passage is in.
    record: Option<&'a str>,
    record_start: Option<usize>,
    record_end: Option<usize>,
    record_text: Option<&'a str>,
    differences: &'a [Difference],
}

pub(super) fn run(
    records: &[String],
    record_speaker: Option<&str>,
    paths: &[String],
    fetched: bool,
    format: CheckFormat,
    state: &StateArgs,
    config: &Config,
) -> anyhow::Result<()> {
    let mut records = load_records(records, record_speaker, "--speaker", config)?;
    say_warnings(&records);
    let inputs = inputs(paths, fetched, state);
    let (index, articles) =
        speakers::load(&inputs, config, false, false, |article, quotes| Kept {
            id: article.id,
            file: article.path.clone(),
            title: article.title.clone(),
            quotes: quotes.iter().map(|q| q.text(&article.text)).collect(),
            checked: quotes
                .iter()
                .map(|q| quoted::joined(&article.text, q.checked_pieces()))
                .collect(),
            named: quotes.iter().map(|q| q.speaker.clone()).collect(),
        })?;
    if articles.is_empty() {
        return Err(nothing_loaded(paths, fetched));
    }
    let roster = index.roster();
    records.identify(&roster, index.digester());
    // Each article's quotations are checked on any core; the rows are written in order.
    let checked: Vec<Vec<(usize, Option<&str>, Checked)>> =
        articles.par_iter().map(|a| check_article(&records, &index, &roster, a)).collect();
    let mut out = stdout();
    let mut counts = [0usize; 4];
    if format == CheckFormat::Table {
        let columns = ("VERDICT", "SPEAKER", "QUOTE");
        writeln!(
            out,
            "{:<13}  {:<20}  {:<52}  DIFFERENCE (record → quote)",
            columns.0, columns.1, columns.2
        )?;
    }
    for (article, rows) in articles.iter().zip(&checked) {
        for (quote, speaker, checked) in rows {
            let Some(text) = article.quotes.get(*quote) else { continue };
            counts[checked.finding.verdict as usize] += 1;
            let row = row(article, text, *speaker, checked, &records);
            match format {
                CheckFormat::Jsonl => {
                    writeln!(out, "{}", escape_json(serde_json::to_string(&row)?))?
                }
                CheckFormat::Table => write_table_row(&mut out, &row)?,
            }
        }
    }
    if format == CheckFormat::Table {
        let [verbatim, altered, missing, _] = counts;
        writeln!(
            out,
            "{} checked: {verbatim} verbatim, {altered} altered, {missing} not in the record",
            verbatim + altered + missing
        )?;
        let no_turns = counts[Verdict::NoTurns as usize];
        if no_turns > 0 {
            writeln!(out, "{no_turns} more whose speaker has no turns in the record")?;
        }
    }
    finish(out)
}

/// Reads the records: each text of `paths` (files, folders, URLs) as a record, all of it
/// `speaker`'s words when given (by the option `flag`), else its labelled turns. What is amiss
/// with them is in their warnings, not yet told.
pub(super) fn load_records(
    paths: &[String],
    speaker: Option<&str>,
    flag: &str,
    config: &Config,
) -> anyhow::Result<Records> {
    let (inputs, problems) = crate::sources::discover(paths);
    problems.iter().for_each(report);
    // A record on the web is read before anything shows: a person at a terminal is told what
    // the wait is for (a slow host may take up to the request's time limit).
    if std::io::stderr().is_terminal() {
        for input in inputs.iter().filter(|i| matches!(i, crate::sources::Input::Url(_))) {
            say(format_args!("fetching the record {} (Ctrl-c stops)", input.display()));
        }
    }
    let mut records = Vec::new();
    load(
        &inputs,
        config,
        &mut std::io::sink(),
        |article| Record::new(article.path, article.text, speaker),
        |_, loaded| {
            match loaded {
                Loaded::Problem(p) => report(&p),
                Loaded::Item(record) => records.push(record),
            }
            Ok(())
        },
    )?;
    if records.is_empty() {
        anyhow::bail!("no record found in {}", paths.join(", "));
    }
    let warnings = records.iter().flat_map(|r| warnings(r, speaker, flag)).collect();
    Ok(Records { warnings, ..Records::new(records) })
}

/// Tells the records' warnings on stderr.
pub(super) fn say_warnings(records: &Records) {
    records.warnings.iter().for_each(|w| say(format_args!("warning: {w}")));
}

/// The checked quotations of one article: (quotation, speaker's name, verdict). Quotations
/// whose speaker has no words in the record are left out unless the words are someone else's
/// there, or a record has lines that may be labels it did not read (the speaker's turns may
/// be hidden there: nothing may vanish unsaid).
fn check_article<'a>(
    records: &Records,
    index: &'a Index,
    roster: &'a Roster,
    article: &'a Kept,
) -> Vec<(usize, Option<&'a str>, Checked)> {
    (0..article.quotes.len())
        .filter_map(|quote| {
            let speaker = roster.speaker_of(index, QuoteRef { article: article.id, quote });
            let text = article.checked.get(quote)?;
            // The speaker as the article names them: a description (`the mayor`) is no one's
            // name, and the row says so as `quotes` does.
            let named = article.named.get(quote)?.as_deref();
            let is_named = named.is_some_and(|n| identity::names_someone(n, index.digester()));
            let pieces = quoted::pieces(text);
            let checked = records.check(text, &pieces, speaker.map(|s| s.id), is_named)?;
            let unchecked = checked.finding.verdict == Verdict::NoTurns
                && checked.finding.said_by.is_none()
                && !records.lists_no_turns();
            let shown = speaker.map(|s| s.name.as_str()).or(named);
            (!unchecked).then_some((quote, shown, checked))
        })
        .collect()
}

fn row<'a>(
    article: &'a Kept,
    text: &'a str,
    speaker: Option<&'a str>,
    checked: &'a Checked,
    records: &'a Records,
) -> Row<'a> {
    let passage = checked.finding.passage.clone();
    Row {
        file: &article.file,
        article: &article.title,
        text,
        speaker,
        verdict: checked.finding.verdict,
        said_by: checked.said_by(records),
        record: passage
            .as_ref()
            .and_then(|_| records.records.get(checked.record))
            .map(|r| r.name.as_str()),
        record_start: passage.as_ref().map(|p| p.start),
        record_end: passage.as_ref().map(|p| p.end),
        record_text: checked.passage(records),
        differences: &checked.finding.differences,
    }
}

fn write_table_row(out: &mut impl Write, row: &Row) -> anyhow::Result<()> {
    // Article text is sanitised as it loads; file names and labels are printed on one line.
    let clean = |s: &str| sanitize(s.to_string()).split_whitespace().collect::<Vec<_>>().join(" ");
    let differences = row.differences.iter().map(difference);
    let said_by = row.said_by.map(|who| format!("said by {}", clean(who)));
    let note = said_by.into_iter().chain(differences).collect::<Vec<_>>().join("; ");
    writeln!(
        out,
        "{:<13}  {:<20}  {:<52}  {}",
        row.verdict.name(),
        clip(&clean(row.speaker.unwrap_or("-")), 20),
        clip(&format!("“{}”", clean(row.text)), 52),
        clean(&note)
    )?;
    Ok(())
}

/// `winter→spring`, `+very`, `-the`, `~moved words`.
fn difference(d: &Difference) -> String {
    match d.edit {
        Edit::Added => format!("+{}", d.quote),
        Edit::Dropped => format!("-{}", d.record),
        Edit::Changed => format!("{}→{}", d.record, d.quote),
        Edit::Moved => format!("~{}", d.quote),
    }
}
