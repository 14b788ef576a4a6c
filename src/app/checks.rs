//! The record's verdicts on the quotes of the article shown (`saidso --record`): worked out
//! once, when the article's quotes are set, not at each draw; and whether the record's passage
//! for the selected quote is shown.

use std::ops::Range;

use super::library::Entry;
use crate::record::{Checked, Records, Verdict};
use crate::speakers::Digester;

/// The verdicts on the article shown.
#[derive(Clone, Debug, Default)]
pub struct Checks {
    /// One a quote of the article shown: the record's verdict, none when there is no record or
    /// the speaker has no words in it (and the words are nobody else's there).
    pub verdicts: Vec<Option<Checked>>,
    /// The record's passage for the selected quote is shown beside it.
    pub passage: bool,
}

impl Checks {
    /// Checks every quote of `entry` against `records` (nothing to check: no verdicts).
    pub fn compute(&mut self, records: Option<&Records>, entry: Option<&Entry>, d: &Digester) {
        self.verdicts = match (records, entry) {
            (Some(records), Some(e)) => e
                .quotes
                .iter()
                .map(|q| {
                    let speaker = q.speaker.as_deref();
                    // Reported speech has no words to check; a partial quotation only its
                    // quoted ones.
                    let pieces = q.checked_pieces();
                    if pieces.is_empty() {
                        return None;
                    }
                    records.check_named(&e.article.text, pieces, speaker, d).filter(|c| {
                        c.finding.verdict != Verdict::NoTurns || c.finding.said_by.is_some()
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
    }

    /// The verdict on quote `quote` of the article shown, if it has one.
    pub fn of(&self, quote: usize) -> Option<&Checked> {
        self.verdicts.get(quote)?.as_ref()
    }

    /// Byte ranges, in the article shown, of the words of quote `quote` that the record words
    /// differently (added or changed; dropped words have none in the quote).
    pub fn changed(&self, quote: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        let differences = self.of(quote).map(|c| c.finding.differences.as_slice());
        differences.unwrap_or_default().iter().filter_map(|d| d.quote_range.clone())
    }
}
