//! Splitting a text into paragraphs, as byte ranges into it.
//!
//! Blank lines always end a paragraph. Inside a block of lines, a line break ends one too unless
//! the text is hard-wrapped (the line stops mid-sentence near the block's width, or the next line
//! goes on in lower case). Bullets, Markdown heading and quote markers and indentation are left
//! outside the ranges.

use std::ops::Range;

/// One line with its content range (indentation and list markers excluded).
struct Line {
    content: Range<usize>,
    heading: bool,
    bullet: bool,
}

/// A paragraph found by [`split`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Paragraph {
    /// Byte range of the paragraph's content.
    pub range: Range<usize>,
    /// Whether `is_boilerplate` said it is not prose.
    pub boilerplate: bool,
}

/// Splits `text` into paragraphs. `is_bullet` tells list markers; `is_boilerplate` tells text that
/// is not prose: such a line is never joined to its neighbours, so it is dropped whole.
pub(super) fn split(
    text: &str,
    is_bullet: impl Fn(char) -> bool,
    is_boilerplate: impl Fn(&str) -> bool,
) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    for line in lines(text) {
        match content_of(text, line, &is_bullet) {
            Some(l) => block.push(l),
            None => flush(text, &mut block, &mut paragraphs, &is_boilerplate),
        }
    }
    flush(text, &mut block, &mut paragraphs, &is_boilerplate);
    paragraphs
}

/// The byte ranges of `text`'s lines, each with its line break, as `split_inclusive('\n')`
/// has them: found by a vectorised search, which the standard library's is not.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    // The last line, when the text does not end with a line break.
    let last = (!text.is_empty() && !text.ends_with('\n')).then_some(text.len());
    let ends = ends.chain(last);
    ends.scan(0, |start, end| Some(std::mem::replace(start, end)..end))
}

/// The content of one line, or `None` for a blank line.
fn content_of(text: &str, line: Range<usize>, is_bullet: &impl Fn(char) -> bool) -> Option<Line> {
    let raw = &text[line.clone()];
    let trimmed = raw.trim_start();
    let mut start = line.start + (raw.len() - trimmed.len());
    let mut rest = trimmed;
    let mut heading = false;
    let mut bullet = false;
    // A Markdown heading (`## Title`) or quote block marker (`> text`).
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && rest[hashes..].starts_with(' ') {
        heading = true;
        start += hashes;
        rest = &rest[hashes..];
    } else if let Some(r) = rest.strip_prefix("> ") {
        start += 2;
        rest = r;
    } else if let Some(c) = rest.chars().next().filter(|&c| is_bullet(c)) {
        // A bullet is a marker only when a space follows it ("-5 degrees" is not a list item).
        let after = &rest[c.len_utf8()..];
        if after.starts_with([' ', '\t']) {
            bullet = true;
            start += c.len_utf8();
            rest = after;
        }
    }
    let inner = rest.trim();
    if inner.is_empty() {
        return None;
    }
    start += rest.len() - rest.trim_start().len();
    Some(Line { content: start..start + inner.len(), heading, bullet })
}

/// Turns a block of consecutive non-blank lines into paragraphs.
fn flush(
    text: &str,
    block: &mut Vec<Line>,
    out: &mut Vec<Paragraph>,
    is_boilerplate: &impl Fn(&str) -> bool,
) {
    let width = block.iter().map(|l| l.content.len()).max().unwrap_or(0);
    // The paragraph being built, and whether it was joined from several lines.
    let mut current: Option<(Paragraph, bool)> = None;
    let mut previous_alone = false;
    for line in block.drain(..) {
        let s = &text[line.content.clone()];
        let boilerplate = is_boilerplate(s);
        let alone = line.heading || boilerplate;
        match &mut current {
            Some((p, joined))
                if !alone
                    && !previous_alone
                    && !line.bullet
                    && continues(&text[p.range.clone()], s, width) =>
            {
                p.range.end = line.content.end;
                *joined = true;
            }
            _ => {
                out.extend(current.take().map(|c| finish(text, c, is_boilerplate)));
                current = Some((Paragraph { range: line.content, boilerplate }, false));
            }
        }
        previous_alone = alone;
    }
    out.extend(current.map(|c| finish(text, c, is_boilerplate)));
}

/// A paragraph joined from several lines is judged as a whole once complete.
fn finish(
    text: &str,
    (mut p, joined): (Paragraph, bool),
    is_boilerplate: &impl Fn(&str) -> bool,
) -> Paragraph {
    if joined {
        p.boilerplate = is_boilerplate(&text[p.range.clone()]);
    }
    p
}

/// Whether `next` continues the hard-wrapped paragraph that ends with `prev`.
fn continues(prev: &str, next: &str, block_width: usize) -> bool {
    let last_line = prev.rsplit('\n').next().unwrap_or(prev);
    let ends_sentence = last_line
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', ':', '…']);
    if ends_sentence {
        return false;
    }
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    // Hard-wrapped text has lines of similar width, well under a typical paragraph's length.
    let wrapped = block_width <= 120 && last_line.len() * 10 >= block_width * 6;
    starts_lower || wrapped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        split(text, |c| c == '•' || c == '-', |s| s == "Advert")
            .into_iter()
            .map(|p| &text[p.range])
            .collect()
    }

    #[test]
    fn lines_are_as_split_inclusive_has_them() {
        for text in ["", "\n", "a", "a\n", "a\nb", "a\r\n\n b\n\n", "\n\nx"] {
            let expected: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(lines(text).map(|r| &text[r]).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn blank_lines_and_sentence_ends_split() {
        assert_eq!(paras("One.\n\nTwo.\nThree.\n"), ["One.", "Two.", "Three."]);
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let text = "The minister said the talks would\ncontinue on Monday in Minsk, and\nthat both sides had agreed.\n";
        assert_eq!(paras(text).len(), 1);
    }

    #[test]
    fn headings_bullets_and_indentation_are_outside_ranges() {
        assert_eq!(
            paras("# Title here\n\n  • Oops!\n    Something went wrong.\n- item one\n"),
            ["Title here", "Oops!", "Something went wrong.", "item one"]
        );
    }

    #[test]
    fn boilerplate_line_never_joins() {
        assert_eq!(
            paras("a line that stops\nAdvert\nand goes on"),
            ["a line that stops", "Advert", "and goes on"]
        );
    }
}
