//! Where articles come from: paths on the command line become inputs, and inputs become raw
//! documents. One module per format, each told by content first and file extension second:
//! `text` (plain text, Markdown), `html` (web pages), `feed` (RSS, Atom) and `jsonl` (datasets in
//! JSON Lines or JSON arrays, read a record at a time). Any path may also be an `http(s)` URL.

mod detect;
mod feed;
mod furniture;
mod html;
mod jsonl;
mod markdown;
mod nesting;
mod open;
mod pages;
mod text;

use std::fmt;
use std::path::{Path, PathBuf};

pub use jsonl::{Fields, Record};
pub use open::{Docs, Opened, Stream, open, read};
pub use pages::{Linked, read_feed};
pub use text::text_doc;

use crate::model::RawDoc;
use crate::net::{Client, FetchError, is_web_url};
use crate::text::one_line;

/// The five default articles, embedded so an installed binary opens them from anywhere.
pub const SEEDS: [(&str, &str); 5] = [
    ("seeds/000_35834a7932818f31.txt", include_str!("../../seeds/000_35834a7932818f31.txt")),
    ("seeds/001_89bb0c79a03178b1.txt", include_str!("../../seeds/001_89bb0c79a03178b1.txt")),
    ("seeds/002_9622debac1bac62b.txt", include_str!("../../seeds/002_9622debac1bac62b.txt")),
    ("seeds/003_994e15704f090877.txt", include_str!("../../seeds/003_994e15704f090877.txt")),
    ("seeds/004_585b4e0ee30f5510.txt", include_str!("../../seeds/004_585b4e0ee30f5510.txt")),
];

/// The largest document read whole (a text, a page, a feed), in bytes: many times the longest
/// article, and small enough to hold in memory. Datasets are streamed and have no limit.
pub const MAX_DOCUMENT: u64 = 256 << 20;

/// One thing to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
    /// One of the built-in seed articles.
    Embedded {
        /// Display path.
        name: &'static str,
        /// The article text.
        text: &'static str,
    },
    /// A page, feed or dataset on the web (`http` or `https`).
    Url(String),
    /// A document fetched earlier and kept in the store.
    Saved(Box<RawDoc>),
}

impl Input {
    /// How this input is named in the list and in messages.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
            Input::Embedded { name, .. } => (*name).to_string(),
            Input::Url(url) => url.clone(),
            Input::Saved(doc) => doc.path.clone(),
        }
    }
}

/// What the readers need besides the input itself.
#[derive(Clone, Debug)]
pub struct ReadSettings {
    /// Field names of dataset records.
    pub fields: Fields,
    /// The HTTP client for URLs and for the pages of summary-only feed items; `None` reads
    /// nothing from the network.
    pub client: Option<Client>,
    /// Whether the pages linked from a local feed file are fetched. Off by default: opening a
    /// file never reaches the network; feeds given as URLs and followed feeds fetch their pages.
    pub fetch_links: bool,
}

impl Default for ReadSettings {
    fn default() -> Self {
        ReadSettings {
            fields: Fields::default(),
            client: Some(Client::default()),
            fetch_links: false,
        }
    }
}

/// Why a document on the web (a feed, the page of a feed item) gave no articles.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// There is no HTTP client: fetching is turned off.
    #[error("fetching is turned off")]
    Offline,
    /// The request failed; the cause alone is shown (the URL is said elsewhere).
    #[error("{}", .0.cause)]
    Fetch(FetchError),
    /// A `304 Not Modified` to a request that sent no validators.
    #[error("304 to an unconditional request")]
    UnaskedNotModified,
    /// A feed was expected; this is what came instead.
    #[error("expected a feed, got {0}")]
    NotAFeed(String),
    /// The feed does not parse; the parser's reason.
    #[error("not a readable feed ({0})")]
    BadFeed(String),
    /// The page is not HTML.
    #[error("not an HTML page")]
    NotHtml,
    /// The page is empty or binary data.
    #[error("an empty or binary page")]
    EmptyPage,
    /// The page holds no article text.
    #[error("no article text on the page")]
    NoArticle,
}

/// Why an input gave no article, or gave one with a caveat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The input concerned.
    pub path: String,
    /// What went wrong.
    pub kind: ProblemKind,
}

/// The kinds of trouble an input can be in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The path does not exist.
    Missing,
    /// A symbolic link to nothing.
    BrokenLink,
    /// Symbolic links that lead back to themselves.
    LinkLoop,
    /// The file was there when the paths were read and gone when it was opened.
    Vanished,
    /// Not a regular file (a FIFO, a socket, a device): never opened, since reading one could
    /// wait for ever. The kind of file.
    NotAFile(&'static str),
    /// The file could not be read (permissions, I/O error).
    Unreadable(String),
    /// The file holds binary data, not text.
    Binary,
    /// A document bigger than [`MAX_DOCUMENT`] bytes: no article is that long, and reading it
    /// whole would take that much memory (a disk image, a video, `/dev/zero` on stdin).
    TooLarge,
    /// The file holds no text.
    Empty,
    /// Not valid UTF-8: loaded with the bad bytes replaced (a warning, the article loads).
    LossyUtf8,
    /// The text is all boilerplate: nothing was left after cleaning.
    NoProse,
    /// One record of a dataset could not be read (the path names its line).
    BadRecord(String),
    /// A feed that cannot be parsed.
    BadFeed(String),
    /// A URL that could not be fetched.
    Fetch(String),
    /// A feed whose XML is broken after complete items: those are read (a warning). How many,
    /// and the error with where it is.
    BrokenFeed {
        /// Items read.
        items: usize,
        /// The XML error and its line and column.
        why: String,
    },
    /// Items of a feed shown from the feed's summaries, their pages not read (a warning, once a
    /// feed): how many, and why.
    SummaryOnly {
        /// Items concerned.
        items: usize,
        /// Why their pages were not read.
        why: String,
    },
}

impl Problem {
    /// True when the article still loaded.
    pub fn is_warning(&self) -> bool {
        matches!(
            self.kind,
            ProblemKind::LossyUtf8
                | ProblemKind::SummaryOnly { .. }
                | ProblemKind::BrokenFeed { .. }
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match &self.kind {
            ProblemKind::Missing => "skipped: no such file or folder".to_string(),
            ProblemKind::BrokenLink => "skipped: a symbolic link to nothing".to_string(),
            ProblemKind::LinkLoop => "skipped: symbolic links in a loop".to_string(),
            ProblemKind::Vanished => "skipped: the file was removed while loading".to_string(),
            ProblemKind::NotAFile(kind) => format!("skipped: {kind}, not a regular file"),
            ProblemKind::Unreadable(e) => format!("skipped: cannot read it ({e})"),
            ProblemKind::Binary => "skipped: binary file, not text".to_string(),
            ProblemKind::TooLarge => {
                format!("skipped: over {} MiB, too big for an article", MAX_DOCUMENT >> 20)
            }
            ProblemKind::Empty => "skipped: empty file".to_string(),
            ProblemKind::LossyUtf8 => {
                "warning: not valid UTF-8; bad bytes shown as \u{fffd}".to_string()
            }
            ProblemKind::NoProse => "skipped: nothing left after removing boilerplate".to_string(),
            ProblemKind::BadRecord(why) => format!("skipped record: {why}"),
            ProblemKind::BadFeed(why) | ProblemKind::Fetch(why) => format!("skipped: {why}"),
            ProblemKind::BrokenFeed { items: 1, why } => {
                format!("warning: only the first item is read; the feed is broken after it ({why})")
            }
            ProblemKind::BrokenFeed { items, why } => format!(
                "warning: only the first {items} items are read; the feed is broken after them ({why})"
            ),
            ProblemKind::SummaryOnly { items: 1, why } => {
                format!("warning: 1 item shown from the feed's summary ({why})")
            }
            ProblemKind::SummaryOnly { items, why } => {
                format!("warning: {items} items shown from the feed's summaries ({why})")
            }
        };
        // File names and parsers' messages are untrusted: they may carry escape sequences.
        write!(f, "{}: {}", one_line(&self.path), one_line(&what))
    }
}

/// Turns command-line paths into inputs: folders are walked recursively in path order, hidden
/// files and folders skipped; no paths at all means the embedded seeds.
pub fn discover(paths: &[String]) -> (Vec<Input>, Vec<Problem>) {
    if paths.is_empty() {
        let seeds = SEEDS.iter().map(|&(name, text)| Input::Embedded { name, text });
        return (seeds.collect(), Vec::new());
    }
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for arg in paths {
        if arg == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        if is_web_url(arg) {
            inputs.push(Input::Url(arg.clone()));
            continue;
        }
        let path = Path::new(arg);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut inputs, &mut problems),
            Ok(m) => match special_kind(&m) {
                Some(kind) => problems.push(Problem { path: arg.clone(), kind }),
                None => inputs.push(Input::File(path.to_path_buf())),
            },
            Err(e) => problems.push(Problem { path: arg.clone(), kind: not_found(path, &e) }),
        }
    }
    (inputs, problems)
}

/// Why a path that cannot be looked at is skipped, in words that say what happened.
fn not_found(path: &Path, e: &std::io::Error) -> ProblemKind {
    if is_link_loop(e) {
        ProblemKind::LinkLoop
    } else if e.kind() == std::io::ErrorKind::NotFound {
        // The link itself is there, what it points to is not.
        match std::fs::symlink_metadata(path) {
            Ok(_) => ProblemKind::BrokenLink,
            Err(_) => ProblemKind::Missing,
        }
    } else {
        ProblemKind::Unreadable(io_reason(e))
    }
}

/// `Some` for a file that is no regular file: what it is, as a problem.
pub(crate) fn special_kind(m: &std::fs::Metadata) -> Option<ProblemKind> {
    if m.is_file() || m.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        let kind = if t.is_fifo() {
            "a named pipe (FIFO)"
        } else if t.is_socket() {
            "a socket"
        } else if t.is_char_device() || t.is_block_device() {
            "a device"
        } else {
            "a special file"
        };
        Some(ProblemKind::NotAFile(kind))
    }
    #[cfg(not(unix))]
    Some(ProblemKind::NotAFile("a special file"))
}

/// ELOOP: too many symbolic links, as the platforms number it (the standard library has no
/// stable kind for it).
fn is_link_loop(e: &std::io::Error) -> bool {
    let eloop = if cfg!(target_os = "linux") { 40 } else { 62 };
    cfg!(unix) && e.raw_os_error() == Some(eloop)
}

/// An I/O error in words that say what happened: a file gone is "removed", a loop of links
/// is one, and the rest as the system says it, without its number.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    if is_link_loop(e) {
        return "symbolic links in a loop".to_string();
    }
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file was removed while loading".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars.next().map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
        }
    }
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<Problem>) {
    // Siblings' paths are their directory's path and their names: compared whole, they sort
    // as their names do (`sort_by_file_name`), without finding each name at every comparison.
    let entries = walkdir::WalkDir::new(dir)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_file() => inputs.push(Input::File(e.into_path())),
            Ok(_) => {}
            Err(e) => problems.push(Problem {
                path: e.path().unwrap_or(dir).display().to_string(),
                kind: ProblemKind::Unreadable(e.to_string()),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_walked_in_file_name_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a/x.txt", "a.txt", "a b.txt", "A.txt", "b/c/d.txt", "a.d/y.txt", ".hidden"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "text").unwrap();
        }
        let (inputs, problems) = discover(&[dir.path().display().to_string()]);
        assert!(problems.is_empty());
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(dir.path()).unwrap().display().to_string(),
                _ => String::new(),
            })
            .collect();
        // A directory's contents come where its name sorts: `a` before `a b.txt`.
        assert_eq!(names, ["A.txt", "a/x.txt", "a b.txt", "a.d/y.txt", "a.txt", "b/c/d.txt"]);
    }
}
