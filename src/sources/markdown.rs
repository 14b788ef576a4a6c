//! Markdown files: inline markup taken out, so that `**Jane Doe** said` reads as `Jane Doe
//! said` and `[Jane Doe](https://…).` as `Jane Doe.`.
//!
//! What is taken out is noted in the text's [`Offsets`], as invalid UTF-8 is: offsets into the
//! text still map to the file's bytes. Block markup (headings, quote blocks, bullets) is
//! cleaning's to read (see `clean::paragraphs`).

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::text::take_out;
use crate::model::Offsets;

/// Whether a file called `name` is Markdown, by its extension.
pub(super) fn is_markdown(name: &str) -> bool {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(extension.as_deref(), Some("md" | "markdown" | "mdown" | "mkd"))
}

/// `text` without its markup (see [`markup`]), and `offsets` (the decoded text's, into the
/// file) made the new text's.
pub(super) fn strip_inline(text: String, offsets: Offsets) -> (String, Offsets) {
    let remove = markup(&text);
    if !remove.contains(&true) {
        return (text, offsets);
    }
    // Whole characters are taken out (the parser's ranges and `<`, `>` fall between them).
    take_out(text, offsets, &remove)
}

/// Which bytes of `text` are markup, read by a CommonMark parser: inside a paragraph or a
/// heading everything but the words and line breaks (emphasis marks, link brackets and
/// targets, inline HTML tags, escape backslashes, code spans' backticks, images whole); the
/// underline of a heading underlined with `===`, front matter, link reference definitions, and
/// the tags of an HTML block. Block marks at the start of a line (`#`, `>`, bullets) stay, for
/// cleaning to read.
fn markup(text: &str) -> Vec<bool> {
    let mut remove = vec![false; text.len()];
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let parser = Parser::new_ext(text, options);
    for (_, definition) in parser.reference_definitions().iter() {
        blank(text, definition.span.clone(), &mut remove);
    }
    let mut run = Run::default();
    // Inside an image (its words go with it), and inside front matter.
    let (mut image, mut metadata) = (0usize, false);
    // A heading underlined (`Title` then `=====`): its whole range, for the underline.
    let mut setext: Option<Range<usize>> = None;
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Image { .. }) => {
                image += 1;
                run.cover(range);
            }
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            Event::Start(Tag::MetadataBlock(_)) => {
                metadata = true;
                blank(text, range, &mut remove);
            }
            Event::End(TagEnd::MetadataBlock(_)) => metadata = false,
            _ if metadata => {}
            Event::Start(Tag::Heading { .. }) => {
                run.flush(text, &mut remove);
                let underlined =
                    !text.get(range.clone()).unwrap_or("").trim_start().starts_with('#');
                setext = underlined.then_some(range);
            }
            Event::End(TagEnd::Heading(_)) => {
                let words_end = run.span.as_ref().map(|s| s.end);
                run.flush(text, &mut remove);
                if let (Some(heading), Some(from)) = (setext.take(), words_end) {
                    blank(text, from..heading.end, &mut remove);
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
            | Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            )
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_) => run.cover(range),
            Event::Text(words) => {
                if image == 0 {
                    run.keep(words_of(text, range.clone(), &words));
                }
                run.cover(range);
            }
            Event::Code(code) => {
                if image == 0 {
                    run.keep(words_of(text, range.clone(), &code));
                }
                run.cover(range);
            }
            Event::Html(_) => {
                run.flush(text, &mut remove);
                blank_tags(text, range, &mut remove);
            }
            _ => run.flush(text, &mut remove),
        }
    }
    run.flush(text, &mut remove);
    remove
}

/// A stretch of inline content (a paragraph's or a heading's): its span, and the words in it.
#[derive(Default)]
struct Run {
    span: Option<Range<usize>>,
    words: Vec<Range<usize>>,
}

impl Run {
    fn cover(&mut self, range: Range<usize>) {
        self.span = Some(match self.span.take() {
            Some(span) => span.start.min(range.start)..span.end.max(range.end),
            None => range,
        });
    }

    fn keep(&mut self, words: Range<usize>) {
        self.words.push(words);
    }

    /// Marks what in the run is no word, and starts a new one.
    fn flush(&mut self, text: &str, remove: &mut [bool]) {
        let Some(span) = self.span.take() else { return };
        let mut words = std::mem::take(&mut self.words);
        words.sort_by_key(|w| w.start);
        let mut at = span.start;
        for w in words.iter().chain([&(span.end..span.end)]) {
            if w.start > at {
                blank(text, at..w.start.min(span.end), remove);
            }
            at = at.max(w.end);
        }
    }
}

/// Where the words of an event that shows `shown` lie in `range` of `text`: all of it, or the
/// end of it when the source holds more (the backslash of `\*`, a code span's backticks).
fn words_of(text: &str, range: Range<usize>, shown: &str) -> Range<usize> {
    let source = text.get(range.clone()).unwrap_or("");
    if source == shown {
        return range;
    }
    match source.find(shown) {
        Some(at) if !shown.is_empty() => range.start + at..range.start + at + shown.len(),
        // Shown otherwise (`&amp;` as `&`): the source's bytes stay as they are.
        _ => range,
    }
}

/// Marks `range` of `text` as markup, line ends aside, so that lines and paragraphs stay.
fn blank(text: &str, range: Range<usize>, remove: &mut [bool]) {
    let bytes = text.as_bytes();
    for at in range {
        if let (Some(r), Some(b)) = (remove.get_mut(at), bytes.get(at))
            && !matches!(b, b'\n' | b'\r')
        {
            *r = true;
        }
    }
}

/// Marks the tags and comments in an HTML block's `range` (`<div class="x">`, `<!-- … -->`),
/// keeping the words between them.
fn blank_tags(text: &str, range: Range<usize>, remove: &mut [bool]) {
    let Some(html) = text.get(range.clone()) else { return };
    let mut at = 0;
    while let Some(open) = html[at..].find('<') {
        let open = at + open;
        let close = if html[open..].starts_with("<!--") { "-->" } else { ">" };
        let Some(end) = html[open..].find(close) else { break };
        let end = open + end + close.len();
        blank(text, range.start + open..range.start + end, remove);
        at = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(text: &str) -> String {
        strip_inline(text.to_string(), Offsets::default()).0
    }

    #[test]
    fn emphasis_goes_when_it_pairs() {
        assert_eq!(strip("**Jane Doe** said it."), "Jane Doe said it.");
        assert_eq!(strip("_Jane Doe_ and *Tom*, ***Ann*** ~~no~~."), "Jane Doe and Tom, Ann no.");
        assert_eq!(strip("__Jane__ said **[Ann](u)**"), "Jane said Ann");
        // Marks that pair with none, or stand inside a word (`_`) or between spaces, are text.
        assert_eq!(strip("snake_case_name and 5 * 6 *"), "snake_case_name and 5 * 6 *");
        assert_eq!(strip(r"a \*literal\* star"), "a *literal* star");
    }

    #[test]
    fn links_keep_their_words_and_images_go() {
        assert_eq!(strip("[Jane Doe](https://example.org/jd) said"), "Jane Doe said");
        assert_eq!(strip("said [Jane Doe](https://x.example)."), "said Jane Doe.");
        assert_eq!(
            strip("see [the report][1] and ![a chart](c.png) now\n\n[1]: https://x.example/r"),
            "see the report and  now\n\n"
        );
        // A title in quotes is the link's, not a quotation.
        assert_eq!(
            strip(r#""Done," said [Ann Bell](https://x.example/a "Ann's page")."#),
            r#""Done," said Ann Bell."#
        );
        assert_eq!(strip("[link](https://en.wikipedia.org/wiki/A_(b)) end"), "link end");
        // Brackets with no target are the writer's (`[sic]`).
        assert_eq!(strip("it [sic] was (so)"), "it [sic] was (so)");
    }

    #[test]
    fn html_headings_code_and_front_matter() {
        assert_eq!(
            strip(r#""Ships will come," said <span class="name">Eve Gray</span>."#),
            r#""Ships will come," said Eve Gray."#
        );
        assert_eq!(
            strip("<div class=\"q\">\"We waited,\" said Cal Dunn.</div>\n<!-- note -->\n"),
            "\"We waited,\" said Cal Dunn.\n\n"
        );
        assert_eq!(strip("Harbour plan\n============\n\nText."), "Harbour plan\n\n\nText.");
        assert_eq!(strip("---\ntitle: \"A\"\n---\n\nText."), "\n\n\n\nText.");
        assert_eq!(strip("It is a `*bad*` idea"), "It is a *bad* idea");
        // Block marks stay for cleaning: headings, bullets, quote blocks.
        assert_eq!(strip("# Title\n\n- one\n- two\n\n> said"), "# Title\n\n- one\n- two\n\n> said");
    }

    #[test]
    fn offsets_map_back_to_the_file_through_the_decoding() {
        let file = "**Ann** said [it](u) \u{fffd} _x_ end";
        // As if the decoding had put U+FFFD (3 bytes) where the file had one byte.
        let fffd = file.find('\u{fffd}').unwrap();
        let mut decoding = Offsets::default();
        decoding.push(fffd + 3, fffd + 1);
        let (text, offsets) = strip_inline(file.to_string(), decoding);
        assert_eq!(text, "Ann said it \u{fffd} x end");
        let in_file = |word: &str| offsets.in_file(text.find(word).unwrap());
        assert_eq!(in_file("Ann"), 2);
        assert_eq!(in_file("said"), file.find("said").unwrap());
        assert_eq!(in_file("it"), file.find("it]").unwrap());
        assert_eq!(in_file("x"), file.find("x_").unwrap() - 2);
        assert_eq!(in_file("end"), file.find("end").unwrap() - 2);
    }

    #[test]
    fn only_markdown_files() {
        assert!(is_markdown("a/b.md") && is_markdown("NOTES.Markdown"));
        assert!(!is_markdown("a.txt") && !is_markdown("md") && !is_markdown("-"));
    }
}
