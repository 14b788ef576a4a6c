//! Mentions: the words naming a speaker beside a cue — a name, a pronoun, a description
//! (`the Kremlin spokesman`) — read leftwards (`Peskov said`) or rightwards (`said Peskov`).

use std::ops::Range;
use std::rc::Rc;

use super::{Description, Mention, MentionAt, Reader};
use crate::extract::lexicon::{Gender, PronounKind, WordClass, pronoun_of};
use crate::extract::names::Entity;
use crate::extract::tokens::Kind;

impl Reader<'_> {
    /// Whose is the noun at `k`: `Trump's claim`, `his remarks`.
    pub(super) fn possessor(&self, k: usize, lo: usize) -> Option<MentionAt> {
        let b = k.checked_sub(1).filter(|&b| b >= lo)?;
        if let Some(r) = self.run_at[b] {
            let t = &self.text[self.tokens[b].range.clone()];
            return (t.ends_with("'s") || t.ends_with("’s")).then(|| MentionAt {
                what: Mention::Name(r),
                tokens: self.runs[r].tokens.clone(),
            });
        }
        let word = self.lower(b)?;
        // `the mayor's statement`, `the ministry's claim`: a description's possessive.
        if let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
            && self.is_head(stem)
        {
            let mut start = b;
            while start > lo
                && b - start < 3
                && self.written(start - 1).is_some()
                && !self.is_class(start - 1, WordClass::DETERMINER | WordClass::NOT_NAME)
            {
                start -= 1;
            }
            let mut found = self.description(start..b + 1, stem.to_string(), b);
            if let Mention::Description(d) = &mut found.what
                && let Some(bare) =
                    ["'s", "’s", "'S", "’S"].iter().find_map(|s| d.written.strip_suffix(s))
            {
                // Only just made, so not yet shared: changed in place.
                Rc::make_mut(d).written = bare.to_string();
            }
            return Some(found);
        }
        let kind = match &*word {
            "his" => PronounKind::Person(Some(Gender::Male)),
            "her" => PronounKind::Person(Some(Gender::Female)),
            "its" => PronounKind::Organisation,
            _ => return None,
        };
        Some(MentionAt { what: Mention::Pronoun(kind), tokens: b..k })
    }

    /// `Donald Trump, who in March said`: the name before `, who` a few words back, or before
    /// the description between them (`Mitch McConnell, now the majority leader, who said`).
    pub(super) fn relative_antecedent(&self, k: usize, lo: usize) -> Option<MentionAt> {
        let who = (k.saturating_sub(8).max(lo)..k)
            .rev()
            .find(|&j| self.is(j, "who") || self.is(j, "which"))?;
        let r = self
            .apposition_head(who, lo)
            .or_else(|| (who.saturating_sub(3).max(lo)..who).rev().find_map(|j| self.run_at[j]));
        match r {
            Some(r) => {
                Some(MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() })
            }
            // `residents, who said`: a description names them.
            None => {
                let last = who.checked_sub(1).filter(|&c| c > lo && self.is_comma_at(c))? - 1;
                self.description_ending(last, lo)
            }
        }
    }

    fn is_comma_at(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| t.kind == Kind::Punct(','))
    }

    /// The name before a description set off by commas that ends at token `end`: in
    /// `Mitch McConnell, now the majority leader, who`, with `end` at `who`.
    pub(super) fn apposition_head(&self, end: usize, lo: usize) -> Option<usize> {
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
    pub(super) fn left(&self, k: usize, lo: usize) -> Option<MentionAt> {
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
            let found = MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() };
            return Some(self.person_of(found, lo));
        }
        match self.tokens[last].kind {
            Kind::Punct(',') => self.left_of_apposition(last, lo),
            // `Ann Kall — co-editor of a book on the ferry — said`.
            Kind::Punct(_) if self.is_dash(last) => self.left_of_apposition(last, lo),
            Kind::Word => {
                if let Some(p) = pronoun_of(self.tokens[last].class) {
                    return Some(MentionAt { what: Mention::Pronoun(p), tokens: last..j });
                }
                let found = self.description_ending(last, lo)?;
                Some(self.person_of(found, lo))
            }
            _ => None,
        }
    }

    /// The person named before `of`, `at` or `from` and the mention found (`Tom Bright of the
    /// fishermen's association`, `Martha Lyle of Patients First`, `Dan Ames at the Daily
    /// Star`): the person speaks, not what they belong to. Any other mention as it is.
    fn person_of(&self, found: MentionAt, lo: usize) -> MentionAt {
        let mut b = found.tokens.start;
        if b > lo && self.is_class(b - 1, WordClass::DETERMINER) {
            b -= 1;
        }
        let joined = |j: usize| self.is(j, "of") || self.is(j, "at") || self.is(j, "from");
        let person = (b >= lo + 2 && joined(b - 1))
            .then(|| self.run_at[b - 2])
            .flatten()
            .filter(|&r| matches!(self.runs[r].entity, Entity::Person(_)));
        match person {
            Some(r) => MentionAt { what: Mention::Name(r), tokens: self.runs[r].tokens.clone() },
            None => found,
        }
    }

    /// True when token `k` is the punctuation character `c`.
    fn is_punct(&self, k: usize, c: char) -> bool {
        self.tokens.get(k).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// True when token `k` is a dash setting off an insert: `—`, `–`, or one of `--`.
    fn is_dash(&self, k: usize) -> bool {
        let hyphens =
            || self.is_punct(k + 1, '-') || k.checked_sub(1).is_some_and(|b| self.is_punct(b, '-'));
        self.is_punct(k, '—') || self.is_punct(k, '–') || (self.is_punct(k, '-') && hyphens())
    }

    /// The first token of `--` when `k` is its second, else `k`.
    fn pair_start(&self, k: usize) -> usize {
        if k > 0 && self.is_punct(k, '-') && self.is_punct(k - 1, '-') { k - 1 } else { k }
    }

    /// Past a comma: `Joe Biden, has warned` or `Andriy Demchenko, a spokesman for X, said`.
    pub(super) fn left_of_apposition(&self, comma: usize, lo: usize) -> Option<MentionAt> {
        // Walk back over up to three inserts between commas (`Jean-Marc Ayrault, the foreign
        // minister of France, a member of the council, said`); the leftmost person named just
        // before a comma is the subject, else the leftmost name.
        let mut names = Vec::new();
        // Inserts between dashes open with a dash, those between commas with a comma.
        let dashes = self.is_dash(comma);
        let mut c = self.pair_start(comma);
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
                .find(|&k| if dashes { self.is_dash(k) } else { self.is_punct(k, ',') })
            else {
                break;
            };
            c = self.pair_start(open);
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
    pub(super) fn description_ending(&self, last: usize, lo: usize) -> Option<MentionAt> {
        // The lexicon ignores case: the head is copied in lower case only once found.
        let mut end = last;
        // The token's classes are the lexicon's for its word: looked up once, as it was read
        // (they differ only for a pronoun's contraction, and no pronoun heads a description).
        let t = self.tokens.get(last).filter(|t| t.kind == Kind::Word)?;
        if !t.class.intersects(WordClass::TITLE | WordClass::ORGANISATION | WordClass::GROUP) {
            // `the secretary of state`: the head comes before `of`.
            let title_of = last >= lo + 2
                && self.is(last - 1, "of")
                && self.lex.is_title(self.written(last - 2)?);
            if !title_of {
                return None;
            }
            end = last - 2;
        }
        let head = self.word(end)?;
        let mut start = end;
        // Up to four words before the head, and any number of a name's (`the USC
        // Dornsife/Los Angeles Times poll`): a name is one modifier however long.
        let mut plain = 0;
        while start > lo && plain < 4 {
            if self.slash_joins(start - 1) {
                start -= 2;
                continue;
            }
            match self.written(start - 1) {
                Some(w)
                    if !self
                        .lex
                        .class_of(w)
                        .intersects(WordClass::DETERMINER | WordClass::NOT_NAME) =>
                {
                    start -= 1;
                    plain += usize::from(!self.starts_capital_word(start));
                }
                _ => break,
            }
        }
        Some(self.description(start..last + 1, head, end))
    }

    /// Whether token `k` is a slash joining two capitalised words with no space around it, as
    /// in the joint names of pollsters and partners (`Reuters/Ipsos`, `ABC News/Washington Post`).
    fn slash_joins(&self, k: usize) -> bool {
        let (Some(before), Some(slash), Some(after)) = (
            k.checked_sub(1).and_then(|b| self.tokens.get(b)),
            self.tokens.get(k),
            self.tokens.get(k + 1),
        ) else {
            return false;
        };
        slash.kind == Kind::Punct('/')
            && before.range.end == slash.range.start
            && slash.range.end == after.range.start
            && before.is_capitalised()
            && after.is_capitalised()
    }

    pub(super) fn is_head(&self, w: &str) -> bool {
        // One lookup for the three lists.
        let head = WordClass::TITLE | WordClass::ORGANISATION | WordClass::GROUP;
        self.lex.class_of(w).intersects(head)
    }

    pub(super) fn description(
        &self,
        tokens: Range<usize>,
        head: String,
        head_at: usize,
    ) -> MentionAt {
        let modifiers = (tokens.start..head_at)
            .filter_map(|k| self.written(k))
            .map(|w| self.lex.name_key(w))
            .collect();
        let first = &self.tokens[tokens.start].range;
        let last = &self.tokens[tokens.end - 1].range;
        let written = self.text[first.start..last.end].to_string();
        let d = Description { head, modifiers, written };
        MentionAt { what: Mention::Description(Rc::new(d)), tokens }
    }

    /// The mention starting at token `k`: `said Peskov`, `said the Kremlin spokesman`, `said he`.
    /// The name after a short description that starts at token `start` and ends in a comma:
    /// `Agnes Holm` in `the head of the library, Agnes Holm`.
    pub(super) fn name_beside(&self, start: usize, hi: usize) -> Option<usize> {
        let comma = (start..hi.min(start + 6))
            .take_while(|&j| matches!(self.tokens[j].kind, Kind::Word | Kind::Punct(',')))
            .find(|&j| self.tokens[j].kind == Kind::Punct(','))?;
        self.run_at.get(comma + 1).copied().flatten()
    }

    /// A person named after a few words that describe them, ending the clause: `said 9/11
    /// widow Ann Pike.`, `said longtime resident Mary Smith,`.
    pub(super) fn person_after_description(&self, start: usize, hi: usize) -> Option<usize> {
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
    pub(super) fn modifies_head(&self, r: usize) -> bool {
        let run = &self.runs[r];
        let head = WordClass::TITLE | WordClass::ORGANISATION | WordClass::GROUP;
        !matches!(run.entity, Entity::Person(_))
            && self.tokens.get(run.tokens.end).is_some_and(|t| {
                t.kind == Kind::Word && t.class.intersects(head) && !t.is_capitalised()
            })
    }

    pub(super) fn right(&self, k: usize, hi: usize) -> Option<MentionAt> {
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
        // A participle right after the cue starts what the speech did, not its speaker:
        // `tweets targeting former Miss Universe …`.
        if start == k && self.text[t.range.clone()].ends_with("ing") {
            return None;
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
