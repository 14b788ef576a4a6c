//! Everything that can happen to the reader, as one enum: a key bound in the keymap gives a
//! [`Command`]; prompt editing, the mouse, resizes, time and background results give the other
//! variants, which carry data and cannot be bound.

use super::command::Command;
use super::library::{Batch, RefreshReport};

/// One thing that happened. [`update`](super::update) is the only function that takes it.
#[derive(Clone, Debug)]
pub enum Action {
    /// A key bound to this command was pressed (or a signal asked to quit).
    Command(Command),
    /// A character typed into the prompt.
    Type(char),
    /// Delete the last character of the prompt.
    Backspace,
    /// Delete the last word of the prompt.
    DeleteWord,
    /// Empty the prompt.
    ClearPrompt,
    /// Accept the prompt.
    Submit,
    /// A mouse click at a screen cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// A mouse wheel turn over a screen cell.
    Wheel {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
        /// Towards the end of the content.
        down: bool,
    },
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// Time passed with nothing else happening: expires the status message.
    Tick,
    /// Background loading found this many inputs to read.
    Discovered(usize),
    /// Background loading finished some articles.
    Loaded(Batch),
    /// Background loading is over.
    LoadingDone,
    /// A background refresh has heard from `done` of its `total` feeds.
    RefreshProgress {
        /// Feeds finished.
        done: usize,
        /// Feeds in all.
        total: usize,
    },
    /// A background refresh is over (boxed: it is much larger than the other actions).
    RefreshDone(Box<RefreshReport>),
}

impl From<Command> for Action {
    fn from(command: Command) -> Self {
        Action::Command(command)
    }
}

impl Action {
    /// True for what the user does (keys, mouse), as opposed to what happens (time, resizes,
    /// background results).
    pub fn is_input(&self) -> bool {
        match self {
            Action::Command(_)
            | Action::Type(_)
            | Action::Backspace
            | Action::DeleteWord
            | Action::ClearPrompt
            | Action::Submit
            | Action::Click { .. }
            | Action::Wheel { .. } => true,
            Action::Resize { .. }
            | Action::Tick
            | Action::Discovered(_)
            | Action::Loaded(_)
            | Action::LoadingDone
            | Action::RefreshProgress { .. }
            | Action::RefreshDone(_) => false,
        }
    }
}
