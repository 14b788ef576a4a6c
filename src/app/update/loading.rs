//! Articles arriving: batches from loading, the articles a refresh brings, and what the status
//! bar says when either is over.

use std::collections::HashSet;

use super::panels::{recount_links, show_selected};
use crate::app::library::{Batch, RefreshReport};
use crate::app::{App, Command, Effect, strings};
use crate::model::ArticleId;

pub(super) fn add_batch(app: &mut App, batch: Batch) {
    app.library.done += batch.entries.len() + batch.problems.len();
    add_entries(app, batch);
}

/// Adds articles at the end of the list, with their saved marks, and indexes their speakers.
fn add_entries(app: &mut App, batch: Batch) {
    let library = &mut app.library;
    let from = library.entries.len();
    library.entries.extend(batch.entries);
    library.problems.extend(batch.problems);
    library.warnings.extend(batch.warnings);
    for entry in &mut library.entries[from..] {
        if let Some(marks) = app.saved.get(&entry.article.id) {
            entry.read = marks.read;
            entry.starred = marks.starred;
        }
        if let Some(tags) = library.tags.get(&entry.article.id) {
            entry.tags.clone_from(tags);
        }
    }
    app.speakers.add(&mut library.entries, from);
    app.list.add(&app.library.entries, from);
    reselect_last_open(app, from);
    if app.reader.entry.is_none() {
        show_selected(app);
    }
}

pub(super) fn start_refresh(app: &mut App) {
    if app.library.refreshing.is_some() {
        app.status.say(strings::STILL_REFRESHING);
        return;
    }
    app.library.refreshing = Some((0, 0));
    app.status.say(strings::REFRESHING);
    app.effects.push(Effect::Refresh);
}

/// Adds the articles a refresh brought that are not in the list yet, at its end.
pub(super) fn refresh_done(app: &mut App, report: RefreshReport) {
    app.library.refreshing = None;
    let RefreshReport { mut batch, feeds, failed, error, tags } = report;
    // Tags may have changed in the feeds file: the articles listed already take them too.
    for entry in &mut app.library.entries {
        if let Some(t) = tags.get(&entry.article.id) {
            entry.tags.clone_from(t);
        }
    }
    app.library.tags.extend(tags);
    let known: HashSet<ArticleId> = app.library.entries.iter().map(|e| e.article.id).collect();
    batch.entries.retain(|e| !known.contains(&e.article.id));
    let added = batch.entries.len();
    let failed_whole = error.is_some();
    let message = match error {
        Some(error) => strings::refresh_failed(&error),
        None => {
            let last = batch.problems.last().or(batch.warnings.last());
            strings::refreshed(added, feeds, failed, last)
        }
    };
    // Failed feeds are not inputs that loading skipped: kept with the warnings.
    let failures = std::mem::take(&mut batch.problems);
    batch.warnings.extend(failures);
    add_entries(app, batch);
    recount_links(app);
    // A refresh that could not run at all says why until the user has seen it.
    if failed_whole { app.status.warn(message) } else { app.status.say(message) }
}

/// Selects the article open last time when it arrives (without opening it).
fn reselect_last_open(app: &mut App, from: usize) {
    let Some(id) = app.reselect else { return };
    let Some(index) = app.library.entries[from..].iter().position(|e| e.article.id == id) else {
        return;
    };
    app.reselect = None;
    if let Some(row) = app.list.visible.iter().position(|&i| i == from + index) {
        app.list.select(row);
        show_selected(app);
    }
}

pub(super) fn loading_done(app: &mut App) {
    // Articles loaded since the shown one may carry its quotes: counted once, now, rather than
    // at every batch (a statement in thousands of articles is costly to count).
    recount_links(app);
    let library = &mut app.library;
    library.loading = false;
    let key = app.keymap.keys(Command::Messages).first().map(ToString::to_string);
    if let Some(last) = library.problems.last() {
        let n = library.problems.len();
        app.status.summarise(strings::loaded_with_problems(n, last, key.as_deref()));
    } else if let Some(first) = library.warnings.first() {
        app.status.summarise(strings::warnings(library.warnings.len(), first, key.as_deref()));
    }
}
