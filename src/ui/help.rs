//! The help overlay: every command with its keys, generated from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::{Theme, centered, pad};
use crate::app::{App, Command, strings};

/// Widest the overlay gets.
const MAX_WIDTH: u16 = 72;

pub(super) fn render(app: &App, theme: &Theme, frame: &mut Frame, screen: Rect, scroll: usize) {
    let bindings = app.keymap.bindings();
    let keys: Vec<String> = bindings
        .iter()
        .map(|b| b.shown_keys().iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
        .collect();
    let key_width =
        keys.iter().map(|k| unicode_width::UnicodeWidthStr::width(k.as_str())).max().unwrap_or(0);
    let mut lines: Vec<Line> = bindings
        .iter()
        .zip(&keys)
        .map(|(b, k)| {
            Line::from(vec![
                Span::styled(pad(k, key_width + 2), theme.key),
                Span::raw(b.command.description()),
            ])
        })
        .collect();
    // `strings::HELP_NOTES` lines.
    lines.push(Line::default());
    lines.push(Line::styled(strings::HELP_MOUSE, theme.dim));
    let height = (lines.len() as u16 + 2).min(screen.height.saturating_sub(2));
    let area = centered(screen, MAX_WIDTH.min(screen.width.saturating_sub(4)), height);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" {} ", strings::HELP), theme.panel_title))
        .title_bottom(Line::styled(format!(" {} ", footer(app)), theme.dim));
    // Never past the point where the last line is at the bottom.
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(height.saturating_sub(2))));
    let visible: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(visible).block(block).wrap(Wrap { trim: false }), area);
}

/// The footer names the keys bound to scrolling.
fn footer(app: &App) -> String {
    let first =
        |command| app.keymap.keys(command).first().map(|k| k.to_string()).unwrap_or_default();
    strings::help_footer(&first(Command::Down), &first(Command::Up))
}
