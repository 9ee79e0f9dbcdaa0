//! What every command that aligns shares, behind one plain config: how the two sides are read,
//! which glossaries anchor the alignment, and how the aligner is set up. The command line fills
//! a [`Config`] from its flags; `align`, `check`, `glossary` and `batch` then behave alike.

use crate::align::Aligner;
use crate::document::{check_pair, Bead, Document, ReadOptions, Warning};
use crate::error::Error;
use crate::lang::Locale;
use crate::lexicon::{Glossaries, Lexicon};
use crate::table::Table;
use crate::text::{Decoded, Encoding};
use crate::Lang;

/// How pairs are read and aligned.
#[derive(Debug, Clone)]
pub struct Config {
    /// The source side's language, as the user named it.
    pub source_lang: Locale,
    /// The target side's language.
    pub target_lang: Locale,
    /// How both sides are read.
    pub read: ReadOptions,
    /// The source files' encoding when they are not UTF-8, over `read`'s.
    pub source_encoding: Option<Encoding>,
    /// The target files' encoding when they are not UTF-8, over `read`'s.
    pub target_encoding: Option<Encoding>,
    /// The second pass (word pairs learned from the first pass's confident beads).
    pub second_pass: bool,
    /// Align a pair whose languages look swapped (with a warning) instead of refusing it.
    pub force: bool,
    /// Use the shipped seed glossaries.
    pub seed_glossary: bool,
}

impl Default for Config {
    /// Indonesian to English, raw text, the seed glossaries and the second pass on.
    fn default() -> Self {
        Config {
            source_lang: Locale::default_for(Lang::Id),
            target_lang: Locale::default_for(Lang::En),
            read: ReadOptions::default(),
            source_encoding: None,
            target_encoding: None,
            second_pass: true,
            force: false,
            seed_glossary: true,
        }
    }
}

impl Config {
    /// The source side from the bytes of the file `name`.
    pub fn read_source(&self, name: &str, bytes: &[u8]) -> Result<(Document, Vec<Warning>), Error> {
        let read = ReadOptions {
            encoding: self.source_encoding.unwrap_or(self.read.encoding),
            ..self.read
        };
        Document::from_bytes(name, bytes, self.source_lang.lang, read)
    }

    /// The target side from the bytes of the file `name`.
    pub fn read_target(&self, name: &str, bytes: &[u8]) -> Result<(Document, Vec<Warning>), Error> {
        let read = ReadOptions {
            encoding: self.target_encoding.unwrap_or(self.read.encoding),
            ..self.read
        };
        Document::from_bytes(name, bytes, self.target_lang.lang, read)
    }

    /// The two sides of a streaming record called `at` (`<file>:<line>`), from its texts; an
    /// empty side is refused unless `allow_empty`.
    pub fn read_record(
        &self,
        at: &str,
        source: String,
        target: String,
    ) -> Result<(Document, Document, Vec<Warning>), String> {
        let mut warnings = Vec::new();
        let mut side = |text: String, field: &str, lang| -> Result<Document, String> {
            if text.trim().is_empty() && !self.read.allow_empty {
                return Err(format!(
                    "the {field} is empty; give it text, or pass --allow-empty to align it with nothing"
                ));
            }
            let decoded = Decoded::utf8(text);
            let (document, read) =
                Document::from_decoded(format!("{at} {field}"), decoded, lang, self.read);
            warnings.extend(read);
            Ok(document)
        };
        let source = side(source, "source", self.source_lang.lang)?;
        let target = side(target, "target", self.target_lang.lang)?;
        Ok((source, target, warnings))
    }

    /// The lexicon and agreed terms of the user's glossaries (with the seed, unless turned off).
    pub fn glossaries(&self, tables: &[Table]) -> Glossaries {
        Glossaries::new(tables, self.seed_glossary)
    }

    /// The aligner this config describes.
    pub fn aligner<'a>(&self, lexicon: &'a Lexicon) -> Aligner<'a> {
        Aligner::new(lexicon)
            .with_languages(self.source_lang.lang, self.target_lang.lang)
            .with_second_pass(self.second_pass)
    }

    /// Checks that the pair can be aligned ([`check_pair`]) and aligns it.
    ///
    /// ```
    /// use padan::pipeline::Config;
    /// let config = Config::default();
    /// let (source, _) = config.read_source("id.txt", "Rusia bertemu AS. Mereka membahas 7.800 pasukan.".as_bytes()).unwrap();
    /// let (target, _) = config.read_target("en.txt", "Russia met the US. They discussed 7,800 troops.".as_bytes()).unwrap();
    /// let (beads, warnings) = config.align(padan::Lexicon::seed(), &source, &target).unwrap();
    /// assert_eq!((beads.len(), warnings.len()), (2, 0));
    /// ```
    pub fn align(
        &self,
        lexicon: &Lexicon,
        source: &Document,
        target: &Document,
    ) -> Result<(Vec<Bead>, Vec<Warning>), Error> {
        let warnings = check_pair(source, target, self.force)?;
        let beads = self
            .aligner(lexicon)
            .align(&source.inputs(), &target.inputs());
        Ok((beads, warnings))
    }
}
