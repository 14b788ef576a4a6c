//! The sources view, over the panels: every article, the unread, the starred and each source,
//! with unread and total counts; the one the list shows is marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::{Theme, clip, pad, panel, title};
use crate::app::{App, SourcesView, inner, strings};

pub(super) fn render(
    app: &App,
    view: &SourcesView,
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
) {
    // Everything but the status bar.
    let area = Rect { height: screen.height.saturating_sub(1), ..screen };
    let text = inner(area);
    let width = usize::from(text.width);
    let lines: Vec<Line> = view
        .rows
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(usize::from(text.height))
        .map(|(i, row)| {
            let current = if row.source == app.list.source { "▶" } else { " " };
            let counts = format!("{:>6} unread {:>6}", row.unread, row.total);
            let name_width = width.saturating_sub(counts.chars().count() + 3);
            let name = pad(&clip(&strings::source_name(&row.source), name_width), name_width);
            let text = format!("{current} {name} {counts}");
            let style = if i == view.selected {
                theme.selected
            } else if row.unread > 0 {
                theme.speaker
            } else {
                theme.dim
            };
            Line::styled(pad(&clip(&text, width), width), style)
        })
        .collect();
    let details = format!("{} · unread, total", view.rows.len());
    let block = panel(title(strings::SOURCES, details, area.width, theme), true, theme);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
