//! Segmentation of any text, in both languages, with any length limit and each reading of its
//! paragraphs: segments are non-empty, in order, within the text, and only whitespace falls
//! between them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use padan::segment::{Paragraphs, Segmenter};
use padan::Lang;

fuzz_target!(|data: &[u8]| {
    let Some((&limit, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mode = [Paragraphs::Auto, Paragraphs::Lines, Paragraphs::Blank][usize::from(limit % 3)];
    for lang in [Lang::Id, Lang::En] {
        let segments = Segmenter::new(lang)
            .with_max_chars(usize::from(limit).max(1) * 4)
            .with_paragraphs(mode)
            .split(&text);
        let mut at = 0;
        for segment in &segments {
            assert!(segment.span.start >= at && segment.span.start < segment.span.end);
            assert!(text[at..segment.span.start]
                .chars()
                .all(padan::text::is_space));
            at = segment.span.end;
        }
        assert!(text[at..].chars().all(padan::text::is_space));
    }
});
