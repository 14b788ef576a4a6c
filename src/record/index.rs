//! The record's words, indexed once: every word of every turn in order, folded and hashed as a
//! quotation's are, and the places of every run of one to three words, so that a quotation
//! finds its candidate passages by a few look-ups instead of a scan of the record.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use xxhash_rust::xxh3::xxh3_64;

use super::turns::Turns;
use crate::speakers::words::accented_words as words;

/// The longest run of words indexed.
pub const GRAM: usize = 3;

/// One word of the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordWord {
    /// Byte range in the record.
    pub range: Range<usize>,
    /// The hash of its folded form.
    pub hash: u64,
    /// The turn it is in (an index into [`Turns::turns`]).
    pub turn: u32,
}

/// The keys are hashes already: hashing them again would only cost time.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Grams = HashMap<u64, Vec<u32>, BuildHasherDefault<PassThrough>>;

/// The record's words and where each run of words stands.
#[derive(Debug, Default)]
pub struct WordIndex {
    /// Every word of every turn, in reading order.
    pub words: Vec<RecordWord>,
    grams: Grams,
}

/// The key of a run of word hashes.
pub fn gram_key(hashes: &[u64]) -> u64 {
    let mut key = hashes.len() as u64;
    for &h in hashes {
        key = (key.rotate_left(23) ^ h).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    key
}

impl WordIndex {
    /// Indexes the words of `turns` of `text`.
    pub fn new(text: &str, turns: &Turns) -> Self {
        let mut index = WordIndex::default();
        for (t, turn) in turns.turns.iter().enumerate() {
            let Some(body) = text.get(turn.range.clone()) else { continue };
            let turn_id = u32::try_from(t).unwrap_or(u32::MAX);
            index.words.extend(words(body).into_iter().map(|w| RecordWord {
                range: w.range.start + turn.range.start..w.range.end + turn.range.start,
                hash: xxh3_64(w.folded.as_bytes()),
                turn: turn_id,
            }));
        }
        let hashes: Vec<u64> = index.words.iter().map(|w| w.hash).collect();
        for n in 1..=GRAM {
            for (pos, run) in hashes.windows(n).enumerate() {
                if index.same_turn(pos, n) {
                    let pos = u32::try_from(pos).unwrap_or(u32::MAX);
                    index.grams.entry(gram_key(run)).or_default().push(pos);
                }
            }
        }
        index
    }

    /// Where the run `hashes` (one to [`GRAM`] words) starts in the record, in order.
    pub fn places(&self, hashes: &[u64]) -> &[u32] {
        self.grams.get(&gram_key(hashes)).map_or(&[], Vec::as_slice)
    }

    /// True when the `n` words from `pos` are all in one turn.
    pub fn same_turn(&self, pos: usize, n: usize) -> bool {
        match (self.words.get(pos), self.words.get(pos + n.max(1) - 1)) {
            (Some(a), Some(b)) => a.turn == b.turn,
            _ => false,
        }
    }

    /// The word hashes from `range`.
    pub fn hashes(&self, range: Range<usize>) -> impl Iterator<Item = u64> + '_ {
        self.words.get(range).unwrap_or_default().iter().map(|w| w.hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_found_within_turns_only() {
        let text = "A: one two three\nB: three one two\n";
        let turns = Turns::parse(text);
        let index = WordIndex::new(text, &turns);
        let h = |s: &str| xxh3_64(s.as_bytes());
        assert_eq!(index.places(&[h("one"), h("two")]), [0, 4]);
        // `three` ends A's turn and starts B's: not a run.
        assert_eq!(index.places(&[h("three"), h("three")]), [] as [u32; 0]);
        assert_eq!(&text[index.words[3].range.clone()], "three");
        assert_eq!(index.words[3].turn, 1);
    }
}
