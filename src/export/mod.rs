//! Output formats of an alignment, one file per format behind [`AlignmentFormat`].
//!
//! Plain formats for tools (`tsv`, `jsonl`, `beads`) write text as it is (a tab inside a segment
//! becomes a space in TSV, so columns stay columns); spreadsheet formats neutralize cells that a
//! spreadsheet would run as a formula.

mod beads;
mod csv_format;
mod jsonl;
pub mod report;
pub mod termbase;
mod tmx;
mod tsv;
pub mod xlsx;

use std::io::{self, Write};
use std::ops::Range;

pub use beads::Beads;
pub use csv_format::Csv;
pub use jsonl::{write_failed_record, write_record, Jsonl};
pub use tmx::Tmx;
pub use tsv::Tsv;

use crate::align::Bead;
use crate::segment::Segment;

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
}

impl<'a> Side<'a> {
    /// The texts of segments `range`, joined by a space.
    pub fn joined(&self, range: &Range<usize>) -> String {
        self.segments[range.clone()]
            .iter()
            .map(|s| s.text(self.text))
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

/// An aligned pair of texts: what every alignment export reads.
#[derive(Debug, Clone, Copy)]
pub struct AlignedPair<'a> {
    /// The source (Indonesian) side.
    pub source: Side<'a>,
    /// The target (English) side.
    pub target: Side<'a>,
    /// The beads, in order.
    pub beads: &'a [Bead],
}

/// An output format for alignments.
pub trait AlignmentFormat {
    /// Writes `pair` to `out`.
    fn write(&self, pair: &AlignedPair, out: &mut dyn Write) -> io::Result<()>;
}

/// Segment numbers of a bead side, 1-based for people: `3` or `3,4`; empty when none.
pub fn human_ids(range: &Range<usize>) -> String {
    range
        .clone()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// A cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR first: CWE-1236) gets a
/// leading apostrophe, which spreadsheets show as text and do not display.
///
/// ```
/// assert_eq!(padan::export::neutralize("-5 persen"), "'-5 persen");
/// assert_eq!(padan::export::neutralize("Lavrov"), "Lavrov");
/// ```
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    if formula_like(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Undoes [`neutralize`] on a cell read back from a spreadsheet file: an apostrophe before
/// `=`, `+`, `-`, `@`, tab or CR is dropped, so a reviewed file round-trips unchanged.
///
/// ```
/// assert_eq!(padan::export::unneutralize("'-5 persen"), "-5 persen");
/// assert_eq!(padan::export::unneutralize("'tis"), "'tis");
/// assert_eq!(padan::export::unneutralize("''=1"), "'=1");
/// ```
pub fn unneutralize(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => cell,
    }
}

/// Whether a cell starts like a formula, behind any number of apostrophes: `=1`, `-5`, but
/// also `'=1`, which must get an apostrophe of its own so that reading it back (which drops
/// one apostrophe before a formula-like start) gives `'=1` again.
fn formula_like(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Text for XML content and attribute values: markup characters escaped, and the characters
/// XML 1.0 forbids (C0 controls other than tab and line ends, U+FFFE, U+FFFF) dropped.
///
/// ```
/// assert_eq!(padan::export::xml_escape("AT&T <\"x\">\u{1}"), "AT&amp;T &lt;&quot;x&quot;&gt;");
/// ```
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
