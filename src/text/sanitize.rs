//! Untrusted article text made safe for a terminal, when it enters the app.
//!
//! Control characters (C0 but newline and tab, DEL, C1), whole escape sequences (CSI, OSC, DCS…)
//! and bidi overrides are replaced by spaces of the same byte length: the text stays valid UTF-8
//! and every byte offset into it is still an offset into the original file.
//!
//! Emoji sequences are split into their emoji: a zero-width joiner (U+200D) after an emoji, or
//! a variation selector (U+FE0E, U+FE0F), becomes a zero-width space (U+200B, three bytes too).
//! Terminals disagree on how wide a joined sequence is (one emoji, or each of its parts), and a
//! width measured one way and drawn the other pushes a row past the screen's edge; single emoji
//! are as wide everywhere. A joiner after a letter spells a script's letters (Devanagari,
//! Malayalam, Arabic) and stays.

use std::borrow::Cow;

/// Blanks out control characters, escape sequences and bidi overrides, keeping byte offsets.
pub fn sanitize(text: String) -> String {
    if !needs_sanitizing(text.as_bytes()) {
        return text;
    }
    let mut bytes = text.into_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A joiner only between emoji (it spells letters in some scripts); a variation
        // selector always.
        let joiner = bytes[i..].starts_with(ZERO_WIDTH_JOINER.as_bytes());
        if joins_emoji(&bytes[i..]) && (!joiner || after_emoji(&bytes[..i])) {
            bytes[i..i + 3].copy_from_slice(ZERO_WIDTH_SPACE.as_bytes());
            i += 3;
            continue;
        }
        let len = control_sequence_len(&bytes[i..]);
        if len > 0 {
            bytes[i..i + len].fill(b' ');
            i += len;
        } else {
            i += 1;
        }
    }
    // Only whole characters were replaced by ASCII, so this cannot fail; stay total anyway.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// One line of untrusted text for display (a title, a byline, a site name, a file name, a
/// message): what [`sanitize`] blanks is dropped, and white space, line breaks included,
/// becomes single spaces.
pub fn one_line(text: &str) -> String {
    let safe = sanitize(text.to_string());
    let mut out = String::with_capacity(safe.len());
    for word in safe.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Characters a text puts inside words that show nothing: the soft hyphen (`&shy;`, where a
/// long word may break, common in German text), the zero-width space, the word joiner and the
/// byte-order mark. Left in, `Chan&shy;cellor Mar&shy;tin` is three words and no name, and search
/// finds no word they are in. (The zero-width non-joiner, which spells Persian, stays.)
pub const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// `line` without the [`INVISIBLE`] characters, copied only when it holds one.
pub fn without_invisible(line: &str) -> Cow<'_, str> {
    if line.contains(INVISIBLE) {
        line.chars().filter(|c| !INVISIBLE.contains(c)).collect::<String>().into()
    } else {
        line.into()
    }
}

/// A text's byte-order mark, which is no text, blanked (3 spaces) rather than removed, so that
/// offsets into the text hold.
pub fn blank_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => format!("   {rest}"),
        None => text,
    }
}

/// JSON text with the C1 controls (U+0080–U+009F) and bidi controls (U+202A–U+202E,
/// U+2066–U+2069) written as `\uXXXX` escapes: `serde_json` escapes only C0 controls, and a
/// terminal showing the JSON would act on the others. These characters can only occur inside
/// JSON strings, where the escape means the same character.
pub fn escape_json(json: String) -> String {
    let needs = |c: char| matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    // Looked for by their UTF-8 lead bytes (vectorised): most JSON has none, and is not decoded.
    let bytes = json.as_bytes();
    let at = |i: usize| {
        matches!(
            bytes.get(i..),
            Some(
                [0xc2, 0x80..=0x9f, ..]
                    | [0xe2, 0x80, 0xaa..=0xae, ..]
                    | [0xe2, 0x81, 0xa6..=0xa9, ..]
            )
        )
    };
    if !memchr::memchr2_iter(0xc2, 0xe2, bytes).any(at) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

const ZERO_WIDTH_SPACE: &str = "\u{200b}";
const ZERO_WIDTH_JOINER: &str = "\u{200d}";

/// True at a zero-width joiner or a variation selector, which make emoji sequences.
fn joins_emoji(b: &[u8]) -> bool {
    matches!(b, [0xe2, 0x80, 0x8d, ..] | [0xef, 0xb8, 0x8e | 0x8f, ..])
}

/// True when the character ending `before` is an emoji (or a selector already made a space): a
/// joiner elsewhere is part of a script's spelling (`क्‍ष` in Devanagari) and stays.
fn after_emoji(before: &[u8]) -> bool {
    // The last character starts at most three bytes before the end.
    let start = (before.len().saturating_sub(4)..before.len())
        .find(|&j| std::str::from_utf8(&before[j..]).is_ok())
        .unwrap_or(before.len());
    let last = std::str::from_utf8(&before[start..]).ok().and_then(|s| s.chars().next_back());
    last.is_some_and(|c| {
        matches!(c,
            '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}'
            | '\u{2190}'..='\u{21ff}' | '\u{2300}'..='\u{23ff}' | '\u{e0020}'..='\u{e007f}'
            | '\u{20e3}' | '\u{200b}' | '\u{a9}' | '\u{ae}' | '\u{203c}' | '\u{2049}'
            | '\u{2122}' | '\u{2139}' | '\u{3030}' | '\u{303d}' | '\u{3297}' | '\u{3299}')
    })
}

/// Fast check that lets clean text through without a copy.
fn needs_sanitizing(b: &[u8]) -> bool {
    let control = |c: u8| (c < 0x20 && c != b'\n' && c != b'\t') || c == 0x7f;
    // Whole chunks folded without an early exit, which the compiler vectorises: every byte of
    // every article is checked here, and almost none is a control.
    b.chunks(64).any(|chunk| chunk.iter().fold(false, |found, &c| found | control(c)))
        || memchr::memchr3_iter(0xc2, 0xe2, 0xef, b)
            .any(|i| control_sequence_len(&b[i..]) > 0 || joins_emoji(&b[i..]))
}

/// Length in bytes of the control character or escape sequence starting at `b[0]`, or 0 when `b[0]` starts safe text.
fn control_sequence_len(b: &[u8]) -> usize {
    match b {
        [0x1b, rest @ ..] => 1 + escape_body_len(rest),
        // C1 controls, U+0080..U+009F; U+009B (CSI) and U+009D (OSC) start sequences too.
        [0xc2, c @ 0x80..=0x9f, rest @ ..] => match c {
            0x9b => 2 + csi_len(rest),
            0x9d | 0x90 | 0x9e | 0x9f => 2 + string_len(rest),
            _ => 2,
        },
        // Bidi embeddings and overrides U+202A..U+202E, isolates U+2066..U+2069.
        [0xe2, 0x80, 0xaa..=0xae, ..] | [0xe2, 0x81, 0xa6..=0xa9, ..] => 3,
        [c, ..] if (*c < 0x20 && *c != b'\n' && *c != b'\t') || *c == 0x7f => 1,
        _ => 0,
    }
}

/// Length of what follows an ESC: a CSI, a string (OSC, DCS, APC, PM, SOS) or one character.
fn escape_body_len(rest: &[u8]) -> usize {
    match rest {
        [b'[', tail @ ..] => 1 + csi_len(tail),
        [b']' | b'P' | b'_' | b'^' | b'X', tail @ ..] => 1 + string_len(tail),
        // A two-byte escape (ESC 7, ESC c…) when the next byte is printable ASCII.
        [c, ..] if (0x20..0x7f).contains(c) => 1,
        _ => 0,
    }
}

/// Parameters and final byte of a CSI sequence; stops at anything that cannot belong to one.
fn csi_len(b: &[u8]) -> usize {
    for (i, &c) in b.iter().enumerate() {
        match c {
            0x20..=0x3f => continue,
            0x40..=0x7e => return i + 1,
            _ => return i,
        }
    }
    b.len()
}

/// A string sequence ends at BEL or ST (ESC \); a newline ends it too, so that a broken
/// sequence never eats the rest of the article.
fn string_len(b: &[u8]) -> usize {
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0x07 => return i + 1,
            0x1b if b.get(i + 1) == Some(&b'\\') => return i + 2,
            b'\n' => return i,
            // Stop before a multi-byte character so the text stays valid UTF-8.
            c if c >= 0x80 => return i,
            _ => i += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        sanitize(s.to_string())
    }

    #[test]
    fn plain_text_is_untouched() {
        let s = "He said “no” — and left.\n\tNext.";
        assert_eq!(clean(s), s);
    }

    #[test]
    fn csi_and_osc_sequences_are_blanked_whole() {
        let s = "a\x1b[31mred\x1b[0m b\x1b]8;;http://x\x07link\x1b]8;;\x1b\\ c";
        let out = clean(s);
        assert_eq!(out.len(), s.len());
        assert_eq!(out.split_whitespace().collect::<Vec<_>>(), ["a", "red", "b", "link", "c"]);
    }

    #[test]
    fn c1_del_and_bidi_are_blanked() {
        let s = "x\u{9b}2Jy\u{7f}z\u{202e}evil\u{2066}w\r\n";
        let out = clean(s);
        assert_eq!(out.len(), s.len());
        assert!(out.chars().all(|c| c == '\n' || !c.is_control()));
        assert!(!out.contains('\u{202e}') && !out.contains('\u{2066}'));
        assert!(out.contains("evil"));
    }

    #[test]
    fn emoji_sequences_are_split_into_single_emoji() {
        let s = "Family \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{2764}\u{fe0f} ok";
        let out = clean(s);
        assert_eq!(out.len(), s.len());
        assert_eq!(out, "Family \u{1f468}\u{200b}\u{1f469}\u{200b}\u{1f467} \u{2764}\u{200b} ok");
        // A keycap and a heart on fire: a variation selector, then a joiner after it.
        assert_eq!(clean("1\u{fe0f}\u{20e3}"), "1\u{200b}\u{20e3}");
        assert_eq!(clean("\u{2764}\u{fe0f}\u{200d}\u{1f525}"), "\u{2764}\u{200b}\u{200b}\u{1f525}");
    }

    /// A joiner outside an emoji sequence spells a script's letters: the text keeps it.
    #[test]
    fn a_joiner_in_a_script_stays() {
        for s in ["\u{915}\u{94d}\u{200d}\u{937}", "\u{d28}\u{d4d}\u{200d}", "a\u{200d}b"] {
            assert_eq!(clean(s), s);
        }
    }

    #[test]
    fn unterminated_osc_stops_at_newline() {
        let out = clean("\x1b]0;title\nkept");
        assert!(out.ends_with("\nkept"));
    }
    #[test]
    fn one_line_drops_controls_and_joins_lines() {
        assert_eq!(
            one_line("  The\x1b]52;c;aGk=\x07 Wire\n\u{202e}Daily\u{9b}2J "),
            "The Wire Daily"
        );
    }

    #[test]
    fn json_escapes_c1_and_bidi() {
        let json = serde_json::to_string("a\u{85}b\u{202e}c\u{2066}d\x1b").unwrap();
        let escaped = escape_json(json);
        assert_eq!(escaped, "\"a\\u0085b\\u202ec\\u2066d\\u001b\"");
        assert_eq!(
            serde_json::from_str::<String>(&escaped).unwrap(),
            "a\u{85}b\u{202e}c\u{2066}d\x1b"
        );
    }

    #[test]
    fn json_escapes_exactly_the_c1_and_bidi_characters() {
        let escaped = |c: char| escape_json(format!("\"{c}\"")).contains("\\u");
        for c in ('\u{7f}'..='\u{a1}').chain('\u{2020}'..='\u{2070}').chain(['\u{e9}', '€', '’'])
        {
            let control = matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            assert_eq!(escaped(c), control, "{:04x}", u32::from(c));
        }
    }
}
