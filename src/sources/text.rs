//! Plain text and Markdown: decoding bytes into text.

use super::ProblemKind;
use super::detect::looks_binary;
use crate::model::{Offsets, RawDoc};
use crate::text::{INVISIBLE, blank_bom};

/// A UTF-16 document (a Windows "Unicode text" file), told by its byte-order mark, as UTF-8
/// without the mark; any other bytes as they are. Offsets in such a document are the UTF-8
/// text's, not the file's.
pub(super) fn from_utf16(bytes: Vec<u8>) -> Vec<u8> {
    match encoding_rs::Encoding::for_bom(&bytes) {
        Some((encoding, bom)) if encoding != encoding_rs::UTF_8 => {
            let rest = bytes.get(bom..).unwrap_or_default();
            encoding.decode_without_bom_handling(rest).0.into_owned().into_bytes()
        }
        _ => bytes,
    }
}

/// True when `head` starts with a UTF-16 byte-order mark.
pub(super) fn is_utf16(head: &[u8]) -> bool {
    head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff])
}

/// Decodes a file's bytes as text. Returns the text and, when bad UTF-8 was replaced, where the
/// text's offsets are in the file.
pub(super) fn decode(bytes: Vec<u8>) -> Result<(String, Option<Offsets>), ProblemKind> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ProblemKind::Empty);
    }
    if looks_binary(&bytes) {
        return Err(ProblemKind::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((blank_bom(text), None)),
        Err(e) => {
            let (text, offsets) = lossy(e.as_bytes());
            Ok((blank_bom(text), Some(offsets)))
        }
    }
}

/// What `String::from_utf8_lossy` gives, and where each replacement leaves the text and the
/// file.
fn lossy(bytes: &[u8]) -> (String, Offsets) {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut offsets = Offsets::default();
    let mut file = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        file += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            file += chunk.invalid().len();
            offsets.push(text.len(), file);
        }
    }
    (text, offsets)
}

/// Whether `c` shows nothing inside a word and goes: one of the characters a page drops
/// ([`INVISIBLE`]: the soft hyphen, the word joiner, a byte-order mark past the text's start),
/// but the zero-width space, which a text or a record keeps: it is where words part in scripts
/// written without spaces (Thai, Khmer), and quotations taken from the file hold it.
fn inside_word(c: char) -> bool {
    c != '\u{200b}' && INVISIBLE.contains(&c)
}

/// A text given as a string (by a library's caller), read as a plain-text file's decoded text
/// is: a leading byte-order mark blanked, soft hyphens, word joiners and later byte-order marks
/// dropped, its offsets into `text` as given.
pub fn text_doc(text: &str, title: Option<String>) -> RawDoc {
    let (text, offsets) = drop_invisible(blank_bom(text.to_string()), Offsets::default());
    RawDoc { path: String::new(), text, title, offsets, ..RawDoc::default() }
}

/// `text` without the characters [`inside_word`] tells: left in, `gov\u{ad}ernment` is not the word
/// `government`, and the reader shows a hyphen where the text has none. `offsets` (the decoded
/// text's, into the file) are made the new text's, so that they still point into the file.
pub(super) fn drop_invisible(text: String, offsets: Offsets) -> (String, Offsets) {
    // Found by the lead bytes of their UTF-8 (vectorised): most texts have none, and are not
    // decoded again.
    let invisible_at =
        |i: usize| text.get(i..).and_then(|rest| rest.chars().next()).is_some_and(inside_word);
    let found = memchr::memchr3_iter(0xc2, 0xe2, 0xef, text.as_bytes()).find(|&i| invisible_at(i));
    let Some(first) = found else {
        return (text, offsets);
    };
    let mut remove = vec![false; text.len()];
    for (at, c) in text[first..].char_indices() {
        if inside_word(c) {
            remove[first + at..first + at + c.len_utf8()].fill(true);
        }
    }
    take_out(text, offsets, &remove)
}

/// `text` without the bytes `remove` marks (whole characters), and `offsets` (the text's, into
/// the file) made the new text's: a break after each run taken out, composed with the breaks
/// `offsets` already has.
pub(super) fn take_out(text: String, offsets: Offsets, remove: &[bool]) -> (String, Offsets) {
    let kept: Vec<u8> =
        text.as_bytes().iter().zip(remove).filter(|(_, r)| !**r).map(|(b, _)| *b).collect();
    // Where the new text's bytes were in the old text: a break after each run taken out.
    let mut ours = Offsets::default();
    let mut taken = 0;
    for (at, r) in remove.iter().enumerate() {
        if *r {
            taken += 1;
        } else if at > 0 && remove[at - 1] {
            ours.push(at - taken, at);
        }
    }
    // Composed with the earlier map: a break wherever either map has one.
    let mut breaks: Vec<usize> = ours.breaks().collect();
    let mut earlier: Vec<usize> = offsets.breaks().collect();
    earlier.sort_unstable();
    // Counted in one walk, not from the start for each break: a file may hold many.
    let (mut removed, mut counted) = (0, 0);
    for old in earlier {
        let upto = old.clamp(counted, remove.len());
        removed += remove[counted..upto].iter().filter(|r| **r).count();
        counted = upto;
        breaks.push(old - removed);
    }
    breaks.sort_unstable();
    breaks.dedup();
    let mut composed = Offsets::default();
    for at in breaks {
        composed.push(at, offsets.in_file(ours.in_file(at)));
    }
    let text = String::from_utf8(kept)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, composed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_binary_empty_and_lossy() {
        assert_eq!(decode(b"hello".to_vec()), Ok(("hello".into(), None)));
        assert_eq!(decode(b" \n\t".to_vec()), Err(ProblemKind::Empty));
        assert_eq!(decode(b"PK\x03\x04\0\0binary".to_vec()), Err(ProblemKind::Binary));
        let file = b"caf\xe9 au \xff\xfelait";
        let (text, offsets) = decode(file.to_vec()).unwrap();
        assert_eq!(text, String::from_utf8_lossy(file));
        let offsets = offsets.expect("replaced");
        let lait = text.find("lait").unwrap();
        assert_eq!(&file[offsets.in_file(lait)..], b"lait");
    }

    #[test]
    fn invisible_characters_are_dropped_and_offsets_still_find_the_file() {
        let file = b"caf\xe9 gov\xc2\xadern\xc2\xadment said\xef\xbb\xbf \xff yes\xe2\x81\xa0.";
        let (text, offsets) = decode(file.to_vec()).unwrap();
        let (text, offsets) = drop_invisible(text, offsets.unwrap_or_default());
        assert_eq!(text, "caf\u{fffd} government said \u{fffd} yes.");
        for (word, at) in [("government", 7), ("said", 18), ("yes.", 27)] {
            assert_eq!(text.get(at..at + word.len()), Some(word));
            let (start, end) = (offsets.in_file(at), offsets.in_file(at + word.len()));
            let sliced = String::from_utf8_lossy(&file[start..end]).replace(inside_word, "");
            assert_eq!(sliced, word);
        }
        // Zero-width spaces part words, and stay.
        let plain = "nothing to drop \u{201c}here\u{201d} or\u{200b}here".to_string();
        assert_eq!(drop_invisible(plain.clone(), Offsets::default()), (plain, Offsets::default()));
    }

    #[test]
    fn utf16_with_a_bom_is_text() {
        let text = "OKAFOR: Zoë’s wall 👍\n";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert!(is_utf16(&le) && is_utf16(&be) && !is_utf16(text.as_bytes()));
        assert_eq!(from_utf16(le), text.as_bytes());
        assert_eq!(from_utf16(be), text.as_bytes());
        assert_eq!(from_utf16(b"plain".to_vec()), b"plain");
        // A UTF-8 mark is blanked, so that offsets still hold.
        let marked = decode("\u{feff}OKAFOR: yes".as_bytes().to_vec());
        assert_eq!(marked, Ok(("   OKAFOR: yes".into(), None)));
    }
}
