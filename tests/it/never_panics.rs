//! Any sequence of input at any terminal size: the reader never panics and always draws.

use crate::common;

use proptest::prelude::*;
use saidso::app::{Action, Command, update};

fn action() -> impl Strategy<Value = Action> {
    let bindable: Vec<Command> = Command::all().collect();
    prop_oneof![
        6 => (0..bindable.len()).prop_map(move |i| Action::Command(bindable[i])),
        2 => prop::char::any().prop_map(Action::Type),
        1 => Just(Action::Backspace),
        1 => Just(Action::Submit),
        1 => Just(Action::Tick),
        2 => (0u16..130, 0u16..45).prop_map(|(column, row)| Action::Click { column, row }),
        2 => (0u16..130, 0u16..45, any::<bool>())
            .prop_map(|(column, row, down)| Action::Wheel { column, row, down }),
        1 => (1u16..130, 1u16..45).prop_map(|(width, height)| Action::Resize { width, height }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_input_at_any_size_draws_without_panicking(
        width in 1u16..130,
        height in 1u16..45,
        actions in prop::collection::vec(action(), 1..40),
    ) {
        let mut app = common::app_with(common::fixture(), width, height);
        for action in actions {
            update(&mut app, action);
            let _ = common::screen(&app);
        }
    }
}
