//! The quotes panel: which quotes of the article pass the speaker filter and the partials and
//! reported-speech toggles, each wrapped to the panel, which one is selected, and what part is in view.

use super::Motion;
use super::viewport::Viewport;
use crate::extract::{Quote, QuoteKind};

/// Whose quotes are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SpeakerFilter {
    /// Everybody's.
    #[default]
    All,
    /// One named speaker's.
    Named(String),
    /// Those whose speaker could not be named.
    Unnamed,
}

impl SpeakerFilter {
    fn of(quote: &Quote) -> Self {
        quote.speaker.clone().map_or(Self::Unnamed, Self::Named)
    }
}

/// One row of the quotes panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuotesPaneRow {
    /// The speaker line of item `item`.
    Speaker(usize),
    /// A row of item `item`'s quoted words.
    Text(usize, String),
    /// Under item `item`'s words: how many other articles carry it.
    Elsewhere(usize),
    /// Space between two items.
    Gap,
}

/// State of the quotes panel.
#[derive(Clone, Debug, Default)]
pub struct QuotesPane {
    /// Whose quotes are shown.
    pub speaker: SpeakerFilter,
    /// Partial quotes hidden.
    pub hide_partials: bool,
    /// Reported (indirect) speech hidden.
    pub hide_reported: bool,
    /// Indices into the article's quotes of those shown, in reading order.
    pub visible: Vec<usize>,
    /// Position of the selected quote in `visible`.
    pub selected: Option<usize>,
    /// The shown quotes laid out in rows for the panel width.
    pub rows: Vec<QuotesPaneRow>,
    /// First row of each shown quote.
    pub tops: Vec<usize>,
    /// The rows in view.
    pub view: Viewport,
    /// Width the rows were wrapped to.
    pub width: usize,
}

impl QuotesPane {
    /// The article index of the selected quote.
    pub fn selected_quote(&self) -> Option<usize> {
        self.selected.and_then(|s| self.visible.get(s)).copied()
    }

    /// Lays out `quotes` of an article with text `text` anew (new article, filter, width or
    /// links), keeping the selected quote when it is still shown, else selecting the first.
    /// `also_in[q]` is the number of other articles that carry quote `q`.
    pub fn rebuild(&mut self, quotes: &[Quote], text: &str, width: usize, also_in: &[usize]) {
        let before = self.selected_quote();
        self.width = width.max(1);
        self.visible = (0..quotes.len()).filter(|&i| self.shows(&quotes[i])).collect();
        self.rows.clear();
        self.tops.clear();
        for (item, &q) in self.visible.iter().enumerate() {
            if item > 0 {
                self.rows.push(QuotesPaneRow::Gap);
            }
            self.tops.push(self.rows.len());
            self.rows.push(QuotesPaneRow::Speaker(item));
            let words = shown_words(&quotes[q], text);
            for line in textwrap::wrap(&words, super::wrap::options(self.width)) {
                self.rows.push(QuotesPaneRow::Text(item, line.into_owned()));
            }
            if also_in.get(q).is_some_and(|&n| n > 0) {
                self.rows.push(QuotesPaneRow::Elsewhere(item));
            }
        }
        let kept = before.and_then(|b| self.visible.iter().position(|&q| q == b));
        self.view.offset = 0;
        self.select(kept.or((!self.visible.is_empty()).then_some(0)));
    }

    /// True when the speaker filter and the partials and reported-speech toggles let `quote`
    /// through.
    pub fn shows(&self, quote: &Quote) -> bool {
        let speaker_ok =
            self.speaker == SpeakerFilter::All || self.speaker == SpeakerFilter::of(quote);
        speaker_ok && self.kind_shown(quote.kind)
    }

    /// True when the speaker filter or a toggle hides some quotes.
    pub fn filtered(&self) -> bool {
        self.speaker != SpeakerFilter::All || self.hide_partials || self.hide_reported
    }

    /// True when the toggles let quotes of `kind` through, whoever the speaker.
    fn kind_shown(&self, kind: QuoteKind) -> bool {
        match kind {
            QuoteKind::Partial => !self.hide_partials,
            QuoteKind::Indirect => !self.hide_reported,
            QuoteKind::Direct => true,
        }
    }

    /// Forgets the previous article's quotes before a new article is laid out.
    pub fn forget_selection(&mut self) {
        self.selected = None;
    }

    /// Selects a shown quote (clamped) and scrolls it into view.
    pub fn select(&mut self, item: Option<usize>) {
        self.selected = item.map(|i| i.min(self.visible.len().saturating_sub(1)));
        let Some(i) = self.selected.filter(|_| !self.visible.is_empty()) else {
            self.selected = None;
            return;
        };
        let top = self.tops[i];
        // The gap before the next quote is not the quote's.
        let bottom = self.tops.get(i + 1).map_or(self.rows.len(), |next| next - 1);
        self.view.show(top..bottom);
    }

    /// Moves the selection: by quotes for lines, by rows for pages.
    pub fn move_by(&mut self, motion: Motion) {
        let Some(current) = self.selected else {
            self.select(Some(0));
            return;
        };
        let last = self.visible.len().saturating_sub(1);
        let target = match motion {
            Motion::Lines(_) | Motion::Top | Motion::Bottom => motion.apply(current, last, 1),
            Motion::Pages(_) | Motion::HalfPages(_) => {
                let row = motion.apply(self.tops[current], self.rows.len(), self.view.height);
                self.item_at(row).unwrap_or(last)
            }
        };
        self.select(Some(target));
    }

    /// The shown quote on row `row`, or the one before a gap.
    pub fn item_at(&self, row: usize) -> Option<usize> {
        let after = self.tops.partition_point(|&t| t <= row);
        after.checked_sub(1)
    }

    /// Scrolls the view by `rows`, leaving the selection where it is.
    pub fn scroll(&mut self, down: bool, rows: usize) {
        self.view.scroll(down, rows, self.rows.len());
    }

    /// The speaker filter after the current one: every speaker of `quotes` in order of
    /// appearance (those with a quote the toggles let through), then everybody again.
    pub fn next_speaker(&self, quotes: &[Quote]) -> SpeakerFilter {
        let mut speakers: Vec<SpeakerFilter> = Vec::new();
        for q in quotes.iter().filter(|q| self.kind_shown(q.kind)) {
            let s = SpeakerFilter::of(q);
            if !speakers.contains(&s) {
                speakers.push(s);
            }
        }
        let at = speakers.iter().position(|s| *s == self.speaker);
        match at {
            Some(i) => speakers.get(i + 1).cloned().unwrap_or_default(),
            None if self.speaker == SpeakerFilter::All => {
                speakers.first().cloned().unwrap_or_default()
            }
            None => SpeakerFilter::All,
        }
    }
}

/// True when `quote` is reported speech, never to be dressed as a quotation: indirect speech,
/// or a partial quotation grown to the clause around its quoted words.
pub fn is_reported(quote: &Quote) -> bool {
    kind_mark(quote).is_some()
}

/// How reported speech is marked where it leaves the reader (copied, exported): `partial` for a
/// partial quotation grown to its clause, `reported` for indirect speech; `None` for words
/// shown as a quotation.
pub fn kind_mark(quote: &Quote) -> Option<&'static str> {
    match quote.kind {
        QuoteKind::Indirect => Some(super::strings::REPORTED),
        QuoteKind::Partial if quote.quoted != quote.pieces => Some(super::strings::PARTIAL),
        QuoteKind::Partial | QuoteKind::Direct => None,
    }
}

/// The words of `quote` as the reader shows them: a quotation in quote marks; reported speech
/// bare, the article's own quote marks still around the words quoted inside it.
pub fn shown_words(quote: &Quote, text: &str) -> String {
    if is_reported(quote) { quote.text(text) } else { format!("“{}”", quote.text(text)) }
}
