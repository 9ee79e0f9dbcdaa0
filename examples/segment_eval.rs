//! Sentence-boundary precision, recall and F1 of padan's segmenter on sentence-aligned data.
//!
//! Each document's gold sentences are joined into paragraphs of 1-3 sentences (a fixed,
//! seeded sequence; a sentence without final punctuation, such as a headline or a transcribed
//! utterance, ends its paragraph, as in the alignment sets of `shared/eval/make_set.py`), each
//! paragraph is split again, and the boundaries inside paragraphs are compared with the gold
//! ones. Paragraph ends are given and not counted.
//!
//! The gold units of FLORES and TICO-19 are translation units, and many hold two or more
//! sentences ("Ini bukan perpisahan. Hal ini ialah ..."), so a correct split inside one counts
//! as a false positive in the raw score. The checked score takes a unit as k sentences when
//! the segmenter splits both it and its translation into the same k >= 2 pieces: the
//! translation is independent evidence that the unit holds k sentences. Units whose two sides
//! split differently keep their raw gold (a correct split there still counts against padan).
//!
//! Usage: `cargo run --release --example segment_eval -- [DATA_DIR]` (default `../shared/data`).

use std::collections::BTreeMap;
use std::fs;
use std::process::ExitCode;

use padan::segment::Segmenter;
use padan::Lang;

struct Counts {
    checked: bool,
    label: String,
    true_positive: usize,
    false_positive: usize,
    false_negative: usize,
}

impl Counts {
    fn report(&self) -> (f64, f64, f64) {
        let p = ratio(self.true_positive, self.true_positive + self.false_positive);
        let r = ratio(self.true_positive, self.true_positive + self.false_negative);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Reads a `doc_id<TAB>n<TAB>ind<TAB>eng` file into documents in file order.
/// A document: its Indonesian and English units, in order.
type Document = (Vec<String>, Vec<String>);

fn read_documents(path: &str) -> Result<Vec<Document>, String> {
    let data = fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut order: Vec<String> = Vec::new();
    let mut docs: BTreeMap<String, Document> = BTreeMap::new();
    for (n, line) in data.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 4 {
            return Err(format!(
                "{path}:{}: expected 4 tab-separated columns",
                n + 1
            ));
        }
        let entry = docs.entry(fields[0].to_owned()).or_insert_with(|| {
            order.push(fields[0].to_owned());
            Default::default()
        });
        entry.0.push(fields[2].trim().to_owned());
        entry.1.push(fields[3].trim().to_owned());
    }
    Ok(order.into_iter().filter_map(|d| docs.remove(&d)).collect())
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with([
        '.', '!', '?', '…', ':', ';', '"', '\'', '”', '’', '»', ')', ']',
    ])
}

/// A small deterministic generator, so the paragraphs are the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next_size(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        1 + ((self.0 >> 33) % 3) as usize
    }
}

/// Internal sentence ends inside each unit (byte offsets into the unit) that the checked score
/// accepts as gold: those of units that split into the same number of pieces on both sides.
fn checked_ends(
    side: &[String],
    other: &[String],
    segmenter: &Segmenter,
    other_segmenter: &Segmenter,
) -> Vec<Vec<usize>> {
    side.iter()
        .zip(other)
        .map(|(unit, translation)| {
            let pieces = segmenter.split(unit);
            let other_pieces = other_segmenter.split(translation).len();
            if pieces.len() >= 2 && pieces.len() == other_pieces {
                pieces[..pieces.len() - 1]
                    .iter()
                    .map(|s| s.span.end)
                    .collect()
            } else {
                Vec::new()
            }
        })
        .collect()
}

fn score(
    sentences: &[String],
    internal: &[Vec<usize>],
    segmenter: &Segmenter,
    rng: &mut Lcg,
    counts: &mut Counts,
) {
    let mut i = 0;
    while i < sentences.len() {
        let size = rng.next_size();
        let mut paragraph: Vec<usize> = Vec::new();
        while i < sentences.len() && paragraph.len() < size {
            paragraph.push(i);
            i += 1;
            if !ends_sentence(&sentences[i - 1]) {
                break;
            }
        }
        let mut gold = Vec::new();
        let mut text = String::new();
        for (k, &unit) in paragraph.iter().enumerate() {
            if k > 0 {
                gold.push(text.len());
                text.push(' ');
            }
            let at = text.len();
            gold.extend(internal[unit].iter().map(|end| at + end));
            text.push_str(&sentences[unit]);
        }
        let found: Vec<usize> = segmenter
            .split(&text)
            .iter()
            .map(|s| s.span.end)
            .filter(|&end| end < text.len())
            .collect();
        for end in &found {
            if gold.contains(end) {
                counts.true_positive += 1;
            } else {
                counts.false_positive += 1;
                if show_errors(counts) {
                    eprintln!("FP {}: {}|{}", counts.label, &text[..*end], &text[*end..]);
                }
            }
        }
        for end in &gold {
            if !found.contains(end) {
                counts.false_negative += 1;
                if show_errors(counts) {
                    eprintln!("FN {}: {}|{}", counts.label, &text[..*end], &text[*end..]);
                }
            }
        }
    }
}

/// `SHOW_ERRORS=1` prints each wrong boundary on stderr (checked score only).
fn show_errors(counts: &Counts) -> bool {
    counts.checked && std::env::var_os("SHOW_ERRORS").is_some()
}

fn main() -> ExitCode {
    let data = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data".to_owned());
    let sets = [
        (
            "flores200-devtest",
            "flores200-devtest/flores200-devtest.doc-aligned.ind-eng.tsv",
        ),
        (
            "tico19-test",
            "tico19-test/tico19-test.doc-aligned.ind-eng.tsv",
        ),
    ];
    println!("| set | language | score | units | boundaries | P | R | F1 |");
    println!("|---|---|---|---|---|---|---|---|");
    for (name, file) in sets {
        let documents = match read_documents(&format!("{data}/{file}")) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("segment_eval: {e}");
                return ExitCode::FAILURE;
            }
        };
        for (lang, checked) in [
            (Lang::Id, false),
            (Lang::Id, true),
            (Lang::En, false),
            (Lang::En, true),
        ] {
            let segmenter = Segmenter::new(lang);
            let other = Segmenter::new(if lang == Lang::Id { Lang::En } else { Lang::Id });
            let mut counts = Counts {
                checked,
                label: format!("{name} {lang}"),
                true_positive: 0,
                false_positive: 0,
                false_negative: 0,
            };
            let mut rng = Lcg(11);
            let mut sentences = 0;
            for (id, en) in &documents {
                let (side, translation) = if lang == Lang::Id { (id, en) } else { (en, id) };
                sentences += side.len();
                let internal = if checked {
                    checked_ends(side, translation, &segmenter, &other)
                } else {
                    vec![Vec::new(); side.len()]
                };
                score(side, &internal, &segmenter, &mut rng, &mut counts);
            }
            let (p, r, f) = counts.report();
            println!(
                "| {name} | {lang} | {} | {sentences} | {} | {p:.4} | {r:.4} | {f:.4} |",
                if checked { "checked" } else { "raw" },
                counts.true_positive + counts.false_negative
            );
        }
    }
    ExitCode::SUCCESS
}
