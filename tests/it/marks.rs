//! Marks in the reader: the star and read keys, the effects they queue, and a round trip through
//! a real SQLite file by the same code the event loop runs (no terminal needed).

use crate::common;

use common::{app_with, fixture, press, seeds};
use saidso::app::{Action, App, Effect, Entry, Keymap, update};
use saidso::store::Store;
use saidso::tui::{EffectRunner, write_clipboard};

const W: u16 = 120;
const H: u16 = 40;

fn stars(app: &App) -> Vec<bool> {
    app.library.entries.iter().map(|e| e.starred).collect()
}

#[test]
fn star_toggles_on_the_selected_article_and_queues_a_save() {
    let mut app = app_with(fixture(), W, H);
    app.effects.clear();
    press(&mut app, "j *");
    assert_eq!(stars(&app), [false, true, false]);
    let id = app.library.entries[1].article.id;
    assert!(app.effects.contains(&Effect::SaveStarred(id, true)));
    app.effects.clear();
    press(&mut app, "*");
    assert_eq!(stars(&app), [false, false, false]);
    assert_eq!(app.effects, [Effect::SaveStarred(id, false)]);
}

#[test]
fn m_toggles_read_and_opening_queues_the_read_mark() {
    let mut app = app_with(fixture(), W, H);
    app.effects.clear();
    press(&mut app, "m");
    let id = app.library.entries[0].article.id;
    assert!(app.library.entries[0].read);
    assert_eq!(app.effects, [Effect::SaveRead(id, true)]);
    assert_eq!(app.status.message.as_deref(), Some("Marked read"));
    press(&mut app, "m");
    assert!(!app.library.entries[0].read);
    assert_eq!(app.status.message.as_deref(), Some("Marked unread"));
    app.effects.clear();
    press(&mut app, "enter");
    assert!(app.library.entries[0].read);
    assert!(app.effects.contains(&Effect::SaveRead(id, true)));
}

#[test]
fn m_and_star_act_on_the_article_shown_from_the_pane_and_quotes_and_unread_sticks() {
    let mut app = app_with(fixture(), W, H);
    let id = app.library.entries[0].article.id;
    press(&mut app, "enter");
    assert!(app.library.entries[0].read, "opening marks read");
    app.effects.clear();
    press(&mut app, "m");
    assert!(!app.library.entries[0].read, "m in the pane marks the article shown unread");
    assert_eq!(app.effects, [Effect::SaveRead(id, false)]);
    // Reading on, or moving to its quotes, does not mark it read again.
    press(&mut app, "j tab j");
    assert!(!app.library.entries[0].read);
    press(&mut app, "m");
    assert!(app.library.entries[0].read, "m in the quotes panel");
    press(&mut app, "m *");
    assert!(!app.library.entries[0].read);
    assert!(app.library.entries[0].starred, "* in the quotes panel");
    assert_eq!(app.status.message.as_deref(), Some("Starred"));
    press(&mut app, "shift-tab *");
    assert!(!app.library.entries[0].starred, "* in the pane");
    assert_eq!(app.status.message.as_deref(), Some("Star removed"));
    // Opening it again is reading it again.
    press(&mut app, "shift-tab enter");
    assert!(app.library.entries[0].read);
}

/// The library indices of the entries that `has`.
fn indices(app: &App, has: impl Fn(&Entry) -> bool) -> Vec<usize> {
    app.library.entries.iter().enumerate().filter(|(_, e)| has(e)).map(|(i, _)| i).collect()
}

/// A fresh reader on `store`, as `tui::run` starts one, with the seed articles loaded.
fn reader_on(store: &Store) -> App {
    let mut app = App::new(Keymap::builtin());
    app.saved = store.all_marks().expect("marks");
    app.reselect = store.last_open().expect("last open");
    update(&mut app, Action::Resize { width: W, height: 12 });
    update(&mut app, Action::Loaded(seeds()));
    update(&mut app, Action::LoadingDone);
    app
}

#[test]
fn marks_position_and_last_open_article_survive_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.sqlite3");
    let (store, notices) = Store::open(&path);
    assert!(notices.is_empty(), "{notices:?}");
    let mut app = reader_on(&store);
    let mut effects = EffectRunner::new(store, Vec::new(), dir.path());
    // Star the first, open the second and read down a few lines, quit.
    press(&mut app, "* j enter j j j j j");
    let scroll = app.reader.view.offset;
    assert!(scroll > 0);
    let top = app.reader.view_bytes().start;
    effects.run(&mut app);
    press(&mut app, "q");
    effects.run(&mut app);
    assert!(!effects.failed);
    drop(effects);

    let (store, _) = Store::open(&path);
    let app = reader_on(&store);
    let starred: Vec<usize> = indices(&app, |e| e.starred);
    assert_eq!(starred, [0]);
    assert_eq!(indices(&app, |e| e.read), [1]);
    assert_eq!(app.list.selected_entry(), Some(1), "the last open article is selected again");
    assert_eq!(app.reader.entry, Some(1));
    assert_eq!(app.reader.view_bytes().start, top, "the reading position is back");
    assert_eq!(app.reader.view.offset, scroll);
}

#[test]
fn a_restored_position_selects_the_first_quote_in_view() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.sqlite3");
    let (store, _) = Store::open(&path);
    let mut app = reader_on(&store);
    let mut effects = EffectRunner::new(store, Vec::new(), dir.path());
    press(&mut app, "j j j j enter ctrl-d ctrl-d ctrl-d ctrl-d ctrl-d");
    let selected = app.quotes.selected_quote();
    assert!(selected.is_some_and(|q| q > 0), "{selected:?}");
    press(&mut app, "q");
    effects.run(&mut app);
    drop(effects);

    let (store, _) = Store::open(&path);
    let app = reader_on(&store);
    assert_eq!(app.reader.entry, Some(4));
    assert!(app.reader.view.offset > 0);
    assert_eq!(app.quotes.selected_quote(), selected, "as scrolling there selects");
}

#[test]
fn y_copies_the_selected_quote_with_its_attribution_as_osc_52() {
    let mut app = app_with(fixture(), W, H);
    app.effects.clear();
    press(&mut app, "y");
    let [Effect::Copy(text)] = app.effects.as_slice() else { panic!("{:?}", app.effects) };
    // The quote broke off at a comma, which the citation leaves out.
    assert_eq!(
        text,
        "“We will not sign anything that empties our nets” — Mara Quist, in: Harbour talks stall \
         over fishing quotas"
    );
    // An article from the web is cited with its source, day and link.
    app.library.entries[0].article.meta = saidso::model::Meta {
        url: Some("https://example.org/harbour".into()),
        date: Some("2024-03-06T07:15:00Z".into()),
        site: Some("The Gazette".into()),
        author: None,
    };
    app.effects.clear();
    press(&mut app, "y");
    let [Effect::Copy(text)] = app.effects.as_slice() else { panic!("{:?}", app.effects) };
    assert!(
        text.ends_with("quotas (The Gazette · 2024-03-06) https://example.org/harbour"),
        "{text}"
    );
    let mut out = Vec::new();
    write_clipboard(&mut out, "“Yes” — Ann Lee, in: Talks\u{7}").expect("write");
    // base64 of the text without the BEL that would end the sequence early.
    assert_eq!(out, b"\x1b]52;c;4oCcWWVz4oCdIOKAlCBBbm4gTGVlLCBpbjogVGFsa3M=\x07");
}

#[test]
fn u_lists_unread_articles_only_and_back() {
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "j m u");
    assert_eq!(app.list.visible, [0, 2]);
    press(&mut app, "u");
    assert_eq!(app.list.visible, [0, 1, 2]);
}

#[test]
fn e_exports_the_article_quotes_to_a_new_markdown_file_each_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut effects = EffectRunner::new(Store::in_memory(), Vec::new(), dir.path());
    let mut app = app_with(fixture(), W, H);
    app.effects.clear();
    press(&mut app, "e");
    effects.run(&mut app);
    let file = dir.path().join("saidso-quotes-harbour-talks-stall-over-fishing-quotas.md");
    let text = std::fs::read_to_string(&file).expect("exported file");
    assert!(text.starts_with("## Harbour talks stall over fishing quotas\n\n- “"), "{text}");
    // Three quotations; the two partial quotes come grown to their clauses, as reported speech
    // marked by their kind.
    assert_eq!(text.lines().filter(|l| l.starts_with("- “")).count(), 3);
    assert_eq!(text.lines().filter(|l| l.starts_with("- (partial) ")).count(), 2, "{text}");
    assert!(!text.contains("(reported)"), "{text}");
    assert!(app.status.message.as_deref().is_some_and(|m| m.contains("saidso-quotes-harbour")));
    press(&mut app, "E");
    effects.run(&mut app);
    let all = std::fs::read_to_string(dir.path().join("saidso-quotes-list.md")).expect("list");
    assert_eq!(all.matches("## ").count(), 3);
    // What the quotes panel hides is left out: partials hidden, three of the five remain.
    press(&mut app, "p e");
    effects.run(&mut app);
    let direct = dir.path().join("saidso-quotes-harbour-talks-stall-over-fishing-quotas-2.md");
    let direct = std::fs::read_to_string(direct).expect("second file");
    assert_eq!(direct.lines().filter(|l| l.starts_with("- “")).count(), 3, "{direct}");
    press(&mut app, "p");
    press(&mut app, "e");
    effects.run(&mut app);
    assert!(dir.path().join("saidso-quotes-harbour-talks-stall-over-fishing-quotas-3.md").exists());
    assert_eq!(std::fs::read_to_string(&file).expect("first file"), text, "not overwritten");
}

#[test]
fn e_of_the_list_with_a_speaker_filter_leaves_out_the_articles_the_speaker_is_not_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut effects = EffectRunner::new(Store::in_memory(), Vec::new(), dir.path());
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "s");
    assert_ne!(app.quotes.speaker, saidso::app::SpeakerFilter::All);
    press(&mut app, "E");
    effects.run(&mut app);
    let text = std::fs::read_to_string(dir.path().join("saidso-quotes-list.md")).expect("list");
    assert_eq!(text.matches("## ").count(), 1, "{text}");
    assert!(text.starts_with("## Harbour talks stall over fishing quotas\n"), "{text}");
    assert!(!text.contains("_No quotes._"), "{text}");
    // Hiding partials is a filter too: the weather article, which has no quote, is left out.
    for _ in 0..4 {
        if app.quotes.speaker != saidso::app::SpeakerFilter::All {
            press(&mut app, "s");
        }
    }
    assert_eq!(app.quotes.speaker, saidso::app::SpeakerFilter::All);
    press(&mut app, "p E");
    effects.run(&mut app);
    let text = std::fs::read_to_string(dir.path().join("saidso-quotes-list-2.md")).expect("list");
    assert_eq!(text.matches("## ").count(), 2, "{text}");
    assert!(!text.contains("_No quotes._"), "{text}");
}

#[test]
fn a_failed_export_names_the_file_it_tried_to_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with(fixture(), W, H);
    press(&mut app, "e");
    let missing = dir.path().join("missing");
    EffectRunner::new(Store::in_memory(), Vec::new(), &missing).run(&mut app);
    let message = app.status.message.clone().unwrap_or_default();
    let file = missing.join("saidso-quotes-harbour-talks-stall-over-fishing-quotas.md");
    assert!(message.contains(&file.display().to_string()), "{message}");
    // The failure comes first: a long path cut at the status bar's edge cannot hide it.
    assert!(message.starts_with("Export failed"), "{message}");
}

#[test]
fn o_asks_to_open_the_link_only_when_the_article_has_one() {
    let mut batch = fixture();
    batch.entries[1].article.meta.url = Some("https://example.com/ferry".to_string());
    let mut app = app_with(batch, W, H);
    app.effects.clear();
    press(&mut app, "o");
    assert!(app.effects.is_empty());
    press(&mut app, "j o");
    assert!(app.effects.contains(&Effect::OpenLink("https://example.com/ferry".to_string())));
}

#[test]
fn capital_o_cycles_the_list_order_keeping_the_selection() {
    let mut batch = fixture();
    batch.entries[0].article.meta.date = Some("2024-01-02".to_string());
    batch.entries[2].article.meta.date = Some("2024-03-01".to_string());
    let mut app = app_with(batch, W, H);
    let titles = |app: &App| -> Vec<String> {
        app.list.visible.iter().map(|&i| app.library.entries[i].article.title.clone()).collect()
    };
    press(&mut app, "O");
    let mut sorted = titles(&app);
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles(&app), sorted);
    assert_eq!(app.list.selected_entry(), Some(0), "the selection follows its article");
    press(&mut app, "O");
    assert_eq!(app.list.visible, [0, 1, 2], "most quotes first: 5, 1, 0");
    press(&mut app, "O");
    assert_eq!(app.list.visible, [2, 0, 1], "newest first, undated last");
    press(&mut app, "O");
    assert_eq!(app.list.visible, [0, 1, 2]);
}

#[test]
fn a_full_disk_keeps_the_warning_and_the_marks_until_they_are_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.sqlite3");
    let (store, _) = Store::open(&path);
    let mut app = reader_on(&store);
    let mut effects = EffectRunner::new(store, Vec::new(), dir.path());
    effects.store.simulate_full_disk(true).expect("cap the file");
    // Star articles until the file must grow and cannot.
    let mut starred = Vec::new();
    for n in 1..=2000 {
        app.effects.push(Effect::SaveStarred(saidso::model::ArticleId(n), true));
        starred.push(n);
        effects.run(&mut app);
        if effects.failed {
            break;
        }
    }
    assert!(effects.failed, "the capped file took every write");
    let first = app.status.message.clone().unwrap_or_default();
    assert!(first.starts_with("Marks not saved (1 mark waiting"), "{first}");
    assert!(first.contains("full"), "{first}");
    // Every later failure is said again, with how many wait.
    for n in 3001..=3002 {
        let serial = app.status.serial;
        app.effects.push(Effect::SaveStarred(saidso::model::ArticleId(n), true));
        starred.push(n);
        effects.run(&mut app);
        assert!(app.status.serial > serial, "a failed write was not said");
    }
    let said = app.status.message.clone().unwrap_or_default();
    assert!(said.starts_with("Marks not saved (3 marks waiting"), "{said}");
    // A key clears the message, not the warning: the status bar still says it.
    press(&mut app, "j");
    assert_eq!(app.status.message, None);
    let screen = common::screen(&app);
    assert!(screen.contains("Marks not saved (3 marks"), "{screen}");
    // Room again: the next run saves what waited, and the warning goes.
    effects.store.simulate_full_disk(false).expect("lift the cap");
    effects.run(&mut app);
    assert!(!effects.failed);
    assert_eq!(app.status.unsaved, None);
    assert_eq!(app.status.message.as_deref(), Some("Marks saved again"));
    drop(effects);
    let (store, _) = Store::open(&path);
    let marks = store.all_marks().expect("marks");
    for n in starred {
        assert!(marks.get(&saidso::model::ArticleId(n)).is_some_and(|m| m.starred), "{n} lost");
    }
}
