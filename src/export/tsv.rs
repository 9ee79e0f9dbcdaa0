//! Tab-separated values for tools: literal text, one bead a row.

use std::io::{self, Write};
use std::ops::Range;

use super::AlignmentFormat;
use crate::document::{human_ids, AlignedPair, Side};

/// The header row of the TSV format.
pub const TSV_HEADER: &str = "bead\tsource_ids\ttarget_ids\tconfidence\tsource\ttarget";

/// `bead<TAB>source_ids<TAB>target_ids<TAB>confidence<TAB>source<TAB>target`, with a header
/// row. Bead and segment numbers are 1-based; text is literal (tabs inside a segment become
/// spaces, so the columns hold).
#[derive(Debug, Clone, Copy, Default)]
pub struct Tsv;

impl AlignmentFormat for Tsv {
    fn write(&self, pair: &AlignedPair, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{TSV_HEADER}")?;
        for (n, bead) in pair.beads.iter().enumerate() {
            write!(
                out,
                "{}\t{}\t{}\t{:.3}\t",
                n + 1,
                human_ids(&bead.source),
                human_ids(&bead.target),
                bead.confidence,
            )?;
            write_cell(out, &pair.source, &bead.source)?;
            out.write_all(b"\t")?;
            write_cell(out, &pair.target, &bead.target)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// The segments `range` of `side` joined by a space, tabs and line breaks written as spaces.
fn write_cell(out: &mut dyn Write, side: &Side, range: &Range<usize>) -> io::Result<()> {
    for (k, segment) in side.segments[range.clone()].iter().enumerate() {
        if k > 0 {
            out.write_all(b" ")?;
        }
        let text = segment.display(side.text);
        let mut rest = text.as_bytes();
        while let Some(at) = memchr::memchr3(b'\t', b'\n', b'\r', rest) {
            out.write_all(&rest[..at])?;
            out.write_all(b" ")?;
            rest = &rest[at + 1..];
        }
        out.write_all(rest)?;
    }
    Ok(())
}
