//! News datasets: JSON Lines (one article object a line) and JSON arrays of article objects.
//!
//! Read a record at a time through a `BufRead`, so a file of any size is never held in memory
//! whole; a record that cannot be read is reported with its line number and skipped.

use std::io::BufRead;
use std::sync::Arc;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::detect::DatasetLayout;
use super::{Problem, ProblemKind, text};
use crate::model::{Meta, Offsets, RawDoc};

/// Which fields of a record hold what: for each, the names tried in order. A later config file
/// can override them (`[fields]` with the same keys).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Fields {
    /// The article text.
    pub text: Vec<String>,
    /// The headline.
    pub title: Vec<String>,
    /// Link to the article.
    pub url: Vec<String>,
    /// Publication date.
    pub date: Vec<String>,
    /// Byline.
    pub author: Vec<String>,
    /// Site or feed name.
    pub site: Vec<String>,
}

impl Default for Fields {
    fn default() -> Self {
        let names = |names: &[&str]| names.iter().map(|n| (*n).to_string()).collect();
        Fields {
            text: names(&["text", "content", "body", "maintext"]),
            title: names(&["title", "headline"]),
            url: names(&["url", "link"]),
            date: names(&["date", "date_publish", "published", "published_at"]),
            author: names(&["author", "authors", "byline"]),
            site: names(&["source", "domain", "site", "source_domain"]),
        }
    }
}

/// The records of a dataset, read one at a time.
pub(super) struct Records<R> {
    reader: R,
    layout: DatasetLayout,
    source: Arc<Source>,
    /// Line number of the next unread line (1-based).
    line: usize,
    buf: Vec<u8>,
    /// An array's opening bracket has been read.
    opened: bool,
    /// An array's closing bracket has been read (or the input ended).
    done: bool,
    /// An array's closing bracket has been read: an array that ends without it was cut short.
    closed: bool,
    /// Bytes consumed so far, for progress.
    consumed: u64,
}

impl<R: BufRead> Records<R> {
    /// Reads the dataset `name` (used in paths and messages) laid out as `layout`.
    pub(super) fn new(reader: R, layout: DatasetLayout, name: String, fields: Fields) -> Self {
        let opened = false;
        Records {
            reader,
            layout,
            source: Arc::new(Source { name, fields }),
            line: 1,
            buf: Vec::new(),
            opened,
            done: false,
            closed: false,
            consumed: 0,
        }
    }

    /// Bytes of the input read so far.
    pub(super) fn consumed(&self) -> u64 {
        self.consumed
    }

    /// The next record's bytes and the line it starts on; `None` at the end.
    fn next_record(&mut self) -> Option<Result<usize, std::io::Error>> {
        if self.done {
            return None;
        }
        self.buf.clear();
        match self.layout {
            DatasetLayout::Lines => loop {
                let line = self.line;
                match self.reader.read_until(b'\n', &mut self.buf) {
                    Ok(0) => {
                        self.done = true;
                        return None;
                    }
                    Ok(n) => {
                        self.consumed += n as u64;
                        self.line += 1;
                        if self.buf.iter().all(u8::is_ascii_whitespace) {
                            self.buf.clear();
                            continue;
                        }
                        return Some(Ok(line));
                    }
                    Err(e) => {
                        self.done = true;
                        return Some(Err(e));
                    }
                }
            },
            DatasetLayout::Array => self.next_element(),
        }
    }

    /// Scans one element of a JSON array into `buf`, tracking strings and nesting so that only
    /// a top-level comma or the closing bracket ends it.
    fn next_element(&mut self) -> Option<Result<usize, std::io::Error>> {
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        let mut start_line = None;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok([]) => {
                    self.done = true;
                    // A truncated last element is still handed over, to be reported as bad
                    // (which says the file is cut short: the missing bracket need not).
                    self.closed |= start_line.is_some();
                    return start_line.map(Ok);
                }
                Ok(chunk) => chunk,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            let mut used = 0;
            let mut finished = false;
            for &b in chunk {
                used += 1;
                if b == b'\n' {
                    self.line += 1;
                }
                if !self.opened {
                    // `detect::dataset_layout` saw only white space before the opening bracket.
                    self.opened = b == b'[';
                    continue;
                }
                if in_string {
                    self.buf.push(b);
                    match (escaped, b) {
                        (true, _) => escaped = false,
                        (false, b'\\') => escaped = true,
                        (false, b'"') => in_string = false,
                        _ => {}
                    }
                    continue;
                }
                if depth == 0 {
                    if b.is_ascii_whitespace() && start_line.is_none() {
                        continue;
                    }
                    if b == b',' || b == b']' {
                        self.done = b == b']';
                        self.closed = self.done;
                        if start_line.is_some() || self.done {
                            finished = true;
                            break;
                        }
                        continue;
                    }
                }
                start_line.get_or_insert(self.line);
                self.buf.push(b);
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            self.reader.consume(used);
            self.consumed += used as u64;
            if finished {
                return start_line.map(Ok);
            }
        }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<Record, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        let Some(next) = self.next_record() else {
            // A download cut short between two records leaves every record whole: only the
            // missing bracket tells. Said once.
            let cut = self.layout == DatasetLayout::Array && self.opened && !self.closed;
            self.closed = true;
            return cut.then(|| {
                Err(Problem {
                    path: format!("{}:{}", self.source.name, self.line),
                    kind: ProblemKind::BadRecord(
                        "the JSON array ends without its closing `]`: the file may be cut short \
                         after the records read"
                            .to_string(),
                    ),
                })
            });
        };
        match next {
            Ok(line) => {
                let bytes = std::mem::take(&mut self.buf);
                Some(Ok(Record { bytes, line, source: Arc::clone(&self.source) }))
            }
            Err(e) => Some(Err(Problem {
                path: format!("{}:{}", self.source.name, self.line),
                kind: ProblemKind::Unreadable(super::io_reason(&e)),
            })),
        }
    }
}

/// The dataset a record comes from.
#[derive(Debug)]
struct Source {
    name: String,
    fields: Fields,
}

/// One record, read but not parsed yet, so that parsing can run on the loader's worker threads.
#[derive(Debug)]
pub struct Record {
    bytes: Vec<u8>,
    line: usize,
    source: Arc<Source>,
}

impl Record {
    /// The record as a document, or why it is not one.
    pub fn parse(self) -> Result<RawDoc, Problem> {
        let (fields, path) = (&self.source.fields, format!("{}:{}", self.source.name, self.line));
        let problem =
            |reason: String| Problem { path: path.clone(), kind: ProblemKind::BadRecord(reason) };
        let mut record: Map<String, Value> = serde_json::from_slice(&self.bytes).map_err(|e| {
            // The parser counts from the record's start: the problem is put at the file's line.
            // (An end of input is reported past the record's last line: kept on it.)
            let lines = self.bytes.trim_ascii_end().iter().filter(|&&b| b == b'\n').count();
            let line = self.line + e.line().saturating_sub(1).min(lines);
            let why = e.to_string();
            let why = why.split(" at line ").next().unwrap_or(&why);
            let path = format!("{}:{line}", self.source.name);
            Problem { path, kind: ProblemKind::BadRecord(format!("not a JSON object ({why})")) }
        })?;
        let text = take_body(&mut record, &fields.text).ok_or_else(|| {
            problem(format!("no text in any of the fields {}", fields.text.join(", ")))
        })?;
        let mut take = |names: &[String]| take_text(&mut record, names);
        let title = take(&fields.title);
        let meta = Meta {
            url: take(&fields.url),
            date: take(&fields.date),
            author: take(&fields.author),
            site: take(&fields.site),
        };
        // Offsets stay offsets into the record's text as given.
        let (text, offsets) = text::drop_invisible(text, Offsets::default());
        Ok(RawDoc { path, text, title, meta, offsets, ..RawDoc::default() })
    }
}

/// The article text: the first of the `names` fields that holds a non-blank string, or a list of
/// strings (paragraphs, joined by blank lines).
fn take_body(record: &mut Map<String, Value>, names: &[String]) -> Option<String> {
    names.iter().find_map(|name| {
        let text = match record.remove(name)? {
            Value::String(s) => s,
            Value::Array(items) => {
                let paragraphs: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                paragraphs.join("\n\n")
            }
            _ => return None,
        };
        (!text.trim().is_empty()).then_some(text)
    })
}

/// The first of the `names` fields that holds non-blank text, taken out of the record: a string,
/// a number, a list of strings (authors) or an object with a `name` (a source).
fn take_text(record: &mut Map<String, Value>, names: &[String]) -> Option<String> {
    names.iter().find_map(|name| as_text(record.remove(name)?))
}

fn as_text(value: Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            let parts: Vec<String> = items.into_iter().filter_map(as_text).collect();
            parts.join(", ")
        }
        Value::Object(mut o) => return as_text(o.remove("name")?),
        Value::Null | Value::Bool(_) => return None,
    };
    (!text.trim().is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &str) -> Vec<Result<RawDoc, Problem>> {
        let layout = super::super::detect::dataset_layout(input.as_bytes()).expect("a dataset");
        Records::new(input.as_bytes(), layout, "d.jsonl".into(), Fields::default())
            .map(|r| r.and_then(Record::parse))
            .collect()
    }

    /// A record spread over lines is faulted at the file's line of the fault, with no position
    /// counted from the record's start.
    #[test]
    fn a_bad_record_is_put_at_the_line_of_its_fault() {
        let out = records("[\n{\"title\": \"a\",\n \"text\": \"x\u{1}y\"}\n]\n");
        let problem = out[0].as_ref().unwrap_err();
        assert_eq!(problem.path, "d.jsonl:3");
        assert!(!problem.to_string().contains("at line"), "{problem}");
    }

    #[test]
    fn lines_give_documents_and_numbered_problems() {
        let input = "{\"title\":\"T\",\"content\":\"Body one.\",\"url\":\"https://e.x/1\",\
                     \"authors\":[\"A\",\"B\"],\"source\":{\"name\":\"Wire\"},\"date_publish\":\"2024-01-02\"}\n\
                     \n\
                     not json\n\
                     {\"title\":\"no text\"}\n\
                     {\"maintext\":\"Body two.\"}";
        let out = records(input);
        assert_eq!(out.len(), 4);
        let first = out[0].as_ref().unwrap();
        assert_eq!(first.path, "d.jsonl:1");
        assert_eq!(first.title.as_deref(), Some("T"));
        assert_eq!(first.text, "Body one.");
        assert_eq!(first.meta.author.as_deref(), Some("A, B"));
        assert_eq!(first.meta.site.as_deref(), Some("Wire"));
        assert_eq!(first.meta.date.as_deref(), Some("2024-01-02"));
        assert_eq!(first.meta.url.as_deref(), Some("https://e.x/1"));
        assert_eq!(out[1].as_ref().unwrap_err().path, "d.jsonl:3");
        let no_text = out[2].as_ref().unwrap_err();
        assert_eq!(no_text.path, "d.jsonl:4");
        assert!(no_text.to_string().contains("no text"), "{no_text}");
        assert_eq!(out[3].as_ref().unwrap().path, "d.jsonl:5");
    }

    #[test]
    fn arrays_are_split_at_top_level_commas_only() {
        let input = "[\n  {\"text\": \"One, [two] {three} \\\"quoted]\\\"\"},\n  {\"text\": [\"Four\", \"4\"]},\n  7,\n  {\"text\": \"Five\"}, {\"text\": 6}\n]\n";
        let out = records(input);
        assert_eq!(out.len(), 5, "{out:?}");
        assert_eq!(out[0].as_ref().unwrap().text, "One, [two] {three} \"quoted]\"");
        assert_eq!(out[1].as_ref().unwrap().path, "d.jsonl:3");
        assert_eq!(out[1].as_ref().unwrap().text, "Four\n\n4");
        assert!(out[4].is_err(), "a number is no article text");
        assert_eq!(out[2].as_ref().unwrap_err().path, "d.jsonl:4");
        assert_eq!(out[3].as_ref().unwrap().text, "Five");
    }

    #[test]
    fn a_truncated_array_keeps_what_came_before() {
        let out = records("[{\"text\": \"Whole\"}, {\"text\": \"Cut sho");
        assert_eq!(out.len(), 2);
        assert!(out[0].is_ok());
        assert!(out[1].is_err());
        assert!(records("[]").is_empty());
        // Cut between records: each record whole, and the missing bracket reported once.
        let out = records("[{\"text\": \"Whole\"},\n");
        assert_eq!(out.len(), 2);
        assert!(out[0].is_ok() && out[1].is_err(), "{out:?}");
    }

    #[test]
    fn field_names_can_be_overridden() {
        let fields: Fields = toml::from_str("text = [\"article\"]").unwrap();
        assert_eq!(fields.title, Fields::default().title);
        let input = "{\"article\": \"Here.\", \"text\": \"Not this.\"}\n";
        let mut records = Records::new(input.as_bytes(), DatasetLayout::Lines, "x".into(), fields);
        assert_eq!(records.next().unwrap().and_then(Record::parse).unwrap().text, "Here.");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        #[test]
        fn arrays_of_any_bytes_end_and_never_panic(body in "[\\[\\]{}\",:\\\\ a-z0-9\n]{0,200}") {
            let input = format!("[{body}");
            let reader = Records::new(input.as_bytes(), DatasetLayout::Array, "x".into(), Fields::default());
            // Every record holds at least one byte of the input: the reader cannot loop forever.
            proptest::prop_assert!(reader.count() <= input.len());
        }

        #[test]
        fn every_line_gives_one_record_or_one_problem(lines in proptest::collection::vec("[^\n]{0,40}", 0..20)) {
            let input = lines.join("\n");
            let out: Vec<_> = Records::new(input.as_bytes(), DatasetLayout::Lines, "x".into(), Fields::default()).collect();
            let expected = lines.iter().filter(|l| !l.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty()).count();
            proptest::prop_assert_eq!(out.len(), expected);
        }
    }
}
