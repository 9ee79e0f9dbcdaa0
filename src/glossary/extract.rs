//! Term pairs from aligned beads.
//!
//! Candidates are n-grams of one to four words with no number and no stopword at either edge
//! (`Menteri Luar Negeri`, `Secretary of State` keep their inner words), keyed by their stems so
//! inflected forms count together; each shows its most frequent surface form. Every pair of a
//! source and a target candidate in the same bead co-occurs once. A pair is scored by Dunning's
//! log-likelihood ratio, scaled by its Dice coefficient and by how well its words translate one
//! another (lexicon, cognates, identical words): that word-level coverage is what lets a pair
//! seen once (`Dewan Arktik` / `Arctic Council`) through when its words say so, while other
//! singletons stay out. Competitive linking (best pair first) then gives each term its
//! translation, and up to [`MAX_VARIANTS`] more when they score close to the best, so function
//! words never win and `Menteri Luar Negeri` can have both `Foreign Minister` and
//! `Secretary of State`. Word alignment over a sample of the beads ([`super::wordalign`])
//! vetoes one-word pairs whose words never align and gives the words left without a one-word
//! translation their most usual one, ranked after the terms.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::wordalign::Sample;
use crate::lexicon::{Lexicon, MAX_PHRASE_WORDS};
use crate::text::tokens::{cognate_key, is_edge_word, is_stopword, scan_tokens};
use crate::Lang;

/// Indonesian number words, sorted for a binary search: a quantity (`hampir dua jam`,
/// `pertemuan pertama`) is no term.
const NUMERALS: [&str; 22] = [
    "belas", "delapan", "dua", "empat", "enam", "juta", "kedua", "keempat", "kelima", "ketiga",
    "lima", "miliar", "pertama", "puluh", "ratus", "ribu", "satu", "sebelas", "sembilan",
    "sepuluh", "tiga", "tujuh",
];

/// Function words a term may hold inside it.
const INNER_WORDS: [&str; 4] = ["of", "and", "for", "on"];

/// Pairs seen once are considered only in corpora of fewer beads than this.
pub const SINGLETON_CORPUS_LIMIT: f64 = 2_000.0;

/// Most translations kept for one term.
pub const MAX_VARIANTS: usize = 3;
/// A further translation of a term must score at least this share of its best one.
pub const VARIANT_SHARE: f64 = 0.35;
/// Distinct pairs held before the counts are pruned (the rarest pairs dropped, then terms no
/// kept pair uses): what bounds the memory of counting, whatever the corpus size. About 30
/// bytes a pair; 2,000,000 holds every pair of a 20,000-bead corpus without pruning.
pub const PAIR_BUDGET: usize = 6_000_000;
/// Distinct terms held on one side before the counts are pruned. Some 200 bytes a term.
pub const TERM_BUDGET: usize = 1_500_000;
/// Word-alignment links a word's usual translation needs to be proposed.
pub const MIN_LINKS: u32 = 2;
/// Scales the score of a word's usual translation (from word alignment) against term
/// pairs': general vocabulary ranks after the terms.
const USUAL_WEIGHT: f64 = 0.001;

/// What kind of entry a pair is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A term and its translation.
    Term,
    /// A proper name (capitalized on both sides, spelt alike).
    Name,
    /// A cognate or loanword (spelt alike once spelling conventions are folded).
    Cognate,
    /// An acronym on the source side.
    Acronym,
}

impl Kind {
    /// The word written in the `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Term => "term",
            Kind::Name => "name",
            Kind::Cognate => "cognate",
            Kind::Acronym => "acronym",
        }
    }
}

/// One proposed glossary entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The source (Indonesian) term, in its most frequent surface form.
    pub source_term: String,
    /// The target (English) term.
    pub target_term: String,
    /// Term, name, cognate or acronym.
    pub kind: Kind,
    /// The association score (higher is better).
    pub score: f64,
    /// Beads where both occur.
    pub count: u32,
    /// Beads where the source term occurs.
    pub source_count: u32,
    /// Beads where the target term occurs.
    pub target_count: u32,
    /// The first bead where both occur: source side.
    pub example_source: String,
    /// The first bead where both occur: target side.
    pub example_target: String,
    /// Anything worth knowing about the entry.
    pub note: String,
}

/// A candidate term of one side.
#[derive(Debug, Default)]
pub(super) struct Term {
    /// Stemmed words, for nesting checks.
    pub(super) key_words: Vec<String>,
    /// Lower-case words, for word-level evidence.
    pub(super) words: Vec<String>,
    /// Beads it occurs in.
    pub(super) count: u32,
    /// Surface forms and how often each was seen.
    pub(super) surfaces: FxHashMap<String, u32>,
}

impl Term {
    /// The most frequent surface form; on a tie the one in lower case (a capital at the start
    /// of a sentence is not part of the term), then the first alphabetically.
    fn surface(&self) -> String {
        let lower_first = |s: &str| s.chars().next().is_some_and(char::is_lowercase);
        self.surfaces
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then(lower_first(a.0).cmp(&lower_first(b.0)))
                    .then(b.0.cmp(a.0))
            })
            .map(|(s, _)| s.clone())
            .unwrap_or_default()
    }
}

#[derive(Debug, Default)]
pub(super) struct SideCounts {
    /// Term ids by their key (stems joined by spaces), in order of first appearance.
    pub(super) ids: FxHashMap<String, u32>,
    pub(super) terms: Vec<Term>,
}

impl SideCounts {
    /// Keeps the terms `used` by a pair, and those seen at least `threshold` times (raised
    /// until at most `budget` remain), in their order; returns each old id's new id
    /// (`u32::MAX` for a dropped term).
    fn compact(&mut self, used: &[bool], threshold: u32, budget: usize) -> Vec<u32> {
        // The terms no pair uses may fill what the budget leaves: raise the threshold to the
        // count just above the (room + 1)-th largest, in one sort rather than step by step.
        let room = budget.saturating_sub(used.iter().filter(|&&u| u).count());
        let mut others: Vec<u32> = self
            .terms
            .iter()
            .zip(used)
            .filter(|(t, &u)| !u && t.count >= threshold)
            .map(|(t, _)| t.count)
            .collect();
        let threshold = if others.len() <= room {
            threshold
        } else {
            others.sort_unstable_by(|a, b| b.cmp(a));
            others[room] + 1
        };
        let kept: Vec<bool> = self
            .terms
            .iter()
            .zip(used)
            .map(|(t, &u)| u || t.count >= threshold)
            .collect();
        let mut ids = vec![u32::MAX; self.terms.len()];
        let terms = std::mem::take(&mut self.terms);
        self.ids.clear();
        for (old, (term, keep)) in terms.into_iter().zip(kept).enumerate() {
            if keep {
                ids[old] = self.terms.len() as u32;
                self.ids.insert(term.key_words.join(" "), ids[old]);
                self.terms.push(term);
            }
        }
        self.ids.shrink_to_fit();
        ids
    }

    /// For each term, the longer terms that contain it as a run of words.
    fn supers(&self) -> FxHashMap<u32, Vec<u32>> {
        let mut out: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for (id, term) in self.terms.iter().enumerate() {
            let n = term.key_words.len();
            for start in 0..n {
                for end in start + 1..=n {
                    if end - start == n {
                        continue;
                    }
                    if let Some(&inner) = self.ids.get(&term.key_words[start..end].join(" ")) {
                        out.entry(inner).or_default().push(id as u32);
                    }
                }
            }
        }
        out
    }

    fn intern(&mut self, candidate: Candidate) -> u32 {
        let split = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        let id = match self.ids.get(candidate.key()) {
            Some(&id) => id,
            None => {
                let id = self.terms.len() as u32;
                self.terms.push(Term {
                    key_words: split(candidate.key()),
                    words: split(candidate.words()),
                    ..Term::default()
                });
                self.ids.insert(candidate.key().to_owned(), id);
                id
            }
        };
        let surfaces = &mut self.terms[id as usize].surfaces;
        match surfaces.get_mut(candidate.surface()) {
            Some(n) => *n += 1,
            None => {
                surfaces.insert(candidate.surface().to_owned(), 1);
            }
        }
        id
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct PairCount {
    pub(super) count: u32,
    pub(super) first_bead: u32,
}

/// Shards of the pair counts: 8.
const PAIR_SHARDS: usize = 8;
/// Beads are counted in segments that end at multiples of this bead number; the budget is
/// checked at each end. Fixed points, so pruning, and so the output, never depends on how the
/// beads were handed in (one at a time, by chunk, by --jobs).
const SEGMENT: u32 = 1024;

/// The shard of a pair: a multiplicative hash of both ids.
fn shard_of(a: u32, b: u32) -> usize {
    let key = ((u64::from(a) << 32) | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (key >> 61) as usize
}

/// Pair counts split into shards by a hash of the pair, so a segment of beads is counted on
/// every core; which shard holds a pair changes nothing in the results.
#[derive(Debug)]
pub(super) struct PairCounts {
    shards: Vec<FxHashMap<(u32, u32), PairCount>>,
}

impl Default for PairCounts {
    fn default() -> Self {
        PairCounts {
            shards: (0..PAIR_SHARDS).map(|_| FxHashMap::default()).collect(),
        }
    }
}

impl PairCounts {
    pub(super) fn len(&self) -> usize {
        self.shards.iter().map(FxHashMap::len).sum()
    }

    pub(super) fn get(&self, a: u32, b: u32) -> Option<&PairCount> {
        self.shards[shard_of(a, b)].get(&(a, b))
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (&(u32, u32), &PairCount)> {
        self.shards.iter().flatten()
    }

    /// Adds `count` co-occurrences first seen in `first_bead` (merging counts files).
    pub(super) fn add(&mut self, a: u32, b: u32, count: u32, first_bead: u32) {
        self.shards[shard_of(a, b)]
            .entry((a, b))
            .and_modify(|p| {
                p.count += count;
                p.first_bead = p.first_bead.min(first_bead);
            })
            .or_insert(PairCount { count, first_bead });
    }

    /// Counts every (source term, target term) pair of each bead, in bead order; returns the
    /// beads where some pair was seen first, in order.
    fn count(&mut self, beads: &[(Vec<u32>, Vec<u32>, u32)]) -> Vec<u32> {
        // One shard's share of every bead's pairs (`None`: every shard's, in one pass).
        fn count_into(
            shards: &mut [FxHashMap<(u32, u32), PairCount>],
            only: Option<usize>,
            beads: &[(Vec<u32>, Vec<u32>, u32)],
        ) -> Vec<u32> {
            let mut firsts = Vec::new();
            for (s, t, bead) in beads {
                let mut first = false;
                for &a in s {
                    for &b in t {
                        let k = shard_of(a, b);
                        let shard = match only {
                            Some(only) if only != k => continue,
                            Some(_) => &mut shards[0],
                            None => &mut shards[k],
                        };
                        shard
                            .entry((a, b))
                            .and_modify(|p| p.count += 1)
                            .or_insert_with(|| {
                                first = true;
                                PairCount {
                                    count: 1,
                                    first_bead: *bead,
                                }
                            });
                    }
                }
                if first {
                    firsts.push(*bead);
                }
            }
            firsts
        }
        let products: usize = beads.iter().map(|(s, t, _)| s.len() * t.len()).sum();
        // Below some thousands of pairs, threads cost more than they save: one pass.
        let mut firsts: Vec<u32> = if products < 20_000 {
            count_into(&mut self.shards, None, beads)
        } else {
            self.shards
                .par_iter_mut()
                .enumerate()
                .map(|(k, shard)| count_into(std::slice::from_mut(shard), Some(k), beads))
                .collect::<Vec<_>>()
                .concat()
        };
        firsts.sort_unstable();
        firsts.dedup();
        firsts
    }

    /// Keeps the pairs `keep` says to.
    fn retain(&mut self, keep: impl Fn(&PairCount) -> bool + Sync) {
        self.shards
            .par_iter_mut()
            .for_each(|shard| shard.retain(|_, p| keep(p)));
    }

    /// Gives every pair new term ids (after terms were compacted).
    fn remap(&mut self, source_ids: &[u32], target_ids: &[u32]) {
        let old = std::mem::take(&mut self.shards);
        *self = PairCounts::default();
        for ((a, b), p) in old.into_iter().flatten() {
            let (a, b) = (source_ids[a as usize], target_ids[b as usize]);
            self.shards[shard_of(a, b)].insert((a, b), p);
        }
    }
}

/// Collects term co-occurrences over aligned beads, then proposes entries.
///
/// ```
/// use padan::glossary::extract::Extractor;
/// let mut extractor = Extractor::new(padan::Lexicon::seed());
/// extractor.add("Gedung Putih mengumumkan sanksi.", "The White House announced sanctions.");
/// extractor.add("Sanksi dari Gedung Putih berlaku.", "Sanctions from the White House apply.");
/// let entries = extractor.finish();
/// assert!(entries.iter().any(|e| e.source_term == "Gedung Putih" && e.target_term == "White House"));
/// ```
pub struct Extractor<'a> {
    pub(super) lexicon: &'a Lexicon,
    pub(super) source: SideCounts,
    pub(super) target: SideCounts,
    pub(super) pairs: PairCounts,
    /// Beads counted.
    pub(super) bead_count: u32,
    /// The texts of the beads some pair points to as its first (its example), by bead number.
    pub(super) examples: FxHashMap<u32, (String, String)>,
    /// The lowest count a pair needed to survive pruning (0: never pruned).
    pub(super) pruned_below: u32,
    pub(super) pair_budget: usize,
    pub(super) term_budget: usize,
    /// Beads between budget checks.
    pub(super) segment: u32,
    /// The single words of the first beads, for word alignment.
    pub(super) sample: Sample,
}

/// Per distinct source word: the English stems the lexicon gives it, and its cognate key.
struct SourceWord<'e> {
    english: Vec<&'e str>,
    cognate: Option<String>,
}

/// Word-level evidence, by word: source words' translations and cognate keys, target words'
/// cognate keys.
struct Evidence<'e> {
    source: FxHashMap<&'e str, SourceWord<'e>>,
    target: FxHashMap<&'e str, Option<String>>,
}

/// A candidate term of a bead, before it is counted.
///
/// One string holds its key (stems joined by spaces: what inflected forms share), its
/// lower-case words and its surface form, one after the other: a single allocation, since
/// millions of candidates pass through the one counting thread.
struct Candidate {
    text: String,
    /// Where the key ends and the words start.
    key_end: usize,
    /// Where the words end and the surface starts.
    words_end: usize,
}

impl Candidate {
    fn key(&self) -> &str {
        &self.text[..self.key_end]
    }

    fn words(&self) -> &str {
        &self.text[self.key_end..self.words_end]
    }

    fn surface(&self) -> &str {
        &self.text[self.words_end..]
    }
}

/// A bead tokenized, stemmed and cut into candidate terms: the costly part of counting, which
/// needs only the lexicon, so corpus mode does it on the worker threads.
pub struct PreparedBead {
    source: String,
    target: String,
    source_terms: Vec<Candidate>,
    target_terms: Vec<Candidate>,
}

impl PreparedBead {
    /// Prepares the bead of `source` and `target` texts for counting.
    pub fn new(lexicon: &Lexicon, source: &str, target: &str) -> Self {
        let (sw, tw) = (
            Extractor::words(lexicon, source, Lang::Id),
            Extractor::words(lexicon, target, Lang::En),
        );
        PreparedBead {
            source_terms: Extractor::candidates(&sw),
            target_terms: Extractor::candidates(&tw),
            source: source.to_owned(),
            target: target.to_owned(),
        }
    }
}

/// A token of a bead: lower-case form, surface form, stem, and whether it may edge a term.
struct Word {
    lower: String,
    surface: String,
    stem: String,
    content: bool,
    number: bool,
}

impl<'a> Extractor<'a> {
    /// An extractor using `lexicon` for stems and word-level evidence.
    pub fn new(lexicon: &'a Lexicon) -> Self {
        Extractor {
            lexicon,
            source: SideCounts::default(),
            target: SideCounts::default(),
            pairs: PairCounts::default(),
            bead_count: 0,
            examples: FxHashMap::default(),
            pruned_below: 0,
            pair_budget: PAIR_BUDGET,
            term_budget: TERM_BUDGET,
            segment: SEGMENT,
            sample: Sample::default(),
        }
    }

    fn words(lexicon: &Lexicon, text: &str, lang: Lang) -> Vec<Word> {
        let mut out = Vec::new();
        scan_tokens(text, |lower, surface, _| {
            let number = lower.bytes().any(|b| b.is_ascii_digit());
            let stem = match lang {
                Lang::Id => lexicon.stem_id(lower),
                Lang::En => lexicon.stem_en(lower),
            };
            out.push(Word {
                content: !number && !is_edge_word(lang, lower) && lower.chars().count() > 1,
                lower: lower.to_owned(),
                surface: surface.to_owned(),
                stem,
                number,
            });
        });
        out
    }

    /// The candidate terms of a text, in the order they occur.
    fn candidates(words: &[Word]) -> Vec<Candidate> {
        let mut out = Vec::new();
        for start in 0..words.len() {
            if !words[start].content {
                continue;
            }
            for end in start + 1..=(start + MAX_PHRASE_WORDS).min(words.len()) {
                let span = &words[start..end];
                if span.iter().any(|w| w.number) {
                    break;
                }
                if !span[span.len() - 1].content {
                    continue;
                }
                // Inside a term only the function words terms have: Secretary of State,
                // Bosnia and Herzegovina. A phrase across `dan`, `dengan`, `the` is no term.
                if span
                    .iter()
                    .skip(1)
                    .take(span.len().saturating_sub(2))
                    .any(|w| !w.content && !INNER_WORDS.contains(&w.lower.as_str()))
                {
                    break;
                }
                let mut text = String::new();
                let mut join = |part: &dyn Fn(&Word) -> &str| {
                    for (k, w) in span.iter().enumerate() {
                        if k > 0 {
                            text.push(' ');
                        }
                        text.push_str(part(w));
                    }
                    text.len()
                };
                let key_end = join(&|w| &w.stem);
                let words_end = join(&|w| &w.lower);
                join(&|w| &w.surface);
                out.push(Candidate {
                    text,
                    key_end,
                    words_end,
                });
            }
        }
        out
    }

    /// Interns candidates into `side`, returning their distinct ids.
    fn intern_all(candidates: Vec<Candidate>, side: &mut SideCounts) -> Vec<u32> {
        let mut ids: Vec<u32> = candidates.into_iter().map(|c| side.intern(c)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Counts one aligned bead (its source and target texts).
    pub fn add(&mut self, source: &str, target: &str) {
        let bead = PreparedBead::new(self.lexicon, source, target);
        self.add_prepared(bead);
    }

    /// Counts a bead prepared with [`PreparedBead::new`] (possibly on another thread): the
    /// same as [`Extractor::add`] on its texts.
    pub fn add_prepared(&mut self, bead: PreparedBead) {
        self.add_all(vec![bead]);
    }

    /// Counts beads prepared with [`PreparedBead::new`], in order: the same as adding them
    /// one by one, with the pair counts of a segment updated on every core.
    pub fn add_all(&mut self, beads: Vec<PreparedBead>) {
        let mut beads = beads.into_iter().peekable();
        while beads.peek().is_some() {
            // Up to the next multiple of SEGMENT (in beads counted, those with terms on both
            // sides), then the budget is checked.
            let mut segment = Vec::new();
            let mut texts = Vec::new();
            let room = self.segment - self.bead_count % self.segment;
            while segment.len() < room as usize {
                let Some(bead) = beads.next() else { break };
                // Single words: source words as they are (*akhir* and *terakhir* translate
                // differently), target words by stem.
                fn single(terms: &[Candidate], by_stem: bool) -> Vec<(&str, &str)> {
                    terms
                        .iter()
                        .filter(|c| !c.words().contains(' '))
                        .map(|c| (if by_stem { c.key() } else { c.words() }, c.words()))
                        .collect()
                }
                self.sample.push(
                    &single(&bead.source_terms, false),
                    &single(&bead.target_terms, true),
                );
                let s = Self::intern_all(bead.source_terms, &mut self.source);
                let t = Self::intern_all(bead.target_terms, &mut self.target);
                if s.is_empty() || t.is_empty() {
                    continue;
                }
                let index = self.bead_count + segment.len() as u32;
                for &id in &s {
                    self.source.terms[id as usize].count += 1;
                }
                for &id in &t {
                    self.target.terms[id as usize].count += 1;
                }
                segment.push((s, t, index));
                texts.push((bead.source, bead.target));
            }
            let start = self.bead_count;
            self.bead_count += segment.len() as u32;
            let firsts = self.pairs.count(&segment);
            let mut texts: Vec<Option<(String, String)>> = texts.into_iter().map(Some).collect();
            for bead in firsts {
                if let Some(text) = texts[(bead - start) as usize].take() {
                    self.examples.insert(bead, text);
                }
            }
            if self.bead_count % self.segment == 0 {
                self.prune_if_over_budget();
            }
        }
    }

    /// Sets how many distinct pairs and terms (per side) are held before pruning, checked
    /// every `every` beads (so a check may find up to one segment's new pairs over the
    /// budget); for tests and for memory-tight runs.
    pub fn with_budget(mut self, pairs: usize, terms: usize, every: u32) -> Self {
        self.pair_budget = pairs.max(2);
        self.term_budget = terms.max(2);
        self.segment = every.max(1);
        self
    }

    /// Sets how many word pairs (source words times target words, summed over beads) the
    /// word-alignment sample holds ([`SAMPLE_CELLS`](super::wordalign::SAMPLE_CELLS) unless
    /// set); for tests and for memory-tight runs.
    pub fn with_sample_cells(mut self, cells: usize) -> Self {
        self.sample = Sample::with_capacity(cells);
        self
    }

    /// Keeps memory bounded: past the budget, drops the rarest pairs (count below 2, then 3,
    /// ... until at most half the budget is left), then the terms no kept pair uses and seen
    /// less often, and the examples no kept pair points to. A dropped pair that comes back
    /// counts again from one, so counts of rare pairs in a huge corpus are lower bounds.
    pub(super) fn prune_if_over_budget(&mut self) {
        let over = self.pairs.len() > self.pair_budget
            || self.source.terms.len() > self.term_budget
            || self.target.terms.len() > self.term_budget;
        if !over {
            return;
        }
        let mut threshold = 2;
        loop {
            self.pairs.retain(|p| p.count >= threshold);
            if self.pairs.len() <= self.pair_budget / 2 {
                break;
            }
            threshold += 1;
        }
        self.pruned_below = self.pruned_below.max(threshold);
        let (mut used_source, mut used_target) = (
            vec![false; self.source.terms.len()],
            vec![false; self.target.terms.len()],
        );
        for (&(a, b), _) in self.pairs.iter() {
            used_source[a as usize] = true;
            used_target[b as usize] = true;
        }
        let budget = self.term_budget / 2;
        let source_ids = self.source.compact(&used_source, threshold, budget);
        let target_ids = self.target.compact(&used_target, threshold, budget);
        self.pairs.remap(&source_ids, &target_ids);
        let kept: rustc_hash::FxHashSet<u32> =
            self.pairs.iter().map(|(_, p)| p.first_bead).collect();
        self.examples.retain(|bead, _| kept.contains(bead));
    }

    /// What word-level evidence needs of every word of the candidate terms, worked out once
    /// per distinct word rather than once per pair of words.
    fn evidence(&self) -> Evidence<'_> {
        let mut source: FxHashMap<&str, SourceWord> = FxHashMap::default();
        for word in self.source.terms.iter().flat_map(|t| &t.words) {
            source.entry(word).or_insert_with(|| {
                let stem = self.lexicon.stem_id(word);
                let english = self
                    .lexicon
                    .lookup(word)
                    .iter()
                    .chain(self.lexicon.lookup(&stem))
                    .filter_map(|c| c.strip_prefix("w:"))
                    .collect();
                SourceWord {
                    english,
                    cognate: cognate_key(word, Lang::Id),
                }
            });
        }
        let mut target: FxHashMap<&str, Option<String>> = FxHashMap::default();
        for word in self.target.terms.iter().flat_map(|t| &t.words) {
            target
                .entry(word)
                .or_insert_with(|| cognate_key(word, Lang::En));
        }
        Evidence { source, target }
    }

    /// How well one source word and one target word translate each other, 0 to 1.
    fn word_link(evidence: &Evidence, source: &str, target: &str, target_stem: &str) -> f64 {
        if source == target {
            return 1.0;
        }
        let Some(word) = evidence.source.get(source) else {
            return 0.0;
        };
        if word.english.contains(&target_stem) {
            return 1.0;
        }
        // An English compound holding the translation: pipa / pipeline (pipe), kereta /
        // railway... only where the translation is a word of four letters or more.
        if word
            .english
            .iter()
            .any(|e| e.len() >= 4 && target_stem.len() >= e.len() + 3 && target_stem.starts_with(e))
        {
            return 0.8;
        }
        let cognate = evidence.target.get(target).and_then(Option::as_ref);
        if word.cognate.is_some() && word.cognate.as_ref() == cognate {
            return 0.9;
        }
        // An edit distance is at least the difference in length: skip pairs that cannot reach
        // the threshold without computing it.
        let (a, b) = (source.chars().count(), target.chars().count());
        if source.len() < 4 || a.abs_diff(b) * 4 > a.max(b) {
            return 0.0;
        }
        let similarity = strsim::normalized_levenshtein(source, target);
        if similarity >= 0.75 {
            similarity
        } else {
            0.0
        }
    }

    /// Whether the lexicon lists the pair itself (a phrase entry such as `juru bicara`), given
    /// the source term's listings.
    fn listed(listings: &[&str], t: &Term) -> bool {
        listings.iter().any(|concept| {
            if t.key_words.len() == 1 {
                concept.strip_prefix("w:") == Some(t.key_words[0].as_str())
            } else {
                concept
                    .strip_prefix("p:")
                    .is_some_and(|p| p.split(' ').eq(t.key_words.iter().map(String::as_str)))
            }
        })
    }

    /// What the lexicon lists for a source term, by its words or by its stems.
    fn listings(&self, s: &Term) -> Vec<&str> {
        let (words, stems) = (s.words.join(" "), s.key_words.join(" "));
        let mut out: Vec<&str> = self
            .lexicon
            .lookup(&words)
            .iter()
            .map(String::as_str)
            .collect();
        if stems != words {
            out.extend(self.lexicon.lookup(&stems).iter().map(String::as_str));
        }
        out
    }

    /// Share of the content words on both sides that a word on the other side translates.
    fn coverage(evidence: &Evidence, listings: &[&str], s: &Term, t: &Term) -> f64 {
        if Self::listed(listings, t) {
            return 1.0;
        }
        let source: Vec<&String> = s
            .words
            .iter()
            .filter(|w| !is_stopword(Lang::Id, w))
            .collect();
        let target: Vec<(&String, &String)> = t
            .words
            .iter()
            .zip(&t.key_words)
            .filter(|(w, _)| !is_stopword(Lang::En, w))
            .collect();
        if source.is_empty() || target.is_empty() {
            return 0.0;
        }
        let mut grid = vec![0.0f64; source.len() * target.len()];
        for (i, sw) in source.iter().enumerate() {
            for (j, (tw, ts)) in target.iter().enumerate() {
                grid[i * target.len() + j] = Self::word_link(evidence, sw, tw, ts);
            }
        }
        let row_best: f64 = (0..source.len())
            .map(|i| {
                (0..target.len())
                    .map(|j| grid[i * target.len() + j])
                    .fold(0.0, f64::max)
            })
            .sum();
        let column_best: f64 = (0..target.len())
            .map(|j| {
                (0..source.len())
                    .map(|i| grid[i * target.len() + j])
                    .fold(0.0, f64::max)
            })
            .sum();
        (row_best + column_best) / (source.len() + target.len()) as f64
    }

    /// Scores, links and returns the entries, best first (ties by source, then target term).
    pub fn finish(self) -> Vec<Entry> {
        let n = self.bead_count as f64;
        #[derive(Clone, Copy)]
        struct Scored {
            source: u32,
            target: u32,
            score: f64,
            length: usize,
            count: u32,
            first_bead: u32,
            similar: f64,
        }

        let evidence = self.evidence();
        let links = self.sample.align();
        let listings: Vec<Vec<&str>> = self
            .source
            .terms
            .par_iter()
            .map(|s| self.listings(s))
            .collect();
        let pairs: Vec<(&(u32, u32), &PairCount)> = self.pairs.iter().collect();
        // Each pair is scored on its own: in parallel, then sorted into one order below.
        let mut scored: Vec<Scored> = pairs
            .par_iter()
            .filter_map(|&(&(a, b), pair)| {
                let (s, t) = (
                    &self.source.terms[a as usize],
                    &self.target.terms[b as usize],
                );
                let dice = 2.0 * pair.count as f64 / (s.count + t.count) as f64;
                // Word-level evidence (lexicon, cognates, identical words) is worked out only
                // where it can matter: pairs of compatible lengths, or frequent ones.
                // Singletons of a large corpus are skipped: scoring each costs a word-by-word
                // comparison, and there are millions; its repeated pairs carry the glossary.
                let singleton_worth_it = pair.count == 1 && n < SINGLETON_CORPUS_LIMIT;
                let coverage = if (pair.count == 2 || singleton_worth_it)
                    && s.words.len().abs_diff(t.words.len()) <= 2
                {
                    Self::coverage(&evidence, &listings[a as usize], s, t)
                } else {
                    0.0
                };
                // Frequent pairs stand on their association; rarer ones need their words to
                // translate one another too (in a small text, two coincidences are common).
                let admitted = match pair.count {
                    0 => false,
                    1 => coverage >= 0.75,
                    2 => dice >= 0.5 && coverage >= 0.25,
                    _ => dice >= 0.3,
                };
                if !admitted {
                    return None;
                }
                let llr = log_likelihood(pair.count as f64, s.count as f64, t.count as f64, n);
                let mut score = llr * (0.25 + 0.75 * dice);
                // The source term as shown, worked out once for the rules below.
                let shown = s.surface();
                if pair.count < 3 {
                    score *= 0.5 + coverage;
                }
                if pair.count == 1 {
                    // One sighting says little about termhood; the phrase's shape does, and
                    // so do loanwords (misi diplomatik, stabilitas strategis): technical
                    // vocabulary is borrowed more often than not.
                    let loanwords = s
                        .words
                        .iter()
                        .filter_map(|w| cognate_key(w, Lang::Id))
                        .filter(|key| {
                            t.words
                                .iter()
                                .any(|w| cognate_key(w, Lang::En).as_ref() == Some(key))
                        })
                        .count();
                    score *= termhood(s, &shown) * 1.1f64.powi(loanwords as i32);
                }
                if pair.count < 3 && orphan_name(&evidence, (s, &shown), (t, &t.surface())) {
                    score *= 0.3;
                }
                // Termhood: multiword terms are what a glossary is for (seen more than once: a
                // phrase seen once is as likely a chance collocation).
                let words = s.words.len().max(t.words.len());
                if pair.count >= 2 {
                    score *= 1.0 + 0.3 * (words as f64 - 1.0);
                }
                if words == 1 && pair.count >= 3 {
                    // Co-occurrence without alignment: the words as shown never translate
                    // each other where the word alignment can tell (*jakarta* / Department).
                    if links.between(&shown.to_lowercase(), &t.key_words[0]) == Some(0) {
                        return None;
                    }
                }
                let acronym = s.words.len() == 1 && is_acronym(&shown);
                if (words > 1 || acronym) && Self::listed(&listings[a as usize], t) {
                    // A phrase (or an acronym, a phrase's short form) the glossary knows as a
                    // unit: a confirmed term.
                    score *= 1.3;
                }
                if words == 1
                    && !acronym
                    && Self::listed(&listings[a as usize], t)
                    && cognate_key(&s.words[0], Lang::Id)
                        .is_none_or(|key| cognate_key(&t.words[0], Lang::En).as_ref() != Some(&key))
                {
                    // A general word the seed dictionary already translates (an acronym, or a
                    // loanword such as sanksi / sanction, is a term more often than not).
                    score *= 0.5;
                }
                // Names both sides share (Washington ingin / Washington wants); a shared common
                // word (pemanasan global / global warming) is a translated term's.
                let shared = s
                    .words
                    .iter()
                    .zip(shown.split(' '))
                    .filter(|&(w, shown)| t.words.contains(w) && is_name(shown))
                    .count();
                if shared * 2 >= s.words.len() || s.words == t.words {
                    // Mostly the same words on both sides (names): little for a glossary to add.
                    score *= 0.3;
                }
                Some(Scored {
                    source: a,
                    target: b,
                    score,
                    length: s.words.len() + t.words.len(),
                    count: pair.count,
                    first_bead: pair.first_bead,
                    similar: coverage,
                })
            })
            .collect();
        // A pair inside a longer pair seen exactly as often (Putih / White inside Gedung Putih /
        // White House) says nothing the longer one does not.
        let source_supers = self.source.supers();
        let target_supers = self.target.supers();
        let subsumed = |a: u32, b: u32, count: u32| -> bool {
            let (ca, cb) = (
                self.source.terms[a as usize].count,
                self.target.terms[b as usize].count,
            );
            let wider = |supers: &FxHashMap<u32, Vec<u32>>,
                         id: u32,
                         c: u32,
                         side: &SideCounts|
             -> Vec<u32> {
                std::iter::once(id)
                    .chain(supers.get(&id).into_iter().flatten().copied())
                    .filter(|&x| side.terms[x as usize].count == c)
                    .collect()
            };
            let sa = wider(&source_supers, a, ca, &self.source);
            let tb = wider(&target_supers, b, cb, &self.target);
            sa.iter().any(|&x| {
                tb.iter().any(|&y| {
                    (x, y) != (a, b) && self.pairs.get(x, y).is_some_and(|p| p.count == count)
                })
            })
        };
        // Only counts of two or more say "always together"; a singleton is inside many others.
        let keep: Vec<bool> = scored
            .par_iter()
            .map(|p| p.count < 2 || !subsumed(p.source, p.target, p.count))
            .collect();
        let mut keep = keep.into_iter();
        scored.retain(|_| keep.next().unwrap_or(true));
        scored.par_sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then(y.length.cmp(&x.length))
                .then(x.source.cmp(&y.source))
                .then(x.target.cmp(&y.target))
        });
        // Competitive linking, with room for variants close to a term's best translation.
        let mut source_links: FxHashMap<u32, Vec<(u32, f64)>> = FxHashMap::default();
        let mut target_links: FxHashMap<u32, Vec<(u32, f64)>> = FxHashMap::default();
        let mut accepted: Vec<Scored> = Vec::new();
        // Beads each linked term's accepted pairs account for.
        let mut explained_source: FxHashMap<u32, u32> = FxHashMap::default();
        let mut explained_target: FxHashMap<u32, u32> = FxHashMap::default();
        // Accepted pairs by every run of words of their source term (the whole term included),
        // and by their whole source term: the ones nested in or around a candidate are found
        // without a scan of all accepted pairs, which made large corpora quadratic.
        let mut by_run: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut by_term: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for pair in &scored {
            // A further translation of a linked term is judged on the beads its accepted
            // pairs leave unexplained (KTT / summit once, where pertemuan puncak / summit
            // explains the other three sightings of summit), never below its own score.
            let (s, t) = (
                &self.source.terms[pair.source as usize],
                &self.target.terms[pair.target as usize],
            );
            let by_source = explained_source.get(&pair.source).copied().unwrap_or(0);
            let by_target = explained_target.get(&pair.target).copied().unwrap_or(0);
            let (s_rest, t_rest) = (
                s.count.saturating_sub(by_source),
                t.count.saturating_sub(by_target),
            );
            let mut pair = *pair;
            if by_source + by_target > 0 && s_rest >= pair.count && t_rest >= pair.count {
                let base = |a: u32, b: u32| {
                    let dice = 2.0 * pair.count as f64 / (a + b) as f64;
                    log_likelihood(pair.count as f64, a as f64, b as f64, n) * (0.25 + 0.75 * dice)
                };
                let (before, after) = (base(s.count, t.count), base(s_rest, t_rest));
                if before > 0.0 && after > before {
                    pair.score *= after / before;
                }
            }
            // A further translation seen often but sharing no word-level evidence with its
            // term is a neighbour, not a translation (Menteri Luar Negeri / Russian).
            if by_source + by_target > 0
                && pair.count >= 3
                && Self::coverage(&evidence, &listings[pair.source as usize], s, t) == 0.0
            {
                continue;
            }
            let pair = &pair;
            let fits = |links: &FxHashMap<u32, Vec<(u32, f64)>>, id: u32| {
                links
                    .get(&id)
                    .is_none_or(|l| l.len() < MAX_VARIANTS && pair.score >= VARIANT_SHARE * l[0].1)
            };
            if !fits(&source_links, pair.source) || !fits(&target_links, pair.target) {
                continue;
            }
            // A pair nested in (or around) an accepted pair on both sides, seen no more often,
            // adds nothing: same partner with a longer or shorter term, or a sub-phrase pair.
            let nested_or_equal = |mine: &[String], theirs: &[String]| {
                mine == theirs || contains(mine, theirs) || contains(theirs, mine)
            };
            let (s_words, t_words) = (
                &self.source.terms[pair.source as usize].key_words,
                &self.target.terms[pair.target as usize].key_words,
            );
            // Accepted pairs around this one (it is a piece of them) make it redundant when
            // seen at least as often; pairs inside it only when seen exactly as often: a
            // frequent word (Arktik / Arctic, 5) does not make a term built on it (Dewan
            // Arktik / Arctic Council, once) redundant.
            let around = by_run
                .get(&s_words.join(" "))
                .into_iter()
                .flatten()
                .filter(|&&k| accepted[k].count >= pair.count);
            let inside = runs(s_words)
                .filter(|run| run.len() < s_words.len())
                .filter_map(|run| by_term.get(&run.join(" ")))
                .flatten()
                .filter(|&&k| accepted[k].count == pair.count);
            let redundant = around.chain(inside).any(|&k| {
                let other = accepted[k];
                nested_or_equal(&self.source.terms[other.source as usize].key_words, s_words)
                    && nested_or_equal(&self.target.terms[other.target as usize].key_words, t_words)
            });
            if redundant {
                continue;
            }
            source_links
                .entry(pair.source)
                .or_default()
                .push((pair.target, pair.score));
            target_links
                .entry(pair.target)
                .or_default()
                .push((pair.source, pair.score));
            for run in runs(s_words) {
                by_run
                    .entry(run.join(" "))
                    .or_default()
                    .push(accepted.len());
            }
            by_term
                .entry(s_words.join(" "))
                .or_default()
                .push(accepted.len());
            *explained_source.entry(pair.source).or_default() += pair.count;
            *explained_target.entry(pair.target).or_default() += pair.count;
            accepted.push(*pair);
        }
        // Words the term pairs left without a one-word translation get their most usual
        // one from word alignment.
        let translated: rustc_hash::FxHashSet<String> = accepted
            .iter()
            .filter(|p| self.target.terms[p.target as usize].key_words.len() == 1)
            .map(|p| {
                self.source.terms[p.source as usize]
                    .surface()
                    .to_lowercase()
            })
            .collect();
        let fallback: Vec<Entry> = links
            .usual(MIN_LINKS)
            .into_iter()
            .filter(|u| u.source != u.target && !translated.contains(u.source))
            .map(|u| {
                let sample = self.sample.len() as f64;
                let dice = 2.0 * u.links as f64 / (u.source_beads + u.target_beads) as f64;
                let llr = log_likelihood(
                    u.links as f64,
                    u.source_beads as f64,
                    u.target_beads as f64,
                    sample,
                );
                // The target word's most frequent form and an example: the first bead of the
                // pair of the words' terms, when counted.
                let source_term = self.source.ids.get(&self.lexicon.stem_id(u.source));
                let target_term = self.target.ids.get(u.target_key);
                let target = target_term.map_or_else(
                    || u.target.to_owned(),
                    |&b| self.target.terms[b as usize].surface(),
                );
                let example = source_term
                    .zip(target_term)
                    .and_then(|(&a, &b)| self.pairs.get(a, b))
                    .and_then(|p| self.examples.get(&p.first_bead))
                    .cloned()
                    .unwrap_or_default();
                Entry {
                    kind: kind_of(u.source, &target, 0.0),
                    source_term: u.source.to_owned(),
                    target_term: target,
                    score: (USUAL_WEIGHT * llr * (0.25 + 0.75 * dice) * 1000.0).round() / 1000.0,
                    count: u.links,
                    source_count: u.source_beads,
                    target_count: u.target_beads,
                    example_source: example.0,
                    example_target: example.1,
                    note: format!(
                        "usual translation of the word: aligned both ways in {} beads",
                        u.links
                    ),
                }
            })
            .collect();
        let mut entries: Vec<Entry> = accepted
            .into_iter()
            .map(|pair| {
                let (s, t) = (
                    &self.source.terms[pair.source as usize],
                    &self.target.terms[pair.target as usize],
                );
                let (source_term, target_term) = (s.surface(), t.surface());
                let (example_source, example_target) = self
                    .examples
                    .get(&pair.first_bead)
                    .cloned()
                    .unwrap_or_default();
                Entry {
                    kind: kind_of(&source_term, &target_term, pair.similar),
                    source_term,
                    target_term,
                    score: (pair.score * 1000.0).round() / 1000.0,
                    count: pair.count,
                    source_count: s.count,
                    target_count: t.count,
                    example_source,
                    example_target,
                    note: if pair.count == 1 {
                        "seen once; its words translate each other".to_owned()
                    } else {
                        String::new()
                    },
                }
            })
            .collect();
        entries.extend(fallback);
        entries.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.source_term.cmp(&b.source_term))
                .then(a.target_term.cmp(&b.target_term))
        });
        entries
    }

    /// Whether rare pairs were dropped to keep memory bounded.
    pub fn pruned(&self) -> bool {
        self.pruned_below > 0
    }

    /// The count below which pairs were dropped to bound memory (0 when none were).
    pub fn pruned_below(&self) -> u32 {
        self.pruned_below
    }

    /// Number of beads counted.
    pub fn beads(&self) -> usize {
        self.bead_count as usize
    }
}

/// Every run of consecutive words of `words`, the whole included.
fn runs(words: &[String]) -> impl Iterator<Item = &[String]> {
    (0..words.len())
        .flat_map(move |start| (start + 1..=words.len()).map(move |end| &words[start..end]))
}

/// Whether `inner` occurs as a run of words inside `outer` (and is shorter).
fn contains(outer: &[String], inner: &[String]) -> bool {
    inner.len() < outer.len() && outer.windows(inner.len()).any(|w| w == inner)
}

/// How much an Indonesian candidate looks like a term rather than a piece of a clause: terms
/// are noun phrases (`pemanasan global`, `Dewan Arktik`), so each word inflected as a verb
/// (`mengatakan`, `berusaha`, `dituduh`: a verbal prefix the stemmer removes) and a mix of a
/// name with common words (`Rusia berusaha`, `pemerintahan Biden`) lowers it. `surface` is the
/// term as shown.
fn termhood(term: &Term, surface: &str) -> f64 {
    const VERBAL_PREFIXES: [&str; 4] = ["me", "be", "di", "ter"];
    let numerals = term
        .words
        .iter()
        .filter(|w| NUMERALS.binary_search(&w.as_str()).is_ok())
        .count();
    let verbs = term
        .words
        .iter()
        .zip(&term.key_words)
        .filter(|(word, stem)| word != stem && VERBAL_PREFIXES.iter().any(|p| word.starts_with(p)))
        .count();
    let capitalized = surface.split(' ').filter(|w| is_name(w)).count();
    let words = surface.split(' ').count();
    let mixed = capitalized > 0 && capitalized < words;
    0.6f64.powi((verbs + numerals) as i32) * if mixed { 0.6 } else { 1.0 }
}

/// Whether one side mixes a name with common words and no word of the other side translates
/// or repeats that name: `Washington ingin` / wants, `pemimpin Rusia` / leaders, `ingin` /
/// Washington wants. (Names of several capitalized words, `Gedung Putih` / White House, are
/// translated as a whole, not word by word.) Each term comes with its surface form.
fn orphan_name(
    evidence: &Evidence,
    (s, s_shown): (&Term, &str),
    (t, t_shown): (&Term, &str),
) -> bool {
    // The names of a term that mixes names and common words (function words inside a name,
    // Secretary of State, mix nothing).
    fn mixed_names(term: &Term, surface: &str) -> Vec<usize> {
        let names: Vec<usize> = surface
            .split(' ')
            .enumerate()
            .filter(|(_, w)| is_name(w))
            .map(|(k, _)| k)
            .collect();
        let inner = term
            .words
            .iter()
            .filter(|w| INNER_WORDS.contains(&w.as_str()))
            .count();
        if names.len() + inner < term.words.len() {
            names
        } else {
            Vec::new()
        }
    }
    let linked = |sw: &str, tw: &str, ts: &str| Extractor::word_link(evidence, sw, tw, ts) > 0.0;
    let source_orphan = mixed_names(s, s_shown).into_iter().any(|k| {
        !t.words
            .iter()
            .zip(&t.key_words)
            .any(|(tw, ts)| linked(&s.words[k], tw, ts))
    });
    let target_orphan = mixed_names(t, t_shown).into_iter().any(|k| {
        !s.words
            .iter()
            .any(|sw| linked(sw, &t.words[k], &t.key_words[k]))
    });
    source_orphan || target_orphan
}

/// Whether a word as shown is a name's: it starts with a capital.
fn is_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a term as shown is an acronym: two or more capitals (digits allowed), nothing else.
fn is_acronym(term: &str) -> bool {
    term.chars().count() >= 2 && term.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn kind_of(source: &str, target: &str, coverage: f64) -> Kind {
    let capitalized = |s: &str| s.split(' ').all(is_name);
    if is_acronym(source) && !is_acronym(target) {
        Kind::Acronym
    } else if capitalized(source)
        && capitalized(target)
        && (source == target
            || coverage >= 0.7
            || strsim::normalized_levenshtein(&source.to_lowercase(), &target.to_lowercase())
                >= 0.6)
    {
        Kind::Name
    } else if !source.contains(' ')
        && strsim::normalized_levenshtein(&source.to_lowercase(), &target.to_lowercase()) >= 0.6
    {
        Kind::Cognate
    } else {
        Kind::Term
    }
}

/// Dunning's log-likelihood ratio (G²) of a 2x2 contingency table: `both` beads with both terms,
/// `a` with the first, `b` with the second, `n` in all.
fn log_likelihood(both: f64, a: f64, b: f64, n: f64) -> f64 {
    let k = [both, a - both, b - both, n - a - b + both];
    let rows = [a, n - a];
    let columns = [b, n - b];
    let mut g = 0.0;
    for (i, &observed) in k.iter().enumerate() {
        let expected = rows[i / 2] * columns[i % 2] / n;
        if observed > 0.0 && expected > 0.0 {
            g += observed * (observed / expected).ln();
        }
    }
    2.0 * g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;

    #[test]
    fn log_likelihood_is_zero_for_independence_and_grows_with_association() {
        assert!(log_likelihood(5.0, 10.0, 50.0, 100.0).abs() < 1e-9);
        assert!(log_likelihood(10.0, 10.0, 10.0, 100.0) > log_likelihood(5.0, 10.0, 10.0, 100.0));
    }

    #[test]
    fn counts_stay_within_the_budget_and_keep_what_recurs() {
        let lexicon = Lexicon::seed();
        let mut extractor = Extractor::new(lexicon).with_budget(400, 150, 8);
        for k in 0..600 {
            // Every bead has words of its own; every third one also the term that recurs.
            // Words without digits (a number is never a term): k written in letters.
            let letters: String = format!("{k:03}")
                .bytes()
                .map(|d| char::from(b'q' + (d - b'0')))
                .collect();
            let (s, t) = (
                format!("kata{letters} benda{letters}"),
                format!("word{letters} thing{letters}"),
            );
            if k % 3 == 0 {
                extractor.add(
                    &format!("Gedung Putih mengumumkan {s}."),
                    &format!("The White House announced {t}."),
                );
            } else {
                extractor.add(&format!("Kemudian {s}."), &format!("Then {t}."));
            }
            // The budget, and what the beads since the last check (at most 8) added.
            assert!(extractor.pairs.len() <= 400 + 8 * 25, "bead {k}");
            assert!(extractor.source.terms.len() <= 150 + 8 * 7, "bead {k}");
            assert!(extractor.target.terms.len() <= 150 + 8 * 7, "bead {k}");
            assert!(extractor.examples.len() <= 400 + 8, "bead {k}");
        }
        assert!(extractor.pruned());
        assert_eq!(extractor.beads(), 600);
        let entries = extractor.finish();
        // The recurring pair (always with its verb, so as one term) keeps its full count and
        // its example; no pair seen once survives.
        assert_eq!(entries[0].source_term, "Gedung Putih mengumumkan");
        assert_eq!(entries[0].target_term, "White House announced");
        assert_eq!(entries[0].count, 200);
        assert!(entries[0]
            .example_source
            .starts_with("Gedung Putih mengumumkan"));
        assert!(entries.iter().all(|e| e.count > 1));
    }

    #[test]
    fn numerals_are_sorted_for_binary_search() {
        assert!(NUMERALS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn noun_phrases_rank_above_pieces_of_clauses_as_terms() {
        let lexicon = Lexicon::seed();
        let term = |surface: &str| {
            let words: Vec<String> = surface.split(' ').map(str::to_lowercase).collect();
            Term {
                key_words: words.iter().map(|w| lexicon.stem_id(w)).collect(),
                words,
                count: 1,
                surfaces: [(surface.to_owned(), 1)].into_iter().collect(),
            }
        };
        let nouns = ["pemanasan global", "Dewan Arktik", "konferensi pers"];
        for noun in nouns {
            let t = term(noun);
            assert_eq!(termhood(&t, &t.surface()), 1.0, "{noun}");
        }
        for clause in [
            "dialog mengatakan",
            "Rusia berusaha",
            "menuduh Norwegia mencoba",
        ] {
            let t = term(clause);
            assert!(termhood(&t, &t.surface()) < 0.7, "{clause}");
        }
        // A quantity is no term either.
        for quantity in ["hampir dua jam", "pertemuan pertama"] {
            let t = term(quantity);
            assert!(termhood(&t, &t.surface()) < 0.7, "{quantity}");
        }
        // Conjunctions start or end no term, in either language.
        assert!(is_edge_word(Lang::Id, "meskipun") && is_edge_word(Lang::En, "whether"));
        assert!(!is_edge_word(Lang::Id, "pertemuan"));
    }

    #[test]
    fn a_name_nothing_on_the_other_side_translates_is_an_orphan() {
        let lexicon = Lexicon::seed();
        let term = |surface: &str, lang: Lang| {
            let words: Vec<String> = surface.split(' ').map(str::to_lowercase).collect();
            Term {
                key_words: words
                    .iter()
                    .map(|w| match lang {
                        Lang::Id => lexicon.stem_id(w),
                        Lang::En => lexicon.stem_en(w),
                    })
                    .collect(),
                words,
                count: 1,
                surfaces: [(surface.to_owned(), 1)].into_iter().collect(),
            }
        };
        let mut extractor = Extractor::new(lexicon);
        extractor.add(
            "Washington ingin menghindari Gedung Putih.",
            "Washington wants to avoid the White House.",
        );
        let evidence = extractor.evidence();
        let orphan = |s: &str, t: &str| {
            let (s_term, t_term) = (term(s, Lang::Id), term(t, Lang::En));
            orphan_name(&evidence, (&s_term, s), (&t_term, t))
        };
        assert!(orphan("Washington ingin", "wants"));
        assert!(orphan("ingin", "Washington wants"));
        assert!(!orphan("Washington ingin", "Washington wants"));
        // A name of capitalized words is translated as a whole.
        assert!(!orphan("Gedung Putih", "White House"));
    }

    #[test]
    fn nested_terms_are_found() {
        let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        assert!(contains(
            &words("menteri luar negeri"),
            &words("luar negeri")
        ));
        assert!(!contains(&words("luar negeri"), &words("luar negeri")));
    }
}
