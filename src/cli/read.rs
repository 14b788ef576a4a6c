//! `saidso read`: articles as plain wrapped text, title first.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};

use super::{StateArgs, finish, inputs, load, nothing_loaded, report, stdout};
use crate::app::wrap_options;
use crate::config::Config;
use crate::load::Loaded;
use crate::model::Article;

/// Widest default wrap: long lines are hard to read.
const MAX_WIDTH: usize = 100;

pub(super) fn run(
    paths: &[String],
    fetched: bool,
    width: Option<usize>,
    state: &StateArgs,
    config: &Config,
) -> anyhow::Result<()> {
    let width = width.unwrap_or_else(default_width).max(10);
    let inputs = inputs(paths, fetched, state);
    let mut out = stdout();
    let mut first = true;
    let count = load(
        &inputs,
        config,
        &mut out,
        |a| render(&a, width),
        |out, loaded| -> anyhow::Result<()> {
            match loaded {
                Loaded::Problem(p) => report(&p),
                Loaded::Item(text) => {
                    if !first {
                        writeln!(out, "\n{}\n", "─".repeat(width.min(40)))?;
                    }
                    first = false;
                    out.write_all(text.as_bytes())?;
                }
            }
            Ok(())
        },
    )?;
    if count == 0 {
        return Err(nothing_loaded(paths, fetched));
    }
    finish(out)
}

/// The terminal's width when writing to one, else 80.
fn default_width() -> usize {
    match ratatui::crossterm::terminal::size() {
        Ok((cols, _)) if std::io::stdout().is_terminal() => usize::from(cols).min(MAX_WIDTH),
        _ => 80,
    }
}

/// The article as text: title, underline, then the paragraphs wrapped to `width`.
pub(super) fn render(article: &Article, width: usize) -> String {
    let mut out = String::new();
    for line in textwrap::wrap(&article.title, wrap_options(width)) {
        out.push_str(&line);
        out.push('\n');
    }
    let rule_width = unicode_width::UnicodeWidthStr::width(article.title.as_str()).min(width);
    out.push_str(&"=".repeat(rule_width));
    out.push('\n');
    for paragraph in article.paragraph_texts() {
        out.push('\n');
        wrap_into(&mut out, &paragraph, width);
    }
    out
}

/// Paragraphs longer than this many bytes are wrapped a piece at a time: wrapping holds several
/// times its text's size in words and lines, gigabytes for a file that is one long line.
const PIECE: usize = 1 << 16;

/// Appends `paragraph` wrapped to `width`, a line at a time. A long paragraph is wrapped a
/// piece at a time, each piece's last line carried over to start the next, so that no line is
/// cut short where a piece ends.
fn wrap_into(out: &mut String, paragraph: &str, width: usize) {
    let mut push = |line: &str| {
        out.push_str(line);
        out.push('\n');
    };
    let mut rest = paragraph;
    while let Some(cut) = piece_end(rest) {
        let piece = &rest[..cut];
        let lines = textwrap::wrap(piece, wrap_options(width));
        // Where the last line starts in the piece: lines are slices of it, but for a word
        // broken to fit (then the piece is wrapped as it is).
        let carried = match lines.last() {
            Some(Cow::Borrowed(last)) => {
                (last.as_ptr() as usize).checked_sub(piece.as_ptr() as usize)
            }
            _ => None,
        };
        let Some(start) = carried.filter(|&s| s > 0 && s < piece.len()) else { break };
        lines[..lines.len() - 1].iter().for_each(|line| push(line));
        rest = &rest[start..];
    }
    textwrap::wrap(rest, wrap_options(width)).iter().for_each(|line| push(line));
}

/// Where the first piece of a long paragraph ends: at the first space after [`PIECE`] bytes.
/// `None` for a paragraph short enough to wrap whole.
fn piece_end(paragraph: &str) -> Option<usize> {
    let from = (PIECE..paragraph.len()).find(|&i| paragraph.is_char_boundary(i))?;
    paragraph[from..].find(' ').map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_paragraph_wraps_a_piece_at_a_time_into_full_lines() {
        let words: Vec<String> = (0..40_000).map(|i| format!("w{}", i % 997)).collect();
        let paragraph = words.join(" ");
        assert!(paragraph.len() > 2 * PIECE);
        let mut out = String::new();
        wrap_into(&mut out, &paragraph, 60);
        let lines: Vec<&str> = out.lines().collect();
        // Every word, in order, and no line cut short but the last.
        assert_eq!(lines.join(" "), paragraph);
        assert!(lines.iter().all(|l| l.len() <= 60));
        assert!(lines[..lines.len() - 1].iter().all(|l| l.len() > 50), "a short line inside");
    }
}
