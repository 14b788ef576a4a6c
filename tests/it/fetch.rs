//! Feeds and pages over HTTP through the real binary, against a server on 127.0.0.1: URLs as
//! paths, `saidso fetch` with every kind of failing feed, conditional GET, and fetched articles
//! kept in a real SQLite file without duplicates.

use crate::common;

use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use assert_cmd::Command;
use common::server::{Reply, Server};
use saidso::app::{Action, Effect, RefreshReport, update};
use saidso::config::Config;
use saidso::store::{Location, Store};
use saidso::tui::background::Work;
use saidso::tui::{EffectRunner, Event, Refresher};
use tempfile::TempDir;

const FIXTURES: &str = "tests/fixtures/web";

/// The gazette's feed and pages, and a feed for every way of failing. The feed's ETag is
/// `"v{version}"`: bump `version` to publish a new copy.
pub(crate) fn news_server(version: Arc<AtomicUsize>) -> Server {
    let fixture = |name: &str| fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap();
    let (feed, ferry) = (fixture("feed.xml"), fixture("ferry.html"));
    let (library, page) = (fixture("atom.xml"), fixture("article.html"));
    Server::start(move |req| {
        let base = format!("http://{}", req.headers["host"]);
        let etag = format!("\"v{}\"", version.load(Ordering::SeqCst));
        match req.path.as_str() {
            "/feed.xml" if req.headers.get("if-none-match") == Some(&etag) => Reply::status(304),
            "/feed.xml" => Reply::ok("application/rss+xml", feed.replace("{BASE}", &base))
                .with_header("ETag", &etag),
            "/atom" => Reply::ok("application/atom+xml", library.clone()),
            "/pages/ferry.html" => Reply::ok("text/html; charset=utf-8", ferry.clone()),
            "/article.html" => Reply::ok("text/html", page.clone()),
            "/not-a-feed.xml" => Reply::ok("text/html", page.clone()),
            "/malformed.xml" => Reply::ok("application/rss+xml", "<rss><channel><item><ti"),
            "/truncated.xml" => {
                Reply::Truncated { declared: 5000, body: feed.as_bytes()[..300].to_vec() }
            }
            "/loop.xml" => Reply::redirect("/loop.xml"),
            "/latin1.html" => Reply::ok(
                "text/html; charset=ISO-8859-1",
                b"<html><head><title>Caf\xe9 owners protest</title></head><body>\
                  <p>The owners of the caf\xe9 said they would close on Sunday.</p></body></html>"
                    .to_vec(),
            ),
            _ => Reply::status(404),
        }
    })
}

fn saidso(state: &Path) -> Command {
    let mut cmd = Command::cargo_bin("saidso").expect("binary built");
    cmd.arg("--state").arg(state);
    cmd
}

fn rows(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn a_feed_url_opens_its_items_fetching_the_pages_of_summary_only_ones() {
    let server = news_server(Arc::new(AtomicUsize::new(1)));
    let dir = TempDir::new().unwrap();
    let state = dir.path().join("state.sqlite3");
    let out = saidso(&state)
        .args(["list", "--format", "jsonl", &server.url("/feed.xml")])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = rows(&out.stdout);
    let titles: Vec<&str> = rows.iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Night ferry adds sailings while the bridge is shut",
            "Library to open on Sundays",
            "Market square to be repaved"
        ]
    );
    // The ferry item had a one-line summary: its page was fetched and gave the article.
    assert_eq!(rows[0]["paragraphs"], 4);
    assert!(rows[0]["quotes"].as_u64().unwrap() >= 2, "{rows:?}");
    assert_eq!(rows[0]["url"], server.url("/pages/ferry.html"));
    assert_eq!(rows[0]["source"], "The Harbour Gazette");
    assert_eq!(rows[0]["date"], "2024-03-06T07:15:00+00:00");
    assert!(server.requests().iter().any(|r| r.path == "/pages/ferry.html"));
    // The library item carried its full text: no page fetched.
    assert!(server.requests().iter().all(|r| r.path != "/pages/library.html"));
    // The market item's page is gone: its summary stands in, with a warning naming the link.
    assert_eq!(rows[2]["paragraphs"], 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&server.url("/pages/gone.html")) && stderr.contains("404"), "{stderr}");

    let out =
        saidso(&state).args(["read", "--width", "200", &server.url("/feed.xml")]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\u{201c}We have the boats and we have the crews,\u{201d} said Tomas"));
    assert!(!text.contains("Sign up now"), "{text}");
}

#[test]
fn a_page_url_reads_as_clean_prose() {
    let server = news_server(Arc::new(AtomicUsize::new(1)));
    let dir = TempDir::new().unwrap();
    let out = saidso(&dir.path().join("s"))
        .args(["read", "--width", "200", &server.url("/article.html")])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Harbour bridge to close for six weeks of repairs\n"), "{text}");
    assert!(text.contains("said the baker Ruth Okafor"), "{text}");
    assert!(!text.contains("cookies") && !text.contains("Related"), "{text}");
}

#[test]
fn a_page_in_a_legacy_encoding_is_decoded_by_its_declared_charset() {
    let server = news_server(Arc::new(AtomicUsize::new(1)));
    let dir = TempDir::new().unwrap();
    let out =
        saidso(&dir.path().join("s")).args(["read", &server.url("/latin1.html")]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "no lossy-UTF-8 warning: {out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Caf\u{e9} owners protest\n===================\n\n\
         The owners of the caf\u{e9} said they would close on Sunday.\n"
    );
}

#[test]
fn a_failing_url_is_one_line_and_the_other_paths_still_load() {
    let server = news_server(Arc::new(AtomicUsize::new(1)));
    let dir = TempDir::new().unwrap();
    let out = saidso(&dir.path().join("s"))
        .args(["list", "--format", "jsonl", &server.url("/missing"), &server.url("/atom")])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(rows(&out.stdout).len(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        format!("saidso: {}: skipped: HTTP 404 Not Found", server.url("/missing"))
    );
}

#[test]
fn fetch_keeps_new_articles_once_and_an_unchanged_feed_costs_no_body() {
    let version = Arc::new(AtomicUsize::new(1));
    let server = news_server(version.clone());
    let dir = TempDir::new().unwrap();
    let state = dir.path().join("state.sqlite3");
    let feeds = dir.path().join("feeds");
    let tls = format!("https://127.0.0.1:{}/feed.xml", server.port());
    let failing =
        ["/missing.xml", "/not-a-feed.xml", "/malformed.xml", "/truncated.xml", "/loop.xml"];
    let mut list = format!("# test feeds\n{} news \"~Gazette\"\n", server.url("/feed.xml"));
    for path in failing {
        list.push_str(&format!("{}\n", server.url(path)));
    }
    list.push_str(&format!("{tls}\n"));
    fs::write(&feeds, list).unwrap();
    let fetch = || saidso(&state).arg("fetch").arg("--feeds").arg(&feeds).output().unwrap();

    let out = fetch();
    assert!(out.status.success(), "some feeds worked: {out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "7 feeds: 1 updated (3 new articles), 0 unchanged, 6 failed"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    for (url, cause) in [
        (server.url("/missing.xml"), "HTTP 404 Not Found"),
        (server.url("/not-a-feed.xml"), "expected a feed, got an HTML page"),
        (server.url("/malformed.xml"), "not a readable feed"),
        (server.url("/truncated.xml"), "truncated body"),
        (server.url("/loop.xml"), "more than 5 redirects"),
        (tls, "TLS error"),
    ] {
        let hits: Vec<&&str> = lines.iter().filter(|l| l.contains(&format!("{url}:"))).collect();
        assert_eq!(hits.len(), 1, "{url}: {stderr}");
        assert!(hits[0].contains(cause), "{url}: {stderr}");
    }
    // Those six, and the item whose page is gone (its summary kept).
    assert_eq!(lines.len(), 7, "{stderr}");

    let fetched = || {
        let out = saidso(&state).args(["list", "--fetched", "--format", "jsonl"]).output().unwrap();
        assert!(out.status.success());
        rows(&out.stdout)
    };
    let stored = fetched();
    assert_eq!(stored.len(), 3);
    // Newest first, under the feed's display name from the feeds file.
    assert_eq!(stored[0]["title"], "Night ferry adds sailings while the bridge is shut");
    assert_eq!(stored[0]["source"], "Gazette");
    assert_eq!(stored[0]["url"], server.url("/pages/ferry.html"));
    assert_eq!(stored[0]["paragraphs"], 4);

    // Unchanged: one conditional request, answered 304 with no body, and no page fetched.
    let requests_before = server.requests().len();
    let out = fetch();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "7 feeds: 0 updated (0 new articles), 1 unchanged, 6 failed"
    );
    let new_requests = &server.requests()[requests_before..];
    let feed_requests: Vec<_> = new_requests.iter().filter(|r| r.path == "/feed.xml").collect();
    assert_eq!(feed_requests.len(), 1);
    assert_eq!(feed_requests[0].headers.get("if-none-match").map(String::as_str), Some("\"v1\""));
    assert!(new_requests.iter().all(|r| !r.path.starts_with("/pages/")));

    // Read one, then publish the feed anew: nothing is stored twice, and the mark stays.
    let id = stored[0]["id"].as_str().unwrap();
    saidso(&state).args(["mark", "--read", id]).assert().success();
    version.store(2, Ordering::SeqCst);
    let out = fetch();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "7 feeds: 1 updated (0 new articles), 0 unchanged, 6 failed"
    );
    let again = fetched();
    assert_eq!(again.len(), 3);
    assert_eq!(again[0]["id"], id);
    assert_eq!(again[0]["read"], true);
}

#[test]
fn fetch_fails_only_when_every_feed_fails() {
    let server = news_server(Arc::new(AtomicUsize::new(1)));
    let dir = TempDir::new().unwrap();
    let feeds = dir.path().join("feeds");
    fs::write(&feeds, format!("{}\nnot-a-url\n{}\n", server.url("/gone"), server.url("/loop.xml")))
        .unwrap();
    let out =
        saidso(&dir.path().join("s")).arg("fetch").arg("--feeds").arg(&feeds).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{}:2: skipped", feeds.display())), "{stderr}");
    assert!(stderr.contains("every feed failed"), "{stderr}");

    let out = saidso(&dir.path().join("s"))
        .arg("fetch")
        .arg("--feeds")
        .arg(dir.path().join("none"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the feeds file"));

    // Nothing but lines that are not feeds: the error says why.
    fs::write(&feeds, "# mine\nexample.org/feed\n").unwrap();
    let out =
        saidso(&dir.path().join("s")).arg("fetch").arg("--feeds").arg(&feeds).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let why =
        format!("no feed URL in {0} ({0}:2: skipped: `example.org/feed` is not", feeds.display());
    assert!(stderr.contains(&why), "{stderr}");
}

#[test]
fn a_fetched_feed_broken_after_an_item_keeps_that_item() {
    let text = "The ferry returns to the island on Monday after a winter in the yard, the harbour \
                master said.\n\n\u{201c}We missed her,\u{201d} said Ann Holm, who runs the kiosk.";
    let feed = format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
         <channel><title>Gazette</title>\n\
         <item><title>Ferry returns</title><link>http://127.0.0.1:9/ferry</link>\
         <content:encoded><![CDATA[<p>{text}</p>]]></content:encoded></item>\n\
         <item><title>Broken <b>bold</title></item>\n</channel></rss>\n"
    );
    let server = Server::start(move |_| Reply::ok("application/rss+xml", feed.clone()));
    let dir = TempDir::new().unwrap();
    let (state, feeds) = (dir.path().join("s"), dir.path().join("feeds"));
    fs::write(&feeds, format!("{}\n", server.url("/feed.xml"))).unwrap();
    let out = saidso(&state).arg("fetch").arg("--feeds").arg(&feeds).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "1 feeds: 1 updated (1 new articles), 0 unchanged, 0 failed"
    );
    let warning = format!(
        "{}: warning: only the first item is read; the feed is broken after it (ill-formed \
         document: expected `</b>`, but `</title>` was found, at line 6, column 28)",
        server.url("/feed.xml")
    );
    assert!(stderr.contains(&warning), "{stderr}");
    let out = saidso(&state).args(["list", "--fetched", "--format", "jsonl"]).output().unwrap();
    let stored = rows(&out.stdout);
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["title"], "Ferry returns");
}

/// Starts a refresh and waits for what it sends back: its progress, then its result.
fn refresh(refresher: &Refresher, rx: &Receiver<Event>) -> (Vec<(usize, usize)>, RefreshReport) {
    refresher.start();
    answer(rx)
}

/// Waits for what a refresh sends back: its progress, then its result.
fn answer(rx: &Receiver<Event>) -> (Vec<(usize, usize)>, RefreshReport) {
    let mut progress = Vec::new();
    loop {
        match rx.recv_timeout(Duration::from_secs(120)).expect("the refresh answers") {
            Event::Action(Action::RefreshProgress { done, total }) => progress.push((done, total)),
            Event::Action(Action::RefreshDone(refreshed)) => return (progress, *refreshed),
            other => panic!("unexpected event {other:?}"),
        }
    }
}

#[test]
fn r_in_the_reader_refreshes_in_the_background_and_lists_only_new_articles() {
    let server = news_server(Arc::new(AtomicUsize::new(1)));
    let dir = TempDir::new().unwrap();
    let state = dir.path().join("state.sqlite3");
    let feeds = dir.path().join("feeds");
    fs::write(&feeds, format!("{}\n{}\n", server.url("/feed.xml"), server.url("/missing.xml")))
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let refresher = Refresher {
        state: Location::File(state.clone()),
        feeds: Some(feeds),
        work: Work::new(&Config::builtin()),
        tx,
    };
    let mut app = common::app_with(common::seeds(), 120, 40);
    app.effects.clear();

    update(&mut app, Action::Command(saidso::app::Command::Refresh));
    update(&mut app, Action::Command(saidso::app::Command::Refresh));
    assert_eq!(app.effects, vec![Effect::Refresh], "one refresh at a time");
    assert_eq!(app.status.message.as_deref(), Some("Still refreshing the followed feeds"));
    assert!(common::screen(&app).contains("refreshing…"));

    let (progress, refreshed) = refresh(&refresher, &rx);
    assert_eq!(progress.len(), 2);
    assert!(progress.contains(&(2, 2)), "{progress:?}");
    update(&mut app, Action::RefreshDone(Box::new(refreshed)));
    assert_eq!(app.library.refreshing, None);
    let titles: Vec<&str> =
        app.library.entries[5..].iter().map(|e| e.article.title.as_str()).collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(titles.contains(&"Night ferry adds sailings while the bridge is shut"), "{titles:?}");
    let message = app.status.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("3 new articles from 2 feeds, 1 failed; http://")
            && message.ends_with("/missing.xml: HTTP 404 Not Found"),
        "{message}"
    );
    // The speakers index takes them in: the ferry's operator is quoted.
    let ferry = app.library.entries.iter().find(|e| e.article.title.starts_with("Night ferry"));
    assert!(ferry.unwrap().quotes.iter().any(|q| q.speaker.as_deref() == Some("Tomas Ferreira")));
    // Kept for offline reading, in the real state file, which `saidso --fetched` opens (a
    // table when not on a terminal).
    let out = saidso(&state).args(["list", "--fetched", "--format", "jsonl"]).output().unwrap();
    assert_eq!(rows(&out.stdout).len(), 3);
    let out = saidso(&state).arg("--fetched").output().unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert_eq!(table.lines().count(), 4, "a header and the three articles, no seed: {table}");
    assert!(table.contains("Night ferry adds sailings"), "{table}");

    // Again: the feed is unchanged, and nothing is listed twice.
    update(&mut app, Action::Command(saidso::app::Command::Refresh));
    let (_, again) = refresh(&refresher, &rx);
    update(&mut app, Action::RefreshDone(Box::new(again)));
    assert_eq!(app.library.entries.len(), 8);
    let message = app.status.message.clone().unwrap_or_default();
    assert!(message.starts_with("Nothing new from 2 feeds, 1 failed; "), "{message}");
}

#[test]
fn a_refresh_without_a_feeds_file_says_what_to_do() {
    let dir = TempDir::new().unwrap();
    let (tx, rx) = mpsc::channel();
    let refresher = Refresher {
        state: Location::Memory,
        feeds: Some(dir.path().join("feeds")),
        work: Work::new(&Config::builtin()),
        tx,
    };
    let mut app = common::app_with(common::seeds(), 120, 40);
    update(&mut app, Action::Command(saidso::app::Command::Refresh));
    // The effect runner starts the refresh the key asked for.
    let mut effects = EffectRunner::new(Store::in_memory(), Vec::new(), dir.path());
    effects.refresher = Some(refresher);
    effects.run(&mut app);
    assert!(app.effects.is_empty());
    let (progress, refreshed) = answer(&rx);
    assert!(progress.is_empty());
    update(&mut app, Action::RefreshDone(Box::new(refreshed)));
    assert_eq!(app.library.entries.len(), 5);
    let message = app.status.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("Cannot refresh: no feeds file; add feed URLs to ")
            && message.ends_with("/feeds")
            && message.chars().count() < 100,
        "{message}"
    );
    // And a new refresh can start.
    update(&mut app, Action::Command(saidso::app::Command::Refresh));
    assert_eq!(app.library.refreshing, Some((0, 0)));
}

#[test]
fn a_text_fetched_through_a_redirect_keeps_the_address_it_came_from() {
    let server = Server::start(|req| match req.path.as_str() {
        "/start" => Reply::redirect("/notes/harbour.txt"),
        _ => Reply::ok(
            "text/plain",
            "Harbour notes\n\nThe tide came in, said the harbour master, Ana Ruiz.\n",
        ),
    });
    let dir = TempDir::new().unwrap();
    let out = saidso(dir.path())
        .args(["list", "--format", "jsonl"])
        .arg(server.url("/start"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let row: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).trim()).unwrap();
    assert_eq!(row["title"], "Harbour notes");
    assert_eq!(row["path"], server.url("/start").as_str());
    assert_eq!(row["url"], server.url("/notes/harbour.txt").as_str());
}
