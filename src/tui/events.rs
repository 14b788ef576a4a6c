//! The one event channel: terminal input (read on its own thread) and background results,
//! and how terminal input becomes actions.

use std::sync::mpsc::Sender;

use ratatui::crossterm::event::{
    Event as TermEvent, KeyCode as TermKey, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};

use crate::app::{Action, App, Command, Key, KeyCode, action_for_key};

/// What arrives on the channel.
#[derive(Debug)]
pub enum Event {
    /// Something from the terminal.
    Terminal(TermEvent),
    /// An action from a background thread (loading results).
    Action(Action),
}

/// Reads terminal events on a thread of their own, until the channel closes or reading fails.
pub(super) fn spawn_input(tx: Sender<Event>) {
    std::thread::spawn(move || {
        while let Ok(event) = ratatui::crossterm::event::read() {
            if tx.send(Event::Terminal(event)).is_err() {
                break;
            }
        }
    });
}

/// Turns SIGTERM, SIGHUP and SIGINT into a quit, so that a kill or a closed terminal leaves the
/// way `q` does: position saved, terminal given back. Not available: the default handling.
pub(super) fn spawn_signals(tx: Sender<Event>) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
            return;
        };
        std::thread::spawn(move || {
            for _ in signals.forever() {
                if tx.send(Event::Action(Command::Quit.into())).is_err() {
                    break;
                }
            }
        });
    }
    #[cfg(not(unix))]
    drop(tx);
}

/// The action a terminal event stands for in the app's current state, if any.
pub fn to_action(app: &App, event: TermEvent) -> Option<Action> {
    match event {
        // Only presses count: some terminals also report releases and repeats.
        TermEvent::Key(key) if key.kind == KeyEventKind::Press => action_for_key(app, to_key(key)?),
        TermEvent::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left) => {
                    Some(Action::Click { column, row })
                }
                MouseEventKind::ScrollDown => Some(Action::Wheel { column, row, down: true }),
                MouseEventKind::ScrollUp => Some(Action::Wheel { column, row, down: false }),
                _ => None,
            }
        }
        TermEvent::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

/// The keymap's name for a crossterm key.
fn to_key(key: KeyEvent) -> Option<Key> {
    let code = match key.code {
        TermKey::Char(c) => KeyCode::Char(c),
        TermKey::Enter => KeyCode::Enter,
        TermKey::Esc => KeyCode::Esc,
        TermKey::Tab => KeyCode::Tab,
        TermKey::BackTab => KeyCode::BackTab,
        TermKey::Backspace => KeyCode::Backspace,
        TermKey::Delete => KeyCode::Delete,
        TermKey::Up => KeyCode::Up,
        TermKey::Down => KeyCode::Down,
        TermKey::Left => KeyCode::Left,
        TermKey::Right => KeyCode::Right,
        TermKey::Home => KeyCode::Home,
        TermKey::End => KeyCode::End,
        TermKey::PageUp => KeyCode::PageUp,
        TermKey::PageDown => KeyCode::PageDown,
        TermKey::F(n) => KeyCode::F(n),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
    })
}
