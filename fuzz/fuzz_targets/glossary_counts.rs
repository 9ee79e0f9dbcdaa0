//! Merging glossary counts files (the reduce step of a cluster run): any text merges or gives
//! an error naming a line; what merges gives a glossary without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use padan::Lexicon;
use padan::glossary::extract::Extractor;

fuzz_target!(|data: &[u8]| {
    let mut extractor = Extractor::new(Lexicon::seed());
    if extractor.merge_counts(data, "fuzz.counts").is_ok() {
        let _ = extractor.finish();
    }
});
