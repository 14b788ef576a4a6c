//! TOML read strictly, for the files saidso ships (`assets/`): a key that nothing reads is a
//! typo that would silently drop a list. The user's configuration is read leniently instead,
//! each unknown key a warning (see `config`).

use serde::de::{DeserializeOwned, Error};

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
