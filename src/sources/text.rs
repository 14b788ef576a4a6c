//! Plain text and Markdown: decoding bytes into text.

use super::ProblemKind;
use super::detect::looks_binary;

/// Decodes a file's bytes as text. Returns the text and whether bad UTF-8 was replaced.
pub fn decode(bytes: Vec<u8>) -> Result<(String, bool), ProblemKind> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ProblemKind::Empty);
    }
    if looks_binary(&bytes) {
        return Err(ProblemKind::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((strip_bom(text), false)),
        Err(e) => Ok((strip_bom(String::from_utf8_lossy(e.as_bytes()).into_owned()), true)),
    }
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
        assert_eq!(decode(b"hello".to_vec()), Ok(("hello".into(), false)));
        assert_eq!(decode(b" \n\t".to_vec()), Err(ProblemKind::Empty));
        assert_eq!(decode(b"PK\x03\x04\0\0binary".to_vec()), Err(ProblemKind::Binary));
        let (text, lossy) = decode(b"caf\xe9 au lait".to_vec()).unwrap();
        assert!(lossy);
        assert_eq!(text, "caf\u{fffd} au lait");
    }
}
