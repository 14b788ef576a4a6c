//! Which record speakers are which corpus speakers: a record's label (`MAYOR HANNA LEE`,
//! `Mr Putin`) selects speakers by the identity rules of the speakers view ([`Roster::find`]),
//! so that the article's `Hanna Lee` and `Lee` are the record's `MAYOR HANNA LEE`.

use crate::extract::SpeakerKind;
use crate::speakers::aliases::fold_name;
use crate::speakers::name::{Name, Shape};
use crate::speakers::same_name::{same_given, same_organisation, same_surname};
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

/// True when the names `a` and `b` are one speaker's by the identity rules alone (no corpus
/// to settle who is who: the reader before the speakers view has opened). A bare surname is
/// the full name that has it, as [`Roster::find`] takes it.
pub fn same_speaker(a: &str, b: &str, digester: &Digester) -> bool {
    if is_anonymous(a) || is_anonymous(b) {
        return false;
    }
    let name = |raw: &str| digester.name(raw, SpeakerKind::Unknown);
    let (Some(na), Some(nb)) = (name(a), name(b)) else { return false };
    match (&na, &nb) {
        (
            Name { shape: Shape::Proper { given: ga, surname: sa }, .. },
            Name { shape: Shape::Proper { given: gb, surname: sb }, .. },
        ) => {
            same_surname(sa, sb)
                && match (ga, gb) {
                    (Some(x), Some(y)) => same_given(x, y),
                    _ => true,
                }
        }
        _ => same_organisation(&fold_name(&na.display), &fold_name(&nb.display)),
    }
}

/// True when `speaker` (as an article names a speaker) is someone's name, a person's or an
/// organisation's, not words that describe the speaker (`mayor`, `council spokesman`).
pub fn names_someone(speaker: &str, digester: &Digester) -> bool {
    digester.name(speaker, SpeakerKind::Unknown).is_some_and(|n| n.shape != Shape::Description)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_the_articles_name_by_the_identity_rules() {
        let d = Digester::builtin();
        assert!(same_speaker("MAYOR HANNA LEE", "Hanna Lee", &d));
        assert!(same_speaker("MAYOR HANNA LEE", "Lee", &d));
        assert!(same_speaker("Mr Putin", "Vladimir Putin", &d));
        assert!(same_speaker("ZELENSKY", "Volodymyr Zelenskiy", &d));
        assert!(!same_speaker("MAYOR HANNA LEE", "Tomas Ortiz", &d));
        assert!(!same_speaker("Q", "Q", &d));
    }

    #[test]
    fn a_description_names_nobody() {
        let d = Digester::builtin();
        assert!(names_someone("Jane Okafor", &d) && names_someone("Okafor", &d));
        assert!(!names_someone("mayor", &d) && !names_someone("council spokesman", &d));
    }
}
