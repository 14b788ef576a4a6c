//! The words of a quotation as comparison sees them: quote marks, punctuation, case and white
//! space ignored; accents folded; `don’t` and `dont` one word; `high-level` two.

use std::ops::Range;

use xxhash_rust::xxh3::xxh3_64;

use super::fold::ascii_lower;

/// One word of a text: where it is, and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Lower-case ASCII, apostrophes dropped.
    pub folded: String,
}

/// An apostrophe inside a word (`don’t`), which is part of it.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// The words of `text`, in order: runs of letters and digits, joined across apostrophes.
pub fn words(text: &str) -> Vec<Word> {
    split(text, ascii_lower)
}

/// The words of `text` as a record check compares them: [`words`], but with their accents
/// kept (`año` is not `ano`), only case folded.
pub fn accented_words(text: &str) -> Vec<Word> {
    split(text, str::to_lowercase)
}

/// The words of `text`, each folded by `fold` (apostrophes then dropped).
fn split(text: &str, fold: impl Fn(&str) -> String) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = is_apostrophe(c)
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(word(text, s..i, &fold));
        }
    }
    if let Some(s) = start {
        out.push(word(text, s..text.len(), &fold));
    }
    out
}

fn word(text: &str, range: Range<usize>, fold: impl Fn(&str) -> String) -> Word {
    let folded = fold(&text[range.clone()]).replace(is_apostrophe, "");
    Word { range, folded }
}

/// The words of `text` as hashes: what quotations are compared and grouped by.
pub fn hashes(text: &str) -> Vec<u64> {
    words(text).iter().map(|w| xxh3_64(w.folded.as_bytes())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn marks_case_and_punctuation_are_ignored() {
        assert_eq!(folded("“I don’t bite,” he"), ["i", "dont", "bite", "he"]);
        assert_eq!(hashes("\"I DON'T   bite\""), hashes("i don’t bite."));
        assert_eq!(folded("'high-level' talks"), ["high", "level", "talks"]);
    }

    #[test]
    fn ranges_slice_the_text_back() {
        let text = "«Café» — it's 'ours'";
        let ws = words(text);
        let back: Vec<&str> = ws.iter().map(|w| &text[w.range.clone()]).collect();
        assert_eq!(back, ["Café", "it's", "ours"]);
        assert_eq!(ws[0].folded, "cafe");
    }

    #[test]
    fn accented_words_keep_their_accents_not_their_case() {
        let folded: Vec<String> =
            accented_words("Feliz AÑO, don’t").into_iter().map(|w| w.folded).collect();
        assert_eq!(folded, ["feliz", "año", "dont"]);
    }
}
