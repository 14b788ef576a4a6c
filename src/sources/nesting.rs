//! HTML nested deeper than any article is: the tags past a depth are dropped before parsing,
//! their text kept. The HTML parser and Readability do work in proportion to the depth for
//! every element (scope checks, ancestor walks), so 20,000 nested `<div>`s took minutes; with
//! the depth bounded, any page is read in time linear in its size.

use std::borrow::Cow;

/// Deeper than this, elements are flattened into their ancestor: articles nest a few dozen
/// deep at most.
pub(super) const MAX_DEPTH: usize = 200;

/// Elements with no content, which never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag may be left out, closed by the next of their kind: not counted, since
/// a page of unclosed `<p>`s is flat, not deep.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rp", "rtc",
];

/// Elements whose content is raw text, to skip to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noscript"];

/// `html` with the start and end tags of elements deeper than `max` left out; borrowed when
/// nothing is that deep.
pub(super) fn bounded(html: &str, max: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Copied into `out` up to here.
    let mut copied = 0;
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + found;
        let Some(tag) = scan_tag(bytes, start) else {
            i = start + 1;
            continue;
        };
        let mut drop = false;
        match tag.kind {
            Kind::Open(name) => {
                if let Some(end) = raw_text_end(bytes, tag.end, name) {
                    i = end;
                    continue;
                }
                if counted(name) && !tag.self_closing {
                    depth += 1;
                    drop = depth > max;
                }
            }
            Kind::Close(name) => {
                if counted(name) {
                    drop = depth > max;
                    depth = depth.saturating_sub(1);
                }
            }
            Kind::Other => {}
        }
        if drop {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            // Tags start at `<` and end after `>`, both ASCII: on character boundaries.
            out.push_str(html.get(copied..start).unwrap_or_default());
            copied = tag.end;
        }
        i = tag.end;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.push_str(html.get(copied..).unwrap_or_default());
            Cow::Owned(out)
        }
    }
}

/// What a tag opens or closes, by lower-case name.
enum Kind<'a> {
    Open(&'a str),
    Close(&'a str),
    /// A comment, doctype or processing instruction.
    Other,
}

struct Tag<'a> {
    kind: Kind<'a>,
    self_closing: bool,
    /// Just past the tag's `>`.
    end: usize,
}

/// The tag starting at `bytes[start]` (a `<`), or `None` when that `<` is text.
fn scan_tag(bytes: &[u8], start: usize) -> Option<Tag<'static>> {
    let rest = &bytes[start + 1..];
    if rest.starts_with(b"!--") {
        let end =
            memchr::memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |e| start + 4 + e + 3);
        return Some(Tag { kind: Kind::Other, self_closing: false, end });
    }
    if matches!(rest.first(), Some(b'!' | b'?')) {
        let end = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| start + 1 + e + 1);
        return Some(Tag { kind: Kind::Other, self_closing: false, end });
    }
    let (closing, name_at) = if rest.first() == Some(&b'/') { (true, 1) } else { (false, 0) };
    let name_len = rest[name_at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    if name_len == 0 || !rest[name_at].is_ascii_alphabetic() {
        return None;
    }
    let name = known_name(&rest[name_at..name_at + name_len]);
    // The tag ends at the first `>` outside a quoted attribute value.
    let mut quote = None;
    let mut j = name_at + name_len;
    while let Some(&b) = rest.get(j) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => break,
            _ => {}
        }
        j += 1;
    }
    let end = (start + 1 + j + 1).min(bytes.len());
    let self_closing = j > 0 && rest.get(j - 1) == Some(&b'/');
    let kind = if closing { Kind::Close(name) } else { Kind::Open(name) };
    Some(Tag { kind, self_closing, end })
}

/// The name of a tag that matters here (void, optional end, raw text), else `""`, which counts
/// as an ordinary element.
fn known_name(raw: &[u8]) -> &'static str {
    VOID.iter()
        .chain(OPTIONAL_END)
        .chain(RAW_TEXT)
        .find(|n| n.as_bytes().eq_ignore_ascii_case(raw))
        .copied()
        .unwrap_or("")
}

/// True for the elements the depth counts.
fn counted(name: &str) -> bool {
    !VOID.contains(&name) && !OPTIONAL_END.contains(&name)
}

/// For a raw-text element opened before `from`: just past its end tag.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    if name.is_empty() || !RAW_TEXT.contains(&name) {
        return None;
    }
    let close = format!("</{name}");
    let rest = bytes.get(from..)?;
    let at = rest
        .windows(close.len())
        .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
        .map_or(bytes.len(), |p| from + p);
    Some(memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |e| at + e + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_borrowed_untouched() {
        let html =
            "<html><body><div><p>One<p>Two<br><img src='a>b'></div><!-- <div> --></body></html>";
        assert!(matches!(bounded(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_depth_are_dropped_and_their_text_kept() {
        let html = "<div><div><div><b>deep</b> text</div></div></div>";
        assert_eq!(bounded(html, 2), "<div><div>deep text</div></div>");
    }

    #[test]
    fn scripts_and_comments_do_not_count() {
        let html =
            "<div><script>if (a<b) { '<div><div><div>' }</script><!--<div><div>--><p>x</div>";
        assert!(matches!(bounded(html, 1), Cow::Borrowed(_)));
    }

    #[test]
    fn twenty_thousand_nested_divs_become_two_hundred() {
        let n = 20_000;
        let html = format!("{}Deep text.{}", "<div>".repeat(n), "</div>".repeat(n));
        let out = bounded(&html, MAX_DEPTH);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("Deep text."));
    }
}
