//! Delimited text as spreadsheets save it: comma, semicolon or tab separated (told from the
//! header line), quoted fields, CRLF, CR or LF line ends, a byte-order mark.

use super::{unneutralize, Grid};
use crate::error::Error;

/// Picks the delimiter of a header line: the most frequent of tab, `;` and `,`.
fn sniff_delimiter(header: &str) -> u8 {
    let count = |d: char| header.matches(d).count();
    [(b'\t', count('\t')), (b';', count(';')), (b',', count(','))]
        .into_iter()
        .max_by_key(|&(d, n)| (n, d == b','))
        .map_or(b',', |(d, _)| d)
}

/// The records of delimited `text` (already decoded) as one grid, each with its 1-based line;
/// cells as the person wrote them (padan's own neutralizing apostrophe comes off). `file` names
/// the text in errors.
///
/// ```
/// let grid = padan::table::read_delimited("a;b\r\n\"x;y\";z\r\n", "t.csv").unwrap();
/// assert_eq!(grid.rows[1], (2, vec!["x;y".to_owned(), "z".to_owned()]));
/// ```
pub fn read_delimited(text: &str, file: &str) -> Result<Grid, Error> {
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
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = line_of(e.position());
            let what = if rows.is_empty() { "header" } else { "row" };
            Error::malformed(file, line.max(1), format!("cannot read the {what}: {e}"))
        })?;
        let line = line_of(record.position());
        rows.push((
            line,
            record
                .iter()
                .map(|cell| unneutralize(cell).to_owned())
                .collect(),
        ));
    }
    Ok(Grid {
        sheet: String::new(),
        hidden: false,
        rows,
        delimiter,
    })
}
