//! Where articles come from: paths on the command line become inputs, and inputs become raw
//! documents. One module per format, each told by content first and file extension second:
//! `text` (plain text, Markdown), `html` (web pages), `feed` (RSS, Atom) and `jsonl` (datasets in
//! JSON Lines or JSON arrays, read a record at a time). Any path may also be an `http(s)` URL.

mod feed;
mod html;
mod jsonl;
mod text;

use std::collections::HashSet;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor};
use std::path::{Path, PathBuf};

pub use jsonl::Fields;

use crate::fetch::{Client, Fetched, Page, Validators, is_web_url, parallel_map};
use crate::model::Meta;

/// The five default articles, embedded so an installed binary opens them from anywhere.
pub const SEEDS: [(&str, &str); 5] = [
    ("seeds/000_35834a7932818f31.txt", include_str!("../../seeds/000_35834a7932818f31.txt")),
    ("seeds/001_89bb0c79a03178b1.txt", include_str!("../../seeds/001_89bb0c79a03178b1.txt")),
    ("seeds/002_9622debac1bac62b.txt", include_str!("../../seeds/002_9622debac1bac62b.txt")),
    ("seeds/003_994e15704f090877.txt", include_str!("../../seeds/003_994e15704f090877.txt")),
    ("seeds/004_585b4e0ee30f5510.txt", include_str!("../../seeds/004_585b4e0ee30f5510.txt")),
];

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

/// A document as a source gives it, before cleaning.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawDoc {
    /// Display path (file, `-`, URL).
    pub path: String,
    /// The decoded text.
    pub text: String,
    /// A title the source states outright (page metadata, feed item), if any.
    pub title: Option<String>,
    /// Source metadata.
    pub meta: Meta,
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
    /// The file could not be read (permissions, I/O error).
    Unreadable(String),
    /// The file holds binary data, not text.
    Binary,
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
    /// A feed item whose page could not be fetched: its summary is shown instead (a warning).
    SummaryOnly(String),
}

impl Problem {
    /// True when the article still loaded.
    pub fn is_warning(&self) -> bool {
        matches!(self.kind, ProblemKind::LossyUtf8 | ProblemKind::SummaryOnly(_))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match &self.kind {
            ProblemKind::Missing => "skipped: no such file or folder".to_string(),
            ProblemKind::Unreadable(e) => format!("skipped: cannot read it ({e})"),
            ProblemKind::Binary => "skipped: binary file, not text".to_string(),
            ProblemKind::Empty => "skipped: empty file".to_string(),
            ProblemKind::LossyUtf8 => {
                "warning: not valid UTF-8; bad bytes shown as \u{fffd}".to_string()
            }
            ProblemKind::NoProse => "skipped: nothing left after removing boilerplate".to_string(),
            ProblemKind::BadRecord(why) => format!("skipped record: {why}"),
            ProblemKind::BadFeed(why) | ProblemKind::Fetch(why) => format!("skipped: {why}"),
            ProblemKind::SummaryOnly(why) => {
                format!("warning: showing the feed's summary, the page could not be read ({why})")
            }
        };
        write!(f, "{}: {what}", self.path)
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
        if !path.exists() {
            problems.push(Problem { path: arg.clone(), kind: ProblemKind::Missing });
        } else if path.is_dir() {
            walk(path, &mut inputs, &mut problems);
        } else {
            inputs.push(Input::File(path.to_path_buf()));
        }
    }
    (inputs, problems)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<Problem>) {
    let entries = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
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

/// What the readers need besides the input itself.
#[derive(Clone, Debug)]
pub struct Context {
    /// Field names of dataset records.
    pub fields: Fields,
    /// The HTTP client for URLs and for the pages of summary-only feed items; `None` reads
    /// nothing from the network.
    pub client: Option<Client>,
}

impl Default for Context {
    fn default() -> Self {
        Context { fields: Fields::default(), client: Some(Client::default()) }
    }
}

/// Documents read a record at a time (a dataset): the loader cleans them in batches as they come.
pub trait Stream: Iterator<Item = Result<RawDoc, Problem>> + Send {
    /// Bytes of the input read so far, for progress.
    fn consumed(&self) -> u64;
}

impl<R: BufRead + Send> Stream for jsonl::Records<R> {
    fn consumed(&self) -> u64 {
        jsonl::Records::consumed(self)
    }
}

/// The documents of one input.
pub enum Docs {
    /// Read in full.
    Ready(Vec<RawDoc>),
    /// Still to be read, one at a time.
    Stream(Box<dyn Stream>),
}

/// One input, opened: its documents, what went wrong, and how many bytes were read.
pub struct Opened {
    /// The documents.
    pub docs: Docs,
    /// Skipped parts and warnings.
    pub problems: Vec<Problem>,
    /// Bytes read so far (all of them, unless the documents are a stream).
    pub bytes: u64,
}

/// The formats, as told from content, then content type, then extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Feed,
    Dataset(jsonl::Layout),
}

/// How many bytes of an input are looked at to tell its format.
const SNIFF_BYTES: usize = 64 << 10;

fn detect(head: &[u8], name: &str, content_type: Option<&str>) -> Format {
    if feed::sniff(head) {
        return Format::Feed;
    }
    if html::sniff(head) {
        return Format::Html;
    }
    if let Some(layout) = jsonl::sniff(head) {
        return Format::Dataset(layout);
    }
    let layout = || match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => jsonl::Layout::Array,
        _ => jsonl::Layout::Lines,
    };
    let by_type = content_type.and_then(|t| match t {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" => {
            Some(Format::Feed)
        }
        "application/json" | "application/x-ndjson" | "application/jsonl" => {
            Some(Format::Dataset(layout()))
        }
        _ => None,
    });
    let extension = Path::new(name.split(['?', '#']).next().unwrap_or(name))
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    by_type.unwrap_or(match extension.as_deref() {
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("rss" | "atom" | "xml") => Format::Feed,
        Some("jsonl" | "ndjson" | "json") => Format::Dataset(layout()),
        _ => Format::Text,
    })
}

/// Reads one input into raw documents, with any warnings; a dataset is read to its end.
pub fn read(input: &Input) -> (Vec<RawDoc>, Vec<Problem>) {
    let opened = open(input, &Context::default());
    let mut problems = opened.problems;
    let docs = match opened.docs {
        Docs::Ready(docs) => docs,
        Docs::Stream(stream) => {
            stream.filter_map(|r| r.map_err(|p| problems.push(p)).ok()).collect()
        }
    };
    (docs, problems)
}

/// Opens one input: small ones are read whole, datasets are handed back as a stream.
pub fn open(input: &Input, context: &Context) -> Opened {
    let path = input.display();
    let failed = |kind| Opened {
        docs: Docs::Ready(Vec::new()),
        problems: vec![Problem { path: path.clone(), kind }],
        bytes: 0,
    };
    let unreadable = |e: std::io::Error| ProblemKind::Unreadable(e.kind().to_string());
    match input {
        Input::Embedded { text, .. } => {
            whole(text.as_bytes().to_vec(), Format::Text, path, None, context)
        }
        Input::Saved(doc) => {
            Opened { docs: Docs::Ready(vec![(**doc).clone()]), problems: Vec::new(), bytes: 0 }
        }
        Input::Url(url) => {
            let Some(client) = &context.client else {
                return failed(ProblemKind::Fetch("fetching is turned off".into()));
            };
            match client.get(url, &Validators::default()) {
                Err(e) => failed(ProblemKind::Fetch(e.cause)),
                Ok(Fetched::NotModified) => {
                    failed(ProblemKind::Fetch("304 to an unconditional request".into()))
                }
                Ok(Fetched::Body(page)) => {
                    let format = detect(&page.bytes, &page.url, page.content_type.as_deref());
                    whole(page.bytes, format, path, Some(&page.url), context)
                }
            }
        }
        Input::File(p) => File::open(p)
            .and_then(|file| {
                stream_or_whole(BufReader::with_capacity(SNIFF_BYTES, file), path.clone(), context)
            })
            .unwrap_or_else(|e| failed(unreadable(e))),
        Input::Stdin => {
            let stdin = BufReader::with_capacity(SNIFF_BYTES, std::io::stdin());
            stream_or_whole(stdin, path.clone(), context).unwrap_or_else(|e| failed(unreadable(e)))
        }
    }
}

/// Tells the format from the first bytes; a dataset becomes a stream over `reader`.
fn stream_or_whole<R: BufRead + Send + 'static>(
    mut reader: R,
    path: String,
    context: &Context,
) -> std::io::Result<Opened> {
    let format = detect(reader.fill_buf()?, &path, None);
    if let Format::Dataset(layout) = format {
        let records = jsonl::Records::new(reader, layout, path, context.fields.clone());
        return Ok(Opened {
            docs: Docs::Stream(Box::new(records)),
            problems: Vec::new(),
            bytes: 0,
        });
    }
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(whole(bytes, format, path, None, context))
}

/// Reads a document held whole in memory. `url` is where it was fetched from.
fn whole(
    bytes: Vec<u8>,
    format: Format,
    path: String,
    url: Option<&str>,
    context: &Context,
) -> Opened {
    let size = bytes.len() as u64;
    let mut problems = Vec::new();
    let problem = |kind| Problem { path: path.clone(), kind };
    let docs = match format {
        Format::Dataset(layout) => {
            let records = jsonl::Records::new(
                Cursor::new(bytes),
                layout,
                path.clone(),
                context.fields.clone(),
            );
            records.filter_map(|r| r.map_err(|p| problems.push(p)).ok()).collect()
        }
        Format::Feed => match feed::read(&bytes, url.unwrap_or(&path)) {
            Ok(items) => full_texts(items, context, &mut problems),
            Err(why) => {
                problems.push(problem(ProblemKind::BadFeed(why)));
                Vec::new()
            }
        },
        Format::Text | Format::Html => match text::decode(bytes) {
            Err(kind) => {
                problems.push(problem(kind));
                Vec::new()
            }
            Ok((text, lossy)) => {
                if lossy {
                    problems.push(problem(ProblemKind::LossyUtf8));
                }
                if format == Format::Html {
                    match html::read(&text, path.clone(), url) {
                        Some(doc) => vec![doc],
                        None => {
                            problems.push(problem(ProblemKind::NoProse));
                            Vec::new()
                        }
                    }
                } else {
                    vec![RawDoc { path: path.clone(), text, ..RawDoc::default() }]
                }
            }
        },
    };
    Opened { docs: Docs::Ready(docs), problems, bytes: size }
}

/// The items of a feed fetched from `page.url`, with their full texts; items whose link is in
/// `known` (already stored) are left out, so their pages are not fetched again. An error says
/// why the page is not a feed.
pub fn read_feed(
    page: Page,
    context: &Context,
    known: &HashSet<String>,
) -> Result<(Vec<RawDoc>, Vec<Problem>), String> {
    match detect(&page.bytes, &page.url, page.content_type.as_deref()) {
        Format::Feed => {}
        Format::Html => return Err("expected a feed, got an HTML page".into()),
        _ => return Err("expected a feed, got something else".into()),
    }
    let mut items = feed::read(&page.bytes, &page.url)?;
    items.retain(|item| item.doc.meta.url.as_ref().is_none_or(|url| !known.contains(url)));
    let mut problems = Vec::new();
    let docs = full_texts(items, context, &mut problems);
    Ok((docs, problems))
}

/// Feed items with their full text: the page of each summary-only item is fetched (a few at a
/// time) and its article takes the summary's place; the feed's title, date and author stay.
fn full_texts(
    items: Vec<feed::Item>,
    context: &Context,
    problems: &mut Vec<Problem>,
) -> Vec<RawDoc> {
    /// Pages fetched at once for one feed.
    const PAGES_AT_ONCE: usize = 4;
    let Some(client) = &context.client else {
        return items.into_iter().map(|i| i.doc).collect();
    };
    let results = parallel_map(items, PAGES_AT_ONCE, |item| {
        let Some(link) = item.page else { return (item.doc, None) };
        match page_doc(client, &link, &item.doc.path) {
            Ok(page) => (merge(item.doc, page), None),
            Err(why) => {
                let problem =
                    Problem { path: item.doc.path.clone(), kind: ProblemKind::SummaryOnly(why) };
                (item.doc, Some(problem))
            }
        }
    });
    results
        .into_iter()
        .map(|(doc, problem)| {
            problems.extend(problem);
            doc
        })
        .collect()
}

/// The article of the page at `link`.
fn page_doc(client: &Client, link: &str, path: &str) -> Result<RawDoc, String> {
    let page = match client.get(link, &Validators::default()).map_err(|e| e.cause)? {
        Fetched::Body(page) => page,
        Fetched::NotModified => return Err("304 to an unconditional request".into()),
    };
    if detect(&page.bytes, &page.url, page.content_type.as_deref()) != Format::Html {
        return Err("not an HTML page".into());
    }
    let (text, _) = text::decode(page.bytes).map_err(|_| "an empty or binary page".to_string())?;
    html::read(&text, path.to_string(), Some(&page.url))
        .ok_or_else(|| "no article text on the page".into())
}

/// The page's text under the feed item's metadata, which wins where both have it.
fn merge(item: RawDoc, page: RawDoc) -> RawDoc {
    RawDoc {
        path: item.path,
        text: page.text,
        title: item.title.or(page.title),
        meta: Meta {
            url: item.meta.url.or(page.meta.url),
            date: item.meta.date.or(page.meta.date),
            author: item.meta.author.or(page.meta.author),
            site: item.meta.site.or(page.meta.site),
        },
    }
}
