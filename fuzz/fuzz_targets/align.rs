//! The aligner on arbitrary pairs: the bytes before the first NUL are the source, the rest
//! the target; every segment of both sides lands in exactly one bead, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use padan::align::{Aligner, SegmentInput};
use padan::Lexicon;
use padan::segment::Segmenter;
use padan::Lang;

fn side(text: &str, lang: Lang) -> Vec<SegmentInput<'_>> {
    let segments = Segmenter::new(lang).split(text);
    segments
        .iter()
        .enumerate()
        .map(|(k, s)| SegmentInput {
            text: s.text(text),
            paragraph_start: Some(k == 0 || segments[k - 1].paragraph != s.paragraph),
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let source = String::from_utf8_lossy(&data[..cut]);
    let target = String::from_utf8_lossy(data.get(cut + 1..).unwrap_or_default());
    let (s, t) = (side(&source, Lang::Id), side(&target, Lang::En));
    let beads = Aligner::new(Lexicon::seed()).align(&s, &t);
    let (mut i, mut j) = (0, 0);
    for bead in &beads {
        assert_eq!((bead.source.start, bead.target.start), (i, j));
        assert!(!bead.source.is_empty() || !bead.target.is_empty());
        assert!((0.0..=1.0).contains(&bead.confidence));
        (i, j) = (bead.source.end, bead.target.end);
    }
    assert_eq!((i, j), (s.len(), t.len()));
});
