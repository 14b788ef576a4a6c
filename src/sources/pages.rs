//! The web behind a feed: the pages of summary-only items, fetched a few at a time and read as
//! pages, under the item's own metadata.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use super::detect::{Format, detect};
use super::{Problem, ProblemKind, ReadError, ReadSettings, feed, html, text};
use crate::model::{Meta, RawDoc};
use crate::net::{Client, Fetched, PER_HOST, Page, Validators, parallel_map};

/// The items of a feed fetched from `page.url`, with their full texts; items whose link is in
/// `known` (already stored) are left out, so their pages are not fetched again. An error says
/// why the page is not a feed.
pub fn read_feed(
    page: Page,
    context: &ReadSettings,
    known: &HashSet<String>,
) -> Result<(Vec<RawDoc>, Vec<Problem>), ReadError> {
    match detect(&page.bytes, &page.url, page.content_type.as_deref()) {
        Format::Feed => {}
        Format::Html => return Err(ReadError::NotAFeed("an HTML page".into())),
        _ => {
            let got = page.content_type.as_deref().unwrap_or("a document of unknown type");
            return Err(ReadError::NotAFeed(got.into()));
        }
    }
    let (mut items, broken) = feed::read(&page.bytes, &page.url)?;
    let mut problems = Vec::new();
    if let Some(why) = broken {
        let kind = ProblemKind::BrokenFeed { items: items.len(), why };
        problems.push(Problem { path: page.url.clone(), kind });
    }
    items.retain(|item| item.doc.meta.url.as_ref().is_none_or(|url| !known.contains(url)));
    let docs = full_texts(items, context.client.as_ref(), &page.url, &mut problems);
    Ok((docs, problems))
}

/// A local feed's items whose pages are still to be fetched (`--fetch-links`). Fetching waits
/// on other machines, so the loader does it apart from the files beside the feed, which are
/// handed over without waiting for it.
pub struct Linked {
    items: Vec<feed::Item>,
    client: Client,
    path: String,
}

impl Linked {
    pub(super) fn new(items: Vec<feed::Item>, client: Client, path: String) -> Self {
        Linked { items, client, path }
    }

    /// The items with their full texts, as far as their pages could be read in time, and the
    /// warning for those left with their summaries.
    pub fn fetch(self) -> (Vec<RawDoc>, Vec<Problem>) {
        let mut problems = Vec::new();
        let docs = full_texts(self.items, Some(&self.client), &self.path, &mut problems);
        (docs, problems)
    }
}

/// How long the pages of one feed may take in all: past this, the items not yet read keep
/// their summaries, so one slow or silent site never holds back the rest.
pub(super) const PAGES_BUDGET: Duration = Duration::from_secs(15);

/// Feed items with their full text: the page of each summary-only item is fetched (as many at
/// once as a host allows, within [`PAGES_BUDGET`]) and its article takes the summary's place;
/// the feed's title, date and author stay. With no `client` nothing is fetched. The items left
/// with their summaries are told in one warning for the feed, at `path`.
pub(super) fn full_texts(
    items: Vec<feed::Item>,
    client: Option<&Client>,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Vec<RawDoc> {
    let Some(client) = client else {
        let summaries = items.iter().filter(|i| i.page.is_some()).count();
        if summaries > 0 {
            let why = "their pages are not fetched for a local file; --fetch-links fetches them";
            problems.push(summary_only(path, summaries, why.into()));
        }
        return items.into_iter().map(|i| i.doc).collect();
    };
    let deadline = Instant::now() + PAGES_BUDGET;
    let results = parallel_map(items, PER_HOST, |item| {
        let Some(link) = item.page else { return (item.doc, None) };
        match page_doc(client, &link, &item.doc.path, deadline) {
            Ok(page) => (merge(item.doc, page), None),
            Err(why) => (item.doc, Some(format!("{link}: {why}"))),
        }
    });
    let mut failures = Vec::new();
    let docs = results
        .into_iter()
        .map(|(doc, failure)| {
            failures.extend(failure);
            doc
        })
        .collect();
    if let Some(first) = failures.first() {
        let why = match failures.len() {
            1 => first.clone(),
            n => format!("{first}; and {} more", n - 1),
        };
        problems.push(summary_only(path, failures.len(), why));
    }
    docs
}

fn summary_only(path: &str, items: usize, why: String) -> Problem {
    Problem { path: path.to_string(), kind: ProblemKind::SummaryOnly { items, why } }
}

/// The article of the page at `link`.
fn page_doc(
    client: &Client,
    link: &str,
    path: &str,
    deadline: Instant,
) -> Result<RawDoc, ReadError> {
    let fetched = client.get_before(link, &Validators::default(), Some(deadline));
    let page = match fetched.map_err(ReadError::Fetch)? {
        Fetched::Body(page) => page,
        Fetched::NotModified => return Err(ReadError::UnaskedNotModified),
    };
    if detect(&page.bytes, &page.url, page.content_type.as_deref()) != Format::Html {
        return Err(ReadError::NotHtml);
    }
    let bytes = html::to_utf8(page.bytes, page.charset.as_deref());
    let (text, _) = text::decode(bytes).map_err(|_| ReadError::EmptyPage)?;
    html::read(&text, path.to_string(), Some(&page.url)).ok_or(ReadError::NoArticle)
}

/// The page's text under the feed item's metadata, which wins where both have it.
fn merge(item: RawDoc, page: RawDoc) -> RawDoc {
    RawDoc {
        path: item.path,
        text: page.text,
        title: item.title.or(page.title),
        meta: Meta {
            url: item.meta.url.or(page.meta.url),
            date: item.meta.date.or(page.meta.date),
            author: item.meta.author.or(page.meta.author),
            site: item.meta.site.or(page.meta.site),
        },
        offsets: page.offsets,
        // The page's own text: the article itself, no teaser.
        teaser: false,
    }
}
