//! The web behind a feed: the pages of summary-only items, fetched a few at a time and read as
//! pages, under the item's own metadata.

use std::collections::HashSet;

use super::detect::{Format, detect};
use super::{Context, Problem, ProblemKind, ReadError, feed, html, text};
use crate::model::{Meta, RawDoc};
use crate::net::{Client, Fetched, Page, Validators, parallel_map};

/// The items of a feed fetched from `page.url`, with their full texts; items whose link is in
/// `known` (already stored) are left out, so their pages are not fetched again. An error says
/// why the page is not a feed.
pub fn read_feed(
    page: Page,
    context: &Context,
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
    let mut items = feed::read(&page.bytes, &page.url)?;
    items.retain(|item| item.doc.meta.url.as_ref().is_none_or(|url| !known.contains(url)));
    let mut problems = Vec::new();
    let docs = full_texts(items, context, &mut problems);
    Ok((docs, problems))
}

/// Feed items with their full text: the page of each summary-only item is fetched (a few at a
/// time) and its article takes the summary's place; the feed's title, date and author stay.
pub(super) fn full_texts(
    items: Vec<feed::Item>,
    context: &Context,
    problems: &mut Vec<Problem>,
) -> Vec<RawDoc> {
    /// Pages fetched at once for one feed.
    const PAGES_AT_ONCE: usize = 4;
    let Some(client) = &context.client else {
        return items.into_iter().map(|i| i.doc).collect();
    };
    let results = parallel_map(items, PAGES_AT_ONCE, |item| {
        let Some(link) = item.page else { return (item.doc, None) };
        match page_doc(client, &link, &item.doc.path) {
            Ok(page) => (merge(item.doc, page), None),
            Err(why) => {
                let kind = ProblemKind::SummaryOnly(why.to_string());
                let problem = Problem { path: item.doc.path.clone(), kind };
                (item.doc, Some(problem))
            }
        }
    });
    results
        .into_iter()
        .map(|(doc, problem)| {
            problems.extend(problem);
            doc
        })
        .collect()
}

/// The article of the page at `link`.
fn page_doc(client: &Client, link: &str, path: &str) -> Result<RawDoc, ReadError> {
    let page = match client.get(link, &Validators::default()).map_err(ReadError::Fetch)? {
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
    }
}
