//! A document as every stage sees it: one side of a pair, decoded and segmented, and the aligned
//! pair of two such sides that checks and exports read.
//!
//! [`Document::from_bytes`] is the one way in: bytes as read from a file, decoded, cut into
//! segments (or taken a line each when pre-segmented). What a user should hear about (segments
//! cut at the length limit) comes back as [`Warning`] values; printing them is the caller's
//! business.

use std::ops::Range;

use crate::error::Error;
pub use crate::error::Warning;
use crate::segment::{self, Paragraphs, Segment, Segmenter};
use crate::text::{read_input, Decoded, Encoding, Format, Input};
use crate::Lang;

/// Beads below this confidence are low-confidence: counted in summaries and filled in review
/// workbooks for a second look.
pub const LOW_CONFIDENCE: f64 = 0.5;

/// A bead: a run of source segments aligned with a run of target segments (either may be
/// empty), with the model's confidence in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    /// Source (Indonesian) segment indices.
    pub source: Range<usize>,
    /// Target (English) segment indices.
    pub target: Range<usize>,
    /// Posterior probability of the bead, 0 to 1.
    pub confidence: f64,
}

impl Bead {
    /// The confidence as every output shows it, to three decimals.
    pub fn shown_confidence(&self) -> f64 {
        (self.confidence * 1000.0).round() / 1000.0
    }

    /// Whether the bead is low-confidence, judged on the confidence as shown, so a bead a
    /// reader sees as 0.500 is never counted as below 0.5 (and a count made from any output,
    /// such as a JSONL stream, is the same).
    ///
    /// ```
    /// let bead = |confidence| padan::document::Bead { source: 0..1, target: 0..1, confidence };
    /// assert!(bead(0.4994).is_low_confidence());
    /// assert!(!bead(0.4996).is_low_confidence());
    /// ```
    pub fn is_low_confidence(&self) -> bool {
        self.shown_confidence() < LOW_CONFIDENCE
    }

    /// The bead's shape, e.g. `1-2`.
    pub fn kind(&self) -> String {
        format!("{}-{}", self.source.len(), self.target.len())
    }
}

/// A segment's text with what alignment needs to know about its place.
#[derive(Debug, Clone, Copy)]
pub struct SegmentInput<'a> {
    /// The segment's text.
    pub text: &'a str,
    /// Whether the segment starts a paragraph; `None` for pre-segmented input, where it says
    /// nothing.
    pub paragraph_start: Option<bool>,
}

/// How a document is read from its bytes.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// One segment a line, as it is (no sentence splitting).
    pub presegmented: bool,
    /// Take an empty or whitespace-only file as a document with no segments instead of an error.
    pub allow_empty: bool,
    /// The encoding of bytes that are not UTF-8 (or UTF-16 with a byte-order mark).
    pub encoding: Encoding,
    /// Segments longer than this many characters are cut at a word boundary.
    pub max_chars: usize,
    /// How lines make paragraphs in plain text (a web page's or a document's paragraphs are
    /// its own).
    pub paragraphs: Paragraphs,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            presegmented: false,
            allow_empty: false,
            encoding: Encoding::Auto,
            max_chars: segment::DEFAULT_MAX_SEGMENT_CHARS,
            paragraphs: Paragraphs::Auto,
        }
    }
}

/// One side of a pair: its text decoded and cut into segments.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name used in messages (the path as given; `<stdin>` for `-`).
    pub name: String,
    /// The decoded text the segments point into.
    pub decoded: Decoded,
    /// The segments, in order.
    pub segments: Vec<Segment>,
    /// The document's language.
    pub lang: Lang,
    /// Whether the segments are the lines as given (then paragraphs say nothing).
    pub presegmented: bool,
    /// [`fingerprint`] of the bytes the document was read from (empty when it was not read
    /// from a file), so that a review workbook can tell when its sources changed.
    pub fingerprint: String,
    /// What kind of file it was read from (the text of a web page or a word-processor document
    /// is its extracted paragraphs, one a line).
    pub format: Format,
}

impl Document {
    /// A document from the bytes of a file called `name`, with the warnings reading it raised.
    ///
    /// ```
    /// use padan::document::{Document, ReadOptions};
    /// let (doc, warnings) = Document::from_bytes("a.txt", "Satu. Dua.".as_bytes(), padan::Lang::Id, ReadOptions::default()).unwrap();
    /// assert_eq!((doc.segments.len(), warnings.len()), (2, 0));
    /// ```
    pub fn from_bytes(
        name: &str,
        bytes: &[u8],
        lang: Lang,
        options: ReadOptions,
    ) -> Result<(Self, Vec<Warning>), Error> {
        let input = match read_input(bytes, name, options.encoding) {
            Err(Error::Empty { .. }) if options.allow_empty => Input {
                decoded: Decoded::utf8(String::new()),
                format: Format::Text,
            },
            other => other?,
        };
        let mut warnings: Vec<Warning> = input.decoded.warning.iter().cloned().collect();
        let options = ReadOptions {
            // Extracted text is one paragraph a line.
            paragraphs: match input.format {
                Format::Text => options.paragraphs,
                _ => Paragraphs::Lines,
            },
            ..options
        };
        let (mut document, read) =
            Self::from_decoded(name.to_owned(), input.decoded, lang, options);
        warnings.extend(read);
        document.fingerprint = fingerprint(bytes);
        document.format = input.format;
        Ok((document, warnings))
    }

    /// A document from text already decoded, with the warnings segmenting it raised.
    pub fn from_decoded(
        name: String,
        decoded: Decoded,
        lang: Lang,
        options: ReadOptions,
    ) -> (Self, Vec<Warning>) {
        let mut warnings = Vec::new();
        let segmenter = Segmenter::new(lang)
            .with_max_chars(options.max_chars)
            .with_paragraphs(options.paragraphs);
        let (segments, warning) = if options.presegmented {
            // Pre-segmented lines obey the length limit too: no line can make alignment
            // quadratic.
            let (segments, cut) = segmenter.lines_counting_cuts(&decoded.text);
            (segments, cut_warning(&name, cut, options.max_chars))
        } else {
            segment_with(&segmenter, &name, &decoded.text)
        };
        warnings.extend(warning);
        let document = Document {
            name,
            decoded,
            segments,
            lang,
            presegmented: options.presegmented,
            fingerprint: String::new(),
            format: Format::Text,
        };
        (document, warnings)
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

    /// The document as one side of an aligned pair.
    pub fn side(&self) -> Side<'_> {
        Side {
            name: &self.name,
            text: &self.decoded.text,
            segments: &self.segments,
            offset: self.decoded.bom_len,
            fingerprint: &self.fingerprint,
        }
    }
}

/// FNV-1a, 64 bits: a fingerprint of bytes stable across builds and platforms (std's hashers
/// are not).
///
/// ```
/// assert_eq!(padan::document::fingerprint(b"a"), "af63dc4c8601ec8c");
/// ```
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Splits a text into segments; a warning when some were longer than `max_chars` characters
/// and were cut.
pub fn segment_text(
    name: &str,
    text: &str,
    lang: Lang,
    max_chars: usize,
) -> (Vec<Segment>, Option<Warning>) {
    segment_with(&Segmenter::new(lang).with_max_chars(max_chars), name, text)
}

/// Splits a text with `segmenter`; a warning when some segments were cut at its length limit.
pub fn segment_with(
    segmenter: &Segmenter,
    name: &str,
    text: &str,
) -> (Vec<Segment>, Option<Warning>) {
    let (segments, cut) = segmenter.split_counting_cuts(text);
    (segments, cut_warning(name, cut, segmenter.max_chars()))
}

fn cut_warning(name: &str, cut: usize, max_chars: usize) -> Option<Warning> {
    (cut > 0).then(|| {
        Warning::new(format!(
            "{name}: {cut} segment(s) longer than {max_chars} characters were cut at word \
             boundaries; raise --max-chars to keep them whole"
        ))
    })
}

/// Checks that two documents can be aligned: a pair whose languages look swapped is refused
/// unless `force` (then it is a warning); a lopsided pair is a warning.
pub fn check_pair(
    source: &Document,
    target: &Document,
    force: bool,
) -> Result<Vec<Warning>, Error> {
    let mut warnings = Vec::new();
    warnings.extend(check_languages(
        (&source.name, &source.decoded.text, source.lang),
        (&target.name, &target.decoded.text, target.lang),
        force,
    )?);
    let (a, b) = (source.segments.len().max(1), target.segments.len().max(1));
    if a > 3 * b || b > 3 * a {
        warnings.push(Warning::new(format!(
            "{} has {} segments and {} has {}: one side is much longer than the other; \
             aligning anyway, expect many unaligned segments",
            source.name,
            source.segments.len(),
            target.name,
            target.segments.len()
        )));
    }
    Ok(warnings)
}

/// Checks that two texts, each `(name, text, language it should be)`, are not the other way
/// round: swapped, they are refused unless `force` (then it is a warning).
pub fn check_languages(
    (source_name, source_text, source_lang): (&str, &str, Lang),
    (target_name, target_text, target_lang): (&str, &str, Lang),
    force: bool,
) -> Result<Option<Warning>, Error> {
    let guessed = (
        crate::lang::guess(source_text),
        crate::lang::guess(target_text),
    );
    if guessed != (Some(target_lang), Some(source_lang)) || source_lang == target_lang {
        return Ok(None);
    }
    let message = format!(
        "{source_name} looks {} and {target_name} looks {}, but the first file should be {} \
         (--source-lang {}); swap the files, or pass --force to align them as they are",
        target_lang.name(),
        source_lang.name(),
        source_lang.name(),
        source_lang.code()
    );
    if !force {
        return Err(Error::Usage(message));
    }
    Ok(Some(Warning::new(message)))
}

/// One side of an aligned pair: the decoded text, its segments and where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The file name as given (for messages and exports that name their source).
    pub name: &'a str,
    /// The decoded text the segments point into.
    pub text: &'a str,
    /// The segments, in order.
    pub segments: &'a [Segment],
    /// Bytes before `text` in the original file (a byte-order mark), added to exported spans.
    pub offset: usize,
    /// Fingerprint of the original file's bytes (empty when unknown).
    pub fingerprint: &'a str,
}

impl<'a> Side<'a> {
    /// The texts of segments `range` as they read ([`Segment::display`]), joined by a space.
    pub fn joined(&self, range: &Range<usize>) -> String {
        self.segments[range.clone()]
            .iter()
            .map(|s| s.display(self.text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Byte spans of segments `range` in the original file.
    pub fn spans(&self, range: &Range<usize>) -> Vec<(usize, usize)> {
        self.segments[range.clone()]
            .iter()
            .map(|s| (s.span.start + self.offset, s.span.end + self.offset))
            .collect()
    }
}

/// An aligned pair of texts: what every check and alignment export reads.
#[derive(Debug, Clone, Copy)]
pub struct AlignedPair<'a> {
    /// The source (Indonesian) side.
    pub source: Side<'a>,
    /// The target (English) side.
    pub target: Side<'a>,
    /// The beads, in order.
    pub beads: &'a [Bead],
}

/// Segment numbers of a bead side, 1-based for people: `3` or `3,4`; empty when none.
///
/// ```
/// assert_eq!(padan::document::human_ids(&(2..4)), "3,4");
/// ```
pub fn human_ids(range: &Range<usize>) -> String {
    range
        .clone()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(",")
}
