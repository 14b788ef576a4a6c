//! The article model every layer shares: one copy of the text, and byte ranges into it.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// Stable identity of an article: a hash of its text, so a moved or renamed file keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub u64);

impl ArticleId {
    /// The id of an article with this (sanitised) text.
    pub fn of(text: &str) -> Self {
        Self(xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
    }

    /// The id of a feed item shown from its summary (see [`RawDoc::teaser`]): its text with its
    /// title and link, each ended by a NUL, which no sanitised text holds.
    pub fn of_teaser(text: &str, title: &str, link: &str) -> Self {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for part in [text, title, link] {
            hasher.update(part.as_bytes());
            hasher.update(b"\0");
        }
        Self(hasher.digest())
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl FromStr for ArticleId {
    type Err = std::num::ParseIntError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        u64::from_str_radix(s, 16).map(Self)
    }
}

/// What a source knows about an article beyond its text (filled by feeds, pages and datasets).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Link to the article on the web.
    pub url: Option<String>,
    /// Publication date as the source gives it.
    pub date: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Feed or site name.
    pub site: Option<String>,
}

/// A document as a source gives it, before cleaning.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawDoc {
    /// Display path (file, `-`, URL).
    pub path: String,
    /// The decoded text.
    pub text: String,
    /// A title the source states outright (page metadata, feed item), if any.
    pub title: Option<String>,
    /// Source metadata.
    pub meta: Meta,
    /// Where the text's bytes are in the file, when decoding (or taking Markdown markup out)
    /// changed their place.
    pub offsets: Offsets,
    /// The text is only a feed item's short summary, which many items share word for word
    /// (`Read the full story on our website.`): the item's title and link tell it apart.
    pub teaser: bool,
}

/// Offsets in a decoded text mapped back to the bytes of the file as read. Replacing invalid
/// UTF-8 puts three bytes (U+FFFD) where the file had one or more: after each replacement, the
/// text and the file are out by a known amount; taking a Markdown file's inline markup out
/// removes bytes, as known. Empty, and free, for valid UTF-8 with nothing taken out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Offsets {
    /// For each replacement, in order: the offsets just past it in the text and in the file.
    after: Vec<(usize, usize)>,
}

impl Offsets {
    /// Notes a replacement that ends at `text` in the text and at `file` in the file.
    pub fn push(&mut self, text: usize, file: usize) {
        self.after.push((text, file));
    }

    /// The text offsets where the text and the file are out by a new amount, in order.
    pub fn breaks(&self) -> impl Iterator<Item = usize> + '_ {
        self.after.iter().map(|&(text, _)| text)
    }

    /// The file offset of text offset `offset`.
    pub fn in_file(&self, offset: usize) -> usize {
        let i = self.after.partition_point(|&(text, _)| text <= offset);
        match i.checked_sub(1).and_then(|i| self.after.get(i)) {
            Some(&(text, file)) => file + (offset - text),
            None => offset,
        }
    }
}

/// A cleaned article.
#[derive(Clone, Debug)]
pub struct Article {
    /// Content hash of `text`.
    pub id: ArticleId,
    /// Where it was read from: a file path, `-` for stdin, or a URL.
    pub path: String,
    /// The headline, or a title derived from the lede.
    pub title: String,
    /// The original text, with terminal control characters blanked out byte for byte (and a
    /// Markdown file's inline markup taken out): [`Self::offsets`] maps offsets into it to the
    /// file's bytes.
    pub text: String,
    /// The cleaned paragraphs, in reading order, as byte ranges into `text`.
    pub paragraphs: Vec<Range<usize>>,
    /// Source metadata.
    pub meta: Meta,
    /// Offsets into `text` mapped to the file's bytes (they differ after invalid UTF-8 and
    /// Markdown markup).
    pub offsets: Offsets,
}

impl Article {
    /// The text of paragraph `i` with its inner white space (hard wraps, indentation) collapsed.
    pub fn paragraph(&self, i: usize) -> Cow<'_, str> {
        self.paragraphs
            .get(i)
            .and_then(|r| self.text.get(r.clone()))
            .map_or(Cow::Borrowed(""), collapse_whitespace)
    }

    /// Every cleaned paragraph, white space collapsed.
    pub fn paragraph_texts(&self) -> impl Iterator<Item = Cow<'_, str>> {
        (0..self.paragraphs.len()).map(|i| self.paragraph(i))
    }

    /// Number of words in the cleaned paragraphs.
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .filter_map(|r| self.text.get(r.clone()))
            // ASCII white space only: several times faster, and what `wc -w` counts.
            .map(|p| p.split_ascii_whitespace().count())
            .sum()
    }
}

/// Replaces every run of white space with one space, borrowing when nothing changes.
pub fn collapse_whitespace(s: &str) -> Cow<'_, str> {
    let s = s.trim();
    if is_collapsed(s) {
        Cow::Borrowed(s)
    } else {
        let mut out = String::with_capacity(s.len());
        for word in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        Cow::Owned(out)
    }
}

/// True when `s` has no white space but single spaces. A few vectorised scans (double spaces,
/// ASCII controls, the lead bytes of non-ASCII white space: U+0085, U+00A0, U+1680,
/// U+2000…U+3000), and only those lead bytes' characters are decoded.
fn is_collapsed(s: &str) -> bool {
    // Short strings (a speaker mention, a cue): one plain pass costs less than setting up scans.
    if s.len() < 64 {
        let mut after_space = false;
        for c in s.chars() {
            if (c == ' ' && after_space) || (c != ' ' && c.is_whitespace()) {
                return false;
            }
            after_space = c == ' ';
        }
        return true;
    }
    let bytes = s.as_bytes();
    // One pass with no early exit, which the compiler vectorises, tells whether there is a
    // double space, an ASCII control (tab to carriage return) or a lead byte of non-ASCII white
    // space.
    let is_control = |b: u8| b.wrapping_sub(9) < 5;
    let is_lead = |b: u8| (b == 0xC2) | (b.wrapping_sub(0xE1) < 3);
    let first = bytes.first().copied().unwrap_or_default();
    let (mut double, mut control, mut lead) = (false, is_control(first), is_lead(first));
    // Zipped with a slice, not `skip(1)`: the compiler vectorises only the former.
    for (&before, &b) in bytes.iter().zip(bytes.get(1..).unwrap_or_default()) {
        double |= (before == b' ') & (b == b' ');
        control |= is_control(b);
        lead |= is_lead(b);
    }
    if double || control {
        return false;
    }
    if !lead {
        return true;
    }
    // A lead byte is always on a character boundary.
    let whitespace_at = |i: usize| s[i..].chars().next().is_some_and(char::is_whitespace);
    !(memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes).any(whitespace_at)
        || memchr::memchr_iter(0xE3, bytes).any(whitespace_at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_after_replacements_map_back_to_the_file() {
        // "a\xe9b\xff\xfec": one bad byte, then two.
        let mut offsets = Offsets::default();
        offsets.push(4, 2);
        offsets.push(8, 5);
        assert_eq!([0, 1, 4, 5, 8, 9].map(|o| offsets.in_file(o)), [0, 1, 2, 3, 5, 6]);
        assert_eq!(Offsets::default().in_file(7), 7);
    }

    #[test]
    fn id_round_trips_through_hex() {
        let id = ArticleId::of("some text");
        assert_eq!(id.to_string().len(), 16);
        assert_eq!(id.to_string().parse::<ArticleId>(), Ok(id));
    }

    #[test]
    fn collapsed_check_agrees_with_the_plain_rule() {
        let plain = |s: &str| {
            !s.as_bytes().windows(2).any(|w| w[0] == b' ' && w[1] == b' ')
                && !s.chars().any(|c| c.is_whitespace() && c != ' ')
        };
        for s in ["a b", "a  b", "a\tb", "a\u{a0}b", "don’t stop", "x\u{2009}y", "é è", "a\u{b}b"]
        {
            assert_eq!(is_collapsed(s), plain(s), "{s:?}");
            // Past the short strings' plain pass, the scans.
            let long = format!("{}{s}", "x".repeat(70));
            assert_eq!(is_collapsed(&long), plain(s), "{long:?}");
        }
    }

    #[test]
    fn collapse_whitespace_joins_hard_wraps() {
        assert_eq!(collapse_whitespace("a\n   b\tc  d "), "a b c d");
        assert!(matches!(collapse_whitespace("a b"), Cow::Borrowed(_)));
    }
}
