//! Web pages: the main article text, as the readability tools find it (`dom_smoothie`, a port of
//! Mozilla's Readability), with title, byline, date and site name from the page's metadata
//! (Open Graph `<meta>` tags, JSON-LD `NewsArticle`), falling back to `<title>` and `<h1>`.
//!
//! The text comes out as paragraphs separated by blank lines, entities decoded, ready for the
//! cleaning rules that every source goes through.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::{Encoding, UTF_8};

use super::{furniture, nesting};
use crate::model::{Meta, RawDoc};
use crate::net::is_web_url;
use crate::text::without_invisible;

/// Largest page worked on: past this many elements a page is a web app, not an article.
const MAX_ELEMENTS: usize = 50_000;

/// A page's bytes as UTF-8, its encoding told as browsers tell it: a byte-order mark, then
/// the HTTP header, then a `<meta charset>` near the top, then a guess from the bytes
/// (`chardetng`); but bytes that are valid UTF-8 are UTF-8 whatever the page declares (no
/// legacy text with non-ASCII letters is valid UTF-8 by chance), and a declared encoding that
/// the bytes do not decode in gives way to the guess.
pub(super) fn to_utf8(bytes: Vec<u8>, declared: Option<&str>) -> Vec<u8> {
    if Encoding::for_bom(&bytes).is_some() {
        return bytes;
    }
    let from_header = declared.and_then(|label| Encoding::for_label(label.as_bytes()));
    let named = from_header.or_else(|| meta_charset(&bytes[..bytes.len().min(4096)]));
    // A page cannot declare UTF-16 in its own ASCII-compatible text: such a label is wrong.
    let named = named.filter(|e| from_header.is_some() || e.is_ascii_compatible());
    let valid_utf8 = std::str::from_utf8(&bytes).is_ok();
    match named {
        Some(e) if e == UTF_8 => bytes,
        _ if valid_utf8 && named.is_none_or(|e| e.is_ascii_compatible()) => bytes,
        Some(e) => match e.decode_without_bom_handling_and_without_replacement(&bytes) {
            Some(text) => text.into_owned().into_bytes(),
            None => guessed(&bytes),
        },
        None => guessed(&bytes),
    }
}

/// The bytes decoded in the encoding they look most like.
fn guessed(bytes: &[u8]) -> Vec<u8> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    encoding.decode_without_bom_handling(bytes).0.into_owned().into_bytes()
}

/// The encoding named by `<meta charset="…">` or `<meta http-equiv … content="…; charset=…">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// The readable article of a page; `url` (where it came from) resolves its relative links.
/// `None` when the page holds no text at all.
pub(super) fn read(html: &str, path: String, url: Option<&str>) -> Option<RawDoc> {
    let html = &*nesting::bounded(html, nesting::MAX_DEPTH);
    let page = Document::from(html);
    // Read before the furniture goes, scripts with it.
    let linked_date = json_ld_date(&page);
    let doc = furniture::removed(page);
    let heading = heading(&doc);
    let canonical = canonical_url(&doc);
    let config = Config {
        // The text is taken from the article's HTML once lists of links are out of it.
        text_mode: TextMode::Raw,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    // A URL that is not absolute http(s) only serves to resolve links: read the page without it.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let article = Readability::with_document(doc, url, Some(config)).and_then(|mut r| r.parse());
    let Ok(article) = article else {
        // Too short to score, or too big: the body's text is the best there is.
        let body = furniture::without_link_lists(furniture::removed(Document::from(html)));
        let text = tidy(&body.select("body").formatted_text());
        let title = heading;
        return (!text.trim().is_empty()).then(|| RawDoc {
            path,
            text,
            title,
            ..RawDoc::default()
        });
    };
    let text = furniture::without_link_lists(Document::from(&*article.content));
    let text = tidy(&text.select("body").formatted_text());
    if text.trim().is_empty() {
        return None;
    }
    let meta = Meta {
        url: article
            .url
            .filter(|u| is_web_url(u))
            .or(canonical)
            .or_else(|| url.map(str::to_string)),
        date: article.published_time.filter(|d| !d.trim().is_empty()).or(linked_date),
        author: article.byline.map(|b| tidy_line(&b)).filter(|b| !b.is_empty()),
        site: article.site_name.map(|s| tidy_line(&s)).filter(|s| !s.is_empty()),
    };
    let title = Some(tidy_line(&article.title)).filter(|t| !t.is_empty()).or(heading);
    let title = title.map(|t| without_site_name(t, meta.site.as_deref()));
    let (title, text) = headline_out_of_text(title, text);
    Some(RawDoc { path, text, title, meta, ..RawDoc::default() })
}

/// The `datePublished` of the page's JSON-LD (`<script type="application/ld+json">`), where
/// the readability metadata found none: news sites nest it in a `@graph`, in arrays, or in an
/// object of a type it does not look in.
fn json_ld_date(doc: &Document) -> Option<String> {
    let scripts = doc.select("script[type='application/ld+json']");
    scripts.iter().find_map(|script| {
        let value: serde_json::Value = serde_json::from_str(script.text().trim()).ok()?;
        date_in(&value, 0)
    })
}

/// The first `datePublished` in `value`, an object's own before its members', within a few
/// levels.
fn date_in(value: &serde_json::Value, depth: usize) -> Option<String> {
    use serde_json::Value;
    if depth > 6 {
        return None;
    }
    match value {
        Value::Object(map) => {
            let own = map.get("datePublished").and_then(Value::as_str).map(str::trim);
            own.filter(|d| !d.is_empty())
                .map(str::to_string)
                .or_else(|| map.values().find_map(|v| date_in(v, depth + 1)))
        }
        Value::Array(items) => items.iter().find_map(|v| date_in(v, depth + 1)),
        _ => None,
    }
}

/// `Headline | Site` (or `-`, `–`, `—`, `·`) becomes `Headline`.
fn without_site_name(title: String, site: Option<&str>) -> String {
    let Some(site) = site else { return title };
    for separator in [" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{b7} ", " :: "] {
        let headline = title.strip_suffix(site).and_then(|t| t.strip_suffix(separator));
        if let Some(headline) = headline.map(str::trim).filter(|h| !h.is_empty()) {
            return headline.to_string();
        }
    }
    title
}

/// The page's `<h1>` often opens the extracted text: when the first paragraph is the title (or
/// a longer version of it), it is the headline, taken out of the text and used as the title.
fn headline_out_of_text(title: Option<String>, text: String) -> (Option<String>, String) {
    let Some(title) = title else { return (None, text) };
    let (first, rest) = text.split_once("\n\n").unwrap_or((&text, ""));
    let first = first.trim();
    let key =
        |s: &str| s.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let (first_key, title_key) = (key(first), key(&title));
    let is_headline = !first.contains('\n')
        && !title_key.is_empty()
        && (first_key.starts_with(&title_key) || title_key.starts_with(&first_key))
        && first.split_whitespace().count() <= 25
        // A lede that happens to start with the headline's words is prose, not the headline.
        && !first.ends_with(['.', ':', ';', ','])
        && !rest.trim().is_empty();
    if is_headline {
        let headline = if first_key.len() > title_key.len() { first.to_string() } else { title };
        (Some(headline), rest.to_string())
    } else {
        (Some(title), text)
    }
}

/// The text of an HTML fragment (a feed item's content): paragraphs separated by blank lines.
pub(super) fn fragment_text(html: &str) -> String {
    let html = &*nesting::bounded(html, nesting::MAX_DEPTH);
    tidy(&furniture::removed(Document::fragment(html)).formatted_text())
}

/// The address the page gives for itself: `<link rel="canonical">`, else `og:url`.
fn canonical_url(doc: &Document) -> Option<String> {
    [("link[rel='canonical']", "href"), ("meta[property='og:url']", "content")]
        .iter()
        .filter_map(|(sel, attr)| doc.select(sel).first().attr(attr))
        .map(|u| u.trim().to_string())
        .find(|u| is_web_url(u))
}

/// The page's `<title>`, else its first `<h1>`.
fn heading(doc: &Document) -> Option<String> {
    ["title", "h1"]
        .iter()
        .map(|sel| tidy_line(&doc.select(sel).first().text()))
        .find(|t| !t.is_empty())
}

/// Paragraphs one to a line with a blank line between them; the non-breaking spaces that
/// entities decode to become plain spaces.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for block in text.split("\n\n") {
        let lines: Vec<String> = block.lines().map(tidy_line).filter(|l| !l.is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&lines.join("\n"));
    }
    out.push('\n');
    out
}

fn tidy_line(line: &str) -> String {
    // Most lines hold no invisible character: only those are copied without.
    let line = without_invisible(line);
    let words = line.split(|c: char| c.is_whitespace() || c == '\u{a0}');
    words.filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A date given only in JSON-LD, nested in a `@graph` as many news sites write it, is read.
    #[test]
    fn a_json_ld_date_in_a_graph_is_read() {
        let prose = "<p>The council voted on Monday to keep the harbour ferry running through \
            the winter, after a petition signed by more than two thousand people.</p>"
            .repeat(4);
        let html = format!(
            "<html><head><title>Ferry</title><script type='application/ld+json'>\
             {{\"@context\":\"https://schema.org\",\"@graph\":[{{\"@type\":\"WebSite\",\
             \"name\":\"Harbour News\"}},{{\"@type\":\"NewsArticle\",\
             \"datePublished\":\"2026-11-30T08:00:00Z\"}}]}}</script></head>\
             <body><article><h1>Ferry to run all winter</h1>{prose}</article></body></html>"
        );
        let doc = read(&html, "p.html".into(), None).unwrap();
        assert_eq!(doc.meta.date.as_deref(), Some("2026-11-30T08:00:00Z"));
    }

    /// Soft hyphens and zero-width characters inside words are left out of a page's text.
    #[test]
    fn invisible_characters_inside_words_are_dropped() {
        let html = "<p>&ldquo;We will negoti&shy;ate,&rdquo; said Chan&shy;cellor Mar\u{200b}tin \
                    Schulz\u{2060}enberg.</p>";
        assert_eq!(
            fragment_text(html),
            "\u{201c}We will negotiate,\u{201d} said Chancellor Martin Schulzenberg.\n"
        );
    }

    #[test]
    fn furniture_rules_never_remove_the_article_or_what_holds_it() {
        let prose = "<p>The council voted on Monday to keep the harbour ferry running through \
            the winter, after a petition signed by more than two thousand people.</p>\
            <p>\u{201c}We listened,\u{201d} said the council leader, Marta Lind, after the vote.</p>\
            <p>The ferry will run every hour from six in the morning until ten at night.</p>";
        let html = format!(
            "<html class='share-on cookie-consent'><body class='has-newsletter'>\
             <form id='page'><div class='gigya-share-wrapper'><h1>Ferry to run all winter</h1>\
             {prose}</div><div class='share-bar'>Share this on Facebook</div></form>\
             <div id='cookie-banner'>We use cookies to improve your experience.</div></body></html>"
        );
        let raw = read(&html, "f.html".into(), None).unwrap();
        assert!(raw.text.contains("said the council leader, Marta Lind"), "{}", raw.text);
        assert!(raw.text.contains("every hour from six"), "{}", raw.text);
        assert!(!raw.text.contains("Share this") && !raw.text.contains("cookies"), "{}", raw.text);
    }

    #[test]
    fn captions_bylines_dates_and_lists_of_other_articles_leave_the_text() {
        let prose = "<p>The harbour board voted on Monday to rebuild the north pier, which \
            storms have closed for two winters, at a cost of about four million euros.</p>\
            <p>\u{201c}We kept every plank we could,\u{201d} said the engineer, Lise Varga, who \
            has led the repairs since the first storm broke the pier in two.</p>\
            <p>Work starts in March and the pier should reopen to walkers by the autumn, the \
            board said, with the caf\u{e9} at its end opening a month later.</p>";
        let html = format!(
            "<html><body><article><h1>North pier to be rebuilt</h1>\
             <p class='article-byline'>By Rahul Mehta, Health Correspondent</p>\
             <p>Tue 5 Mar 2024 08.30 GMT</p>\
             <figure><img src='p.jpg'><figcaption>The pier at dusk. Photograph: Ledger Staff\
             </figcaption></figure>\
             <div class='wp-caption-text'>Walkers on the old pier in 2019</div>\
             {prose}\
             <p><a href='/other-story'>Harbour ferry to run all winter after petition</a></p>\
             <h3>Most read</h3><ul><li><a href='/a'>Council approves the budget</a></li>\
             <li><a href='/b'>New timetable for the spring</a></li></ul>\
             <p>Get the day\u{2019}s top headlines delivered to your inbox every morning.</p>\
             </article></body></html>"
        );
        let raw = read(&html, "p.html".into(), None).unwrap();
        let article = crate::clean::clean(raw, &crate::clean::Rules::builtin()).unwrap();
        let paragraphs: Vec<String> = article.paragraph_texts().map(|p| p.into_owned()).collect();
        assert_eq!(paragraphs.len(), 3, "{paragraphs:#?}");
        assert!(paragraphs[1].contains("said the engineer, Lise Varga"), "{paragraphs:#?}");
    }

    #[test]
    fn fragments_keep_paragraphs_and_decode_entities() {
        let text = fragment_text("<p>One &amp; two&nbsp;three.</p><p>Four <b>five</b>.</p>");
        assert_eq!(text, "One & two three.\n\nFour five.\n");
    }

    #[test]
    fn the_site_name_and_a_repeated_headline_leave_the_title_and_text() {
        let site = Some("The Gazette");
        assert_eq!(without_site_name("Ferry news | The Gazette".into(), site), "Ferry news");
        assert_eq!(without_site_name("Ferry | news".into(), site), "Ferry | news");
        let text = "Ferry adds sailings at night\n\nThe ferry will run.\n".to_string();
        let (title, text) = headline_out_of_text(Some("Ferry adds sailings".into()), text);
        assert_eq!(title.as_deref(), Some("Ferry adds sailings at night"));
        assert_eq!(text, "The ferry will run.\n");
        let text = "Ferry adds sailings, the operator said on Monday.\n".to_string();
        let (_, kept) = headline_out_of_text(Some("Ferry adds sailings".into()), text.clone());
        assert_eq!(kept, text, "the only paragraph is not a headline");
        let text = "Ferry adds sailings to the timetable.\n\nMore.\n".to_string();
        let (_, kept) = headline_out_of_text(Some("Ferry adds sailings".into()), text.clone());
        assert_eq!(kept, text, "a sentence is not a headline");
    }

    #[test]
    fn metadata_comes_from_open_graph_and_json_ld() {
        let html = include_str!("../../tests/fixtures/web/article.html");
        let raw = read(html, "a.html".into(), None).unwrap();
        assert_eq!(raw.title.as_deref(), Some("Harbour bridge to close for six weeks of repairs"));
        assert_eq!(raw.meta.author.as_deref(), Some("Mara Quint"));
        assert_eq!(raw.meta.site.as_deref(), Some("The Harbour Gazette"));
        assert_eq!(raw.meta.date.as_deref(), Some("2024-03-05T08:30:00Z"));
        assert_eq!(raw.meta.url.as_deref(), Some("https://harbour.example/bridge"));
    }

    #[test]
    fn legacy_encodings_are_transcoded_and_utf8_is_left_alone() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        let utf8 = String::from_utf8(to_utf8(latin1.to_vec(), None)).unwrap();
        assert!(utf8.contains("caf\u{e9}"));
        // The header wins over the page.
        let page = b"<meta charset=\"utf-8\"><p>\xe9t\xe9</p>".to_vec();
        assert!(
            String::from_utf8(to_utf8(page, Some("windows-1252")))
                .unwrap()
                .contains("\u{e9}t\u{e9}")
        );
        let utf8_page = "<meta charset=utf-8><p>\u{e9}t\u{e9}</p>".as_bytes().to_vec();
        assert_eq!(to_utf8(utf8_page.clone(), None), utf8_page);
        let wrong = b"<meta charset=\"utf-16\"><p>plain</p>".to_vec();
        assert_eq!(to_utf8(wrong.clone(), None), wrong);
    }

    #[test]
    fn the_bytes_are_trusted_over_a_lying_charset() {
        // Valid UTF-8 declared as gb2312, in the header or the page: UTF-8 it is.
        let page = "<meta charset=\"gb2312\"><p>\u{5317}\u{4eac} caf\u{e9}</p>".as_bytes().to_vec();
        assert_eq!(to_utf8(page.clone(), None), page);
        assert_eq!(to_utf8(page.clone(), Some("gb2312")), page);
        // Latin-1 declared as UTF-8 and as nothing at all: the bytes are guessed.
        let latin1 = b"<p>Le caf\xe9 de la gare a ferm\xe9 ses portes cet \xe9t\xe9.</p>".to_vec();
        let text = String::from_utf8(to_utf8(latin1, None)).unwrap();
        assert!(text.contains("caf\u{e9} de la gare a ferm\u{e9}"), "{text}");
        // Windows-1251 declared as ISO-8859-1 decodes without error there: the label stands.
        let cyrillic = b"<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>".to_vec();
        assert!(
            String::from_utf8(to_utf8(cyrillic, None))
                .unwrap()
                .contains("\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}")
        );
    }

    #[test]
    fn a_page_too_short_to_score_falls_back_to_its_body() {
        let raw = read(
            "<html><head><title>Short one</title></head><body><p>Only this.</p></body></html>",
            "p.html".into(),
            None,
        )
        .unwrap();
        assert_eq!(raw.text.trim(), "Only this.");
        assert_eq!(raw.title.as_deref(), Some("Short one"));
    }

    #[test]
    fn an_empty_page_is_nothing() {
        assert!(read("<html><body><script>x()</script></body></html>", "e".into(), None).is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..4096)) {
            let text = String::from_utf8_lossy(&bytes);
            let _ = read(&text, "x.html".into(), Some("http://127.0.0.1/x"));
            let _ = fragment_text(&text);
        }

        #[test]
        fn never_panics_on_tag_soup(html in "(<(/?[a-z]{1,7}|!--|!doctype|meta|script)( [a-z:-]{1,9}(=\"[^\"]{0,12}\")?){0,3}/?>|&[a-z#0-9]{0,6};?|[^<&]{0,30}){0,60}") {
            let _ = read(&html, "x.html".into(), None);
            let _ = fragment_text(&html);
        }
    }
}
