//! Markdown files: inline markup taken out, so that `**Jane Doe** said` reads as `Jane Doe
//! said` and `[Jane Doe](https://…).` as `Jane Doe.`.
//!
//! What is taken out is noted in the text's [`Offsets`], as invalid UTF-8 is: offsets into the
//! text still map to the file's bytes. Block markup (headings, quote blocks, bullets) is
//! cleaning's to read (see `clean::paragraphs`).

use crate::model::Offsets;

/// Whether a file called `name` is Markdown, by its extension.
pub(super) fn is_markdown(name: &str) -> bool {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(extension.as_deref(), Some("md" | "markdown" | "mdown" | "mkd"))
}

/// `text` without its inline markup, and `offsets` (the decoded text's, into the file) made
/// the new text's: emphasis (`*a*`, `**a**`, `_a_`, `__a__`, `~~a~~`), links (`[a](url)`,
/// `[a][ref]`: the words stay), images (`![alt](url)`: all of it) and the backslash of an
/// escape (`\*`) go. Read a line at a time; a mark that pairs with none stays.
pub(super) fn strip_inline(text: String, offsets: Offsets) -> (String, Offsets) {
    let bytes = text.as_bytes();
    let mut remove = vec![false; bytes.len()];
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        mark_line(&bytes[start..end], &mut remove[start..end]);
        start = end + 1;
    }
    if !remove.contains(&true) {
        return (text, offsets);
    }
    // Every mark is one ASCII byte: what is left is as valid UTF-8 as the text was.
    let kept: Vec<u8> = bytes.iter().zip(&remove).filter(|(_, r)| !**r).map(|(b, _)| *b).collect();
    // Where the new text's bytes were in the old text: a break after each run taken out.
    let mut ours = Offsets::default();
    let mut taken = 0;
    for (at, r) in remove.iter().enumerate() {
        if *r {
            taken += 1;
        } else if at > 0 && remove[at - 1] {
            ours.push(at - taken, at);
        }
    }
    // Composed with the decoding's: a break wherever either map has one.
    let mut breaks: Vec<usize> = ours.breaks().collect();
    breaks.extend(offsets.breaks().map(|old| old - removed_before(&remove, old)));
    breaks.sort_unstable();
    breaks.dedup();
    let mut composed = Offsets::default();
    for at in breaks {
        composed.push(at, offsets.in_file(ours.in_file(at)));
    }
    let text = String::from_utf8(kept)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, composed)
}

/// How many bytes before `at` are taken out.
fn removed_before(remove: &[bool], at: usize) -> usize {
    remove.get(..at).unwrap_or(remove).iter().filter(|r| **r).count()
}

/// Marks the inline markup of one line in `remove`.
fn mark_line(line: &[u8], remove: &mut [bool]) {
    // Escaped characters are literal: not marks.
    let mut literal = vec![false; line.len()];
    for i in 0..line.len().saturating_sub(1) {
        if line[i] == b'\\' && !literal[i] && line[i + 1].is_ascii_punctuation() {
            remove[i] = true;
            literal[i + 1] = true;
        }
    }
    mark_links(line, &literal, remove);
    mark_emphasis(line, &literal, remove);
}

/// Marks links' brackets and targets, not their words, and images whole.
fn mark_links(line: &[u8], literal: &[bool], remove: &mut [bool]) {
    let mut i = 0;
    while i < line.len() {
        if line[i] != b'[' || literal[i] {
            i += 1;
            continue;
        }
        let Some(close) = (i + 1..line.len()).find(|&j| line[j] == b']' && !literal[j]) else {
            return;
        };
        // Brackets inside the words: not a link (`[a [b] c]` is left alone).
        if line[i + 1..close].contains(&b'[') {
            i += 1;
            continue;
        }
        let Some(target_end) = target(line, close + 1) else {
            i = close + 1;
            continue;
        };
        let image = i > 0 && line[i - 1] == b'!' && !literal[i - 1];
        let from = if image { i - 1 } else { i };
        for (j, r) in remove.iter_mut().enumerate().take(target_end).skip(from) {
            if image || j == i || j >= close {
                *r = true;
            }
        }
        i = target_end;
    }
}

/// Where a link's target that starts at `at` ends (just past its `)` or `]`): `(url)` with
/// balanced parentheses, or `[ref]`.
fn target(line: &[u8], at: usize) -> Option<usize> {
    let (open, close) = match line.get(at)? {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (j, &b) in line.iter().enumerate().skip(at) {
        if b == open {
            depth += 1;
        } else if b == close {
            depth -= 1;
            if depth == 0 {
                return Some(j + 1);
            }
        } else if b == b' ' && open == b'(' && depth == 1 {
            // A title after the URL (`(url "title")`) is allowed; a sentence is not.
            if !line[j + 1..].starts_with(b"\"") {
                return None;
            }
        }
    }
    None
}

/// One run of emphasis marks.
#[derive(Clone, Copy)]
struct Run {
    at: usize,
    len: usize,
    mark: u8,
}

/// Marks runs of `*`, `_` and `~` that open and close emphasis, paired with a run of the same
/// mark and length later in the line.
fn mark_emphasis(line: &[u8], literal: &[bool], remove: &mut [bool]) {
    let mut open: Vec<Run> = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let mark = line[i];
        if !matches!(mark, b'*' | b'_' | b'~') || literal[i] {
            i += 1;
            continue;
        }
        let len = line[i..].iter().take_while(|&&b| b == mark).count();
        let run = Run { at: i, len, mark };
        i += len;
        if len > 3 || (mark == b'~' && len != 2) {
            continue;
        }
        let before = run.at.checked_sub(1).map(|j| line[j]);
        let after = line.get(i).copied();
        let (opens, closes) = flanking(before, after, mark);
        let paired = open.iter().rposition(|o| o.mark == mark && o.len == len);
        match paired {
            Some(k) if closes => {
                let o = open[k];
                open.truncate(k);
                remove[o.at..o.at + o.len].fill(true);
                remove[run.at..run.at + run.len].fill(true);
            }
            _ if opens => open.push(run),
            _ => {}
        }
    }
}

/// Whether a run of `mark` between `before` and `after` may open and may close emphasis, as
/// CommonMark tells them: an opener is followed by a word, a closer follows one; `_` never
/// inside a word (`snake_case`).
fn flanking(before: Option<u8>, after: Option<u8>, mark: u8) -> (bool, bool) {
    let space = |b: Option<u8>| b.is_none_or(|b| b.is_ascii_whitespace());
    let punct = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_punctuation());
    let word = |b: Option<u8>| !space(b) && !punct(b);
    let left = !space(after) && (!punct(after) || space(before) || punct(before));
    let right = !space(before) && (!punct(before) || space(after) || punct(after));
    if mark == b'_' { (left && !word(before), right && !word(after)) } else { (left, right) }
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
            strip("see [the report][1] and ![a chart](c.png) now"),
            "see the report and  now"
        );
        assert_eq!(strip("[link](https://en.wikipedia.org/wiki/A_(b)) end"), "link end");
        // Brackets with no target are the writer's (`[sic]`).
        assert_eq!(strip("it [sic] was (so)"), "it [sic] was (so)");
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
