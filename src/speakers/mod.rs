//! Who said what across the corpus: one identity per person or organisation, whatever the
//! spelling, and the quotations of one statement linked across articles. Pure: no I/O.
//!
//! [`Index`] takes each article's quotes as it loads ([`digest`] prepares them on any thread);
//! [`Index::roster`] settles who is who. The parts, one job each: [`fold`] folds spellings
//! together, [`aliases`] holds the names no rule joins, [`name`] reads a speaker's name,
//! [`same_name`] decides when two names are one speaker's, [`roster`] applies it; [`words`],
//! [`align`] and [`groups`] link the quotations of one statement, and [`diff`] shows where two
//! versions differ word by word. [`tally`] carries the identities' inputs between the parts of a
//! corpus run on many machines.

pub mod aliases;
pub mod align;
pub mod diff;
pub mod digest;
pub mod fold;
pub mod groups;
pub mod index;
pub mod name;
pub mod roster;
pub mod same_name;
pub mod tally;
pub mod words;

pub use aliases::{AliasError, AliasFile, Aliases};
pub use diff::{Change, Marked, word_diff};
pub use digest::{ArticleInfo, Digest, Digester};
pub use index::{Index, QuoteRef};
pub use roster::{Roster, Speaker, SpeakerId};
pub use tally::Tally;
