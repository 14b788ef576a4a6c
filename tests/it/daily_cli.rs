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
    assert_eq!(quit.split_whitespace().collect::<Vec<_>>(), ["quit", "x"], "{stdout}");
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
