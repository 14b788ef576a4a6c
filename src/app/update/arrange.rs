//! Layout control: the focused panel zoomed to the whole width, the quotes panel hidden, the
//! list widened or narrowed. Each changes the [`Arrangement`] and lays the panels out again.

use super::panels::set_focus;
use crate::app::{App, Focus, strings};

/// Zooms the focused panel to the whole width, or shares the width again.
pub(in crate::app::update) fn toggle_zoom(app: &mut App) {
    app.arrangement.zoomed = !app.arrangement.zoomed;
    app.status.say(strings::zoomed(app.arrangement.zoomed));
    set_focus(app, app.focus);
}

/// Hides the quotes panel (focus there goes to the pane), or shows it again.
pub(in crate::app::update) fn toggle_quotes(app: &mut App) {
    app.arrangement.quotes_hidden = !app.arrangement.quotes_hidden;
    app.status.say(strings::quotes_hidden(app.arrangement.quotes_hidden));
    let focus = if app.arrangement.quotes_hidden && app.focus == Focus::Quotes {
        Focus::Reader
    } else {
        app.focus
    };
    set_focus(app, focus);
}

/// Widens (`by` > 0) or narrows the list, a step at a time, within bounds the layout keeps.
pub(in crate::app::update) fn resize_list(app: &mut App, by: i16) {
    let before = app.layout.list.width;
    app.arrangement.list_steps = (app.arrangement.list_steps + by).clamp(-8, 16);
    set_focus(app, app.focus);
    // At a bound the step changes nothing on screen: take it back, so the way back is one step.
    if app.layout.list.width == before {
        app.arrangement.list_steps -= by;
    }
}

/// The panel `step` goes to from the focused one, passing over a hidden quotes panel.
pub(in crate::app::update) fn next_shown(app: &App, step: fn(Focus) -> Focus) -> Focus {
    let next = step(app.focus);
    if app.arrangement.quotes_hidden && next == Focus::Quotes { step(next) } else { next }
}
