//! The second pass: word pairs learned from the confident 1-1 beads of the first pass.
//!
//! In each confident bead every Indonesian content stem co-occurs with every English one. A
//! pair that co-occurs in at least [`MIN_COUNT`] beads with a Dice coefficient of at least
//! [`MIN_DICE`] is a candidate; competitive linking (best Dice first, each word linked once)
//! keeps frequent function-like words from pairing with everything.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::SideTokens;
use super::search::PathBead;

/// Beads at least this confident teach word pairs.
pub const MIN_POSTERIOR: f64 = 0.9;
/// Fewest confident beads worth learning from.
pub const MIN_BEADS: usize = 8;
/// Fewest co-occurrences of a learned pair.
pub const MIN_COUNT: u32 = 2;
/// Lowest Dice coefficient of a learned pair.
pub const MIN_DICE: f64 = 0.6;

/// Whether bead `k` can teach word pairs: a 1-1 bead whose posterior, when the path has them,
/// is at least [`MIN_POSTERIOR`]; without posteriors (all 1.0), a 1-1 bead between two 1-1
/// beads, which is rarely wrong (errors come in runs around merges and omissions).
fn confident(path: &[PathBead], k: usize) -> bool {
    let one_to_one = |b: &PathBead| b.source.len() == 1 && b.target.len() == 1;
    let bead = &path[k];
    if !one_to_one(bead) || bead.posterior < MIN_POSTERIOR {
        return false;
    }
    let neighbours = [k.checked_sub(1), Some(k + 1)];
    neighbours
        .iter()
        .filter_map(|n| n.and_then(|n| path.get(n)))
        .all(one_to_one)
}

/// Each word of `side` as the id of its stem (numbers: `u32::MAX`, never counted), numbering
/// new stems in `ids` / `names`: once per distinct word, not once per token.
fn stem_ids<'a>(
    side: &'a SideTokens,
    ids: &mut FxHashMap<&'a str, u32>,
    names: &mut Vec<&'a str>,
) -> Vec<u32> {
    side.words
        .iter()
        .map(|w| {
            if w.is_number {
                return u32::MAX;
            }
            *ids.entry(w.stem.as_str()).or_insert_with(|| {
                names.push(w.stem.as_str());
                (names.len() - 1) as u32
            })
        })
        .collect()
}

/// The distinct content stems of segment `k`, as ids.
fn segment_stems(side: &SideTokens, stems: &[u32], k: usize) -> Vec<u32> {
    let mut out: Vec<u32> = side.segments[k]
        .iter()
        .map(|&w| stems[w as usize])
        .filter(|&id| id != u32::MAX)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Learns Indonesian stem -> English concepts (`w:stem`) from the confident 1-1 beads of `path`.
pub(crate) fn learn(
    path: &[PathBead],
    source: &SideTokens,
    target: &SideTokens,
) -> HashMap<String, Vec<String>> {
    let confident: Vec<&PathBead> = path
        .iter()
        .enumerate()
        .filter(|&(k, _)| confident(path, k))
        .map(|(_, b)| b)
        .collect();
    let mut learned: HashMap<String, Vec<String>> = HashMap::new();
    if confident.len() < MIN_BEADS {
        return learned;
    }
    // Stems as small integers, so counting pairs hashes two numbers, not two strings.
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let source_stems = stem_ids(source, &mut ids, &mut names);
    let target_stems = stem_ids(target, &mut ids, &mut names);
    let beads: Vec<(Vec<u32>, Vec<u32>)> = confident
        .iter()
        .map(|bead| {
            (
                segment_stems(source, &source_stems, bead.source.start),
                segment_stems(target, &target_stems, bead.target.start),
            )
        })
        .collect();
    // Source and target stems share the id space; a stem seen on both sides counts per side.
    let mut source_count = vec![0u32; names.len()];
    let mut target_count = vec![0u32; names.len()];
    for (s_words, t_words) in &beads {
        for &s in s_words {
            source_count[s as usize] += 1;
        }
        for &t in t_words {
            target_count[t as usize] += 1;
        }
    }
    // A pair needs MIN_COUNT beads, so a stem seen in fewer beads pairs with nothing: most stems of
    // a text are seen once, and skipping them skips most pairs. Pairs are counted one source
    // stem at a time over the beads it occurs in, in a dense array over target stems.
    let mut beads_of: Vec<Vec<u32>> = vec![Vec::new(); names.len()];
    let mut frequent_targets: Vec<Vec<u32>> = Vec::with_capacity(beads.len());
    for (k, (s_words, t_words)) in beads.iter().enumerate() {
        for &s in s_words {
            if source_count[s as usize] >= MIN_COUNT {
                beads_of[s as usize].push(k as u32);
            }
        }
        frequent_targets.push(
            t_words
                .iter()
                .copied()
                .filter(|&t| target_count[t as usize] >= MIN_COUNT)
                .collect(),
        );
    }
    let mut pair_count = vec![0u32; names.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut candidates: Vec<(f64, u32, &str, &str, u32, u32)> = Vec::new();
    for (s, bead_list) in beads_of.iter().enumerate() {
        for &k in bead_list {
            for &t in &frequent_targets[k as usize] {
                let count = &mut pair_count[t as usize];
                if *count == 0 {
                    touched.push(t);
                }
                *count += 1;
            }
        }
        for &t in &touched {
            let c = std::mem::take(&mut pair_count[t as usize]);
            if c < MIN_COUNT {
                continue;
            }
            let dice = 2.0 * c as f64 / (source_count[s] + target_count[t as usize]) as f64;
            if dice >= MIN_DICE {
                candidates.push((dice, c, names[s], names[t as usize], s as u32, t));
            }
        }
        touched.clear();
    }
    // Best first; ties broken by count, then alphabetically, so the result is deterministic.
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(b.2))
            .then(a.3.cmp(b.3))
    });
    let mut used_source = FxHashSet::default();
    let mut used_target = FxHashSet::default();
    for (_, _, s, t, s_id, t_id) in candidates {
        if used_source.contains(&s_id) || used_target.contains(&t_id) {
            continue;
        }
        used_source.insert(s_id);
        used_target.insert(t_id);
        learned
            .entry(s.to_owned())
            .or_default()
            .push(format!("w:{t}"));
    }
    learned
}
