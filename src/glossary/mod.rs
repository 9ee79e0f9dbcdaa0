//! Bilingual glossaries: reading the ones people edit, and (later) extracting new ones.

pub mod read;
