//! Across articles: the speakers view, and going from a quote to the same quote in other
//! articles; and from a quote to the record's passage of it.

use super::marks::mark_read;
use super::panels::{rebuild_quotes, reveal_selected_quote, set_focus, show_selected};
use super::prompt::set_filter;
use crate::app::speakers::SpeakersView;
use crate::app::viewport::Viewport;
use crate::app::{App, Focus, Modal, strings};
use crate::speakers::QuoteRef;

/// Once a quote is selected, marks the words another article quotes differently (unless `a`
/// just marked those of the version it came from), and says where.
pub(super) fn compare_selected_quote(app: &mut App) {
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

/// Opens the speakers view on the speakers as they stand, or closes it, back where the reader
/// was (the view changes nothing else).
pub(super) fn toggle_speakers(app: &mut App) {
    if let Some(Modal::Speakers(_)) = app.modal {
        app.modal = None;
        return;
    }
    app.speakers.roster = app.speakers.index.roster();
    // The view's key hints, not what the status bar said of the panels.
    app.status.message = None;
    app.status.sticky = false;
    let height = speakers_view_height(app);
    app.modal = Some(Modal::Speakers(SpeakersView {
        view: Viewport { offset: 0, height },
        ..SpeakersView::default()
    }));
}

/// Rows of the speakers view's list: the screen less the status bar and the borders.
pub(super) fn speakers_view_height(app: &App) -> usize {
    usize::from(app.layout.area.height.saturating_sub(3))
}

/// Goes to the next article carrying the selected quote, and marks the words that differ.
pub(super) fn next_same_quote(app: &mut App) {
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
pub(super) fn jump_to(app: &mut App, r: QuoteRef) {
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

/// Shows the record's passage for the selected quote (it follows the selection), or hides it.
pub(super) fn toggle_passage(app: &mut App) {
    if app.records.is_none() {
        return app.status.say(strings::NO_RECORD);
    }
    app.checks.passage = !app.checks.passage;
    if app.checks.passage {
        reveal_selected_quote(app, false);
    }
}
