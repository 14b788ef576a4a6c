//! The article list: which articles pass the filter, which one is selected, and what part of the
//! list is in view.

use memchr::memmem::Finder;
use rayon::prelude::*;

use super::Motion;
use super::library::Entry;

/// State of the article list panel.
#[derive(Clone, Debug, Default)]
pub struct ListPane {
    /// The filter as typed.
    pub filter: String,
    /// Indices of the entries that pass the filter, in library order.
    pub visible: Vec<usize>,
    /// Position of the selected row in `visible`.
    pub selected: usize,
    /// First row in view.
    pub offset: usize,
    /// Rows in view.
    pub height: usize,
}

impl ListPane {
    /// The library index of the selected entry.
    pub fn selected_entry(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    /// Takes in entries appended to the library from index `from` on.
    pub fn add(&mut self, entries: &[Entry], from: usize) {
        let needle = needle(&self.filter);
        let finder = Finder::new(needle.as_bytes());
        let new = (from..entries.len()).filter(|&i| passes(&entries[i], &finder));
        self.visible.extend(new);
    }

    /// Applies a new filter, keeping the selected entry selected when it still passes.
    pub fn set_filter(&mut self, entries: &[Entry], filter: String) {
        let before = self.selected_entry();
        let (old, new) = (needle(&self.filter), needle(&filter));
        let finder = Finder::new(new.as_bytes());
        // A longer filter can only narrow the list: only the rows shown need checking.
        self.visible = if new.contains(old.as_str()) {
            self.visible.par_iter().copied().filter(|&i| passes(&entries[i], &finder)).collect()
        } else {
            (0..entries.len()).into_par_iter().filter(|&i| passes(&entries[i], &finder)).collect()
        };
        self.filter = filter;
        let at = before.and_then(|b| self.visible.binary_search(&b).ok());
        self.offset = 0;
        self.select(at.unwrap_or(0));
    }

    /// Selects row `row` (clamped) and scrolls it into view.
    pub fn select(&mut self, row: usize) {
        self.selected = row.min(self.visible.len().saturating_sub(1));
        let height = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }

    /// Moves the selection.
    pub fn move_by(&mut self, motion: Motion) {
        let last = self.visible.len().saturating_sub(1);
        self.select(motion.apply(self.selected, last, self.height));
    }

    /// Scrolls the view by `rows`, keeping the selection in it.
    pub fn scroll(&mut self, down: bool, rows: usize) {
        let max = self.visible.len().saturating_sub(self.height.max(1));
        self.offset =
            if down { (self.offset + rows).min(max) } else { self.offset.saturating_sub(rows) };
        let last_in_view = self.offset + self.height.max(1) - 1;
        self.select(self.selected.clamp(self.offset, last_in_view));
    }
}

/// The filter as searched for: lower case, white space collapsed (as in the haystacks).
fn needle(filter: &str) -> String {
    filter.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn passes(entry: &Entry, finder: &Finder<'_>) -> bool {
    finder.needle().is_empty() || finder.find(entry.haystack.as_bytes()).is_some()
}
