//! Finding quoted spans: pairs quote marks, tells quote marks from apostrophes, follows a
//! quotation over several paragraphs, and recovers from stray marks at the paragraph's end.
//!
//! One pass over each paragraph (a stray opener costs at most a few bounded re-scans), so the
//! work is linear in the text.

use std::ops::Range;

use super::lexicon::Lexicon;

/// The two families of quote marks: a quotation opened with one closes with the same family,
/// and marks of the other family inside it are a nested quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// One quote mark and what it may do, judged from its glyph and neighbours.
#[derive(Clone, Copy, Debug)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    opens: bool,
    closes: bool,
    /// A single mark after a plural `s` (`the allies' plan`) closes only when no better closer
    /// follows.
    weak: bool,
}

/// One paragraph's share of a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Piece {
    /// Index of the paragraph.
    pub para: usize,
    /// From the opening mark to the closing mark included (to the paragraph's end when open).
    pub outer: Range<usize>,
    /// The quoted words, white space trimmed.
    pub inner: Range<usize>,
}

/// A quoted span: one piece per paragraph it runs over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Span {
    /// In reading order, never empty.
    pub pieces: Vec<Piece>,
    /// Whether it reopens the span just before it, left open at the end of the paragraph
    /// before, and closes before more words (`“…,” she said.`): a quotation of its own, said
    /// by whoever said the one it goes on from.
    pub continues: bool,
}

impl Span {
    fn new(pieces: Vec<Piece>) -> Self {
        Self { pieces, continues: false }
    }
}

/// How deep quotations of one family nest inside each other before an opener counts as stray.
const MAX_NESTING: usize = 2;

/// How many times a paragraph is re-scanned past a stray opening mark before giving up on it.
const MAX_RESCANS: usize = 3;

/// Punctuation an opening mark may follow (`(“Yes”)`, `said:“Yes”`).
const BEFORE_OPENING: &str = "([{—–-/:;,";

/// Punctuation a closing mark may precede (`“Yes”.`, `“Yes”)`).
const AFTER_CLOSING: &str = ".,;:!?)]}—–-…";

/// What pairing marks reads: the word lists (elisions), and whether `''` is a mark.
#[derive(Clone, Copy)]
struct Pairing<'a> {
    lex: &'a Lexicon,
    doubled: bool,
}

/// Every quoted span of the paragraphs, in reading order; nested quotations are inside their
/// outer span and not listed. With `doubled`, two apostrophes pair as quote marks too
/// (`''Yes,'' he said`): see [`super::article::doubled_pairs`].
pub(super) fn scan(
    text: &str,
    paragraphs: &[Range<usize>],
    lex: &Lexicon,
    doubled: bool,
) -> Vec<Span> {
    let pairing = Pairing { lex, doubled };
    let mut spans = Vec::new();
    let mut carry: Option<(Family, Vec<Piece>)> = None;
    for (para, range) in paragraphs.iter().enumerate() {
        let Some(p) = text.get(range.clone()) else { continue };
        let mut from = 0;
        let mut rescans = 0;
        let mut carried = carry.take();
        // A quotation carried from the last paragraph goes on only if this one reopens it.
        if let Some((family, _)) = &carried {
            match first_mark(p, pairing) {
                Some(m) if m.family == *family && m.opens => {}
                _ => {
                    if let Some((_, pieces)) = carried.take() {
                        spans.push(Span::new(pieces));
                    }
                }
            }
        }
        loop {
            match pair(p, from, range.start, para, carried.take(), pairing, &mut spans) {
                None => break,
                Some((family, opener, mut pieces)) => {
                    let next_reopens = paragraphs
                        .get(para + 1)
                        .and_then(|r| text.get(r.clone()))
                        .and_then(|next| first_mark(next, pairing))
                        .is_some_and(|m| m.family == family && m.opens);
                    let inner = trim(p, opener.at + opener.len..p.len(), range.start);
                    let at_start = p[..opener.at].trim().is_empty();
                    if next_reopens {
                        pieces.push(Piece {
                            para,
                            outer: range.start + opener.at..range.end,
                            inner,
                        });
                        carry = Some((family, pieces));
                        break;
                    }
                    if !pieces.is_empty() || at_start {
                        // A quotation missing only its closing mark: it ends with the paragraph.
                        pieces.push(Piece {
                            para,
                            outer: range.start + opener.at..range.end,
                            inner,
                        });
                        spans.push(Span::new(
                            pieces.into_iter().filter(|p| !p.inner.is_empty()).collect(),
                        ));
                        break;
                    }
                    // A stray opening mark: read on after it as if it were not there.
                    rescans += 1;
                    if rescans > MAX_RESCANS {
                        break;
                    }
                    from = opener.at + opener.len;
                }
            }
        }
    }
    if let Some((_, pieces)) = carry {
        spans.push(Span::new(pieces));
    }
    // A paragraph that only reopens a quotation adds no words to it.
    for span in &mut spans {
        span.pieces.retain(|p| !p.inner.is_empty());
    }
    spans.retain(|s| !s.pieces.is_empty());
    spans
}

/// Pairs the marks of paragraph `p` from byte `from`, pushing closed spans. Returns the
/// quotation still open at the paragraph's end, if any, with the pieces before its opener.
fn pair(
    p: &str,
    from: usize,
    base: usize,
    para: usize,
    carried: Option<(Family, Vec<Piece>)>,
    pairing: Pairing<'_>,
    spans: &mut Vec<Span>,
) -> Option<(Family, Mark, Vec<Piece>)> {
    // The open quotation, its pieces so far, and how many quotations of the same family are
    // open inside it (`'He said, 'No.''`).
    let mut open: Option<(Mark, Vec<Piece>, usize)> = None;
    let mut carried = carried;
    // Whether a weak single closer is to be skipped: decided once for every weak mark before
    // `weak_until`, so the look-ahead stays linear.
    let mut weak_until = 0;
    let mut weak_skip = false;
    let mut i = from;
    while let Some((here, c)) = next_candidate(p, i) {
        i = here + c.len_utf8();
        let Some(m) = classify(p, here, c, pairing) else { continue };
        i = here + m.len;
        if let Some((family, pieces)) = carried.take() {
            // The reopening mark of a carried quotation.
            if m.family == family && m.opens {
                open = Some((m, pieces, 0));
                continue;
            }
        }
        match open.take() {
            None => {
                if m.opens {
                    open = Some((m, Vec::new(), 0));
                }
            }
            Some(state) if m.family != state.0.family => open = Some(state),
            Some((o, mut pieces, depth)) => {
                if m.closes && m.weak {
                    if here >= weak_until {
                        (weak_until, weak_skip) = look_past_weak(p, i, pairing);
                    }
                    if weak_skip {
                        open = Some((o, pieces, depth));
                        continue;
                    }
                }
                if m.closes && depth > 0 {
                    open = Some((o, pieces, depth - 1));
                } else if m.closes {
                    let inner = trim(p, o.at + o.len..here, base);
                    let piece = Piece { para, outer: base + o.at..base + i, inner };
                    // A reopened quotation that closes before more words of the paragraph
                    // (`“…,” she said.`) is a new quotation, whoever says it: the one before
                    // ended, unclosed, with its paragraph.
                    let mut continues = false;
                    if !pieces.is_empty() && p[i..].contains(char::is_alphanumeric) {
                        // Only a span with words is kept to be gone on from.
                        continues = pieces.iter().any(|kept| !kept.inner.is_empty());
                        spans.push(Span::new(std::mem::take(&mut pieces)));
                    }
                    if !piece.inner.is_empty() {
                        pieces.push(piece);
                        spans.push(Span { pieces, continues });
                    } else if !pieces.is_empty() {
                        spans.push(Span::new(pieces));
                    }
                } else if depth < MAX_NESTING {
                    open = Some((o, pieces, depth + 1));
                } else {
                    // Openers upon openers: the first was stray.
                    open = Some((m, Vec::new(), 0));
                    if !pieces.is_empty() {
                        spans.push(Span::new(pieces));
                    }
                }
            }
        }
    }
    open.map(|(m, pieces, _)| (m.family, m, pieces))
}

/// Looks ahead of a weak single closer: returns how far the decision holds and whether to skip
/// the weak mark (a strong closer comes before any new opener).
fn look_past_weak(p: &str, from: usize, pairing: Pairing<'_>) -> (usize, bool) {
    let mut i = from;
    while let Some((here, c)) = next_candidate(p, i) {
        i = here + c.len_utf8();
        if let Some(m) = classify(p, here, c, pairing).filter(|m| m.family == Family::Single) {
            if m.closes && !m.weak {
                return (here, true);
            }
            if m.opens && !m.closes {
                return (here, false);
            }
        }
    }
    (p.len(), false)
}

/// The next character from byte `from` that may be a quote mark: found by its first byte, so
/// the prose between marks is skipped without decoding it.
fn next_candidate(p: &str, from: usize) -> Option<(usize, char)> {
    let bytes = p.as_bytes().get(from..)?;
    // `"` and `'`, and the lead bytes of the curly marks (E2) and of `«»` (C2, rarer: looked
    // for only before the first of the others, so that no byte is searched twice).
    let common = memchr::memchr3(b'"', b'\'', 0xE2, bytes);
    let before = common.map_or(bytes, |c| &bytes[..c]);
    let at = from + memchr::memchr(0xC2, before).or(common)?;
    let c = p.get(at..)?.chars().next()?;
    Some((at, c))
}

/// The first mark of a paragraph, if the paragraph starts with one.
fn first_mark(p: &str, pairing: Pairing<'_>) -> Option<Mark> {
    let (at, c) = p.char_indices().find(|(_, c)| !c.is_whitespace())?;
    classify(p, at, c, pairing)
}

/// `range` of `p` with white space trimmed, as a range of the article.
fn trim(p: &str, range: Range<usize>, base: usize) -> Range<usize> {
    let s = &p[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    if start >= end { base + start..base + start } else { base + start..base + end }
}

/// Judges the character `c` at byte `at` of `p`: a quote mark, and what it may do, or `None`.
fn classify(p: &str, at: usize, c: char, pairing: Pairing<'_>) -> Option<Mark> {
    let Pairing { lex, doubled: doubled_marks } = pairing;
    let (family, glyph_opens, glyph_closes) = match c {
        '"' => (Family::Double, true, true),
        '“' | '„' | '«' | '‟' => (Family::Double, true, false),
        '”' | '»' => (Family::Double, false, true),
        '\'' => (Family::Single, true, true),
        '‘' | '‚' | '‹' => (Family::Single, true, false),
        '’' | '›' => (Family::Single, false, true),
        _ => return None,
    };
    let prev = p[..at].chars().next_back();
    // `author="…"`: an attribute value of markup left in the text, not a quotation.
    if prev == Some('=') {
        return None;
    }
    if c == '\''
        && let Some((first, opens)) = doubled(p, at)
    {
        if doubled_marks {
            let closes = !opens;
            return first.then_some(Mark {
                at,
                len: 2,
                family: Family::Double,
                opens,
                closes,
                weak: false,
            });
        }
        // Off, an opening pair is no mark; a closing one may end a nested quotation
        // (`'He said, 'No.''`) and is read as two single marks.
        if opens {
            return None;
        }
    }
    let after = &p[at + c.len_utf8()..];
    let next = after.chars().next();
    let space_or_none = |ch: Option<char>| ch.is_none_or(char::is_whitespace);
    let left = !space_or_none(next)
        && (prev.is_none_or(|ch| ch.is_whitespace() || BEFORE_OPENING.contains(ch) || is_mark(ch)));
    let right = !space_or_none(prev)
        && (next.is_none_or(|ch| ch.is_whitespace() || AFTER_CLOSING.contains(ch) || is_mark(ch)));
    if family == Family::Single {
        let alnum = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
        // Inside a word: `don't`, `Russia's`; or a possessive typed with a space before its
        // `s` (`America’ s plan`), which no closing mark is followed by.
        if alnum(prev) && (alnum(next) || spaced_possessive(after)) {
            return None;
        }
        // A leading elision or decade: `'em`, `rock 'n' roll`, `'90s`.
        if alnum(next) && !alnum(prev) && is_elided(after, lex) {
            return None;
        }
        // `rock 'n' roll`: the apostrophe after the elided n.
        if prev == Some('n') && p[..at].ends_with(" 'n") || p[..at].ends_with(" ‘n") {
            return None;
        }
    }
    let (opens, closes) = match (left, right) {
        (true, false) => (true, false),
        (false, true) => (false, true),
        // A mark opening the paragraph opens, whatever its glyph (`” … what I learned`).
        _ if prev.is_none() => (true, false),
        _ => (glyph_opens, glyph_closes),
    };
    if !opens && !closes {
        return None;
    }
    let weak = family == Family::Single
        && closes
        && !opens
        && matches!(prev, Some('s' | 'S'))
        && next.is_some_and(char::is_whitespace)
        && after.trim_start().chars().next().is_some_and(char::is_lowercase);
    Some(Mark { at, len: c.len_utf8(), family, opens, closes, weak })
}

/// Whether the apostrophe at byte `at` of `p` is one of two (`''`) that open a quotation
/// (`''Yes`) or close one (`yes,''`): `(first of the two, opens)`.
fn doubled(p: &str, at: usize) -> Option<(bool, bool)> {
    let b = p.as_bytes();
    let (start, first) = if b.get(at + 1) == Some(&b'\'') {
        (at, true)
    } else if at > 0 && b[at - 1] == b'\'' {
        (at - 1, false)
    } else {
        return None;
    };
    let before = p[..start].chars().next_back();
    let after = p[start + 2..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && c != '\'');
    let left =
        before.is_none_or(|c| c.is_whitespace() || BEFORE_OPENING.contains(c)) && word(after);
    let right =
        word(before) && after.is_none_or(|c| c.is_whitespace() || AFTER_CLOSING.contains(c));
    let opens = match (left, right) {
        (true, false) => true,
        (false, true) => false,
        _ => return None,
    };
    Some((first, opens))
}

/// Whether `after` (what follows a mark) is ` s` and the end of a word.
fn spaced_possessive(after: &str) -> bool {
    after.strip_prefix(" s").is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// Any quote-mark character.
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '\'' | '‘' | '’' | '‚' | '‹' | '›')
}

/// The word after a leading apostrophe is an elision or a decade (`'em`, `'90s`).
fn is_elided(after: &str, lex: &Lexicon) -> bool {
    // Up to twelve letters and digits, borrowed: the lexicon ignores case.
    let end = (after.char_indices())
        .take_while(|(_, c)| c.is_alphanumeric())
        .take(12)
        .last()
        .map_or(0, |(at, c)| at + c.len_utf8());
    let word = &after[..end];
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let digits = word.chars().take_while(char::is_ascii_digit).count();
        let rest = &word[digits..];
        return digits == 2 && (rest.is_empty() || rest == "s");
    }
    lex.is_elision(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::LexiconFile;

    fn quoted(text: &str) -> Vec<String> {
        quoted_with(text, &Lexicon::builtin())
    }

    fn quoted_with(text: &str, lex: &Lexicon) -> Vec<String> {
        let mut paragraphs = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            paragraphs.push(start..start + part.len());
            start += part.len() + 2;
        }
        scan(text, &paragraphs, lex, lex.doubled_apostrophe_quotes)
            .into_iter()
            .map(|s| {
                s.pieces.iter().map(|p| &text[p.inner.clone()]).collect::<Vec<_>>().join(" | ")
            })
            .collect()
    }

    #[test]
    fn pairs_straight_curly_and_mixed_marks() {
        assert_eq!(quoted("“I don’t bite,\" he said. \"What?”"), ["I don’t bite,", "What?"]);
        assert_eq!(quoted("«Non» dit-il"), ["Non"]);
    }

    #[test]
    fn tells_single_quotes_from_apostrophes() {
        let t = "'Russia's and the allies' plans in the '90s, rock 'n' roll,' he said of 'em.";
        assert_eq!(quoted(t), ["Russia's and the allies' plans in the '90s, rock 'n' roll,"]);
        assert_eq!(quoted("the Russias' invasion and 'high-level' talks"), ["high-level"]);
    }

    #[test]
    fn follows_a_quotation_over_paragraphs() {
        let t = "He said: “One.\n\n“Two.”\n\nAfter.";
        assert_eq!(quoted(t), ["One. | Two."]);
    }

    #[test]
    fn a_stray_mark_does_not_swallow_the_article() {
        let t = "A stray \" mark here and a \"real\" quote.\n\nNext \"one\".";
        assert_eq!(quoted(t), ["real", "one"]);
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(quoted("\"He called it 'madness',\" she said."), ["He called it 'madness',"]);
        assert_eq!(quoted("'He called it \"madness\",' she said."), ["He called it \"madness\","]);
        assert_eq!(quoted("'He said, 'No way.'' she said."), ["He said, 'No way.'"]);
    }

    #[test]
    fn doubled_apostrophes_are_quote_marks_only_when_asked() {
        let t = "''It isn't reform,'' he said. He is 5' 10'' tall.";
        assert!(quoted(t).is_empty());
        let file = LexiconFile { doubled_apostrophe_quotes: Some(true), ..LexiconFile::default() };
        let lex = Lexicon::compile([LexiconFile::builtin(), file]);
        assert_eq!(quoted_with(t, &lex), ["It isn't reform,"]);
        assert_eq!(quoted_with("He said: ''One.\n\n''Two.''", &lex), ["One. | Two."]);
    }
}
