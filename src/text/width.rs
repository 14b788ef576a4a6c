//! Text measured in terminal columns, as it is shown: a CJK character takes two, a combining
//! mark none. Lists and tables clip and pad with these so that their columns line up.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `s` cut to `width` columns, with `…` when cut.
pub fn clip(s: &str, width: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            // Make room for the ellipsis.
            while used + 1 > width {
                let Some(last) = out.pop() else { break };
                used -= last.width().unwrap_or(0);
            }
            if width > 0 {
                out.push('…');
            }
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// `s` padded with spaces to `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let used = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(used)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_cuts_to_width_with_an_ellipsis() {
        assert_eq!(clip("hello", 10), "hello");
        assert_eq!(clip("hello", 5), "hello");
        assert_eq!(clip("hello world", 5), "hell…");
        assert_eq!(clip("日本語です", 5), "日本…");
        assert_eq!(clip("abc", 0), "");
    }

    #[test]
    fn pad_counts_columns_not_characters() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("日本", 6), "日本  ");
        assert_eq!(pad("toolong", 3), "toolong");
    }
}
