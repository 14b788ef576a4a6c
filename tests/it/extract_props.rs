//! Property tests: any input, however broken, gives quotes inside the article, on character
//! boundaries, without a panic.

use proptest::prelude::*;
use saidso::clean::{Rules, clean};
use saidso::extract::Extractor;
use saidso::model::Article;
use saidso::model::RawDoc;

fn article_of(text: String) -> Option<Article> {
    let raw = RawDoc { path: "p.txt".into(), text, ..RawDoc::default() };
    clean(raw, &Rules::builtin())
}

/// Every range the extractor gives lies in the text and on character boundaries.
fn check(article: &Article) -> Result<(), TestCaseError> {
    let text = &article.text;
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    for q in Extractor::builtin().extract(article) {
        for p in &q.pieces {
            prop_assert!(ok(p), "piece {p:?} of {} bytes", text.len());
            prop_assert!(!p.is_empty());
        }
        prop_assert!(ok(&q.span()));
        prop_assert!(q.mention.as_ref().is_none_or(ok));
        prop_assert!(q.cue.as_ref().is_none_or(ok));
        prop_assert!(text.get(q.span()).is_some());
    }
    Ok(())
}

/// Text made of the pieces that trouble quote finding: marks of every kind, apostrophes,
/// names, speech verbs, punctuation and paragraph breaks.
fn troublesome() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ".",
        ",",
        ":",
        "—",
        "said",
        "he",
        "she",
        "it",
        "Putin",
        "Vladimir",
        "Mr",
        "the spokesman",
        "according to",
        "don't",
        "Russias'",
        "'90s",
        "rock 'n' roll",
        "é",
        "日本",
        "(",
        ")",
        "-",
        "according",
    ]);
    prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_bytes_decoded_lossily(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Some(a) = article_of(String::from_utf8_lossy(&bytes).into_owned()) {
            check(&a)?;
        }
    }

    #[test]
    fn unbalanced_marks_and_apostrophes(text in troublesome()) {
        if let Some(a) = article_of(text) {
            check(&a)?;
        }
    }

    #[test]
    fn huge_paragraphs(text in troublesome(), times in 20usize..100) {
        let one_paragraph = text.replace('\n', " ").repeat(times);
        if let Some(a) = article_of(one_paragraph) {
            check(&a)?;
        }
    }
}

#[test]
fn a_ten_megabyte_paragraph_of_quote_marks() {
    let marks = "\"“”'‘’«»\" '\"";
    let text = marks.repeat(10_000_000 / marks.len());
    let a = article_of(text).expect("marks are prose enough");
    check(&a).unwrap();
}

/// One sentence of a hundred thousand quotations, each beside a speech noun and far from the
/// sentence's subject: asking each for its speaker must not read back through the sentence.
#[test]
fn a_sentence_of_many_quotations_with_speech_nouns() {
    let text = format!("The panel of Mary Reed{}.", " made the claim \"a\" and".repeat(100_000));
    let a = article_of(text).expect("prose");
    check(&a).unwrap();
}

/// A text that stops just after its speech verb: the reported clause is empty, at the text's
/// end, and reading it must not look past the last word.
#[test]
fn a_text_that_stops_after_its_speech_verb() {
    for text in [
        "Defence said ",
        "The Ministry of Defence said\n",
        "\"Yes,\" Anna Berg said. Defence said ",
    ] {
        let a = article_of(text.to_string()).expect("prose");
        check(&a).unwrap();
        let all = Extractor::builtin().attributions_with_headline(&a);
        assert!(all.iter().all(|q| a.text.get(q.span()).is_some()), "{text:?}: {all:?}");
    }
}
