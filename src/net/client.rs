//! The one HTTP client: timeouts, a redirect limit, a size cap, gzip, conditional GET and a clear
//! User-Agent. Only `http` and `https` URLs are ever requested.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use ureq::ResponseExt;

/// Connections open at once to one host, across every thread sharing a client: polite, and a
/// slow or silent host holds no more than this many of saidso's threads.
pub const PER_HOST: usize = 8;

/// How the client behaves; the defaults suit feeds and article pages on the open web.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Time to open a connection.
    pub connect: Duration,
    /// Time for a whole request, redirects and body included.
    pub total: Duration,
    /// Redirects followed before giving up.
    pub redirects: u32,
    /// Largest body accepted, in bytes (after decompression).
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect: Duration::from_secs(10),
            total: Duration::from_secs(30),
            redirects: 5,
            max_bytes: 16 << 20,
        }
    }
}

/// What an earlier fetch said about a URL's content, sent back so that an unchanged resource
/// answers `304 Not Modified` with no body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
}

/// A successful response.
#[derive(Debug)]
pub enum Fetched {
    /// A body, fetched anew.
    Body(Page),
    /// The resource has not changed since the validators were issued.
    NotModified,
}

/// A fetched body and what the server said about it.
#[derive(Debug)]
pub struct Page {
    /// The URL after redirects.
    pub url: String,
    /// The `Content-Type` header, lower-cased, parameters dropped.
    pub content_type: Option<String>,
    /// The `charset` parameter of the `Content-Type` header.
    pub charset: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
    /// Validators for the next conditional request.
    pub validators: Validators,
}

/// Why a URL could not be fetched; shown as `URL: cause`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {cause}")]
pub struct FetchError {
    /// The URL asked for.
    pub url: String,
    /// What went wrong, for people.
    pub cause: String,
}

/// An HTTP client; cheap to share between threads (clones share the per-host limit).
#[derive(Clone, Debug)]
pub struct Client {
    agent: ureq::Agent,
    limits: Limits,
    hosts: Arc<Hosts>,
}

/// Requests in flight per host, at most [`PER_HOST`] each.
#[derive(Debug, Default)]
struct Hosts {
    busy: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

/// A place among a host's connections, given back when dropped.
struct Slot<'a> {
    hosts: &'a Hosts,
    host: String,
}

impl Hosts {
    /// Waits for a place among `host`'s connections until `deadline`; `None` when it passed.
    fn enter(&self, host: &str, deadline: Option<Instant>) -> Option<Slot<'_>> {
        let mut busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let count = busy.entry(host.to_string()).or_default();
            if *count < PER_HOST {
                *count += 1;
                return Some(Slot { hosts: self, host: host.to_string() });
            }
            busy = match deadline {
                None => self.freed.wait(busy).unwrap_or_else(|e| e.into_inner()),
                Some(deadline) => {
                    let left = deadline.checked_duration_since(Instant::now())?;
                    self.freed.wait_timeout(busy, left).unwrap_or_else(|e| e.into_inner()).0
                }
            };
        }
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut busy = self.hosts.busy.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = busy.get_mut(&self.host) {
            *count = count.saturating_sub(1);
        }
        self.hosts.freed.notify_all();
    }
}

/// The host and port of a URL, lower-cased: what the per-host limit counts by.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    host.to_ascii_lowercase()
}

impl Default for Client {
    fn default() -> Self {
        Client::new(Limits::default())
    }
}

/// True for the only URLs saidso ever requests or opens.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Where a redirect from `from` to `location` (its `Location` header, `None` when not text)
/// leads: an absolute `http` or `https` address, or why it is not followed.
fn redirect_target(from: &str, location: Option<&str>) -> Result<String, String> {
    let bad = || "bad redirect address".to_string();
    let base = url::Url::parse(from).map_err(|_| bad())?;
    let target = base.join(location.ok_or_else(bad)?.trim()).map_err(|_| bad())?;
    match target.scheme() {
        "http" | "https" => Ok(target.into()),
        // Parsed, the address has its control characters percent-encoded; it is printed
        // through the same sanitising as every message, and cut short (a `data:` address may
        // hold a whole page).
        _ => {
            let shown: String = target.as_str().chars().take(120).collect();
            let more = if shown.len() < target.as_str().len() { "…" } else { "" };
            Err(format!("redirect to a non-http(s) address refused: {shown}{more}"))
        }
    }
}

/// Whether `to`, where a redirect from `from` led, is the same server: the same scheme, host
/// and port, or the host's https address reached from its http one (the usual upgrade).
fn same_server(from: &str, to: &str) -> bool {
    let (Ok(a), Ok(b)) = (url::Url::parse(from), url::Url::parse(to)) else { return false };
    let upgrade = a.scheme() == "http" && b.scheme() == "https" && a.port().is_none();
    a.host_str() == b.host_str() && (a.origin() == b.origin() || upgrade && b.port().is_none())
}

impl Client {
    /// A client with these limits.
    pub fn new(limits: Limits) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(limits.connect))
            .timeout_global(Some(limits.total))
            // Followed by `get_before`, which checks each address first.
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(concat!(
                "saidso/",
                env!("CARGO_PKG_VERSION"),
                " (terminal news reader; feeds and articles for offline reading)"
            ))
            .accept("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.8")
            .build();
        Client { agent: config.into(), limits, hosts: Arc::default() }
    }

    /// GETs `url`, conditionally when `validators` are known.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        self.get_before(url, validators, None)
    }

    /// GETs `url` as [`Client::get`] does, given up at `deadline` if it has not finished by
    /// then (waiting for a place among the host's connections included).
    pub fn get_before(
        &self,
        url: &str,
        validators: &Validators,
        deadline: Option<Instant>,
    ) -> Result<Fetched, FetchError> {
        let fail = |cause: String| FetchError { url: url.to_string(), cause };
        if !is_web_url(url) {
            return Err(fail("only http and https links are followed".into()));
        }
        let out_of_time = || "not fetched: out of time".to_string();
        let mut slot =
            self.hosts.enter(&host_of(url), deadline).ok_or_else(|| fail(out_of_time()))?;
        // The whole request, redirects and body included, ends by the request's own limit or
        // the caller's deadline, whichever comes first. When the deadline does, a timeout says
        // that the time for the whole batch ran out.
        let now = Instant::now();
        let mut end = now + self.limits.total;
        let mut cut_by_deadline = false;
        if let Some(deadline) = deadline {
            deadline.checked_duration_since(now).ok_or_else(|| fail(out_of_time()))?;
            cut_by_deadline = deadline < end;
            end = end.min(deadline);
        }
        let describe = |e: ureq::Error| match e {
            ureq::Error::Timeout(_) if cut_by_deadline => {
                "not fetched: out of time (the time for the whole batch ran out)".to_string()
            }
            e => self.describe(e),
        };
        // Past a redirect, a failure says where the redirect led: the address asked for may be
        // fine, and its server may be one the reader has never heard of.
        let fail_at = |at: &str, cause: String| {
            fail(if at == url { cause } else { format!("redirected to {at}: {cause}") })
        };
        // Redirects are followed here, not by ureq, so that each address is checked before it
        // is asked for: ureq took a `file:` address for a path on the same server.
        let mut at = url.to_string();
        let mut hops = 0;
        let mut response = loop {
            let left = end.saturating_duration_since(Instant::now());
            let mut request = self.agent.get(&at).config().timeout_global(Some(left)).build();
            // Validators go to the server that gave them (a feed's refresh keeps those of the
            // page a redirect ended at): without them a moved feed is never "not modified".
            // Another server is asked unconditionally.
            if same_server(url, &at) {
                if let Some(etag) = &validators.etag {
                    request = request.header("If-None-Match", etag);
                }
                if let Some(date) = &validators.last_modified {
                    request = request.header("If-Modified-Since", date);
                }
            }
            let response = request.call().map_err(|e| match e {
                // Closed before any response: on https, the TLS handshake is what failed.
                ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                    let https = at.get(..8).is_some_and(|s| s.eq_ignore_ascii_case("https://"));
                    fail_at(
                        &at,
                        if https {
                            "TLS error: the connection closed during the handshake".into()
                        } else {
                            "the connection closed before a response".into()
                        },
                    )
                }
                e => fail_at(&at, describe(e)),
            })?;
            let location = response.headers().get("location").map(|v| v.to_str());
            let location = match location {
                Some(location) if response.status().is_redirection() => location,
                // Not a redirect, or one that says nowhere to go (told by its status below).
                _ => break response,
            };
            if hops == self.limits.redirects {
                return Err(fail(format!("more than {} redirects", self.limits.redirects)));
            }
            at = redirect_target(&at, location.ok()).map_err(fail)?;
            hops += 1;
            // The per-host limit counts each host a request goes to, not only the first. The
            // place is given back before the next is waited for, so that two requests
            // redirected to each other's hosts never wait on each other.
            drop(slot);
            slot = self
                .hosts
                .enter(&host_of(&at), deadline)
                .ok_or_else(|| fail_at(&at, out_of_time()))?;
        };
        let status = response.status();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            let mut cause = format!("HTTP {} {reason}", status.as_u16()).trim_end().to_string();
            if status.is_redirection() {
                cause.push_str(", a redirect with no address to go to");
            }
            return Err(fail_at(&at, cause));
        }
        let header = |name: &str| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
        };
        let validators =
            Validators { etag: header("etag"), last_modified: header("last-modified") };
        let (content_type, charset) = match header("content-type") {
            Some(t) => {
                let mut parts = t.split(';');
                let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
                let charset = parts.find_map(|p| {
                    let (name, value) = p.split_once('=')?;
                    name.trim()
                        .eq_ignore_ascii_case("charset")
                        .then(|| value.trim().trim_matches('"').to_string())
                });
                (Some(media), charset)
            }
            None => (None, None),
        };
        let final_url = response.get_uri().to_string();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.limits.max_bytes)
            .read_to_vec()
            .map_err(|e| fail_at(&at, describe(e)))?;
        Ok(Fetched::Body(Page { url: final_url, content_type, charset, bytes, validators }))
    }

    /// A short cause for people, from ureq's error (an early end of the connection is a
    /// truncated body: the one before the response is told apart in `get`).
    fn describe(&self, error: ureq::Error) -> String {
        use ureq::Error as E;
        match error {
            E::Timeout(_) => format!("timed out (after {}s at most)", self.limits.total.as_secs()),
            E::TooManyRedirects => format!("more than {} redirects", self.limits.redirects),
            E::BodyExceedsLimit(_) => match self.limits.max_bytes {
                b if b >= 1 << 20 => format!("response larger than {} MiB", b >> 20),
                b => format!("response larger than {} KiB", b >> 10),
            },
            E::HostNotFound => "host not found".into(),
            E::ConnectionFailed => "connection failed".into(),
            E::Tls(e) => format!("TLS error: {e}"),
            E::Rustls(e) => format!("TLS error: {e}"),
            E::BadUri(e) => format!("bad URL ({e})"),
            E::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                "truncated body (connection closed early)".into()
            }
            E::Io(e) => format!("connection error: {e}"),
            E::Decompress(_, e) => format!("bad compressed body ({e})"),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_told_by_host_and_port() {
        assert_eq!(host_of("http://127.0.0.1:8080/a?b"), "127.0.0.1:8080");
        assert_eq!(host_of("https://User@Example.ORG#x"), "example.org");
    }

    #[test]
    fn validators_follow_a_redirect_on_the_same_server_and_its_https_upgrade() {
        assert!(same_server("http://a.example/feed", "http://A.example:80/moved"));
        assert!(same_server("http://a.example/feed", "https://a.example/feed"));
        assert!(!same_server("http://a.example/feed", "https://b.example/feed"));
        assert!(!same_server("http://a.example/feed", "http://a.example:8080/feed"));
        assert!(!same_server("https://a.example/feed", "http://a.example/feed"));
    }

    #[test]
    fn a_host_has_at_most_its_share_of_connections() {
        let hosts = Hosts::default();
        let slots: Vec<Slot<'_>> =
            (0..PER_HOST).filter_map(|_| hosts.enter("a.example", None)).collect();
        assert_eq!(slots.len(), PER_HOST);
        let soon = Some(Instant::now() + Duration::from_millis(20));
        assert!(hosts.enter("a.example", soon).is_none(), "the host is full");
        assert!(hosts.enter("b.example", soon).is_some(), "another host is not");
        drop(slots);
        assert!(hosts.enter("a.example", soon).is_some(), "places are given back");
    }
}
