//! Generates a corpus of article pairs for the `padan batch` benchmark
//! (`tools/batch_bench.sh`), from the shared Indonesian-English data: FLORES-200 devtest and
//! TICO-19 (document-aligned TSV) and the news sentence pairs. Nothing it writes is committed.
//!
//! Article k is a window of 8 to 32 consecutive translation units of the pooled data, starting
//! at a pseudo-random place, written as raw text: paragraphs of one to three units, blank lines
//! between them, so padan segments and aligns it as it would a real article pair. The same
//! arguments give the same files.
//!
//! Usage: `cargo run --release --example batch_corpus -- DATA_DIR OUT_DIR PAIRS`
//! (writes OUT_DIR/id/NNNNN.txt and OUT_DIR/en/NNNNN.txt).

use std::fs;
use std::path::Path;
use std::process::ExitCode;

/// A small, stable pseudo-random generator (SplitMix64), so the corpus is the same everywhere.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The translation units of the shared data, in order: (Indonesian, English).
fn units(data: &Path) -> Result<Vec<(String, String)>, String> {
    let read =
        |path: &Path| fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let mut units = Vec::new();
    for tsv in [
        "flores200-devtest/flores200-devtest.doc-aligned.ind-eng.tsv",
        "tico19-test/tico19-test.doc-aligned.ind-eng.tsv",
    ] {
        for line in read(&data.join(tsv))?.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if let [_, _, id, en] = fields[..] {
                units.push((id.to_owned(), en.to_owned()));
            }
        }
    }
    for part in ["valid", "test"] {
        let id = read(&data.join(format!("guntara2020-news/news.{part}.id")))?;
        let en = read(&data.join(format!("guntara2020-news/news.{part}.en")))?;
        units.extend(
            id.lines()
                .zip(en.lines())
                .map(|(a, b)| (a.to_owned(), b.to_owned())),
        );
    }
    units.retain(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty());
    if units.len() < 100 {
        return Err(format!("{}: too little data found", data.display()));
    }
    Ok(units)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, out, pairs] = &args[..] else {
        eprintln!("usage: batch_corpus DATA_DIR OUT_DIR PAIRS");
        return ExitCode::from(2);
    };
    let Ok(pairs) = pairs.parse::<usize>() else {
        eprintln!("batch_corpus: PAIRS must be a number, got {pairs}");
        return ExitCode::from(2);
    };
    match generate(Path::new(data), Path::new(out), pairs) {
        Ok(units) => {
            eprintln!("batch_corpus: {pairs} pairs from {units} units in {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("batch_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn generate(data: &Path, out: &Path, pairs: usize) -> Result<usize, String> {
    let units = units(data)?;
    for side in ["id", "en"] {
        fs::create_dir_all(out.join(side)).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let mut random = SplitMix(0x0070_6164_616e);
    for k in 0..pairs {
        let length = 8 + random.below(25);
        let start = random.below(units.len() - length);
        let (mut id, mut en) = (String::new(), String::new());
        let mut taken = 0;
        while taken < length {
            let paragraph = (1 + random.below(3)).min(length - taken);
            let window = &units[start + taken..start + taken + paragraph];
            let join = |side: &dyn Fn(&(String, String)) -> &str| {
                window.iter().map(side).collect::<Vec<_>>().join(" ")
            };
            id.push_str(&join(&|u| &u.0));
            en.push_str(&join(&|u| &u.1));
            id.push_str("\n\n");
            en.push_str("\n\n");
            taken += paragraph;
        }
        let name = format!("{k:05}.txt");
        for (side, text) in [("id", &id), ("en", &en)] {
            let path = out.join(side).join(&name);
            fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(units.len())
}
