//! Slugs: names and titles as ids that are safe in file names and URLs.

/// The first `max_words` words of `text` folded to lower-case ASCII and joined by `-`
/// (`Dmitry Peskov` → `dmitry-peskov`, `Café au lait` → `cafe-au-lait`); empty when `text` has
/// no letter or digit. Callers choose their own fallback.
pub fn slug(text: &str, max_words: usize) -> String {
    let folded = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        deunicode::deunicode(text).to_ascii_lowercase()
    };
    let words = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    words.take(max_words).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn words_folded_to_ascii_and_joined() {
        assert_eq!(slug("Dmitry Peskov", usize::MAX), "dmitry-peskov");
        assert_eq!(
            slug("  Volodymyr Zelenskyy's office!", usize::MAX),
            "volodymyr-zelenskyy-s-office"
        );
        assert_eq!(slug("Café au lait: a long title here", 3), "cafe-au-lait");
        assert_eq!(slug("«—»", 6), "");
    }
}
