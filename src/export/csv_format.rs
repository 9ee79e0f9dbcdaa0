//! Comma-separated values, optionally in the flavour Excel opens correctly.

use std::io::{self, Write};

use super::AlignmentFormat;
use crate::document::{human_ids, AlignedPair};
use crate::table::neutralize;

/// A CSV writer for spreadsheets; with `excel`, a byte-order mark is written first and lines end
/// with CRLF, so Excel reads the file as UTF-8.
pub(crate) fn spreadsheet_csv(
    out: &mut dyn Write,
    excel: bool,
) -> io::Result<csv::Writer<&mut dyn Write>> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(csv::WriterBuilder::new()
        .terminator(if excel {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(out))
}

/// The TSV columns as RFC 4180 CSV, and an empty `status` column for a reviewer (`ok`,
/// `reject`; `padan export` reads the file back). With `excel`, the file starts with a UTF-8 byte-order mark
/// and ends lines with CRLF, so Excel reads it as UTF-8; cells that a spreadsheet would run as
/// a formula are neutralized in both flavours (CSV is opened in spreadsheets).
#[derive(Debug, Clone, Copy, Default)]
pub struct Csv {
    /// Excel's flavour: byte-order mark and CRLF.
    pub excel: bool,
}

impl AlignmentFormat for Csv {
    fn write(&self, pair: &AlignedPair, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = spreadsheet_csv(out, self.excel)?;
        writer.write_record([
            "bead",
            "source_ids",
            "target_ids",
            "confidence",
            "source",
            "target",
            "status",
        ])?;
        for (n, bead) in pair.beads.iter().enumerate() {
            let source = pair.source.joined(&bead.source);
            let target = pair.target.joined(&bead.target);
            writer.write_record([
                (n + 1).to_string().as_str(),
                &human_ids(&bead.source),
                &human_ids(&bead.target),
                // Four decimals: a spreadsheet whose locale groups thousands with `.` (Indonesian,
                // German) would read 0.996 as 996; 0.9960 it leaves as it is.
                &format!("{:.4}", bead.confidence),
                &neutralize(&source),
                &neutralize(&target),
                "",
            ])?;
        }
        writer.flush()
    }
}
