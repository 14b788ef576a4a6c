//! OPML, the file feed readers exchange their subscriptions in: each `<outline xmlUrl=…>` a
//! feed, its `title` (or `text`) the feed's name, its `category` (comma-separated, `/` paths)
//! and any enclosing folder outlines its tags.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::Subscription;
use crate::net::is_web_url;

/// The feeds of an OPML document, in document order. An error says why it is not OPML.
pub fn parse(text: &str) -> Result<Vec<Subscription>, String> {
    let mut reader = Reader::from_str(text);
    let mut feeds = Vec::new();
    // The folders the reader is in: the titles of open outlines that are not feeds.
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut seen_opml = false;
    loop {
        match reader.read_event().map_err(|e| format!("not OPML ({e})"))? {
            Event::Start(tag) if tag.local_name().into_inner() == "opml" => seen_opml = true,
            Event::Start(tag) if tag.local_name().into_inner() == "outline" => {
                match outline(&tag, &folders) {
                    Some(feed) => {
                        feeds.push(feed);
                        folders.push(None);
                    }
                    None => folders.push(attribute(&tag, &["title", "text"])),
                }
            }
            Event::Empty(tag) if tag.local_name().into_inner() == "outline" => {
                feeds.extend(outline(&tag, &folders));
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
    Ok(feeds)
}

/// The feed an outline names, if it names one with an http(s) URL.
fn outline(tag: &BytesStart, folders: &[Option<String>]) -> Option<Subscription> {
    let url = attribute(tag, &["xmlUrl", "xmlurl"]).filter(|u| is_web_url(u))?;
    let name = attribute(tag, &["title", "text"]).filter(|n| *n != url);
    let categories = attribute(tag, &["category"]).unwrap_or_default();
    let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
    for category in categories.split(',') {
        // `/News/World` is a path of tags.
        tags.extend(category.split('/').map(str::trim).filter(|t| !t.is_empty()).map(String::from));
    }
    tags.dedup();
    Some(Subscription { url, tags, name })
}

/// The first of `names` the tag has, unescaped and on one line.
fn attribute(tag: &BytesStart, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        let value = tag.try_get_attribute(name).ok()??;
        let value = value.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok()?;
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        (!value.is_empty()).then_some(value)
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

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
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
        let feeds = parse(opml).unwrap();
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
        assert_eq!(parse(&write(&feeds)).unwrap(), feeds);
        assert!(parse("<html><body>no</body></html>").is_err());
    }
}
