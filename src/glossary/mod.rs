//! Bilingual glossaries: extracting term pairs from aligned text, reading the glossaries people
//! edit, and merging a reviewed glossary back in.

pub mod counts;
mod evidence;
pub mod extract;
pub mod link;
pub mod rank;
pub mod review;
pub mod score;
pub mod wordalign;
