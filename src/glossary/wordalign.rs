//! Word alignment over a sample of beads: IBM Model 1 trained both ways, Viterbi links
//! intersected.
//!
//! Association scores (log-likelihood, Dice) see only co-occurrence, so a frequent word whose
//! translation varies (*waktu*: time, when, period) ties with every frequent word of its beads
//! and often gets no entry at all. A translation model explains co-occurrence away: once
//! *the* is accounted for by *itu*, it no longer competes for *waktu*. The links it finds give
//! each single word its most usual translation, which the glossary offers for words its term
//! pairs left without one.
//!
//! The sample is the first beads of the corpus, up to [`SAMPLE_CELLS`] word pairs: a prefix,
//! so counts files merged in corpus order hold the very sample one run would have.

use rustc_hash::FxHashMap;

/// Word pairs (source words times target words, summed over beads) the sample holds, whatever
/// the corpus size: some 25 bytes each while training (pair numbers, both directions' tables),
/// so about 200 MB at most.
pub const SAMPLE_CELLS: usize = 8_000_000;

/// Expectation-maximization rounds per direction.
const ROUNDS: usize = 5;

/// The Dirichlet prior's concentration on each word pair: small, so that translation tables
/// stay sparse (0.01 and 0.0001 score within 0.01 of it on the news set's top-1).
const PRIOR: f32 = 0.001;

/// Sample beads a word needs before its links say anything.
pub const MIN_EVIDENCE: u32 = 3;

/// Distinct words of one side by key (the word itself, or its stem), numbered in order of
/// first appearance.
#[derive(Debug, Default)]
struct Vocabulary {
    ids: FxHashMap<String, u32>,
    keys: Vec<String>,
    /// Each key's word as first seen.
    words: Vec<String>,
    /// Sample beads each word is in.
    beads: Vec<u32>,
}

impl Vocabulary {
    /// The ids of a bead's distinct (key, word) pairs, counting each once.
    fn intern(&mut self, words: &[(&str, &str)]) -> Vec<u32> {
        let mut ids: Vec<u32> = words
            .iter()
            .map(|&(key, word)| match self.ids.get(key) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(key.to_owned(), id);
                    self.keys.push(key.to_owned());
                    self.words.push(word.to_owned());
                    self.beads.push(0);
                    id
                }
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for &id in &ids {
            self.beads[id as usize] += 1;
        }
        ids
    }
}

/// The content words (lower case) of the first beads of a corpus.
#[derive(Debug)]
pub(super) struct Sample {
    source: Vocabulary,
    target: Vocabulary,
    beads: Vec<(Vec<u32>, Vec<u32>)>,
    cells: usize,
    /// Cells it may hold.
    capacity: usize,
    /// A bead did not fit: every later one is left out too, so the sample stays a prefix.
    pub(super) full: bool,
}

/// A word's most usual translation in the sample.
#[derive(Debug, PartialEq)]
pub(super) struct Usual<'s> {
    /// The source word and the target's key and word as first seen.
    pub(super) source: &'s str,
    pub(super) target_key: &'s str,
    pub(super) target: &'s str,
    /// Beads where the two words align both ways.
    pub(super) links: u32,
    /// Sample beads with the source word, with the target word.
    pub(super) source_beads: u32,
    pub(super) target_beads: u32,
}

impl Default for Sample {
    fn default() -> Self {
        Sample::with_capacity(SAMPLE_CELLS)
    }
}

impl Sample {
    /// An empty sample of at most `cells` word pairs.
    pub(super) fn with_capacity(cells: usize) -> Self {
        Sample {
            source: Vocabulary::default(),
            target: Vocabulary::default(),
            beads: Vec::new(),
            cells: 0,
            capacity: cells,
            full: false,
        }
    }

    /// Adds a bead's words, as (key, word) pairs, unless the sample is full (or a side has
    /// none). Words of one key count as one word.
    pub(super) fn push(&mut self, source: &[(&str, &str)], target: &[(&str, &str)]) {
        let distinct = |words: &[(&str, &str)]| {
            let mut keys: Vec<&str> = words.iter().map(|w| w.0).collect();
            keys.sort_unstable();
            keys.dedup();
            keys.len()
        };
        let cells = distinct(source) * distinct(target);
        if cells == 0 {
            return;
        }
        if self.full || self.cells + cells > self.capacity {
            self.full = true;
            return;
        }
        self.cells += cells;
        let s = self.source.intern(source);
        let t = self.target.intern(target);
        self.beads.push((s, t));
    }

    /// Beads held.
    pub(super) fn len(&self) -> usize {
        self.beads.len()
    }

    /// The sample's beads as words (each key's as first seen), in order (for a counts file).
    pub(super) fn beads(&self) -> impl Iterator<Item = (Vec<&str>, Vec<&str>)> {
        self.beads.iter().map(|(s, t)| {
            (
                s.iter()
                    .map(|&a| self.source.words[a as usize].as_str())
                    .collect(),
                t.iter()
                    .map(|&b| self.target.words[b as usize].as_str())
                    .collect(),
            )
        })
    }

    /// Aligns the sample's words.
    pub(super) fn align(&self) -> Links<'_> {
        Links {
            sample: self,
            links: self.links(),
        }
    }

    /// How many beads link each (source, target) pair of words both ways: each word's most
    /// probable partner (or none) under each direction's model, where the two agree.
    fn links(&self) -> FxHashMap<(u32, u32), u32> {
        let model = Model::new(
            &self.beads,
            self.source.words.len(),
            self.target.words.len(),
            self.cells,
        );
        let (forward, backward) = rayon::join(
            || model.train(Direction::SourceToTarget),
            || model.train(Direction::TargetToSource),
        );
        let mut links: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for (b, (s, t)) in self.beads.iter().enumerate() {
            let cells = &model.cells[model.offsets[b]..model.offsets[b + 1]];
            let cell = |i: usize, j: usize| cells[i * t.len() + j] as usize;
            let best_source: Vec<Option<usize>> = (0..t.len())
                .map(|j| {
                    best(
                        (0..s.len()).map(|i| forward.table[cell(i, j)]),
                        forward.null[t[j] as usize],
                    )
                })
                .collect();
            for (i, &a) in s.iter().enumerate() {
                let best_target = best(
                    (0..t.len()).map(|j| backward.table[cell(i, j)]),
                    backward.null[a as usize],
                );
                if let Some(j) = best_target {
                    if best_source[j] == Some(i) {
                        *links.entry((a, t[j])).or_default() += 1;
                    }
                }
            }
        }
        links
    }
}

/// The word links of a sample.
pub(super) struct Links<'s> {
    sample: &'s Sample,
    links: FxHashMap<(u32, u32), u32>,
}

impl Links<'_> {
    /// Beads where `source` and `target` (by key) align both ways; `None` when either is
    /// in fewer than [`MIN_EVIDENCE`] beads of the sample, too few to say.
    pub(super) fn between(&self, source: &str, target: &str) -> Option<u32> {
        let (source_words, target_words) = (&self.sample.source, &self.sample.target);
        let a = *source_words.ids.get(source)?;
        let b = *target_words.ids.get(target)?;
        if source_words.beads[a as usize] < MIN_EVIDENCE
            || target_words.beads[b as usize] < MIN_EVIDENCE
        {
            return None;
        }
        Some(self.links.get(&(a, b)).copied().unwrap_or(0))
    }

    /// Each source word's most usual translation: the target word it aligns with both ways
    /// in most beads (at least `min_links`; ties go to the word seen first), by source word.
    pub(super) fn usual(&self, min_links: u32) -> Vec<Usual<'_>> {
        let mut best: FxHashMap<u32, (u32, u32)> = FxHashMap::default();
        for (&(a, b), &n) in &self.links {
            let top = best.entry(a).or_insert((n, b));
            if (n, std::cmp::Reverse(b)) > (top.0, std::cmp::Reverse(top.1)) {
                *top = (n, b);
            }
        }
        let mut out: Vec<Usual> = best
            .into_iter()
            .filter(|&(_, (n, _))| n >= min_links)
            .map(|(a, (n, b))| Usual {
                source: &self.sample.source.words[a as usize],
                target_key: &self.sample.target.keys[b as usize],
                target: &self.sample.target.words[b as usize],
                links: n,
                source_beads: self.sample.source.beads[a as usize],
                target_beads: self.sample.target.beads[b as usize],
            })
            .collect();
        out.sort_unstable_by(|x, y| x.source.cmp(y.source));
        out
    }
}

/// The digamma function (derivative of ln Gamma), for x > 0.
fn digamma(mut x: f32) -> f32 {
    let mut out = 0.0;
    while x < 6.0 {
        out -= 1.0 / x;
        x += 1.0;
    }
    let r = 1.0 / x;
    let r2 = r * r;
    out + x.ln() - 0.5 * r - r2 * (1.0 / 12.0 - r2 * (1.0 / 120.0 - r2 / 252.0))
}

/// The position of the highest probability if it beats `null` (first on a tie).
fn best(probabilities: impl Iterator<Item = f32>, null: f32) -> Option<usize> {
    let mut out = None;
    let mut top = null;
    for (k, p) in probabilities.enumerate() {
        if p > top {
            top = p;
            out = Some(k);
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Direction {
    /// Source words generate the target words: p(target | source).
    SourceToTarget,
    /// Target words generate the source words: p(source | target).
    TargetToSource,
}

/// The sample's word pairs, numbered once for both directions.
struct Model<'s> {
    beads: &'s [(Vec<u32>, Vec<u32>)],
    /// Pair number of each bead's cells, source-major; bead `b` spans
    /// `offsets[b]..offsets[b + 1]`.
    cells: Vec<u32>,
    offsets: Vec<usize>,
    /// Source and target word of each pair number.
    pairs: Vec<(u32, u32)>,
    /// Distinct words per side.
    source_words: usize,
    target_words: usize,
}

/// A trained direction: p(generated | generating) by pair number, and p(generated | nothing)
/// by generated word id.
struct Trained {
    table: Vec<f32>,
    null: Vec<f32>,
}

impl<'s> Model<'s> {
    /// The model of `beads`, whose cells (source words times target words) are `size`.
    fn new(
        beads: &'s [(Vec<u32>, Vec<u32>)],
        source_words: usize,
        target_words: usize,
        size: usize,
    ) -> Self {
        // Sized once: about half the cells of a sample are distinct pairs.
        let mut index: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        index.reserve(size / 2);
        let mut pairs = Vec::with_capacity(size / 2);
        let mut cells = Vec::with_capacity(size);
        let mut offsets = vec![0];
        for (s, t) in beads {
            for &a in s {
                for &b in t {
                    let next = pairs.len() as u32;
                    let k = *index.entry((a, b)).or_insert_with(|| {
                        pairs.push((a, b));
                        next
                    });
                    cells.push(k);
                }
            }
            offsets.push(cells.len());
        }
        Model {
            beads,
            cells,
            offsets,
            pairs,
            source_words,
            target_words,
        }
    }

    fn train(&self, direction: Direction) -> Trained {
        let generated_words = match direction {
            Direction::SourceToTarget => self.target_words,
            Direction::TargetToSource => self.source_words,
        };
        let generating_words = match direction {
            Direction::SourceToTarget => self.source_words,
            Direction::TargetToSource => self.target_words,
        };
        // Uniform start: the first round's posteriors are shares of each bead.
        let mut table = vec![1.0f32; self.pairs.len()];
        let mut null = vec![1.0f32; generated_words];
        let mut counts = vec![0.0f32; self.pairs.len()];
        let mut null_counts = vec![0.0f32; generated_words];
        let mut posterior = Vec::new();
        for _ in 0..ROUNDS {
            counts.iter_mut().for_each(|c| *c = 0.0);
            null_counts.iter_mut().for_each(|c| *c = 0.0);
            for (b, (s, t)) in self.beads.iter().enumerate() {
                let cells = &self.cells[self.offsets[b]..self.offsets[b + 1]];
                let (generated, generating) = match direction {
                    Direction::SourceToTarget => (t, s),
                    Direction::TargetToSource => (s, t),
                };
                for (g, &word) in generated.iter().enumerate() {
                    let cell = |k: usize| match direction {
                        Direction::SourceToTarget => cells[k * t.len() + g] as usize,
                        Direction::TargetToSource => cells[g * t.len() + k] as usize,
                    };
                    posterior.clear();
                    posterior.extend((0..generating.len()).map(|k| table[cell(k)]));
                    let total: f32 = posterior.iter().sum::<f32>() + null[word as usize];
                    if total <= 0.0 {
                        continue;
                    }
                    for (k, p) in posterior.iter().enumerate() {
                        counts[cell(k)] += p / total;
                    }
                    null_counts[word as usize] += null[word as usize] / total;
                }
            }
            // p(generated | generating) = its expected count over the generating word's.
            let mut totals = vec![0.0f32; generating_words];
            let generating_of = |k: usize| match direction {
                Direction::SourceToTarget => self.pairs[k].0 as usize,
                Direction::TargetToSource => self.pairs[k].1 as usize,
            };
            for (k, c) in counts.iter().enumerate() {
                totals[generating_of(k)] += c;
            }
            // Variational Bayes with a sparse Dirichlet prior (Riley and Gildea 2012) rather
            // than plain relative frequency: a rare generating word can no longer soak up
            // every word of its few beads (IBM Model 1's garbage collectors).
            let spread = generated_words as f32 * PRIOR;
            let scale: Vec<f32> = totals
                .iter()
                .map(|&total| (-digamma(total + spread)).exp())
                .collect();
            for (k, (p, &c)) in table.iter_mut().zip(&counts).enumerate() {
                // Below 0.05, exp(digamma) is under 1e-8: as good as never.
                let x = c + PRIOR;
                *p = if x < 0.05 {
                    0.0
                } else {
                    digamma(x).exp() * scale[generating_of(k)]
                };
            }
            let null_total: f32 = null_counts.iter().sum();
            for (p, c) in null.iter_mut().zip(&null_counts) {
                *p = if null_total > 0.0 {
                    c / null_total
                } else {
                    0.0
                };
            }
        }
        Trained { table, null }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words that are their own keys.
    fn same<'w>(words: &[&'w str]) -> Vec<(&'w str, &'w str)> {
        words.iter().map(|&w| (w, w)).collect()
    }

    #[test]
    fn a_frequent_word_does_not_take_a_rarer_words_translation() {
        // `itu` is in every bead with `the`; `waktu` with `time` in two of them. Co-occurrence
        // alone ties waktu with the and with time.
        let mut sample = Sample::default();
        sample.push(&same(&["itu", "waktu"]), &same(&["the", "time"]));
        sample.push(&same(&["waktu", "itu"]), &same(&["time", "the"]));
        sample.push(&same(&["itu", "kota"]), &same(&["the", "city"]));
        sample.push(&same(&["itu", "jalan"]), &same(&["the", "road"]));
        let links = sample.align();
        let usual = links.usual(2);
        let find = |w: &str| usual.iter().find(|u| u.source == w);
        assert_eq!(
            find("waktu").map(|u| (u.target, u.links)),
            Some(("time", 2)),
            "{usual:?}"
        );
        assert_eq!(
            find("itu").map(|u| (u.target, u.links)),
            Some(("the", 4)),
            "{usual:?}"
        );
        assert_eq!(find("kota"), None, "one link is not enough: {usual:?}");
    }

    #[test]
    fn the_sample_is_a_prefix_of_the_beads() {
        let mut sample = Sample::default();
        let big: Vec<String> = (0..3000).map(|n| format!("w{n}")).collect();
        let big: Vec<(&str, &str)> = big.iter().map(|w| (w.as_str(), w.as_str())).collect();
        sample.push(&same(&["a"]), &same(&["a"]));
        sample.push(&big, &big);
        sample.push(&same(&["b"]), &same(&["b"]));
        assert_eq!(
            sample.beads.len(),
            1,
            "a bead after one that did not fit is left out"
        );
        assert!(sample.full);
    }
}
