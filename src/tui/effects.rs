//! Performing the effects `update` queues: store writes and the clipboard. Kept apart from the
//! terminal so tests can run it on a real store and any writer.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::app::{App, Effect, strings};
use crate::store::{Store, StoreError};

/// Performs and empties `app.effects`, writing terminal requests (OSC 52) to `terminal`. A failed
/// store write is said once in the status bar ("marks not saved"); the reader keeps working.
pub fn run_effects(
    app: &mut App,
    store: &mut Store,
    failed: &mut bool,
    terminal: &mut impl Write,
    export_dir: &Path,
) {
    for effect in std::mem::take(&mut app.effects) {
        if let Effect::OpenLink(url) = &effect {
            if let Err(e) = super::open_link::open(url) {
                app.status.say(e.to_string());
            }
            continue;
        }
        if let Effect::Export { stem, markdown } = &effect {
            match write_new_file(export_dir, stem, markdown) {
                Ok(path) => app.status.say(strings::exported(&path.display().to_string())),
                Err((path, e)) => {
                    app.status
                        .warn(strings::not_exported(&path.display().to_string(), &e.to_string()));
                }
            }
            continue;
        }
        if let Effect::Copy(text) = &effect {
            if write_clipboard(terminal, text).is_err() {
                app.status.say(strings::NOT_COPIED);
            }
            continue;
        }
        if perform(&effect, store).is_err() && !*failed {
            *failed = true;
            app.status.warn(strings::MARKS_NOT_SAVED);
        }
    }
}

fn perform(effect: &Effect, store: &mut Store) -> Result<(), StoreError> {
    match *effect {
        Effect::SaveRead(id, read) => store.set_read(id, read),
        Effect::SaveStarred(id, starred) => store.set_starred(id, starred),
        Effect::SavePosition(id, position) => store.set_position(id, position),
        Effect::SaveLastOpen(id) => store.set_last_open(id),
        // Done elsewhere: a refresh by the event loop, the others above.
        Effect::Copy(_) | Effect::Export { .. } | Effect::OpenLink(_) | Effect::Refresh => Ok(()),
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
