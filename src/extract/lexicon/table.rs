//! The lookup table behind [`super::Lexicon::class_of`]: short ASCII words packed into one
//! integer each and found in a table of their own, with a quick filter in front for the rest.

use std::collections::HashMap;
use std::ops::Range;

use rustc_hash::FxBuildHasher;

use super::class::WordClass;

/// The lexicon's map of words, for words the short-word table does not hold. `rustc-hash`:
/// looked up for many words of every article, where protection against crafted keys buys
/// nothing (measured against a hand-written hasher and `foldhash`: the same within noise).
pub(super) type WordMap = HashMap<Box<str>, WordClass, FxBuildHasher>;

/// The short-word table: a word of up to [`SHORT`] ASCII bytes packed into one integer (see
/// [`pack_lower`]), so that a lookup hashes and compares one number, not a string. Open
/// addressing with linear probing in a table at most a quarter full. Nearly every word of every
/// article is looked up, and most content words are in no list: a bit filter small enough to
/// stay in the first-level cache says so for nearly all of them, where a probe of the table
/// (hundreds of kilobytes) missed the cache for each such word (perf: half the tokenizer's
/// time). A word's classes sit next to its key, so that a word found costs one cache line.
#[derive(Clone, Debug)]
pub(super) struct ShortTable {
    /// Packed words with their classes; a key of 0, which no packed word is (its length byte
    /// is set), marks an empty slot.
    slots: Box<[(u128, WordClass)]>,
    /// The slots' count less one (a power of two less one).
    mask: usize,
    /// One bit for each value of a hash's top [`FILTER_SHIFT`] bits, set for the words held.
    filter: Box<[u64]>,
    /// The classes of the empty word, the one word whose packing is 0.
    empty: WordClass,
}

/// Bits of a hash that pick the filter's bit: 2^16 bits, 8 KiB.
const FILTER_SHIFT: u32 = 64 - 16;

impl Default for ShortTable {
    fn default() -> Self {
        Self::build(&[])
    }
}

impl ShortTable {
    /// The table of these packed words and their classes.
    pub(super) fn build(words: &[(u128, WordClass)]) -> Self {
        let slots = (words.len() * 4).next_power_of_two().max(16);
        let mut table = Self {
            slots: vec![(0, WordClass::empty()); slots].into_boxed_slice(),
            mask: slots - 1,
            filter: vec![0; 1 << (64 - FILTER_SHIFT - 6)].into_boxed_slice(),
            empty: WordClass::empty(),
        };
        for &(key, classes) in words {
            if key == 0 {
                table.empty |= classes;
                continue;
            }
            let hash = hash(key);
            let bit = (hash >> FILTER_SHIFT) as usize;
            table.filter[bit / 64] |= 1 << (bit % 64);
            let mut at = table.slot(hash);
            while table.slots[at].0 != 0 && table.slots[at].0 != key {
                at = (at + 1) & table.mask;
            }
            table.slots[at].0 = key;
            table.slots[at].1 |= classes;
        }
        table
    }

    /// The first slot to try for a key of this hash.
    #[inline]
    fn slot(&self, hash: u64) -> usize {
        (hash >> 32) as usize & self.mask
    }

    /// The classes of the packed word `key` (none for a word in no list).
    #[inline(always)]
    pub(super) fn get(&self, key: u128) -> WordClass {
        if key == 0 {
            return self.empty;
        }
        let hash = hash(key);
        let bit = (hash >> FILTER_SHIFT) as usize;
        if self.filter.get(bit / 64).is_none_or(|word| word & (1 << (bit % 64)) == 0) {
            return WordClass::empty();
        }
        let mut at = self.slot(hash);
        loop {
            match self.slots.get(at) {
                Some(&(k, classes)) if k == key => return classes,
                Some(&(k, _)) if k != 0 => at = (at + 1) & self.mask,
                _ => return WordClass::empty(),
            }
        }
    }
}

/// A packed word's hash: its two halves mixed by a multiplication. The slot is taken from its
/// middle bits, the filter's bit from its top bits.
#[inline]
fn hash(key: u128) -> u64 {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    folded.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The longest word the short-word table holds: its bytes and its length fill 16 bytes.
pub(super) const SHORT: usize = 15;

/// `word` (ASCII, at most [`SHORT`] bytes) in lower case, packed with its length.
pub(super) fn pack_lower(word: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word);
    lower_packed(u128::from_le_bytes(bytes), word.len())
}

/// [`pack_lower`] of `text[word]`, a word of ASCII letters and digits only, read with one
/// sixteen-byte load when `text` has sixteen bytes from the word's start: the bytes after the
/// word are masked off rather than copied one by one (this is the packing of nearly every word
/// of every article).
#[inline]
pub(super) fn pack_lower_in(text: &[u8], word: Range<usize>) -> u128 {
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
        // A letter or digit in lower case is itself with 0x20 set: digits have it already.
        (Some(window), Some(keep)) => {
            const SPACES: u128 = u128::MAX / 255 * 0x20;
            (u128::from_le_bytes(window) | SPACES) & keep | (len as u128) << 120
        }
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
pub(super) fn apostrophe(word: &str) -> Option<usize> {
    // `’` is E2 80 99; E2 also leads other three-byte characters, which the check skips.
    let b = word.as_bytes();
    (0..b.len()).find(|&i| b[i] == b'\'' || (b[i] == 0xE2 && b[i..].starts_with("’".as_bytes())))
}

/// Bits of the quick filter in front of the table (a power of two).
pub(super) const FILTER_BITS: usize = 1 << 14;

/// The quick filter's slot for a lower-case word: most words of an article are in no list, and
/// the filter says so from their length and first and last letters, without hashing.
pub(super) fn filter_slot(len: usize, first: u8, last: u8) -> usize {
    (len.wrapping_mul(0x9e37) ^ usize::from(first).wrapping_mul(0x85eb) ^ usize::from(last) << 7)
        & (FILTER_BITS - 1)
}
