//! Titles: the headline when the text starts with one, else one made from the lede.

/// Longest derived title, in characters, before it is clipped with `…`.
const MAX_TITLE_CHARS: usize = 80;

/// Whether a first paragraph reads as a headline: one short line with no sentence-final period.
pub(super) fn is_headline(first: &str) -> bool {
    let words = first.split_whitespace().count();
    !first.contains('\n')
        && (2..=25).contains(&words)
        && first.chars().count() <= 200
        && !first.trim_end_matches(['"', '\'', '”', '’', ')']).ends_with(['.', ',', ';', ':'])
}

/// A title made from the lede: its first sentence, clipped at a word boundary with `…`.
pub fn from_lede(lede: &str) -> String {
    let sentence = first_sentence(lede).trim_end_matches('.');
    if sentence.chars().count() <= MAX_TITLE_CHARS {
        return sentence.to_string();
    }
    let mut out = String::new();
    for word in sentence.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 >= MAX_TITLE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One endless word: clip it by characters.
        out = sentence.chars().take(MAX_TITLE_CHARS - 1).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '-', '–', '—']);
    format!("{out}…")
}

/// The first sentence: up to a `.`, `!` or `?` followed by a space and a capital letter or
/// quote mark, unless the word before the stop is an abbreviation or an initial.
fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') || bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = text[i + 2..].chars().next();
        let word = text[..i].rsplit([' ', '\n']).next().unwrap_or("");
        let abbreviation = c == '.' && (is_initialism(word) || ABBREVIATIONS.contains(&word));
        if next.is_some_and(|n| n.is_uppercase() || "\"“‘'".contains(n)) && !abbreviation {
            return &text[..=i];
        }
    }
    text
}

/// "U.S", "J", "D.C": dotted capitals.
fn is_initialism(word: &str) -> bool {
    !word.is_empty() && word.split('.').all(|p| p.len() == 1 && p.chars().all(char::is_uppercase))
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt",
    "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept",
    "Sep", "Oct", "Nov", "Dec", "Rev", "Pres", "Gov", "Mt", "Ft", "approx", "etc",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines() {
        assert!(is_headline("Putin ready to send negotiation team for talks"));
        assert!(is_headline("Will the talks go ahead?"));
        assert!(!is_headline("Russia has said it is open to talks."));
        assert!(!is_headline("Word"));
    }

    #[test]
    fn lede_titles_stop_at_the_first_sentence_and_clip() {
        assert_eq!(
            from_lede("Mr. Smith went to Washington. He said no."),
            "Mr. Smith went to Washington"
        );
        assert_eq!(from_lede("The U.S. Senate voted. Then it rested."), "The U.S. Senate voted");
        let long = from_lede(
            "Russian president Vladimir Putin has said he is prepared to hold talks with Ukraine, as his forces continue to advance.",
        );
        assert!(long.ends_with('…') && long.chars().count() <= 80, "{long}");
        assert!(long.starts_with("Russian president Vladimir Putin has said"));
    }
}
