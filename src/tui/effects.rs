//! Performing the effects `update` queues: store writes and the clipboard. Kept apart from the
//! terminal so tests can run it on a real store and any writer.

use std::io::{self, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::app::{App, Effect, strings};
use crate::store::{Store, StoreError};

/// Performs and empties `app.effects`, writing terminal requests (OSC 52) to `terminal`. A failed
/// store write is said once in the status bar ("marks not saved"); the reader keeps working.
pub fn run_effects(app: &mut App, store: &mut Store, failed: &mut bool, terminal: &mut impl Write) {
    for effect in std::mem::take(&mut app.effects) {
        if let Effect::Copy(text) = &effect {
            if write_clipboard(terminal, text).is_err() {
                app.status.say(strings::NOT_COPIED);
            }
            continue;
        }
        if perform(&effect, store).is_err() && !*failed {
            *failed = true;
            app.status.say(strings::MARKS_NOT_SAVED);
        }
    }
}

fn perform(effect: &Effect, store: &mut Store) -> Result<(), StoreError> {
    match *effect {
        Effect::SaveRead(id, read) => store.set_read(id, read),
        Effect::SaveStarred(id, starred) => store.set_starred(id, starred),
        Effect::SavePosition(id, position) => store.set_position(id, position),
        Effect::SaveLastOpen(id) => store.set_last_open(id),
        Effect::Copy(_) => Ok(()),
    }
}

/// Sets the system clipboard through the terminal (OSC 52): works over ssh, needs no X. Control
/// characters are dropped so the text cannot end the sequence early.
pub fn write_clipboard(terminal: &mut impl Write, text: &str) -> io::Result<()> {
    let clean: String = text.chars().filter(|c| !c.is_control() || *c == '\n').collect();
    write!(terminal, "\x1b]52;c;{}\x07", STANDARD.encode(clean))?;
    terminal.flush()
}
