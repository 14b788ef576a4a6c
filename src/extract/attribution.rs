//! Attribution: for a quotation in a sentence, the speech cue (`said`, `according to`, a colon)
//! and the words naming its speaker, by the word-order rules of news writing.
//!
//! Only the quotation's own sentence is read, so the work per quotation is bounded by its
//! sentence.

use std::cell::OnceCell;
use std::ops::Range;

use super::lexicon::{Gender, Lexicon, PronounKind, WordClass, pronoun_of};
use super::names::{Entity, NameRun};
use super::tokens::{Kind, Token};

/// Words that name a speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mention {
    /// A name: the index of its run in the paragraph.
    Name(usize),
    /// A pronoun.
    Pronoun(PronounKind),
    /// A description: its head noun and the words before it, lower case
    /// (`spokesman`, [`kremlin`]), and the description as written.
    Description { head: String, modifiers: Vec<String>, written: String },
}

/// A mention and where it is, as a range of the paragraph's tokens.
#[derive(Clone, Debug)]
pub struct MentionAt {
    /// What it is.
    pub what: Mention,
    /// Its tokens.
    pub tokens: Range<usize>,
}

/// What a sentence says about one of its quotations.
#[derive(Clone, Debug, Default)]
pub struct Attribution {
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
pub struct Reader<'a> {
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
}

/// A sentence as attribution reads it.
pub struct Sentence {
    range: Range<usize>,
    cues: Vec<Cue>,
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
}

/// How many cues on each side of a quotation are tried: the nearest ones say who speaks.
const NEAREST_CUES: usize = 3;

/// A speech cue: its tokens, and whether the speaker comes after it (`according to X`).
#[derive(Clone, Debug)]
struct Cue {
    tokens: Range<usize>,
    kind: CueKind,
}

/// How a cue names its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CueKind {
    /// A speech verb: its subject (`Peskov said`, `said Peskov`).
    Verb,
    /// A phrase followed by the speaker (`according to Peskov`).
    SpeakerAfter,
    /// A speech noun: its possessor (`Trump's claim`), if any.
    Noun,
}

impl Reader<'_> {
    /// True when token `k` is the word `lower` (any case).
    fn is(&self, k: usize, lower: &str) -> bool {
        self.tokens.get(k).is_some_and(|t| {
            t.kind == Kind::Word && self.text[t.range.clone()].eq_ignore_ascii_case(lower)
        })
    }

    /// True when token `k` is a topic pronoun as written (`he`, not `he's`).
    fn is_topic_pronoun(&self, k: usize) -> bool {
        self.tokens[k].range.len() <= 3 && self.is_class(k, WordClass::TOPIC_PRONOUN)
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

    /// The lexicon classes of token `k` when it is a word (no class otherwise).
    fn word_class(&self, k: usize) -> WordClass {
        self.tokens.get(k).filter(|t| t.kind == Kind::Word).map_or(WordClass::empty(), |t| t.class)
    }

    fn word(&self, k: usize) -> Option<String> {
        let t = self.tokens.get(k)?;
        (t.kind == Kind::Word).then(|| self.text[t.range.clone()].to_lowercase())
    }

    /// Reads a sentence once: its cues and its first mention, shared by all its quotations so
    /// that a sentence with many quotations is still read in linear time.
    pub fn sentence(&self, range: Range<usize>) -> Sentence {
        let cues = self.cues(range.clone());
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
        Sentence { range, cues, subject, first_word, after_phrase, about_pronoun }
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

    /// The speech cues of `sentence`, in order.
    fn cues(&self, sentence: Range<usize>) -> Vec<Cue> {
        let mut cues = Vec::new();
        let mut k = sentence.start;
        while k < sentence.end {
            let c = self.tokens[k].class;
            if c.contains(WordClass::PHRASE_START) {
                let phrase = self.lex.speaker_follows.iter().find(|p| {
                    p.iter().enumerate().all(|(n, pw)| k + n < sentence.end && self.is(k + n, pw))
                });
                if let Some(p) = phrase {
                    cues.push(Cue { tokens: k..k + p.len(), kind: CueKind::SpeakerAfter });
                    k += p.len();
                    continue;
                }
            }
            if c.contains(WordClass::SPEECH_VERB) && self.is_verb_cue(k, sentence.start) {
                cues.push(Cue { tokens: k..k + 1, kind: CueKind::Verb });
            } else if c.contains(WordClass::SPEECH_NOUN) {
                cues.push(Cue { tokens: k..k + 1, kind: CueKind::Noun });
            }
            k += 1;
        }
        cues
    }

    /// A speech verb used as a verb: in lower case (`United States` is no cue), and not after a
    /// possessive or article (`Putin's stated goal`, `the reported deal`).
    fn is_verb_cue(&self, k: usize, lo: usize) -> bool {
        if self.starts_capital_word(k) {
            return false;
        }
        let before = k.checked_sub(1).filter(|&b| b >= lo);
        !before.is_some_and(|b| {
            let t = &self.text[self.tokens[b].range.clone()];
            // `He's claiming` is a contraction, not a possessive.
            let stem = t.strip_suffix("'s").or_else(|| t.strip_suffix("’s"));
            let possessive = stem.is_some_and(|stem| {
                self.lex.pronoun(stem).is_none()
                    && !self.lex.class_of(stem).contains(WordClass::CONTRACTS)
            });
            possessive || self.is_class(b, WordClass::DETERMINER | WordClass::PREPOSITION)
        })
    }

    fn starts_capital_word(&self, k: usize) -> bool {
        self.text[self.tokens[k].range.clone()].starts_with(char::is_uppercase)
    }

    /// Attributes the quotation token `q` of `sentence`.
    pub fn attribute(&self, q: usize, sentence: &Sentence) -> Attribution {
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
        let order: Vec<&Cue> =
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
        for cue in &order {
            if let Some(m) = self.speaker_of(cue, sentence, 0) {
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

    fn starts_capital(&self, q: usize) -> bool {
        let Some(t) = self.tokens.get(q) else { return true };
        self.text[t.range.clone()]
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase)
    }

    /// The speaker of `cue`: before it (`Peskov said`), after it (`said Peskov`, `according
    /// to Peskov`), or the speaker of the verb it is joined to (`confirmed …, but stressed`).
    fn speaker_of(&self, cue: &Cue, sentence: &Sentence, depth: usize) -> Option<MentionAt> {
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
            let earlier = cues.partition_point(|c| c.tokens.end <= k);
            // An earlier cue that names nobody (`dismissed the claim, saying`) leaves the
            // subject.
            if earlier > 0
                && let Some(m) = self.speaker_of(&cues[earlier - 1], sentence, depth + 1)
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
        self.right(cue.tokens.end, range.end)
    }

    /// The name the sentence starts with, when it comes before token `k`: what a pronoun
    /// later in the sentence most likely means (`the Council pledged … what it called`).
    pub fn named_subject(&self, sentence: &Sentence, k: usize) -> Option<MentionAt> {
        let j = self.subject_at(sentence, k)?;
        let r = self.run_at[j]?;
        Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() })
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

    /// Whose is the noun at `k`: `Trump's claim`, `his remarks`.
    fn possessor(&self, k: usize, lo: usize) -> Option<MentionAt> {
        let b = k.checked_sub(1).filter(|&b| b >= lo)?;
        if let Some(r) = self.run_at[b] {
            let t = &self.text[self.tokens[b].range.clone()];
            return (t.ends_with("'s") || t.ends_with("’s")).then(|| MentionAt {
                what: Mention::Name(r),
                tokens: self.runs[r].tokens.clone(),
            });
        }
        let kind = match self.word(b)?.as_str() {
            "his" => PronounKind::Person(Some(Gender::Male)),
            "her" => PronounKind::Person(Some(Gender::Female)),
            "its" => PronounKind::Organisation,
            _ => return None,
        };
        Some(MentionAt { what: Mention::Pronoun(kind), tokens: b..k })
    }

    /// The sentence's subject before token `k`: its first name or pronoun.
    fn subject(&self, sentence: &Sentence, k: usize) -> Option<MentionAt> {
        let j = self.subject_at(sentence, k)?;
        // `Democratic nominee Hillary Clinton chimed in, saying`: the person, not the adjective.
        if let Some(r) = self.run_at[j]
            && !matches!(self.runs[r].entity, Entity::Person(_))
            && let Some(person) = self.runs[r..]
                .iter()
                .position(|run| {
                    run.tokens.start < k.min(j + 12) && matches!(run.entity, Entity::Person(_))
                })
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
    pub fn sentence_speaker(&self, sentence: &Sentence) -> Option<MentionAt> {
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

    /// `Donald Trump, who in March said`: the name before `, who` a few words back, or before
    /// the description between them (`Mitch McConnell, now the majority leader, who said`).
    fn relative_antecedent(&self, k: usize, lo: usize) -> Option<MentionAt> {
        let who = (k.saturating_sub(8).max(lo)..k).rev().find(|&j| self.is(j, "who"))?;
        let r = self
            .apposition_head(who, lo)
            .or_else(|| (who.saturating_sub(3).max(lo)..who).rev().find_map(|j| self.run_at[j]))?;
        Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() })
    }

    /// The name before a description set off by commas that ends at token `end`: in
    /// `Mitch McConnell, now the majority leader, who`, with `end` at `who`.
    fn apposition_head(&self, end: usize, lo: usize) -> Option<usize> {
        let comma = |j: usize| self.tokens[j].kind == Kind::Punct(',');
        let close = end.checked_sub(1).filter(|&c| c > lo && comma(c))?;
        let open = (close.saturating_sub(8).max(lo)..close).rev().find(|&j| comma(j))?;
        // A description starts in lower case (`a`, `the`, `now`); a capital may be a list.
        let first = self.tokens.get(open + 1)?;
        if first.kind != Kind::Word || self.starts_capital_word(open + 1) {
            return None;
        }
        self.run_at[open.checked_sub(1).filter(|&j| j >= lo)?]
    }

    /// The mention ending just before token `k` (words like `also`, `has` skipped).
    fn left(&self, k: usize, lo: usize) -> Option<MentionAt> {
        let mut j = k;
        let mut skipped = 0;
        while j > lo && skipped < 4 && self.run_at[j - 1].is_none() {
            // `Jason Chaffetz (R-Utah) said`: a parenthesis after a name.
            if self.tokens[j - 1].kind == Kind::Punct(')')
                && let Some(open) = (j.saturating_sub(10).max(lo)..j - 1)
                    .rev()
                    .find(|&b| self.tokens[b].kind == Kind::Punct('('))
            {
                j = open;
                skipped += 1;
                continue;
            }
            match self.is_between(j - 1) {
                true => {
                    j -= 1;
                    skipped += 1;
                }
                _ => break,
            }
        }
        if j == lo {
            return None;
        }
        let last = j - 1;
        if let Some(r) = self.run_at[last] {
            return Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() });
        }
        match self.tokens[last].kind {
            Kind::Punct(',') => self.left_of_apposition(last, lo),
            Kind::Word => {
                if let Some(p) = pronoun_of(self.tokens[last].class) {
                    return Some(MentionAt { what: Mention::Pronoun(p), tokens: last..j });
                }
                self.description_ending(last, lo)
            }
            _ => None,
        }
    }

    /// Past a comma: `Joe Biden, has warned` or `Andriy Demchenko, a spokesman for X, said`.
    fn left_of_apposition(&self, comma: usize, lo: usize) -> Option<MentionAt> {
        // Walk back over up to three inserts between commas (`Jean-Marc Ayrault, the foreign
        // minister of France, a member of the council, said`); the leftmost person named just
        // before a comma is the subject, else the leftmost name.
        let mut names = Vec::new();
        let mut c = comma;
        for _ in 0..3 {
            let mut before = c.checked_sub(1).filter(|&b| b >= lo);
            // `Roy Cooper (D), McCrory's opponent, called`.
            if let Some(b) = before
                && self.tokens[b].kind == Kind::Punct(')')
            {
                before = (b.saturating_sub(8).max(lo)..b)
                    .rev()
                    .find(|&o| self.tokens[o].kind == Kind::Punct('('))
                    .and_then(|o| o.checked_sub(1))
                    .filter(|&o| o >= lo);
            }
            if let Some(r) = before.and_then(|b| self.run_at[b]) {
                names.push(r);
            }
            let Some(open) = (c.saturating_sub(16).max(lo)..c)
                .rev()
                .find(|&k| self.tokens[k].kind == Kind::Punct(','))
            else {
                break;
            };
            c = open;
        }
        let r = names
            .iter()
            .rev()
            .find(|&&r| matches!(self.runs[r].entity, Entity::Person(_)))
            .or(names.last())
            .copied()?;
        Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() })
    }

    /// A description ending at token `last` (`the Kremlin spokesman`, `the readout`).
    fn description_ending(&self, last: usize, lo: usize) -> Option<MentionAt> {
        let mut head = self.word(last)?;
        let mut end = last;
        // `the secretary of state`: the head comes before `of`.
        if !self.is_head(&head) && last >= lo + 2 && self.is(last - 1, "of") {
            let h = self.word(last - 2)?;
            if self.lex.is_title(&h) {
                head = h;
                end = last - 2;
            }
        }
        if !self.is_head(&head) {
            return None;
        }
        let mut start = end;
        while start > lo && end - start < 4 {
            match self.word(start - 1) {
                Some(w)
                    if !self
                        .lex
                        .class_of(&w)
                        .intersects(WordClass::DETERMINER | WordClass::NOT_NAME) =>
                {
                    start -= 1;
                }
                _ => break,
            }
        }
        Some(self.description(start..last + 1, head, end))
    }

    fn is_head(&self, w: &str) -> bool {
        self.lex.is_title(w) || self.lex.is_organisation_word(w) || self.lex.is_group_word(w)
    }

    fn description(&self, tokens: Range<usize>, head: String, head_at: usize) -> MentionAt {
        let modifiers = (tokens.start..head_at)
            .filter_map(|k| self.word(k))
            .map(|w| self.lex.name_key(&w))
            .collect();
        let first = &self.tokens[tokens.start].range;
        let last = &self.tokens[tokens.end - 1].range;
        let written = self.text[first.start..last.end].to_string();
        MentionAt { what: Mention::Description { head, modifiers, written }, tokens }
    }

    /// The mention starting at token `k`: `said Peskov`, `said the Kremlin spokesman`, `said he`.
    /// The name after a short description that starts at token `start` and ends in a comma:
    /// `Agnes Holm` in `the head of the library, Agnes Holm`.
    fn name_beside(&self, start: usize, hi: usize) -> Option<usize> {
        let comma = (start..hi.min(start + 6))
            .take_while(|&j| matches!(self.tokens[j].kind, Kind::Word | Kind::Punct(',')))
            .find(|&j| self.tokens[j].kind == Kind::Punct(','))?;
        self.run_at.get(comma + 1).copied().flatten()
    }

    /// A person named after a few words that describe them, ending the clause: `said 9/11
    /// widow Ann Pike.`, `said longtime resident Mary Smith,`.
    fn person_after_description(&self, start: usize, hi: usize) -> Option<usize> {
        let stop = WordClass::NOT_NAME | WordClass::PRONOUN | WordClass::SPEECH_VERB;
        for j in start..hi.min(start + 6) {
            if let Some(r) = self.run_at[j] {
                let run = &self.runs[r];
                let ends = self.tokens.get(run.tokens.end).is_none_or(|t| {
                    matches!(t.kind, Kind::Punct('.' | ',' | ';')) || run.tokens.end >= hi
                });
                let person = matches!(run.entity, Entity::Person(_));
                return (j > start && person && ends && run.tokens.start == j).then_some(r);
            }
            let t = &self.tokens[j];
            let describes = match t.kind {
                Kind::Word => !t.class.intersects(stop) && !self.starts_capital_word(j),
                Kind::Punct(c) => c == '/' || c == '-',
                Kind::Quote(_) => false,
            };
            if !describes || self.is_class(j, WordClass::PREPOSITION) {
                return None;
            }
        }
        None
    }

    /// Whether name run `r` only qualifies the lower-case title or group word after it: `a
    /// Ukrainian official`, `the Kremlin spokesman`. A person's name never does.
    fn modifies_head(&self, r: usize) -> bool {
        let run = &self.runs[r];
        let head = WordClass::TITLE | WordClass::ORGANISATION | WordClass::GROUP;
        !matches!(run.entity, Entity::Person(_))
            && self.tokens.get(run.tokens.end).is_some_and(|t| {
                t.kind == Kind::Word && t.class.intersects(head) && !t.is_capitalised()
            })
    }

    fn right(&self, k: usize, hi: usize) -> Option<MentionAt> {
        if k >= hi {
            return None;
        }
        if let Some(r) = self.run_at[k] {
            return Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() });
        }
        let t = self.tokens.get(k).filter(|t| t.kind == Kind::Word)?;
        // `said he.`, but not `said he would`: there `he` begins the reported words.
        let ends = self.tokens.get(k + 1).is_none_or(|t| t.kind != Kind::Word) || k + 1 >= hi;
        if let Some(p) = pronoun_of(t.class).filter(|p| *p != PronounKind::SpeakerSelf) {
            return ends.then(|| MentionAt { what: Mention::Pronoun(p), tokens: k..k + 1 });
        }
        let start = if self.is_class(k, WordClass::DETERMINER) { k + 1 } else { k };
        // `said the Rev. Peter Wherry`; `said the head librarian, Agnes Holm`: the name the
        // description stands beside.
        if start > k
            && let Some(r) = self
                .run_at
                .get(start)
                .copied()
                .flatten()
                .filter(|&r| !self.modifies_head(r))
                .or_else(|| self.name_beside(start, hi))
        {
            return Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() });
        }
        if let Some(r) = self.person_after_description(start, hi) {
            return Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() });
        }
        // The head is the last of a few words: `the Kremlin spokesman`, `a government readout`.
        let mut head_at = None;
        let mut j = start;
        let head = WordClass::TITLE | WordClass::ORGANISATION | WordClass::GROUP;
        while j < hi && j < start + 5 {
            let Some(t) = self.tokens.get(j).filter(|t| t.kind == Kind::Word) else { break };
            // The word classes `is_head` and `is_not_name` would look up.
            if t.class.intersects(head) {
                head_at = Some(j);
            } else if head_at.is_some() || t.class.contains(WordClass::NOT_NAME) {
                break;
            }
            j += 1;
        }
        let head_at = head_at?;
        let head = self.word(head_at)?;
        Some(self.description(start..head_at + 1, head, head_at))
    }
}
