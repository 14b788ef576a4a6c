//! The reader's state and the one function that changes it. Pure: no terminal, no files.
//!
//! Input becomes an [`Action`] (keys through the [`Keymap`] as [`Command`]s, see
//! [`action_for_key`]);
//! [`update`] applies it to the [`App`]; `ui::render` draws the `App`. The panels never talk to
//! each other: `update` keeps them in sync.

mod action;
mod checks;
mod command;
mod effect;
mod filter;
mod input;
mod key;
mod keymap;
mod layout;
mod library;
mod list;
mod quotes;
mod reader;
mod search;
mod sources;
mod speakers;
pub mod strings;
mod update;
mod viewport;
mod wrap;

use std::collections::HashMap;

use crate::model::ArticleId;
use crate::store::Marks;

pub use action::Action;
pub use checks::Checks;
pub use command::Command;
pub use effect::Effect;
pub use filter::{Haystack, Needle};
pub use input::action_for_key;
pub use key::{BadKey, Key, KeyCode};
pub use keymap::{Binding, DEFAULT_KEYMAP, Keymap, KeymapError};
pub use layout::{Arrangement, Mode, ScreenLayout, inner, reader_text};
pub use library::{Batch, Entry, Library, RefreshReport};
pub use list::{ListPane, Order};
pub use quotes::{QuotesPane, QuotesPaneRow, SpeakerFilter, is_reported, kind_mark, shown_words};
pub use reader::ReaderPane;
pub use search::Search;
pub use sources::{Source, SourceRow, SourcesView};
pub use speakers::{Level, QUOTE_ROWS, Speakers, SpeakersView};
pub use update::update;
pub use viewport::Viewport;
pub use wrap::{Row, TextLine, Wrapped, options as wrap_options};

/// Everything the reader knows. `ui::render` draws it; only [`update`] changes it.
#[derive(Clone, Debug, Default)]
pub struct App {
    /// The articles loaded so far.
    pub library: Library,
    /// The article list panel.
    pub list: ListPane,
    /// The reading pane.
    pub reader: ReaderPane,
    /// The quotes panel.
    pub quotes: QuotesPane,
    /// Who said what across the articles, and the speakers view's data.
    pub speakers: Speakers,
    /// The panel keys go to.
    pub focus: Focus,
    /// What is open over the panels, and takes keys first.
    pub modal: Option<Modal>,
    /// The status bar's message.
    pub status: Status,
    /// Where everything is on screen.
    pub layout: ScreenLayout,
    /// How the user arranged the panels (zoom, quotes hidden, list width).
    pub arrangement: Arrangement,
    /// What the last change of marks replaced: `(entry, read, starred)` before it, to undo it.
    pub last_marks: Vec<(usize, bool, bool)>,
    /// The key table.
    pub keymap: Keymap,
    /// The user asked to leave.
    pub quit: bool,
    /// Marks saved by earlier sessions, applied to articles as they load.
    pub saved: HashMap<ArticleId, Marks>,
    /// The article open last time, selected again once it loads.
    pub reselect: Option<ArticleId>,
    /// What the event loop must do after this update (store writes); it drains the queue.
    pub effects: Vec<Effect>,
    /// The records the quotes are checked against (`saidso --record FILE`), if any.
    pub records: Option<std::sync::Arc<crate::record::Records>>,
    /// The records' verdicts on the quotes of the article shown.
    pub checks: Checks,
}

impl App {
    /// A reader with no article yet, loading, using `keymap`.
    pub fn new(keymap: Keymap) -> Self {
        let library = Library { loading: true, ..Library::default() };
        Self { library, keymap, ..Self::default() }
    }

    /// The entry shown in the reading pane.
    pub fn current(&self) -> Option<&Entry> {
        self.reader.entry.and_then(|i| self.library.entries.get(i))
    }
}

/// The three panels, left to right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// The article list.
    #[default]
    List,
    /// The reading pane.
    Reader,
    /// The quotes panel.
    Quotes,
}

impl Focus {
    /// The panel to the right, wrapping around.
    pub fn next(self) -> Self {
        match self {
            Focus::List => Focus::Reader,
            Focus::Reader => Focus::Quotes,
            Focus::Quotes => Focus::List,
        }
    }

    /// The panel to the left, wrapping around.
    pub fn prev(self) -> Self {
        self.next().next()
    }
}

/// What can be open over the panels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Modal {
    /// The key help, scrolled this many rows.
    Help {
        /// First row in view.
        scroll: usize,
    },
    /// A line of input in the status bar.
    Prompt(Prompt),
    /// The speakers across the articles, and a speaker's quotes.
    Speakers(SpeakersView),
    /// What the list can show: all, unread, starred, each source.
    Sources(SourcesView),
    /// Every warning and problem so far, scrolled this many rows.
    Messages {
        /// First row in view.
        scroll: usize,
    },
}

/// A line being typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub kind: PromptKind,
    /// What was typed so far.
    pub input: String,
    /// Byte offset at the top of the reading pane when the prompt opened: a search looks
    /// from there as the query grows.
    pub origin: usize,
}

/// What a prompt is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// Search in the article.
    Search,
    /// Filter the article list.
    Filter,
}

/// The status bar's message, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub message: Option<String>,
    /// Counts messages, so the event loop can tell a new one from an old one.
    pub serial: u64,
    /// The message is a warning: it stays until the user does something, not just for a while.
    pub sticky: bool,
    /// Every warning said so far, for the messages view.
    pub log: Vec<String>,
    /// Marks that could not be saved: shown whenever no other message is, until a write
    /// succeeds.
    pub unsaved: Option<String>,
}

impl Status {
    /// Shows a message, for a while.
    pub fn say(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
        self.serial += 1;
        self.sticky = false;
    }

    /// Shows a warning, until the next key press or click, and keeps it for the messages view.
    pub fn warn(&mut self, message: impl Into<String>) {
        let message = message.into();
        self.log.push(message.clone());
        self.summarise(message);
    }

    /// Shows a summary of warnings kept elsewhere, until the next key press or click.
    pub fn summarise(&mut self, message: impl Into<String>) {
        self.say(message);
        self.sticky = true;
    }
}

/// A movement of a selection or a scroll position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// Lines (or items) down (positive) or up.
    Lines(isize),
    /// Pages down or up.
    Pages(isize),
    /// Half pages down or up.
    HalfPages(isize),
    /// To the start.
    Top,
    /// To the end.
    Bottom,
}

impl Motion {
    /// Where position `at` goes, with `last` the last position and pages `page` long.
    pub fn apply(self, at: usize, last: usize, page: usize) -> usize {
        let page = page.max(1) as isize;
        let delta = match self {
            Motion::Top => return 0,
            Motion::Bottom => return last,
            Motion::Lines(n) => n,
            Motion::Pages(n) => n * page,
            Motion::HalfPages(n) => n * (page / 2).max(1),
        };
        at.saturating_add_signed(delta).min(last)
    }
}
