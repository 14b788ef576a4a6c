//! Text handling every layer may use: untrusted text made safe for a terminal.

mod sanitize;

pub use sanitize::sanitize;
