//! Quotes checked against the record: a transcript, a speech, a statement. Pure: no I/O.
//!
//! [`turns`] reads whose words the record holds, [`index`] indexes them once, [`quoted`] reads
//! a quotation's words and elisions, [`check`] gives the verdict on one quotation, and
//! [`identity`] says which record speaker is which corpus speaker; [`warnings`] says what is
//! wrong with a record. [`Records`] checks a quotation against every record given.

pub mod check;
pub mod identity;
pub mod index;
pub mod quoted;
pub mod turns;
pub mod warnings;

use std::ops::Range;

pub use check::{Difference, Edit, Finding, Record, Verdict};
pub use identity::Identities;
pub use quoted::Quoted;
pub use turns::Turns;

use crate::speakers::SpeakerId;

/// Every record given, checked together: a quotation's verdict is the best any record gives.
#[derive(Debug, Default)]
pub struct Records {
    /// The records, in the order given.
    pub records: Vec<Record>,
    /// Which record speaker is which corpus speaker (empty until [`Records::identify`]).
    pub identities: Identities,
    /// What a checker must be told about the records ([`warnings::warnings`]), one a line.
    pub warnings: Vec<String>,
}

/// A quotation's verdict, and the record that gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// The record (an index into [`Records::records`]).
    pub record: usize,
    /// Its finding.
    pub finding: Finding,
}

impl Checked {
    /// The record passage's text, if a passage was found.
    pub fn passage<'a>(&self, records: &'a Records) -> Option<&'a str> {
        let record = records.records.get(self.record)?;
        record.text.get(self.finding.passage.clone()?)
    }

    /// The label of the record speaker whose words the quotation are, when not its speaker's.
    pub fn said_by<'a>(&self, records: &'a Records) -> Option<&'a str> {
        records.records.get(self.record)?.turns.speaker(self.finding.said_by?)
    }
}

impl From<Vec<Record>> for Records {
    fn from(records: Vec<Record>) -> Self {
        Records::new(records)
    }
}

impl Records {
    /// Records made of `records`; their speakers match nobody until [`Records::identify`].
    pub fn new(records: Vec<Record>) -> Self {
        Records { records, identities: Identities::default(), warnings: Vec::new() }
    }

    /// True when the quotations of speakers without turns must be listed: some record has
    /// lines that look like labels but were not read as such (their speaker may be one).
    pub fn lists_no_turns(&self) -> bool {
        self.records.iter().any(|r| !r.turns.missed.is_empty())
    }

    /// Matches the records' speakers with the corpus's.
    pub fn identify(
        &mut self,
        roster: &crate::speakers::Roster,
        digester: &crate::speakers::Digester,
    ) {
        self.identities = Identities::new(&self.records, roster, digester);
    }

    /// Checks the quotation made of `pieces` of `text`, said by the speaker named `speaker`,
    /// whose record speakers are found by [`identity::same_speaker`] (no corpus roster needed).
    pub fn check_named(
        &self,
        text: &str,
        pieces: &[Range<usize>],
        speaker: Option<&str>,
        digester: &crate::speakers::Digester,
    ) -> Option<Checked> {
        let named = speaker.is_some_and(|s| identity::names_someone(s, digester));
        self.best(text, pieces, named, |_, record| {
            let own = |label: &String| {
                speaker.is_some_and(|s| identity::same_speaker(label, s, digester))
            };
            record.turns.speakers.iter().map(own).collect()
        })
    }

    /// Checks the quotation made of `pieces` of `text` (an article's quote), said by corpus
    /// speaker `speaker` (`named`: the article names them, see [`identity::names_someone`]);
    /// `None` when there is no record.
    pub fn check(
        &self,
        text: &str,
        pieces: &[Range<usize>],
        speaker: Option<SpeakerId>,
        named: bool,
    ) -> Option<Checked> {
        self.best(text, pieces, named, |i, _| self.identities.own(i, speaker))
    }

    /// The best verdict over every record, `own(i, record)` telling which of record `i`'s
    /// speakers is the quoted one: verbatim first, then altered; a misattribution (another
    /// speaker's words) before plain absence. A quotation whose speaker the article does not
    /// name (`named` false) is checked against everyone's words.
    fn best(
        &self,
        text: &str,
        pieces: &[Range<usize>],
        named: bool,
        own: impl Fn(usize, &Record) -> Vec<bool>,
    ) -> Option<Checked> {
        let quoted = Quoted::from_pieces(text, pieces);
        self.records
            .iter()
            .enumerate()
            .map(|(i, record)| {
                let finding = if named {
                    record.check(text, &quoted, &own(i, record))
                } else {
                    record.check_unnamed(text, &quoted)
                };
                Checked { record: i, finding }
            })
            .min_by_key(|c| (c.finding.verdict, c.finding.said_by.is_none()))
    }
}
