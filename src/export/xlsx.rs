//! Excel workbooks (.xlsx) for review: an alignment (one sheet per document and a summary), a
//! glossary, and a check report, made to be read and printed in Excel and LibreOffice.
//!
//! Every sheet has a bold header row frozen in place and repeated on every printed page, an
//! autofilter, text wrapped and top-aligned in columns wide enough to read, and each row as
//! tall as its wrapped text (spreadsheets do not grow a row for text they did not write
//! themselves); pages are landscape, one page wide. Rows that need attention are filled. A
//! `status` column offers the reviewer's choices as a drop-down list. Text that a spreadsheet
//! would take for a formula (`=`, `+`, `-`, `@`, tab, CR first) is written with Excel's quote
//! prefix: it shows as written (`-5 persen`) and stays text when the reviewer edits the cell.
//!
//! An alignment workbook records where it came from in a hidden sheet, `padan`: the
//! languages, and per document its sheet, its two files and their fingerprints, so that
//! `padan export` can name them and tell when they changed.

use std::io::{self, Cursor, Write};

use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet,
    XlsxError,
};

use super::report::{report_cells, ReportRow, REPORT_COLUMNS};
use crate::check::{Flag, Severity};
use crate::document::AlignedPair;
use crate::glossary::review::{Sheet, STATUS_COLUMN};
use crate::lang::Locale;
use crate::table::{Mark, Status};

const ERROR_FILL: u32 = 0xF8CBAD;
const WARNING_FILL: u32 = 0xFFE699;
const APPROVED_FILL: u32 = 0xC6EFCE;
const REJECTED_FILL: u32 = 0xD9D9D9;
const HEADER_FILL: u32 = 0xDDEBF7;

/// The most characters a spreadsheet cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most rows a sheet holds.
pub const MAX_ROWS: usize = 1_048_576;

/// Whether an alignment of sides of `segments` segments, cut at `max_chars` characters, fits a
/// workbook; what to do when it may not. Checked before the work, not after it.
///
/// ```
/// assert!(padan::export::xlsx::fits(2_000, (30, 34)).is_ok());
/// assert!(padan::export::xlsx::fits(20_000, (30, 34)).is_err());
/// ```
pub fn fits(max_chars: usize, segments: (usize, usize)) -> Result<(), String> {
    // A bead joins at most three segments (and a line break between them) into one cell.
    if max_chars.saturating_mul(3).saturating_add(2) > MAX_CELL_CHARS {
        return Err(format!(
            "--max-chars {max_chars} can make a cell longer than the {MAX_CELL_CHARS} characters \
             a spreadsheet cell holds; with --format xlsx use --max-chars {} or less",
            (MAX_CELL_CHARS - 2) / 3
        ));
    }
    if segments.0 + segments.1 >= MAX_ROWS {
        return Err(format!(
            "{} and {} segments can make more rows than the {MAX_ROWS} a sheet holds; use \
             --format tsv or jsonl for a text this long",
            segments.0, segments.1
        ));
    }
    Ok(())
}

/// Height of one line of text in the default font (Calibri 11), in points.
const LINE_HEIGHT: f64 = 15.0;
/// The tallest row a spreadsheet allows, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;
/// A4, in Excel's numbering of paper sizes.
const PAPER_A4: u8 = 9;

/// The name of the hidden sheet that records where an alignment workbook came from.
pub const METADATA_SHEET: &str = "padan";
/// What the metadata sheet's first row says, so a reader knows the layout.
pub const METADATA_FORMAT: &str = "padan-alignment-workbook 1";
/// The header of an alignment sheet's status column.
pub const STATUS_HEADER: &str = "status";
/// The header of an alignment sheet's confidence column.
pub const CONFIDENCE_HEADER: &str = "confidence";

fn xlsx_error(e: XlsxError) -> io::Error {
    io::Error::other(format!("writing the workbook failed: {e}"))
}

/// Whether a spreadsheet would read the text as a formula (CWE-1236).
fn formula_like(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A column of a sheet: its header, its width (in characters of the default font) and
/// whether its text wraps (and so sets the row's height).
#[derive(Debug, Clone)]
struct Column {
    name: String,
    width: f64,
    wraps: bool,
}

fn column(name: impl Into<String>, width: f64, wraps: bool) -> Column {
    Column {
        name: name.into(),
        width,
        wraps,
    }
}

/// How many lines `text` takes in a wrapped column of `width` characters: each of its lines
/// wraps at about `width` characters (a little generous, for the words that do not fit at a
/// line's end).
fn wrapped_lines(text: &str, width: f64) -> usize {
    // About 1.1 characters of text fit in a unit of width (the width of a `0`).
    let per_line = ((width * 1.1).floor() as usize).max(1);
    text.split('\n')
        .map(|line| line.chars().count().div_ceil(per_line).max(1))
        .sum()
}

/// The height of a row holding `cells` in `columns`: the tallest wrapped cell.
fn row_height(columns: &[Column], cells: &[&str]) -> f64 {
    let lines = columns
        .iter()
        .zip(cells)
        .filter(|(c, _)| c.wraps)
        .map(|(c, text)| wrapped_lines(text, c.width))
        .max()
        .unwrap_or(1);
    (lines as f64 * LINE_HEIGHT + 2.0).min(MAX_ROW_HEIGHT)
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
        if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
            return Err(XlsxError::ParameterError(format!(
                "the cell of row {} holds {} characters, more than the {MAX_CELL_CHARS} a \
                 spreadsheet cell holds; write this one as TSV or JSONL",
                row + 1,
                text.chars().count()
            )));
        }
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
fn new_workbook(title: &str) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("padan")
            .set_creation_datetime(&created),
    );
    Ok(workbook)
}

/// Writes the header row and sets up the sheet for reading and printing: widths, the header
/// frozen and repeated on every page, landscape A4 one page wide, gridlines, page numbers.
fn header(sheet: &mut Worksheet, columns: &[Column]) -> Result<(), XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(HEADER_FILL));
    for (col, c) in columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, &c.name, &bold)?;
        sheet.set_column_width(col, c.width)?;
    }
    // Header names wrap in narrow columns: every column sets the header row's height.
    let lines = columns
        .iter()
        .map(|c| wrapped_lines(&c.name, c.width))
        .max()
        .unwrap_or(1);
    sheet.set_row_height(0, lines as f64 * LINE_HEIGHT + 2.0)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    sheet
        .set_landscape()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0)
        .set_print_gridlines(true)
        .set_header("&L&A")
        .set_footer("&CPage &P of &N");
    Ok(())
}

/// The autofilter over the header and `rows` rows.
fn finish(sheet: &mut Worksheet, rows: u32, columns: usize) -> Result<(), XlsxError> {
    if columns > 0 {
        sheet.autofilter(0, 0, rows, (columns - 1) as u16)?;
    }
    Ok(())
}

/// A drop-down list of `choices` in column `col`, rows 1 to `rows`; `what` says what they mean.
fn drop_down(
    sheet: &mut Worksheet,
    col: u16,
    rows: u32,
    choices: &[&str],
    what: &str,
) -> Result<(), XlsxError> {
    if rows == 0 {
        return Ok(());
    }
    let validation = DataValidation::new()
        .allow_list_strings(choices)?
        .set_input_title("status")?
        .set_input_message(what)?
        .set_error_title("status")?
        .set_error_message(format!("Choose one of: {}", choices.join(", ")))?;
    sheet.add_data_validation(1, col, rows, col, &validation)?;
    Ok(())
}

fn save(mut workbook: Workbook, out: &mut dyn Write) -> io::Result<()> {
    let mut buffer = Cursor::new(Vec::new());
    workbook.save_to_writer(&mut buffer).map_err(xlsx_error)?;
    out.write_all(buffer.get_ref())
}

/// Characters of a document's name kept in its sheet's name (31 at most with a number).
const SHEET_NAME_CHARS: usize = 26;

/// A valid, unique worksheet name for a document: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str, used: &mut Vec<String>) -> String {
    let stem = std::path::Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(name);
    let clean: String = crate::text::safe_name(stem)
        .chars()
        .map(|c| if "[]*?'".contains(c) { '_' } else { c })
        .take(SHEET_NAME_CHARS)
        .collect();
    let reserved =
        |s: &str| s.eq_ignore_ascii_case("summary") || s.eq_ignore_ascii_case(METADATA_SHEET);
    let clean = if clean.trim().is_empty() || reserved(&clean) {
        // `used` holds the Summary sheet and the documents before this one.
        format!("doc {}", used.len())
    } else {
        clean
    };
    let mut candidate = clean.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&candidate)) {
        // The number goes at the end, the name shortened to leave it room: Excel takes 31
        // characters at most.
        let suffix = format!(" ({n})");
        let room = SHEET_NAME_CHARS + 5 - suffix.chars().count();
        let base: String = clean.chars().take(room).collect();
        candidate = format!("{base}{suffix}");
        n += 1;
    }
    used.push(candidate.clone());
    candidate
}

/// One aligned document of a workbook, with the check flags of its beads.
#[derive(Debug, Clone, Copy)]
pub struct AlignedDocument<'a> {
    /// The document's name (sheet name and summary row).
    pub name: &'a str,
    /// The alignment.
    pub pair: AlignedPair<'a>,
    /// Check flags, any order; each names its bead.
    pub flags: &'a [Flag],
}

/// The columns of an alignment sheet.
fn alignment_columns(languages: &(Locale, Locale)) -> Vec<Column> {
    vec![
        column("#", 5.0, false),
        column(STATUS_HEADER, 8.0, false),
        column(languages.0.label(), 55.0, true),
        column(languages.1.label(), 55.0, true),
        column(CONFIDENCE_HEADER, 11.0, false),
        column("flags", 34.0, true),
        column("reviewer comment", 24.0, true),
    ]
}

/// Writes an alignment workbook: a `Summary` sheet, then one sheet per document with the
/// columns #, status (ok or reject), source language, target language, confidence, flags,
/// reviewer comment; a bead's segments are one a line in its cells.
pub fn write_alignment(
    documents: &[AlignedDocument],
    languages: &(Locale, Locale),
    out: &mut dyn Write,
) -> io::Result<()> {
    alignment_workbook(documents, languages)
        .map_err(xlsx_error)
        .and_then(|w| save(w, out))
}

/// Counts of a document for the summary sheet.
#[derive(Default)]
struct DocumentCounts([usize; 9]);

fn alignment_workbook(
    documents: &[AlignedDocument],
    languages: &(Locale, Locale),
) -> Result<Workbook, XlsxError> {
    let mut workbook = new_workbook("Alignment for review")?;
    let summary_columns = vec![
        column("document", 30.0, true),
        column("sheet", 20.0, true),
        column(format!("{} segments", languages.0.lang.name()), 12.0, false),
        column(format!("{} segments", languages.1.lang.name()), 12.0, false),
        column("beads", 8.0, false),
        column("1-1", 8.0, false),
        column("merged", 8.0, false),
        column("unaligned", 10.0, false),
        column("low confidence", 11.0, false),
        column("errors", 8.0, false),
        column("warnings", 9.0, false),
    ];
    let summary = workbook.add_worksheet();
    summary.set_name("Summary")?;
    header(summary, &summary_columns)?;
    let mut used = vec!["Summary".to_owned(), METADATA_SHEET.to_owned()];
    let mut rows: Vec<(String, String, DocumentCounts)> = Vec::new();
    for doc in documents {
        let name = sheet_name(doc.name, &mut used);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        let counts = alignment_sheet(sheet, doc, languages)?;
        rows.push((doc.name.to_owned(), name, counts));
    }
    let plain = Styles::new(None);
    let summary = workbook.worksheet_from_name("Summary")?;
    for (r, (document, sheet, counts)) in rows.iter().enumerate() {
        let row = r as u32 + 1;
        plain.write(summary, row, 0, document)?;
        plain.write(summary, row, 1, sheet)?;
        for (c, n) in counts.0.iter().enumerate() {
            summary.write_number_with_format(row, c as u16 + 2, *n as f64, &plain.text)?;
        }
        summary.set_row_height(row, row_height(&summary_columns, &[document, sheet]))?;
    }
    finish(summary, rows.len() as u32, summary_columns.len())?;
    metadata_sheet(&mut workbook, documents, &rows, languages)?;
    Ok(workbook)
}

/// Fills one document's sheet; its counts for the summary.
fn alignment_sheet(
    sheet: &mut Worksheet,
    doc: &AlignedDocument,
    languages: &(Locale, Locale),
) -> Result<DocumentCounts, XlsxError> {
    let plain = Styles::new(None);
    let warning = Styles::new(Some(WARNING_FILL));
    let error = Styles::new(Some(ERROR_FILL));
    let columns = alignment_columns(languages);
    header(sheet, &columns)?;
    let mut counts = DocumentCounts::default();
    let c = &mut counts.0;
    c[0] = doc.pair.source.segments.len();
    c[1] = doc.pair.target.segments.len();
    c[2] = doc.pair.beads.len();
    let lines = |side: &crate::document::Side, range: &std::ops::Range<usize>| {
        side.segments[range.clone()]
            .iter()
            .map(|s| s.display(side.text))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for (b, bead) in doc.pair.beads.iter().enumerate() {
        let flags: Vec<&Flag> = doc.flags.iter().filter(|f| f.bead == b).collect();
        let worst = flags.iter().map(|f| f.severity).min();
        let low = bead.is_low_confidence();
        let styles = match worst {
            Some(Severity::Error) => &error,
            Some(Severity::Warning) => &warning,
            None if low => &warning,
            None => &plain,
        };
        match (bead.source.len(), bead.target.len()) {
            (1, 1) => c[3] += 1,
            (0, _) | (_, 0) => c[5] += 1,
            _ => c[4] += 1,
        }
        c[6] += usize::from(low);
        c[7] += flags
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        c[8] += flags
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        let row = b as u32 + 1;
        let (source, target) = (
            lines(&doc.pair.source, &bead.source),
            lines(&doc.pair.target, &bead.target),
        );
        let described: Vec<String> = flags
            .iter()
            .map(|f| format!("{} {}: {}", f.severity, f.check, f.evidence))
            .collect();
        let described = described.join("\n");
        sheet.write_number_with_format(row, 0, (b + 1) as f64, &styles.text)?;
        styles.write(sheet, row, 1, Mark::Unreviewed.as_str())?;
        styles.write(sheet, row, 2, &source)?;
        styles.write(sheet, row, 3, &target)?;
        sheet.write_number_with_format(row, 4, bead.confidence, &styles.number)?;
        styles.write(sheet, row, 5, &described)?;
        styles.write(sheet, row, 6, "")?;
        let height = row_height(&columns, &["", "", &source, &target, "", &described, ""]);
        sheet.set_row_height(row, height)?;
    }
    let rows = doc.pair.beads.len() as u32;
    drop_down(
        sheet,
        1,
        rows,
        &Mark::CHOICES,
        "ok: the row is right. reject: leave it out of the export. Empty: not reviewed.",
    )?;
    finish(sheet, rows, columns.len())?;
    Ok(counts)
}

/// The hidden sheet that records the languages and each document's files.
fn metadata_sheet(
    workbook: &mut Workbook,
    documents: &[AlignedDocument],
    sheets: &[(String, String, DocumentCounts)],
    languages: &(Locale, Locale),
) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(METADATA_SHEET)?;
    let rows: Vec<[String; 6]> = [
        [
            "format".to_owned(),
            METADATA_FORMAT.to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ],
        [
            "languages".to_owned(),
            languages.0.tag.clone(),
            languages.1.tag.clone(),
            String::new(),
            String::new(),
            String::new(),
        ],
        [
            "sheet".to_owned(),
            "source file".to_owned(),
            "target file".to_owned(),
            "source fingerprint".to_owned(),
            "target fingerprint".to_owned(),
            "document".to_owned(),
        ],
    ]
    .into_iter()
    .chain(documents.iter().zip(sheets).map(|(doc, (_, sheet, _))| {
        [
            sheet.clone(),
            doc.pair.source.name.to_owned(),
            doc.pair.target.name.to_owned(),
            doc.pair.source.fingerprint.to_owned(),
            doc.pair.target.fingerprint.to_owned(),
            doc.name.to_owned(),
        ]
    }))
    .collect();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, value)?;
        }
    }
    sheet.set_hidden(true);
    Ok(())
}

/// Writes a glossary as one sheet, its header frozen, approved rows green, rejected grey, a
/// drop-down list in the status column.
pub fn write_glossary(sheet: &Sheet, out: &mut dyn Write) -> io::Result<()> {
    glossary_workbook(sheet)
        .map_err(xlsx_error)
        .and_then(|w| save(w, out))
}

fn glossary_workbook(glossary: &Sheet) -> Result<Workbook, XlsxError> {
    let mut workbook = new_workbook("Glossary for review")?;
    let plain = Styles::new(None);
    let approved = Styles::new(Some(APPROVED_FILL));
    let rejected = Styles::new(Some(REJECTED_FILL));
    let sheet = workbook.add_worksheet();
    sheet.set_name("Glossary")?;
    let columns: Vec<Column> = glossary
        .header
        .iter()
        .map(|name| match name.as_str() {
            "source_term" | "target_term" => column(name, 24.0, true),
            "example_source" | "example_target" => column(name, 45.0, true),
            "note" => column(name, 24.0, true),
            "status" => column(name, 10.0, false),
            "kind" => column(name, 8.0, false),
            "proposed_target" => column(name, 16.0, true),
            _ => column(name, 9.0, false),
        })
        .collect();
    header(sheet, &columns)?;
    for (r, row) in glossary.rows.iter().enumerate() {
        let styles = match glossary.status(row) {
            Status::Approved => &approved,
            Status::Rejected => &rejected,
            _ => &plain,
        };
        let row_number = r as u32 + 1;
        for (c, value) in row.iter().enumerate() {
            styles.write(sheet, row_number, c as u16, value)?;
        }
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        sheet.set_row_height(row_number, row_height(&columns, &cells))?;
    }
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    drop_down(
        sheet,
        STATUS_COLUMN as u16,
        glossary.rows.len() as u32,
        &statuses,
        "approved: an agreed term. rejected: never proposed again. added: your own row.",
    )?;
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
    let mut workbook = new_workbook("Translation check")?;
    let warning = Styles::new(Some(WARNING_FILL));
    let error = Styles::new(Some(ERROR_FILL));
    let sheet = workbook.add_worksheet();
    sheet.set_name("Checks")?;
    let widths = [16.0, 6.0, 8.0, 8.0, 16.0, 8.0, 40.0, 45.0, 45.0];
    let columns: Vec<Column> = REPORT_COLUMNS
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(k, (name, width))| column(*name, width, k == 0 || k >= 6))
        .collect();
    header(sheet, &columns)?;
    for (r, row) in rows.iter().enumerate() {
        let styles = match row.flag.severity {
            Severity::Error => &error,
            Severity::Warning => &warning,
        };
        let row_number = r as u32 + 1;
        let cells = report_cells(row);
        for (c, value) in cells.iter().enumerate() {
            if c == 1 {
                sheet.write_number_with_format(
                    row_number,
                    1,
                    (row.flag.bead + 1) as f64,
                    &styles.text,
                )?;
            } else {
                styles.write(sheet, row_number, c as u16, value)?;
            }
        }
        let texts: Vec<&str> = cells.iter().map(String::as_str).collect();
        sheet.set_row_height(row_number, row_height(&columns, &texts))?;
    }
    finish(sheet, rows.len() as u32, REPORT_COLUMNS.len())?;
    Ok(workbook)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Bead, Side};
    use crate::segment;
    use crate::Lang;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut used = vec!["Summary".to_owned(), METADATA_SHEET.to_owned()];
        let names: Vec<String> = [
            "a/b/news:1?.txt",
            "news_1_.txt",
            "news_1_.id",
            "summary.txt",
            "padan.txt",
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
                "doc 5",
                "doc 6",
                "a-very-long-document-name-"
            ]
        );
        assert!(names.iter().all(|n| n.chars().count() <= 31));
        // A hundred names alike in their first 26 characters stay valid and unique.
        let many: Vec<String> = (0..150)
            .map(|k| sheet_name(&format!("a-very-long-document-name-{k:03}.txt"), &mut used))
            .collect();
        assert!(many.iter().all(|n| n.chars().count() <= 31), "{many:?}");
        let mut unique = many.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), many.len());
    }

    #[test]
    fn rows_are_as_tall_as_their_wrapped_text() {
        let columns = [column("a", 10.0, true), column("b", 5.0, false)];
        assert_eq!(row_height(&columns, &["short", "x"]), LINE_HEIGHT + 2.0);
        // 25 characters in a column of 10 (11 to a line): three lines; a line break makes a
        // fourth.
        let long = "aaaaaaaaaaaaaaaaaaaaaaaaa\nb";
        assert_eq!(row_height(&columns, &[long, "x"]), 4.0 * LINE_HEIGHT + 2.0);
        // The unwrapped column never sets the height.
        assert_eq!(
            row_height(&columns, &["", &"x".repeat(100)]),
            LINE_HEIGHT + 2.0
        );
        assert_eq!(
            row_height(&columns, &[&"a".repeat(10_000), ""]),
            MAX_ROW_HEIGHT
        );
    }

    #[test]
    fn a_corpus_workbook_has_a_summary_one_sheet_per_document_and_its_sources() {
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
            fingerprint: "f",
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
            AlignedDocument {
                name: "a.id",
                pair: pair_a,
                flags: &[],
            },
            AlignedDocument {
                name: "b.id",
                pair: pair_b,
                flags: &[],
            },
        ];
        let languages = (Locale::default_for(Lang::Id), Locale::default_for(Lang::En));
        let mut workbook =
            alignment_workbook(&documents, &languages).unwrap_or_else(|e| panic!("workbook: {e}"));
        let names: Vec<String> = workbook.worksheets().iter().map(|w| w.name()).collect();
        assert_eq!(names, ["Summary", "a", "b", METADATA_SHEET]);
        let mut first = Vec::new();
        let mut second = Vec::new();
        write_alignment(&documents, &languages, &mut first).unwrap_or_default();
        write_alignment(&documents, &languages, &mut second).unwrap_or_default();
        assert!(
            first.starts_with(b"PK") && first == second,
            "deterministic bytes"
        );
        let _ = workbook.save_to_buffer();
    }
}
