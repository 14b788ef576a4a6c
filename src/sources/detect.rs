//! Telling formats apart: by content first (a feed, an HTML page, a first line that is a JSON
//! object), then by the HTTP content type, then by the file extension.

use std::path::Path;

use super::{feed, html, jsonl, text};

/// The formats, as told from content, then content type, then extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown.
    Text,
    /// A web page.
    Html,
    /// RSS or Atom.
    Feed,
    /// Articles as JSON records.
    Dataset(jsonl::Layout),
}

/// How many bytes of an input are looked at to tell its format.
pub const SNIFF_BYTES: usize = 64 << 10;

/// The format of a document whose first bytes are `head`, called `name` (a path or URL), served
/// as `content_type` if it came over HTTP.
pub fn detect(head: &[u8], name: &str, content_type: Option<&str>) -> Format {
    if feed::sniff(head) {
        return Format::Feed;
    }
    if html::sniff(head) {
        return Format::Html;
    }
    if let Some(layout) = jsonl::sniff(head) {
        return Format::Dataset(layout);
    }
    // Nothing, or binary data, is no page, feed or dataset whatever its name: the text reader
    // reports it as such.
    if head.iter().all(u8::is_ascii_whitespace) || text::looks_binary(head) {
        return Format::Text;
    }
    let layout = || match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => jsonl::Layout::Array,
        _ => jsonl::Layout::Lines,
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

/// False when `head` surely does not start with a tag (`<`) after white space: what a feed or a
/// page must start with, told from the first bytes without decoding and lower-casing 4 KiB of
/// every text file.
pub(super) fn may_start_with_tag(head: &[u8]) -> bool {
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
    fn content_first_then_type_then_extension() {
        let page = b"<!DOCTYPE html><html><body><p>Hi</p></body></html>";
        assert_eq!(detect(page, "notes.txt", Some("text/plain")), Format::Html);
        assert_eq!(detect(b"<rss version=\"2.0\">", "x.html", None), Format::Feed);
        assert_eq!(
            detect(b"{\"text\": \"a\"}\n", "x.txt", None),
            Format::Dataset(jsonl::Layout::Lines)
        );
        assert_eq!(detect(b"<p>Hi</p>", "https://e.x/a?b=c", Some("text/html")), Format::Html);
        assert_eq!(detect(b"<p>Hi</p>", "page.HTM", None), Format::Html);
        assert_eq!(detect(b"[ ]", "list.json", None), Format::Dataset(jsonl::Layout::Array));
        assert_eq!(detect(b"# Title\n\nText.", "a.md", None), Format::Text);
        assert_eq!(detect(b"Plain words.", "https://e.x/story", Some("text/plain")), Format::Text);
        assert_eq!(detect(b" \n", "empty.jsonl", None), Format::Text);
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n\0\0", "image.html", Some("text/html")), Format::Text);
    }
}
