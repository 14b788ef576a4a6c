//! The reader for daily use (issue 17): the defects a new user hit, and what daily readers
//! expect, as key sequences through `update` and screens drawn on a test terminal.

use crate::common;

use common::{app_with, fixture, press, screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use saidso::app::{Action, App, Focus, update};
use saidso::ui::{Theme, render};

const W: u16 = 120;
const H: u16 = 40;

fn read_marks(app: &App) -> Vec<bool> {
    app.library.entries.iter().map(|e| e.read).collect()
}

fn titles(app: &App) -> Vec<&str> {
    app.list.visible.iter().map(|&i| app.library.entries[i].article.title.as_str()).collect()
}

#[test]
fn an_article_marked_unread_stays_unread_when_focus_passes_through_the_pane() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "enter h m");
    assert_eq!(read_marks(&app), [false, false, false]);
    press(&mut app, "tab tab tab");
    assert_eq!(read_marks(&app), [false, false, false], "focus passing through reads nothing");
    press(&mut app, "enter");
    assert_eq!(read_marks(&app), [true, false, false], "opening it again reads it");
    // Marked unread from the pane, it stays so through the quotes and back.
    press(&mut app, "m tab shift-tab shift-tab tab");
    assert_eq!(read_marks(&app), [false, false, false]);
    // Another article shown in the pane is read as before.
    press(&mut app, "shift-tab j tab");
    assert_eq!(read_marks(&app), [false, true, false]);
}

/// Draws the app on a test terminal with `theme`.
fn draw(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let area = app.layout.area;
    let mut terminal =
        Terminal::new(TestBackend::new(area.width, area.height)).expect("test terminal");
    terminal.draw(|f| render(app, theme, f)).expect("draw");
    terminal
}

/// The cell where `text` starts on screen, if it is there.
fn find(terminal: &Terminal<TestBackend>, text: &str) -> Option<(u16, u16)> {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (0..area.height).find_map(|y| {
        let row: String = (0..area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        let at = row.find(text)?;
        // Columns, not bytes: every cell before holds one char here.
        Some((row[..at].chars().count() as u16, y))
    })
}

fn reversed(terminal: &Terminal<TestBackend>, text: &str) -> bool {
    let (x, y) = find(terminal, text).unwrap_or_else(|| panic!("`{text}` on screen"));
    terminal.backend().buffer()[(x, y)].modifier.contains(Modifier::REVERSED)
}

#[test]
fn without_colour_the_selected_quote_and_the_focused_panel_still_show() {
    let mut app = app_with(fixture(), W, H);
    let theme = Theme::no_color();
    let t = draw(&app, &theme);
    assert!(reversed(&t, "Articles"), "the focused panel's title");
    assert!(!reversed(&t, "Quotes"));
    assert!(reversed(&t, "“We will not sign"), "the selected quote, its panel unfocused");
    assert!(!reversed(&t, "“generous"), "another quote");
    press(&mut app, "tab tab");
    let t = draw(&app, &theme);
    assert!(reversed(&t, "Quotes") && !reversed(&t, "Articles"));
    assert!(reversed(&t, "“We will not sign"));
}

#[test]
fn shrinking_and_growing_the_terminal_leaves_no_quote_hidden_above_the_panel() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "tab tab G");
    update(&mut app, Action::Resize { width: 40, height: 10 });
    assert!(app.quotes.view.offset > 0, "the last quote in view in a small panel");
    update(&mut app, Action::Resize { width: W, height: H });
    assert!(app.quotes.rows.len() <= app.quotes.view.height, "every quote fits at 120x40");
    assert_eq!(app.quotes.view.offset, 0, "so none is hidden above the top");
    assert!(screen(&app).contains("Mara Quist"));
}

#[test]
fn the_filter_finds_every_word_in_any_order() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "f text:timetable space text:ferry");
    assert_eq!(titles(&app), ["Council approves new ferry timetable"]);
    press(&mut app, "esc f text:quist space text:nets space text:harbour");
    assert_eq!(titles(&app), ["Harbour talks stall over fishing quotas"]);
    press(&mut app, "esc f text:ferry space text:quotas");
    assert!(titles(&app).is_empty(), "no article has both words");
}

#[test]
fn search_highlights_its_matches_as_the_pattern_is_typed() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "/ text:negotiators");
    assert!(matches!(app.modal, Some(saidso::app::Modal::Prompt(_))), "still typing");
    let t = draw(&app, &Theme::no_color());
    let (x, y) = find(&t, "Negotiators").expect("the match on screen");
    let cell = &t.backend().buffer()[(x, y)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "highlighted before Enter");
}

#[test]
fn ordering_by_date_puts_undated_articles_last() {
    let mut batch = fixture();
    batch.entries[0].article.meta.date = None;
    batch.entries[1].article.meta.date = Some("2025-03-01".into());
    batch.entries[2].article.meta.date = Some("2025-03-09T10:00:00+00:00".into());
    let mut extra = fixture();
    extra.entries.truncate(1);
    let mut undated = extra.entries.remove(0);
    undated.article.title = "Zebra undated article".into();
    undated.article.meta.date = Some(" ".into());
    undated.article.id = saidso::model::ArticleId(7);
    batch.entries.insert(0, undated);
    let mut app = app_with(batch, W, H);
    // By title first, then by date: undated ones last, in the order given.
    press(&mut app, "O O O");
    assert_eq!(app.list.order, saidso::app::Order::Date);
    assert_eq!(
        titles(&app),
        [
            "Cold week ahead on the coast",
            "Council approves new ferry timetable",
            "Zebra undated article",
            "Harbour talks stall over fishing quotas",
        ],
        "undated in the order given, not by title as before"
    );
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn export_of_an_article_without_quotes_says_so_and_writes_nothing() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "j j e");
    assert!(!app.effects.iter().any(|e| matches!(e, saidso::app::Effect::Export { .. })));
    assert_eq!(app.status.message.as_deref(), Some(saidso::app::strings::NO_QUOTES_TO_EXPORT));
    press(&mut app, "k e");
    assert!(app.effects.iter().any(|e| matches!(e, saidso::app::Effect::Export { .. })));
}

#[test]
fn the_export_folder_is_a_setting() {
    let config = saidso::config::Config::from_str(
        "[reader]\nexport_dir = \"/tmp/quotes\"\n",
        std::path::Path::new("test.toml"),
    )
    .expect("valid config");
    assert_eq!(config.export_dir.as_deref(), Some(std::path::Path::new("/tmp/quotes")));
    assert!(config.warnings.is_empty(), "{:?}", config.warnings);
}

#[test]
fn the_speakers_view_shows_days_as_people_write_them_and_its_own_hints() {
    let mut batch = fixture();
    batch.entries[0].article.meta.date = Some("2025-03-09T10:00:00+00:00".into());
    let mut app = app_with(batch, W, H);
    press(&mut app, "O");
    assert!(app.status.message.is_some(), "the order said in the status bar");
    press(&mut app, "S");
    assert_eq!(app.status.message, None, "the view's hints, not the old message");
    let shown = screen(&app);
    let status = shown.lines().nth(usize::from(H) - 1).unwrap_or_default().to_string();
    assert!(status.contains("open") && status.contains("back"), "{status}");
    press(&mut app, "enter");
    let shown = screen(&app);
    assert!(shown.contains("Harbour talks stall over fishing quotas · 9 Mar 2025"), "{shown}");
    assert!(!shown.contains("T10:00"));
}

/// An app that loaded the fixture with three warnings, one too long for the status bar.
fn warned(width: u16, height: u16) -> App {
    let mut batch = fixture();
    batch.warnings = vec![
        "config.toml:3: unknown setting `reader.colour` ignored".into(),
        format!("notes.txt: not UTF-8, bad bytes replaced; {}", "it goes on and on ".repeat(8)),
        "feeds:2: skipped: not a URL".into(),
    ];
    app_with(batch, width, height)
}

#[test]
fn messages_view_lists_every_warning_120x40() {
    let mut app = warned(120, 40);
    assert!(app.status.message.as_deref().is_some_and(|m| m.contains("M lists them")));
    press(&mut app, "M");
    insta::assert_snapshot!(screen(&app));
    press(&mut app, "M");
    assert!(app.modal.is_none());
}

#[test]
fn messages_view_lists_every_warning_60x16() {
    let mut app = warned(60, 16);
    press(&mut app, "M");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn messages_view_with_none_counts_none() {
    let mut app = app_with(crate::common::fixture(), 120, 40);
    press(&mut app, "M");
    let shown = screen(&app);
    assert!(shown.contains("No warnings so far."), "{shown}");
    assert!(shown.contains(" Messages 0 "), "{shown}");
}

#[test]
fn ctrl_c_quits_whatever_the_keymap_says() {
    let user = saidso::app::Keymap::parse("quit = [\"Q\"]\ndown = [\"j\"]").expect("keymap");
    let mut app = App::new(saidso::app::Keymap::builtin().merged(user));
    update(&mut app, Action::Resize { width: W, height: H });
    press(&mut app, "ctrl-c");
    assert!(app.quit);
}

#[test]
fn a_keymap_with_no_quit_key_is_a_warning_naming_the_line() {
    let config = saidso::config::Config::from_str(
        "[reader]\ntheme = \"dark\"\n\n[keys]\nquit = []\n",
        std::path::Path::new("test.toml"),
    )
    .expect("valid config");
    assert_eq!(
        config.warnings,
        ["test.toml:5: no key quits the reader in [keys] (Ctrl-c still does)"]
    );
    // Another action may take `q`, not Ctrl-c: a key still quits.
    let taken = saidso::config::Config::from_str(
        "[keys]\ndown = [\"j\"]\nhelp = [\"q\"]\n",
        std::path::Path::new("test.toml"),
    )
    .expect("valid config");
    assert!(taken.warnings.is_empty(), "{:?}", taken.warnings);
}

#[test]
fn the_export_folder_may_start_at_the_home_folder() {
    let home = std::path::PathBuf::from(std::env::var_os("HOME").expect("a home folder"));
    let export_dir = |setting: &str| {
        let text = format!("[reader]\nexport_dir = \"{setting}\"\n");
        let config = saidso::config::Config::from_str(&text, std::path::Path::new("test.toml"));
        config.expect("valid config").export_dir.expect("set")
    };
    assert_eq!(export_dir("~"), home);
    assert_eq!(export_dir("~/"), home);
    assert_eq!(export_dir("~/notes"), home.join("notes"));
    assert_eq!(export_dir("~/notes/quotes"), home.join("notes/quotes"));
    // Only a leading `~` stands for it.
    assert_eq!(export_dir("notes/~"), std::path::Path::new("notes/~"));
    assert_eq!(export_dir("~notes"), std::path::Path::new("~notes"));
}

#[test]
fn a_marks_every_listed_article_read_and_u_undoes_it() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "f text:the");
    press(&mut app, "enter");
    let listed = app.list.visible.len();
    app.effects.clear();
    press(&mut app, "A");
    assert!(app.list.visible.iter().all(|&i| app.library.entries[i].read));
    assert_eq!(app.effects.len(), listed, "each one saved");
    press(&mut app, "U");
    assert_eq!(read_marks(&app), [false, false, false]);
    press(&mut app, "U");
    assert_eq!(app.status.message.as_deref(), Some(saidso::app::strings::NOTHING_TO_UNDO));
    // A star undone too.
    press(&mut app, "* U");
    assert!(app.library.entries.iter().all(|e| !e.starred));
}

#[test]
fn next_unread_and_next_article_work_from_the_pane() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "j enter");
    assert_eq!(read_marks(&app), [false, true, false]);
    // From the pane: the next unread (wrapping past the end), read as it is shown.
    press(&mut app, "ctrl-n");
    assert_eq!(app.list.selected, 2);
    assert_eq!(read_marks(&app), [false, true, true]);
    press(&mut app, "ctrl-n");
    assert_eq!(app.list.selected, 0, "wraps around");
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, "ctrl-n");
    assert_eq!(app.status.message.as_deref(), Some(saidso::app::strings::NO_UNREAD));
    // J and K step through the list without leaving the pane; j still scrolls it.
    press(&mut app, "J");
    assert_eq!((app.list.selected, app.focus), (1, Focus::Reader));
    press(&mut app, "K K");
    assert_eq!(app.list.selected, 0);
    press(&mut app, "j");
    assert_eq!((app.list.selected, app.reader.view.offset), (0, 1));
}

#[test]
fn zoomed_panel_120x40() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "tab z");
    assert_eq!(app.layout.shown(Focus::Reader).map(|r| r.width), Some(W));
    assert_eq!(app.layout.shown(Focus::List), None);
    insta::assert_snapshot!(screen(&app));
    press(&mut app, "z");
    assert!(app.layout.shown(Focus::List).is_some());
}

#[test]
fn zoomed_panel_80x24() {
    let mut app = app_with(fixture(), 80, 24);
    press(&mut app, "z");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_quotes_panel_hides_and_the_list_widens() {
    let mut app = app_with(fixture(), W, H);
    let list = app.layout.list.width;
    press(&mut app, "tab tab Q");
    assert_eq!(app.layout.shown(Focus::Quotes), None);
    assert_eq!(app.focus, Focus::Reader, "focus left the hidden panel");
    press(&mut app, "tab");
    assert_eq!(app.focus, Focus::List, "Tab passes over it");
    press(&mut app, "> >");
    assert!(app.layout.list.width > list + 8);
    assert!(screen(&app).contains("Harbour talks stall over fishing quotas"), "whole titles");
    press(&mut app, "< < Q");
    assert_eq!(app.layout.list.width, list);
    assert!(app.layout.shown(Focus::Quotes).is_some());
}

#[test]
fn a_title_that_is_the_first_sentence_shows_once_and_the_pane_is_named_by_title() {
    let mut batch = fixture();
    batch.entries[1].article.title =
        "The council voted on Monday to run the ferry every hour.".into();
    let mut app = app_with(batch, W, H);
    let wrapped = &app.reader.wrapped;
    assert!(wrapped.headline > 0 && wrapped.title.is_empty(), "the headline shown from the text");
    let first = screen(&app);
    assert!(first.lines().next().unwrap_or_default().contains("Article Harbour talks stall"));
    assert!(!first.contains("harbour.txt"), "no file path");
    press(&mut app, "j");

    assert!(app.reader.wrapped.title.is_empty());
    let pane_rows =
        screen(&app).lines().skip(1).filter(|l| l.contains("The council voted on Monday")).count();
    assert_eq!(pane_rows, 1, "the sentence once in the pane");
}

/// The fixture with sources: two sites and a file, one starred.
fn with_sources() -> App {
    let mut batch = fixture();
    batch.entries[0].article.meta.site = Some("Coast Courier".into());
    batch.entries[1].article.meta.site = Some("Island News".into());
    batch.entries[1].starred = true;
    app_with(batch, W, H)
}

#[test]
fn sources_view_120x40() {
    let mut app = with_sources();
    press(&mut app, "enter h F");
    insta::assert_snapshot!(screen(&app));
    // Choosing a source lists its articles only.
    press(&mut app, "j j j j enter");
    assert_eq!(titles(&app), ["Council approves new ferry timetable"]);
    assert!(screen(&app).contains("Island News"));
    press(&mut app, "F k k enter");
    assert_eq!(titles(&app), ["Council approves new ferry timetable"], "starred");
    press(&mut app, "F g enter");
    assert_eq!(app.list.visible.len(), 3);
    press(&mut app, "F j enter");
    assert_eq!(app.list.visible.len(), 2, "unread");
}

#[test]
fn a_click_in_the_sources_view_selects_its_row_and_a_second_click_chooses_it() {
    let mut app = with_sources();
    let click = |app: &mut App, row| update(app, Action::Click { column: 30, row });
    press(&mut app, "F");
    // The view's first row is the screen's second: All, Unread, Starred, Coast Courier, Island News.
    click(&mut app, 5);
    let Some(saidso::app::Modal::Sources(view)) = &app.modal else { panic!("the view closed") };
    assert_eq!(view.chosen(), Some(&saidso::app::Source::Site("Island News".into())));
    assert_eq!(app.list.visible.len(), 3, "nothing chosen yet");
    click(&mut app, 5);
    assert!(app.modal.is_none());
    assert_eq!(titles(&app), ["Council approves new ferry timetable"]);
    // A click on no row, or on the border, leaves the view open and its selection as it was.
    press(&mut app, "F");
    click(&mut app, 30);
    click(&mut app, 0);
    let Some(saidso::app::Modal::Sources(view)) = &app.modal else { panic!("the view closed") };
    assert_eq!(view.chosen(), Some(&saidso::app::Source::Site("Island News".into())));
    click(&mut app, 1);
    click(&mut app, 1);
    assert_eq!(app.list.visible.len(), 3, "all of them again");
}

#[test]
fn sources_view_60x16() {
    let mut app = with_sources();
    update(&mut app, Action::Resize { width: 60, height: 16 });
    press(&mut app, "F j");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_sources_view_lists_each_tag_of_the_followed_feeds() {
    let batch = fixture();
    let ids: Vec<_> = batch.entries.iter().map(|e| e.article.id).collect();
    let mut app = App::new(saidso::app::Keymap::builtin());
    app.library.tags.insert(ids[0], vec!["world".into(), "sea".into()]);
    update(&mut app, Action::Resize { width: W, height: H });
    update(&mut app, Action::Loaded(batch));
    update(&mut app, Action::LoadingDone);
    // A refresh brings the tags of an article listed already.
    let report = saidso::app::RefreshReport {
        tags: [(ids[1], vec!["sea".to_string()])].into_iter().collect(),
        ..Default::default()
    };
    update(&mut app, Action::RefreshDone(Box::new(report)));
    press(&mut app, "F");
    let shown = screen(&app);
    assert!(shown.contains("#sea") && shown.contains("#world"), "{shown}");
    press(&mut app, "G enter");
    assert_eq!(titles(&app), ["Harbour talks stall over fishing quotas"], "the last row: #world");
    press(&mut app, "F k enter");
    assert_eq!(titles(&app).len(), 2, "#sea");
    assert!(screen(&app).lines().next().unwrap_or_default().contains("#sea"), "named in the list");
}

#[test]
fn a_feed_listed_twice_keeps_the_tags_of_both_lines_in_the_sources_view() {
    let mut store = saidso::store::Store::in_memory();
    let batch = fixture();
    let article = batch.entries[0].article.clone();
    let saved =
        store.save_articles(Some("https://a.example/feed.xml"), std::slice::from_ref(&article));
    assert_eq!(saved.ok(), Some(1));
    // Tagged on one line, then listed again with another tag, then bare.
    let (feeds, _) = saidso::feeds::parse_feeds(
        "https://a.example/feed.xml world\nhttps://a.example/feed.xml sea\n\
         https://a.example/feed.xml\n",
    );
    assert_eq!(feeds.len(), 1, "one feed");
    let tags = saidso::feeds::tags_by_article(&store, &feeds);
    assert_eq!(tags.get(&article.id), Some(&vec!["world".to_string(), "sea".to_string()]));
    let mut app = App::new(saidso::app::Keymap::builtin());
    app.library.tags = tags;
    update(&mut app, Action::Resize { width: W, height: H });
    update(&mut app, Action::Loaded(batch));
    update(&mut app, Action::LoadingDone);
    press(&mut app, "F");
    let shown = screen(&app);
    assert_eq!(shown.matches("#world").count(), 1, "{shown}");
    assert_eq!(shown.matches("#sea").count(), 1, "{shown}");
    press(&mut app, "G enter");
    assert_eq!(titles(&app), ["Harbour talks stall over fishing quotas"], "#world");
}

#[test]
fn stored_articles_take_the_tags_of_their_feed() {
    let mut store = saidso::store::Store::in_memory();
    let mut batch = fixture();
    let article = batch.entries.remove(0).article;
    let other = batch.entries.remove(0).article;
    let saved =
        store.save_articles(Some("https://a.example/feed.xml"), std::slice::from_ref(&article));
    assert_eq!(saved.ok(), Some(1));
    let saved = store.save_articles(Some("https://b.example/feed.xml"), &[other]);
    assert_eq!(saved.ok(), Some(1));
    let (feeds, _) = saidso::feeds::parse_feeds(
        "https://a.example/feed.xml world \"~A News\"\nhttps://b.example/feed.xml\n",
    );
    let tags = saidso::feeds::tags_by_article(&store, &feeds);
    assert_eq!(tags.len(), 1, "the untagged feed's article has none");
    assert_eq!(tags.get(&article.id), Some(&vec!["world".to_string()]));
}
