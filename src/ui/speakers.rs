//! The speakers view, over the panels: every speaker across the articles with their counts,
//! most quoted first; or one speaker's quotes, each under its article's title, source and date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Theme, clip, pad, panel, title};
use crate::app::{App, Level, QUOTE_ROWS, SpeakersView, inner, strings};
use crate::extract::{QuoteKind, SpeakerKind};
use crate::speakers::{QuoteRef, Speaker};

pub(super) fn render(
    app: &App,
    view: &SpeakersView,
    theme: &Theme,
    frame: &mut Frame,
    screen: Rect,
) {
    // Everything but the status bar.
    let area = Rect { height: screen.height.saturating_sub(1), ..screen };
    let roster = &app.speakers.roster;
    let (details, lines) = match (view.level, view.selected(roster)) {
        (Level::Quotes, Some(speaker)) => (
            format!("· {} · {}", speaker.name, counts(app, speaker)),
            quote_lines(app, view, speaker, theme, inner(area)),
        ),
        _ => (
            format!(
                "{} · {}",
                roster.speakers().len(),
                if usize::from(inner(area).width) >= WIDTH_FOR_COLUMNS {
                    strings::SPEAKERS_COLUMNS
                } else {
                    strings::SPEAKERS_COLUMNS_NARROW
                }
            ),
            speaker_lines(app, view, theme, inner(area)),
        ),
    };
    let block = panel(title(strings::SPEAKERS, details, area.width, theme), true, theme);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The narrowest view that has room for every column of a speaker's row.
const WIDTH_FOR_COLUMNS: usize = 50;

/// One row a speaker: quotations and reported statements (counted apart, as `saidso speakers`
/// counts them), articles, kind, name and the other forms of the name.
fn speaker_lines<'a>(
    app: &'a App,
    view: &SpeakersView,
    theme: &Theme,
    area: Rect,
) -> Vec<Line<'a>> {
    let speakers = app.speakers.roster.speakers();
    if speakers.is_empty() {
        return vec![Line::styled(strings::NO_SPEAKERS, theme.dim)];
    }
    let width = usize::from(area.width);
    speakers
        .iter()
        .enumerate()
        .skip(view.view.offset)
        .take(usize::from(area.height))
        .map(|(i, s)| {
            let (quotes, reported) = s.counts();
            let text = if width >= WIDTH_FOR_COLUMNS {
                let articles = s.articles;
                format!(
                    "{quotes:>5} {reported:>8} {articles:>5}  {:<12} {}{}",
                    kind(s),
                    s.name,
                    others(s)
                )
            } else {
                // Narrow: the name first, with the counts alone.
                format!("{quotes:>4} {reported:>4} {}", s.name)
            };
            let style = if i == view.speaker { theme.selected } else { theme.speaker };
            Line::styled(pad(&clip(&text, width), width), style)
        })
        .collect()
}

/// Two rows a quote: its article (title, source, date), then its words.
fn quote_lines<'a>(
    app: &'a App,
    view: &SpeakersView,
    speaker: &Speaker,
    theme: &Theme,
    area: Rect,
) -> Vec<Line<'a>> {
    let width = usize::from(area.width);
    let per_page = (usize::from(area.height) / QUOTE_ROWS).max(1);
    let mut lines = Vec::new();
    for (i, r) in speaker.quotes.iter().enumerate().skip(view.view.offset).take(per_page) {
        let (source, words) = describe(app, *r);
        let selected = i == view.quote;
        let (head, body) = if selected {
            (theme.selected, theme.selected)
        } else {
            (theme.dim, theme.quote_direct)
        };
        lines.push(Line::styled(pad(&clip(&source, width), width), head));
        lines.push(Line::from(Span::styled(pad(&clip(&format!("  {words}"), width), width), body)));
    }
    lines
}

/// The article line and the words of quote `r`.
fn describe(app: &App, r: QuoteRef) -> (String, String) {
    let entry = app.speakers.entry_of.get(&r.article).and_then(|&i| app.library.entries.get(i));
    let Some(entry) = entry else { return (String::new(), String::new()) };
    let meta = &entry.article.meta;
    let mut source = entry.article.title.clone();
    let date = meta.date.as_deref().map(strings::human_day);
    for part in [meta.site.clone(), date].into_iter().flatten() {
        source.push_str(" · ");
        source.push_str(&part);
    }
    // Reported speech bare and marked, never dressed as a quotation; a reported statement
    // with quoted words is one of the speaker's quotations, marked partial as it is counted.
    let words = entry.quotes.get(r.quote).map_or_else(String::new, |q| {
        let words = crate::app::shown_words(q, &entry.article.text);
        match is_partial(app, r) {
            true => format!("({}) {words}", strings::PARTIAL),
            false if crate::app::is_reported(q) => format!("({}) {words}", strings::REPORTED),
            false => words,
        }
    });
    (source, words)
}

/// True when quote `r` is a reported statement with quoted words in it (`said the wall would
/// be fixed "before the storm"`): a quotation by the counts, but not one whole.
fn is_partial(app: &App, r: QuoteRef) -> bool {
    let entry = app.speakers.entry_of.get(&r.article).and_then(|&i| app.library.entries.get(i));
    let quote = entry.and_then(|e| e.quotes.get(r.quote));
    quote.is_some_and(|q| q.kind == QuoteKind::Partial && crate::app::is_reported(q))
}

/// The header's counts for `speaker`, the partial quotations among the quotes told apart, as
/// its rows mark them.
fn counts(app: &App, speaker: &Speaker) -> String {
    let (quotes, reported) = speaker.counts();
    let partial = speaker.quotes.iter().filter(|&&r| is_partial(app, r)).count();
    strings::speaker_counts(quotes, partial, reported, speaker.articles)
}

fn kind(s: &Speaker) -> &'static str {
    match s.kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organisation => "organisation",
        SpeakerKind::Unknown => "unknown",
    }
}

/// The forms of the name other than the one shown: ` (Zelensky, Zelenskiy)`.
fn others(s: &Speaker) -> String {
    let rest: Vec<&str> = s.variants.iter().map(String::as_str).filter(|v| *v != s.name).collect();
    if rest.is_empty() { String::new() } else { format!(" ({})", rest.join(", ")) }
}
