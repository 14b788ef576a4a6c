//! The status bar: the prompt being typed, or a message, or key hints (from the key table) on
//! the left; where you are and loading progress on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, clip};
use crate::app::{App, Command, Modal, Mode, PromptKind, strings};

pub(super) fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let right = position(app);
    let right_width = unicode_width::UnicodeWidthStr::width(right.as_str());
    let left_width = usize::from(area.width).saturating_sub(right_width + 2);
    let mut spans = match (&app.modal, &app.status.message) {
        (Some(Modal::Prompt(prompt)), _) => {
            let label = match prompt.kind {
                PromptKind::Search => strings::SEARCH_PROMPT,
                PromptKind::Filter => strings::FILTER_PROMPT,
            };
            let typed = format!("{label}{}", prompt.input);
            // Keep the end of a long input in view: that is where the typing happens.
            let skip = typed.chars().count().saturating_sub(left_width.saturating_sub(1));
            let shown: String = typed.chars().skip(skip).collect();
            vec![Span::styled(shown, theme.prompt), Span::styled("▏", theme.key)]
        }
        (_, Some(message)) => vec![Span::styled(clip(message, left_width), theme.warning)],
        // Unsaved marks are said until they are saved, whatever else comes and goes.
        (_, None) if app.status.unsaved.is_some() => {
            let unsaved = app.status.unsaved.as_deref().unwrap_or_default();
            vec![Span::styled(clip(unsaved, left_width), theme.warning)]
        }
        _ => hints(app, theme, left_width),
    };
    let used: usize = spans.iter().map(|s| s.width()).sum();
    spans.push(Span::raw(" ".repeat(usize::from(area.width).saturating_sub(used + right_width))));
    spans.push(Span::styled(right, theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}

/// `key label` pairs from the key table, as many as fit.
fn hints(app: &App, theme: &Theme, width: usize) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut used = 0;
    let hints = if matches!(app.modal, Some(Modal::Speakers(_))) {
        strings::HINTS_IN_SPEAKERS.to_vec()
    } else if matches!(app.modal, Some(Modal::Sources(_))) {
        strings::HINTS_IN_SOURCES.to_vec()
    } else {
        let mut hints = strings::HINTS.to_vec();
        // One panel at a time: how to get to the others comes first (the sort is stable).
        if app.layout.mode == Mode::Narrow {
            hints.sort_by_key(|&(command, _)| command != Command::FocusNext);
        }
        hints
    };
    for (command, label) in hints {
        let Some(key) = app.keymap.keys(command).first() else { continue };
        let (key, label) = (format!(" {key}"), format!(" {label} "));
        let w = key.chars().count() + label.chars().count();
        if used + w > width {
            break;
        }
        used += w;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(label));
    }
    spans
}

/// Article n/N, how far down the pane is, loading progress.
fn position(app: &App) -> String {
    let mut parts = Vec::new();
    if let Some(total) = (!app.list.visible.is_empty()).then_some(app.list.visible.len()) {
        parts.push(strings::article_position(app.list.selected + 1, total));
    }
    if app.current().is_some() {
        let percent = (app.reader.view.offset * 100).checked_div(app.reader.max_scroll());
        parts.push(percent.map_or("all".to_string(), |p| format!("{p}%")));
    }
    let library = &app.library;
    if library.loading {
        parts.push(strings::loading(library.done, library.expected));
    }
    if let Some((done, total)) = library.refreshing {
        parts.push(strings::refreshing(done, total));
    }
    format!("{} ", parts.join(" · "))
}
