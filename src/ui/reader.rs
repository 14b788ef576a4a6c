//! The reading pane: the title, then the wrapped paragraphs, with the quotes and search matches
//! highlighted where they are, and a scrollbar.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use super::{Theme, panel, title};
use crate::app::{App, Entry, Focus, Row, reader_text, strings};
use crate::extract::QuoteKind;

/// A highlighted byte range and its style; later ones are drawn over earlier ones.
type Mark = (Range<usize>, Style);

pub(super) fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let reader = &app.reader;
    let entry = app.current();
    // The article by its title, then where it comes from when the source says.
    let details = entry.map_or(String::new(), |e| {
        let from = strings::byline(&e.article.meta);
        let named = [Some(e.article.title.clone()), from].into_iter().flatten();
        named.collect::<Vec<_>>().join(" · ")
    });
    let focused = app.focus == Focus::Reader;
    let block = panel(title(strings::ARTICLE, details, area.width, theme), focused, theme);
    frame.render_widget(block, area);
    let text_area = reader_text(area);
    let Some(entry) = entry else {
        let note = if app.library.loading { strings::LOADING } else { strings::NO_ARTICLES };
        let mut lines = vec![Line::styled(note, theme.dim)];
        // With nothing loaded, say why for as long as it stays so, not only in a message.
        if app.library.entries.is_empty() {
            let library = &app.library;
            let problems = library.problems.iter().chain(&library.warnings).rev();
            let problems = problems.take(usize::from(text_area.height));
            lines.extend(problems.map(|p| Line::styled(p.as_str(), theme.warning)));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), text_area);
        return;
    };
    let rows = reader.view.offset..reader.view.offset + usize::from(text_area.height);
    let marks = marks(app, entry, reader.wrapped.bytes_of(rows.clone()), theme);
    let text = entry.article.text.as_str();
    let lines: Vec<Line> = rows
        .map_while(|r| reader.wrapped.row(r))
        .map(|row| match row {
            Row::Title(t) => Line::styled(t, theme.heading),
            Row::Heading(line) => {
                styled_line(text, &reader.wrapped.words[line.words.clone()], &marks)
                    .style(theme.heading)
            }
            Row::Blank => Line::default(),
            Row::Text(line) => styled_line(text, &reader.wrapped.words[line.words.clone()], &marks),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);
    let total = reader.wrapped.row_count();
    if total > reader.view.height {
        let mut state = ScrollbarState::new(reader.max_scroll())
            .position(reader.view.offset)
            .viewport_content_length(reader.view.height);
        let bar =
            Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
        frame.render_stateful_widget(
            bar,
            area.inner(Margin { horizontal: 0, vertical: 1 }),
            &mut state,
        );
    }
}

/// The highlights that touch the bytes in view: quotes, the selected quote, words changed from
/// the record or another version, search matches.
fn marks(app: &App, entry: &Entry, view: Range<usize>, theme: &Theme) -> Vec<Mark> {
    let overlaps = |r: &Range<usize>| r.start < view.end && r.end > view.start;
    let mut marks = Vec::new();
    let quotes = &app.quotes;
    // Shown quotes are in reading order: skip those that end before the view.
    let first = quotes.visible.partition_point(|&q| entry.quotes[q].span().end <= view.start);
    for &q in
        quotes.visible[first..].iter().take_while(|&&q| entry.quotes[q].span().start < view.end)
    {
        let quote = &entry.quotes[q];
        let selected = quotes.selected_quote() == Some(q);
        if crate::app::is_reported(quote) && !selected {
            // Reported content in its own style, the words quoted inside it still as quotes.
            let pieces = quote.pieces.iter().filter(|p| overlaps(p));
            marks.extend(pieces.map(|p| (p.clone(), theme.quote_reported)));
            let quoted = quote.quoted.iter().filter(|p| overlaps(p));
            marks.extend(quoted.map(|p| (p.clone(), theme.quote_direct)));
            continue;
        }
        let style = if selected {
            theme.quote_selected
        } else if quote.kind == QuoteKind::Partial {
            theme.quote_partial
        } else {
            theme.quote_direct
        };
        marks.extend(quote.pieces.iter().filter(|p| overlaps(p)).map(|p| (p.clone(), style)));
        // Words the record has otherwise (`saidso --record`).
        marks
            .extend(app.checks.changed(q).filter(|r| overlaps(r)).map(|r| (r, theme.word_changed)));
    }
    // Words another article's version of the selected quote words differently.
    marks.extend(
        app.speakers
            .changed
            .iter()
            .filter(|r| overlaps(r))
            .map(|r| (r.clone(), theme.word_changed)),
    );
    let search = &app.reader.search;
    let first = search.matches.partition_point(|m| m.end <= view.start);
    for (i, m) in
        search.matches.iter().enumerate().skip(first).take_while(|(_, m)| m.start < view.end)
    {
        let style =
            if search.current == Some(i) { theme.search_current } else { theme.search_match };
        marks.push((m.clone(), style));
    }
    marks
}

/// One row of words, a space apart, each cut where a highlight starts or ends.
fn styled_line<'a>(text: &'a str, words: &[Range<usize>], marks: &[Mark]) -> Line<'a> {
    let mut spans = Vec::with_capacity(words.len() * 2);
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            // The space between two words is highlighted when one highlight spans both.
            let gap = words[k - 1].end..word.start;
            spans.push(Span::styled(" ", style_of(&gap, marks)));
        }
        let mut cuts = vec![word.start, word.end];
        for (m, _) in marks {
            cuts.extend([m.start, m.end].into_iter().filter(|&c| c > word.start && c < word.end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            if let Some(s) = text.get(pair[0]..pair[1]) {
                spans.push(Span::styled(s, style_of(&(pair[0]..pair[1]), marks)));
            }
        }
    }
    Line::from(spans)
}

/// The style of the highlights that cover all of `range`, layered in order.
fn style_of(range: &Range<usize>, marks: &[Mark]) -> Style {
    marks
        .iter()
        .filter(|(m, _)| m.start <= range.start && range.end <= m.end)
        .fold(Style::new(), |style, (_, s)| style.patch(*s))
}
