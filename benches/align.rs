//! Alignment speed: the shipped example, and tico-long (2,100 segments a side) alone and
//! repeated ten times (21,000 a side), pre-segmented, lexicon loaded beforehand (its one-time
//! load is measured on its own). The tico-long benches need `../shared/eval` and are skipped
//! with a message without it.
//!
//! Run: `cargo bench --bench align` (single-threaded: padan aligns one pair on one core).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use padan::align::{Aligner, SegmentInput};
use padan::Lexicon;

fn lines(text: &str, repeat: usize) -> Vec<String> {
    let base: Vec<String> = text.lines().map(str::to_owned).collect();
    (0..repeat).flat_map(|_| base.iter().cloned()).collect()
}

fn inputs(lines: &[String]) -> Vec<SegmentInput<'_>> {
    lines
        .iter()
        .map(|text| SegmentInput {
            text,
            paragraph_start: None,
        })
        .collect()
}

fn bench_pair(c: &mut Criterion, name: &str, source: &[String], target: &[String]) {
    let lexicon = Lexicon::seed();
    let (s, t) = (inputs(source), inputs(target));
    c.bench_function(name, |b| b.iter(|| Aligner::new(lexicon).align(&s, &t)));
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("lexicon");
    group.sample_size(10);
    group.bench_function("load seed glossaries (once per process)", |b| {
        b.iter(Lexicon::load_seed)
    });
    group.finish();
    let id = include_str!("../tests/fixtures/reykjavik/id.sents");
    let en = include_str!("../tests/fixtures/reykjavik/en.sents");
    bench_pair(
        c,
        "reykjavik (30 x 34 segments)",
        &lines(id, 1),
        &lines(en, 1),
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/tico-long");
    let (Ok(id), Ok(en)) = (
        std::fs::read_to_string(dir.join("000.id")),
        std::fs::read_to_string(dir.join("000.en")),
    ) else {
        eprintln!("skipped tico-long benches: {} is absent", dir.display());
        return;
    };
    bench_pair(
        c,
        "tico-long (1855 x 1903 segments)",
        &lines(&id, 1),
        &lines(&en, 1),
    );
    let mut group = c.benchmark_group("long");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let (s, t) = (lines(&id, 10), lines(&en, 10));
    let (si, ti) = (inputs(&s), inputs(&t));
    let lexicon = Lexicon::seed();
    group.bench_function("tico-long x10 (18550 x 19030 segments)", |b| {
        b.iter(|| Aligner::new(lexicon).align(&si, &ti))
    });
    group.finish();
}

criterion_group!(align, benches);
criterion_main!(align);
