//! The extractor's word lists: data from `assets/lexicon.toml`, merged with users' files.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;

/// The built-in lexicon file.
pub const BUILTIN: &str = include_str!("../../assets/lexicon.toml");

/// A lexicon file as written: the built-in one, or a user's extension of it.
#[derive(Clone, Debug, Default, Deserialize)]
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
        // The asset is part of the program; a test parses it.
        Self::parse(BUILTIN).unwrap_or_default()
    }

    /// Parses a lexicon file.
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        Ok(crate::assets::parse_strict(text)?)
    }
}

/// The pronoun a word of these classes is, if any.
pub fn pronoun_of(classes: u32) -> Option<PronounKind> {
    match classes & class::PRONOUN {
        0 => None,
        c if c & class::PRONOUN_PERSON != 0 => Some(PronounKind::Person(gender_of(classes))),
        c if c & class::PRONOUN_ORGANISATION != 0 => Some(PronounKind::Organisation),
        c if c & class::PRONOUN_GROUP != 0 => Some(PronounKind::Group),
        _ => Some(PronounKind::SpeakerSelf),
    }
}

/// The gender a word of these classes tells, if it tells one.
pub fn gender_of(classes: u32) -> Option<Gender> {
    match (classes & class::MALE != 0, classes & class::FEMALE != 0) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

/// A person's gender, as the article's words tell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// `he`, `Mr.`
    Male,
    /// `she`, `Ms.`
    Female,
}

/// Whether a person of gender `person` may be meant by a word of gender `word` (either may be
/// unknown).
pub fn fits(person: Option<Gender>, word: Option<Gender>) -> bool {
    person.is_none() || word.is_none() || person == word
}

/// What a pronoun stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PronounKind {
    /// `he`, `she`, with the gender it tells.
    Person(Option<Gender>),
    /// `it`.
    Organisation,
    /// `they`.
    Group,
    /// `I`, `we`.
    SpeakerSelf,
}

/// Word classes, as bits: one table lookup tells everything the extractor asks of a word.
pub mod class {
    /// A speech verb (`said`).
    pub const SPEECH_VERB: u32 = 1 << 0;
    /// A noun for something said (`claim`).
    pub const SPEECH_NOUN: u32 = 1 << 1;
    /// May stand between a speaker and its verb (`also`).
    pub const BETWEEN: u32 = 1 << 2;
    /// A title or role (`president`).
    pub const TITLE: u32 = 1 << 3;
    /// Marks an organisation (`ministry`).
    pub const ORGANISATION: u32 = 1 << 5;
    /// Names unnamed speakers (`officials`).
    pub const GROUP: u32 = 1 << 6;
    /// Starts place names (`south`).
    pub const PLACE: u32 = 1 << 7;
    /// Never part of a name (`the`).
    pub const NOT_NAME: u32 = 1 << 8;
    /// Joins the parts of a name (`von`).
    pub const JOINER: u32 = 1 << 9;
    /// An abbreviation (`gen`).
    pub const ABBREVIATION: u32 = 1 << 10;
    /// Shortened by a leading apostrophe (`em`).
    pub const ELISION: u32 = 1 << 11;
    /// `he`, `she`.
    pub const PRONOUN_PERSON: u32 = 1 << 12;
    /// `it`.
    pub const PRONOUN_ORGANISATION: u32 = 1 << 13;
    /// `they`.
    pub const PRONOUN_GROUP: u32 = 1 << 14;
    /// `I`, `we`.
    pub const PRONOUN_SELF: u32 = 1 << 15;
    /// The first word of a phrase naming the speaker after it (`according`).
    pub const PHRASE_START: u32 = 1 << 16;
    /// Tells a man (`he`, `Mr`, `John`).
    pub const MALE: u32 = 1 << 17;
    /// Tells a woman (`she`, `Mrs`, `Mary`).
    pub const FEMALE: u32 = 1 << 18;
    /// Not a list: set on tokens that start with a capital letter.
    pub const CAPITALISED: u32 = 1 << 31;
    /// Any pronoun.
    pub const PRONOUN: u32 = PRONOUN_PERSON | PRONOUN_ORGANISATION | PRONOUN_GROUP | PRONOUN_SELF;
    /// What a word in capitals (`WHO`, `US`) is not: a pronoun or another word that names
    /// nobody.
    pub const FUNCTION_WORD: u32 = PRONOUN | NOT_NAME | MALE | FEMALE;
}

/// A fast hash for short words: eight bytes at a time, one multiply each. The lexicon's table of
/// words and the name registry's maps are looked up for many words of every article, where the
/// default hasher's protection against crafted keys buys nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(23);
        }
        self.0 = h ^ bytes.len() as u64;
    }
    fn write_u8(&mut self, n: u8) {
        // A `str` key ends with one (`0xff`), and the registry's keys carry a `bool`: one
        // multiply, not a pass of `write` over a one-byte slice.
        self.0 = (self.0 ^ u64::from(n)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type WordMap = HashMap<Box<str>, u32, std::hash::BuildHasherDefault<WordHasher>>;

/// The short-word table: a word of up to [`SHORT`] ASCII bytes packed into one integer (see
/// [`pack_lower`]), so that a lookup compares numbers, not strings. Open addressing in a table
/// at most a quarter full: most lookups, made for nearly every word of every article, read one
/// slot after one multiply.
#[derive(Clone, Debug)]
struct ShortTable {
    /// The packed words; 0 (no word packs to it: the length byte is never 0) marks a free slot.
    keys: Box<[u128]>,
    /// Each word's classes, in the slot of its key.
    classes: Box<[u32]>,
    /// 64 less the number of bits of a slot index.
    shift: u32,
}

impl Default for ShortTable {
    fn default() -> Self {
        Self::build(&[])
    }
}

impl ShortTable {
    /// The table of these distinct packed words and their classes.
    fn build(words: &[(u128, u32)]) -> Self {
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut table = Self {
            keys: vec![0; size].into_boxed_slice(),
            classes: vec![0; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
        };
        for &(key, classes) in words {
            let mut i = table.slot(key);
            while table.keys[i] != 0 && table.keys[i] != key {
                i = (i + 1) & (size - 1);
            }
            table.keys[i] = key;
            table.classes[i] = classes;
        }
        table
    }

    /// Where the search for `key` starts: its two halves folded, one multiply, the top bits.
    #[inline]
    fn slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(32);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The classes of the packed word `key` (0 for a word in no list).
    #[inline]
    fn get(&self, key: u128) -> u32 {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        // The table is never full: a free slot ends every search.
        loop {
            match self.keys.get(i) {
                Some(&k) if k == key => return self.classes.get(i).copied().unwrap_or(0),
                Some(&k) if k != 0 => i = (i + 1) & mask,
                _ => return 0,
            }
        }
    }
}

/// The longest word the short-word table holds: its bytes and its length fill 16 bytes.
const SHORT: usize = 15;

/// `word` (ASCII, at most [`SHORT`] bytes) in lower case, packed with its length.
fn pack_lower(word: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word);
    lower_packed(u128::from_le_bytes(bytes), word.len())
}

/// [`pack_lower`] of `text[word]`, read with one sixteen-byte load when `text` has sixteen
/// bytes from the word's start: the bytes after the word are masked off rather than copied
/// one by one (this is the packing of nearly every word of every article).
#[inline]
fn pack_lower_in(text: &[u8], word: Range<usize>) -> u128 {
    let len = word.len();
    let window = text.get(word.start..word.start + 16).and_then(|w| <[u8; 16]>::try_from(w).ok());
    // The low `len` bytes set: a table rather than a shift of a `u128` by a variable amount.
    const KEEP: [u128; SHORT + 1] = {
        let mut keep = [0; SHORT + 1];
        let mut len = 1;
        while len <= SHORT {
            keep[len] = (1 << (8 * len)) - 1;
            len += 1;
        }
        keep
    };
    match (window, KEEP.get(len)) {
        (Some(window), Some(keep)) => lower_packed(u128::from_le_bytes(window) & keep, len),
        _ => pack_lower(&text[word]),
    }
}

/// Up to [`SHORT`] ASCII bytes (the rest zero) lower-cased, with `len` in the last byte.
#[inline]
fn lower_packed(packed: u128, len: usize) -> u128 {
    let packed = packed | (len as u128) << 120;
    // All sixteen bytes lower-cased at once. Every byte is below 0x80, so adding to one never
    // carries into the next: the top bit of each sum tells `>= 'A'` and `> 'Z'`, and a capital
    // gets 0x20 added.
    const ONES: u128 = u128::MAX / 255;
    let from_a = packed + ONES * u128::from(0x80 - b'A');
    let past_z = packed + ONES * u128::from(0x7f - b'Z');
    let capitals = from_a & !past_z & (ONES * 0x80);
    packed | capitals >> 2
}

/// Where the first apostrophe (`'` or `’`) of `word` is. Called for every word of every article
/// and most words have none: a byte scan, not a search for two chars, which decodes UTF-8.
fn apostrophe(word: &str) -> Option<usize> {
    // `’` is E2 80 99; E2 also leads other three-byte characters, which the check skips.
    let b = word.as_bytes();
    (0..b.len()).find(|&i| b[i] == b'\'' || (b[i] == 0xE2 && b[i..].starts_with("’".as_bytes())))
}

/// Bits of the quick filter in front of the table (a power of two).
const FILTER_BITS: usize = 1 << 14;

/// The quick filter's slot for a lower-case word: most words of an article are in no list, and
/// the filter says so from their length and first and last letters, without hashing.
fn filter_slot(len: usize, first: u8, last: u8) -> usize {
    (len.wrapping_mul(0x9e37) ^ usize::from(first).wrapping_mul(0x85eb) ^ usize::from(last) << 7)
        & (FILTER_BITS - 1)
}

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
                (f.speech_verbs, class::SPEECH_VERB),
                (f.speech_nouns, class::SPEECH_NOUN),
                (f.between_speaker_and_verb, class::BETWEEN),
                (f.titles, class::TITLE),
                (f.organisation_words, class::ORGANISATION),
                (f.group_words, class::GROUP),
                (f.place_words, class::PLACE),
                (p.person, class::PRONOUN_PERSON),
                (p.organisation, class::PRONOUN_ORGANISATION),
                (p.group, class::PRONOUN_GROUP),
                (p.speaker_self, class::PRONOUN_SELF),
                (g.male, class::MALE),
                (g.female, class::FEMALE),
                (w.not_names, class::NOT_NAME),
                (w.name_joiners, class::JOINER),
                (w.abbreviations, class::ABBREVIATION),
                (w.elisions, class::ELISION),
            ];
            for (words, bit) in lists {
                for word in words {
                    *lex.classes.entry(word.to_lowercase().into()).or_default() |= bit;
                }
            }
            for phrase in &f.speaker_follows {
                let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
                if let Some(first) = words.first() {
                    *lex.classes.entry(first.as_str().into()).or_default() |= class::PHRASE_START;
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
        lex
    }

    /// The classes of `word`, in any case, a final full stop ignored (`Gen.`).
    pub fn class_of(&self, word: &str) -> u32 {
        let word = word.strip_suffix('.').unwrap_or(word);
        if word.len() > self.longest * 2 {
            return 0;
        }
        let b = word.as_bytes();
        if let (Some(&first), Some(&last)) = (b.first(), b.last())
            && first.is_ascii()
            && last.is_ascii()
        {
            let slot = filter_slot(b.len(), first.to_ascii_lowercase(), last.to_ascii_lowercase());
            if self.filter[slot / 64] & (1 << (slot % 64)) == 0 {
                return 0;
            }
        }
        if b.len() <= SHORT && word.is_ascii() {
            // The keys are in lower case: an ASCII word lower-cased is every word of the list
            // it can be.
            return self.short.get(pack_lower(b));
        }
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.classes.get(word).copied().unwrap_or(0);
        }
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            for (d, b) in buf.iter_mut().zip(word.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or_default();
            return self.classes.get(lower).copied().unwrap_or(0);
        }
        self.classes.get(word.to_lowercase().as_str()).copied().unwrap_or(0)
    }

    /// The classes of a plain word: ASCII letters and digits only, as the tokenizer reads most
    /// words. The same as [`Self::class_of`], without its checks for full stops and other
    /// characters.
    pub fn class_of_plain(&self, word: &str) -> u32 {
        self.class_of_plain_in(word, 0..word.len())
    }

    /// [`Self::class_of_plain`] of the word `text[word]`: this is the lookup made for nearly
    /// every word of every article, and the text around the word lets it be packed in one load.
    #[inline]
    pub fn class_of_plain_in(&self, text: &str, word: Range<usize>) -> u32 {
        let b = text.as_bytes();
        debug_assert!(b[word.clone()].iter().all(u8::is_ascii_alphanumeric));
        if word.is_empty() {
            return 0;
        }
        if word.len() > SHORT {
            return self.class_of(&text[word]);
        }
        // No quick filter: it lets most words through, and a table lookup costs little more.
        self.short.get(pack_lower_in(b, word))
    }

    fn has(&self, word: &str, bit: u32) -> bool {
        self.class_of(word) & bit != 0
    }

    /// `word` is a speech verb.
    pub fn is_speech_verb(&self, word: &str) -> bool {
        self.has(word, class::SPEECH_VERB)
    }
    /// `word` may stand between a speaker and its verb (adverbs in -ly too).
    pub fn is_between(&self, word: &str) -> bool {
        self.has(word, class::BETWEEN) || (word.len() > 4 && word.ends_with("ly"))
    }
    /// `word` is a title or role.
    pub fn is_title(&self, word: &str) -> bool {
        self.has(word, class::TITLE)
    }
    /// `word` marks an organisation.
    pub fn is_organisation_word(&self, word: &str) -> bool {
        self.has(word, class::ORGANISATION)
    }
    /// `word` names a group of unnamed speakers.
    pub fn is_group_word(&self, word: &str) -> bool {
        self.has(word, class::GROUP)
    }
    /// `word` starts place names.
    pub fn is_place_word(&self, word: &str) -> bool {
        self.has(word, class::PLACE)
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
        self.has(word, class::NOT_NAME)
    }
    /// `word` (without its full stop) is an abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.has(word, class::ABBREVIATION)
    }
    /// `word` is shortened by a leading apostrophe.
    pub fn is_elision(&self, word: &str) -> bool {
        self.has(word, class::ELISION)
    }

    /// The key under which spelling variants of one name meet: lower case, possessive dropped,
    /// transliteration endings folded.
    pub fn name_key(&self, word: &str) -> String {
        // One allocation per key: it is built for every name mention.
        let mut key = if word.is_ascii() { word.to_ascii_lowercase() } else { word.to_lowercase() };
        if let Some(suffix) = ["'s", "’s", "'", "’"].into_iter().find(|s| key.ends_with(s)) {
            key.truncate(key.len() - suffix.len());
        }
        // The last byte first: most keys end in none of the endings' last letters.
        let last = key.as_bytes().last().copied();
        if let Some((from, to)) = self.name_endings.iter().find(|(from, _)| {
            from.as_bytes().last().copied() == last && key.ends_with(from.as_str())
        }) {
            key.truncate(key.len() - from.len());
            key.push_str(to);
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
    fn short_words_pack_in_lower_case() {
        assert_eq!(pack_lower(b"Said"), pack_lower(b"sAID"));
        assert_ne!(pack_lower(b"said"), pack_lower(b"said\0"));
        let edges = pack_lower(b"@[`{AZaz09").to_le_bytes();
        assert_eq!(&edges[..10], b"@[`{azaz09");
        let lex = Lexicon::builtin();
        assert_eq!(lex.class_of("SAID"), lex.class_of("said"));
        assert_ne!(lex.class_of("Said."), 0);
    }

    #[test]
    fn plain_lookup_agrees_with_the_general_one() {
        let lex = Lexicon::builtin();
        for word in ["said", "SAID", "He", "the", "Putin", "x", "Ministry", "spokeswomen", "a1"] {
            assert_eq!(lex.class_of_plain(word), lex.class_of(word), "{word}");
        }
        assert_eq!(lex.class_of_plain("Internationalisation"), 0);
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
