//! The messages view: every input skipped, every warning loading gave, and every warning the
//! status bar said, whole, where the status bar had room for one cut short.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::{Theme, centered};
use crate::app::{App, Command, strings};

/// Widest the view gets.
const MAX_WIDTH: u16 = 100;

pub(super) fn render(app: &App, theme: &Theme, frame: &mut Frame, screen: Rect, scroll: usize) {
    let library = &app.library;
    let messages = library.problems.iter().chain(&library.warnings).chain(&app.status.log);
    let mut lines: Vec<Line> = messages.map(|m| Line::styled(m.as_str(), theme.warning)).collect();
    // Counted before the line that says there are none.
    let count = format!(" {} {} ", strings::MESSAGES, lines.len());
    if lines.is_empty() {
        lines.push(Line::styled(strings::NO_MESSAGES, theme.dim));
    }
    let width = MAX_WIDTH.min(screen.width.saturating_sub(4));
    let height = screen.height.saturating_sub(2);
    let area = centered(screen, width, height);
    let key = app.keymap.keys(Command::Messages).first().map(ToString::to_string);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(count, theme.panel_title))
        .title_bottom(Line::styled(
            format!(" {} ", strings::messages_footer(key.as_deref().unwrap_or("esc"))),
            theme.dim,
        ));
    let scroll = u16::try_from(scroll.min(lines.len().saturating_sub(1))).unwrap_or(u16::MAX);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).scroll((scroll, 0)),
        area,
    );
}
