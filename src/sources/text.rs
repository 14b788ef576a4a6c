//! Plain text and Markdown: decoding bytes into text.

use super::ProblemKind;
use super::detect::looks_binary;
use crate::model::Offsets;

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
        Ok(text) => Ok((strip_bom(text), None)),
        Err(e) => {
            let (text, offsets) = lossy(e.as_bytes());
            Ok((strip_bom(text), Some(offsets)))
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

/// A byte-order mark is not text; blank it (3 bytes) rather than remove it, so offsets hold.
fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => format!("   {rest}"),
        None => text,
    }
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
}
