//! Plain text and Markdown: decoding bytes into text.

use super::ProblemKind;
use super::detect::looks_binary;
use crate::model::Offsets;
use crate::text::blank_bom;

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
