//! The native half of the `saidso` Python package: quotations and their speakers, from texts,
//! Arrow columns and files, with the GIL released while Rust works. The Python half
//! (`saidso/__init__.py`) adds the pandas and Polars conveniences and the docs.
//!
//! Rows are the main crate's [`QuoteRow`]s, with the same keys as `saidso quotes --format jsonl`
//! (the pytest suite compares them with the command's).

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use arrow_array::builder::{FixedSizeListBuilder, ListBuilder, StringBuilder, UInt64Builder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use arrow_schema::{DataType, Field, Schema};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use saidso::clean::clean;
use saidso::config::Config as CoreConfig;
use saidso::export::{QuoteRow, attribution_rows};
use saidso::extract::SpeakerKind;
use saidso::extract::{Quote, QuoteKind};
use saidso::load::{Loaded, Loader};
use saidso::model::{Article, ArticleId, collapse_whitespace};
use saidso::sources;
use saidso::speakers::Tally;

/// The command's allocator (see the main crate's `src/main.rs`): extraction allocates many small
/// strings, and runs faster on it than on the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// Named as the package exports it (`saidso.SaidsoError`): pickled across processes (a Dask or
// Spark worker's error) it is found again by that name, and `except saidso.SaidsoError` catches
// it on the other side.
pyo3::create_exception!(saidso, SaidsoError, pyo3::exceptions::PyException, "A saidso error.");

/// The settings extraction runs with: built-in, a TOML file, or a dict of the same keys.
#[pyclass(frozen, skip_from_py_object, module = "saidso._native")]
#[derive(Clone)]
struct Config {
    inner: Arc<CoreConfig>,
    /// The TOML text it was made from, so that it pickles (empty for the built-in one).
    source: String,
}

#[pymethods]
impl Config {
    /// `Config()` is the built-in settings; `Config(path)` reads a TOML file; `Config(dict)`
    /// takes the file's keys as a dict (`{"extraction": {"speech_verbs": ["quipped"]}}`).
    #[new]
    #[pyo3(signature = (source=None))]
    fn new(source: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let Some(source) = source.filter(|s| !s.is_none()) else {
            return Ok(builtin());
        };
        if let Ok(config) = source.cast::<Config>() {
            return Ok(config.get().clone());
        }
        if source.is_instance_of::<PyDict>() {
            let value = to_json(source, "")?;
            let text = toml::to_string(&value)
                .map_err(|e| SaidsoError::new_err(format!("configuration dict: {e}")))?;
            return from_toml(source.py(), text, Path::new(DICT));
        }
        let path: std::path::PathBuf = source.extract().map_err(|_| {
            PyTypeError::new_err("config must be None, a dict, a path or a saidso.Config")
        })?;
        let text = std::fs::read_to_string(&path).map_err(|e| {
            SaidsoError::new_err(format!("{}: cannot read it: {e}", path.display()))
        })?;
        from_toml(source.py(), text, &path)
    }

    fn __getnewargs__(&self) -> (Option<String>,) {
        (None,)
    }

    fn __getstate__(&self) -> String {
        self.source.clone()
    }

    fn __setstate__(&self) -> PyResult<()> {
        // Frozen: the state is restored by `__reduce__` instead.
        Ok(())
    }

    fn __reduce__(slf: &Bound<'_, Self>) -> PyResult<(Py<PyAny>, (String,))> {
        let py = slf.py();
        let from = py.import("saidso._native")?.getattr("_config_from_toml")?;
        Ok((from.unbind(), (slf.get().source.clone(),)))
    }
}

/// A configuration from its TOML text (for unpickling).
#[pyfunction]
fn _config_from_toml(py: Python<'_>, text: String) -> PyResult<Config> {
    if text.is_empty() {
        return Ok(builtin());
    }
    from_toml(py, text, Path::new("(pickled)"))
}

/// The built-in settings, made once: compiling the word lists takes milliseconds, too long for
/// every call of `extract`.
fn builtin() -> Config {
    static BUILTIN: OnceLock<Arc<CoreConfig>> = OnceLock::new();
    let inner = BUILTIN.get_or_init(|| Arc::new(CoreConfig::builtin()));
    Config { inner: Arc::clone(inner), source: String::new() }
}

fn from_toml(py: Python<'_>, text: String, path: &Path) -> PyResult<Config> {
    let config = CoreConfig::from_str(&text, path).map_err(|e| {
        // A dict's TOML is never seen: its key is named, not a line of it.
        match e
            .position
            .and_then(|(line, _)| key_at(&text, line))
            .filter(|_| path == Path::new(DICT))
        {
            Some(key) => SaidsoError::new_err(format!("configuration: {key}: {}", e.message)),
            None => SaidsoError::new_err(e.to_string()),
        }
    })?;
    let warn = py.import("warnings")?.getattr("warn")?;
    for warning in &config.warnings {
        warn.call1((format!("saidso configuration: {warning}"),))?;
    }
    // The keys are the reader's alone: a bad table is no reason to refuse the rest.
    if let Some(e) = &config.keys_error {
        warn.call1((format!("saidso configuration: {e}"),))?;
    }
    Ok(Config { inner: Arc::new(config), source: text })
}

/// The name a dict's settings go by in messages (see [`key_at`]).
const DICT: &str = "(dict)";

/// The key (`extraction.speech_verbs`) set on line `line` (1-based) of TOML as `toml` writes
/// it: `key = value` lines, each under the last `[table]` header before it.
fn key_at(text: &str, line: usize) -> Option<String> {
    let mut table = "";
    for (n, l) in (1..).zip(text.lines()) {
        let l = l.trim();
        if let Some(header) = l.strip_prefix('[') {
            table = header.trim_matches(['[', ']']);
        }
        if n == line {
            let key = l.split_once('=').map(|(k, _)| k.trim()).filter(|k| !k.is_empty());
            return match (table, key) {
                ("", key) => key.map(str::to_string),
                (table, None) => Some(table.to_string()),
                (table, Some(key)) => Some(format!("{table}.{key}")),
            };
        }
    }
    None
}

/// A dict of settings as JSON, for TOML: strings, numbers, booleans, lists and dicts. A value
/// TOML cannot hold is a [`SaidsoError`] naming its key (`key` is the path to `value`, as
/// `extraction.speech_verbs[2]`).
fn to_json(value: &Bound<'_, PyAny>, key: &str) -> PyResult<serde_json::Value> {
    use serde_json::Value;
    let bad = |why: String| match key {
        "" => SaidsoError::new_err(format!("configuration: {why}")),
        key => SaidsoError::new_err(format!("configuration: {key}: {why}")),
    };
    if value.is_instance_of::<PyBool>() {
        return Ok(Value::Bool(value.extract()?));
    }
    if value.is_instance_of::<PyInt>() {
        // TOML's integers are 64-bit, as the command's file reads them.
        return value.extract::<i64>().map(Value::from).map_err(|_| {
            bad(format!(
                "{} is out of range (from -2**63 to 2**63 - 1)",
                value.str().map_or_else(|_| "the number".into(), |s| s.to_string())
            ))
        });
    }
    if value.is_instance_of::<PyFloat>() {
        let f: f64 = value.extract()?;
        return serde_json::Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| bad("a number that is not finite".into()));
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Value::String(s.extract::<String>()?));
    }
    if let Ok(d) = value.cast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (k, v) in d.iter() {
            let name: String = k.extract().map_err(|_| {
                let shown = k.repr().map_or_else(|_| String::new(), |r| r.to_string());
                bad(format!("the key {shown} is not a string"))
            })?;
            let path = if key.is_empty() { name.clone() } else { format!("{key}.{name}") };
            map.insert(name, to_json(&v, &path)?);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(items) = value.try_iter() {
        let list = items
            .enumerate()
            .map(|(i, v)| to_json(&v?, &format!("{key}[{i}]")))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(Value::Array(list));
    }
    let kind = value.get_type().name()?;
    Err(bad(format!("cannot use a value of type {kind}")))
}

/// The configuration `config` names (see [`Config::new`]).
fn config_of(config: Option<&Bound<'_, PyAny>>) -> PyResult<Arc<CoreConfig>> {
    Ok(Config::new(config)?.inner)
}

/// One text's quotations: its article's id (none for a text with no article in it), the rows,
/// and each quotation's start and end in code points. The article itself is dropped at once:
/// holding every text of a call until the end costs memory, and page faults to get it.
struct Extracted {
    article: Option<ArticleId>,
    rows: Vec<QuoteRow>,
    chars: Vec<(usize, usize)>,
}

/// Extracts the quotations of `text` as `saidso quotes` does for a plain-text file.
fn extract_text(config: &CoreConfig, text: &str, title: Option<String>) -> Extracted {
    let raw = sources::text_doc(text, title);
    let Some(article) = clean(raw, &config.rules) else {
        return Extracted { article: None, rows: Vec::new(), chars: Vec::new() };
    };
    let quotes = config.extractor.attributions_with_headline(&article);
    let rows = attribution_rows(&article, &quotes);
    // Offsets in code points are counted in the text as given: cleaning blanks control
    // characters byte for byte, which changes how many characters there are, not the bytes.
    let bytes: Vec<usize> = rows.iter().flat_map(|r| [r.start, r.end]).collect();
    let chars = char_offsets(text, &bytes);
    let chars = chars.chunks_exact(2).map(|c| (c[0], c[1])).collect();
    Extracted { article: Some(article.id), rows, chars }
}

/// The code-point offsets in `text` of byte offsets into it, counted by a cursor that moves
/// from one offset to the next (a count from the start for each offset costs the text's length
/// a row). Offsets in reading order move it forward only; an offset behind it (a headline's
/// quotation, reported speech found after the direct quotations) is counted back, which costs
/// less than sorting the offsets first.
fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    let data = text.as_bytes();
    if data.is_ascii() {
        return bytes.iter().map(|&b| b.min(data.len())).collect();
    }
    // The code points that start in `data[from..to]` (from <= to).
    let between = |from: usize, to: usize| match text.get(from..to) {
        // The standard library counts a string's characters a word at a time.
        Some(slice) => slice.chars().count(),
        // Not on character boundaries: a code point starts at every byte that is not a UTF-8
        // continuation byte.
        None => {
            data.get(from..to).unwrap_or_default().iter().filter(|&&b| (b as i8) >= -0x40).count()
        }
    };
    let (mut at, mut count) = (0, 0);
    bytes
        .iter()
        .map(|&b| {
            let to = b.min(data.len());
            if to >= at {
                count += between(at, to);
            } else {
                count -= between(to, at);
            }
            at = to;
            count
        })
        .collect()
}

/// Speaker ids by kind, then name: looked up with a borrowed name, without a copy a row.
type Ids = FxHashMap<SpeakerKind, FxHashMap<String, String>>;

/// The speaker ids of a run of texts' quotations, as over one corpus.
fn identify(config: &CoreConfig, texts: &[Extracted]) -> Ids {
    let mut tally = Tally::new();
    for t in texts {
        if let Some(article) = t.article {
            tally.add_names(article, t.rows.iter().map(|r| (speaker_of(r), is_reported(r.kind))));
        }
    }
    ids_of(&tally, config)
}

fn ids_of(tally: &Tally, config: &CoreConfig) -> Ids {
    let mut ids = Ids::default();
    for ((name, kind), id) in tally.identities(&config.digester).1 {
        ids.entry(kind).or_default().insert(name, id);
    }
    ids
}

fn speaker_of(row: &QuoteRow) -> Option<(&str, SpeakerKind)> {
    let kind = row.speaker_kind.unwrap_or(SpeakerKind::Unknown);
    row.speaker.as_deref().map(|s| (s, kind))
}

/// Whether a row of this kind is a reported statement, which rosters count apart from
/// quotations (as `saidso speakers` does).
fn is_reported(kind: QuoteKind) -> bool {
    kind == QuoteKind::Indirect
}

fn speaker_id<'a>(ids: &'a Ids, row: &QuoteRow) -> Option<&'a str> {
    let (name, kind) = speaker_of(row)?;
    ids.get(&kind)?.get(name).map(String::as_str)
}

/// A row as a dict: the JSON row's keys (in its order) less `file`, with `start_char`,
/// `end_char` and `speaker_id`. Built field by field: going through `serde_json::Value` cost
/// more than the extraction itself. The pytest suite checks the keys against the command's rows.
fn row_dict<'py>(
    py: Python<'py>,
    row: &QuoteRow,
    chars: (usize, usize),
    id: Option<&str>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("id", &row.id)?;
    dict.set_item("article", &row.article)?;
    dict.set_item("text", &row.text)?;
    dict.set_item("kind", row.kind.name())?;
    dict.set_item("speaker", row.speaker.as_deref())?;
    dict.set_item("speaker_kind", row.speaker_kind.map(SpeakerKind::name))?;
    dict.set_item("speaker_mention", row.speaker_mention.as_deref())?;
    dict.set_item("cue", row.cue.as_deref())?;
    dict.set_item("start", row.start)?;
    dict.set_item("end", row.end)?;
    if let Some(quoted) = &row.quoted {
        dict.set_item("quoted", quoted)?;
    }
    dict.set_item("start_char", chars.0)?;
    dict.set_item("end_char", chars.1)?;
    dict.set_item("speaker_id", id)?;
    Ok(dict)
}

/// The quotations of one text, as dicts.
#[pyfunction]
#[pyo3(signature = (text, title=None, config=None))]
fn extract<'py>(
    py: Python<'py>,
    text: &str,
    title: Option<String>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let config = config_of(config)?;
    let (one, ids) = py.detach(|| {
        let one = [extract_text(&config, text, title)];
        let ids = identify(&config, &one);
        (one, ids)
    });
    let [one] = one;
    without_gc(py, || {
        let dicts = one.rows.iter().zip(&one.chars);
        let dicts = dicts.map(|(r, &c)| row_dict(py, r, c, speaker_id(&ids, r)));
        PyList::new(py, dicts.collect::<PyResult<Vec<_>>>()?)
    })
}

/// Runs `f` with Python's cycle collector paused. The dicts made here hold strings, numbers and
/// lists of numbers, never a cycle; yet each new container counts towards a collection, and the
/// collections, which walk every object of the older generations, cost more than the dicts
/// themselves over many rows (40% of `extract_many`).
fn without_gc<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let gc = py.import("gc")?;
    let enabled: bool = gc.call_method0("isenabled")?.extract()?;
    if enabled {
        gc.call_method0("disable")?;
    }
    let out = f();
    if enabled {
        gc.call_method0("enable")?;
    }
    out
}

/// The texts, paired with their titles (`None` for none), checked.
fn with_titles(
    texts: Vec<String>,
    titles: Option<Vec<Option<String>>>,
) -> PyResult<Vec<(String, Option<String>)>> {
    let titles = titles.unwrap_or_else(|| vec![None; texts.len()]);
    if titles.len() != texts.len() {
        return Err(PyValueError::new_err(format!(
            "{} texts but {} titles",
            texts.len(),
            titles.len()
        )));
    }
    Ok(texts.into_iter().zip(titles).collect())
}

/// The quotations of many texts, in parallel: a list of rows per text. Speaker ids hold across
/// the texts.
#[pyfunction]
#[pyo3(signature = (texts, titles=None, config=None))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    titles: Option<Vec<Option<String>>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let config = config_of(config)?;
    let pairs = with_titles(texts, titles)?;
    let (all, ids) = py.detach(|| {
        let all: Vec<Extracted> =
            pairs.into_par_iter().map(|(t, title)| extract_text(&config, &t, title)).collect();
        let ids = identify(&config, &all);
        (all, ids)
    });
    without_gc(py, || {
        let mut out = Vec::with_capacity(all.len());
        for one in &all {
            let dicts = one.rows.iter().zip(&one.chars);
            let dicts = dicts.map(|(r, &c)| row_dict(py, r, c, speaker_id(&ids, r)));
            out.push(PyList::new(py, dicts.collect::<PyResult<Vec<_>>>()?)?);
        }
        PyList::new(py, out)
    })
}

/// The strings of an Arrow string array (any of the three layouts), nulls as `None`.
fn strings(array: &ArrayRef) -> PyResult<Vec<Option<&str>>> {
    let out = match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => array.as_string::<i64>().iter().collect(),
        DataType::Utf8View => array.as_string_view().iter().collect(),
        DataType::Null => vec![None; array.len()],
        other => {
            return Err(PyTypeError::new_err(format!(
                "expected an Arrow string array, got {other}"
            )));
        }
    };
    Ok(out)
}

/// The quotations of an Arrow string array, one row per quotation with its article's index,
/// as Arrow record batches (one per run of up to [`BATCH_TEXTS`] texts). Strings are read in
/// place, without a Python object each; each run builds its own columns and speaker tally, and
/// drops each text's rows as soon as they are columns.
#[pyfunction]
#[pyo3(signature = (texts, titles=None, config=None))]
fn extract_arrow<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    titles: Option<&Bound<'py, PyAny>>,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let config = config_of(config)?;
    let texts = arrow_array::make_array(arrow_data::ArrayData::from_pyarrow_bound(texts)?);
    let titles = titles
        .filter(|t| !t.is_none())
        .map(|t| arrow_data::ArrayData::from_pyarrow_bound(t).map(arrow_array::make_array))
        .transpose()?;
    let batches = py.detach(|| -> PyResult<Vec<RecordBatch>> {
        let text = strings(&texts)?;
        let title = match &titles {
            Some(t) => strings(t)?,
            None => vec![None; text.len()],
        };
        if title.len() != text.len() {
            return Err(PyValueError::new_err(format!(
                "{} texts but {} titles",
                text.len(),
                title.len()
            )));
        }
        let index = |batch: usize, i: usize| batch * BATCH_TEXTS + i;
        let mut parts: Vec<(Table, Tally)> = text
            .par_chunks(BATCH_TEXTS)
            .zip(title.par_chunks(BATCH_TEXTS))
            .enumerate()
            .map_init(Sizes::default, |sizes, (batch, (texts, titles))| {
                let bytes = texts.iter().flatten().map(|t| t.len()).sum();
                let mut table = Table::with_capacity(false, true, &sizes.estimate(bytes));
                let mut tally = Tally::new();
                for (i, (t, title)) in texts.iter().zip(titles).enumerate() {
                    let text = t.unwrap_or("");
                    let title = title.map(str::to_string);
                    if let Some(article) = clean(sources::text_doc(text, title), &config.rules) {
                        let quotes = config.extractor.attributions_with_headline(&article);
                        tally.add(&article, &quotes);
                        table.push_quotes(&article, &quotes, text, index(batch, i));
                    }
                }
                sizes.learn(bytes, &table);
                (table, tally)
            })
            .collect();
        // Merged in the texts' order, the parts' tallies are the tally of every text (the
        // first is taken as it is: merging copies every name it holds).
        let mut tallies = parts.iter_mut().map(|(_, tally)| std::mem::take(tally));
        let mut tally = tallies.next().unwrap_or_default();
        for part in tallies {
            tally.merge(&part);
        }
        if parts.is_empty() {
            parts.push((Table::new(false, true), Tally::new()));
        }
        let ids = ids_of(&tally, &config);
        parts.into_iter().map(|(table, _)| table.finish(Some(&ids))).collect()
    })?;
    batches.iter().map(|b| b.to_pyarrow(py)).collect()
}

/// Rows as Arrow columns.
struct Table {
    /// The columns built (a column not wanted stays empty, and is left out of the batch).
    wanted: Wanted,
    file: Option<StringBuilder>,
    index: UInt64Builder,
    article_id: Option<StringBuilder>,
    id: StringBuilder,
    title: StringBuilder,
    text: StringBuilder,
    kind: StringBuilder,
    speaker: StringBuilder,
    speaker_kind: StringBuilder,
    speaker_mention: StringBuilder,
    cue: StringBuilder,
    start: UInt64Builder,
    end: UInt64Builder,
    start_char: Option<(UInt64Builder, UInt64Builder)>,
    /// Each row's speaker kind, for its speaker id once every part is tallied.
    speaker_kinds: Vec<Option<SpeakerKind>>,
    /// Each row's `[start, end)` byte ranges of quoted words, as the dict rows' `quoted`.
    quoted: ListBuilder<FixedSizeListBuilder<UInt64Builder>>,
}

/// Texts (articles, for `read_files`) a record batch holds at most: enough that a batch's fixed costs stay
/// small, few enough that the batches after a thread's first have their columns sized from the
/// first's (see [`Sizes`]).
const BATCH_TEXTS: usize = 1024;

/// How much a run of texts filled each column, to size the next run's columns from its texts'
/// length: a column that grows by doubling copies itself each time, into memory never touched
/// before (a page fault every 4 KiB), a fifth of what `extract_arrow` spent beyond extraction.
#[derive(Clone, Copy, Default)]
struct Sizes {
    /// The texts' length in bytes.
    bytes: usize,
    /// The rows.
    rows: usize,
    /// The bytes of each string column, in the order of [`Table::strings`].
    strings: [usize; 10],
}

impl Sizes {
    /// The capacities for texts of `bytes` bytes, as the texts seen so far filled the columns
    /// (with a sixteenth to spare); none before any text is seen.
    fn estimate(&self, bytes: usize) -> Sizes {
        let scale = |n: usize| {
            let n = n as u128 * bytes as u128 / self.bytes.max(1) as u128;
            usize::try_from(n + n / 16).unwrap_or(usize::MAX)
        };
        if self.bytes == 0 {
            return Sizes::default();
        }
        Sizes { bytes, rows: scale(self.rows), strings: self.strings.map(scale) }
    }

    /// Adds what texts of `bytes` bytes filled in `table`.
    fn learn(&mut self, bytes: usize, table: &Table) {
        self.bytes += bytes;
        self.rows += table.index.values_slice().len();
        for (size, column) in self.strings.iter_mut().zip(table.strings()) {
            *size += column.map_or(0, |c| c.values_slice().len());
        }
    }
}

/// Which of a table's columns are built. The columns that say who is quoted (`article_index`,
/// `article_id`, `kind`, `speaker`, `speaker_kind`, `speaker_id`) always are; a job that writes a few
/// columns need not copy an article's title, id, mentions and cues into every row and hold
/// them until the speaker ids are known (the Dask and Spark examples). The default builds only
/// those.
#[derive(Clone, Copy, Default)]
struct Wanted {
    file: bool,
    id: bool,
    article: bool,
    text: bool,
    speaker_mention: bool,
    cue: bool,
    start: bool,
    end: bool,
    quoted: bool,
}

impl Wanted {
    const ALL: Wanted = Wanted {
        file: true,
        id: true,
        article: true,
        text: true,
        speaker_mention: true,
        cue: true,
        start: true,
        end: true,
        quoted: true,
    };

    /// The columns `names` names (all for none); an unknown name is an error.
    fn of(names: Option<&[String]>) -> PyResult<Self> {
        let Some(names) = names else {
            return Ok(Self::ALL);
        };
        let mut wanted = Wanted::default();
        for name in names {
            match name.as_str() {
                "file" => wanted.file = true,
                "id" => wanted.id = true,
                "article" => wanted.article = true,
                "text" => wanted.text = true,
                "speaker_mention" => wanted.speaker_mention = true,
                "cue" => wanted.cue = true,
                "start" => wanted.start = true,
                "end" => wanted.end = true,
                "quoted" => wanted.quoted = true,
                "article_index" | "article_id" | "kind" | "speaker" | "speaker_kind"
                | "speaker_id" => {}
                other => {
                    return Err(PyValueError::new_err(format!("no column named {other:?}")));
                }
            }
        }
        Ok(wanted)
    }
}

impl Table {
    /// Columns for rows read from files (`file`, `article_id`) or not, and with their
    /// offsets in code points (`start_char`, `end_char`) or not.
    fn new(files: bool, chars: bool) -> Self {
        Table {
            wanted: Wanted::ALL,
            file: files.then(StringBuilder::new),
            index: UInt64Builder::new(),
            article_id: files.then(StringBuilder::new),
            id: StringBuilder::new(),
            title: StringBuilder::new(),
            text: StringBuilder::new(),
            kind: StringBuilder::new(),
            speaker: StringBuilder::new(),
            speaker_kind: StringBuilder::new(),
            speaker_mention: StringBuilder::new(),
            cue: StringBuilder::new(),
            start: UInt64Builder::new(),
            end: UInt64Builder::new(),
            start_char: chars.then(|| (UInt64Builder::new(), UInt64Builder::new())),
            speaker_kinds: Vec::new(),
            quoted: ListBuilder::new(FixedSizeListBuilder::new(UInt64Builder::new(), 2)),
        }
    }

    /// Columns as [`Table::new`] makes them, with room for `sizes` (rows and string bytes).
    fn with_capacity(files: bool, chars: bool, sizes: &Sizes) -> Self {
        let rows = sizes.rows;
        let string = |i: usize| StringBuilder::with_capacity(rows, sizes.strings[i]);
        let number = || UInt64Builder::with_capacity(rows);
        let mut table = Table {
            index: number(),
            id: string(0),
            title: string(1),
            text: string(2),
            kind: string(3),
            speaker: string(4),
            speaker_kind: string(5),
            speaker_mention: string(6),
            cue: string(7),
            file: files.then(|| string(8)),
            article_id: files.then(|| string(9)),
            start: number(),
            end: number(),
            start_char: chars.then(|| (number(), number())),
            speaker_kinds: Vec::with_capacity(rows),
            ..Table::new(files, false)
        };
        table.quoted = ListBuilder::with_capacity(
            FixedSizeListBuilder::new(UInt64Builder::with_capacity(2 * rows), 2),
            rows,
        );
        table
    }

    /// The string columns, in the order of [`Sizes::strings`] (the last two only in tables
    /// read from files).
    fn strings(&self) -> [Option<&StringBuilder>; 10] {
        [
            Some(&self.id),
            Some(&self.title),
            Some(&self.text),
            Some(&self.kind),
            Some(&self.speaker),
            Some(&self.speaker_kind),
            Some(&self.speaker_mention),
            Some(&self.cue),
            self.file.as_ref(),
            self.article_id.as_ref(),
        ]
    }

    /// An article's attributions as rows: the fields of [`attribution_rows`], written straight
    /// into the columns rather than made as a row's strings and dropped (a sixth of what
    /// `extract_arrow` spent beyond extraction). `text` is the text as given, for the offsets in
    /// code points. The pytest suite checks these rows against the command's.
    ///
    /// Filled a column at a time, not a row at a time: the article's own values go in once with
    /// their count, and each loop keeps one builder in hand (`extract_arrow` 2% faster).
    fn push_quotes(&mut self, article: &Article, quotes: &[Quote], text: &str, index: usize) {
        let (n, wanted) = (quotes.len(), self.wanted);
        let id = article.id.to_string();
        let in_file = |at| article.offsets.in_file(at);
        let words = |r: &Option<Range<usize>>| {
            r.as_ref().and_then(|r| article.text.get(r.clone())).map(collapsed)
        };
        if let Some(file) = self.file.as_mut().filter(|_| wanted.file) {
            file.append_value_n(&article.path, n);
        }
        self.index.append_value_n(index as u64, n);
        if let Some(column) = &mut self.article_id {
            column.append_value_n(&id, n);
        }
        if wanted.id {
            self.id.append_value_n(&id, n);
        }
        if wanted.article {
            self.title.append_value_n(&article.title, n);
        }
        if wanted.text {
            for q in quotes {
                append_quote_text(&mut self.text, q, &article.text);
            }
        }
        for q in quotes {
            self.kind.append_value(q.kind.name());
        }
        for q in quotes {
            self.speaker.append_option(q.speaker.as_deref());
        }
        for q in quotes {
            self.speaker_kind.append_option(q.speaker_kind.map(SpeakerKind::name));
        }
        self.speaker_kinds.extend(quotes.iter().map(|q| q.speaker_kind));
        if wanted.speaker_mention {
            for q in quotes {
                self.speaker_mention.append_option(words(&q.mention));
            }
        }
        if wanted.cue {
            for q in quotes {
                self.cue.append_option(words(&q.cue));
            }
        }
        let bytes: Vec<usize> =
            quotes.iter().flat_map(|q| [in_file(q.span().start), in_file(q.span().end)]).collect();
        if wanted.start {
            self.start.extend(every_other(&bytes, 0));
        }
        if wanted.end {
            self.end.extend(every_other(&bytes, 1));
        }
        // Only tables with `start_char` need the count (not the rows read from files).
        if let Some((s, e)) = &mut self.start_char {
            let chars = char_offsets(text, &bytes);
            s.extend(every_other(&chars, 0));
            e.extend(every_other(&chars, 1));
        }
        if wanted.quoted {
            for q in quotes {
                let pairs = self.quoted.values();
                for r in &q.quoted {
                    pairs.values().append_slice(&[in_file(r.start) as u64, in_file(r.end) as u64]);
                    pairs.append(true);
                }
                self.quoted.append(true);
            }
        }
    }

    /// The columns as a record batch, with each row's speaker id from `ids` (none without).
    /// Every batch of one kind of table has the same schema, whatever its rows.
    fn finish(mut self, ids: Option<&Ids>) -> PyResult<RecordBatch> {
        let speaker = self.speaker.finish();
        let speaker_id: StringArray = (0..speaker.len())
            .map(|i| {
                let name = speaker.is_valid(i).then(|| speaker.value(i))?;
                let kind = self.speaker_kinds.get(i).copied().flatten();
                ids?.get(&kind.unwrap_or(SpeakerKind::Unknown))?.get(name).map(String::as_str)
            })
            .collect();
        let wanted = self.wanted;
        // (name, column, may hold nulls), for the columns wanted
        let mut columns: Vec<(&str, ArrayRef, bool)> = Vec::new();
        let mut add = |want: bool, name, column: ArrayRef, nullable| {
            if want {
                columns.push((name, column, nullable));
            }
        };
        if let Some(mut file) = self.file.take() {
            add(wanted.file, "file", Arc::new(file.finish()), false);
        }
        add(true, "article_index", Arc::new(self.index.finish()), false);
        if let Some(mut article_id) = self.article_id.take() {
            add(true, "article_id", Arc::new(article_id.finish()), false);
        }
        add(wanted.id, "id", Arc::new(self.id.finish()), false);
        add(wanted.article, "article", Arc::new(self.title.finish()), false);
        add(wanted.text, "text", Arc::new(self.text.finish()), false);
        add(true, "kind", Arc::new(self.kind.finish()), false);
        add(true, "speaker", Arc::new(speaker), true);
        add(true, "speaker_kind", Arc::new(self.speaker_kind.finish()), true);
        add(
            wanted.speaker_mention,
            "speaker_mention",
            Arc::new(self.speaker_mention.finish()),
            true,
        );
        add(wanted.cue, "cue", Arc::new(self.cue.finish()), true);
        add(wanted.start, "start", Arc::new(self.start.finish()), false);
        add(wanted.end, "end", Arc::new(self.end.finish()), false);
        if let Some((mut s, mut e)) = self.start_char.take() {
            add(true, "start_char", Arc::new(s.finish()), false);
            add(true, "end_char", Arc::new(e.finish()), false);
        }
        add(true, "speaker_id", Arc::new(speaker_id), true);
        add(wanted.quoted, "quoted", Arc::new(self.quoted.finish()), true);
        let fields: Vec<Field> = columns
            .iter()
            .map(|(name, a, nullable)| Field::new(*name, a.data_type().clone(), *nullable))
            .collect();
        let schema = Arc::new(Schema::new(fields));
        RecordBatch::try_new(schema, columns.into_iter().map(|(_, a, _)| a).collect())
            .map_err(|e| SaidsoError::new_err(e.to_string()))
    }
}

/// Every other offset of `offsets`, [start, end] pairs, from the first (the starts) or the
/// second (the ends), as a column's values.
fn every_other(offsets: &[usize], from: usize) -> impl Iterator<Item = Option<u64>> + '_ {
    offsets.iter().skip(from).step_by(2).map(|&at| Some(at as u64))
}

/// Appends the words of `quote` as [`Quote::text`] gives them (pieces single-spaced, joined by
/// one space), written straight into the column rather than made a string first: one
/// allocation and copy fewer a row. The pytest suite checks the rows against the command's.
fn append_quote_text(column: &mut StringBuilder, quote: &Quote, text: &str) {
    use std::fmt::Write;
    let pieces = quote.pieces.iter().filter_map(|r| text.get(r.clone()));
    for (i, piece) in pieces.enumerate() {
        // Writing to a builder cannot fail.
        if i > 0 {
            let _ = column.write_str(" ");
        }
        let _ = column.write_str(&collapsed(piece));
    }
    column.append_value("");
}

/// `s` as [`collapse_whitespace`] gives it (trimmed, each run of white space one space),
/// borrowed when [`is_plain`] finds nothing to change. The general test costs about twice as
/// many instructions on a quotation, and 2-3 times on a mention or a cue (it trims from both
/// ends, then decodes at every curly quote, apostrophe and dash: E2 80 xx shares its lead byte
/// with U+2000-U+205F white space): with three calls a row it was 4% of `extract_arrow`.
/// Anything that may change goes to `collapse_whitespace` itself, so the result is always its.
fn collapsed(s: &str) -> std::borrow::Cow<'_, str> {
    if is_plain(s.as_bytes()) { std::borrow::Cow::Borrowed(s) } else { collapse_whitespace(s) }
}

/// True when `s` has no white space but single spaces between other characters: no space at
/// either end, no two spaces in a row, no tab to carriage return, none of the non-ASCII white
/// space (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000). It
/// may answer false for text without any (at a lead byte C2, E1 or E3, or a control byte);
/// never true for text with some. Eight bytes at a time: a word of ASCII letters and single
/// spaces (most of a quotation) is settled by a few integer operations, other words byte by
/// byte.
fn is_plain(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (Some(&first), Some(&last)) = (s.first(), s.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    // Whether the byte before the current one (or word) was a space.
    let mut space_before = false;
    let mut words = s.chunks_exact(8);
    for (n, word) in words.by_ref().enumerate() {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // Any byte non-ASCII or below 0x20 (exact as to whether there is one).
        if (w & HIGH) | (w.wrapping_sub(0x20 * ONES) & !w & HIGH) != 0 {
            if !plain_bytes(s, 8 * n..8 * n + 8, &mut space_before) {
                return false;
            }
        } else {
            // The high bit of each space byte (no carry crosses bytes: all are ASCII).
            let x = w ^ (0x20 * ONES);
            let spaces = !((x & !HIGH).wrapping_add(!HIGH) | x) & HIGH;
            if spaces & (spaces >> 8) != 0 || (space_before && spaces & 0x80 != 0) {
                return false;
            }
            space_before = spaces >> 56 != 0;
        }
    }
    let at = s.len() - words.remainder().len();
    plain_bytes(s, at..s.len(), &mut space_before)
}

/// [`is_plain`] for `s[range]`, byte by byte; `space_before` says whether the byte before the
/// range is a space, and is left saying whether its last byte is.
fn plain_bytes(s: &[u8], range: std::ops::Range<usize>, space_before: &mut bool) -> bool {
    for i in range {
        let b = s.get(i).copied().unwrap_or_default();
        let space = b == b' ';
        let odd = match b {
            9..=13 | 0xC2 | 0xE1 | 0xE3 => true,
            // E2 80 80-8A, A8, A9, AF and E2 81 9F are white space (U+2000-U+200A, U+2028,
            // U+2029, U+202F, U+205F); the curly quotes, apostrophes and dashes beside them are
            // not.
            0xE2 => matches!(
                (s.get(i + 1), s.get(i + 2)),
                (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F))
            ),
            _ => false,
        };
        if odd || (space && *space_before) {
            return false;
        }
        *space_before = space;
    }
    true
}

/// What `read_files` filled so far in this process, counted per article (a Dask or Spark worker
/// reads part after part), to size the next batch's columns.
static READ_SIZES: std::sync::Mutex<Sizes> =
    std::sync::Mutex::new(Sizes { bytes: 0, rows: 0, strings: [0; 10] });

/// The inputs `paths` name, in the order `saidso` reads them (folders walked, sorted).
#[pyfunction]
fn discover(paths: Vec<String>) -> (Vec<String>, Vec<String>) {
    let (inputs, problems) = sources::discover(&paths);
    let problems = problems.iter().map(ToString::to_string).collect();
    (inputs.iter().map(sources::Input::display).collect(), problems)
}

/// Reads files and folders as `saidso quotes` does (text, HTML, feeds, JSON Lines…): the rows
/// of one part of a corpus, with `file`, `article_index` (the article's place in this part) and
/// `article_id`, but no `speaker_id` (see `Speakers`), as record batches of up to
/// [`BATCH_TEXTS`] articles, and the problems met. With `columns`, only those columns and the
/// ones `Speakers` needs are built (see [`Wanted`]). With `parallel` false, on the calling
/// thread alone (see [`Loader::inline`]).
#[pyfunction]
#[pyo3(signature = (paths, config=None, columns=None, parallel=true))]
fn read_files<'py>(
    py: Python<'py>,
    paths: Vec<String>,
    config: Option<&Bound<'py, PyAny>>,
    columns: Option<Vec<String>>,
    parallel: bool,
) -> PyResult<(Vec<Bound<'py, PyAny>>, Vec<String>)> {
    let config = config_of(config)?;
    let wanted = Wanted::of(columns.as_deref())?;
    let (batches, problems) = py.detach(|| -> PyResult<_> {
        let (inputs, mut problems) = sources::discover(&paths);
        // A batch per run of articles, each sized from the articles this process read before
        // (`READ_SIZES`): one table for the whole part grew by doubling, each step into fresh
        // pages, a fault every 4 KiB (the most in a worker's first part, its largest).
        let sized = || {
            let estimate = READ_SIZES.lock().map(|s| s.estimate(BATCH_TEXTS)).unwrap_or_default();
            Table { wanted, ..Table::with_capacity(true, false, &estimate) }
        };
        let learn = |articles: usize, table: &Table| {
            if let Ok(mut sizes) = READ_SIZES.lock() {
                sizes.learn(articles, table);
            }
        };
        let mut batches = Vec::new();
        let mut table = sized();
        let (mut index, mut in_table) = (0, 0);
        let loader = Loader::new(&config.rules);
        let loader = if parallel { loader } else { loader.inline() };
        loader.run::<_, PyErr>(
            &inputs,
            |article| {
                let quotes = config.extractor.attributions_with_headline(&article);
                (article, quotes)
            },
            |loaded| {
                match loaded {
                    Loaded::Problem(p) => problems.push(p),
                    Loaded::Item((article, quotes)) => {
                        if in_table == BATCH_TEXTS {
                            learn(in_table, &table);
                            batches.push(std::mem::replace(&mut table, sized()).finish(None)?);
                            in_table = 0;
                        }
                        // Straight into the columns, as `extract_arrow` writes them: no row of
                        // strings made and dropped per quotation.
                        table.push_quotes(&article, &quotes, &article.text, index);
                        index += 1;
                        in_table += 1;
                    }
                }
                Ok(())
            },
        )?;
        learn(in_table, &table);
        batches.push(table.finish(None)?);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        Ok((batches, problems))
    })?;
    let batches = batches.iter().map(|b| b.to_pyarrow(py)).collect::<PyResult<Vec<_>>>()?;
    Ok((batches, problems))
}

/// The rows of a record batch from `read_files` with their `speaker_id` column filled from
/// `identities` (`Speakers.identities`): in Rust, since pyarrow's compute functions convert
/// Python values, and the first conversion imports pandas (a third of a second a worker).
#[pyfunction]
fn assign_speaker_ids<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    identities: HashMap<(String, String), String>,
) -> PyResult<Bound<'py, PyAny>> {
    let batch = RecordBatch::from_pyarrow_bound(batch)?;
    let mut ids = Ids::default();
    for ((name, kind), id) in identities {
        ids.entry(kind_of(Some(&kind))).or_default().insert(name, id);
    }
    let column = |name: &str| {
        let array = batch
            .column_by_name(name)
            .ok_or_else(|| PyValueError::new_err(format!("the rows have no {name:?} column")))?;
        strings(array)
    };
    let (speaker, kind) = (column("speaker")?, column("speaker_kind")?);
    let speaker_id: StringArray = speaker
        .iter()
        .zip(&kind)
        .map(|(name, kind)| ids.get(&kind_of(*kind))?.get((*name)?).map(String::as_str))
        .collect();
    let field = Field::new("speaker_id", DataType::Utf8, true);
    let mut fields: Vec<Field> = batch.schema().fields().iter().map(|f| (**f).clone()).collect();
    let mut columns = batch.columns().to_vec();
    match fields.iter().position(|f| f.name() == "speaker_id") {
        Some(at) => {
            fields[at] = field;
            columns[at] = Arc::new(speaker_id);
        }
        None => {
            fields.push(field);
            columns.push(Arc::new(speaker_id));
        }
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
        .map_err(|e| SaidsoError::new_err(e.to_string()))?
        .to_pyarrow(py)
}

/// Who is quoted in a part of a corpus: merge the parts' in order, and the ids are those of one
/// pass over the whole.
#[pyclass(skip_from_py_object, module = "saidso._native")]
#[derive(Clone, Default)]
struct Speakers {
    tally: Tally,
}

#[pymethods]
impl Speakers {
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// The speakers of rows with `article_index`, `article_id`, `kind`, `speaker` and
    /// `speaker_kind` columns (as `read_files` gives them), in order.
    #[staticmethod]
    fn from_arrow(batch: &Bound<'_, PyAny>) -> PyResult<Self> {
        let batch = RecordBatch::from_pyarrow_bound(batch)?;
        let column = |name: &str| -> PyResult<ArrayRef> {
            batch
                .column_by_name(name)
                .cloned()
                .ok_or_else(|| PyValueError::new_err(format!("the rows have no {name:?} column")))
        };
        let (index, id) = (column("article_index")?, column("article_id")?);
        let (speaker, kind) = (column("speaker")?, column("speaker_kind")?);
        let quote_kind = column("kind")?;
        let index = index
            .as_primitive_opt::<arrow_array::types::UInt64Type>()
            .ok_or_else(|| PyTypeError::new_err("article_index must be uint64"))?;
        let (id, speaker, kind) = (strings(&id)?, strings(&speaker)?, strings(&kind)?);
        let quote_kind = strings(&quote_kind)?;
        let reported = |i: usize| quote_kind[i] == Some(QuoteKind::Indirect.name());
        let mut tally = Tally::new();
        let mut start = 0;
        while start < index.len() {
            let end = (start..index.len()).find(|&i| index.value(i) != index.value(start));
            let end = end.unwrap_or(index.len());
            let article = id[start]
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| PyValueError::new_err("article_id must be a hex id"))?;
            let names =
                (start..end).map(|i| (speaker[i].map(|s| (s, kind_of(kind[i]))), reported(i)));
            tally.add_names(article, names);
            start = end;
        }
        Ok(Speakers { tally })
    }

    /// These speakers followed by `others`' (each a `Speakers`), in that order.
    #[pyo3(signature = (*others))]
    fn merge(&self, others: Vec<PyRef<'_, Speakers>>) -> Self {
        let mut tally = self.tally.clone();
        for other in others {
            tally.merge(&other.tally);
        }
        Speakers { tally }
    }

    fn __len__(&self) -> usize {
        self.tally.articles()
    }

    /// The speaker id of each speaker name, as `{(speaker, speaker_kind): id}`.
    #[pyo3(signature = (config=None))]
    fn identities(
        &self,
        py: Python<'_>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<HashMap<(String, String), String>> {
        let config = config_of(config)?;
        let ids = py.detach(|| self.tally.identities(&config.digester).1);
        Ok(ids.into_iter().map(|((n, k), id)| ((n, k.name().to_string()), id)).collect())
    }

    /// Every speaker, most quoted first, with the keys of `saidso speakers --format jsonl`:
    /// id, name, kind, variants, quotes (quotations, direct and partial), reported (reported
    /// statements without quote marks) and articles.
    #[pyo3(signature = (config=None))]
    fn roster<'py>(
        &self,
        py: Python<'py>,
        config: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let config = config_of(config)?;
        let (roster, _) = py.detach(|| self.tally.identities(&config.digester));
        let rows = roster.speakers().iter().map(|s| {
            let d = PyDict::new(py);
            d.set_item("id", &s.slug)?;
            d.set_item("name", &s.name)?;
            d.set_item("kind", s.kind.name())?;
            d.set_item("variants", &s.variants)?;
            let (quotes, reported) = s.counts();
            d.set_item("quotes", quotes)?;
            d.set_item("reported", reported)?;
            d.set_item("articles", s.articles)?;
            Ok(d)
        });
        PyList::new(py, rows.collect::<PyResult<Vec<_>>>()?)
    }

    /// The state pickled, as Dask sends it to the client for each part read: a compact binary
    /// form (postcard). JSON was twice the size and five times as slow to read back (16 ms
    /// against 3 ms for the parts of 20,000 articles).
    fn __getstate__(&self) -> PyResult<Vec<u8>> {
        postcard::to_stdvec(&self.tally).map_err(|e| SaidsoError::new_err(e.to_string()))
    }

    fn __setstate__(&mut self, state: Vec<u8>) -> PyResult<()> {
        self.tally = postcard::from_bytes(&state)
            .map_err(|e| SaidsoError::new_err(format!("not a saidso.Speakers state: {e}")))?;
        Ok(())
    }
}

fn kind_of(name: Option<&str>) -> SpeakerKind {
    match name {
        Some("person") => SpeakerKind::Person,
        Some("organisation") => SpeakerKind::Organisation,
        _ => SpeakerKind::Unknown,
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("SaidsoError", m.py().get_type::<SaidsoError>())?;
    m.add_class::<Config>()?;
    m.add_class::<Speakers>()?;
    m.add_function(wrap_pyfunction!(_config_from_toml, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(discover, m)?)?;
    m.add_function(wrap_pyfunction!(read_files, m)?)?;
    m.add_function(wrap_pyfunction!(assign_speaker_ids, m)?)?;
    Ok(())
}
