//! The lookup table behind [`super::Lexicon::class_of`]: short ASCII words packed into one
//! integer each and found in a hash map, with a quick filter in front for the rest.

use std::collections::HashMap;
use std::ops::Range;

use rustc_hash::FxBuildHasher;

use super::class::WordClass;

/// The lexicon's map of words, for words the short-word table does not hold. `rustc-hash`:
/// looked up for many words of every article, where protection against crafted keys buys
/// nothing (measured against a hand-written hasher and `foldhash`: the same within noise).
pub(super) type WordMap = HashMap<Box<str>, WordClass, FxBuildHasher>;

/// The short-word table: a word of up to [`SHORT`] ASCII bytes packed into one integer (see
/// [`pack_lower`]), so that a lookup hashes and compares one number, not a string.
#[derive(Clone, Debug, Default)]
pub(super) struct ShortTable(HashMap<u128, WordClass, FxBuildHasher>);

impl ShortTable {
    /// The table of these packed words and their classes.
    pub(super) fn build(words: &[(u128, WordClass)]) -> Self {
        Self(words.iter().copied().collect())
    }

    /// The classes of the packed word `key` (none for a word in no list).
    #[inline]
    pub(super) fn get(&self, key: u128) -> WordClass {
        self.0.get(&key).copied().unwrap_or_default()
    }
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
