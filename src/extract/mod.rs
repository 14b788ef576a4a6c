//! Quote extraction and speaker attribution: article in, quotes out. Pure: no I/O.
//!
//! (Placeholder: finds double-quoted spans inside paragraphs, with no speaker. The real
//! extractor replaces the internals and keeps this interface.)

use std::ops::Range;

use serde::Serialize;

use crate::model::Article;

/// Direct speech, or a quoted fragment inside reported speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A statement in quote marks: `"I don't bite," Zelenskyy said.`
    Direct,
    /// A quoted fragment in reported speech: `would discuss "specific" issues`.
    Partial,
}

/// One quotation in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Byte ranges of the quoted words (marks excluded) in `Article::text`: one per paragraph
    /// the quotation runs over, in order.
    pub pieces: Vec<Range<usize>>,
    /// Direct or partial.
    pub kind: QuoteKind,
    /// The speaker's fullest name in the article, or `None` when nobody can be named.
    pub speaker: Option<String>,
    /// The words in the text that name the speaker (`he`, `the Kremlin spokesman`).
    pub mention: Option<Range<usize>>,
    /// The speech verb or phrase (`said`, `according to`).
    pub cue: Option<Range<usize>>,
}

impl Quote {
    /// From the first quoted word to the last.
    pub fn span(&self) -> Range<usize> {
        let start = self.pieces.first().map_or(0, |r| r.start);
        let end = self.pieces.last().map_or(0, |r| r.end);
        start..end
    }

    /// The quoted words, paragraphs joined by one space.
    pub fn text(&self, article_text: &str) -> String {
        let pieces = self.pieces.iter().filter_map(|r| article_text.get(r.clone()));
        pieces
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Finds quotes. Holds the word lists; build once, share across threads.
#[derive(Clone, Debug, Default)]
pub struct Extractor {}

impl Extractor {
    /// The extractor with the built-in word lists.
    pub fn builtin() -> Self {
        Self {}
    }

    /// Every quote of `article`, in reading order.
    pub fn extract(&self, article: &Article) -> Vec<Quote> {
        let mut quotes = Vec::new();
        for r in &article.paragraphs {
            let p = &article.text[r.clone()];
            let mut open: Option<usize> = None;
            for (i, c) in p.char_indices() {
                match (c, open) {
                    ('“' | '"', None) => open = Some(i + c.len_utf8()),
                    ('”' | '"', Some(s)) => {
                        quotes.push(Quote {
                            pieces: std::iter::once(r.start + s..r.start + i).collect(),
                            kind: QuoteKind::Direct,
                            speaker: None,
                            mention: None,
                            cue: None,
                        });
                        open = None;
                    }
                    _ => {}
                }
            }
        }
        quotes
    }
}
