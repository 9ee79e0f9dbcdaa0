//! Tables people edit in spreadsheets (glossaries, manifests, reviewed alignments): a workbook
//! (xlsx, xls, ods) or delimited text (comma, semicolon or tab separated, with or without a
//! byte-order mark, CRLF line ends), told apart by content, not by name; extra columns kept.
//! Also the review status a person types, parsed once, and the cell neutralizing that keeps a
//! spreadsheet from running text as a formula.

mod delimited;
mod status;
mod workbook;

use crate::error::{Error, Warning};
use crate::text::Encoding;

pub use delimited::read_delimited;
pub use status::{Mark, Status};
pub use workbook::is_workbook;

/// A cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR first: CWE-1236) gets a
/// leading apostrophe, which spreadsheets show as text and do not display.
///
/// ```
/// assert_eq!(padan::table::neutralize("-5 persen"), "'-5 persen");
/// assert_eq!(padan::table::neutralize("Lavrov"), "Lavrov");
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
/// assert_eq!(padan::table::unneutralize("'-5 persen"), "-5 persen");
/// assert_eq!(padan::table::unneutralize("'tis"), "'tis");
/// assert_eq!(padan::table::unneutralize("''=1"), "'=1");
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

/// One sheet of cells as read, before any column means anything: a workbook's sheet, or the
/// records of a delimited file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    /// The sheet's name (a delimited file has one sheet, named after nothing: empty).
    pub sheet: String,
    /// Whether the workbook hides the sheet.
    pub hidden: bool,
    /// The rows, each with its 1-based line (delimited text) or row number (workbook).
    pub rows: Vec<(usize, Vec<String>)>,
    /// The delimiter of delimited text; 0 for a workbook.
    pub delimiter: u8,
}

impl Grid {
    /// Where row `line` is, for messages: `g.csv:5` or `review.xlsx: sheet Glossary, row 5`.
    pub fn place(&self, file: &str, line: usize) -> String {
        if self.delimiter == 0 {
            format!("{file}: sheet {}, row {line}", self.sheet)
        } else {
            format!("{file}:{line}")
        }
    }

    /// A malformed-row error at row `line` of this grid.
    pub fn error(&self, file: &str, line: usize, message: impl Into<String>) -> Error {
        if self.delimiter == 0 {
            Error::Malformed {
                at: crate::error::Location::file(file),
                message: format!("sheet {}, row {line}: {}", self.sheet, message.into()),
            }
        } else {
            Error::malformed(file, line, message)
        }
    }
}

/// Reads every sheet of a spreadsheet file from its bytes: a workbook (xlsx, xls, ods) by its
/// signature, otherwise delimited text decoded as [`crate::text::decode`] does (with its
/// warning when the encoding was a guess).
pub fn read_grids(
    bytes: &[u8],
    file: &str,
    encoding: Encoding,
) -> Result<(Vec<Grid>, Option<Warning>), Error> {
    if is_workbook(bytes) {
        return workbook::read(bytes, file).map(|grids| (grids, None));
    }
    let decoded = crate::text::decode(bytes, file, encoding)?;
    let grid = read_delimited(&decoded.text, file)?;
    Ok((vec![grid], decoded.warning))
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// The source (Indonesian) term, trimmed.
    pub source: String,
    /// The target (English) term, trimmed.
    pub target: String,
    /// The review status (a row without one counts as added by a person).
    pub status: Status,
    /// Every cell of the row as written, one per column of [`Table::header`] (nothing is lost).
    pub cells: Vec<String>,
    /// 1-based line (or workbook row) of the row in its file.
    pub line: usize,
}

impl Row {
    /// Whether the row is an agreed term pair: approved and added rows, never proposed or
    /// rejected ones. Agreed rows are what checks check and what anchors alignment.
    pub fn is_agreed(&self) -> bool {
        self.status.is_agreed() && !self.target.is_empty()
    }
}

/// A table as read: its header and rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Column names as written in the header, then `column_N` for cells past it.
    pub header: Vec<String>,
    /// The field delimiter a delimited file used; 0 for a workbook.
    pub delimiter: u8,
    /// The rows, in file order.
    pub rows: Vec<Row>,
}

const SOURCE_NAMES: [&str; 6] = [
    "source_term",
    "source",
    "id",
    "indonesian",
    "term_id",
    "ind",
];
const TARGET_NAMES: [&str; 6] = ["target_term", "target", "en", "english", "term_en", "eng"];

impl Table {
    /// The position of a column by name (case-insensitive).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// A row's cell by column name, if the table has the column.
    ///
    /// ```
    /// let table = padan::table::read_table("source,target,note\nKTT,summit,ok\n", "g.csv").unwrap();
    /// assert_eq!(table.cell(&table.rows[0], "note"), Some("ok"));
    /// ```
    pub fn cell<'a>(&self, row: &'a Row, name: &str) -> Option<&'a str> {
        self.column(name)
            .and_then(|c| row.cells.get(c))
            .map(String::as_str)
    }

    /// Rows that repeat an earlier row's source and target term (compared case-insensitively):
    /// (line of the repeat, line of the first).
    ///
    /// ```
    /// let table = padan::table::read_table("source,target\nKTT,summit\nktt,Summit\n", "g.csv").unwrap();
    /// assert_eq!(table.duplicates(), [(3, 2)]);
    /// ```
    pub fn duplicates(&self) -> Vec<(usize, usize)> {
        let mut first: std::collections::HashMap<(String, String), usize> = Default::default();
        let mut out = Vec::new();
        for row in &self.rows {
            let key = (row.source.to_lowercase(), row.target.to_lowercase());
            match first.get(&key) {
                Some(&line) => out.push((row.line, line)),
                None => {
                    first.insert(key, row.line);
                }
            }
        }
        out
    }

    /// A warning for every row that repeats an earlier entry of the file `file` (kept: nothing
    /// is dropped).
    pub fn duplicate_warnings(&self, file: &str) -> Vec<Warning> {
        self.duplicates()
            .into_iter()
            .map(|(line, first)| {
                Warning::new(format!(
                    "{file}:{line}: repeats the entry of line {first}; delete one of them"
                ))
            })
            .collect()
    }

    /// The table of a grid whose first non-empty row is the header: it must name a source
    /// column (`source_term`, `source`, `id` ...) and a target column (`target_term`, `target`,
    /// `en` ...); a `status` column is optional. Rows with an empty source or target, fewer
    /// fields than the header, or a status padan does not know are errors naming their line.
    pub fn from_grid(grid: &Grid, file: &str) -> Result<Table, Error> {
        let mut rows_in = grid
            .rows
            .iter()
            .skip_while(|(_, cells)| cells.iter().all(|c| c.trim().is_empty()));
        let Some((header_line, header_cells)) = rows_in.next() else {
            return Err(grid.error(
                file,
                1,
                "the table has no header row; add one with source_term and target_term",
            ));
        };
        let mut header: Vec<String> = header_cells.iter().map(|h| h.trim().to_owned()).collect();
        // A workbook's rows are as wide as its widest: empty trailing header cells name nothing.
        if grid.delimiter == 0 {
            while header.last().is_some_and(String::is_empty) {
                header.pop();
            }
        }
        let named = header.len();
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
        };
        let (Some(source_col), Some(target_col)) = (find(&SOURCE_NAMES), find(&TARGET_NAMES))
        else {
            return Err(grid.error(file, *header_line, missing_columns(grid, &header)));
        };
        let status_col = find(&["status"]);
        let mut rows = Vec::new();
        for (line, record) in rows_in {
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let line = *line;
            if grid.delimiter != 0 && record.len() < named.min(target_col.max(source_col) + 1) {
                return Err(grid.error(file, line, short_row(grid, &header, record.len())));
            }
            let field = |i: usize| record.get(i).map_or("", |c| c.trim()).to_owned();
            let (source, target) = (field(source_col), field(target_col));
            let status = match status_col {
                Some(c) => Status::parse(record.get(c).map_or("", String::as_str))
                    .map_err(|e| grid.error(file, line, e))?,
                None => Status::Added,
            };
            // A rejection may name only the source term: it rejects every proposal for it.
            let source_only_rejection = status == Status::Rejected && !source.is_empty();
            if (source.is_empty() || target.is_empty()) && !source_only_rejection {
                let which = if source.is_empty() {
                    &header[source_col]
                } else {
                    &header[target_col]
                };
                return Err(grid.error(
                    file,
                    line,
                    format!("the {which} column is empty, fill it in or delete the row"),
                ));
            }
            let mut cells = record.clone();
            while grid.delimiter == 0
                && cells.len() > named
                && cells.last().is_some_and(String::is_empty)
            {
                cells.pop();
            }
            for i in header.len()..cells.len() {
                header.push(format!("column_{}", i + 1));
            }
            rows.push(Row {
                source,
                target,
                status,
                cells,
                line,
            });
        }
        for row in &mut rows {
            row.cells.resize(header.len(), String::new());
        }
        Ok(Table {
            header,
            delimiter: grid.delimiter,
            rows,
        })
    }
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b'\t' => "tab",
        b';' => "semicolon",
        _ => "comma",
    }
}

fn missing_columns(grid: &Grid, header: &[String]) -> String {
    let how = if grid.delimiter == 0 {
        "in the first row".to_owned()
    } else {
        format!("separated by {}", delimiter_name(grid.delimiter))
    };
    let joiner = if grid.delimiter == 0 {
        ",".to_owned()
    } else {
        (grid.delimiter as char).to_string()
    };
    format!(
        "the header needs a source column and a target column (source_term,target_term), \
         found {} column(s) {how}: {:?}; add the header row or rename the columns",
        header.len(),
        header.join(&joiner)
    )
}

fn short_row(grid: &Grid, header: &[String], found: usize) -> String {
    format!(
        "expected {} columns ({}), found {found}: is a delimiter missing, or is the file {} \
         separated?",
        header.len(),
        header.join(","),
        if grid.delimiter == b',' {
            "tab or semicolon"
        } else {
            "comma"
        }
    )
}

/// Reads a table from delimited `text` (already decoded); `file` names it in errors.
///
/// ```
/// let table = padan::table::read_table("source_term;target_term;status\r\nKTT;summit;approved\r\n", "g.csv").unwrap();
/// assert_eq!((table.rows[0].source.as_str(), table.rows[0].status), ("KTT", padan::table::Status::Approved));
/// ```
pub fn read_table(text: &str, file: &str) -> Result<Table, Error> {
    Table::from_grid(&read_delimited(text, file)?, file)
}

/// Reads a table from the bytes of a file: the first visible sheet of a workbook (the one
/// named `Glossary` when there is one), or delimited text; and the warning of a guessed
/// encoding.
pub fn read_table_bytes(
    bytes: &[u8],
    file: &str,
    encoding: Encoding,
) -> Result<(Table, Option<Warning>), Error> {
    let (grids, warning) = read_grids(bytes, file, encoding)?;
    let grid = grids
        .iter()
        .find(|g| g.sheet.eq_ignore_ascii_case("glossary"))
        .or_else(|| grids.iter().find(|g| !g.hidden))
        .ok_or_else(|| {
            Error::malformed(file, 0, "the workbook has no sheet; give one with a table")
        })?;
    Ok((Table::from_grid(grid, file)?, warning))
}

#[cfg(test)]
mod tests;
