//! Moving about: motions, opening, the mouse, and the help overlay's scroll.

use super::cross_article::jump_to;
use super::marks::mark_read;
use super::panels::{
    reveal_selected_quote, select_first_quote_in_view, select_quote_on_row, set_focus,
    show_selected,
};
use crate::app::layout::inner;
use crate::app::sources::{SourcesView, sources};
use crate::app::speakers::Level;
use crate::app::{App, Focus, Modal, Mode, Motion, ScreenLayout, strings};

/// Rows a mouse wheel notch scrolls the reading pane.
const WHEEL_ROWS: usize = 3;

pub(super) fn toggle_help(app: &mut App) {
    app.modal = match app.modal {
        Some(Modal::Help { .. }) => None,
        _ => Some(Modal::Help { scroll: 0 }),
    };
}

pub(super) fn toggle_messages(app: &mut App) {
    app.modal = match app.modal {
        Some(Modal::Messages { .. }) => None,
        _ => Some(Modal::Messages { scroll: 0 }),
    };
}

pub(super) fn motion(app: &mut App, m: Motion) {
    if let Some(Modal::Messages { scroll }) = &mut app.modal {
        // Drawing keeps the last line from going above the bottom.
        let page = usize::from(app.layout.area.height.saturating_sub(4));
        let lines = app.library.problems.len() + app.library.warnings.len() + app.status.log.len();
        *scroll = m.apply(*scroll, lines.saturating_sub(1), page);
        return;
    }
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
    if let Some(Modal::Sources(view)) = &mut app.modal {
        view.move_by(m, sources_page(&app.layout));
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

pub(super) fn open(app: &mut App) {
    if let Some(Modal::Sources(view)) = &app.modal {
        let source = view.chosen().cloned().unwrap_or_default();
        app.modal = None;
        app.list.set_source(&app.library.entries, source);
        app.status.say(strings::showing(&app.list.source));
        show_selected(app);
        return;
    }
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
            app.reader.kept_unread = false;
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

pub(super) fn step_quote(app: &mut App, by: isize) {
    app.quotes.move_by(Motion::Lines(by));
    reveal_selected_quote(app, false);
}

pub(super) fn click(app: &mut App, column: u16, row: u16) {
    if let Some(Modal::Speakers(view)) = &mut app.modal {
        // The view covers the panels, inside a border: its first row is the screen's second.
        // A click selects; a click on the selected row opens it, as Enter does.
        let line = usize::from(row).checked_sub(1);
        if line.is_some_and(|line| view.select_row(line, &app.speakers.roster)) {
            open(app);
        }
        return;
    }
    if let Some(Modal::Sources(view)) = &mut app.modal {
        // The same: a click chooses the row it is on when it is selected already; a click on
        // no row leaves the view open.
        let line = usize::from(row).checked_sub(1);
        if line.is_some_and(|line| view.select_row(line, sources_page(&app.layout))) {
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
            if line < app.list.view.height && app.list.view.offset + line < app.list.visible.len() {
                app.list.select(app.list.view.offset + line);
                show_selected(app);
            }
        }
        Focus::Quotes => {
            if let Some(item) = app.quotes.item_at(app.quotes.view.offset + line) {
                app.quotes.select(Some(item));
                reveal_selected_quote(app, false);
            }
        }
        Focus::Reader => select_quote_on_row(app, line),
    }
}

pub(super) fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    if let Some(
        Modal::Help { .. } | Modal::Speakers(_) | Modal::Messages { .. } | Modal::Sources(_),
    ) = app.modal
    {
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

/// Shows the next (`by` > 0) or previous article in the list, from any panel: in the pane it
/// is read, as opening it would.
pub(super) fn step_article(app: &mut App, by: isize) {
    app.list.move_by(Motion::Lines(by));
    show_selected(app);
}

/// Goes to the next unread article in the list after the selected one, wrapping around.
pub(super) fn next_unread(app: &mut App) {
    let n = app.list.visible.len();
    let unread = (1..=n).map(|k| (app.list.selected + k) % n.max(1)).find(|&row| {
        let entry = app.list.visible.get(row).and_then(|&i| app.library.entries.get(i));
        entry.is_some_and(|e| !e.read)
    });
    let Some(row) = unread else { return app.status.say(strings::NO_UNREAD) };
    app.list.select(row);
    show_selected(app);
}

/// The rows the sources view shows at once: the screen but the status bar, inside a border.
fn sources_page(layout: &ScreenLayout) -> usize {
    usize::from(layout.area.height.saturating_sub(3))
}

/// Opens the sources view on the sources as they stand, or closes it.
pub(super) fn toggle_sources(app: &mut App) {
    if let Some(Modal::Sources(_)) = app.modal {
        app.modal = None;
        return;
    }
    let rows = sources(&app.library.entries);
    let selected = rows.iter().position(|r| r.source == app.list.source).unwrap_or(0);
    app.status.message = None;
    app.modal = Some(Modal::Sources(SourcesView { rows, selected, offset: 0 }));
}
