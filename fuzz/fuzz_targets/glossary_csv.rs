//! Reading a reviewed glossary CSV as people save them: any text reads or gives an error;
//! what reads, merged and written again, reads back to the same cells.
#![no_main]

use libfuzzer_sys::fuzz_target;
use padan::table::read_table;
use padan::glossary::review::{anchors, merge, write_csv};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(table) = read_table(&text, "fuzz.csv") else {
        return;
    };
    let _ = anchors(&table);
    let sheet = merge(&[], Some(&table));
    let mut bytes = Vec::new();
    write_csv(&sheet, &mut bytes).expect("writing to memory");
    let again = String::from_utf8(bytes).expect("padan writes UTF-8");
    let reread = read_table(&again, "again.csv").expect("padan's own glossary reads back");
    let cells = |t: &padan::table::Table| -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.columns.iter().map(|(_, v)| v.clone()).collect())
            .collect()
    };
    assert_eq!(cells(&reread), sheet.rows);
});
