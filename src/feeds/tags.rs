//! The tags of the followed feeds, carried over to the articles fetched from them, so the
//! reader can list a tag's articles.

use std::collections::HashMap;

use super::Subscription;
use crate::model::ArticleId;
use crate::store::Store;

/// The tags of each stored article: those its feed has in the feeds file. Articles of feeds
/// with no tag (or no longer followed) are left out; a store that cannot be read gives none.
pub fn tags_by_article(store: &Store, feeds: &[Subscription]) -> HashMap<ArticleId, Vec<String>> {
    let tags: HashMap<&str, &Vec<String>> =
        feeds.iter().filter(|f| !f.tags.is_empty()).map(|f| (f.url.as_str(), &f.tags)).collect();
    let articles = store.article_feeds().unwrap_or_default();
    articles
        .into_iter()
        .filter_map(|(id, feed)| tags.get(feed.as_str()).map(|t| (id, t.to_vec())))
        .collect()
}
