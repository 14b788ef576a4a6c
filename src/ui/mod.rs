//! Drawing: `render(&App, &Theme, &mut Frame)` draws the whole screen from the state, one module a
//! panel. Pure: reads the state, changes nothing, and draws only the rows in view.

mod help;
mod list;
mod messages;
mod quotes;
mod reader;
mod sources;
mod speakers;
mod status;
mod theme;
mod too_small;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};
use unicode_width::UnicodeWidthChar;

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

/// A panel title: name in bold, then details dimmed.
fn title<'a>(name: &'a str, details: String, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw(" "), Span::styled(name, theme.panel_title)];
    if !details.is_empty() {
        spans.push(Span::styled(format!(" {details}"), theme.dim));
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}

/// `s` cut to `width` columns, with `…` when cut.
fn clip(s: &str, width: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            // Make room for the ellipsis.
            while used + 1 > width {
                let Some(last) = out.pop() else { break };
                used -= last.width().unwrap_or(0);
            }
            if width > 0 {
                out.push('…');
            }
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// `s` padded with spaces to `width` columns.
fn pad(s: &str, width: usize) -> String {
    let used = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(used)))
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

    #[test]
    fn clip_cuts_to_width_with_an_ellipsis() {
        assert_eq!(clip("hello", 10), "hello");
        assert_eq!(clip("hello world", 5), "hell…");
        assert_eq!(clip("日本語です", 5), "日本…");
        assert_eq!(clip("abc", 0), "");
    }
}
