//! Reported speech: the clause a cue reports, quoted or not. `Putin said [he was ready]`,
//! `[the convoy has dispersed], officials said`, `according to officials, [the convoy has
//! dispersed]`, `Trump's claim [that …]`.
//!
//! Each cue of a sentence is read once, and its content runs from the cue to the next clause
//! boundary: the work per sentence is linear in its tokens.

use std::ops::Range;

use super::cues::{Cue, CueKind};
use super::{MentionAt, Reader, Sentence};
use crate::extract::lexicon::WordClass;
use crate::extract::tokens::Kind;

/// What one cue of a sentence reports.
#[derive(Clone, Debug)]
pub(crate) struct Report {
    /// The reported clause, as a range of the paragraph's tokens (cue and speaker left out).
    pub content: Range<usize>,
    /// Where the clause goes on after a cue set in it (`The museum, he said, is open`).
    pub rest: Option<Range<usize>>,
    /// The cue's tokens.
    pub cue: Range<usize>,
    /// The words naming the speaker.
    pub mention: Option<MentionAt>,
}

/// How far after a cue `that` may open its clause (`told reporters on Friday that`).
const THAT_WITHIN: usize = 8;

/// The fewest words a reported clause has.
const MIN_WORDS: usize = 3;

impl Reader<'_> {
    /// The reported clauses of `sentence`. `direct` tells whether a quotation token of the
    /// sentence stands as direct speech: such a sentence reports nothing more.
    pub(crate) fn reports(
        &self,
        sentence: &Sentence,
        direct: impl Fn(usize) -> bool,
    ) -> Vec<Report> {
        let range = sentence.range.clone();
        let mut out: Vec<Report> = Vec::new();
        // Direct speech is reported once, as the quotation: only what comes before it can
        // be reported speech of its own (`So when the deal came, Barrett said, "we were
        // floored."`).
        let limit = range
            .clone()
            .find(|&k| matches!(self.tokens[k].kind, Kind::Quote(_)) && direct(k))
            .unwrap_or(range.end);
        // The end of the sentence's words: its full stop or question mark left out.
        let Some(last) = range.clone().rev().find(|&k| self.tokens[k].kind != Kind::Punct('.'))
        else {
            return out;
        };
        // A question reports nothing (`Did he say so?`).
        if matches!(self.tokens[last].kind, Kind::Punct('?')) {
            return out;
        }
        let end = last + 1;
        // `Pence: Trump was mocking the Clinton camp` (a headline's way to report).
        if let Some(r) = self.run_at[range.start].filter(|_| self.tokens.len() > range.start)
            && let colon = self.runs[r].tokens.end
            && self.tokens.get(colon).is_some_and(|t| t.kind == Kind::Punct(':'))
            && self.words_in(colon + 1..end) >= MIN_WORDS
            && !(colon + 1..end).any(|k| matches!(self.tokens[k].kind, Kind::Quote(_)))
        {
            let mention =
                MentionAt { what: super::Mention::Name(r), tokens: self.runs[r].tokens.clone() };
            out.push(Report {
                content: colon + 1..end,
                rest: None,
                cue: colon..colon + 1,
                mention: Some(mention),
            });
            return out;
        }
        let that_cues = self.verbs_before_that(range.clone(), sentence);
        let mut cues: Vec<&Cue> =
            sentence.cues.iter().chain(&sentence.reporting_cues).chain(&that_cues).collect();
        cues.sort_by_key(|c| c.tokens.start);
        for cue in cues.into_iter().filter(|c| c.tokens.end <= limit) {
            // A cue inside content already reported (`said that officials had warned`)
            // reports its own clause too; a cue of a clause given up is skipped.
            let report = match cue.kind {
                CueKind::SpeakerAfter => self.according_to(cue, range.start, end),
                CueKind::Verb => self.verb_report(cue, sentence, end),
                CueKind::Noun => self.noun_report(cue, sentence, end),
            };
            let long_enough =
                |r: &Report| r.rest.is_some() || self.words_in(r.content.clone()) >= MIN_WORDS;
            let before_quote = |r: &Report| {
                r.content.end <= limit && r.rest.as_ref().is_none_or(|rest| rest.end <= limit)
            };
            if let Some(r) = report.filter(long_enough).filter(before_quote) {
                out.push(r);
            }
        }
        out
    }

    /// Verbs no list has whose subject is named and whose object is a `that` clause: `Kyle
    /// hinted that …`, `the board conceded that …` report what was said or thought.
    fn verbs_before_that(&self, range: Range<usize>, sentence: &Sentence) -> Vec<Cue> {
        let known = WordClass::SPEECH_VERB
            | WordClass::REPORTING_VERB
            | WordClass::SPEECH_NOUN
            | WordClass::NOT_NAME
            | WordClass::BETWEEN
            | WordClass::DETERMINER
            | WordClass::PREPOSITION
            | WordClass::PRONOUN;
        let mut out = Vec::new();
        for j in range.start + 1..range.end {
            let k = j - 1;
            let t = &self.tokens[k];
            if !self.is(j, "that") || t.kind != Kind::Word || t.is_capitalised() {
                continue;
            }
            if t.class.intersects(known) || self.run_at[k].is_some() {
                continue;
            }
            let named = self.left(k, range.start).is_some_and(|m| {
                !matches!(
                    m.what,
                    super::Mention::Pronoun(crate::extract::lexicon::PronounKind::SpeakerSelf)
                )
            });
            if named && !sentence.cues.iter().any(|c| c.tokens.contains(&k)) {
                out.push(Cue { tokens: k..k + 1, kind: CueKind::Verb });
            }
        }
        out
    }

    /// `according to X, …` and `…, according to X.`
    fn according_to(&self, cue: &Cue, lo: usize, end: usize) -> Option<Report> {
        let mention = self.right(cue.tokens.end, end)?;
        let content = if self.first_word_at(lo, cue.tokens.start) {
            let comma = (mention.tokens.end..end).find(|&k| self.is_comma(k))?;
            comma + 1..end
        } else {
            lo..self.before_comma(cue.tokens.start, lo)
        };
        Some(Report { content, rest: None, cue: cue.tokens.clone(), mention: Some(mention) })
    }

    /// `X said (that) …`, `…, X said.`, `…, said X.`, `X told Y (that) …`.
    fn verb_report(&self, cue: &Cue, sentence: &Sentence, end: usize) -> Option<Report> {
        let lo = sentence.range.start;
        let k = cue.tokens.start;
        // A speaker named after the verb is taken only where the clause ends there (`…, said
        // Peskov.`): `members said Trump had…` is said by the members.
        let mention = match self.speaker_of(cue, sentence, 0) {
            Some(m) if m.tokens.start >= k && !self.ends_clause(m.tokens.end, end) => {
                self.noun_phrase_before(k, lo).or(Some(m))
            }
            None => self.noun_phrase_before(k, lo),
            found => found,
        };
        // Where the cue and its speaker begin and end in the sentence.
        let first = mention.as_ref().map_or(k, |m| self.phrase_start(m.tokens.start, lo).min(k));
        let mut after = cue.tokens.end;
        if let Some(m) = mention.as_ref().filter(|m| m.tokens.start >= after) {
            after = m.tokens.end;
        }
        // `…, officials said on Friday.`, `…, said Alan Cole, an economist.`, `… Mr. Kamin
        // said.`: the content is what comes before.
        let trailing = self.words_in(after..end);
        // Set off by a comma, a dash or the end of a quotation (`''…,'' said X`).
        let set_off = first > lo && !matches!(self.tokens[first - 1].kind, Kind::Word);
        let closes = trailing == 0 || (set_off && (trailing <= 4 || self.is_comma(after)));
        if closes && !self.is(after, "that") && self.words_in(lo..first) >= 1 {
            let content = lo..self.before_comma(first, lo);
            // `The museum, Mr. Bush said, celebrated …`: the clause goes on after the cue.
            let rest = (set_off && trailing > 4 && self.is_comma(after))
                .then(|| after + 1..self.clause_end(after + 1, end));
            let words =
                self.words_in(content.clone()) + rest.clone().map_or(0, |r| self.words_in(r));
            return (words >= MIN_WORDS).then(|| Report {
                content,
                rest,
                cue: cue.tokens.clone(),
                mention,
            });
        }
        // The speaker must come before a forward report (`said Peskov, …` is rare).
        let m = mention.filter(|m| m.tokens.end <= k || self.participle_or_joined(k, lo))?;
        let mut start = cue.tokens.end;
        // `talked up the prospect`: what is reported is the object, not the particle.
        if self.is_class(start, WordClass::PARTICLE) {
            start += 1;
        }
        if let Some(that) = (start..end.min(start + THAT_WITHIN))
            .take_while(|&j| !self.is_class(j, WordClass::SPEECH_VERB))
            .find(|&j| self.is(j, "that"))
        {
            start = that;
        } else if self.tells_someone(k)
            && let Some(object) = self.right(start, end)
        {
            // `told reporters the talks had failed`: the one told is no part of it.
            start = object.tokens.end;
        }
        let stop = self.clause_end(start, end);
        Some(Report { content: start..stop, rest: None, cue: cue.tokens.clone(), mention: Some(m) })
    }

    /// Token `k`, or the determiner just before it (`a` of `a spokesman`).
    fn phrase_start(&self, k: usize, lo: usize) -> usize {
        if k > lo && self.is_class(k - 1, WordClass::DETERMINER) { k - 1 } else { k }
    }

    /// The lower-case words just before the verb at `k` that no list knows but that stand as
    /// its subject: `several cast members said`. Up to four words, back to a determiner, a
    /// comma or the sentence's start.
    fn noun_phrase_before(&self, k: usize, lo: usize) -> Option<MentionAt> {
        let mut start = k;
        while start > lo && k - start < 4 {
            let t = &self.tokens[start - 1];
            let stop = WordClass::NOT_NAME | WordClass::SPEECH_VERB | WordClass::BETWEEN;
            if t.kind != Kind::Word || t.class.intersects(stop) || t.is_capitalised() {
                break;
            }
            start -= 1;
        }
        let at_edge = start == lo
            || self.is_comma(start - 1)
            || self.is_class(start - 1, WordClass::DETERMINER | WordClass::NOT_NAME);
        if start == k || !at_edge {
            return None;
        }
        let head = self.word(k - 1)?;
        // A plural noun: what speaks without a name (`members`, `investors`).
        if !head.ends_with('s') || head.ends_with("ss") {
            return None;
        }
        Some(self.description(start..k, head, k - 1))
    }

    /// `Trump's claim that …`, `the ministry's statement that …`.
    fn noun_report(&self, cue: &Cue, sentence: &Sentence, end: usize) -> Option<Report> {
        let that = cue.tokens.end;
        if !self.is(that, "that") {
            return None;
        }
        let mention = self.possessor(cue.tokens.start, sentence.range.start)?;
        let stop = self.clause_end(that, end);
        Some(Report {
            content: that..stop,
            rest: None,
            cue: cue.tokens.clone(),
            mention: Some(mention),
        })
    }

    /// Where a forward report ends: at the sentence's end, or before `, adding`/`, saying`
    /// that open a report of their own.
    fn clause_end(&self, start: usize, end: usize) -> usize {
        let cue = WordClass::SPEECH_VERB | WordClass::REPORTING_VERB;
        (start..end)
            .find(|&j| {
                // `; the board …`: another clause.
                matches!(self.tokens[j].kind, Kind::Punct(';'))
                    || (self.is_comma(j)
                        && ((self.is_class(j + 1, cue) && self.ends_in_ing(j + 1))
                            || self.is_class(j + 1, WordClass::CLAUSE_AFTER_REPORT)))
            })
            .unwrap_or(end)
    }

    /// A verb whose object is the one spoken to: `told`, `informed`.
    fn tells_someone(&self, k: usize) -> bool {
        self.is_class(k, WordClass::TELLS)
    }

    /// `…, adding` or `and warned`: the verb's speaker is the clause's, named before.
    fn participle_or_joined(&self, k: usize, lo: usize) -> bool {
        let ing = self.ends_in_ing(k);
        (ing && k > lo && self.is_comma(k - 1)) || self.joined(k, lo)
    }

    /// Token `k` ends a clause: the sentence's end, or a comma.
    fn ends_clause(&self, k: usize, end: usize) -> bool {
        k >= end || self.is_comma(k)
    }

    fn is_comma(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '—' | '–')))
    }

    /// Token `k` less the comma (or dash) just before it.
    fn before_comma(&self, k: usize, lo: usize) -> usize {
        if k > lo && self.is_comma(k - 1) { k - 1 } else { k }
    }

    /// No word comes before token `k` in the sentence starting at `lo`.
    fn first_word_at(&self, lo: usize, k: usize) -> bool {
        (lo..k).all(|j| self.tokens[j].kind != Kind::Word)
    }

    /// How many words `range` holds, a quoted piece counting as a clause's worth.
    fn words_in(&self, range: Range<usize>) -> usize {
        range
            .map(|j| match self.tokens[j].kind {
                Kind::Word => 1,
                Kind::Quote(_) => MIN_WORDS,
                Kind::Punct(_) => 0,
            })
            .sum()
    }
}
