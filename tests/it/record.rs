//! Quotes checked against the record: the verdicts on a transcript, a web page and a speech,
//! through the library and through the real binary (`saidso check`, `saidso quotes --record`).

use crate::common::{jsonl, saidso};
use saidso::record::{Edit, Quoted, Record, Verdict};
use serde_json::Value;

const DIR: &str = "tests/fixtures/record";

fn check(record: &str, article: &str, extra: &[&str]) -> Vec<Value> {
    let record = format!("{DIR}/{record}");
    let article = format!("{DIR}/articles/{article}");
    let mut args = vec!["check", "--format", "jsonl", "--record", &record];
    args.extend_from_slice(extra);
    args.push(&article);
    jsonl(&args)
}

/// The row of the quotation that starts with `start`.
fn row<'a>(rows: &'a [Value], start: &str) -> &'a Value {
    let found = rows.iter().find(|r| r["text"].as_str().is_some_and(|t| t.starts_with(start)));
    found.unwrap_or_else(|| panic!("no row for {start:?} in {rows:#?}"))
}

fn differences(row: &Value) -> Vec<(String, String, String)> {
    let list = row["differences"].as_array().cloned().unwrap_or_default();
    list.iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("edit"), s("record"), s("quote"))
        })
        .collect()
}

fn diff(edit: &str, record: &str, quote: &str) -> (String, String, String) {
    (edit.into(), record.into(), quote.into())
}

/// Each verdict of the transcript fixture, by the record it is read from.
fn assert_transcript_verdicts(record: &str) {
    let rows = check(record, "bridge.txt", &[]);
    let record_text = std::fs::read_to_string(format!("{DIR}/{record}")).expect("fixture");
    let verdict =
        |start: &str| row(&rows, start)["verdict"].as_str().unwrap_or_default().to_string();

    // Other quote marks and case.
    let exact = row(&rows, "WE WILL REBUILD");
    assert_eq!(exact["verdict"], "verbatim");
    assert_eq!(exact["speaker"], "Hanna Lee");
    assert_eq!(
        exact["record_text"],
        "We will rebuild the Elm Street bridge before the winter comes"
    );
    if record.ends_with(".txt") {
        let (start, end) = (exact["record_start"].as_u64(), exact["record_end"].as_u64());
        let (start, end) = (start.unwrap_or(0) as usize, end.unwrap_or(0) as usize);
        assert_eq!(&record_text[start..end], exact["record_text"].as_str().unwrap_or_default());
    }
    // An elision whose parts stand in order, and fragments.
    assert_eq!(verdict("The bridge will stay open . . . while"), "verbatim");
    assert_eq!(verdict("balanced"), "verbatim");
    assert_eq!(verdict("fully paid for"), "verbatim");
    // Words changed, dropped and added.
    let changed = row(&rows, "We will rebuild the Elm Street bridge before the spring");
    assert_eq!(changed["verdict"], "altered");
    assert_eq!(
        differences(changed),
        [diff("changed", "winter", "spring"), diff("changed", "a single", "any")]
    );
    let dropped = row(&rows, "Nobody in this city");
    assert_eq!(dropped["verdict"], "altered");
    assert_eq!(differences(dropped), [diff("dropped", "to a detour", "")]);
    let added = row(&rows, "Our budget is balanced");
    assert_eq!(differences(added), [diff("added", "", "very")]);
    // Another speaker's words put in the mayor's mouth.
    let misattributed = row(&rows, "The steel is older");
    assert_eq!(misattributed["verdict"], "not-in-record");
    assert_eq!(misattributed["said_by"], "CHIEF ENGINEER TOMAS ORTIZ");
    // An invented quote.
    let invented = row(&rows, "We will build a second bridge");
    assert_eq!(
        (&invented["verdict"], &invented["said_by"]),
        (&Value::from("not-in-record"), &Value::Null)
    );
    assert_eq!(invented["record_text"], Value::Null);
    // The police chief has no turn in the record: nothing to check his quote against.
    assert!(rows.iter().all(|r| r["speaker"] != "Omar Diaz"), "{rows:#?}");
}

#[test]
fn a_transcript_gives_every_verdict() {
    assert_transcript_verdicts("transcript.txt");
}

#[test]
fn a_transcript_given_as_a_web_page() {
    assert_transcript_verdicts("transcript.html");
}

#[test]
fn a_speech_is_one_speakers_words_with_speaker() {
    let rows = check("speech.md", "speech.txt", &["--speaker", "Governor Ana Ruiz"]);
    assert_eq!(row(&rows, "We will hire")["verdict"], "verbatim");
    assert_eq!(row(&rows, "I will not raise")["verdict"], "verbatim");
    let five = row(&rows, "We will open five");
    assert_eq!(five["verdict"], "altered");
    assert_eq!(differences(five), [diff("changed", "three", "five")]);
    assert_eq!(rows.len(), 3);
}

#[test]
fn a_record_with_no_turn_for_the_quoted_person() {
    // The governor says nothing in the mayor's press conference.
    assert!(check("transcript.txt", "speech.txt", &[]).is_empty());
    let rows = jsonl(&[
        "quotes",
        "--record",
        &format!("{DIR}/transcript.txt"),
        &format!("{DIR}/articles/speech.txt"),
    ]);
    // Reported speech (the headline's `vows to hire nurses`) has no words to check.
    let quoted: Vec<_> = rows.iter().filter(|r| r["kind"] != "indirect").collect();
    assert!(!quoted.is_empty());
    assert!(quoted.iter().all(|r| r["verdict"] == "no-turns"), "{rows:#?}");
    assert!(rows.iter().filter(|r| r["kind"] == "indirect").all(|r| r["verdict"].is_null()));
}

#[test]
fn quotes_rows_gain_the_verdict() {
    let rows = jsonl(&[
        "quotes",
        "--record",
        &format!("{DIR}/transcript.txt"),
        &format!("{DIR}/articles/bridge.txt"),
    ]);
    assert_eq!(row(&rows, "WE WILL REBUILD")["verdict"], "verbatim");
    assert_eq!(row(&rows, "The steel")["said_by"], "CHIEF ENGINEER TOMAS ORTIZ");
    assert_eq!(row(&rows, "Traffic will be")["verdict"], "no-turns");
    assert_eq!(row(&rows, "Traffic will be")["speaker_id"], "omar-diaz");
    // Without a record there is no verdict.
    let plain = jsonl(&["quotes", &format!("{DIR}/articles/bridge.txt")]);
    assert!(plain.iter().all(|r| r.get("verdict").is_none()));
}

#[test]
fn check_table_lists_verdicts_and_counts_them() {
    let out = saidso()
        .args(["check", "--record", &format!("{DIR}/transcript.txt")])
        .arg(format!("{DIR}/articles/bridge.txt"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("VERDICT"), "{text}");
    assert!(lines[0].ends_with("DIFFERENCE (record → quote)"), "{text}");
    assert!(text.contains("winter→spring; a single→any"), "{text}");
    assert!(text.contains("said by CHIEF ENGINEER TOMAS ORTIZ"), "{text}");
    assert_eq!(
        lines.last().copied(),
        Some("9 checked: 4 verbatim, 3 altered, 2 not in the record")
    );
}

#[test]
fn a_missing_record_is_an_error() {
    let out = saidso()
        .args(["check", "--record", "no/such/record.txt", &format!("{DIR}/articles")])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no record found"));
}

const PRESSER: &str = "THE PRESIDENT: We stand with Ukraine, and we will stand with it for as \
    long as it takes. Its future is being decided now.\n\
    REPORTER: Sir, what about the talks?\n\
    THE PRESIDENT: The talks are over. I have nothing more to say about them today.\n";

fn verdict_of(quote: &str) -> (Verdict, Vec<(Edit, String, String)>) {
    let record = Record::new("presser".into(), PRESSER.into(), None);
    let finding = record.check(quote, &Quoted::new(quote), &[true, false]);
    let diffs = finding.differences.into_iter().map(|d| (d.edit, d.record, d.quote)).collect();
    (finding.verdict, diffs)
}

#[test]
fn editorial_brackets_stand_for_the_speakers_words() {
    assert_eq!(verdict_of("[Ukraine's] future is being decided now").0, Verdict::Verbatim);
    assert_eq!(
        verdict_of("We stand with Ukraine [...] for as long as it takes").0,
        Verdict::Verbatim
    );
    // A bracket stands for a few words, not for a paragraph.
    assert_ne!(verdict_of("We stand with Ukraine [now] nothing more to say").0, Verdict::Verbatim);
}

#[test]
fn elided_words_are_not_dropped_words() {
    let (verdict, diffs) =
        verdict_of("We stand with Ukraine … for as long as it takes. Its future is decided now");
    assert_eq!(verdict, Verdict::Altered);
    assert_eq!(diffs, [(Edit::Dropped, "being".to_string(), String::new())]);
}

#[test]
fn a_questioners_words_are_theirs() {
    let record = Record::new("presser".into(), PRESSER.into(), None);
    let quote = "what about the talks?";
    let f = record.check(quote, &Quoted::new(quote), &[true, false]);
    assert_eq!(f.verdict, Verdict::NotInRecord);
    assert_eq!(f.said_by.and_then(|s| record.turns.speaker(s)), Some("REPORTER"));
}

/// A reader of `width` x `height` with the bridge article and the transcript loaded, the
/// transcript given as the record (as `saidso --record transcript.txt bridge.txt` starts).
fn reader_with_record(width: u16, height: u16) -> saidso::app::App {
    let transcript = format!("{DIR}/transcript.txt");
    reader_with(&transcript, &[format!("{DIR}/articles/bridge.txt")], width, height)
}

/// A reader of `width` x `height` with `articles` and the record `record` loaded, the record
/// given with `--record`.
fn reader_with(record: &str, articles: &[String], width: u16, height: u16) -> saidso::app::App {
    use saidso::app::{Action, App, Keymap, update};
    use saidso::record::Records;
    let transcript = record.to_string();
    let mut paths = articles.to_vec();
    paths.push(transcript.clone());
    let batch = crate::common::load(&paths);
    let text = std::fs::read_to_string(&transcript).expect("fixture");
    let mut app = App::new(Keymap::builtin());
    app.records =
        Some(std::sync::Arc::new(Records::new(vec![Record::new(transcript, text, None)])));
    update(&mut app, Action::Resize { width, height });
    update(&mut app, Action::Discovered(batch.entries.len()));
    update(&mut app, Action::Loaded(batch));
    update(&mut app, Action::LoadingDone);
    app
}

fn show(shown: &str) {
    if std::env::var_os("SAIDSO_SHOW").is_some() {
        println!("{shown}");
    }
}

#[test]
fn the_reader_marks_each_quote_with_its_verdict_and_lists_the_record() {
    use crate::common::{press, screen};
    let mut app = reader_with_record(150, 60);
    press(&mut app, "enter");
    let shown = screen(&app);
    show(&shown);
    // The record is listed like an article.
    assert!(shown.contains("Press conference, City Hall"), "{shown}");
    for note in ["Hanna Lee · verbatim", "Hanna Lee · altered", "said by CHIEF ENGINEER"] {
        assert!(shown.contains(note), "{note} missing in\n{shown}");
    }
    assert!(shown.contains("Hanna Lee · not in record"), "{shown}");
    // The police chief has no turn in the record: no mark.
    assert!(shown.contains("Omar Diaz "), "{shown}");
    assert!(!shown.contains("Omar Diaz ·"), "{shown}");
    // Worked out once, when the article was shown: one verdict a quote, none for the chief.
    let quotes = app.current().map_or(0, |e| e.quotes.len());
    assert_eq!(app.checks.verdicts.len(), quotes);
    assert_eq!(app.checks.verdicts.last().map(Option::is_some), Some(false));
}

/// The quote of the article shown whose words start with `start`, selected through the keys.
fn select_quote(app: &mut saidso::app::App, start: &str) {
    use crate::common::press;
    for _ in 0..20 {
        let at = app.quotes.selected_quote().zip(app.current()).and_then(|(q, e)| {
            let span = e.quotes.get(q)?.span();
            e.article.text.get(span)
        });
        if at.is_some_and(|t| t.starts_with(start)) {
            return;
        }
        press(app, "]");
    }
    panic!("no quote starting {start:?}");
}

#[test]
fn r_shows_the_records_passage_for_the_selected_quote_and_esc_hides_it() {
    use crate::common::{press, screen};
    let mut app = reader_with_record(120, 40);
    press(&mut app, "enter tab");
    select_quote(&mut app, "We will rebuild the Elm Street bridge before the spring");
    assert!(!screen(&app).contains("The record says:"));
    press(&mut app, "R");
    assert!(app.checks.passage);
    let shown = screen(&app);
    show(&shown);
    assert!(shown.contains("altered · 2 differences"), "{shown}");
    assert!(shown.contains("Words that differ (record → quote):"), "{shown}");
    assert!(shown.contains("“winter” → “spring”"), "{shown}");
    assert!(shown.contains("“a single” → “any”"), "{shown}");
    assert!(shown.contains("The record says:"), "{shown}");
    assert!(shown.contains("winter comes, and we will do it without raising a"), "{shown}");
    assert!(shown.contains("transcript.txt · bytes"), "{shown}");
    // The passage follows the selection: the engineer's words, said to be the mayor's.
    select_quote(&mut app, "The steel is older");
    let shown = screen(&app);
    assert!(shown.contains("said by CHIEF ENGINEER TOMAS ORTIZ"), "{shown}");
    // In the passage only: the quotes panel wraps it after "any".
    assert!(shown.contains("The steel is older than any of us"), "{shown}");
    press(&mut app, "esc");
    assert!(!app.checks.passage);
    assert!(!screen(&app).contains("The record says:"));
}

#[test]
fn the_reading_pane_lights_the_words_the_record_has_otherwise() {
    use crate::common::{press, terminal};
    let mut app = reader_with_record(120, 40);
    press(&mut app, "enter");
    let theme = saidso::ui::Theme::default();
    let terminal = terminal(&app);
    let buffer = terminal.backend().buffer();
    let lit: String = buffer
        .content()
        .iter()
        .filter(|cell| cell.style().patch(theme.word_changed) == cell.style())
        .map(|cell| cell.symbol())
        .collect();
    assert!(lit.contains("spring") && lit.contains("any"), "{lit:?}");
    assert!(!lit.contains("winter"), "{lit:?}");
}

#[test]
fn the_passage_view_at_120x40_and_80x24() {
    use crate::common::{press, screen};
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = reader_with_record(width, height);
        press(&mut app, "enter tab");
        select_quote(&mut app, "We will rebuild the Elm Street bridge before the spring");
        press(&mut app, "R");
        insta::assert_snapshot!(format!("passage_{width}x{height}"), screen(&app));
    }
}

fn stdout(args: &[&str]) -> String {
    let out = saidso().args(args).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn quotes_as_tsv_gain_verdict_and_said_by_columns_only_with_a_record() {
    let record = format!("{DIR}/transcript.txt");
    let article = format!("{DIR}/articles/bridge.txt");
    let plain = stdout(&["quotes", "--format", "tsv", &article]);
    assert!(plain.starts_with("id\tfile\tarticle\tkind\tspeaker\tstart\tend\ttext\n"), "{plain}");
    assert!(plain.lines().all(|l| l.split('\t').count() == 8), "{plain}");
    let checked = stdout(&["quotes", "--format", "tsv", "--record", &record, &article]);
    let lines: Vec<&str> = checked.lines().collect();
    assert_eq!(
        lines[0],
        "id\tfile\tarticle\tkind\tspeaker\tstart\tend\ttext\tverdict\tsaid_by\tchecked_words\t\
         record_to_quote"
    );
    // The same rows, four columns more.
    for (with, without) in lines.iter().zip(plain.lines()) {
        assert!(with.starts_with(&format!("{without}\t")), "{with}");
    }
    let verdict = |start: &str| {
        let line =
            lines.iter().find(|l| l.split('\t').nth(7).is_some_and(|t| t.starts_with(start)));
        let fields: Vec<&str> = line.map(|l| l.split('\t').collect()).unwrap_or_default();
        (fields.get(8).copied(), fields.get(9).copied())
    };
    let column = |start: &str, n: usize| {
        let line =
            lines.iter().find(|l| l.split('\t').nth(7).is_some_and(|t| t.starts_with(start)));
        line.and_then(|l| l.split('\t').nth(n)).unwrap_or_default().to_string()
    };
    assert_eq!(
        column("We will rebuild the Elm Street bridge before the spring", 11),
        "“winter” → “spring”; “a single” → “any”"
    );
    // A partial quotation's verdict is on its quoted words, which the row gives.
    assert_eq!(verdict("the budget \"balanced\""), (Some("verbatim"), Some("")));
    assert_eq!(column("the budget \"balanced\"", 10), "balanced");
    assert_eq!(verdict("WE WILL REBUILD"), (Some("verbatim"), Some("")));
    assert_eq!(
        verdict("We will rebuild the Elm Street bridge before the spring"),
        (Some("altered"), Some(""))
    );
    assert_eq!(
        verdict("The steel is older"),
        (Some("not-in-record"), Some("CHIEF ENGINEER TOMAS ORTIZ"))
    );
    assert_eq!(verdict("Traffic will be diverted"), (Some("no-turns"), Some("")));
}

#[test]
fn quotes_as_markdown_note_the_verdict_and_the_words_that_differ() {
    let record = format!("{DIR}/transcript.txt");
    let article = format!("{DIR}/articles/bridge.txt");
    let plain = stdout(&["quotes", "--format", "markdown", &article]);
    assert!(!plain.contains("_("), "{plain}");
    let checked = stdout(&["quotes", "--format", "markdown", "--record", &record, &article]);
    for note in [
        "— Hanna Lee _(verbatim)_\n",
        "raising any tax,” — Hanna Lee _(altered, record → quote: “winter” → “spring”; \
         “a single” → “any”)_\n",
        "_(altered, record → quote: dropped “to a detour”)_\n",
        "_(altered, record → quote: added “very”)_\n",
        // Reported speech: no verdict on the paraphrase; the quoted words' own.
        "- (partial) the budget \"balanced\" — Hanna Lee _(quoted words “balanced”: verbatim)_\n",
        "- (reported) that the city would fix its oldest crossing quickly — Hanna Lee\n",
        "_(not-in-record, said by CHIEF ENGINEER TOMAS ORTIZ)_\n",
    ] {
        assert!(checked.contains(note), "{note} missing in\n{checked}");
    }
    // Without the notes, the same text.
    let stripped: String =
        checked.lines().map(|l| l.split(" _(").next().unwrap_or(l).to_string() + "\n").collect();
    assert_eq!(stripped, plain);
}

const MAYOR: &str = "MAYOR JANE OKAFOR: I will not resign over this. Taxes will rise next year, \
    but only for the richest households. We will finish the job.\n\n\
    Q: And the wall?\n\n\
    MAYOR JANE OKAFOR: Everyone will pay for the wall eventually. Ten people were hurt in the \
    blast. The cost was 10.5 million.\n";

/// The mayor's record's finding on `quote`, said by the mayor.
fn mayor(quote: &str) -> (Verdict, Vec<(Edit, String, String)>, String) {
    let record = Record::new("mayor".into(), MAYOR.into(), None);
    let f = record.check(quote, &Quoted::new(quote), &[true, false]);
    let passage = f.passage.clone().and_then(|p| MAYOR.get(p)).unwrap_or_default().to_string();
    let diffs = f.differences.into_iter().map(|d| (d.edit, d.record, d.quote)).collect();
    (f.verdict, diffs, passage)
}

fn edit(edit: Edit, record: &str, quote: &str) -> (Edit, String, String) {
    (edit, record.into(), quote.into())
}

#[test]
fn a_bracket_that_stands_for_no_word_of_the_speakers_is_an_insertion() {
    let (verdict, diffs, passage) = mayor("We will [not] finish the job");
    assert_eq!(verdict, Verdict::Altered);
    assert_eq!(diffs, [edit(Edit::Added, "", "[not]")]);
    assert_eq!(passage, "We will finish the job");
    // Brackets that stand for the speaker's words stay accepted.
    let (verdict, ..) =
        mayor("Taxes will rise next year, but only for [the wealthiest] households");
    assert_eq!(verdict, Verdict::Verbatim);
    assert_eq!(mayor("[Taxes] will rise next year").0, Verdict::Verbatim);
    assert_eq!(mayor("[They] will finish the job").0, Verdict::Verbatim);
    // Before a sentence's first word or after its last, a bracket stands for nothing.
    let (verdict, diffs, _) = mayor("[Yes,] we will finish the job [soon]");
    assert_eq!(verdict, Verdict::Altered);
    assert_eq!(diffs, [edit(Edit::Added, "", "[Yes,]"), edit(Edit::Added, "", "[soon]")]);
    // `[sic]` says the words are as said.
    assert_eq!(mayor("We will finish the [sic] job").0, Verdict::Verbatim);
}

#[test]
fn an_elisions_parts_come_from_one_turn() {
    // Within one turn the README's rule holds: the parts stand in order.
    assert_eq!(mayor("I will ... resign over this").0, Verdict::Verbatim);
    // Two answers spliced across the questioner's turn are not the mayor's words.
    assert_ne!(mayor("I will … pay for the wall").0, Verdict::Verbatim);
    assert_ne!(mayor("Taxes will rise next year ... [for] everyone").0, Verdict::Verbatim);
    // An altered quote's differences are never the questioner's words.
    let (verdict, diffs, passage) = mayor("Taxes will rise ... for everyone");
    assert_eq!(verdict, Verdict::Altered);
    assert!(!passage.contains("Q:") && !passage.contains("And the wall"), "{passage}");
    for (_, record, _) in &diffs {
        assert!(!record.contains("Q:") && !record.contains("And the wall"), "{diffs:?}");
    }
}

#[test]
fn a_word_changed_at_either_end_of_a_quote_is_changed_not_added() {
    let (verdict, diffs, passage) = mayor("Twenty people were hurt in the blast");
    assert_eq!(verdict, Verdict::Altered);
    assert_eq!(diffs, [edit(Edit::Changed, "Ten", "Twenty")]);
    assert_eq!(passage, "Ten people were hurt in the blast");
    let (_, diffs, passage) = mayor("Ten people were hurt in the fire");
    assert_eq!(diffs, [edit(Edit::Changed, "blast", "fire")]);
    assert_eq!(passage, "Ten people were hurt in the blast");
    let (_, diffs, passage) = mayor("The cost was 10.5 billion");
    assert_eq!(diffs, [edit(Edit::Changed, "million", "billion")]);
    assert_eq!(passage, "The cost was 10.5 million");
    // Words added before a sentence's first word are added, not the last sentence's changed.
    let (_, diffs, _) = mayor("Yes, ten people were hurt in the blast");
    assert_eq!(diffs, [edit(Edit::Added, "", "Yes")]);
}

#[test]
fn letters_with_accents_are_other_letters() {
    let text = "JOSÉ NÚÑEZ: Feliz año a todos, y «gracias».\n";
    let record = Record::new("r".into(), text.into(), None);
    let check = |quote: &str| record.check(quote, &Quoted::new(quote), &[true]);
    let f = check("Feliz ano a todos");
    assert_eq!(f.verdict, Verdict::Altered);
    let diffs: Vec<_> =
        f.differences.iter().map(|d| (d.record.as_str(), d.quote.as_str())).collect();
    assert_eq!(diffs, [("año", "ano")]);
    // Case, quote marks, punctuation and white space are still ignored.
    assert_eq!(check("FELIZ AÑO   a todos y \"gracias\"").verdict, Verdict::Verbatim);
}

#[test]
fn an_unnamed_speakers_words_in_the_record_say_who_said_them() {
    let record = Record::new("mayor".into(), MAYOR.into(), None);
    let check = |quote: &str| record.check_unnamed(quote, &Quoted::new(quote));
    let f = check("We will finish the job");
    assert_eq!(f.verdict, Verdict::Verbatim);
    assert_eq!(f.said_by.and_then(|s| record.turns.speaker(s)), Some("MAYOR JANE OKAFOR"));
    let f = check("Twenty people were hurt in the blast");
    assert_eq!(f.verdict, Verdict::Altered);
    assert_eq!(f.said_by.and_then(|s| record.turns.speaker(s)), Some("MAYOR JANE OKAFOR"));
    assert_eq!(check("And the wall?").said_by.and_then(|s| record.turns.speaker(s)), Some("Q"));
    // Words nobody said: nothing to say of them.
    assert_eq!(check("The moon is made of cheese").verdict, Verdict::NoTurns);
}

const HARBOUR: &str = "PRESS CONFERENCE\n\nMAYOR JANE OKAFOR: Good morning. We will finish the \
    job. The harbour wall will be repaired before the first winter storm arrives.\n\n\
    Q: Did the council ignore the warnings?\n\n\
    MAYOR JANE OKAFOR: No. The council has never ignored the warnings.\n";

/// A folder holding the harbour record and one article of `text`.
fn harbour(text: &str) -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let record = dir.path().join("record.txt");
    let article = dir.path().join("article.txt");
    std::fs::write(&record, HARBOUR).expect("write");
    std::fs::write(&article, text).expect("write");
    let s = |p: std::path::PathBuf| p.to_string_lossy().into_owned();
    (dir, s(record), s(article))
}

const PARTIAL: &str = "Harbour row deepens\n\nMayor Jane Okafor said the council would spend \
    nothing on the wall \"before the first winter storm arrives.\"\n\n\
    Okafor said the council has never ignored the warnings.\n";

#[test]
fn reported_speech_has_no_verdict_and_a_partial_only_its_quoted_words_in_the_reader_as_in_check() {
    use saidso::extract::QuoteKind;
    let (_dir, record, article) = harbour(PARTIAL);
    let mut app = reader_with(&record, std::slice::from_ref(&article), 140, 40);
    crate::common::press(&mut app, "enter");
    let shown = crate::common::screen(&app);
    show(&shown);
    let entry = app.current().expect("an article shown");
    let kinds: Vec<QuoteKind> = entry.quotes.iter().map(|q| q.kind).collect();
    assert!(kinds.contains(&QuoteKind::Indirect) && kinds.contains(&QuoteKind::Partial));
    for (q, kind) in kinds.iter().enumerate() {
        let verdict = app.checks.of(q).map(|c| c.finding.verdict);
        match kind {
            // The paraphrase is not the speaker's words: never verbatim nor said by anyone.
            QuoteKind::Indirect => assert_eq!(verdict, None, "{shown}"),
            // Only "before the first winter storm arrives." is checked: the record has it.
            _ => assert_eq!(verdict, Some(Verdict::Verbatim), "{shown}"),
        }
    }
    assert!(!shown.contains("reported · verbatim") && !shown.contains("said by"), "{shown}");
    // `R` says the verdict is on the quoted words only.
    crate::common::press(&mut app, "tab");
    select_quote(&mut app, "the council would spend");
    crate::common::press(&mut app, "R");
    let shown = crate::common::screen(&app);
    show(&shown);
    assert!(shown.contains("On the quoted words only: “before the first winter"), "{shown}");
    // `check` says the same of the same quotation.
    let rows = jsonl(&["check", "--format", "jsonl", "--record", &record, &article]);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["text"], "before the first winter storm arrives.");
    assert_eq!(rows[0]["verdict"], "verbatim");
}

#[test]
fn quotes_with_a_record_put_a_partials_verdict_with_its_quoted_words() {
    let (_dir, record, article) = harbour(PARTIAL);
    let md = stdout(&["quotes", "--format", "markdown", "--record", &record, &article]);
    assert!(
        md.contains(
            "— Jane Okafor _(quoted words “before the first winter storm arrives.”: verbatim)_\n"
        ),
        "{md}"
    );
    assert!(md.contains("the council has never ignored the warnings — Jane Okafor\n"), "{md}");
    let tsv = stdout(&["quotes", "--format", "tsv", "--record", &record, &article]);
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        match f[3] {
            "indirect" => assert_eq!(&f[8..], ["", "", "", ""], "{line}"),
            _ => assert_eq!(&f[8..11], ["verbatim", "", "before the first winter storm arrives."]),
        }
    }
    let rows = jsonl(&["quotes", "--format", "jsonl", "--record", &record, &article]);
    for row in &rows {
        if row["kind"] == "indirect" {
            assert!(row["verdict"].is_null() && row["checked_text"].is_null(), "{row}");
        } else {
            assert_eq!(row["checked_text"], "before the first winter storm arrives.", "{row}");
        }
    }
}

#[test]
fn words_in_the_record_said_by_a_described_speaker_are_found_and_say_who() {
    let (_dir, record, article) = harbour(
        "T\n\n\"We will finish the job,\" the mayor said.\n\n\
         \"We will finish the job,\" a council spokesman said.\n",
    );
    let rows = jsonl(&["check", "--format", "jsonl", "--record", &record, &article]);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    for row in &rows {
        assert_eq!(row["verdict"], "verbatim", "{row}");
        assert_eq!(row["said_by"], "MAYOR JANE OKAFOR", "{row}");
    }
    // The SPEAKER column says whom the article names, as `quotes` does.
    let table = stdout(&["check", "--record", &record, &article]);
    let tsv = stdout(&["quotes", "--format", "tsv", "--record", &record, &article]);
    let speakers: Vec<&str> = tsv.lines().skip(1).filter_map(|l| l.split('\t').nth(4)).collect();
    assert_eq!(speakers, ["mayor", "council spokesman"], "{tsv}");
    for (line, speaker) in table.lines().skip(1).zip(&speakers) {
        assert!(line.starts_with(&format!("verbatim       {speaker:<20}")), "{table}");
        assert!(line.ends_with("said by MAYOR JANE OKAFOR"), "{table}");
    }
    assert!(tsv.lines().skip(1).all(|l| l.contains("\tverbatim\tMAYOR JANE OKAFOR\t")), "{tsv}");
    // The reader says the same.
    let mut app = reader_with(&record, std::slice::from_ref(&article), 140, 40);
    crate::common::press(&mut app, "enter");
    let records = app.records.clone().expect("a record");
    let said: Vec<_> = (0..2)
        .filter_map(|q| app.checks.of(q))
        .map(|c| (c.finding.verdict, c.said_by(&records).map(str::to_string)))
        .collect();
    let mayor = Some("MAYOR JANE OKAFOR".to_string());
    assert_eq!(said, [(Verdict::Verbatim, mayor.clone()), (Verdict::Verbatim, mayor)]);
}

#[test]
fn sentences_in_another_order_are_altered_and_moved() {
    let text = "MAYOR JANE OKAFOR: We have set aside four million pounds for the work, and not \
        a penny will be wasted. The contractors start on the ninth of October.\n\
        Q: When?\n";
    let record = Record::new("r".into(), text.into(), None);
    let check = |quote: &str| {
        let f = record.check(quote, &Quoted::new(quote), &[true, false]);
        let diffs: Vec<_> = f.differences.iter().map(|d| (d.edit, d.quote.clone())).collect();
        (f.verdict, diffs)
    };
    let (verdict, diffs) = check(
        "The contractors start on the ninth of October; we have set aside four million \
         pounds for the work",
    );
    assert_eq!(verdict, Verdict::Altered);
    assert_eq!(diffs, [(Edit::Moved, "we have set aside four million pounds for the work".into())]);
    // Elided parts out of order: moved, not a run of nonsense changes.
    let (verdict, diffs) =
        check("The contractors start on the ninth ... not a penny will be wasted");
    assert_eq!(verdict, Verdict::Altered);
    assert_eq!(diffs, [(Edit::Moved, "not a penny will be wasted".into())]);
    // In the record's order they are verbatim, as before.
    let (verdict, _) = check("not a penny will be wasted ... The contractors start on the ninth");
    assert_eq!(verdict, Verdict::Verbatim);
}
