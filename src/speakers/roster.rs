//! The speakers as the index stands: names grouped into identities by the rules of
//! [`super::same_name`], each with its fullest name, every form seen, and its quotations.

use std::cmp::Reverse;
use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::extract::SpeakerKind;

use super::aliases::fold_name;
use super::digest::Digester;
use super::index::{Index, NameRecord, QuoteRef};
use super::name::{Name, Shape};
use super::same_name::{self, Member, same_given, same_organisation, same_surname};

/// Identifies a speaker within one [`Roster`]: its place in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SpeakerId(pub u32);

/// One person or organisation across the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// Its place in the roster.
    pub id: SpeakerId,
    /// A readable id made from the name (`dmitry-peskov`), unique in the roster.
    pub slug: String,
    /// The fullest form of the name.
    pub name: String,
    /// Every form of the name seen, most frequent first.
    pub variants: Vec<String>,
    /// Person, organisation, or not known.
    pub kind: SpeakerKind,
    /// Its quotations and reported statements, in loading order.
    pub quotes: Vec<QuoteRef>,
    /// How many of `quotes` are reported statements (no quote marks).
    pub reported: usize,
    /// How many articles quote it.
    pub articles: usize,
    /// The surname and given-name keys of its most quoted name, to match a query against.
    surname: Option<String>,
    given: Option<String>,
}

impl Speaker {
    /// How many of its quotes are quotations (direct or partial), and how many reported
    /// statements: counted apart wherever speakers are listed.
    pub fn counts(&self) -> (usize, usize) {
        (self.quotes.len() - self.reported, self.reported)
    }
}

/// Every speaker, most quoted first.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    speakers: Vec<Speaker>,
    /// The speaker of each name record of the index.
    of_name: Vec<u32>,
    /// Folded forms → the speakers that use them.
    by_form: HashMap<String, Vec<u32>>,
}

impl Roster {
    /// Every speaker, most quoted first.
    pub fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }

    /// The speaker `id`.
    pub fn get(&self, id: SpeakerId) -> Option<&Speaker> {
        self.speakers.get(id.0 as usize)
    }

    /// The speaker of quotation `r` (with the index the roster was made from).
    pub fn speaker_of(&self, index: &Index, r: QuoteRef) -> Option<&Speaker> {
        let slot = index.slot(r)?;
        let name = index.quotes[slot as usize].name?;
        self.speakers.get(*self.of_name.get(name as usize)? as usize)
    }

    /// The speakers `query` names: any form seen selects its speaker (`Zelenskiy`,
    /// `President Putin`), and so does a name the identity rules match. A bare surname selects
    /// everyone with that surname.
    pub fn find(&self, query: &str, digester: &Digester) -> Vec<SpeakerId> {
        // Names are read by their capitals: `putin` is typed for `Putin`.
        let capitalised;
        let query = if query.chars().any(char::is_uppercase) {
            query
        } else {
            capitalised = capitalise_words(query);
            capitalised.as_str()
        };
        let name = digester.name(query, SpeakerKind::Unknown);
        let mut found: Vec<u32> = [Some(query), name.as_ref().map(|n| n.display.as_str())]
            .into_iter()
            .flatten()
            .filter_map(|q| self.by_form.get(&fold_name(q)))
            .flatten()
            .copied()
            .collect();
        if let Some(Name { shape: Shape::Proper { given, surname }, .. }) = &name
            && (found.is_empty() || given.is_none())
        {
            let matching = self.speakers.iter().filter(|s| {
                s.surname.as_deref().is_some_and(|sn| same_surname(sn, surname))
                    && match (given, &s.given) {
                        (Some(a), Some(b)) => same_given(a, b),
                        _ => true,
                    }
            });
            found.extend(matching.map(|s| s.id.0));
        }
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(SpeakerId).collect()
    }
}

impl Index {
    /// The speakers as the index stands: one a person or organisation, most quoted first.
    pub fn roster(&self) -> Roster {
        build(self)
    }
}

/// Settles the identities of the index's names.
fn build(index: &Index) -> Roster {
    let identity = identities(index);
    let count = identity.iter().map(|&i| i + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); count];
    for (name, &i) in identity.iter().enumerate() {
        members[i].push(to_u32(name));
    }
    // On every core: the roster is made after all the articles are read, while the cores that
    // read them would otherwise idle (a tenth of a second over 20,000 articles).
    let mut speakers: Vec<(Speaker, String)> = members
        .par_iter()
        .enumerate()
        .map(|(i, names)| {
            let mut s = speaker(index, names);
            // The identity's number until the list is sorted.
            s.id = SpeakerId(to_u32(i));
            (s, min_key(index, names))
        })
        .collect();
    // Most quoted first; ties in alphabetical order, whatever the case (`company`, `Kyiv`).
    // The order is the same as a sequential sort's: the keys are cached with each place.
    speakers.par_sort_by_cached_key(|(s, key)| {
        (Reverse(s.quotes.len()), Reverse(s.articles), s.name.to_lowercase(), key.clone())
    });
    // The identity number each name had → its place in the sorted list.
    let mut place = vec![0u32; count];
    for (pos, (s, _)) in speakers.iter().enumerate() {
        place[s.id.0 as usize] = to_u32(pos);
    }
    let mut slugs: HashMap<String, usize> = HashMap::new();
    let mut by_form: HashMap<String, Vec<u32>> = HashMap::new();
    let speakers: Vec<Speaker> = speakers
        .into_iter()
        .enumerate()
        .map(|(pos, (mut s, _))| {
            s.id = SpeakerId(to_u32(pos));
            s.slug = unique(slugify(&s.name), &mut slugs);
            for form in s.variants.iter().chain([&s.name]) {
                let list = by_form.entry(fold_name(form)).or_default();
                if list.last() != Some(&s.id.0) {
                    list.push(s.id.0);
                }
            }
            s
        })
        .collect();
    let of_name = identity.iter().map(|&i| place[i]).collect();
    Roster { speakers, of_name, by_form }
}

/// The identity number (from 0) of every name record.
fn identities(index: &Index) -> Vec<usize> {
    let mut out = vec![usize::MAX; index.names.len()];
    let mut next = 0;
    // Sorted, so that the numbering (and with it the tie-breaks) is the same on every run.
    let mut buckets: Vec<(&String, &Vec<u32>)> = index.buckets.iter().collect();
    buckets.sort_unstable();
    for (bucket, ids) in buckets {
        let local = if bucket.starts_with("p:") {
            group_people(index, ids)
        } else {
            group_organisations(index, ids)
        };
        let width = local.iter().map(|&l| l + 1).max().unwrap_or(0);
        for (&id, l) in ids.iter().zip(local) {
            out[id as usize] = next + l;
        }
        next += width;
    }
    // Descriptions, filed in no bucket: each its own.
    for slot in out.iter_mut().filter(|s| **s == usize::MAX) {
        *slot = next;
        next += 1;
    }
    out
}

fn group_people(index: &Index, ids: &[u32]) -> Vec<usize> {
    let members: Vec<Member> = ids
        .iter()
        .map(|&id| {
            let record = &index.names[id as usize];
            let (given, surname) = match &record.name.shape {
                Shape::Proper { given, surname } => (given.as_deref(), surname.as_str()),
                _ => (None, ""),
            };
            Member { given, surname, weight: record.quotes.len(), key: &record.name.key }
        })
        .collect();
    same_name::group(&members)
}

fn group_organisations(index: &Index, ids: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    let record = |k: usize| &index.names[ids[k] as usize];
    order.sort_by(|&a, &b| {
        let (ra, rb) = (record(a), record(b));
        (rb.quotes.len(), &ra.name.key).cmp(&(ra.quotes.len(), &rb.name.key))
    });
    let mut reps: Vec<usize> = Vec::new();
    let mut out = vec![0; ids.len()];
    for k in order {
        let key = &record(k).name.key;
        out[k] = reps
            .iter()
            .position(|&r| same_organisation(&record(r).name.key, key))
            .unwrap_or_else(|| {
                reps.push(k);
                reps.len() - 1
            });
    }
    out
}

/// The speaker made of the name records `names`.
fn speaker(index: &Index, names: &[u32]) -> Speaker {
    let records: Vec<_> = names.iter().map(|&n| &index.names[n as usize]).collect();
    let mut slots: Vec<u32> = records.iter().flat_map(|r| r.quotes.iter().copied()).collect();
    // Each record's quotations are in order already: the stable sort merges those runs, where
    // the unstable one sorted the whole afresh (a tenth of settling 20,000 articles' speakers).
    slots.sort();
    // Reported statements, and articles (the slots are in loading order, so an article's
    // quotations are together), counted in one pass.
    let (mut reported, mut articles, mut last) = (0, 0, None);
    for &s in &slots {
        let quote = &index.quotes[s as usize];
        reported += usize::from(quote.reported);
        if last != Some(quote.article) {
            articles += 1;
            last = Some(quote.article);
        }
    }
    let mut forms: HashMap<&str, u32> = HashMap::new();
    for r in &records {
        for (form, n) in &r.forms {
            *forms.entry(form.as_str()).or_default() += n;
        }
    }
    let mut variants: Vec<(&str, u32)> = forms.into_iter().collect();
    variants.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let main = records
        .iter()
        .max_by(|a, b| (a.quotes.len(), &b.name.key).cmp(&(b.quotes.len(), &a.name.key)));
    let (given, surname) = match main.map(|r| &r.name.shape) {
        Some(Shape::Proper { given, surname }) => (given.clone(), Some(surname.clone())),
        _ => (None, None),
    };
    Speaker {
        id: SpeakerId(0),
        slug: String::new(),
        name: fullest(&records, main.map(|r| &r.name)),
        variants: variants.into_iter().map(|(f, _)| f.to_string()).collect(),
        kind: kind(&records.iter().map(|r| &r.name).collect::<Vec<_>>()),
        quotes: slots.into_iter().map(|s| index.quote_ref(s)).collect(),
        reported,
        articles,
        surname,
        given,
    }
}

/// The fullest form the quotes give the speaker: the most words, then the most quoted, then
/// the first in alphabetical order. Organisations and descriptions keep the most quoted
/// record's name. Only the quotes' names count (not the forms read in the text), so that the
/// name, and the id made from it, are the same whether or not the text was read for forms.
fn fullest(records: &[&NameRecord], main: Option<&Name>) -> String {
    let proper = main.is_some_and(|n| matches!(n.shape, Shape::Proper { .. }));
    if !proper {
        return main.map(|n| n.display.clone()).unwrap_or_default();
    }
    records
        .iter()
        .filter(|r| matches!(r.name.shape, Shape::Proper { .. }))
        .max_by(|a, b| {
            let words = |r: &NameRecord| r.name.display.split_whitespace().count();
            let (da, db) = (&a.name.display, &b.name.display);
            (words(a), a.quotes.len(), db).cmp(&(words(b), b.quotes.len(), da))
        })
        .map(|r| r.name.display.clone())
        .unwrap_or_default()
}

/// A person if any name of it was a person's; an organisation if any was one's; else unknown.
fn kind(names: &[&Name]) -> SpeakerKind {
    let has = |k: SpeakerKind| names.iter().any(|n| n.kind == k);
    if has(SpeakerKind::Person) {
        SpeakerKind::Person
    } else if has(SpeakerKind::Organisation) {
        SpeakerKind::Organisation
    } else {
        SpeakerKind::Unknown
    }
}

fn min_key(index: &Index, names: &[u32]) -> String {
    let keys = names.iter().map(|&n| &index.names[n as usize].name.key);
    keys.min().cloned().unwrap_or_default()
}

/// `Dmitry Peskov` → `dmitry-peskov`.
fn slugify(name: &str) -> String {
    let slug = crate::text::slug(name, usize::MAX);
    if slug.is_empty() { "speaker".into() } else { slug }
}

fn unique(slug: String, seen: &mut HashMap<String, usize>) -> String {
    let n = seen.entry(slug.clone()).or_default();
    *n += 1;
    if *n == 1 { slug } else { format!("{slug}-{n}") }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every word of `s` with a capital first letter.
fn capitalise_words(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}
