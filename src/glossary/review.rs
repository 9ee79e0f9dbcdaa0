//! Writing a glossary and merging a reviewed one back in, losing nothing a person wrote.
//!
//! A reviewed file's rows come back first and as written, every column kept (extra columns
//! too): approved, edited and added rows, and rejected rows, so that they stay rejected on the
//! next run. New proposals follow, best first, without the pairs the file already has and
//! without any pair it rejected (a rejected row with an empty target rejects every proposal
//! for its source term).

use std::io::{self, Write};

use super::extract::Entry;
use crate::table::{Status, Table};

/// The standard columns of a glossary, in order. `proposed_target` keeps the target padan
/// proposed, so that a reviewer's edit of `target_term` replaces the proposal instead of
/// bringing it back on the next run.
pub const COLUMNS: [&str; 12] = [
    "source_term",
    "target_term",
    "kind",
    "score",
    "count",
    "source_count",
    "target_count",
    "status",
    "example_source",
    "example_target",
    "note",
    "proposed_target",
];

/// The position of the status column in [`COLUMNS`].
pub const STATUS_COLUMN: usize = 7;
/// The position of the proposed target in [`COLUMNS`].
const PROPOSED_COLUMN: usize = 11;

/// A glossary ready to write: its header and rows, all as strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// Column names: the standard ones, then any extra ones a reviewed file had.
    pub header: Vec<String>,
    /// Rows, one value per header column.
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// A row's cell by column name, empty when the sheet lacks the column.
    pub fn cell<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| h == name)
            .and_then(|c| row.get(c))
            .map_or("", |s| s.trim())
    }

    /// A row's review status; a cell padan cannot read (a merged sheet holds only statuses
    /// read and checked before) counts as proposed.
    pub fn status(&self, row: &[String]) -> Status {
        Status::parse(row.get(STATUS_COLUMN).map_or("", String::as_str)).unwrap_or(Status::Proposed)
    }

    /// Whether a person has reviewed the sheet: some row is approved, rejected or added.
    pub fn reviewed(&self) -> bool {
        self.rows
            .iter()
            .any(|row| self.status(row) != Status::Proposed)
    }
}

fn key(source: &str, target: &str) -> (String, String) {
    (source.trim().to_lowercase(), target.trim().to_lowercase())
}

fn proposal_row(entry: &Entry) -> Vec<String> {
    vec![
        entry.source_term.clone(),
        entry.target_term.clone(),
        entry.kind.as_str().to_owned(),
        // Four decimals: a spreadsheet whose locale groups thousands with `.` (Indonesian,
        // German) would read 37.532 as 37532; 37.5320 it leaves as it is.
        format!("{:.4}", entry.score),
        entry.count.to_string(),
        entry.source_count.to_string(),
        entry.target_count.to_string(),
        Status::Proposed.as_str().to_owned(),
        entry.example_source.clone(),
        entry.example_target.clone(),
        entry.note.clone(),
        entry.target_term.clone(),
    ]
}

/// Builds the sheet: the reviewed rows (if any) as written, then new proposals.
///
/// ```
/// use padan::{glossary::review::merge, table::read_table};
/// let reviewed = read_table("source_term,target_term,status,reviewer\nKTT,summit,approved,ana\nsanksi,,rejected,ana\n", "r.csv").unwrap();
/// let sheet = merge(&[], Some(&reviewed));
/// assert_eq!(sheet.header.last().map(String::as_str), Some("reviewer"));
/// assert_eq!(sheet.rows.len(), 2);
/// ```
pub fn merge(entries: &[Entry], reviewed: Option<&Table>) -> Sheet {
    let mut header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut rows = Vec::new();
    let mut known = std::collections::HashSet::new();
    let mut rejected_sources = std::collections::HashSet::new();
    if let Some(table) = reviewed {
        // Where each of the file's columns goes: the standard column of its name, or a new one.
        let positions: Vec<usize> = table
            .header
            .iter()
            .map(
                |name| match header.iter().position(|h| h.eq_ignore_ascii_case(name)) {
                    Some(p) => p,
                    None => {
                        header.push(name.clone());
                        header.len() - 1
                    }
                },
            )
            .collect();
        for row in &table.rows {
            known.insert(key(&row.source, &row.target));
            let mut out = vec![String::new(); header.len()];
            for (cell, &p) in row.cells.iter().zip(&positions) {
                out[p] = cell.clone();
            }
            out[0] = row.source.clone();
            out[1] = row.target.clone();
            if out[STATUS_COLUMN].trim().is_empty() {
                out[STATUS_COLUMN] = Status::Added.as_str().to_owned();
            }
            // An edited target replaces the pair padan proposed: that one is not proposed again.
            if !out[PROPOSED_COLUMN].trim().is_empty() {
                known.insert(key(&row.source, &out[PROPOSED_COLUMN]));
            }
            if row.status == Status::Rejected && row.target.is_empty() {
                rejected_sources.insert(row.source.trim().to_lowercase());
            }
            rows.push(out);
        }
    }
    for entry in entries {
        let k = key(&entry.source_term, &entry.target_term);
        if known.contains(&k) || rejected_sources.contains(&k.0) {
            continue;
        }
        let mut row = proposal_row(entry);
        row.resize(header.len(), String::new());
        rows.push(row);
    }
    Sheet { header, rows }
}

/// Writes a sheet as CSV (header row first), fields separated by `delimiter`. With `excel`, a byte-order mark first and CRLF
/// line ends, so that Excel and LibreOffice read the text as UTF-8 (`“` stays `“`).
pub fn write_csv(sheet: &Sheet, excel: bool, delimiter: u8, out: &mut dyn Write) -> io::Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let terminator = if excel {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut writer = csv::WriterBuilder::new()
        .terminator(terminator)
        .delimiter(delimiter)
        .from_writer(out);
    writer.write_record(&sheet.header)?;
    for row in &sheet.rows {
        // The review file is opened in spreadsheets: formula-like cells are neutralized (and
        // read_table takes the apostrophe off again).
        writer.write_record(row.iter().map(|c| crate::table::neutralize(c).into_owned()))?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::super::extract::Kind;
    use super::*;
    use crate::table::read_table;

    fn entry(source: &str, target: &str, score: f64) -> Entry {
        Entry {
            source_term: source.into(),
            target_term: target.into(),
            kind: Kind::Term,
            score,
            count: 2,
            source_count: 2,
            target_count: 3,
            example_source: "s".into(),
            example_target: "t".into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_review_round_trip_loses_nothing_and_respects_every_edit() {
        let reviewed = read_table(
            "source_term;target_term;kind;score;status;reviewer comment;extra\r\n\
             KTT;summit meeting;term;5.0;approved;edited target;x\r\n\
             sanksi;sanctions;term;4.0;rejected;wrong sense;\r\n\
             juru bicara;spokesperson;;;;added by hand;\r\n\
             Rusia;;;;rejected;never propose Rusia;\r\n\
             '-5 persen;-5 percent;;;approved;=a formula?;\r\n",
            "reviewed.csv",
        );
        let Ok(reviewed) = reviewed else {
            panic!("the reviewed fixture parses: {reviewed:?}");
        };
        let proposals = [
            entry("KTT", "summit", 9.0),
            entry("sanksi", "sanctions", 8.0),
            entry("Rusia", "Russia", 7.0),
            entry("Gedung Putih", "White House", 6.0),
            entry("KTT", "summit meeting", 5.5),
        ];
        let sheet = merge(&proposals, Some(&reviewed));
        assert_eq!(
            sheet.header,
            [&COLUMNS[..], &["reviewer comment", "extra"]].concat()
        );
        let cells: Vec<(&str, &str, &str, &str)> = sheet
            .rows
            .iter()
            .map(|r| (r[0].as_str(), r[1].as_str(), r[7].as_str(), r[12].as_str()))
            .collect();
        assert_eq!(
            cells,
            [
                ("KTT", "summit meeting", "approved", "edited target"),
                ("sanksi", "sanctions", "rejected", "wrong sense"),
                ("juru bicara", "spokesperson", "added", "added by hand"),
                ("Rusia", "", "rejected", "never propose Rusia"),
                ("-5 persen", "-5 percent", "approved", "=a formula?"),
                ("KTT", "summit", "proposed", ""),
                ("Gedung Putih", "White House", "proposed", ""),
            ]
        );
        assert_eq!(sheet.rows[0][13], "x");
        let agreed: Vec<(String, String)> = reviewed
            .rows
            .iter()
            .filter(|r| r.is_agreed())
            .map(|r| (r.source.clone(), r.target.clone()))
            .collect();
        assert_eq!(
            agreed,
            [
                ("KTT".to_owned(), "summit meeting".to_owned()),
                ("juru bicara".to_owned(), "spokesperson".to_owned()),
                ("-5 persen".to_owned(), "-5 percent".to_owned())
            ]
        );

        // Written and read back, the sheet is the same.
        let mut bytes = Vec::new();
        write_csv(&sheet, false, b',', &mut bytes).unwrap_or_default();
        let text = String::from_utf8(bytes).unwrap_or_default();
        assert!(text.contains("\n'-5 persen,'-5 percent,"), "{text}");
        assert!(text.contains(",'=a formula?,"), "{text}");
        let again = read_table(&text, "again.csv").map(|t| merge(&[], Some(&t)));
        assert_eq!(again.ok().map(|s| s.rows), Some(sheet.rows.clone()));
    }
}

#[cfg(test)]
mod round_trip {
    use proptest::prelude::*;

    use super::*;
    use crate::table::read_table;

    /// Cells as people and padan write them: commas, quotes, semicolons, tabs, line breaks,
    /// leading formula characters, apostrophes, non-ASCII.
    fn cell() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just("kata"),
                Just("Gedung Putih"),
                Just(","),
                Just(";"),
                Just("\""),
                Just("'"),
                Just("="),
                Just("+"),
                Just("-5"),
                Just("@"),
                Just("\t"),
                Just("\n"),
                Just("\r\n"),
                Just("é"),
                Just("“ya”"),
                Just(" "),
            ],
            0..6,
        )
        .prop_map(|parts| parts.concat())
    }

    fn sheet() -> impl Strategy<Value = Sheet> {
        let status = prop::sample::select(vec!["", "proposed", " Approved ", "DITOLAK", "added"]);
        let row = (
            cell(),
            cell(),
            prop::collection::vec(cell(), COLUMNS.len() - 2),
            status,
        )
            .prop_map(|(source, target, rest, status)| {
                // A row needs a source and a target term to be a row, and a status padan knows.
                let mut cells = vec![format!("s{source}"), format!("t{target}")];
                cells.extend(rest);
                cells[STATUS_COLUMN] = status.to_owned();
                cells
            });
        prop::collection::vec(row, 1..8).prop_map(|rows| Sheet {
            header: COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
            rows,
        })
    }

    proptest! {
        #[test]
        fn a_glossary_written_and_read_back_is_unchanged(sheet in sheet()) {
            let mut bytes = Vec::new();
            write_csv(&sheet, false, b',', &mut bytes).unwrap();
            let text = String::from_utf8(bytes).unwrap();
            let table = read_table(&text, "glossary.csv").unwrap();
            prop_assert_eq!(&table.header, &sheet.header);
            let cells: Vec<Vec<String>> = table
                .rows
                .iter()
                .map(|r| r.cells.clone())
                .collect();
            prop_assert_eq!(cells, sheet.rows);
        }
    }
}

/// Regressions found by the round-trip property test.
#[cfg(test)]
mod regressions {
    use super::*;
    use crate::table::read_table;

    #[test]
    fn an_apostrophe_before_a_formula_character_survives_the_round_trip() {
        // A note written as '=x came back as =x: reading drops one apostrophe before a
        // formula-like start, and writing added none because the cell began with '.
        let mut row: Vec<String> = vec![String::new(); COLUMNS.len()];
        row[0] = "KTT".to_owned();
        row[1] = "summit".to_owned();
        row[10] = "'=x".to_owned();
        let sheet = Sheet {
            header: COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
            rows: vec![row],
        };
        let mut bytes = Vec::new();
        write_csv(&sheet, false, b',', &mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains(",''=x"), "{text}");
        let table = read_table(&text, "g.csv").unwrap();
        assert_eq!(table.cell(&table.rows[0], "note"), Some("'=x"));
    }
}
