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
}
