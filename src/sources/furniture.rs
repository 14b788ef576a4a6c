//! Page furniture: the parts of a web page that are not the article (banners, share bars,
//! captions, bylines, lists of other articles), removed before the article is looked for. What
//! counts as furniture is data, `assets/furniture.toml`; the rule that furniture never takes the
//! article with it is here.

use std::sync::LazyLock;

use dom_query::{Document, NodeRef, Selection};
use serde::Deserialize;

/// Never text: removed wherever they are.
const NOT_TEXT: &str = "script, style, noscript, template, iframe";

/// What marks the article's own container: an element holding one of these is never furniture.
const CONTENT: &str = "article, main, h1, [itemprop='articleBody']";

/// The built-in furniture list.
const BUILTIN: &str = include_str!("../../assets/furniture.toml");

/// The furniture list as written in `assets/furniture.toml`.
#[derive(Debug, Deserialize)]
struct Furniture {
    /// Tags that are furniture wherever they are.
    elements: Vec<String>,
    /// Whole words of a class or id that name furniture.
    words: Vec<String>,
}

impl Furniture {
    fn parse(text: &str) -> Result<Self, toml::de::Error> {
        crate::assets::parse_strict(text)
    }
}

/// The furniture tags as one selector, and the furniture words.
static FURNITURE: LazyLock<(String, Vec<String>)> = LazyLock::new(|| {
    let list = crate::assets::builtin("assets/furniture.toml", Furniture::parse(BUILTIN));
    (list.elements.join(", "), list.words)
});

/// `doc` without its furniture.
pub(super) fn removed(doc: Document) -> Document {
    doc.select(NOT_TEXT).remove();
    let root = doc.select("body");
    let root = if root.exists() { root } else { doc.select(":root") };
    let total = root.text().len();
    let (elements, words) = &*FURNITURE;
    let by_name = doc.select("[class], [id]");
    let named = by_name.nodes().iter().filter(|n| has_furniture_name(n, words));
    let tagged = doc.select(elements);
    let marked: Vec<NodeRef> = named.chain(tagged.nodes()).copied().collect();
    remove_unless_content(marked, total);
    doc
}

/// The article Readability found (`article`, its HTML) without the lists of other articles
/// left in it. This comes after the article is found, not before: the links are what tells
/// Readability a block of teasers from the text.
pub(super) fn without_link_lists(article: Document) -> Document {
    let total = article.select("body").text().len();
    let lists = link_lists(&article);
    remove_unless_content(lists, total);
    article
}

/// Removes each of `marked` that does not hold the article (of `total` bytes of text).
fn remove_unless_content(marked: Vec<NodeRef>, total: usize) {
    for node in marked {
        if !holds_content(&node, total) {
            node.remove_from_parent();
        }
    }
}

/// Least words of a paragraph or heading that is a headline linking to another page.
const HEADLINE_WORDS: usize = 3;

/// Lists of other articles: a paragraph or heading that is one link to another page (a
/// headline), and a list of two or more items that are all such links. A link to a place on the
/// same page (`#notes`) is the text's own, and so is a bare address (`www.example.org`, one
/// word), given as a source.
fn link_lists(doc: &Document) -> Vec<NodeRef<'_>> {
    let mut out = Vec::new();
    let headlines = doc.select("p, h2, h3, h4, h5, h6");
    for node in headlines.nodes() {
        let text = Selection::from(*node).text();
        let words = text.split_whitespace().count();
        if words >= HEADLINE_WORDS && is_all_link(node) {
            out.push(*node);
        }
    }
    let lists = doc.select("ul, ol");
    for list in lists.nodes() {
        let items: Vec<NodeRef> = list.element_children().into_iter().collect();
        let all_links = items.len() >= 2
            && items.iter().all(|i| i.node_name().as_deref() == Some("li") && is_all_link(i));
        if all_links {
            out.push(*list);
        }
    }
    out
}

/// True when all the text of `node` is in links to other pages.
fn is_all_link(node: &NodeRef) -> bool {
    let selection = Selection::from(*node);
    let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let all = letters(&selection.text());
    let links = selection.select("a[href]");
    let elsewhere = links.nodes().iter().filter(|a| {
        a.attr("href").is_some_and(|h| !h.trim_start().starts_with('#') && !h.trim().is_empty())
    });
    let linked: usize = elsewhere.map(|a| letters(&a.text())).sum();
    all > 0 && linked >= all
}

/// True when a class or id of `node` has a word that names furniture.
fn has_furniture_name(node: &NodeRef, words: &[String]) -> bool {
    let names = [node.attr("class"), node.attr("id")];
    names.iter().flatten().any(|name| words_of_name(name).any(|w| words.contains(&w)))
}

/// The words of a class or id, lower-cased: split at anything not a letter or digit and where
/// a lower-case letter meets an upper-case one (`videoShareTools`: video, share, tools).
fn words_of_name(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).flat_map(|part| {
        let mut words = Vec::new();
        let mut word = String::new();
        let mut lower = false;
        for c in part.chars() {
            if c.is_uppercase() && lower {
                words.push(std::mem::take(&mut word));
            }
            lower = c.is_lowercase();
            word.extend(c.to_lowercase());
        }
        words.push(word);
        words
    })
}

/// True when removing `node` would take the article with it: the page's root, the article's
/// container or an ancestor of it, or an element with most of the page's text (`total` bytes).
fn holds_content(node: &NodeRef, total: usize) -> bool {
    let name = node.node_name().unwrap_or_default();
    if matches!(&*name, "html" | "body" | "main" | "article") {
        return true;
    }
    let selection = Selection::from(*node);
    selection.select(CONTENT).exists() || selection.text().len() * 2 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_parses() {
        let list = Furniture::parse(BUILTIN).unwrap();
        assert!(list.elements.iter().any(|e| e == "figcaption"));
        assert!(list.words.iter().any(|w| w == "share"));
        assert!(list.words.iter().all(|w| *w == w.to_lowercase()), "words are lower case");
    }

    #[test]
    fn furniture_is_told_by_whole_words_of_class_names() {
        let words = |n: &str| words_of_name(n).collect::<Vec<_>>();
        assert_eq!(
            words("flag-videoVHSShareTools-on"),
            ["flag", "video", "vhsshare", "tools", "on"]
        );
        assert_eq!(words("gigya_share-btns"), ["gigya", "share", "btns"]);
        assert_eq!(words("shareBar"), ["share", "bar"]);
        assert!(!words("evolve-shared-mutable-history").contains(&"share".to_string()));
        assert!(!words("f_bucketcookies_on").contains(&"cookies".to_string()));
    }
}
