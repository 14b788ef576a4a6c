//! JSON strings written straight into a buffer, escaped as `serde_json` escapes them and then
//! as [`super::escape_json`] does: `saidso quotes` writes every row's strings this way, and
//! serde's byte-at-a-time escaping was a tenth of that command's work.

/// Appends `s` to `out` as a JSON string in quotes: `"` and `\` escaped, C0 controls as
/// `serde_json` writes them (`\n`, `\u001b`), and C1 and bidi controls as `\uXXXX`, so that
/// the bytes are those of `escape_json(serde_json::to_string(s))`.
pub fn push_json_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut from = 0;
    // One pass the compiler vectorises tells which bytes occur: most strings (names, cues,
    // ids) need no escape at all, and are copied whole.
    let (mut control, mut other) = (false, false);
    for &b in bytes {
        control |= b < 0x20 || b == 0xc2;
        other |= b == b'"' || b == b'\\' || b == 0xe2;
    }
    if control {
        for i in 0..bytes.len() {
            from = escape_at(out, bytes, i, from);
        }
    } else if other {
        // Without a C0 control or a C1 lead byte, only `"`, `\` and the lead byte of a bidi
        // control can need escaping: three bytes a vectorised search finds.
        for i in memchr::memchr3_iter(b'"', b'\\', 0xe2, bytes) {
            from = escape_at(out, bytes, i, from);
        }
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

/// When `bytes[i]` starts a character to escape (and is not inside one already escaped, before
/// `from`): appends the bytes from `from` up to it and its escape, and returns where the text
/// goes on. Otherwise returns `from`.
fn escape_at(out: &mut Vec<u8>, bytes: &[u8], i: usize, from: usize) -> usize {
    if i < from {
        return from;
    }
    let (escape, len): (&[u8], usize) = match bytes[i..] {
        [b'"', ..] => (b"\\\"", 1),
        [b'\\', ..] => (b"\\\\", 1),
        [0x08, ..] => (b"\\b", 1),
        [b'\t', ..] => (b"\\t", 1),
        [b'\n', ..] => (b"\\n", 1),
        [0x0c, ..] => (b"\\f", 1),
        [b'\r', ..] => (b"\\r", 1),
        [c, ..] if c < 0x20 => return unicode_escape(out, bytes, from..i, u32::from(c), 1),
        // U+0080…U+009F.
        [0xc2, c @ 0x80..=0x9f, ..] => return unicode_escape(out, bytes, from..i, u32::from(c), 2),
        // U+202A…U+202E and U+2066…U+2069.
        [0xe2, 0x80, c @ 0xaa..=0xae, ..] => {
            return unicode_escape(out, bytes, from..i, 0x2000 | u32::from(c & 0x3f), 3);
        }
        [0xe2, 0x81, c @ 0xa6..=0xa9, ..] => {
            return unicode_escape(out, bytes, from..i, 0x2040 | u32::from(c & 0x3f), 3);
        }
        _ => return from,
    };
    out.extend_from_slice(&bytes[from..i]);
    out.extend_from_slice(escape);
    i + len
}

/// Appends `bytes[before]`, then `code` as `\uXXXX` in lower-case hex; returns where the text
/// goes on after the `len` bytes escaped.
fn unicode_escape(
    out: &mut Vec<u8>,
    bytes: &[u8],
    before: std::ops::Range<usize>,
    code: u32,
    len: usize,
) -> usize {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(&bytes[before.clone()]);
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[(code >> shift & 0xf) as usize]);
    }
    before.end + len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pushed(s: &str) -> String {
        let mut out = Vec::new();
        push_json_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_as_serde_json_and_escape_json_do() {
        let cases = [
            "",
            "plain words",
            "He said “no” — and left.",
            "quote \" and back\\slash",
            "controls \u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1b}[31m\u{1f}\u{7f}",
            "c1 \u{80}\u{85}\u{9b}\u{9f} and not \u{a0}\u{a3}é",
            "bidi \u{202a}\u{202e}\u{2066}\u{2069} and not \u{2028}\u{2069}\u{206a}\u{2019}",
            "\u{9d}\"\u{202e}\\",
        ];
        for s in cases {
            let expected = crate::text::escape_json(serde_json::to_string(s).unwrap());
            assert_eq!(pushed(s), expected, "{s:?}");
        }
    }
}
