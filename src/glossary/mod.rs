//! Bilingual glossaries: extracting term pairs from aligned text, reading the glossaries people
//! edit, and merging a reviewed glossary back in.

pub mod counts;
pub mod extract;
pub mod review;
pub mod wordalign;
