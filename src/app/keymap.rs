//! The key table: which keys trigger which command. The defaults are `assets/keymap.toml`,
//! embedded in the binary; a user's table replaces the keys of the commands it names. The help
//! overlay, the status-bar hints, `saidso --help` and `saidso config --default` are generated
//! from the same table.

use std::collections::{BTreeMap, HashMap};

use super::command::Command;
use super::key::{BadKey, Key};

/// The default key table, as shipped.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// One command and the keys bound to it.
#[derive(Clone, Debug)]
pub struct Binding {
    /// The command.
    pub command: Command,
    /// Its keys, first the one shown in hints.
    pub keys: Vec<Key>,
}

impl Binding {
    /// The keys the help lists for it: its own, and Ctrl-c for quitting, which quits whatever
    /// the table says (see [`super::action_for_key`]).
    pub fn shown_keys(&self) -> Vec<Key> {
        let mut keys = self.keys.clone();
        if self.command == Command::Quit && !keys.contains(&Key::ctrl('c')) {
            keys.push(Key::ctrl('c'));
        }
        keys
    }
}

/// Keys to commands, and commands to keys.
#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: Vec<Binding>,
    by_key: HashMap<Key, usize>,
}

/// Why a key table could not be read.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    /// Not TOML, or not a table of lists of strings.
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    /// A name that is not a command.
    #[error("unknown action `{0}`")]
    UnknownAction(String),
    /// A key that cannot be read.
    #[error("{0}")]
    BadKey(#[from] BadKey),
    /// Ctrl-c bound to a command other than quitting: it always quits (see
    /// [`super::action_for_key`]), so the binding could never work.
    #[error("`ctrl-c` always quits the reader; it cannot be bound to `{0}`")]
    Reserved(&'static str),
    /// One key bound to two commands, named as in the file.
    #[error("key `{key}` is bound to both `{first}` and `{second}`")]
    Conflict {
        /// The key.
        key: String,
        /// The first command's name.
        first: &'static str,
        /// The second command's name.
        second: &'static str,
    },
}

impl Keymap {
    /// The default keys.
    pub fn builtin() -> Self {
        crate::assets::builtin("assets/keymap.toml", Self::parse(DEFAULT_KEYMAP))
    }

    /// Reads a key table: `command-name = ["key", …]` lines.
    pub fn parse(toml_text: &str) -> Result<Self, KeymapError> {
        Self::from_table(toml::from_str(toml_text)?)
    }

    /// A key table from command names and key names, as the config file's `[keys]` holds it.
    pub fn from_table(table: BTreeMap<String, Vec<String>>) -> Result<Self, KeymapError> {
        let mut bindings = Vec::new();
        for (name, keys) in table {
            let command = Command::from_name(&name)
                .ok_or_else(|| KeymapError::UnknownAction(name.clone()))?;
            let mut parsed: Vec<Key> = Vec::with_capacity(keys.len());
            for name in &keys {
                let key = name.parse()?;
                // A key listed twice for one command is bound once, not in conflict with itself.
                if !parsed.contains(&key) {
                    parsed.push(key);
                }
            }
            let keys = parsed;
            if command != Command::Quit && keys.contains(&Key::ctrl('c')) {
                return Err(KeymapError::Reserved(command.name()));
            }
            bindings.push(Binding { command, keys });
        }
        check_conflicts(&bindings)?;
        Ok(Self::from_bindings(bindings))
    }

    /// This table with `user`'s bindings on top: a command the user names gets exactly the
    /// user's keys, and those keys leave any other command.
    pub fn merged(self, user: Keymap) -> Self {
        let taken: Vec<Key> = user.bindings.iter().flat_map(|b| b.keys.clone()).collect();
        let mut bindings: Vec<Binding> = self
            .bindings
            .into_iter()
            .filter(|b| !user.bindings.iter().any(|u| u.command == b.command))
            .map(|mut b| {
                b.keys.retain(|k| !taken.contains(k));
                b
            })
            .collect();
        bindings.extend(user.bindings);
        Self::from_bindings(bindings)
    }

    fn from_bindings(mut bindings: Vec<Binding>) -> Self {
        // Keep the help order (the commands' own), whatever order the file had.
        bindings.sort_by_key(|b| b.command as usize);
        let mut by_key = HashMap::new();
        for (i, b) in bindings.iter().enumerate() {
            for key in &b.keys {
                by_key.insert(*key, i);
            }
        }
        Self { bindings, by_key }
    }

    /// The command bound to `key`.
    pub fn command(&self, key: Key) -> Option<Command> {
        self.by_key.get(&key).map(|&i| self.bindings[i].command)
    }

    /// The keys bound to `command`, the main one first.
    pub fn keys(&self, command: Command) -> &[Key] {
        self.bindings.iter().find(|b| b.command == command).map_or(&[], |b| &b.keys)
    }

    /// Every binding, in help order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }
}

impl Default for Keymap {
    fn default() -> Self {
        Self::builtin()
    }
}

fn check_conflicts(bindings: &[Binding]) -> Result<(), KeymapError> {
    let mut seen: HashMap<Key, Command> = HashMap::new();
    for b in bindings {
        for key in &b.keys {
            if let Some(first) = seen.insert(*key, b.command) {
                return Err(KeymapError::Conflict {
                    key: key.to_string(),
                    first: first.name(),
                    second: b.command.name(),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_listed_twice_for_one_command_is_bound_once() {
        let table = BTreeMap::from([("down".to_string(), vec!["j".to_string(), "j".to_string()])]);
        let keymap = Keymap::from_table(table).expect("no conflict with itself");
        assert_eq!(keymap.keys(Command::Down), [Key::char('j')]);
    }

    #[test]
    fn the_embedded_table_parses_and_binds_every_command() {
        let keymap = Keymap::parse(DEFAULT_KEYMAP).expect("default keymap");
        for command in Command::all() {
            assert!(!keymap.keys(command).is_empty(), "{command:?} has no key");
        }
        assert_eq!(keymap.command(Key::char('j')), Some(Command::Down));
        assert_eq!(keymap.command(Key::ctrl('c')), Some(Command::Quit));
    }

    #[test]
    fn a_user_table_rebinds_and_frees_keys() {
        let user = Keymap::parse("quit = [\"x\"]\ndown = [\"q\"]").expect("user keymap");
        let keymap = Keymap::builtin().merged(user);
        assert_eq!(keymap.command(Key::char('q')), Some(Command::Down));
        assert_eq!(keymap.command(Key::char('x')), Some(Command::Quit));
        assert_eq!(keymap.command(Key::char('j')), None);
        assert_eq!(keymap.command(Key::char('k')), Some(Command::Up));
    }

    #[test]
    fn bad_tables_are_errors() {
        assert!(matches!(Keymap::parse("jump = [\"x\"]"), Err(KeymapError::UnknownAction(_))));
        assert!(matches!(Keymap::parse("quit = [\"hyper-x\"]"), Err(KeymapError::BadKey(_))));
        assert!(matches!(
            Keymap::parse("quit = [\"x\"]\nhelp = [\"x\"]"),
            Err(KeymapError::Conflict { first: "help", second: "quit", .. })
        ));
        assert!(matches!(Keymap::parse("quit = 3"), Err(KeymapError::Toml(_))));
        assert!(matches!(Keymap::parse("down = [\"ctrl-C\"]"), Err(KeymapError::Reserved("down"))));
        assert!(Keymap::parse("quit = [\"ctrl-c\", \"x\"]").is_ok());
    }
}
