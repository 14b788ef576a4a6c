//! The key table: which keys trigger which action. The defaults are `assets/keymap.toml`, embedded
//! in the binary; a user's table replaces the keys of the actions it names. The help overlay and
//! the status-bar hints are generated from the same table.

use std::collections::{BTreeMap, HashMap};

use super::action::Action;
use super::key::{BadKey, Key};

/// The default key table, as shipped.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// One action and the keys bound to it.
#[derive(Clone, Debug)]
pub struct Binding {
    /// The action.
    pub action: Action,
    /// Its keys, first the one shown in hints.
    pub keys: Vec<Key>,
}

/// Keys to actions, and actions to keys.
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
    /// A name that is not a bindable action.
    #[error("unknown action `{0}`")]
    UnknownAction(String),
    /// A key that cannot be read.
    #[error("{0}")]
    BadKey(#[from] BadKey),
    /// One key bound to two actions.
    #[error("key `{key}` is bound to both `{first}` and `{second}`")]
    Conflict {
        /// The key.
        key: String,
        /// The first action's name.
        first: String,
        /// The second action's name.
        second: String,
    },
}

impl Keymap {
    /// The default keys.
    pub fn builtin() -> Self {
        crate::assets::builtin("assets/keymap.toml", Self::parse(DEFAULT_KEYMAP))
    }

    /// Reads a key table: `action-name = ["key", …]` lines.
    pub fn parse(toml_text: &str) -> Result<Self, KeymapError> {
        Self::from_table(toml::from_str(toml_text)?)
    }

    /// A key table from action names and key names, as the config file's `[keys]` holds it.
    pub fn from_table(table: BTreeMap<String, Vec<String>>) -> Result<Self, KeymapError> {
        let mut bindings = Vec::new();
        for (name, keys) in table {
            let action =
                Action::from_name(&name).ok_or_else(|| KeymapError::UnknownAction(name.clone()))?;
            let keys = keys.iter().map(|k| k.parse()).collect::<Result<Vec<Key>, _>>()?;
            bindings.push(Binding { action, keys });
        }
        check_conflicts(&bindings)?;
        Ok(Self::from_bindings(bindings))
    }

    /// This table with `user`'s bindings on top: an action the user names gets exactly the
    /// user's keys, and those keys leave any other action.
    pub fn merged(self, user: Keymap) -> Self {
        let taken: Vec<Key> = user.bindings.iter().flat_map(|b| b.keys.clone()).collect();
        let mut bindings: Vec<Binding> = self
            .bindings
            .into_iter()
            .filter(|b| !user.bindings.iter().any(|u| u.action.same_kind(&b.action)))
            .map(|mut b| {
                b.keys.retain(|k| !taken.contains(k));
                b
            })
            .collect();
        bindings.extend(user.bindings);
        Self::from_bindings(bindings)
    }

    fn from_bindings(mut bindings: Vec<Binding>) -> Self {
        // Keep the help order, whatever order the file had.
        let order = Action::bindable();
        bindings.sort_by_key(|b| order.iter().position(|a| a.same_kind(&b.action)));
        let mut by_key = HashMap::new();
        for (i, b) in bindings.iter().enumerate() {
            for key in &b.keys {
                by_key.insert(*key, i);
            }
        }
        Self { bindings, by_key }
    }

    /// The action bound to `key`.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.by_key.get(&key).map(|&i| self.bindings[i].action.clone())
    }

    /// The keys bound to `action`, the main one first.
    pub fn keys(&self, action: &Action) -> &[Key] {
        self.bindings.iter().find(|b| b.action.same_kind(action)).map_or(&[], |b| &b.keys)
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
    let mut seen: HashMap<Key, &Action> = HashMap::new();
    for b in bindings {
        for key in &b.keys {
            if let Some(first) = seen.insert(*key, &b.action) {
                return Err(KeymapError::Conflict {
                    key: key.to_string(),
                    first: format!("{first:?}"),
                    second: format!("{:?}", b.action),
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
    fn the_embedded_table_parses_and_binds_every_action() {
        let keymap = Keymap::parse(DEFAULT_KEYMAP).expect("default keymap");
        for action in Action::bindable() {
            assert!(!keymap.keys(&action).is_empty(), "{action:?} has no key");
        }
        assert!(matches!(keymap.action(Key::char('j')), Some(Action::Down)));
        assert!(matches!(keymap.action(Key::ctrl('c')), Some(Action::Quit)));
    }

    #[test]
    fn a_user_table_rebinds_and_frees_keys() {
        let user = Keymap::parse("quit = [\"x\"]\ndown = [\"q\"]").expect("user keymap");
        let keymap = Keymap::builtin().merged(user);
        assert!(matches!(keymap.action(Key::char('q')), Some(Action::Down)));
        assert!(matches!(keymap.action(Key::char('x')), Some(Action::Quit)));
        assert!(keymap.action(Key::char('j')).is_none());
        assert!(matches!(keymap.action(Key::char('k')), Some(Action::Up)));
    }

    #[test]
    fn bad_tables_are_errors() {
        assert!(matches!(Keymap::parse("jump = [\"x\"]"), Err(KeymapError::UnknownAction(_))));
        assert!(matches!(Keymap::parse("quit = [\"hyper-x\"]"), Err(KeymapError::BadKey(_))));
        assert!(matches!(
            Keymap::parse("quit = [\"x\"]\nhelp = [\"x\"]"),
            Err(KeymapError::Conflict { .. })
        ));
        assert!(matches!(Keymap::parse("quit = 3"), Err(KeymapError::Toml(_))));
    }
}
