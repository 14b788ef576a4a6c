//! Text handling every layer may use: untrusted text made safe for a terminal, text measured
//! in terminal columns, and slugs.

mod json;
mod sanitize;
mod slug;
mod width;

pub use json::push_json_str;
pub use sanitize::{INVISIBLE, blank_bom, escape_json, one_line, sanitize, without_invisible};
pub use slug::slug;
pub use width::{clip, pad};
