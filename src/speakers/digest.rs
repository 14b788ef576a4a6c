//! What the index keeps of one article, prepared on any thread: its speakers' names parsed, its
//! quotations' words hashed, and the forms of its speakers' names that its text uses.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use crate::extract::{Lexicon, Quote, QuoteKind, SpeakerKind};
use crate::model::{Article, ArticleId};

use super::aliases::Aliases;
use super::fold::{name_key, strip_possessive};
use super::name::{Name, Shape, parse};
use super::same_name::same_given;
use super::words;

/// What the speakers view shows of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleInfo {
    /// The article's id.
    pub id: ArticleId,
    /// Its title.
    pub title: String,
    /// Where it was read from.
    pub path: String,
    /// The site or feed, where known.
    pub site: Option<String>,
    /// The publication date, where known.
    pub date: Option<String>,
}

/// One quotation, digested.
#[derive(Clone, Debug)]
pub struct QuoteDigest {
    /// Its speaker's name, if it has one that is not a pronoun or a description: shared, since
    /// an article quotes a few speakers many times and a corpus the same ones article after
    /// article.
    pub name: Option<Arc<Name>>,
    /// Its words, hashed (see [`words::hashes`]).
    pub words: Vec<u64>,
    /// A reported statement (no quote marks), not a quotation.
    pub reported: bool,
}

/// One article, digested: the unit [`super::Index::insert`] takes.
#[derive(Clone, Debug)]
pub struct Digest {
    /// The article.
    pub article: ArticleInfo,
    /// Its quotations, in the extractor's order.
    pub quotes: Vec<QuoteDigest>,
    /// Forms of its speakers' names in its text: (the name's key, the form as written).
    pub forms: Vec<(String, String)>,
}

/// Turns articles into digests. Cheap to clone and shared by the loading threads.
#[derive(Clone, Debug)]
pub struct Digester {
    lex: Arc<Lexicon>,
    aliases: Arc<Aliases>,
    /// Whether the text is read for the forms of the names (see [`Digester::without_forms`]).
    forms: bool,
    /// Whether the quotations' words and the articles' titles are kept (see
    /// [`Digester::ids_only`]).
    statements: bool,
    /// Identities already read, shared by the loading threads: a corpus quotes the same people
    /// article after article, and reading a name is most of a digest's work.
    read: Arc<Mutex<ReadNames>>,
}

/// The most names [`ReadNames`] keeps: enough for a corpus's regular speakers, and a bound on
/// the memory a corpus of millions of names takes.
const READ_NAMES: usize = 1 << 14;

/// A speaker's identity as read once and shared (see [`Digester::identity`]).
type Identity = Option<Arc<Name>>;

/// Identities read so far (see [`Digester::identity`]), by the name as the extractor gave it
/// and its kind.
#[derive(Debug, Default)]
struct ReadNames {
    by_raw: HashMap<Box<str>, Vec<(SpeakerKind, Identity)>>,
    len: usize,
}

impl ReadNames {
    fn get(&self, raw: &str, kind: SpeakerKind) -> Option<&Identity> {
        let kinds = self.by_raw.get(raw)?;
        kinds.iter().find(|(k, _)| *k == kind).map(|(_, name)| name)
    }

    fn insert(&mut self, raw: &str, kind: SpeakerKind, name: &Identity) {
        if self.len < READ_NAMES && self.get(raw, kind).is_none() {
            self.by_raw.entry(raw.into()).or_default().push((kind, name.clone()));
            self.len += 1;
        }
    }
}

impl Digester {
    /// The word lists names are read with.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// A digester with these word lists and aliases.
    pub fn new(lex: Lexicon, aliases: Aliases) -> Self {
        Self {
            lex: Arc::new(lex),
            aliases: Arc::new(aliases),
            forms: true,
            statements: true,
            read: Arc::default(),
        }
    }

    /// This digester, not reading the articles' text for the forms of their speakers' names:
    /// identities and groups stay the same, and only the speakers' `variants` lose the forms
    /// that no quote's speaker has. A quarter of the digest's cost, saved where the variants
    /// are not shown (`saidso quotes`).
    pub fn without_forms(mut self) -> Self {
        self.forms = false;
        self
    }

    /// This digester, keeping only what the speakers' ids need: the quotations' words are not
    /// hashed, so the index cannot tell which quotations are one statement (every quotation of
    /// a speaker falls in one group), and the articles keep their ids but no title, path, site
    /// or date. For commands that show neither (`saidso quotes`, `saidso check`): they save the
    /// words' reading and hashing, and hold a few numbers an article over a whole corpus.
    pub fn ids_only(mut self) -> Self {
        self.statements = false;
        self
    }

    /// The built-in word lists and aliases.
    pub fn builtin() -> Self {
        Self::new(Lexicon::builtin(), Aliases::builtin())
    }

    /// Reads a speaker's name (see [`parse`]).
    pub fn name(&self, raw: &str, kind: SpeakerKind) -> Option<Name> {
        parse(raw, kind, &self.lex, &self.aliases)
    }

    /// The name a speaker is filed under, if any: none for a pronoun, and none for a
    /// description with no name in it (`Kremlin spokesman`, `a senior official`), which is
    /// nobody's identity, so that no two of them are taken for one speaker.
    pub fn identity(&self, raw: &str, kind: SpeakerKind) -> Option<Name> {
        self.name(raw, kind).filter(|n| n.shape != Shape::Description)
    }

    /// [`Self::identity`], read once for all the articles (up to [`READ_NAMES`] names).
    fn identity_once(&self, raw: &str, kind: SpeakerKind) -> Identity {
        // A poisoned lock only means the names are read again.
        if let Ok(read) = self.read.lock()
            && let Some(name) = read.get(raw, kind)
        {
            return name.clone();
        }
        let name = self.identity(raw, kind).map(Arc::new);
        if let Ok(mut read) = self.read.lock() {
            read.insert(raw, kind, &name);
        }
        name
    }

    /// Digests `article` and the quotes the extractor found in it.
    pub fn digest(&self, article: &Article, quotes: &[Quote]) -> Digest {
        // An article quotes a few speakers many times: each name is read once.
        let mut read: FxHashMap<(&str, SpeakerKind), Identity> = FxHashMap::default();
        let quotes: Vec<QuoteDigest> = quotes
            .iter()
            .map(|q| QuoteDigest {
                name: q.speaker.as_deref().and_then(|s| {
                    let kind = q.speaker_kind.unwrap_or(SpeakerKind::Unknown);
                    read.entry((s, kind)).or_insert_with(|| self.identity_once(s, kind)).clone()
                }),
                words: if self.statements {
                    words::hashes(&q.text(&article.text))
                } else {
                    Vec::new()
                },
                reported: q.kind == QuoteKind::Indirect,
            })
            .collect();
        let forms = if self.forms {
            self.forms(article, quotes.iter().filter_map(|q| q.name.as_deref()))
        } else {
            Vec::new()
        };
        let meta = &article.meta;
        let info = if self.statements {
            ArticleInfo {
                id: article.id,
                title: article.title.clone(),
                path: article.path.clone(),
                site: meta.site.clone(),
                date: meta.date.clone(),
            }
        } else {
            let none = String::new;
            ArticleInfo { id: article.id, title: none(), path: none(), site: None, date: None }
        };
        Digest { article: info, quotes, forms }
    }

    /// The forms the article's text gives its speakers' names: every capitalised word whose
    /// key is a speaker's surname (`Zelenskiy` for Volodymyr Zelenskyy), with the given name
    /// before it when there is one that fits.
    fn forms<'a>(
        &self,
        article: &Article,
        names: impl Iterator<Item = &'a Name>,
    ) -> Vec<(String, String)> {
        let mut by_surname: HashMap<&str, Vec<&Name>> = HashMap::new();
        for name in names {
            if let Shape::Proper { surname, .. } = &name.shape {
                let list = by_surname.entry(surname.as_str()).or_default();
                if list.iter().all(|n| n.key != name.key) {
                    list.push(name);
                }
            }
        }
        let mut out = Vec::new();
        if by_surname.is_empty() {
            return out;
        }
        // Most capitalised words are no speaker's surname: a look at the first letter rules
        // them out before a key is made.
        let initials: Vec<char> = by_surname.keys().filter_map(|k| k.chars().next()).collect();
        for paragraph in article.paragraphs.iter().filter_map(|r| article.text.get(r.clone())) {
            let mut previous: Option<&str> = None;
            for raw in paragraph.split_whitespace() {
                let word = bare_word(raw);
                let before = previous.take();
                // A word that ends a clause cannot be a given name for the next.
                if !raw.ends_with(|c: char| ".,;:!?\"”)".contains(c)) {
                    previous = Some(word);
                }
                if !looks_like_name(word) || !may_start(word, &initials) {
                    continue;
                }
                let Some(candidates) = by_surname.get(name_key(word).as_str()) else {
                    continue;
                };
                // `da Silva`: the end of a longer name, not a form of its own.
                if before.is_some_and(|p| self.lex.is_joiner(p)) {
                    continue;
                }
                let given = before.filter(|p| self.may_be_given(p));
                if let Some(form) = self.form(candidates, given, word) {
                    out.push(form);
                }
            }
        }
        out
    }

    /// Whose form `given surname` (or `surname` alone) is, among the names with that surname.
    fn form(
        &self,
        names: &[&Name],
        given: Option<&str>,
        surname: &str,
    ) -> Option<(String, String)> {
        let given_of = |n: &Name| match &n.shape {
            Shape::Proper { given, .. } => given.clone(),
            _ => None,
        };
        match given {
            Some(g) => {
                let key = self.aliases.given(&name_key(g)).to_string();
                let owner =
                    names.iter().find(|n| given_of(n).is_some_and(|ng| same_given(&ng, &key)))?;
                Some((owner.key.clone(), format!("{g} {surname}")))
            }
            None => match names {
                [only] => Some((only.key.clone(), surname.to_string())),
                // Two speakers share the surname: the bare form is neither's for sure.
                _ => None,
            },
        }
    }

    fn may_be_given(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        looks_like_name(word) && !self.lex.is_title(&lower) && !self.lex.is_not_name(&lower)
    }
}

/// Whether `word`'s key may start with one of `initials` (see [`name_key`]: `Y` and `J` fold
/// to `i`, `W` to `v`, `X` to `k`; `Kh`, `Ph`, `Sch` and `Tch` start with another letter).
fn may_start(word: &str, initials: &[char]) -> bool {
    let Some(first) = word.chars().next() else { return false };
    if !first.is_ascii() {
        return true;
    }
    let folded = match first.to_ascii_lowercase() {
        'j' | 'y' => 'i',
        'w' => 'v',
        'x' => 'k',
        'k' | 'p' | 's' | 't' => return true,
        c => c,
    };
    initials.contains(&folded)
}

/// A word without the punctuation around it or a possessive.
fn bare_word(raw: &str) -> &str {
    let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '’'));
    strip_possessive(w).trim_matches(|c: char| !c.is_alphanumeric())
}

/// Capitalised, with a lower-case letter (not a shouted dateline).
fn looks_like_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::QuoteKind;

    #[test]
    fn names_read_once_are_those_read_each_time() {
        let d = Digester::builtin();
        let cases = [
            ("Mr. Reed", SpeakerKind::Person),
            ("Reed", SpeakerKind::Organisation),
            ("Reed", SpeakerKind::Person),
            ("the spokesman", SpeakerKind::Person),
            ("he", SpeakerKind::Unknown),
        ];
        // Twice over: the second round is answered from what the first read.
        for (raw, kind) in cases.iter().chain(&cases) {
            assert_eq!(
                d.identity_once(raw, *kind),
                d.identity(raw, *kind).map(Arc::new),
                "{raw} {kind:?}"
            );
        }
        assert_ne!(
            d.identity_once("Reed", SpeakerKind::Organisation),
            d.identity_once("Reed", SpeakerKind::Person)
        );
    }

    fn article(text: &str) -> Article {
        let end = text.len();
        Article {
            id: ArticleId::of(text),
            path: "a.txt".into(),
            title: "T".into(),
            text: text.into(),
            paragraphs: std::iter::once(0..end).collect(),
            meta: Default::default(),
            offsets: Default::default(),
        }
    }

    fn quote(speaker: &str, pieces: std::ops::Range<usize>) -> Quote {
        Quote {
            quoted: vec![pieces.clone()],
            pieces: vec![pieces],
            kind: QuoteKind::Direct,
            speaker: Some(speaker.into()),
            speaker_kind: Some(SpeakerKind::Person),
            mention: None,
            cue: None,
        }
    }

    #[test]
    fn forms_are_the_spellings_the_text_uses() {
        let text = "\"Yes,\" said Volodymyr Zelenskyy. President Zelenskiy's aide, Hunter \
                    Zelensky, and Zelenskiy agreed.";
        let a = article(text);
        let d = Digester::builtin().digest(&a, &[quote("Volodymyr Zelenskyy", 1..4)]);
        let forms: Vec<&str> = d.forms.iter().map(|(_, f)| f.as_str()).collect();
        assert_eq!(forms, ["Volodymyr Zelenskyy", "Zelenskiy", "Zelenskiy"]);
        assert_eq!(d.quotes[0].words.len(), 1);
    }

    #[test]
    fn a_pronoun_speaker_is_no_name() {
        let a = article("\"Yes,\" he said.");
        let d = Digester::builtin().digest(&a, &[quote("he", 1..4)]);
        assert!(d.quotes[0].name.is_none());
    }
}
