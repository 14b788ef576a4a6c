//! Word classes: what the lexicon knows of a word, as one set of flags, and what pronouns and
//! gendered words tell.

bitflags::bitflags! {
    /// The lists a word is in: one table lookup tells everything the extractor asks of a word.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct WordClass: u64 {
        /// A speech verb (`said`).
        const SPEECH_VERB = 1 << 0;
        /// A noun for something said (`claim`).
        const SPEECH_NOUN = 1 << 1;
        /// May stand between a speaker and its verb (`also`).
        const BETWEEN = 1 << 2;
        /// A title or role (`president`).
        const TITLE = 1 << 3;
        /// A thing that shows or finds without speaking (`video`, `data`).
        const EVIDENCE = 1 << 4;
        /// Marks an organisation (`ministry`).
        const ORGANISATION = 1 << 5;
        /// Names unnamed speakers (`officials`).
        const GROUP = 1 << 6;
        /// Starts place names (`south`).
        const PLACE = 1 << 7;
        /// Never part of a name (`the`).
        const NOT_NAME = 1 << 8;
        /// Joins the parts of a name (`von`).
        const JOINER = 1 << 9;
        /// An abbreviation (`gen`).
        const ABBREVIATION = 1 << 10;
        /// Shortened by a leading apostrophe (`em`).
        const ELISION = 1 << 11;
        /// `he`, `she`.
        const PRONOUN_PERSON = 1 << 12;
        /// `it`.
        const PRONOUN_ORGANISATION = 1 << 13;
        /// `they`.
        const PRONOUN_GROUP = 1 << 14;
        /// `I`, `we`.
        const PRONOUN_SELF = 1 << 15;
        /// The first word of a phrase naming the speaker after it (`according`).
        const PHRASE_START = 1 << 16;
        /// Tells a man (`he`, `Mr`, `John`).
        const MALE = 1 << 17;
        /// Tells a woman (`she`, `Mrs`, `Mary`).
        const FEMALE = 1 << 18;
        /// Starts a noun phrase (`the`, `his`).
        const DETERMINER = 1 << 19;
        /// A preposition after which a speech word is a noun (`of`, `about`).
        const PREPOSITION = 1 << 20;
        /// Keeps a sentence about the person talked about before (`he`, `his`).
        const TOPIC_PRONOUN = 1 << 21;
        /// Takes `'s` as a contraction, never a possessive (`that's`).
        const CONTRACTS = 1 << 22;
        /// Before a quotation in capitals, makes it a title (`at`, `during`).
        const BEFORE_TITLE = 1 << 23;
        /// Stays in lower case in a title (`of`, `the`).
        const TITLE_SMALL = 1 << 24;
        /// Follows a surname without being one (`Jr.`).
        const NAME_SUFFIX = 1 << 25;
        /// Left out of an organisation's initials (`of`).
        const INITIALS_SKIP = 1 << 26;
        /// Reports speech, thought or findings without quoting (`believes`, `shows`).
        const REPORTING_VERB = 1 << 27;
        /// After a comma, opens a clause of the writer's own (`but`, `which`).
        const CLAUSE_AFTER_REPORT = 1 << 28;
        /// Makes a speech verb phrasal; no part of what it reports (`talked up`).
        const PARTICLE = 1 << 29;
        /// A speech verb whose object is the one spoken to (`told`, `informed`).
        const TELLS = 1 << 30;
        /// Not a list: set on tokens that start with a capital letter.
        const CAPITALISED = 1 << 31;
        /// A form of `be` (`is`, `was`).
        const BE_FORM = 1 << 32;
        /// An auxiliary or modal verb (`has`, `would`).
        const AUXILIARY = 1 << 33;
        /// Says when something was said (`Friday`, `yesterday`).
        const TIME_WORD = 1 << 34;
        /// Joins a second clause after a comma (`but`, `while`).
        const CLAUSE_JOINER = 1 << 35;
        /// Any pronoun.
        const PRONOUN = Self::PRONOUN_PERSON.bits()
            | Self::PRONOUN_ORGANISATION.bits()
            | Self::PRONOUN_GROUP.bits()
            | Self::PRONOUN_SELF.bits();
        /// What a word in capitals (`WHO`, `US`) is not: a pronoun or another word that names
        /// nobody.
        const FUNCTION_WORD = Self::PRONOUN.bits()
            | Self::NOT_NAME.bits()
            | Self::MALE.bits()
            | Self::FEMALE.bits();
    }
}

/// The pronoun a word of these classes is, if any.
pub fn pronoun_of(classes: WordClass) -> Option<PronounKind> {
    let c = classes & WordClass::PRONOUN;
    if c.is_empty() {
        None
    } else if c.contains(WordClass::PRONOUN_PERSON) {
        Some(PronounKind::Person(gender_of(classes)))
    } else if c.contains(WordClass::PRONOUN_ORGANISATION) {
        Some(PronounKind::Organisation)
    } else if c.contains(WordClass::PRONOUN_GROUP) {
        Some(PronounKind::Group)
    } else {
        Some(PronounKind::SpeakerSelf)
    }
}

/// The gender a word of these classes tells, if it tells one.
pub fn gender_of(classes: WordClass) -> Option<Gender> {
    match (classes.contains(WordClass::MALE), classes.contains(WordClass::FEMALE)) {
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
