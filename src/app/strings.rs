//! Every user-facing string of the reader, in one place (for consistency now, translation later).

use super::{Command, SpeakerFilter};
use crate::model::Meta;
use crate::store::Notice;

/// Article list panel title.
pub const ARTICLES: &str = "Articles";
/// Reading pane title.
pub const ARTICLE: &str = "Article";
/// Quotes panel title.
pub const QUOTES: &str = "Quotes";
/// Speaker line of a quote nobody could be named for.
pub const NO_SPEAKER: &str = "no speaker";
/// Tag of a partial quote.
pub const PARTIAL: &str = "partial";
/// The kind mark of reported speech in the quotes panel.
pub const REPORTED: &str = "reported";
/// Shown in the list and the pane before the first article arrives.
pub const LOADING: &str = "Loading…";
/// Shown when loading ended with nothing.
pub const NO_ARTICLES: &str = "No article to show.";
/// Shown when the list filter hides everything.
pub const NOTHING_MATCHES: &str = "No article matches the filter.";
/// Quotes panel with no quote to show.
pub const NO_QUOTES: &str = "No quotes in this article.";
/// Quotes panel when the filters hide every quote.
pub const NO_QUOTES_SHOWN: &str = "No quote passes the filters.";
/// Help overlay title.
pub const HELP: &str = "Keys";
/// Help overlay footer, with the keys that scroll it.
pub fn help_footer(down: &str, up: &str) -> String {
    format!("{down}/{up} scroll · any other key closes")
}
/// Lines of the help overlay under the keys: a blank, then the mouse line.
pub const HELP_NOTES: usize = 2;
/// Mouse line in the help overlay.
pub const HELP_MOUSE: &str = "Mouse: click selects, the wheel scrolls the panel under the pointer.";
/// The too-small message.
pub const TOO_SMALL: &str = "Terminal too small";
/// Search prompt.
pub const SEARCH_PROMPT: &str = "/";
/// Filter prompt.
pub const FILTER_PROMPT: &str = "filter: ";
/// Status-bar hint label for the help key.
pub const HINT_HELP: &str = "help";

/// The commands whose keys the status-bar hints show, most useful first, with their labels.
pub const HINTS: [(Command, &str); 8] = [
    (Command::Help, HINT_HELP),
    (Command::Search, "search"),
    (Command::Filter, "filter"),
    (Command::NextQuote, "next quote"),
    (Command::SpeakerFilter, "speaker"),
    (Command::FocusNext, "panel"),
    (Command::Quit, "quit"),
    (Command::Speakers, "speakers"),
];

/// The hints of the speakers view, with their labels.
pub const HINTS_IN_SPEAKERS: [(Command, &str); 4] = [
    (Command::Open, "open"),
    (Command::Cancel, "back"),
    (Command::Speakers, "close"),
    (Command::Quit, "quit"),
];

/// The hints of the sources view, with their labels.
pub const HINTS_IN_SOURCES: [(Command, &str); 4] = [
    (Command::Open, "list these"),
    (Command::Down, "next"),
    (Command::Cancel, "close"),
    (Command::Quit, "quit"),
];

/// Title of the speakers view.
pub const SPEAKERS: &str = "Speakers";

/// What the speakers view's columns are.
pub const SPEAKERS_COLUMNS: &str = "quotes, reported, articles, kind, name (other forms)";
/// What the speakers view's columns are where there is little room.
pub const SPEAKERS_COLUMNS_NARROW: &str = "quotes, rep., name";

/// Note of the speakers view with no speaker yet.
pub const NO_SPEAKERS: &str = "No speaker found yet.";

/// How many other articles carry a quote, in the quotes panel.
pub fn also_in(n: usize) -> String {
    format!("also in {n} article{}", if n == 1 { "" } else { "s" })
}

/// A speaker's counts in the speakers view: quotations (of which `partial` are reported
/// statements with quoted words, counted as quotations as `saidso speakers` counts them) and
/// reported statements apart.
pub fn speaker_counts(quotes: usize, partial: usize, reported: usize, articles: usize) -> String {
    let partial = if partial > 0 { format!(" ({partial} {PARTIAL})") } else { String::new() };
    format!(
        "{quotes} quote{}{partial}, {reported} reported in {articles} article{}",
        plural(quotes),
        plural(articles)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Message: the selected quote is in no other article.
pub const NOT_ELSEWHERE: &str = "This quote is in no other article.";

/// Message: moved to another article carrying the quote; `changed` words differ.
pub fn same_quote(title: &str, changed: usize) -> String {
    match changed {
        0 => format!("Same quote in “{title}”"),
        n => format!("Same quote in “{title}”, {n} word{} different (highlighted)", plural(n)),
    }
}

/// Message: the selected quote is worded differently in another article.
pub fn worded_differently(title: &str, changed: usize) -> String {
    format!("Worded differently in “{title}”: {changed} word{} highlighted", plural(changed))
}

/// Message: the search found nothing.
pub fn no_match(query: &str) -> String {
    format!("No match for “{query}”")
}

/// Message: search position.
pub fn match_position(current: usize, total: usize) -> String {
    format!("Match {current} of {total}")
}

/// Message: the speaker filter changed.
pub fn speaker_filter(filter: &SpeakerFilter) -> String {
    match filter {
        SpeakerFilter::All => "Quotes by everybody".to_string(),
        SpeakerFilter::Named(name) => format!("Quotes by {name}"),
        SpeakerFilter::Unnamed => "Quotes with no speaker".to_string(),
    }
}

/// Message: partial quotes shown or hidden.
pub fn partials(hidden: bool) -> &'static str {
    if hidden { "Partial quotes hidden" } else { "Partial quotes shown" }
}

/// Message: reported speech is hidden, or shown.
pub fn reported(hidden: bool) -> &'static str {
    if hidden { "Reported speech hidden" } else { "Reported speech shown" }
}

/// Message: loading finished with some inputs skipped.
pub fn loaded_with_problems(skipped: usize, last: &str, key: Option<&str>) -> String {
    match key {
        Some(key) if skipped > 1 => {
            format!("{skipped} input(s) skipped ({key} lists them); last: {last}")
        }
        _ => format!("{skipped} input(s) skipped; last: {last}"),
    }
}

/// Message: loading finished with warnings (the configuration's come first); one is said whole.
pub fn warnings(count: usize, first: &str, key: Option<&str>) -> String {
    match (count, key) {
        (1, _) => first.to_string(),
        (n, Some(key)) => format!("{n} warnings ({key} lists them); first: {first}"),
        (n, None) => format!("{n} warnings; first: {first}"),
    }
}

/// Message: the focused panel zoomed, or not.
pub fn zoomed(on: bool) -> &'static str {
    if on { "Zoomed: the focused panel alone (Tab for the others)" } else { "All panels" }
}

/// Message: the quotes panel hidden, or shown.
pub fn quotes_hidden(on: bool) -> &'static str {
    if on { "Quotes panel hidden" } else { "Quotes panel shown" }
}

/// Message: every listed article marked read; `undo` is the key that undoes it.
pub fn marked_all_read(n: usize, undo: Option<&str>) -> String {
    match (n, undo) {
        (0, _) => "Every listed article is read already".to_string(),
        (n, Some(key)) => format!("Marked {n} article{} read ({key} undoes)", plural(n)),
        (n, None) => format!("Marked {n} article{} read", plural(n)),
    }
}

/// Message: the article's read mark or star turned on or off.
pub fn marked(starred: bool, on: bool) -> &'static str {
    match (starred, on) {
        (false, true) => "Marked read",
        (false, false) => "Marked unread",
        (true, true) => "Starred",
        (true, false) => "Star removed",
    }
}

/// Message: nothing to undo.
pub const NOTHING_TO_UNDO: &str = "No mark change to undo";

/// Message: a change of marks undone.
pub fn undone(n: usize) -> String {
    format!("Marks of {n} article{} put back", plural(n))
}

/// Message: no unread article in the list.
pub const NO_UNREAD: &str = "No unread article in the list";

/// Title of the sources view.
pub const SOURCES: &str = "Sources";

/// A source's name, in the sources view and the list's title.
pub fn source_name(source: &super::Source) -> String {
    use super::Source;
    match source {
        Source::All => "All articles".to_string(),
        Source::Unread => "Unread".to_string(),
        Source::Starred => "Starred".to_string(),
        Source::Site(name) => name.clone(),
        Source::NoSite => "Files (no source)".to_string(),
        Source::Tag(tag) => format!("#{tag}"),
    }
}

/// Message: the list shows `source`.
pub fn showing(source: &super::Source) -> String {
    format!("Listing: {}", source_name(source))
}

/// Message: the pager could not run.
pub fn pager_failed(error: &str) -> String {
    format!("Pager failed: {error} (set PAGER)")
}

/// Title of the messages view.
pub const MESSAGES: &str = "Messages";
/// The messages view's footer, with the key that closes it.
pub fn messages_footer(key: &str) -> String {
    format!("j/k scroll · {key} or any other key closes")
}
/// The messages view with nothing in it.
pub const NO_MESSAGES: &str = "No warnings so far.";
/// The passage view's note, under a quote found nowhere, on records with paragraphs that start
/// like a label but were not read as one.
pub const PASSAGE_LABELS_MISSED: &str = "Some of the record's paragraphs start like speaker \
    labels that were not read as such: their words are nobody's (the messages, M, name them).";
/// The passage view when no record has a speaker label: nobody's words can be found.
pub const PASSAGE_NO_LABELS: &str = "The record has no speaker labels (`NAME:` at a line's \
    start), so nobody's words are known: start with --record-speaker NAME when it is one \
    person's words (saidso check --speaker NAME).";

/// Message: a refresh started.
pub const REFRESHING: &str = "Refreshing the followed feeds…";

/// Message: `r` while a refresh runs.
pub const STILL_REFRESHING: &str = "Still refreshing the followed feeds";

/// Refresh progress in the status bar.
pub fn refreshing(done: usize, total: usize) -> String {
    match total {
        0 => "refreshing…".to_string(),
        n => format!("refreshing {done}/{n} feeds"),
    }
}

/// Message: how many articles a refresh added to the list, from how many feeds, and its last
/// problem (the status bar is one line: what matters first).
pub fn refreshed(added: usize, feeds: usize, failed: usize, problem: Option<&String>) -> String {
    let mut message = match added {
        0 => "Nothing new".to_string(),
        n => format!("{n} new article{}", plural(n)),
    };
    message.push_str(&format!(" from {feeds} feed{}", plural(feeds)));
    if failed > 0 {
        message.push_str(&format!(", {failed} failed"));
    }
    if let Some(problem) = problem {
        message.push_str(&format!("; {problem}"));
    }
    message
}

/// Why a refresh cannot start with no feeds file, and how to follow a feed (`file`, short).
pub fn no_feeds_file(file: &str) -> String {
    format!("no feeds file; add feed URLs to {file}")
}

/// Message: a refresh could not start.
pub fn refresh_failed(error: &str) -> String {
    format!("Cannot refresh: {error}")
}

/// Loading progress in the status bar.
pub fn loading(done: usize, expected: Option<usize>) -> String {
    match expected {
        Some(n) => format!("loading {done}/{n}"),
        None => "loading…".to_string(),
    }
}

/// Where an article comes from, in the reading pane's title: source, day and author, those
/// known.
pub fn byline(meta: &Meta) -> Option<String> {
    let date = meta.date.as_deref().map(day);
    let parts: Vec<&str> =
        [meta.site.as_deref(), date, meta.author.as_deref()].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The day of a date: `2024-03-06` of `2024-03-06T07:15:00+00:00`; other forms as they are.
pub fn day(date: &str) -> &str {
    ymd(date).unwrap_or(date)
}

/// The `YYYY-MM-DD` a date starts with, if it does.
fn ymd(date: &str) -> Option<&str> {
    date.get(..10).filter(|d| {
        d.bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
    })
}

/// A date as people write it: `9 Mar 2025` of `2025-03-09T10:00:00+00:00`; other forms as they
/// are.
pub fn human_day(date: &str) -> String {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let parts = ymd(date).and_then(|d| {
        let month: usize = d.get(5..7)?.parse().ok()?;
        let day: u32 = d.get(8..10)?.parse().ok()?;
        Some(format!("{day} {} {}", MONTHS.get(month.checked_sub(1)?)?, d.get(..4)?))
    });
    parts.unwrap_or_else(|| date.to_string())
}

/// A date's day in short (`Mar 06`), for a narrow column; `None` unless it starts `YYYY-MM-DD`.
pub fn short_day(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let day = ymd(date)?;
    let month: usize = day.get(5..7)?.parse().ok()?;
    Some(format!("{} {}", MONTHS.get(month.checked_sub(1)?)?, day.get(8..10)?))
}

/// A position in a list, in a panel title.
pub fn position(selected: usize, total: usize) -> String {
    format!("{selected}/{total}")
}

/// The selected article's position, in the status bar.
pub fn article_position(selected: usize, total: usize) -> String {
    format!("article {selected}/{total}")
}

/// A store notice in the status bar: the moved-aside file by its name, which fits where its
/// whole path would not (the full notice goes to stderr on quitting).
pub fn notice(notice: &Notice) -> String {
    match notice {
        Notice::MovedAside { to, rescued, .. } => {
            let name = to.file_name().unwrap_or(to.as_os_str()).to_string_lossy();
            format!(
                "State file unreadable: moved aside as {name}; a new one started with the \
                 {rescued} marks that still read"
            )
        }
        Notice::NotSaved { .. } | Notice::Busy { .. } => notice.to_string(),
    }
}

/// Message: marks could not be written to the store; `waiting` of them are kept to retry.
pub fn marks_not_saved(waiting: usize, cause: &str) -> String {
    let marks = if waiting == 1 { "1 mark" } else { &format!("{waiting} marks") };
    format!("Marks not saved ({marks} waiting, retried at each key): {cause}")
}

/// Message: the marks that had failed to save are saved now.
pub const MARKS_SAVED: &str = "Marks saved again";

/// Message: a quote went to the clipboard.
pub const COPIED: &str = "Quote copied to the clipboard";

/// Message: a key for an article with none shown or listed.
pub const NO_ARTICLE_SELECTED: &str = "No article selected";

/// Message: nothing to copy.
pub const NO_QUOTE: &str = "No quote selected";

/// A quote as copied: `“…” — Speaker, in: Title (Source · day) link`, with the source, day and
/// link where known; reported speech, which has a `mark` (see [`super::kind_mark`]), as
/// `(partial) … — Speaker, …` or `(reported) …`, without quote marks. A comma where the article
/// broke the sentence off is left out.
pub fn attributed(
    quote: &str,
    mark: Option<&str>,
    speaker: Option<&str>,
    title: &str,
    meta: &Meta,
) -> String {
    let quote = quote.trim_end_matches([',', ';', ':', ' ']);
    let speaker = speaker.unwrap_or("unknown speaker");
    // Reported speech is never dressed as a quotation.
    let mut out = match mark {
        Some(mark) => format!("({mark}) {quote} — {speaker}, in: {title}"),
        None => format!("“{quote}” — {speaker}, in: {title}"),
    };
    let source = [meta.site.as_deref(), meta.date.as_deref().map(day)];
    let source: Vec<&str> = source.into_iter().flatten().collect();
    if !source.is_empty() {
        out.push_str(&format!(" ({})", source.join(" · ")));
    }
    if let Some(url) = &meta.url {
        out.push_str(&format!(" {url}"));
    }
    out
}

/// Message: the terminal could not be asked to set the clipboard.
pub const NOT_COPIED: &str = "Could not copy to the clipboard";

/// Message: the list shows unread articles only, or all.
pub fn unread_only(on: bool) -> &'static str {
    if on { "Unread articles only" } else { "All articles" }
}

/// Message: no article to export the quotes of.
pub const NOTHING_TO_EXPORT: &str = "No article to export";
/// Message: export asked for articles with no quote (the quotes panel's filters applied).
pub const NO_QUOTES_TO_EXPORT: &str = "No quotes to export: nothing written";

/// Message: quotes were written to a file.
pub fn exported(file: &str) -> String {
    format!("Quotes exported to {file}")
}

/// Message: the export file could not be written. The failure first: a long path cut at the
/// status bar's edge must not cut it off.
pub fn not_exported(file: &str, error: &str) -> String {
    format!("Export failed: {error} (writing {file})")
}

/// Message: the article has no link to open.
pub const NO_LINK: &str = "This article has no link";

/// Message: a link is being opened.
pub fn opening(url: &str) -> String {
    format!("Opening {url}")
}

/// Message: the list's order changed.
pub fn order(order: super::Order) -> &'static str {
    match order {
        super::Order::Given => "Ordered as given",
        super::Order::Title => "Ordered by title",
        super::Order::MostQuotes => "Ordered by most quotes",
        super::Order::Date => "Ordered by date, newest first",
    }
}

/// The list's order and unread-only mode in its title, when not the defaults.
pub fn list_modes(order: super::Order, unread_only: bool) -> String {
    let order = match order {
        super::Order::Given => None,
        super::Order::Title => Some("by title"),
        super::Order::MostQuotes => Some("most quotes"),
        super::Order::Date => Some("newest"),
    };
    let unread = unread_only.then_some("unread");
    [order, unread].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// A quote's verdict, as the quotes panel marks it: `verbatim`, `altered`, `not in record`,
/// `said by Q` (the words are another record speaker's), `verbatim · said by MAYOR LEE` (the
/// article does not name whose words they are).
pub fn verdict(checked: &crate::record::Checked, records: &crate::record::Records) -> String {
    use crate::record::Verdict;
    match (checked.finding.verdict, checked.said_by(records)) {
        // Words of a speaker the article does not name: found, and whose they are.
        (v @ (Verdict::Verbatim | Verdict::Altered), Some(who)) => {
            format!("{} · said by {who}", v.name())
        }
        (_, Some(who)) => format!("said by {who}"),
        (Verdict::NotInRecord | Verdict::NoTurns, None) => "not in record".to_string(),
        (v, None) => v.name().to_string(),
    }
}

/// Message: the passage key pressed with no record given.
pub const NO_RECORD: &str = "No record given: start with saidso --record FILE";
/// Title of the record's passage view.
pub const RECORD: &str = "Record";
/// The passage view with no quote selected.
pub const PASSAGE_NO_QUOTE: &str = "No quote selected.";
/// The passage view for a quote whose speaker has no words in the record.
pub const PASSAGE_NO_TURNS: &str = "Its speaker has no words in the record: nothing to check.";
/// The passage view for a quote found nowhere in the record.
pub const PASSAGE_NOTHING_CLOSE: &str = "Nothing close in the speaker's words in the record.";
/// The passage view's line under the verdict of a partial quotation: the verdict is on its
/// quoted words alone, not on the reported speech around them.
pub fn passage_quoted_only(words: &str) -> String {
    format!("On the quoted words only: “{words}”")
}
/// The passage view's heading over the record's words.
pub const PASSAGE_SAYS: &str = "The record says:";
/// The passage view's heading over the words that differ.
pub const PASSAGE_DIFFERS: &str = "Words that differ (record → quote):";

/// How one difference between a quote and the record reads in the passage view.
pub fn difference(d: &crate::record::Difference) -> String {
    use crate::record::Edit;
    match d.edit {
        Edit::Added => format!("added “{}”", d.quote),
        Edit::Dropped => format!("dropped “{}”", d.record),
        Edit::Changed => format!("“{}” → “{}”", d.record, d.quote),
        Edit::Moved => format!("moved “{}”", d.quote),
    }
}

/// The passage view's verdict line: the verdict, and how many words differ.
pub fn passage_verdict(verdict: &str, differences: usize) -> String {
    match differences {
        0 => verdict.to_string(),
        n => format!("{verdict} · {n} difference{}", plural(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_shorten_to_their_day_and_others_stay_as_given() {
        assert_eq!(day("2024-03-06T07:15:00+00:00"), "2024-03-06");
        assert_eq!(short_day("2024-03-06T07:15:00+00:00").as_deref(), Some("Mar 06"));
        assert_eq!(short_day("2024-12-31").as_deref(), Some("Dec 31"));
        assert_eq!(day("last Tuesday"), "last Tuesday");
        assert_eq!(short_day("last Tuesday"), None);
        assert_eq!(short_day("2024-13-01"), None);
        assert_eq!(short_day("2024-03-0"), None);
        assert_eq!(short_day("é"), None);
    }

    #[test]
    fn a_byline_gives_what_is_known() {
        let meta = Meta { site: Some("Gazette".into()), ..Meta::default() };
        assert_eq!(byline(&meta).as_deref(), Some("Gazette"));
        let meta = Meta {
            date: Some("2024-03-06T07:15:00Z".into()),
            author: Some("Ana Ruiz".into()),
            ..meta
        };
        assert_eq!(byline(&meta).as_deref(), Some("Gazette · 2024-03-06 · Ana Ruiz"));
        assert_eq!(byline(&Meta::default()), None);
    }
}
