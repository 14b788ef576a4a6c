//! Cleaning: a raw document becomes an article of prose paragraphs with a title.
//!
//! Pure text in, article out: no I/O here. Boilerplate (adverts, promos, captions, widget errors)
//! is dropped by the data-driven [`Rules`]; a teaser shown twice and repeated navigation lines
//! are kept once, while the text's own repeated prose stays.

mod paragraphs;
mod rules;
mod title;

use std::collections::hash_map::Entry;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

pub use rules::{BUILTIN as BUILTIN_RULES, Rules, RulesError, RulesFile};
pub use title::from_lede as title_from_lede;

use crate::model::{Article, ArticleId, Meta, RawDoc, collapse_whitespace};
use crate::text::{blank_bom, one_line, sanitize, without_invisible};

/// Cleans a raw document. `None` when nothing of it is prose.
pub fn clean(raw: RawDoc, rules: &Rules) -> Option<Article> {
    // A text given as a string (the Python package, a dataset's field) may keep the mark a
    // file's decoding blanks.
    let text = sanitize(blank_bom(raw.text));
    let mut paragraphs: Vec<Range<usize>> =
        paragraphs::split(&text, |c| rules.is_bullet(c), |s| rules.is_boilerplate(s))
            .into_iter()
            .filter(|p| !p.boilerplate)
            .map(|p| p.range)
            .collect();
    drop_repeats(&text, &mut paragraphs);

    // A title stated apart is untrusted text as the article is: what shows nothing (a
    // byte-order mark, a zero-width space) goes too, or it would split the title's words.
    let stated = raw.title.map(|t| one_line(&without_invisible(&t)));
    let title = match stated.filter(|t| !t.is_empty()) {
        Some(t) => t,
        None => {
            let first = &text[paragraphs.first()?.clone()];
            if paragraphs.len() > 1 && title::is_headline(first) {
                paragraphs.remove(0);
                // Control characters were blanked where they stood: no runs of spaces.
                collapse_whitespace(first).into_owned()
            } else {
                title::from_lede(&collapse_whitespace(first))
            }
        }
    };
    if paragraphs.is_empty() {
        return None;
    }
    let id = if raw.teaser {
        ArticleId::of_teaser(&text, &title, &raw.path)
    } else {
        ArticleId::of(&text)
    };
    Some(Article {
        id,
        path: raw.path,
        title,
        text,
        paragraphs,
        meta: safe_meta(raw.meta),
        offsets: raw.offsets,
    })
}

/// The source's metadata made safe where it enters, as the text is: a feed's or a dataset's
/// fields are as untrusted as the article.
fn safe_meta(meta: Meta) -> Meta {
    let field = |f: Option<String>| f.map(|s| one_line(&s)).filter(|s| !s.is_empty());
    Meta {
        url: field(meta.url),
        date: field(meta.date),
        author: field(meta.author),
        site: field(meta.site),
    }
}

/// Paragraphs among the first this many, shown again later, are a teaser or lede the page
/// shows twice.
const LEDE_PARAGRAPHS: usize = 3;
/// A teaser is a sentence, at least this many words: shorter openings may well come back.
const TEASER_WORDS: usize = 8;
/// A navigation line has at most this many words and no sentence's end.
const NAVIGATION_WORDS: usize = 4;
/// A navigation line shows a few times (top and bottom of a page); one repeated more often is
/// the text's own (a refrain, a litany of answers).
const NAVIGATION_REPEATS: usize = 3;

/// Drops the repeats that are page furniture, keeping the first copy: a teaser or lede among the
/// first paragraphs shown again later, and a short navigation line (a few words, no sentence)
/// shown two or three times. Any other repeat is the text's own (a refrain, an answer said
/// twice, a poem's chorus) and stays. Paragraphs are compared by their words, case,
/// punctuation and spacing aside.
fn drop_repeats(text: &str, paragraphs: &mut Vec<Range<usize>>) {
    let Some(keys) = repeat_keys(text, paragraphs) else { return };
    // The keys are hashes already: a second strong hash of them is wasted.
    let mut counts: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(keys.len(), Default::default());
    for &key in keys.iter().flatten() {
        *counts.entry(key).or_default() += 1;
    }
    // Different words may share a signature: there may still be no repeat.
    if counts.values().all(|&n| n == 1) {
        return;
    }
    let teasers: FxHashSet<u64> = paragraphs
        .iter()
        .zip(&keys)
        .take(LEDE_PARAGRAPHS)
        .filter(|(r, _)| text[(*r).clone()].split_whitespace().count() >= TEASER_WORDS)
        .filter_map(|(_, &k)| k)
        .collect();
    // Each key's first copy.
    let mut first: FxHashMap<u64, Range<usize>> =
        FxHashMap::with_capacity_and_hasher(keys.len(), Default::default());
    let mut keys = keys.into_iter();
    paragraphs.retain(|r| {
        // A paragraph without a key has no copy.
        let Some(Some(key)) = keys.next() else { return true };
        // A first copy always stays: only a repeat is judged, and most paragraphs are none.
        let original = match first.entry(key) {
            Entry::Vacant(slot) => {
                slot.insert(r.clone());
                return true;
            }
            Entry::Occupied(slot) => slot.get().clone(),
        };
        let furniture = teasers.contains(&key)
            || (is_navigation(&text[r.clone()])
                && counts.get(&key).is_some_and(|&n| n <= NAVIGATION_REPEATS));
        !furniture || !same_quotation(&text[original], &text[r.clone()])
    });
}

/// Whether a repeat that holds a quotation says it exactly as the first copy: the key leaves
/// out quote marks and punctuation, so `Okafor said the council …` and `Okafor said: "The
/// council …"` share one, yet the second is a quotation, not the first again; nor is a
/// quotation cut another way (`. . .`, `[…]`). Without quote marks a repeat is a repeat.
fn same_quotation(first: &str, repeat: &str) -> bool {
    let quoted =
        |s: &str| s.contains(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}', '\u{201e}']);
    !(quoted(first) || quoted(repeat)) || first.split_whitespace().eq(repeat.split_whitespace())
}

/// Each paragraph's key ([`key_of`]) where another paragraph has the same [`signature`], `None`
/// where none has: that paragraph is surely no repeat. `None` for the whole when no two
/// paragraphs share a signature, as in most articles. Signatures cost a fraction of keys.
fn repeat_keys(text: &str, paragraphs: &[Range<usize>]) -> Option<Vec<Option<u64>>> {
    let signatures: Vec<(u32, u32)> =
        paragraphs.iter().map(|r| signature(&text[r.clone()])).collect();
    let mut counts: FxHashMap<(u32, u32), usize> =
        FxHashMap::with_capacity_and_hasher(signatures.len(), Default::default());
    for &signature in &signatures {
        *counts.entry(signature).or_default() += 1;
    }
    if counts.len() == signatures.len() {
        return None;
    }
    let mut buffer = Vec::new();
    let keys = paragraphs
        .iter()
        .zip(&signatures)
        .map(|(r, s)| (counts.get(s) > Some(&1)).then(|| key_of(&text[r.clone()], &mut buffer)))
        .collect();
    Some(keys)
}

/// A line of a few words that is no sentence: `Read more`, `Share this article`.
fn is_navigation(paragraph: &str) -> bool {
    let paragraph = paragraph.trim();
    // Counted only as far as the limit: a long paragraph's words need not all be counted.
    paragraph.split_whitespace().take(NAVIGATION_WORDS + 1).count() <= NAVIGATION_WORDS
        && !paragraph.ends_with(['.', '!', '?', '"', '\u{201d}', ':'])
}

/// How many bytes [`signature`] reads at a time: one pass the compiler vectorises over each.
const SIGNATURE_CHUNK: usize = 64;

/// The length and the byte sum of a paragraph's key (see [`key_of`]), found without gathering
/// the key: paragraphs with equal keys have equal signatures, so one whose signature no other
/// paragraph has is no repeat. ASCII is summed in vectorised passes; only characters beyond it
/// are decoded, and only in the chunks that hold them.
fn signature(paragraph: &str) -> (u32, u32) {
    let (mut len, mut sum) = (0u32, 0u32);
    for (n, chunk) in paragraph.as_bytes().chunks(SIGNATURE_CHUNK).enumerate() {
        // Narrow sums, wide enough for one chunk, let the compiler work on more bytes at once.
        let (mut chunk_len, mut chunk_sum, mut high) = (0u8, 0u16, 0u8);
        for &b in chunk {
            // An ASCII letter or digit, lower-cased; a byte beyond ASCII is neither.
            let lower = b | 0x20;
            let kept = (lower.wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'0') < 10);
            chunk_len += u8::from(kept);
            chunk_sum += u16::from(lower & 0u8.wrapping_sub(u8::from(kept)));
            high |= b;
        }
        len = len.wrapping_add(u32::from(chunk_len));
        sum = sum.wrapping_add(u32::from(chunk_sum));
        if high >= 0x80 {
            // Each character beyond ASCII starts at a byte of 0xC0 or more.
            let starts = chunk.iter().enumerate().filter(|(_, b)| **b >= 0xc0);
            for (i, _) in starts {
                let at = n * SIGNATURE_CHUNK + i;
                let Some(c) = paragraph.get(at..).and_then(|s| s.chars().next()) else { continue };
                for b in lower_key_bytes(c) {
                    len = len.wrapping_add(1);
                    sum = sum.wrapping_add(u32::from(b));
                }
            }
        }
    }
    (len, sum)
}

/// The bytes `c` puts in a key: none unless a letter or digit, lower-cased.
fn lower_key_bytes(c: char) -> impl Iterator<Item = u8> {
    is_alphanumeric(c).then(|| c.to_lowercase()).into_iter().flatten().flat_map(|lower| {
        let mut bytes = [0; 4];
        let len = lower.encode_utf8(&mut bytes).len();
        bytes.into_iter().take(len)
    })
}

/// Typographic punctuation: curly quotes, dashes, the ellipsis. Text is full of it, and none
/// of it is a letter or digit.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206f}';

/// [`char::is_alphanumeric`], without the Unicode tables for typographic punctuation.
fn is_alphanumeric(c: char) -> bool {
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
}

/// How many bytes of a paragraph's key are gathered before they are hashed: a huge paragraph
/// (a file that is one line) needs no key as long as itself.
const KEY_CHUNK: usize = 64 << 10;

/// A hash of the paragraph's words, lower-cased, without punctuation or spacing.
fn key_of(paragraph: &str, key: &mut Vec<u8>) -> u64 {
    key.clear();
    // Fed a chunk at a time, the hash is the same as of the whole key at once.
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut i = 0;
    while let Some(&b) = paragraph.as_bytes().get(i) {
        if key.len() >= KEY_CHUNK {
            hasher.update(key);
            key.clear();
        }
        // ASCII a run at a time, up to the next non-ASCII byte: every byte is written
        // lower-cased and kept only when a letter or digit, with no branch to mispredict, into
        // a small buffer whose index never needs a bounds check.
        if b.is_ascii() {
            let bytes = paragraph.as_bytes();
            let run = &bytes[i..bytes.len().min(i + KEY_CHUNK)];
            let end = run.iter().position(|c| !c.is_ascii()).map_or(i + run.len(), |p| i + p);
            let mut buffer = [0u8; 64];
            for piece in bytes[i..end].chunks(buffer.len()) {
                let mut kept = 0;
                for &c in piece {
                    // `kept` stays below the piece's length, at most 64, while it is written.
                    buffer[kept & 63] = c.to_ascii_lowercase();
                    kept += usize::from(c.is_ascii_alphanumeric());
                }
                key.extend_from_slice(&buffer[..kept]);
            }
            i = end;
            continue;
        }
        let Some(c) = paragraph[i..].chars().next() else { break };
        key.extend(lower_key_bytes(c));
        i += c.len_utf8();
    }
    hasher.update(key);
    hasher.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Option<Article> {
        let raw = RawDoc { path: "t.txt".into(), text: text.into(), ..RawDoc::default() };
        clean(raw, &Rules::builtin())
    }

    #[test]
    fn a_paragraph_longer_than_a_key_chunk_keys_as_its_words_do() {
        let paragraph = "Über the Bridge, said Mr. O'Neil: ÉTÉ 2024! ".repeat(4000);
        assert!(paragraph.len() > 2 * KEY_CHUNK);
        let words: String = paragraph
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        let whole = xxhash_rust::xxh3::xxh3_64(words.as_bytes());
        assert_eq!(key_of(&paragraph, &mut Vec::new()), whole);
        assert_eq!(key_of("Read MORE!", &mut Vec::new()), xxhash_rust::xxh3::xxh3_64(b"readmore"));
        // ASCII runs longer than the 64-byte buffer, all letters or with gaps, across its edge.
        for ascii in ["Ab1".repeat(50), format!("{}, {}!", "x".repeat(64), "Y-z ".repeat(40))] {
            let words: String = ascii
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            assert_eq!(
                key_of(&ascii, &mut Vec::new()),
                xxhash_rust::xxh3::xxh3_64(words.as_bytes())
            );
        }
    }

    #[test]
    fn typographic_punctuation_is_no_letter_or_digit() {
        assert!(GENERAL_PUNCTUATION.into_iter().all(|c| !c.is_alphanumeric()));
    }

    #[test]
    fn equal_keys_have_equal_signatures() {
        let key_bytes = |s: &str| {
            let mut key = Vec::new();
            for c in s.chars() {
                key.extend(lower_key_bytes(c));
            }
            key
        };
        // ASCII, Latin letters, a Kelvin sign and a dotted capital I that lower-case into ASCII,
        // curly quotes and dashes, across the edges of the signature's chunks.
        let long = format!("{}\u{212a}İstanbul “Ölçü” – ẞ 2024", "Ab, c-d ".repeat(9));
        for s in ["", "Read more", "Über ÉTÉ: 2024!", "\u{212a}elvin İ", long.as_str()] {
            let key = key_bytes(s);
            let sum = key.iter().map(|&b| u32::from(b)).sum();
            assert_eq!(signature(s), (key.len() as u32, sum), "{s:?}");
            let mut buffer = Vec::new();
            assert_eq!(key_of(s, &mut buffer), xxhash_rust::xxh3::xxh3_64(&key), "{s:?}");
        }
        assert_eq!(signature("Read MORE!"), signature("read more"));
    }

    #[test]
    fn headline_becomes_title_and_leaves_the_body() {
        let a = article("Talks to resume in Minsk\n\nThe talks resume today.\n").unwrap();
        assert_eq!(a.title, "Talks to resume in Minsk");
        assert_eq!(a.paragraph_texts().collect::<Vec<_>>(), ["The talks resume today."]);
    }

    #[test]
    fn a_teaser_shown_twice_is_kept_once() {
        let lede = "The ferry will run all winter, the council decided on Monday night.";
        let text = format!(
            "{lede}\n\nRead more\n\n{}\n\nIt had been due to stop.\n\nRead more\n",
            lede.to_uppercase()
        );
        let a = article(&text).unwrap();
        assert_eq!(
            a.paragraph_texts().collect::<Vec<_>>(),
            [lede, "Read more", "It had been due to stop."]
        );
    }

    #[test]
    fn the_texts_own_repeats_stay() {
        let text = "Q: Will the ferry run?\n\nYes.\n\nQ: All winter?\n\nYes.\n\n\
                    Row, row, row your boat\n\nGently down the stream, said the choir.\n\n\
                    Gently down the stream, said the choir.\n";
        let a = article(text).unwrap();
        let texts: Vec<String> = a.paragraph_texts().map(|p| p.into_owned()).collect();
        assert_eq!(texts.iter().filter(|p| *p == "Yes.").count(), 2, "{texts:?}");
        assert_eq!(texts.iter().filter(|p| p.starts_with("Gently")).count(), 2, "{texts:?}");
        let tiny = "Go on\n\n".repeat(1000);
        // The first is taken for the title; the other 999 stay.
        assert_eq!(article(&tiny).unwrap().paragraphs.len(), 999);
    }

    /// A lede told again as a quotation, or a quotation cut another way, is no teaser repeat:
    /// the key that matches them leaves the quote marks and elisions out.
    #[test]
    fn a_quotation_is_not_dropped_as_a_repeat_of_its_paraphrase() {
        let text = "Harbour row deepens\n\nOkafor said the council has never ignored the \
                    warnings.\n\nOkafor said: \"The council has never ignored the warnings.\"\n\n\
                    \"The council has . . . ignored the warnings,\" Okafor said.\n\n\
                    \"The council has [\u{2026}] ignored the warnings,\" Okafor said.\n";
        let a = article(text).unwrap();
        assert_eq!(a.paragraphs.len(), 4, "{:?}", a.paragraph_texts().collect::<Vec<_>>());
        // A teaser shown again word for word still goes.
        let teaser = "T\n\n\"We will finish the job on time and on budget,\" Okafor said.\n\n\
                      More.\n\n\"We will finish the job on time and on budget,\" Okafor said.\n";
        assert_eq!(article(teaser).unwrap().paragraphs.len(), 3);
    }

    #[test]
    fn all_boilerplate_is_no_article() {
        assert!(article("Advertisement\n\nAdvert\n").is_none());
    }
}
