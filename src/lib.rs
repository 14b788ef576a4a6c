//! saidso: a terminal reader for news articles that shows who said what.
//!
//! The pipeline, from the outside in: [`sources`] turn paths into raw documents, [`clean`] turns
//! those into [`model::Article`]s (text sanitised by [`sanitize`] as it enters), [`load`] runs
//! both in parallel, and [`extract`] finds the quotes and their speakers. [`cli`] is the command
//! line on top, and [`store`] remembers the marks (read, starred, position) between runs.

pub mod clean;
pub mod cli;
pub mod export;
pub mod extract;
pub mod load;
pub mod model;
pub mod sanitize;
pub mod sources;
pub mod speakers;
pub mod store;
