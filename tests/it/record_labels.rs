//! The speaker labels of real transcripts through the real binary (`saidso check`): the
//! formats of transcription services and press briefings are read as labels, a line that
//! looks like a label but is not read as one is told, and `--speaker` says it ignores labels.

use crate::common::saidso;

/// `saidso check --format jsonl` on a record and an article written to a temporary folder:
/// the rows and what was said on stderr.
fn check(record: &str, article: &str, extra: &[&str]) -> (Vec<serde_json::Value>, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (r, a) = (dir.path().join("r.txt"), dir.path().join("a.txt"));
    std::fs::write(&r, record).expect("write record");
    std::fs::write(&a, article).expect("write article");
    let out = saidso()
        .args(["check", "--format", "jsonl", "--record"])
        .arg(&r)
        .args(extra)
        .arg(&a)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    let rows = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    (rows, stderr)
}

fn verdicts(rows: &[serde_json::Value]) -> Vec<(String, String)> {
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
    rows.iter().map(|r| (s(&r["verdict"]), s(&r["said_by"]))).collect()
}

const ARTICLE: &str = "Harbour wall\n\n\"We have set aside four million pounds for the work,\" \
                       Jane Okafor said.\n\n\"Because the wall is old,\" she said.\n";

#[test]
fn timestamped_caption_and_rev_style_labels_are_labels() {
    let records = [
        "[00:01:02] OKAFOR: We have set aside four million pounds for the work.\n\nQ: Why?\n\n\
         [00:01:09] OKAFOR: Because the wall is old.\n",
        "00:01:02 OKAFOR: We have set aside four million pounds for the work.\n\
         (00:01:05) Q: Why?\n(00:01:09) OKAFOR: Because the wall is old.\n",
        ">> OKAFOR: We have set aside four million pounds for the work.\n>> Q: Why?\n\
         >> OKAFOR: Because the wall is old.\n",
        "Okafor (Mayor): We have set aside four million pounds for the work.\n\nQ: Why?\n\n\
         Okafor (Mayor): Because the wall is old.\n",
        "Speaker 1 (Jane Okafor): We have set aside four million pounds for the work.\n\n\
         Speaker 2 (00:00:09): Why?\n\nJane Okafor (00:00:12): Because the wall is old.\n",
    ];
    for record in records {
        let (rows, stderr) = check(record, ARTICLE, &[]);
        let want = [("verbatim".into(), "-".into()), ("verbatim".into(), "-".into())];
        assert_eq!(verdicts(&rows), want, "{record}\n{stderr}");
        assert!(!stderr.contains("warning"), "{stderr}");
    }
}

#[test]
fn a_briefings_q_dot_is_the_questioners_label() {
    let record = "MR. OKAFOR: First answer.\n\nQ. What about the wall?\n\nMR. OKAFOR: The wall \
                  is fine.\n";
    let (rows, _) = check(record, "T\n\n\"What about the wall?\" Okafor said.\n", &[]);
    assert_eq!(verdicts(&rows), [("not-in-record".into(), "Q".into())]);
}

#[test]
fn sentences_with_a_colon_stay_in_the_turn() {
    let record = "OKAFOR: We met at 10:30. He said: no.\nThe plan (draft): build the wall.\n";
    let article = "T\n\n\"The plan (draft): build the wall,\" Okafor said.\n";
    let (rows, stderr) = check(record, article, &[]);
    assert_eq!(verdicts(&rows), [("verbatim".into(), "-".into())], "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn a_label_not_read_is_told_and_no_quote_vanishes() {
    let record = "OKAFOR: We have set aside four million pounds for the work.\n\nQ: Why?\n\n\
                  Mayor Marsh — We like the wall.\n";
    let article = "T\n\n\"We like the wall,\" said Peter Marsh.\n\n\"We have set aside four \
                   million pounds for the work,\" Jane Okafor said.\n";
    let (rows, stderr) = check(record, article, &[]);
    // Marsh's words are not the questioner's: nobody's, and his quote is listed.
    let want = [("no-turns".into(), "-".into()), ("verbatim".into(), "-".into())];
    assert_eq!(verdicts(&rows), want, "{stderr}");
    assert!(stderr.contains("1 line starts like a speaker label"), "{stderr}");
    assert!(stderr.contains("(line 5: “Mayor Marsh — We like the wall.”)"), "{stderr}");
}

#[test]
fn speaker_on_a_labelled_record_says_the_labels_are_ignored() {
    let record = "OKAFOR: We have set aside four million pounds for the work.\n\nQ: Why?\n";
    let (rows, stderr) = check(record, ARTICLE, &["--speaker", "Peter Marsh"]);
    assert!(!rows.is_empty());
    assert!(
        stderr.contains("has speaker labels (OKAFOR: …), ignored: --speaker takes all of it"),
        "{stderr}"
    );
    let (_, plain) =
        check("We have set aside four million pounds.\n", ARTICLE, &["--speaker", "Jane Okafor"]);
    assert!(!plain.contains("warning"), "{plain}");
}

/// The reader with `article` shown and `record` given (as `saidso --record r.txt a.txt`), the
/// quotes panel focused and the passage view open on its first quote.
fn reader_passage(record: &str, article: &str) -> String {
    use crate::common::{load, press, screen};
    use saidso::app::{Action, App, Keymap, update};
    use saidso::record::{Record, Records};
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.txt");
    std::fs::write(&a, article).expect("write article");
    let batch = load(&[a.to_string_lossy().into_owned()]);
    let mut app = App::new(Keymap::builtin());
    let record = Record::new("r.txt".into(), record.into(), None);
    app.records = Some(std::sync::Arc::new(Records::new(vec![record])));
    update(&mut app, Action::Resize { width: 120, height: 40 });
    update(&mut app, Action::Discovered(batch.entries.len()));
    update(&mut app, Action::Loaded(batch));
    update(&mut app, Action::LoadingDone);
    press(&mut app, "tab tab R");
    screen(&app)
}

#[test]
fn r_says_why_a_quote_has_no_verdict() {
    let article = "T\n\n\"We like the wall,\" said Peter Marsh.\n";
    let missed = reader_passage("OKAFOR: Yes.\n\nMayor Marsh — We like the wall.\n", article);
    assert!(missed.contains("paragraphs start like speaker"), "{missed}");
    // Also when the speaker has turns, and the words are in a paragraph read as nobody's.
    let okafor = "T\n\n\"We like the wall,\" said Jane Okafor.\n";
    let hers = reader_passage("OKAFOR: Yes.\n\nMayor Okafor — We like the wall.\n", okafor);
    assert!(hers.contains("Nothing close in the speaker's words"), "{hers}");
    assert!(hers.contains("paragraphs start like speaker"), "{hers}");
    let unlabelled = reader_passage("We like the wall.\n", article);
    assert!(unlabelled.contains("The record has no speaker labels"), "{unlabelled}");
    let elsewhere = reader_passage("OKAFOR: Yes.\n\nQ: Why?\n", article);
    assert!(elsewhere.contains("Its speaker has no words in the record"), "{elsewhere}");
}
