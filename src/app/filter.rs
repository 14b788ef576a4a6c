//! The list filter's matching: is a typed text in an article's title or body? Each article keeps
//! its searchable text lower-cased, and a 4,096-bit set of the trigrams in it, so that most
//! articles are ruled out by testing a few bits instead of reading their text: 100,000 articles
//! answer within a frame.

use memchr::memmem::Finder;

use crate::model::Article;

/// Bits in an article's trigram set.
const BITS: usize = 4096;

/// What the filter searches in one article.
#[derive(Clone, Debug)]
pub struct Haystack {
    /// Title and paragraphs, lower case, white space collapsed, one line each.
    text: Box<str>,
    /// Trigrams of `text`, hashed to bits: a bit that is clear rules a trigram out.
    grams: Box<[u64; BITS / 64]>,
}

impl Haystack {
    /// The haystack of `article` (built on a loading thread).
    pub fn new(article: &Article) -> Self {
        let mut text = article.title.to_lowercase();
        for paragraph in article.paragraph_texts() {
            text.push('\n');
            text.push_str(&paragraph.to_lowercase());
        }
        let mut grams = Box::new([0u64; BITS / 64]);
        for bit in trigram_bits(text.as_bytes()) {
            grams[bit / 64] |= 1 << (bit % 64);
        }
        Self { text: text.into_boxed_str(), grams }
    }
}

/// A filter ready to test haystacks: every word of it, in any order.
pub struct Needle {
    text: String,
    /// Each word with its finder; an article passes when it has all of them.
    words: Vec<Finder<'static>>,
    bits: Vec<usize>,
}

impl Needle {
    /// The filter as typed: case, order and runs of white space do not matter.
    pub fn new(filter: &str) -> Self {
        let text = filter.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let mut bits: Vec<usize> =
            text.split(' ').flat_map(|w| trigram_bits(w.as_bytes())).collect();
        bits.sort_unstable();
        bits.dedup();
        let words = text.split(' ').map(|w| Finder::new(w.as_bytes()).into_owned()).collect();
        Self { text, words, bits }
    }

    /// The normalised text searched for.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where the needle first occurs in the haystack at or after byte `from` (an empty needle:
    /// at `from`). A needle of several words has no one place: each word is looked for in the
    /// whole haystack, and a match is said to be at `from`.
    pub fn find(&self, haystack: &Haystack, from: usize) -> Option<usize> {
        let text = haystack.text.as_bytes().get(from..)?;
        // Typing on at the end of a filter usually still matches where it did: look there first
        // (`from` is that place). Otherwise the trigram bits come first: they rule most
        // articles out without reading their text.
        if from > 0 && self.words.len() == 1 && text.starts_with(self.text.as_bytes()) {
            return Some(from);
        }
        let maybe = self.bits.iter().all(|&b| haystack.grams[b / 64] & (1 << (b % 64)) != 0);
        if !maybe {
            return None;
        }
        match self.words.as_slice() {
            [one] => one.find(text).map(|at| from + at),
            words => {
                let all = haystack.text.as_bytes();
                words.iter().all(|w| w.find(all).is_some()).then_some(from)
            }
        }
    }

    /// True when the needle is in the haystack (always, for an empty needle).
    pub fn matches(&self, haystack: &Haystack) -> bool {
        self.find(haystack, 0).is_some()
    }
}

/// The bit of each run of three bytes.
fn trigram_bits(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.windows(3).map(|w| {
        let gram = u64::from(w[0]) << 16 | u64::from(w[1]) << 8 | u64::from(w[2]);
        // Fibonacci hashing: the top bits of the product spread neighbouring trigrams apart.
        (gram.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS.trailing_zeros())) as usize
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, Meta};

    fn haystack(title: &str, body: &str) -> Haystack {
        Haystack::new(&Article {
            id: ArticleId::of(body),
            path: "t".into(),
            title: title.into(),
            text: body.into(),
            paragraphs: std::iter::once(0..body.len()).collect(),
            meta: Meta::default(),
            offsets: Default::default(),
        })
    }

    #[test]
    fn finds_words_in_title_or_body_whatever_the_case_and_spacing() {
        let h = haystack("Talks in Minsk", "The Kremlin   said\nit was ready.");
        for yes in ["minsk", "KREMLIN said", "kremlin  said it", "", "ea", "s i", "said kremlin"] {
            assert!(Needle::new(yes).matches(&h), "{yes}");
        }
        for no in ["kyiv", "said kyiv", "readyy", "minsk readyy"] {
            assert!(!Needle::new(no).matches(&h), "{no}");
        }
        let kremlin = Needle::new("kremlin").find(&h, 0);
        assert_eq!(kremlin, Some("talks in minsk\nthe ".len()));
        assert_eq!(Needle::new("kremlinsaid").find(&h, kremlin.unwrap_or(0)), None);
        assert_eq!(Needle::new("ready minsk").find(&h, 5), Some(5), "words: at `from`");
        assert_eq!(Needle::new("t").find(&h, 1), Some("talks in minsk\n".len()));
    }
}
