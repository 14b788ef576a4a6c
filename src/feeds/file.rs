//! The `feeds` file: the followed feeds, one a line, as in newsboat's `urls` file:
//!
//! ```text
//! # comments and blank lines are ignored
//! https://example.org/news.xml "world" "~Example News"
//! https://example.org/politics.atom politics
//! ```
//!
//! After the URL come tags, bare or in double quotes; a tag starting with `~` is the feed's
//! display name instead. A URL listed twice is one feed with the tags of both lines.
//!
//! URLs, tags and names come from the user, OPML files and older versions of this file, and are
//! printed: a URL with a control character or white space in it is refused (it would be fetched
//! as something else than shown), tags and names lose theirs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::net::is_web_url;
use crate::text::{one_line, sanitize};

/// A followed feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscription {
    /// The feed's URL.
    pub url: String,
    /// Tags for filtering.
    pub tags: Vec<String>,
    /// The name to show instead of the feed's own title.
    pub name: Option<String>,
}

/// A line of the feeds file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    /// 1-based line number.
    pub line: usize,
    /// Why.
    pub reason: String,
}

/// `feeds` in the platform's config directory for saidso (`$XDG_CONFIG_HOME/saidso/feeds`, or
/// `~/.config/saidso/feeds` on Linux). `None` when there is no home directory.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "saidso")?;
    Some(dirs.config_dir().join("feeds"))
}

/// Reads the feeds file at `path`: its feeds, and its bad lines as messages naming the file and
/// line. A file that cannot be read or lists no feed is an error that says what to do.
pub fn read(path: &Path) -> anyhow::Result<(Vec<Subscription>, Vec<String>)> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        anyhow::anyhow!(
            "cannot read the feeds file {} ({e}); list one feed URL a line in it",
            path.display()
        )
    })?;
    let (feeds, bad) = parse(&text);
    let bad: Vec<String> = bad
        .into_iter()
        .map(|b| format!("{}:{}: skipped: {}", path.display(), b.line, b.reason))
        .collect();
    if feeds.is_empty() {
        match bad.first() {
            // Why the lines there are not feeds, where the bad lines are not printed (the reader).
            Some(first) => anyhow::bail!("no feed URL in {} ({first})", path.display()),
            None => anyhow::bail!("no feed URL in {}", path.display()),
        }
    }
    Ok((feeds, bad))
}

/// Reads a feeds file's text: the subscriptions, and the lines that are not one.
pub fn parse(text: &str) -> (Vec<Subscription>, Vec<BadLine>) {
    let mut feeds: Vec<Subscription> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = split_words(line).into_iter();
        let url = words.next().unwrap_or_default();
        if let Err(reason) = check_url(&url) {
            bad.push(BadLine { line: i + 1, reason });
            continue;
        }
        let feed = subscription(url, words.collect());
        // A URL listed twice is one feed, with the tags of every line that lists it.
        match seen.get(&feed.url) {
            Some(&at) => merge_into(&mut feeds[at], feed),
            None => {
                seen.insert(feed.url.clone(), feeds.len());
                feeds.push(feed);
            }
        }
    }
    (feeds, bad)
}

/// `other`'s tags added to `feed`'s, each once, and its name when it has one: another listing
/// of the same feed, the later name winning as the last `~` word of a line does.
fn merge_into(feed: &mut Subscription, other: Subscription) {
    for tag in other.tags {
        if !feed.tags.contains(&tag) {
            feed.tags.push(tag);
        }
    }
    if other.name.is_some() {
        feed.name = other.name;
    }
}

/// A feed at `url` with `words` after it: tags, and the last word starting with `~` its name;
/// both cleaned of control characters and made one line, the empty ones dropped.
pub fn subscription(url: String, words: Vec<String>) -> Subscription {
    let (names, tags): (Vec<String>, Vec<String>) =
        words.into_iter().partition(|w| w.starts_with('~'));
    let tags = tags.iter().map(|t| one_line(t)).filter(|t| !t.is_empty()).collect();
    let name = names.last().map(|n| one_line(&n[1..])).filter(|n| !n.is_empty());
    Subscription { url, tags, name }
}

/// Why `url` cannot be followed: not http(s), or a control character, an escape sequence or
/// white space inside (a URL has them percent-encoded). The reason shows the URL made safe,
/// its control characters written as `\u{..}` escapes.
pub fn check_url(url: &str) -> Result<(), String> {
    let shown = || {
        let escaped: String = url
            .chars()
            .map(|c| if c.is_control() { c.escape_unicode().to_string() } else { c.to_string() })
            .collect();
        one_line(&escaped)
    };
    if !is_web_url(url) {
        return Err(format!("`{}` is not an http(s) URL", shown()));
    }
    if url.contains(char::is_whitespace) || sanitize(url.to_string()) != url {
        return Err(format!(
            "`{}` has control characters or white space in it; a URL has them percent-encoded",
            shown()
        ));
    }
    Ok(())
}

/// The line of the feeds file for `feed`: its URL, its tags and its name, each quoted.
pub fn line(feed: &Subscription) -> String {
    let quoted = |w: &str| format!("\"{}\"", w.replace('"', "'"));
    let mut words = vec![feed.url.clone()];
    words.extend(feed.tags.iter().map(|t| quoted(t)));
    words.extend(feed.name.iter().map(|n| quoted(&format!("~{n}"))));
    words.join(" ")
}

/// The feeds file's text with `feeds` added, or their tags and names updated where the URL is
/// already listed; comments and other lines are kept. Returns how many were new.
pub fn with_added(text: &str, feeds: &[Subscription]) -> (String, usize) {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut added = 0;
    for feed in feeds {
        let at = lines.iter().position(|l| url_of(l).as_deref() == Some(feed.url.as_str()));
        match at {
            Some(i) => {
                let (old, _) = parse(&lines[i]);
                let merged = match old.into_iter().next() {
                    Some(mut old) => {
                        merge_into(&mut old, feed.clone());
                        old
                    }
                    None => feed.clone(),
                };
                lines[i] = line(&merged);
            }
            None => {
                lines.push(line(feed));
                added += 1;
            }
        }
    }
    (lines.iter().map(|l| format!("{l}\n")).collect(), added)
}

/// The feeds file's text without the line of `url`; `None` when it is not listed.
pub fn without(text: &str, url: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let kept: Vec<&str> =
        lines.iter().copied().filter(|l| url_of(l).as_deref() != Some(url)).collect();
    (kept.len() < lines.len()).then(|| kept.iter().map(|l| format!("{l}\n")).collect())
}

/// The tags the feeds file at `path` gives the feed at `url` (none when it is not followed or
/// the file cannot be read): what the reader shows beside a followed feed's articles.
pub fn tags_of(path: &Path, url: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    parse(&text).0.into_iter().find(|f| f.url == url).map(|f| f.tags).unwrap_or_default()
}

/// The URL a line starts with, even one [`parse`] refuses, so that such a line can be removed.
fn url_of(line: &str) -> Option<String> {
    split_words(line).into_iter().next().filter(|w| is_web_url(w))
}

/// Words separated by white space, where a double-quoted run is one word (quotes removed).
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => {
                if quoted && !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                quoted = !quoted;
            }
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            // A `#` after white space outside quotes starts a comment.
            '#' if !quoted && word.is_empty() => break,
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_added_merged_and_removed_keeping_comments() {
        let text = "# mine\nhttps://a.example/feed.xml world\n";
        let new = Subscription {
            url: "https://b.example/rss".into(),
            tags: vec!["local news".into()],
            name: Some("B Daily".into()),
        };
        let again = Subscription {
            url: "https://a.example/feed.xml".into(),
            tags: vec!["ports".into()],
            name: None,
        };
        let (text, added) = with_added(text, &[new.clone(), again]);
        assert_eq!(added, 1);
        assert_eq!(
            text,
            "# mine\nhttps://a.example/feed.xml \"world\" \"ports\"\nhttps://b.example/rss \"local news\" \"~B Daily\"\n"
        );
        assert_eq!(parse(&text).0[1], new);
        let text = without(&text, "https://a.example/feed.xml").unwrap();
        assert_eq!(text, "# mine\nhttps://b.example/rss \"local news\" \"~B Daily\"\n");
        assert_eq!(without(&text, "https://none.example/"), None);
    }

    #[test]
    fn a_url_listed_twice_is_one_feed_with_the_tags_of_both_lines() {
        let text = "https://a.example/feed.xml world \"~A\"\n\
                    https://b.example/rss\n\
                    https://a.example/feed.xml\n\
                    https://a.example/feed.xml sea world \"~A Daily\"\n";
        let (feeds, bad) = parse(text);
        assert!(bad.is_empty());
        assert_eq!(
            feeds,
            [
                Subscription {
                    url: "https://a.example/feed.xml".into(),
                    tags: vec!["world".into(), "sea".into()],
                    name: Some("A Daily".into()),
                },
                Subscription { url: "https://b.example/rss".into(), tags: vec![], name: None },
            ]
        );
    }

    #[test]
    fn urls_tags_names_and_comments() {
        let text = "# my feeds\n\
                    \n\
                    https://a.example/feed.xml \"world news\" \"~A Daily\"  # the main one\n\
                    http://b.example/atom politics\n\
                    ftp://c.example/feed\n\
                    not a url\n";
        let (feeds, bad) = parse(text);
        assert_eq!(
            feeds,
            [
                Subscription {
                    url: "https://a.example/feed.xml".into(),
                    tags: vec!["world news".into()],
                    name: Some("A Daily".into()),
                },
                Subscription {
                    url: "http://b.example/atom".into(),
                    tags: vec!["politics".into()],
                    name: None,
                },
            ]
        );
        assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), [5, 6]);
        assert!(bad[0].reason.contains("ftp://c.example/feed"));
    }

    #[test]
    fn control_characters_refuse_a_url_and_leave_tags_and_names() {
        let text = "https://a.example/\x1b[31mfeed world\n\
                    https://b.example/\u{202e}rss\n\
                    https://c.example/rss \"t\x1b[5mag\" \"\x07\" \"~C\u{9b}2J  Daily\"\n";
        let (feeds, bad) = parse(text);
        assert_eq!(
            feeds,
            [Subscription {
                url: "https://c.example/rss".into(),
                tags: vec!["t ag".into()],
                name: Some("C Daily".into()),
            }]
        );
        assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(
            bad[0].reason,
            "`https://a.example/\\u{1b}[31mfeed` has control characters or white space in it; \
             a URL has them percent-encoded"
        );
        assert!(check_url("https://a.example/a\tb").is_err());
        assert!(check_url("https://a.example/a%20b?q=1#x").is_ok());
        // Such a line can still be removed by its URL.
        assert_eq!(
            without(text, "https://a.example/\x1b[31mfeed").map(|t| t.lines().count()),
            Some(2)
        );
    }
}
