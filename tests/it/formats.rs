//! Every file format through the real binary: datasets (JSON Lines, JSON arrays), saved web
//! pages, RSS and Atom feeds; told apart by content, whatever the file is called.

use std::fs;

use crate::common::saidso;
use tempfile::TempDir;

const FIXTURES: &str = "tests/fixtures/web";

/// `saidso list --format jsonl` of `paths`: the rows, and stderr's lines.
fn list(paths: &[&str]) -> (Vec<serde_json::Value>, Vec<String>) {
    let out = saidso().args(["list", "--format", "jsonl"]).args(paths).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let stderr = String::from_utf8_lossy(&out.stderr).lines().map(str::to_string).collect();
    (rows, stderr)
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

#[test]
fn json_lines_load_with_bad_lines_reported_by_number() {
    let path = fixture("articles.jsonl");
    let (rows, stderr) = list(&[&path]);
    let titles: Vec<&str> = rows.iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Harbour bridge to close for repairs",
            "Ferry adds sailings",
            "The library will open on Sundays from April"
        ]
    );
    assert_eq!(rows[0]["path"], format!("{path}:1"));
    assert_eq!(rows[0]["url"], "https://harbour.example/bridge");
    assert_eq!(rows[0]["date"], "2024-03-05");
    assert_eq!(rows[0]["source"], "The Harbour Gazette");
    assert!(rows[0]["quotes"].as_u64().unwrap() >= 1, "{rows:?}");
    assert_eq!(rows[1]["source"], "harbour.example");
    assert_eq!(rows[2]["source"], "Town Notes");
    assert_eq!(rows[2]["path"], format!("{path}:7"));
    // One line each: the cut line, the record without text, the all-boilerplate one.
    assert_eq!(stderr.len(), 3, "{stderr:?}");
    assert!(stderr[0].contains(&format!("{path}:3")) && stderr[0].contains("not a JSON object"));
    assert!(stderr[1].contains(&format!("{path}:4")) && stderr[1].contains("no text"));
    assert!(stderr[2].contains(&format!("{path}:6")) && stderr[2].contains("nothing left"));
}

#[test]
fn json_arrays_load_element_by_element() {
    let path = fixture("articles.json");
    let (rows, stderr) = list(&[&path]);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["title"], "Orchard growers fear a late frost");
    assert_eq!(rows[1]["source"], "valley.example");
    assert_eq!(stderr.len(), 1, "{stderr:?}");
    assert!(stderr[0].contains(&format!("{path}:8")), "{stderr:?}");
}

#[test]
fn a_saved_page_reads_as_clean_prose_with_its_metadata() {
    let path = fixture("article.html");
    let (rows, stderr) = list(&[&path]);
    assert!(stderr.is_empty(), "{stderr:?}");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["title"], "Harbour bridge to close for six weeks of repairs");
    assert_eq!(rows[0]["source"], "The Harbour Gazette");
    assert_eq!(rows[0]["date"], "2024-03-05T08:30:00Z");
    assert_eq!(rows[0]["paragraphs"], 5);

    let out = saidso().args(["read", "--width", "200", &path]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for prose in [
        "The old harbour bridge will close to traffic on Monday",
        "\u{201c}We cannot keep patching a structure that was built for horse carts,\u{201d} said Ilse Brandt, the council\u{2019}s head of transport.",
        "add three sailings a day & keep the last boat running until midnight.",
        "\u{201c}Half my customers walk over that bridge,\u{201d} said the baker Ruth Okafor.",
        "would stay open for most of the period.",
    ] {
        assert!(text.contains(prose), "missing {prose:?} in\n{text}");
    }
    for boilerplate in [
        "cookies",
        "Accept",
        "Home",
        "Sport",
        "Share",
        "Related",
        "Council approves",
        "First!",
        "rights reserved",
        "analytics",
        "font-family",
        "editor's note",
        // These two survive readability extraction: the cleaning rules remove them after it.
        "Advertisement",
        "Read more",
        "fares to stay",
    ] {
        assert!(!text.contains(boilerplate), "{boilerplate:?} left in\n{text}");
    }
}

#[test]
fn rss_and_atom_files_give_one_article_an_item() {
    let (rows, stderr) = list(&[&fixture("atom.xml")]);
    assert!(stderr.is_empty(), "{stderr:?}");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["title"], "Orchard growers fear a late frost");
    assert_eq!(rows[0]["path"], "https://valley.example/orchard-frost");
    assert_eq!(rows[0]["source"], "Valley Courier");
    assert_eq!(rows[0]["date"], "2024-03-07T08:00:00+00:00");
    assert!(rows[0]["quotes"].as_u64().unwrap() >= 1, "{rows:?}");
    // No date of publication: the date of the last update stands in.
    assert_eq!(rows[1]["date"], "2024-03-06T10:00:00+00:00");
}

#[test]
fn formats_are_told_by_content_not_by_name() {
    let dir = TempDir::new().unwrap();
    let copy = |from: &str, to: &str| {
        let to = dir.path().join(to);
        fs::copy(fixture(from), &to).unwrap();
        to.display().to_string()
    };
    let page = copy("article.html", "page.txt");
    let feed = copy("atom.xml", "feed.txt");
    let data = copy("articles.jsonl", "data.txt");
    let (rows, _) = list(&[&page, &feed, &data]);
    let titles: Vec<&str> = rows.iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), 1 + 2 + 3, "{titles:?}");
    assert_eq!(titles[0], "Harbour bridge to close for six weeks of repairs");
    assert_eq!(titles[1], "Orchard growers fear a late frost");
    assert_eq!(titles[3], "Harbour bridge to close for repairs");
}

#[test]
fn a_dataset_on_stdin_streams_too() {
    let input = "{\"title\": \"One\", \"text\": \"The first body.\"}\n\
                 {\"title\": \"Two\", \"text\": \"The second body.\"}\n";
    let out =
        saidso().args(["list", "--format", "jsonl", "-"]).write_stdin(input).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout.contains("\"path\":\"-:2\""), "{stdout}");
}

#[test]
fn a_big_dataset_loads_every_record_in_order() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("big.jsonl");
    let mut data = String::new();
    for i in 0..3000 {
        data.push_str(&format!(
            "{{\"title\": \"Report {i}\", \"text\": \"Report {i} says the talks went on. \\\"We will meet again,\\\" said the envoy.\"}}\n"
        ));
    }
    fs::write(&path, data).unwrap();
    let (rows, stderr) = list(&[path.to_str().unwrap()]);
    assert!(stderr.is_empty(), "{stderr:?}");
    assert_eq!(rows.len(), 3000);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["title"], format!("Report {i}"));
    }
}

#[test]
fn empty_and_binary_files_are_reported_whatever_their_extension() {
    let dir = TempDir::new().unwrap();
    let mut paths = Vec::new();
    for (name, bytes) in [
        ("empty.jsonl", &b""[..]),
        ("blank.html", b"  \n"),
        ("empty.xml", b""),
        ("image.json", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
        ("archive.rss", b"PK\x03\x04\0\0binary"),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        paths.push(path.display().to_string());
    }
    let out = saidso().arg("list").args(&paths).output().unwrap();
    assert!(!out.status.success(), "nothing to show");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (path, reason) in paths.iter().zip(["empty", "empty", "empty", "binary", "binary"]) {
        let prefix = format!("saidso: {path}: ");
        let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with(&prefix)).collect();
        assert_eq!(lines.len(), 1, "{path}: {stderr}");
        assert!(lines[0].contains(reason), "{path}: {stderr}");
    }
}

/// A document too big for any article is skipped without being read whole (here a text file
/// made 300 MiB long without writing its bytes), and a binary one is known by its first bytes.
#[test]
fn a_document_over_the_limit_is_skipped_unread() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    use std::io::Write;
    let prose = "The mayor said the bridge would close. ".repeat(2000);
    (&file).write_all(format!("Harbour news\n\n{prose}\n").as_bytes()).unwrap();
    file.set_len(300 << 20).unwrap();
    let out = saidso().arg("list").arg(&path).output().unwrap();
    assert!(!out.status.success(), "nothing to show");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped: over 256 MiB"), "{stderr}");
}

/// A JSON array cut short between two records (a download that stopped) loads the records it
/// holds and says that the file may be cut short.
#[test]
fn a_json_array_without_its_closing_bracket_is_reported() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("cut.json");
    let record = |i: u32| {
        format!(
            "{{\"title\": \"Report {i}\", \"text\": \"\\\"We will meet again,\\\" said the envoy.\"}}"
        )
    };
    fs::write(&path, format!("[{},\n{},\n", record(0), record(1))).unwrap();
    let (rows, stderr) = list(&[path.to_str().unwrap()]);
    assert_eq!(rows.len(), 2);
    assert_eq!(stderr.len(), 1, "{stderr:?}");
    assert!(stderr[0].contains("without its closing `]`"), "{stderr:?}");
}
