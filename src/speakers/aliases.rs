//! The alias list (`assets/aliases.toml`): names that are one speaker although no spelling rule
//! joins them. Built in, and extended by a user's file: each later file adds to the lists.

use std::collections::HashMap;

use serde::Deserialize;

use super::fold::{ascii_lower, name_key};
use crate::extract::SpeakerKind;

const BUILTIN: &str = include_str!("../../assets/aliases.toml");

/// One alias file as written.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(expecting = "a table of speaker aliases ([speakers])")]
pub struct AliasFile {
    /// Sets of given names that are one name (`joseph`, `joe`).
    #[serde(default)]
    pub given_names: Vec<Vec<String>>,
    /// People and their other names.
    #[serde(default)]
    pub person: Vec<Entry>,
    /// Organisations and their other names.
    #[serde(default)]
    pub organisation: Vec<Entry>,
}

/// A name and the other names it goes by.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Entry {
    /// The name to show.
    pub name: String,
    /// Other names of the same speaker.
    pub aliases: Vec<String>,
}

/// An alias file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("alias file: {0}")]
pub struct AliasError(#[from] toml::de::Error);

impl AliasFile {
    /// The built-in file, `assets/aliases.toml`.
    pub fn builtin() -> Self {
        crate::assets::builtin("assets/aliases.toml", Self::parse(BUILTIN))
    }

    /// Parses an alias file.
    pub fn parse(text: &str) -> Result<Self, AliasError> {
        Ok(crate::assets::parse_strict(text)?)
    }
}

/// The compiled alias list.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    /// Folded alias → the name it stands for, and whose it is.
    names: HashMap<String, (String, SpeakerKind)>,
    /// Given-name key → the key of the first name of its set.
    given: HashMap<String, String>,
}

impl Aliases {
    /// The built-in list. The asset is part of the program and a test parses it.
    pub fn builtin() -> Self {
        Self::compile([AliasFile::builtin()])
    }

    /// Merges alias files, later ones adding to (and on a clash overriding) earlier ones.
    pub fn compile(files: impl IntoIterator<Item = AliasFile>) -> Self {
        let mut out = Self::default();
        for file in files {
            for set in &file.given_names {
                let Some(first) = set.first() else { continue };
                let canonical = name_key(first);
                for name in set {
                    out.given.insert(name_key(name), canonical.clone());
                }
            }
            let people = file.person.iter().map(|e| (e, SpeakerKind::Person));
            let orgs = file.organisation.iter().map(|e| (e, SpeakerKind::Organisation));
            for (entry, kind) in people.chain(orgs) {
                for alias in &entry.aliases {
                    out.names.insert(fold_name(alias), (entry.name.clone(), kind));
                }
            }
        }
        out
    }

    /// The name `name` is an alias of, if any, and whether a person or an organisation has it.
    pub fn name(&self, name: &str) -> Option<(&str, SpeakerKind)> {
        self.names.get(&fold_name(name)).map(|(n, k)| (n.as_str(), *k))
    }

    /// The canonical key of a given-name key (`joe` → `joseph`), or the key itself.
    pub fn given<'a>(&'a self, key: &'a str) -> &'a str {
        self.given.get(key).map_or(key, String::as_str)
    }
}

/// A whole name folded for lookup: lower-case ASCII words, punctuation dropped.
pub fn fold_name(name: &str) -> String {
    let lower = ascii_lower(name);
    let words = lower.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    words.collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses() {
        let a = Aliases::builtin();
        assert_eq!(a.name("MoD"), Some(("Ministry of Defence", SpeakerKind::Organisation)));
        assert_eq!(a.name("u.n.").map(|n| n.0), Some("United Nations"));
        assert_eq!(a.given(&name_key("Joe")), name_key("Joseph"));
        assert_eq!(a.given("zebedee"), "zebedee");
    }

    #[test]
    fn a_user_file_adds_to_the_builtin() {
        let user = AliasFile::parse(
            "given_names = [[\"katherine\", \"kate\"]]\n\
             [[person]]\nname = \"Lula da Silva\"\naliases = [\"Lula\"]\n",
        )
        .unwrap();
        let builtin = AliasFile::parse(BUILTIN).unwrap();
        let a = Aliases::compile([builtin, user]);
        assert_eq!(a.name("LULA"), Some(("Lula da Silva", SpeakerKind::Person)));
        assert_eq!(a.given(&name_key("Kate")), name_key("Katherine"));
        assert_eq!(a.name("Xi").map(|n| n.0), Some("Xi Jinping"));
    }

    #[test]
    fn unknown_keys_are_an_error() {
        assert!(AliasFile::parse("people = []").is_err());
    }
}
