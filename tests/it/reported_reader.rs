//! Reported speech in the reader: the quotes panel marks it and never dresses it as a
//! quotation, `i` hides and shows it, `y` copies it marked `(reported)`, or `(partial)` when it
//! holds quoted words.

use crate::common::{app_with, press, screen, terminal};
use saidso::app::{Batch, Effect, Entry};
use saidso::clean::{Rules, clean};
use saidso::extract::{Extractor, QuoteKind};
use saidso::model::RawDoc;

const TEXT: &str = "Council backs new tram line\n\n\
    Mayor Ana Ruiz said on Monday that the city would open the tram line next spring.\n\n\
    \"We have waited long enough,\" Ruiz told reporters at City Hall.\n\n\
    The transport minister, Piet Vos, said the state would pay half of the cost.\n";

/// The article above, loaded as the reader loads articles: every attribution.
fn batch() -> Batch {
    let raw = RawDoc { path: "tram.txt".into(), text: TEXT.into(), ..RawDoc::default() };
    let article = clean(raw, &Rules::builtin()).expect("the tram article cleans");
    let quotes = Extractor::builtin().attributions_with_headline(&article);
    Batch { entries: vec![Entry::new(article, quotes)], ..Batch::default() }
}

fn kinds(app: &saidso::app::App) -> Vec<QuoteKind> {
    let quotes = &app.library.entries[0].quotes;
    app.quotes.visible.iter().map(|&q| quotes[q].kind).collect()
}

#[test]
fn i_hides_and_shows_reported_speech() {
    let mut app = app_with(batch(), 120, 40);
    let all = kinds(&app);
    assert!(all.contains(&QuoteKind::Indirect), "{all:?}");
    assert!(all.contains(&QuoteKind::Direct), "{all:?}");
    press(&mut app, "i");
    assert_eq!(kinds(&app), vec![QuoteKind::Direct]);
    assert!(screen(&app).contains("no reported"));
    press(&mut app, "i");
    assert_eq!(kinds(&app), all);
}

#[test]
fn y_copies_reported_speech_marked_and_without_quote_marks() {
    let mut app = app_with(batch(), 120, 40);
    app.effects.clear();
    // The second attribution (after the headline's) is the mayor's reported statement.
    press(&mut app, "] y");
    let [Effect::Copy(text)] = app.effects.as_slice() else { panic!("{:?}", app.effects) };
    assert!(
        text.starts_with("(reported) that the city would open the tram line next spring"),
        "{text}"
    );
    assert!(!text.contains('“') && !text.contains('”'), "{text}");
}

#[test]
fn y_copies_a_partial_quotation_marked_partial_not_reported() {
    let text = "Budget passes\n\n\
        Mayor Ana Ruiz said on Monday that the budget was \"balanced and fair\" for every district.\n";
    let raw = RawDoc { path: "budget.txt".into(), text: text.into(), ..RawDoc::default() };
    let article = clean(raw, &Rules::builtin()).expect("the budget article cleans");
    let quotes = Extractor::builtin().attributions_with_headline(&article);
    let partial = quotes.iter().position(|q| q.kind == QuoteKind::Partial);
    let partial = partial.unwrap_or_else(|| panic!("a partial quotation in {quotes:?}"));
    let quotes_count = quotes.len();
    let batch = Batch { entries: vec![Entry::new(article, quotes)], ..Batch::default() };
    let mut app = app_with(batch, 120, 40);
    for _ in 0..quotes_count {
        if app.quotes.selected_quote() == Some(partial) {
            break;
        }
        press(&mut app, "]");
    }
    assert_eq!(app.quotes.selected_quote(), Some(partial));
    app.effects.clear();
    press(&mut app, "y");
    let [Effect::Copy(text)] = app.effects.as_slice() else { panic!("{:?}", app.effects) };
    assert!(text.starts_with("(partial) that the budget was"), "{text}");
    assert!(text.contains("\"balanced and fair\""), "{text}");
}

#[test]
fn quotes_panel_with_reported_speech_120x40() {
    let app = app_with(batch(), 120, 40);
    insta::assert_snapshot!("quotes_panel_reported_120x40", terminal(&app).backend());
}

#[test]
fn the_headline_is_drawn_bold_with_its_reported_speech_in_its_own_style() {
    let mut app = app_with(batch(), 120, 40);
    // The headline's attribution, selected first, is listed first.
    assert_eq!(app.quotes.selected_quote(), Some(0));
    press(&mut app, "]");
    let terminal = terminal(&app);
    let buffer = terminal.backend().buffer();
    let theme = saidso::ui::Theme::default();
    // The pane's first text row (after the list and the pane's border): the headline.
    let row: Vec<_> = (34..86).filter_map(|x| buffer.cell((x, 1))).collect();
    let text: String = row.iter().map(|c| c.symbol()).collect();
    assert_eq!(text.trim(), "Council backs new tram line");
    let bold = ratatui::style::Modifier::BOLD;
    let words = row.iter().filter(|c| c.symbol() != " ");
    assert!(words.clone().all(|c| c.style().add_modifier.contains(bold)), "{text}");
    let reported: String =
        words.filter(|c| c.style().fg == theme.quote_reported.fg).map(|c| c.symbol()).collect();
    assert_eq!(reported, "newtramline");
}
