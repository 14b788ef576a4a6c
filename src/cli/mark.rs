//! `saidso mark`: set marks by article id, for scripts.

use std::collections::HashSet;
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
    // Ids the state file has never had: marked all the same (an article not yet read keeps
    // them for when it is), but said, since a typo would otherwise pass unseen.
    let mut known: HashSet<ArticleId> = store.all_marks().unwrap_or_default().into_keys().collect();
    known.extend(store.article_feeds().unwrap_or_default().into_iter().map(|(id, _)| id));
    let mut unknown = Vec::new();
    let mut out = io::stdout().lock();
    let mut mark = |store: &mut Store, id: ArticleId| {
        if !known.contains(&id) {
            unknown.push(id);
        }
        apply(store, id, change, verbose, &mut out)
    };
    for id in ids {
        match id {
            Some(id) => mark(&mut store, id)?,
            None => {
                for (n, line) in io::stdin().lock().lines().enumerate() {
                    let line = line.context("reading ids from standard input")?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let id = parse(line.trim())
                        .with_context(|| format!("standard input, line {}", n + 1))?;
                    mark(&mut store, id)?;
                }
            }
        }
    }
    warn_unknown(&unknown);
    Ok(())
}

/// One line for the ids no article in the state file has: the first few named, the rest counted.
fn warn_unknown(unknown: &[ArticleId]) {
    const NAMED: usize = 3;
    let Some(first) = unknown.first() else { return };
    let named: Vec<String> = unknown.iter().take(NAMED).map(ToString::to_string).collect();
    let more = unknown.len().saturating_sub(NAMED);
    let rest = if more > 0 { format!(" and {more} more") } else { String::new() };
    let what = if unknown.len() == 1 {
        format!("{first} is")
    } else {
        format!("{}{rest} are", named.join(", "))
    };
    // A closed stderr is no reason to stop.
    let _ = writeln!(
        std::io::stderr(),
        "saidso: warning: {what} in no article this state file has marked or fetched; \
         marked for when it is read (check the id with `saidso list --format jsonl`)"
    );
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
