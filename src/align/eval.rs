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
