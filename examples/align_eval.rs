//! Alignment accuracy on the evaluation sets of `shared/eval`: strict and lax F1, pre-segmented
//! and end to end from raw text, with and without the second pass, and how honest the
//! confidences are (precision of the beads at 0.9 or above, their share, expected calibration
//! error over ten bins).
//!
//! Usage: `cargo run --release --example align_eval -- [EVAL_DIR] [--write DIR]`
//! (default `../shared/eval`). `--write DIR` also writes every test alignment as `DIR/SET/MODE/NAME.align`
//! (raw-text ones restated over the gold units), so `score.py` can score the same files.
//!
//! Raw-text scoring follows the sets' README: each segment maps to the gold units it covers
//! characters of, and a bead becomes the union of its segments' units.

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use padan::align::eval::{
    beads_over_units, format_indices, merge_shared_units, parse_beads, units_of_segments,
    Calibration, Counts, IndexBead,
};
use padan::align::{Aligner, Model, SegmentInput};
use padan::segment::{self, Segmenter};
use padan::Lang;
use padan::Lexicon;

struct Document {
    name: String,
    gold: Vec<(Vec<usize>, Vec<usize>)>,
    source_units: String,
    target_units: String,
    source_raw: String,
    target_raw: String,
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn documents(dir: &Path) -> Result<Vec<Document>, String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".gold")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = |ext: &str| dir.join(format!("{name}.{ext}"));
            let gold_path = path("gold");
            Ok(Document {
                gold: parse_beads(&read(&gold_path)?, &gold_path.display().to_string())
                    .map_err(|e| e.to_string())?,
                source_units: read(&path("id"))?,
                target_units: read(&path("en"))?,
                source_raw: read(&path("id.txt"))?,
                target_raw: read(&path("en.txt"))?,
                name,
            })
        })
        .collect()
}

fn presegmented(text: &str) -> Vec<SegmentInput<'_>> {
    segment::lines(text)
        .into_iter()
        .map(|s| SegmentInput {
            text: &text[s.span],
            paragraph_start: None,
        })
        .collect()
}

/// Raw text segmented, each segment with its span and whether it starts a paragraph.
fn raw_segments(text: &str, lang: Lang) -> (Vec<SegmentInput<'_>>, Vec<std::ops::Range<usize>>) {
    let segments = Segmenter::new(lang).split(text);
    let inputs = segments
        .iter()
        .enumerate()
        .map(|(k, s)| SegmentInput {
            text: &text[s.span.clone()],
            paragraph_start: Some(k == 0 || segments[k - 1].paragraph != s.paragraph),
        })
        .collect();
    (inputs, segments.into_iter().map(|s| s.span).collect())
}

/// Model overrides for experiments, e.g. `PADAN_MODEL=lexical_weight=1.2,paragraph_match=0.5`.
fn model() -> Model {
    let mut model = Model::default();
    if let Ok(spec) = std::env::var("PADAN_MODEL") {
        for part in spec.split(',').filter(|p| !p.is_empty()) {
            let Some((key, value)) = part.split_once('=') else {
                continue;
            };
            let Ok(v) = value.parse::<f64>() else {
                continue;
            };
            match key {
                "lexical_weight" => model.lexical_weight = v,
                "chance_overlap" => model.chance_overlap = v,
                "length_variance" => model.length_variance = v,
                "length_ratio" => model.length_ratio = v,
                "paragraph_match" => model.paragraph_match = v,
                "paragraph_mismatch" => model.paragraph_mismatch = v,
                "paragraph_inside" => model.paragraph_inside = v,
                "furniture_paired" => model.furniture_paired = v,
                "furniture_alone" => model.furniture_alone = v,
                k if k.starts_with("prior") => {
                    if let Ok(i) = k[5..].parse::<usize>() {
                        model.log_prior[i] = v.ln();
                    }
                }
                _ => eprintln!("align_eval: unknown model parameter {key}"),
            }
        }
    }
    model
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut eval_dir = "../shared/eval".to_owned();
    let mut write_dir: Option<String> = None;
    let mut k = 0;
    while k < args.len() {
        if args[k] == "--write" {
            write_dir = args.get(k + 1).cloned();
            k += 2;
        } else {
            eval_dir = args[k].clone();
            k += 1;
        }
    }
    let model = model();
    let lexicon = Lexicon::seed();
    println!("| set | input | second pass | strict P | strict R | strict F1 | strict F1, units merged | lax F1 | precision at >= 0.9 | beads at >= 0.9 | ECE | seconds |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for set in ["flores-hard", "tico-hard", "tico-long", "tico-noisy"] {
        let docs = match documents(&Path::new(&eval_dir).join(set)) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("align_eval: {e}");
                return ExitCode::FAILURE;
            }
        };
        let quick = std::env::var_os("PADAN_QUICK").is_some();
        for raw in [false, true] {
            if quick && raw {
                continue;
            }
            for second_pass in [false, true] {
                if quick && !second_pass {
                    continue;
                }
                let aligner = Aligner::new(lexicon)
                    .with_model(model.clone())
                    .with_second_pass(second_pass);
                let mut counts = Counts::default();
                let mut merged_counts = Counts::default();
                let mut calibration = Calibration::default();
                let mut merged_calibration = Calibration::default();
                let started = Instant::now();
                for doc in &docs {
                    let test = if raw {
                        let (source, source_spans) = raw_segments(&doc.source_raw, Lang::Id);
                        let (target, target_spans) = raw_segments(&doc.target_raw, Lang::En);
                        let beads = aligner.align(&source, &target);
                        let source_lines: Vec<&str> = doc.source_units.lines().collect();
                        let target_lines: Vec<&str> = doc.target_units.lines().collect();
                        let (Ok(su), Ok(tu)) = (
                            units_of_segments(&doc.source_raw, &source_lines, &source_spans),
                            units_of_segments(&doc.target_raw, &target_lines, &target_spans),
                        ) else {
                            eprintln!(
                                "align_eval: {set}/{}: raw text does not match its units",
                                doc.name
                            );
                            return ExitCode::FAILURE;
                        };
                        let ranges: Vec<_> = beads
                            .iter()
                            .map(|b| (b.source.clone(), b.target.clone()))
                            .collect();
                        let units = beads_over_units(&ranges, &su, &tu);
                        units
                            .into_iter()
                            .zip(&beads)
                            .map(|(u, b)| (u, b.confidence))
                            .collect::<Vec<_>>()
                    } else {
                        let beads = aligner.align(
                            &presegmented(&doc.source_units),
                            &presegmented(&doc.target_units),
                        );
                        beads
                            .iter()
                            .map(|b| {
                                (
                                    (b.source.clone().collect(), b.target.clone().collect()),
                                    b.confidence,
                                )
                            })
                            .collect()
                    };
                    let scored = test;
                    let test: Vec<_> = scored.iter().map(|(b, _)| b.clone()).collect();
                    if let Some(dir) = &write_dir {
                        let mode = format!(
                            "{}-{}",
                            if raw { "raw" } else { "preseg" },
                            if second_pass { "2pass" } else { "1pass" }
                        );
                        let out = Path::new(dir).join(set).join(mode);
                        let lines: String = test
                            .iter()
                            .map(|(s, t)| format_indices(s, t) + "\n")
                            .collect();
                        if fs::create_dir_all(&out)
                            .and_then(|()| {
                                fs::write(out.join(format!("{}.align", doc.name)), lines)
                            })
                            .is_err()
                        {
                            eprintln!("align_eval: cannot write to {}", out.display());
                            return ExitCode::FAILURE;
                        }
                    }
                    if std::env::var("SHOW_ERRORS").ok().as_deref()
                        == Some(if raw { "raw" } else { "1" })
                        && second_pass
                    {
                        for bead in &test {
                            if !doc.gold.contains(bead) {
                                eprintln!("{set}/{}: wrong {:?}", doc.name, bead);
                            }
                        }
                    }
                    counts.add(Counts::of(&doc.gold, &test));
                    merged_counts.add(Counts::of(&doc.gold, &merge_shared_units(test.clone())));
                    calibration.add_document(&doc.gold, &scored);
                    merged_calibration.add_document(&doc.gold, &merge_scored(&scored));
                }
                let seconds = started.elapsed().as_secs_f64();
                let (s, l) = (counts.strict(), counts.lax());
                let merged = if raw {
                    format!(
                        "{:.3} (ECE {:.4})",
                        merged_counts.strict().f1,
                        merged_calibration.expected_error()
                    )
                } else {
                    "-".to_owned()
                };
                let (confident_precision, confident) = calibration.precision_at_least(0.9);
                println!(
                    "| {set} | {} | {} | {:.3} | {:.3} | {:.3} | {merged} | {:.3} | {} | {:.1}% | {:.4} | {seconds:.2} |",
                    if raw { "raw text" } else { "pre-segmented" },
                    if second_pass { "on" } else { "off" },
                    s.precision,
                    s.recall,
                    s.f1,
                    l.f1,
                    confident_precision.map_or("-".to_owned(), |p| format!("{p:.4}")),
                    100.0 * confident as f64 / calibration.beads().max(1) as f64,
                    calibration.expected_error(),
                );
            }
        }
    }
    ExitCode::SUCCESS
}

/// Beads restated over gold units, merged where they share a unit (as `merge_shared_units`),
/// each merged bead as confident as its least confident part.
fn merge_scored(scored: &[(IndexBead, f64)]) -> Vec<(IndexBead, f64)> {
    let mut out: Vec<(IndexBead, f64)> = Vec::new();
    for (bead, confidence) in scored {
        if let Some((last, last_confidence)) = out.last_mut() {
            let shares = bead.0.iter().any(|u| last.0.contains(u))
                || bead.1.iter().any(|u| last.1.contains(u));
            if shares {
                let merged = merge_shared_units(vec![last.clone(), bead.clone()]);
                if let [one] = merged.as_slice() {
                    *last = one.clone();
                    *last_confidence = last_confidence.min(*confidence);
                    continue;
                }
            }
        }
        out.push((bead.clone(), *confidence));
    }
    out
}
