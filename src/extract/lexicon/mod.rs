//! The extractor's word lists: data from `assets/lexicon.toml`, merged with users' files.
//!
//! `file` is the file's schema ([`LexiconFile`]), `class` the word classes a lookup answers
//! with ([`WordClass`]), and `table` the lookup itself.

mod class;
mod file;
mod table;

use std::ops::Range;

pub use class::{Gender, PronounKind, WordClass, fits, gender_of, pronoun_of};
pub use file::{GenderFile, LexiconError, LexiconFile, NameEnding, PronounsFile, WordsFile};
use table::{
    FILTER_BITS, SHORT, ShortTable, WordMap, apostrophe, filter_slot, pack_lower, pack_lower_in,
};

/// The built-in lexicon file.
pub const BUILTIN: &str = include_str!("../../../assets/lexicon.toml");

/// The compiled lexicon: a class for every listed word.
#[derive(Clone, Debug)]
pub struct Lexicon {
    classes: WordMap,
    /// The plain ASCII words of `classes` of up to [`SHORT`] bytes, packed: most lookups.
    short: ShortTable,
    filter: Box<[u64]>,
    longest: usize,
    pub(crate) speaker_follows: Vec<Vec<String>>,
    name_endings: Vec<(String, String)>,
    /// The last bytes of the endings in `name_endings`, one bit each: most keys end in none of
    /// them, and are not compared with each ending.
    ending_last: [u64; 4],
    /// `''…''` is a quotation (see [`LexiconFile::doubled_apostrophe_quotes`]).
    pub(crate) doubled_apostrophe_quotes: bool,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self {
            classes: WordMap::default(),
            short: ShortTable::default(),
            filter: vec![0; FILTER_BITS / 64].into_boxed_slice(),
            longest: 0,
            speaker_follows: Vec::new(),
            name_endings: Vec::new(),
            ending_last: [0; 4],
            doubled_apostrophe_quotes: false,
        }
    }
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
            let p = f.pronouns;
            let g = f.gender;
            let w = f.words;
            let lists = [
                (f.speech_verbs, WordClass::SPEECH_VERB),
                (f.reporting_verbs, WordClass::REPORTING_VERB),
                (f.speech_nouns, WordClass::SPEECH_NOUN),
                (f.between_speaker_and_verb, WordClass::BETWEEN),
                (f.titles, WordClass::TITLE),
                (f.organisation_words, WordClass::ORGANISATION),
                (f.group_words, WordClass::GROUP),
                (f.place_words, WordClass::PLACE),
                (p.person, WordClass::PRONOUN_PERSON),
                (p.organisation, WordClass::PRONOUN_ORGANISATION),
                (p.group, WordClass::PRONOUN_GROUP),
                (p.speaker_self, WordClass::PRONOUN_SELF),
                (g.male, WordClass::MALE),
                (g.female, WordClass::FEMALE),
                (w.not_names, WordClass::NOT_NAME),
                (w.name_joiners, WordClass::JOINER),
                (w.abbreviations, WordClass::ABBREVIATION),
                (w.elisions, WordClass::ELISION),
                (w.determiners, WordClass::DETERMINER),
                (w.prepositions, WordClass::PREPOSITION),
                (w.topic_pronouns, WordClass::TOPIC_PRONOUN),
                (w.contracted_with_s, WordClass::CONTRACTS),
                (w.before_titles, WordClass::BEFORE_TITLE),
                (w.title_small_words, WordClass::TITLE_SMALL),
                (w.name_suffixes, WordClass::NAME_SUFFIX),
                (w.initials_skip, WordClass::INITIALS_SKIP),
                (w.clause_after_report, WordClass::CLAUSE_AFTER_REPORT),
                (w.particles, WordClass::PARTICLE),
                (w.telling_verbs, WordClass::TELLS),
                (w.evidence_words, WordClass::EVIDENCE),
                (w.be_forms, WordClass::BE_FORM),
                (w.clause_joiners, WordClass::CLAUSE_JOINER),
                (w.time_words, WordClass::TIME_WORD),
                (w.auxiliaries, WordClass::AUXILIARY),
            ];
            for (words, bit) in lists {
                for word in words {
                    *lex.classes.entry(word.to_lowercase().into()).or_default() |= bit;
                }
            }
            for phrase in &f.speaker_follows {
                let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
                if let Some(first) = words.first() {
                    *lex.classes.entry(first.as_str().into()).or_default() |=
                        WordClass::PHRASE_START;
                    lex.speaker_follows.push(words);
                }
            }
            if let Some(on) = f.doubled_apostrophe_quotes {
                lex.doubled_apostrophe_quotes = on;
            }
            lex.name_endings.extend(
                f.name_endings.into_iter().map(|e| (e.from.to_lowercase(), e.to.to_lowercase())),
            );
        }
        let mut short = Vec::new();
        for (word, &classes) in &lex.classes {
            let b = word.as_bytes();
            if b.len() <= SHORT && word.is_ascii() {
                short.push((pack_lower(b), classes));
            }
            lex.longest = lex.longest.max(b.len());
            if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
                let slot = filter_slot(b.len(), first, last);
                lex.filter[slot / 64] |= 1 << (slot % 64);
            }
        }
        lex.short = ShortTable::build(&short);
        for (from, _) in &lex.name_endings {
            if let Some(&b) = from.as_bytes().last() {
                lex.ending_last[usize::from(b / 64)] |= 1 << (b % 64);
            }
        }
        lex
    }

    /// The classes of `word`, in any case, a final full stop ignored (`Gen.`).
    pub fn class_of(&self, word: &str) -> WordClass {
        let word = word.strip_suffix('.').unwrap_or(word);
        if word.len() > self.longest * 2 {
            return WordClass::empty();
        }
        let b = word.as_bytes();
        if let (Some(&first), Some(&last)) = (b.first(), b.last())
            && first.is_ascii()
            && last.is_ascii()
        {
            let slot = filter_slot(b.len(), first.to_ascii_lowercase(), last.to_ascii_lowercase());
            if self.filter[slot / 64] & (1 << (slot % 64)) == 0 {
                return WordClass::empty();
            }
        }
        if b.len() <= SHORT && word.is_ascii() {
            // The keys are in lower case: an ASCII word lower-cased is every word of the list
            // it can be.
            return self.short.get(pack_lower(b));
        }
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.classes.get(word).copied().unwrap_or_default();
        }
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            for (d, b) in buf.iter_mut().zip(word.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or_default();
            return self.classes.get(lower).copied().unwrap_or_default();
        }
        self.classes.get(word.to_lowercase().as_str()).copied().unwrap_or_default()
    }

    /// The classes of a plain word: ASCII letters and digits only, as the tokenizer reads most
    /// words. The same as [`Self::class_of`], without its checks for full stops and other
    /// characters.
    pub fn class_of_plain(&self, word: &str) -> WordClass {
        self.class_of_plain_in(word, 0..word.len())
    }

    /// [`Self::class_of_plain`] of the word `text[word]`: this is the lookup made for nearly
    /// every word of every article, and the text around the word lets it be packed in one load.
    #[inline(always)]
    pub fn class_of_plain_in(&self, text: &str, word: Range<usize>) -> WordClass {
        let b = text.as_bytes();
        debug_assert!(b[word.clone()].iter().all(u8::is_ascii_alphanumeric));
        if word.is_empty() {
            return WordClass::empty();
        }
        if word.len() > SHORT {
            return self.class_of(&text[word]);
        }
        // Not the quick filter of `class_of`: it lets most words through; the table has a
        // better one of its own.
        self.short.get(pack_lower_in(b, word))
    }

    fn has(&self, word: &str, bit: WordClass) -> bool {
        self.class_of(word).intersects(bit)
    }

    /// `word` is a speech verb.
    pub fn is_speech_verb(&self, word: &str) -> bool {
        self.has(word, WordClass::SPEECH_VERB)
    }
    /// `word` may stand between a speaker and its verb (adverbs in -ly too).
    pub fn is_between(&self, word: &str) -> bool {
        self.has(word, WordClass::BETWEEN) || (word.len() > 4 && word.ends_with("ly"))
    }
    /// `word` is a title or role.
    pub fn is_title(&self, word: &str) -> bool {
        self.has(word, WordClass::TITLE)
    }
    /// `word` marks an organisation.
    pub fn is_organisation_word(&self, word: &str) -> bool {
        self.has(word, WordClass::ORGANISATION)
    }
    /// `word` names a group of unnamed speakers.
    pub fn is_group_word(&self, word: &str) -> bool {
        self.has(word, WordClass::GROUP)
    }
    /// `word` starts place names.
    pub fn is_place_word(&self, word: &str) -> bool {
        self.has(word, WordClass::PLACE)
    }
    /// What pronoun `word` is, if any.
    pub fn pronoun(&self, word: &str) -> Option<PronounKind> {
        pronoun_of(self.class_of(self.uncontracted(word)))
    }
    /// A contracted pronoun without its ending (`He’s` → `He`, `they'll` → `they`), so that
    /// `He’s claiming` reads as a pronoun and its verb; any other word as it is (`Putin's`).
    pub fn uncontracted<'w>(&self, word: &'w str) -> &'w str {
        let Some(at) = apostrophe(word) else { return word };
        let ending = word[at..].trim_start_matches(['\'', '’']);
        let contraction = matches!(ending, "s" | "d" | "ll" | "re" | "ve" | "m");
        if contraction && pronoun_of(self.class_of(&word[..at])).is_some() {
            &word[..at]
        } else {
            word
        }
    }
    /// `word` is never part of a name.
    pub fn is_not_name(&self, word: &str) -> bool {
        self.has(word, WordClass::NOT_NAME)
    }
    /// `word` (without its full stop) is an abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.has(word, WordClass::ABBREVIATION)
    }
    /// `word` is shortened by a leading apostrophe.
    pub fn is_elision(&self, word: &str) -> bool {
        self.has(word, WordClass::ELISION)
    }
    /// `word` joins the parts of a name (`von`, `bin`).
    pub fn is_joiner(&self, word: &str) -> bool {
        self.has(word, WordClass::JOINER)
    }
    /// `word` (full stop ignored) follows a surname without being one (`Jr.`).
    pub fn is_name_suffix(&self, word: &str) -> bool {
        self.has(word, WordClass::NAME_SUFFIX)
    }
    /// `word` is left out of an organisation's initials (`of`).
    pub fn is_skipped_in_initials(&self, word: &str) -> bool {
        self.has(word, WordClass::INITIALS_SKIP)
    }

    /// The key under which spelling variants of one name meet: lower case, possessive dropped,
    /// transliteration endings folded.
    pub fn name_key(&self, word: &str) -> String {
        let mut key = String::with_capacity(word.len());
        self.name_key_into(word, &mut key);
        key
    }

    /// [`Self::name_key`] written into `key`, for a key only looked up: one buffer serves
    /// every name mention of an article.
    pub fn name_key_into(&self, word: &str, key: &mut String) {
        key.clear();
        if word.is_ascii() {
            key.push_str(word);
            key.make_ascii_lowercase();
        } else {
            key.push_str(&word.to_lowercase());
        }
        // Every possessive ends in `s` or an apostrophe (`’` ends in 0x99): other keys, most
        // of them, are not compared with each.
        if matches!(key.as_bytes().last(), Some(b's' | b'\'' | 0x99))
            && let Some(suffix) = ["'s", "’s", "'", "’"].into_iter().find(|s| key.ends_with(s))
        {
            key.truncate(key.len() - suffix.len());
        }
        // The last byte first: most keys end in none of the endings' last letters.
        let last = key.as_bytes().last().copied();
        let may_end =
            last.is_none_or(|b| self.ending_last[usize::from(b / 64)] & (1 << (b % 64)) != 0);
        if may_end
            && let Some((from, to)) = self.name_endings.iter().find(|(from, _)| {
                from.as_bytes().last().copied() == last && key.ends_with(from.as_str())
            })
        {
            key.truncate(key.len() - from.len());
            key.push_str(to);
        }
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
    fn short_words_pack_in_lower_case() {
        assert_eq!(pack_lower(b"Said"), pack_lower(b"sAID"));
        assert_ne!(pack_lower(b"said"), pack_lower(b"said\0"));
        let edges = pack_lower(b"@[`{AZaz09").to_le_bytes();
        assert_eq!(&edges[..10], b"@[`{azaz09");
        let lex = Lexicon::builtin();
        assert_eq!(lex.class_of("SAID"), lex.class_of("said"));
        assert!(!lex.class_of("Said.").is_empty());
    }

    #[test]
    fn every_short_word_is_found_in_the_packed_table_and_others_are_not() {
        let lex = Lexicon::builtin();
        let mut short = 0;
        for (word, &classes) in &lex.classes {
            if word.len() <= SHORT && word.is_ascii() {
                short += 1;
                assert_eq!(lex.short.get(pack_lower(word.as_bytes())), classes, "{word}");
                assert_eq!(lex.class_of(&word.to_uppercase()), classes, "{word}");
            }
        }
        assert!(short > 100);
        for word in ["zzyzx", "qwertyuiopasdfg", "Peskovian", "xq"] {
            assert!(lex.class_of(word).is_empty(), "{word}");
        }
        // The listed lower-case words are word classes too.
        assert!(lex.class_of("Was").contains(WordClass::BE_FORM));
        assert!(lex.class_of("would").contains(WordClass::AUXILIARY));
        assert!(lex.class_of("FRIDAY").contains(WordClass::TIME_WORD));
        assert!(lex.class_of("whereas").contains(WordClass::CLAUSE_JOINER));
    }

    #[test]
    fn plain_lookup_agrees_with_the_general_one() {
        let lex = Lexicon::builtin();
        for word in ["said", "SAID", "He", "the", "Putin", "x", "Ministry", "spokeswomen", "a1"] {
            assert_eq!(lex.class_of_plain(word), lex.class_of(word), "{word}");
        }
        assert!(lex.class_of_plain("Internationalisation").is_empty());
    }

    #[test]
    fn packing_in_the_text_masks_what_follows() {
        let text = b"Said the Ministry spokeswoman, \xe2\x80\x9cno\xe2\x80\x9d";
        for (at, len) in [(0, 4), (5, 3), (9, 8), (18, 11), (34, 2)] {
            let word = at..at + len;
            assert_eq!(pack_lower_in(text, word.clone()), pack_lower(&text[word]));
        }
    }

    #[test]
    fn contracted_pronouns_are_found_past_any_apostrophe() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.uncontracted("He’s"), "He");
        assert_eq!(lex.uncontracted("they'll"), "they");
        assert_eq!(lex.uncontracted("Putin's"), "Putin's");
        assert_eq!(lex.uncontracted("Ⅻ—it’s"), "Ⅻ—it’s");
        assert_eq!(apostrophe("a–b’s"), Some(5));
    }

    #[test]
    fn unknown_keys_are_an_error() {
        assert!(LexiconFile::parse("speach_verbs = []").is_err());
    }
}
