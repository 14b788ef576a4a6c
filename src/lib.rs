//! saidso: a terminal reader for news articles that shows who said what.
//!
//! The pipeline, from the outside in: [`sources`] turn paths into raw documents, [`clean`] turns
//! those into [`model::Article`]s (text sanitised by [`sanitize`] as it enters), [`load`] runs
//! both in parallel, and [`extract`] finds the quotes and their speakers. [`cli`] is the command
//! line on top; with no subcommand it opens the full-screen reader: [`app`] is its state and
//! the one `update` that changes it, [`ui`] draws that state, and [`tui`] runs it in a terminal.
//! [`store`] remembers the marks (read, starred, position) between runs. [`fetch`] is the
//! network: one HTTP client, and the followed feeds refreshed into the store; [`open_link`] opens
//! an article's link in the browser.

pub mod app;
pub mod assets;
pub mod clean;
pub mod cli;
pub mod config;
pub mod export;
pub mod extract;
pub mod feeds;
pub mod load;
pub mod model;
pub mod net;
pub mod sources;
pub mod speakers;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
