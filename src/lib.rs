//! saidso: a terminal reader for news articles that shows who said what.
//!
//! The modules are layers; each imports only from the layers below it (a test checks). Top down:
//!
//! - [`cli`]: the command line; with no subcommand it opens the reader.
//! - [`tui`]: the reader in a real terminal: the event loop, effects, refresh, opening links.
//! - [`config`]: the configuration file, read into each layer's settings.
//! - [`ui`]: draws the reader's state.
//! - [`app`]: the reader's state and the one `update` that changes it.
//! - [`feeds`]: the followed feeds, refreshed over the network into the store.
//! - [`store`]: what saidso remembers between runs (marks, positions, fetched articles).
//! - [`export`]: quotes as JSON lines, JSON, TSV and Markdown.
//! - [`speakers`]: who said what across articles: one identity per speaker, linked quotations.
//! - [`extract`]: the quotes of one article and their speakers.
//! - [`load`]: sources read and cleaned in parallel.
//! - [`clean`]: raw documents into [`model::Article`]s: paragraphs, boilerplate, titles.
//! - [`sources`]: paths and URLs into raw documents, one module a format.
//! - [`net`]: the one HTTP client.
//! - [`assets`]: the files saidso ships, and the rule for reading them.
//! - [`text`]: untrusted text made safe, display widths, slugs.
//! - [`model`]: the raw document and the article every layer shares.

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
pub mod record;
pub mod sources;
pub mod speakers;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
