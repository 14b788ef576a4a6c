//! The screen as drawn on a test terminal: snapshots of the main screen on the seeds, the help
//! overlay, the narrow layout and the too-small message; and the highlight styles cell by cell.

use crate::common;

use common::{app_with, fixture, press, screen, seeds, terminal};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use saidso::app::{Action, App, Batch, Keymap, update};
use saidso::model::Meta;
use saidso::ui::Theme;

#[test]
fn main_screen_120x40() {
    let app = app_with(seeds(), 120, 40);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn main_screen_80x24() {
    let app = app_with(seeds(), 80, 24);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn main_screen_80x24_after_reading_down() {
    let mut app = app_with(seeds(), 80, 24);
    press(&mut app, "j tab ctrl-d");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_overlay_120x40() {
    let mut app = app_with(seeds(), 120, 40);
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_overlay_80x24_scrolled() {
    let mut app = app_with(seeds(), 80, 24);
    press(&mut app, "? j j j");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn narrow_layout_60x24_reading_pane() {
    let mut app = app_with(seeds(), 60, 24);
    press(&mut app, "tab");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn narrow_layout_60x24_quotes_panel() {
    let mut app = app_with(fixture(), 60, 24);
    press(&mut app, "tab tab");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn search_prompt_and_filtered_list() {
    let mut app = app_with(fixture(), 100, 30);
    press(&mut app, "f text:harbour enter tab / text:fishing");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn too_small() {
    insta::assert_snapshot!("too_small_20x5", screen(&app_with(seeds(), 20, 5)));
    insta::assert_snapshot!("too_small_10x3", screen(&app_with(seeds(), 10, 3)));
    insta::assert_snapshot!("too_small_1x1", screen(&app_with(seeds(), 1, 1)));
}

#[test]
fn first_frame_while_loading() {
    let mut app = App::new(Keymap::builtin());
    update(&mut app, Action::Resize { width: 80, height: 12 });
    update(&mut app, Action::Discovered(100_000));
    let problems = vec!["a.bin: skipped: binary file, not text".to_string(); 3];
    update(&mut app, Action::Loaded(Batch { problems, ..Batch::default() }));
    insta::assert_snapshot!(screen(&app));
}

/// The style of the cell where `needle` starts in `area` of the screen.
fn style_in(buffer: &Buffer, area: Rect, needle: &str) -> Option<Style> {
    for y in area.top()..area.bottom() {
        let row: String = (area.left()..area.right()).map(|x| buffer[(x, y)].symbol()).collect();
        if let Some(i) = row.find(needle) {
            let x = area.x + row[..i].chars().count() as u16;
            return Some(buffer[(x, y)].style());
        }
    }
    None
}

#[test]
fn quotes_and_matches_are_highlighted_in_the_text() {
    let theme = Theme::default();
    let mut app = app_with(fixture(), 120, 40);
    let pane = app.layout.reader;
    let style_at = |buffer: &Buffer, needle: &str| style_in(buffer, pane, needle);
    let term = terminal(&app);
    let buffer = term.backend().buffer();
    // The selected quote stands out; the other direct and partial quotes differ.
    assert_eq!(style_at(buffer, "We will not sign").map(|s| s.bg), Some(theme.quote_selected.bg));
    assert_eq!(style_at(buffer, "generous").map(|s| s.fg), Some(theme.quote_partial.fg));
    let plain = style_at(buffer, "Negotiators");
    assert_eq!(plain.map(|s| (s.fg, s.bg)), Some((Some(Color::Reset), Some(Color::Reset))));
    press(&mut app, "]");
    let term = terminal(&app);
    let buffer = term.backend().buffer();
    assert_eq!(style_at(buffer, "We will not sign").map(|s| s.fg), Some(theme.quote_direct.fg));
    assert_eq!(style_at(buffer, "generous").map(|s| s.bg), Some(theme.quote_selected.bg));
    press(&mut app, "/ text:towns enter");
    let term = terminal(&app);
    assert_eq!(
        style_at(term.backend().buffer(), "towns").map(|s| s.bg),
        Some(theme.search_current.bg)
    );
}

#[test]
fn escape_sequences_in_an_article_never_reach_the_screen() {
    let text = "Title \x1b]0;pwned\x07here\n\n\
                Body \x1b[2J\x1b[31mred\x1b[0m text \u{9b}1;31m and \x1b]52;c;aGk=\x07 clip \
                \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \u{202e}desrever\u{202c} \x1b[?1049l end.\n\n\
                \"A quote \x1b[5mblinks\x1b[0m here,\" she said.\n";
    let entry = common::entry("evil.txt", text, &[]);
    let app = app_with(Batch { entries: vec![entry], ..Batch::default() }, 100, 20);
    let term = terminal(&app);
    let shown = term.backend().to_string();
    for cell in term.backend().buffer().content() {
        assert!(!cell.symbol().chars().any(|c| c.is_control()), "control character on screen");
        assert!(!cell.symbol().contains('\u{202e}'));
    }
    assert!(shown.contains("red") && shown.contains("link") && shown.contains("blinks"));
    for leaked in ["pwned", "[2J", "[31m", "52;c", "1049", "http://x"] {
        assert!(!shown.contains(leaked), "{leaked} leaked:\n{shown}");
    }
}

#[test]
fn an_empty_reader_says_why() {
    let mut app = App::new(Keymap::builtin());
    update(&mut app, Action::Resize { width: 80, height: 8 });
    let problem = "/nowhere: skipped: no such file or folder".to_string();
    update(&mut app, Action::Loaded(Batch { problems: vec![problem], ..Batch::default() }));
    update(&mut app, Action::LoadingDone);
    update(&mut app, Action::Tick);
    insta::assert_snapshot!(screen(&app));
}

/// The fixture articles as a feed gives them: source, date and author known (but for the
/// last one's date).
fn from_a_feed() -> Batch {
    let mut batch = fixture();
    let dates = ["2024-03-06T07:15:00+00:00", "2024-03-05T16:00:00+00:00"];
    for (i, entry) in batch.entries.iter_mut().enumerate() {
        entry.article.meta = Meta {
            url: Some(format!("https://example.org/{i}")),
            date: dates.get(i).map(|d| d.to_string()),
            author: Some("Mara Quint".into()),
            site: Some("The Harbour Gazette".into()),
        };
    }
    batch
}

#[test]
fn source_and_date_show_in_the_pane_title_and_the_list_as_room_allows() {
    let app = app_with(from_a_feed(), 120, 12);
    insta::assert_snapshot!(screen(&app));
    // Narrow: the list has the whole width, and room for the full date.
    let app = app_with(from_a_feed(), 60, 8);
    insta::assert_snapshot!(screen(&app));
    // Articles without a source keep the whole row for their titles.
    let plain = screen(&app_with(fixture(), 60, 8));
    assert!(!plain.contains("2024"), "{plain}");
}

#[test]
fn the_list_title_keeps_its_order_and_unread_only_mode_in_sight() {
    let mut app = app_with(fixture(), 160, 12);
    assert!(screen(&app).contains("╭ Articles 1/3 ─"));
    press(&mut app, "O u");
    assert!(screen(&app).contains("╭ Articles 3/3 · by title · unread ─"), "{}", screen(&app));
    press(&mut app, "O O O");
    assert!(screen(&app).contains("╭ Articles 1/3 · unread ─"), "{}", screen(&app));
    // Where there is no room, the title is clipped inside the border.
    update(&mut app, Action::Resize { width: 80, height: 12 });
    assert!(screen(&app).contains("╭ Articles 1/3 · u… ─╮"), "{}", screen(&app));
}

#[test]
fn an_empty_quotes_panel_title_has_single_spaces() {
    let mut app = app_with(fixture(), 120, 40);
    // The unnamed speaker's quotes are all partial: hiding partials leaves none.
    press(&mut app, "s s p");
    let shown = screen(&app);
    assert!(shown.contains("╭ Quotes · no speaker"), "{shown}");
    assert!(!shown.contains("Quotes  "), "{shown}");
}

#[test]
fn the_light_theme_draws_no_text_or_border_in_light_grey() {
    let app = app_with(fixture(), 120, 40);
    let theme = Theme::light();
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| saidso::ui::render(&app, &theme, f)).expect("draw");
    let buffer = term.backend().buffer();
    let grey: Vec<(u16, u16)> = buffer
        .content()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.fg == Color::Gray && !c.symbol().trim().is_empty())
        .map(|(i, _)| buffer.pos_of(i))
        .collect();
    assert!(grey.is_empty(), "light grey on white at {grey:?}");
}
