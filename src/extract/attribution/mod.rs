//! Attribution: for a quotation in a sentence, the speech cue (`said`, `according to`, a colon)
//! and the words naming its speaker, by the word-order rules of news writing.
//!
//! Only the quotation's own sentence is read, so the work per quotation is bounded by its
//! sentence.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::rc::Rc;

mod cues;
mod mentions;
mod reported;

use smallvec::SmallVec;

use super::lexicon::{Lexicon, PronounKind, WordClass, pronoun_of};
use super::names::{Entity, NameRun};
use super::tokens::{Kind, Token};
use cues::{Cue, CueKind, Cues};
pub(super) use reported::Reports;

/// Words that name a speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Mention {
    /// A name: the index of its run in the paragraph.
    Name(usize),
    /// A pronoun.
    Pronoun(PronounKind),
    /// A description (`the Kremlin spokesman`): shared, as a mention is copied each time its
    /// cue is asked about, and a description's words are strings.
    Description(Rc<Description>),
}

/// A description naming a speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Description {
    /// Its head noun, lower case (`spokesman`).
    pub head: String,
    /// The words before the head, lower case ([`kremlin`]).
    pub modifiers: Vec<String>,
    /// The description as written.
    pub written: String,
}

/// A mention and where it is, as a range of the paragraph's tokens.
#[derive(Clone, Debug)]
pub(super) struct MentionAt {
    /// What it is.
    pub what: Mention,
    /// Its tokens.
    pub tokens: Range<usize>,
}

/// What a sentence says about one of its quotations.
#[derive(Clone, Debug, Default)]
pub(super) struct Attribution {
    /// The speech cue's tokens.
    pub cue: Option<Range<usize>>,
    /// The speaker's mention.
    pub mention: Option<MentionAt>,
    /// The quotation stands as speech (sentence start, after a colon or `said,`), not as a
    /// fragment inside the sentence.
    pub direct: bool,
    /// The sentence reports speech, so the quoted words are a quotation and not scare quotes.
    pub reported: bool,
    /// A speech cue comes before the quotation in its sentence (the quoted words are what is
    /// reported, not the frame: `on "Fox News Sunday," Pence said`).
    pub cue_before: bool,
    /// The quotation is the object right after the verb (`wrote "The Long Road"`) or a
    /// preposition (`said on "Face the Nation"`): a title when its words are capitalised.
    pub object_of_cue: bool,
}

/// One paragraph as attribution reads it.
pub(super) struct Reader<'a> {
    /// The article's text.
    pub text: &'a str,
    /// The paragraph's tokens.
    pub tokens: &'a [Token],
    /// The paragraph's name runs.
    pub runs: &'a [NameRun],
    /// For each token, the run it belongs to.
    pub run_at: &'a [Option<usize>],
    /// The word lists.
    pub lex: &'a Lexicon,
    /// The speaker found for each cue of the paragraph asked about (see
    /// [`Reader::speaker_of`]): one map for the article, emptied for each paragraph.
    pub speakers: &'a RefCell<Speakers>,
}

/// A sentence as attribution reads it.
pub(super) struct Sentence {
    range: Range<usize>,
    cues: Cues,
    /// Cues of reported speech only (`believes`, `polls show`).
    reporting_cues: Cues,
    /// Where the word `that` stands (see [`cues::Found::thats`]).
    thats: SmallVec<[usize; 4]>,
    /// The first name or pronoun.
    subject: Option<usize>,
    /// The first word.
    first_word: Option<usize>,
    /// When a phrase stands before the subject (`During his visit to Leeds, he paused`): the
    /// phrase's comma and the first person, organisation or pronoun after it. Found the first
    /// time a subject is asked for: once a sentence, and only for sentences that need it.
    after_phrase: OnceCell<Option<(usize, usize)>>,
    /// The sentence is about someone named by a pronoun before any name.
    pub about_pronoun: bool,
    /// The sentence is a headline in title case (`Retired General Reveals Doubts`).
    pub headline: bool,
    /// The sentence is in the article's first paragraph, where a headline stands.
    pub opening: bool,
    /// A quotation may stand in the sentence. The caller, who reads the sentence's quotations
    /// first, clears it when there is none: then nothing looks for them again.
    pub quoted: bool,
}

/// The speaker (if any) found for each cue of a paragraph, by the cue's tokens and kind: looked
/// up for every quotation near the cue, so a map, not a list searched (a paragraph of thousands
/// of cues would make that quadratic).
#[derive(Debug, Default)]
pub(super) struct Speakers(rustc_hash::FxHashMap<(usize, usize, CueKind), Option<MentionAt>>);

impl Speakers {
    /// Forgets every cue's speaker: the next paragraph's cues are others.
    pub(super) fn clear(&mut self) {
        self.0.clear();
    }
}

/// How many cues on each side of a quotation are tried: the nearest ones say who speaks.
const NEAREST_CUES: usize = 3;

impl Reader<'_> {
    /// True when token `k` is the word `lower` (any case). Asked of most tokens of every
    /// sentence: the length is compared first, then the bytes, with no check for char
    /// boundaries.
    #[inline]
    fn is(&self, k: usize, lower: &str) -> bool {
        let Some(t) = self.tokens.get(k) else { return false };
        if t.range.len() != lower.len() || t.kind != Kind::Word {
            return false;
        }
        let Some(word) = self.text.as_bytes().get(t.range.clone()) else { return false };
        // `eq_ignore_ascii_case`, byte by byte in place: the library's is not inlined, and a
        // call costs more than comparing the few bytes of a word.
        word.iter().zip(lower.as_bytes()).all(|(a, b)| a.eq_ignore_ascii_case(b))
    }

    /// True when token `k` is a topic pronoun as written (`he`, not `he's`). The class is
    /// asked first: few words have it, where a word's length is the text's to say and a test
    /// of it first was often guessed wrong.
    fn is_topic_pronoun(&self, k: usize) -> bool {
        self.is_class(k, WordClass::TOPIC_PRONOUN) && self.tokens[k].range.len() <= 3
    }

    /// True when token `k` is a word of these classes.
    fn is_class(&self, k: usize, classes: WordClass) -> bool {
        self.word_class(k).intersects(classes)
    }

    /// True when token `k` may stand between a speaker and a verb (`also`, `reportedly`).
    fn is_between(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        t.kind == Kind::Word
            && (t.class.contains(WordClass::BETWEEN) || {
                let w = &self.text[t.range.clone()];
                w.len() > 4 && w.ends_with("ly") && !w.starts_with(char::is_uppercase)
            })
    }

    /// The lexicon classes of token `k` when it is a word (no class otherwise: other tokens
    /// have none).
    fn word_class(&self, k: usize) -> WordClass {
        self.tokens.get(k).map_or(WordClass::empty(), |t| t.class)
    }

    /// True when token `k` in lower case is one of the lower-case words of `list`.
    fn is_listed(&self, k: usize, list: &[&str]) -> bool {
        self.lower(k).is_some_and(|w| list.contains(&w.as_ref()))
    }

    fn word(&self, k: usize) -> Option<String> {
        self.lower(k).map(Cow::into_owned)
    }

    /// Token `k` in lower case when it is a word: borrowed from the text when it is already,
    /// as most words are, so that the many checks of a word against a list copy nothing.
    fn lower(&self, k: usize) -> Option<Cow<'_, str>> {
        let w = self.written(k)?;
        let plain = w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase());
        Some(if plain { Cow::Borrowed(w) } else { Cow::Owned(w.to_lowercase()) })
    }

    /// True when token `k` is a word ending in `ing` (any case): `saying`, `adding`.
    fn ends_in_ing(&self, k: usize) -> bool {
        self.written(k).is_some_and(|w| {
            let w = w.as_bytes();
            w.len() >= 3 && w[w.len() - 3..].eq_ignore_ascii_case(b"ing")
        })
    }

    /// Token `k` as written when it is a word: for the lexicon, which ignores case, it needs
    /// no lower-case copy.
    fn written(&self, k: usize) -> Option<&str> {
        let t = self.tokens.get(k)?;
        (t.kind == Kind::Word).then(|| &self.text[t.range.clone()])
    }

    /// Reads a sentence once: its cues and its first mention, shared by all its quotations so
    /// that a sentence with many quotations is still read in linear time.
    pub(super) fn sentence(&self, range: Range<usize>) -> Sentence {
        let cues::Found { cues, reporting: reporting_cues, thats } = self.cues(range.clone());
        let pronoun = WordClass::PRONOUN.difference(WordClass::PRONOUN_SELF);
        // One walk for three first tokens: the first name or pronoun, the first word, and
        // the first name or personal pronoun (`His audio was quieter than Clinton's`: a
        // sentence about him keeps him the topic). It stops once all three are known.
        let (mut subject, mut first_word, mut about) = (None, None, None);
        for j in range.clone() {
            let named = self.run_at[j].is_some();
            if subject.is_none() && (named || self.tokens[j].class.intersects(pronoun)) {
                subject = Some(j);
            }
            if first_word.is_none() && self.tokens[j].kind == Kind::Word {
                first_word = Some(j);
            }
            if about.is_none() && (named || self.is_topic_pronoun(j)) {
                about = Some(!named);
            }
            if subject.is_some() && first_word.is_some() && about.is_some() {
                break;
            }
        }
        let about_pronoun = about.unwrap_or(false);
        let after_phrase = OnceCell::new();
        Sentence {
            range,
            cues,
            reporting_cues,
            thats,
            subject,
            first_word,
            after_phrase,
            about_pronoun,
            headline: false,
            opening: false,
            quoted: true,
        }
    }

    /// See [`Sentence::after_phrase`].
    fn after_phrase(
        &self,
        range: Range<usize>,
        first_word: Option<usize>,
    ) -> Option<(usize, usize)> {
        let pronoun = WordClass::PRONOUN.difference(WordClass::PRONOUN_SELF);
        // A capitalised word nobody is called (`Worried about turnout,`) names nobody.
        let named = |i: usize| {
            self.run_at[i].is_some_and(|r| self.runs[r].entity != Entity::Other)
                || self.tokens[i].class.intersects(pronoun)
        };
        let first = first_word.filter(|&f| !named(f))?;
        let comma = (first..range.end).find(|&i| self.tokens[i].kind == Kind::Punct(','))?;
        let subject = (comma + 1..range.end).find(|&i| named(i))?;
        Some((comma, subject))
    }

    /// True when token `k` starts with a capital letter: a capitalised word, as the tokenizer
    /// marked it (no punctuation or quote mark is a capital).
    fn starts_capital_word(&self, k: usize) -> bool {
        self.tokens[k].is_capitalised()
    }

    /// Attributes the quotation token `q` of `sentence`.
    pub(super) fn attribute(&self, q: usize, sentence: &Sentence) -> Attribution {
        let Sentence { range, cues, .. } = sentence;
        let lo = range.start;
        let at_start = sentence.first_word.is_none_or(|j| j > q);
        let prev = q.checked_sub(1).filter(|&p| p >= lo);
        let prev_kind = prev.map(|p| self.tokens[p].kind);
        let after_verb = |p: usize| {
            // `said,` / `told reporters,` / `Peskov said` before the quotation.
            (p.saturating_sub(3)..p).any(|k| k >= lo && self.is_class(k, WordClass::SPEECH_VERB))
        };
        let direct = at_start
            || prev_kind == Some(Kind::Punct(':'))
            || (prev_kind == Some(Kind::Punct(',')) && prev.is_some_and(after_verb))
            || (prev.is_some_and(|p| self.is_class(p, WordClass::SPEECH_VERB))
                && self.starts_capital(q));
        let split = cues.partition_point(|c| c.tokens.start < q);
        let before = cues[..split].iter().rev().take(NEAREST_CUES);
        let after = cues[split..].iter().take(NEAREST_CUES);
        // On the stack: this list is made for every quotation.
        let order: SmallVec<[&Cue; 2 * NEAREST_CUES]> =
            if at_start { after.chain(before).collect() } else { before.chain(after).collect() };
        let preposition =
            |p: usize| self.is_class(p, WordClass::PREPOSITION | WordClass::BEFORE_TITLE);
        // `on "Face the Nation"`, `on CBS's "Face the Nation"`, `a "Commander-in-Chief Forum"`.
        let after_preposition = prev.is_some_and(|p| {
            preposition(p)
                || (p > lo
                    && self.text[self.tokens[p].range.clone()].ends_with(['s', 'S'])
                    && self.text[self.tokens[p].range.clone()].contains(['\'', '’'])
                    && preposition(p - 1))
        });
        let object_of_cue = after_preposition
            || (split > 0
                && cues[split - 1].tokens.end == q
                && cues[split - 1].kind == CueKind::Verb);
        // `pounding Trump as a "con artist"`: a characterisation is somebody's words.
        let as_what = (q.saturating_sub(2).max(lo)..q).any(|j| self.is(j, "as"));
        let mut out = Attribution {
            direct,
            reported: !cues.is_empty() || as_what,
            cue_before: split > 0,
            object_of_cue,
            ..Attribution::default()
        };
        for &cue in &order {
            if let Some(m) = self.speaker_of(cue, sentence, 0) {
                // `She wrote "a long report", said Ann Bell.`: the named speaker who closes
                // the sentence says the quoted words, not a pronoun before them, which may
                // mean anyone talked about before.
                let (cue, m) = match m.what {
                    Mention::Pronoun(PronounKind::Person(_)) if cue.tokens.start < q => {
                        self.closing_speaker(&cues[split..], sentence).unwrap_or((cue, m))
                    }
                    _ => (cue, m),
                };
                out.cue = Some(cue.tokens.clone());
                out.mention = Some(m);
                return out;
            }
        }
        if let Some(cue) = order.first() {
            out.cue = Some(cue.tokens.clone());
            return out;
        }
        if as_what {
            out.mention = self.subject(sentence, q);
        }
        // `"…" ― Veronica Cruz`: a dash and a name after the quotation sign it.
        if let Some(Kind::Punct('―' | '—' | '–' | '-')) = self.tokens.get(q + 1).map(|t| t.kind)
            && let Some(r) = self.run_at.get(q + 2).copied().flatten()
        {
            out.reported = true;
            out.cue = Some(q + 1..q + 2);
            out.mention =
                Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() });
            return out;
        }
        // `Peskov: "…"`: a colon after a name introduces that person's words.
        if prev_kind == Some(Kind::Punct(':'))
            && let Some(p) = prev
            && let Some(m) = self.left(p, lo)
        {
            out.reported = true;
            out.cue = Some(p..p + 1);
            out.mention = Some(m);
        }
        out
    }

    /// A cue among `after` (the cues after a quotation) with a named speaker that closes the
    /// sentence after a comma (`…, said Ann Bell.`, `…, Ann Bell said.`), and no quotation
    /// after it.
    fn closing_speaker<'c>(
        &self,
        after: &'c [Cue],
        sentence: &Sentence,
    ) -> Option<(&'c Cue, MentionAt)> {
        // The sentence's last quotation, found once rather than for each cue after it.
        let last_quote =
            sentence.range.clone().rev().find(|&j| matches!(self.tokens[j].kind, Kind::Quote(_)));
        let run_at = |j: usize| self.run_at.get(j).copied().flatten();
        after.iter().filter(|c| c.kind == CueKind::Verb).find_map(|cue| {
            // The name right after the verb or right before it (the clause before the comma
            // may hold the verb's subject, as a pronoun: not this cue's speaker).
            let (k, next) = (cue.tokens.start, cue.tokens.end);
            let r = run_at(next)
                .filter(|&r| self.runs[r].tokens.start == next)
                .or_else(|| run_at(k.checked_sub(1)?).filter(|&r| self.runs[r].tokens.end == k))?;
            let m = MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() };
            let first = cue.tokens.start.min(m.tokens.start);
            let last = cue.tokens.end.max(m.tokens.end);
            // After a comma, or a quotation closed by one (`"…," said Ann Bell`).
            let comma = first > sentence.range.start && {
                let t = &self.tokens[first - 1];
                matches!(t.kind, Kind::Punct(',' | '—' | '–'))
                    || (matches!(t.kind, Kind::Quote(_))
                        && self.text[t.range.clone()]
                            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
                            .ends_with(','))
            };
            let quote_after = last_quote.is_some_and(|q| q >= last);
            (comma && !quote_after).then_some((cue, m))
        })
    }

    fn starts_capital(&self, q: usize) -> bool {
        let Some(t) = self.tokens.get(q) else { return true };
        self.text[t.range.clone()]
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase)
    }

    /// The speaker of `cue`: before it (`Peskov said`), after it (`said Peskov`, `according
    /// to Peskov`), or the speaker of the verb it is joined to (`confirmed …, but stressed`).
    /// A cue is asked about by its quotations' attribution, by its sentence's reports and for
    /// the sentence's topic: its speaker is found once, and then remembered (`depth` counts the
    /// joined verbs followed back; only the cue's own answer, at depth 0, is remembered).
    fn speaker_of(&self, cue: &Cue, sentence: &Sentence, depth: usize) -> Option<MentionAt> {
        if depth > 0 {
            return self.find_speaker(cue, sentence, depth);
        }
        // A cue is one sentence's: its tokens tell it among the paragraph's.
        let key = (cue.tokens.start, cue.tokens.end, cue.kind);
        if let Some(mention) = self.speakers.borrow().0.get(&key) {
            return mention.clone();
        }
        let mention = self.find_speaker(cue, sentence, 0);
        self.speakers.borrow_mut().0.insert(key, mention.clone());
        mention
    }

    /// [`Self::speaker_of`], found.
    fn find_speaker(&self, cue: &Cue, sentence: &Sentence, depth: usize) -> Option<MentionAt> {
        let (range, cues) = (&sentence.range, &sentence.cues);
        match cue.kind {
            CueKind::SpeakerAfter => return self.right(cue.tokens.end, range.end),
            // `Trump's claim`; with no possessor, the subject's (`Ames made the following
            // comment:`).
            CueKind::Noun => {
                return self
                    .possessor(cue.tokens.start, range.start)
                    .or_else(|| self.subject(sentence, cue.tokens.start));
            }
            CueKind::Verb => {}
        }
        let (k, lo) = (cue.tokens.start, range.start);
        let verb = self.tokens.get(k).filter(|t| t.kind == Kind::Word);
        let verb = verb.map_or("", |t| &self.text[t.range.clone()]).as_bytes();
        // `Interfax quoted him as saying`: the object speaks.
        if verb.eq_ignore_ascii_case(b"quoted")
            && let Some(m) = self.right(cue.tokens.end, range.end)
            && self.is(m.tokens.end, "as")
        {
            return Some(m);
        }
        // `…, adding`, `to accuse`: the verb's subject is the clause's.
        let ing = verb.len() >= 3 && verb[verb.len() - 3..].eq_ignore_ascii_case(b"ing");
        let participle = ing && k > lo && matches!(self.tokens[k - 1].kind, Kind::Punct(','));
        let infinitive = k > lo && self.is(k - 1, "to");
        if (participle || infinitive || self.joined(k, lo)) && depth < 4 {
            // The verb's subject is the last earlier verb's, not a source named after
            // `according to` (`Her relatives, according to their lawyers, said …`).
            let earlier = cues[..cues.partition_point(|c| c.tokens.end <= k)]
                .iter()
                .rev()
                .find(|c| c.kind != CueKind::SpeakerAfter);
            // An earlier cue that names nobody (`dismissed the claim, saying`) leaves the
            // subject.
            if let Some(earlier) = earlier
                && let Some(m) = self.speaker_of(earlier, sentence, depth + 1)
            {
                return Some(m);
            }
            if let Some(m) = self.subject(sentence, k) {
                return Some(m);
            }
        }
        if let Some(m) = self.left(k, lo) {
            return Some(m);
        }
        if let Some(m) = self.relative_antecedent(k, lo) {
            return Some(m);
        }
        if let Some(m) = self.right(cue.tokens.end, range.end) {
            return Some(m);
        }
        // `Paul Ryan, despite admitting that …`, `Dean began by saying`: a participle with no
        // speaker of its own, after a preposition or one word after a comma (`, while
        // insisting`), is the subject's.
        let after_comma_word = k >= lo + 2
            && self.tokens[k - 2].kind == Kind::Punct(',')
            && self.tokens[k - 1].kind == Kind::Word
            && !self.starts_capital_word(k - 1);
        let gerund = k > lo && self.is_class(k - 1, WordClass::PREPOSITION);
        if ing && (after_comma_word || gerund) { self.subject(sentence, k) } else { None }
    }

    /// The name the sentence starts with, when it comes before token `k`: what a pronoun
    /// later in the sentence most likely means (`the Council pledged … what it called`).
    pub(super) fn named_subject(&self, sentence: &Sentence, k: usize) -> Option<MentionAt> {
        let j = self.subject_at(sentence, k)?;
        let r = self.run_at[j]?;
        Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() })
    }

    /// The sentence's subject before token `k` when it is a named person (`The opposition
    /// leader, Sarah Ng, was scathing:`).
    pub(super) fn named_person(&self, sentence: &Sentence, k: usize) -> Option<MentionAt> {
        let m = self.subject(sentence, k)?;
        let Mention::Name(r) = m.what else { return None };
        matches!(self.runs[r].entity, Entity::Person(_)).then_some(m)
    }

    /// Where the sentence's subject (its first name or pronoun) is, when before token `k`. A
    /// phrase before the subject (`During his visit to Leeds, he paused`) is passed over: the
    /// subject is then the first person, organisation or pronoun after its comma.
    fn subject_at(&self, sentence: &Sentence, k: usize) -> Option<usize> {
        let j = sentence.subject.filter(|&j| j < k)?;
        let after_phrase = sentence
            .after_phrase
            .get_or_init(|| self.after_phrase(sentence.range.clone(), sentence.first_word));
        match *after_phrase {
            Some((comma, subject)) if j < comma && subject < k => Some(subject),
            _ => Some(j),
        }
    }

    /// The sentence's subject before token `k`: its first name or pronoun.
    fn subject(&self, sentence: &Sentence, k: usize) -> Option<MentionAt> {
        let j = self.subject_at(sentence, k)?;
        // `Democratic nominee Hillary Clinton chimed in, saying`: the person, not the adjective.
        if let Some(r) = self.run_at[j]
            && !matches!(self.runs[r].entity, Entity::Person(_))
            // Only the runs within reach are looked at, so that the search stays short in an
            // article that is one endless sentence.
            && let Some(person) = self.runs[r..]
                .iter()
                .take_while(|run| run.tokens.start < k.min(j + 12))
                .position(|run| matches!(run.entity, Entity::Person(_)))
                .map(|n| r + n)
        {
            let tokens = self.runs[person].tokens.clone();
            return Some(MentionAt { what: Mention::Name(person), tokens });
        }
        if let Some(r) = self.run_at[j] {
            return Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() });
        }
        let p = pronoun_of(self.word_class(j))?;
        Some(MentionAt { what: Mention::Pronoun(p), tokens: j..j + 1 })
    }

    /// The speaker of the first cue of `sentence` that names one: whom a reported-speech
    /// sentence without quotes makes the topic.
    pub(super) fn sentence_speaker(&self, sentence: &Sentence) -> Option<MentionAt> {
        sentence.cues.iter().take(NEAREST_CUES).find_map(|c| self.speaker_of(c, sentence, 0))
    }

    /// True when the verb at `k` is joined to an earlier one: `…, but stressed`, `and added`.
    fn joined(&self, k: usize, lo: usize) -> bool {
        let mut j = k;
        while j > lo && self.is_between(j - 1) {
            j -= 1;
        }
        j > lo && (self.is(j - 1, "and") || self.is(j - 1, "but"))
    }
}
