//! When two names are one speaker's: the rules, and the grouping of one bucket's names into
//! identities by them. Person names are compared by their keys (see [`super::fold::name_key`]).
//!
//! - Surnames match when their keys are equal, or are so alike (Jaro-Winkler) that they can only
//!   be two transliterations (`Gorbachev` / `Gorbachyov`) — but never a Slavic masculine and
//!   feminine pair (`Putin` / `Putina`), who are two people.
//! - Given names match when equal after the alias list (`Joe` / `Joseph`), when one is an
//!   initial of the other, or when alike and of the same length give or take a letter.
//! - A full name joins the most quoted identity whose surname and given name both match.
//! - A bare surname joins the one identity with a given name that has its surname. Where there
//!   are two or more (`Ivan Petrov` and `Olga Petrov`), it joins none of them and stays a speaker
//!   of its own: attaching it to the most quoted would guess, and a fact-checker is better served
//!   by an honest "Petrov" than by a quote put in the wrong mouth.

use strsim::jaro_winkler;

use crate::extract::Lexicon;

/// How alike two keys of different spelling must be to be one surname.
const SURNAME_LIKENESS: f64 = 0.92;
/// How alike two given names of different spelling must be to be one.
const GIVEN_LIKENESS: f64 = 0.92;

/// Two surname keys are one surname.
pub fn same_surname(a: &str, b: &str) -> bool {
    a == b
        || (!gendered_pair(a, b)
            && a.len().abs_diff(b.len()) <= 2
            && jaro_winkler(a, b) >= SURNAME_LIKENESS)
}

/// Two given-name keys are one given name.
pub fn same_given(a: &str, b: &str) -> bool {
    let initial = |x: &str, y: &str| x.len() == 1 && y.starts_with(x);
    a == b
        || initial(a, b)
        || initial(b, a)
        || (a.len().abs_diff(b.len()) <= 1
            && a.chars().next() == b.chars().next()
            && jaro_winkler(a, b) >= GIVEN_LIKENESS)
}

/// `putin` / `putina`, `zelenski` / `zelenskaia`: once the shared start is taken away, only
/// vowels are left, one of them ending in `a`.
fn gendered_pair(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[common..], &b[common..]);
    let vowels = |s: &str| s.bytes().all(|c| b"aeiou".contains(&c));
    vowels(ra) && vowels(rb) && (ra.ends_with('a') != rb.ends_with('a'))
}

/// How alike two organisation names of different spelling must be to be one.
const ORGANISATION_LIKENESS: f64 = 0.95;

/// Two folded organisation names are one organisation's (`ministry of defence` /
/// `ministry of defense`).
pub fn same_organisation(a: &str, b: &str) -> bool {
    a == b || jaro_winkler(a, b) >= ORGANISATION_LIKENESS
}

/// The bucket of a folded organisation name: the initials of its words but the small ones.
pub fn organisation_bucket(folded: &str, lex: &Lexicon) -> String {
    let words = folded.split(' ').filter(|w| !lex.is_skipped_in_initials(w));
    words.filter_map(|w| w.chars().next()).collect()
}

/// A name as the grouping sees it.
#[derive(Clone, Copy, Debug)]
pub struct Member<'a> {
    /// The given-name key, if any.
    pub given: Option<&'a str>,
    /// The surname key.
    pub surname: &'a str,
    /// How many quotes it has: the most quoted name of an identity represents it.
    pub weight: usize,
    /// A tie-breaker that makes the grouping independent of loading order.
    pub key: &'a str,
}

/// Groups the names of one bucket into identities: `out[i]` is the identity (numbered from 0)
/// of `members[i]`.
pub fn group(members: &[Member]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    // Full names first, most quoted first: they found the identities bare surnames then join.
    order.sort_by(|&i, &j| {
        let (a, b) = (&members[i], &members[j]);
        (b.given.is_some(), b.weight, a.key).cmp(&(a.given.is_some(), a.weight, b.key))
    });
    let mut reps: Vec<usize> = Vec::new();
    let mut out = vec![0; members.len()];
    for i in order {
        let m = &members[i];
        let fits = |r: &usize| same_surname(members[*r].surname, m.surname);
        let found = match m.given {
            Some(g) => reps
                .iter()
                .position(|r| fits(r) && members[*r].given.is_some_and(|rg| same_given(rg, g))),
            None => {
                let named: Vec<usize> = (0..reps.len())
                    .filter(|&k| fits(&reps[k]) && members[reps[k]].given.is_some())
                    .collect();
                match named.as_slice() {
                    [only] => Some(*only),
                    // None or several named: one identity for the bare surname itself.
                    _ => (0..reps.len())
                        .find(|&k| fits(&reps[k]) && members[reps[k]].given.is_none()),
                }
            }
        };
        out[i] = found.unwrap_or_else(|| {
            reps.push(i);
            reps.len() - 1
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<'a>(given: Option<&'a str>, surname: &'a str, weight: usize) -> Member<'a> {
        Member { given, surname, weight, key: surname }
    }

    #[test]
    fn surnames() {
        assert!(same_surname("gorbachev", "gorbachiov"));
        assert!(!same_surname("putin", "putina"));
        assert!(!same_surname("zelenski", "zelenskaia"));
        assert!(!same_surname("putin", "patin"));
    }

    #[test]
    fn organisations() {
        assert!(same_organisation("ministry of defence", "ministry of defense"));
        assert!(!same_organisation("ministry of defence", "ministry of finance"));
        let lex = Lexicon::builtin();
        assert_eq!(organisation_bucket("ministry of defence", &lex), "md");
    }

    #[test]
    fn given_names() {
        assert!(same_given("v", "vladimir"));
        assert!(same_given("volodimir", "volodimyr"));
        assert!(!same_given("joseph", "josephine"));
        assert!(!same_given("ivan", "olga"));
    }

    #[test]
    fn one_full_name_takes_the_bare_surname() {
        let g = group(&[m(None, "peskov", 1), m(Some("dmitri"), "peskov", 3)]);
        assert_eq!(g[0], g[1]);
    }

    #[test]
    fn a_shared_surname_keeps_people_apart_and_the_bare_surname_on_its_own() {
        let g = group(&[
            m(Some("ivan"), "petrov", 5),
            m(Some("olga"), "petrov", 2),
            m(None, "petrov", 1),
            m(None, "petrov", 1),
        ]);
        assert_ne!(g[0], g[1]);
        assert_ne!(g[2], g[0]);
        assert_ne!(g[2], g[1]);
        assert_eq!(g[2], g[3]);
    }

    #[test]
    fn the_order_of_the_names_does_not_matter() {
        let a = [m(Some("ivan"), "petrov", 5), m(None, "petrov", 1), m(Some("i"), "petrov", 1)];
        let b = [a[2], a[1], a[0]];
        let (ga, gb) = (group(&a), group(&b));
        assert_eq!(ga[0], ga[1]);
        assert_eq!(ga[0], ga[2]);
        assert_eq!(gb[0], gb[1]);
        assert_eq!(gb[0], gb[2]);
    }
}
