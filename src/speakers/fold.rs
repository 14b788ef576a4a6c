//! Folding text so that spellings of one word meet: ASCII, lower case, and for names, the
//! usual differences between transliterations (`Zelenskyy` / `Zelenskiy` / `Zelensky`,
//! `Peskov` / `Peskow`, `Sergei` / `Sergey`) folded away.

/// `s` in lower-case ASCII: accents dropped, other scripts transliterated (`Зеленский` →
/// `zelenskii`), curly apostrophes straightened.
pub fn ascii_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    deunicode::deunicode(s).to_ascii_lowercase()
}

/// `word` without a possessive ending (`Putin's`, `Zelenskyy’s`, `Lavrovs'`).
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

/// Spellings that transliterations of one sound use, longest first, and the one they fold to.
const SPELLINGS: &[(&str, &str)] = &[
    ("shch", "sh"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    ("ck", "k"),
    ("ph", "f"),
    ("ou", "u"),
    ("w", "v"),
    ("x", "ks"),
    ("j", "i"),
    ("y", "i"),
];

/// The key of one name word under which its transliterations meet: ASCII letters only, lower
/// case, possessive dropped, `SPELLINGS` folded, `-off` read as `-ov`, doubled letters single.
pub fn name_key(word: &str) -> String {
    let lower = ascii_lower(strip_possessive(word.trim_matches(|c: char| !c.is_alphanumeric())));
    let letters: String = lower.chars().filter(char::is_ascii_lowercase).collect();
    let mut out = String::with_capacity(letters.len());
    let mut rest = letters.as_str();
    'outer: while !rest.is_empty() {
        for (from, to) in SPELLINGS {
            if let Some(tail) = rest.strip_prefix(from) {
                out.push_str(to);
                rest = tail;
                continue 'outer;
            }
        }
        let mut chars = rest.chars();
        out.extend(chars.next());
        rest = chars.as_str();
    }
    if let Some(stem) = out.strip_suffix("off") {
        out = format!("{stem}ov");
    }
    let mut key = String::with_capacity(out.len());
    for c in out.chars() {
        if !key.ends_with(c) {
            key.push(c);
        }
    }
    key
}

/// The bucket a name key is filed under: its first letter and its consonants. Names in one
/// bucket are compared with a similarity measure; names in different buckets never are.
pub fn skeleton(key: &str) -> String {
    let mut chars = key.chars();
    let mut out: String = chars.next().into_iter().collect();
    for c in chars.filter(|c| !"aeiou".contains(*c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_key() {
        for group in [
            &["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyy’s", "ZELENSKY"][..],
            &["Peskov", "Peskow"],
            &["Sergei", "Sergey"],
            &["Smirnov", "Smirnoff"],
            &["Janukowitsch", "Yanukovich"],
            &["Khodorkovsky", "Hodorkovskij"],
            &["Зеленский", "Zelenskii"],
        ] {
            let keys: Vec<String> = group.iter().map(|w| name_key(w)).collect();
            assert!(keys.windows(2).all(|w| w[0] == w[1]), "{group:?} gave {keys:?}");
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        assert_ne!(name_key("Putin"), name_key("Peskov"));
        assert_ne!(name_key("Putin"), name_key("Putina"));
        assert_ne!(name_key("Lavrov"), name_key("Lavrova"));
    }

    #[test]
    fn skeleton_keeps_first_letter_and_consonants() {
        assert_eq!(skeleton(&name_key("Zelenskyy")), "zlnsk");
        assert_eq!(skeleton(&name_key("Gorbachev")), skeleton(&name_key("Gorbachyov")));
    }

    #[test]
    fn ascii_lower_folds_accents_and_apostrophes() {
        assert_eq!(ascii_lower("Erdoğan’s"), "erdogan's");
    }
}
