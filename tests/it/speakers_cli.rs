//! `saidso speakers` and `saidso quotes --speaker` through the real binary.

use crate::common::{jsonl, saidso};
use serde_json::Value;

fn named<'a>(rows: &'a [Value], name: &str) -> Vec<&'a Value> {
    let has = |r: &Value| r["variants"].as_array().is_some_and(|v| v.iter().any(|v| v == name));
    rows.iter().filter(|r| has(r)).collect()
}

fn counts(row: &Value) -> (u64, u64) {
    (row["quotes"].as_u64().unwrap_or(0), row["articles"].as_u64().unwrap_or(0))
}

#[test]
fn speakers_jsonl_of_the_fixtures() {
    let rows = jsonl(&["speakers", "--format", "jsonl", "tests/fixtures/speakers"]);
    for row in &rows {
        for key in ["id", "name", "variants", "quotes", "articles", "kind"] {
            assert!(!row[key].is_null(), "{key} missing in {row}");
        }
    }
    assert_eq!(rows[0]["name"], "Oleksiy Danylyuk");
    assert_eq!(counts(&rows[0]), (4, 3));
    assert_eq!(rows[0]["kind"], "person");
    let ministry = named(&rows, "Ministry of Health");
    assert_eq!(ministry.len(), 1);
    assert_eq!(ministry[0]["kind"], "organisation");
    let petrenkos: Vec<&Value> = rows
        .iter()
        .filter(|r| r["name"].as_str().is_some_and(|n| n.ends_with("Petrenko")))
        .collect();
    assert_eq!(petrenkos.len(), 3, "Ivan, Maryna, and the bare surname of article c");
}

#[test]
fn speakers_jsonl_of_the_seeds() {
    let rows = jsonl(&["speakers", "--format", "jsonl", "seeds/"]);
    let zelensky = named(&rows, "Zelenskiy");
    assert_eq!(zelensky.len(), 1, "Zelensky is listed once");
    for spelling in ["Zelensky", "Zelenskyy", "Zelenskiy"] {
        assert_eq!(named(&rows, spelling).len(), 1, "{spelling}");
        assert_eq!(named(&rows, spelling)[0], zelensky[0]);
    }
    assert_eq!(zelensky[0]["articles"], 4);
    // Articles that quote or report them.
    for (name, articles) in [("Vladimir Putin", 5), ("Dmitry Peskov", 3), ("Sergei Lavrov", 2)] {
        let rows: Vec<&Value> = rows.iter().filter(|r| r["name"] == name).collect();
        assert_eq!(rows.len(), 1, "{name} is listed once");
        assert_eq!(rows[0]["articles"], articles, "{name}");
        assert_eq!(rows[0]["kind"], "person");
    }
    let pronouns = ["he", "she", "it", "they", "him", "her", "we", "i", "you"];
    for row in &rows {
        let name = row["name"].as_str().unwrap_or_default().to_lowercase();
        assert!(!pronouns.contains(&name.as_str()), "{row}");
    }
    let said = |r: &Value| r["quotes"].as_u64().unwrap_or(0) + r["reported"].as_u64().unwrap_or(0);
    let quotes: Vec<u64> = rows.iter().map(said).collect();
    assert!(quotes.windows(2).all(|w| w[0] >= w[1]), "sorted by attributions: {quotes:?}");
}

#[test]
fn speakers_table_has_a_header_and_a_line_a_speaker() {
    let out = saidso().args(["speakers", "tests/fixtures/speakers"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert!(lines.next().is_some_and(|h| h.contains("QUOTES") && h.contains("NAME")));
    let first = lines.next().unwrap_or_default();
    assert!(first.contains("Oleksiy Danylyuk") && first.contains("Danilyuk"), "{first}");
}

#[test]
fn quotes_speaker_selects_by_any_spelling() {
    let all = jsonl(&["quotes", "tests/fixtures/speakers"]);
    assert!(all.iter().all(|r| r.get("speaker_id").is_some()));
    for spelling in
        ["Danilyuk", "Oleksiy Danyliuk", "deputy minister Danylyuk", "danylyuk", "oleksiy danyliuk"]
    {
        let rows = jsonl(&["quotes", "--speaker", spelling, "tests/fixtures/speakers"]);
        assert_eq!(rows.len(), 4, "{spelling}");
        assert!(rows.iter().all(|r| r["speaker_id"] == "oleksiy-danylyuk"), "{spelling}");
    }
    let seeds = jsonl(&["quotes", "--speaker", "Zelenskiy", "seeds/"]);
    let files: std::collections::BTreeSet<&str> =
        seeds.iter().filter_map(|r| r["file"].as_str()).collect();
    assert_eq!(files.len(), 4);
}

#[test]
fn quotes_speaker_unknown_is_an_error() {
    let out =
        saidso().args(["quotes", "--speaker", "Nobody Atall", "tests/fixtures/speakers"]).output();
    let out = out.unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no speaker called"));
}

#[test]
fn the_config_file_adds_aliases() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[[speakers.person]]\nname = \"Dmitry Peskov\"\naliases = [\"Kremlin spokesman\"]\n",
    )
    .expect("write config");
    let config = config.display().to_string();
    let rows = jsonl(&["--config", &config, "speakers", "--format", "jsonl", "seeds/"]);
    let peskov: Vec<&Value> = rows.iter().filter(|r| r["name"] == "Dmitry Peskov").collect();
    assert_eq!(peskov.len(), 1);
    // Article 000 has the Kremlin spokesman's words, quoted, but nothing else of Peskov's.
    assert_eq!(counts(peskov[0]), (5, 4), "the Kremlin spokesman of article 000 is Peskov now");
    assert!(rows.iter().all(|r| r["name"] != "Kremlin spokesman"));
    // Without the alias, a description with no name in it is nobody's identity.
    let without = jsonl(&["speakers", "--format", "jsonl", "seeds/"]);
    assert!(without.iter().all(|r| r["name"] != "Kremlin spokesman"));
    assert!(without.iter().any(|r| r["name"] == "Dmitry Peskov"));
}

#[test]
fn a_bad_alias_section_is_an_error_naming_the_file() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[speakers]\ngiven_names = \"joe\"\n").expect("write config");
    let out = saidso()
        .args(["--config", &config.display().to_string(), "speakers", "seeds/"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("config.toml"));
}
