//! The article list: an unread mark, a star, the title clipped to the panel, the quote count.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, clip, pad, panel, title};
use crate::app::{App, Focus, inner, strings};

/// Width of the quote count column.
const COUNT_WIDTH: usize = 3;

pub(super) fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let list = &app.list;
    let shown = list.visible.len();
    let details = match (list.filter.is_empty(), shown) {
        (true, 0) => String::new(),
        (true, n) => strings::position(list.selected + 1, n),
        (false, n) => {
            format!("{} · “{}”", strings::position((list.selected + 1).min(n), n), list.filter)
        }
    };
    let focused = app.focus == Focus::List;
    let block = panel(title(strings::ARTICLES, details, theme), focused, theme);
    let inner = inner(area);
    let width = usize::from(inner.width);
    let rows = list.visible.iter().enumerate().skip(list.offset).take(usize::from(inner.height));
    let lines: Vec<Line> = rows
        .filter_map(|(row, &i)| app.library.entries.get(i).map(|e| (row, e)))
        .map(|(row, entry)| {
            let selected = row == list.selected;
            let style = |normal| match (selected, focused) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                (false, _) => normal,
            };
            let title_width = width.saturating_sub(COUNT_WIDTH + 4);
            let (mark, title_style) =
                if entry.read { (" ", theme.read) } else { ("●", Style::new()) };
            let star = if entry.starred { "★ " } else { "  " };
            let count = format!(" {:>COUNT_WIDTH$}", entry.quotes.len());
            Line::from(vec![
                Span::styled(mark, style(theme.unread)),
                Span::styled(star, style(theme.star)),
                Span::styled(
                    pad(&clip(&entry.article.title, title_width), title_width),
                    style(title_style),
                ),
                Span::styled(count, style(theme.dim)),
            ])
        })
        .collect();
    if lines.is_empty() {
        let note = match (app.library.loading, list.filter.is_empty()) {
            (true, _) => strings::LOADING,
            (false, true) => strings::NO_ARTICLES,
            (false, false) => strings::NOTHING_MATCHES,
        };
        let note = Paragraph::new(Line::styled(note, theme.dim)).wrap(Wrap { trim: true });
        return frame.render_widget(note.block(block), area);
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
