//! Search in the article shown: case-insensitive, the query's spaces matching any white space
//! (the text keeps its hard wraps), matches only in what the pane shows of the text: the
//! headline and the cleaned paragraphs.

use std::ops::Range;

use crate::model::Article;

/// The search in force and where it matches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    /// What was typed.
    pub query: String,
    /// Matches as byte ranges into the article text, in order.
    pub matches: Vec<Range<usize>>,
    /// The match last jumped to.
    pub current: Option<usize>,
}

impl Search {
    /// True when there is a query.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// Finds the query in `article`, forgetting the current match.
    pub fn run(&mut self, article: Option<&Article>) {
        self.matches = article.map(|a| find(a, &self.query)).unwrap_or_default();
        self.current = None;
    }

    /// The first match at or after byte `offset` (wrapping around), made current.
    pub fn next_from(&mut self, offset: usize) -> Option<Range<usize>> {
        let i = self.matches.partition_point(|m| m.start < offset);
        self.select(if i < self.matches.len() { i } else { 0 })
    }

    /// The match after the current one (wrapping around), made current.
    pub fn step(&mut self, forward: bool) -> Option<Range<usize>> {
        let n = self.matches.len();
        let i = match (self.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n.max(1),
            (Some(i), false) => (i + n.max(1) - 1) % n.max(1),
        };
        self.select(i)
    }

    fn select(&mut self, i: usize) -> Option<Range<usize>> {
        let m = self.matches.get(i)?.clone();
        self.current = Some(i);
        Some(m)
    }
}

/// Every match of `query` in the headline (when the title is the text's first line) and the
/// paragraphs of `article`: what the pane shows of the text.
fn find(article: &Article, query: &str) -> Vec<Range<usize>> {
    let words: Vec<String> = query.split_whitespace().map(regex::escape).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let Ok(re) = regex::RegexBuilder::new(&words.join(r"\s+")).case_insensitive(true).build()
    else {
        return Vec::new();
    };
    let mut matches = Vec::new();
    let headline = crate::extract::headline(article);
    for p in headline.iter().chain(&article.paragraphs) {
        let Some(text) = article.text.get(p.clone()) else { continue };
        matches.extend(re.find_iter(text).map(|m| p.start + m.start()..p.start + m.end()));
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, Meta};

    #[test]
    fn finds_across_hard_wraps_ignoring_case_and_steps_around() {
        let text = "Peskov said\nthat. Boilerplate peskov\n\nThen PESKOV SAID no.";
        let article = Article {
            id: ArticleId::of(text),
            path: "t".into(),
            title: "t".into(),
            text: text.into(),
            paragraphs: vec![0..17, 38..text.len()],
            meta: Meta::default(),
            offsets: Default::default(),
        };
        let mut search = Search { query: "peskov  said".into(), ..Search::default() };
        search.run(Some(&article));
        assert_eq!(search.matches, [0..11, 43..54]);
        assert_eq!(search.next_from(5), Some(43..54));
        assert_eq!(search.step(true), Some(0..11));
        assert_eq!(search.step(false), Some(43..54));
    }
}
