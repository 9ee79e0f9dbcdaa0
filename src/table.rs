//! Tables people edit in spreadsheets (glossaries, manifests): CSV, semicolon or tab separated,
//! with or without a byte-order mark, CRLF line ends, extra columns kept; and the cell
//! neutralizing that keeps a spreadsheet from running text as a formula.

use crate::error::{Error, Warning};

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

/// One row of a glossary file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// The Indonesian term.
    pub source: String,
    /// The English term.
    pub target: String,
    /// The review status, lower case: `approved`, `rejected`, `proposed` or empty.
    pub status: String,
    /// Every column of the row by header name, in file order, as written (nothing is lost).
    pub columns: Vec<(String, String)>,
    /// 1-based line of the row in its file.
    pub line: usize,
}

impl Row {
    /// The value of a column by header name (case-insensitive), if the file has it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.columns
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the row is an agreed term pair, for checks: approved and added rows (a row
    /// without a status counts as added), never proposed or rejected ones.
    pub fn is_agreed(&self) -> bool {
        !matches!(self.status.as_str(), "rejected" | "proposed") && !self.target.is_empty()
    }

    /// Whether the row's terms anchor alignment: every row with a target that is not rejected.
    pub fn anchors_alignment(&self) -> bool {
        self.status != "rejected" && !self.target.is_empty()
    }
}

/// A glossary file as read: its header and rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Column names as written in the header.
    pub header: Vec<String>,
    /// The field delimiter the file used.
    pub delimiter: u8,
    /// The rows, in file order.
    pub rows: Vec<Row>,
}

impl Table {
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

/// Picks the delimiter of a header line: the most frequent of tab, `;` and `,` outside quotes.
fn sniff_delimiter(header: &str) -> u8 {
    let count = |d: char| header.matches(d).count();
    [(b'\t', count('\t')), (b';', count(';')), (b',', count(','))]
        .into_iter()
        .max_by_key(|&(d, n)| (n, d == b','))
        .map_or(b',', |(d, _)| d)
}

/// Reads a glossary from `text` (already decoded); `file` names it in errors.
///
/// The header must name a source column (`source_term`, `source`, `id` ...) and a target column
/// (`target_term`, `target`, `en` ...); a `status` column is optional. Rows with an empty source
/// or target, or fewer fields than the header, are errors naming their line.
///
/// ```
/// let table = padan::table::read_table("source_term;target_term;status\r\nKTT;summit;approved\r\n", "g.csv").unwrap();
/// assert_eq!((table.rows[0].source.as_str(), table.rows[0].status.as_str()), ("KTT", "approved"));
/// ```
pub fn read_table(text: &str, file: &str) -> Result<Table, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = sniff_delimiter(first_line);
    // Lines from byte offsets: the csv crate's own line count is off for CR line ends.
    let index = crate::text::LineIndex::new(text);
    let line_of = |position: Option<&csv::Position>| {
        position.map_or(0, |p| {
            // A record after CRLF starts at its `\n` in the csv crate's counting; skip it.
            let start = p.byte() as usize;
            let skip = text.as_bytes()[start.min(text.len())..]
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            index.line_column(text, start + skip).0
        })
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| Error::malformed(file, 1, format!("cannot read the header: {e}")))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let find = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
    };
    let delimiter_name = match delimiter {
        b'\t' => "tab",
        b';' => "semicolon",
        _ => "comma",
    };
    let (Some(source_col), Some(target_col)) = (find(&SOURCE_NAMES), find(&TARGET_NAMES)) else {
        return Err(Error::malformed(
            file,
            1,
            format!(
                "the header needs a source column and a target column (source_term,target_term), \
                 found {} column(s) separated by {delimiter_name}: {:?}; add the header row or \
                 rename the columns",
                header.len(),
                header.join(&(delimiter as char).to_string())
            ),
        ));
    };
    let status_col = find(&["status"]);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = line_of(e.position());
            Error::malformed(file, line, format!("cannot read the row: {e}"))
        })?;
        let line = line_of(record.position());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() < header.len().min(target_col.max(source_col) + 1) {
            return Err(Error::malformed(
                file,
                line,
                format!(
                    "expected {} columns ({}), found {}: is a delimiter missing, or is the file \
                     {} separated?",
                    header.len(),
                    header.join(","),
                    record.len(),
                    if delimiter == b',' {
                        "tab or semicolon"
                    } else {
                        "comma"
                    }
                ),
            ));
        }
        // Cells as the person wrote them: padan's own neutralizing apostrophe comes off.
        let cell = |i: usize| unneutralize(record.get(i).unwrap_or(""));
        let field = |i: usize| cell(i).trim().to_owned();
        let (source, target) = (field(source_col), field(target_col));
        let status = status_col.map(field).unwrap_or_default().to_lowercase();
        if source.is_empty() || target.is_empty() {
            if status == "rejected" && !source.is_empty() {
                // A rejection may name only the source term: reject every proposal for it.
            } else {
                let which = if source.is_empty() {
                    &header[source_col]
                } else {
                    &header[target_col]
                };
                return Err(Error::malformed(
                    file,
                    line,
                    format!("the {which} column is empty, fill it in or delete the row"),
                ));
            }
        }
        let columns = header
            .iter()
            .enumerate()
            .map(|(i, h)| (h.clone(), cell(i).to_owned()))
            .chain(
                (header.len()..record.len())
                    .map(|i| (format!("column_{}", i + 1), cell(i).to_owned())),
            )
            .collect();
        rows.push(Row {
            source,
            target,
            status,
            columns,
            line,
        });
    }
    Ok(Table {
        header,
        delimiter,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_spreadsheet_flavour() {
        let cases = [
            ("comma", "source_term,target_term\nKTT,summit\n"),
            (
                "semicolon bom crlf",
                "\u{feff}source_term;target_term\r\nKTT;summit\r\n",
            ),
            ("tab", "id\ten\nKTT\tsummit\n"),
            (
                "quoted",
                "source_term,target_term,note\n\"KTT\",\"summit\",\"a, b\"\n",
            ),
        ];
        for (name, text) in cases {
            let table = read_table(text, "g.csv");
            let row = table.as_ref().ok().and_then(|t| t.rows.first());
            assert_eq!(
                row.map(|r| (r.source.as_str(), r.target.as_str(), r.line)),
                Some(("KTT", "summit", 2)),
                "case {name}: {table:?}"
            );
        }
    }

    #[test]
    fn malformed_rows_name_their_line() {
        let cases = [
            (
                "KTT,summit\n",
                "g.csv:1: the header needs a source column and a target column \
                 (source_term,target_term), found 2 column(s) separated by comma: \"KTT,summit\"; \
                 add the header row or rename the columns",
            ),
            (
                "source_term,target_term\nKTT,summit\nsanksi\n",
                "g.csv:3: expected 2 columns (source_term,target_term), found 1: is a delimiter \
                 missing, or is the file tab or semicolon separated?",
            ),
            (
                "source_term,target_term\n,summit\n",
                "g.csv:2: the source_term column is empty, fill it in or delete the row",
            ),
        ];
        for (text, message) in cases {
            let err = read_table(text, "g.csv").map(|_| ()).unwrap_err();
            assert_eq!(err.to_string(), message, "input {text:?}");
        }
    }

    #[test]
    fn extra_columns_are_kept() {
        let table = read_table(
            "source_term,target_term,status,reviewer\nKTT,summit,Approved,ana,x\n",
            "g",
        )
        .unwrap();
        let row = &table.rows[0];
        assert_eq!(row.status, "approved");
        assert_eq!(row.get("reviewer"), Some("ana"));
        assert_eq!(
            row.columns.last(),
            Some(&("column_5".to_owned(), "x".to_owned()))
        );
    }
}
