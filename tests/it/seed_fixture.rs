//! Scores the extractor on every quote of the five seed articles, annotated by hand in
//! `tests/fixtures/seed_quotes.json`.

use std::collections::BTreeMap;

use saidso::clean::{Rules, clean};
use saidso::extract::{Extractor, QuoteKind};
use saidso::model::Meta;
use saidso::sources::RawDoc;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Gold {
    text: String,
    kind: String,
    speaker: Option<String>,
}

#[test]
fn every_seed_quote_is_found_with_its_speaker_and_nothing_else() {
    let fixture = include_str!("../fixtures/seed_quotes.json");
    let gold: BTreeMap<String, Vec<Gold>> = serde_json::from_str(fixture).unwrap();
    let extractor = Extractor::builtin();
    let (mut predicted, mut correct, mut found, mut attributed, mut kinds) = (0, 0, 0, 0, 0);
    let mut total = 0;
    let mut report = Vec::new();
    for (file, gold) in &gold {
        let path = format!("{}/seeds/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let raw = RawDoc { path, text, title: None, meta: Meta::default() };
        let article = clean(raw, &Rules::builtin()).unwrap();
        let quotes = extractor.extract(&article);
        predicted += quotes.len();
        total += gold.len();
        for q in &quotes {
            let text = q.text(&article.text);
            match gold.iter().find(|g| g.text == text) {
                Some(g) => {
                    correct += 1;
                    found += 1;
                    let kind = match q.kind {
                        QuoteKind::Direct => "direct",
                        QuoteKind::Partial => "partial",
                        QuoteKind::Indirect => "indirect",
                    };
                    kinds += usize::from(kind == g.kind);
                    if q.speaker == g.speaker {
                        attributed += 1;
                    } else {
                        report.push(format!(
                            "{file}: {text:?} by {:?}, want {:?}",
                            q.speaker, g.speaker
                        ));
                    }
                }
                None => report.push(format!("{file}: false quote {text:?}")),
            }
        }
        for g in gold {
            if !quotes.iter().any(|q| q.text(&article.text) == g.text) {
                report.push(format!("{file}: missed {:?}", g.text));
            }
        }
    }
    let precision = correct as f64 / predicted.max(1) as f64;
    let recall = found as f64 / total.max(1) as f64;
    let speakers = attributed as f64 / found.max(1) as f64;
    println!(
        "seeds: {total} quotes, precision {precision:.3}, recall {recall:.3}, speaker accuracy \
         {speakers:.3}, kind accuracy {:.3}",
        kinds as f64 / found.max(1) as f64
    );
    assert!(report.is_empty(), "{}", report.join("\n"));
    assert_eq!((correct, found, attributed, kinds), (predicted, total, total, total));
}
