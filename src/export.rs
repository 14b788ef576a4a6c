//! Quotes as text for other programs and people: JSON lines, JSON, TSV and Markdown.
//!
//! Pure functions from quotes to strings, shared by `saidso quotes` and the reader's export.

use serde::{Deserialize, Serialize};

use crate::extract::{Quote, QuoteKind, SpeakerKind};
use crate::model::{Article, collapse_whitespace};
use crate::text::{one_line, push_json_str};

/// One quote, as every format shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRow {
    /// The article's id (as `saidso list` prints it and `saidso mark` takes it).
    pub id: String,
    /// The path the article was read from.
    pub file: String,
    /// The article's title.
    pub article: String,
    /// The quoted words without the marks; paragraphs joined by one space.
    pub text: String,
    /// Direct or partial.
    pub kind: QuoteKind,
    /// The speaker's fullest name, or null.
    pub speaker: Option<String>,
    /// Person or organisation.
    pub speaker_kind: Option<SpeakerKind>,
    /// The words naming the speaker (`he`).
    pub speaker_mention: Option<String>,
    /// The speech verb or phrase.
    pub cue: Option<String>,
    /// Byte offset of the first quoted word in the file.
    pub start: usize,
    /// Byte offset just past the last quoted word.
    pub end: usize,
    /// For attributions (not with `saidso quotes --quoted`): the `[start, end)` byte ranges
    /// of the quoted words inside the content (empty for indirect speech).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quoted: Option<Vec<[usize; 2]>>,
}

/// The rows of an article's quotes.
pub fn rows(article: &Article, quotes: &[Quote]) -> Vec<QuoteRow> {
    quotes.iter().map(|q| row(article, q, false)).collect()
}

/// The rows of an article's attributions (see `Extractor::attributions`): each with the
/// ranges of its quoted words.
pub fn attribution_rows(article: &Article, quotes: &[Quote]) -> Vec<QuoteRow> {
    quotes.iter().map(|q| row(article, q, true)).collect()
}

/// The row of one of an article's quotes, as [`rows`] gives it; with `quoted`, as
/// [`attribution_rows`] gives it. One at a time, the rows of a huge article need not all be
/// in memory at once.
pub fn row(article: &Article, q: &Quote, quoted: bool) -> QuoteRow {
    let words = |r: &Option<std::ops::Range<usize>>| {
        r.as_ref()
            .and_then(|r| article.text.get(r.clone()))
            .map(|s| collapse_whitespace(s).into_owned())
    };
    let in_file = |at| article.offsets.in_file(at);
    QuoteRow {
        id: article.id.to_string(),
        file: article.path.clone(),
        article: article.title.clone(),
        text: q.text(&article.text),
        kind: q.kind,
        speaker: q.speaker.clone(),
        speaker_kind: q.speaker_kind,
        speaker_mention: words(&q.mention),
        cue: words(&q.cue),
        start: in_file(q.span().start),
        end: in_file(q.span().end),
        quoted: quoted
            .then(|| q.quoted.iter().map(|r| [in_file(r.start), in_file(r.end)]).collect()),
    }
}

/// One JSON object a line.
pub fn jsonl(rows: &[QuoteRow]) -> String {
    let mut bytes = Vec::new();
    for row in rows {
        push_json_row(&mut bytes, row);
        bytes.push(b'\n');
    }
    // Only whole strings were written, so the bytes are UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Appends `row` as one JSON object: the bytes of
/// [`escape_json`](crate::text::escape_json)`(serde_json::to_string(row))`,
/// written directly (serde escapes a byte at a time, and `saidso quotes` writes every row).
fn push_json_row(out: &mut Vec<u8>, row: &QuoteRow) {
    // Every field named: a field added to the row must be added here too.
    let QuoteRow {
        id,
        file,
        article,
        text,
        kind,
        speaker,
        speaker_kind,
        speaker_mention,
        cue,
        start,
        end,
        quoted,
    } = row;
    push_json_head(out, id, file, article);
    let rest = RowRest {
        text,
        kind: *kind,
        speaker: speaker.as_deref(),
        speaker_kind: *speaker_kind,
        speaker_mention: speaker_mention.as_deref(),
        cue: cue.as_deref(),
        start: *start,
        end: *end,
    };
    push_json_rest(out, &rest, quoted.as_ref().map(|q| q.iter().copied()));
    out.push(b'}');
}

/// The keys of a row that come from its article: `{"id":…,"file":…,"article":…`.
fn push_json_head(out: &mut Vec<u8>, id: &str, file: &str, article: &str) {
    push_json_key(out, "{\"id\":", Some(id));
    push_json_key(out, ",\"file\":", Some(file));
    push_json_key(out, ",\"article\":", Some(article));
}

/// The keys of a row that come from its quote, borrowed from wherever they are.
struct RowRest<'a> {
    text: &'a str,
    kind: QuoteKind,
    speaker: Option<&'a str>,
    speaker_kind: Option<SpeakerKind>,
    speaker_mention: Option<&'a str>,
    cue: Option<&'a str>,
    start: usize,
    end: usize,
}

/// The keys of a row after its article's, from `,"text":` on, the object left open; `quoted`
/// as [`QuoteRow::quoted`].
fn push_json_rest(
    out: &mut Vec<u8>,
    rest: &RowRest,
    quoted: Option<impl Iterator<Item = [usize; 2]>>,
) {
    let mut number = itoa::Buffer::new();
    push_json_key(out, ",\"text\":", Some(rest.text));
    push_json_key(out, ",\"kind\":", Some(rest.kind.name()));
    push_json_key(out, ",\"speaker\":", rest.speaker);
    push_json_key(out, ",\"speaker_kind\":", rest.speaker_kind.map(SpeakerKind::name));
    push_json_key(out, ",\"speaker_mention\":", rest.speaker_mention);
    push_json_key(out, ",\"cue\":", rest.cue);
    out.extend_from_slice(b",\"start\":");
    out.extend_from_slice(number.format(rest.start).as_bytes());
    out.extend_from_slice(b",\"end\":");
    out.extend_from_slice(number.format(rest.end).as_bytes());
    if let Some(quoted) = quoted {
        out.extend_from_slice(b",\"quoted\":[");
        for (i, [start, end]) in quoted.enumerate() {
            out.extend_from_slice(if i == 0 { b"[" } else { b",[" });
            out.extend_from_slice(number.format(start).as_bytes());
            out.push(b',');
            out.extend_from_slice(number.format(end).as_bytes());
            out.push(b']');
        }
        out.push(b']');
    }
}

/// Appends `key` (its punctuation included) and `value` as a JSON string, or `null`.
fn push_json_key(out: &mut Vec<u8>, key: &str, value: Option<&str>) {
    out.extend_from_slice(key.as_bytes());
    match value {
        Some(value) => push_json_str(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

/// The keys every row of `article` starts with, as [`row`] and [`jsonl`] write them:
/// `{"id":…,"file":…,"article":…`. `saidso quotes` writes them once an article and each row's
/// own keys ([`OpenJson::push_quote`]) after them.
pub fn json_head(article: &Article) -> Vec<u8> {
    let mut out = Vec::new();
    push_json_head(&mut out, &article.id.to_string(), &article.path, &article.title);
    out
}

/// Rows as JSON objects left open (no closing brace), so that a key known only later can be
/// added to each: `saidso quotes` writes an article's rows as it loads, and adds the speakers'
/// ids once every article is read. Much smaller than the rows themselves.
#[derive(Clone, Debug, Default)]
pub struct OpenJson {
    bytes: Vec<u8>,
    /// Where each row ends in `bytes`.
    ends: Vec<usize>,
}

impl OpenJson {
    /// The rows, each as a JSON object without its closing brace.
    pub fn new(rows: &[QuoteRow]) -> Self {
        let mut out = Self::default();
        for row in rows {
            out.push(row);
        }
        out
    }

    /// Adds `row`, as a JSON object without its closing brace.
    pub fn push(&mut self, row: &QuoteRow) {
        push_json_row(&mut self.bytes, row);
        // The object's closing brace, added back by whoever finishes the row.
        self.bytes.pop();
        self.ends.push(self.bytes.len());
    }

    /// Adds the row of `article`'s quote `q` (with `quoted`, as an attribution) without the
    /// keys of [`json_head`]: the bytes [`OpenJson::push`] writes of [`row`]`(article, q,
    /// quoted)` after those keys, made straight from the quote (no row's strings copied).
    pub fn push_quote(&mut self, article: &Article, q: &Quote, quoted: bool) {
        let words = |r: &Option<std::ops::Range<usize>>| {
            r.as_ref().and_then(|r| article.text.get(r.clone())).map(collapse_whitespace)
        };
        let in_file = |at| article.offsets.in_file(at);
        let (text, mention, cue) = (q.text(&article.text), words(&q.mention), words(&q.cue));
        let rest = RowRest {
            text: &text,
            kind: q.kind,
            speaker: q.speaker.as_deref(),
            speaker_kind: q.speaker_kind,
            speaker_mention: mention.as_deref(),
            cue: cue.as_deref(),
            start: in_file(q.span().start),
            end: in_file(q.span().end),
        };
        let ranges = q.quoted.iter().map(|r| [in_file(r.start), in_file(r.end)]);
        push_json_rest(&mut self.bytes, &rest, quoted.then_some(ranges));
        self.ends.push(self.bytes.len());
    }

    /// Removes every row, keeping the memory for the next.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.ends.clear();
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Every row in order, each without its closing brace.
    pub fn rows(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len()).filter_map(|i| self.row(i))
    }

    /// Row `i`, without its closing brace.
    pub fn row(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.bytes.get(start..end)
    }
}

/// The header line of the TSV format.
pub const TSV_HEADER: &str = "id\tfile\tarticle\tkind\tspeaker\tstart\tend\ttext\n";

/// The header line of the TSV format with the record's verdicts (`saidso quotes --record`): the
/// same columns, then `verdict`, `said_by`, `checked_words` (the quoted words the verdict is on:
/// a partial quotation's fragments, not its paraphrase) and `record_to_quote` (the words that
/// differ, the record's first).
pub const TSV_HEADER_CHECKED: &str = "id\tfile\tarticle\tkind\tspeaker\tstart\tend\ttext\tverdict\t\
                                      said_by\tchecked_words\trecord_to_quote\n";

/// A quote's verdict against the record, as the text formats give it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerdictNote {
    /// The verdict's name (`verbatim`, `altered`, `not-in-record`, `no-turns`).
    pub verdict: String,
    /// The record speaker whose words these are, when not the quoted speaker's.
    pub said_by: Option<String>,
    /// For an altered quote, the words that differ, as people read them (record → quote).
    pub differences: Vec<String>,
    /// The quoted words the verdict is on (a partial quotation's fragments joined by ` … `).
    pub words: String,
}

/// Tab-separated lines (tabs and line breaks inside fields become spaces).
pub fn tsv(rows: &[QuoteRow]) -> String {
    rows.iter().map(|r| tsv_fields(r) + "\n").collect()
}

/// Tab-separated lines with the record's verdict on each row (`notes`, one a row; a row
/// without one has both columns empty).
pub fn tsv_checked(rows: &[QuoteRow], notes: &[Option<VerdictNote>]) -> String {
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        let note = notes.get(i).and_then(Option::as_ref);
        let verdict = note.map_or("", |n| n.verdict.as_str());
        let said_by = note.and_then(|n| n.said_by.as_deref()).unwrap_or("");
        let words = note.map_or("", |n| n.words.as_str());
        let differences = note.map(|n| n.differences.join("; ")).unwrap_or_default();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            tsv_fields(r),
            field(verdict),
            field(said_by),
            field(words),
            field(&differences)
        ));
    }
    out
}

/// A field on one line, with nothing a terminal would act on (a file name may hold anything).
fn field(s: &str) -> String {
    one_line(s)
}

/// A row's fields, tab-separated, without the line break.
fn tsv_fields(r: &QuoteRow) -> String {
    let kind = match r.kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    };
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        r.id,
        field(&r.file),
        field(&r.article),
        kind,
        field(r.speaker.as_deref().unwrap_or("")),
        r.start,
        r.end,
        field(&r.text)
    )
}

/// An article's quotes in Markdown: the title as a heading, then `“…” — Speaker` per quote.
pub fn markdown(title: &str, rows: &[QuoteRow]) -> String {
    markdown_checked(title, rows, &[])
}

/// [`markdown`], each quote followed by the record's verdict on it when `notes` has one:
/// `_(altered: “spring” → “winter”)_`.
pub fn markdown_checked(title: &str, rows: &[QuoteRow], notes: &[Option<VerdictNote>]) -> String {
    let mut out = format!("## {}\n\n", escape_markdown(title.trim()));
    if rows.is_empty() {
        out.push_str("_No quotes._\n");
    }
    for (i, r) in rows.iter().enumerate() {
        let speaker = escape_markdown(r.speaker.as_deref().unwrap_or("unknown speaker"));
        let text = escape_markdown(&r.text);
        // Reported speech is never dressed as a quotation, and is marked by its kind: indirect
        // speech, and a partial quotation grown to its clause (an attribution row, which has
        // `quoted`).
        let mark = match r.kind {
            QuoteKind::Indirect => Some("reported"),
            QuoteKind::Partial if r.quoted.is_some() => Some("partial"),
            QuoteKind::Partial | QuoteKind::Direct => None,
        };
        let reported = mark.is_some();
        match mark {
            Some(mark) => out.push_str(&format!("- ({mark}) {text} — {speaker}")),
            None => out.push_str(&format!("- “{text}” — {speaker}")),
        }
        if let Some(note) = notes.get(i).and_then(Option::as_ref) {
            // A paraphrase is never certified: the verdict is said to be its quoted words'.
            let on = if reported {
                format!("quoted words “{}”: ", escape_markdown(&note.words))
            } else {
                String::new()
            };
            out.push_str(&format!(" _({on}{})_", markdown_note(note)));
        }
        out.push('\n');
    }
    out
}

/// `s` with the characters that make Markdown (and the HTML it may hold) backslash-escaped:
/// an article's words are shown as written, never as a link, an image, a tag or emphasis.
fn escape_markdown(s: &str) -> std::borrow::Cow<'_, str> {
    const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~'];
    if !s.contains(SPECIAL) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out.into()
}

/// A verdict as a Markdown note reads it: `altered, record → quote: “a” → “b”`,
/// `not-in-record, said by Q`.
fn markdown_note(note: &VerdictNote) -> String {
    let mut out = note.verdict.clone();
    if let Some(who) = &note.said_by {
        out.push_str(&format!(", said by {}", escape_markdown(who)));
    }
    if !note.differences.is_empty() {
        let differences = escape_markdown(&note.differences.join("; ")).into_owned();
        out.push_str(&format!(", record → quote: {differences}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str, speaker: Option<&str>) -> QuoteRow {
        QuoteRow {
            id: "00000000000000ab".into(),
            file: "a.txt".into(),
            article: "Title".into(),
            text: text.into(),
            kind: QuoteKind::Direct,
            speaker: speaker.map(Into::into),
            speaker_kind: None,
            speaker_mention: None,
            cue: None,
            start: 3,
            end: 9,
            quoted: None,
        }
    }

    #[test]
    fn markdown_shows_an_articles_links_and_tags_as_text() {
        let text = "Click [here](javascript:alert(1)) and *bold* <script>x</script> | `code`";
        let md = markdown("A [link](http://x) <b>", &[row(text, Some("Ann_Mark"))]);
        assert_eq!(
            md,
            "## A \\[link\\](http://x) \\<b\\>\n\n\
             - “Click \\[here\\](javascript:alert(1)) and \\*bold\\* \\<script\\>x\\</script\\> \\| \\`code\\`” \
             — Ann\\_Mark\n"
        );
    }

    #[test]
    fn markdown_lists_quotes_under_the_title() {
        let md =
            markdown("Talks", &[row("We are ready.", Some("Dmitry Peskov")), row("No.", None)]);
        assert_eq!(
            md,
            "## Talks\n\n- “We are ready.” — Dmitry Peskov\n- “No.” — unknown speaker\n"
        );
    }

    #[test]
    fn tsv_keeps_one_line_per_quote() {
        let out = tsv(&[row("a\tb\nc", None)]);
        assert_eq!(out, "00000000000000ab\ta.txt\tTitle\tdirect\t\t3\t9\ta b c\n");
        let mut evil = row("x", None);
        evil.file = "\x1b]52;c;aGk=\x07evil\u{9b}2J.txt".into();
        assert_eq!(tsv(&[evil]), "00000000000000ab\tevil .txt\tTitle\tdirect\t\t3\t9\tx\n");
    }

    #[test]
    fn open_json_rows_close_into_the_jsonl_rows() {
        let rows = [row("x", Some("Y")), row("z", None)];
        let open = OpenJson::new(&rows);
        let closed: String = (0..open.len())
            .map(|i| format!("{}}}\n", String::from_utf8_lossy(open.row(i).unwrap())))
            .collect();
        assert_eq!(closed, jsonl(&rows));
        assert!(open.row(2).is_none());
    }

    #[test]
    fn rows_pushed_from_quotes_are_the_rows_after_their_head() {
        let text = "Talks in Minsk\n\n\u{201c}We are ready,\u{201d} Dmitry Peskov told \
                    reporters\ton Friday. He said the talks would go on \"for now\".\n\n\
                    According to officials, the convoy has dispersed \u{202e}quietly.\n";
        let raw = crate::model::RawDoc {
            path: "dir/\u{1b}[31m\"a\".txt".into(),
            text: text.into(),
            ..Default::default()
        };
        let article = crate::clean::clean(raw, &crate::clean::Rules::builtin()).unwrap();
        let quotes = crate::extract::Extractor::builtin().attributions_with_headline(&article);
        assert!(quotes.len() >= 3, "{quotes:?}");
        for quoted in [false, true] {
            let head = json_head(&article);
            let mut direct = OpenJson::default();
            quotes.iter().for_each(|q| direct.push_quote(&article, q, quoted));
            let from_rows = OpenJson::new(
                &quotes.iter().map(|q| super::row(&article, q, quoted)).collect::<Vec<_>>(),
            );
            assert_eq!(direct.len(), from_rows.len());
            for (i, want) in from_rows.rows().enumerate() {
                let got = [&head[..], direct.row(i).unwrap()].concat();
                assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(want));
            }
        }
    }

    #[test]
    fn json_rows_are_what_serde_writes() {
        let mut rows = vec![row("x", Some("Y")), row("z", None)];
        rows[0].speaker_kind = Some(SpeakerKind::Person);
        rows[0].speaker_mention = Some("he \u{9b}".into());
        rows[0].cue = Some("said\u{202e}".into());
        rows[0].quoted = Some(vec![[1, 2], [30, 4000]]);
        rows[1].kind = QuoteKind::Partial;
        rows[1].speaker_kind = Some(SpeakerKind::Organisation);
        rows[1].quoted = Some(Vec::new());
        rows.push(QuoteRow { kind: QuoteKind::Indirect, ..row("a \"b\"\n\\", Some("Z")) });
        rows[2].speaker_kind = Some(SpeakerKind::Unknown);
        rows[2].file = "dir/\u{1b}[31m.txt".into();
        let serde: String = rows
            .iter()
            .map(|r| crate::text::escape_json(serde_json::to_string(r).unwrap()) + "\n")
            .collect();
        assert_eq!(jsonl(&rows), serde);
    }

    #[test]
    fn jsonl_has_the_documented_keys() {
        let line = jsonl(&[row("x", Some("Y"))]);
        let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
        for key in
            ["file", "article", "text", "kind", "speaker", "speaker_mention", "cue", "start", "end"]
        {
            assert!(v.get(key).is_some(), "{key}");
        }
        assert_eq!(v["kind"], "direct");
    }
}
