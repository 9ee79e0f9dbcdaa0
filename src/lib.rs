//! padan pairs an Indonesian text with its English reference, aligns them sentence by sentence
//! and builds a bilingual glossary that translators review in a spreadsheet.
//!
//! The pipeline: [`text`] (decode and normalize) -> [`segment`] (sentences) -> `align` (beads)
//! -> `glossary` (term pairs) -> `export` (output formats). Files are opened in one place,
//! [`files`] (atomic outputs, never onto an input), and corpus mode's files in [`batch`]; the
//! `padan` binary keeps flags, threads and printing.

#![warn(missing_docs)]

pub mod align;
pub mod batch;
pub mod check;
pub mod corpus;
pub mod document;
pub mod error;
pub mod export;
pub mod files;
pub mod glossary;
pub mod lang;
pub mod lexicon;
pub mod pipeline;
pub mod review;
pub mod segment;
pub mod table;
pub mod text;

pub use error::{Error, Result};
pub use lang::Lang;
pub use lexicon::Lexicon;
