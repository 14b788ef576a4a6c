//! The command line: arguments (clap), and one module per subcommand.

mod check;
mod feeds;
mod fetch;
mod list;
mod mark;
mod progress;
mod quotes;
mod read;
mod speakers;
mod spill;
mod state;

use std::cell::RefCell;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

use crate::app::Keymap;
use crate::config::{self, Config};
use crate::load::{Loaded, Loader, Progress};
use crate::model::Article;
use crate::sources::{self, Input, Problem};
use crate::text::sanitize;

pub use state::StateArgs;

/// A terminal reader for news articles that shows who said what.
///
/// Give it files or folders of articles: plain text, Markdown, saved web pages, RSS or Atom
/// feeds, and datasets in JSON Lines or JSON arrays, each told by its content (folders are read
/// recursively, hidden files skipped; `-` reads standard input). A PATH may also be the http(s)
/// URL of a page or feed. With no PATH it opens the five built-in seed articles in the
/// full-screen reader (press `?` there for the keys).
// Not `args_conflicts_with_subcommands`: it would refuse a global option (`--state`) before a
// subcommand's name.
#[derive(Debug, Parser)]
#[command(name = "saidso", version, about, long_about)]
pub struct Cli {
    /// Articles to open: files, folders, URLs, or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Also open the articles kept by `saidso fetch` (alone when there is no PATH); `r` in the
    /// reader fetches more.
    #[arg(long)]
    pub fetched: bool,
    /// Check the quotes against this record (a transcript, a speech; see `saidso check`): the
    /// quotes panel marks each quote's verdict, and the record is listed as an article
    /// (repeatable).
    #[arg(long, value_name = "FILE")]
    pub record: Vec<String>,
    /// The records are all this speaker's words (a speech, a statement).
    #[arg(long, value_name = "NAME", requires = "record")]
    pub record_speaker: Option<String>,
    /// Also fetch the pages linked from summary-only items of local feed files (feeds given as
    /// URLs, and followed feeds, always fetch them; a local file alone never reaches the network).
    #[arg(long, global = true)]
    pub fetch_links: bool,
    /// Where marks are kept.
    #[command(flatten)]
    pub state: StateArgs,
    /// The configuration file [default: config.toml in the platform's config directory, e.g.
    /// $XDG_CONFIG_HOME/saidso/]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// What to do instead of opening the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands for scripts.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: id, marks, title, path, paragraphs, words, quotes.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// The articles to read.
        #[command(flatten)]
        articles: Articles,
    },
    /// Print every quotation with its speaker and byte offsets.
    Quotes {
        /// Output format.
        #[arg(long, value_enum, default_value_t = QuotesFormat::Jsonl)]
        format: QuotesFormat,
        /// The articles to read.
        #[command(flatten)]
        articles: Articles,
        /// Only the quotes of this speaker (any form of the name: `Zelenskiy`, `President Putin`).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Check the quotes against this record (see `saidso check`): JSON rows gain `verdict`,
        /// `said_by` and `checked_text` (the quoted words checked; reported speech has none),
        /// TSV rows four columns, Markdown a note (repeatable).
        #[arg(long, value_name = "FILE")]
        record: Vec<String>,
        /// The records are all this speaker's words (`--speaker` of `saidso check`).
        #[arg(long, value_name = "NAME", requires = "record")]
        record_speaker: Option<String>,
        /// Only quoted words: one row per quoted stretch, reported speech left out.
        #[arg(long)]
        quoted: bool,
        /// Only these kinds of attribution.
        #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
        kind: Vec<KindArg>,
    },
    /// List the speakers across the articles, most quoted first: one identity per person or
    /// organisation, whatever the spelling.
    Speakers {
        /// Output format.
        #[arg(long, value_enum, default_value_t = SpeakersFormat::Table)]
        format: SpeakersFormat,
        /// The articles to read.
        #[command(flatten)]
        articles: Articles,
    },
    /// Check every quotation against the record (a transcript, a speech, a statement): verbatim,
    /// altered (with the words that differ, record → quote), or not in the record (and whose
    /// words they are when another speaker's). Only quoted words are checked.
    ///
    /// A transcript's turns start with a speaker's label at a line's start (`MAYOR HANNA LEE:`,
    /// `Mr Putin:`, `Q:`); a record that is one person's words needs `--speaker NAME`.
    Check {
        /// The record: a file, folder or URL of any kind saidso reads (repeatable).
        #[arg(long, value_name = "FILE", required = true)]
        record: Vec<String>,
        /// The record is all this speaker's words (a speech, a statement); its speaker labels,
        /// if any, are ignored (with a warning).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
        format: CheckFormat,
        /// The articles to check.
        #[command(flatten)]
        articles: Articles,
    },
    /// Print articles cleaned and wrapped, title first.
    Read {
        /// Wrap width in columns, 20 or more (default: the terminal's width up to 100, or 80).
        #[arg(long, short, value_parser = clap::value_parser!(u16).range(20..))]
        width: Option<u16>,
        /// The articles to read.
        #[command(flatten)]
        articles: Articles,
    },
    /// Refresh the followed feeds (listed in the `feeds` file) and keep their new articles for
    /// offline reading (`saidso list --fetched`).
    ///
    /// The feeds file has one feed URL a line, optionally followed by tags and a display name
    /// starting with `~` (in double quotes when it has spaces); `#` starts a comment. An unchanged
    /// feed costs one small request. Exits non-zero only when every feed failed.
    Fetch {
        /// The feeds file [default: `feeds` in the config directory, e.g. ~/.config/saidso/].
        #[arg(long, value_name = "FILE")]
        feeds: Option<PathBuf>,
    },
    /// Follow feeds: add, list, remove, import and export OPML (the feeds file `saidso fetch`
    /// reads).
    Feeds {
        /// The feeds file [default: `feeds` in the config directory, e.g. ~/.config/saidso/].
        #[arg(long, value_name = "FILE", global = true)]
        feeds: Option<PathBuf>,
        /// What to do.
        #[command(subcommand)]
        action: feeds::Action,
    },
    /// Print the configuration file with every default, or where it is read from.
    Config {
        /// Print the commented default file, a starting point for your own.
        #[arg(long, conflicts_with = "path")]
        default: bool,
        /// Print the path of the file read: --config's, else where it is looked for.
        #[arg(long)]
        path: bool,
    },
    /// Print shell completions, e.g. `saidso completions bash > ~/.local/share/bash-completion/completions/saidso`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Mark articles read or unread, starred or not, by the ids `saidso list` prints.
    #[command(group(ArgGroup::new("change").required(true).multiple(true)))]
    Mark {
        /// Mark as read.
        #[arg(long, group = "change", conflicts_with = "unread")]
        read: bool,
        /// Mark as unread.
        #[arg(long, group = "change")]
        unread: bool,
        /// Star.
        #[arg(long, group = "change", conflicts_with = "unstar")]
        star: bool,
        /// Remove the star.
        #[arg(long, group = "change")]
        unstar: bool,
        /// Print each id once its mark is saved.
        #[arg(long, short)]
        verbose: bool,
        /// Article ids (16 hex digits); `-` reads them from standard input, one a line.
        #[arg(value_name = "ID", required = true)]
        ids: Vec<String>,
    },
}

/// The articles a subcommand reads, as every subcommand that reads articles takes them.
#[derive(Debug, Args)]
pub struct Articles {
    /// Also read the articles kept by `saidso fetch`.
    #[arg(long)]
    pub fetched: bool,
    /// Articles to read (default: the seeds, or only the fetched ones with --fetched).
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
}

/// Formats of `saidso list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON object a line, for scripts.
    Jsonl,
    /// Tab-separated columns with a header line: the JSON keys, in their order.
    Tsv,
}

/// Formats of `saidso quotes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuotesFormat {
    /// One JSON object a line.
    Jsonl,
    /// One JSON array.
    Json,
    /// Tab-separated columns with a header line.
    Tsv,
    /// The quotes of each article under its title.
    Markdown,
}

/// Formats of `saidso check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Aligned columns for people, and a count of the verdicts.
    Table,
    /// One JSON object a line: `file`, `article`, `text`, `speaker`, `verdict`, `said_by`,
    /// `record`, `record_start`, `record_end`, `record_text`, `differences`.
    Jsonl,
}

/// Kinds of attribution `saidso quotes --kind` keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Wholly in quote marks.
    Direct,
    /// Reported speech with quoted words in it.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
}

/// Formats of `saidso speakers`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SpeakersFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON object a line: `id`, `name`, `variants`, `quotes`, `articles`, `kind`.
    Jsonl,
}

/// Runs the command line; the exit code tells scripts whether it worked.
pub fn run(cli: Cli) -> ExitCode {
    // These work whatever the configuration file holds, so a broken one can be mended; the
    // feeds file and marks do not read it at all (their help leaves `--config` out).
    match cli.command {
        Some(Command::Feeds { feeds, action }) => return finish_with(feeds::run(action, feeds)),
        Some(Command::Mark { read, unread, star, unstar, verbose, ids }) => {
            let change = mark::Change { read: flag(read, unread), starred: flag(star, unstar) };
            return finish_with(mark::run(&ids, change, verbose, &cli.state));
        }
        Some(Command::Config { default, path }) => {
            return finish_with(config_command(default, path, cli.config.as_deref()));
        }
        Some(Command::Completions { shell }) => {
            // Written whole, so that a closed pipe (`| head`) is an error to ignore, not a panic.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(), "saidso", &mut script);
            let mut out = stdout();
            return finish_with(
                out.write_all(&script).map_err(Into::into).and_then(|()| finish(out)),
            );
        }
        _ => {}
    }
    let config = match Config::load(cli.config.as_deref()) {
        Ok(config) => Config { fetch_links: cli.fetch_links, ..config },
        Err(e) => {
            say(format_args!("error: in the configuration: {e}"));
            return ExitCode::from(2);
        }
    };
    for warning in &config.warnings {
        say(format_args!("warning: {warning}"));
    }
    if let Some(e) = &config.keys_error {
        // Only the reader uses the keys: anything else goes on without them.
        if cli.command.is_none() && io::stdout().is_terminal() {
            say(format_args!("error: in the configuration: {e}"));
            return ExitCode::from(2);
        }
        say(format_args!("warning: {e} (the reader will not start until it is mended)"));
    }
    let result = match cli.command {
        Some(Command::List { format, articles: Articles { fetched, paths } }) => {
            list::run(&paths, fetched, format, &cli.state, &config)
        }
        Some(Command::Quotes {
            format,
            articles: Articles { fetched, paths },
            speaker,
            quoted,
            kind,
            record,
            record_speaker,
        }) => {
            let what = quotes::What { speaker: speaker.as_deref(), quoted, kinds: &kind };
            let record = quotes::RecordArgs { paths: &record, speaker: record_speaker.as_deref() };
            quotes::run(&paths, fetched, format, what, record, &cli.state, &config)
        }
        Some(Command::Speakers { format, articles: Articles { fetched, paths } }) => {
            speakers::run(&paths, fetched, format, &cli.state, &config)
        }
        Some(Command::Check { record, speaker, format, articles: Articles { fetched, paths } }) => {
            check::run(&record, speaker.as_deref(), &paths, fetched, format, &cli.state, &config)
        }
        Some(Command::Read { width, articles: Articles { fetched, paths } }) => {
            read::run(&paths, fetched, width.map(usize::from), &cli.state, &config)
        }
        Some(Command::Fetch { feeds }) => fetch::run(feeds, &cli.state, &config),
        Some(
            Command::Config { .. }
            | Command::Completions { .. }
            | Command::Feeds { .. }
            | Command::Mark { .. },
        ) => Ok(()),
        None if let Some(typo) = mistyped_command(&cli.paths) => Err(typo),
        // The reader needs a terminal; piped, the list is what a script wants.
        None if io::stdout().is_terminal() => reader(cli, config),
        None => list::run(&cli.paths, cli.fetched, ListFormat::Table, &cli.state, &config),
    };
    finish_with(result)
}

/// The full-screen reader; the records, if any, are read first and listed with the articles.
fn reader(cli: Cli, config: Config) -> anyhow::Result<()> {
    let records = if cli.record.is_empty() {
        None
    } else {
        // Their warnings go to the reader's messages.
        let speaker = cli.record_speaker.as_deref();
        Some(check::load_records(&cli.record, speaker, "--record-speaker", &config)?)
    };
    // Listed after the articles: the seeds, when no path is given.
    let records = records.map(|r| (r, cli.record));
    let (paths, fetched) = (cli.paths.clone(), cli.fetched);
    if crate::tui::run(cli.paths, fetched, config, &cli.state.location(), records)? {
        return Err(nothing_loaded(&paths, fetched));
    }
    Ok(())
}

/// The exit code of a command's result, its error on stderr.
fn finish_with(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `saidso list | head` closes the pipe early: that is not an error.
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            say(format_args!("error: {e:#}"));
            ExitCode::FAILURE
        }
    }
}

/// The clap command, with the reader's keys listed after the options in `--help`, and each
/// subcommand's help showing only the global options that mean something to it.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let command =
        Cli::command().after_long_help(keys_help(&help_keymap(std::env::args_os().collect())));
    // clap copies a global option into each subcommand that has no option of that id: given a
    // hidden copy, the subcommand still takes the option (and hands its value up, as a global
    // option's), and so do its own subcommands, which get the hidden copy.
    let hidden: Vec<clap::Arg> = command
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .map(|arg| arg.clone().hide(true))
        .collect();
    UNUSED_GLOBALS.iter().fold(command, |command, (name, unused)| {
        command.mut_subcommand(name, |sub| {
            let copies = hidden.iter().filter(|arg| unused.contains(&arg.get_id().as_str()));
            sub.args(copies.cloned())
        })
    })
}

/// The global options (by clap id) that a subcommand has no use for. They are still accepted
/// there, before or after its name, so that a script passing `--no-state` to every call keeps
/// working, but its help leaves them out.
const UNUSED_GLOBALS: [(&str, &[&str]); 5] = [
    ("fetch", &["fetch_links"]),
    ("feeds", &["fetch_links", "state", "no_state", "config"]),
    ("config", &["fetch_links", "state", "no_state"]),
    ("completions", &["fetch_links", "state", "no_state", "config"]),
    // `--no-state` leaves marks nowhere to go: refused there, so not offered.
    ("mark", &["fetch_links", "config", "no_state"]),
];

/// The keys `--help` lists: those of the configuration in force (`--config FILE`, or the
/// default file), read only when help is asked for; the defaults when it cannot be read.
fn help_keymap(args: Vec<std::ffi::OsString>) -> Keymap {
    if !args.iter().any(|a| a == "--help") {
        return Keymap::builtin();
    }
    let given = args.iter().position(|a| a == "--config").and_then(|i| args.get(i + 1));
    let joined = args.iter().find_map(|a| a.to_str()?.strip_prefix("--config=").map(Into::into));
    let path: Option<PathBuf> = given.map(PathBuf::from).or(joined);
    Config::load(path.as_deref()).map(|c| c.keymap).unwrap_or_default()
}

/// A lone argument that is no file but nearly the name of a subcommand (`saidso quote`):
/// the error that says which was meant.
fn mistyped_command(paths: &[String]) -> Option<anyhow::Error> {
    use clap::CommandFactory;
    let [arg] = paths else { return None };
    if arg.contains("://") || std::path::Path::new(arg).exists() {
        return None;
    }
    let names: Vec<String> =
        Cli::command().get_subcommands().map(|c| c.get_name().into()).collect();
    let best = names
        .iter()
        .map(|name| (strsim::levenshtein(arg, name), name))
        .filter(|(distance, _)| *distance <= 2)
        .min()?;
    Some(anyhow::anyhow!("no such file or command `{arg}`; did you mean `saidso {}`?", best.1))
}

/// The reader's actions by their config names, with the keys in force.
fn keys_help(keymap: &Keymap) -> String {
    let mut out = String::from(
        "Keys of the reader (rebind them in the [keys] table of the configuration file):\n",
    );
    for binding in keymap.bindings() {
        let keys: Vec<String> = binding.shown_keys().iter().map(|k| k.to_string()).collect();
        let name = binding.command.name();
        out.push_str(&format!("  {name:<18} {}\n", keys.join(", ")));
    }
    out
}

/// `saidso config`: the default file, or the file read (`given` with --config, else where the
/// file is looked for).
fn config_command(
    default: bool,
    path: bool,
    given: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let mut out = stdout();
    if path && !default {
        let path = match given {
            Some(given) => given.to_path_buf(),
            None => config::default_path().ok_or_else(|| anyhow::anyhow!("no home directory"))?,
        };
        writeln!(out, "{}", path.display())?;
    } else {
        out.write_all(config::default_file().as_bytes())?;
    }
    finish(out)
}

/// A pair of opposite flags as a change: `Some(true)`, `Some(false)`, or `None` for neither.
fn flag(on: bool, off: bool) -> Option<bool> {
    (on || off).then_some(on)
}

/// Discovers the inputs of `paths`, reporting the missing ones on stderr. With `fetched`, the
/// articles kept by `saidso fetch` come too (and alone when there are no paths).
fn inputs(paths: &[String], fetched: bool, state: &StateArgs) -> Vec<Input> {
    let (mut inputs, problems) = if fetched && paths.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        sources::discover(paths)
    };
    problems.iter().for_each(report);
    if fetched {
        match state.open_to_read().fetched_articles() {
            Ok(docs) => inputs.extend(docs.into_iter().map(|d| Input::Saved(Box::new(d)))),
            Err(e) => say(format_args!("{e}")),
        }
    }
    inputs
}

/// Loads `inputs` as `load_each` does, with a progress bar on stderr when it takes a while.
/// `sink` writes to `out`, which is flushed whenever the next articles are not ready yet: what
/// is written reaches the reader as the articles finish, not when the buffer fills.
fn load<T: Send, W: Write>(
    inputs: &[Input],
    config: &Config,
    out: &mut W,
    work: impl Fn(Article) -> T + Sync,
    mut sink: impl FnMut(&mut W, Loaded<T>) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let progress = Arc::new(Progress::default());
    let bar = progress::LoadBar::start(Arc::clone(&progress));
    let mut loader = Loader::new(&config.rules).context(config.sources_context());
    // Measuring the inputs for the bar's total costs a look at every file: only for a bar.
    if progress::LoadBar::can_show() {
        loader = loader.progress(progress);
    }
    // Both the sink and the flush between batches write to `out`, one at a time.
    let out = RefCell::new(out);
    loader.run_waiting(
        inputs,
        work,
        |loaded| match loaded {
            // A problem's line goes to stderr, where the bar is.
            Loaded::Problem(_) => bar.suspend(|| sink(&mut out.borrow_mut(), loaded)),
            Loaded::Item(_) => sink(&mut out.borrow_mut(), loaded),
        },
        || Ok(out.borrow_mut().flush()?),
    )
}

/// A message on stderr. Messages quote file names, feed titles and parsers' errors, which are
/// untrusted: nothing in them may drive the terminal.
fn say(message: std::fmt::Arguments) {
    // A closed stderr (`2>&1 | head -1`) is no reason to stop, still less to panic.
    let _ = writeln!(io::stderr(), "saidso: {}", sanitize(message.to_string()));
}

/// One line on stderr for an input that was skipped or loaded with a caveat.
fn report(problem: &Problem) {
    say(format_args!("{problem}"));
}

/// The error for a path list (and, with `fetched`, the fetched articles) that gave nothing to
/// show.
fn nothing_loaded(paths: &[String], fetched: bool) -> anyhow::Error {
    let asked = match (paths.is_empty(), fetched) {
        (true, true) => "the fetched articles".to_string(),
        (true, false) => "the seeds".to_string(),
        (false, true) => format!("{} or the fetched articles", paths.join(", ")),
        (false, false) => paths.join(", "),
    };
    anyhow::anyhow!("no article read from {asked}")
}

/// Standard output, buffered; every write error (a closed pipe) ends the command.
fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// Flushes `out`, turning the result into the command's.
fn finish(mut out: impl Write) -> anyhow::Result<()> {
    out.flush()?;
    Ok(())
}
