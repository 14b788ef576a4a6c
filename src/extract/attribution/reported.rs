//! Reported speech: the clause a cue reports, quoted or not. `Putin said [he was ready]`,
//! `[the convoy has dispersed], officials said`, `according to officials, [the convoy has
//! dispersed]`, `Trump's claim [that …]`.
//!
//! Each cue of a sentence is read once, and its content runs from the cue to the next clause
//! boundary: the work per sentence is linear in its tokens.

use std::ops::Range;

use smallvec::SmallVec;

use super::cues::{Cue, CueKind, Cues};
use super::{MentionAt, Reader, Sentence};
use crate::extract::lexicon::{PronounKind, WordClass};
use crate::extract::names::Entity;
use crate::extract::tokens::{Kind, Token};

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

/// Where a cue's `and`/`but` stands, its speaker's tokens and its tense (see
/// [`Reader::stop_at_trailing_cues`]).
type Joined = (usize, Option<Range<usize>>, Option<Tense>);

/// A sentence's reports: on the stack, as a sentence has few, and most none.
pub(crate) type Reports = SmallVec<[Report; 2]>;

/// How far after a cue `that` may open its clause (`told reporters on Friday that`).
const THAT_WITHIN: usize = 8;

/// What a verb's ending says of its tense (`said`, `says`, `saying`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Present,
    Ing,
}

/// The pasts of the cue lists that do not end in `-ed`.
const IRREGULAR_PASTS: [&str; 11] = [
    "said",
    "told",
    "wrote",
    "spoke",
    "thought",
    "knew",
    "felt",
    "found",
    "sought",
    "sang",
    "understood",
];

/// Verbs of speaking whose object is an audience or a setting (`spoke to reporters`).
const SPEAKING: [&str; 8] =
    ["speak", "speaks", "spoke", "speaking", "talk", "talks", "talked", "talking"];

/// The fewest words a reported clause has (`support the plan` reports a stance).
const MIN_WORDS: usize = 2;

/// The most tokens a reported clause runs to. The longest attribution the annotators marked in
/// the 84 eval articles is 173 words, and the bound changes none of saidso's output there; it
/// keeps a text with no sentence's end linear.
const MAX_CLAUSE_TOKENS: usize = 400;

/// What a quoted piece counts for in [`Reader::words_in`]: a clause's worth.
const QUOTE_WORDS: usize = 3;

impl Reader<'_> {
    /// The reported clauses of `sentence`, put in `out` (emptied first: filled in place, as the
    /// list is several hundred bytes and made for every sentence). `direct` tells whether a
    /// quotation token of the sentence stands as direct speech: such a sentence reports nothing
    /// more.
    pub(crate) fn reports(
        &self,
        sentence: &Sentence,
        direct: impl Fn(usize) -> bool,
        out: &mut Reports,
    ) {
        let range = sentence.range.clone();
        out.clear();
        // The end of the sentence's words: its full stop or question mark left out.
        let Some(last) = range.clone().rev().find(|&k| self.tokens[k].kind != Kind::Punct('.'))
        else {
            return;
        };
        // A question reports nothing (`Did he say so?`).
        if matches!(self.tokens[last].kind, Kind::Punct('?')) {
            return;
        }
        let end = last + 1;
        // `Pence: Trump was mocking the Clinton camp` (a headline's way to report), and a
        // transcript's `MAYOR HANNA LEE: …`. Elsewhere a label before a colon heads a section
        // (`Limited Tools to Fight Terrorism:`) or a note (`CLARIFICATION:`).
        if let Some(r) = self.run_at[range.start].filter(|_| self.tokens.len() > range.start)
            && (sentence.opening || self.speaker_label(r))
            && let colon = self.runs[r].tokens.end
            && self.tokens.get(colon).is_some_and(|t| t.kind == Kind::Punct(':'))
            && self.words_in(colon + 1..end, QUOTE_WORDS) >= QUOTE_WORDS
            // Quoted words inside are the report's own (`Pence: Trump Was 'Mocking' Them`).
            && !(colon + 1..end).any(|k| matches!(self.tokens[k].kind, Kind::Quote(_)) && direct(k))
        {
            let mention =
                MentionAt { what: super::Mention::Name(r), tokens: self.runs[r].tokens.clone() };
            out.push(Report {
                content: colon + 1..end,
                rest: None,
                cue: colon..colon + 1,
                mention: Some(mention),
            });
            return;
        }
        // `Retired General Reveals Doubts Over Plan`: a headline's subject and verb.
        if sentence.headline
            && let Some(r) = self.headline_report(range.start, end)
        {
            out.push(r);
            return;
        }
        let that_cues = self.verbs_before_that(range.clone(), sentence);
        // On the stack: this list is made for every sentence.
        let mut cues: SmallVec<[&Cue; 8]> =
            sentence.cues.iter().chain(&sentence.reporting_cues).chain(&that_cues).collect();
        // Most sentences have no cue: nothing more to read in them.
        if cues.is_empty() {
            return;
        }
        cues.sort_by_key(|c| c.tokens.start);
        // Direct speech is reported once, as the quotation: only what comes before it can
        // be reported speech of its own (`So when the deal came, Barrett said, "we were
        // floored."`).
        // (A sentence with no quotation needs no search for one.)
        let tokens = self.tokens.get(range.clone()).filter(|_| sentence.quoted);
        let limit = (tokens.unwrap_or_default().iter().enumerate())
            .find(|&(i, t)| matches!(t.kind, Kind::Quote(_)) && direct(range.start + i))
            .map_or(range.end, |(i, _)| range.start + i);
        // `"…," she said, adding that the vote would wait`: a participle after the quotation
        // reports a clause of its own.
        let after_quote = |c: &Cue| {
            c.tokens.start > limit
                && c.kind == CueKind::Verb
                && self.is_comma(c.tokens.start - 1)
                && self.ends_in_ing(c.tokens.start)
        };
        for cue in cues.into_iter().filter(|c| c.tokens.end <= limit || after_quote(c)) {
            // A cue inside content already reported (`said that officials had warned`)
            // reports its own clause too; a cue of a clause given up is skipped.
            let report = match cue.kind {
                CueKind::SpeakerAfter => self.according_to(cue, range.start, end),
                CueKind::Verb => self.verb_report(cue, sentence, end),
                CueKind::Noun => self.noun_report(cue, sentence, end),
            };
            // `She said the leave was for mothers, and when pressed, she replied, "…"`: a
            // forward clause stops before the direct quotation and its own cue.
            let report = report.map(|mut r| {
                if r.content.start >= r.cue.end && r.content.start < limit && r.content.end > limit
                {
                    r.content.end = self.before_direct(r.content.start, limit);
                }
                r
            });
            // `Cruz endorses Trump`: a stance towards one named person is a report too.
            let named_object = |r: &Report| {
                r.content.start >= r.cue.end
                    && self
                        .run_at
                        .get(r.content.start)
                        .copied()
                        .flatten()
                        .is_some_and(|n| self.runs[n].tokens.end >= r.content.end)
            };
            let long_enough = |r: &Report| {
                r.rest.is_some()
                    || self.words_in(r.content.clone(), MIN_WORDS) >= MIN_WORDS
                    || named_object(r)
            };
            let unquoted = |r: &Range<usize>| {
                !r.clone().any(|k| matches!(self.tokens[k].kind, Kind::Quote(_)))
            };
            let before_quote = |r: &Report| {
                if r.content.start > limit {
                    return unquoted(&r.content) && r.rest.is_none();
                }
                r.content.end <= limit && r.rest.as_ref().is_none_or(|rest| rest.end <= limit)
            };
            if let Some(r) = report.filter(long_enough).filter(before_quote) {
                out.push(r);
            }
        }
        // Both steps set one report's bounds by another's cue or speaker, which always stand
        // outside a report's own forward clause: a lone report, as most are, is left as it is.
        if out.len() > 1 {
            self.stop_at_trailing_cues(out);
            self.stop_at_settings(out);
        }
        out.retain(|r| !r.content.is_empty());
    }

    /// `spoke to reporters after Trump unleashed a series of tweets`, `speaking to a veterans
    /// group, said …`: a phrase of where or to whom after a speech verb is no report; another
    /// cue inside it reports what was said. (`said in the letter that …` reports from its
    /// `that`.)
    fn stop_at_settings(&self, out: &mut Reports) {
        let cues: SmallVec<[usize; 8]> = out.iter().map(|r| r.cue.start).collect();
        for r in out.iter_mut().filter(|r| r.content.start >= r.cue.end) {
            let inner = cues.iter().copied().filter(|&c| c > r.content.start && c < r.content.end);
            if let Some(first) = inner.min()
                && (self.is_class(r.cue.start, WordClass::SPEECH_VERB)
                    || self.is_listed(r.cue.start, &SPEAKING))
                && self.opens_with_setting(r.content.start)
            {
                match (r.content.start..first).find(|&j| self.is(j, "that")) {
                    Some(that) => r.content.start = that,
                    None => r.content.end = r.content.start,
                }
            }
        }
    }

    /// Token `k` opens a phrase of where or to whom (`to reporters`, `at a rally in Ohio`,
    /// `in Toledo`), not an infinitive (`to act`).
    fn opens_with_setting(&self, k: usize) -> bool {
        let noun = |j: usize| {
            self.is_class(j, WordClass::DETERMINER)
                || self.tokens.get(j).is_some_and(|t| t.is_capitalised())
                || self.is_group_word(j)
        };
        ["to", "at", "in"].iter().any(|w| self.is(k, w)) && noun(k + 1)
    }

    /// A headline in title case that opens with its subject, all capitalised words, and a
    /// verb of the lists in the present (`New Poll Shows Bump For Reed`, `Ann Kyle Vows To
    /// Cut Fees`): what follows the verb is reported. (`…, Ann Kyle Says` is read as any
    /// trailing cue is.)
    fn headline_report(&self, lo: usize, end: usize) -> Option<Report> {
        let cue = WordClass::SPEECH_VERB | WordClass::REPORTING_VERB;
        let k = (lo + 1..end.min(lo + 6)).take_while(|&j| self.tokens[j].is_capitalised()).find(
            |&j| self.is_class(j, cue) && self.written(j).is_some_and(|w| w.ends_with('s')),
        )?;
        if !self.tokens[lo].is_capitalised() || self.words_in(k + 1..end, MIN_WORDS) < MIN_WORDS {
            return None;
        }
        let mention = match self.run_at[k - 1] {
            Some(r) if self.runs[r].tokens.start == lo => {
                MentionAt { what: super::Mention::Name(r), tokens: self.runs[r].tokens.clone() }
            }
            Some(_) => return None,
            None => self.description(lo..k, self.word(k - 1)?, k - 1),
        };
        Some(Report { content: k + 1..end, rest: None, cue: k..k + 1, mention: Some(mention) })
    }

    /// Where a clause running into a direct quotation at `limit` ends: before the quotation,
    /// and before the quotation's own cue clause after the last comma (`…, she replied,`).
    fn before_direct(&self, start: usize, limit: usize) -> usize {
        let words_end = |mut e: usize| {
            while e > start && self.tokens[e - 1].kind != Kind::Word {
                e -= 1;
            }
            e
        };
        let e = words_end(limit);
        match (start..e).rev().find(|&j| self.is_comma(j)) {
            Some(c) if (c + 1..e).any(|j| self.is_class(j, WordClass::SPEECH_VERB)) => words_end(c),
            _ => e,
        }
    }

    /// Verbs no list has whose subject is named and whose object is a `that` clause: `Kyle
    /// hinted that …`, `the board conceded that …` report what was said or thought.
    fn verbs_before_that(&self, range: Range<usize>, sentence: &Sentence) -> Cues {
        let known = WordClass::SPEECH_VERB
            | WordClass::REPORTING_VERB
            | WordClass::SPEECH_NOUN
            | WordClass::NOT_NAME
            | WordClass::BETWEEN
            | WordClass::DETERMINER
            | WordClass::PREPOSITION
            | WordClass::PRONOUN;
        // On the stack: made for every sentence, and nearly always empty.
        let mut out = Cues::new();
        // Only the words before a `that` are read: the sentence's were found with its cues.
        for &j in sentence.thats.iter().filter(|&&j| j > range.start) {
            let k = j - 1;
            let t = &self.tokens[k];
            if t.kind != Kind::Word || t.is_capitalised() {
                continue;
            }
            if t.class.intersects(known) || self.run_at[k].is_some() {
                continue;
            }
            // `a Senate seat that is open`, `the rules that could close plants`: a noun with its
            // relative clause, no verb reporting one.
            if self.is_relative_verb(j + 1) {
                continue;
            }
            // `a Marine base that overlooks the bay`: a word with no verb's ending is a noun.
            if self.tense(k).is_none() {
                continue;
            }
            // `It is astounding that …`: an `it` before `be` stands for the clause, not for
            // anyone who says it.
            let named = self.left(k, range.start).is_some_and(|m| match m.what {
                super::Mention::Pronoun(PronounKind::SpeakerSelf) => false,
                super::Mention::Pronoun(PronounKind::Organisation) => {
                    !self.is_class(m.tokens.end, WordClass::BE_FORM)
                }
                _ => true,
            });
            if named && !sentence.cues.iter().any(|c| c.tokens.contains(&k)) {
                out.push(Cue { tokens: k..k + 1, kind: CueKind::Verb });
            }
        }
        out
    }

    /// `according to X, …` and `…, according to X.`
    fn according_to(&self, cue: &Cue, lo: usize, end: usize) -> Option<Report> {
        let mention =
            self.right(cue.tokens.end, end).or_else(|| self.source_phrase(cue.tokens.end, end))?;
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
        // `The port is said to be sold`, `she was told that …`: a passive cue's subject did
        // not speak (`is warning` is active).
        let participle = self.written(k).is_some() && !self.ends_in_ing(k);
        if participle && k > lo && self.is_class(k - 1, WordClass::BE_FORM) {
            return self.passive_report(cue, lo, end);
        }
        // A speaker named after the verb is taken only where the clause ends there (`…, said
        // Peskov.`): `members said Trump had…` is said by the members.
        let mention = match self.speaker_of(cue, sentence, 0) {
            Some(m) if m.tokens.start >= k && !self.ends_clause(m.tokens.end, end) => {
                self.noun_phrase_before(k, lo).or_else(|| self.subject_phrase(k, lo)).or(Some(m))
            }
            None => self
                .noun_phrase_before(k, lo)
                .or_else(|| self.subject_phrase(k, lo))
                .or_else(|| self.trailing_phrase(k, lo)),
            // `Economists at the port authority said`: what follows a preposition is no
            // subject; the people the sentence opens with are. (`Figures from the army show`:
            // the army, the figures' source, stays.)
            Some(m) if m.tokens.end <= k && self.after_preposition(m.tokens.start, lo) => self
                .subject_phrase(k, lo)
                .filter(|p| {
                    matches!(&p.what, super::Mention::Description(d)
                        if self.lex.is_title(&d.head) || self.lex.is_group_word(&d.head))
                })
                .or(Some(m)),
            found => found,
        };
        // Where the cue and its speaker begin and end in the sentence.
        let first = mention.as_ref().map_or(k, |m| self.phrase_start(m.tokens.start, lo).min(k));
        let mut after = cue.tokens.end;
        if let Some(m) = mention.as_ref().filter(|m| m.tokens.start >= after) {
            after = m.tokens.end;
        }
        // `…, the mayor told the Ledger on Friday.`: the one told is no part of the clause's
        // tail.
        if self.tells_someone(k)
            && let Some(object) = self.right(after, end)
        {
            after = object.tokens.end;
        }
        // `…, officials said on Friday.`, `…, said Alan Cole, an economist.`, `… Mr. Kamin
        // said.`: the content is what comes before.
        // (Counted up to five: it is only compared with four and less.)
        let trailing = self.words_in(after..end, 4);
        // `…, officials said Friday afternoon, as they …`: a short tail up to a comma.
        let short_tail = self.comma_within(after, end, 3);
        // Set off by a comma, a dash or the end of a quotation (`''…,'' said X`).
        let set_off = first > lo && !matches!(self.tokens[first - 1].kind, Kind::Word);
        // A longer tail is the verb's own clause (`Speaking in Leeds, Evans said the budget
        // would pass`), and so is a short one that is no time or place (`Through a spokesman,
        // he declined to comment`).
        let when = |j: usize| {
            self.is_when(j) || self.is_class(j, WordClass::PREPOSITION | WordClass::BETWEEN)
        };
        // `…, Reed said in an interview.`: a short phrase of where or how, to the end.
        let adjunct = trailing <= 4
            && self.is_class(after, WordClass::PREPOSITION)
            && !(after..end).any(|j| self.is(j, "that") || self.is_comma(j));
        // `John Brown said he agreed.`, `She told reporters that he agreed.`: a clause that is
        // another verb's object (a few words after it, with no comma between) is what was said,
        // not a speaker closing the sentence.
        let object_of_verb = (lo..first)
            .rev()
            .take(6)
            .take_while(|&j| self.tokens[j].kind == Kind::Word)
            .any(|j| self.is_class(j, WordClass::SPEECH_VERB | WordClass::REPORTING_VERB));
        let closes = (trailing == 0 && !object_of_verb)
            || (set_off
                && ((trailing <= 2 && when(after))
                    || adjunct
                    || self.is_comma(after)
                    || short_tail));
        // `In one tweet, Trump said: "…"`: what comes before introduces the speech.
        let introduces = (after..end.min(after + 2))
            .any(|j| matches!(self.tokens[j].kind, Kind::Quote(_) | Kind::Punct(':')));
        if closes && !introduces && !self.is(after, "that") && self.words_in(lo..first, 1) >= 1 {
            let content = lo..self.before_comma(first, lo);
            // `The museum, Mr. Bush said, celebrated …`: the clause goes on after the cue (and
            // after when: `, he told me on Friday, is …`).
            let mut comma = after;
            if self.tells_someone(k) && self.is_class(comma, WordClass::PRONOUN) {
                comma += 1;
            }
            while self.is(comma, "on") || self.is_when(comma) {
                comma += 1;
            }
            // After when, only a verb goes on with the clause (`, officials said Friday, as
            // the works began` does not).
            // After an inverted speaker (`…, said Alan Cole, an economist`) what follows
            // describes the speaker.
            let inverted = mention.as_ref().is_some_and(|m| m.tokens.start > k);
            let goes_on = !inverted && (comma == after || self.is_relative_verb(comma + 1));
            let rest = (set_off && trailing > 4 && self.is_comma(comma) && goes_on)
                .then(|| comma + 1..self.clause_end(comma + 1, end));
            // Counted only as far as the comparisons below need.
            let most = MIN_WORDS.max(2);
            let words = self.words_in(content.clone(), most)
                + rest.clone().map_or(0, |r| self.words_in(r, most));
            // `In the bank scandal, prosecutors charged two managers, …`, `Last month, …`: a
            // phrase of when or where before the subject is no clause of its own.
            let opening = rest.is_none()
                && !content.clone().any(|j| self.is_comma(j))
                && (words <= 2 || self.is_preposition(content.start));
            return (words >= MIN_WORDS && !opening).then(|| Report {
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
        // `said on Friday any rise would …`: when it was said is no part of what was.
        while self.is_when(start) {
            start += 1;
        }
        // `John Brown, speaking later, said …`: a participle whose words end at a comma
        // reports nothing here; the verb after the comma does.
        if self.ends_in_ing(k) && self.is_comma(start) {
            return None;
        }
        // `rejected the mayor's claim that …`: the claim's clause is the mayor's, not the
        // rejecter's, so a speech noun before `that` ends the search.
        let noun_that =
            |j: usize| self.is_class(j, WordClass::SPEECH_NOUN) && self.is(j + 1, "that");
        // `said Obama hopes that …`, `says they share the belief that …`: a `that` after another
        // verb or a subject of its own belongs to that clause, which is what was said.
        // So does one after a verb's helper (`said officials have a video that shows …`).
        let own_clause = |j: usize| {
            self.is_class(j, WordClass::SPEECH_VERB | WordClass::REPORTING_VERB)
                || self.is_subject_pronoun(j)
                || self.is_class(j, WordClass::AUXILIARY | WordClass::BE_FORM)
        };
        // `… could change that.`: a `that` ending the clause is a pronoun.
        let opens = |j: usize| self.is(j, "that") && j + 1 < end;
        if let Some(that) = (start..end.min(start + THAT_WITHIN))
            .take_while(|&j| !own_clause(j) && !noun_that(j) && !self.is_infinitive(j))
            .find(|&j| opens(j))
        {
            // `attacked loopholes that benefit others`, `wants policies that create jobs`: a
            // `that` after the verb's own object is a relative clause of it, and the object is
            // what is reported.
            // (`said on its website that`, `via email that`: where it was said, not an object.)
            let object = start < that
                && !self.is_preposition(start - 1)
                && (start..that).all(|j| self.is_plain_noun(j));
            if !object || self.tells_someone(k) {
                start = that;
            }
        } else if self.tells_someone(k)
            && let Some(object) = self.right(start, end)
        {
            // `told reporters the talks had failed`: the one told is no part of it, nor when
            // (`told the host on Thursday how …`).
            start = object.tokens.end;
            // `told host Tom Reed`, `told Harbour Radio host Tom Reed`: a role, then the name.
            let role = if self.is_class(start, WordClass::TITLE) { start + 1 } else { start };
            if self.is_class(role - 1, WordClass::TITLE)
                && let Some(r) = self.run_at.get(role).copied().flatten()
            {
                start = self.runs[r].tokens.end;
            }
            while self.is(start, "on") || self.is_when(start) {
                start += 1;
            }
        }
        // `was endorsed by papers`: a passive verb reports no clause after it; nor does
        // `called in to the show`, which is phoning.
        if self.is(cue.tokens.end, "by")
            || (self.is(k, "called") && ["in", "into"].iter().any(|w| self.is(cue.tokens.end, w)))
        {
            return None;
        }
        let mut stop = self.clause_end(start, end);
        // `The plan, which Brown said would cost £3m, was approved`: a cue inside a relative
        // clause set off by commas reports up to the comma that closes it.
        let from = self.phrase_start(m.tokens.start, lo);
        if from >= lo + 2
            && self.is_comma(from - 2)
            && (self.is(from - 1, "which") || self.is(from - 1, "who"))
            && let Some(c) = (start + 1..stop).find(|&j| self.is_comma(j))
        {
            stop = c;
        }
        // `questioned the health of Reed, who is 70`: after a stance's object, a relative clause
        // set off by a comma describes the person; it is no part of the stance. (`, which`
        // was measured too: the annotators keep it as often as not.)
        if !self.is_class(k, WordClass::SPEECH_VERB)
            && !self.is(start, "that")
            && !self.is_subject_pronoun(start)
            && let Some(c) = (start + 1..stop).find(|&j| self.is_comma(j) && self.is(j + 1, "who"))
        {
            stop = c;
        }
        Some(Report { content: start..stop, rest: None, cue: cue.tokens.clone(), mention: Some(m) })
    }

    /// `The plan was endorsed by the union`: with its agent after `by`, a passive cue reports
    /// its subject (the sentence's first words; before a comma when only one word follows:
    /// `Reed, meanwhile, is backed by …`), and the agent speaks.
    fn passive_report(&self, cue: &Cue, lo: usize, end: usize) -> Option<Report> {
        let by = cue.tokens.end;
        if !self.is(by, "by") {
            return None;
        }
        let mention = self.right(by + 1, end).or_else(|| self.source_phrase(by + 1, end))?;
        let mut stop = cue.tokens.start;
        while stop > lo && self.is_relative_verb(stop - 1) {
            stop -= 1;
        }
        let comma_before = |at: usize| (lo..at).rev().find(|&j| self.is_comma(j));
        stop = self.before_comma(stop, lo);
        let mut start = comma_before(stop).map_or(lo, |c| c + 1);
        if start > lo && stop == start + 1 && !self.tokens[start].is_capitalised() {
            stop = start - 1;
            start = comma_before(stop).map_or(lo, |c| c + 1);
        }
        // After an opening phrase the subject is too often misread (`When the poll asked …,
        // Reed was backed by`): only a sentence's own subject is taken.
        (start == lo && self.words_in(start..stop, 1) >= 1).then(|| Report {
            content: start..stop,
            rest: None,
            cue: cue.tokens.clone(),
            mention: Some(mention),
        })
    }

    /// True when name run `r` reads as a transcript's speaker label: in capitals, and a full
    /// name (`MAYOR HANNA LEE`) or one the article gives elsewhere (`PENCE`); a word such as
    /// `CLARIFICATION` names nobody.
    fn speaker_label(&self, r: usize) -> bool {
        let run = &self.runs[r];
        let capitals = self.tokens[run.tokens.clone()]
            .iter()
            .all(|t| !self.text[t.range.clone()].chars().any(char::is_lowercase));
        capitals && (run.name.len() >= 2 || run.entity != Entity::Other)
    }

    /// What `according to` names when no speaker is known: the first name in the few words
    /// up to a comma (`an analysis by Tom Weber`), else those words as a description (`the
    /// data`, `federal statistics`).
    fn source_phrase(&self, start: usize, end: usize) -> Option<MentionAt> {
        let stop = (start..end.min(start + 8))
            .find(|&j| self.tokens[j].kind != Kind::Word || self.is(j, "that"))
            .unwrap_or(end.min(start + 8));
        if let Some(r) = (start..stop).find_map(|j| self.run_at[j]) {
            let tokens = self.runs[r].tokens.clone();
            return Some(MentionAt { what: super::Mention::Name(r), tokens });
        }
        let first = if self.is_class(start, WordClass::DETERMINER) { start + 1 } else { start };
        if first >= stop {
            return None;
        }
        let head = self.word(stop - 1)?;
        Some(self.description(first..stop, head, stop - 1))
    }

    /// True when token `k` says when: a time word (`Friday`, `week`), or the word that picks
    /// one out (`last` in `last week`, `this` in `this month`).
    fn is_when(&self, k: usize) -> bool {
        self.is_class(k, WordClass::TIME_WORD)
            || (["last", "this", "next", "past"].iter().any(|w| self.is(k, w))
                && self.is_class(k + 1, WordClass::TIME_WORD))
    }

    /// True when token `k` is a form of `be` or an auxiliary verb (`is`, `would`): after `that`,
    /// it makes `that` a relative pronoun.
    fn is_relative_verb(&self, k: usize) -> bool {
        self.is_class(k, WordClass::BE_FORM | WordClass::AUXILIARY)
    }

    /// True when token `k` is `to` before a verb (`warned the board to refrain from steps that
    /// …`): the clause is the infinitive's, and a later `that` is a relative clause in it.
    fn is_infinitive(&self, k: usize) -> bool {
        self.is(k, "to")
            && self.tokens.get(k + 1).is_some_and(|t| t.kind == Kind::Word && !t.is_capitalised())
            && !self.is_class(k + 1, WordClass::DETERMINER | WordClass::PRONOUN)
            && !self.is_class(k + 1, WordClass::TIME_WORD)
            && !self.is_group_word(k + 1)
    }

    /// True when token `k` is a lower-case word that may stand in an object noun phrase
    /// (`the loopholes`), not the people told (`voters`), when (`Friday`, `repeatedly`) or a
    /// preposition.
    fn is_plain_noun(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        t.kind == Kind::Word
            && !t.is_capitalised()
            && !self.is_preposition(k)
            && !self.is_between(k)
            && !self.is_class(k, WordClass::PRONOUN)
            && !self.is_class(k, WordClass::TIME_WORD)
            && !self.is_object_pronoun(k)
            && !["to", "at", "via"].iter().any(|w| self.is(k, w))
            && !self.is_group_word(k)
    }

    /// True when token `k` is a pronoun that may be a clause's subject (`they`, `there`), not
    /// one told (`him`, `us`).
    fn is_subject_pronoun(&self, k: usize) -> bool {
        (self.is_class(k, WordClass::PRONOUN) || self.is(k, "there")) && !self.is_object_pronoun(k)
    }

    /// True when token `k` is a pronoun of one told or spoken of (`him`, `us`), never a
    /// clause's subject.
    fn is_object_pronoun(&self, k: usize) -> bool {
        ["him", "her", "them", "me", "us", "you"].iter().any(|w| self.is(k, w))
    }

    /// True when token `k` is a word of the lexicon's group words (`officials`).
    fn is_group_word(&self, k: usize) -> bool {
        self.is_class(k, WordClass::GROUP)
    }

    /// True when token `k` is a preposition (`in`, `at`, `during`), not an article.
    fn is_preposition(&self, k: usize) -> bool {
        self.is_class(k, WordClass::PREPOSITION)
            || (self.is_class(k, WordClass::BEFORE_TITLE)
                && !self.is_class(k, WordClass::DETERMINER))
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
            // A capital opening the sentence is no name (`Video shows`).
            let capital = t.is_capitalised() && start - 1 > lo;
            let evidence = t.class.contains(WordClass::EVIDENCE);
            if t.kind != Kind::Word || (t.class.intersects(stop) && !evidence) || capital {
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
        // A plural noun: what speaks without a name (`members`, `investors`); or evidence
        // (`the footage shows`).
        let evidence = self.is_class(k - 1, WordClass::EVIDENCE);
        if !evidence && (!head.ends_with('s') || head.ends_with("ss")) {
            return None;
        }
        // `Experts on ports said`: the group the sentence opens with, not what follows its
        // preposition.
        let opening = || self.after_preposition(start, lo).then(|| self.subject_phrase(k, lo));
        opening().flatten().or_else(|| Some(self.description(start..k, head, k - 1)))
    }

    /// A sentence that opens with a described group and runs to the verb at `k` with no comma:
    /// `Experts on North Korea said`, `Political observers in Virginia say`. The description's
    /// head is its first word for people or a body.
    fn subject_phrase(&self, k: usize, lo: usize) -> Option<MentionAt> {
        if k <= lo || k - lo > 12 {
            return None;
        }
        let cue = WordClass::SPEECH_VERB | WordClass::REPORTING_VERB;
        if (lo..k).any(|j| self.tokens[j].kind != Kind::Word || self.is_class(j, cue)) {
            return None;
        }
        // `There are economists who argue`: the subject follows.
        let lo = if self.is(lo, "there") && self.is_class(lo + 1, WordClass::BE_FORM) {
            lo + 2
        } else {
            lo
        };
        // An opening preposition or pronoun makes the words no subject (`With Democratic
        // leaders increasingly …`, `It's also impossible to …`).
        if lo >= k || self.is_class(lo, WordClass::PREPOSITION | WordClass::PRONOUN) {
            return None;
        }
        // The subject ends where its verb begins (`other studies have found`, `an attorney
        // for Mills did not respond`).
        let k = (lo..k).find(|&j| self.is_relative_verb(j)).unwrap_or(k);
        let heads =
            WordClass::GROUP | WordClass::TITLE | WordClass::ORGANISATION | WordClass::EVIDENCE;
        let head_at = (lo..k).find(|&j| self.is_class(j, heads))?;
        let head = self.word(head_at)?;
        let start = if self.is_class(lo, WordClass::DETERMINER) { lo + 1 } else { lo };
        Some(self.description(start.min(head_at)..k, head, head_at))
    }

    /// A described group after the clause's comma, right before the verb at `k`: `…, lawyers
    /// for the family said.` (as [`Self::subject_phrase`] reads one opening a sentence).
    fn trailing_phrase(&self, k: usize, lo: usize) -> Option<MentionAt> {
        let comma = (k.saturating_sub(8).max(lo)..k).rev().find(|&j| self.is_comma(j))?;
        self.subject_phrase(k, comma + 1)
    }

    /// True when the phrase starting at token `k` (or its determiner) follows a preposition.
    fn after_preposition(&self, k: usize, lo: usize) -> bool {
        let start = self.phrase_start(k, lo);
        start > lo && self.is_class(start - 1, WordClass::PREPOSITION | WordClass::BEFORE_TITLE)
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
        // No clause runs longer than this: in text with no sentence's end (`said, said, …`, a
        // transcript without punctuation) every cue would otherwise read to the end, which is
        // quadratic in the sentence.
        let end = end.min(start + MAX_CLAUSE_TOKENS);
        // Read off the slice with one test of each token's kind: this runs for every forward
        // report, over the rest of its sentence.
        let tokens = self.tokens.get(start..end).unwrap_or_default();
        let stop = |(i, t): (usize, &Token)| {
            let j = start + i;
            match t.kind {
                // `; the board …`: another clause.
                Kind::Punct(';') => true,
                Kind::Punct(',' | '—' | '–') => {
                    (self.is_class(j + 1, cue) && self.ends_in_ing(j + 1))
                        || self.is_class(j + 1, WordClass::CLAUSE_AFTER_REPORT)
                }
                // Only a three-letter word starting with `b` can be `but`: both told at once
                // (`&`, not `&&`), as a branch on a word's length alone is often guessed wrong.
                Kind::Word => {
                    let first = self.text.as_bytes().get(t.range.start).copied().unwrap_or(0);
                    (t.range.len() == 3) & (first | 0x20 == b'b') && self.but_then_verb(j)
                }
                _ => false,
            }
        };
        tokens.iter().enumerate().position(stop).map_or(end, |i| start + i)
    }

    /// `… but did not recommend charges`, `… but offered no proof`: `but` and a verb with no
    /// subject of its own joins the speaker's next act, no part of what was reported.
    fn but_then_verb(&self, k: usize) -> bool {
        if !self.is(k, "but") {
            return false;
        }
        let mut j = k + 1;
        while j < self.tokens.len() && self.is_between(j) && !self.is_class(j, WordClass::AUXILIARY)
        {
            j += 1;
        }
        let did_not = ["did", "does", "do"].iter().any(|w| self.is(j, w)) && self.is(j + 1, "not");
        did_not || self.tense(j) == Some(Tense::Past)
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

    /// How many words `range` holds, a quoted piece counting as a clause's worth; counted no
    /// further than past `most`, as the callers only compare the count with a few words, and a
    /// range may run to the end of a long sentence.
    fn words_in(&self, range: Range<usize>, most: usize) -> usize {
        // Read off the slice, with no bounds check per token.
        let tokens = self.tokens.get(range).unwrap_or_default();
        let mut n = 0;
        for t in tokens {
            n += word_count(t);
            if n > most {
                break;
            }
        }
        n
    }

    /// True when a comma (or dash) comes after at most `most` words from token `start` on,
    /// before `end`.
    fn comma_within(&self, start: usize, end: usize, most: usize) -> bool {
        let mut n = 0;
        for j in start..end {
            if self.is_comma(j) {
                return true;
            }
            n += word_count(&self.tokens[j]);
            if n > most {
                return false;
            }
        }
        false
    }

    /// The tense a verb's ending shows, where it shows one.
    pub(super) fn tense(&self, k: usize) -> Option<Tense> {
        let w = self.written(k)?;
        // An ASCII word is read in any case, with no lower-case copy; another is lower-cased
        // first, as a few characters lower-case to ASCII letters.
        if w.is_ascii() { tense_of(w) } else { tense_of(&w.to_lowercase()) }
    }

    /// Where the `and`/`but` joining cue `k` to an earlier verb stands (`and later warned`).
    fn joiner_before(&self, k: usize) -> Option<usize> {
        let mut j = k;
        while j > 0 && self.is_between(j - 1) {
            j -= 1;
        }
        (j > 0 && (self.is(j - 1, "and") || self.is(j - 1, "but"))).then(|| j - 1)
    }

    /// A forward report ends where another cue's clause of the same sentence begins: in `X
    /// said the bridge would close, Y added.`, `…, according to the ministry.` or `X said A,
    /// but Y said B`, the rest names another source and is no part of what X said.
    fn stop_at_trailing_cues(&self, reports: &mut [Report]) {
        // Where each report that reads backwards from a cue set off by a comma ends, and where
        // the clause of each forward report's speaker begins (`, but Y said`).
        // On the stack: a sentence has few reports.
        let ends: SmallVec<[usize; 8]> = reports
            .iter()
            .filter_map(|r| {
                if r.content.end <= r.cue.start {
                    return self.is_comma(r.content.end).then_some(r.content.end);
                }
                let m = r.mention.as_ref().filter(|m| m.tokens.end <= r.cue.start)?;
                let mut b = m.tokens.start;
                if b > 0 && self.is_class(b - 1, WordClass::DETERMINER) {
                    b -= 1;
                }
                while b > 0 && self.is_class(b - 1, WordClass::CLAUSE_JOINER) {
                    b -= 1;
                }
                (b > 0 && self.is_comma(b - 1)).then(|| b - 1)
            })
            .collect();
        // `X said A and warned B`: a cue joined to the same speaker's verb starts a clause of
        // its own, so the one before ends at `and`/`but`.
        // Both verbs have one tense (`said … and warned`); `say he posed a threat and refused
        // to go` joins `refused` to the reported clause's verb instead.
        let joined: SmallVec<[Joined; 4]> = reports
            .iter()
            .filter_map(|r| {
                let at = self.joiner_before(r.cue.start)?;
                let speaker = r.mention.as_ref().map(|m| m.tokens.clone());
                (at + 1 == r.cue.start || self.is_between(at + 1))
                    .then(|| (at, speaker, self.tense(r.cue.start)))
            })
            .collect();
        // (Most sentences join no cue: their reports' tenses are not read.)
        let forward = |r: &&mut Report| r.content.start >= r.cue.end && !joined.is_empty();
        for r in reports.iter_mut().filter(forward) {
            let speaker = r.mention.as_ref().map(|m| m.tokens.clone());
            let tense = self.tense(r.cue.start);
            if let Some(&(end, _, _)) = joined.iter().find(|(e, m, t)| {
                *e > r.content.start
                    && *e < r.content.end
                    && m.is_some()
                    && *m == speaker
                    && t.is_some()
                    && *t == tense
            }) {
                r.content.end = end;
            }
        }
        for r in reports.iter_mut().filter(|r| r.content.start >= r.cue.end) {
            if let Some(&end) = ends.iter().find(|&&e| e > r.content.start && e < r.content.end) {
                r.content.end = end;
            }
        }
    }
}

/// What token `t` counts for in [`Reader::words_in`].
fn word_count(t: &Token) -> usize {
    match t.kind {
        Kind::Word => 1,
        Kind::Quote(_) => QUOTE_WORDS,
        Kind::Punct(_) => 0,
    }
}

/// The tense the ending of the word `w` shows, in any ASCII case.
fn tense_of(w: &str) -> Option<Tense> {
    let ends = |end: &str| {
        let b = w.as_bytes();
        b.len() >= end.len() && b[b.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
    };
    if ends("ed") || IRREGULAR_PASTS.iter().any(|v| w.eq_ignore_ascii_case(v)) {
        Some(Tense::Past)
    } else if ends("ing") {
        Some(Tense::Ing)
    } else if ends("s") && !ends("ss") {
        Some(Tense::Present)
    } else {
        None
    }
}
