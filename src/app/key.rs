//! Key presses as the keymap names them (`j`, `ctrl-d`, `shift-tab`, `pgdn`), independent of the
//! terminal library that reports them.

use std::fmt;
use std::str::FromStr;

/// One key press: a key and its modifiers. Shift is part of the character (`G`, `?`), except on
/// Tab, where it makes [`KeyCode::BackTab`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    /// Which key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
    /// Alt (Meta) held.
    pub alt: bool,
}

/// The keys the reader knows by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyCode {
    /// A printable character, space included.
    Char(char),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// A function key, F1 to F12.
    F(u8),
}

impl Key {
    /// A key with no modifier.
    pub const fn plain(code: KeyCode) -> Self {
        Self { code, ctrl: false, alt: false }
    }

    /// A character key with no modifier.
    pub const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// A character key with Control.
    pub const fn ctrl(c: char) -> Self {
        Self { code: KeyCode::Char(c), ctrl: true, alt: false }
    }

    /// The key's name as the keymap and the configuration file write it (`ctrl-d`, `pgdn`),
    /// which parses back to the key; `Display` is for the help.
    pub fn name(&self) -> String {
        let code = match self.code {
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            KeyCode::PageDown => "pgdn".to_string(),
            KeyCode::F(n) => format!("f{n}"),
            code => {
                NAMED.iter().find(|(_, _, c)| *c == code).map_or("?", |(name, _, _)| name).into()
            }
        };
        let ctrl = if self.ctrl { "ctrl-" } else { "" };
        let alt = if self.alt { "alt-" } else { "" };
        format!("{ctrl}{alt}{code}")
    }
}

/// Names of the non-character keys, as written in the keymap and shown in help.
const NAMED: [(&str, &str, KeyCode); 14] = [
    ("enter", "Enter", KeyCode::Enter),
    ("esc", "Esc", KeyCode::Esc),
    ("tab", "Tab", KeyCode::Tab),
    ("shift-tab", "Shift-Tab", KeyCode::BackTab),
    ("backspace", "Backspace", KeyCode::Backspace),
    ("delete", "Delete", KeyCode::Delete),
    ("space", "Space", KeyCode::Char(' ')),
    ("up", "↑", KeyCode::Up),
    ("down", "↓", KeyCode::Down),
    ("left", "←", KeyCode::Left),
    ("right", "→", KeyCode::Right),
    ("home", "Home", KeyCode::Home),
    ("end", "End", KeyCode::End),
    ("pgup", "PgUp", KeyCode::PageUp),
];

/// Why a key name could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key name `{0}` (expected a character, or a name such as enter, esc, pgdn, ctrl-d)"
)]
pub struct BadKey(pub String);

impl FromStr for Key {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadKey(s.to_string());
        let mut key = Key::plain(KeyCode::Esc);
        let mut rest = s;
        // A lone `-` is the minus key, not a modifier separator.
        while rest.chars().count() > 1 {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") {
                key.ctrl = true;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") {
                key.alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        key.code = parse_code(rest).ok_or_else(bad)?;
        // Terminals send Control with a letter in one case only: `ctrl-X` is `ctrl-x`.
        if let KeyCode::Char(c) = key.code
            && key.ctrl
        {
            key.code = KeyCode::Char(c.to_ascii_lowercase());
        }
        Ok(key)
    }
}

fn parse_code(s: &str) -> Option<KeyCode> {
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let lower = s.to_ascii_lowercase();
    if lower == "pgdn" || lower == "pagedown" {
        return Some(KeyCode::PageDown);
    }
    if lower == "pageup" {
        return Some(KeyCode::PageUp);
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(KeyCode::F(n));
    }
    NAMED.iter().find(|(name, _, _)| *name == lower).map(|&(_, _, code)| code)
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(c) if c != ' ' => write!(f, "{c}"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => {
                let shown =
                    NAMED.iter().find(|(_, _, c)| *c == code).map_or("?", |(_, shown, _)| shown);
                f.write_str(shown)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_characters_names_and_modifiers() {
        assert_eq!("j".parse(), Ok(Key::char('j')));
        assert_eq!("G".parse(), Ok(Key::char('G')));
        assert_eq!("-".parse(), Ok(Key::char('-')));
        assert_eq!("ctrl-d".parse(), Ok(Key::ctrl('d')));
        assert_eq!("Ctrl-D".parse::<Key>().map(|k| k.ctrl), Ok(true));
        // Control with a capital is the key the terminal sends for it, the small letter.
        assert_eq!("ctrl-X".parse(), Ok(Key::ctrl('x')));
        assert_eq!("space".parse(), Ok(Key::char(' ')));
        assert_eq!("pgdn".parse(), Ok(Key::plain(KeyCode::PageDown)));
        assert_eq!("shift-tab".parse(), Ok(Key::plain(KeyCode::BackTab)));
        assert_eq!("f1".parse(), Ok(Key::plain(KeyCode::F(1))));
        assert!("f13".parse::<Key>().is_err());
        assert!("ctrl-".parse::<Key>().is_err());
        assert!("banana".parse::<Key>().is_err());
    }

    #[test]
    fn displays_as_help_shows_it() {
        let shown: Vec<String> = ["ctrl-d", "pgdn", "space", "shift-tab", "?", "down"]
            .iter()
            .filter_map(|s| s.parse::<Key>().ok())
            .map(|k| k.to_string())
            .collect();
        assert_eq!(shown, ["Ctrl-d", "PgDn", "Space", "Shift-Tab", "?", "↓"]);
    }

    #[test]
    fn names_parse_back_to_their_keys() {
        for name in
            ["ctrl-d", "alt-x", "pgdn", "pgup", "space", "shift-tab", "down", "f1", "G", "-"]
        {
            let key: Key = name.parse().expect(name);
            assert_eq!(key.name(), name);
        }
    }
}
