//! When two quotations are one statement: equal words, one a fragment of the other, or a few
//! words apart. One measure covers all three: the fewest word edits that turn the shorter into
//! some stretch of the longer (a semi-global edit distance; the longer's ends are free).

/// Quotations shorter than this are linked only when their words are equal and the speaker is
/// the same: two articles quoting `"specific"` are not quoting one statement.
pub const MIN_LINK_WORDS: usize = 4;

/// Quotations longer than this are linked only when their words are equal: the comparison is
/// quadratic in the length, and such walls of quoted text are documents, not remarks.
pub const MAX_LINK_WORDS: usize = 400;

/// How many word edits still make two quotations one statement: one in five words of the
/// shorter, at most three.
pub fn allowed_edits(shorter: usize) -> usize {
    (shorter / 5).min(3)
}

/// Whether `a` and `b` (word hashes) are one statement by the rules above.
pub fn same_statement(a: &[u64], b: &[u64]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < MIN_LINK_WORDS || long.len() > MAX_LINK_WORDS {
        return false;
    }
    fragment_distance(short, long, allowed_edits(short.len())).is_some()
}

/// The fewest edits (insert, delete, replace a word) that turn `short` into a stretch of `long`,
/// if no more than `max`.
pub fn fragment_distance(short: &[u64], long: &[u64], max: usize) -> Option<usize> {
    // Row i: the cost of aligning short[..i] ending at each position of long. Row 0 is all
    // zeros: the stretch may start anywhere.
    let mut row = vec![0usize; long.len() + 1];
    let mut next = vec![0usize; long.len() + 1];
    for (i, s) in short.iter().enumerate() {
        next[0] = i + 1;
        for (j, l) in long.iter().enumerate() {
            let replace = row[j] + usize::from(s != l);
            next[j + 1] = replace.min(row[j + 1] + 1).min(next[j] + 1);
        }
        std::mem::swap(&mut row, &mut next);
        if row.iter().min().is_some_and(|&m| m > max) {
            return None;
        }
    }
    row.into_iter().min().filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::words::hashes;

    fn same(a: &str, b: &str) -> bool {
        same_statement(&hashes(a), &hashes(b))
    }

    #[test]
    fn equal_words_match() {
        assert!(same(
            "We are not afraid to talk to Russia.",
            "“we are NOT afraid to talk to russia”"
        ));
    }

    #[test]
    fn a_fragment_matches_the_whole() {
        let whole = "We need to find a solution that would not only put an end to the war";
        assert!(same("find a solution that would not only put an end", whole));
        assert!(!same("an end to", whole), "three words are too few to tell");
    }

    #[test]
    fn a_changed_word_matches_in_a_long_enough_quote() {
        assert!(same(
            "Russia will have to talk to us sooner or later",
            "Russia will have to speak to us sooner or later"
        ));
        assert!(!same(
            "Russia will have to talk to us sooner or later",
            "Ukraine will never want to talk to them again, not ever"
        ));
    }

    #[test]
    fn distance_counts_edits_inside_the_stretch_only() {
        let long = hashes("a b c d e f g h");
        assert_eq!(fragment_distance(&hashes("c d e"), &long, 0), Some(0));
        assert_eq!(fragment_distance(&hashes("c x e"), &long, 1), Some(1));
        assert_eq!(fragment_distance(&hashes("c x y"), &long, 1), None);
    }
}
