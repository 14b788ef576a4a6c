//! The article list: which articles pass the filter, which one is selected, and what part of the
//! list is in view.

use rayon::prelude::*;

use super::Motion;
use super::filter::Needle;
use super::library::Entry;
use super::sources::Source;
use super::viewport::Viewport;

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
    /// The rows in view.
    pub view: Viewport,
    /// Only unread articles are listed (those read while listed stay until the list is redone).
    pub unread_only: bool,
    /// The order of the rows.
    pub order: Order,
    /// The source the list shows (all, unread, starred, one site).
    pub source: Source,
}

/// How the article list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// As the inputs were given.
    #[default]
    Given,
    /// By title.
    Title,
    /// Most quotes first.
    MostQuotes,
    /// Newest first, undated last.
    Date,
}

impl Order {
    /// The next order, wrapping around.
    pub fn next(self) -> Self {
        match self {
            Order::Given => Order::Title,
            Order::Title => Order::MostQuotes,
            Order::MostQuotes => Order::Date,
            Order::Date => Order::Given,
        }
    }
}

impl ListPane {
    /// The library index of the selected entry.
    pub fn selected_entry(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    /// Takes in entries appended to the library from index `from` on.
    pub fn add(&mut self, entries: &[Entry], from: usize) {
        let before = self.selected_entry();
        self.append(entries, from);
        self.sort(entries);
        if let Some(row) = before.and_then(|b| self.row_of(b)) {
            self.select(row);
        }
    }

    /// Lists the entries from index `from` on that pass, at the end.
    fn append(&mut self, entries: &[Entry], from: usize) {
        let needle = Needle::new(&self.filter);
        for (i, entry) in entries.iter().enumerate().skip(from) {
            if (self.unread_only && entry.read) || !self.source.admits(entry) {
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
        let (unread_only, source) = (self.unread_only, &self.source);
        let find = |(i, from): (usize, usize)| {
            let entry: &Entry = &entries[i];
            let listed = (!unread_only || !entry.read) && source.admits(entry);
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
        self.sort(entries);
        self.reselect(before);
    }

    /// Lists only unread articles (`on`) or all, with the same filter, keeping the selected entry
    /// selected when it is still listed.
    pub fn set_unread_only(&mut self, entries: &[Entry], on: bool) {
        self.relist(entries, |list| list.unread_only = on);
    }

    /// Lists the articles of `source` only, with the same filter, keeping the selected entry
    /// selected when it is still listed.
    pub fn set_source(&mut self, entries: &[Entry], source: Source) {
        self.relist(entries, |list| list.source = source);
    }

    /// Lists `entries` again after `change` to what is listed, keeping the selected entry
    /// selected when it is still listed.
    fn relist(&mut self, entries: &[Entry], change: impl FnOnce(&mut Self)) {
        let before = self.selected_entry();
        change(self);
        self.visible.clear();
        self.hits.clear();
        self.append(entries, 0);
        self.sort(entries);
        self.reselect(before);
    }

    /// Orders the list by `order`, keeping the selected entry selected.
    pub fn set_order(&mut self, entries: &[Entry], order: Order) {
        let before = self.selected_entry();
        self.order = order;
        self.sort(entries);
        self.reselect(before);
    }

    /// After the rows changed: entry `before` selected again where it is still listed, else
    /// the first row, scrolled to the top.
    fn reselect(&mut self, before: Option<usize>) {
        self.view.offset = 0;
        self.select(before.and_then(|b| self.row_of(b)).unwrap_or(0));
    }

    /// The row showing entry `entry`, if it is listed (the list may be in any order).
    pub fn row_of(&self, entry: usize) -> Option<usize> {
        self.visible.iter().position(|&i| i == entry)
    }

    /// Puts the rows in `self.order`; ties stay in the order given.
    fn sort(&mut self, entries: &[Entry]) {
        let mut rows: Vec<(usize, usize)> =
            self.visible.iter().copied().zip(self.hits.iter().copied()).collect();
        let key = |&(i, _): &(usize, usize)| &entries[i];
        match self.order {
            Order::Given => rows.sort_by_key(|&(i, _)| i),
            Order::Title => rows.sort_by_cached_key(|r| key(r).article.title.to_lowercase()),
            Order::MostQuotes => rows.sort_by_key(|r| std::cmp::Reverse(key(r).quotes.len())),
            // ISO dates sort as text, newest first; undated (or blank) articles go last, in
            // the order given rather than the order the list had before.
            Order::Date => rows.sort_by(|a, b| {
                let dated = |r: &(usize, usize)| {
                    key(r).article.meta.date.as_deref().map(str::trim).filter(|d| !d.is_empty())
                };
                match (dated(a), dated(b)) {
                    (Some(x), Some(y)) => y.cmp(x).then(a.0.cmp(&b.0)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.0.cmp(&b.0),
                }
            }),
        }
        (self.visible, self.hits) = rows.into_iter().unzip();
    }

    /// Selects row `row` (clamped) and scrolls it into view.
    pub fn select(&mut self, row: usize) {
        self.selected = row.min(self.visible.len().saturating_sub(1));
        self.view.show(self.selected..self.selected + 1);
    }

    /// Moves the selection.
    pub fn move_by(&mut self, motion: Motion) {
        let last = self.visible.len().saturating_sub(1);
        self.select(motion.apply(self.selected, last, self.view.height));
    }

    /// Scrolls the view by `rows`, keeping the selection in it.
    pub fn scroll(&mut self, down: bool, rows: usize) {
        self.view.scroll(down, rows, self.visible.len());
        let in_view = self.view.rows();
        self.select(self.selected.clamp(in_view.start, in_view.end - 1));
    }
}
