//! `saidso mark`: set marks by article id, for scripts.

use std::io::{self, BufRead, Write};

use anyhow::{Context, bail};

use super::StateArgs;
use crate::model::ArticleId;
use crate::store::Store;

/// The marks to set; `None` leaves that mark as it is.
#[derive(Clone, Copy, Debug)]
pub(super) struct Change {
    /// Read (`Some(true)`) or unread.
    pub read: Option<bool>,
    /// Starred or not.
    pub starred: Option<bool>,
}

pub(super) fn run(
    ids: &[String],
    change: Change,
    verbose: bool,
    state: &StateArgs,
) -> anyhow::Result<()> {
    if state.no_state {
        bail!("--no-state leaves nowhere to save marks");
    }
    // Parse every argument before the first change, so a typo changes nothing.
    let ids: Vec<Option<ArticleId>> = ids
        .iter()
        .map(|s| if s == "-" { Ok(None) } else { parse(s).map(Some) })
        .collect::<Result<_, _>>()?;
    let mut store = state.open_for_cli();
    if store.path().is_none() {
        bail!("marks not saved");
    }
    let mut out = io::stdout().lock();
    for id in ids {
        match id {
            Some(id) => apply(&mut store, id, change, verbose, &mut out)?,
            None => {
                for (n, line) in io::stdin().lock().lines().enumerate() {
                    let line = line.context("reading ids from standard input")?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let id = parse(line.trim())
                        .with_context(|| format!("standard input, line {}", n + 1))?;
                    apply(&mut store, id, change, verbose, &mut out)?;
                }
            }
        }
    }
    Ok(())
}

/// Sets the marks of one article, each committed before the next; with `verbose`, prints the id
/// once they are.
fn apply(
    store: &mut Store,
    id: ArticleId,
    change: Change,
    verbose: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if let Some(read) = change.read {
        store.set_read(id, read)?;
    }
    if let Some(starred) = change.starred {
        store.set_starred(id, starred)?;
    }
    if verbose {
        // Line-buffered stdout: a script reading the ids sees each as soon as it is saved.
        writeln!(out, "{id}")?;
    }
    Ok(())
}

fn parse(s: &str) -> anyhow::Result<ArticleId> {
    match s.parse() {
        Ok(id) if s.len() == 16 => Ok(id),
        _ => bail!("not an article id (16 hex digits, as `saidso list` prints): {s:?}"),
    }
}
