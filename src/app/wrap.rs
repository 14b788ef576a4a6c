//! The reading pane's text, wrapped to the pane width with textwrap, keeping for every word its
//! byte range in `Article::text`: so a screen row maps to text offsets and back, and quotes and
//! search matches (byte ranges) can be drawn where they are.

use std::ops::Range;

use textwrap::core::Fragment;
use unicode_width::UnicodeWidthStr;

use crate::model::Article;

/// An article laid out in rows: the title's rows, one blank row, then the body's rows (a blank
/// row between paragraphs). A title that is the text's own first line (the headline) is laid
/// out as the body is, as the first of its rows: its quotes and search matches show there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wrapped {
    /// The width it was wrapped to.
    pub width: usize,
    /// The title, wrapped, when it is not the headline (shown as the body's first rows).
    pub title: Vec<String>,
    /// How many of the first body rows are the headline's.
    pub headline: usize,
    /// The body rows.
    pub lines: Vec<TextLine>,
    /// Every word of the body, as byte ranges into the article text.
    pub words: Vec<Range<usize>>,
}

/// One body row: a run of words, shown one space apart. A blank row has no words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextLine {
    /// Indices into [`Wrapped::words`].
    pub words: Range<usize>,
    /// Byte offset where the row's text ends (for a blank row: where the paragraph before ends),
    /// so rows are ordered by it.
    pub end: usize,
}

/// What one screen row of the pane shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row<'a> {
    /// A row of the title.
    Title(&'a str),
    /// A row of the headline: the title, with its words' places in the text.
    Heading(&'a TextLine),
    /// Nothing.
    Blank,
    /// Words of the body.
    Text(&'a TextLine),
}

/// A word, or a piece of a word too wide for a row, as textwrap sees it.
#[derive(Debug)]
struct Piece(usize);

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.0 as f64
    }
    fn whitespace_width(&self) -> f64 {
        1.0
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// True when the title is the text's first sentence (or its start, clipped): shown once, in the
/// text, rather than twice.
fn title_opens_text(article: &Article) -> bool {
    let title = article.title.trim_end_matches(['…', '.']).trim_end();
    let Some(first) = article.paragraph_texts().next() else { return false };
    let first = crate::model::collapse_whitespace(&first).into_owned();
    let title = crate::model::collapse_whitespace(title);
    !title.is_empty() && first.starts_with(title.as_ref())
}

/// How article text is wrapped everywhere: at spaces only, never inside a hyphenated word, which
/// would be ambiguous in a quotation (`re-` / `posture`); a word wider than the line is broken.
pub fn options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width.max(1)).word_splitter(textwrap::WordSplitter::NoHyphenation)
}

impl Wrapped {
    /// Lays `article` out for a pane `width` columns wide.
    pub fn new(article: &Article, width: usize) -> Self {
        let width = width.max(1);
        let headline = crate::extract::headline(article);
        let title = textwrap::wrap(&article.title, options(width)).into_iter();
        let title = if headline.is_some() || title_opens_text(article) {
            Vec::new()
        } else {
            title.map(|l| l.into_owned()).collect()
        };
        let mut out = Self { width, title, ..Self::default() };
        if let Some(headline) = headline {
            out.wrap_paragraph(&article.text, headline);
            out.headline = out.lines.len();
        }
        for (i, paragraph) in article.paragraphs.iter().enumerate() {
            if i > 0 || out.headline > 0 {
                let n = out.words.len();
                out.lines.push(TextLine { words: n..n, end: paragraph.start });
            }
            out.wrap_paragraph(&article.text, paragraph.clone());
        }
        out
    }

    fn wrap_paragraph(&mut self, text: &str, paragraph: Range<usize>) {
        let first = self.words.len();
        for word in words(text, paragraph) {
            split_to_width(text, word, self.width, &mut self.words);
        }
        let pieces: Vec<Piece> = self.words[first..]
            .iter()
            .map(|r| Piece(text.get(r.clone()).map_or(0, UnicodeWidthStr::width)))
            .collect();
        let mut start = first;
        for line in textwrap::wrap_algorithms::wrap_first_fit(&pieces, &[self.width as f64]) {
            let end = start + line.len();
            let end_byte = self.words.get(end.wrapping_sub(1)).map_or(0, |r| r.end);
            self.lines.push(TextLine { words: start..end, end: end_byte });
            start = end;
        }
    }

    /// The row of the body's first row: after the title and a blank row, or the headline's.
    pub fn body_start(&self) -> usize {
        if self.headline > 0 { 0 } else { self.title.len() + 1 }
    }

    /// How many rows the whole article takes.
    pub fn row_count(&self) -> usize {
        self.body_start() + self.lines.len()
    }

    /// What row `row` shows.
    pub fn row(&self, row: usize) -> Option<Row<'_>> {
        let body = self.body_start();
        match row {
            r if r < self.title.len() => Some(Row::Title(&self.title[r])),
            r if r < body => Some(Row::Blank),
            r => self.lines.get(r - body).map(|l| match l {
                l if l.words.is_empty() => Row::Blank,
                l if r - body < self.headline => Row::Heading(l),
                l => Row::Text(l),
            }),
        }
    }

    /// The row showing byte `offset` of the text (or the first row after it).
    pub fn row_of(&self, offset: usize) -> usize {
        let i = self.lines.partition_point(|l| l.end <= offset);
        self.body_start() + i.min(self.lines.len().saturating_sub(1))
    }

    /// The byte range of the text shown on rows `rows` (empty when they show none).
    pub fn bytes_of(&self, rows: Range<usize>) -> Range<usize> {
        let body = self.body_start();
        let lines = rows.start.saturating_sub(body).min(self.lines.len())
            ..rows.end.saturating_sub(body).min(self.lines.len());
        let shown = &self.lines[lines];
        let first = shown.iter().find(|l| !l.words.is_empty());
        let last = shown.iter().rev().find(|l| !l.words.is_empty());
        match (first, last) {
            (Some(f), Some(l)) => self.words[f.words.start].start..self.words[l.words.end - 1].end,
            _ => 0..0,
        }
    }
}

/// The words of `text[paragraph]` as byte ranges into `text`.
fn words(text: &str, paragraph: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = paragraph.start;
    let slice = text.get(paragraph).unwrap_or("");
    let mut start: Option<usize> = None;
    slice.char_indices().chain(std::iter::once((slice.len(), ' '))).filter_map(
        move |(i, c)| match (c.is_whitespace(), start) {
            (false, None) => {
                start = Some(i);
                None
            }
            (true, Some(s)) => {
                start = None;
                Some(base + s..base + i)
            }
            _ => None,
        },
    )
}

/// Pushes `word`, cut into pieces no wider than `width` when it is wider (long links).
fn split_to_width(text: &str, word: Range<usize>, width: usize, out: &mut Vec<Range<usize>>) {
    let s = text.get(word.clone()).unwrap_or("");
    if s.width() <= width {
        out.push(word);
        return;
    }
    let mut start = 0;
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && i > start {
            out.push(word.start + start..word.start + i);
            start = i;
            used = 0;
        }
        used += w;
    }
    out.push(word.start + start..word.end);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, Meta};

    fn article(text: &str) -> Article {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for p in text.split("\n\n") {
            paragraphs.push(at..at + p.len());
            at += p.len() + 2;
        }
        Article {
            id: ArticleId::of(text),
            path: "t".into(),
            title: "A title".into(),
            text: text.into(),
            paragraphs,
            meta: Meta::default(),
            offsets: Default::default(),
        }
    }

    fn shown(w: &Wrapped, text: &str) -> Vec<String> {
        (0..w.row_count())
            .map(|r| match w.row(r) {
                Some(Row::Title(t)) => t.to_string(),
                Some(Row::Text(l) | Row::Heading(l)) => w.words[l.words.clone()]
                    .iter()
                    .map(|r| &text[r.clone()])
                    .collect::<Vec<_>>()
                    .join(" "),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn wraps_paragraphs_with_hard_wraps_collapsed() {
        let text = "one two\n  three four five\n\nsix seven";
        let w = Wrapped::new(&article(text), 9);
        assert_eq!(
            shown(&w, text),
            ["A title", "", "one two", "three", "four five", "", "six seven"]
        );
    }

    #[test]
    fn maps_offsets_to_rows_and_back() {
        let text = "one two three four\n\nfive six";
        let w = Wrapped::new(&article(text), 9);
        let four = text.find("four").unwrap_or(0);
        let five = text.find("five").unwrap_or(0);
        // Rows: title, blank, "one two", "three", "four", blank, "five six".
        assert_eq!(w.row_of(four), 4);
        assert_eq!(w.row_of(five), 6);
        assert_eq!(&text[w.bytes_of(4..5)], "four");
        assert_eq!(&text[w.bytes_of(3..7)], &text[8..]);
        assert_eq!(w.bytes_of(0..2), 0..0);
    }

    #[test]
    fn a_headline_in_the_text_is_laid_out_from_it() {
        let text = "A title\n\none two three";
        let mut a = article(text);
        a.paragraphs.remove(0);
        let w = Wrapped::new(&a, 9);
        assert_eq!(shown(&w, text), ["A title", "", "one two", "three"]);
        assert!(w.title.is_empty());
        assert!(matches!(w.row(0), Some(Row::Heading(_))));
        assert!(matches!(w.row(2), Some(Row::Text(_))));
        // Its words have their places in the text, as the body's do.
        assert_eq!(w.row_of(text.find("title").unwrap_or(0)), 0);
        assert_eq!(&text[w.bytes_of(0..1)], "A title");
    }

    #[test]
    fn long_words_are_cut_to_the_width() {
        let text = "abcdefghij";
        let w = Wrapped::new(&article(text), 4);
        let rows = shown(&w, text);
        assert_eq!(rows[w.title.len() + 1..], ["abcd", "efgh", "ij"]);
    }
}
