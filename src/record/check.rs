//! The verdict on one quotation against one record: its words found as they stand in the
//! speaker's turns (verbatim), most of them found in a passage of those turns (altered, with
//! the words that differ), or not found there — and then, whether they are someone else's.
//!
//! A quotation finds its candidate passages through the record's index of word runs: the
//! rarest run of each part for an exact match, votes of its word pairs for a near one. Only
//! there are the words compared, so a check costs the same whatever the record's size.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::index::{GRAM, WordIndex};
use super::quoted::{Gap, Quoted};
use super::turns::Turns;

/// How many words an elision may leave out.
const ELISION_SPAN: usize = 3000;
/// How many words an editorial bracket may stand for.
const EDITORIAL_SPAN: usize = 6;
/// The most places of a first part tried for an exact match.
const MAX_STARTS: usize = 4096;
/// Word pairs found in more places than this are too common to point at a passage.
const COMMON_PAIR: usize = 256;
/// Single words found in this many places or fewer point at a passage too.
const RARE_WORD: usize = 8;
/// Votes are counted per stretch of this many diagonal places.
const BUCKET: i64 = 8;
/// How many voted passages are compared word by word.
const TRIED: usize = 3;
/// Fewest shared words that make an altered quotation, and the share of its words they must be
/// (in fifths).
const MIN_SHARED: usize = 3;
const SHARED_FIFTHS: usize = 3;

/// What the record says of a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The words are in the speaker's turns.
    Verbatim,
    /// A passage of the speaker's turns holds most of the words.
    Altered,
    /// Nothing close in the speaker's turns (the words may be another speaker's: see
    /// [`Finding::said_by`]).
    NotInRecord,
    /// The speaker has no words in the record: nothing to check against.
    NoTurns,
}

impl Verdict {
    /// The verdict as the command line prints it.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Verbatim => "verbatim",
            Verdict::Altered => "altered",
            Verdict::NotInRecord => "not-in-record",
            Verdict::NoTurns => "no-turns",
        }
    }
}

/// How a word of the quotation differs from the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Edit {
    /// In the quotation, not in the record.
    Added,
    /// In the record, left out of the quotation (not at an elision).
    Dropped,
    /// Other words in the quotation than in the record.
    Changed,
    /// Words the record has as they are, but in another place: a sentence or an elided part
    /// put before or after others than in the record.
    Moved,
}

/// Words that differ between the quotation and the record's passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// What kind of difference.
    pub edit: Edit,
    /// The quotation's words (empty for dropped words).
    pub quote: String,
    /// The record's words (empty for added words).
    pub record: String,
    /// Byte range of the quotation's words in the text the quotation was read from.
    #[serde(skip)]
    pub quote_range: Option<Range<usize>>,
    /// Byte range of the record's words in the record (none for added words).
    #[serde(skip)]
    pub record_range: Option<Range<usize>>,
}

/// A record's answer on one quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The verdict.
    pub verdict: Verdict,
    /// Byte range in the record of the passage the words were found in, if any.
    pub passage: Option<Range<usize>>,
    /// The record speaker whose passage it is when it is not the quoted speaker's (a
    /// misattribution), or when the article names no one ([`Record::check_unnamed`]).
    pub said_by: Option<u32>,
    /// For an altered quotation, the words that differ.
    pub differences: Vec<Difference>,
}

impl Finding {
    fn nothing(verdict: Verdict) -> Self {
        Finding { verdict, passage: None, said_by: None, differences: Vec::new() }
    }
}

/// A record read for checking: its text, whose words are where, and the index of its words.
#[derive(Debug)]
pub struct Record {
    /// Where the record was read from.
    pub name: String,
    /// The record's text; passages are byte ranges into it.
    pub text: String,
    /// Its speakers' turns.
    pub turns: Turns,
    /// Its words, indexed.
    pub index: WordIndex,
}

/// The words a passage of one turn shares with a quotation: where they are in the record and
/// in the quotation, and how many.
#[derive(Clone, Debug)]
struct Shared {
    words: Range<usize>,
    quote: Range<usize>,
    shared: usize,
}

impl Shared {
    /// Record word `pos`, the same as quoted word `i`.
    fn at(pos: usize, i: usize) -> Self {
        Shared { words: pos..pos + 1, quote: i..i + 1, shared: 1 }
    }

    /// Adds record word `pos`, the same as quoted word `i`.
    fn add(&mut self, pos: usize, i: usize) {
        self.words = self.words.start.min(pos)..self.words.end.max(pos + 1);
        self.quote = self.quote.start.min(i)..self.quote.end.max(i + 1);
        self.shared += 1;
    }
}

/// A passage found: record word positions, and how many of the quotation's words it shares.
#[derive(Clone, Debug)]
struct Found {
    words: Range<usize>,
    shared: usize,
}

impl Record {
    /// Reads `text`: its labelled turns, or all of it as `speaker`'s words when given.
    pub fn new(name: String, text: String, speaker: Option<&str>) -> Self {
        let turns = match speaker {
            Some(s) => Turns::whole(&text, s),
            None => Turns::parse(&text),
        };
        let index = WordIndex::new(&text, &turns);
        Record { name, text, turns, index }
    }

    /// The record speaker of word `pos`.
    fn speaker_at(&self, pos: usize) -> Option<u32> {
        let turn = self.index.words.get(pos)?.turn;
        Some(self.turns.turns.get(turn as usize)?.speaker)
    }

    /// Checks the quotation `quoted` (read from `text`) said by the record speakers marked in
    /// `own` (one flag a speaker of [`Record::turns`]; none marked when the speaker has no turn).
    pub fn check(&self, text: &str, quoted: &Quoted, own: &[bool]) -> Finding {
        if quoted.is_empty() {
            return Finding::nothing(Verdict::NoTurns);
        }
        let is_own = |pos: usize| self.speaker_at(pos).is_some_and(|s| flag(own, s));
        let is_other = |pos: usize| self.speaker_at(pos).is_some_and(|s| !flag(own, s));
        let has_own = own.iter().any(|&b| b);
        if has_own {
            if let Some((words, _)) = self.placed(quoted, &is_own, false) {
                return self.finding(Verdict::Verbatim, words, None);
            }
            if let Some(finding) = self.inserted(text, quoted, &is_own) {
                return finding;
            }
            if let Some(finding) = self.reordered(text, quoted, &is_own) {
                return finding;
            }
        }
        let altered = if has_own { self.altered(quoted, &is_own) } else { None };
        // Another speaker's exact words outweigh a near match of the quoted speaker's.
        if let Some((words, _)) = self.placed(quoted, &is_other, false) {
            let said_by = self.speaker_at(words.start);
            return self.finding(Verdict::NotInRecord, words, said_by);
        }
        if let Some(found) = altered {
            let mut finding = self.finding(Verdict::Altered, found.words.clone(), None);
            finding.differences = self.differences(text, quoted, found.words, &is_own);
            return finding;
        }
        if let Some(found) = self.altered(quoted, &is_other) {
            let said_by = self.speaker_at(found.words.start);
            return self.finding(Verdict::NotInRecord, found.words, said_by);
        }
        Finding::nothing(if has_own { Verdict::NotInRecord } else { Verdict::NoTurns })
    }

    /// Checks the quotation `quoted` (read from `text`) whose speaker the article does not
    /// name (`the mayor`, `a spokesman`, nobody): verbatim or altered when the words are anyone's
    /// in the record, with whose they are ([`Finding::said_by`]); no turns when they are
    /// nobody's.
    pub fn check_unnamed(&self, text: &str, quoted: &Quoted) -> Finding {
        if quoted.is_empty() {
            return Finding::nothing(Verdict::NoTurns);
        }
        let anyone = |pos: usize| pos < self.index.words.len();
        let mut finding = if let Some((words, _)) = self.placed(quoted, &anyone, false) {
            self.finding(Verdict::Verbatim, words, None)
        } else if let Some(finding) = self.inserted(text, quoted, &anyone) {
            finding
        } else if let Some(finding) = self.reordered(text, quoted, &anyone) {
            finding
        } else if let Some(found) = self.altered(quoted, &anyone) {
            let mut finding = self.finding(Verdict::Altered, found.words.clone(), None);
            finding.differences = self.differences(text, quoted, found.words, &anyone);
            finding
        } else {
            return Finding::nothing(Verdict::NoTurns);
        };
        let start = finding.passage.as_ref().and_then(|p| self.word_at(p.start));
        finding.said_by = start.and_then(|w| self.speaker_at(w));
        finding
    }

    /// The record word starting at byte `at`.
    fn word_at(&self, at: usize) -> Option<usize> {
        let i = self.index.words.partition_point(|w| w.range.start < at);
        (self.index.words.get(i)?.range.start == at).then_some(i)
    }

    /// An altered finding when the quotation is the `allowed` speakers' words but for editorial
    /// brackets that stand for none of them (`We will [not] finish`): each listed as added.
    fn inserted(
        &self,
        text: &str,
        quoted: &Quoted,
        allowed: &dyn Fn(usize) -> bool,
    ) -> Option<Finding> {
        let (words, empty) = self.placed(quoted, allowed, true)?;
        let mut finding = self.finding(Verdict::Altered, words, None);
        finding.differences = quoted
            .brackets
            .iter()
            .filter(|(next, _)| empty.contains(next))
            .map(|(_, range)| Difference {
                edit: Edit::Added,
                quote: text.get(range.clone()).unwrap_or_default().to_string(),
                record: String::new(),
                quote_range: Some(range.clone()),
                record_range: None,
            })
            .collect();
        Some(finding)
    }

    fn finding(&self, verdict: Verdict, words: Range<usize>, said_by: Option<u32>) -> Finding {
        Finding { verdict, passage: self.bytes(words), said_by, differences: Vec::new() }
    }

    /// The byte range of record words `words`.
    fn bytes(&self, words: Range<usize>) -> Option<Range<usize>> {
        let first = self.index.words.get(words.start)?;
        let last = self.index.words.get(words.end.checked_sub(1)?)?;
        Some(first.range.start..last.range.end)
    }

    /// An altered finding when every sentence or elided part of the quotation stands as it is
    /// in one passage of one turn of the `allowed` speakers, but in another order: those out of
    /// place are listed as moved.
    fn reordered(
        &self,
        text: &str,
        quoted: &Quoted,
        allowed: &dyn Fn(usize) -> bool,
    ) -> Option<Finding> {
        let segments = quoted.segments(text);
        // Two words may stand anywhere: only runs long enough to be the speaker's phrasing.
        if segments.len() < 2 || segments.iter().any(|s| s.len() < MIN_SHARED) {
            return None;
        }
        let hashes = |r: &Range<usize>| &quoted.hashes[r.clone()];
        let (first, rest) = segments.split_first()?;
        let places = self.part_places(hashes(first), 0..usize::MAX, allowed).take(MAX_STARTS);
        let places = places.collect::<Vec<_>>().into_iter().find_map(|start| {
            let turn = self.turn_words(start)?;
            let mut places = vec![start];
            for segment in rest {
                places.push(self.part_places(hashes(segment), turn.clone(), allowed).next()?);
            }
            Some(places)
        })?;
        let mut spans: Vec<Range<usize>> =
            places.iter().zip(&segments).map(|(&p, s)| p..p + s.len()).collect();
        let moved = out_of_order(&places);
        spans.sort_by_key(|s| s.start);
        let overlap = spans.windows(2).any(|w| w[1].start < w[0].end);
        let words = spans.first()?.start..spans.last()?.end;
        // One passage: not parts found far apart in a long turn.
        if moved.is_empty() || overlap || words.len() > 3 * quoted.len() {
            return None;
        }
        let mut finding = self.finding(Verdict::Altered, words, None);
        finding.differences = moved
            .into_iter()
            .filter_map(|i| {
                let (segment, place) = (segments.get(i)?, *places.get(i)?);
                let quote_range = quoted.ranges.get(segment.start)?.start
                    ..quoted.ranges.get(segment.end - 1)?.end;
                let record_range = self.bytes(place..place + segment.len())?;
                Some(Difference {
                    edit: Edit::Moved,
                    quote: text.get(quote_range.clone())?.to_string(),
                    record: self.text.get(record_range.clone())?.to_string(),
                    quote_range: Some(quote_range),
                    record_range: Some(record_range),
                })
            })
            .collect();
        Some(finding)
    }

    /// The record word positions of the turn word `pos` is in.
    fn turn_words(&self, pos: usize) -> Option<Range<usize>> {
        let turn = self.index.words.get(pos)?.turn;
        let start = self.index.words.partition_point(|w| w.turn < turn);
        let end = self.index.words.partition_point(|w| w.turn <= turn);
        Some(start..end)
    }

    /// The record words where every part of `quoted` stands as it is, in order, each within one
    /// turn of `allowed` speakers, and the parts after an elision or an editorial bracket in the
    /// first part's turn (no splice of two answers). An editorial bracket stands for one to a few
    /// words; with `insertions`, for none too, and the parts after such brackets are returned
    /// (the index of their first word).
    fn placed(
        &self,
        quoted: &Quoted,
        allowed: &dyn Fn(usize) -> bool,
        insertions: bool,
    ) -> Option<(Range<usize>, Vec<usize>)> {
        let ((first, _), rest) = quoted.parts.split_first()?;
        let first = &quoted.hashes[first.clone()];
        self.part_places(first, 0..usize::MAX, allowed).take(MAX_STARTS).find_map(|start| {
            let turn = self.index.words.get(start)?.turn;
            let mut end = start + first.len();
            let mut empty = Vec::new();
            for (part, gap) in rest {
                let (from, span) = match gap {
                    Gap::Editorial if insertions => (end, EDITORIAL_SPAN),
                    Gap::Editorial => (end + 1, EDITORIAL_SPAN),
                    Gap::Elision | Gap::None => (end, ELISION_SPAN),
                };
                // A new paragraph of the quotation may be a later turn; an elision may not.
                let in_turn = |p: &usize| {
                    *gap == Gap::None || self.index.words.get(*p).is_some_and(|w| w.turn == turn)
                };
                let words = &quoted.hashes[part.clone()];
                // The earliest place leaves the most room for the parts after it.
                let next = self.part_places(words, from..end + span + 1, allowed).find(in_turn)?;
                if next == end && *gap == Gap::Editorial {
                    empty.push(part.start);
                }
                end = next + words.len();
            }
            let edges = self.bare_edges(quoted, start..end, allowed);
            if !insertions && !edges.is_empty() {
                return None;
            }
            empty.extend(edges);
            Some((start..end, empty))
        })
    }

    /// The brackets before a quotation's first word or after its last (as
    /// [`Quoted::brackets`] index them) that stand for nothing: the record's sentence has no
    /// words there, next to the quotation's place `words`.
    fn bare_edges(
        &self,
        quoted: &Quoted,
        words: Range<usize>,
        allowed: &dyn Fn(usize) -> bool,
    ) -> Vec<usize> {
        let bare = |next: usize| {
            if next == 0 {
                words.start == 0 || !self.joined(words.start - 1, allowed)
            } else if next == quoted.len() {
                words.end == 0 || !self.joined(words.end - 1, allowed)
            } else {
                false
            }
        };
        quoted.brackets.iter().map(|(next, _)| *next).filter(|&next| bare(next)).collect()
    }

    /// Where the words `part` stand as they are, starting within `starts`, in one turn.
    fn part_places<'a>(
        &'a self,
        part: &'a [u64],
        starts: Range<usize>,
        allowed: &'a dyn Fn(usize) -> bool,
    ) -> impl Iterator<Item = usize> + 'a {
        let n = GRAM.min(part.len());
        // The rarest run of the part: the fewest places to try.
        let (offset, places) = (0..=part.len().saturating_sub(n))
            .map(|o| (o, self.index.places(&part[o..o + n])))
            .min_by_key(|(_, p)| p.len())
            .unwrap_or((0, &[]));
        let from = starts.start + offset;
        let skip = places.partition_point(|&p| (p as usize) < from);
        places[skip..]
            .iter()
            .map(move |&p| p as usize - offset)
            .take_while(move |&s| s < starts.end)
            .filter(move |&s| {
                self.index.same_turn(s, part.len())
                    && allowed(s)
                    && self.index.hashes(s..s + part.len()).eq(part.iter().copied())
            })
    }

    /// The passage of `allowed` speakers' words that shares the most words with `quoted`, when
    /// it shares most of them.
    fn altered(&self, quoted: &Quoted, allowed: &dyn Fn(usize) -> bool) -> Option<Found> {
        let n = quoted.len();
        if n < MIN_SHARED {
            return None;
        }
        let best = self
            .voted(quoted, allowed)
            .into_iter()
            .filter_map(|diagonal| self.align(quoted, diagonal, allowed))
            .max_by_key(|f| (f.shared, usize::MAX - f.words.len()))?;
        (best.shared >= MIN_SHARED && best.shared * 5 >= n * SHARED_FIFTHS).then_some(best)
    }

    /// The diagonals (record place minus quotation place) most of the quotation's word pairs,
    /// and rare words, point at.
    fn voted(&self, quoted: &Quoted, allowed: &dyn Fn(usize) -> bool) -> Vec<i64> {
        let mut votes: HashMap<i64, u32> = HashMap::new();
        let mut vote = |i: usize, places: &[u32]| {
            for &p in places.iter().filter(|&&p| allowed(p as usize)) {
                let diagonal = i64::from(p) - i as i64;
                *votes.entry(diagonal.div_euclid(BUCKET)).or_default() += 1;
            }
        };
        for (i, pair) in quoted.hashes.windows(2).enumerate() {
            let places = self.index.places(pair);
            if places.len() <= COMMON_PAIR {
                vote(i, places);
            }
        }
        for (i, word) in quoted.hashes.iter().enumerate() {
            let places = self.index.places(std::slice::from_ref(word));
            if places.len() <= RARE_WORD {
                vote(i, places);
            }
        }
        let score =
            |b: i64| (b - 1..=b + 1).map(|k| votes.get(&k).copied().unwrap_or(0)).sum::<u32>();
        let mut buckets: Vec<(u32, i64)> = votes.keys().map(|&b| (score(b), b)).collect();
        buckets.sort_unstable_by(|a, b| b.cmp(a));
        let mut chosen: Vec<i64> = Vec::new();
        for (_, b) in buckets {
            if chosen.len() == TRIED {
                break;
            }
            if chosen.iter().all(|c| (c - b).abs() > 1) {
                chosen.push(b);
            }
        }
        chosen.into_iter().map(|b| b * BUCKET + BUCKET / 2).collect()
    }

    /// Aligns `quoted` with the record words around `diagonal`: the passage from the first to
    /// the last shared word, and how many words are shared.
    fn align(
        &self,
        quoted: &Quoted,
        diagonal: i64,
        allowed: &dyn Fn(usize) -> bool,
    ) -> Option<Found> {
        let n = quoted.len() as i64;
        let total = self.index.words.len() as i64;
        let start = (diagonal - n / 2 - BUCKET).clamp(0, total) as usize;
        let end = (diagonal + n + n / 2 + BUCKET).clamp(0, total) as usize;
        let window = self.masked(start..end, allowed);
        let ops = capture_diff_slices(Algorithm::Myers, &quoted.hashes, &window);
        // The shared words in runs: a passage is one turn's, never across another speaker's
        // words nor spliced from two answers, and a word far from the rest (a `the` of the
        // sentence before) is not part of it, unless an elision left out what is between.
        let far = quoted.len().max(4);
        let mut runs: Vec<(u32, Shared)> = Vec::new();
        let mut last: Option<(usize, usize)> = None;
        for op in &ops {
            let DiffOp::Equal { old_index, new_index, len } = *op else { continue };
            for k in 0..len {
                let (pos, i) = (start + new_index + k, old_index + k);
                let Some(word) = self.index.words.get(pos) else { continue };
                let elided = |from: usize| {
                    quoted
                        .parts
                        .iter()
                        .any(|(r, g)| *g != Gap::None && r.start > from && r.start <= i)
                };
                let apart =
                    last.is_some_and(|(p, j)| (pos - p).saturating_sub(i - j) > far && !elided(j));
                match runs.last_mut() {
                    Some((turn, run)) if *turn == word.turn && !apart => run.add(pos, i),
                    _ => runs.push((word.turn, Shared::at(pos, i))),
                }
                last = Some((pos, i));
            }
        }
        let (_, best) =
            runs.into_iter().max_by_key(|(_, s)| (s.shared, usize::MAX - s.words.start))?;
        // Quoted words before the first shared one and after the last are the record's next
        // words changed (`Ten` → `Twenty`), not added: the passage takes those words in.
        let lead = best.quote.start;
        let trail = quoted.len().saturating_sub(best.quote.end);
        Some(Found { words: self.widen(best.words, lead, trail, allowed), shared: best.shared })
    }

    /// `words` grown by up to `lead` words before and `trail` after, within its sentence and
    /// turn and the `allowed` speakers' words.
    fn widen(
        &self,
        mut words: Range<usize>,
        lead: usize,
        trail: usize,
        allowed: &dyn Fn(usize) -> bool,
    ) -> Range<usize> {
        for _ in 0..lead {
            match words.start.checked_sub(1) {
                Some(p) if self.joined(p, allowed) => words.start = p,
                _ => break,
            }
        }
        for _ in 0..trail {
            if words.end == 0 || !self.joined(words.end - 1, allowed) {
                break;
            }
            words.end += 1;
        }
        words
    }

    /// True when record words `p` and `p + 1` are one sentence of one turn of `allowed` speakers.
    fn joined(&self, p: usize, allowed: &dyn Fn(usize) -> bool) -> bool {
        let (Some(a), Some(b)) = (self.index.words.get(p), self.index.words.get(p + 1)) else {
            return false;
        };
        let between = self.text.get(a.range.end..b.range.start).unwrap_or_default();
        let sentence_end =
            between.contains(['.', '!', '?', '…']) && between.contains(char::is_whitespace);
        a.turn == b.turn && allowed(p) && allowed(p + 1) && !sentence_end
    }

    /// The hashes of record words `range`, those of speakers `allowed` does not take replaced by
    /// values that match nothing.
    fn masked(&self, range: Range<usize>, allowed: &dyn Fn(usize) -> bool) -> Vec<u64> {
        let start = range.start;
        self.index
            .hashes(range)
            .enumerate()
            .map(|(i, h)| if allowed(start + i) { h } else { !((start + i) as u64) })
            .collect()
    }

    /// The words that differ between `quoted` and the record words `words`.
    fn differences(
        &self,
        text: &str,
        quoted: &Quoted,
        words: Range<usize>,
        allowed: &dyn Fn(usize) -> bool,
    ) -> Vec<Difference> {
        let passage = self.masked(words.clone(), allowed);
        let ops = capture_diff_slices(Algorithm::Myers, &quoted.hashes, &passage);
        let quote_words = |r: Range<usize>| {
            let range = match (quoted.ranges.get(r.start), r.end.checked_sub(1)) {
                (Some(a), Some(e)) if r.end > r.start => {
                    quoted.ranges.get(e).map(|b| a.start..b.end)
                }
                _ => None,
            };
            let words = range.clone().and_then(|r| text.get(r)).unwrap_or_default();
            (words.to_string(), range)
        };
        let record_words = |r: Range<usize>| {
            let range = (!r.is_empty())
                .then(|| self.bytes(words.start + r.start..words.start + r.end))
                .flatten();
            let words = range.clone().and_then(|b| self.text.get(b)).unwrap_or_default();
            (words.to_string(), range)
        };
        let mut out = Vec::new();
        for op in ops {
            let (edit, q, r) = match op {
                DiffOp::Equal { .. } => continue,
                DiffOp::Delete { old_index, old_len, .. } => {
                    (Edit::Added, old_index..old_index + old_len, 0..0)
                }
                DiffOp::Insert { old_index, new_index, new_len } => {
                    // Words left out where the quotation marks an elision are not a change.
                    if quoted.gap_before(old_index) != Gap::None {
                        continue;
                    }
                    (Edit::Dropped, old_index..old_index, new_index..new_index + new_len)
                }
                DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                    (Edit::Changed, old_index..old_index + old_len, new_index..new_index + new_len)
                }
            };
            let (quote, quote_range) = quote_words(q);
            let (record, record_range) = record_words(r);
            out.push(Difference { edit, quote, record, quote_range, record_range });
        }
        out
    }
}

/// The indices of `places` out of order: all but one longest rising run of them.
fn out_of_order(places: &[usize]) -> Vec<usize> {
    // Few sentences a quotation: the quadratic longest rising subsequence is enough.
    let n = places.len();
    let mut best = vec![1usize; n];
    let mut before = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if places[j] < places[i] && best[j] + 1 > best[i] {
                best[i] = best[j] + 1;
                before[i] = j;
            }
        }
    }
    let mut keep = vec![false; n];
    let mut at = (0..n).max_by_key(|&i| (best[i], usize::MAX - i));
    while let Some(i) = at {
        keep[i] = true;
        at = before.get(i).copied().filter(|&j| j != usize::MAX);
    }
    (0..n).filter(|&i| !keep[i]).collect()
}

/// Flag `i` of `flags`, false past the end.
fn flag(flags: &[bool], i: u32) -> bool {
    flags.get(i as usize).copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRANSCRIPT: &str = "MAYOR HANNA LEE: Good morning. We will rebuild the Elm Street \
        bridge before the winter comes, and we will do it without raising a single tax.\n\
        Q: Will the bridge close again?\n\
        MAYOR HANNA LEE: The bridge will stay open while the crews work at night.\n";

    fn check(quote: &str) -> Finding {
        let record = Record::new("t".into(), TRANSCRIPT.into(), None);
        let own = vec![true, false];
        record.check(quote, &Quoted::new(quote), &own)
    }

    fn passage(f: &Finding) -> &str {
        f.passage.clone().and_then(|p| TRANSCRIPT.get(p)).unwrap_or_default()
    }

    #[test]
    fn exact_words_in_other_marks_and_case_are_verbatim() {
        let f = check("WE WILL REBUILD the Elm Street bridge before the winter comes");
        assert_eq!(f.verdict, Verdict::Verbatim);
        assert_eq!(passage(&f), "We will rebuild the Elm Street bridge before the winter comes");
    }

    #[test]
    fn elided_parts_in_order_are_verbatim_and_out_of_order_not() {
        let f = check(
            "We will rebuild [the] … bridge before the winter … without raising a single tax",
        );
        assert_eq!(f.verdict, Verdict::Verbatim);
        let f = check("without raising a single tax ... We will rebuild the Elm Street bridge");
        assert_ne!(f.verdict, Verdict::Verbatim);
    }

    #[test]
    fn changed_words_are_given() {
        let f = check("We will rebuild the Elm Street bridge before the spring comes");
        assert_eq!(f.verdict, Verdict::Altered);
        let changed: Vec<(&str, &str)> =
            f.differences.iter().map(|d| (d.quote.as_str(), d.record.as_str())).collect();
        assert_eq!(changed, [("spring", "winter")]);
    }

    #[test]
    fn another_speakers_words_say_whose() {
        let f = check("Will the bridge close again?");
        assert_eq!((f.verdict, f.said_by), (Verdict::NotInRecord, Some(1)));
        assert_eq!(check("The rates will fall next year").verdict, Verdict::NotInRecord);
    }
}
