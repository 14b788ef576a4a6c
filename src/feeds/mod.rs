//! The followed feeds: the `feeds` file that lists them, each refreshed over the network and read
//! by `sources`, and their new articles kept in the store. What `saidso fetch` and the reader's
//! refresh both do.

mod file;
mod keep;
mod opml;
mod refresh;
mod tags;

pub use file::{
    BadLine, Subscription, check_url as check_feed_url, default_path as default_feeds_path,
    line as feeds_line, parse as parse_feeds, read as read_feeds, subscription, tags_of,
    with_added, without,
};
pub use keep::{Report, refresh_and_keep};
pub use opml::{Outlines, parse as parse_opml, write as write_opml};
pub use refresh::{FEEDS_AT_ONCE, Outcome, Refreshed, Seen, refresh};
pub use tags::tags_by_article;
