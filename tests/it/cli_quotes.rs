//! `saidso quotes` through the real binary.

use crate::common::{jsonl, saidso};

#[test]
fn jsonl_offsets_slice_the_seed_files_back_to_the_quotes() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let out = saidso().args(["quotes", "--quoted", "--format", "jsonl", seeds]).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut count = 0;
    for line in stdout.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in ["file", "article", "text", "kind", "speaker", "speaker_mention", "cue"] {
            assert!(row.get(key).is_some(), "{key} missing in {line}");
        }
        let file = std::fs::read_to_string(row["file"].as_str().unwrap()).unwrap();
        let (start, end) = (row["start"].as_u64().unwrap(), row["end"].as_u64().unwrap());
        let sliced = &file[start as usize..end as usize];
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = row["text"].as_str().unwrap();
        // A quote over paragraphs spans from its first word to its last.
        assert!(sliced.starts_with(text.split(' ').next().unwrap()), "{sliced:?} vs {text:?}");
        assert!(words(sliced).ends_with(text.rsplit(' ').next().unwrap()), "{sliced:?}");
        if !sliced.contains('\n') {
            assert_eq!(words(sliced), text);
        }
        count += 1;
    }
    assert_eq!(count, 30);
    assert!(stdout.contains(r#""speaker":"Dmitry Peskov""#));
    assert!(stdout.contains(r#""speaker_mention":"he""#));
}

#[test]
fn markdown_lists_quotes_under_titles() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/003_994e15704f090877.txt");
    let out =
        saidso().args(["quotes", "--quoted", "--format", "markdown", seed]).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("## Putin ready to send negotiation team"), "{stdout}");
    assert!(stdout.contains("- “help” — Dmitry Peskov\n"), "{stdout}");
}

#[test]
fn json_and_tsv_are_well_formed() {
    let out = saidso().args(["quotes", "--quoted", "--format", "json"]).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(30));
    // An article without quotes first, or only: still a JSON array.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Quiet day\n\nNothing was said at all today.\n")
        .unwrap();
    std::fs::copy("seeds/001_89bb0c79a03178b1.txt", dir.path().join("b.txt")).unwrap();
    for path in [dir.path().to_path_buf(), dir.path().join("a.txt")] {
        let out = saidso().args(["quotes", "--format", "json"]).arg(&path).assert().success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout)
            .unwrap_or_else(|e| panic!("{e}: {:?}", out.get_output()));
        assert!(v.is_array());
    }
    let out = saidso().args(["quotes", "--quoted", "--format", "tsv"]).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 31);
    assert!(stdout.lines().all(|l| l.split('\t').count() == 8));
}

/// `list` counts what `quotes` lists for each article, quoted or reported (and what the
/// reader's list shows).
#[test]
fn list_counts_the_rows_quotes_gives() {
    let out = saidso().args(["list", "--format", "jsonl"]).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let counts: Vec<(String, u64)> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| (v["id"].as_str().unwrap().to_string(), v["quotes"].as_u64().unwrap()))
        .collect();
    assert_eq!(counts.len(), 5);
    let out = saidso().args(["quotes", "--format", "jsonl"]).assert().success();
    let rows = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for (id, count) in counts {
        let listed = rows.lines().filter(|l| l.contains(&format!("\"id\":\"{id}\""))).count();
        assert_eq!(listed as u64, count, "article {id}");
    }
}

/// One line of more than a MiB, which extraction reads in windows: every quotation comes out,
/// in order, with its speaker and with offsets that slice the file back to its words.
#[test]
fn a_huge_one_line_file_gives_every_quotation_with_offsets_into_it() {
    let people = ["Ana Ruiz", "Tom Berg", "Mei Chen", "Ravi Patel"];
    let mut text = String::new();
    let mut n = 0;
    while text.len() < (1 << 20) + (64 << 10) {
        let who = people[n % people.len()];
        text.push_str(&format!(
            "\"We will open bridge number {n} in the spring,\" said {who}, the planning chief. \
             Gov. Lee signed the plan in March. "
        ));
        n += 1;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one-line.txt");
    std::fs::write(&file, &text).unwrap();
    let out =
        saidso().args(["quotes", "--quoted", "--format", "jsonl"]).arg(&file).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut count = 0;
    for (i, line) in stdout.lines().enumerate() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let quoted = format!("We will open bridge number {i} in the spring,");
        assert_eq!(row["text"].as_str(), Some(quoted.as_str()), "{line}");
        assert_eq!(row["speaker"].as_str(), Some(people[i % people.len()]), "{line}");
        let (start, end) = (row["start"].as_u64().unwrap(), row["end"].as_u64().unwrap());
        assert_eq!(words(&text[start as usize..end as usize]), quoted);
        count += 1;
    }
    assert_eq!(count, n);
}

/// `--kind` keeps the kinds it names; asking for the quoted words of indirect speech alone is
/// an error that says why, not an empty answer.
#[test]
fn kind_keeps_the_kinds_named_and_quoted_indirect_speech_is_an_error() {
    let kinds_of = |args: &[&str]| -> Vec<String> {
        let out = saidso().args(["quotes", "--format", "jsonl"]).args(args).assert().success();
        let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["kind"].to_string())
            .collect()
    };
    let indirect = kinds_of(&["--kind", "indirect"]);
    assert!(!indirect.is_empty() && indirect.iter().all(|k| k == "\"indirect\""));
    let quoted = kinds_of(&["--kind", "direct,partial"]);
    assert!(!quoted.is_empty() && quoted.iter().all(|k| k != "\"indirect\""));
    saidso()
        .args(["quotes", "--quoted", "--kind", "indirect"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("indirect speech has none"));
}

/// In a Markdown file, emphasis and links around a name are markup, not words: the speaker is
/// found as without them, and the offsets still slice the file back to the words.
#[test]
fn markdown_emphasis_and_links_around_a_speaker_are_looked_through() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("council.md");
    let text = "# Council backs the harbour plan\n\n**Jane Doe** said the plan was sound.\n\n\
                _Tom Reed_ said the vote was close.\n\n[Ann Lee](https://example.org/al) said \
                the pier would open in May.\n\n\"We will win,\" said [Jane Doe](https://x.example).\
                \n\nThe snake_case_name and 5 * 6 stay as they are.\n";
    std::fs::write(&file, text).unwrap();
    let rows = jsonl(&["quotes", "--format", "jsonl", file.to_str().unwrap()]);
    let said: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (r["speaker"].as_str().unwrap_or_default(), r["text"].as_str().unwrap_or_default())
        })
        .collect();
    assert_eq!(
        said,
        [
            ("Jane Doe", "the plan was sound"),
            ("Tom Reed", "the vote was close"),
            ("Ann Lee", "the pier would open in May"),
            ("Jane Doe", "We will win,"),
        ],
        "{rows:#?}"
    );
    for r in &rows {
        let (start, end) =
            (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], r["text"].as_str().unwrap());
        let mention = r["speaker_mention"].as_str().unwrap();
        assert!(!mention.contains(['*', '_', '[', ']']), "{mention}");
    }
    // The reader's text is the words, markup aside.
    let out = saidso().args(["read", file.to_str().unwrap()]).assert().success();
    let read = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(read.contains("Jane Doe said the plan was sound."), "{read}");
    assert!(read.contains("said Jane Doe."), "{read}");
    assert!(read.contains("The snake_case_name and 5 * 6 stay as they are."), "{read}");
}

/// Soft hyphens (and word joiners) are left out of a text file's and a dataset record's words,
/// as a page's are: the speaker's name and the quote are whole words, the reader shows no
/// hyphen, and the offsets still slice the file (or the record's text) back to the row's text,
/// the soft hyphens in it aside.
#[test]
fn soft_hyphens_are_no_part_of_the_words_and_offsets_still_slice_the_file() {
    let text = "Harbour plan\n\nThe plan for the har\u{ad}bour was sound, said the \
                gov\u{ad}ernor, Ana Ru\u{ad}iz.\n\n\u{201c}We will re\u{ad}open the pier in \
                May,\u{201d} said Tom Re\u{2060}ed, the en\u{ad}gineer.\n";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("harbour.txt");
    std::fs::write(&file, text).unwrap();
    let record = serde_json::json!({ "title": "Harbour plan", "text": text });
    let dataset = dir.path().join("harbour.jsonl");
    std::fs::write(&dataset, format!("{record}\n")).unwrap();
    let unhyphenated = |s: &str| s.replace(['\u{ad}', '\u{2060}'], "");
    for path in [&file, &dataset] {
        let rows = jsonl(&["quotes", "--format", "jsonl", path.to_str().unwrap()]);
        let said: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r["speaker"].as_str().unwrap(), r["text"].as_str().unwrap()))
            .collect();
        assert_eq!(
            said,
            [
                ("Ana Ruiz", "The plan for the harbour was sound"),
                ("Tom Reed", "We will reopen the pier in May,")
            ],
            "{path:?}: {rows:#?}"
        );
        for r in &rows {
            let (start, end) =
                (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
            assert_eq!(unhyphenated(&text[start..end]), r["text"].as_str().unwrap(), "{path:?}");
        }
        let out = saidso().args(["read", "--width", "200", path.to_str().unwrap()]).output();
        let read = String::from_utf8(out.unwrap().stdout).unwrap();
        assert!(read.contains("said the governor, Ana Ruiz."), "{read}");
        assert!(!read.contains(['\u{ad}', '\u{2060}']), "{read:?}");
    }
}
