//! Who is quoted where, small enough to send between processes: the reduce step of a run split
//! over many machines. Each part of a corpus is tallied on its own; the tallies merged in input
//! order settle the same speakers, with the same ids, as one [`Index`] over the whole corpus.
//!
//! Identities depend only on the speakers' names, how often each is quoted and in how many
//! articles, and the order names first appear in; so a tally keeps each article's id and the
//! name (interned) of each of its quotations, and nothing of the text. It also keeps which of
//! them are reported statements, so that a roster counts them apart from quotations as
//! `saidso speakers` does.

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::extract::{Quote, QuoteKind, SpeakerKind};
use crate::model::{Article, ArticleId};

use super::digest::{ArticleInfo, Digester};
use super::index::{Index, QuoteRef};
use super::roster::Roster;

/// A speaker as a quotation gives it: the name as written and the extractor's kind.
pub type NameAndKind = (String, SpeakerKind);

/// The speakers of a run of articles, mergeable in order (see the module's doc).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Each distinct speaker name as written, with its kind (see [`kind_code`]).
    names: Vec<(String, u8)>,
    /// Each article, in input order.
    articles: Vec<Tallied>,
    /// `names` → index, one map per kind (so that a borrowed name looks one up, without a copy
    /// a quotation); rebuilt on demand after deserialising.
    #[serde(skip)]
    lookup: [FxHashMap<String, u32>; 3],
}

impl Tally {
    /// An empty tally.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an article and the quotations the extractor found in it.
    pub fn add(&mut self, article: &Article, quotes: &[Quote]) {
        let speakers = quotes.iter().map(|q| {
            let speaker =
                q.speaker.as_deref().map(|s| (s, q.speaker_kind.unwrap_or(SpeakerKind::Unknown)));
            (speaker, q.kind == QuoteKind::Indirect)
        });
        self.add_names(article.id, speakers);
    }

    /// Adds an article by its id and, for each of its quotations as the rows give them, its
    /// speaker and whether it is a reported statement (kind `indirect`).
    pub fn add_names<'a>(
        &mut self,
        article: ArticleId,
        quotes: impl IntoIterator<Item = (Option<(&'a str, SpeakerKind)>, bool)>,
    ) {
        let mut tallied = Tallied { id: article.0, ..Tallied::default() };
        for (place, (speaker, reported)) in (0u32..).zip(quotes) {
            tallied.names.push(speaker.map(|(n, k)| self.intern(n, kind_code(k))));
            if reported {
                tallied.reported.push(place);
            }
        }
        self.articles.push(tallied);
    }

    /// Appends `other`'s articles after this tally's: merging the tallies of consecutive parts
    /// of a corpus in order gives the tally of the whole.
    pub fn merge(&mut self, other: &Tally) {
        // Each of `other`'s names looked up once, not once a quotation: they are in the order
        // its articles first quote them, so they are interned in the same order either way.
        let names: Vec<u32> =
            other.names.iter().map(|(name, kind)| self.intern(name, *kind)).collect();
        for article in &other.articles {
            let quotes = article.names.iter().map(|n| names.get((*n)? as usize).copied());
            let reported = article.reported.clone();
            self.articles.push(Tallied { id: article.id, names: quotes.collect(), reported });
        }
    }

    /// How many articles are tallied.
    pub fn articles(&self) -> usize {
        self.articles.len()
    }

    /// The speakers index these articles make: identities only (no statement groups, no forms
    /// of the names).
    pub fn index(&self, digester: &Digester) -> Index {
        let mut index = Index::new(digester.clone());
        let quotes = self.articles.iter().map(|a| a.names.len()).sum();
        index.reserve(self.articles.len(), quotes);
        let parsed: Vec<_> = self
            .names
            .iter()
            .map(|(n, k)| digester.identity(n, kind_of(*k)).map(Arc::new))
            .collect();
        let mut filed = Vec::new();
        for article in &self.articles {
            let info = untitled(article.id);
            index.insert_names(info, &article.names, &article.reported, &parsed, &mut filed);
        }
        index.count_written(&filed, &parsed);
        index
    }

    /// The speaker id (see [`super::Speaker::slug`]) of every name tallied, as `saidso quotes`
    /// gives it over the same articles; a name that is no speaker's (a pronoun) has none.
    pub fn identities(&self, digester: &Digester) -> (Roster, HashMap<NameAndKind, String>) {
        let index = self.index(digester);
        let roster = index.roster();
        // Every quotation of one name has one speaker: the first of each name is asked.
        let mut first: Vec<Option<QuoteRef>> = vec![None; self.names.len()];
        for article in &self.articles {
            for (quote, n) in article.names.iter().enumerate() {
                if let Some(slot) = n.and_then(|n| first.get_mut(n as usize))
                    && slot.is_none()
                {
                    *slot = Some(QuoteRef { article: ArticleId(article.id), quote });
                }
            }
        }
        let ids = self
            .names
            .iter()
            .zip(first)
            .filter_map(|((name, kind), r)| {
                let speaker = roster.speaker_of(&index, r?)?;
                Some(((name.clone(), kind_of(*kind)), speaker.slug.clone()))
            })
            .collect();
        (roster, ids)
    }

    fn intern(&mut self, name: &str, kind: u8) -> u32 {
        if self.lookup.iter().map(HashMap::len).sum::<usize>() != self.names.len() {
            self.lookup = Default::default();
            for (i, (n, k)) in (0..).zip(&self.names) {
                self.lookup[usize::from(*k) % 3].insert(n.clone(), i);
            }
        }
        let lookup = &mut self.lookup[usize::from(kind) % 3];
        if let Some(&i) = lookup.get(name) {
            return i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push((name.to_string(), kind));
        lookup.insert(name.to_string(), i);
        i
    }
}

/// One article of a tally.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Tallied {
    /// The article's id.
    id: u64,
    /// The name of each quotation (an index into [`Tally::names`]).
    names: Vec<Option<u32>>,
    /// The places among `names` of the reported statements, in order.
    #[serde(default)]
    reported: Vec<u32>,
}

/// A kind as one byte, for the tally's serialised form.
fn kind_code(kind: SpeakerKind) -> u8 {
    match kind {
        SpeakerKind::Person => 0,
        SpeakerKind::Organisation => 1,
        SpeakerKind::Unknown => 2,
    }
}

fn kind_of(code: u8) -> SpeakerKind {
    match code {
        0 => SpeakerKind::Person,
        1 => SpeakerKind::Organisation,
        _ => SpeakerKind::Unknown,
    }
}

/// An article known by its id alone: identities need nothing else of it.
fn untitled(id: u64) -> ArticleInfo {
    ArticleInfo {
        id: ArticleId(id),
        title: String::new(),
        path: String::new(),
        site: None,
        date: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{Rules, clean};
    use crate::extract::Extractor;
    use crate::model::RawDoc;
    use crate::speakers::digest::{Digest, QuoteDigest};

    fn article(n: usize, body: &str) -> Article {
        let text = format!("Report {n}\n\n{body}\n");
        let raw = RawDoc { path: format!("{n}.txt"), text, ..Default::default() };
        clean(raw, &Rules::builtin()).expect("prose")
    }

    fn corpus() -> Vec<Article> {
        let bodies = [
            "\"We are ready to talk,\" Kremlin spokesman Dmitry Peskov said on Monday.",
            "\"Nothing has changed,\" Peskov told reporters. \"We wait,\" he added.",
            "\"The talks failed,\" said Volodymyr Zelenskyy. \"We go on,\" Zelenskiy said.",
            "\"No comment,\" the Ministry of Defence said. \"Later,\" Peskov said. Peskov said \
             the talks would resume in May.",
            "\"We are ready to talk,\" Kremlin spokesman Dmitry Peskov said on Monday.",
        ];
        bodies.iter().enumerate().map(|(n, b)| article(n, b)).collect()
    }

    /// The ids one index over every article gives each quotation, in order.
    fn one_pass(articles: &[Article]) -> Vec<Option<String>> {
        let extractor = Extractor::builtin();
        let mut index = Index::default();
        let quotes: Vec<Vec<Quote>> = articles.iter().map(|a| extractor.extract(a)).collect();
        for (a, q) in articles.iter().zip(&quotes) {
            index.add(a, q);
        }
        let roster = index.roster();
        let mut out = Vec::new();
        for (a, q) in articles.iter().zip(&quotes) {
            for quote in 0..q.len() {
                let r = QuoteRef { article: a.id, quote };
                out.push(roster.speaker_of(&index, r).map(|s| s.slug.clone()));
            }
        }
        out
    }

    fn tallied(parts: &[&[Article]]) -> Vec<Option<String>> {
        let extractor = Extractor::builtin();
        let mut whole = Tally::new();
        for part in parts {
            let mut tally = Tally::new();
            for a in *part {
                tally.add(a, &extractor.extract(a));
            }
            // Through the serialised form, as between processes.
            let sent: Tally =
                serde_json::from_str(&serde_json::to_string(&tally).unwrap()).unwrap();
            whole.merge(&sent);
        }
        let (_, ids) = whole.identities(&Digester::builtin());
        let mut out = Vec::new();
        for part in parts {
            for a in *part {
                for q in extractor.extract(a) {
                    let kind = q.speaker_kind.unwrap_or(SpeakerKind::Unknown);
                    out.push(q.speaker.and_then(|s| ids.get(&(s, kind)).cloned()));
                }
            }
        }
        out
    }

    #[test]
    fn merged_parts_give_the_ids_of_one_pass() {
        let articles = corpus();
        let expected = one_pass(&articles);
        assert!(expected.iter().flatten().any(|id| id == "dmitry-peskov"), "{expected:?}");
        assert_eq!(tallied(&[&articles]), expected);
        assert_eq!(tallied(&[&articles[..2], &articles[2..3], &articles[3..]]), expected);
        assert_eq!(tallied(&[&articles[..0], &articles[..]]), expected);
    }

    /// The index a tally makes, as [`Index::insert`] makes it from the tally's names: one
    /// digest an article, a copy of the name a quotation.
    fn digested(tally: &Tally, digester: &Digester) -> Index {
        let mut index = Index::new(digester.clone());
        let parsed: Vec<_> =
            tally.names.iter().map(|(n, k)| digester.identity(n, kind_of(*k))).collect();
        for article in &tally.articles {
            let quotes = (0u32..)
                .zip(&article.names)
                .map(|(place, n)| QuoteDigest {
                    name: n.and_then(|n| parsed.get(n as usize).cloned().flatten()).map(Arc::new),
                    words: Vec::new(),
                    reported: article.reported.contains(&place),
                })
                .collect();
            index.insert(Digest { article: untitled(article.id), quotes, forms: Vec::new() });
        }
        index
    }

    #[test]
    fn the_tally_index_is_the_index_of_its_digests() {
        let extractor = Extractor::builtin();
        let mut tally = Tally::new();
        // Twice over: an article met again is skipped, by both. Reported statements too, which
        // the rosters count apart.
        for a in corpus().iter().chain(&corpus()) {
            tally.add(a, &extractor.attributions(a));
        }
        let digester = Digester::builtin();
        let (fast, slow) = (tally.index(&digester), digested(&tally, &digester));
        assert_eq!(fast.roster().speakers(), slow.roster().speakers());
        assert!(fast.roster().speakers().len() >= 3, "{:?}", fast.roster().speakers());
        assert_eq!(fast.quote_count(), slow.quote_count());
        assert_eq!(fast.wording_count(), slow.wording_count());
        assert_eq!(fast.statement_count(), slow.statement_count());
        assert!(fast.roster().speakers().iter().any(|s| s.reported > 0));
        for a in corpus() {
            for quote in 0..extractor.attributions(&a).len() {
                let r = QuoteRef { article: a.id, quote };
                assert_eq!(fast.same_statement(r), slow.same_statement(r), "{r:?}");
            }
        }
    }

    #[test]
    fn merged_parts_are_the_tally_of_the_whole() {
        let articles = corpus();
        let extractor = Extractor::builtin();
        let tally_of = |part: &[Article]| {
            let mut tally = Tally::new();
            for a in part {
                tally.add(a, &extractor.extract(a));
            }
            tally
        };
        let whole = tally_of(&articles);
        let mut merged = Tally::new();
        for part in [&articles[..1], &articles[1..3], &articles[3..]] {
            merged.merge(&tally_of(part));
        }
        assert_eq!(merged, whole);
        assert!(whole.names.len() >= 3, "{:?}", whole.names);
    }

    #[test]
    fn merging_keeps_the_names_of_both_sides() {
        let articles = corpus();
        let extractor = Extractor::builtin();
        let (mut a, mut b) = (Tally::new(), Tally::new());
        a.add(&articles[0], &extractor.extract(&articles[0]));
        b.add(&articles[2], &extractor.extract(&articles[2]));
        a.merge(&b);
        assert_eq!(a.articles(), 2);
        let (roster, ids) = a.identities(&Digester::builtin());
        assert_eq!(roster.speakers().len(), 2, "{ids:?}");
    }
}
