//! Aligns one pre-segmented pair, for profiling: `align_once SOURCE TARGET [REPEAT]`.
use padan::align::{Aligner, SegmentInput};
use padan::Lexicon;
use std::time::Instant;

fn view(lines: &[String]) -> Vec<SegmentInput<'_>> {
    lines
        .iter()
        .map(|l| SegmentInput {
            text: l,
            paragraph_start: None,
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(s), Some(t)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: align_once SOURCE TARGET [REPEAT]");
        return;
    };
    let repeat: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(1);
    let source = std::fs::read_to_string(s)
        .unwrap_or_default()
        .repeat(repeat);
    let target = std::fs::read_to_string(t)
        .unwrap_or_default()
        .repeat(repeat);
    let input = |text: &str| -> Vec<String> { text.lines().map(str::to_owned).collect() };
    let (source, target) = (input(&source), input(&target));
    let started = Instant::now();
    let lexicon = Lexicon::seed();
    eprintln!("lexicon: {:?}", started.elapsed());
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let mut times = Vec::with_capacity(runs);
    let mut beads = 0;
    for _ in 0..runs {
        let started = Instant::now();
        beads = Aligner::new(lexicon)
            .align(&view(&source), &view(&target))
            .len();
        times.push(started.elapsed());
    }
    times.sort();
    if let (Some(fastest), Some(median)) = (times.first(), times.get(runs / 2)) {
        eprintln!("{beads} beads, {runs} runs: fastest {fastest:?}, median {median:?}");
    }
}
