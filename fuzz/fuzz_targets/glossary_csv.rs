//! Reading a reviewed glossary as people save it (delimited text or a workbook): any bytes read
//! or give an error; what reads, merged and written again, reads back to the same cells.
#![no_main]

use libfuzzer_sys::fuzz_target;
use padan::glossary::review::{merge, write_csv};
use padan::table::{read_table, read_table_bytes};
use padan::text::Encoding;

fuzz_target!(|data: &[u8]| {
    let _ = read_table_bytes(data, "fuzz.xlsx", Encoding::Auto);
    let text = String::from_utf8_lossy(data);
    let Ok(table) = read_table(&text, "fuzz.csv") else {
        return;
    };
    let _agreed = table.rows.iter().filter(|r| r.is_agreed()).count();
    let sheet = merge(&[], Some(&table));
    let mut bytes = Vec::new();
    write_csv(&sheet, false, b',', &mut bytes).expect("writing to memory");
    let again = String::from_utf8(bytes).expect("padan writes UTF-8");
    let reread = read_table(&again, "again.csv").expect("padan's own glossary reads back");
    let cells: Vec<Vec<String>> = reread.rows.iter().map(|r| r.cells.clone()).collect();
    assert_eq!(cells, sheet.rows);
});
