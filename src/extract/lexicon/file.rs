//! The lexicon file as written: the built-in `assets/lexicon.toml`, or a user's extension of it.

use serde::Deserialize;

use super::BUILTIN;

/// A lexicon file as written: the built-in one, or a user's extension of it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(expecting = "a table of extraction settings ([extraction])")]
pub struct LexiconFile {
    /// Verbs that report speech, every form.
    #[serde(default)]
    pub speech_verbs: Vec<String>,
    /// Verbs that report speech, thought or findings without quoting (`believes`, `shows`):
    /// cues of reported speech only, never of a quotation.
    #[serde(default)]
    pub reporting_verbs: Vec<String>,
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
    /// Words that tell a person's gender: pronouns, titles, given names.
    #[serde(default)]
    pub gender: GenderFile,
    /// Other word classes.
    #[serde(default)]
    pub words: WordsFile,
    /// Transliteration variants folded at the end of a name.
    #[serde(default)]
    pub name_endings: Vec<NameEnding>,
    /// Whether two apostrophes (`''…''`) are a double quote mark; a later file's choice wins.
    #[serde(default)]
    pub doubled_apostrophe_quotes: Option<bool>,
}

/// Pronouns by what they can stand for.
#[derive(Clone, Debug, Default, Deserialize)]
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

/// Words that tell whether a person is a man or a woman, so that `he` and `she` pass over
/// people they cannot mean.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GenderFile {
    /// `he`, `Mr`, `John`.
    #[serde(default)]
    pub male: Vec<String>,
    /// `she`, `Mrs`, `Mary`.
    #[serde(default)]
    pub female: Vec<String>,
}

/// Other word classes.
#[derive(Clone, Debug, Default, Deserialize)]
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
    /// Words that start a noun phrase (`the`, `his`): a speech word after one is a noun.
    #[serde(default)]
    pub determiners: Vec<String>,
    /// Prepositions after which a speech word is a noun (`a flurry of tweets`).
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Pronouns that keep a sentence about the person talked about before (`he`, `his`).
    #[serde(default)]
    pub topic_pronouns: Vec<String>,
    /// Words whose `'s` is a contraction, never a possessive (`that's`).
    #[serde(default)]
    pub contracted_with_s: Vec<String>,
    /// Besides the prepositions, words after which a quotation in capitals is a title (`at
    /// "Face the Nation"`).
    #[serde(default)]
    pub before_titles: Vec<String>,
    /// Words a title leaves in lower case (`of`, `the`).
    #[serde(default)]
    pub title_small_words: Vec<String>,
    /// Words after a person's surname that are not the surname (`Jr.`).
    #[serde(default)]
    pub name_suffixes: Vec<String>,
    /// Words that, after a comma, open a clause of the writer's own after reported speech
    /// (`…, but`, `…, which`).
    #[serde(default)]
    pub clause_after_report: Vec<String>,
    /// Particles of a phrasal speech verb, no part of what it reports (`talked up the
    /// prospect`, `played down the risk`).
    #[serde(default)]
    pub particles: Vec<String>,
    /// Speech verbs whose object is the one spoken to, no part of what was said (`told
    /// reporters the talks had failed`).
    #[serde(default)]
    pub telling_verbs: Vec<String>,
    /// Nouns for what shows or finds without speaking (`video`, `data`): a subject that reports
    /// evidence (`Video shows that …`).
    #[serde(default)]
    pub evidence_words: Vec<String>,
    /// Forms of `be`: before a participle they make it passive (in `the port was said to be
    /// sold`, the port is no speaker); before a word in `-ing`, a verb (`is warning`).
    #[serde(default)]
    pub be_forms: Vec<String>,
    /// Words that join a second clause after a comma (`, but Moss said …`).
    #[serde(default)]
    pub clause_joiners: Vec<String>,
    /// Words that say when something was said (`Friday`, `yesterday`): after a cue they are
    /// no part of what it reports.
    #[serde(default)]
    pub time_words: Vec<String>,
    /// Auxiliary and modal verbs (`has`, `would`): after `that` they make it a relative
    /// pronoun (`a seat that is open`), not the start of a reported clause.
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    /// Small words left out of an organisation's initials (`of`, `the`).
    #[serde(default)]
    pub initials_skip: Vec<String>,
}

/// One transliteration variant: a name ending in `from` is the name ending in `to`.
#[derive(Clone, Debug, Deserialize)]
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
    /// The built-in word lists, as a file to merge user files onto.
    pub fn builtin() -> Self {
        crate::assets::builtin("assets/lexicon.toml", Self::parse(BUILTIN))
    }

    /// Parses a lexicon file.
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        Ok(crate::assets::parse_strict(text)?)
    }
}
