//! Vecalign's bead format, so padan can be scored beside other aligners.

use std::io::{self, Write};

use super::AlignmentFormat;
use crate::align::eval::format_bead;
use crate::document::AlignedPair;

/// `[0]:[0, 1]` lines: 0-based segment indices, source left, target right.
#[derive(Debug, Clone, Copy, Default)]
pub struct Beads;

impl AlignmentFormat for Beads {
    fn write(&self, pair: &AlignedPair, out: &mut dyn Write) -> io::Result<()> {
        for bead in pair.beads {
            writeln!(out, "{}", format_bead(&bead.source, &bead.target))?;
        }
        Ok(())
    }
}
