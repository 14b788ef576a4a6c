//! The full-screen reader in a real terminal: take the terminal over, start loading in the
//! background, then turn events into actions and redraw when something changed.

pub mod background;
mod effects;
mod events;
mod open_link;
mod refresh;
mod terminal;

use std::io::{Stdout, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

pub use effects::{EffectRunner, write_clipboard};
pub use events::{Event, to_action};
pub use refresh::Refresher;
pub use terminal::{Tui, restore};

use background::Work;

use crate::app::{Action, App, Batch, strings, update};
use crate::config::Config;
use crate::feeds;
use crate::sources::Input;
use crate::speakers::Index;
use crate::store::{Location, Store};
use crate::ui::{self, Theme};

/// Most events taken in between two frames.
const MAX_EVENTS_PER_FRAME: usize = 64;

/// How long a status message stays when nothing else happens.
const MESSAGE_TIME: Duration = Duration::from_secs(4);

/// Runs the reader on `paths` (none: the seeds) with `config` and the store at `state`,
/// until the user quits. With `fetched`, the articles kept by `saidso fetch` come too (and
/// alone when there are no paths). With `records` (and the paths they were read from), each
/// quote is checked against them, and they are listed after the articles, readable as one.
/// Returns whether loading finished with nothing to show: the screen said why, and the caller
/// makes it the command's error.
pub fn run(
    paths: Vec<String>,
    fetched: bool,
    config: Config,
    state: &Location,
    records: Option<(crate::record::Records, Vec<String>)>,
) -> anyhow::Result<bool> {
    let (store, notices) = state.open();
    // Store notices and configuration warnings go where loading's go: the status bar.
    let mut warnings: Vec<String> = config.warnings.clone();
    warnings.extend(notices.iter().map(strings::notice));
    let mut saved = if fetched { stored_articles(&store, &mut warnings) } else { Vec::new() };
    // The records load after the paths (or the seeds): their problems were told already.
    let (records, record_paths) = records.unzip();
    warnings.extend(records.iter().flat_map(|r: &crate::record::Records| r.warnings.clone()));
    let record_inputs = record_paths.map(|p| crate::sources::discover(&p).0);
    saved.splice(0..0, record_inputs.unwrap_or_default());
    let paths = (!fetched || !paths.is_empty()).then_some(paths);
    let mut tui = Tui::enter()?;
    let (tx, rx) = mpsc::channel();
    events::spawn_input(tx.clone());
    events::spawn_signals(tx.clone());
    let work = Work::new(&config);
    let Config { keymap, theme, digester, export_dir, .. } = config;
    let refresher_feeds = feeds::default_feeds_path();
    let refresher = Refresher { state: state.clone(), feeds: refresher_feeds.clone(), work, tx };
    background::spawn_loader(paths, saved, refresher.work.clone(), refresher.tx.clone());
    let mut app = App::new(keymap);
    app.records = records.map(std::sync::Arc::new);
    app.speakers.index = Index::new(digester);
    // One query for every mark; a store that cannot be read starts the session without them.
    app.saved = store.all_marks().unwrap_or_default();
    app.reselect = store.last_open().ok().flatten();
    app.library.tags = followed_tags(&store, refresher_feeds.as_deref());
    let size = tui.terminal.size()?;
    update(&mut app, Action::Resize { width: size.width, height: size.height });
    update(&mut app, Action::Loaded(Batch { warnings, ..Batch::default() }));
    let export_dir = export_dir.unwrap_or_else(|| ".".into());
    let mut effects = EffectRunner::new(store, std::io::stdout(), export_dir);
    effects.refresher = Some(refresher);
    let result = event_loop(&mut tui, &mut app, &theme, &rx, &mut effects);
    // What is left is saved; a refresh would only outlive the reader.
    effects.refresher = None;
    effects.run(&mut app);
    // The status bar said the notices in short; the whole of them outlives the screen.
    drop(tui);
    // Written, not printed: a closed stderr must not panic on the way out.
    let mut stderr = std::io::stderr();
    for notice in &notices {
        let _ = writeln!(stderr, "saidso: {}", crate::text::sanitize(notice.to_string()));
    }
    if let Some(unsaved) = app.status.unsaved.as_deref().filter(|_| effects.unsaved() > 0) {
        let _ = writeln!(stderr, "saidso: {}", crate::text::sanitize(unsaved.to_string()));
    }
    result?;
    Ok(!app.library.loading && app.library.entries.is_empty())
}

/// The tags of the followed feeds (the feeds file at `feeds`), by the stored articles fetched
/// from them; none when there is no feeds file.
fn followed_tags(
    store: &Store,
    feeds: Option<&std::path::Path>,
) -> std::collections::HashMap<crate::model::ArticleId, Vec<String>> {
    let subscriptions = feeds.filter(|p| p.exists()).and_then(|p| feeds::read_feeds(p).ok());
    subscriptions.map(|(followed, _)| feeds::tags_by_article(store, &followed)).unwrap_or_default()
}

/// The articles kept by `saidso fetch`, as inputs; a store that cannot be read gives none and a
/// warning.
fn stored_articles(store: &Store, warnings: &mut Vec<String>) -> Vec<Input> {
    match store.fetched_articles() {
        Ok(docs) => docs.into_iter().map(|doc| Input::Saved(Box::new(doc))).collect(),
        Err(e) => {
            warnings.push(e.to_string());
            Vec::new()
        }
    }
}

fn event_loop(
    tui: &mut Tui,
    app: &mut App,
    theme: &Theme,
    rx: &Receiver<Event>,
    effects: &mut EffectRunner<Stdout>,
) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut seen_message = app.status.serial;
    let mut message_deadline: Option<Instant> = None;
    while !app.quit {
        if dirty {
            let size = tui.terminal.size()?;
            if size.width != app.layout.area.width || size.height != app.layout.area.height {
                update(app, Action::Resize { width: size.width, height: size.height });
            }
            tui.terminal.draw(|frame| ui::render(app, theme, frame))?;
            dirty = false;
        }
        // Block until something happens: an idle reader uses no CPU.
        let event = match message_deadline {
            Some(deadline) => {
                match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                    Ok(event) => Some(event),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            }
            None => match rx.recv() {
                Ok(event) => Some(event),
                Err(_) => break,
            },
        };
        let action = match event {
            None => {
                message_deadline = None;
                Some(Action::Tick)
            }
            Some(event) => to_app_action(app, event),
        };
        if let Some(action) = action {
            update(app, action);
            dirty = true;
        }
        // Take what else is waiting before drawing (one frame for a burst of events), but not
        // so much that a stream of loading results holds the next frame back.
        for event in rx.try_iter().take(MAX_EVENTS_PER_FRAME) {
            if let Some(action) = to_app_action(app, event) {
                update(app, action);
                dirty = true;
            }
        }
        effects.run(app);
        if std::mem::take(&mut effects.redraw) {
            // Back from a suspend: what was on screen is gone. (Not `clear`: it asks the
            // terminal where the cursor is, and the input thread would take the answer.)
            let size = tui.terminal.size()?;
            tui.terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
            dirty = true;
        }
        if app.status.serial != seen_message {
            seen_message = app.status.serial;
            message_deadline = Some(Instant::now() + MESSAGE_TIME);
        }
    }
    Ok(())
}

fn to_app_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Terminal(event) => to_action(app, event),
        Event::Action(action) => Some(action),
    }
}
