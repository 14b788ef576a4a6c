//! Who said what across the loaded articles: the speakers index, fed as batches arrive; the
//! speakers view's selection; and what the quotes panel and the pane show of the links between
//! articles (how many other articles carry a quote, which words of it differ).

use std::collections::HashMap;
use std::ops::Range;

use super::Motion;
use super::library::Entry;
use super::viewport::Viewport;
use crate::model::ArticleId;
use crate::speakers::{Change, Index, QuoteRef, Roster, Speaker, word_diff};

/// The cross-article state.
#[derive(Clone, Debug, Default)]
pub struct Speakers {
    /// Every loaded article's quotes, by speaker and by statement.
    pub index: Index,
    /// The library entry of each article.
    pub entry_of: HashMap<ArticleId, usize>,
    /// The speakers, as settled when the view last opened.
    pub roster: Roster,
    /// For each quote of the article shown, how many other articles carry it.
    pub also_in: Vec<usize>,
    /// Byte ranges, in the article shown, of the words its selected quote words differently
    /// from another article's version: the one `a` came from, else the first that differs.
    pub changed: Vec<Range<usize>>,
    /// The quote (library entry, quote) that `changed` is about.
    pub compared: Option<(usize, usize)>,
    /// The serial of the status message that told how that quote is worded elsewhere: it
    /// goes when another quote is selected.
    pub told: Option<u64>,
}

impl Speakers {
    /// Takes in entries appended to the library from index `from` on.
    pub fn add(&mut self, entries: &mut [Entry], from: usize) {
        for (i, entry) in entries.iter_mut().enumerate().skip(from) {
            self.entry_of.entry(entry.article.id).or_insert(i);
            match entry.digest.take() {
                Some(digest) => self.index.insert(digest),
                None => self.index.add(&entry.article, &entry.quotes),
            }
        }
    }

    /// Counts, for each quote of `entry`, the other articles that carry it.
    pub fn count_links(&mut self, entry: Option<&Entry>) {
        self.also_in = entry.map_or_else(Vec::new, |e| {
            let mut counts = self.index.also_in_each(e.article.id);
            // An article missing from the index (or with fewer quotes there) is carried nowhere else.
            counts.resize(e.quotes.len(), 0);
            counts
        });
    }

    /// Marks the words of quote `to` that quote `from` words differently.
    pub fn mark_changes(&mut self, from: (&Entry, usize), to: (&Entry, usize)) {
        self.changed = changes(from, to);
    }

    /// Forgets the words marked (the article or quote shown changed).
    pub fn forget_changes(&mut self) {
        self.changed.clear();
        self.compared = None;
    }

    /// Marks the words of quote `quote` of library entry `entry` that the first other
    /// article's version (of the first few) words differently; returns that article's entry,
    /// if any differs.
    pub fn compare_elsewhere(
        &mut self,
        entries: &[Entry],
        entry: usize,
        quote: usize,
    ) -> Option<usize> {
        self.forget_changes();
        self.compared = Some((entry, quote));
        let shown = entries.get(entry)?;
        let here = QuoteRef { article: shown.article.id, quote };
        // A few versions at most: a statement in thousands of articles must not cost a
        // keystroke thousands of comparisons.
        self.index.elsewhere(here).into_iter().take(COMPARED_VERSIONS).find_map(|other| {
            let at = *self.entry_of.get(&other.article)?;
            let marks = changes((entries.get(at)?, other.quote), (shown, quote));
            (!marks.is_empty()).then(|| {
                self.changed = marks;
                at
            })
        })
    }
}

/// How many other articles' versions of a selected quote are compared with it.
const COMPARED_VERSIONS: usize = 16;

/// The byte ranges of the words of quote `to` that quote `from` words differently.
fn changes(from: (&Entry, usize), to: (&Entry, usize)) -> Vec<Range<usize>> {
    let (Some((a, _)), Some((b, at))) = (quoted(from), quoted(to)) else { return Vec::new() };
    let (_, marks) = word_diff(a, b);
    marks
        .into_iter()
        .filter(|m| m.change == Change::Changed)
        .map(|m| m.range.start + at..m.range.end + at)
        .collect()
}

/// The text from the first to the last quoted word of quote `q` of `e`, and where it starts.
fn quoted((e, q): (&Entry, usize)) -> Option<(&str, usize)> {
    let span = e.quotes.get(q)?.span();
    Some((e.article.text.get(span.clone())?, span.start))
}

/// Which list the speakers view shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Level {
    /// Every speaker with their counts.
    #[default]
    Speakers,
    /// The chosen speaker's quotes across the articles.
    Quotes,
}

/// The speakers view's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeakersView {
    /// Which list is shown.
    pub level: Level,
    /// The selected speaker (its place in the roster).
    pub speaker: usize,
    /// The selected quote of that speaker.
    pub quote: usize,
    /// What is in view of the list shown: its first entry (a speaker or a quote), and the
    /// rows of the screen it has.
    pub view: Viewport,
}

/// Rows a quote takes in the view: its article, then its words.
pub const QUOTE_ROWS: usize = 2;

impl SpeakersView {
    /// The selected speaker in `roster`.
    pub fn selected<'r>(&self, roster: &'r Roster) -> Option<&'r Speaker> {
        roster.speakers().get(self.speaker)
    }

    /// Moves the selection in the list shown.
    pub fn move_by(&mut self, motion: Motion, roster: &Roster) {
        let mut entries = self.entries();
        let (selected, count) = match self.level {
            Level::Speakers => (&mut self.speaker, roster.speakers().len()),
            Level::Quotes => {
                let count = roster.speakers().get(self.speaker).map_or(0, |s| s.quotes.len());
                (&mut self.quote, count)
            }
        };
        *selected = motion.apply(*selected, count.saturating_sub(1), entries.page());
        entries.show(*selected..*selected + 1);
        self.view.offset = entries.offset;
    }

    /// The view counted in entries of the list shown: a speaker takes a row, a quote
    /// [`QUOTE_ROWS`].
    fn entries(&self) -> Viewport {
        match self.level {
            Level::Speakers => self.view,
            Level::Quotes => Viewport { height: self.view.page() / QUOTE_ROWS, ..self.view },
        }
    }

    /// Selects the speaker or quote drawn on row `line` of the view (0: its first row), if any;
    /// true when that one was selected already.
    pub fn select_row(&mut self, line: usize, roster: &Roster) -> bool {
        let (selected, count, index) = match self.level {
            Level::Speakers => {
                (&mut self.speaker, roster.speakers().len(), self.view.offset + line)
            }
            Level::Quotes => {
                let count = roster.speakers().get(self.speaker).map_or(0, |s| s.quotes.len());
                (&mut self.quote, count, self.view.offset + line / QUOTE_ROWS)
            }
        };
        if line >= self.view.height || index >= count {
            return false;
        }
        let again = *selected == index;
        *selected = index;
        again
    }

    /// Shows the selected speaker's quotes.
    pub fn open_speaker(&mut self) {
        self.level = Level::Quotes;
        self.quote = 0;
        self.view.offset = 0;
    }

    /// Back to the list of speakers, where it was.
    pub fn back(&mut self) {
        self.level = Level::Speakers;
        self.view.offset = 0;
        self.view.show(self.speaker..self.speaker + 1);
    }
}
