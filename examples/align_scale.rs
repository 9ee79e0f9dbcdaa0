//! How alignment time and memory grow with text length: tico-long (shared/eval) repeated and
//! cut to 1k ... 100k segments a side, each size aligned in a child process so that its peak
//! resident memory (VmHWM) is its own.
//!
//! Usage: `cargo run --release --example align_scale -- [EVAL_DIR] [SIZES...]`
//! (default `../shared/eval`, sizes 1000 2000 5000 10000 21000 50000 100000).

use std::process::{Command, ExitCode};
use std::time::Instant;

use padan::align::{Aligner, SegmentInput};
use padan::Lexicon;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn lines(path: &str, n: usize) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let base: Vec<&str> = text.lines().collect();
    if base.is_empty() {
        return Err(format!("{path}: empty"));
    }
    Ok(base.iter().cycle().take(n).map(|s| s.to_string()).collect())
}

fn child(dir: &str, n: usize) -> Result<(), String> {
    let lexicon = Lexicon::seed();
    let source = lines(&format!("{dir}/tico-long/000.id"), n)?;
    // The English side is longer in tico-long (1903 vs 1855): keep the ratio.
    let target = lines(&format!("{dir}/tico-long/000.en"), n * 1903 / 1855)?;
    let view = |l: &[String]| -> Vec<String> { l.to_vec() };
    let (source, target) = (view(&source), view(&target));
    let si: Vec<SegmentInput> = source
        .iter()
        .map(|t| SegmentInput {
            text: t,
            paragraph_start: None,
        })
        .collect();
    let ti: Vec<SegmentInput> = target
        .iter()
        .map(|t| SegmentInput {
            text: t,
            paragraph_start: None,
        })
        .collect();
    let before = peak_rss_mb();
    let started = Instant::now();
    let beads = Aligner::new(lexicon).align(&si, &ti);
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "| {n} | {} | {} | {seconds:.3} | {:.1} | {:.1} |",
        target.len(),
        beads.len(),
        seconds * 1e6 / n as f64,
        peak_rss_mb() - before.min(peak_rss_mb())
    );
    println!("peak_rss_total_mb={:.1}", peak_rss_mb());
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        let (Some(dir), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse().ok())) else {
            return ExitCode::FAILURE;
        };
        return match child(dir, n) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("align_scale: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let dir = args
        .first()
        .cloned()
        .unwrap_or_else(|| "../shared/eval".to_owned());
    let sizes: Vec<usize> = if args.len() > 1 {
        args[1..].iter().filter_map(|a| a.parse().ok()).collect()
    } else {
        vec![1000, 2000, 5000, 10_000, 21_000, 50_000, 100_000]
    };
    let Ok(me) = std::env::current_exe() else {
        return ExitCode::FAILURE;
    };
    println!("| source segments | target segments | beads | seconds | µs per segment | MB during alignment | peak RSS MB |");
    println!("|---|---|---|---|---|---|---|");
    for n in sizes {
        let output = Command::new(&me)
            .args(["--child", &dir, &n.to_string()])
            .output();
        match output {
            Ok(o) if o.status.success() => {
                let text = String::from_utf8_lossy(&o.stdout);
                let mut lines = text.lines();
                let row = lines.next().unwrap_or("");
                let peak = lines
                    .next()
                    .and_then(|l| l.strip_prefix("peak_rss_total_mb="))
                    .unwrap_or("?");
                println!("{} {peak} |", row.trim_end_matches(" |").to_owned() + " |");
            }
            Ok(o) => {
                eprintln!(
                    "align_scale: size {n} failed: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("align_scale: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
