//! A batch manifest as people write it: any bytes read as a table give pairs or an error
//! naming a line; every pair has a safe, unique name and both paths.
#![no_main]

use libfuzzer_sys::fuzz_target;
use padan::corpus::manifest_jobs;
use padan::table::read_table_bytes;
use padan::text::Encoding;

fuzz_target!(|data: &[u8]| {
    let Ok((table, _)) = read_table_bytes(data, "pairs.csv", Encoding::Auto) else {
        return;
    };
    let Ok(jobs) = manifest_jobs(&table, std::path::Path::new("base"), "pairs.csv") else {
        return;
    };
    let mut names: Vec<&str> = jobs.iter().map(|j| j.name.as_str()).collect();
    for name in &names {
        assert!(!name.contains(['/', '\\', ':', '\t', '\n', '\r', '\u{202e}']), "{name:?}");
    }
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), jobs.len());
});
