//! Keeping the panels in sync: the pane shows the list's selection, the quotes panel lays out the
//! article shown, and the quote selection and the pane's scroll follow each other.

use std::ops::Range;

use ratatui::layout::Rect;

use super::cross_article::speakers_view_height;
use super::marks::save_position;
use crate::app::layout::{ScreenLayout, inner, reader_text};
use crate::app::{App, Effect, Focus, Modal, Mode};

/// The narrowest the pane's text is wrapped to.
const MIN_WRAP: usize = 20;

pub(super) fn set_focus(app: &mut App, focus: Focus) {
    app.focus = focus;
    // The narrow layout shows only the focused panel.
    relayout(app, app.layout.area);
}

pub(super) fn resize(app: &mut App, width: u16, height: u16) {
    relayout(app, Rect::new(0, 0, width, height));
    // The pane keeps its text; a selected quote that fell out of view gives way to one in it.
    let view = app.reader.view_bytes();
    let quote = app.quotes.selected_quote().and_then(|q| app.current()?.quotes.get(q));
    if quote.is_some_and(|q| q.span().start >= view.end || q.span().end <= view.start) {
        select_first_quote_in_view(app);
    }
    let rows = speakers_view_height(app);
    if let Some(Modal::Speakers(view)) = &mut app.modal {
        view.view.height = rows;
    }
}

/// Recomputes the layout, and what depends on panel sizes: the wrapping (only when a width
/// changed) and the page heights.
fn relayout(app: &mut App, area: Rect) {
    app.layout = ScreenLayout::new(area, app.focus, app.arrangement);
    if app.layout.mode == Mode::TooSmall {
        // Keep the caches for when the terminal grows again.
        return;
    }
    app.list.view.height = usize::from(inner(app.layout.list).height);
    // A taller panel shows rows from the top rather than blank rows below the last.
    app.list.view.clamp(app.list.visible.len());
    app.list.select(app.list.selected);
    let text = reader_text(app.layout.reader);
    app.reader.view.height = usize::from(text.height);
    if let Some(entry) = app.reader.entry.and_then(|i| app.library.entries.get(i)) {
        app.reader.rewrap(&entry.article, usize::from(text.width).max(MIN_WRAP));
    }
    let quotes = inner(app.layout.quotes);
    app.quotes.view.height = usize::from(quotes.height);
    if usize::from(quotes.width) != app.quotes.width {
        let offset = app.quotes.view.offset;
        layout_quotes(app);
        app.quotes.view.offset = offset;
    }
    // Wider rows are fewer: an offset kept from a narrow panel would hide the first quotes
    // above the top and leave blank rows below.
    app.quotes.view.clamp(app.quotes.rows.len());
    app.quotes.select(app.quotes.selected);
}

/// Shows the list's selected article in the pane, unless it is there already.
pub(super) fn show_selected(app: &mut App) {
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
pub(super) fn recount_links(app: &mut App) {
    let entry = app.reader.entry.and_then(|i| app.library.entries.get(i));
    app.speakers.count_links(entry);
    app.checks.compute(app.records.as_deref(), entry, app.speakers.index.digester());
    layout_quotes(app);
}

/// Lays out the quotes panel anew after its filters changed, and brings the quote they leave
/// selected into view in the pane, as any selection of a quote does.
pub(super) fn rebuild_quotes(app: &mut App) {
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
pub(super) fn reveal_selected_quote(app: &mut App, at_top: bool) {
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
pub(super) fn select_first_quote_in_view(app: &mut App) {
    select_first_quote_in(app, app.reader.view_bytes());
}

/// A click on the pane selects the quote on that row.
pub(super) fn select_quote_on_row(app: &mut App, row: usize) {
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
