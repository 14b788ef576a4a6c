//! The quotes panel: each quote as its speaker (bold) and its words wrapped to the panel, in
//! reading order, the selected one lit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Theme, pad, panel, title};
use crate::app::{App, Focus, QuotesPaneRow, SpeakerFilter, inner, strings};
use crate::extract::QuoteKind;
use crate::record::Verdict;

pub(super) fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let pane = &app.quotes;
    let focused = app.focus == Focus::Quotes;
    let block = panel(title(strings::QUOTES, details(app), area.width, theme), focused, theme);
    let inner = inner(area);
    let width = usize::from(inner.width);
    let quotes = app.current().map(|e| e.quotes.as_slice()).unwrap_or_default();
    let selected = pane.selected;
    let item_style = |item: usize, normal| match (Some(item) == selected, focused) {
        (true, true) => theme.selected,
        (true, false) => theme.selected_unfocused,
        (false, _) => normal,
    };
    let mut lines: Vec<Line> = pane.rows[pane.view.offset.min(pane.rows.len())..]
        .iter()
        .take(usize::from(inner.height))
        .map(|row| match row {
            QuotesPaneRow::Gap => Line::default(),
            QuotesPaneRow::Speaker(item) => {
                let index = pane.visible.get(*item).copied();
                let quote = index.and_then(|q| quotes.get(q));
                let name = quote.and_then(|q| q.speaker.as_deref());
                let mut spans = vec![match name {
                    Some(name) => Span::styled(name, item_style(*item, theme.speaker)),
                    None => Span::styled(strings::NO_SPEAKER, item_style(*item, theme.dim)),
                }];
                let mark = quote.and_then(|q| match q.kind {
                    QuoteKind::Partial => Some(strings::PARTIAL),
                    QuoteKind::Indirect => Some(strings::REPORTED),
                    QuoteKind::Direct => None,
                });
                if let Some(mark) = mark {
                    spans.push(Span::styled(format!(" · {mark}"), item_style(*item, theme.dim)));
                }
                if let Some((note, alert)) = index.and_then(|q| verdict(app, q)) {
                    let style = if alert { theme.word_changed } else { theme.dim };
                    // One row a speaker line: a long note is cut, never wrapped.
                    let used: usize = spans.iter().map(|s| s.width()).sum();
                    let note = super::clip(&format!(" · {note}"), width.saturating_sub(used));
                    spans.push(Span::styled(note, item_style(*item, style)));
                }
                let used: usize = spans.iter().map(|s| s.width()).sum();
                spans.push(Span::styled(
                    " ".repeat(width.saturating_sub(used)),
                    item_style(*item, theme.dim),
                ));
                Line::from(spans)
            }
            QuotesPaneRow::Elsewhere(item) => {
                let n = pane.visible.get(*item).and_then(|&q| app.speakers.also_in.get(q));
                let note = strings::also_in(n.copied().unwrap_or(0));
                Line::styled(pad(&note, width), item_style(*item, theme.dim))
            }
            QuotesPaneRow::Text(item, text) => {
                let kind = pane.visible.get(*item).and_then(|&q| quotes.get(q)).map(|q| q.kind);
                let normal = match kind {
                    Some(QuoteKind::Partial) => theme.quote_partial,
                    Some(QuoteKind::Indirect) => theme.quote_reported,
                    _ => theme.quote_direct,
                };
                Line::styled(pad(text, width), item_style(*item, normal))
            }
        })
        .collect();
    if lines.is_empty() && app.current().is_some() {
        let note = if quotes.is_empty() { strings::NO_QUOTES } else { strings::NO_QUOTES_SHOWN };
        lines.push(Line::styled(note, theme.dim));
    }
    // Rows are wrapped already; this wraps only the notes.
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), area);
}

/// The record's verdict on `quote` (`saidso --record`), and whether it calls for attention:
/// `verbatim`, `altered`, `not in record`, `said by Q`. Nothing without a record, or for a
/// speaker with no turn in it.
fn verdict(app: &App, quote: usize) -> Option<(String, bool)> {
    let records = app.records.as_deref()?;
    let checked = app.checks.of(quote)?;
    Some((strings::verdict(checked, records), checked.finding.verdict != Verdict::Verbatim))
}

/// Position in the list, and the filters in force.
fn details(app: &App) -> String {
    let pane = &app.quotes;
    let mut out = match (pane.selected, pane.visible.len()) {
        (_, 0) => String::new(),
        (Some(s), n) => strings::position(s + 1, n),
        (None, n) => n.to_string(),
    };
    match &pane.speaker {
        SpeakerFilter::All => {}
        SpeakerFilter::Named(name) => out.push_str(&format!(" · {name}")),
        SpeakerFilter::Unnamed => out.push_str(&format!(" · {}", strings::NO_SPEAKER)),
    }
    if pane.hide_partials {
        out.push_str(&format!(" · no {}", strings::PARTIAL));
    }
    if pane.hide_reported {
        out.push_str(&format!(" · no {}", strings::REPORTED));
    }
    // With no count first, the title has one space before its first `·`, not two.
    out.trim_start().to_string()
}
