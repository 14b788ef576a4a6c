//! The extractor's word lists: data from `assets/lexicon.toml`, merged with users' files.

use std::collections::HashSet;

use serde::Deserialize;

/// The built-in lexicon file.
pub const BUILTIN: &str = include_str!("../../assets/lexicon.toml");

/// A lexicon file as written: the built-in one, or a user's extension of it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    /// Verbs that report speech, every form.
    #[serde(default)]
    pub speech_verbs: Vec<String>,
    /// Nouns for what somebody said (`claim`, `remarks`).
    #[serde(default)]
    pub speech_nouns: Vec<String>,
    /// Phrases after which the speaker is named (`according to`).
    #[serde(default)]
    pub speaker_follows: Vec<String>,
    /// Words allowed between a speaker and the speech verb.
    #[serde(default)]
    pub between_speaker_and_verb: Vec<String>,
    /// Titles and roles of people.
    #[serde(default)]
    pub titles: Vec<String>,
    /// Honorifics that mark a person (`Mr`).
    #[serde(default)]
    pub honorifics: Vec<String>,
    /// Words that make a name an organisation's.
    #[serde(default)]
    pub organisation_words: Vec<String>,
    /// Plural nouns for unnamed speakers (`officials`).
    #[serde(default)]
    pub group_words: Vec<String>,
    /// First words of place names (`New`, `South`): such a name is no person's.
    #[serde(default)]
    pub place_words: Vec<String>,
    /// Pronouns by what they stand for.
    #[serde(default)]
    pub pronouns: PronounsFile,
    /// Other word classes.
    #[serde(default)]
    pub words: WordsFile,
    /// Transliteration variants folded at the end of a name.
    #[serde(default)]
    pub name_endings: Vec<NameEnding>,
}

/// Pronouns by what they can stand for.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PronounsFile {
    /// `he`, `she`.
    #[serde(default)]
    pub person: Vec<String>,
    /// `it`.
    #[serde(default)]
    pub organisation: Vec<String>,
    /// `they`.
    #[serde(default)]
    pub group: Vec<String>,
    /// `I`, `we`: the speaker inside a quote, never the one outside.
    #[serde(default)]
    pub speaker_self: Vec<String>,
}

/// Other word classes.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordsFile {
    /// Capitalised words that are never (part of) a speaker's name.
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Lower-case words inside names (`von`).
    #[serde(default)]
    pub name_joiners: Vec<String>,
    /// Abbreviations whose full stop does not end a sentence.
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Words after an apostrophe that make it an elision, not a quote mark.
    #[serde(default)]
    pub elisions: Vec<String>,
}

/// One transliteration variant: a name ending in `from` is the name ending in `to`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameEnding {
    /// The variant ending.
    pub from: String,
    /// The ending it folds to.
    pub to: String,
}

/// A lexicon file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct LexiconError(#[from] toml::de::Error);

impl LexiconFile {
    /// Parses a lexicon file.
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        Ok(toml::from_str(text)?)
    }
}

/// What a word is to the extractor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PronounKind {
    /// `he`, `she`.
    Person,
    /// `it`.
    Organisation,
    /// `they`.
    Group,
    /// `I`, `we`.
    SpeakerSelf,
}

/// The compiled lexicon: lower-case word sets.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    speech_verbs: HashSet<String>,
    speech_nouns: HashSet<String>,
    pub(crate) speaker_follows: Vec<Vec<String>>,
    between: HashSet<String>,
    titles: HashSet<String>,
    honorifics: HashSet<String>,
    organisation_words: HashSet<String>,
    group_words: HashSet<String>,
    place_words: HashSet<String>,
    pronouns: Vec<(String, PronounKind)>,
    not_names: HashSet<String>,
    joiners: HashSet<String>,
    abbreviations: HashSet<String>,
    elisions: HashSet<String>,
    name_endings: Vec<(String, String)>,
}

fn lower_all(set: &mut HashSet<String>, words: Vec<String>) {
    set.extend(words.into_iter().map(|w| w.to_lowercase()));
}

impl Lexicon {
    /// The built-in lexicon. The asset is part of the program and a test parses it.
    pub fn builtin() -> Self {
        Self::compile([LexiconFile::parse(BUILTIN).expect("assets/lexicon.toml parses")])
    }

    /// Merges lexicon files: each later file adds to every list.
    pub fn compile(files: impl IntoIterator<Item = LexiconFile>) -> Self {
        let mut lex = Self::default();
        for f in files {
            lower_all(&mut lex.speech_verbs, f.speech_verbs);
            lower_all(&mut lex.speech_nouns, f.speech_nouns);
            lex.speaker_follows.extend(
                f.speaker_follows
                    .iter()
                    .map(|p| p.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>())
                    .filter(|p| !p.is_empty()),
            );
            lower_all(&mut lex.between, f.between_speaker_and_verb);
            lower_all(&mut lex.titles, f.titles);
            lower_all(&mut lex.honorifics, f.honorifics);
            lower_all(&mut lex.organisation_words, f.organisation_words);
            lower_all(&mut lex.group_words, f.group_words);
            lower_all(&mut lex.place_words, f.place_words);
            let p = f.pronouns;
            for (words, kind) in [
                (p.person, PronounKind::Person),
                (p.organisation, PronounKind::Organisation),
                (p.group, PronounKind::Group),
                (p.speaker_self, PronounKind::SpeakerSelf),
            ] {
                lex.pronouns.extend(words.into_iter().map(|w| (w.to_lowercase(), kind)));
            }
            lower_all(&mut lex.not_names, f.words.not_names);
            lower_all(&mut lex.joiners, f.words.name_joiners);
            lower_all(&mut lex.abbreviations, f.words.abbreviations);
            lower_all(&mut lex.elisions, f.words.elisions);
            lex.name_endings.extend(
                f.name_endings.into_iter().map(|e| (e.from.to_lowercase(), e.to.to_lowercase())),
            );
        }
        lex
    }

    /// `lower` is a speech verb.
    pub fn is_speech_verb(&self, lower: &str) -> bool {
        self.speech_verbs.contains(lower)
    }
    /// `lower` is a noun for something said.
    pub fn is_speech_noun(&self, lower: &str) -> bool {
        self.speech_nouns.contains(lower)
    }
    /// `lower` may stand between a speaker and its verb.
    pub fn is_between(&self, lower: &str) -> bool {
        self.between.contains(lower) || (lower.len() > 4 && lower.ends_with("ly"))
    }
    /// `lower` is a title or role.
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }
    /// `lower` is an honorific (`mr`).
    pub fn is_honorific(&self, lower: &str) -> bool {
        self.honorifics.contains(lower)
    }
    /// `lower` marks an organisation.
    pub fn is_organisation_word(&self, lower: &str) -> bool {
        self.organisation_words.contains(lower)
    }
    /// `lower` names a group of unnamed speakers.
    pub fn is_group_word(&self, lower: &str) -> bool {
        self.group_words.contains(lower)
    }
    /// `lower` starts place names.
    pub fn is_place_word(&self, lower: &str) -> bool {
        self.place_words.contains(lower)
    }
    /// What pronoun `lower` is, if any.
    pub fn pronoun(&self, lower: &str) -> Option<PronounKind> {
        self.pronouns.iter().find(|(w, _)| w == lower).map(|&(_, k)| k)
    }
    /// `lower` is never part of a name.
    pub fn is_not_name(&self, lower: &str) -> bool {
        self.not_names.contains(lower)
    }
    /// `lower` joins the parts of a name.
    pub fn is_joiner(&self, lower: &str) -> bool {
        self.joiners.contains(lower)
    }
    /// `lower` (without its full stop) is an abbreviation.
    pub fn is_abbreviation(&self, lower: &str) -> bool {
        self.abbreviations.contains(lower)
    }
    /// `lower` is a word shortened by a leading apostrophe.
    pub fn is_elision(&self, lower: &str) -> bool {
        self.elisions.contains(lower)
    }

    /// The key under which spelling variants of one name meet: lower case, possessive dropped,
    /// transliteration endings folded.
    pub fn name_key(&self, word: &str) -> String {
        let mut key = word.to_lowercase();
        for suffix in ["'s", "’s", "'", "’"] {
            if let Some(k) = key.strip_suffix(suffix) {
                key = k.to_string();
                break;
            }
        }
        for (from, to) in &self.name_endings {
            if let Some(stem) = key.strip_suffix(from.as_str()) {
                key = format!("{stem}{to}");
                break;
            }
        }
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_folds_variants() {
        let lex = Lexicon::builtin();
        assert!(lex.is_speech_verb("said"));
        assert_eq!(lex.name_key("Zelenskyy"), lex.name_key("Zelenskiy"));
        assert_eq!(lex.name_key("Zelensky's"), lex.name_key("Zelensky"));
        assert_eq!(lex.name_key("Peskow"), lex.name_key("Peskov"));
        assert_ne!(lex.name_key("Putin"), lex.name_key("Peskov"));
    }

    #[test]
    fn user_file_extends_the_lists() {
        let user = LexiconFile::parse("speech_verbs = [\"Harrumphed\"]").unwrap();
        let lex = Lexicon::compile([LexiconFile::parse(BUILTIN).unwrap(), user]);
        assert!(lex.is_speech_verb("harrumphed"));
        assert!(lex.is_speech_verb("said"));
    }

    #[test]
    fn unknown_keys_are_an_error() {
        assert!(LexiconFile::parse("speach_verbs = []").is_err());
    }
}
