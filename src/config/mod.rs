//! The configuration file: defaults embedded from `assets/config.toml`, a user's file on top.
//!
//! A file that does not parse, or holds a bad pattern, is an error that names the file, the line
//! and the column; a key saidso does not know is a warning naming it. A bad `[keys]` table is
//! kept apart ([`Config::keys_error`]): only the reader, which needs the keys, refuses it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::app::{Command, Keymap, KeymapError};
use crate::clean::{Rules, RulesError, RulesFile};
use crate::extract::{Extractor, Lexicon, LexiconFile};
use crate::sources::Fields;
use crate::speakers::{AliasFile, Aliases, Digester};
use crate::ui::Theme;

/// The commented default file without its `[keys]` lines; see [`default_file`].
pub const DEFAULT: &str = include_str!("../../assets/config.toml");

/// The commented default file, as `saidso config --default` prints it: [`DEFAULT`] with every
/// action and its default keys under `[keys]`, from the key table the help overlay shows.
pub fn default_file() -> String {
    let keys: String = Keymap::builtin()
        .bindings()
        .iter()
        .map(|b| {
            let keys: Vec<String> =
                b.keys.iter().map(|k| toml::Value::from(k.name()).to_string()).collect();
            format!("# {} = [{}]\n", b.command.name(), keys.join(", "))
        })
        .collect();
    DEFAULT.replacen("[keys]\n", &format!("[keys]\n{keys}"), 1)
}

/// Everything the configuration decides, ready to use.
#[derive(Clone, Debug)]
pub struct Config {
    /// The reader's keys.
    pub keymap: Keymap,
    /// The reader's colours.
    pub theme: Theme,
    /// Cleaning rules: the built-in ones and the user's.
    pub rules: Rules,
    /// The quote extractor with the built-in and the user's word lists.
    pub extractor: Extractor,
    /// How the speakers index reads names: the same word lists, and the built-in and the
    /// user's aliases.
    pub digester: Digester,
    /// Field names of dataset records.
    pub fields: Fields,
    /// Keys in the file that saidso does not know.
    pub warnings: Vec<String>,
    /// Why the `[keys]` table cannot be used (a bad key name, a key bound twice, `ctrl-c`
    /// bound to anything but quitting), when it cannot: [`Config::keymap`] is then the
    /// built-in one. Only the reader needs the keys, so only the reader refuses to start.
    pub keys_error: Option<ConfigError>,
    /// Where the reader's exports go (`export_dir` in `[reader]`, `~` or `~/…` for the home
    /// directory); `None`: the directory the reader was started from.
    pub export_dir: Option<PathBuf>,
    /// Fetch the linked pages of summary-only items in local feed files too (`--fetch-links`);
    /// feeds given as URLs and followed feeds always fetch them.
    pub fetch_links: bool,
}

/// A configuration file that cannot be used: `file:line:column: message`.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{}{}: {message}", path.display(), at(*position))]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// Line and column (1-based), where known.
    pub position: Option<(usize, usize)>,
    /// What is wrong, and what was expected.
    pub message: String,
}

/// `:line:column`, or nothing when the place is not known.
fn at(position: Option<(usize, usize)>) -> String {
    position.map_or_else(String::new, |(line, column)| format!(":{line}:{column}"))
}

/// The keys of an action: a list, or one key alone (`quit = "x"`).
#[derive(Debug, Deserialize)]
#[serde(untagged, expecting = "a key name or a list of key names, e.g. [\"q\", \"ctrl-c\"]")]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    fn into_vec(self) -> Vec<String> {
        match self {
            KeyList::One(key) => vec![key],
            KeyList::Many(keys) => keys,
        }
    }
}

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct File {
    #[serde(default)]
    reader: ReaderSection,
    // Read as any value, so that a bad table or entry is the reader's error, not every
    // command's.
    keys: Option<toml::Spanned<toml::Value>>,
    cleaning: Option<toml::Spanned<RulesFile>>,
    extraction: Option<toml::Spanned<LexiconFile>>,
    speakers: Option<toml::Spanned<AliasFile>>,
    #[serde(default)]
    datasets: DatasetsSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(expecting = "a table of reader settings ([reader])")]
struct ReaderSection {
    theme: Option<toml::Spanned<ThemeName>>,
    export_dir: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum ThemeName {
    #[default]
    Dark,
    Light,
}

#[derive(Debug, Default, Deserialize)]
#[serde(expecting = "a table of dataset field names ([datasets])")]
struct DatasetsSection {
    text: Option<Vec<String>>,
    title: Option<Vec<String>>,
    url: Option<Vec<String>>,
    date: Option<Vec<String>>,
    author: Option<Vec<String>>,
    site: Option<Vec<String>>,
}

/// Where the user's file is looked for: `config.toml` in the platform's config directory
/// (`$XDG_CONFIG_HOME/saidso/` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "saidso").map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// How sources are read under this configuration: its dataset field names, fetching on.
    pub fn sources_context(&self) -> crate::sources::ReadSettings {
        crate::sources::ReadSettings {
            fields: self.fields.clone(),
            fetch_links: self.fetch_links,
            ..Default::default()
        }
    }

    /// The built-in settings, as if no file existed.
    pub fn builtin() -> Self {
        // The embedded defaults are all comments; a test checks they parse.
        crate::assets::builtin(
            "assets/config.toml",
            Self::from_str(DEFAULT, Path::new("(built-in)")),
        )
    }

    /// Reads `path`, or the default file when `path` is `None`. A missing default file is no
    /// error (the defaults apply); a missing file the user named is.
    pub fn load(path: Option<&Path>) -> Result<Self, ConfigError> {
        let (path, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (default_path().unwrap_or_default(), false),
        };
        let mut config = match std::fs::read_to_string(&path) {
            Ok(text) => Self::from_str(&text, &path)?,
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => Self::builtin(),
            Err(e) => {
                let message = format!("cannot read it: {e}");
                return Err(ConfigError { path, position: None, message });
            }
        };
        // https://no-color.org: set and not empty means no colour, whatever the file says.
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            config.theme = Theme::no_color();
        }
        Ok(config)
    }

    /// Parses a configuration file's text; `path` is only for messages. (The environment's
    /// `NO_COLOR` is applied by [`Config::load`], so this stays pure.)
    pub fn from_str(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let error = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
            path: path.to_path_buf(),
            position: span.map(|s| line_column(text, s.start)),
            message,
        };
        let mut warnings = Vec::new();
        let deserializer = toml::de::Deserializer::parse(text)
            .map_err(|e| error(e.span(), e.message().to_string()))?;
        let mut unknown = Vec::new();
        let file: File = serde_ignored::deserialize(deserializer, |at| {
            let mut keys = Vec::new();
            key_path(&at, &mut keys);
            unknown.push(keys);
        })
        .map_err(|e: toml::de::Error| error(e.span(), e.message().to_string()))?;
        // serde_ignored knows the key's path, not its place: the place is found in the parsed file.
        let document = toml::de::DeTable::parse(text).ok();
        let mut found: Vec<(usize, String)> = unknown
            .into_iter()
            .map(|keys| {
                let span = document.as_ref().and_then(|d| key_span(d.get_ref(), &keys));
                (span.map_or(0, |s| line_column(text, s.start).0), keys.join("."))
            })
            .collect();
        found.sort();
        for (line, name) in found {
            let at = if line > 0 { format!(":{line}") } else { String::new() };
            warnings.push(format!("{}{at}: unknown setting `{name}` ignored", path.display()));
        }

        // A bad key table spoils the reader alone: the other commands go on without it.
        let places = document.as_ref().map(|d| d.get_ref());
        let (keymap, keys_error) = match user_keymap(file.keys, places, text, path, &mut warnings) {
            Ok(keymap) => (keymap, None),
            Err(e) => (Keymap::builtin(), Some(e)),
        };

        let span = file.cleaning.as_ref().map(toml::Spanned::span);
        let rules =
            Rules::builtin_with(file.cleaning.map(toml::Spanned::into_inner)).map_err(|e| {
                // A bad pattern is shown where it is written, with its key.
                let place = match &e {
                    RulesError::Pattern { pattern, .. } => {
                        document.as_ref().and_then(|d| pattern_place(d.get_ref(), pattern))
                    }
                    RulesError::Toml(_) => None,
                };
                match place {
                    Some((at, key)) => error(Some(at), format!("in [cleaning.drop] `{key}`: {e}")),
                    None => error(span, format!("in [cleaning]: {e}")),
                }
            })?;

        let mut lexicon_files = vec![LexiconFile::builtin()];
        lexicon_files.extend(file.extraction.map(toml::Spanned::into_inner));
        let lexicon = Lexicon::compile(lexicon_files);
        let extractor = Extractor::from_lexicon(lexicon.clone());
        let mut alias_files = vec![AliasFile::builtin()];
        alias_files.extend(file.speakers.map(toml::Spanned::into_inner));
        let digester = Digester::new(lexicon, Aliases::compile(alias_files));

        let theme = match file.reader.theme.map(toml::Spanned::into_inner).unwrap_or_default() {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
        };

        let d = file.datasets;
        let defaults = Fields::default();
        let fields = Fields {
            text: d.text.unwrap_or(defaults.text),
            title: d.title.unwrap_or(defaults.title),
            url: d.url.unwrap_or(defaults.url),
            date: d.date.unwrap_or(defaults.date),
            author: d.author.unwrap_or(defaults.author),
            site: d.site.unwrap_or(defaults.site),
        };
        let export_dir = file.reader.export_dir.as_deref().map(home_relative);
        Ok(Self {
            keymap,
            theme,
            rules,
            extractor,
            digester,
            fields,
            warnings,
            keys_error,
            export_dir,
            fetch_links: false,
        })
    }
}

/// The `[keys]` table on top of the built-in keys. An unknown action is a warning; anything
/// else wrong is an error at the entry that has it (its place read from `places`, the file
/// parsed with the places of its values).
fn user_keymap(
    keys: Option<toml::Spanned<toml::Value>>,
    places: Option<&toml::de::DeTable<'_>>,
    text: &str,
    path: &Path,
    warnings: &mut Vec<String>,
) -> Result<Keymap, ConfigError> {
    let error = |span: std::ops::Range<usize>, name: &str, message: String| ConfigError {
        path: path.to_path_buf(),
        position: Some(line_column(text, span.start)),
        message: format!("in [keys] `{name}`: {message}"),
    };
    let Some(keys) = keys else { return Ok(Keymap::builtin()) };
    let whole = keys.span();
    let toml::Value::Table(keys) = keys.into_inner() else {
        return Err(ConfigError {
            path: path.to_path_buf(),
            position: Some(line_column(text, whole.start)),
            message: "[keys] is a table of commands and their keys (`down = [\"j\"]`)".into(),
        });
    };
    let mut table = BTreeMap::new();
    let mut spans = BTreeMap::new();
    for (name, value) in keys {
        let span = value_span(places, "keys", &name).unwrap_or_else(|| whole.clone());
        if Command::from_name(&name).is_none() {
            let (line, _) = line_column(text, span.start);
            warnings.push(format!(
                "{}:{line}: unknown action `{name}` in [keys] ignored (`saidso --help` lists them)",
                path.display(),
            ));
            continue;
        }
        let keys = value
            .try_into::<KeyList>()
            .map_err(|e| error(span.clone(), &name, e.message().to_string()))?
            .into_vec();
        // Each entry alone first, so that a bad key is shown where it is written.
        Keymap::from_table(BTreeMap::from([(name.clone(), keys.clone())]))
            .map_err(|e| error(span.clone(), &name, e.to_string()))?;
        spans.insert(name.clone(), span);
        table.insert(name, keys);
    }
    let quit_line = spans.get("quit").map(|span| line_column(text, span.start).0);
    let mut keymap = Keymap::builtin();
    if !table.is_empty() {
        let user = Keymap::from_table(table).map_err(|e| {
            // Only a key bound twice is left: shown at the first of its two entries.
            let first = match &e {
                KeymapError::Conflict { first, .. } => spans.get(*first),
                _ => None,
            };
            let span = first.or_else(|| spans.values().next()).cloned().unwrap_or_default();
            ConfigError {
                path: path.to_path_buf(),
                position: Some(line_column(text, span.start)),
                message: format!("in [keys]: {e}"),
            }
        })?;
        keymap = keymap.merged(user);
    }
    // Ctrl-c cannot be bound elsewhere, so only `quit = []` leaves no key to quit.
    if keymap.keys(Command::Quit).is_empty() {
        let at = quit_line.map_or(String::new(), |line| format!(":{line}"));
        warnings.push(format!(
            "{}{at}: no key quits the reader in [keys] (Ctrl-c still does)",
            path.display()
        ));
    }
    Ok(keymap)
}

/// A path from the configuration, `~` or a leading `~/` standing for the home directory, as in
/// a shell (`~user` is not expanded).
fn home_relative(path: &str) -> PathBuf {
    let rest = if path == "~" { Some("") } else { path.strip_prefix("~/") };
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match (rest, home) {
        (Some(rest), Some(home)) => home.join(rest.trim_start_matches('/')),
        _ => PathBuf::from(path),
    }
}

/// Where the value of `name` in the table `table` of `document` is written.
fn value_span(
    document: Option<&toml::de::DeTable<'_>>,
    table: &str,
    name: &str,
) -> Option<std::ops::Range<usize>> {
    let (_, inner) = document?.iter().find(|(k, _)| k.get_ref() == table)?;
    let toml::de::DeValue::Table(inner) = inner.get_ref() else { return None };
    inner.iter().find(|(k, _)| k.get_ref() == name).map(|(_, value)| value.span())
}

/// The keys (and array indices) leading to an ignored setting, outermost first.
fn key_path(at: &serde_ignored::Path, keys: &mut Vec<String>) {
    use serde_ignored::Path;
    match at {
        Path::Root => {}
        Path::Seq { parent, index } => {
            key_path(parent, keys);
            keys.push(index.to_string());
        }
        Path::Map { parent, key } => {
            key_path(parent, keys);
            // `toml::Spanned` wraps a value in a map of its own: not a key of the file.
            if !key.starts_with("$__serde_spanned") {
                keys.push(key.clone());
            }
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => {
            key_path(parent, keys);
        }
    }
}

/// Where the last of `keys` is written in `table`, or the deepest of them the file has.
fn key_span(table: &toml::de::DeTable<'_>, keys: &[String]) -> Option<std::ops::Range<usize>> {
    use toml::de::DeValue;
    let (first, rest) = keys.split_first()?;
    let (key, value) = table.iter().find(|(k, _)| k.get_ref() == first)?;
    let inner = match (value.get_ref(), rest) {
        (DeValue::Table(t), _) => key_span(t, rest),
        (DeValue::Array(items), [index, rest @ ..]) => {
            match index.parse::<usize>().ok().and_then(|i| items.get(i)).map(|v| v.get_ref()) {
                Some(DeValue::Table(t)) => key_span(t, rest),
                _ => None,
            }
        }
        _ => None,
    };
    inner.or(Some(key.span()))
}

/// Where `pattern` is written in the `[cleaning.drop]` table of `document`: the value's span,
/// and its key.
fn pattern_place(
    document: &toml::de::DeTable<'_>,
    pattern: &str,
) -> Option<(std::ops::Range<usize>, String)> {
    use toml::de::{DeTable, DeValue};
    fn table<'a, 'b>(t: &'a DeTable<'b>, name: &str) -> Option<&'a DeTable<'b>> {
        match t.iter().find(|(k, _)| k.get_ref() == name)?.1.get_ref() {
            DeValue::Table(inner) => Some(inner),
            _ => None,
        }
    }
    let drop = table(table(document, "cleaning")?, "drop")?;
    drop.iter().find_map(|(key, value)| {
        let DeValue::Array(items) = value.get_ref() else { return None };
        let written =
            items.iter().find(|v| matches!(v.get_ref(), DeValue::String(s) if s == pattern));
        written.map(|v| (v.span(), key.get_ref().to_string()))
    })
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
