//! Cleaning on the real seed articles: titles, every boilerplate line gone, every prose line kept,
//! and byte ranges that slice the original text back to the paragraphs.

use saidso::clean::{Rules, clean};
use saidso::model::RawDoc;
use saidso::model::{Article, collapse_whitespace};
use saidso::sources::SEEDS;

/// The five seed articles, cleaned with the built-in rules, in path order.
fn seed_articles() -> Vec<Article> {
    SEEDS.iter().map(|&(name, text)| cleaned(name, text).expect("every seed has prose")).collect()
}

/// An article cleaned from `text`.
fn cleaned(path: &str, text: &str) -> Option<Article> {
    let raw = RawDoc { path: path.into(), text: text.into(), ..RawDoc::default() };
    clean(raw, &Rules::builtin())
}

fn boilerplate() -> Vec<String> {
    include_str!("../fixtures/seed_boilerplate.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(content)
        .collect()
}

/// A seed line with its list bullet removed and its white space (no-break spaces too) collapsed.
fn content(line: &str) -> String {
    collapse_whitespace(line.trim().trim_start_matches('•')).into_owned()
}

#[test]
fn titles_of_the_seeds() {
    let titles: Vec<String> = seed_articles().into_iter().map(|a| a.title).collect();
    assert_eq!(
        titles,
        [
            "Putin is willing to have meeting with Zelenskyy, Russia says",
            "Russian president Vladimir Putin has said he is prepared to hold talks with…",
            "Russian President, Vladimir Putin, has reportedly said that Russia is open to…",
            "Putin ready to send negotiation team for talks as Russian troops encircle Kiev",
            "Vladimir Putin has said he is ready to negotiate directly with Volodymyr…",
        ]
    );
}

#[test]
fn every_boilerplate_line_is_gone_and_every_prose_line_kept() {
    let boilerplate = boilerplate();
    for (article, (name, original)) in seed_articles().iter().zip(SEEDS) {
        let body: Vec<String> = article.paragraph_texts().map(|p| p.into_owned()).collect();
        let has = |line: &str| body.iter().any(|p| p.contains(line));
        for (i, line) in original.lines().map(content).enumerate() {
            if line.is_empty() || (i == 0 && line == article.title) {
                continue;
            }
            if boilerplate.contains(&line) {
                assert!(!has(&line), "{name}: boilerplate kept: {line}");
            } else {
                assert!(has(&line), "{name}: prose lost: {line}");
            }
        }
    }
}

#[test]
fn the_repeated_paragraph_is_kept_once() {
    let article = &seed_articles()[3];
    let repeated = "The negotiations could put an end to Ukraine's NATO ambitions";
    let copies = article.paragraph_texts().filter(|p| p.starts_with(repeated)).count();
    assert_eq!(SEEDS[3].1.matches(repeated).count(), 2);
    assert_eq!(copies, 1);
}

#[test]
fn byte_ranges_slice_the_original_back_to_the_paragraphs() {
    for (article, (_, original)) in seed_articles().iter().zip(SEEDS) {
        assert_eq!(article.text, original, "seed text is kept unchanged");
        for (i, range) in article.paragraphs.iter().enumerate() {
            assert_eq!(collapse_whitespace(&original[range.clone()]), article.paragraph(i));
        }
    }
}

#[test]
fn hard_wrapped_markdown_with_bullets_and_indentation() {
    let text = "# Council votes to close the bridge\n\nThe council voted on Tuesday to close\nthe old bridge for repairs, the mayor said.\n\n  * Read more: Bridge history\n\n> \"It is not safe,\" the engineer said.\n";
    let article = cleaned("test.md", text).unwrap();
    assert_eq!(article.title, "Council votes to close the bridge");
    let paragraphs: Vec<_> = article.paragraph_texts().collect();
    assert_eq!(
        paragraphs,
        [
            "The council voted on Tuesday to close the old bridge for repairs, the mayor said.",
            "\"It is not safe,\" the engineer said."
        ]
    );
}

#[test]
fn control_characters_never_reach_the_article() {
    let article = cleaned(
        "test.txt",
        "Title line here\n\nHe said \x1b[2J\x1b]0;pwned\x07it was \u{202e}fine\u{9b}31m today.\n",
    )
    .unwrap();
    let p = article.paragraph(0);
    assert!(!p.chars().any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)), "{p:?}");
    assert!(p.contains("it was") && p.contains("fine"));
}

#[test]
fn a_headline_with_control_sequences_reads_as_one_spaced_line() {
    let article =
        cleaned("test.txt", "Storm \x1b[31mwarning\x1b[0m for the coast\n\nRain fell all day.\n")
            .unwrap();
    assert_eq!(article.title, "Storm warning for the coast");
}
