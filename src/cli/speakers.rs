//! `saidso speakers`: one line a speaker across the articles, most quoted first; and the
//! speaker identities `saidso quotes` adds to its rows.

use std::io::Write;

use serde::Serialize;

use super::{SpeakersFormat, StateArgs, finish, inputs, nothing_loaded, report, say, stdout};
use crate::config::Config;
use crate::extract::{Quote, SpeakerKind};
use crate::load::Loaded;
use crate::model::{Article, ArticleId};
use crate::sources::Input;
use crate::speakers::{Index, QuoteRef, Roster, Speaker, SpeakerId};
use crate::text::{clip, escape_json, pad};

/// A speaker as `--format jsonl` prints it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    variants: &'a [String],
    /// Quotations, direct and partial.
    quotes: usize,
    /// Reported statements without quote marks.
    reported: usize,
    articles: usize,
    kind: SpeakerKind,
}

pub(super) fn run(
    paths: &[String],
    fetched: bool,
    format: SpeakersFormat,
    state: &StateArgs,
    config: &Config,
) -> anyhow::Result<()> {
    let (index, _) = load(&inputs(paths, fetched, state), config, true, true, |_, _| ())?;
    let counts = Speaker::counts;
    if index.articles().is_empty() {
        return Err(nothing_loaded(paths, fetched));
    }
    let roster = index.roster();
    let mut out = stdout();
    if format == SpeakersFormat::Table {
        writeln!(
            out,
            "{:>6}  {:>8}  {:>8}  {:<12}  {:<32}  VARIANTS",
            "QUOTES", "REPORTED", "ARTICLES", "KIND", "NAME"
        )?;
    }
    for s in roster.speakers() {
        match format {
            SpeakersFormat::Jsonl => {
                writeln!(out, "{}", escape_json(serde_json::to_string(&row(s, counts(s)))?))?
            }
            SpeakersFormat::Table => writeln!(
                out,
                "{:>6}  {:>8}  {:>8}  {:<12}  {}  {}",
                counts(s).0,
                counts(s).1,
                s.articles,
                s.kind.name(),
                pad(&clip(&s.name, 32), 32),
                s.variants.join(", ")
            )?,
        }
    }
    finish(out)
}

fn row(s: &Speaker, (quotes, reported): (usize, usize)) -> Row<'_> {
    Row {
        id: &s.slug,
        name: &s.name,
        variants: &s.variants,
        quotes,
        reported,
        articles: s.articles,
        kind: s.kind,
    }
}

/// Loads every input into a speakers index, and keeps what `keep` makes of each article (in
/// input order). Problems go to stderr.
/// `forms`: read the text for the forms of the names (for the speakers' `variants`) and the
/// quotations' words (for statements); without, the index serves speaker ids alone.
/// `all`: every attribution, reported speech too (see `Extractor::attributions`).
pub(super) fn load<T: Send>(
    inputs: &[Input],
    config: &Config,
    forms: bool,
    all: bool,
    keep: impl Fn(&Article, &[Quote]) -> T + Sync,
) -> anyhow::Result<(Index, Vec<T>)> {
    let mut kept = Vec::new();
    let index = load_with(
        inputs,
        config,
        forms,
        all,
        |a, q| keep(&a, &q),
        |item| {
            kept.push(item);
            Ok(())
        },
    )?;
    Ok((index, kept))
}

/// [`load`], handing what `keep` makes of each article to `take`, in input order, as it comes.
pub(super) fn load_with<T: Send>(
    inputs: &[Input],
    config: &Config,
    forms: bool,
    all: bool,
    keep: impl Fn(Article, Vec<Quote>) -> T + Sync,
    mut take: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<Index> {
    let extractor = &config.extractor;
    let mut index = Index::new(config.digester.clone());
    let digester = if forms {
        config.digester.clone()
    } else {
        config.digester.clone().without_forms().ids_only()
    };
    super::load(
        inputs,
        config,
        &mut std::io::sink(),
        |article| {
            let quotes = if all {
                extractor.attributions_with_headline(&article)
            } else {
                extractor.extract(&article)
            };
            let digest = digester.digest(&article, &quotes);
            (keep(article, quotes), digest)
        },
        |_, loaded| {
            match loaded {
                Loaded::Problem(p) => report(&p),
                Loaded::Item((item, digest)) => {
                    index.insert(digest);
                    take(item)?;
                }
            }
            Ok(())
        },
    )?;
    Ok(index)
}

/// The speakers `name` selects, or an error saying none does.
pub(super) fn select(roster: &Roster, index: &Index, name: &str) -> anyhow::Result<Vec<SpeakerId>> {
    let found = roster.find(name, index.digester());
    match found.as_slice() {
        [] => anyhow::bail!("no speaker called {name:?} in these articles"),
        [_] => {}
        several => {
            let names: Vec<&str> =
                several.iter().filter_map(|&id| roster.get(id)).map(|s| s.name.as_str()).collect();
            say(format_args!("{name:?} selects {} speakers: {}", names.len(), names.join("; ")));
        }
    }
    Ok(found)
}

/// The speakers of article `article`'s first `count` quotations, each with the quotation's
/// place, keeping only those of `selected` speakers when there is a selection.
pub(super) fn identify(
    index: &Index,
    roster: &Roster,
    article: ArticleId,
    count: usize,
    selected: Option<&[SpeakerId]>,
) -> Vec<(usize, Option<SpeakerId>)> {
    (0..count)
        .map(|quote| (quote, roster.speaker_of(index, QuoteRef { article, quote }).map(|s| s.id)))
        .filter(|(_, s)| selected.is_none_or(|sel| s.is_some_and(|s| sel.contains(&s))))
        .collect()
}
