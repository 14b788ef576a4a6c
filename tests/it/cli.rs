//! `list` and `read` through the real binary, on the seeds.

use crate::common::saidso;
use predicates::prelude::*;

#[test]
fn list_jsonl_of_the_seed_folder() {
    let out = saidso().args(["list", "--format", "jsonl", "seeds/"]).output().unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0]["title"], "Putin is willing to have meeting with Zelenskyy, Russia says");
    assert_eq!(rows[0]["path"], "seeds/000_35834a7932818f31.txt");
    for row in &rows {
        for key in ["id", "title", "path", "paragraphs", "words", "quotes"] {
            assert!(!row[key].is_null(), "{key} missing in {row}");
        }
        assert_eq!(row["id"].as_str().unwrap().len(), 16);
        assert!(row["words"].as_u64().unwrap() > 250);
    }
}

#[test]
fn no_path_means_the_embedded_seeds() {
    let embedded = saidso().args(["list", "--format", "jsonl"]).output().unwrap();
    let folder = saidso().args(["list", "--format", "jsonl", "seeds"]).output().unwrap();
    let ids = |out: &[u8]| -> Vec<serde_json::Value> {
        String::from_utf8_lossy(out)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
            .collect()
    };
    assert_eq!(ids(&embedded.stdout).len(), 5);
    assert_eq!(ids(&embedded.stdout), ids(&folder.stdout));
}

#[test]
fn read_shows_prose_without_boilerplate() {
    saidso()
        .args(["read", "--width", "72", "seeds/001_89bb0c79a03178b1.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Diplomatic relations between Russia and Ukraine"))
        .stdout(predicate::str::contains("Advert\n").not())
        .stdout(predicate::str::contains("click here").not())
        .stdout(predicate::str::contains("Topics:").not());
    let out =
        saidso().args(["read", "-w", "72", "seeds/003_994e15704f090877.txt"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with(
        "Putin ready to send negotiation team for talks as Russian troops\nencircle Kiev\n"
    ));
    assert!(text.lines().all(|l| unicode_width(l) <= 72), "{text}");
    assert!(!text.contains("Advertisement") && !text.contains("Also read"));
}

fn unicode_width(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn list_tsv_gives_the_jsonl_rows_one_line_a_row() {
    let dir = tempfile::tempdir().unwrap();
    // A tab in the file's name and in its title, an escape sequence in the title: each field
    // stays on its line and in its column, with nothing a terminal would act on.
    let text =
        "Tram\tline \u{1b}[2Jopens\n\nThe tram line opens in May, the mayor said on Monday.\n";
    std::fs::write(dir.path().join("a\tb.txt"), text).unwrap();
    let dir = dir.path().display().to_string();
    let run = |format: &str| {
        let out = saidso().args(["list", "--format", format, "seeds", &dir]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let (tsv, jsonl) = (run("tsv"), run("jsonl"));
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(
        header,
        [
            "id",
            "read",
            "starred",
            "title",
            "path",
            "paragraphs",
            "words",
            "quotes",
            "source",
            "url",
            "date"
        ]
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let json: Vec<serde_json::Value> =
        jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows.len(), json.len());
    for (row, json) in rows.iter().zip(&json) {
        // Every key of the JSON row has its column: a field added to one format is in both.
        let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut columns = header.clone();
        keys.sort_unstable();
        columns.sort_unstable();
        assert_eq!(keys, columns);
        assert_eq!(row.len(), header.len(), "{row:?}");
        for (field, key) in row.iter().zip(&header) {
            let value = match &json[*key] {
                serde_json::Value::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            assert_eq!(*field, value, "{key}");
        }
    }
    let last = &rows[5];
    assert_eq!((last[3], last[4].ends_with("a b.txt")), ("Tram line opens", true));
    assert!(!tsv.contains('\u{1b}'));
}

#[test]
fn table_is_the_default_list_format() {
    saidso()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ID "))
        .stdout(predicate::str::contains("Putin ready to send negotiation team"));
}

#[test]
fn help_and_version() {
    saidso().arg("--version").assert().success().stdout(predicate::str::contains("saidso 0.1.0"));
    saidso().arg("--help").assert().success().stdout(predicate::str::contains("who said what"));
    // Every subcommand says what it does, in its own line of the help.
    let help = String::from_utf8(saidso().arg("--help").output().unwrap().stdout).unwrap();
    for (name, about) in [
        ("mark", "Mark articles read or unread"),
        ("config", "Print the configuration file"),
        ("fetch", "Refresh the followed feeds"),
    ] {
        let line = help.lines().find(|l| l.trim_start().starts_with(&format!("{name} ")));
        assert!(line.is_some_and(|l| l.contains(about)), "{name}: {help}");
    }
    for command in saidso::cli::command().get_subcommands() {
        assert!(command.get_about().is_some(), "{} has no description", command.get_name());
    }
}

#[test]
fn a_subcommand_help_lists_only_the_global_options_it_uses() {
    let help = |args: &[&str]| {
        let out = saidso().args(args).arg("--help").output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    // The long name of each option line (`  -h, --help  Print help`).
    let options = |help: &str| -> Vec<String> {
        help.lines()
            .filter(|l| l.trim_start().starts_with('-'))
            .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("--")))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(options(&help(&["config"])), ["--default", "--path", "--config", "--help"]);
    assert_eq!(
        options(&help(&["mark"])),
        ["--read", "--unread", "--star", "--unstar", "--state", "--verbose", "--help"]
    );
    assert_eq!(options(&help(&["feeds", "add"])), ["--feeds", "--help"]);
    let list = options(&help(&["list"]));
    for global in ["--fetch-links", "--state", "--no-state", "--config"] {
        assert!(list.iter().any(|o| o == global), "{global}: {list:?}");
    }
    // Left out of the help, not refused: before or after the subcommand's name, as before.
    let out = saidso()
        .args(["--fetch-links", "config", "--no-state", "--path", "--config", "own.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "own.toml\n");
    // The feeds file does not read the configuration: one that cannot be read is no error.
    let dir = tempfile::tempdir().unwrap();
    let feeds = dir.path().join("feeds.txt");
    std::fs::write(&feeds, "https://example.org/feed.xml politics\n").unwrap();
    let out = saidso()
        .args(["feeds", "--config", "/nonexistent/saidso.toml", "--feeds"])
        .arg(&feeds)
        .arg("list")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("https://example.org/feed.xml"));
}

#[test]
fn a_wrap_width_too_narrow_to_read_is_refused() {
    let out = saidso().args(["read", "--width", "0", "seeds"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 is not in 20.."), "{out:?}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `saidso list | head -1`: stdout closes early; no panic, no error message.
    for command in ["list --no-state seeds", "completions bash"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{} {command} | head -1", env!("CARGO_BIN_EXE_saidso")))
            .output()
            .unwrap();
        assert!(String::from_utf8_lossy(&out.stderr).is_empty(), "{command}: {out:?}");
    }
}

#[test]
fn read_never_breaks_a_hyphenated_word_across_lines() {
    let text =
        "Talks\n\nThe ministry said troops would re-posture around the decision-making centres.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, text).unwrap();
    for width in 20..60 {
        let out =
            saidso().args(["read", "--width", &width.to_string()]).arg(&path).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.lines().all(|l| !l.ends_with('-')), "width {width}:\n{stdout}");
    }
}

#[test]
fn list_columns_line_up_with_wide_titles() {
    let dir = tempfile::TempDir::new().unwrap();
    let body = "The council met on Tuesday to discuss the harbour budget and the new ferry line.";
    // A CJK title, one long enough to be clipped, and a plain one.
    let titles = ["東京の港で新しいフェリーが就航する", &"日本語".repeat(30), "Ferry line opens"];
    for (i, title) in titles.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), format!("{title}\n\n{body}\n"))
            .unwrap();
    }
    let out = saidso().arg("list").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    // The PATH column starts at the same terminal column on every line, header included.
    let path_column = |line: &str| {
        let at = line.find(".txt").or_else(|| line.find("PATH")).unwrap();
        let start = line[..at].rfind(' ').map_or(0, |i| i + 1);
        unicode_width::UnicodeWidthStr::width(&line[..start])
    };
    let columns: Vec<usize> = lines.iter().map(|l| path_column(l)).collect();
    assert!(columns.iter().all(|&c| c == columns[0]), "{columns:?}\n{text}");
    assert!(text.contains("東京の港で新しいフェリーが就航する"), "{text}");
    assert!(text.contains('…'), "the long title is clipped: {text}");
}

/// A closed stderr (`saidso list DIR 2>&1 | head -1`) stops nothing: the warnings that cannot be
/// written are dropped, and the command ends as it would have (it used to panic, abort or hang).
#[test]
fn a_closed_stderr_is_no_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..300 {
        std::fs::write(dir.path().join(format!("empty{i}.txt")), "").expect("file written");
    }
    std::fs::write(
        dir.path().join("a.txt"),
        "Harbour news\n\n\"We had no choice,\" said Ann Kyle.\n",
    )
    .expect("article written");
    for command in ["list", "quotes"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_saidso"))
            .args(["--no-state", command])
            .arg(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start saidso");
        // The reader of its stderr goes away at once.
        drop(child.stderr.take());
        // Only a guard against the hang this was: a healthy run takes a fraction of it.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let status = loop {
            if let Some(status) = child.try_wait().expect("saidso's status") {
                break status;
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("{command}: hung with its stderr closed");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert!(status.success(), "{command}: {status}");
    }
}
