//! Words and sentences of a paragraph, with each quoted piece standing as one token, so that
//! nothing inside a quotation is read as the article's own words.

use std::ops::Range;

use super::lexicon::{Lexicon, WordClass};
use super::marks::Piece;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of letters and digits, with inner apostrophes, hyphens and full stops (`U.S.`).
    Word,
    /// One punctuation character.
    Punct(char),
    /// A quoted piece: the index of its quotation in the article's list (32 bits, so that a
    /// token stays five words long; a window of text holds far fewer quotations).
    Quote(u32),
}

/// One token of a paragraph.
#[derive(Clone, Debug)]
pub(super) struct Token {
    /// Bytes in the article's text (for a quote: the marks included).
    pub range: Range<usize>,
    /// What it is.
    pub kind: Kind,
    /// For a quote: its words end a sentence (`.`, `?`, `!`).
    pub terminal: bool,
    /// A word of ASCII letters and digits alone, but for the full stop of an abbreviation or
    /// initial: no apostrophe, so that a possessive needs no search for one.
    pub plain: bool,
    /// For a word: its classes in the lexicon. Empty for any other token, so that a class
    /// alone tells a word of it.
    pub class: WordClass,
}

impl Token {
    /// True for a word starting with a capital letter. Only words have classes (see
    /// [`tokenize`]), so the class alone tells.
    pub(super) fn is_capitalised(&self) -> bool {
        self.class.contains(WordClass::CAPITALISED)
    }
}

/// A paragraph read into tokens and sentences: views into the buffers of its article (see
/// [`Buffers`]).
#[derive(Debug, Default)]
pub(super) struct Paragraph<'a> {
    /// The tokens in order.
    pub tokens: &'a [Token],
    /// The sentences, as ranges of `tokens`.
    pub sentences: &'a [Range<usize>],
    /// Whether a quotation may stand among the tokens: false only when none does, so that
    /// most paragraphs' sentences are not searched for one.
    pub quoted: bool,
}

/// The tokens and sentences of all an article's paragraphs, in two buffers: one allocation for
/// the article rather than two for each paragraph.
#[derive(Debug, Default)]
pub(super) struct Buffers {
    tokens: Vec<Token>,
    sentences: Vec<Range<usize>>,
    /// Each paragraph's share of `tokens` and of `sentences`, and whether it had quoted
    /// pieces.
    bounds: Vec<(Range<usize>, Range<usize>, bool)>,
    /// The tokens of the paragraph being read that may end a sentence (see [`sentences`]), by
    /// index in `tokens`: one buffer for the article.
    ends: Vec<usize>,
}

impl Buffers {
    /// Buffers sized for an article of `bytes` bytes in `paragraphs` paragraphs.
    pub(super) fn with_capacity(bytes: usize, paragraphs: usize) -> Self {
        Self {
            // About one token every five bytes of prose.
            tokens: Vec::with_capacity(bytes / 5 + 4),
            // About one sentence every hundred bytes.
            sentences: Vec::with_capacity(bytes / 100 + 4),
            bounds: Vec::with_capacity(paragraphs),
            ends: Vec::new(),
        }
    }

    /// Reads the paragraph `range` of `text` after those already read; `pieces` are the quoted
    /// pieces inside it, in order, each with the index of its quotation.
    pub(super) fn read(
        &mut self,
        text: &str,
        range: Range<usize>,
        pieces: &[(usize, &Piece)],
        lex: &Lexicon,
    ) {
        let (t0, s0) = (self.tokens.len(), self.sentences.len());
        self.ends.clear();
        tokenize(text, range, pieces, lex, &mut self.tokens, &mut self.ends);
        sentences(text, &self.tokens[t0..], self.ends.iter().map(|&i| i - t0), &mut self.sentences);
        self.bounds.push((t0..self.tokens.len(), s0..self.sentences.len(), !pieces.is_empty()));
    }

    /// The paragraphs read, in order.
    pub(super) fn paragraphs(&self) -> Vec<Paragraph<'_>> {
        let paragraph = |(t, s, quoted): &(Range<usize>, Range<usize>, bool)| Paragraph {
            tokens: self.tokens.get(t.clone()).unwrap_or_default(),
            sentences: self.sentences.get(s.clone()).unwrap_or_default(),
            quoted: *quoted,
        };
        self.bounds.iter().map(paragraph).collect()
    }
}

/// Appends the tokens of the paragraph `range` of `text` to `tokens`, and the indices of those
/// that may end a sentence to `ends`: quotations, and `.`, `?`, `!` and `…`.
fn tokenize(
    text: &str,
    range: Range<usize>,
    pieces: &[(usize, &Piece)],
    lex: &Lexicon,
    tokens: &mut Vec<Token>,
    ends: &mut Vec<usize>,
) {
    let mut pieces = pieces.iter().peekable();
    let mut i = range.start;
    let end = range.end.min(text.len());
    while i < end {
        if let Some((q, piece)) = pieces.peek().filter(|(_, p)| p.outer.start <= i) {
            let terminal = text[piece.inner.clone()].ends_with(['.', '?', '!']);
            ends.push(tokens.len());
            tokens.push(Token {
                range: piece.outer.clone(),
                kind: Kind::Quote(*q as u32),
                terminal,
                plain: false,
                class: WordClass::empty(),
            });
            i = piece.outer.end.max(i + 1);
            pieces.next();
            while !text.is_char_boundary(i) {
                i += 1;
            }
            continue;
        }
        // The article's own words up to the next quoted piece.
        let stop = pieces.peek().map_or(end, |(_, p)| p.outer.start.min(end));
        i = tokenize_stretch(text, i, stop, lex, tokens, ends);
    }
}

/// Appends the tokens of `text` from `i` on, up to `stop` (no quoted piece in between), and
/// returns where it stopped: `stop`, or past it when the last character runs over. The
/// indices of the tokens that may end a sentence go to `ends`, as in [`tokenize`].
fn tokenize_stretch(
    text: &str,
    mut i: usize,
    stop: usize,
    lex: &Lexicon,
    tokens: &mut Vec<Token>,
    ends: &mut Vec<usize>,
) -> usize {
    let bytes = text.as_bytes();
    while i < stop {
        let byte = bytes[i];
        // Most words are plain ASCII letters and digits: read them byte by byte, without
        // decoding or the general word rules.
        if byte.is_ascii_alphanumeric() {
            let run = alphanumeric_run(bytes, i, stop);
            if let Some((len, class)) = plain_word(text, i..i + run, stop, lex) {
                let class = if !byte.is_ascii_uppercase() {
                    class
                } else if len >= 2 && bytes[i + 1].is_ascii_uppercase() {
                    // `WHO`, `US`, `IT`: in capitals, an acronym, not the function word.
                    WordClass::CAPITALISED | class.difference(WordClass::FUNCTION_WORD)
                } else {
                    WordClass::CAPITALISED | class
                };
                let range = i..i + len;
                tokens.push(Token { range, kind: Kind::Word, terminal: false, plain: true, class });
                i += len;
                // The space after most words: skipped here rather than by another turn.
                if i < stop && bytes[i] == b' ' {
                    i += 1;
                }
                continue;
            }
        } else if byte.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // Most characters are ASCII: no decoding for them.
        let c = if byte.is_ascii() {
            char::from(byte)
        } else {
            let Some(c) = text[i..stop].chars().next() else { break };
            c
        };
        if c.is_alphanumeric() {
            let len = word_len(&text[i..stop], lex);
            let word = &text[i..i + len];
            let capital =
                if c.is_uppercase() { WordClass::CAPITALISED } else { WordClass::empty() };
            let class = lex.class_of(lex.uncontracted(word)) | capital;
            let range = i..i + len;
            tokens.push(Token { range, kind: Kind::Word, terminal: false, plain: false, class });
            i += len;
        } else {
            if !c.is_whitespace() {
                if matches!(c, '.' | '?' | '!' | '…') {
                    ends.push(tokens.len());
                }
                tokens.push(Token {
                    range: i..i + c.len_utf8(),
                    kind: Kind::Punct(c),
                    terminal: false,
                    plain: false,
                    class: WordClass::empty(),
                });
            }
            i += c.len_utf8();
        }
    }
    i
}

/// The word whose ASCII letters and digits are `text[run]` (the run ends before `stop` or at
/// it), when what follows leaves it at that: no apostrophe, hyphen, ampersand, full stop before
/// a letter, or other character that [`word_len`] could join to it. Its length, with the full
/// stop of an abbreviation or initial, and its classes (the same for `Gen` and `Gen.`); `None`
/// leaves the word to [`word_len`].
fn plain_word(
    text: &str,
    run: Range<usize>,
    stop: usize,
    lex: &Lexicon,
) -> Option<(usize, WordClass)> {
    let bytes = text.as_bytes();
    let next = |at: usize| bytes.get(at).copied().filter(|_| at < stop);
    // Whether a full stop follows that may end an abbreviation; the word looked up once, in
    // one place, after the cases left to the general rules.
    let full_stop = match next(run.end) {
        None => false,
        Some(b'\'' | b'-' | b'&') => return None,
        Some(b'.') => match next(run.end + 1) {
            // `U.S`, or a character to decode: the general rules.
            Some(b) if !b.is_ascii() || b.is_ascii_alphanumeric() => return None,
            _ => true,
        },
        Some(b) if b.is_ascii() => false,
        Some(_) => return None,
    };
    let found = lex.class_of_plain_in(text, run.clone());
    let initial = run.len() == 1 && bytes[run.start].is_ascii_uppercase();
    let stop_kept = full_stop && (initial || found.contains(WordClass::ABBREVIATION));
    Some((run.len() + usize::from(stop_kept), found))
}

/// How many ASCII letters and digits `bytes` has from `from` on, up to `stop`: eight bytes at
/// a time, as every word of every article is measured.
fn alphanumeric_run(bytes: &[u8], from: usize, stop: usize) -> usize {
    let mut at = from;
    while at < stop {
        let Some(chunk) = bytes.get(at..at + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) else {
            break;
        };
        let other = not_alphanumeric(u64::from_le_bytes(chunk));
        if other != 0 {
            // The first byte that is no letter or digit, or `stop` if that comes first.
            return (at + (other.trailing_zeros() / 8) as usize).min(stop) - from;
        }
        at += 8;
    }
    let tail = bytes.get(at..stop).unwrap_or_default();
    tail.iter().position(|b| !b.is_ascii_alphanumeric()).map_or(stop, |p| at + p) - from
}

/// The top bit of each of the eight bytes of `x` that is not an ASCII letter or digit. A byte
/// below 0x80 plus at most 0x50 never carries into the next, so the top bit of each sum tells
/// whether the byte reached the bound added to it.
fn not_alphanumeric(x: u64) -> u64 {
    const ONES: u64 = u64::MAX / 255;
    const TOP: u64 = ONES * 0x80;
    let low = x & !TOP;
    let within = |v: u64, lo: u8, hi: u8| {
        (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7f - hi))
    };
    // Letters in either case: with 0x20 set, both are `a..=z`.
    let letter = within(low | (ONES * 0x20), b'a', b'z');
    let digit = within(low, b'0', b'9');
    !((letter | digit) & !x) & TOP
}

/// Length of the word at the start of `s` that is not plain (see [`tokenize_stretch`]):
/// letters and digits, joined by one inner `'`, `’`, `-`, `.` or `&`; a final full stop
/// belongs to an abbreviation or initial.
fn word_len(s: &str, lex: &Lexicon) -> usize {
    let mut len = 0;
    let mut dotted = false;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_alphanumeric() {
            len = at + c.len_utf8();
        } else if "'’-.&".contains(c) && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
            dotted |= c == '.';
        } else {
            break;
        }
    }
    let word = &s[..len];
    if s[len..].starts_with('.') {
        let single_capital = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
        if dotted || single_capital || lex.is_abbreviation(word) {
            len += 1;
        }
    }
    len
}

/// Splits tokens into sentences at `.`, `?` and `!` followed by a capital, and after a quotation
/// ending a sentence unless its attribution follows (`"Stop!" Peskov said.`). `ends` are the
/// indices, in order, of the tokens that may end one (see [`tokenize`]): only they are read,
/// not every token of the paragraph.
fn sentences(
    text: &str,
    tokens: &[Token],
    ends: impl Iterator<Item = usize>,
    out: &mut Vec<Range<usize>>,
) {
    let starts_sentence = |t: &Token| match t.kind {
        Kind::Word => {
            text[t.range.clone()].starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        }
        Kind::Quote(_) => true,
        Kind::Punct(c) => "([".contains(c),
    };
    let mut start = 0;
    for i in ends {
        let (Some(t), Some(next)) = (tokens.get(i), tokens.get(i + 1)) else { break };
        let end_here = match t.kind {
            Kind::Punct('.' | '?' | '!' | '…') => starts_sentence(next),
            Kind::Quote(_) => {
                t.terminal && starts_sentence(next) && !attribution_follows(&tokens[i + 1..])
            }
            _ => false,
        };
        if end_here {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
}

/// True when a speech verb comes within the next few words, before any punctuation.
fn attribution_follows(rest: &[Token]) -> bool {
    rest.iter()
        .take(5)
        .take_while(|t| t.kind == Kind::Word)
        .any(|t| t.class.contains(WordClass::SPEECH_VERB))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let lex = Lexicon::builtin();
        let mut tokens = Vec::new();
        tokenize(s, 0..s.len(), &[], &lex, &mut tokens, &mut Vec::new());
        tokens.iter().map(|t| &s[t.range.clone()]).collect()
    }

    #[test]
    fn keeps_abbreviations_and_contractions_whole() {
        assert_eq!(
            words("Mr. Putin's U.S. don't, J. Doe."),
            ["Mr.", "Putin's", "U.S.", "don't", ",", "J.", "Doe", "."]
        );
    }

    #[test]
    fn alphanumeric_runs_agree_with_a_byte_scan() {
        let text = "Peskov's 2024 stop-gap, ninety9Zs@[`{/:\u{e9}t\u{e9} abcdefghijklmnopqrstuvwxyz AZaz09";
        let b = text.as_bytes();
        for from in 0..b.len() {
            for stop in from..=b.len() {
                let slow = b[from..stop].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                assert_eq!(alphanumeric_run(b, from, stop), slow, "{from}..{stop}");
            }
        }
    }

    #[test]
    fn splits_sentences_but_not_after_titles() {
        let s = "Dr. Who spoke. Then he left! OK";
        let mut buffers = Buffers::default();
        buffers.read(s, 0..s.len(), &[], &Lexicon::builtin());
        assert_eq!(buffers.paragraphs()[0].sentences.len(), 3);
    }
}
