//! RSS 0.91 to 2.01, RSS 1.0 (RDF), Atom and JSON Feed (`feed-rs`): every item an article, with
//! its title, its own link, date, author and the feed's name. An item that carries only a short summary names the page
//! to fetch for its full text; fetching is the caller's business (this module does no I/O).

use feed_rs::model::{Entry, Feed};

use super::{ReadError, html};
use crate::model::{Meta, RawDoc};
// Feed fields are one line each, and untrusted.
use crate::text::one_line;

/// Below this many words an item's summary is a teaser, not the article: when the item has no
/// content besides, its page is fetched.
const SUMMARY_WORDS: usize = 120;

/// One feed item.
#[derive(Debug)]
pub(super) struct Item {
    /// The item as the feed gives it (its text may be only a summary, or empty).
    pub doc: RawDoc,
    /// The page to fetch for the full text, when the feed gives only a summary.
    pub page: Option<String>,
}

/// The items of a feed read from `path` (a file or the feed's URL). An error names what is
/// wrong with the document. A feed whose XML breaks after complete items still gives those
/// items, with the error and where it is as the second value.
pub(super) fn read(bytes: &[u8], path: &str) -> Result<(Vec<Item>, Option<String>), ReadError> {
    let base = path.starts_with("http").then_some(path);
    let parse = |bytes: &[u8]| {
        let bytes = with_rss_version_2(bytes);
        feed_rs::parser::Builder::new().base_uri(base).build().parse(&bytes[..])
    };
    let (feed, broken) = match parse(bytes) {
        Ok(feed) => (feed, None),
        Err(e) => {
            // Nothing is lost for one broken item: the ones before it are read on their own.
            let head = before_error(bytes).and_then(|(head, why)| Some((parse(&head).ok()?, why)));
            match head {
                Some((feed, why)) if !feed.entries.is_empty() => (feed, Some(one_line(&why))),
                _ => return Err(ReadError::BadFeed(one_line(&e.to_string()))),
            }
        }
    };
    let name = feed.title.as_ref().map(|t| one_line(&t.content)).filter(|t| !t.is_empty());
    let items = feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| item(&feed, name.clone(), e, path, i))
        .collect();
    Ok((items, broken))
}

/// The feed up to the end of the last item (RSS) or entry (Atom) complete before its first XML
/// error, with the elements still open there closed, and the error with its line and column.
/// `None` when the XML has no error or no item ends before it.
fn before_error(bytes: &[u8]) -> Option<(Vec<u8>, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut open: Vec<String> = Vec::new();
    // Where the last complete item ends, and the elements open around it.
    let mut last: Option<(u64, Vec<String>)> = None;
    let mut buf = Vec::new();
    let (error, at) = loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(tag)) => open.push(tag.name().as_ref().to_string()),
            Ok(Event::End(tag)) => {
                open.pop();
                if matches!(tag.local_name().as_ref(), "item" | "entry") {
                    last = Some((reader.buffer_position(), open.clone()));
                }
            }
            // A document cut short (a download that stopped) ends inside its elements.
            Ok(Event::Eof) => match open.last() {
                Some(name) => break (format!("the document ends inside <{name}>"), u64::MAX),
                None => return None,
            },
            Ok(_) => {}
            Err(e) => break (e.to_string(), reader.error_position()),
        }
        buf.clear();
    };
    let (end, open) = last?;
    let mut head = bytes.get(..usize::try_from(end).ok()?)?.to_vec();
    for name in open.iter().rev() {
        head.extend_from_slice(b"</");
        head.extend_from_slice(name.as_bytes());
        head.push(b'>');
    }
    let at = usize::try_from(at).map_or(bytes.len(), |at| at.min(bytes.len()));
    let before = &bytes[..at];
    let line = 1 + memchr::memchr_iter(b'\n', before).count();
    let column = 1 + at - memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    Some((head, format!("{error}, at line {line}, column {column}")))
}

/// The root tag of an RSS feed with `version="2.0"`, whatever version it gave or none: feed-rs
/// knows only 0.91, 0.92 and 2.0, and every RSS from 0.91 to 2.01 reads as 2.0 does.
fn with_rss_version_2(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    use std::borrow::Cow;
    let head = &bytes[..bytes.len().min(4096)];
    let Some(start) = head.windows(4).position(|w| w == b"<rss") else {
        return Cow::Borrowed(bytes);
    };
    let after = start + 4;
    if !bytes.get(after).is_some_and(|b| b.is_ascii_whitespace() || *b == b'>') {
        return Cow::Borrowed(bytes);
    }
    let Some(end) = bytes[after..].iter().position(|&b| b == b'>').map(|e| after + e) else {
        return Cow::Borrowed(bytes);
    };
    let tag = String::from_utf8_lossy(&bytes[after..end]);
    let version = tag.find("version").and_then(|at| {
        let rest = &tag[at + "version".len()..];
        let value = rest.trim_start().strip_prefix('=')?.trim_start();
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let inner = &value[1..];
        inner.find(quote).map(|close| &inner[..close])
    });
    if version.is_some_and(|v| v == "2.0") {
        return Cow::Borrowed(bytes);
    }
    let attributes: String = match version {
        Some(v) => {
            tag.replacen(&format!("\"{v}\""), "\"2.0\"", 1).replacen(&format!("'{v}'"), "'2.0'", 1)
        }
        None => format!(" version=\"2.0\"{tag}"),
    };
    let mut out = Vec::with_capacity(bytes.len() + 16);
    out.extend_from_slice(&bytes[..after]);
    out.extend_from_slice(attributes.as_bytes());
    out.extend_from_slice(&bytes[end..]);
    Cow::Owned(out)
}

/// The item's own page: Atom's `rel="alternate"` link (not `enclosure`, `replies`, `self`…),
/// RSS's `<link>` (never `<comments>`), else a `<guid>` that is a URL.
fn own_link(entry: &Entry) -> Option<String> {
    let web = |h: &str| h.starts_with("https://") || h.starts_with("http://");
    entry
        .links
        .iter()
        .filter(|l| l.target.is_none() && l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| l.href.trim())
        .find(|h| web(h))
        .or_else(|| Some(entry.id.trim()).filter(|id| web(id)))
        .map(str::to_string)
}

/// What a media item holds as text (video and photo feeds): the descriptions of its media.
fn media_text(entry: &Entry) -> Option<String> {
    let texts: Vec<String> = entry
        .media
        .iter()
        .filter_map(|m| m.description.as_ref())
        .map(|d| html::fragment_text(&d.content))
        .filter(|t| !t.trim().is_empty())
        .collect();
    (!texts.is_empty()).then(|| texts.concat())
}

fn item(feed: &Feed, site: Option<String>, entry: &Entry, path: &str, index: usize) -> Item {
    let link = own_link(entry);
    let content = entry.content.as_ref().and_then(|c| c.body.as_deref()).map(html::fragment_text);
    let content = content.filter(|c| !c.trim().is_empty());
    let summary = entry.summary.as_ref().map(|s| html::fragment_text(&s.content));
    let summary = summary.filter(|s| !s.trim().is_empty()).or_else(|| media_text(entry));
    let title = entry.title.as_ref().map(|t| one_line(&html::fragment_text(&t.content)));
    let title = title.filter(|t| !t.is_empty());
    // Only a summary, and a short one: the article is on the linked page.
    let page = link.clone().filter(|_| {
        content.is_none() && summary.as_deref().is_none_or(|s| words(s) < SUMMARY_WORDS)
    });
    let text = match (content, summary) {
        (Some(c), Some(s)) if words(&s) > words(&c) => s,
        // An item with no text at all (a photo): its title stands as its text, so it is listed.
        (c, s) => c.or(s).or_else(|| title.clone().map(|t| format!("{t}\n"))).unwrap_or_default(),
    };
    let author =
        entry.authors.iter().chain(&feed.authors).find_map(|p| person_name(p.name.as_deref()?));
    let meta = Meta {
        url: link.clone(),
        date: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
        author,
        site,
    };
    let doc = RawDoc {
        path: link.unwrap_or_else(|| format!("{path}#{}", index + 1)),
        text,
        title,
        meta,
        teaser: page.is_some(),
        ..RawDoc::default()
    };
    Item { doc, page }
}

/// A byline from a feed's author field: RSS writes `email (Name)`, of which the name is wanted;
/// a bare address is no name.
fn person_name(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let name = match (raw.find('('), raw.strip_suffix(')')) {
        (Some(open), Some(inner)) => &inner[open + 1..],
        _ => raw,
    };
    let name = one_line(name);
    let bare_address = name.contains('@') && !name.contains(' ');
    (!name.is_empty() && !bare_address).then_some(name)
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Gazette</title><link>http://127.0.0.1/</link>
<item><title>Ferry &amp; bridge</title><link>http://127.0.0.1/a</link>
<author>ed@example.org (Ed Example)</author><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<description>Teaser only.</description></item>
<item><title>Second</title><guid isPermaLink="false">x2</guid>
<content:encoded><![CDATA[<p>Full text here.</p><p>Another paragraph.</p>]]></content:encoded></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_documents() {
        let (items, broken) = read(RSS.as_bytes(), "gazette.xml").unwrap();
        assert_eq!(broken, None);
        assert_eq!(items.len(), 2);
        let first = &items[0];
        assert_eq!(first.doc.title.as_deref(), Some("Ferry & bridge"));
        assert_eq!(first.doc.path, "http://127.0.0.1/a");
        assert_eq!(first.page.as_deref(), Some("http://127.0.0.1/a"));
        assert_eq!(first.doc.meta.site.as_deref(), Some("Harbour Gazette"));
        assert_eq!(first.doc.meta.author.as_deref(), Some("Ed Example"));
        assert_eq!(first.doc.meta.date.as_deref(), Some("2024-01-02T10:00:00+00:00"));
        let second = &items[1];
        assert_eq!(second.doc.path, "gazette.xml#2");
        assert_eq!(second.doc.text, "Full text here.\n\nAnother paragraph.\n");
        assert_eq!(second.page, None);
    }

    #[test]
    fn bylines_lose_email_addresses() {
        assert_eq!(person_name("ed@example.org (Ed Example)").as_deref(), Some("Ed Example"));
        assert_eq!(person_name("(Ed Example)").as_deref(), Some("Ed Example"));
        assert_eq!(person_name(" Mara  Quint ").as_deref(), Some("Mara Quint"));
        assert_eq!(person_name("ed@example.org"), None);
        assert_eq!(person_name("()"), None);
    }

    #[test]
    fn a_broken_feed_is_an_error() {
        assert!(read(b"<rss><channel><item>", "x").is_err());
        // Broken inside its first item: nothing complete to keep.
        let broken = "<rss version=\"2.0\"><channel><title>T</title>\n<item><title>A <b>x</title></item></channel></rss>";
        assert!(read(broken.as_bytes(), "x").is_err());
    }

    #[test]
    fn the_items_before_an_xml_error_are_kept() {
        let rss = RSS.replace("<title>Second</title>", "<title>Second <b>bold</title>");
        let (items, broken) = read(rss.as_bytes(), "gazette.xml").unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].doc.title.as_deref(), Some("Ferry & bridge"));
        assert_eq!(items[0].doc.meta.site.as_deref(), Some("Harbour Gazette"));
        let broken = broken.unwrap();
        assert!(broken.contains("expected `</b>`, but `</title>` was found"), "{broken}");
        assert!(broken.ends_with("at line 7, column 28"), "{broken}");

        let atom = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Tides</title>\n\
            <entry><title>One</title><id>urn:1</id><link href=\"http://127.0.0.1/1\"/><content>First.</content></entry>\n\
            <entry><title>Two</title><id>urn:2</id><content>Second.</content></entry>\n\
            <entry><title>Three</title><id>urn:3</id><content>Third.</p></content></entry>\n\
            <entry><title>Four</title><id>urn:4</id><content>Fourth.</content></entry></feed>";
        let (items, broken) = read(atom.as_bytes(), "tides.atom").unwrap();
        let titles: Vec<_> = items.iter().map(|i| i.doc.title.as_deref()).collect();
        assert_eq!(titles, [Some("One"), Some("Two")]);
        assert_eq!(items[0].doc.meta.site.as_deref(), Some("Tides"));
        assert!(broken.unwrap().contains("at line 5, column"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..4096)) {
            let _ = read(&bytes, "x.xml");
        }

        #[test]
        fn never_panics_on_damaged_feeds(cut in 0..RSS.len(), junk in "[<>&;/a-z\"=]{0,8}") {
            let mut feed = RSS.as_bytes()[..cut].to_vec();
            feed.extend_from_slice(junk.as_bytes());
            feed.extend_from_slice(&RSS.as_bytes()[cut..]);
            let _ = read(&feed, "x.xml");
        }
    }
}
