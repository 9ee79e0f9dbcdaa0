//! Scoring alignments: strict and lax precision, recall and F1 over beads, summed over
//! documents, exactly as Vecalign's `score.py` defines them (and Bertalign and SentAlign use).
//!
//! Precision is over every non-empty test bead; recall is over gold beads with both sides
//! non-empty. A strict hit is an identical bead; a lax hit is a test bead one of whose source
//! segments is aligned, in the gold, with one of its target segments.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use crate::error::Error;

/// A bead as two lists of segment indices: source, target.
pub type IndexBead = (Vec<usize>, Vec<usize>);

/// Parses beads in Vecalign's format, one a line: `[0, 1]:[2]`, `[]:[3]`.
///
/// ```
/// let beads = padan::align::eval::parse_beads("[0]:[0, 1]\n[]:[2]\n", "gold").unwrap();
/// assert_eq!(beads, vec![(vec![0], vec![0, 1]), (vec![], vec![2])]);
/// ```
pub fn parse_beads(text: &str, file: &str) -> Result<Vec<IndexBead>, Error> {
    let mut beads = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        let bad = || {
            Error::malformed(
                file,
                n + 1,
                format!("expected a bead such as [0, 1]:[2], found {line:?}"),
            )
        };
        let (left, right) = line.split_once(':').ok_or_else(bad)?;
        let list = |side: &str| -> Result<Vec<usize>, Error> {
            let inner = side
                .trim()
                .strip_prefix('[')
                .and_then(|s| s.strip_suffix(']'))
                .ok_or_else(bad)?;
            inner
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<usize>().map_err(|_| bad()))
                .collect()
        };
        beads.push((list(left)?, list(right)?));
    }
    Ok(beads)
}

/// Parses test beads with their confidences: padan's `--format jsonl` lines (`source`,
/// `target` 0-based, `confidence`) or, without confidences, Vecalign's bead lines.
///
/// ```
/// let text = "{\"bead\":1,\"source\":[0],\"target\":[0,1],\"confidence\":0.9}\n";
/// let beads = padan::align::eval::parse_scored_beads(text, "test").unwrap();
/// assert_eq!(beads, vec![((vec![0], vec![0, 1]), Some(0.9))]);
/// ```
pub fn parse_scored_beads(text: &str, file: &str) -> Result<Vec<(IndexBead, Option<f64>)>, Error> {
    let first = text
        .lines()
        .map(|l| l.trim().trim_start_matches('\u{feff}'))
        .find(|l| !l.is_empty());
    if !first.is_some_and(|l| l.starts_with('{')) {
        return Ok(parse_beads(text, file)?
            .into_iter()
            .map(|b| (b, None))
            .collect());
    }
    #[derive(serde::Deserialize)]
    struct Line {
        source: Vec<usize>,
        target: Vec<usize>,
        confidence: Option<f64>,
    }
    let mut beads = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        let bead: Line = serde_json::from_str(line).map_err(|e| {
            Error::malformed(
                file,
                n + 1,
                format!("expected a bead as padan align --format jsonl writes it ({e})"),
            )
        })?;
        beads.push(((bead.source, bead.target), bead.confidence));
    }
    Ok(beads)
}

/// Formats one bead in Vecalign's format.
///
/// ```
/// assert_eq!(padan::align::eval::format_bead(&(0..2), &(3..3)), "[0, 1]:[]");
/// ```
pub fn format_bead(source: &Range<usize>, target: &Range<usize>) -> String {
    format_indices(
        &source.clone().collect::<Vec<_>>(),
        &target.clone().collect::<Vec<_>>(),
    )
}

/// Formats one bead given as index lists, in Vecalign's format.
///
/// ```
/// assert_eq!(padan::align::eval::format_indices(&[0, 1], &[]), "[0, 1]:[]");
/// ```
pub fn format_indices(source: &[usize], target: &[usize]) -> String {
    let list = |ids: &[usize]| {
        ids.iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("[{}]:[{}]", list(source), list(target))
}

/// Hit counts, summed over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Test beads identical to a gold bead.
    pub strict_hits: usize,
    /// Test beads not identical to any gold bead.
    pub strict_misses: usize,
    /// Test beads that overlap a gold bead on both sides.
    pub lax_hits: usize,
    /// Test beads that do not.
    pub lax_misses: usize,
    /// Gold beads (both sides non-empty) found identically among the test beads.
    pub strict_found: usize,
    /// Gold beads (both sides non-empty) not found identically.
    pub strict_lost: usize,
    /// Gold beads (both sides non-empty) overlapped by a test bead.
    pub lax_found: usize,
    /// Gold beads (both sides non-empty) not overlapped.
    pub lax_lost: usize,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// (hits, misses) of `test` against `gold`, as score.py's `counts` computes them:
/// strict hits, strict misses, lax hits, lax misses.
fn hits(gold: &[IndexBead], test: &[IndexBead]) -> (usize, usize, usize, usize) {
    let gold: Vec<&IndexBead> = gold
        .iter()
        .filter(|b| !b.0.is_empty() || !b.1.is_empty())
        .collect();
    let gold_set: HashSet<&IndexBead> = gold.iter().copied().collect();
    // Which gold beads each segment is in, per side: a lax hit is a test bead with a source and
    // a target segment in one gold bead. Linear in the beads' sizes, however wide they are.
    let mut of_source: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut of_target: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, (s, t)) in gold.iter().enumerate() {
        for &i in s {
            of_source.entry(i).or_default().push(k);
        }
        for &j in t {
            of_target.entry(j).or_default().push(k);
        }
    }
    let test: HashSet<&IndexBead> = test
        .iter()
        .filter(|b| !b.0.is_empty() || !b.1.is_empty())
        .collect();
    let (mut strict_hit, mut strict_miss, mut lax_hit, mut lax_miss) = (0, 0, 0, 0);
    for bead in test {
        if gold_set.contains(bead) {
            strict_hit += 1;
            lax_hit += 1;
            continue;
        }
        strict_miss += 1;
        let beads_of_source: HashSet<usize> = bead
            .0
            .iter()
            .filter_map(|i| of_source.get(i))
            .flatten()
            .copied()
            .collect();
        let overlaps = bead.1.iter().any(|j| {
            of_target
                .get(j)
                .is_some_and(|ks| ks.iter().any(|k| beads_of_source.contains(k)))
        });
        if overlaps {
            lax_hit += 1;
        } else {
            lax_miss += 1;
        }
    }
    (strict_hit, strict_miss, lax_hit, lax_miss)
}

impl Counts {
    /// Counts for one document.
    pub fn of(gold: &[IndexBead], test: &[IndexBead]) -> Counts {
        let (strict_hits, strict_misses, lax_hits, lax_misses) = hits(gold, test);
        let both = |beads: &[IndexBead]| -> Vec<IndexBead> {
            beads
                .iter()
                .filter(|b| !b.0.is_empty() && !b.1.is_empty())
                .cloned()
                .collect()
        };
        let (strict_found, strict_lost, lax_found, lax_lost) = hits(&both(test), &both(gold));
        Counts {
            strict_hits,
            strict_misses,
            lax_hits,
            lax_misses,
            strict_found,
            strict_lost,
            lax_found,
            lax_lost,
        }
    }

    /// Adds another document's counts.
    pub fn add(&mut self, other: Counts) {
        self.strict_hits += other.strict_hits;
        self.strict_misses += other.strict_misses;
        self.lax_hits += other.lax_hits;
        self.lax_misses += other.lax_misses;
        self.strict_found += other.strict_found;
        self.strict_lost += other.strict_lost;
        self.lax_found += other.lax_found;
        self.lax_lost += other.lax_lost;
    }

    /// Strict precision, recall and F1.
    pub fn strict(&self) -> Prf {
        prf(
            self.strict_hits,
            self.strict_misses,
            self.strict_found,
            self.strict_lost,
        )
    }

    /// Lax precision, recall and F1.
    pub fn lax(&self) -> Prf {
        prf(
            self.lax_hits,
            self.lax_misses,
            self.lax_found,
            self.lax_lost,
        )
    }
}

fn prf(hits: usize, misses: usize, found: usize, lost: usize) -> Prf {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(hits, hits + misses);
    let recall = ratio(found, found + lost);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

impl fmt::Display for Counts {
    /// score.py's first line: `strict P=.. R=.. F1=..  lax P=.. R=.. F1=..`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, l) = (self.strict(), self.lax());
        write!(
            f,
            "strict P={:.3} R={:.3} F1={:.3}  lax P={:.3} R={:.3} F1={:.3}",
            s.precision, s.recall, s.f1, l.precision, l.recall, l.f1
        )
    }
}

/// Bands of confidence that [`Calibration`] reports precision for, as (low, high) bounds,
/// the last one closed.
pub const CONFIDENCE_BANDS: [(f64, f64); 4] = [(0.0, 0.5), (0.5, 0.9), (0.9, 0.99), (0.99, 1.0)];

/// Equal-width bins of the expected calibration error.
const CALIBRATION_BINS: usize = 10;

/// How well confidences predict correctness: for each test bead, its confidence and whether it
/// is a strict hit. A calibrated aligner's beads at confidence 0.9 are right nine times in ten.
///
/// ```
/// use padan::align::eval::Calibration;
/// let gold = vec![(vec![0], vec![0]), (vec![1], vec![1])];
/// let test = vec![((vec![0], vec![0]), 1.0), ((vec![1], vec![]), 0.2)];
/// let mut calibration = Calibration::default();
/// calibration.add_document(&gold, &test);
/// assert_eq!(calibration.beads(), 2);
/// // One bead at 1.0, right; one at 0.2, wrong: each bin is off by its confidence gap.
/// assert!((calibration.expected_error() - 0.1).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calibration {
    /// Per bin of width 1/CALIBRATION_BINS: beads, strict hits, sum of confidences.
    bins: [(usize, usize, f64); CALIBRATION_BINS],
    /// Per band of CONFIDENCE_BANDS: beads, strict hits.
    bands: [(usize, usize); CONFIDENCE_BANDS.len()],
}

impl Calibration {
    /// Adds one bead.
    pub fn add(&mut self, confidence: f64, correct: bool) {
        let confidence = confidence.clamp(0.0, 1.0);
        let bin = ((confidence * CALIBRATION_BINS as f64) as usize).min(CALIBRATION_BINS - 1);
        let entry = &mut self.bins[bin];
        entry.0 += 1;
        entry.1 += usize::from(correct);
        entry.2 += confidence;
        let last = CONFIDENCE_BANDS.len() - 1;
        let band = CONFIDENCE_BANDS
            .iter()
            .position(|&(low, high)| confidence >= low && confidence < high)
            .unwrap_or(last);
        self.bands[band].0 += 1;
        self.bands[band].1 += usize::from(correct);
    }

    /// Adds one document's test beads with their confidences, each judged as [`Counts`]
    /// judges precision: a bead with both sides empty is not a bead; a strict hit is right.
    pub fn add_document(&mut self, gold: &[IndexBead], test: &[(IndexBead, f64)]) {
        let gold: HashSet<&IndexBead> = gold.iter().collect();
        for (bead, confidence) in test {
            if bead.0.is_empty() && bead.1.is_empty() {
                continue;
            }
            self.add(*confidence, gold.contains(bead));
        }
    }

    /// Adds another document's beads.
    pub fn merge(&mut self, other: &Calibration) {
        for (mine, theirs) in self.bins.iter_mut().zip(&other.bins) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
            mine.2 += theirs.2;
        }
        for (mine, theirs) in self.bands.iter_mut().zip(&other.bands) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
    }

    /// Beads counted.
    pub fn beads(&self) -> usize {
        self.bins.iter().map(|b| b.0).sum()
    }

    /// Expected calibration error over ten equal-width bins: the mean gap between a bin's
    /// share of right beads and its mean confidence, weighted by the bin's beads.
    pub fn expected_error(&self) -> f64 {
        let total = self.beads();
        if total == 0 {
            return 0.0;
        }
        self.bins
            .iter()
            .filter(|b| b.0 > 0)
            .map(|&(_, right, confidence)| (right as f64 - confidence).abs())
            .sum::<f64>()
            / total as f64
    }

    /// Per band of [`CONFIDENCE_BANDS`]: beads in it and the share of them that are right
    /// (`None` for an empty band).
    pub fn bands(&self) -> Vec<(f64, f64, usize, Option<f64>)> {
        CONFIDENCE_BANDS
            .iter()
            .zip(&self.bands)
            .map(|(&(low, high), &(n, right))| {
                (low, high, n, (n > 0).then(|| right as f64 / n as f64))
            })
            .collect()
    }

    /// The share of right beads among those at `threshold` or above, and how many there are.
    pub fn precision_at_least(&self, threshold: f64) -> (Option<f64>, usize) {
        let (n, right) = CONFIDENCE_BANDS
            .iter()
            .zip(&self.bands)
            .filter(|(&(low, _), _)| low >= threshold)
            .fold((0, 0), |(n, r), (_, &(bn, br))| (n + bn, r + br));
        ((n > 0).then(|| right as f64 / n as f64), n)
    }
}

impl fmt::Display for Calibration {
    /// One line a band, `confidence [0.90, 0.99): 1234 beads, precision 0.995`, then the
    /// expected calibration error.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (k, (low, high, n, precision)) in self.bands().into_iter().enumerate() {
            let close = if k + 1 == CONFIDENCE_BANDS.len() {
                ']'
            } else {
                ')'
            };
            let precision = precision.map_or("-".to_owned(), |p| format!("{p:.3}"));
            writeln!(
                f,
                "confidence [{low:.2}, {high:.2}{close}: {n} beads, precision {precision}"
            )?;
        }
        write!(f, "expected_calibration_error={:.4}", self.expected_error())
    }
}

/// Maps segments of a raw text onto the gold units the text was made of: for each segment
/// span, the gold units it covers characters of (whitespace ignored). Fails when the text's
/// characters are not the gold units' characters in order.
pub fn units_of_segments(
    raw: &str,
    units: &[&str],
    segments: &[Range<usize>],
) -> Result<Vec<Vec<usize>>, String> {
    // The gold unit of every non-whitespace character of the raw text, by byte offset.
    let mut owner: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    let mut unit_chars = units.iter().enumerate().flat_map(|(u, text)| {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .map(move |c| (u, c))
    });
    for (offset, c) in raw.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        match unit_chars.next() {
            Some((u, expected)) if expected == c => owner.push((offset, u)),
            other => {
                return Err(format!(
                    "the raw text differs from the gold units at byte {offset}: {c:?} vs {:?}",
                    other.map(|(_, e)| e)
                ))
            }
        }
    }
    Ok(segments
        .iter()
        .map(|span| {
            let from = owner.partition_point(|&(o, _)| o < span.start);
            let to = owner.partition_point(|&(o, _)| o < span.end);
            let mut covered: Vec<usize> = owner[from..to].iter().map(|&(_, u)| u).collect();
            covered.dedup();
            covered
        })
        .collect())
}

/// The beads of an alignment of segments, restated over gold units: each bead becomes the
/// union of its segments' units.
pub fn beads_over_units(
    beads: &[(Range<usize>, Range<usize>)],
    source_units: &[Vec<usize>],
    target_units: &[Vec<usize>],
) -> Vec<IndexBead> {
    let union = |range: &Range<usize>, map: &[Vec<usize>]| -> Vec<usize> {
        let set: BTreeSet<usize> = range.clone().flat_map(|k| map[k].iter().copied()).collect();
        set.into_iter().collect()
    };
    beads
        .iter()
        .map(|(s, t)| (union(s, source_units), union(t, target_units)))
        .collect()
}

/// Merges consecutive beads that share a gold unit on either side: the coarsest beads the
/// gold can judge. A unit the segmenter split in two, with each part aligned to its own
/// translation, is one bead again.
///
/// ```
/// use padan::align::eval::merge_shared_units;
/// let beads = vec![(vec![0], vec![0]), (vec![1], vec![0]), (vec![2], vec![1])];
/// assert_eq!(merge_shared_units(beads), vec![(vec![0, 1], vec![0]), (vec![2], vec![1])]);
/// ```
pub fn merge_shared_units(beads: Vec<IndexBead>) -> Vec<IndexBead> {
    let mut out: Vec<IndexBead> = Vec::with_capacity(beads.len());
    for bead in beads {
        if let Some(last) = out.last_mut() {
            let shares = bead.0.iter().any(|u| last.0.contains(u))
                || bead.1.iter().any(|u| last.1.contains(u));
            if shares {
                for u in bead.0 {
                    if !last.0.contains(&u) {
                        last.0.push(u);
                    }
                }
                for u in bead.1 {
                    if !last.1.contains(&u) {
                        last.1.push(u);
                    }
                }
                last.0.sort_unstable();
                last.1.sort_unstable();
                continue;
            }
        }
        out.push(bead);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beads(text: &str) -> Vec<IndexBead> {
        parse_beads(text, "t").unwrap_or_default()
    }

    #[test]
    fn scores_as_vecalign_defines_them() {
        // Gold: 1-1, 1-2, 1-0, 0-1. Test: one exact, one partial, a wrong deletion.
        let gold = beads("[0]:[0]\n[1]:[1, 2]\n[2]:[]\n[]:[3]\n");
        let test = beads("[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3]\n");
        let counts = Counts::of(&gold, &test);
        // Precision over 4 test beads: 1 strict hit; lax adds [1]:[1].
        assert_eq!((counts.strict_hits, counts.strict_misses), (1, 3));
        assert_eq!((counts.lax_hits, counts.lax_misses), (2, 2));
        // Recall over gold beads with both sides: [0]:[0] found, [1]:[1,2] lost strictly but
        // overlapped by [1]:[1].
        assert_eq!((counts.strict_found, counts.strict_lost), (1, 1));
        assert_eq!((counts.lax_found, counts.lax_lost), (2, 0));
        assert_eq!(
            counts.to_string(),
            "strict P=0.250 R=0.500 F1=0.333  lax P=0.500 R=1.000 F1=0.667"
        );
    }

    #[test]
    fn malformed_bead_lines_name_their_line() {
        let err = parse_beads("[0]:[0]\n[1] [1]\n", "gold.align").unwrap_err();
        assert_eq!(
            err.to_string(),
            "gold.align:2: expected a bead such as [0, 1]:[2], found \"[1] [1]\""
        );
    }

    #[test]
    fn raw_segments_map_onto_gold_units() {
        let units = ["Satu dua.", "Tiga.", "Empat lima."];
        let raw = "Satu dua. Tiga.\nEmpat lima.\n";
        // Segments: "Satu dua. Tiga." (two units joined), "Empat", "lima." (one unit split).
        let segments = [0..15, 16..21, 22..27];
        let mapped = units_of_segments(raw, &units, &segments);
        assert_eq!(mapped, Ok(vec![vec![0, 1], vec![2], vec![2]]));
        let over = beads_over_units(
            &[(0..1, 0..1), (1..3, 1..2)],
            &[vec![0, 1], vec![2], vec![2]],
            &[vec![0], vec![1]],
        );
        assert_eq!(over, vec![(vec![0, 1], vec![0]), (vec![2], vec![1])]);
    }
}
