//! Reading input as people have it: any bytes (text in any encoding, a web page, a Word or
//! OpenDocument file, or something else) give text or an error, never a panic; the text folds
//! for matching and every byte offset maps to a line and column.
#![no_main]

use libfuzzer_sys::fuzz_target;
use padan::text::{fold, read_input, Encoding, LineIndex};

fuzz_target!(|data: &[u8]| {
    for encoding in [
        Encoding::Auto,
        Encoding::from_label("windows-1252").unwrap_or(Encoding::Auto),
    ] {
        if let Ok(input) = read_input(data, "fuzz", encoding) {
            let text = &input.decoded.text;
            let _ = fold(text);
            let index = LineIndex::new(text);
            for (offset, _) in text.char_indices().step_by(7) {
                let _ = index.line_column(text, offset);
            }
        }
    }
});
