//! Speaker resolution: a mention (`he`, `Peskov`, `the Kremlin spokesman`) becomes the fullest
//! name the article gives, using who was talked about most recently.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::attribution::Mention;
use super::lexicon::{Gender, Lexicon, PronounKind, WordClass, fits};
use super::names::{Entity, NameRun, Registry, joined_shared};
use super::tokens::Token;

/// What kind of speaker a quotation has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named or described person.
    Person,
    /// A government body, company, newspaper, document (`the readout`).
    Organisation,
    /// Named, but not known to be either (`Russia`, `officials`).
    Unknown,
}

impl SpeakerKind {
    /// The kind's name in rows (its serde name).
    pub fn name(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organisation => "organisation",
            Self::Unknown => "unknown",
        }
    }
}

/// A speaker resolved from a mention: the name quotes are given under, and its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Resolved {
    /// The fullest name, or the description as written when nobody is named: shared with the
    /// registry, so that resolving a mention copies no name.
    pub name: Rc<str>,
    /// Person or organisation.
    pub kind: SpeakerKind,
}

/// Who was talked about most recently: the state pronouns are resolved against.
#[derive(Debug, Default)]
pub(super) struct Salience {
    person: Option<usize>,
    org: Option<usize>,
    /// For each person, when they were last mentioned (a running count of mentions).
    seen: Vec<usize>,
    clock: usize,
    /// The last man and the last woman mentioned (of those whose gender is known).
    last_man: Option<usize>,
    last_woman: Option<usize>,
}

impl Salience {
    /// Takes in a sentence's name runs, in order: its first person is its subject, and becomes
    /// whom `he` or `she` will mean.
    pub(super) fn read_sentence<'r>(
        &mut self,
        runs: impl Iterator<Item = &'r NameRun>,
        reg: &Registry,
    ) {
        let mut subject_person = None;
        let mut subject_org = None;
        for run in runs {
            self.clock += 1;
            match run.entity {
                Entity::Person(id) => {
                    if self.seen.len() <= id {
                        self.seen.resize(id + 1, 0);
                    }
                    self.seen[id] = self.clock;
                    subject_person.get_or_insert(id);
                    match reg.persons.get(id).and_then(|p| p.gender) {
                        Some(Gender::Male) => self.last_man = Some(id),
                        Some(Gender::Female) => self.last_woman = Some(id),
                        None => {}
                    }
                }
                Entity::Org(id) => {
                    subject_org.get_or_insert(id);
                }
                Entity::Other => {}
            }
        }
        if subject_person.is_some() {
            self.person = subject_person;
        }
        if subject_org.is_some() {
            self.org = subject_org;
        }
    }

    /// Makes `speaker` the one a following pronoun means.
    pub(super) fn spoke(&mut self, entity: Entity) {
        match entity {
            Entity::Person(id) => self.person = Some(id),
            Entity::Org(id) => self.org = Some(id),
            Entity::Other => {}
        }
    }

    fn last_seen(&self, id: usize) -> usize {
        self.seen.get(id).copied().unwrap_or(0)
    }

    /// Whom a personal pronoun of gender `gender` means: the person talked about, unless the
    /// pronoun cannot mean them (`she` after `Mr. Reed`); then the last person seen who is
    /// known to be of that gender, if any.
    fn person_for(&self, gender: Option<Gender>, reg: &Registry) -> Option<usize> {
        let current = self.person?;
        if reg.persons.get(current).is_some_and(|p| fits(p.gender, gender)) {
            return Some(current);
        }
        // Only someone known to fit: a person of unknown gender may be a misread name.
        match gender? {
            Gender::Male => self.last_man,
            Gender::Female => self.last_woman,
        }
    }
}

/// What resolution reads: the paragraph of the mention, and the article's registry.
pub(super) struct Scope<'a> {
    /// The article's text.
    pub text: &'a str,
    /// The paragraph's tokens.
    pub tokens: &'a [Token],
    /// The paragraph's name runs.
    pub runs: &'a [NameRun],
    /// The article's people and organisations.
    pub reg: &'a Registry,
    /// The word lists.
    pub lex: &'a Lexicon,
}

/// Resolves `mention` to a speaker and the entity behind it.
pub(super) fn resolve(
    mention: &Mention,
    cx: &Scope,
    salience: &Salience,
) -> Option<(Resolved, Entity)> {
    let Scope { text, tokens, runs, reg, lex } = *cx;
    let person = |id: usize| {
        let name = reg.persons.get(id)?.name.clone();
        Some((Resolved { name, kind: SpeakerKind::Person }, Entity::Person(id)))
    };
    let org = |id: usize| {
        let name = reg.orgs.get(id)?.name.clone();
        Some((Resolved { name, kind: SpeakerKind::Organisation }, Entity::Org(id)))
    };
    match mention {
        Mention::Name(r) => {
            let run = runs.get(*r)?;
            match run.entity {
                Entity::Person(id) => person(id),
                Entity::Org(id) => org(id),
                Entity::Other => {
                    let name = joined_shared(text, &tokens[run.name.clone()]);
                    Some((Resolved { name, kind: SpeakerKind::Unknown }, Entity::Other))
                }
            }
        }
        Mention::Pronoun(PronounKind::Person(gender)) => {
            salience.person_for(*gender, reg).and_then(person)
        }
        Mention::Pronoun(PronounKind::Organisation) => salience.org.and_then(org),
        Mention::Pronoun(_) => None,
        Mention::Description(d) => {
            let (head, modifiers, written) = (&d.head, &d.modifiers, &d.written);
            let holder = reg.with_role(head, modifiers).max_by_key(|&id| salience.last_seen(id));
            if let Some(id) = holder {
                return person(id);
            }
            // One lookup for both lists.
            let class = lex.class_of(head);
            let kind = if class.intersects(WordClass::TITLE) {
                SpeakerKind::Person
            } else if class.intersects(WordClass::GROUP) {
                SpeakerKind::Unknown
            } else {
                let same = |id: &usize| {
                    reg.orgs.get(*id).is_some_and(|o| names_agree(&o.name, written, lex))
                };
                if let Some(id) = reg.last_org_with_word(head).filter(same) {
                    return org(id);
                }
                SpeakerKind::Organisation
            };
            let name = strip_determiner(written).into();
            Some((Resolved { name, kind }, Entity::Other))
        }
    }
}

/// Whether every name word of a description (`Bloomberg` in `a Bloomberg poll`) is a word of the
/// organisation's name too: a named poll is not the bare `Poll` of a headline, while `the
/// ministry` and `the foreign ministry` still stand for `Foreign Ministry`. Capitalised words
/// the lexicon knows as no name (`This`, `Saturday`) are not asked for.
fn names_agree(org: &str, written: &str, lex: &Lexicon) -> bool {
    let org: Vec<&str> = org.split(|c: char| c.is_whitespace() || c == '/').collect();
    let named = |w: &&str| {
        w.starts_with(char::is_uppercase)
            && !lex.class_of(w).intersects(WordClass::DETERMINER | WordClass::NOT_NAME)
    };
    let words = written.split(|c: char| c.is_whitespace() || c == '/');
    words.filter(named).all(|w| org.iter().any(|o| o.eq_ignore_ascii_case(w)))
}

fn strip_determiner(written: &str) -> String {
    let mut words = written.split_whitespace().peekable();
    let determiner = |w: &&str| ["the", "a", "an"].iter().any(|d| w.eq_ignore_ascii_case(d));
    if words.peek().is_some_and(determiner) {
        words.next();
    }
    // Joined by one space straight into the name, with no list of the words first.
    let mut out = String::with_capacity(written.len());
    for (i, w) in words.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
