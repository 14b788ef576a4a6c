//! Everything that can happen to the reader, as one enum: keys become actions through the keymap,
//! and mouse, resize, ticks and background results arrive as actions too.

use serde::Deserialize;

use super::library::{Batch, Refreshed};

/// One thing that happened. The bindable actions deserialise from their kebab-case names
/// (`page-down`), so the keymap file maps keys straight to them; the others carry data from the
/// event loop and cannot be bound.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Show or hide the help overlay.
    Help,
    /// Focus the next panel (the only panel shown, in the narrow layout).
    FocusNext,
    /// Focus the previous panel.
    FocusPrev,
    /// Move the selection, or scroll, one line down.
    Down,
    /// One line up.
    Up,
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// Open the selected article, or jump to the selected quote.
    Open,
    /// Start typing a search in the article.
    Search,
    /// Next search match.
    SearchNext,
    /// Previous search match.
    SearchPrev,
    /// Close what is open, or clear the search, then the filter.
    Cancel,
    /// Start typing a filter for the article list.
    Filter,
    /// Show only the quotes of the next speaker.
    SpeakerFilter,
    /// Show or hide partial quotes.
    TogglePartials,
    /// Select the next quote, from any panel.
    NextQuote,
    /// Select the previous quote.
    PrevQuote,
    /// Open or close the speakers view.
    Speakers,
    /// Go to the next article that carries the selected quote.
    NextSameQuote,
    /// Star the article, or take its star away.
    ToggleStar,
    /// Mark the article read, or unread again.
    ToggleRead,
    /// Copy the selected quote with its attribution to the clipboard.
    Copy,
    /// List only unread articles, or all again.
    UnreadOnly,
    /// Export the quotes of the article shown as Markdown.
    Export,
    /// Export the quotes of every article listed as Markdown.
    ExportAll,
    /// Open the article's link in the browser.
    OpenLink,
    /// Order the list the next way: as given, by title, most quotes, by date.
    CycleOrder,
    /// Refresh the followed feeds in the background; new articles join the list.
    Refresh,

    /// A character typed into the prompt.
    #[serde(skip)]
    Type(char),
    /// Delete the last character of the prompt.
    #[serde(skip)]
    Backspace,
    /// Delete the last word of the prompt.
    #[serde(skip)]
    DeleteWord,
    /// Empty the prompt.
    #[serde(skip)]
    ClearPrompt,
    /// Accept the prompt.
    #[serde(skip)]
    Submit,
    /// A mouse click at a screen cell.
    #[serde(skip)]
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// A mouse wheel turn over a screen cell.
    #[serde(skip)]
    Wheel {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
        /// Towards the end of the content.
        down: bool,
    },
    /// The terminal has a new size.
    #[serde(skip)]
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// Time passed with nothing else happening: expires the status message.
    #[serde(skip)]
    Tick,
    /// Background loading found this many inputs to read.
    #[serde(skip)]
    Discovered(usize),
    /// Background loading finished some articles.
    #[serde(skip)]
    Loaded(Batch),
    /// Background loading is over.
    #[serde(skip)]
    LoadingDone,
    /// A background refresh has heard from `done` of its `total` feeds.
    #[serde(skip)]
    RefreshProgress {
        /// Feeds finished.
        done: usize,
        /// Feeds in all.
        total: usize,
    },
    /// A background refresh is over.
    #[serde(skip)]
    Refreshed(Refreshed),
}

impl Action {
    /// Every action a key can be bound to, in the order the help overlay lists them.
    pub fn bindable() -> [Action; 33] {
        use Action::*;
        [
            Down,
            Up,
            PageDown,
            PageUp,
            HalfPageDown,
            HalfPageUp,
            Top,
            Bottom,
            FocusNext,
            FocusPrev,
            Open,
            NextQuote,
            PrevQuote,
            NextSameQuote,
            Speakers,
            Search,
            SearchNext,
            SearchPrev,
            Filter,
            SpeakerFilter,
            TogglePartials,
            ToggleStar,
            ToggleRead,
            Copy,
            UnreadOnly,
            Export,
            ExportAll,
            OpenLink,
            CycleOrder,
            Refresh,
            Cancel,
            Help,
            Quit,
        ]
    }

    /// True for the actions that move a selection or scroll: overlays that scroll take these.
    pub fn is_motion(&self) -> bool {
        matches!(
            self,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::Top
                | Action::Bottom
        )
    }

    /// True for what the user does (keys, mouse), as opposed to what happens (time, resizes,
    /// background results).
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            Action::Resize { .. }
                | Action::Tick
                | Action::Discovered(_)
                | Action::Loaded(_)
                | Action::LoadingDone
                | Action::RefreshProgress { .. }
                | Action::Refreshed(_)
        )
    }

    /// True for two actions of the same kind (data aside).
    pub fn same_kind(&self, other: &Action) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    /// The action's name in the keymap (`page-down`): its variant name in kebab case, as serde
    /// reads it.
    pub fn name(&self) -> String {
        let variant = format!("{self:?}");
        let mut out = String::new();
        for c in variant.chars().take_while(char::is_ascii_alphanumeric) {
            if c.is_ascii_uppercase() && !out.is_empty() {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// The action named `name` in the keymap (`page-down`), if it is bindable.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(name))
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindable_actions_deserialise_from_kebab_case_names() {
        assert!(matches!(Action::from_name("page-down"), Some(Action::PageDown)));
        assert!(matches!(Action::from_name("toggle-partials"), Some(Action::TogglePartials)));
        assert!(Action::from_name("PageDown").is_none());
        for action in Action::bindable() {
            assert!(Action::from_name(&action.name()).is_some_and(|a| a.same_kind(&action)));
        }
        // Actions that carry data from the event loop cannot be bound.
        assert!(Action::from_name("loaded").is_none());
        assert!(Action::from_name("tick").is_none());
    }
}
