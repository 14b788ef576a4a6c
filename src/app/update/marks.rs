//! The marks saved for each article: read, starred, and how far it is read.

use crate::app::{App, Command, Effect, Focus, strings};
use crate::model::ArticleId;

/// Marks the article shown read, once.
pub(super) fn mark_read(app: &mut App) {
    let entry = app.reader.entry.and_then(|i| app.library.entries.get_mut(i));
    if let Some(entry) = entry.filter(|e| !e.read) {
        entry.read = true;
        app.effects.push(Effect::SaveRead(entry.article.id, true));
        app.saved.entry(entry.article.id).or_default().read = true;
    }
}

/// The article the star and read keys act on: the list's selection in the list, else the one shown.
fn target(app: &App) -> Option<usize> {
    match app.focus {
        Focus::List => app.list.selected_entry(),
        Focus::Reader | Focus::Quotes => app.reader.entry,
    }
}

/// A mark a key turns on and off.
#[derive(Clone, Copy, Debug)]
pub(super) enum Flag {
    /// Read or unread.
    Read,
    /// Starred or not.
    Starred,
}

/// Turns `flag` of the article the keys act on the other way, saving it.
pub(super) fn toggle(app: &mut App, flag: Flag) {
    let Some(entry) = target(app).and_then(|i| app.library.entries.get_mut(i)) else {
        return app.status.say(strings::NO_ARTICLE_SELECTED);
    };
    let id = entry.article.id;
    let before = (entry.read, entry.starred);
    let saved = app.saved.entry(id).or_default();
    let (shown, kept, save): (_, _, fn(ArticleId, bool) -> Effect) = match flag {
        Flag::Read => (&mut entry.read, &mut saved.read, Effect::SaveRead),
        Flag::Starred => (&mut entry.starred, &mut saved.starred, Effect::SaveStarred),
    };
    *shown = !*shown;
    *kept = *shown;
    let on = *shown;
    app.last_marks = target(app).map(|i| (i, before.0, before.1)).into_iter().collect();
    app.effects.push(save(id, on));
    app.status.say(strings::marked(matches!(flag, Flag::Starred), on));
    if matches!(flag, Flag::Read) && app.reader.entry == target(app) {
        app.reader.kept_unread = !on;
    }
}

/// Remembers how far the shown article is read: the byte offset of the top row in view.
pub(super) fn save_position(app: &mut App) {
    let Some(id) = app.current().map(|e| e.article.id) else { return };
    let position =
        if app.reader.view.offset == 0 { 0 } else { app.reader.view_bytes().start as u64 };
    let saved = app.saved.entry(id).or_default();
    if saved.position != position {
        saved.position = position;
        app.effects.push(Effect::SavePosition(id, position));
    }
}

/// Marks every article listed read, keeping what they were for [`undo_marks`].
pub(super) fn mark_all_read(app: &mut App) {
    let mut before = Vec::new();
    for &i in &app.list.visible {
        let Some(entry) = app.library.entries.get_mut(i).filter(|e| !e.read) else { continue };
        before.push((i, entry.read, entry.starred));
        entry.read = true;
        app.effects.push(Effect::SaveRead(entry.article.id, true));
        app.saved.entry(entry.article.id).or_default().read = true;
    }
    let key = app.keymap.keys(Command::UndoMark).first().map(ToString::to_string);
    app.status.say(strings::marked_all_read(before.len(), key.as_deref()));
    if !before.is_empty() {
        app.last_marks = before;
    }
}

/// Puts back the marks the last change replaced (a star, a read mark, or all marked read).
pub(super) fn undo_marks(app: &mut App) {
    let undone = std::mem::take(&mut app.last_marks);
    if undone.is_empty() {
        return app.status.say(strings::NOTHING_TO_UNDO);
    }
    for &(i, read, starred) in &undone {
        let Some(entry) = app.library.entries.get_mut(i) else { continue };
        let id = entry.article.id;
        let saved = app.saved.entry(id).or_default();
        if entry.read != read {
            entry.read = read;
            saved.read = read;
            app.effects.push(Effect::SaveRead(id, read));
        }
        if entry.starred != starred {
            entry.starred = starred;
            saved.starred = starred;
            app.effects.push(Effect::SaveStarred(id, starred));
        }
        // The article shown, unread again, stays so as if marked unread by hand.
        if app.reader.entry == Some(i) && !read {
            app.reader.kept_unread = true;
        }
    }
    app.status.say(strings::undone(undone.len()));
}
