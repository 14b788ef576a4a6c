//! `update`: the one place the state changes, and where the panels are kept in sync.

use std::collections::HashSet;
use std::ops::Range;

use ratatui::layout::Rect;

use super::layout::{Layout, inner, reader_text};
use super::library::{Batch, Refreshed};
use super::quotes::SpeakerFilter;
use super::speakers::{Level, SpeakersView};
use super::{Action, App, Effect, Focus, Modal, Mode, Motion, Prompt, PromptKind, strings};
use crate::extract::Quote;
use crate::model::ArticleId;
use crate::speakers::QuoteRef;

/// The narrowest the pane's text is wrapped to.
const MIN_WRAP: usize = 20;

/// Rows a mouse wheel notch scrolls the reading pane.
const WHEEL_ROWS: usize = 3;

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) {
    let (shown, focus) = (app.reader.entry, app.focus);
    // A warning stays until the user does something, however long that takes.
    if app.status.sticky && action.is_input() {
        app.status.message = None;
        app.status.sticky = false;
    }
    match action {
        Action::Quit => {
            save_position(app);
            app.quit = true;
        }
        Action::ToggleStar => toggle_star(app),
        Action::ToggleRead => toggle_read(app),
        Action::Copy => copy_quote(app),
        Action::Export => export(app, app.reader.entry.into_iter().collect()),
        Action::ExportAll => export(app, app.list.visible.clone()),
        Action::OpenLink => open_link(app),
        Action::CycleOrder => {
            app.list.set_order(&app.library.entries, app.list.order.next());
            app.status.say(strings::order(app.list.order));
        }
        Action::UnreadOnly => {
            app.list.set_unread_only(&app.library.entries, !app.list.unread_only);
            app.status.say(strings::unread_only(app.list.unread_only));
            show_selected(app);
        }
        Action::Help => toggle_help(app),
        Action::FocusNext => set_focus(app, app.focus.next()),
        Action::FocusPrev => set_focus(app, app.focus.prev()),
        Action::Down => motion(app, Motion::Lines(1)),
        Action::Up => motion(app, Motion::Lines(-1)),
        Action::PageDown => motion(app, Motion::Pages(1)),
        Action::PageUp => motion(app, Motion::Pages(-1)),
        Action::HalfPageDown => motion(app, Motion::HalfPages(1)),
        Action::HalfPageUp => motion(app, Motion::HalfPages(-1)),
        Action::Top => motion(app, Motion::Top),
        Action::Bottom => motion(app, Motion::Bottom),
        Action::Open => open(app),
        Action::Search => open_prompt(app, PromptKind::Search),
        Action::Filter => open_prompt(app, PromptKind::Filter),
        Action::SearchNext => step_search(app, true),
        Action::SearchPrev => step_search(app, false),
        Action::Cancel => cancel(app),
        Action::SpeakerFilter => cycle_speaker(app),
        Action::TogglePartials => toggle_partials(app),
        Action::NextQuote => step_quote(app, 1),
        Action::PrevQuote => step_quote(app, -1),
        Action::Speakers => toggle_speakers(app),
        Action::NextSameQuote => next_same_quote(app),
        Action::Type(c) => edit_prompt(app, |input| input.push(c)),
        Action::Backspace => edit_prompt(app, |input| {
            input.pop();
        }),
        Action::DeleteWord => edit_prompt(app, |input| {
            let kept = input.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
            input.truncate(kept);
        }),
        Action::ClearPrompt => edit_prompt(app, String::clear),
        Action::Submit => submit_prompt(app),
        Action::Click { column, row } => click(app, column, row),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        Action::Resize { width, height } => resize(app, width, height),
        Action::Tick => {
            if !app.status.sticky {
                app.status.message = None;
            }
        }
        Action::Discovered(n) => app.library.expected = Some(n),
        Action::Loaded(batch) => add_batch(app, batch),
        Action::LoadingDone => loading_done(app),
        Action::Refresh => start_refresh(app),
        Action::RefreshProgress { done, total } => {
            // A late progress report must not bring back a refresh that is over.
            if app.library.refreshing.is_some() {
                app.library.refreshing = Some((done, total));
            }
        }
        Action::Refreshed(refreshed) => refresh_done(app, refreshed),
    }
    // Looking at an article in the pane or its quotes is reading it: marked as it gets there
    // (shown, or focus come from the list), so that marking it unread while reading sticks.
    if app.focus != Focus::List && (app.reader.entry != shown || focus == Focus::List) {
        mark_read(app);
    }
    compare_selected_quote(app);
}

/// Once a quote is selected, marks the words another article quotes differently (unless `a`
/// just marked those of the version it came from), and says where.
fn compare_selected_quote(app: &mut App) {
    let selected = app.reader.entry.zip(app.quotes.selected_quote());
    if selected == app.speakers.compared {
        return;
    }
    // What the status bar said of the last quote's wording is not about this one.
    if app.speakers.told.take() == Some(app.status.serial) {
        app.status.message = None;
    }
    let Some((entry, quote)) = selected else {
        return app.speakers.forget_changes();
    };
    if app.speakers.also_in.get(quote).is_none_or(|&n| n == 0) {
        app.speakers.forget_changes();
        app.speakers.compared = selected;
        return;
    }
    let entries = &app.library.entries;
    if let Some(other) = app.speakers.compare_elsewhere(entries, entry, quote)
        && let Some(e) = entries.get(other)
    {
        let words = app.speakers.changed.len();
        app.status.say(strings::worded_differently(&e.article.title, words));
        app.speakers.told = Some(app.status.serial);
    }
}

fn toggle_help(app: &mut App) {
    app.modal = match app.modal {
        Some(Modal::Help { .. }) => None,
        _ => Some(Modal::Help { scroll: 0 }),
    };
}

fn set_focus(app: &mut App, focus: Focus) {
    app.focus = focus;
    // The narrow layout shows only the focused panel.
    relayout(app, app.layout.area);
}

fn motion(app: &mut App, m: Motion) {
    if let Some(Modal::Help { scroll }) = &mut app.modal {
        // The overlay leaves two rows above and below, and has a border.
        let page = usize::from(app.layout.area.height.saturating_sub(4));
        let lines = app.keymap.bindings().len() + strings::HELP_NOTES;
        *scroll = m.apply(*scroll, lines.saturating_sub(page), page);
        return;
    }
    if let Some(Modal::Speakers(view)) = &mut app.modal {
        view.move_by(m, &app.speakers.roster);
        return;
    }
    match app.focus {
        Focus::List => {
            app.list.move_by(m);
            show_selected(app);
        }
        Focus::Reader => {
            app.reader.scroll_by(m);
            select_first_quote_in_view(app);
        }
        Focus::Quotes => {
            app.quotes.move_by(m);
            reveal_selected_quote(app, false);
        }
    }
}

fn open(app: &mut App) {
    if let Some(Modal::Speakers(view)) = &mut app.modal {
        match view.level {
            Level::Speakers if view.selected(&app.speakers.roster).is_some() => view.open_speaker(),
            Level::Speakers => {}
            Level::Quotes => {
                let chosen =
                    view.selected(&app.speakers.roster).and_then(|s| s.quotes.get(view.quote));
                if let Some(&r) = chosen {
                    app.modal = None;
                    app.speakers.forget_changes();
                    jump_to(app, r);
                }
            }
        }
        return;
    }
    match app.focus {
        Focus::List => {
            show_selected(app);
            mark_read(app);
            set_focus(app, Focus::Reader);
        }
        Focus::Reader | Focus::Quotes => {
            reveal_selected_quote(app, true);
            // One panel at a time: the quote is to be seen in the pane.
            if app.layout.mode == Mode::Narrow {
                set_focus(app, Focus::Reader);
            }
        }
    }
}

fn cancel(app: &mut App) {
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

fn open_prompt(app: &mut App, kind: PromptKind) {
    let input = match kind {
        PromptKind::Search => String::new(),
        PromptKind::Filter => app.list.filter.clone(),
    };
    let origin = app.reader.view_bytes().start;
    app.modal = Some(Modal::Prompt(Prompt { kind, input: input.clone(), origin }));
    apply_prompt(app, kind, input, origin);
}

fn edit_prompt(app: &mut App, edit: impl FnOnce(&mut String)) {
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

fn submit_prompt(app: &mut App) {
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

fn step_search(app: &mut App, forward: bool) {
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

fn set_filter(app: &mut App, filter: String) {
    app.list.set_filter(&app.library.entries, filter);
    show_selected(app);
}

fn cycle_speaker(app: &mut App) {
    let quotes = app.current().map(|e| e.quotes.as_slice()).unwrap_or_default();
    app.quotes.speaker = app.quotes.next_speaker(quotes);
    app.status.say(strings::speaker_filter(&app.quotes.speaker));
    rebuild_quotes(app);
}

fn toggle_partials(app: &mut App) {
    app.quotes.hide_partials = !app.quotes.hide_partials;
    app.status.say(strings::partials(app.quotes.hide_partials));
    rebuild_quotes(app);
}

/// Opens the speakers view on the speakers as they stand, or closes it, back where the reader
/// was (the view changes nothing else).
fn toggle_speakers(app: &mut App) {
    if let Some(Modal::Speakers(_)) = app.modal {
        app.modal = None;
        return;
    }
    app.speakers.roster = app.speakers.index.roster();
    let height = speakers_view_height(app);
    app.modal = Some(Modal::Speakers(SpeakersView { height, ..SpeakersView::default() }));
}

/// Rows of the speakers view's list: the screen less the status bar and the borders.
fn speakers_view_height(app: &App) -> usize {
    usize::from(app.layout.area.height.saturating_sub(3))
}

/// Goes to the next article carrying the selected quote, and marks the words that differ.
fn next_same_quote(app: &mut App) {
    let Some((entry, quote)) = app.reader.entry.zip(app.quotes.selected_quote()) else {
        return app.status.say(strings::NO_QUOTE);
    };
    let Some(from) =
        app.library.entries.get(entry).map(|e| QuoteRef { article: e.article.id, quote })
    else {
        return;
    };
    let Some(to) = app.speakers.index.next_article(from) else {
        app.status.say(strings::NOT_ELSEWHERE);
        return;
    };
    jump_to(app, to);
    let Some(target) = app.speakers.entry_of.get(&to.article).copied() else { return };
    let entries = &app.library.entries;
    if let (Some(a), Some(b)) = (entries.get(entry), entries.get(target)) {
        app.speakers.mark_changes((a, quote), (b, to.quote));
        app.speakers.compared = Some((target, to.quote));
        app.status.say(strings::same_quote(&b.article.title, app.speakers.changed.len()));
        app.speakers.told = Some(app.status.serial);
    }
}

/// Shows quote `r` in its article: the article selected and open, the quote selected (filters
/// that hide it lifted) and at the top of the pane.
fn jump_to(app: &mut App, r: QuoteRef) {
    let Some(entry) = app.speakers.entry_of.get(&r.article).copied() else { return };
    // Whatever hides the article from the list gives way.
    if app.list.row_of(entry).is_none() {
        set_filter(app, String::new());
    }
    if app.list.row_of(entry).is_none() && app.list.unread_only {
        app.list.set_unread_only(&app.library.entries, false);
    }
    let Some(row) = app.list.row_of(entry) else { return };
    app.list.select(row);
    show_selected(app);
    mark_read(app);
    if !app.quotes.visible.contains(&r.quote) {
        app.quotes.speaker = Default::default();
        app.quotes.hide_partials = false;
        rebuild_quotes(app);
    }
    let item = app.quotes.visible.iter().position(|&q| q == r.quote);
    app.quotes.select(item);
    reveal_selected_quote(app, true);
    set_focus(app, Focus::Quotes);
}

fn step_quote(app: &mut App, by: isize) {
    app.quotes.move_by(Motion::Lines(by));
    reveal_selected_quote(app, false);
}

fn click(app: &mut App, column: u16, row: u16) {
    if let Some(Modal::Speakers(view)) = &mut app.modal {
        // The view covers the panels, inside a border: its first row is the screen's second.
        // A click selects; a click on the selected row opens it, as Enter does.
        let line = usize::from(row).checked_sub(1);
        if line.is_some_and(|line| view.select_row(line, &app.speakers.roster)) {
            open(app);
        }
        return;
    }
    if app.modal.is_some() {
        app.modal = None;
        return;
    }
    let Some((focus, area)) = app.layout.panel_at(column, row) else { return };
    if app.focus != focus {
        set_focus(app, focus);
    }
    let Some(line) = row.checked_sub(inner(area).y).map(usize::from) else { return };
    match focus {
        Focus::List => {
            if line < app.list.height && app.list.offset + line < app.list.visible.len() {
                app.list.select(app.list.offset + line);
                show_selected(app);
            }
        }
        Focus::Quotes => {
            if let Some(item) = app.quotes.item_at(app.quotes.offset + line) {
                app.quotes.select(Some(item));
                reveal_selected_quote(app, false);
            }
        }
        Focus::Reader => select_quote_on_row(app, line),
    }
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    if let Some(Modal::Help { .. } | Modal::Speakers(_)) = app.modal {
        return motion(app, Motion::Lines(if down { 1 } else { -1 }));
    }
    match app.layout.panel_at(column, row).map(|p| p.0) {
        Some(Focus::List) => app.list.scroll(down, WHEEL_ROWS),
        Some(Focus::Reader) => {
            app.reader.scroll_lines(down, WHEEL_ROWS);
            select_first_quote_in_view(app);
        }
        Some(Focus::Quotes) => app.quotes.scroll(down, WHEEL_ROWS),
        None => {}
    }
    // The list wheel keeps the selection in view, which may change the article.
    show_selected(app);
}

fn resize(app: &mut App, width: u16, height: u16) {
    relayout(app, Rect::new(0, 0, width, height));
    // The pane keeps its text; a selected quote that fell out of view gives way to one in it.
    let view = app.reader.view_bytes();
    let quote = app.quotes.selected_quote().and_then(|q| app.current()?.quotes.get(q));
    if quote.is_some_and(|q| q.span().start >= view.end || q.span().end <= view.start) {
        select_first_quote_in_view(app);
    }
    let rows = speakers_view_height(app);
    if let Some(Modal::Speakers(view)) = &mut app.modal {
        view.height = rows;
    }
}

/// Recomputes the layout, and what depends on panel sizes: the wrapping (only when a width
/// changed) and the page heights.
fn relayout(app: &mut App, area: Rect) {
    app.layout = Layout::new(area, app.focus);
    if app.layout.mode == Mode::TooSmall {
        // Keep the caches for when the terminal grows again.
        return;
    }
    app.list.height = usize::from(inner(app.layout.list).height);
    app.list.select(app.list.selected);
    let text = reader_text(app.layout.reader);
    app.reader.height = usize::from(text.height);
    if let Some(entry) = app.reader.entry.and_then(|i| app.library.entries.get(i)) {
        app.reader.rewrap(&entry.article, usize::from(text.width).max(MIN_WRAP));
    }
    let quotes = inner(app.layout.quotes);
    app.quotes.height = usize::from(quotes.height);
    if usize::from(quotes.width) != app.quotes.width {
        let offset = app.quotes.offset;
        layout_quotes(app);
        app.quotes.offset = offset;
        app.quotes.select(app.quotes.selected);
    } else {
        app.quotes.select(app.quotes.selected);
    }
}

fn add_batch(app: &mut App, batch: Batch) {
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
    }
    app.speakers.add(&mut library.entries, from);
    app.list.add(&app.library.entries, from);
    reselect_last_open(app, from);
    if app.reader.entry.is_none() {
        show_selected(app);
    }
}

fn start_refresh(app: &mut App) {
    if app.library.refreshing.is_some() {
        app.status.say(strings::STILL_REFRESHING);
        return;
    }
    app.library.refreshing = Some((0, 0));
    app.status.say(strings::REFRESHING);
    app.effects.push(Effect::Refresh);
}

/// Adds the articles a refresh brought that are not in the list yet, at its end.
fn refresh_done(app: &mut App, refreshed: Refreshed) {
    app.library.refreshing = None;
    let Refreshed { mut batch, feeds, failed, error } = refreshed;
    let known: HashSet<ArticleId> = app.library.entries.iter().map(|e| e.article.id).collect();
    batch.entries.retain(|e| !known.contains(&e.article.id));
    let added = batch.entries.len();
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
    app.status.say(message);
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

fn loading_done(app: &mut App) {
    // Articles loaded since the shown one may carry its quotes: counted once, now, rather than
    // at every batch (a statement in thousands of articles is costly to count).
    recount_links(app);
    let library = &mut app.library;
    library.loading = false;
    if let Some(last) = library.problems.last() {
        app.status.warn(strings::loaded_with_problems(library.problems.len(), last));
    } else if let Some(first) = library.warnings.first() {
        app.status.warn(strings::warnings(library.warnings.len(), first));
    }
}

/// Shows the list's selected article in the pane, unless it is there already.
fn show_selected(app: &mut App) {
    let selected = app.list.selected_entry();
    if selected == app.reader.entry {
        return;
    }
    // Before the size is known, or when tiny: a sane width, redone on the next resize.
    let width = usize::from(reader_text(app.layout.reader).width).max(MIN_WRAP);
    save_position(app);
    match selected.and_then(|i| app.library.entries.get(i).map(|e| (i, e))) {
        Some((i, entry)) => {
            app.reader.show(i, &entry.article, width);
            let id = entry.article.id;
            if let Some(position) = app.saved.get(&id).map(|m| m.position).filter(|&p| p > 0) {
                let position = usize::try_from(position).unwrap_or(usize::MAX);
                app.reader.scroll_to(position, 0);
            }
            app.effects.push(Effect::SaveLastOpen(id));
        }
        None => app.reader.clear(),
    }
    app.speakers.forget_changes();
    app.quotes.forget_selection();
    recount_links(app);
    // A restored position is not the top: the quote selection follows the pane, as in scrolling.
    select_first_quote_in_view(app);
}

/// Counts anew the other articles that carry the shown article's quotes, which the quotes
/// panel says under each.
fn recount_links(app: &mut App) {
    let entry = app.reader.entry.and_then(|i| app.library.entries.get(i));
    app.speakers.count_links(entry);
    layout_quotes(app);
}

/// Lays out the quotes panel anew after its filters changed, and brings the quote they leave
/// selected into view in the pane, as any selection of a quote does.
fn rebuild_quotes(app: &mut App) {
    layout_quotes(app);
    reveal_selected_quote(app, false);
}

/// Lays out the quotes panel anew for the article shown.
fn layout_quotes(app: &mut App) {
    let width = usize::from(inner(app.layout.quotes).width);
    match app.reader.entry.and_then(|i| app.library.entries.get(i)) {
        Some(entry) => {
            let also_in = &app.speakers.also_in;
            app.quotes.rebuild(&entry.quotes, &entry.article.text, width, also_in);
        }
        None => app.quotes.rebuild(&[], "", width, &[]),
    }
}

/// The pane follows the quote selection: the quote brought into view, or (`at_top`, when the
/// user asked to go to it) near the top, under a few rows of what leads to it (who said it).
fn reveal_selected_quote(app: &mut App, at_top: bool) {
    let quote = app.quotes.selected_quote().and_then(|q| app.current()?.quotes.get(q));
    match quote.map(|q| q.span()) {
        Some(span) if at_top => app.reader.scroll_to(span.start, QUOTE_LEAD_ROWS),
        Some(span) => app.reader.reveal(span),
        None => {}
    }
}

/// Rows of text kept above a quote gone to.
const QUOTE_LEAD_ROWS: usize = 2;

/// The quote selection follows the pane: the first quote in view is selected.
fn select_first_quote_in_view(app: &mut App) {
    select_first_quote_in(app, app.reader.view_bytes());
}

/// A click on the pane selects the quote on that row.
fn select_quote_on_row(app: &mut App, row: usize) {
    select_first_quote_in(app, app.reader.row_bytes(row));
}

/// Selects the first shown quote that overlaps `bytes` of the text, if any does.
fn select_first_quote_in(app: &mut App, bytes: Range<usize>) {
    let Some(entry) = app.current() else { return };
    let hit = app.quotes.visible.iter().position(|&q| {
        let span = entry.quotes[q].span();
        span.start < bytes.end && span.end > bytes.start
    });
    if hit.is_some() {
        app.quotes.select(hit);
    }
}

fn mark_read(app: &mut App) {
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

fn toggle_star(app: &mut App) {
    let Some(entry) = target(app).and_then(|i| app.library.entries.get_mut(i)) else {
        return app.status.say(strings::NO_ARTICLE_SELECTED);
    };
    entry.starred = !entry.starred;
    app.effects.push(Effect::SaveStarred(entry.article.id, entry.starred));
    app.saved.entry(entry.article.id).or_default().starred = entry.starred;
}

fn toggle_read(app: &mut App) {
    let Some(entry) = target(app).and_then(|i| app.library.entries.get_mut(i)) else {
        return app.status.say(strings::NO_ARTICLE_SELECTED);
    };
    entry.read = !entry.read;
    app.effects.push(Effect::SaveRead(entry.article.id, entry.read));
    app.saved.entry(entry.article.id).or_default().read = entry.read;
}

/// Remembers how far the shown article is read: the byte offset of the top row in view.
fn save_position(app: &mut App) {
    let Some(id) = app.current().map(|e| e.article.id) else { return };
    let position = if app.reader.scroll == 0 { 0 } else { app.reader.view_bytes().start as u64 };
    let saved = app.saved.entry(id).or_default();
    if saved.position != position {
        saved.position = position;
        app.effects.push(Effect::SavePosition(id, position));
    }
}

/// Asks for the selected quote, attributed, to go to the clipboard.
fn copy_quote(app: &mut App) {
    let Some(entry) = app.current() else { return app.status.say(strings::NO_QUOTE) };
    let Some(quote) = app.quotes.selected_quote().and_then(|q| entry.quotes.get(q)) else {
        app.status.say(strings::NO_QUOTE);
        return;
    };
    let text = quote.text(&entry.article.text);
    let article = &entry.article;
    let copied =
        strings::attributed(&text, quote.speaker.as_deref(), &article.title, &article.meta);
    app.effects.push(Effect::Copy(copied));
    app.status.say(strings::COPIED);
}

/// Asks for the quotes of the library entries `which` to be written to a Markdown file, as
/// `saidso quotes --format markdown` prints them: those the quotes panel's filters let through
/// (the speaker filter, hidden partials).
fn export(app: &mut App, which: Vec<usize>) {
    let entries: Vec<_> = which.iter().filter_map(|&i| app.library.entries.get(i)).collect();
    let stem = match entries.as_slice() {
        [] => return app.status.say(strings::NOTHING_TO_EXPORT),
        [one] => slug(&one.article.title),
        _ => "list".to_string(),
    };
    let markdown = entries
        .iter()
        .map(|e| {
            let shown: Vec<Quote> =
                e.quotes.iter().filter(|q| app.quotes.shows(q)).cloned().collect();
            crate::export::markdown(&e.article.title, &crate::export::rows(&e.article, &shown))
        })
        .collect::<Vec<_>>()
        .join("\n");
    app.effects.push(Effect::Export { stem, markdown });
}

/// A file-name-safe form of a title: its first six words as a slug.
fn slug(title: &str) -> String {
    let slug = crate::text::slug(title, 6);
    if slug.is_empty() { "article".to_string() } else { slug }
}

/// Asks for the shown article's link to open in the browser.
fn open_link(app: &mut App) {
    let Some(entry) = app.current() else { return app.status.say(strings::NO_ARTICLE_SELECTED) };
    match entry.article.meta.url.clone() {
        Some(url) => {
            app.status.say(strings::opening(&url));
            app.effects.push(Effect::OpenLink(url));
        }
        None => app.status.say(strings::NO_LINK),
    }
}
