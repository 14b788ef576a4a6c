//! Performing the effects `update` queues: store writes. Kept apart from the terminal so tests
//! can run it on a real store without one.

use crate::app::{App, Effect, strings};
use crate::store::{Store, StoreError};

/// Performs and empties `app.effects`. A failed store write is said once in the status bar
/// ("marks not saved"); the reader keeps working.
pub fn run_effects(app: &mut App, store: &mut Store, failed: &mut bool) {
    for effect in std::mem::take(&mut app.effects) {
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
    }
}
