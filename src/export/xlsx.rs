//! Excel workbooks (.xlsx) for review: an alignment (one sheet per document and a summary), a
//! glossary, and a check report.
//!
//! Every sheet has a bold header row frozen in place, an autofilter, wrapped text and widths
//! that fit the columns; rows that need attention are filled. Text that a spreadsheet would take
//! for a formula (`=`, `+`, `-`, `@`, tab, CR first) is written with Excel's quote prefix: it
//! shows as written (`-5 persen`) and stays text when the reviewer edits the cell.

use std::io::{self, Cursor, Write};

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use super::report::{report_cells, ReportRow, REPORT_COLUMNS};
use crate::check::{Flag, Severity};
use crate::document::{AlignedPair, LOW_CONFIDENCE};
use crate::glossary::review::Sheet;
use crate::Lang;

const ERROR_FILL: u32 = 0xF8CBAD;
const WARNING_FILL: u32 = 0xFFE699;
const APPROVED_FILL: u32 = 0xC6EFCE;
const REJECTED_FILL: u32 = 0xD9D9D9;

fn xlsx_error(e: XlsxError) -> io::Error {
    io::Error::other(format!("writing the workbook failed: {e}"))
}

/// Whether a spreadsheet would read the text as a formula (CWE-1236).
fn formula_like(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Cell formats of one fill colour.
struct Styles {
    text: Format,
    quoted: Format,
    number: Format,
}

impl Styles {
    fn new(fill: Option<u32>) -> Self {
        let base = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let base = match fill {
            Some(rgb) => base.set_background_color(Color::RGB(rgb)),
            None => base,
        };
        Styles {
            quoted: base.clone().set_quote_prefix(),
            number: base.clone().set_num_format("0.000"),
            text: base,
        }
    }

    fn write(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        col: u16,
        text: &str,
    ) -> Result<(), XlsxError> {
        let format = if formula_like(text) {
            &self.quoted
        } else {
            &self.text
        };
        sheet.write_string_with_format(row, col, text, format)?;
        Ok(())
    }
}

/// A workbook with fixed document properties, so the same input gives the same bytes.
fn new_workbook() -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_author("padan")
            .set_creation_datetime(&created),
    );
    Ok(workbook)
}

fn header(sheet: &mut Worksheet, columns: &[(&str, f64)]) -> Result<(), XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    for (col, (name, width)) in columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *name, &bold)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn finish(sheet: &mut Worksheet, rows: u32, columns: usize) -> Result<(), XlsxError> {
    if columns > 0 {
        sheet.autofilter(0, 0, rows, (columns - 1) as u16)?;
    }
    Ok(())
}

fn save(mut workbook: Workbook, out: &mut dyn Write) -> io::Result<()> {
    let mut buffer = Cursor::new(Vec::new());
    workbook.save_to_writer(&mut buffer).map_err(xlsx_error)?;
    out.write_all(buffer.get_ref())
}

/// A valid, unique worksheet name for a document: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str, used: &mut Vec<String>) -> String {
    let stem = std::path::Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(name);
    let clean: String = stem
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { '_' } else { c })
        .take(26)
        .collect();
    let clean = if clean.trim().is_empty() || clean.eq_ignore_ascii_case("summary") {
        // `used` holds the Summary sheet and the documents before this one.
        format!("doc {}", used.len())
    } else {
        clean
    };
    let mut candidate = clean.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{clean} ({n})");
        n += 1;
    }
    used.push(candidate.clone());
    candidate
}

/// One aligned document of a workbook, with the check flags of its beads.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The document's name (sheet name and summary row).
    pub name: &'a str,
    /// The alignment.
    pub pair: AlignedPair<'a>,
    /// Check flags, any order; each names its bead.
    pub flags: &'a [Flag],
}

/// Writes an alignment workbook: a `Summary` sheet, then one sheet per document with the
/// columns #, source language, target language, confidence, flags, reviewer comment.
pub fn write_alignment(
    documents: &[Document],
    languages: (Lang, Lang),
    out: &mut dyn Write,
) -> io::Result<()> {
    alignment_workbook(documents, languages)
        .map_err(xlsx_error)
        .and_then(|w| save(w, out))
}

fn alignment_workbook(
    documents: &[Document],
    languages: (Lang, Lang),
) -> Result<Workbook, XlsxError> {
    let mut workbook = new_workbook()?;
    let plain = Styles::new(None);
    let warning = Styles::new(Some(WARNING_FILL));
    let error = Styles::new(Some(ERROR_FILL));
    let summary_columns = [
        ("document", 30.0),
        ("sheet", 20.0),
        (languages.0.name(), 12.0),
        (languages.1.name(), 12.0),
        ("beads", 8.0),
        ("1-1", 8.0),
        ("merged", 8.0),
        ("unaligned", 10.0),
        ("low confidence", 14.0),
        ("errors", 8.0),
        ("warnings", 9.0),
    ];
    let summary = workbook.add_worksheet();
    summary.set_name("Summary")?;
    header(summary, &summary_columns)?;
    let mut used = vec!["Summary".to_owned()];
    let mut rows: Vec<(String, String, [usize; 9])> = Vec::new();
    for doc in documents {
        let name = sheet_name(doc.name, &mut used);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        header(
            sheet,
            &[
                ("#", 6.0),
                (languages.0.name(), 60.0),
                (languages.1.name(), 60.0),
                ("confidence", 11.0),
                ("flags", 40.0),
                ("reviewer comment", 30.0),
            ],
        )?;
        let mut counts = [0usize; 9];
        counts[0] = doc.pair.source.segments.len();
        counts[1] = doc.pair.target.segments.len();
        counts[2] = doc.pair.beads.len();
        for (b, bead) in doc.pair.beads.iter().enumerate() {
            let flags: Vec<&Flag> = doc.flags.iter().filter(|f| f.bead == b).collect();
            let worst = flags.iter().map(|f| f.severity).min();
            let low = bead.confidence < LOW_CONFIDENCE;
            let styles = match worst {
                Some(Severity::Error) => &error,
                Some(Severity::Warning) => &warning,
                None if low => &warning,
                None => &plain,
            };
            match (bead.source.len(), bead.target.len()) {
                (1, 1) => counts[3] += 1,
                (0, _) | (_, 0) => counts[5] += 1,
                _ => counts[4] += 1,
            }
            counts[6] += usize::from(low);
            counts[7] += flags
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            counts[8] += flags
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count();
            let row = b as u32 + 1;
            sheet.write_number_with_format(row, 0, (b + 1) as f64, &styles.text)?;
            styles.write(sheet, row, 1, &doc.pair.source.joined(&bead.source))?;
            styles.write(sheet, row, 2, &doc.pair.target.joined(&bead.target))?;
            sheet.write_number_with_format(row, 3, bead.confidence, &styles.number)?;
            let described: Vec<String> = flags
                .iter()
                .map(|f| format!("{} {}: {}", f.severity, f.check, f.evidence))
                .collect();
            styles.write(sheet, row, 4, &described.join("\n"))?;
            styles.write(sheet, row, 5, "")?;
        }
        finish(sheet, doc.pair.beads.len() as u32, 6)?;
        rows.push((doc.name.to_owned(), name, counts));
    }
    let summary = workbook.worksheet_from_name("Summary")?;
    for (r, (document, sheet, counts)) in rows.iter().enumerate() {
        let row = r as u32 + 1;
        plain.write(summary, row, 0, document)?;
        plain.write(summary, row, 1, sheet)?;
        for (c, n) in counts.iter().enumerate() {
            summary.write_number(row, c as u16 + 2, *n as f64)?;
        }
    }
    finish(summary, rows.len() as u32, summary_columns.len())?;
    Ok(workbook)
}

/// Writes a glossary as one sheet, its header frozen, approved rows green, rejected rows grey.
pub fn write_glossary(sheet: &Sheet, out: &mut dyn Write) -> io::Result<()> {
    glossary_workbook(sheet)
        .map_err(xlsx_error)
        .and_then(|w| save(w, out))
}

fn glossary_workbook(glossary: &Sheet) -> Result<Workbook, XlsxError> {
    let mut workbook = new_workbook()?;
    let plain = Styles::new(None);
    let approved = Styles::new(Some(APPROVED_FILL));
    let rejected = Styles::new(Some(REJECTED_FILL));
    let sheet = workbook.add_worksheet();
    sheet.set_name("Glossary")?;
    let columns: Vec<(&str, f64)> = glossary
        .header
        .iter()
        .map(|name| {
            let width = match name.as_str() {
                "source_term" | "target_term" => 28.0,
                "example_source" | "example_target" => 50.0,
                "note" => 30.0,
                "status" | "kind" => 11.0,
                _ => 10.0,
            };
            (name.as_str(), width)
        })
        .collect();
    header(sheet, &columns)?;
    let status_col = glossary.header.iter().position(|h| h == "status");
    for (r, row) in glossary.rows.iter().enumerate() {
        let status = status_col
            .and_then(|c| row.get(c))
            .map(|s| s.trim().to_lowercase());
        let styles = match status.as_deref() {
            Some("approved") => &approved,
            Some("rejected") => &rejected,
            _ => &plain,
        };
        for (c, value) in row.iter().enumerate() {
            styles.write(sheet, r as u32 + 1, c as u16, value)?;
        }
    }
    finish(sheet, glossary.rows.len() as u32, glossary.header.len())?;
    Ok(workbook)
}

/// Writes a check report as one sheet, errors red, warnings yellow.
pub fn write_report(rows: &[ReportRow], out: &mut dyn Write) -> io::Result<()> {
    report_workbook(rows)
        .map_err(xlsx_error)
        .and_then(|w| save(w, out))
}

fn report_workbook(rows: &[ReportRow]) -> Result<Workbook, XlsxError> {
    let mut workbook = new_workbook()?;
    let warning = Styles::new(Some(WARNING_FILL));
    let error = Styles::new(Some(ERROR_FILL));
    let sheet = workbook.add_worksheet();
    sheet.set_name("Checks")?;
    let widths = [20.0, 6.0, 10.0, 10.0, 18.0, 9.0, 50.0, 50.0, 50.0];
    let columns: Vec<(&str, f64)> = REPORT_COLUMNS.iter().copied().zip(widths).collect();
    header(sheet, &columns)?;
    for (r, row) in rows.iter().enumerate() {
        let styles = match row.flag.severity {
            Severity::Error => &error,
            Severity::Warning => &warning,
        };
        for (c, value) in report_cells(row).iter().enumerate() {
            if c == 1 {
                sheet.write_number_with_format(
                    r as u32 + 1,
                    1,
                    (row.flag.bead + 1) as f64,
                    &styles.text,
                )?;
            } else {
                styles.write(sheet, r as u32 + 1, c as u16, value)?;
            }
        }
    }
    finish(sheet, rows.len() as u32, REPORT_COLUMNS.len())?;
    Ok(workbook)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Bead;
    use crate::document::Side;
    use crate::segment;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut used = vec!["Summary".to_owned()];
        let names: Vec<String> = [
            "a/b/news:1?.txt",
            "news_1_.txt",
            "news_1_.id",
            "summary.txt",
            "a-very-long-document-name-that-excel-would-refuse.txt",
        ]
        .iter()
        .map(|n| sheet_name(n, &mut used))
        .collect();
        assert_eq!(
            names,
            [
                "news_1_",
                "news_1_ (2)",
                "news_1_ (3)",
                "doc 4",
                "a-very-long-document-name-"
            ]
        );
        assert!(names.iter().all(|n| n.chars().count() <= 31));
    }

    #[test]
    fn a_corpus_workbook_has_a_summary_and_one_sheet_per_document() {
        let (text_a, text_b) = ("Satu.\nDua.\n", "Tiga.\n");
        let (sa, sb) = (segment::lines(text_a), segment::lines(text_b));
        let beads_a = [
            Bead {
                source: 0..1,
                target: 0..1,
                confidence: 0.9,
            },
            Bead {
                source: 1..2,
                target: 1..1,
                confidence: 0.3,
            },
        ];
        let beads_b = [Bead {
            source: 0..1,
            target: 0..1,
            confidence: 1.0,
        }];
        let side = |name, text, segments| Side {
            name,
            text,
            segments,
            offset: 0,
        };
        let pair_a = AlignedPair {
            source: side("a.id", text_a, &sa),
            target: side("a.en", text_a, &sa),
            beads: &beads_a,
        };
        let pair_b = AlignedPair {
            source: side("b.id", text_b, &sb),
            target: side("b.en", text_b, &sb),
            beads: &beads_b,
        };
        let documents = [
            Document {
                name: "a.id",
                pair: pair_a,
                flags: &[],
            },
            Document {
                name: "b.id",
                pair: pair_b,
                flags: &[],
            },
        ];
        let mut workbook = alignment_workbook(&documents, (Lang::Id, Lang::En))
            .unwrap_or_else(|e| panic!("workbook: {e}"));
        let names: Vec<String> = workbook.worksheets().iter().map(|w| w.name()).collect();
        assert_eq!(names, ["Summary", "a", "b"]);
        let mut first = Vec::new();
        let mut second = Vec::new();
        write_alignment(&documents, (Lang::Id, Lang::En), &mut first).unwrap_or_default();
        write_alignment(&documents, (Lang::Id, Lang::En), &mut second).unwrap_or_default();
        assert!(
            first.starts_with(b"PK") && first == second,
            "deterministic bytes"
        );
        let _ = workbook.save_to_buffer();
    }
}
