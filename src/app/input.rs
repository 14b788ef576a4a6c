//! Which action a key press means right now: what is open over the panels decides first, then
//! the key table (whose commands each panel interprets in `update`).

use super::key::{Key, KeyCode};
use super::layout::Mode;
use super::{Action, App, Command, Modal};

/// The action of `key` in the app's current state, if any.
pub fn action_for_key(app: &App, key: Key) -> Option<Action> {
    // Whatever the key table says, Control-C is a way out.
    if key == Key::ctrl('c') {
        return Some(Command::Quit.into());
    }
    // The suspend key works over anything open, a prompt too (where plain letters type).
    let typed = matches!(app.modal, Some(Modal::Prompt(_))) && !key.ctrl && !key.alt;
    if !typed && app.keymap.command(key) == Some(Command::Suspend) {
        return Some(Command::Suspend.into());
    }
    // While the screen says only that the terminal is too small, keys whose effect cannot be
    // seen do nothing; quitting still works.
    if app.layout.mode == Mode::TooSmall {
        let quit = app.keymap.command(key).filter(|c| *c == Command::Quit);
        return quit.map(Into::into);
    }
    match app.modal {
        Some(Modal::Prompt(_)) => prompt_action(key),
        // The help overlay and the messages scroll; any other key closes them.
        Some(Modal::Help { .. } | Modal::Messages { .. }) => match app.keymap.command(key)? {
            c if c.is_motion() => Some(c.into()),
            _ => Some(Command::Cancel.into()),
        },
        Some(Modal::Speakers(_) | Modal::Sources(_)) => match app.keymap.command(key)? {
            c if c.is_motion() => Some(c.into()),
            c @ (Command::Open
            | Command::Cancel
            | Command::Speakers
            | Command::Sources
            | Command::Quit) => Some(c.into()),
            _ => None,
        },
        None => app.keymap.command(key).map(Action::Command),
    }
}

/// Keys edit the prompt's line as in a shell (Control-W a word, Control-U all of it); Control-C
/// still quits and the suspend key (Control-Z) still suspends.
fn prompt_action(key: Key) -> Option<Action> {
    match key.code {
        KeyCode::Char('w') if key.ctrl => Some(Action::DeleteWord),
        KeyCode::Char('u') if key.ctrl => Some(Action::ClearPrompt),
        KeyCode::Char(c) if !key.ctrl && !key.alt => Some(Action::Type(c)),
        KeyCode::Enter => Some(Action::Submit),
        KeyCode::Esc => Some(Command::Cancel.into()),
        KeyCode::Backspace => Some(Action::Backspace),
        _ => None,
    }
}
