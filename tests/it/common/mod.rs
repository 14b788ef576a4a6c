//! Helpers shared by the integration tests; for the reader's: articles with hand-made quotes,
//! an app that has loaded them at a given size, key presses by name, and the screen as text.
#![allow(dead_code)]

use saidso::clean::{Rules, clean};
use saidso::model::RawDoc;
use saidso::model::{Article, Meta};
use std::sync::Mutex;

pub mod server;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use saidso::app::{Action, App, Batch, Entry, Key, Keymap, action_for_key, update};
use saidso::extract::{Extractor, Quote, QuoteKind};
use saidso::load::{Loaded, load_each};
use saidso::sources::discover;
use saidso::ui::{Theme, render};

/// The five seed articles, loaded as the reader loads them.
pub fn seeds() -> Batch {
    let batch = load(&[]);
    assert_eq!(batch.entries.len(), 5);
    batch
}

/// The articles of `paths` (none: the seeds), loaded as the reader loads them.
pub fn load(paths: &[String]) -> Batch {
    let (inputs, _) = discover(paths);
    let extractor = Extractor::builtin();
    let batch = Mutex::new(Batch::default());
    let work = |a| {
        let quotes = extractor.attributions_with_headline(&a);
        Entry::new(a, quotes)
    };
    let loaded = load_each(&inputs, &Rules::builtin(), work, |l| -> Result<(), ()> {
        if let (Loaded::Item(e), Ok(mut b)) = (l, batch.lock()) {
            b.entries.push(e);
        }
        Ok(())
    });
    assert!(loaded.is_ok());
    batch.into_inner().unwrap_or_default()
}

/// Background paragraphs that make an article long enough to scroll.
fn filler(n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!(
                "Background note {i}: the dispute over the harbour goes back decades, and people on \
                 both shores have argued about the fishing grounds for as long as anyone remembers."
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// An entry of the reader: an article of `text` (title first) with quotes found by their words: `(words, kind, speaker)`.
pub fn entry(path: &str, text: &str, quotes: &[(&str, QuoteKind, Option<&str>)]) -> Entry {
    let raw = RawDoc { path: path.into(), text: text.into(), ..RawDoc::default() };
    let article = clean(raw, &Rules::builtin()).expect("fixture article cleans");
    let quotes = quotes
        .iter()
        .map(|&(words, kind, speaker)| {
            let start = article.text.find(words).expect("quote words in fixture");
            Quote {
                pieces: std::iter::once(start..start + words.len()).collect(),
                quoted: std::iter::once(start..start + words.len()).collect(),
                kind,
                speaker: speaker.map(str::to_string),
                speaker_kind: None,
                mention: None,
                cue: None,
            }
        })
        .collect();
    Entry::new(article, quotes)
}

/// Three articles written for the tests: a long one with five quotes by two speakers (two of
/// them partial), a short one with one quote, one with none.
pub fn fixture() -> Batch {
    use QuoteKind::{Direct, Partial};
    let harbour = format!(
        "Harbour talks stall over fishing quotas\n\n\
         Negotiators from both towns met on Tuesday but left without a deal.\n\n\
         \"We will not sign anything that empties our nets,\" said Mara Quist, the mayor of Westhaven.\n\n\
         Officials in Eastmere called the offer \"generous\" and said they were \"open to more talks\".\n\n\
         {}\n\n\
         Quist later added: \"Our fishermen have waited long enough. They deserve an answer this season.\"\n\n\
         {}\n\n\
         \"The harbour belongs to everyone,\" a spokesman for Eastmere said.\n",
        filler(12),
        filler(14).replace("Background", "Further background"),
    );
    let ferry = "Council approves new ferry timetable\n\n\
                 The council voted on Monday to run the ferry every hour.\n\n\
                 \"Islanders asked for this for years,\" said councillor Ben Ortt.\n";
    let weather =
        "Cold week ahead on the coast\n\nTemperatures will fall below zero by Thursday.\n";
    Batch {
        entries: vec![
            entry(
                "harbour.txt",
                &harbour,
                &[
                    (
                        "We will not sign anything that empties our nets,",
                        Direct,
                        Some("Mara Quist"),
                    ),
                    ("generous", Partial, None),
                    ("open to more talks", Partial, None),
                    (
                        "Our fishermen have waited long enough. They deserve an answer this season.",
                        Direct,
                        Some("Mara Quist"),
                    ),
                    ("The harbour belongs to everyone,", Direct, Some("Eastmere spokesman")),
                ],
            ),
            entry(
                "ferry.txt",
                ferry,
                &[("Islanders asked for this for years,", Direct, Some("Ben Ortt"))],
            ),
            entry("weather.txt", weather, &[]),
        ],
        ..Batch::default()
    }
}

/// A reader of `width` x `height` that has loaded `batch`.
pub fn app_with(batch: Batch, width: u16, height: u16) -> App {
    let mut app = App::new(Keymap::builtin());
    update(&mut app, Action::Resize { width, height });
    update(&mut app, Action::Discovered(batch.entries.len()));
    update(&mut app, Action::Loaded(batch));
    update(&mut app, Action::LoadingDone);
    app
}

/// Presses keys given by their keymap names, separated by spaces (`"j j ctrl-d"`); `text:…`
/// types the characters after the colon one by one.
pub fn press(app: &mut App, keys: &str) {
    for name in keys.split(' ').filter(|k| !k.is_empty()) {
        let keys: Vec<Key> = match name.strip_prefix("text:") {
            Some(text) => text.chars().map(Key::char).collect(),
            None => vec![name.parse().expect("key name")],
        };
        for key in keys {
            if let Some(action) = action_for_key(app, key) {
                update(app, action);
            }
        }
    }
}

/// The screen as text, drawn on a test terminal of the app's size.
pub fn screen(app: &App) -> String {
    terminal(app).backend().to_string()
}

/// A test terminal of the app's size with the app drawn on it.
pub fn terminal(app: &App) -> Terminal<TestBackend> {
    let area = app.layout.area;
    let mut terminal =
        Terminal::new(TestBackend::new(area.width, area.height)).expect("test terminal");
    terminal.draw(|f| render(app, &Theme::default(), f)).expect("draw");
    terminal
}

/// An article cleaned from `text` the way files are.
pub fn article(text: &str) -> Article {
    let raw = RawDoc {
        path: "test.txt".into(),
        text: text.into(),
        title: Some("Test".into()),
        meta: Meta::default(),
        ..RawDoc::default()
    };
    clean(raw, &Rules::builtin()).expect("the test article has prose")
}

/// The quotes of `text`, as (quoted words, speaker) pairs.
pub fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    let a = article(text);
    Extractor::builtin().extract(&a).iter().map(|q| (q.text(&a.text), q.speaker.clone())).collect()
}

/// The full quotes of `text`, with the article they are in.
pub fn full(text: &str) -> (Article, Vec<Quote>) {
    let a = article(text);
    let q = Extractor::builtin().extract(&a);
    (a, q)
}

/// The binary, kept away from the user's state file.
pub fn saidso() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("saidso").expect("binary built");
    cmd.arg("--no-state");
    cmd
}

/// The JSON lines the real binary prints for `args`; it must succeed.
pub fn jsonl(args: &[&str]) -> Vec<serde_json::Value> {
    let out = saidso().args(args).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}
