//! Nothing fetched unasked, nothing waits on the slow: a local feed file never reaches the
//! network (requests counted on a real server on 127.0.0.1), `--fetch-links` asks for its pages,
//! and a feed whose pages never answer still lists every item from its summary, with no more
//! than the per-host limit of connections open at once. In the reader, a local file shows
//! while a URL given beside it has not answered.

use crate::common;

use std::fs;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use assert_cmd::Command;
use common::server::{Reply, Server};
use saidso::app::Action;
use saidso::config::Config;
use saidso::net::PER_HOST;
use saidso::tui::Event;
use saidso::tui::background::{Work, spawn_loader};
use tempfile::TempDir;

/// A page with a whole article, for the items that link to it.
const PAGE: &str = "<html><head><title>Pier</title></head><body><article>\
    <p>The pier will reopen in May after two winters of repairs, the harbour board said on \
    Monday, and the cafe at its end will open with it.</p>\
    <p>\u{201c}We kept every plank we could,\u{201d} said the engineer, Lise Varga.</p>\
    </article></body></html>";

/// An RSS feed of `count` summary-only items whose links point at `base`.
fn feed(base: &str, count: usize) -> String {
    let items: String = (0..count)
        .map(|i| {
            format!(
                "<item><title>Item {i}</title><link>{base}/page/{i}</link>\
                 <description>Summary of item {i}.</description></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Pier News</title>{items}</channel></rss>"
    )
}

fn saidso(dir: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("saidso").expect("binary built");
    cmd.arg("--state").arg(dir.path().join("state.sqlite3"));
    cmd
}

#[test]
fn a_local_feed_file_makes_no_request_unless_asked() {
    let server = Server::start(|_| Reply::ok("text/html", PAGE));
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("saved.xml");
    fs::write(&file, feed(&server.url(""), 3)).unwrap();

    let out = saidso(&dir).args(["list", "--format", "jsonl"]).arg(&file).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    assert_eq!(server.requests().len(), 0, "a local file never reaches the network");
    // The summaries stand in for the pages, said once for the feed.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("3 items shown from the feed's summaries"), "{stderr}");
    assert!(stderr.contains("--fetch-links"), "{stderr}");

    let out =
        saidso(&dir).args(["--fetch-links", "read", "--width", "200"]).arg(&file).output().unwrap();
    assert!(out.status.success());
    assert_eq!(server.requests().len(), 3, "asked: every page fetched once");
    assert!(String::from_utf8_lossy(&out.stdout).contains("said the engineer, Lise Varga"));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn pages_that_never_answer_hold_back_nothing() {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let server = {
        let (in_flight, most) = (in_flight.clone(), most.clone());
        Server::start(move |req| {
            if req.path == "/feed.xml" {
                let base = format!("http://{}", req.headers["host"]);
                return Reply::ok("application/rss+xml", feed(&base, 300));
            }
            // A tarpit: the connection is held open and nothing comes back.
            let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(Duration::from_secs(40));
            in_flight.fetch_sub(1, Ordering::SeqCst);
            Reply::status(404)
        })
    };
    let dir = TempDir::new().unwrap();
    let local = dir.path().join("local.txt");
    fs::write(&local, "Harbour notes\n\nThe tide came in, said the harbour master, Ana Ruiz.\n")
        .unwrap();
    let out = saidso(&dir)
        .args(["list", "--format", "jsonl", &server.url("/feed.xml")])
        .arg(&local)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 301);
    // The local file comes first: it never waits on the web.
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["title"], "Harbour notes", "{first}");
    let most = most.load(Ordering::SeqCst);
    assert!((1..=PER_HOST).contains(&most), "{most} connections at once");
    assert!(server.requests().len() < 300, "the feed's time ran out before its pages did");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("300 items shown from the feed's summaries"), "{stderr}");
}

#[test]
fn files_beside_a_local_feed_do_not_wait_for_its_links() {
    // The pages answer, but late: with `--fetch-links` the feed's items come with their full
    // text, after the file given beside the feed, not held back with it.
    let server = Server::start(|_| Reply::Slow {
        delay: Duration::from_millis(300),
        reply: Box::new(Reply::ok("text/html", PAGE)),
    });
    let dir = TempDir::new().unwrap();
    let feed_file = dir.path().join("saved.xml");
    fs::write(&feed_file, feed(&server.url(""), 2)).unwrap();
    let local = dir.path().join("local.txt");
    fs::write(&local, "Harbour notes\n\nThe tide came in, said the harbour master, Ana Ruiz.\n")
        .unwrap();
    let out = saidso(&dir)
        .args(["--fetch-links", "list", "--format", "jsonl"])
        .arg(&feed_file)
        .arg(&local)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let titles: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            row["title"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(titles, ["Harbour notes", "Item 0", "Item 1"]);
    assert_eq!(server.requests().len(), 2, "every page fetched once");
}

#[test]
fn in_the_reader_a_local_file_shows_while_a_url_beside_it_never_answers() {
    // The server holds every request until the test ends and drops `release`.
    let (release, held) = mpsc::channel::<()>();
    let held = Mutex::new(held);
    let server = Server::start(move |_| {
        let _ = held.lock().map(|h| h.recv());
        Reply::status(404)
    });
    let dir = TempDir::new().unwrap();
    let local = dir.path().join("local.txt");
    fs::write(&local, "Harbour notes\n\nThe tide came in, said the harbour master, Ana Ruiz.\n")
        .unwrap();
    // The URL first, in the same first group of inputs as the file.
    let paths = vec![server.url("/silent.html"), local.display().to_string()];
    let (tx, rx) = mpsc::channel();
    let _loader = spawn_loader(Some(paths), Vec::new(), Work::new(&Config::builtin()), tx);
    loop {
        match rx.recv().expect("the loader sends until it is done") {
            Event::Action(Action::Loaded(batch)) => {
                // Nothing from the URL yet: it cannot have answered, the server holds it.
                assert!(batch.problems.is_empty(), "{:?}", batch.problems);
                assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
                if batch.entries.iter().any(|e| e.article.title == "Harbour notes") {
                    break;
                }
            }
            Event::Action(Action::LoadingDone) => panic!("loading ended without the local file"),
            _ => {}
        }
    }
    drop(release);
}

#[test]
fn followed_feeds_are_added_listed_removed_and_round_trip_through_opml() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("feeds");
    let feeds = |args: &[&str]| {
        let out = saidso(&dir).arg("feeds").arg("--feeds").arg(&file).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    feeds(&["add", "https://a.example/rss", "world", "~A Daily"]);
    feeds(&["add", "http://b.example/atom"]);
    assert_eq!(
        feeds(&["list"]),
        "https://a.example/rss \"world\" \"~A Daily\"\nhttp://b.example/atom\n"
    );
    assert_eq!(saidso::feeds::tags_of(&file, "https://a.example/rss"), ["world"]);
    let opml = dir.path().join("out.opml");
    fs::write(&opml, feeds(&["export"])).unwrap();
    feeds(&["remove", "http://b.example/atom"]);
    assert_eq!(feeds(&["list"]), "https://a.example/rss \"world\" \"~A Daily\"\n");
    assert!(feeds(&["import", opml.to_str().unwrap()]).contains("2 feeds"));
    assert_eq!(
        feeds(&["list"]),
        "https://a.example/rss \"world\" \"~A Daily\"\nhttp://b.example/atom\n"
    );
}
