//! The cleaning rules: data from `assets/cleaning.toml`, compiled once at start.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock, mpsc};

use regex::{RegexSet, RegexSetBuilder};
use serde::Deserialize;

use crate::model::collapse_whitespace;

/// The built-in rules file.
pub const BUILTIN: &str = include_str!("../../assets/cleaning.toml");

/// A rules file as written: the built-in one, or a user's extension of it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(expecting = "a table of cleaning rules ([cleaning])")]
pub struct RulesFile {
    /// Paragraphs longer than this are never boilerplate.
    pub max_boilerplate_bytes: Option<usize>,
    /// Characters that open a list item.
    #[serde(default)]
    pub bullets: Vec<String>,
    /// Named groups of patterns; a paragraph matching one is dropped.
    #[serde(default)]
    pub drop: BTreeMap<String, Vec<String>>,
}

/// Compiled cleaning rules.
#[derive(Clone, Debug)]
pub struct Rules {
    /// Shared by the clones: the built-in set is compiled once, on a thread of its own (see
    /// [`Rules::builtin`]).
    drop: Arc<DropSet>,
    bullets: Vec<char>,
    max_boilerplate_bytes: usize,
}

/// A rules file that does not parse or holds a bad pattern.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// Not valid TOML of the expected shape.
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    /// A pattern that is not a valid regular expression: the pattern as written, and why.
    #[error("bad pattern {pattern:?}: {source}")]
    Pattern {
        /// The pattern, as the file has it.
        pattern: String,
        /// The regular expression's error.
        source: regex::Error,
    },
}

impl RulesFile {
    /// Parses a rules file.
    pub fn parse(text: &str) -> Result<Self, RulesError> {
        Ok(toml::from_str(text)?)
    }

    /// The built-in file, `assets/cleaning.toml`.
    pub fn builtin() -> Self {
        crate::assets::builtin("assets/cleaning.toml", Self::parse(BUILTIN))
    }
}

impl Rules {
    /// The built-in rules. The asset is part of the program and a test parses it.
    ///
    /// Their pattern set, the costliest thing to make at start (about 85 M instructions), is
    /// compiled on a thread of its own while the caller goes on (the rest of the configuration,
    /// the walk through the folders, the first files read); the first paragraph judged waits for
    /// it if it is not ready. The patterns are known good, so nothing is lost by not checking
    /// them before going on.
    pub fn builtin() -> Self {
        Self::in_background(gather([RulesFile::builtin()]))
    }

    /// The built-in rules with a user's file on top ([`Rules::compile`]); compiled as
    /// [`Rules::builtin`] are when the file adds no pattern (bullets or a limit only), since
    /// only the user's patterns need checking before going on.
    pub fn builtin_with(file: Option<RulesFile>) -> Result<Self, RulesError> {
        let adds_patterns = file.as_ref().is_some_and(|f| f.drop.values().any(|p| !p.is_empty()));
        let files = std::iter::once(RulesFile::builtin()).chain(file);
        if adds_patterns { Self::compile(files) } else { Ok(Self::in_background(gather(files))) }
    }

    /// Rules whose set is compiled meanwhile, on the thread that compiles sets.
    fn in_background((patterns, bullets, max_boilerplate_bytes): Gathered) -> Self {
        let drop = Arc::new(DropSet { patterns, set: OnceLock::new() });
        compile_meanwhile(Arc::clone(&drop));
        Self { drop, bullets, max_boilerplate_bytes }
    }

    /// Compiles rules files; later files add patterns and bullets, and may change the limit.
    pub fn compile(files: impl IntoIterator<Item = RulesFile>) -> Result<Self, RulesError> {
        let (patterns, bullets, max_boilerplate_bytes) = gather(files);
        let set = compile_set(&patterns).map_err(|source| RulesError::Pattern {
            pattern: first_bad(&patterns).unwrap_or_default(),
            source,
        })?;
        let set = OnceLock::from(set);
        Ok(Self { drop: Arc::new(DropSet { patterns, set }), bullets, max_boilerplate_bytes })
    }

    /// False when `raw` (white space not yet collapsed) is surely too long to be boilerplate:
    /// collapsing keeps every other byte, so this spares collapsing long paragraphs.
    fn may_be_boilerplate(&self, raw: &str) -> bool {
        raw.len() <= self.max_boilerplate_bytes
            || raw.chars().filter(|c| !c.is_whitespace()).map(char::len_utf8).sum::<usize>()
                <= self.max_boilerplate_bytes
    }

    /// True when this paragraph is not article prose.
    pub fn is_boilerplate(&self, paragraph: &str) -> bool {
        if !self.may_be_boilerplate(paragraph) {
            return false;
        }
        let collapsed = collapse_whitespace(paragraph);
        collapsed.len() <= self.max_boilerplate_bytes
            && self.drop.get().is_match(without_emphasis(&collapsed))
    }

    /// True when `c` opens a list item.
    pub fn is_bullet(&self, c: char) -> bool {
        self.bullets.contains(&c)
    }
}

/// The patterns, bullets and length limit of rules files.
type Gathered = (Vec<String>, Vec<char>, usize);

/// The patterns, bullets and length limit of rules files; later files add patterns and
/// bullets, and may change the limit.
fn gather(files: impl IntoIterator<Item = RulesFile>) -> Gathered {
    let mut patterns = Vec::new();
    let mut bullets = Vec::new();
    let mut max = 1000;
    for file in files {
        // An ASCII word boundary keeps the set on the fast lazy DFA: a Unicode `\b` sends
        // every paragraph with a curly quote to the slow PikeVM. Boilerplate is English.
        patterns
            .extend(file.drop.into_values().flatten().map(|p| p.replace(r"\b", ASCII_BOUNDARY)));
        bullets.extend(file.bullets.iter().filter_map(|b| b.chars().next()));
        max = file.max_boilerplate_bytes.unwrap_or(max);
    }
    (patterns, bullets, max)
}

/// The drop patterns, and their set once compiled.
#[derive(Debug)]
struct DropSet {
    patterns: Vec<String>,
    set: OnceLock<RegexSet>,
}

impl DropSet {
    /// The set: compiled here if no other thread has, or once the one compiling it has.
    /// Only sets of the built-in patterns (and no others) are compiled here, and a test
    /// compiles them.
    fn get(&self) -> &RegexSet {
        self.set.get_or_init(|| {
            crate::assets::builtin("assets/cleaning.toml", compile_set(&self.patterns))
        })
    }
}

/// Hands `set` to the thread that compiles sets, started on first use.
///
/// That thread waits for the next set until the program ends, rather than ending or being one
/// of the pool's. Compiling leaves its thread's memory strewn with freed blocks: a thread that
/// went on to work (one of the pool's) would allocate from them, cold in the cache, and the
/// pages of one that ended would be taken over by the others; either way the workers'
/// allocations were slower, by 2-3% of all the time spent (perf, 20,000 articles).
fn compile_meanwhile(set: Arc<DropSet>) {
    static COMPILER: OnceLock<Option<mpsc::Sender<Arc<DropSet>>>> = OnceLock::new();
    let compiler = COMPILER.get_or_init(|| {
        let (send, sets) = mpsc::channel::<Arc<DropSet>>();
        let compile = move || {
            for set in sets {
                set.get();
            }
        };
        std::thread::Builder::new().name("rules".into()).spawn(compile).ok().map(|_| send)
    });
    // Without a thread to spare, the first paragraph judged compiles the set.
    if let Some(send) = compiler {
        let _ = send.send(set);
    }
}

/// The first of `patterns` that does not compile on its own, as its file writes it: the set's
/// error does not say which.
fn first_bad(patterns: &[String]) -> Option<String> {
    let bad = patterns.iter().find(|p| compile_set(std::slice::from_ref(p)).is_err())?;
    Some(bad.replace(ASCII_BOUNDARY, r"\b"))
}

/// A word boundary of ASCII words (see [`gather`]).
const ASCII_BOUNDARY: &str = r"(?-u:\b)";

/// The set of drop patterns, matched whatever the case.
fn compile_set(patterns: &[String]) -> Result<RegexSet, regex::Error> {
    RegexSetBuilder::new(patterns).case_insensitive(true).size_limit(64 << 20).build()
}

/// `line` without Markdown emphasis around the whole of it (`*By Jane Doe*`, `__Advert__`):
/// the rules judge the words, not how they were set.
fn without_emphasis(line: &str) -> &str {
    let marks = |c: char| c == '*' || c == '_';
    let inner = line.trim_start_matches(marks);
    let opened = line.len() - inner.len();
    let inner = inner.trim_end_matches(marks);
    if opened > 0 && line.len() - opened - inner.len() > 0 { inner.trim() } else { line }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_compile_and_match() {
        let rules = Rules::builtin();
        for line in [
            "Advertisement",
            "Advert",
            "Also read| Russian forces disable 118 military facilities",
            "Read more: British public will be asked",
            "Topics: Russia, Ukraine, World News",
            "Oops!",
            "Something went wrong.",
            "Please try again later.",
            "Ukrainian president. (AFP via Getty Images)",
            "TOPSHOT - A caption.",
        ] {
            assert!(rules.is_boilerplate(line), "{line}");
        }
        for prose in [
            "The advertisement ran for a week, officials said.",
            "He said he would read more of the report on Monday.",
            "Something went wrong at the plant on Tuesday, engineers said, and the reactor was shut.",
        ] {
            assert!(!rules.is_boilerplate(prose), "{prose}");
        }
    }

    #[test]
    fn bylines_credits_dates_and_sign_up_boxes_are_not_prose() {
        let rules = Rules::builtin();
        for line in [
            "By Rahul Mehta, Health Correspondent",
            "*By Jane Doe*",
            "__By Jane Doe and Tom Roe__",
            "By Jane Doe | March 5, 2024 at 2:26 PM",
            "The pier at dusk after the storm. Photograph: Ledger Staff",
            "Crowds on the harbour wall after the storm.Credit: Ledger Staff",
            "Ferry passengers wait in the rain. (Harbour Board via AP, File)",
            "Passengers board the first ferry. REUTERS/Jane Roe",
            "Image 2 of 9",
            "Nov. 20, 2019 6:02 AM EST",
            "18 Nov 2019, 19:09",
            "Updated November 19, 2019 | 9:32pm",
            "Get the day\u{2019}s top headlines delivered to your inbox every morning.",
            "Write to Mara Quint at mara@harbour.example",
            "Jane Doe contributed to this report.",
            "You may also like",
        ] {
            assert!(rules.is_boilerplate(line), "{line}");
        }
        for prose in [
            "By Monday the council had voted to keep the ferry running.",
            "By then, said Marta Lind, the ferry had stopped.",
            "By Jane Doe's own account, the ferry never ran late.",
            "\u{201c}Sign up for the newsletter and it lands in your inbox,\u{201d} she said.",
            "The ferry first ran on May 4, 2019.",
            "*The ferry will run all winter.*",
        ] {
            assert!(!rules.is_boilerplate(prose), "{prose}");
        }
    }

    #[test]
    fn a_bad_pattern_is_an_error() {
        let file = RulesFile::parse("[drop]\nmine = ['ok\\b', '(unclosed\\b']").unwrap();
        let Err(RulesError::Pattern { pattern, .. }) = Rules::compile([file]) else {
            panic!("a bad pattern compiled")
        };
        assert_eq!(pattern, r"(unclosed\b");
        assert!(RulesFile::parse("drop = 3").is_err());
        // Added to the built-in rules, it is checked at once, not when first used.
        let file = RulesFile::parse("[drop]\nmine = ['(unclosed']").unwrap();
        assert!(matches!(Rules::builtin_with(Some(file)), Err(RulesError::Pattern { .. })));
    }

    #[test]
    fn a_file_without_patterns_adds_to_the_builtin_rules_compiled_meanwhile() {
        let file = RulesFile::parse("bullets = ['►']\nmax_boilerplate_bytes = 10").unwrap();
        let rules = Rules::builtin_with(Some(file)).unwrap();
        assert!(rules.is_bullet('►'));
        assert!(rules.is_boilerplate("Advert"));
        // Over the file's limit, so prose whatever the patterns say.
        assert!(!rules.is_boilerplate("Advertisement"));
        let mine = RulesFile::parse("[drop]\nmine = ['^sponsored$']").unwrap();
        let rules = Rules::builtin_with(Some(mine)).unwrap();
        assert!(rules.is_boilerplate("Sponsored") && rules.is_boilerplate("Advert"));
    }
}
