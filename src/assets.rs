//! The files saidso ships (`assets/`), embedded in the binary, and one rule for reading them:
//! they are read strictly, since a key that nothing reads is a typo that would silently drop a
//! list (the user's configuration is read leniently instead, each unknown key a warning; see
//! `config`), and one that does not parse is a bug in saidso, never something to run on without.
//! A unit test next to each asset's type parses it, so a broken asset fails the tests first.

use std::fmt::Display;

use serde::de::{DeserializeOwned, Error};

/// A built-in asset, parsed. The asset is part of the program, not input: should it fail to
/// parse (which its unit test catches first), the program stops with a message naming it
/// rather than run on with an empty table.
pub fn builtin<T, E: Display>(asset: &str, parsed: Result<T, E>) -> T {
    match parsed {
        Ok(value) => value,
        Err(e) => panic!("the built-in {asset} is broken (a bug in saidso): {e}"),
    }
}

/// `text` read as a `T`; an unknown key is an error naming it.
pub fn parse_strict<T: DeserializeOwned>(text: &str) -> Result<T, toml::de::Error> {
    let mut unknown = None;
    let value = serde_ignored::deserialize(toml::de::Deserializer::parse(text)?, |path| {
        unknown.get_or_insert_with(|| path.to_string());
    })?;
    match unknown {
        Some(key) => Err(toml::de::Error::custom(format!("unknown key `{key}`"))),
        None => Ok(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Lists {
        #[serde(default)]
        words: Vec<String>,
    }

    #[test]
    fn unknown_keys_are_errors() {
        let lists: Lists = parse_strict("words = [\"said\"]").unwrap();
        assert_eq!(lists.words, ["said"]);
        let typo = parse_strict::<Lists>("wrods = [\"said\"]").unwrap_err();
        assert!(typo.to_string().contains("unknown key `wrods`"), "{typo}");
    }

    #[test]
    #[should_panic(expected = "the built-in assets/x.toml is broken (a bug in saidso): bad")]
    fn a_broken_builtin_asset_stops_the_program_naming_it() {
        builtin::<(), _>("assets/x.toml", Err("bad"));
    }
}
