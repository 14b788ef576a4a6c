//! Terminal events become actions: only key presses count.

use crate::common;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use saidso::app::{Action, Command};
use saidso::tui::to_action;

fn key(code: KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> Event {
    Event::Key(KeyEvent { code, modifiers, kind, state: KeyEventState::NONE })
}

#[test]
fn only_key_presses_become_actions() {
    let app = common::app_with(common::fixture(), 120, 40);
    let j = |kind| to_action(&app, key(KeyCode::Char('j'), KeyModifiers::NONE, kind));
    assert!(matches!(j(KeyEventKind::Press), Some(Action::Command(Command::Down))));
    assert!(j(KeyEventKind::Release).is_none());
    assert!(j(KeyEventKind::Repeat).is_none());
    let ctrl_d = key(KeyCode::Char('d'), KeyModifiers::CONTROL, KeyEventKind::Press);
    assert!(matches!(to_action(&app, ctrl_d), Some(Action::Command(Command::HalfPageDown))));
    let shift_g = key(KeyCode::Char('G'), KeyModifiers::SHIFT, KeyEventKind::Press);
    assert!(matches!(to_action(&app, shift_g), Some(Action::Command(Command::Bottom))));
    let back_tab = key(KeyCode::BackTab, KeyModifiers::SHIFT, KeyEventKind::Press);
    assert!(matches!(to_action(&app, back_tab), Some(Action::Command(Command::FocusPrev))));
    assert!(matches!(
        to_action(&app, Event::Resize(80, 24)),
        Some(Action::Resize { width: 80, height: 24 })
    ));
}
