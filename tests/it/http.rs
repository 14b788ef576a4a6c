//! The HTTP client against a real server on 127.0.0.1: what it fetches, and every way a fetch
//! fails, each as one clear cause.

use crate::common;

use std::io::Write;
use std::time::Duration;

use common::server::{Reply, Server};
use saidso::net::{Client, Fetched, Limits, Validators};

/// A client with small limits, so that failures come quickly.
fn client() -> Client {
    Client::new(Limits {
        connect: Duration::from_secs(5),
        total: Duration::from_secs(2),
        redirects: 5,
        max_bytes: 256 << 10,
    })
}

fn body(fetched: Fetched) -> saidso::net::Page {
    match fetched {
        Fetched::Body(page) => page,
        Fetched::NotModified => panic!("expected a body"),
    }
}

fn cause(server: &Server, path: &str) -> String {
    let url = server.url(path);
    let err = client().get(&url, &Validators::default()).expect_err("should fail");
    assert_eq!(err.url, url);
    assert!(err.to_string().starts_with(&url), "{err}");
    err.cause
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn a_page_comes_with_its_type_final_url_and_validators_and_a_clear_user_agent() {
    let server = Server::start(|req| match req.path.as_str() {
        "/old" => Reply::redirect("/new"),
        "/new" => Reply::ok("text/html; charset=utf-8", "<p>hello</p>")
            .with_header("ETag", "\"abc\"")
            .with_header("Last-Modified", "Tue, 05 Mar 2024 08:30:00 GMT"),
        _ => Reply::status(404),
    });
    let page = body(client().get(&server.url("/old"), &Validators::default()).unwrap());
    assert_eq!(page.url, server.url("/new"));
    assert_eq!(page.content_type.as_deref(), Some("text/html"));
    assert_eq!(page.bytes, b"<p>hello</p>");
    assert_eq!(page.validators.etag.as_deref(), Some("\"abc\""));
    assert_eq!(page.validators.last_modified.as_deref(), Some("Tue, 05 Mar 2024 08:30:00 GMT"));
    let agent = &server.requests()[0].headers["user-agent"];
    assert!(agent.starts_with("saidso/"), "{agent}");
}

#[test]
fn conditional_get_sends_the_validators_and_an_unchanged_resource_has_no_body() {
    let server = Server::start(|req| {
        let etag_matches = req.headers.get("if-none-match").map(String::as_str) == Some("\"v1\"");
        let date_matches = req.headers.contains_key("if-modified-since");
        if etag_matches && date_matches {
            Reply::status(304)
        } else {
            Reply::ok("application/rss+xml", "<rss/>").with_header("ETag", "\"v1\"")
        }
    });
    let url = server.url("/feed.xml");
    let validators = Validators {
        etag: Some("\"v1\"".into()),
        last_modified: Some("Tue, 05 Mar 2024 08:30:00 GMT".into()),
    };
    assert!(matches!(client().get(&url, &validators).unwrap(), Fetched::NotModified));
    let sent_before = server.body_bytes_sent();
    assert_eq!(sent_before, 0, "a 304 carries no body");
    assert!(matches!(client().get(&url, &Validators::default()).unwrap(), Fetched::Body(_)));
    assert_eq!(server.body_bytes_sent(), "<rss/>".len());
}

#[test]
fn gzip_bodies_are_decompressed() {
    let server = Server::start(|req| {
        let accepts = req.headers.get("accept-encoding").is_some_and(|e| e.contains("gzip"));
        assert!(accepts, "the client asks for gzip");
        Reply::Full {
            status: 200,
            headers: vec![
                ("Content-Type".into(), "text/html".into()),
                ("Content-Encoding".into(), "gzip".into()),
            ],
            body: gzip(b"<p>unzipped</p>"),
        }
    });
    let page = body(client().get(&server.url("/"), &Validators::default()).unwrap());
    assert_eq!(page.bytes, b"<p>unzipped</p>");
}

#[test]
fn http_errors_name_the_status() {
    let server = Server::start(|req| match req.path.as_str() {
        "/gone" => Reply::status(404),
        _ => Reply::status(500),
    });
    assert_eq!(cause(&server, "/gone"), "HTTP 404 Not Found");
    assert_eq!(cause(&server, "/broken"), "HTTP 500 Internal Server Error");
}

#[test]
fn redirects_are_followed_five_times_and_no_more() {
    let server = Server::start(|req| {
        let hop: u32 = req.path.trim_start_matches("/hop/").parse().unwrap_or(0);
        match req.path.as_str() {
            "/loop" => Reply::redirect("/loop"),
            "/away" => Reply::redirect("ftp://127.0.0.1/file"),
            "/hop/5" => Reply::ok("text/plain", "arrived"),
            _ => Reply::redirect(&format!("/hop/{}", hop + 1)),
        }
    });
    let page = body(client().get(&server.url("/hop/0"), &Validators::default()).unwrap());
    assert_eq!(page.bytes, b"arrived");
    assert_eq!(cause(&server, "/loop"), "more than 5 redirects");
    assert_eq!(server.requests().iter().filter(|r| r.path == "/loop").count(), 6);
    // Only http and https are followed.
    assert!(cause(&server, "/away").contains("ftp"));
    assert!(server.requests().iter().all(|r| !r.path.contains("file")));
}

#[test]
fn a_redirect_away_from_http_is_refused_and_nothing_is_fetched_from_it() {
    let server = Server::start(|req| match req.path.as_str() {
        "/file" => Reply::redirect("file:///etc/passwd"),
        "/host-file" => Reply::redirect("FILE://localhost/etc/passwd"),
        "/data" => Reply::redirect("data:text/plain,hello"),
        "/hop" => Reply::redirect("/file"),
        _ => Reply::ok("text/plain", "fetched"),
    });
    for path in ["/file", "/host-file", "/data", "/hop"] {
        let cause = cause(&server, path);
        assert!(cause.starts_with("redirect to a non-http(s) address refused"), "{path}: {cause}");
    }
    // The message says where the redirect led.
    let scheme = cause(&server, "/file");
    assert_eq!(scheme, "redirect to a non-http(s) address refused: file:///etc/passwd");
    // Nothing is asked for past the redirect, not even the path on this server.
    let asked: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    assert!(asked.iter().all(|p| ["/file", "/host-file", "/data", "/hop"].contains(&p.as_str())));
}

#[test]
fn slow_servers_time_out_and_endless_bodies_hit_the_cap() {
    let server = Server::start(|req| match req.path.as_str() {
        "/slow" => Reply::Slow {
            delay: Duration::from_secs(4),
            reply: Box::new(Reply::ok("text/html", "late")),
        },
        "/a-little-slow" => Reply::Slow {
            delay: Duration::from_millis(200),
            reply: Box::new(Reply::ok("text/html", "worth the wait")),
        },
        _ => Reply::Endless,
    });
    assert!(cause(&server, "/slow").starts_with("timed out"));
    // Cut by a batch's deadline before its own limit, a request says the batch's time ran out.
    let deadline = std::time::Instant::now() + Duration::from_millis(500);
    let err = client()
        .get_before(&server.url("/slow"), &Validators::default(), Some(deadline))
        .expect_err("out of time");
    assert!(err.cause.contains("out of time"), "{}", err.cause);
    let page = body(client().get(&server.url("/a-little-slow"), &Validators::default()).unwrap());
    assert_eq!(page.bytes, b"worth the wait");
    assert_eq!(cause(&server, "/endless"), "response larger than 256 KiB");
}

#[test]
fn a_truncated_body_is_an_error_not_a_short_page() {
    let server = Server::start(|_| Reply::Truncated {
        declared: 1000,
        body: b"<rss><channel><title>cut".to_vec(),
    });
    assert!(cause(&server, "/feed.xml").contains("truncated"));
}

#[test]
fn tls_to_a_plain_server_fails_with_a_cause_and_other_schemes_are_refused() {
    let server = Server::start(|_| Reply::ok("text/html", "plain"));
    let url = format!("https://127.0.0.1:{}/", server.port());
    let err = client().get(&url, &Validators::default()).unwrap_err();
    assert!(err.cause.starts_with("TLS error"), "{err}");
    let err = client().get("file:///etc/passwd", &Validators::default()).unwrap_err();
    assert_eq!(err.cause, "only http and https links are followed");
}

#[test]
fn a_scheme_relative_redirect_is_followed_and_a_failure_after_a_redirect_names_where_it_led() {
    let server = Server::start(|req| match req.path.as_str() {
        "/scheme-relative" => {
            let host = req.headers.get("host").cloned().unwrap_or_default();
            Reply::redirect(&format!("//{host}/new"))
        }
        "/new" => Reply::ok("text/plain", "arrived"),
        "/to-nowhere" => Reply::redirect("//nowhere.invalid/feed.xml"),
        "/to-missing" => Reply::redirect("/missing"),
        "/no-location" => Reply::status(302),
        _ => Reply::status(404),
    });
    let page = body(client().get(&server.url("/scheme-relative"), &Validators::default()).unwrap());
    assert_eq!(page.url, server.url("/new"));
    assert_eq!(page.bytes, b"arrived");
    let nowhere = cause(&server, "/to-nowhere");
    assert!(nowhere.starts_with("redirected to http://nowhere.invalid/feed.xml: "), "{nowhere}");
    let missing = cause(&server, "/to-missing");
    assert_eq!(missing, format!("redirected to {}: HTTP 404 Not Found", server.url("/missing")));
    let nowhere = cause(&server, "/no-location");
    assert_eq!(nowhere, "HTTP 302 Found, a redirect with no address to go to");
}

#[test]
fn conditional_headers_go_only_to_the_server_they_came_from() {
    let elsewhere = Server::start(|_| Reply::ok("application/rss+xml", "<rss/>"));
    let target = elsewhere.url("/feed.xml");
    let server = Server::start(move |req| match req.path.as_str() {
        "/moved.xml" => Reply::redirect(&target),
        "/here.xml" => Reply::redirect("/there.xml"),
        _ => Reply::ok("application/rss+xml", "<rss/>"),
    });
    let validators = Validators {
        etag: Some("\"v1\"".into()),
        last_modified: Some("Tue, 05 Mar 2024 08:30:00 GMT".into()),
    };
    for path in ["/moved.xml", "/here.xml"] {
        body(client().get(&server.url(path), &validators).unwrap());
    }
    let conditional = |r: &common::server::Request| {
        r.headers.contains_key("if-none-match") || r.headers.contains_key("if-modified-since")
    };
    // On the same server they are still asked with: a feed moved there can be "not modified".
    let asked = server.requests();
    assert!(asked.iter().any(|r| r.path == "/there.xml"), "{asked:?}");
    assert!(asked.iter().all(conditional), "{asked:?}");
    // Another server (here another port) is asked unconditionally.
    let asked = elsewhere.requests();
    assert_eq!(asked.len(), 1);
    assert!(!conditional(&asked[0]), "{asked:?}");
}

#[test]
fn the_per_host_limit_counts_the_host_a_redirect_leads_to() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    // The busy host holds every request to `/hold` until the test lets go.
    let release = Arc::new(AtomicBool::new(false));
    let busy = {
        let release = release.clone();
        Server::start(move |req| {
            if req.path == "/hold" {
                while !release.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
            Reply::ok("text/plain", "busy")
        })
    };
    let target = busy.url("/page");
    let front = Server::start(move |_| Reply::redirect(&target));
    let client = client();
    let held: Vec<_> = (0..saidso::net::PER_HOST)
        .map(|_| {
            let (client, url) = (client.clone(), busy.url("/hold"));
            std::thread::spawn(move || client.get(&url, &Validators::default()))
        })
        .collect();
    while busy.requests().len() < saidso::net::PER_HOST {
        std::thread::sleep(Duration::from_millis(10));
    }
    // Every place at the busy host is taken: a request redirected there waits for one too.
    let deadline = std::time::Instant::now() + Duration::from_millis(300);
    let result = client.get_before(&front.url("/"), &Validators::default(), Some(deadline));
    release.store(true, Ordering::SeqCst);
    let err = result.expect_err("the busy host is full");
    assert_eq!(err.cause, format!("redirected to {}: not fetched: out of time", busy.url("/page")));
    assert!(busy.requests().iter().all(|r| r.path == "/hold"));
    for request in held {
        assert!(request.join().unwrap().is_ok());
    }
}
