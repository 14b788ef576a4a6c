//! What a key can be bound to: a fieldless [`Command`] whose keymap names (`page-down`), list
//! and help descriptions all come from the enum itself, so none of them is kept by hand.

use std::str::FromStr;

use strum::{EnumIter, EnumMessage, EnumString, IntoEnumIterator, IntoStaticStr};

/// One thing a key can ask for. Variants are declared in the order the help overlay lists them;
/// each one's `message` is its line in the help.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, EnumString, IntoStaticStr, EnumMessage,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Command {
    /// Move the selection, or scroll, one line down.
    #[strum(message = "move down / scroll down")]
    Down,
    /// One line up.
    #[strum(message = "move up / scroll up")]
    Up,
    /// One page down.
    #[strum(message = "page down")]
    PageDown,
    /// One page up.
    #[strum(message = "page up")]
    PageUp,
    /// Half a page down.
    #[strum(message = "half a page down")]
    HalfPageDown,
    /// Half a page up.
    #[strum(message = "half a page up")]
    HalfPageUp,
    /// To the top.
    #[strum(message = "go to the top")]
    Top,
    /// To the bottom.
    #[strum(message = "go to the bottom")]
    Bottom,
    /// Focus the next panel (the only panel shown, in the narrow layout).
    #[strum(message = "next panel")]
    FocusNext,
    /// Focus the previous panel.
    #[strum(message = "previous panel")]
    FocusPrev,
    /// Open the selected article, or jump to the selected quote.
    #[strum(message = "open the article / jump to the quote")]
    Open,
    /// Show the next article in the list, from any panel.
    #[strum(message = "next article, from any panel")]
    NextArticle,
    /// Show the previous article in the list.
    #[strum(message = "previous article, from any panel")]
    PrevArticle,
    /// Go to the next unread article in the list, from any panel.
    #[strum(message = "next unread article")]
    NextUnread,
    /// Select the next quote, from any panel.
    #[strum(message = "next quote")]
    NextQuote,
    /// Select the previous quote.
    #[strum(message = "previous quote")]
    PrevQuote,
    /// Go to the next article that carries the selected quote.
    #[strum(message = "next article with the same quote")]
    NextSameQuote,
    /// Show or hide the record's passage for the selected quote (`saidso --record`).
    #[strum(message = "show the record's passage for the selected quote")]
    RecordPassage,
    /// Open or close the speakers view.
    #[strum(message = "speakers across the articles")]
    Speakers,
    /// Start typing a search in the article.
    #[strum(message = "search in the article")]
    Search,
    /// Next search match.
    #[strum(message = "next match")]
    SearchNext,
    /// Previous search match.
    #[strum(message = "previous match")]
    SearchPrev,
    /// Start typing a filter for the article list.
    #[strum(message = "filter articles by title and text")]
    Filter,
    /// Show only the quotes of the next speaker.
    #[strum(message = "cycle the speaker filter")]
    SpeakerFilter,
    /// Show or hide partial quotes.
    #[strum(message = "show or hide partial quotes")]
    TogglePartials,
    /// Show or hide reported speech.
    #[strum(message = "show or hide reported speech")]
    ToggleReported,
    /// Star the article, or take its star away.
    #[strum(message = "star / unstar the article")]
    ToggleStar,
    /// Mark the article read, or unread again.
    #[strum(message = "mark the article read / unread")]
    ToggleRead,
    /// Mark every article listed read.
    #[strum(message = "mark every listed article read")]
    MarkAllRead,
    /// Undo the last change of marks.
    #[strum(message = "undo the last mark change")]
    UndoMark,
    /// Copy the selected quote with its attribution to the clipboard.
    #[strum(message = "copy the quote with its attribution")]
    Copy,
    /// Choose what the list shows: all, unread, starred, one source.
    #[strum(message = "sources: all, unread, starred, each source")]
    Sources,
    /// List only unread articles, or all again.
    #[strum(message = "list unread articles only / all")]
    UnreadOnly,
    /// Export the quotes of the article shown as Markdown.
    #[strum(message = "export the article's quotes as Markdown")]
    Export,
    /// Export the quotes of every article listed as Markdown.
    #[strum(message = "export the quotes of every article listed")]
    ExportAll,
    /// Show the cleaned article in the pager (`$PAGER`, else `less`).
    #[strum(message = "the article in the pager ($PAGER)")]
    Pager,
    /// Open the article's link in the browser.
    #[strum(message = "open the article's link in the browser")]
    OpenLink,
    /// Order the list the next way: as given, by title, most quotes, by date.
    #[strum(message = "order the list: as given, title, quotes, date")]
    CycleOrder,
    /// Give the focused panel the whole width, or share it again.
    #[strum(message = "zoom the focused panel / unzoom")]
    Zoom,
    /// Hide the quotes panel, or show it again.
    #[strum(message = "hide / show the quotes panel")]
    ToggleQuotes,
    /// Make the list wider.
    #[strum(message = "widen the list")]
    WidenList,
    /// Make the list narrower.
    #[strum(message = "narrow the list")]
    NarrowList,
    /// Refresh the followed feeds in the background; new articles join the list.
    #[strum(message = "refresh the followed feeds (in the background)")]
    Refresh,
    /// Close what is open, or clear the search, then the filter.
    #[strum(message = "close, or clear search, filter, speaker")]
    Cancel,
    /// List every warning and problem met so far.
    #[strum(message = "messages: every warning so far")]
    Messages,
    /// Suspend the reader to the shell (`fg` comes back).
    #[strum(message = "suspend (fg comes back)")]
    Suspend,
    /// Show or hide the help overlay.
    #[strum(message = "show or hide this help")]
    Help,
    /// Leave the reader.
    #[strum(message = "quit")]
    Quit,
}

impl Command {
    /// Every command, in the order the help overlay lists them.
    pub fn all() -> impl Iterator<Item = Command> {
        Command::iter()
    }

    /// The command's name in the keymap (`page-down`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The command named `name` in the keymap (`page-down`), if there is one.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::from_str(name).ok()
    }

    /// What the command does, as the help overlay says it.
    pub fn description(self) -> &'static str {
        // Every variant has a message: a test checks it.
        self.get_message().unwrap_or_default()
    }

    /// True for the commands that move a selection or scroll: overlays that scroll take these.
    pub fn is_motion(self) -> bool {
        matches!(
            self,
            Command::Down
                | Command::Up
                | Command::PageDown
                | Command::PageUp
                | Command::HalfPageDown
                | Command::HalfPageUp
                | Command::Top
                | Command::Bottom
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_named_in_kebab_case_and_read_back() {
        assert_eq!(Command::from_name("page-down"), Some(Command::PageDown));
        assert_eq!(Command::from_name("toggle-partials"), Some(Command::TogglePartials));
        assert_eq!(Command::HalfPageUp.name(), "half-page-up");
        assert_eq!(Command::from_name("PageDown"), None);
        assert_eq!(Command::from_name("tick"), None);
        for command in Command::all() {
            assert_eq!(Command::from_name(command.name()), Some(command));
        }
    }

    #[test]
    fn every_command_is_described() {
        for command in Command::all() {
            assert!(command.get_message().is_some_and(|m| !m.is_empty()), "{command:?}");
        }
        assert_eq!(Command::all().count(), 48);
    }
}
