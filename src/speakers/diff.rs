//! The word-by-word difference between two versions of one statement, for highlighting: which
//! words of each version the other words differently (a misquote, a translation change), and
//! which lie outside what the other quotes (a fragment's context).

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::words::{Word, words};

/// What a word is to the other version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// The other version has it too.
    Same,
    /// The other version has other words here, or none.
    Changed,
    /// Before or after everything the other version quotes.
    Outside,
}

/// One word of a version and its change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// Byte range of the word in that version's text.
    pub range: Range<usize>,
    /// Its change.
    pub change: Change,
}

/// The words of `a` and of `b`, each marked against the other version.
pub fn word_diff(a: &str, b: &str) -> (Vec<Marked>, Vec<Marked>) {
    let (wa, wb) = (words(a), words(b));
    let fa: Vec<&str> = wa.iter().map(|w| w.folded.as_str()).collect();
    let fb: Vec<&str> = wb.iter().map(|w| w.folded.as_str()).collect();
    let mut ca = vec![Change::Changed; wa.len()];
    let mut cb = vec![Change::Changed; wb.len()];
    let ops = capture_diff_slices(Algorithm::Patience, &fa, &fb);
    for op in &ops {
        if let DiffOp::Equal { old_index, new_index, len } = *op {
            ca[old_index..old_index + len].fill(Change::Same);
            cb[new_index..new_index + len].fill(Change::Same);
        }
    }
    // Words before the first and after the last shared word are the other version's context
    // when the other has nothing there: a fragment is not a change.
    mark_outside(&mut ca, &cb);
    mark_outside(&mut cb, &ca);
    (marked(&wa, ca), marked(&wb, cb))
}

/// Turns the unmatched words at either end of `this` into [`Change::Outside`] where `other`
/// has no unmatched words at that end.
fn mark_outside(this: &mut [Change], other: &[Change]) {
    let lead = |c: &[Change]| c.iter().take_while(|&&x| x != Change::Same).count();
    let trail = |c: &[Change]| c.iter().rev().take_while(|&&x| x != Change::Same).count();
    if lead(other) == 0 {
        let n = lead(this);
        this[..n].fill(Change::Outside);
    }
    if trail(other) == 0 {
        let n = trail(this);
        let len = this.len();
        this[len - n..].fill(Change::Outside);
    }
}

fn marked(words: &[Word], changes: Vec<Change>) -> Vec<Marked> {
    words.iter().zip(changes).map(|(w, change)| Marked { range: w.range.clone(), change }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed<'a>(text: &'a str, marks: &[Marked], which: Change) -> Vec<&'a str> {
        marks.iter().filter(|m| m.change == which).map(|m| &text[m.range.clone()]).collect()
    }

    #[test]
    fn a_replaced_word_is_marked_in_both_versions() {
        let a = "Russia will have to talk to us sooner or later.";
        let b = "“Russia will have to speak to us sooner or later”";
        let (ma, mb) = word_diff(a, b);
        assert_eq!(changed(a, &ma, Change::Changed), ["talk"]);
        assert_eq!(changed(b, &mb, Change::Changed), ["speak"]);
        assert_eq!(changed(b, &mb, Change::Same).len(), 9);
    }

    #[test]
    fn a_fragment_leaves_the_rest_outside_not_changed() {
        let whole = "We need to find a solution that would end the war";
        let part = "find a solution";
        let (mw, mp) = word_diff(whole, part);
        assert_eq!(
            changed(whole, &mw, Change::Outside),
            ["We", "need", "to", "that", "would", "end", "the", "war"]
        );
        assert!(changed(whole, &mw, Change::Changed).is_empty());
        assert!(mp.iter().all(|m| m.change == Change::Same));
    }

    #[test]
    fn case_and_punctuation_are_no_difference() {
        let (ma, mb) = word_diff("I don't bite,", "i DON’T bite");
        assert!(ma.iter().chain(&mb).all(|m| m.change == Change::Same));
    }
}
