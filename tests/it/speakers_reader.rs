//! The reader's speakers view (`S`), the quotes panel's "also in N articles", `a` to the next
//! article carrying a quote, and the changed words highlighted: key sequences through `update`,
//! and snapshots of the view.

use crate::common;

use common::{app_with, press, screen, seeds};
use saidso::app::{Action, App, Batch, Focus, Level, Modal, SpeakersView, update};
use saidso::extract::QuoteKind;

const W: u16 = 120;
const H: u16 = 40;

/// The articles of tests/fixtures/speakers, loaded as the reader loads them.
fn fixtures() -> Batch {
    let batch = common::load(&["tests/fixtures/speakers".to_string()]);
    assert_eq!(batch.entries.len(), 4);
    batch
}

fn title(app: &App) -> &str {
    app.current().map_or("", |e| e.article.title.as_str())
}

fn selected_speaker(app: &App) -> Option<&str> {
    let q = app.quotes.selected_quote()?;
    app.current()?.quotes.get(q)?.speaker.as_deref()
}

fn selected_text(app: &App) -> String {
    let Some(entry) = app.current() else { return String::new() };
    let quote = app.quotes.selected_quote().and_then(|q| entry.quotes.get(q));
    quote.map(|q| q.text(&entry.article.text)).unwrap_or_default()
}

/// True when the selected quote starts on the third row of the pane, under two rows of what
/// leads to it (or as near as the article's start and end allow).
fn selected_quote_at_top(app: &App) -> bool {
    let Some(entry) = app.current() else { return false };
    let Some(quote) = app.quotes.selected_quote().and_then(|q| entry.quotes.get(q)) else {
        return false;
    };
    let row = app.reader.wrapped.row_of(quote.span().start);
    row.saturating_sub(2) == app.reader.view.offset
        || app.reader.view.offset == app.reader.max_scroll()
}

/// Presses `j` until the speakers view selects `name`.
fn choose(app: &mut App, name: &str) {
    for _ in 0..app.speakers.roster.speakers().len() {
        let Some(Modal::Speakers(view)) = &app.modal else { panic!("speakers view open") };
        if view.selected(&app.speakers.roster).is_some_and(|s| s.name == name) {
            return;
        }
        press(app, "j");
    }
    panic!("{name} is not in the speakers view");
}

#[test]
fn s_then_peskov_then_enter_lands_on_his_quote_in_its_article() {
    let mut app = app_with(seeds(), W, H);
    press(&mut app, "S");
    assert!(matches!(app.modal, Some(Modal::Speakers(_))));
    choose(&mut app, "Dmitry Peskov");
    press(&mut app, "enter");
    let Some(Modal::Speakers(view)) = &app.modal else { panic!("still open") };
    assert_eq!(view.level, Level::Quotes);
    press(&mut app, "enter");
    assert!(app.modal.is_none(), "the view closes on the jump");
    assert_eq!(selected_speaker(&app), Some("Dmitry Peskov"));
    assert_eq!(app.focus, Focus::Quotes);
    assert!(selected_quote_at_top(&app), "the pane is scrolled to the quote");
    let first = app.speakers.roster.speakers().iter().find(|s| s.name == "Dmitry Peskov");
    let first = first.and_then(|s| s.quotes.first()).expect("Peskov has quotes");
    assert_eq!(app.current().map(|e| e.article.id), Some(first.article));
    assert_eq!(app.quotes.selected_quote(), Some(first.quote));
}

#[test]
fn jumps_land_on_the_right_article_whatever_the_list_order_and_filters() {
    for keys in ["O", "O O", "O O O", "u", "O u"] {
        let mut app = app_with(seeds(), W, H);
        // Every article read, so that the unread-only list hides them all.
        for _ in 0..5 {
            press(&mut app, "m j");
        }
        press(&mut app, keys);
        press(&mut app, "S");
        choose(&mut app, "Dmitry Peskov");
        press(&mut app, "enter j enter");
        let peskov = app.speakers.roster.speakers().iter().find(|s| s.name == "Dmitry Peskov");
        let second = peskov.and_then(|s| s.quotes.get(1)).expect("Peskov has two quotes");
        assert_eq!(app.current().map(|e| e.article.id), Some(second.article), "after {keys}");
        assert_eq!(selected_speaker(&app), Some("Dmitry Peskov"), "after {keys}");
        let shown = app.list.selected_entry().and_then(|i| app.library.entries.get(i));
        assert_eq!(shown.map(|e| e.article.id), Some(second.article), "after {keys}");
    }
}

#[test]
fn esc_goes_back_a_level_and_s_returns_to_where_you_were() {
    let mut app = app_with(seeds(), W, H);
    press(&mut app, "j j enter ] ]");
    let (before_title, before_quote, before_scroll, before_focus) =
        (title(&app).to_string(), app.quotes.selected_quote(), app.reader.view.offset, app.focus);
    press(&mut app, "S j j enter j");
    press(&mut app, "esc");
    let Some(Modal::Speakers(view)) = &app.modal else { panic!("still open") };
    assert_eq!((view.level, view.speaker), (Level::Speakers, 2));
    press(&mut app, "S");
    assert!(app.modal.is_none());
    assert_eq!(title(&app), before_title);
    assert_eq!(app.quotes.selected_quote(), before_quote);
    assert_eq!(app.reader.view.offset, before_scroll);
    assert_eq!(app.focus, before_focus);
    press(&mut app, "S esc");
    assert!(app.modal.is_none(), "esc on the list of speakers closes the view");
}

/// The speakers view open in `app`.
fn view(app: &App) -> &SpeakersView {
    let Some(Modal::Speakers(view)) = &app.modal else { panic!("speakers view open") };
    view
}

#[test]
fn a_click_selects_a_row_of_the_speakers_view_and_a_second_click_opens_it() {
    let mut app = app_with(seeds(), W, H);
    press(&mut app, "S");
    let click = |app: &mut App, row| update(app, Action::Click { column: 30, row });
    // The view's first row is the screen's second, under its border.
    click(&mut app, 3);
    assert_eq!((view(&app).level, view(&app).speaker), (Level::Speakers, 2));
    let name = view(&app).selected(&app.speakers.roster).map(|s| s.name.clone());
    click(&mut app, 3);
    assert_eq!(view(&app).level, Level::Quotes, "the second click opens the speaker");
    // Two rows a quote: a click on the fourth row is the second quote.
    click(&mut app, 4);
    assert_eq!(view(&app).quote, 1);
    // Below the last row, or on the border: nothing changes.
    click(&mut app, H - 1);
    click(&mut app, 0);
    assert_eq!((view(&app).level, view(&app).quote), (Level::Quotes, 1));
    click(&mut app, 4);
    assert!(app.modal.is_none(), "the second click jumps to the quote");
    assert_eq!(selected_speaker(&app), name.as_deref());
}

#[test]
fn the_quotes_panel_says_where_else_a_quote_is_and_a_goes_there() {
    let mut app = app_with(fixtures(), W, H);
    assert_eq!(title(&app), "Kyiv rejects ceasefire offer");
    // The headline's reported speech first, then the quotation.
    press(&mut app, "l l j");
    assert!(selected_text(&app).starts_with("We will not trade territory"));
    let q = app.quotes.selected_quote().expect("a quote is selected");
    assert_eq!(app.speakers.also_in.get(q), Some(&2));
    // On a row of its own under the words, so that it is whole however narrow the panel.
    let screen = screen(&app);
    let rows: Vec<&str> =
        screen.lines().map(|l| l.rsplit('│').nth(1).unwrap_or("").trim()).collect();
    let speaker = rows.iter().position(|r| *r == "Oleksiy Danylyuk").expect("speaker row");
    let note = rows.iter().position(|r| *r == "also in 2 articles").expect("note row");
    assert!(note > speaker + 1, "after the words: {rows:?}");
    // Petrenko's quote is in no other article.
    press(&mut app, "j");
    assert_eq!(app.speakers.also_in.get(app.quotes.selected_quote().unwrap_or(0)), Some(&0));
    press(&mut app, "a");
    assert_eq!(app.status.message.as_deref(), Some("This quote is in no other article."));
    press(&mut app, "k a");
    assert_eq!(title(&app), "Ceasefire talks stall as winter nears");
    assert!(selected_text(&app).starts_with("We will not trade territory"));
    assert!(app.speakers.changed.is_empty(), "the same words: nothing to highlight");
    press(&mut app, "a");
    assert_eq!(title(&app), "No land for peace, says Kyiv");
    assert!(selected_quote_at_top(&app));
    let entry = app.current().expect("an article");
    let changed: Vec<&str> =
        app.speakers.changed.iter().map(|r| &entry.article.text[r.clone()]).collect();
    assert_eq!(changed, ["land"]);
    assert!(app.status.message.as_deref().is_some_and(|m| m.contains("1 word different")));
    press(&mut app, "a");
    assert_eq!(title(&app), "Kyiv rejects ceasefire offer", "round to the first again");
    let entry = app.current().expect("an article");
    let changed: Vec<&str> =
        app.speakers.changed.iter().map(|r| &entry.article.text[r.clone()]).collect();
    assert_eq!(changed, ["territory"]);
}

#[test]
fn the_changed_word_is_drawn_in_its_own_style() {
    let mut app = app_with(fixtures(), W, H);
    press(&mut app, "l l j a a");
    let terminal = common::terminal(&app);
    let buffer = terminal.backend().buffer();
    let theme = saidso::ui::Theme::default();
    let styled = buffer.content().iter().filter(|c| c.style().bg == theme.word_changed.bg);
    let word: String = styled.map(|c| c.symbol()).collect();
    assert_eq!(word, "land");
}

#[test]
fn speakers_view_snapshots() {
    let mut app = app_with(seeds(), W, H);
    press(&mut app, "S");
    insta::assert_snapshot!("speakers_view_120x40", screen(&app));
    choose(&mut app, "Dmitry Peskov");
    press(&mut app, "enter");
    insta::assert_snapshot!("speakers_view_peskov_quotes_120x40", screen(&app));
    let mut small = app_with(seeds(), 80, 24);
    press(&mut small, "S G");
    insta::assert_snapshot!("speakers_view_80x24_bottom", screen(&small));
}

#[test]
fn links_to_articles_loaded_later_are_counted_when_loading_ends() {
    use saidso::app::{Action, Keymap, update};
    let mut batch = fixtures();
    let rest = Batch { entries: batch.entries.split_off(1), ..Batch::default() };
    let mut app = App::new(Keymap::builtin());
    update(&mut app, Action::Resize { width: W, height: H });
    update(&mut app, Action::Loaded(batch));
    press(&mut app, "l l j");
    let q = app.quotes.selected_quote().expect("a quote is selected");
    assert_eq!(app.speakers.also_in.get(q), Some(&0), "nothing else loaded yet");
    update(&mut app, Action::Loaded(rest));
    update(&mut app, Action::LoadingDone);
    assert_eq!(app.speakers.also_in.get(q), Some(&2));
    assert_eq!(app.speakers.index.articles().len(), 4);
}

#[test]
fn a_narrow_speakers_view_keeps_the_names_readable() {
    let mut app = app_with(seeds(), 36, 12);
    press(&mut app, "S");
    let screen = screen(&app);
    assert!(screen.contains("quotes, rep., name"), "{screen}");
    assert!(screen.contains("Volodymyr Zelensky"), "{screen}");
}

#[test]
fn a_quote_worded_differently_elsewhere_is_highlighted_however_it_is_reached() {
    let mut app = app_with(fixtures(), W, H);
    // Straight to the article with the changed word from the list, not with `a`.
    press(&mut app, "j j l l j");
    assert_eq!(title(&app), "No land for peace, says Kyiv");
    assert!(selected_text(&app).starts_with("We will not trade land"));
    let entry = app.current().expect("an article");
    let changed: Vec<&str> =
        app.speakers.changed.iter().map(|r| &entry.article.text[r.clone()]).collect();
    assert_eq!(changed, ["land"]);
    assert_eq!(
        app.status.message.as_deref(),
        Some("Worded differently in “Kyiv rejects ceasefire offer”: 1 word highlighted")
    );
    // A quote no other article carries has nothing to compare, and the message goes with it.
    press(&mut app, "j");
    assert!(app.speakers.changed.is_empty());
    assert_eq!(app.status.message, None);
}

#[test]
fn the_speakers_view_counts_quotes_and_reported_statements_apart_and_gives_descriptions_no_row() {
    let mut app = app_with(seeds(), W, H);
    press(&mut app, "S");
    let roster = &app.speakers.roster;
    // `A Kremlin spokesman said` names nobody: no row of its own, in no article.
    let names: Vec<&str> = roster.speakers().iter().map(|s| s.name.as_str()).collect();
    for description in ["Kremlin spokesman", "Kremlin boss", "European Union leaders"] {
        assert!(!names.contains(&description), "{description} in {names:?}");
    }
    choose(&mut app, "Dmitry Peskov");
    let Some(Modal::Speakers(view)) = &app.modal else { panic!("open") };
    let peskov = view.selected(&app.speakers.roster).expect("selected");
    // Each of his quotes is counted once: as a quotation (direct or partial), or as a
    // reported statement with no quote marks, as `saidso speakers` counts them.
    let reported = peskov
        .quotes
        .iter()
        .filter(|r| {
            let entry = app.library.entries.iter().find(|e| e.article.id == r.article);
            let quote = entry.and_then(|e| e.quotes.get(r.quote));
            quote.is_some_and(|q| q.kind == QuoteKind::Indirect)
        })
        .count();
    assert_eq!(peskov.counts(), (peskov.quotes.len() - reported, reported));
    // (`confirmed Russia would be open to talks …, but stressed that … 'demilitarisation'`:
    // two clauses, one reported and one partial; `that Russia is now open to talks in response
    // to the request …` once, not again as its `in response to …`.)
    assert_eq!(peskov.counts(), (4, 3));
    let row = screen(&app).lines().find(|l| l.contains("Dmitry Peskov")).unwrap_or("").to_string();
    assert!(row.contains("    4        3     3  person"), "{row}");
    press(&mut app, "enter");
    let shown = screen(&app);
    assert!(shown.contains("Dmitry Peskov · 4 quotes (2 partial), 3 reported in 3 articles"));
    // The rows as the header counts them: 2 whole quotations, 2 partial, 3 reported.
    let rows =
        |start: &str| shown.lines().filter(|l| l.starts_with(&format!("\"│  {start}"))).count();
    assert_eq!((rows("“"), rows("(partial) "), rows("(reported) ")), (2, 2, 3), "{shown}");
}
