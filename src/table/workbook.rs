//! Workbooks as a reviewer saves them (Excel's xlsx and xls, LibreOffice's ods, whatever program
//! wrote them), read with calamine: every sheet as a grid of cells, numbers as the text they
//! show.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader, SheetVisible};

use super::Grid;
use crate::error::Error;

/// Whether `bytes` look like a workbook: a zip archive (xlsx, ods) or an OLE compound file
/// (xls).
///
/// ```
/// assert!(padan::table::is_workbook(b"PK\x03\x04rest"));
/// assert!(!padan::table::is_workbook(b"source,target\n"));
/// ```
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Every sheet of the workbook in `bytes`, in workbook order; rows numbered as the
/// spreadsheet numbers them (from 1).
pub fn read(bytes: &[u8], file: &str) -> Result<Vec<Grid>, Error> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::malformed(
            file,
            0,
            format!(
                "cannot read it as a workbook ({e}); save it again as .xlsx, .ods or CSV from \
                 the spreadsheet"
            ),
        )
    })?;
    let sheets: Vec<(String, bool)> = workbook
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    let mut grids = Vec::with_capacity(sheets.len());
    for (name, hidden) in sheets {
        let range = workbook.worksheet_range(&name).map_err(|e| {
            Error::malformed(file, 0, format!("cannot read the sheet {name:?}: {e}"))
        })?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(k, cells)| {
                let mut out = vec![String::new(); first_col as usize];
                out.extend(cells.iter().map(cell_text));
                (first_row as usize + k + 1, out)
            })
            .collect();
        grids.push(Grid {
            sheet: name,
            hidden,
            rows,
            delimiter: 0,
        });
    }
    Ok(grids)
}

/// A cell as the text it holds: a number as its shortest exact decimal (`37.532`, `5`).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}
