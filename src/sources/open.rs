//! Opening an input: files, standard input, URLs and the seeds. Small documents are read whole;
//! a dataset is handed back as a stream, to be read a record at a time.

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};

use super::detect::{Format, SNIFF_BYTES, detect, looks_binary};
use super::jsonl::Record;
use super::markdown;
use super::pages::{Linked, full_texts};
use super::{
    Input, MAX_DOCUMENT, Problem, ProblemKind, ReadError, ReadSettings, feed, html, io_reason,
    jsonl, special_kind, text,
};
use crate::model::{Meta, RawDoc};
use crate::net::{Fetched, Validators};

/// Documents read a record at a time (a dataset): the loader parses and cleans them in parallel
/// batches as they come, while this thread only splits the input into records.
pub trait Stream: Iterator<Item = Result<Record, Problem>> + Send {
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
    /// A local feed read, its items' pages still to be fetched.
    Linked(Linked),
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

/// Reads one input into raw documents, with any warnings; a dataset is read to its end.
pub fn read(input: &Input) -> (Vec<RawDoc>, Vec<Problem>) {
    let opened = open(input, &ReadSettings::default());
    let mut problems = opened.problems;
    let docs = match opened.docs {
        Docs::Ready(docs) => docs,
        Docs::Stream(stream) => {
            let docs = stream.map(|r| r.and_then(Record::parse));
            docs.filter_map(|r| r.map_err(|p| problems.push(p)).ok()).collect()
        }
        Docs::Linked(linked) => {
            let (docs, more) = linked.fetch();
            problems.extend(more);
            docs
        }
    };
    (docs, problems)
}

/// Opens one input: small ones are read whole, datasets are handed back as a stream.
pub fn open(input: &Input, context: &ReadSettings) -> Opened {
    let path = input.display();
    let failed = |kind| Opened {
        docs: Docs::Ready(Vec::new()),
        problems: vec![Problem { path: path.clone(), kind }],
        bytes: 0,
    };
    let unreadable = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => ProblemKind::Vanished,
        _ => ProblemKind::Unreadable(io_reason(&e)),
    };
    match input {
        Input::Embedded { text, .. } => {
            whole(text.as_bytes().to_vec(), Format::Text, path, None, context)
        }
        Input::Saved(doc) => {
            Opened { docs: Docs::Ready(vec![(**doc).clone()]), problems: Vec::new(), bytes: 0 }
        }
        Input::Url(url) => {
            let Some(client) = &context.client else {
                return failed(ProblemKind::Fetch(ReadError::Offline.to_string()));
            };
            match client.get(url, &Validators::default()) {
                Err(e) => failed(ProblemKind::Fetch(e.cause)),
                Ok(Fetched::NotModified) => {
                    failed(ProblemKind::Fetch(ReadError::UnaskedNotModified.to_string()))
                }
                Ok(Fetched::Body(page)) => {
                    let utf16 = text::is_utf16(&page.bytes);
                    let page_bytes = text::from_utf16(page.bytes);
                    let format = detect(&page_bytes, &page.url, page.content_type.as_deref());
                    let bytes = match format {
                        // A UTF-16 page's charset is its mark's, and it is decoded already.
                        Format::Html if !utf16 => {
                            html::to_utf8(page_bytes, page.charset.as_deref())
                        }
                        _ => page_bytes,
                    };
                    whole(bytes, format, path, Some(&page.url), context)
                }
            }
        }
        Input::File(p) => {
            // A FIFO or a device put in place of a file since the paths were read is never
            // opened: opening one can block.
            let size = match std::fs::metadata(p) {
                Ok(m) => match special_kind(&m) {
                    Some(kind) => return failed(kind),
                    None => m.len(),
                },
                Err(e) => return failed(unreadable(e)),
            };
            File::open(p)
                .and_then(|file| {
                    stream_or_whole(
                        BufReader::with_capacity(SNIFF_BYTES, file),
                        path.clone(),
                        context,
                        size,
                    )
                })
                .unwrap_or_else(|e| failed(unreadable(e)))
        }
        Input::Stdin => {
            let stdin = BufReader::with_capacity(SNIFF_BYTES, std::io::stdin());
            stream_or_whole(stdin, path.clone(), context, 0)
                .unwrap_or_else(|e| failed(unreadable(e)))
        }
    }
}

/// Tells the format from the first bytes; a dataset becomes a stream over `reader`. `size`, the
/// file's length when known, sizes the buffer a document is read into: grown as it fills, a
/// huge one-line file would be copied at each doubling and held twice meanwhile.
fn stream_or_whole<R: BufRead + Send + 'static>(
    mut reader: R,
    path: String,
    context: &ReadSettings,
    size: u64,
) -> std::io::Result<Opened> {
    let head = reader.fill_buf()?;
    // UTF-16 text looks binary (a NUL in every other byte of English): it is read whole and
    // turned into UTF-8 before its format is told.
    let utf16 = text::is_utf16(head);
    // A binary file is known by its first bytes: a video or a disk image is not read whole
    // only to be skipped.
    if !utf16 && looks_binary(head) && !head.iter().all(u8::is_ascii_whitespace) {
        return Ok(Opened {
            docs: Docs::Ready(Vec::new()),
            problems: vec![Problem { path, kind: ProblemKind::Binary }],
            bytes: 0,
        });
    }
    let format = if utf16 { Format::Text } else { detect(head, &path, None) };
    if let Format::Dataset(layout) = format {
        let records = jsonl::Records::new(reader, layout, path, context.fields.clone());
        return Ok(Opened {
            docs: Docs::Stream(Box::new(records)),
            problems: Vec::new(),
            bytes: 0,
        });
    }
    // One byte over the size, so that reading to the end finds the end without growing. A size
    // too big to reserve (a sparse file) is left to grow as read.
    let too_large = || Opened {
        docs: Docs::Ready(Vec::new()),
        problems: vec![Problem { path: path.clone(), kind: ProblemKind::TooLarge }],
        bytes: 0,
    };
    if size > MAX_DOCUMENT {
        return Ok(too_large());
    }
    let mut bytes = Vec::new();
    let _ = bytes.try_reserve_exact(usize::try_from(size).unwrap_or(0).saturating_add(1));
    // Standard input has no size to check first: read one byte past the limit at most.
    reader.take(MAX_DOCUMENT + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_DOCUMENT {
        return Ok(too_large());
    }
    if utf16 {
        let bytes = text::from_utf16(bytes);
        let format = detect(&bytes, &path, None);
        return Ok(whole(bytes, format, path, None, context));
    }
    if format == Format::Html {
        bytes = html::to_utf8(bytes, None);
    }
    Ok(whole(bytes, format, path, None, context))
}

/// Reads a document held whole in memory (a page already in UTF-8). `url` is where it was
/// fetched from.
fn whole(
    bytes: Vec<u8>,
    format: Format,
    path: String,
    url: Option<&str>,
    context: &ReadSettings,
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
            let docs = records.map(|r| r.and_then(Record::parse));
            docs.filter_map(|r| r.map_err(|p| problems.push(p)).ok()).collect()
        }
        Format::Feed => match feed::read(&bytes, url.unwrap_or(&path)) {
            Ok((items, broken)) => {
                if let Some(why) = broken {
                    problems.push(problem(ProblemKind::BrokenFeed { items: items.len(), why }));
                }
                // A feed from the web is read with its pages; a file, only when asked, and
                // then apart from the files beside it.
                match (&context.client, url) {
                    (Some(client), None) if context.fetch_links => {
                        let linked = Linked::new(items, client.clone(), path);
                        return Opened { docs: Docs::Linked(linked), problems, bytes: size };
                    }
                    (client, url) => full_texts(
                        items,
                        client.as_ref().filter(|_| url.is_some()),
                        &path,
                        &mut problems,
                    ),
                }
            }
            Err(why) => {
                problems.push(problem(ProblemKind::BadFeed(why.to_string())));
                Vec::new()
            }
        },
        Format::Text | Format::Html => match text::decode(bytes) {
            Err(kind) => {
                problems.push(problem(kind));
                Vec::new()
            }
            Ok((text, offsets)) => {
                if offsets.is_some() {
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
                    let (mut text, mut offsets) =
                        text::drop_invisible(text, offsets.unwrap_or_default());
                    // A Markdown file reads as it renders: `**Jane Doe** said`, `Jane Doe said`.
                    if markdown::is_markdown(&path) {
                        (text, offsets) = markdown::strip_inline(text, offsets);
                    }
                    // Text fetched from the web keeps the address it came from, after redirects.
                    let meta = Meta { url: url.map(str::to_string), ..Meta::default() };
                    vec![RawDoc { path: path.clone(), text, offsets, meta, ..RawDoc::default() }]
                }
            }
        },
    };
    Opened { docs: Docs::Ready(docs), problems, bytes: size }
}
