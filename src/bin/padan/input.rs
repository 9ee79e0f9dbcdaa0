//! Loading the two sides of a pair: decode, segment (or take lines), check the language.

use padan::align::{Lexicon, SegmentInput};
use padan::error::Error;
use padan::glossary::read::read_table;
use padan::glossary::review::anchors;
use padan::segment::{self, Segment, Segmenter};
use padan::text::{Decoded, Encoding};
use padan::Lang;

use crate::io::{display_name, read_bytes, read_text};

/// One side of a pair, decoded and segmented.
pub struct LoadedSide {
    pub name: String,
    pub decoded: Decoded,
    pub segments: Vec<Segment>,
    pub lang: Lang,
    pub presegmented: bool,
}

/// How sides are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    pub presegmented: bool,
    /// Take an empty or whitespace-only file as a side with no segments instead of an error.
    pub allow_empty: bool,
    pub encoding: Encoding,
    pub max_chars: usize,
}

impl LoadedSide {
    pub fn load(path: &str, lang: Lang, options: ReadOptions) -> Result<Self, Error> {
        Self::from_bytes(path, &read_bytes(path)?, lang, options)
    }

    /// A side from the bytes read from `path` (for callers that also need the bytes).
    pub fn from_bytes(
        path: &str,
        bytes: &[u8],
        lang: Lang,
        options: ReadOptions,
    ) -> Result<Self, Error> {
        let name = display_name(path);
        let decoded = match padan::text::decode(bytes, &name, options.encoding) {
            Err(Error::Empty { .. }) if options.allow_empty => Decoded {
                text: String::new(),
                encoding: "UTF-8",
                bom_len: 0,
            },
            other => other?,
        };
        Ok(Self::from_decoded(name, decoded, lang, options))
    }

    pub fn from_decoded(name: String, decoded: Decoded, lang: Lang, options: ReadOptions) -> Self {
        let segments = if options.presegmented {
            segment::lines(&decoded.text)
        } else {
            segment_text(&name, &decoded.text, lang, options.max_chars)
        };
        LoadedSide {
            name,
            decoded,
            segments,
            lang,
            presegmented: options.presegmented,
        }
    }

    /// The segments as the aligner takes them.
    pub fn inputs(&self) -> Vec<SegmentInput<'_>> {
        self.segments
            .iter()
            .enumerate()
            .map(|(k, s)| SegmentInput {
                text: s.text(&self.decoded.text),
                paragraph_start: (!self.presegmented)
                    .then(|| k == 0 || self.segments[k - 1].paragraph != s.paragraph),
            })
            .collect()
    }

    pub fn side(&self) -> padan::export::Side<'_> {
        padan::export::Side {
            name: &self.name,
            text: &self.decoded.text,
            segments: &self.segments,
            offset: self.decoded.bom_len,
        }
    }
}

/// Warns on stderr about rows that repeat an earlier entry (kept: nothing is dropped).
pub fn warn_duplicates(table: &padan::glossary::read::Table, path: &str) {
    for (line, first) in table.duplicates() {
        eprintln!(
            "padan: warning: {}:{line}: repeats the entry of line {first}; delete one of them",
            display_name(path)
        );
    }
}

/// Splits a text into segments, warning on stderr when some were longer than `max_chars`
/// characters and were cut.
pub fn segment_text(name: &str, text: &str, lang: Lang, max_chars: usize) -> Vec<Segment> {
    let (segments, cut) = Segmenter::new(lang)
        .with_max_chars(max_chars)
        .split_counting_cuts(text);
    if cut > 0 {
        eprintln!(
            "padan: warning: {name}: {cut} segment(s) longer than {max_chars} characters were \
             cut at word boundaries; raise --max-chars to keep them whole"
        );
    }
    segments
}

/// Refuses a pair whose languages look swapped unless `force`; warns about a lopsided pair.
pub fn check_pair(source: &LoadedSide, target: &LoadedSide, force: bool) -> Result<(), Error> {
    let guessed = (
        padan::lang::guess(&source.decoded.text),
        padan::lang::guess(&target.decoded.text),
    );
    if guessed == (Some(target.lang), Some(source.lang)) && source.lang != target.lang {
        let message = format!(
            "{} looks {} and {} looks {}, but the first file should be {} (--source-lang {}); \
             swap the files, or pass --force to align them as they are",
            source.name,
            target.lang.name(),
            target.name,
            source.lang.name(),
            source.lang.name(),
            source.lang.code()
        );
        if !force {
            return Err(Error::Usage(message));
        }
        eprintln!("padan: warning: {message}");
    }
    let (a, b) = (source.segments.len().max(1), target.segments.len().max(1));
    if a > 3 * b || b > 3 * a {
        eprintln!(
            "padan: warning: {} has {} segments and {} has {}: one side is much longer than the \
             other; aligning anyway, expect many unaligned segments",
            source.name,
            source.segments.len(),
            target.name,
            target.segments.len()
        );
    }
    Ok(())
}

/// The lexicon for a run: the seed glossaries (unless turned off) and the user's glossaries,
/// whose rejected rows are left out.
pub fn lexicon(glossaries: &[String], seed: bool, encoding: Encoding) -> Result<Lexicon, Error> {
    load_glossaries(glossaries, seed, encoding).map(|g| g.lexicon)
}

/// The user's glossaries, each file read once, in the two forms a run needs.
pub struct Glossaries {
    /// Anchors for alignment: the seed (unless turned off) and every row not rejected.
    pub lexicon: Lexicon,
    /// The agreed term pairs, for checks: approved and added rows (a file without a status
    /// column is all agreed), never proposed or rejected ones.
    pub agreed: Vec<(String, String)>,
}

/// Reads the user's glossaries into a [`Glossaries`].
pub fn load_glossaries(
    glossaries: &[String],
    seed: bool,
    encoding: Encoding,
) -> Result<Glossaries, Error> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut agreed = Vec::new();
    for path in glossaries {
        let decoded = read_text(path, encoding)?;
        let table = read_table(&decoded.text, &display_name(path))?;
        warn_duplicates(&table, path);
        agreed.extend(anchors(&table));
        pairs.extend(
            table
                .rows
                .into_iter()
                .filter(|r| r.status != "rejected" && !r.target.is_empty())
                .map(|r| (r.source, r.target)),
        );
    }
    let pairs = pairs.iter().map(|(s, t)| (s.as_str(), t.as_str()));
    let lexicon = if seed {
        Lexicon::seed().extended(pairs)
    } else {
        Lexicon::from_pairs(pairs)
    };
    Ok(Glossaries { lexicon, agreed })
}
