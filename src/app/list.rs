//! The article list: which articles pass the filter, which one is selected, and what part of the
//! list is in view.

use rayon::prelude::*;

use super::Motion;
use super::filter::Needle;
use super::library::Entry;

/// State of the article list panel.
#[derive(Clone, Debug, Default)]
pub struct ListPane {
    /// The filter as typed.
    pub filter: String,
    /// Indices of the entries that pass the filter, in library order.
    pub visible: Vec<usize>,
    /// For each entry in `visible`, where the filter first matches in its haystack: a longer
    /// filter typed on from there is looked for from there on.
    hits: Vec<usize>,
    /// Position of the selected row in `visible`.
    pub selected: usize,
    /// First row in view.
    pub offset: usize,
    /// Rows in view.
    pub height: usize,
    /// Only unread articles are listed (those read while listed stay until the list is redone).
    pub unread_only: bool,
}

impl ListPane {
    /// The library index of the selected entry.
    pub fn selected_entry(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    /// Takes in entries appended to the library from index `from` on.
    pub fn add(&mut self, entries: &[Entry], from: usize) {
        let needle = Needle::new(&self.filter);
        for (i, entry) in entries.iter().enumerate().skip(from) {
            if self.unread_only && entry.read {
                continue;
            }
            if let Some(at) = needle.find(&entry.haystack, 0) {
                self.visible.push(i);
                self.hits.push(at);
            }
        }
    }

    /// Applies a new filter, keeping the selected entry selected when it still passes.
    pub fn set_filter(&mut self, entries: &[Entry], filter: String) {
        let before = self.selected_entry();
        let (old, new) = (Needle::new(&self.filter), Needle::new(&filter));
        let unread_only = self.unread_only;
        let find = |(i, from): (usize, usize)| {
            let entry: &Entry = &entries[i];
            let listed = !unread_only || !entry.read;
            listed.then(|| new.find(&entry.haystack, from).map(|at| (i, at))).flatten()
        };
        // A longer filter only narrows the list, so only the rows shown need checking; typed on
        // at the end, it can only match where the shorter one first did, or later.
        let found: Vec<(usize, usize)> = if new.text().starts_with(old.text()) {
            let shown = self.visible.par_iter().copied().zip(self.hits.par_iter().copied());
            shown.filter_map(find).collect()
        } else if new.text().contains(old.text()) {
            self.visible.par_iter().map(|&i| (i, 0)).filter_map(find).collect()
        } else {
            (0..entries.len()).into_par_iter().map(|i| (i, 0)).filter_map(find).collect()
        };
        (self.visible, self.hits) = found.into_iter().unzip();
        self.filter = filter;
        let at = before.and_then(|b| self.visible.binary_search(&b).ok());
        self.offset = 0;
        self.select(at.unwrap_or(0));
    }

    /// Lists only unread articles (`on`) or all, with the same filter, keeping the selected entry
    /// selected when it is still listed.
    pub fn set_unread_only(&mut self, entries: &[Entry], on: bool) {
        let before = self.selected_entry();
        self.unread_only = on;
        self.visible.clear();
        self.hits.clear();
        self.add(entries, 0);
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
