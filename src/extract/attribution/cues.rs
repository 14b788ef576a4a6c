//! Speech cues: the verbs (`said`), nouns (`claim`) and phrases (`according to`) that report
//! speech in a sentence.

use std::ops::Range;

use smallvec::SmallVec;

use super::Reader;
use super::reported::Tense;
use crate::extract::lexicon::WordClass;

/// A speech cue: its tokens, and whether the speaker comes after it (`according to X`).
#[derive(Clone, Debug)]
pub(super) struct Cue {
    /// Its tokens.
    pub(super) tokens: Range<usize>,
    /// How it names its speaker.
    pub(super) kind: CueKind,
}

/// A sentence's cues: on the stack up to a few, as nearly every sentence has, so that reading a
/// sentence allocates nothing for them.
pub(super) type Cues = SmallVec<[Cue; 4]>;

/// What one read of a sentence's words finds: its cues, its cues of reported speech only (see
/// [`WordClass::REPORTING_VERB`]), and where the word `that` stands.
#[derive(Default)]
pub(super) struct Found {
    pub(super) cues: Cues,
    pub(super) reporting: Cues,
    /// The tokens that are the word `that` (any case), in order: found in the same pass as the
    /// cues, so that the verbs before them are looked for without reading the sentence again.
    pub(super) thats: SmallVec<[usize; 4]>,
}

/// How a cue names its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum CueKind {
    /// A speech verb: its subject (`Peskov said`, `said Peskov`).
    Verb,
    /// A phrase followed by the speaker (`according to Peskov`).
    SpeakerAfter,
    /// A speech noun: its possessor (`Trump's claim`), if any.
    Noun,
}

impl Reader<'_> {
    /// The speech cues of `sentence`, in order, and what else one pass over its words finds
    /// (see [`Found`]).
    pub(super) fn cues(&self, sentence: Range<usize>) -> Found {
        let mut found = Found::default();
        let Found { cues, reporting, thats } = &mut found;
        // Most words are in none of the lists a cue is in: one test passes them. `that` is
        // among the few words that take `'s` as a contraction (see `contracted_with_s` in the
        // lexicon, and the test below), which lets the same test stop at it.
        let cue = WordClass::PHRASE_START
            | WordClass::SPEECH_VERB
            | WordClass::SPEECH_NOUN
            | WordClass::REPORTING_VERB
            | WordClass::CONTRACTS;
        // The next token that may be a cue, found by a scan of the slice.
        let next = |from: usize| {
            let rest = self.tokens.get(from..sentence.end).unwrap_or_default();
            rest.iter().position(|t| t.class.intersects(cue)).map_or(sentence.end, |i| from + i)
        };
        let mut k = next(sentence.start);
        while k < sentence.end {
            let c = self.tokens[k].class;
            if c.contains(WordClass::CONTRACTS) && self.is(k, "that") {
                thats.push(k);
            }
            if c.contains(WordClass::PHRASE_START) {
                let phrase = self.lex.speaker_follows.iter().find(|p| {
                    p.iter().enumerate().all(|(n, pw)| k + n < sentence.end && self.is(k + n, pw))
                });
                if let Some(p) = phrase {
                    // A user's phrase may hold `that` after its first word.
                    thats.extend((k + 1..k + p.len()).filter(|&j| self.is(j, "that")));
                    cues.push(Cue { tokens: k..k + p.len(), kind: CueKind::SpeakerAfter });
                    k = next(k + p.len());
                    continue;
                }
            }
            let noun = c.intersects(WordClass::SPEECH_VERB | WordClass::REPORTING_VERB)
                && self.noun_before_verb(k, sentence.start);
            if c.contains(WordClass::SPEECH_VERB) && !noun && self.is_verb_cue(k, sentence.start) {
                cues.push(Cue { tokens: k..k + 1, kind: CueKind::Verb });
            } else if c.contains(WordClass::SPEECH_NOUN)
                // Capitalised inside a sentence, it is a name (`The Post sent its …`).
                && (k == sentence.start || !self.starts_capital_word(k))
            {
                // `Trump is warning voters`: after `is`, a noun in `-ing` is a verb.
                // (The ending is read in place; only then is the word before looked up.)
                let progressive = k > sentence.start
                    && self.text[self.tokens[k].range.clone()].ends_with("ing")
                    && self.is_class(k - 1, WordClass::BE_FORM);
                let kind = if progressive { CueKind::Verb } else { CueKind::Noun };
                cues.push(Cue { tokens: k..k + 1, kind });
            } else if c.contains(WordClass::REPORTING_VERB)
                && !noun
                && self.is_verb_cue(k, sentence.start)
                && !self.subject_of_be(k)
            {
                reporting.push(Cue { tokens: k..k + 1, kind: CueKind::Verb });
            }
            k = next(k + 1);
        }
        found
    }

    /// A speech verb used as a verb: in lower case (`United States` is no cue) unless it is a
    /// word no name holds (`says`) right after a name, as a headline writes it (`…, Ruth Evans
    /// Says.`; not `The Laura Ingraham Show`); and not after a possessive or article
    /// (`Putin's stated goal`, `the reported deal`). After a preposition only its `-ing` form is
    /// one (`began by saying`, not `a flurry of tweets`).
    pub(super) fn is_verb_cue(&self, k: usize, lo: usize) -> bool {
        let before = k.checked_sub(1).filter(|&b| b >= lo);
        let headline = self.is_class(k, WordClass::NOT_NAME)
            && before.is_some_and(|b| self.run_at[b].is_some());
        if self.starts_capital_word(k) && !headline {
            return false;
        }
        let gerund = self.text[self.tokens[k].range.clone()].ends_with("ing");
        !before.is_some_and(|b| {
            let t = &self.text[self.tokens[b].range.clone()];
            // `He's claiming` is a contraction, not a possessive.
            let stem = t.strip_suffix("'s").or_else(|| t.strip_suffix("’s"));
            let possessive = stem.is_some_and(|stem| {
                self.lex.pronoun(stem).is_none()
                    && !self.lex.class_of(stem).contains(WordClass::CONTRACTS)
            });
            possessive
                || self.is_class(b, WordClass::DETERMINER)
                || (self.is_class(b, WordClass::PREPOSITION) && !gerund)
                || (self.is_class(k, WordClass::SPEECH_NOUN) && self.modifier_name(b, lo))
        })
    }

    /// True when the cue word at `k` is a noun because a finite verb follows it, where no verb
    /// may: a helper or a form of `be` after its present (`Trump's claims have been
    /// debunked`, `the plan will`), or a verb in `-s` or `-ed` after a bare form that follows
    /// a singular word (`Bridge plan moves ahead`, `Tax plan stalled`). A plural or a pronoun
    /// before the bare form may be its subject (`Officials plan cuts`, `workers support rises`),
    /// and a bare form before `to` is left a verb (`Labour plan to cut taxes`).
    fn noun_before_verb(&self, k: usize, lo: usize) -> bool {
        let Some(word) = self.written(k) else { return false };
        let ends = |w: &str, end: &str| {
            w.len() > end.len()
                && w.as_bytes()[w.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
        };
        // A past (`said`, `claimed`) may stand before `was` in a relative clause (`what he
        // said was`).
        if matches!(self.tense(k), Some(Tense::Past | Tense::Ing)) {
            return false;
        }
        if self.is_class(k + 1, WordClass::AUXILIARY | WordClass::BE_FORM) {
            return true;
        }
        let bare = !ends(word, "s");
        let Some(next) = self.written(k + 1) else { return false };
        let finite = !self.tokens[k + 1].is_capitalised()
            && ((ends(next, "s") && !ends(next, "ss") && !ends(next, "'s")) || ends(next, "ed"))
            && !self.is_class(
                k + 1,
                WordClass::SPEECH_NOUN | WordClass::DETERMINER | WordClass::PRONOUN,
            );
        let singular_before = k > lo
            && self.written(k - 1).is_some_and(|w| !ends(w, "s") || ends(w, "ss"))
            && !self.is_class(
                k - 1,
                WordClass::PRONOUN | WordClass::AUXILIARY | WordClass::BETWEEN | WordClass::GROUP,
            )
            && !self.is(k - 1, "to");
        bare && finite && singular_before
    }

    /// True when a form of `be` (the lexicon's `be_forms`) follows token `k`: `the plan is
    /// linear`, `support was solid`: a word that is the subject of `be` is a noun, no verb that
    /// reports.
    fn subject_of_be(&self, k: usize) -> bool {
        self.is_class(k + 1, WordClass::BE_FORM)
    }

    /// True when token `b` is a one-word name after a preposition: a name modifying the noun
    /// after it (`of Republican claims`), not a subject (`the Kremlin claims`, `footage of
    /// Trump saying`).
    fn modifier_name(&self, b: usize, lo: usize) -> bool {
        let Some(r) = self.run_at.get(b).copied().flatten() else { return false };
        let run = &self.runs[r].tokens;
        run.len() == 1 && run.start > lo && self.is_class(run.start - 1, WordClass::PREPOSITION)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::lexicon::{Lexicon, WordClass};

    /// [`super::Reader::cues`] finds `that` by this class: without it, no verb before `that`
    /// would be taken for a cue.
    #[test]
    fn that_contracts() {
        let lex = Lexicon::builtin();
        for that in ["that", "That", "THAT"] {
            assert!(lex.class_of(that).contains(WordClass::CONTRACTS), "{that}");
        }
    }
}
