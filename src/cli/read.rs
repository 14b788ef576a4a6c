//! `saidso read`: articles as plain wrapped text, title first.

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
        return Err(nothing_loaded(paths));
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
        for line in textwrap::wrap(&paragraph, wrap_options(width)) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
