//! The reading pane: the article shown, wrapped to the pane, how far it is scrolled, and the
//! search in it.

use std::ops::Range;

use super::Motion;
use super::search::Search;
use super::viewport::Viewport;
use super::wrap::Wrapped;
use crate::model::Article;

/// State of the reading pane.
#[derive(Clone, Debug, Default)]
pub struct ReaderPane {
    /// Library index of the article shown.
    pub entry: Option<usize>,
    /// The article laid out for the pane width (redone on resize and article change only).
    pub wrapped: Wrapped,
    /// The rows in view.
    pub view: Viewport,
    /// The search in the article.
    pub search: Search,
    /// The user marked the article shown unread: it stays unread, wherever focus goes, until
    /// it is opened again or another article is shown.
    pub kept_unread: bool,
}

impl ReaderPane {
    /// Shows `article` (library index `entry`) from its top, wrapped to `width`.
    pub fn show(&mut self, entry: usize, article: &Article, width: usize) {
        self.entry = Some(entry);
        self.kept_unread = false;
        self.wrapped = Wrapped::new(article, width);
        self.view.offset = 0;
        self.search.run(Some(article));
    }

    /// Shows nothing.
    pub fn clear(&mut self) {
        *self = Self {
            view: Viewport { offset: 0, height: self.view.height },
            search: std::mem::take(&mut self.search),
            ..Self::default()
        };
        self.search.run(None);
    }

    /// Wraps the article again for a new width, keeping the same text at the top.
    pub fn rewrap(&mut self, article: &Article, width: usize) {
        if self.wrapped.width == width.max(1) {
            return;
        }
        let top = self.view_bytes().start;
        let at_title = self.view.offset < self.wrapped.body_start();
        self.wrapped = Wrapped::new(article, width);
        self.view.offset = if at_title { 0 } else { self.wrapped.row_of(top) };
        self.clamp();
    }

    /// The furthest the pane scrolls: the last row at the bottom.
    pub fn max_scroll(&self) -> usize {
        self.view.max_offset(self.wrapped.row_count())
    }

    /// Scrolls by a motion.
    pub fn scroll_by(&mut self, motion: Motion) {
        self.view.scroll_by(motion, self.wrapped.row_count());
    }

    /// Scrolls by `rows` rows.
    pub fn scroll_lines(&mut self, down: bool, rows: usize) {
        self.view.scroll(down, rows, self.wrapped.row_count());
        // A pane grown taller may be past the end: going up brings it back too.
        self.clamp();
    }

    /// Scrolls so that byte `at` is on the row `lead` rows below the top of the pane (or as
    /// near as the text's start and end allow).
    pub fn scroll_to(&mut self, at: usize, lead: usize) {
        self.view.offset = self.wrapped.row_of(at).saturating_sub(lead);
        self.clamp();
    }

    /// Scrolls so that the bytes `range` are in view: unchanged when they already are, else
    /// with their first row a third of the way down, or higher when that leaves their end out
    /// of view.
    pub fn reveal(&mut self, range: Range<usize>) {
        let first = self.wrapped.row_of(range.start);
        let last = self.wrapped.row_of(range.end.saturating_sub(1).max(range.start));
        let height = self.view.page();
        if !self.view.rows().contains(&first) || !self.view.rows().contains(&last) {
            self.view.offset = first.saturating_sub(height / 3);
            if !self.view.rows().contains(&last) {
                self.view.offset = (last + 1).saturating_sub(height).min(first);
            }
        }
        self.clamp();
    }

    /// The bytes of text in view.
    pub fn view_bytes(&self) -> Range<usize> {
        self.wrapped.bytes_of(self.view.rows())
    }

    /// The bytes shown on screen row `row` of the pane (0 = first row in view).
    pub fn row_bytes(&self, row: usize) -> Range<usize> {
        let row = self.view.offset + row;
        self.wrapped.bytes_of(row..row + 1)
    }

    fn clamp(&mut self) {
        self.view.clamp(self.wrapped.row_count());
    }
}
