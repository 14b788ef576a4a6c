//! The command line for daily use (issue 17): one error form, "did you mean", the configured
//! keys in `--help`, quote rows that carry their article's id.

use crate::common::saidso;
use predicates::prelude::*;

#[test]
fn a_mistyped_subcommand_gets_a_did_you_mean() {
    saidso().arg("quote").assert().failure().stderr(predicate::eq(
        "saidso: error: no such file or command `quote`; did you mean `saidso quotes`?\n",
    ));
    // A file of that name is a file.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("quote"), "Quiet day\n\nNothing was said at all today.\n")
        .expect("write");
    saidso().current_dir(dir.path()).args(["quote"]).assert().success();
}

#[test]
fn every_error_starts_the_same_way() {
    saidso().arg("--bogus").assert().code(2).stderr(predicate::str::starts_with("saidso: error: "));
    saidso()
        .args(["read", "--width", "1"])
        .assert()
        .failure()
        .stderr(predicate::str::starts_with("saidso: error: "));
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[reader\n").expect("write");
    saidso()
        .arg("--config")
        .arg(&config)
        .arg("list")
        .assert()
        .failure()
        .stderr(predicate::str::starts_with("saidso: error: "));
}

#[test]
fn help_lists_the_configured_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys]\nquit = [\"x\"]\n").expect("write");
    let out = saidso().arg("--config").arg(&config).arg("--help").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let quit = stdout.lines().find(|l| l.trim_start().starts_with("quit ")).unwrap_or_default();
    // Ctrl-c quits whatever the table says, and is listed so.
    assert_eq!(quit.split_whitespace().collect::<Vec<_>>(), ["quit", "x,", "Ctrl-c"], "{stdout}");
    let out = saidso().arg("--help").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["quit", "q,", "Ctrl-c"])
    );
}

#[test]
fn quote_rows_carry_the_article_id_for_mark() {
    let path = "seeds/000_35834a7932818f31.txt";
    let out = saidso().args(["quotes", "--format", "jsonl", path]).assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let first: serde_json::Value =
        serde_json::from_str(stdout.lines().next().unwrap_or_default()).expect("a json row");
    assert_eq!(first["id"], "c16db04fa489dc47");
    let out = saidso().args(["quotes", "--format", "tsv", path]).assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(stdout.starts_with("id\tfile\t"));
    assert!(stdout.lines().skip(1).all(|l| l.starts_with("c16db04fa489dc47\t")));
}

#[test]
fn marking_an_id_no_article_has_says_so_and_a_known_one_does_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state.sqlite3");
    let state = state.to_str().expect("utf-8 path");
    // A seed's id, starred once: the state file knows it from then on.
    let known = "c16db04fa489dc47";
    let first = marker().args(["--state", state, "mark", "--star", known]).assert().success();
    let stderr = String::from_utf8_lossy(&first.get_output().stderr).into_owned();
    assert!(stderr.contains(known) && stderr.contains("warning"), "{stderr}");
    let again = marker().args(["--state", state, "mark", "--read", known]).assert().success();
    assert!(again.get_output().stderr.is_empty());
    // A typo, among four unknown ids: one line, the first few named and the rest counted.
    let ids = ["0000000000000000", "0000000000000001", "0000000000000002", "0000000000000003"];
    let typo = marker().args(["--state", state, "mark", "--star"]).args(ids).assert().success();
    let stderr = String::from_utf8_lossy(&typo.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("0000000000000000") && stderr.contains("and 1 more"), "{stderr}");
}

/// The binary with a state file of its own (the tests' `saidso()` has none).
fn marker() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("saidso").expect("binary built")
}

/// Feed items that carry only the same boilerplate summary are different articles: each is
/// marked on its own (their title and link tell them apart).
#[test]
fn feed_items_sharing_a_summary_are_marked_one_by_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let items: String = (0..3)
        .map(|i| {
            format!(
                "<item><title>Harbour story number {i}</title><link>https://example.org/{i}</link>\
                 <description>Read the full story on our website.</description></item>"
            )
        })
        .collect();
    let feed = dir.path().join("feed.xml");
    std::fs::write(
        &feed,
        format!("<rss version=\"2.0\"><channel><title>F</title>{items}</channel></rss>"),
    )
    .expect("feed written");
    let state = dir.path().join("state.sqlite3");
    let state = state.to_str().expect("utf-8 path");
    let feed = feed.to_str().expect("utf-8 path");
    let list = || {
        let out =
            marker().args(["--state", state, "list", "--format", "jsonl", feed]).assert().success();
        let rows = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        rows.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON row"))
            .collect::<Vec<_>>()
    };
    let ids: Vec<String> =
        list().iter().filter_map(|row| row["id"].as_str()).map(String::from).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2], "{ids:?}");
    marker().args(["--state", state, "mark", "--star", &ids[1]]).assert().success();
    let starred: Vec<bool> = list().iter().map(|row| row["starred"] == true).collect();
    assert_eq!(starred, [false, true, false]);
}
