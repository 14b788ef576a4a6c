//! A huge article read a window at a time, so that the extractor's tables (tokens, names,
//! salience) only ever cover one window and memory stays a small multiple of the text.
//!
//! An article up to [`LIMIT`] bytes, which is every real one, is read whole, as before. A
//! longer one is cut into windows of about [`WINDOW`] bytes: between paragraphs, and inside a
//! paragraph longer than a window (a file that is one line) at a sentence's start outside any
//! quotation. Each window is read as an article of its own and its offsets shifted back. What
//! crosses a cut is lost: a name met only before it, a quotation running over the paragraphs
//! at either side.

use std::ops::Range;

use super::Quote;
use super::article;
use super::lexicon::Lexicon;
use super::marks;

/// Longer articles are read in windows.
pub(super) const LIMIT: usize = 1 << 20;
/// The size windows are filled to.
const WINDOW: usize = 256 << 10;

/// How a text is cut: windows of `window` bytes, a paragraph cut inside within the last half
/// of a window, its quotations looked for `slack` bytes past the window.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cuts {
    limit: usize,
    window: usize,
    slack: usize,
}

impl Cuts {
    /// The sizes used on real articles.
    pub(super) const REAL: Cuts = Cuts { limit: LIMIT, window: WINDOW, slack: WINDOW / 16 };
}

/// Every quotation (or attribution, with `reported`) of the article, as
/// [`article::quotes`] gives them, read a window at a time when the text is longer than
/// `cuts.limit`.
pub(super) fn quotes(
    text: &str,
    paragraphs: &[Range<usize>],
    lex: &Lexicon,
    reported: bool,
    cuts: Cuts,
) -> Vec<Quote> {
    if text.len() <= cuts.limit {
        return article::quotes(text, paragraphs, lex, reported);
    }
    let mut out = Vec::new();
    let doubled = article::doubled_pairs(lex, reported);
    for window in windows(text, paragraphs, lex, doubled, cuts) {
        let (Some(first), Some(last)) = (window.first(), window.last()) else { continue };
        let (base, end) = (first.start, last.end);
        let Some(part) = text.get(base..end) else { continue };
        let local: Vec<Range<usize>> =
            window.iter().map(|r| r.start - base..r.end - base).collect();
        out.extend(
            article::quotes(part, &local, lex, reported).into_iter().map(|q| shift(q, base)),
        );
    }
    out
}

/// The paragraphs in windows of about `cuts.window` bytes, a longer paragraph cut in pieces
/// each in a window of its own (never inside a quotation; with `doubled`, `''…''` is one).
fn windows(
    text: &str,
    paragraphs: &[Range<usize>],
    lex: &Lexicon,
    doubled: bool,
    cuts: Cuts,
) -> Vec<Vec<Range<usize>>> {
    let mut windows = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    for r in paragraphs {
        if r.len() > cuts.window {
            windows.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
            windows
                .extend(pieces(text, r.clone(), lex, doubled, cuts).into_iter().map(|p| vec![p]));
            continue;
        }
        current.push(r.clone());
        if current.first().is_some_and(|f| r.end.saturating_sub(f.start) >= cuts.window) {
            windows.push(std::mem::take(&mut current));
        }
    }
    windows.extend((!current.is_empty()).then_some(current));
    windows
}

/// A long paragraph cut into pieces of at most `cuts.window` bytes.
fn pieces(
    text: &str,
    r: Range<usize>,
    lex: &Lexicon,
    doubled: bool,
    cuts: Cuts,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = r.start;
    while r.end - start > cuts.window {
        let at = cut_point(text, start, r.end, lex, doubled, cuts);
        out.push(start..at);
        start = at;
    }
    out.push(start..r.end);
    out
}

/// Where to end a piece of the paragraph from `start` to `end`: the last sentence start in the
/// second half of a window that is outside every quotation, else the last word start outside
/// them, else the window's end.
fn cut_point(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
    doubled: bool,
    cuts: Cuts,
) -> usize {
    let hi = text.floor_char_boundary(start + cuts.window);
    let lo = text.floor_char_boundary(start + cuts.window / 2).max(start + 1);
    let ahead = text.floor_char_boundary((hi + cuts.slack).min(end));
    let quoted = quoted(text, start..ahead, lex, doubled);
    let outside = |at: usize| {
        let i = quoted.partition_point(|q| q.start < at);
        i == 0 || quoted[i - 1].end <= at
    };
    let starts = || (lo..=hi).rev().filter(|&at| text.is_char_boundary(at));
    let sentence = starts().find(|&at| sentence_starts(text, at, lex) && outside(at));
    let word = || starts().find(|&at| word_starts(text, at) && outside(at));
    sentence.or_else(word).unwrap_or(hi)
}

/// The quotations of `range` read as one paragraph, from opening mark to closing mark (to the
/// range's end when open), in order and merged where they overlap.
fn quoted(text: &str, range: Range<usize>, lex: &Lexicon, doubled: bool) -> Vec<Range<usize>> {
    let spans = marks::scan(text, &[range], lex, doubled);
    let mut all: Vec<Range<usize>> =
        spans.iter().flat_map(|s| s.pieces.iter().map(|p| p.outer.clone())).collect();
    all.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// True when a sentence starts at byte `at`: a capital or digit (or an opening quote mark before
/// one) after white space after `.`, `?` or `!` (possibly closed by a quote mark or bracket),
/// the full stop ending no abbreviation or initial.
fn sentence_starts(text: &str, at: usize, lex: &Lexicon) -> bool {
    let mut chars = text[at..].chars();
    let Some(mut c) = chars.next() else { return false };
    // `… on Monday. "We will …`: a sentence may open with its quotation's opening mark.
    if matches!(c, '"' | '\u{201c}' | '\u{ab}' | '\u{2018}') {
        let Some(next) = chars.next() else { return false };
        c = next;
    }
    if !(c.is_uppercase() || c.is_numeric()) {
        return false;
    }
    let before = &text[..at];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return false;
    }
    let stop = trimmed.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    if stop.ends_with(['?', '!']) {
        return true;
    }
    let Some(word) = stop.strip_suffix('.') else { return false };
    let word = word.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    word.chars().count() > 1 && !lex.is_abbreviation(word)
}

/// True when a word starts at byte `at`: white space before it, none at it.
fn word_starts(text: &str, at: usize) -> bool {
    let now = text[at..].chars().next().is_some_and(|c| !c.is_whitespace());
    now && text[..at].chars().next_back().is_some_and(char::is_whitespace)
}

/// `q` with every offset moved `by` bytes on: from a window to the article.
fn shift(mut q: Quote, by: usize) -> Quote {
    let move_on = |r: &mut Range<usize>| *r = r.start + by..r.end + by;
    q.pieces.iter_mut().for_each(move_on);
    q.quoted.iter_mut().for_each(move_on);
    q.mention.iter_mut().for_each(move_on);
    q.cue.iter_mut().for_each(move_on);
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Windows of a few hundred bytes, so that a short text is cut many times.
    const SMALL: Cuts = Cuts { limit: 0, window: 400, slack: 200 };
    /// No cut at all: the article read whole.
    const WHOLE: Cuts = Cuts { limit: usize::MAX, window: usize::MAX, slack: 0 };

    const PEOPLE: [&str; 4] = ["Ana Ruiz", "Tom Berg", "Mei Chen", "Ravi Patel"];

    /// One line of sentences that each name their speaker, with quotations long enough that
    /// a cut at a fixed place would fall inside some of them; the abbreviation `Gov.` before
    /// a capital is no sentence's end.
    fn one_line(blocks: usize) -> String {
        let mut text = String::new();
        for i in 0..blocks {
            let who = PEOPLE[i % PEOPLE.len()];
            text.push_str(&format!(
                "\"We will open bridge number {i} in the spring. It is paid for. Nobody will \
                 wait longer than they must,\" said {who}, the planning chief. Gov. Lee \
                 signed the plan in March. The council met {i} times. "
            ));
        }
        text
    }

    fn read(text: &str, cuts: Cuts, reported: bool) -> Vec<Quote> {
        let whole = 0..text.len();
        quotes(text, std::slice::from_ref(&whole), &Lexicon::builtin(), reported, cuts)
    }

    #[test]
    fn a_line_read_in_windows_gives_what_it_gives_read_whole() {
        let text = one_line(40);
        for reported in [false, true] {
            let whole = read(&text, WHOLE, reported);
            let windowed = read(&text, SMALL, reported);
            assert_eq!(whole.len(), 40, "{whole:#?}");
            assert_eq!(windowed, whole);
        }
        // Offsets are the article's: each quotation slices its own words out of the text.
        let windowed = read(&text, SMALL, false);
        for (i, q) in windowed.iter().enumerate() {
            assert!(q.text(&text).starts_with(&format!("We will open bridge number {i} ")));
            assert_eq!(q.speaker.as_deref(), Some(PEOPLE[i % PEOPLE.len()]));
        }
    }

    /// Sentences that each open with their quotation (`"We will win," said Ann Lee.`): a cut
    /// falls before a quotation's opening mark, never between it and its speaker.
    #[test]
    fn a_cut_before_a_sentences_opening_quotation_keeps_every_speaker() {
        // Past the limit, with the real window sizes, under a title line as a file has it.
        let body = "\"We will win this,\" said John Smith on Monday. ".repeat(25_000);
        let text = format!("Title\n\n{body}");
        let paragraphs = [0..5, 7..text.len()];
        let quotes = quotes(&text, &paragraphs, &Lexicon::builtin(), false, Cuts::REAL);
        assert_eq!(quotes.len(), 25_000);
        assert!(quotes.iter().all(|q| q.speaker.as_deref() == Some("John Smith")), "{quotes:#?}");
    }

    #[test]
    fn a_long_paragraph_is_cut_at_sentence_starts_outside_quotations() {
        let text = one_line(40);
        let lex = Lexicon::builtin();
        let pieces = pieces(&text, 0..text.len(), &lex, false, SMALL);
        assert!(pieces.len() > 10, "{pieces:?}");
        let quoted = quoted(&text, 0..text.len(), &lex, false);
        for pair in pieces.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert_eq!(a.end, b.start);
            assert!(a.len() <= SMALL.window);
            assert!(sentence_starts(&text, b.start, &lex), "{:?}", &text[b.start..]);
            assert!(!text[..b.start].ends_with("Gov. "));
            assert!(quoted.iter().all(|q| !(q.start < b.start && b.start < q.end)));
        }
        assert_eq!(pieces.first().map(|p| p.start), Some(0));
        assert_eq!(pieces.last().map(|p| p.end), Some(text.len()));
    }

    #[test]
    fn paragraphs_fill_windows_and_a_long_one_has_windows_of_its_own() {
        let lex = Lexicon::builtin();
        let long = one_line(10);
        let short = "A short paragraph of prose. ".repeat(5);
        let text = format!("{short}\n\n{short}\n\n{long}\n\n{short}");
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for p in text.split("\n\n") {
            paragraphs.push(at..at + p.len());
            at += p.len() + 2;
        }
        let windows = windows(&text, &paragraphs, &lex, false, SMALL);
        // The two short paragraphs share a window; the long one is cut; the last is alone.
        assert_eq!(windows[0], paragraphs[..2].to_vec());
        assert_eq!(windows.last(), Some(&vec![paragraphs[3].clone()]));
        let middle = &windows[1..windows.len() - 1];
        assert!(middle.len() > 2 && middle.iter().all(|w| w.len() == 1));
        assert_eq!(middle[0][0].start, paragraphs[2].start);
        assert_eq!(middle[middle.len() - 1][0].end, paragraphs[2].end);
    }

    #[test]
    fn text_without_sentences_or_spaces_is_still_cut() {
        let lex = Lexicon::builtin();
        let text = "é".repeat(1000);
        let pieces = pieces(&text, 0..text.len(), &lex, false, SMALL);
        assert!(pieces.len() >= 5);
        assert!(pieces.iter().all(|p| text.get(p.clone()).is_some() && !p.is_empty()));
        let words = "word ".repeat(400);
        let pieces = super::pieces(&words, 0..words.len(), &lex, false, SMALL);
        assert!(pieces.iter().skip(1).all(|p| words[p.clone()].starts_with("word")));
    }
}
