//! The article list: an unread mark, a star, the title clipped to the panel, the source and date
//! where known and there is room, the quote count.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, clip, pad, panel, title};
use crate::app::{App, Focus, Source, inner, strings};
use crate::model::Meta;

/// Width of the quote count column.
const COUNT_WIDTH: usize = 3;
/// Width of the date column (`2024-03-06`), and the narrowest list that shows it; a narrower
/// one shows the short form (`Mar 06`).
const DATE_WIDTH: usize = 10;
const WIDTH_FOR_DATE: usize = 48;
const SHORT_DATE_WIDTH: usize = 6;
const WIDTH_FOR_SHORT_DATE: usize = 28;
/// Width of the source column, and the narrowest list that shows it.
const SOURCE_WIDTH: usize = 16;
const WIDTH_FOR_SOURCE: usize = 64;

pub(super) fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let list = &app.list;
    let shown = list.visible.len();
    let mut details = match (list.filter.is_empty(), shown) {
        (true, 0) => String::new(),
        (true, n) => strings::position(list.selected + 1, n),
        (false, n) => {
            format!("{} · “{}”", strings::position((list.selected + 1).min(n), n), list.filter)
        }
    };
    // How the list is narrowed and ordered stays in sight after the message has gone.
    let mut modes = strings::list_modes(list.order, list.unread_only);
    if list.source != Source::All {
        let name = strings::source_name(&list.source);
        modes = if modes.is_empty() { name } else { format!("{name} · {modes}") };
    }
    if !modes.is_empty() {
        details =
            [details, modes].into_iter().filter(|d| !d.is_empty()).collect::<Vec<_>>().join(" · ");
    }
    let focused = app.focus == Focus::List;
    let block = panel(title(strings::ARTICLES, details, area.width, theme), focused, theme);
    let inner = inner(area);
    let width = usize::from(inner.width);
    let rows =
        list.visible.iter().enumerate().skip(list.view.offset).take(usize::from(inner.height));
    let lines: Vec<Line> = rows
        .filter_map(|(row, &i)| app.library.entries.get(i).map(|e| (row, e)))
        .map(|(row, entry)| {
            let selected = row == list.selected;
            let style = |normal| match (selected, focused) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                (false, _) => normal,
            };
            let meta = meta_columns(&entry.article.meta, width);
            let title_width = width.saturating_sub(COUNT_WIDTH + 4 + meta.chars().count());
            let (mark, title_style) =
                if entry.read { (" ", theme.read) } else { ("●", Style::new()) };
            let star = if entry.starred { "★ " } else { "  " };
            let count = format!(" {:>COUNT_WIDTH$}", quote_count(entry.quotes.len()));
            Line::from(vec![
                Span::styled(mark, style(theme.unread)),
                Span::styled(star, style(theme.star)),
                Span::styled(
                    pad(&clip(&entry.article.title, title_width), title_width),
                    style(title_style),
                ),
                Span::styled(meta, style(theme.dim)),
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

/// A quote count that fits its column: `14k` for 14,010, `∞` from 100,000.
fn quote_count(n: usize) -> String {
    match n {
        0..1000 => n.to_string(),
        1000..100_000 => format!("{}k", n / 1000),
        _ => "∞".to_string(),
    }
}

/// The source and date columns, as far as the list's `width` has room for them (empty for
/// articles that have neither, so that plain files keep the whole width for their titles).
fn meta_columns(meta: &Meta, width: usize) -> String {
    if meta.site.is_none() && meta.date.is_none() {
        return String::new();
    }
    let mut out = String::new();
    if width >= WIDTH_FOR_SOURCE {
        let site = meta.site.as_deref().unwrap_or_default();
        out.push_str(&format!(" {}", pad(&clip(site, SOURCE_WIDTH), SOURCE_WIDTH)));
    }
    let date = meta.date.as_deref().unwrap_or_default();
    if width >= WIDTH_FOR_DATE {
        out.push_str(&format!(" {}", pad(&clip(strings::day(date), DATE_WIDTH), DATE_WIDTH)));
    } else if width >= WIDTH_FOR_SHORT_DATE {
        let short = strings::short_day(date).unwrap_or_default();
        out.push_str(&format!(" {}", pad(&short, SHORT_DATE_WIDTH)));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn quote_counts_fit_their_column() {
        for (n, shown) in
            [(0, "0"), (999, "999"), (14_010, "14k"), (99_999, "99k"), (10_000_000, "∞")]
        {
            assert_eq!(super::quote_count(n), shown);
            assert!(shown.chars().count() <= super::COUNT_WIDTH);
        }
    }
}
