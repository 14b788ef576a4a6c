//! Groups of quotations that are one statement, built as quotations arrive and never by
//! comparing every pair.
//!
//! Quotations with equal words share a *class*, found by hashing the words: a repeated statement
//! costs one lookup. A new class is compared only with the classes that share a pair of
//! consecutive words with it (a shingle index), and only with those that share enough pairs to
//! be within the allowed edits (see [`super::align`]); linked classes are joined in a union-find.

use std::collections::HashMap;

use xxhash_rust::xxh3::Xxh3;

use super::align::{MAX_LINK_WORDS, MIN_LINK_WORDS, allowed_edits, same_statement};

/// Words per shingle. Two, not three: one changed word in a five-word quotation spoils every
/// run of three, but leaves two pairs.
const SHINGLE: usize = 2;
/// Classes listed under one shingle at most. A pair of words more common than that (`of the`)
/// says little; and a new version of a statement shares many pairs with the statement's first
/// versions, which are the ones listed. Counting shingles is most of the grouping's work:
/// this bounds it per new wording.
const POSTING_CAP: usize = 16;
/// Candidate classes compared with a new class at most, the likeliest first.
const CANDIDATE_CAP: usize = 16;

#[cfg(test)]
thread_local! {
    /// Groups walked by [`Groups::quotes_of_group`] on this thread: tests count them to show
    /// that a caller's work grows with the statements, not with every quotation of each.
    pub(super) static WALKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Identifies a class of quotations with equal words.
pub type ClassId = u32;

#[derive(Clone, Debug)]
struct Class {
    words: Box<[u64]>,
    quotes: Vec<u32>,
}

/// The quotation groups.
#[derive(Clone, Debug, Default)]
pub struct Groups {
    by_hash: HashMap<u64, ClassId>,
    classes: Vec<Class>,
    /// Union-find parent of each class.
    parent: Vec<ClassId>,
    /// The classes of each group, kept at its root.
    members: Vec<Vec<ClassId>>,
    postings: HashMap<u64, Vec<ClassId>>,
}

impl Groups {
    /// Files quotation `quote` (a number the caller gives) with words `words`; `speaker` tells
    /// short quotations apart (see [`MIN_LINK_WORDS`]). Returns its class.
    pub fn add(&mut self, quote: u32, words: &[u64], speaker: u64) -> ClassId {
        let short = words.len() < MIN_LINK_WORDS;
        let hash = words_hash(words, if short { speaker } else { 0 });
        if let Some(&class) = self.by_hash.get(&hash) {
            self.classes[class as usize].quotes.push(quote);
            return class;
        }
        let class = ClassId::try_from(self.classes.len()).unwrap_or(ClassId::MAX);
        self.by_hash.insert(hash, class);
        self.classes.push(Class { words: words.into(), quotes: vec![quote] });
        self.parent.push(class);
        self.members.push(vec![class]);
        if !short && words.len() <= MAX_LINK_WORDS {
            for other in self.candidates(words) {
                // Already linked through another class: no need to compare.
                if self.root(other) == self.root(class) {
                    continue;
                }
                if same_statement(words, &self.classes[other as usize].words) {
                    self.union(class, other);
                }
            }
            self.post(class, words);
        }
        class
    }

    /// Files one more quotation `quote` in `class`, a class [`Groups::add`] returned for the
    /// same words and speaker: what `add` does then, without hashing the words again.
    pub fn add_to(&mut self, class: ClassId, quote: u32) {
        if let Some(c) = self.classes.get_mut(class as usize) {
            c.quotes.push(quote);
        }
    }

    /// The classes sharing enough shingles with `words` to be one statement, likeliest first.
    fn candidates(&self, words: &[u64]) -> Vec<ClassId> {
        let mut shared: HashMap<ClassId, usize> = HashMap::new();
        for s in shingles(words) {
            for &c in self.postings.get(&s).into_iter().flatten() {
                *shared.entry(c).or_default() += 1;
            }
        }
        let mut found: Vec<(ClassId, usize)> = shared
            .into_iter()
            .filter(|&(c, n)| {
                // An edit spoils at most SHINGLE shingles of the shorter of the two.
                let other = self.classes[c as usize].words.len();
                let short = words.len().min(other);
                let needed = (short + 1)
                    .saturating_sub(SHINGLE)
                    .saturating_sub(SHINGLE * allowed_edits(short));
                n >= needed.max(1)
            })
            .collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        found.into_iter().take(CANDIDATE_CAP).map(|(c, _)| c).collect()
    }

    fn post(&mut self, class: ClassId, words: &[u64]) {
        for s in shingles(words) {
            let list = self.postings.entry(s).or_default();
            if list.len() < POSTING_CAP && list.last() != Some(&class) {
                list.push(class);
            }
        }
    }

    fn root(&self, mut class: ClassId) -> ClassId {
        // Union by size keeps the trees shallow: no path compression needed, and reads stay &self.
        while self.parent[class as usize] != class {
            class = self.parent[class as usize];
        }
        class
    }

    fn union(&mut self, a: ClassId, b: ClassId) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return;
        }
        let (big, small) = if self.members[ra as usize].len() >= self.members[rb as usize].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small as usize] = big;
        let moved = std::mem::take(&mut self.members[small as usize]);
        self.members[big as usize].extend(moved);
    }

    /// Every quotation of the group of `class`, in the order they were added.
    pub fn quotes_of_group(&self, class: ClassId) -> Vec<u32> {
        #[cfg(test)]
        WALKS.with(|w| w.set(w.get() + 1));
        let Some(members) = self.members.get(self.root(class) as usize) else {
            return Vec::new();
        };
        let mut out: Vec<u32> =
            members.iter().flat_map(|&c| self.classes[c as usize].quotes.iter().copied()).collect();
        out.sort_unstable();
        out
    }

    /// The group of `class`: the same number for every class of one group.
    pub fn group(&self, class: ClassId) -> u32 {
        self.root(class)
    }

    /// How many groups there are (distinct statements).
    pub fn groups(&self) -> usize {
        self.members.iter().filter(|m| !m.is_empty()).count()
    }

    /// How many classes there are (distinct wordings).
    pub fn classes(&self) -> usize {
        self.classes.len()
    }
}

fn words_hash(words: &[u64], seed: u64) -> u64 {
    let mut h = Xxh3::with_seed(seed);
    for w in words {
        h.update(&w.to_le_bytes());
    }
    h.digest()
}

fn shingles(words: &[u64]) -> impl Iterator<Item = u64> + '_ {
    words.windows(SHINGLE).map(|w| words_hash(w, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::words::hashes;

    #[test]
    fn equal_fragment_and_changed_quotes_group_and_others_do_not() {
        let mut g = Groups::default();
        let a = g.add(0, &hashes("Russia will have to talk to us sooner or later."), 1);
        let b = g.add(1, &hashes("“russia will have to talk to us sooner or later”"), 2);
        let c = g.add(2, &hashes("Russia will have to speak to us sooner or later"), 3);
        let d = g.add(3, &hashes("have to talk to us sooner"), 4);
        let e = g.add(4, &hashes("We are not afraid to talk to Russia."), 1);
        assert_eq!(a, b, "equal words share a class");
        assert_eq!(g.group(a), g.group(c));
        assert_eq!(g.group(a), g.group(d));
        assert_ne!(g.group(a), g.group(e));
        assert_eq!(g.quotes_of_group(c), [0, 1, 2, 3]);
        assert_eq!(g.quotes_of_group(e), [4]);
    }

    #[test]
    fn short_quotes_group_only_with_the_same_words_and_speaker() {
        let mut g = Groups::default();
        let a = g.add(0, &hashes("specific"), 7);
        let b = g.add(1, &hashes("Specific"), 7);
        let c = g.add(2, &hashes("specific"), 8);
        assert_eq!(g.group(a), g.group(b));
        assert_ne!(g.group(a), g.group(c));
    }

    #[test]
    fn a_link_found_late_joins_two_groups() {
        let mut g = Groups::default();
        let a = g.add(0, &hashes("one two three four five six seven eight"), 0);
        let b = g.add(1, &hashes("eleven twelve thirteen fourteen fifteen sixteen"), 0);
        assert_ne!(g.group(a), g.group(b));
        let whole = "one two three four five six seven eight nine ten eleven twelve thirteen \
                     fourteen fifteen sixteen";
        let c = g.add(2, &hashes(whole), 0);
        assert_eq!(g.group(a), g.group(c));
        assert_eq!(g.group(b), g.group(c));
        assert_eq!(g.quotes_of_group(a), [0, 1, 2]);
    }
}
