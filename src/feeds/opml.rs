//! OPML, the file feed readers exchange their subscriptions in: each `<outline xmlUrl=…>` a
//! feed, its `title` (or `text`) the feed's name, its `category` (comma-separated, `/` paths)
//! and any enclosing folder outlines its tags.
//!
//! An OPML file is untrusted: names and tags lose their control characters as they are read, an
//! outline whose URL has any is skipped, and what is written is valid XML 1.0 whatever the
//! feeds file holds.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::Subscription;
use super::file::check_url;
use crate::text::one_line;

/// What an OPML document gives: its feeds, in document order, and a message for each outline
/// skipped.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outlines {
    /// The feeds.
    pub feeds: Vec<Subscription>,
    /// Why each outline with a feed URL that cannot be followed was skipped.
    pub skipped: Vec<String>,
}

impl Outlines {
    fn add(&mut self, feed: Result<Subscription, String>) {
        match feed {
            Ok(feed) => self.feeds.push(feed),
            Err(why) => self.skipped.push(why),
        }
    }
}

/// The feeds of an OPML document. An error says why it is not OPML.
pub fn parse(text: &str) -> Result<Outlines, String> {
    let mut reader = Reader::from_str(text);
    let mut found = Outlines::default();
    // The folders the reader is in: the titles of open outlines that are not feeds.
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut seen_opml = false;
    loop {
        match reader.read_event().map_err(|e| format!("not OPML ({e})"))? {
            Event::Start(tag) if tag.local_name().into_inner() == "opml" => seen_opml = true,
            Event::Start(tag) if tag.local_name().into_inner() == "outline" => {
                match outline(&tag, &folders) {
                    Some(feed) => {
                        found.add(feed);
                        folders.push(None);
                    }
                    None => {
                        let title = attribute(&tag, &["title", "text"]).map(|t| one_line(&t));
                        folders.push(title.filter(|t| !t.is_empty()));
                    }
                }
            }
            Event::Empty(tag) if tag.local_name().into_inner() == "outline" => {
                if let Some(feed) = outline(&tag, &folders) {
                    found.add(feed);
                }
            }
            Event::End(tag) if tag.local_name().into_inner() == "outline" => {
                folders.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_opml {
        return Err("not OPML (no <opml> element)".into());
    }
    Ok(found)
}

/// The feed an outline names, if it has a feed URL; an error says why that URL cannot be
/// followed.
fn outline(tag: &BytesStart, folders: &[Option<String>]) -> Option<Result<Subscription, String>> {
    let url = attribute(tag, &["xmlUrl", "xmlurl"])?;
    let name = attribute(tag, &["title", "text"]).filter(|n| *n != url);
    if let Err(why) = check_url(&url) {
        let outline = name.map(|n| format!(" \"{}\"", one_line(&n))).unwrap_or_default();
        return Some(Err(format!("skipped the outline{outline}: {why}")));
    }
    let name = name.map(|n| one_line(&n)).filter(|n| !n.is_empty());
    let categories = attribute(tag, &["category"]).unwrap_or_default();
    let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
    for category in categories.split(',') {
        // `/News/World` is a path of tags.
        tags.extend(category.split('/').map(one_line).filter(|t| !t.is_empty()));
    }
    tags.dedup();
    Some(Ok(Subscription { url, tags, name }))
}

/// The first of `names` the tag has, unescaped, without white space around it (it may have
/// control characters and white space inside).
fn attribute(tag: &BytesStart, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        let value = tag.try_get_attribute(name).ok()??;
        let value = value.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()?;
        let value = value.trim();
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// `feeds` as an OPML 2.0 document: names as `title` and `text`, tags as `category`.
pub fn write(feeds: &[Subscription]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>saidso feeds</title></head>\n  <body>\n",
    );
    for feed in feeds {
        let name = feed.name.as_deref().unwrap_or(&feed.url);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{url}\"",
            name = escape(name),
            url = escape(&feed.url)
        ));
        if !feed.tags.is_empty() {
            out.push_str(&format!(" category=\"{}\"", escape(&feed.tags.join(","))));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// `text` escaped for an attribute, without the characters XML 1.0 forbids (C0 controls but
/// tab and line breaks, U+FFFE, U+FFFF), which a feeds file written by hand may hold.
fn escape(text: &str) -> String {
    let forbidden = |c: &char| matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    let text: String = text.chars().filter(|c| !forbidden(c)).collect();
    quick_xml::escape::escape(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_categories_become_tags_and_a_round_trip_keeps_everything() {
        let opml = r#"<?xml version="1.0"?><opml version="2.0"><head/><body>
            <outline text="World">
              <outline type="rss" text="Harbour &amp; Co" xmlUrl="https://a.example/feed.xml" category="/ports,shipping"/>
            </outline>
            <outline type="rss" title="Tide Times" xmlUrl="http://b.example/rss"/>
            <outline type="rss" text="Not the web" xmlUrl="file:///etc/passwd"/>
            </body></opml>"#;
        let found = parse(opml).unwrap();
        assert_eq!(
            found.skipped,
            ["skipped the outline \"Not the web\": `file:///etc/passwd` is not an http(s) URL"]
        );
        let feeds = found.feeds;
        assert_eq!(
            feeds,
            [
                Subscription {
                    url: "https://a.example/feed.xml".into(),
                    tags: vec!["World".into(), "ports".into(), "shipping".into()],
                    name: Some("Harbour & Co".into()),
                },
                Subscription {
                    url: "http://b.example/rss".into(),
                    tags: vec![],
                    name: Some("Tide Times".into()),
                },
            ]
        );
        assert_eq!(parse(&write(&feeds)).unwrap().feeds, feeds);
        assert!(parse("<html><body>no</body></html>").is_err());
    }

    #[test]
    fn control_characters_skip_an_outline_or_are_cleaned_and_are_never_written() {
        let opml = "<opml version=\"2.0\"><body>\
            <outline text=\"Evil\" title=\"Evil \x1b[31m\" category=\"t\x1b[5mag\" xmlUrl=\"http://evil.invalid/r\x1b[31mss\"/>\
            <outline text=\"Spaced\" xmlUrl=\"http://a.example/x y\"/>\
            <outline text=\"Fo&#27;[1mlder\"><outline title=\"Fine\u{9b}2J\" category=\"t\x1b[5mag\" xmlUrl=\" https://b.example/rss \"/></outline>\
            </body></opml>";
        let found = parse(opml).unwrap();
        assert_eq!(found.skipped.len(), 2);
        assert!(
            found.skipped[0]
                .starts_with("skipped the outline \"Evil\": `http://evil.invalid/r\\u{1b}[31mss`")
        );
        assert!(
            found.skipped[1]
                .starts_with("skipped the outline \"Spaced\": `http://a.example/x y` has")
        );
        let clean = Subscription {
            url: "https://b.example/rss".into(),
            tags: vec!["Fo lder".into(), "t ag".into()],
            name: Some("Fine".into()),
        };
        assert_eq!(found.feeds, [clean]);

        // A feeds file may hold anything; the OPML written from it is still XML 1.0.
        let dirty = Subscription {
            url: "https://c.example/rss".into(),
            tags: vec!["a\x01b\u{ffff}".into()],
            name: Some("N\x1b\u{fffe}ame".into()),
        };
        let written = write(&[dirty]);
        assert!(
            written.contains("title=\"Name\" xmlUrl=\"https://c.example/rss\" category=\"ab\""),
            "{written}"
        );
    }
}
