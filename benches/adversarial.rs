//! Worst cases, end to end from raw text (segmentation, then alignment): no punctuation at
//! all, one huge paragraph, every sentence identical, and identical sentences in unequal
//! numbers. Each must stay linear: segments are cut at `--max-chars` (2,000 characters), the
//! search runs in a band, and ties are broken by a fixed order.
//!
//! Run: `cargo bench --bench adversarial` (one core).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use padan::align::{Aligner, SegmentInput};
use padan::segment::{Segment, Segmenter};
use padan::Lang;
use padan::Lexicon;

/// The segments of `text` as the aligner takes them.
fn inputs<'a>(text: &'a str, segments: &[Segment]) -> Vec<SegmentInput<'a>> {
    segments
        .iter()
        .enumerate()
        .map(|(k, seg)| SegmentInput {
            text: &text[seg.span.clone()],
            paragraph_start: Some(k == 0 || segments[k - 1].paragraph != seg.paragraph),
        })
        .collect()
}

/// Segments `source` and `target` and aligns them, as `padan align` does.
fn align_raw(lexicon: &Lexicon, source: &str, target: &str) -> usize {
    let side = |text: &str, lang| Segmenter::new(lang).split(text);
    let (s, t) = (side(source, Lang::Id), side(target, Lang::En));
    let (si, ti) = (inputs(source, &s), inputs(target, &t));
    Aligner::new(lexicon).align(&si, &ti).len()
}

fn benches(c: &mut Criterion) {
    let lexicon = Lexicon::seed();
    let mut group = c.benchmark_group("adversarial");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));

    // 1 MB a side of words, no punctuation, no line break: one segment cut into ~500.
    let id = "kata benda lain yang sama ".repeat(1 << 20 >> 5);
    let en = "word thing other the same ".repeat(1 << 20 >> 5);
    group.bench_function("no punctuation, 1 MB a side", |b| {
        b.iter(|| align_raw(lexicon, &id, &en))
    });

    // 1 MB a side on one line: some 10,000 sentences in a single paragraph.
    let id = "Harga beras naik 5 persen di Jakarta pada 2021. Pemerintah berjanji bertindak. "
        .repeat(1 << 20 >> 7);
    let en = "Rice prices rose 5 percent in Jakarta in 2021. The government promised action. "
        .repeat(1 << 20 >> 7);
    group.bench_function("one paragraph, 1 MB a side", |b| {
        b.iter(|| align_raw(lexicon, &id, &en))
    });

    // 10,000 identical sentences a side, one a line: every path costs the same.
    let id = "Menteri itu tiba di Reykjavik.\n".repeat(10_000);
    let en = "The minister arrived in Reykjavik.\n".repeat(10_000);
    group.bench_function("identical sentences, 10,000 a side", |b| {
        b.iter(|| align_raw(lexicon, &id, &en))
    });

    // 10,000 identical sentences against 7,000: the aligner must place 3,000 gaps.
    let en = "The minister arrived in Reykjavik.\n".repeat(7_000);
    group.bench_function("identical sentences, 10,000 x 7,000", |b| {
        b.iter(|| align_raw(lexicon, &id, &en))
    });
    group.finish();
}

criterion_group!(adversarial, benches);
criterion_main!(adversarial);
