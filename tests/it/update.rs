//! Key sequences through `update`: selection, scrolling, the sync between the panels, filters,
//! search, mouse, sizes.

use crate::common;

use common::{app_with, fixture, press, screen, seeds};
use saidso::app::{Action, App, Batch, Focus, Mode, SpeakerFilter, strings, update};
use saidso::store::Notice;

const W: u16 = 120;
const H: u16 = 40;

/// The article index of the selected quote.
fn selected_quote(app: &App) -> Option<usize> {
    app.quotes.selected_quote()
}

fn title(app: &App) -> &str {
    app.current().map_or("", |e| e.article.title.as_str())
}

/// True when the start of quote `q` of the article shown is on a row in view.
fn quote_in_view(app: &App, q: usize) -> bool {
    let Some(quote) = app.current().and_then(|e| e.quotes.get(q)) else { return false };
    let row = app.reader.wrapped.row_of(quote.span().start);
    (app.reader.view.offset..app.reader.view.offset + app.reader.view.height).contains(&row)
}

#[test]
fn the_first_article_shows_at_its_top_with_its_quotes() {
    let app = app_with(fixture(), W, H);
    assert_eq!(app.focus, Focus::List);
    assert_eq!(title(&app), "Harbour talks stall over fishing quotas");
    assert_eq!(app.reader.view.offset, 0);
    assert_eq!(app.quotes.visible, [0, 1, 2, 3, 4]);
    assert_eq!(selected_quote(&app), Some(0));
}

#[test]
fn moving_in_the_list_shows_each_article_from_its_top_and_lists_its_quotes() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "tab ctrl-d shift-tab j");
    assert_eq!(title(&app), "Council approves new ferry timetable");
    assert_eq!(app.reader.view.offset, 0);
    assert_eq!(app.quotes.visible, [0]);
    press(&mut app, "j");
    assert_eq!(title(&app), "Cold week ahead on the coast");
    assert!(app.quotes.visible.is_empty() && app.quotes.selected.is_none());
    press(&mut app, "j G k g down up home end");
    assert_eq!(app.list.selected, 2);
}

#[test]
fn only_opening_marks_an_article_read() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "j j k");
    assert!(app.library.entries.iter().all(|e| !e.read), "browsing the list reads nothing");
    press(&mut app, "enter");
    assert_eq!(app.focus, Focus::Reader);
    let read: Vec<bool> = app.library.entries.iter().map(|e| e.read).collect();
    assert_eq!(read, [false, true, false]);
}

#[test]
fn selecting_a_quote_scrolls_the_pane_to_it() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "tab tab");
    assert_eq!(app.focus, Focus::Quotes);
    assert!(!quote_in_view(&app, 4), "the last quote starts out of view");
    press(&mut app, "G");
    assert_eq!(selected_quote(&app), Some(4));
    assert!(app.reader.view.offset > 0);
    assert!(quote_in_view(&app, 4));
    press(&mut app, "k");
    assert_eq!(selected_quote(&app), Some(3));
    assert!(quote_in_view(&app, 3));
    // Enter jumps: the quote's row goes near the top of the pane, under two rows that lead to it.
    press(&mut app, "enter");
    let start = app.current().map(|e| e.quotes[3].span().start).unwrap_or_default();
    assert_eq!(app.reader.view.offset, app.reader.wrapped.row_of(start) - 2);
}

#[test]
fn scrolling_the_pane_selects_the_first_quote_in_view() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "tab");
    let mut seen = Vec::new();
    for _ in 0..40 {
        press(&mut app, "j");
        let q = selected_quote(&app).unwrap_or(usize::MAX);
        assert!(quote_in_view(&app, q) || app.reader.view.offset == 0 || seen.last() == Some(&q));
        if seen.last() != Some(&q) {
            seen.push(q);
        }
    }
    press(&mut app, "G");
    assert_eq!(app.reader.view.offset, app.reader.max_scroll());
    assert!(quote_in_view(&app, 4));
    let view = app.reader.view_bytes();
    let first_in_view = app.current().and_then(|e| {
        e.quotes.iter().position(|q| q.span().start < view.end && q.span().end > view.start)
    });
    assert_eq!(selected_quote(&app), first_in_view);
    press(&mut app, "g");
    assert_eq!(selected_quote(&app), Some(0));
}

#[test]
fn bracket_keys_step_through_quotes_from_any_panel() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "] ] ]");
    assert_eq!(app.focus, Focus::List);
    assert_eq!(selected_quote(&app), Some(3));
    assert!(quote_in_view(&app, 3));
    press(&mut app, "] ] ] [");
    assert_eq!(selected_quote(&app), Some(3));
}

#[test]
fn ctrl_z_suspends_from_the_search_and_filter_prompts_and_keeps_what_was_typed() {
    use saidso::app::{Effect, Modal};
    for open in ["/", "f"] {
        let mut app = app_with(fixture(), W, H);
        press(&mut app, &format!("{open} text:wal"));
        app.effects.clear();
        press(&mut app, "ctrl-z");
        assert_eq!(app.effects, [Effect::Suspend], "after {open}");
        let Some(Modal::Prompt(prompt)) = &app.modal else { panic!("prompt closed after {open}") };
        assert_eq!(prompt.input, "wal");
        // Over the speakers view too, and a plain `z` still types in the prompt.
        app.effects.clear();
        press(&mut app, "text:z");
        assert!(app.effects.is_empty());
    }
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "S");
    app.effects.clear();
    press(&mut app, "ctrl-z");
    assert_eq!(app.effects, [Effect::Suspend]);
}

#[test]
fn search_highlights_matches_and_steps_through_them() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "/ text:fishing");
    assert!(matches!(app.modal, Some(saidso::app::Modal::Prompt(_))));
    press(&mut app, "enter");
    assert!(app.modal.is_none());
    let search = &app.reader.search;
    // The headline's "fishing quotas", "fishing grounds" in each background note, and
    // "fishermen" does not match.
    assert_eq!(search.matches.len(), 27);
    assert_eq!(app.reader.wrapped.row_of(search.matches[0].start), 0, "in the headline");
    assert_eq!(search.current, Some(0));
    assert_eq!(app.status.message.as_deref(), Some("Match 1 of 27"), "said on Enter");
    press(&mut app, "n n N N N");
    assert_eq!(app.reader.search.current, Some(26));
    assert!(app.reader.view.offset > 0, "the last match is further down");
    assert_eq!(app.status.message.as_deref(), Some("Match 27 of 27"));
    update(&mut app, Action::Tick);
    assert_eq!(app.status.message, None, "a tick with nothing else happening clears messages");
    press(&mut app, "n");
    press(&mut app, "esc");
    assert!(app.reader.search.matches.is_empty());
    assert_eq!(app.status.message, None);
    press(&mut app, "/ text:zebra enter");
    assert_eq!(app.status.message.as_deref(), Some("No match for “zebra”"));
}

#[test]
fn the_filter_searches_titles_and_bodies_and_esc_clears_it() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "f text:islanders");
    assert_eq!(app.list.visible, [1]);
    assert_eq!(title(&app), "Council approves new ferry timetable");
    press(&mut app, "backspace backspace backspace backspace backspace backspace backspace");
    press(&mut app, "backspace backspace text:coast enter");
    // "coast" is in the third title and in no body.
    assert_eq!(app.list.filter, "coast");
    assert_eq!(app.list.visible, [2]);
    press(&mut app, "f text:xyz");
    assert!(app.list.visible.is_empty());
    assert!(app.current().is_none());
    press(&mut app, "esc");
    assert_eq!(app.list.visible, [0, 1, 2]);
    press(&mut app, "f text:HARBOUR enter j");
    assert_eq!(app.list.visible, [0], "case does not matter");
    press(&mut app, "esc");
    assert_eq!(app.list.visible.len(), 3);
}

#[test]
fn the_filter_applies_to_articles_that_arrive_later() {
    let mut app = app_with(Batch::default(), W, H);
    press(&mut app, "f text:ferry enter");
    update(&mut app, Action::Loaded(fixture()));
    assert_eq!(app.list.visible, [1]);
    assert_eq!(title(&app), "Council approves new ferry timetable");
}

#[test]
fn the_speaker_filter_cycles_through_the_speakers_then_everybody() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "s");
    assert_eq!(app.quotes.speaker, SpeakerFilter::Named("Mara Quist".into()));
    assert_eq!(app.quotes.visible, [0, 3]);
    press(&mut app, "s");
    assert_eq!(app.quotes.speaker, SpeakerFilter::Unnamed);
    assert_eq!(app.quotes.visible, [1, 2]);
    press(&mut app, "s");
    assert_eq!(app.quotes.visible, [4]);
    press(&mut app, "s");
    assert_eq!(app.quotes.speaker, SpeakerFilter::All);
    assert_eq!(app.quotes.visible.len(), 5);
    press(&mut app, "s esc");
    assert_eq!(app.quotes.speaker, SpeakerFilter::All, "Esc clears the speaker filter");
    assert_eq!(app.quotes.visible.len(), 5);
    // With partials hidden, a speaker whose quotes are all partial is passed over.
    press(&mut app, "p s s");
    assert_eq!(app.quotes.visible, [4], "{:?}", app.quotes.speaker);
}

#[test]
fn a_quote_selected_by_the_speaker_filter_or_the_partials_toggle_is_brought_into_view() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "tab G");
    assert!(!quote_in_view(&app, 0));
    press(&mut app, "s");
    assert_eq!(app.quotes.speaker, SpeakerFilter::Named("Mara Quist".into()));
    assert_eq!(selected_quote(&app), Some(0));
    assert!(quote_in_view(&app, 0), "the pane follows the filter's selection");
    // Scrolled on past the selected quote to where no shown quote is: showing the partials
    // again keeps the selection and brings it back into view.
    press(&mut app, "esc p g");
    for _ in 0..100 {
        if !selected_quote(&app).is_some_and(|q| quote_in_view(&app, q)) {
            break;
        }
        press(&mut app, "j");
    }
    let selected = selected_quote(&app).expect("a quote selected");
    assert!(!quote_in_view(&app, selected), "scrolled past quote {selected}");
    press(&mut app, "p");
    assert_eq!(selected_quote(&app), Some(selected));
    assert!(quote_in_view(&app, selected));
}

#[test]
fn partial_quotes_hide_and_come_back_keeping_the_selection() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "] ] ]");
    press(&mut app, "p");
    assert_eq!(app.quotes.visible, [0, 3, 4]);
    assert_eq!(selected_quote(&app), Some(3));
    press(&mut app, "p");
    assert_eq!(app.quotes.visible.len(), 5);
    assert_eq!(selected_quote(&app), Some(3));
}

#[test]
fn help_opens_scrolls_and_closes_without_quitting() {
    let mut app = app_with(fixture(), W, 24);
    press(&mut app, "?");
    assert!(matches!(app.modal, Some(saidso::app::Modal::Help { scroll: 0 })));
    press(&mut app, "j j");
    assert!(matches!(app.modal, Some(saidso::app::Modal::Help { scroll: 2 })));
    // Scrolling stops with the last line at the bottom: 48 bindings and 2 notes in 20 rows.
    press(&mut app, "G j j");
    assert!(matches!(app.modal, Some(saidso::app::Modal::Help { scroll: 30 })), "{:?}", app.modal);
    assert!(screen(&app).contains("Mouse: click selects"));
    press(&mut app, "q");
    assert!(app.modal.is_none() && !app.quit);
    press(&mut app, "q");
    assert!(app.quit);
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "ctrl-c");
    assert!(app.quit);
}

#[test]
fn clicks_select_and_the_wheel_scrolls_the_panel_under_the_pointer() {
    let mut app = app_with(fixture(), W, H);
    let list = app.layout.list;
    // Row 3 of the list (inside the border) is the third article.
    update(&mut app, Action::Click { column: list.x + 3, row: list.y + 3 });
    assert_eq!(title(&app), "Cold week ahead on the coast");
    update(&mut app, Action::Click { column: list.x + 3, row: list.y + 1 });
    let reader = app.layout.reader;
    update(&mut app, Action::Wheel { column: reader.x + 5, row: reader.y + 5, down: true });
    assert_eq!(app.reader.view.offset, 3);
    assert_eq!(app.focus, Focus::List, "the wheel does not move the focus");
    assert_eq!(app.list.selected, 0);
    let quotes = app.layout.quotes;
    // The second quote's speaker row, inside the border.
    let row = quotes.y + 1 + u16::try_from(app.quotes.tops[1]).unwrap_or(0);
    update(&mut app, Action::Click { column: quotes.x + 2, row });
    assert_eq!(app.focus, Focus::Quotes);
    assert_eq!(selected_quote(&app), Some(1));
}

#[test]
fn the_narrow_layout_shows_one_panel_and_tab_switches() {
    let mut app = app_with(fixture(), 60, 24);
    assert_eq!(app.layout.mode, Mode::Narrow);
    assert!(app.layout.shown(Focus::List).is_some() && app.layout.shown(Focus::Reader).is_none());
    press(&mut app, "tab");
    assert!(app.layout.shown(Focus::Reader).is_some() && app.layout.shown(Focus::List).is_none());
    assert_eq!(app.reader.wrapped.width, 56, "the pane text is as wide as the screen");
    press(&mut app, "tab");
    assert!(app.layout.shown(Focus::Quotes).is_some());
    // Enter on a quote shows it in the pane, the only panel on screen.
    press(&mut app, "j enter");
    assert_eq!(app.focus, Focus::Reader);
    let quote = app.quotes.selected_quote().and_then(|q| app.current()?.quotes.get(q).cloned());
    let start = app.reader.wrapped.row_of(quote.expect("a quote selected").span().start);
    assert_eq!(app.reader.view.offset, start.saturating_sub(2).min(app.reader.max_scroll()));
}

#[test]
fn a_resize_rewraps_and_keeps_the_text_in_view() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "tab ctrl-d ctrl-d");
    let top = app.reader.view_bytes().start;
    update(&mut app, Action::Resize { width: 90, height: 30 });
    assert_eq!(
        app.reader.wrapped.width,
        usize::from(saidso::app::reader_text(app.layout.reader).width)
    );
    let view = app.reader.view_bytes();
    assert!(view.start <= top && top < view.end, "the old top row is still in view");
}

#[test]
fn a_resize_that_leaves_the_selected_quote_out_of_view_selects_one_in_view() {
    let mut app = app_with(seeds(), 120, 40);
    // The last quote the 40-row pane shows without scrolling.
    press(&mut app, "tab tab j j j j j");
    assert_eq!(app.reader.view.offset, 0);
    update(&mut app, Action::Resize { width: 80, height: 24 });
    let entry = app.current().expect("an article");
    let quote = app.quotes.selected_quote().map(|q| entry.quotes[q].span()).expect("selected");
    let view = app.reader.view_bytes();
    assert!(quote.start < view.end && quote.end > view.start, "{quote:?} in {view:?}");
}

#[test]
fn tiny_terminals_show_a_message_and_every_key_still_works() {
    for (w, h) in [(1, 1), (10, 3), (23, 10), (30, 6), (0, 0)] {
        let mut app = app_with(seeds(), w, h);
        press(
            &mut app,
            "j k tab G g ctrl-d ctrl-u space b ] [ enter s p ? esc / text:a enter n N f text:x esc",
        );
        let text = if w > 0 { screen(&app) } else { String::new() };
        if app.layout.mode == Mode::TooSmall && w >= 10 {
            assert!(text.contains("Terminal") || text.contains("too"), "{text}");
        }
    }
}

#[test]
fn keys_do_nothing_unseen_while_the_terminal_is_too_small_but_q_quits() {
    let mut app = app_with(seeds(), 120, 40);
    update(&mut app, Action::Resize { width: 20, height: 6 });
    assert_eq!(app.layout.mode, Mode::TooSmall);
    press(&mut app, "j J ] tab");
    update(&mut app, Action::Resize { width: 120, height: 40 });
    assert_eq!(app.list.selected, 0, "no article changed out of sight");
    assert_eq!(app.quotes.selected_quote(), Some(0));
    assert_eq!(app.focus, Focus::List);
    update(&mut app, Action::Resize { width: 20, height: 6 });
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn the_reader_starts_empty_and_fills_as_batches_arrive() {
    let mut app = app_with(Batch::default(), W, H);
    update(&mut app, Action::Discovered(5));
    assert!(app.current().is_none());
    let mut seeds = seeds();
    let rest = seeds.entries.split_off(2);
    update(&mut app, Action::Loaded(seeds));
    assert_eq!(app.library.entries.len(), 2);
    assert_eq!(app.list.selected, 0);
    press(&mut app, "j");
    update(&mut app, Action::Loaded(Batch { entries: rest, ..Batch::default() }));
    assert_eq!(app.list.visible.len(), 5);
    assert_eq!(app.list.selected, 1, "arrivals do not move the selection");
}

#[test]
fn skipped_inputs_are_reported_when_loading_ends() {
    let mut app = app_with(Batch::default(), W, H);
    let problem = "notes.bin: skipped: binary file, not text".to_string();
    update(&mut app, Action::Loaded(Batch { problems: vec![problem], ..fixture() }));
    update(&mut app, Action::LoadingDone);
    assert_eq!(
        app.status.message.as_deref(),
        Some("1 input(s) skipped; last: notes.bin: skipped: binary file, not text")
    );
    assert!(!app.library.loading);
}

#[test]
fn rebound_keys_drive_update_and_the_help_follows() {
    let mut app = app_with(fixture(), W, H);
    let user = saidso::app::Keymap::parse("down = [\"x\"]\nhelp = [\"F2\"]").expect("user keymap");
    app.keymap = saidso::app::Keymap::builtin().merged(user);
    press(&mut app, "j");
    assert_eq!(app.list.selected, 0, "j is no longer bound");
    press(&mut app, "x");
    assert_eq!(app.list.selected, 1);
    press(&mut app, "f2");
    let help = screen(&app);
    assert!(help.contains("x                move down"), "{help}");
    assert!(help.contains("x/k scroll"), "{help}");
}

#[test]
fn with_no_key_bound_to_quit_the_help_still_names_ctrl_c() {
    let mut app = app_with(fixture(), W, H);
    let user = saidso::app::Keymap::parse("quit = []").expect("user keymap");
    app.keymap = saidso::app::Keymap::builtin().merged(user);
    press(&mut app, "? G");
    let help = screen(&app);
    assert!(help.lines().any(|l| l.contains("Ctrl-c") && l.contains("quit")), "{help}");
}

#[test]
fn a_quote_or_match_brought_into_view_is_shown_whole() {
    // Short panes: quotes of the long article run over several rows, some over most of it.
    for height in 8..24 {
        quotes_in_view_whole(app_with(fixture(), 80, height));
        quotes_in_view_whole(app_with(seeds(), 120, height));
    }
}

fn quotes_in_view_whole(mut app: App) {
    press(&mut app, "tab");
    for _ in 0..8 {
        press(&mut app, "]");
        let entry = app.current().expect("an article");
        let quote = app.quotes.selected_quote().and_then(|q| entry.quotes.get(q)).unwrap();
        let span = quote.span();
        let (first, last) =
            (app.reader.wrapped.row_of(span.start), app.reader.wrapped.row_of(span.end - 1));
        let view = app.reader.view.offset..app.reader.view.offset + app.reader.view.height;
        assert!(last - first < app.reader.view.height, "the quote fits the pane");
        assert!(view.contains(&first) && view.contains(&last), "{first}..={last} in {view:?}");
    }
}

#[test]
fn ctrl_w_and_ctrl_u_edit_the_prompt_as_in_a_shell() {
    let mut app = app_with(fixture(), W, H);
    let input = |app: &App| match &app.modal {
        Some(saidso::app::Modal::Prompt(p)) => p.input.clone(),
        _ => panic!("the prompt is open"),
    };
    press(&mut app, "f text:harbour space text:talks");
    assert_eq!(input(&app), "harbour talks");
    press(&mut app, "ctrl-w");
    assert_eq!(input(&app), "harbour ");
    assert_eq!(app.list.filter, "harbour ", "the list follows the edit");
    press(&mut app, "text:news ctrl-u");
    assert_eq!(input(&app), "");
    assert_eq!(app.list.visible, [0, 1, 2]);
    press(&mut app, "ctrl-w text:cold enter");
    assert_eq!(app.list.filter, "cold");
}

#[test]
fn the_loading_summary_names_a_skipped_input_not_a_warning() {
    let mut app = App::new(saidso::app::Keymap::builtin());
    update(&mut app, Action::Resize { width: W, height: H });
    let batch = Batch {
        problems: vec!["notes.bin: skipped: binary file, not text".to_string()],
        warnings: vec!["old.txt: warning: not valid UTF-8, read with replacements".to_string()],
        ..fixture()
    };
    update(&mut app, Action::Loaded(batch));
    update(&mut app, Action::LoadingDone);
    assert_eq!(
        app.status.message.as_deref(),
        Some("1 input(s) skipped; last: notes.bin: skipped: binary file, not text")
    );
}

#[test]
fn a_moved_aside_state_file_is_named_in_full_at_120_columns_until_a_key_is_pressed() {
    let mut app = App::new(saidso::app::Keymap::builtin());
    update(&mut app, Action::Resize { width: 120, height: 40 });
    let notice = Notice::MovedAside {
        path: "/home/reader/.local/share/saidso/state.sqlite3".into(),
        to: "/home/reader/.local/share/saidso/state.sqlite3.corrupt-1764085794".into(),
        cause: "file is not a database".to_string(),
        rescued: 0,
    };
    let batch = Batch { warnings: vec![strings::notice(&notice)], ..fixture() };
    update(&mut app, Action::Loaded(batch));
    update(&mut app, Action::LoadingDone);
    let status_bar = |app: &App| screen(app).lines().last().unwrap_or_default().to_string();
    assert!(status_bar(&app).contains("state.sqlite3.corrupt-1764085794; a new one started"));
    // Time passing does not take a warning away; the next key does.
    update(&mut app, Action::Tick);
    assert!(status_bar(&app).contains("corrupt-1764085794"));
    press(&mut app, "j");
    assert_eq!(app.status.message, None);
    // An ordinary message still goes with time.
    press(&mut app, "p");
    update(&mut app, Action::Tick);
    assert_eq!(app.status.message, None);
}

#[test]
fn several_warnings_are_counted_in_the_status_bar() {
    let mut app = App::new(saidso::app::Keymap::builtin());
    update(&mut app, Action::Resize { width: W, height: H });
    let warnings = ["c.toml:1: unknown setting `bogus` ignored", "c.toml:4: b", "c.toml:7: c"];
    let batch = Batch { warnings: warnings.map(String::from).to_vec(), ..fixture() };
    update(&mut app, Action::Loaded(batch));
    update(&mut app, Action::LoadingDone);
    assert_eq!(
        app.status.message.as_deref(),
        Some("3 warnings (M lists them); first: c.toml:1: unknown setting `bogus` ignored")
    );
}

#[test]
fn keys_for_an_article_say_so_when_the_list_is_empty() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "f text:nothing-matches-this enter");
    assert!(app.current().is_none());
    for (key, says) in [
        ("*", "No article selected"),
        ("m", "No article selected"),
        ("o", "No article selected"),
        ("y", "No quote selected"),
        ("a", "No quote selected"),
        ("e", "No article to export"),
    ] {
        app.status.message = None;
        press(&mut app, key);
        assert_eq!(app.status.message.as_deref(), Some(says), "{key}");
    }
}
