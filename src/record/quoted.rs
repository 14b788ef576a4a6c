//! A quotation's words as a check sees them: folded (case, marks, punctuation ignored), split
//! into the parts its elisions (`...`, `…`, `[...]`) and editorial brackets (`[Ukraine's]`)
//! leave, the bracketed words themselves dropped.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use xxhash_rust::xxh3::xxh3_64;

use crate::speakers::words::accented_words as words;

/// Elisions and editorial brackets.
static MARKERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[[^\]\n]{0,80}\]|\.\s?\.\s?\.|…").expect("a valid pattern"));

/// What stands between two parts of a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Nothing: the words run on (a new paragraph of the quote).
    None,
    /// The writer's own words in brackets, standing for a few of the speaker's.
    Editorial,
    /// Words left out, any number.
    Elision,
}

/// A quotation's words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quoted {
    /// Byte ranges of the words in the text they were read from.
    pub ranges: Vec<Range<usize>>,
    /// The folded words' hashes, as the record index keeps them.
    pub hashes: Vec<u64>,
    /// Parts: ranges of word indices, in order, each with what comes before it.
    pub parts: Vec<(Range<usize>, Gap)>,
    /// The editorial brackets: the index of the word after each (0 before the first word, the
    /// number of words after the last), and the bracket's byte range (to be listed as added
    /// when it stands for none of the speaker's words).
    pub brackets: Vec<(usize, Range<usize>)>,
}

impl Quoted {
    /// The words of the whole of `text`.
    pub fn new(text: &str) -> Self {
        Self::from_pieces(text, std::slice::from_ref(&(0..text.len())))
    }

    /// The words of `pieces` of `text` (a quotation's paragraphs), byte ranges into `text`.
    pub fn from_pieces(text: &str, pieces: &[Range<usize>]) -> Self {
        let mut out = Quoted::default();
        let mut gap = Gap::None;
        for piece in pieces {
            let Some(body) = text.get(piece.clone()) else { continue };
            let mut at = 0;
            for m in MARKERS.find_iter(body) {
                if out.push_words(piece.start + at, &body[at..m.start()], gap) {
                    gap = Gap::None;
                }
                let marker = m.as_str();
                let elided = marker.starts_with('.')
                    || marker.starts_with('…')
                    || !marker.chars().any(char::is_alphanumeric);
                // `[sic]` says the words are as said: it stands for nothing, and changes nothing.
                let sic = marker.trim_matches(['[', ']', ' ']).eq_ignore_ascii_case("sic");
                if !elided && !sic {
                    let range = piece.start + m.start()..piece.start + m.end();
                    out.brackets.push((out.hashes.len(), range));
                }
                // Nothing before it: nothing to keep apart from.
                if !out.is_empty() && !sic {
                    gap = if elided || gap == Gap::Elision { Gap::Elision } else { Gap::Editorial };
                }
                at = m.end();
            }
            if out.push_words(piece.start + at, &body[at..], gap) {
                gap = Gap::None;
            }
        }
        out
    }

    /// Adds the words of `segment` (at `offset` in the text) as a part after `gap`, or to the
    /// last part when there is no gap.
    /// True when there were words.
    fn push_words(&mut self, offset: usize, segment: &str, gap: Gap) -> bool {
        let found = words(segment);
        if found.is_empty() {
            return false;
        }
        let start = self.hashes.len();
        for w in found {
            self.ranges.push(w.range.start + offset..w.range.end + offset);
            self.hashes.push(xxh3_64(w.folded.as_bytes()));
        }
        let end = self.hashes.len();
        match self.parts.last_mut() {
            Some((range, _)) if gap == Gap::None && range.end == start => range.end = end,
            _ => self.parts.push((start..end, gap)),
        }
        true
    }

    /// How many words.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The quotation's sentences and clauses (word index ranges): its parts, split after a
    /// word that a full stop, semicolon, colon, question or exclamation mark ends in `text`
    /// (the text it was read from).
    pub fn segments(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for (part, _) in &self.parts {
            let mut start = part.start;
            for i in part.start + 1..part.end {
                let between = match (self.ranges.get(i - 1), self.ranges.get(i)) {
                    (Some(a), Some(b)) => text.get(a.end..b.start).unwrap_or_default(),
                    _ => "",
                };
                if between.contains(['.', ';', ':', '!', '?', '…']) {
                    out.push(start..i);
                    start = i;
                }
            }
            out.push(start..part.end);
        }
        out
    }

    /// The gap before word `i`, if a part starts there.
    pub fn gap_before(&self, i: usize) -> Gap {
        self.parts.iter().find(|(r, _)| r.start == i).map_or(Gap::None, |(_, g)| *g)
    }
}

/// The text of `pieces` of `text`, one a line: a quotation's words as kept apart from their
/// article (see [`pieces`]).
pub fn joined(text: &str, pieces: &[Range<usize>]) -> String {
    let each = pieces.iter().filter_map(|r| text.get(r.clone()));
    each.map(|p| p.replace('\n', " ")).collect::<Vec<_>>().join("\n")
}

/// The pieces of a quotation's words [`joined`] into `text`: its lines.
pub fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut at = 0;
    text.split('\n')
        .map(|line| {
            let range = at..at + line.len();
            at = range.end + 1;
            range
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<(Vec<&str>, Gap)> {
        let q = Quoted::new(text);
        q.parts
            .iter()
            .map(|(r, g)| (q.ranges[r.clone()].iter().map(|w| &text[w.clone()]).collect(), *g))
            .collect()
    }

    #[test]
    fn elisions_and_brackets_split_the_parts() {
        assert_eq!(
            parts("We will … rebuild [Ukraine's] future. [...] Together"),
            [
                (vec!["We", "will"], Gap::None),
                (vec!["rebuild"], Gap::Elision),
                (vec!["future"], Gap::Editorial),
                (vec!["Together"], Gap::Elision),
            ]
        );
    }

    #[test]
    fn segments_are_parts_split_at_sentence_and_clause_ends() {
        let text = "We stand firm; the talks, they say, are over. Done … and gone";
        let q = Quoted::new(text);
        let got: Vec<Vec<&str>> = q
            .segments(text)
            .into_iter()
            .map(|r| q.ranges[r].iter().map(|w| &text[w.clone()]).collect())
            .collect();
        assert_eq!(
            got,
            [
                vec!["We", "stand", "firm"],
                vec!["the", "talks", "they", "say", "are", "over"],
                vec!["Done"],
                vec!["and", "gone"]
            ]
        );
    }

    #[test]
    fn leading_markers_and_pieces_keep_one_part() {
        let text = "... the bridge|will open";
        let q = Quoted::from_pieces(text, &[0..14, 15..24]);
        assert_eq!(q.parts, [(0..4, Gap::None)]);
        assert_eq!(&text[q.ranges[3].clone()], "open");
    }
}
