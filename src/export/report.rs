//! The report of `padan check`: one row per flag, as TSV, CSV or (in [`super::xlsx`]) a workbook.

use std::io::{self, Write};

use crate::check::Flag;
use crate::document::{human_ids, AlignedPair};
use crate::table::neutralize;

/// The report formats, by the name `--format` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ReportFormat {
    /// Tab-separated, literal text, for tools.
    Tsv,
    /// CSV for spreadsheets (formula-like cells neutralized; --excel for BOM and CRLF).
    Csv,
    /// An Excel workbook (needs -o), errors red and warnings yellow.
    Xlsx,
}

impl ReportFormat {
    /// The format a file name's extension names (`.tsv`, `.csv`, `.xlsx`), if any.
    pub fn from_path(path: &str) -> Option<Self> {
        Some(match super::extension(path)?.as_str() {
            "tsv" => ReportFormat::Tsv,
            "csv" => ReportFormat::Csv,
            "xlsx" => ReportFormat::Xlsx,
            _ => return None,
        })
    }
}

/// Writes a check report in `format`; `excel` gives CSV a byte-order mark and CRLF.
pub fn write(
    format: ReportFormat,
    rows: &[ReportRow],
    excel: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ReportFormat::Tsv => write_tsv(rows, out),
        ReportFormat::Csv => write_csv(rows, excel, out),
        ReportFormat::Xlsx => super::xlsx::write_report(rows, out),
    }
}

/// One row of a check report.
#[derive(Debug, Clone, Copy)]
pub struct ReportRow<'a> {
    /// The document the flag belongs to.
    pub document: &'a str,
    /// The pair it belongs to.
    pub pair: &'a AlignedPair<'a>,
    /// The flag.
    pub flag: &'a Flag,
}

/// The columns of a check report.
pub const REPORT_COLUMNS: [&str; 9] = [
    "document",
    "pair",
    "source_ids",
    "target_ids",
    "check",
    "severity",
    "evidence",
    "source",
    "target",
];

/// The cells of a report row, as [`REPORT_COLUMNS`] names them.
pub fn report_cells(row: &ReportRow) -> [String; 9] {
    let bead = &row.pair.beads[row.flag.bead];
    [
        row.document.to_owned(),
        (row.flag.bead + 1).to_string(),
        human_ids(&bead.source),
        human_ids(&bead.target),
        row.flag.check.to_string(),
        row.flag.severity.to_string(),
        row.flag.evidence.clone(),
        row.pair.source.joined(&bead.source),
        row.pair.target.joined(&bead.target),
    ]
}

/// Writes the report as TSV for tools: text as it is, a tab or line break in a cell as a space.
pub fn write_tsv(rows: &[ReportRow], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", REPORT_COLUMNS.join("\t"))?;
    for row in rows {
        let cells: Vec<String> = report_cells(row)
            .iter()
            .map(|c| c.replace(['\t', '\n', '\r'], " "))
            .collect();
        writeln!(out, "{}", cells.join("\t"))?;
    }
    Ok(())
}

/// Writes the report as CSV for spreadsheets: formula-like cells neutralized; with `excel`, a
/// byte-order mark and CRLF line ends.
pub fn write_csv(rows: &[ReportRow], excel: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = super::csv_format::spreadsheet_csv(out, excel)?;
    writer.write_record(REPORT_COLUMNS)?;
    for row in rows {
        let cells = report_cells(row);
        writer.write_record(cells.iter().map(|c| neutralize(c).into_owned()))?;
    }
    writer.flush()
}
