//! What `update` asks the outside world to do: the event loop performs these after each update,
//! so `update` stays pure.

use crate::model::ArticleId;

/// One thing to do outside the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save an article's read mark.
    SaveRead(ArticleId, bool),
    /// Save an article's star.
    SaveStarred(ArticleId, bool),
    /// Save an article's reading position: the byte offset of the top row in view.
    SavePosition(ArticleId, u64),
    /// Remember the article open last.
    SaveLastOpen(ArticleId),
    /// Put this text on the system clipboard (OSC 52 to the terminal).
    Copy(String),
    /// Open this link in the browser.
    OpenLink(String),
    /// Refresh the followed feeds in the background, and send what they brought back.
    Refresh,
    /// Give the terminal back and stop until the shell's `fg`, then take it again and redraw.
    Suspend,
    /// Show this text in the pager (`$PAGER`, else `less`), then take the terminal again.
    Pager(String),
    /// Write quotes as Markdown to a new file named after `stem` (`saidso-quotes-<stem>.md`,
    /// with `-2`, `-3`… rather than overwriting).
    Export {
        /// What the file name is made from.
        stem: String,
        /// The file's content.
        markdown: String,
    },
}
