//! Reading and normalizing input: any bytes decode to text or to an error, never a panic;
//! decoded text folds for matching and every byte offset maps to a line and column.
#![no_main]

use libfuzzer_sys::fuzz_target;
use padan::text::{decode, fold, Encoding, LineIndex};

fuzz_target!(|data: &[u8]| {
    for encoding in [
        Encoding::Auto,
        Encoding::from_label("windows-1252").unwrap_or(Encoding::Auto),
    ] {
        if let Ok(decoded) = decode(data, "fuzz", encoding) {
            let _ = fold(&decoded.text);
            let index = LineIndex::new(&decoded.text);
            for (offset, _) in decoded.text.char_indices().step_by(7) {
                let _ = index.line_column(&decoded.text, offset);
            }
        }
    }
});
