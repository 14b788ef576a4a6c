//! Drawing: `render(&App, &Theme, &mut Frame)` draws the whole screen from the state, one module a
//! panel. Pure: reads the state, changes nothing, and draws only the rows in view.

mod help;
mod list;
mod messages;
mod passage;
mod quotes;
mod reader;
mod sources;
mod speakers;
mod status;
mod theme;
mod too_small;

use crate::text::{clip, pad};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};
use unicode_width::UnicodeWidthStr;

pub use theme::Theme;

use crate::app::{App, Focus, Modal, Mode, ScreenLayout};

/// Draws the whole screen.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    // The state's layout is for the last size it was told; a frame of another size (a resize
    // not yet seen) gets a fresh layout, so nothing is drawn outside the buffer.
    let layout = if app.layout.area == frame.area() {
        app.layout
    } else {
        ScreenLayout::new(frame.area(), app.focus, app.arrangement)
    };
    if layout.mode == Mode::TooSmall {
        return too_small::render(theme, frame, frame.area());
    }
    if let Some(area) = layout.shown(Focus::List) {
        list::render(app, theme, frame, area);
    }
    if let Some(area) = layout.shown(Focus::Reader) {
        reader::render(app, theme, frame, area);
    }
    if let Some(area) = layout.shown(Focus::Quotes) {
        quotes::render(app, theme, frame, area);
    }
    // The record's passage goes over the pane, beside the quotes panel's selected quote.
    if app.checks.passage
        && let Some(area) = layout.shown(Focus::Reader).or(layout.shown(Focus::Quotes))
    {
        passage::render(app, theme, frame, area);
    }
    status::render(app, theme, frame, layout.status);
    match &app.modal {
        Some(Modal::Help { scroll }) => help::render(app, theme, frame, layout.area, *scroll),
        Some(Modal::Speakers(view)) => speakers::render(app, view, theme, frame, layout.area),
        Some(Modal::Sources(view)) => sources::render(app, view, theme, frame, layout.area),
        Some(Modal::Messages { scroll }) => {
            messages::render(app, theme, frame, layout.area, *scroll);
        }
        _ => {}
    }
}

/// The bordered block of a panel, its border lit when focused.
fn panel<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    let title = if focused { title.patch_style(theme.title_focused) } else { title };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(if focused { theme.border_focused } else { theme.border })
        .title(title)
}

/// A panel title: name in bold, then details dimmed, cut with an ellipsis to fit a panel
/// `width` columns wide (less its two corners and the title's three spaces); cut, they leave
/// a column of the border before the corner.
fn title<'a>(name: &'a str, details: String, width: u16, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw(" "), Span::styled(name, theme.panel_title)];
    let room = usize::from(width).saturating_sub(name.len() + 5);
    let fits = details.width() <= room;
    let details = if fits { details } else { clip(&details, room.saturating_sub(1)) };
    if !details.is_empty() {
        spans.push(Span::styled(format!(" {details}"), theme.dim));
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}

/// A rectangle of `width` x `height` centred in `area` (clipped to it).
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_panel_title_is_cut_with_an_ellipsis_to_fit_and_kept_whole_when_it_fits() {
        let theme = Theme::default();
        let cut = title("Quotes", "1/1 · Kremlin spokesman".into(), 20, &theme);
        assert_eq!(text(cut), " Quotes 1/1 · K… ");
        assert_eq!(text(title("Quotes", "1/1".into(), 14, &theme)), " Quotes 1/1 ");
        // No room: the name alone.
        assert_eq!(text(title("Quotes", "1/1".into(), 3, &theme)), " Quotes ");
    }
}
