//! What shows when the terminal is too small for the panels.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, centered};
use crate::app::strings;

pub(super) fn render(theme: &Theme, frame: &mut Frame, area: Rect) {
    let text = strings::TOO_SMALL;
    let width = (text.len() as u16).min(area.width);
    let height = (text.len() as u16).div_ceil(width.max(1));
    let message = Paragraph::new(text).style(theme.warning).wrap(Wrap { trim: true });
    frame.render_widget(message, centered(area, width, height));
}
