//! What leaves the reader: a quote to the clipboard, quotes to a Markdown file, a link to the
//! browser.

use crate::app::{App, Effect, strings};
use crate::extract::Quote;

/// Asks for the selected quote, attributed, to go to the clipboard.
pub(super) fn copy_quote(app: &mut App) {
    let Some(entry) = app.current() else { return app.status.say(strings::NO_QUOTE) };
    let Some(quote) = app.quotes.selected_quote().and_then(|q| entry.quotes.get(q)) else {
        app.status.say(strings::NO_QUOTE);
        return;
    };
    let article = &entry.article;
    let mark = crate::app::kind_mark(quote);
    // Reported speech keeps the quote marks around the words quoted inside it, no others.
    let text = if mark.is_some() {
        crate::app::shown_words(quote, &article.text)
    } else {
        quote.text(&article.text)
    };
    let copied =
        strings::attributed(&text, mark, quote.speaker.as_deref(), &article.title, &article.meta);
    app.effects.push(Effect::Copy(copied));
    app.status.say(strings::COPIED);
}

/// Asks for the quotes of the library entries `which` to be written to a Markdown file, as
/// `saidso quotes --format markdown` prints them: those the quotes panel's filters let through
/// (the speaker filter, hidden partials and reported speech), articles a filter leaves with none
/// left out (as `saidso quotes --speaker` leaves them out), reported speech marked
/// `(partial)` or `(reported)` by its kind and never in quote marks.
pub(super) fn export(app: &mut App, which: Vec<usize>) {
    let entries: Vec<_> = which.iter().filter_map(|&i| app.library.entries.get(i)).collect();
    let stem = match entries.as_slice() {
        [] => return app.status.say(strings::NOTHING_TO_EXPORT),
        [one] => slug(&one.article.title),
        _ => "list".to_string(),
    };
    // With a filter on, an article it leaves no quote in is left out: a speaker's quotes are
    // wanted, not a heading for every article the speaker is absent from. Unfiltered, every
    // article has its heading, as in `saidso quotes --format markdown`.
    let shows_any = |e: &&crate::app::Entry| e.quotes.iter().any(|q| app.quotes.shows(q));
    let filtered = app.quotes.filtered();
    let entries: Vec<_> = entries.into_iter().filter(|e| !filtered || shows_any(e)).collect();
    // An empty file is no use: say so instead.
    if !entries.iter().any(shows_any) {
        return app.status.say(strings::NO_QUOTES_TO_EXPORT);
    }
    let markdown = entries
        .iter()
        .map(|e| {
            let shown: Vec<Quote> =
                e.quotes.iter().filter(|q| app.quotes.shows(q)).cloned().collect();
            let rows = crate::export::attribution_rows(&e.article, &shown);
            crate::export::markdown(&e.article.title, &rows)
        })
        .collect::<Vec<_>>()
        .join("\n");
    app.effects.push(Effect::Export { stem, markdown });
}

/// A file-name-safe form of a title: its first six words as a slug.
fn slug(title: &str) -> String {
    let slug = crate::text::slug(title, 6);
    if slug.is_empty() { "article".to_string() } else { slug }
}

/// Asks for the shown article's link to open in the browser.
pub(super) fn open_link(app: &mut App) {
    let Some(entry) = app.current() else { return app.status.say(strings::NO_ARTICLE_SELECTED) };
    match entry.article.meta.url.clone() {
        Some(url) => {
            app.status.say(strings::opening(&url));
            app.effects.push(Effect::OpenLink(url));
        }
        None => app.status.say(strings::NO_LINK),
    }
}

/// Asks for the article shown, cleaned (title, then its paragraphs), to be shown in the pager.
pub(super) fn page(app: &mut App) {
    let Some(entry) = app.current() else { return app.status.say(strings::NO_ARTICLE_SELECTED) };
    let article = &entry.article;
    let mut text = article.title.clone();
    for paragraph in article.paragraph_texts() {
        text.push_str("\n\n");
        text.push_str(&paragraph);
    }
    text.push('\n');
    app.effects.push(Effect::Pager(text));
}
