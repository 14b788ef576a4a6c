//! Telling formats apart, all of it here: by content first (a feed, an HTML page, a first line
//! that is a JSON object, binary data), then by the HTTP content type, then by the file
//! extension. The readers of each format only read; none of them guesses.

use std::path::Path;

use serde_json::{Map, Value};

/// The formats, as told from content, then content type, then extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    /// Plain text or Markdown.
    Text,
    /// A web page.
    Html,
    /// RSS or Atom.
    Feed,
    /// Articles as JSON records.
    Dataset(DatasetLayout),
}

/// How a dataset file is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DatasetLayout {
    /// One JSON object a line.
    Lines,
    /// One JSON array of objects.
    Array,
}

/// How many bytes of an input are looked at to tell its format.
pub(super) const SNIFF_BYTES: usize = 64 << 10;

/// The format of a document whose first bytes are `head`, called `name` (a path or URL), served
/// as `content_type` if it came over HTTP.
pub(super) fn detect(head: &[u8], name: &str, content_type: Option<&str>) -> Format {
    if is_feed(head) || is_json_feed(head) {
        return Format::Feed;
    }
    if is_html(head) {
        return Format::Html;
    }
    if let Some(layout) = dataset_layout(head) {
        return Format::Dataset(layout);
    }
    // Nothing, or binary data, is no page, feed or dataset whatever its name: the text reader
    // reports it as such.
    if head.iter().all(u8::is_ascii_whitespace) || looks_binary(head) {
        return Format::Text;
    }
    let layout = || match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => DatasetLayout::Array,
        _ => DatasetLayout::Lines,
    };
    let by_type = content_type.and_then(|t| match t {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" => {
            Some(Format::Feed)
        }
        "application/json" | "application/x-ndjson" | "application/jsonl" => {
            Some(Format::Dataset(layout()))
        }
        _ => None,
    });
    let extension = Path::new(name.split(['?', '#']).next().unwrap_or(name))
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    by_type.unwrap_or(match extension.as_deref() {
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("rss" | "atom" | "xml") => Format::Feed,
        Some("jsonl" | "ndjson" | "json") => Format::Dataset(layout()),
        _ => Format::Text,
    })
}

/// Tells a feed from other XML and from HTML by its first bytes.
pub(super) fn is_feed(head: &[u8]) -> bool {
    if !may_start_with_tag(head) {
        return false;
    }
    let head = String::from_utf8_lossy(&head[..head.len().min(4096)]).to_ascii_lowercase();
    let start = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    (start.starts_with("<?xml") || start.starts_with("<rss") || start.starts_with("<feed"))
        && ["<rss", "<feed", "<rdf:rdf"].iter().any(|tag| head.contains(tag))
}

/// Tells a JSON Feed (version 1 or 1.1) from a dataset: an object whose `version` names
/// jsonfeed.org, near the top.
pub(super) fn is_json_feed(head: &[u8]) -> bool {
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    if start.is_none_or(|s| head[s] != b'{') {
        return false;
    }
    let head = &head[..head.len().min(4096)];
    head.windows(20).any(|w| w.eq_ignore_ascii_case(b"jsonfeed.org/version"))
}

/// Tells an HTML page from other text by its first bytes.
pub(super) fn is_html(head: &[u8]) -> bool {
    if !may_start_with_tag(head) {
        return false;
    }
    let head = String::from_utf8_lossy(&head[..head.len().min(4096)]).to_ascii_lowercase();
    let start = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    ["<!doctype html", "<html", "<head", "<body"].iter().any(|tag| start.starts_with(tag))
        || ((start.starts_with("<!--") || start.starts_with("<?xml")) && head.contains("<html"))
}

/// Tells a dataset from other text by its first bytes: an array of objects, or a first line
/// that is a whole JSON object.
pub(super) fn dataset_layout(head: &[u8]) -> Option<DatasetLayout> {
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    match head.first()? {
        b'[' => {
            let next = head[1..].iter().find(|b| !b.is_ascii_whitespace());
            matches!(next, Some(b'{') | Some(b']')).then_some(DatasetLayout::Array)
        }
        b'{' => {
            let line = head.split(|&b| b == b'\n').next()?;
            let whole = serde_json::from_slice::<Map<String, Value>>(line).is_ok();
            // A first line longer than the sniffed head: an object key is evidence enough.
            let cut = line.len() == head.len() && head.len() > 1 && head[1] == b'"';
            (whole || cut).then_some(DatasetLayout::Lines)
        }
        _ => None,
    }
}

/// Binary, as `git` and `grep` decide it: a NUL byte in the first 8 KiB, or mostly control bytes.
pub(super) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = |b: u8| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b);
    // One pass, which the compiler vectorises, counts control bytes in byte-wide sums of at
    // most 255 and finds the least byte (0 for a NUL): every file read is checked here, twice.
    let (mut controls, mut least) = (0usize, u8::MAX);
    for chunk in head.chunks(255) {
        let mut n = 0u8;
        for &b in chunk {
            n += u8::from(control(b));
            least = least.min(b);
        }
        controls += usize::from(n);
    }
    least == 0 || controls * 10 > head.len()
}

/// False when `head` surely does not start with a tag (`<`) after white space: what a feed or a
/// page must start with, told from the first bytes without decoding and lower-casing 4 KiB of
/// every text file.
fn may_start_with_tag(head: &[u8]) -> bool {
    // ASCII white space as `char::is_whitespace` has it (with the vertical tab).
    let first = head.iter().find(|b| !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'));
    // A non-ASCII byte may be a byte-order mark or other white space: the full sniff decides.
    first.is_some_and(|&b| b == b'<' || !b.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_starts_with_a_tag() {
        assert!(may_start_with_tag(b" \n\x0b<rss>"));
        assert!(may_start_with_tag("\u{feff}<html>".as_bytes()));
        assert!(!may_start_with_tag(b"Talks resume <b>today</b>"));
        assert!(!may_start_with_tag(b"  "));
    }

    #[test]
    fn feeds_pages_and_datasets_by_their_first_bytes() {
        assert!(is_feed(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"));
        assert!(!is_feed(b"<!DOCTYPE html><html><body>rss</body></html>"));
        assert!(!is_feed(b"<?xml version=\"1.0\"?><svg></svg>"));
        assert!(is_feed(b"\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(is_html(b"<!-- saved --><html><body>"));
        let json_feed = b"{\n \"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": []}";
        assert!(is_json_feed(json_feed));
        assert_eq!(detect(json_feed, "feed.json", None), Format::Feed);
        assert!(!is_json_feed(b"{\"text\": \"see jsonfeed.org\"}"));
        assert!(!is_html(b"<p>a fragment</p>"));
        assert_eq!(dataset_layout(b"{\"text\": \"a\"}\n{"), Some(DatasetLayout::Lines));
        assert_eq!(dataset_layout(b"  [\n {\"text\": 1}]"), Some(DatasetLayout::Array));
        assert_eq!(dataset_layout(b"[Updated] The mayor said"), None);
        assert_eq!(dataset_layout(b"{braces} in prose\n"), None);
        assert_eq!(dataset_layout(b"Plain text"), None);
        assert!(looks_binary(b"PK\x03\x04\0\0binary"));
        assert!(!looks_binary("caf\u{e9} au lait".as_bytes()));
    }

    #[test]
    fn content_first_then_type_then_extension() {
        let page = b"<!DOCTYPE html><html><body><p>Hi</p></body></html>";
        assert_eq!(detect(page, "notes.txt", Some("text/plain")), Format::Html);
        assert_eq!(detect(b"<rss version=\"2.0\">", "x.html", None), Format::Feed);
        assert_eq!(
            detect(b"{\"text\": \"a\"}\n", "x.txt", None),
            Format::Dataset(DatasetLayout::Lines)
        );
        assert_eq!(detect(b"<p>Hi</p>", "https://e.x/a?b=c", Some("text/html")), Format::Html);
        assert_eq!(detect(b"<p>Hi</p>", "page.HTM", None), Format::Html);
        assert_eq!(detect(b"[ ]", "list.json", None), Format::Dataset(DatasetLayout::Array));
        assert_eq!(detect(b"# Title\n\nText.", "a.md", None), Format::Text);
        assert_eq!(detect(b"Plain words.", "https://e.x/story", Some("text/plain")), Format::Text);
        assert_eq!(detect(b" \n", "empty.jsonl", None), Format::Text);
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n\0\0", "image.html", Some("text/html")), Format::Text);
    }
}
