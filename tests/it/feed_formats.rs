//! Every item of every kind of feed, each with its own link, through the real binary: RSS 0.91
//! to 2.01 and with no version, RDF, Atom with comments and enclosure links, media RSS with text
//! only in its media or none at all, and JSON Feed 1 and 1.1 (fixtures in tests/fixtures/feeds).

use assert_cmd::Command;
use tempfile::TempDir;

const FIXTURES: &str = "tests/fixtures/feeds";

/// `(title, url)` of each article `saidso list` gives for the fixture `name`; no request is
/// made (a local file), so the links need no server.
fn items(name: &str) -> Vec<(String, String)> {
    let dir = TempDir::new().unwrap();
    let out = Command::cargo_bin("saidso")
        .unwrap()
        .arg("--state")
        .arg(dir.path().join("s"))
        .args(["list", "--format", "jsonl", &format!("{FIXTURES}/{name}")])
        .output()
        .unwrap();
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("skipped"), "{name}: {stderr}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let row: serde_json::Value = serde_json::from_str(l).unwrap();
            let text = |k: &str| row[k].as_str().unwrap_or_default().to_string();
            (text("title"), text("url"))
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(t, u)| (t.to_string(), u.to_string())).collect()
}

const TIDES: [(&str, &str); 2] = [
    ("Tide tables change for the spring", "https://tides.example/spring"),
    ("Lighthouse keeper retires", "https://tides.example/keeper"),
];

#[test]
fn every_rss_version_and_none_is_read() {
    for name in [
        "rss-0.91.xml",
        "rss-0.92.xml",
        "rss-0.93.xml",
        "rss-0.94.xml",
        "rss-2.01.xml",
        "rss-no-version.xml",
        "rdf.xml",
    ] {
        assert_eq!(items(name), pairs(&TIDES), "{name}");
    }
}

#[test]
fn json_feeds_are_feeds_not_datasets() {
    for name in ["feed-1.json", "feed-1.1.json"] {
        assert_eq!(items(name), pairs(&TIDES), "{name}");
    }
}

#[test]
fn an_item_links_to_its_own_page_never_its_comments_or_enclosure() {
    assert_eq!(
        items("rss-links.xml"),
        pairs(&[
            ("Comments first", "https://tides.example/one"),
            ("Permalink only", "https://tides.example/two"),
            ("Comments only", ""),
        ])
    );
    assert_eq!(
        items("atom-links.xml"),
        pairs(&[
            ("Episode 12: the spring tides", "https://tides.example/ep12"),
            ("Episode 11: the keeper", "https://tides.example/ep11"),
        ])
    );
}

#[test]
fn media_items_are_listed_with_their_descriptions_or_titles() {
    assert_eq!(
        items("media.xml"),
        pairs(&[
            ("Storm over the breakwater", "https://tides.example/v/1"),
            ("Seals on the slipway", "https://tides.example/v/2"),
            ("The harbour at dawn", "https://tides.example/p/3"),
        ])
    );
    let dir = TempDir::new().unwrap();
    let out = Command::cargo_bin("saidso")
        .unwrap()
        .arg("--state")
        .arg(dir.path().join("s"))
        .args(["read", "--width", "200", &format!("{FIXTURES}/media.xml")])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Waves break over the harbour wall"), "{text}");
    assert!(text.contains("A family of seals rests"), "{text}");
}

/// `saidso list` of a feed written to a file: its `(title, url)` rows and its stderr.
fn list_file(name: &str, feed: &str) -> (Vec<(String, String)>, String) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, feed).unwrap();
    let out = Command::cargo_bin("saidso")
        .unwrap()
        .arg("--state")
        .arg(dir.path().join("s"))
        .args(["list", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    let rows = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let row: serde_json::Value = serde_json::from_str(l).unwrap();
            let text = |k: &str| row[k].as_str().unwrap_or_default().to_string();
            (text("title"), text("url"))
        })
        .collect();
    (rows, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_broken_feed_keeps_the_items_before_its_xml_error() {
    let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Tides</title>\n\
        <item><title>Tide tables change for the spring</title><link>https://tides.example/spring</link>\
        <description>The harbour office will print new tide tables in March.</description></item>\n\
        <item><title>Broken <b>bold</title><link>https://tides.example/broken</link></item>\n\
        </channel></rss>\n";
    let (rows, stderr) = list_file("broken.xml", rss);
    assert_eq!(rows, pairs(&TIDES[..1]));
    assert!(!stderr.contains("skipped"), "{stderr}");
    assert!(
        stderr.contains(
            "broken.xml: warning: only the first item is read; the feed is broken after it \
             (ill-formed document: expected `</b>`, but `</title>` was found, at line 4, column 28)"
        ),
        "{stderr}"
    );

    let atom = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Tides</title>\n\
        <entry><title>Tide tables change for the spring</title><id>urn:1</id>\
        <link href=\"https://tides.example/spring\"/><content>New tables in March.</content></entry>\n\
        <entry><title>Lighthouse keeper retires</title><id>urn:2</id>\
        <link href=\"https://tides.example/keeper\"/><content>After forty years.</content></entry>\n\
        <entry><title>Cut short</title><id>urn:3</id><content>Half a";
    let (rows, stderr) = list_file("broken.atom", atom);
    assert_eq!(rows, pairs(&TIDES));
    assert!(stderr.contains("warning: only the first 2 items are read"), "{stderr}");
    assert!(stderr.contains("at line 5, column"), "{stderr}");

    // Broken before any item ends: nothing to keep, and still an error.
    let (rows, stderr) = list_file("early.xml", &rss.replace("Tide tables", "Tide <i>tables"));
    assert!(rows.is_empty());
    assert!(stderr.contains("early.xml: skipped: not a readable feed"), "{stderr}");
}
