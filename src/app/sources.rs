//! The sources view's data: what the list can be narrowed to (every article, the unread, the
//! starred, each source, each tag of the followed feeds), with counts, like a feed reader's
//! feed list.

use std::collections::BTreeMap;

use super::Motion;
use super::library::Entry;

/// What the article list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Source {
    /// Every article.
    #[default]
    All,
    /// Articles not read yet.
    Unread,
    /// Starred articles.
    Starred,
    /// Articles from one site or feed, by its name.
    Site(String),
    /// Articles that name no source (files).
    NoSite,
    /// Articles from the followed feeds with this tag.
    Tag(String),
}

impl Source {
    /// True when `entry` belongs to this source.
    pub fn admits(&self, entry: &Entry) -> bool {
        match self {
            Source::All => true,
            Source::Unread => !entry.read,
            Source::Starred => entry.starred,
            Source::Site(name) => entry.article.meta.site.as_deref() == Some(name.as_str()),
            Source::NoSite => entry.article.meta.site.is_none(),
            Source::Tag(tag) => entry.tags.contains(tag),
        }
    }
}

/// One row of the sources view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRow {
    /// What choosing it shows.
    pub source: Source,
    /// Its articles.
    pub total: usize,
    /// Those not read yet.
    pub unread: usize,
}

/// The rows of the sources view for `entries`: all, unread, starred, then each site by name,
/// then the articles with none.
pub(super) fn sources(entries: &[Entry]) -> Vec<SourceRow> {
    let mut rows: Vec<SourceRow> = [Source::All, Source::Unread, Source::Starred]
        .into_iter()
        .map(|source| count(source, entries))
        .collect();
    let mut sites: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut none = (0, 0);
    for e in entries {
        let counts = match e.article.meta.site.as_deref() {
            Some(site) => sites.entry(site).or_default(),
            None => &mut none,
        };
        counts.0 += 1;
        counts.1 += usize::from(!e.read);
    }
    for (site, (total, unread)) in sites {
        rows.push(SourceRow { source: Source::Site(site.to_string()), total, unread });
    }
    if none.0 > 0 && rows.len() > 3 {
        rows.push(SourceRow { source: Source::NoSite, total: none.0, unread: none.1 });
    }
    let mut tags: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for e in entries {
        for tag in &e.tags {
            let counts = tags.entry(tag).or_default();
            counts.0 += 1;
            counts.1 += usize::from(!e.read);
        }
    }
    for (tag, (total, unread)) in tags {
        rows.push(SourceRow { source: Source::Tag(tag.to_string()), total, unread });
    }
    rows
}

fn count(source: Source, entries: &[Entry]) -> SourceRow {
    let admitted = entries.iter().filter(|e| source.admits(e));
    let (total, unread) = admitted.fold((0, 0), |(t, u), e| (t + 1, u + usize::from(!e.read)));
    SourceRow { source, total, unread }
}

/// State of the sources view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourcesView {
    /// The rows, counted when the view opened.
    pub rows: Vec<SourceRow>,
    /// The selected row.
    pub selected: usize,
    /// First row in view.
    pub offset: usize,
}

impl SourcesView {
    /// Moves the selection, `page` rows a page.
    pub fn move_by(&mut self, motion: Motion, page: usize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = motion.apply(self.selected, last, page);
        let page = page.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
    }

    /// Selects the row drawn on line `line` of the view (0: its first), `page` rows showing, if
    /// there is one; true when it was selected already.
    pub fn select_row(&mut self, line: usize, page: usize) -> bool {
        let index = self.offset + line;
        if line >= page || index >= self.rows.len() {
            return false;
        }
        let again = self.selected == index;
        self.selected = index;
        again
    }

    /// The source of the selected row.
    pub fn chosen(&self) -> Option<&Source> {
        self.rows.get(self.selected).map(|r| &r.source)
    }
}
