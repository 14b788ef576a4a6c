//! The speakers index: takes articles' quotes as they load and keeps every distinct speaker
//! name, filed by bucket, and every quotation, grouped with the others of the same statement.
//! Work per article is proportional to its quotes; identities are settled on demand by
//! [`Index::roster`], in time proportional to the distinct names. That method lives in `roster`,
//! which reads the index: the index knows nothing of rosters.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use xxhash_rust::xxh3::xxh3_64;

use crate::extract::Quote;
use crate::model::{Article, ArticleId};

use super::digest::{ArticleInfo, Digest, Digester};
use super::fold::skeleton;
use super::groups::{ClassId, Groups};
use super::name::{Name, Shape};
use super::same_name::organisation_bucket;

/// Counts one sighting of `form`, copying it only the first time.
fn count_form(forms: &mut FxHashMap<String, u32>, form: &str) {
    match forms.get_mut(form) {
        Some(count) => *count += 1,
        None => {
            forms.insert(form.to_string(), 1);
        }
    }
}

/// A tally's name as [`Index::insert_names`] filed it: its record, its quotations' class, and
/// how many quotations it has so far.
#[derive(Clone, Copy, Debug)]
pub(super) struct Filed {
    id: u32,
    class: ClassId,
    quotes: u32,
}

/// A quotation: its article, and its place in the extractor's list for that article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuoteRef {
    /// The article.
    pub article: ArticleId,
    /// The index of the quote among the article's quotes, as [`crate::extract::Extractor`]
    /// gives them.
    pub quote: usize,
}

/// One distinct speaker name.
#[derive(Clone, Debug)]
pub(super) struct NameRecord {
    pub name: Name,
    /// [`speaker_hint`] of the name, found once: every quotation under the name needs it.
    pub hint: u64,
    /// Forms of the name seen, with how often.
    pub forms: FxHashMap<String, u32>,
    /// Its quotations (slots in `Index::quotes`).
    pub quotes: Vec<u32>,
}

#[derive(Clone, Debug)]
pub(super) struct QuoteEntry {
    pub article: u32,
    /// A reported statement, not a quotation.
    pub reported: bool,
    pub name: Option<u32>,
    pub class: ClassId,
}

/// Who said what across the loaded articles.
#[derive(Clone, Debug)]
pub struct Index {
    digester: Digester,
    pub(super) articles: Vec<ArticleInfo>,
    slot_of: FxHashMap<ArticleId, u32>,
    /// The slot of each article's first quotation in `quotes`.
    first_quote: Vec<u32>,
    pub(super) quotes: Vec<QuoteEntry>,
    pub(super) names: Vec<NameRecord>,
    name_ids: FxHashMap<String, u32>,
    /// Names that may be one speaker's, filed together: people by their surname's skeleton,
    /// organisations by their initials. Descriptions are never filed: each is its own.
    pub(super) buckets: FxHashMap<String, Vec<u32>>,
    groups: Groups,
}

impl Default for Index {
    fn default() -> Self {
        Self::new(Digester::builtin())
    }
}

impl Index {
    /// An empty index that reads names with `digester`.
    pub fn new(digester: Digester) -> Self {
        Self {
            digester,
            articles: Vec::new(),
            slot_of: FxHashMap::default(),
            first_quote: Vec::new(),
            quotes: Vec::new(),
            names: Vec::new(),
            name_ids: FxHashMap::default(),
            buckets: FxHashMap::default(),
            groups: Groups::default(),
        }
    }

    /// The digester, for preparing articles on other threads (see [`Index::insert`]).
    pub fn digester(&self) -> &Digester {
        &self.digester
    }

    /// Takes in an article and its quotes. An article already in the index is skipped.
    pub fn add(&mut self, article: &Article, quotes: &[Quote]) {
        if !self.slot_of.contains_key(&article.id) {
            let digest = self.digester.digest(article, quotes);
            self.insert(digest);
        }
    }

    /// Takes in an article digested elsewhere. An article already in the index is skipped.
    pub fn insert(&mut self, digest: Digest) {
        let Digest { article, quotes, forms } = digest;
        if self.slot_of.contains_key(&article.id) {
            return;
        }
        let slot = to_u32(self.articles.len());
        self.slot_of.insert(article.id, slot);
        self.first_quote.push(to_u32(self.quotes.len()));
        for q in quotes {
            let quote = to_u32(self.quotes.len());
            let written = q.name.as_ref().map(|n| n.written.as_str());
            let name = q.name.as_ref().map(|n| self.name_id(n));
            let hint = match name {
                Some(id) => self.names[id as usize].hint,
                // Nobody's short quotes are nobody's across articles.
                None => xxh3_64(&article.id.0.to_le_bytes()),
            };
            let class = self.groups.add(quote, &q.words, hint);
            if let (Some(id), Some(written)) = (name, written) {
                let record = &mut self.names[id as usize];
                record.quotes.push(quote);
                count_form(&mut record.forms, written);
            }
            self.quotes.push(QuoteEntry { article: slot, reported: q.reported, name, class });
        }
        for (key, form) in forms {
            if let Some(&id) = self.name_ids.get(&key) {
                *self.names[id as usize].forms.entry(form).or_default() += 1;
            }
        }
        self.articles.push(article);
    }

    /// Room for `articles` more articles with `quotes` more quotations in all, when a caller
    /// knows how many come: the lists then grow once, not by doubling.
    pub(super) fn reserve(&mut self, articles: usize, quotes: usize) {
        self.articles.reserve(articles);
        self.slot_of.reserve(articles);
        self.first_quote.reserve(articles);
        self.quotes.reserve(quotes);
    }

    /// Takes in an article's quotations by speaker name alone, for identities (see
    /// [`super::Tally`]): each of `quotes` is its speaker's place in `names`, read once for all
    /// the articles, and `reported` the places among `quotes` of the reported statements, in
    /// order. The same as [`Index::insert`] with quotations of no words and no forms, without
    /// a copy of the name a quotation (most of the work of a tally's identities). `filed` keeps
    /// each name's record and class, and how many quotations it has, between calls: start each
    /// index with an empty one, and end it with [`Index::count_written`].
    pub(super) fn insert_names(
        &mut self,
        article: ArticleInfo,
        quotes: &[Option<u32>],
        reported: &[u32],
        names: &[Option<Arc<Name>>],
        filed: &mut Vec<Option<Filed>>,
    ) {
        if self.slot_of.contains_key(&article.id) {
            return;
        }
        filed.resize(names.len(), None);
        let slot = to_u32(self.articles.len());
        self.slot_of.insert(article.id, slot);
        self.first_quote.push(to_u32(self.quotes.len()));
        // The class of this article's quotations of nobody, once one is filed.
        let mut nobody = None;
        let mut reported = reported.iter().peekable();
        for (place, n) in (0u32..).zip(quotes) {
            let is_reported = reported.next_if_eq(&&place).is_some();
            let quote = to_u32(self.quotes.len());
            let named = n.and_then(|n| Some((n as usize, names.get(n as usize)?.as_ref()?)));
            let (name, class) = match named {
                Some((n, name)) => {
                    let entry = match &mut filed[n] {
                        Some(entry) => {
                            self.groups.add_to(entry.class, quote);
                            entry
                        }
                        None => {
                            let id = self.name_id(name);
                            let class = self.groups.add(quote, &[], speaker_hint(name));
                            filed[n].insert(Filed { id, class, quotes: 0 })
                        }
                    };
                    // The written form is counted once a name, at the end, not a quotation.
                    entry.quotes += 1;
                    self.names[entry.id as usize].quotes.push(quote);
                    (Some(entry.id), entry.class)
                }
                None => {
                    let class = match nobody {
                        Some(class) => {
                            self.groups.add_to(class, quote);
                            class
                        }
                        None => {
                            let hint = xxh3_64(&article.id.0.to_le_bytes());
                            *nobody.insert(self.groups.add(quote, &[], hint))
                        }
                    };
                    (None, class)
                }
            };
            self.quotes.push(QuoteEntry { article: slot, reported: is_reported, name, class });
        }
        self.articles.push(article);
    }

    /// Counts the written form of each name [`Index::insert_names`] filed, once for each of
    /// its quotations.
    pub(super) fn count_written(&mut self, filed: &[Option<Filed>], names: &[Option<Arc<Name>>]) {
        for (entry, name) in filed.iter().zip(names) {
            if let (Some(entry), Some(name)) = (entry, name) {
                let forms = &mut self.names[entry.id as usize].forms;
                *forms.entry(name.written.clone()).or_default() += entry.quotes;
            }
        }
    }

    /// The id of `name`, filed on first sight.
    fn name_id(&mut self, name: &Arc<Name>) -> u32 {
        if let Some(&id) = self.name_ids.get(&name.key) {
            return id;
        }
        let name = Name::clone(name);
        let id = to_u32(self.names.len());
        let bucket = match &name.shape {
            Shape::Proper { surname, .. } => Some(format!("p:{}", skeleton(surname))),
            Shape::Organisation => {
                let folded = name.key.trim_start_matches("o:");
                Some(format!("o:{}", organisation_bucket(folded, self.digester.lexicon())))
            }
            Shape::Description => None,
        };
        if let Some(b) = bucket {
            self.buckets.entry(b).or_default().push(id);
        }
        self.name_ids.insert(name.key.clone(), id);
        let hint = speaker_hint(&name);
        self.names.push(NameRecord { name, hint, forms: FxHashMap::default(), quotes: Vec::new() });
        id
    }

    /// The articles, in the order they were added.
    pub fn articles(&self) -> &[ArticleInfo] {
        &self.articles
    }

    /// The article with id `id`.
    pub fn article(&self, id: ArticleId) -> Option<&ArticleInfo> {
        self.articles.get(*self.slot_of.get(&id)? as usize)
    }

    /// How many quotations the index holds.
    pub fn quote_count(&self) -> usize {
        self.quotes.len()
    }

    /// How many distinct wordings of quotations the index holds.
    pub fn wording_count(&self) -> usize {
        self.groups.classes()
    }

    /// How many distinct statements the quotations make (wordings linked as one).
    pub fn statement_count(&self) -> usize {
        self.groups.groups()
    }

    /// The slot of `r` in `quotes`.
    pub(super) fn slot(&self, r: QuoteRef) -> Option<u32> {
        let article = *self.slot_of.get(&r.article)? as usize;
        let first = *self.first_quote.get(article)? as usize;
        let end = self.first_quote.get(article + 1).map_or(self.quotes.len(), |&e| e as usize);
        let slot = first.checked_add(r.quote).filter(|&s| s < end)?;
        Some(to_u32(slot))
    }

    /// The quotation in slot `slot`.
    pub(super) fn quote_ref(&self, slot: u32) -> QuoteRef {
        let article = self.quotes[slot as usize].article as usize;
        let quote = (slot - self.first_quote[article]) as usize;
        QuoteRef { article: self.articles[article].id, quote }
    }

    /// The statement group of `r`: a number shared by every quotation of one statement.
    pub fn statement(&self, r: QuoteRef) -> Option<u32> {
        let slot = self.slot(r)?;
        Some(self.groups.group(self.quotes[slot as usize].class))
    }

    /// Every quotation of the statement `r` quotes (`r` included), in loading order.
    pub fn same_statement(&self, r: QuoteRef) -> Vec<QuoteRef> {
        let Some(slot) = self.slot(r) else { return Vec::new() };
        let class = self.quotes[slot as usize].class;
        self.groups.quotes_of_group(class).into_iter().map(|s| self.quote_ref(s)).collect()
    }

    /// How many other articles carry the statement `r` quotes.
    pub fn also_in(&self, r: QuoteRef) -> usize {
        let Some(slot) = self.slot(r) else { return 0 };
        let quote = &self.quotes[slot as usize];
        self.others_carrying(quote.class, quote.article)
    }

    /// What [`Index::also_in`] says of each quotation of `article`, in order, each statement's
    /// group walked once: an article quoting one statement thousands of times would otherwise
    /// walk its thousands of quotations for every one of them.
    pub fn also_in_each(&self, article: ArticleId) -> Vec<usize> {
        let Some(&own) = self.slot_of.get(&article) else { return Vec::new() };
        let first = self.first_quote.get(own as usize).map_or(0, |&f| f as usize);
        let end = self.first_quote.get(own as usize + 1).map_or(self.quotes.len(), |&e| e as usize);
        let mut counted: FxHashMap<u32, usize> = FxHashMap::default();
        let quotes = self.quotes.get(first..end).unwrap_or_default();
        quotes
            .iter()
            .map(|q| {
                let group = self.groups.group(q.class);
                *counted.entry(group).or_insert_with(|| self.others_carrying(q.class, own))
            })
            .collect()
    }

    /// How many articles other than article slot `own` carry the statement of `class`.
    fn others_carrying(&self, class: ClassId, own: u32) -> usize {
        let mut articles: Vec<u32> = self
            .groups
            .quotes_of_group(class)
            .into_iter()
            .map(|s| self.quotes[s as usize].article)
            .filter(|&a| a != own)
            .collect();
        articles.dedup();
        articles.len()
    }

    /// The same quotation in the other articles that carry it, in loading order.
    pub fn elsewhere(&self, r: QuoteRef) -> Vec<QuoteRef> {
        let Some(slot) = self.slot(r) else { return Vec::new() };
        let own = self.quotes[slot as usize].article;
        let class = self.quotes[slot as usize].class;
        let others = self.groups.quotes_of_group(class).into_iter();
        others
            .filter(|&s| self.quotes[s as usize].article != own)
            .map(|s| self.quote_ref(s))
            .collect()
    }

    /// The quotation of the same statement in the next article (in loading order, wrapping
    /// round) that carries it, if another does.
    pub fn next_article(&self, r: QuoteRef) -> Option<QuoteRef> {
        let slot = self.slot(r)?;
        let own = self.quotes[slot as usize].article;
        let class = self.quotes[slot as usize].class;
        let others = self.groups.quotes_of_group(class);
        let pick = others
            .iter()
            .find(|&&s| self.quotes[s as usize].article > own)
            .or_else(|| others.iter().find(|&&s| self.quotes[s as usize].article < own))?;
        Some(self.quote_ref(*pick))
    }
}

/// What tells the short quotations of one speaker from another's: the surname, so that the
/// spellings of one name agree.
fn speaker_hint(name: &Name) -> u64 {
    match &name.shape {
        Shape::Proper { surname, .. } => xxh3_64(skeleton(surname).as_bytes()),
        _ => xxh3_64(name.key.as_bytes()),
    }
}

/// A count as a `u32`: the index holds fewer than 4 billion of anything long before memory runs
/// out, and saturating keeps a pathological input from panicking.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{Rules, clean};
    use crate::extract::Extractor;
    use crate::model::RawDoc;

    fn extracted(path: &str, text: String) -> (Article, Vec<Quote>) {
        let raw = RawDoc { path: path.into(), text, ..RawDoc::default() };
        let article = clean(raw, &Rules::builtin()).unwrap_or_else(|| panic!("{path} has prose"));
        let quotes = Extractor::builtin().extract(&article);
        (article, quotes)
    }

    #[test]
    fn counting_an_articles_links_walks_each_statement_once() {
        let said = "\"We will not give up the harbour,\" said Tom Lee. ";
        // One statement hundreds of times in one article, once in another.
        let (many, many_quotes) = extracted("many.txt", said.repeat(400));
        let other = format!("{said}\"The bridge opens in the spring,\" said Ann Bell.");
        let (one, one_quotes) = extracted("one.txt", other);
        assert_eq!((many_quotes.len(), one_quotes.len()), (400, 2));
        let mut index = Index::default();
        index.add(&many, &many_quotes);
        index.add(&one, &one_quotes);

        let before = super::super::groups::WALKS.get();
        let counts = index.also_in_each(many.id);
        let walks = super::super::groups::WALKS.get() - before;
        assert_eq!(counts, vec![1; 400], "every copy is carried by the other article");
        assert_eq!(walks, 1, "one walk for the one statement, not one for each of its copies");

        let each = |a: &Article, n: usize| -> Vec<usize> {
            (0..n).map(|quote| index.also_in(QuoteRef { article: a.id, quote })).collect()
        };
        assert_eq!(index.also_in_each(one.id), each(&one, 2));
        assert_eq!(index.also_in_each(one.id), [1, 0]);
        assert_eq!(index.also_in_each(ArticleId::of("not loaded")), Vec::<usize>::new());
    }
}
