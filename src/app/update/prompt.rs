//! The search and filter prompts, stepping through search matches, and the filters of the list
//! and the quotes panel; Esc clears them in turn.

use super::panels::{rebuild_quotes, select_first_quote_in_view, show_selected};
use crate::app::quotes::SpeakerFilter;
use crate::app::speakers::Level;
use crate::app::{App, Modal, Prompt, PromptKind, strings};

pub(super) fn cancel(app: &mut App) {
    app.status.message = None;
    if let Some(Modal::Speakers(view)) = &mut app.modal
        && view.level == Level::Quotes
    {
        view.back();
        return;
    }
    if let Some(modal) = app.modal.take() {
        if let Modal::Prompt(prompt) = modal {
            // Esc while typing drops what was typed.
            apply_prompt(app, prompt.kind, String::new(), prompt.origin);
        }
    } else if app.checks.passage {
        app.checks.passage = false;
    } else if app.reader.search.is_active() {
        app.reader.search.query.clear();
        app.reader.search.run(None);
    } else if !app.list.filter.is_empty() {
        set_filter(app, String::new());
    } else if app.quotes.speaker != SpeakerFilter::All {
        app.quotes.speaker = SpeakerFilter::All;
        rebuild_quotes(app);
    }
}

pub(super) fn open_prompt(app: &mut App, kind: PromptKind) {
    let input = match kind {
        PromptKind::Search => String::new(),
        PromptKind::Filter => app.list.filter.clone(),
    };
    let origin = app.reader.view_bytes().start;
    app.modal = Some(Modal::Prompt(Prompt { kind, input: input.clone(), origin }));
    apply_prompt(app, kind, input, origin);
}

pub(super) fn edit_prompt(app: &mut App, edit: impl FnOnce(&mut String)) {
    let Some(Modal::Prompt(prompt)) = &mut app.modal else { return };
    edit(&mut prompt.input);
    let (kind, input, origin) = (prompt.kind, prompt.input.clone(), prompt.origin);
    apply_prompt(app, kind, input, origin);
}

/// Search and filter follow the prompt as it is typed.
fn apply_prompt(app: &mut App, kind: PromptKind, input: String, origin: usize) {
    match kind {
        PromptKind::Filter => set_filter(app, input),
        PromptKind::Search => {
            app.reader.search.query = input;
            let article = app.reader.entry.and_then(|i| app.library.entries.get(i));
            app.reader.search.run(article.map(|e| &e.article));
            if let Some(m) = app.reader.search.next_from(origin) {
                app.reader.reveal(m);
                select_first_quote_in_view(app);
            }
        }
    }
}

pub(super) fn submit_prompt(app: &mut App) {
    let Some(Modal::Prompt(prompt)) = app.modal.take() else { return };
    let search = &app.reader.search;
    if prompt.kind == PromptKind::Search && search.is_active() {
        // Where the search stands, now rather than at the first `n`.
        app.status.say(match search.current {
            Some(c) => strings::match_position(c + 1, search.matches.len()),
            None => strings::no_match(&search.query),
        });
    }
}

pub(super) fn step_search(app: &mut App, forward: bool) {
    let search = &mut app.reader.search;
    if !search.is_active() {
        return;
    }
    let total = search.matches.len();
    match search.step(forward) {
        Some(m) => {
            let current = search.current.map_or(0, |c| c + 1);
            app.status.say(strings::match_position(current, total));
            app.reader.reveal(m);
            select_first_quote_in_view(app);
        }
        None => app.status.say(strings::no_match(&search.query)),
    }
}

pub(super) fn set_filter(app: &mut App, filter: String) {
    app.list.set_filter(&app.library.entries, filter);
    show_selected(app);
}

pub(super) fn cycle_speaker(app: &mut App) {
    let quotes = app.current().map(|e| e.quotes.as_slice()).unwrap_or_default();
    app.quotes.speaker = app.quotes.next_speaker(quotes);
    app.status.say(strings::speaker_filter(&app.quotes.speaker));
    rebuild_quotes(app);
}

pub(super) fn toggle_partials(app: &mut App) {
    app.quotes.hide_partials = !app.quotes.hide_partials;
    app.status.say(strings::partials(app.quotes.hide_partials));
    rebuild_quotes(app);
}

pub(super) fn toggle_reported(app: &mut App) {
    app.quotes.hide_reported = !app.quotes.hide_reported;
    app.status.say(strings::reported(app.quotes.hide_reported));
    rebuild_quotes(app);
}
