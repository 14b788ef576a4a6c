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
    /// The last store write failed: marks are waiting in `pending`.
    pub failed: bool,
    /// The terminal was given back and taken again: the screen must be drawn whole.
    pub redraw: bool,
    /// Store writes that failed, retried before every later run: the latest of each kind for
    /// each article.
    pending: Vec<Effect>,
}

impl<W: Write> EffectRunner<W> {
    /// A runner saving to `store`, writing to `terminal` and exporting to `export_dir`, with no
    /// refresher.
    pub fn new(store: Store, terminal: W, export_dir: impl Into<PathBuf>) -> Self {
        let export_dir = export_dir.into();
        Self {
            store,
            terminal,
            export_dir,
            refresher: None,
            failed: false,
            redraw: false,
            pending: Vec::new(),
        }
    }

    /// Performs and empties `app.effects`. A failed store write is said in the status bar, and
    /// stays said until a write succeeds; the writes that failed are retried first, at every
    /// run. The reader keeps working.
    pub fn run(&mut self, app: &mut App) {
        if !self.pending.is_empty() {
            self.retry(app);
        }
        for effect in std::mem::take(&mut app.effects) {
            self.perform(app, effect);
        }
    }

    fn perform(&mut self, app: &mut App, effect: Effect) {
        match effect {
            Effect::SaveRead(..)
            | Effect::SavePosition(..)
            | Effect::SaveStarred(..)
            | Effect::SaveLastOpen(_) => self.save(app, effect),
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

    /// Writes a mark to the store; a failure is kept to retry and said in the status bar, every
    /// time.
    fn save(&mut self, app: &mut App, effect: Effect) {
        match write(&mut self.store, &effect) {
            Ok(()) if self.pending.is_empty() => {}
            // The store takes writes again: the ones waiting go now.
            Ok(()) => self.retry(app),
            Err(e) => {
                self.keep(effect);
                self.failed = true;
                let message = strings::marks_not_saved(self.pending.len(), &cause(&e));
                app.status.warn(message.clone());
                app.status.unsaved = Some(message);
            }
        }
    }

    /// Writes the marks waiting, up to the first that fails again (a locked file makes each
    /// attempt wait); when they all go, the warning goes too.
    fn retry(&mut self, app: &mut App) {
        let mut error = None;
        let mut saved = 0;
        for effect in &self.pending {
            if let Err(e) = write(&mut self.store, effect) {
                error = Some(e);
                break;
            }
            saved += 1;
        }
        self.pending.drain(..saved);
        match error {
            None => {
                self.failed = false;
                app.status.unsaved = None;
                app.status.say(strings::MARKS_SAVED);
            }
            Some(e) => {
                app.status.unsaved = Some(strings::marks_not_saved(self.pending.len(), &cause(&e)));
            }
        }
    }

    /// Keeps a failed write to retry, in place of an older one it supersedes.
    fn keep(&mut self, effect: Effect) {
        let key = |e: &Effect| match e {
            Effect::SaveRead(id, _) => Some((0, Some(*id))),
            Effect::SaveStarred(id, _) => Some((1, Some(*id))),
            Effect::SavePosition(id, _) => Some((2, Some(*id))),
            Effect::SaveLastOpen(_) => Some((3, None)),
            _ => None,
        };
        let new = key(&effect);
        self.pending.retain(|e| key(e) != new);
        self.pending.push(effect);
    }

    /// How many marks are waiting to be saved.
    pub fn unsaved(&self) -> usize {
        self.pending.len()
    }
}

/// Performs one store write.
fn write(store: &mut Store, effect: &Effect) -> Result<(), StoreError> {
    match *effect {
        Effect::SaveRead(id, read) => store.set_read(id, read),
        Effect::SaveStarred(id, on) => store.set_starred(id, on),
        Effect::SavePosition(id, at) => store.set_position(id, at),
        Effect::SaveLastOpen(id) => store.set_last_open(id),
        _ => Ok(()),
    }
}

/// A store error without its `marks not saved:` prefix, which the status bar says already.
fn cause(e: &StoreError) -> String {
    match e {
        StoreError::NotSaved(cause) => cause.clone(),
        other => other.to_string(),
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
