//! Quote extraction and speaker attribution: article in, quotes out. Pure: no I/O.
//!
//! The stages, each in its own module: `marks` pairs quote marks into quoted spans; `tokens`
//! reads each paragraph into words and sentences with every quoted piece as one token; `names`
//! finds the people and organisations the article names; `attribution` finds each quotation's
//! speech cue and speaker mention in its sentence, and the clause each cue reports; `resolve`
//! resolves the mention to the fullest name. `article` runs them over one article, and `window`
//! over a huge one a window at a time. The word lists are data ([`lexicon`]).

mod article;
mod attribution;
pub mod lexicon;
mod marks;
mod names;
mod resolve;
mod tokens;
mod window;

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use lexicon::{Lexicon, LexiconError, LexiconFile};
pub use resolve::SpeakerKind;

use crate::clean::title_from_lede;
use crate::model::{Article, collapse_whitespace};
use window::Cuts;

/// Direct speech, reported speech with quoted words in it, or reported speech alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A statement in quote marks: `"I don't bite," Zelenskyy said.`
    Direct,
    /// Quoted words inside reported speech: `would discuss "specific" issues`. From
    /// [`Extractor::extract`], the quoted words alone; from [`Extractor::attributions`], the
    /// whole reported clause.
    Partial,
    /// Reported speech with no quote marks: `Putin said he was ready to meet`. Only from
    /// [`Extractor::attributions`]; never shown as a quotation.
    Indirect,
}

impl QuoteKind {
    /// The kind's name in rows and filters (its serde name).
    pub fn name(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Partial => "partial",
            Self::Indirect => "indirect",
        }
    }
}

/// One attribution in an article: a quotation, or a reported statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Byte ranges of what was said in `Article::text`: for a quotation, the quoted words
    /// (marks excluded), one per paragraph the quotation runs over, in order; for reported
    /// speech, the reported clause.
    pub pieces: Vec<Range<usize>>,
    /// Byte ranges of the quoted words inside `pieces` (marks excluded): the same as `pieces`
    /// for a quotation, the quoted fragments of a reported clause, none for indirect speech.
    pub quoted: Vec<Range<usize>>,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The speaker's fullest name in the article, or `None` when nobody can be named.
    pub speaker: Option<String>,
    /// Whether the speaker is a person or an organisation (`None` with no speaker).
    pub speaker_kind: Option<SpeakerKind>,
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

    /// The byte ranges a check against the record compares: the quoted words (for a partial
    /// quotation, only its quoted fragments), none for reported speech, which has no words of
    /// the speaker's to check.
    pub fn checked_pieces(&self) -> &[Range<usize>] {
        match self.kind {
            QuoteKind::Indirect => &[],
            _ if self.quoted.is_empty() => &self.pieces,
            _ => &self.quoted,
        }
    }

    /// The quoted words, paragraphs joined by one space.
    pub fn text(&self, article_text: &str) -> String {
        let mut pieces = self.pieces.iter().filter_map(|r| article_text.get(r.clone()));
        // Most quotes are one piece: its words need no list to be joined from.
        if self.pieces.len() == 1 {
            return pieces.next().map(|p| collapse_whitespace(p).into_owned()).unwrap_or_default();
        }
        // Most pieces are already single-spaced: collapsing borrows them.
        pieces.map(collapse_whitespace).collect::<Vec<_>>().join(" ")
    }
}

/// Finds quotes. Holds the word lists; build once, share across threads.
#[derive(Clone, Debug)]
pub struct Extractor {
    lex: Arc<Lexicon>,
}

impl Extractor {
    /// The extractor with the built-in word lists.
    pub fn builtin() -> Self {
        Self::from_lexicon(Lexicon::builtin())
    }

    /// An extractor with these word lists (the built-in ones merged with a user's file: see
    /// [`Lexicon::compile`]).
    pub fn from_lexicon(lex: Lexicon) -> Self {
        Self { lex: Arc::new(lex) }
    }

    /// Every quotation of `article` (direct and partial, the quoted words only), in reading
    /// order.
    pub fn extract(&self, article: &Article) -> Vec<Quote> {
        window::quotes(&article.text, &article.paragraphs, &self.lex, false, Cuts::REAL)
    }

    /// Every attribution of `article`, quoted or not, in reading order: direct quotations as
    /// [`Self::extract`] gives them, partial quotations grown to their reported clause, and
    /// indirect speech.
    pub fn attributions(&self, article: &Article) -> Vec<Quote> {
        window::quotes(&article.text, &article.paragraphs, &self.lex, true, Cuts::REAL)
    }

    /// [`Self::attributions`], with those of the headline too when the title is the text's
    /// own first line (`Putin says he is open to talks`; see [`headline`]). A title given
    /// apart from the text (a page's, a feed item's, a record's) is read the same way, for the names it gives
    /// the text's quotations (`Dmitry Peskov Says…` above `Peskov told reporters`); its own
    /// attributions, which have no place in the text, are left out.
    pub fn attributions_with_headline(&self, article: &Article) -> Vec<Quote> {
        if let Some(headline) = headline(article) {
            let mut paragraphs = Vec::with_capacity(article.paragraphs.len() + 1);
            paragraphs.push(headline);
            paragraphs.extend(article.paragraphs.iter().cloned());
            return window::quotes(&article.text, &paragraphs, &self.lex, true, Cuts::REAL);
        }
        match title_apart(article) {
            Some(title) => self.attributions_under(title, article),
            None => self.attributions(article),
        }
    }

    /// The attributions of `article` read as a file holding `title` on its first line, then
    /// a blank line, then the text: so that the same article gives the same speakers whichever
    /// way its title came.
    fn attributions_under(&self, title: &str, article: &Article) -> Vec<Quote> {
        let shift = title.len() + 2;
        let text = format!("{title}\n\n{}", article.text);
        let mut paragraphs = Vec::with_capacity(article.paragraphs.len() + 1);
        paragraphs.push(0..title.len());
        paragraphs.extend(article.paragraphs.iter().map(|r| r.start + shift..r.end + shift));
        let quotes = window::quotes(&text, &paragraphs, &self.lex, true, Cuts::REAL);
        quotes.into_iter().filter_map(|q| within_text(q, shift)).collect()
    }
}

/// `q`, found in a text with `shift` bytes put before the article's, with its ranges in the
/// article's text; `None` when any of them lies in what was put before.
fn within_text(mut q: Quote, shift: usize) -> Option<Quote> {
    let ranges = q.pieces.iter_mut().chain(&mut q.quoted).chain(&mut q.mention).chain(&mut q.cue);
    for r in ranges {
        *r = r.start.checked_sub(shift)?..r.end.checked_sub(shift)?;
    }
    Some(q)
}

/// The title of an article whose text has no headline line (see [`headline`]), when it was
/// given apart from the text (a page's or a feed item's title, a record's `title` field) and
/// is not in it: neither the text's first paragraph, nor made from that paragraph's first
/// sentence (the title of a text that opens with no headline).
fn title_apart(article: &Article) -> Option<&str> {
    let title = article.title.as_str();
    if title.is_empty() {
        return None;
    }
    let first = article.paragraph(0);
    (first != title && title_from_lede(&first) != title).then_some(title)
}

/// Where the title stands in the text: the text before the first paragraph, when it is the
/// title (cleaning took the first line for the headline).
pub fn headline(article: &Article) -> Option<Range<usize>> {
    let first = article.paragraphs.first()?.start;
    let before = article.text.get(..first)?;
    let start = before.len() - before.trim_start().len();
    let end = before.trim_end().len();
    let line = before.get(start..end).filter(|l| !l.is_empty())?;
    (collapse_whitespace(line) == article.title.as_str()).then_some(start..end)
}
