//! Tab-separated values for tools: literal text, one bead a row.

use std::io::{self, Write};

use super::AlignmentFormat;
use crate::document::{human_ids, AlignedPair};

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
            let clean = |s: String| s.replace(['\t', '\n', '\r'], " ");
            writeln!(
                out,
                "{}\t{}\t{}\t{:.3}\t{}\t{}",
                n + 1,
                human_ids(&bead.source),
                human_ids(&bead.target),
                bead.confidence,
                clean(pair.source.joined(&bead.source)),
                clean(pair.target.joined(&bead.target)),
            )?;
        }
        Ok(())
    }
}
