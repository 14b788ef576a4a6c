//! Which record speakers are which corpus speakers: a record's label (`MAYOR HANNA LEE`,
//! `Mr Putin`) selects speakers by the identity rules of the speakers view ([`Roster::find`]),
//! so that the article's `Hanna Lee` and `Lee` are the record's `MAYOR HANNA LEE`.

use crate::speakers::{Digester, Roster, SpeakerId};

use super::check::Record;
use super::turns::is_anonymous;

/// The corpus speakers each record speaker is.
#[derive(Clone, Debug, Default)]
pub struct Identities {
    /// Per record, per record speaker: the corpus speakers it is.
    of: Vec<Vec<Vec<SpeakerId>>>,
}

impl Identities {
    /// Matches the speakers of `records` with those of `roster`. Questioners (`Q`, `REPORTER`)
    /// are nobody in the corpus.
    pub fn new(records: &[Record], roster: &Roster, digester: &Digester) -> Self {
        let of = records
            .iter()
            .map(|r| {
                let find = |label: &String| {
                    if is_anonymous(label) { Vec::new() } else { roster.find(label, digester) }
                };
                r.turns.speakers.iter().map(find).collect()
            })
            .collect();
        Identities { of }
    }

    /// For record `record`, one flag a record speaker: whether it is corpus speaker `speaker`.
    pub fn own(&self, record: usize, speaker: Option<SpeakerId>) -> Vec<bool> {
        let Some(speakers) = self.of.get(record) else { return Vec::new() };
        speakers.iter().map(|ids| speaker.is_some_and(|s| ids.contains(&s))).collect()
    }
}
