//! Cleaning: a raw document becomes an article of prose paragraphs with a title.
//!
//! Pure text in, article out: no I/O here. Boilerplate (adverts, promos, captions, widget errors)
//! is dropped by the data-driven [`Rules`]; a paragraph repeated later is kept once.

mod paragraphs;
mod rules;
mod title;

use std::collections::HashSet;
use std::ops::Range;

pub use rules::{BUILTIN as BUILTIN_RULES, Rules, RulesError, RulesFile};

use crate::model::{Article, ArticleId, Meta, RawDoc, collapse_whitespace};
use crate::text::{one_line, sanitize};

/// Cleans a raw document. `None` when nothing of it is prose.
pub fn clean(raw: RawDoc, rules: &Rules) -> Option<Article> {
    let text = sanitize(raw.text);
    let mut paragraphs: Vec<Range<usize>> =
        paragraphs::split(&text, |c| rules.is_bullet(c), |s| rules.is_boilerplate(s))
            .into_iter()
            .filter(|p| !p.boilerplate)
            .map(|p| p.range)
            .collect();
    drop_repeats(&text, &mut paragraphs);

    let title = match raw.title.map(|t| one_line(&t)).filter(|t| !t.is_empty()) {
        Some(t) => t,
        None => {
            let first = &text[paragraphs.first()?.clone()];
            if paragraphs.len() > 1 && title::is_headline(first) {
                paragraphs.remove(0);
                // Control characters were blanked where they stood: no runs of spaces.
                collapse_whitespace(first).into_owned()
            } else {
                title::from_lede(&collapse_whitespace(first))
            }
        }
    };
    if paragraphs.is_empty() {
        return None;
    }
    Some(Article {
        id: ArticleId::of(&text),
        path: raw.path,
        title,
        text,
        paragraphs,
        meta: safe_meta(raw.meta),
        offsets: raw.offsets,
    })
}

/// The source's metadata made safe where it enters, as the text is: a feed's or a dataset's
/// fields are as untrusted as the article.
fn safe_meta(meta: Meta) -> Meta {
    let field = |f: Option<String>| f.map(|s| one_line(&s)).filter(|s| !s.is_empty());
    Meta {
        url: field(meta.url),
        date: field(meta.date),
        author: field(meta.author),
        site: field(meta.site),
    }
}

/// Keeps the first of paragraphs that say the same words (case, punctuation and spacing aside).
fn drop_repeats(text: &str, paragraphs: &mut Vec<Range<usize>>) {
    let mut seen = HashSet::new();
    let mut key: Vec<u8> = Vec::new();
    paragraphs.retain(|r| {
        key.clear();
        let paragraph = &text[r.clone()];
        let mut i = 0;
        while let Some(&b) = paragraph.as_bytes().get(i) {
            // ASCII a run at a time, up to the next non-ASCII byte: every byte is written
            // lower-cased and kept only when a letter or digit, with no branch to mispredict.
            if b.is_ascii() {
                let bytes = paragraph.as_bytes();
                let end =
                    bytes[i..].iter().position(|c| !c.is_ascii()).map_or(bytes.len(), |p| i + p);
                let mut kept = key.len();
                key.resize(kept + (end - i), 0);
                for &c in &bytes[i..end] {
                    if let Some(slot) = key.get_mut(kept) {
                        *slot = c.to_ascii_lowercase();
                    }
                    kept += usize::from(c.is_ascii_alphanumeric());
                }
                key.truncate(kept);
                i = end;
                continue;
            }
            let Some(c) = paragraph[i..].chars().next() else { break };
            if c.is_alphanumeric() {
                for lower in c.to_lowercase() {
                    key.extend_from_slice(lower.encode_utf8(&mut [0; 4]).as_bytes());
                }
            }
            i += c.len_utf8();
        }
        seen.insert(xxhash_rust::xxh3::xxh3_64(&key))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Option<Article> {
        let raw = RawDoc { path: "t.txt".into(), text: text.into(), ..RawDoc::default() };
        clean(raw, &Rules::builtin())
    }

    #[test]
    fn headline_becomes_title_and_leaves_the_body() {
        let a = article("Talks to resume in Minsk\n\nThe talks resume today.\n").unwrap();
        assert_eq!(a.title, "Talks to resume in Minsk");
        assert_eq!(a.paragraph_texts().collect::<Vec<_>>(), ["The talks resume today."]);
    }

    #[test]
    fn repeated_paragraph_is_kept_once() {
        let a = article("First one here.\n\nSecond.\n\nFirst  one here.\n").unwrap();
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn all_boilerplate_is_no_article() {
        assert!(article("Advertisement\n\nAdvert\n").is_none());
    }
}
