//! Performing the effects `update` queues: store writes, the clipboard, exports, links and
//! refreshes. Kept apart from the terminal so tests can run it on a real store and any writer.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::refresh::Refresher;
use crate::app::{App, Effect, strings};
use crate::store::{Store, StoreError};

/// Performs the effects `update` queues, on what the reader has outside its state: the store,
/// the terminal (for OSC 52), the directory exports go to, and what starts a refresh.
pub struct EffectRunner<W> {
    /// Where marks are saved.
    pub store: Store,
    /// Where terminal requests (OSC 52) are written.
    pub terminal: W,
    /// Where exported files go.
    pub export_dir: PathBuf,
    /// What starts a background refresh; without it a refresh asked for does nothing.
    pub refresher: Option<Refresher>,
    /// A store write failed already: said once in the status bar, not at every write.
    pub failed: bool,
    /// The terminal was given back and taken again: the screen must be drawn whole.
    pub redraw: bool,
}

impl<W: Write> EffectRunner<W> {
    /// A runner saving to `store`, writing to `terminal` and exporting to `export_dir`, with no
    /// refresher.
    pub fn new(store: Store, terminal: W, export_dir: impl Into<PathBuf>) -> Self {
        let export_dir = export_dir.into();
        Self { store, terminal, export_dir, refresher: None, failed: false, redraw: false }
    }

    /// Performs and empties `app.effects`. A failed store write is said once in the status bar
    /// ("marks not saved"); the reader keeps working.
    pub fn run(&mut self, app: &mut App) {
        for effect in std::mem::take(&mut app.effects) {
            self.perform(app, effect);
        }
    }

    fn perform(&mut self, app: &mut App, effect: Effect) {
        match effect {
            Effect::SaveRead(id, read) => self.save(app, |store| store.set_read(id, read)),
            Effect::SaveStarred(id, on) => self.save(app, |store| store.set_starred(id, on)),
            Effect::SavePosition(id, at) => self.save(app, |store| store.set_position(id, at)),
            Effect::SaveLastOpen(id) => self.save(app, |store| store.set_last_open(id)),
            Effect::Copy(text) => {
                if write_clipboard(&mut self.terminal, &text).is_err() {
                    app.status.say(strings::NOT_COPIED);
                }
            }
            Effect::OpenLink(url) => {
                if let Err(e) = super::open_link::open(&url) {
                    app.status.say(e.to_string());
                }
            }
            Effect::Export { stem, markdown } => {
                match write_new_file(&self.export_dir, &stem, &markdown) {
                    Ok(path) => app.status.say(strings::exported(&path.display().to_string())),
                    Err((path, e)) => app
                        .status
                        .warn(strings::not_exported(&path.display().to_string(), &e.to_string())),
                }
            }
            Effect::Pager(text) => {
                let pager = std::env::var("PAGER").ok().filter(|p| !p.trim().is_empty());
                if let Err(e) = super::terminal::page(pager.as_deref().unwrap_or("less"), &text) {
                    app.status.warn(strings::pager_failed(&e.to_string()));
                }
                self.redraw = true;
            }
            Effect::Suspend => {
                if let Err(e) = super::terminal::suspend() {
                    app.status.warn(e.to_string());
                }
                self.redraw = true;
            }
            // On a thread of its own: what it brings comes back as an action.
            Effect::Refresh => {
                if let Some(refresher) = &self.refresher {
                    refresher.start();
                }
            }
        }
    }

    /// Writes to the store; the first failure is said in the status bar.
    fn save(&mut self, app: &mut App, write: impl FnOnce(&mut Store) -> Result<(), StoreError>) {
        if write(&mut self.store).is_err() && !self.failed {
            self.failed = true;
            app.status.warn(strings::MARKS_NOT_SAVED);
        }
    }
}

/// Sets the system clipboard through the terminal (OSC 52): works over ssh, needs no X. Control
/// characters are dropped so the text cannot end the sequence early.
pub fn write_clipboard(terminal: &mut impl Write, text: &str) -> io::Result<()> {
    let clean: String = text.chars().filter(|c| !c.is_control() || *c == '\n').collect();
    write!(terminal, "\x1b]52;c;{}\x07", STANDARD.encode(clean))?;
    terminal.flush()
}

/// Writes `content` to `saidso-quotes-<stem>.md` in `dir`, or `-2`, `-3`… when taken: never
/// overwrites a file. A failure comes with the file it was writing.
fn write_new_file(dir: &Path, stem: &str, content: &str) -> Result<PathBuf, (PathBuf, io::Error)> {
    for n in 1..1000 {
        let name = match n {
            1 => format!("saidso-quotes-{stem}.md"),
            n => format!("saidso-quotes-{stem}-{n}.md"),
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                return match file.write_all(content.as_bytes()) {
                    Ok(()) => Ok(path),
                    Err(e) => Err((path, e)),
                };
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err((path, e)),
        }
    }
    let e = io::Error::new(io::ErrorKind::AlreadyExists, "too many export files");
    Err((dir.join(format!("saidso-quotes-{stem}.md")), e))
}
