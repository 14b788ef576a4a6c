//! A speaker's name as the extractor gives it, read into the parts identity is decided on: a
//! person's given name and surname, an organisation's name, or a description.

use crate::extract::{Lexicon, SpeakerKind};

use super::aliases::{Aliases, fold_name};
use super::fold::{name_key, strip_possessive};

/// What a name is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Capitalised words: a person's name, or a single word that may be a surname (`Russia`,
    /// `Lavrov`) when the extractor could not tell. Keys are [`name_key`]s.
    Proper {
        /// The first name's key (its alias-list canonical form), if the name has one.
        given: Option<String>,
        /// The last name's key.
        surname: String,
    },
    /// An organisation's name (`Ministry of Defence`).
    Organisation,
    /// Words that describe the speaker instead of naming them (`Kremlin spokesman`, `readout`).
    Description,
}

/// A parsed speaker name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The name as written, titles and possessive dropped (or the alias list's name).
    pub display: String,
    /// The name as written, titles and possessive dropped: a form of it that was seen.
    pub written: String,
    /// The exact identity of the name: its shape and its folded words.
    pub key: String,
    /// What the extractor said the speaker is.
    pub kind: SpeakerKind,
    /// Its parts.
    pub shape: Shape,
}

/// Reads a speaker's name; `None` for a pronoun or for nothing at all.
pub fn parse(raw: &str, mut kind: SpeakerKind, lex: &Lexicon, aliases: &Aliases) -> Option<Name> {
    let mut words = clean_words(raw);
    if kind != SpeakerKind::Organisation {
        // `President Putin`, `Foreign Minister Lavrov`: the title and what qualifies it are not
        // the name. The last word is always kept, so that a description ending in a title
        // (`Kremlin spokesman`) stays one.
        while words.len() > 1 && words.last().is_some_and(|w| lex.is_name_suffix(w)) {
            words.pop();
        }
        let last = words.len().saturating_sub(1);
        if let Some(t) = words[..last].iter().rposition(|w| is_title(w, lex)) {
            words.drain(..=t);
        }
    }
    if let [only] = words.as_slice()
        && !is_acronym(only)
        && lex.pronoun(&only.to_lowercase()).is_some()
    {
        return None;
    }
    // `the company`, `the readout`: no one in particular, and not the same one in two articles.
    if !words.iter().any(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    let written = words.join(" ");
    let mut display = written.clone();
    if let Some((canonical, known)) = aliases.name(&display) {
        display = canonical.to_string();
        words = clean_words(&display);
        kind = known;
    }
    let proper = words.iter().all(|w| is_proper_word(w, lex));
    let shape = match kind {
        SpeakerKind::Organisation => Shape::Organisation,
        _ if !proper => Shape::Description,
        _ => proper_parts(&words, lex, aliases)?,
    };
    let tag = match shape {
        Shape::Proper { .. } => 'p',
        Shape::Organisation => 'o',
        Shape::Description => 'd',
    };
    let key = format!("{tag}:{}", fold_name(&display));
    Some(Name { display, written, key, kind, shape })
}

/// The words of `raw`, each without surrounding punctuation (bar an initial's full stop) or
/// possessive.
fn clean_words(raw: &str) -> Vec<String> {
    raw.split_whitespace()
        .map(|w| {
            let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            let w =
                strip_possessive(w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.'));
            let w = if w.len() > 2 { w.trim_end_matches('.') } else { w };
            w.to_string()
        })
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// `WHO`, `US`: an organisation's initials, whatever lower-case word they spell.
fn is_acronym(word: &str) -> bool {
    word.len() >= 2 && word.chars().all(|c| c.is_uppercase())
}

fn is_title(word: &str, lex: &Lexicon) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    lex.is_title(&lower)
}

/// `von`, `bin`: joins the parts of a name.
fn is_joiner(word: &str, lex: &Lexicon) -> bool {
    lex.is_joiner(word)
}

/// A word a proper name may hold: capitalised, or a joiner (`von`, `bin`).
fn is_proper_word(word: &str, lex: &Lexicon) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) || is_joiner(word, lex)
}

/// The given name and surname of a proper name; `None` when no word has letters.
fn proper_parts(words: &[String], lex: &Lexicon, aliases: &Aliases) -> Option<Shape> {
    let surname = name_key(words.last()?);
    if surname.is_empty() {
        return None;
    }
    let (_, before) = words.split_last()?;
    let given = before
        .first()
        .filter(|w| !is_joiner(w, lex))
        .map(|w| aliases.given(&name_key(w)).to_string())
        .filter(|g| !g.is_empty());
    Some(Shape::Proper { given, surname })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(raw: &str, kind: SpeakerKind) -> Option<Name> {
        parse(raw, kind, &Lexicon::builtin(), &Aliases::builtin())
    }

    fn parts(raw: &str) -> Shape {
        p(raw, SpeakerKind::Person).unwrap().shape
    }

    #[test]
    fn titles_and_possessives_are_not_the_name() {
        let n = p("Foreign Minister Sergei Lavrov's", SpeakerKind::Person).unwrap();
        assert_eq!(n.display, "Sergei Lavrov");
        assert_eq!(
            n.shape,
            Shape::Proper { given: Some("sergei".into()), surname: "lavrov".into() }
        );
        assert_eq!(parts("Mr. Lavrov"), Shape::Proper { given: None, surname: "lavrov".into() });
    }

    #[test]
    fn pronouns_are_nobody() {
        assert_eq!(p("he", SpeakerKind::Person), None);
        assert_eq!(p("It", SpeakerKind::Organisation), None);
        assert_eq!(p("  ", SpeakerKind::Unknown), None);
    }

    #[test]
    fn lower_case_words_describe_or_name_nobody() {
        assert_eq!(parts("Kremlin spokesman"), Shape::Description);
        assert_eq!(p("readout", SpeakerKind::Organisation), None);
        assert_eq!(p("senior official", SpeakerKind::Person), None);
    }

    #[test]
    fn initials_are_no_pronoun() {
        assert_eq!(p("US", SpeakerKind::Organisation).unwrap().shape, Shape::Organisation);
        assert_eq!(p("WHO", SpeakerKind::Organisation).unwrap().written, "WHO");
    }

    #[test]
    fn joiners_and_suffixes_are_not_given_names_or_surnames() {
        assert_eq!(parts("von der Leyen"), Shape::Proper { given: None, surname: "leien".into() });
        assert_eq!(
            parts("Martin Luther King Jr."),
            Shape::Proper { given: Some("martin".into()), surname: "king".into() }
        );
    }

    #[test]
    fn aliases_and_nicknames_resolve() {
        assert_eq!(p("President Xi", SpeakerKind::Person).unwrap().display, "Xi Jinping");
        assert_eq!(parts("Joe Biden"), parts("Joseph Biden"));
        let mod_ = p("MoD", SpeakerKind::Organisation).unwrap();
        assert_eq!((mod_.display.as_str(), mod_.written.as_str()), ("Ministry of Defence", "MoD"));
    }
}
