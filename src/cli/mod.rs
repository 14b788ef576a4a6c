//! The command line: arguments (clap), and one module per subcommand.

mod list;
mod mark;
mod quotes;
mod read;
mod speakers;
mod state;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

use crate::clean::Rules;
use crate::sources::{self, Input, Problem};

pub use state::StateArgs;

/// A terminal reader for news articles that shows who said what.
///
/// Give it files or folders of articles (plain text or Markdown; folders are read recursively,
/// hidden files skipped; `-` reads standard input). With no PATH it opens the five built-in seed
/// articles.
// Not `args_conflicts_with_subcommands`: it would refuse a global option (`--state`) before a
// subcommand's name.
#[derive(Debug, Parser)]
#[command(name = "saidso", version, about, long_about)]
pub struct Cli {
    /// Articles to open: files, folders, or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Where marks are kept.
    #[command(flatten)]
    pub state: StateArgs,
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
        /// Articles to list (default: the seeds).
        #[arg(value_name = "PATH")]
        paths: Vec<String>,
    },
    /// Print every quotation with its speaker and byte offsets.
    Quotes {
        /// Output format.
        #[arg(long, value_enum, default_value_t = QuotesFormat::Jsonl)]
        format: QuotesFormat,
        /// Only the quotes of this speaker (any form of the name: `Zelenskiy`, `President Putin`).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Articles to read (default: the seeds).
        #[arg(value_name = "PATH")]
        paths: Vec<String>,
    },
    /// List the speakers across the articles, most quoted first: one identity per person or
    /// organisation, whatever the spelling.
    Speakers {
        /// Output format.
        #[arg(long, value_enum, default_value_t = SpeakersFormat::Table)]
        format: SpeakersFormat,
        /// Articles to read (default: the seeds).
        #[arg(value_name = "PATH")]
        paths: Vec<String>,
    },
    /// Print articles cleaned and wrapped, title first.
    Read {
        /// Wrap width in columns (default: the terminal's width up to 100, or 80).
        #[arg(long, short)]
        width: Option<usize>,
        /// Articles to print (default: the seeds).
        #[arg(value_name = "PATH")]
        paths: Vec<String>,
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

/// Formats of `saidso list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON object a line, for scripts.
    Jsonl,
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
    let result = match cli.command {
        Some(Command::List { format, paths }) => list::run(&paths, format, &cli.state),
        Some(Command::Quotes { format, speaker, paths }) => {
            quotes::run(&paths, format, speaker.as_deref())
        }
        Some(Command::Speakers { format, paths }) => speakers::run(&paths, format),
        Some(Command::Read { width, paths }) => read::run(&paths, width),
        Some(Command::Mark { read, unread, star, unstar, verbose, ids }) => {
            let change = mark::Change { read: flag(read, unread), starred: flag(star, unstar) };
            mark::run(&ids, change, verbose, &cli.state)
        }
        None => list::run(&cli.paths, ListFormat::Table, &cli.state),
    };
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
            eprintln!("saidso: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// A pair of opposite flags as a change: `Some(true)`, `Some(false)`, or `None` for neither.
fn flag(on: bool, off: bool) -> Option<bool> {
    (on || off).then_some(on)
}

/// Discovers the inputs of `paths`, reporting the missing ones on stderr.
fn inputs(paths: &[String]) -> Vec<Input> {
    let (inputs, problems) = sources::discover(paths);
    problems.iter().for_each(report);
    inputs
}

/// One line on stderr for an input that was skipped or loaded with a caveat.
fn report(problem: &Problem) {
    eprintln!("saidso: {problem}");
}

/// The error for a path list that gave nothing to show.
fn nothing_loaded(paths: &[String]) -> anyhow::Error {
    anyhow::anyhow!(
        "no article found in {}",
        if paths.is_empty() { "the seeds".into() } else { paths.join(", ") }
    )
}

/// Standard output, buffered; every write error (a closed pipe) ends the command.
fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// The cleaning rules in force.
fn rules() -> Rules {
    Rules::builtin()
}

/// Flushes `out`, turning the result into the command's.
fn finish(mut out: impl Write) -> anyhow::Result<()> {
    out.flush()?;
    Ok(())
}
