//! The record's passage for the selected quote (`saidso --record`, key `R`): drawn over the
//! lower half of the reading pane, under the quote in the pane and beside it in the quotes
//! panel. It gives the verdict, the words that differ, and the record's words with those lit.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{Theme, panel, title};
use crate::app::{App, strings};
use crate::record::{Checked, Records, Verdict};
use crate::text::sanitize;

/// Fewest rows the view takes, borders included, when the panel has them.
const MIN_ROWS: u16 = 10;

pub(super) fn render(app: &App, theme: &Theme, frame: &mut Frame, panel_area: Rect) {
    let rows = (panel_area.height / 2).max(MIN_ROWS).min(panel_area.height);
    let area = Rect { y: panel_area.bottom() - rows, height: rows, ..panel_area };
    let records = app.records.as_deref();
    let checked = app.quotes.selected_quote().and_then(|q| app.checks.of(q));
    let name = checked.zip(records).and_then(|(c, r)| r.records.get(c.record));
    // The file's name, not its whole path: the byte offsets must fit too.
    let name = name.map(|r| {
        let file = std::path::Path::new(&r.name).file_name().and_then(|f| f.to_str());
        sanitize(file.unwrap_or(&r.name).to_string())
    });
    let details = match (name, checked.and_then(|c| c.finding.passage.clone())) {
        (Some(name), Some(at)) => format!("{name} · bytes {}–{}", at.start, at.end),
        (Some(name), None) => name,
        (None, _) => String::new(),
    };
    let block = panel(title(strings::RECORD, details, area.width, theme), true, theme);
    let lines = match (checked, records) {
        (Some(checked), Some(records)) => {
            let mut lines = found(checked, records, theme);
            if let Some(words) = partial_words(app) {
                // A partial quotation's paraphrase is not checked: say which words were.
                lines.insert(1, Line::styled(strings::passage_quoted_only(&words), theme.dim));
            }
            lines
        }
        _ if app.quotes.selected_quote().is_none() => {
            vec![Line::styled(strings::PASSAGE_NO_QUOTE, theme.dim)]
        }
        (_, Some(records)) if records.records.iter().all(|r| r.turns.turns.is_empty()) => {
            vec![Line::styled(strings::PASSAGE_NO_LABELS, theme.word_changed)]
        }
        (_, Some(records)) if records.lists_no_turns() => vec![
            Line::styled(strings::PASSAGE_NO_TURNS, theme.dim),
            Line::styled(strings::PASSAGE_LABELS_MISSED, theme.word_changed),
        ],
        _ => vec![Line::styled(strings::PASSAGE_NO_TURNS, theme.dim)],
    };
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: true }), area);
}

/// The quoted words of the selected quote when it is a partial quotation (reported speech with
/// quoted words in it), joined by ` … `.
fn partial_words(app: &App) -> Option<String> {
    let quote = app.current()?.quotes.get(app.quotes.selected_quote()?)?;
    if quote.kind != crate::extract::QuoteKind::Partial || quote.quoted.is_empty() {
        return None;
    }
    let text = &app.current()?.article.text;
    let words: Vec<&str> =
        quote.checked_pieces().iter().filter_map(|r| text.get(r.clone())).collect();
    Some(words.join(" … "))
}

/// The lines for a quote the records gave a verdict on.
fn found<'a>(checked: &Checked, records: &'a Records, theme: &Theme) -> Vec<Line<'a>> {
    let finding = &checked.finding;
    let verdict = strings::verdict(checked, records);
    let alert = if finding.verdict == Verdict::Verbatim { theme.dim } else { theme.word_changed };
    let line = strings::passage_verdict(&verdict, finding.differences.len());
    let mut lines = vec![Line::styled(line, alert)];
    if !finding.differences.is_empty() {
        lines.push(Line::styled(strings::PASSAGE_DIFFERS, theme.dim));
        lines.extend(finding.differences.iter().map(|d| Line::raw(strings::difference(d))));
    }
    let record = records.records.get(checked.record);
    let passage = finding.passage.clone().zip(record);
    let Some((passage, record)) = passage else {
        lines.push(Line::styled(strings::PASSAGE_NOTHING_CLOSE, theme.dim));
        if records.lists_no_turns() {
            lines.push(Line::styled(strings::PASSAGE_LABELS_MISSED, theme.word_changed));
        }
        return lines;
    };
    lines.push(Line::default());
    lines.push(Line::styled(strings::PASSAGE_SAYS, theme.dim));
    let lit: Vec<Range<usize>> =
        finding.differences.iter().filter_map(|d| d.record_range.clone()).collect();
    lines.push(Line::from(spans(&record.text, passage, &lit, theme)));
    lines
}

/// The record's words in `passage`, those in `lit` highlighted, on one line to be wrapped.
fn spans<'a>(
    text: &'a str,
    passage: Range<usize>,
    lit: &[Range<usize>],
    theme: &Theme,
) -> Vec<Span<'a>> {
    let mut cuts = vec![passage.start, passage.end];
    for r in lit {
        cuts.extend([r.start, r.end].into_iter().filter(|c| passage.contains(c)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|pair| {
            let words = text.get(pair[0]..pair[1])?;
            let on = lit.iter().any(|r| r.start <= pair[0] && pair[1] <= r.end);
            // A passage may span lines of the record: one line here, wrapped to the view.
            let words = words.replace(char::is_control, " ");
            Some(Span::styled(words, if on { theme.word_changed } else { theme.quote_direct }))
        })
        .collect()
}
