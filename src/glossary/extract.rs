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
//! translation, and up to [`MAX_VARIANTS`](super::link::MAX_VARIANTS) more when they score close to the best, so function
//! words never win and `Menteri Luar Negeri` can have both `Foreign Minister` and
//! `Secretary of State`. Word alignment over a sample of the beads ([`super::wordalign`])
//! vetoes one-word pairs whose words never align and gives the words left without a one-word
//! translation their most usual one, ranked after the terms.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::evidence::{listings, Evidence};
use super::link::{drop_explained_pieces, link, Pieces};
use super::rank;
use super::score::{drop_subsumed, Scoring};
use super::wordalign::Sample;
use crate::document::AlignedPair;
use crate::lexicon::{Lexicon, MAX_PHRASE_WORDS};
use crate::text::tokens::{is_clause_edge, is_edge_word, scan_phrase_tokens};
use crate::Lang;

/// Indonesian number words, sorted for a binary search: a quantity (`hampir dua jam`,
/// `pertemuan pertama`) is no term.
pub(super) const NUMERALS: [&str; 22] = [
    "belas", "delapan", "dua", "empat", "enam", "juta", "kedua", "keempat", "kelima", "ketiga",
    "lima", "miliar", "pertama", "puluh", "ratus", "ribu", "satu", "sebelas", "sembilan",
    "sepuluh", "tiga", "tujuh",
];

/// Function words a term may hold inside it.
pub(super) const INNER_WORDS: [&str; 4] = ["of", "and", "for", "on"];

/// Words of one side of a bead that count: a real bead has far fewer, and a line of a
/// megabyte (a broken file given as --parallel input) cannot make one bead's pairs (candidates
/// of one side times the other's) unbounded.
pub const MAX_BEAD_WORDS: usize = 300;
/// The longest example sentence kept, in characters: a longer bead is cut at a word.
const MAX_EXAMPLE_CHARS: usize = 1_000;

/// A bead's text as an example: whole, or cut after [`MAX_EXAMPLE_CHARS`] characters at a word
/// boundary, with an ellipsis.
fn example(text: String) -> String {
    match text.char_indices().nth(MAX_EXAMPLE_CHARS) {
        None => text,
        Some((limit, _)) => {
            let cut = text[..limit].rfind(char::is_whitespace).unwrap_or(limit);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

/// Distinct pairs held before the counts are pruned (the rarest pairs dropped, then terms no
/// kept pair uses): what bounds the memory of counting, whatever the corpus size. About 30
/// bytes a pair; 2,000,000 holds every pair of a 20,000-bead corpus without pruning.
pub const PAIR_BUDGET: usize = 6_000_000;
/// Distinct terms held on one side before the counts are pruned. Some 200 bytes a term.
pub const TERM_BUDGET: usize = 1_500_000;
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
    /// Every kind, in the order of the enum.
    pub const ALL: [Kind; 4] = [Kind::Term, Kind::Name, Kind::Cognate, Kind::Acronym];

    /// The kind a word of the `kind` column names.
    pub fn parse(word: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(word.trim()))
    }

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
    pub(super) fn surface(&self) -> &str {
        let lower_first = |s: &str| s.chars().next().is_some_and(char::is_lowercase);
        self.surfaces
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then(lower_first(a.0).cmp(&lower_first(b.0)))
                    .then(b.0.cmp(a.0))
            })
            .map_or("", |(s, _)| s.as_str())
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
    pub(super) fn supers(&self) -> FxHashMap<u32, Vec<u32>> {
        let mut out: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        let mut key = String::new();
        for (id, term) in self.terms.iter().enumerate() {
            let n = term.key_words.len();
            for start in 0..n {
                for end in start + 1..=n {
                    if end - start == n {
                        continue;
                    }
                    key.clear();
                    for (k, word) in term.key_words[start..end].iter().enumerate() {
                        if k > 0 {
                            key.push(' ');
                        }
                        key.push_str(word);
                    }
                    if let Some(&inner) = self.ids.get(key.as_str()) {
                        out.entry(inner).or_default().push(id as u32);
                    }
                }
            }
        }
        out
    }

    fn intern(&mut self, candidate: Candidate) -> u32 {
        let split = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        let id = match self.ids.get(candidate.key) {
            Some(&id) => id,
            None => {
                let id = self.terms.len() as u32;
                self.terms.push(Term {
                    key_words: split(candidate.key),
                    words: split(candidate.words),
                    ..Term::default()
                });
                self.ids.insert(candidate.key.to_owned(), id);
                id
            }
        };
        let surfaces = &mut self.terms[id as usize].surfaces;
        match surfaces.get_mut(candidate.surface) {
            Some(n) => *n += 1,
            None => {
                surfaces.insert(candidate.surface.to_owned(), 1);
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
    /// Scratch of [`PairCounts::count`]: a segment's pairs sorted into their shards.
    buckets: Vec<Vec<(u32, u32, u32)>>,
}

impl Default for PairCounts {
    fn default() -> Self {
        PairCounts {
            shards: (0..PAIR_SHARDS).map(|_| FxHashMap::default()).collect(),
            buckets: Vec::new(),
        }
    }
}

/// One shard of the pair counts.
type Shard = FxHashMap<(u32, u32), PairCount>;

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

    /// The shards, to be gone through on every core.
    pub(super) fn par_shards(&self) -> rayon::slice::Iter<'_, Shard> {
        self.shards.par_iter()
    }

    /// Adds `count` co-occurrences first seen in `first_bead` (merging counts files).
    /// `None` when the count would overflow.
    pub(super) fn add(&mut self, a: u32, b: u32, count: u32, first_bead: u32) -> Option<()> {
        let pair = self.shards[shard_of(a, b)]
            .entry((a, b))
            .or_insert(PairCount {
                count: 0,
                first_bead,
            });
        pair.count = pair.count.checked_add(count)?;
        pair.first_bead = pair.first_bead.min(first_bead);
        Some(())
    }

    /// Counts every (source term, target term) pair of each bead, in bead order; returns the
    /// beads where some pair was seen first, in order.
    fn count(&mut self, beads: &[(Vec<u32>, Vec<u32>, u32)]) -> Vec<u32> {
        // Each shard's share of the pairs, in bead order: one pass sorts the pairs into their
        // shards, then the shards count on every core, each touching only its own pairs.
        let mut buckets = std::mem::take(&mut self.buckets);
        buckets.resize_with(PAIR_SHARDS, Vec::new);
        for bucket in &mut buckets {
            bucket.clear();
        }
        for (s, t, bead) in beads {
            for &a in s {
                for &b in t {
                    buckets[shard_of(a, b)].push((a, b, *bead));
                }
            }
        }
        let count_shard = |(shard, pairs): (&mut Shard, &Vec<(u32, u32, u32)>)| {
            let mut firsts = Vec::new();
            for &(a, b, bead) in pairs {
                shard
                    .entry((a, b))
                    .and_modify(|p| p.count += 1)
                    .or_insert_with(|| {
                        firsts.push(bead);
                        PairCount {
                            count: 1,
                            first_bead: bead,
                        }
                    });
            }
            firsts
        };
        let products: usize = buckets.iter().map(Vec::len).sum();
        // Below some thousands of pairs, threads cost more than they save.
        let mut firsts: Vec<u32> = if products < 20_000 {
            self.shards
                .iter_mut()
                .zip(&buckets)
                .flat_map(count_shard)
                .collect()
        } else {
            self.shards
                .par_iter_mut()
                .zip(&buckets)
                .map(count_shard)
                .collect::<Vec<_>>()
                .concat()
        };
        self.buckets = buckets;
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

/// A candidate term of a bead, before it is counted: its key (stems joined by spaces: what
/// inflected forms share), its lower-case words and its surface form.
#[derive(Clone, Copy)]
struct Candidate<'a> {
    key: &'a str,
    words: &'a str,
    surface: &'a str,
}

/// The candidate terms of one side of a bead, in the order they occur. One string holds them
/// all (each candidate's key, words and surface one after the other) and spans point into it:
/// two allocations a bead side, since millions of candidates pass through the counting thread.
#[derive(Default)]
struct Candidates {
    text: String,
    /// Per candidate: where its key starts, its words start, its surface starts and it ends.
    spans: Vec<[u32; 4]>,
}

impl Candidates {
    fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    fn iter(&self) -> impl Iterator<Item = Candidate<'_>> {
        let at = |from: u32, to: u32| self.text.get(from as usize..to as usize).unwrap_or("");
        self.spans
            .iter()
            .map(move |&[key, words, surface, end]| Candidate {
                key: at(key, words),
                words: at(words, surface),
                surface: at(surface, end),
            })
    }
}

/// The single words of a bead's terms, as the word-alignment sample takes them: source words as
/// they are (*akhir* and *terakhir* translate differently), target words by stem.
fn single(terms: &Candidates, by_stem: bool) -> Vec<(&str, &str)> {
    terms
        .iter()
        .filter(|c| !c.words.contains(' '))
        .map(|c| (if by_stem { c.key } else { c.words }, c.words))
        .collect()
}

/// A bead tokenized, stemmed and cut into candidate terms: the costly part of counting, which
/// needs only the lexicon, so corpus mode does it on the worker threads.
pub struct PreparedBead {
    source: String,
    target: String,
    source_terms: Candidates,
    target_terms: Candidates,
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

    /// Prepares the beads of an aligned pair that have text on both sides.
    pub fn of_pair(lexicon: &Lexicon, pair: &AlignedPair) -> Vec<Self> {
        pair.beads
            .iter()
            .filter(|b| !b.source.is_empty() && !b.target.is_empty())
            .map(|b| {
                Self::new(
                    lexicon,
                    &pair.source.joined(&b.source),
                    &pair.target.joined(&b.target),
                )
            })
            .collect()
    }
}

/// A token of a bead: lower-case form, surface form, stem, and whether it may edge a term.
struct Word {
    lower: String,
    surface: String,
    stem: String,
    content: bool,
    /// May be a term of its own but no part of a longer one ([`is_clause_edge`]).
    clause_edge: bool,
    /// Punctuation that ends a phrase stands before it: no term spans it.
    after_break: bool,
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
        scan_phrase_tokens(text, |lower, surface, _, after_break| {
            if out.len() >= MAX_BEAD_WORDS {
                return;
            }
            let number = lower.bytes().any(|b| b.is_ascii_digit());
            let stem = match lang {
                Lang::Id => lexicon.stem_id(lower),
                Lang::En => lexicon.stem_en(lower),
            };
            out.push(Word {
                content: !number && !is_edge_word(lang, lower) && lower.chars().count() > 1,
                clause_edge: is_clause_edge(lang, lower),
                after_break,
                lower: lower.to_owned(),
                surface: surface.to_owned(),
                stem,
                number,
            });
        });
        out
    }

    /// The candidate terms of a text, in the order they occur.
    fn candidates(words: &[Word]) -> Candidates {
        let mut out = Candidates::default();
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
                // A modal or reporting verb is a word of its own, never part of a longer term
                // (`kecelakaan kata Blinken`), and no longer span around it is one either.
                if span.len() > 1 && span.iter().any(|w| w.clause_edge) {
                    break;
                }
                if span.iter().skip(1).any(|w| w.after_break) {
                    break;
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
                let text = &mut out.text;
                let start_at = text.len() as u32;
                let mut join = |part: &dyn Fn(&Word) -> &str| {
                    for (k, w) in span.iter().enumerate() {
                        if k > 0 {
                            text.push(' ');
                        }
                        text.push_str(part(w));
                    }
                    text.len() as u32
                };
                let key_end = join(&|w| &w.stem);
                let words_end = join(&|w| &w.lower);
                let end = join(&|w| &w.surface);
                out.spans.push([start_at, key_end, words_end, end]);
            }
        }
        out
    }

    /// Interns candidates into `side`, returning their distinct ids.
    fn intern_all(candidates: &Candidates, side: &mut SideCounts) -> Vec<u32> {
        let mut ids: Vec<u32> = candidates.iter().map(|c| side.intern(c)).collect();
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

    /// Counts a stream of beads' texts, in order, tokenizing and stemming them on every core a
    /// chunk at a time; while one chunk is counted (in order, on one thread), the next is
    /// prepared. The same as [`Extractor::add`] on each bead.
    pub fn add_texts<'t>(
        &mut self,
        lexicon: &Lexicon,
        beads: impl Iterator<Item = (&'t str, &'t str)>,
    ) {
        const CHUNK: usize = 2048;
        let prepare = |chunk: &[(&str, &str)]| -> Vec<PreparedBead> {
            chunk
                .par_iter()
                .map(|(s, t)| PreparedBead::new(lexicon, s, t))
                .collect()
        };
        let mut beads = beads.peekable();
        let mut pending: Vec<PreparedBead> = Vec::new();
        while beads.peek().is_some() {
            let chunk: Vec<(&str, &str)> = beads.by_ref().take(CHUNK).collect();
            let (prepared, ()) = rayon::join(
                || prepare(&chunk),
                || self.add_all(std::mem::take(&mut pending)),
            );
            pending = prepared;
        }
        self.add_all(pending);
    }

    /// Counts beads prepared with [`PreparedBead::new`], in order: the same as adding them
    /// one by one, with the pair counts of a segment updated on every core.
    pub fn add_all(&mut self, beads: Vec<PreparedBead>) {
        let mut beads = beads.into_iter().peekable();
        while beads.peek().is_some() {
            // Up to the next multiple of SEGMENT (in beads counted, those with terms on both
            // sides), then the budget is checked.
            let room = (self.segment - self.bead_count % self.segment) as usize;
            let mut taken = Vec::new();
            let mut counted = 0;
            while counted < room {
                let Some(bead) = beads.next() else { break };
                if !bead.source_terms.is_empty() && !bead.target_terms.is_empty() {
                    counted += 1;
                }
                taken.push(bead);
            }
            // The two sides' terms and the word-alignment sample are three independent
            // tables: each is filled in bead order, on its own thread.
            let (source, target, sample) = (&mut self.source, &mut self.target, &mut self.sample);
            let intern = |side: &mut SideCounts, terms: fn(&PreparedBead) -> &Candidates| {
                taken
                    .iter()
                    .map(|bead| Self::intern_all(terms(bead), side))
                    .collect::<Vec<_>>()
            };
            let ((source_ids, target_ids), ()) = rayon::join(
                || {
                    rayon::join(
                        || intern(source, |b| &b.source_terms),
                        || intern(target, |b| &b.target_terms),
                    )
                },
                || {
                    for bead in &taken {
                        sample.push(
                            &single(&bead.source_terms, false),
                            &single(&bead.target_terms, true),
                        );
                    }
                },
            );
            let mut segment = Vec::with_capacity(counted);
            let mut texts = Vec::with_capacity(counted);
            for ((bead, s), t) in taken.into_iter().zip(source_ids).zip(target_ids) {
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
                if let Some((source, target)) = texts[(bead - start) as usize].take() {
                    self.examples
                        .insert(bead, (example(source), example(target)));
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

    /// Scores, links and returns the entries, best first (ties by source, then target term):
    /// evidence per word, a score per pair, competitive linking, then ranking with the words'
    /// usual translations.
    pub fn finish(self) -> Vec<Entry> {
        let evidence = Evidence::of(&self);
        let links = self.sample.align();
        let listings: Vec<Vec<&str>> = self
            .source
            .terms
            .par_iter()
            .map(|s| listings(&self, s))
            .collect();
        // Each term's surface once: scoring and ranking ask for it again and again.
        fn shown(side: &SideCounts) -> Vec<&str> {
            side.terms.par_iter().map(Term::surface).collect()
        }
        let surfaces = (shown(&self.source), shown(&self.target));
        let scoring = Scoring {
            extractor: &self,
            evidence: &evidence,
            links: &links,
            listings: &listings,
            surfaces: &surfaces,
        };
        let scored = drop_subsumed(&self, scoring.score_all());
        let accepted = link(&self, &evidence, &listings, scored);
        let (accepted, dropped) = drop_explained_pieces(&self, &evidence, &listings, accepted);
        let pieces = Pieces::new(&self, &evidence, &accepted);
        rank::entries(&self, &accepted, (&pieces, &dropped), &links, &surfaces)
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

#[cfg(test)]
mod tests {
    use super::super::link::contains;
    use super::super::score::{log_likelihood, orphan_name, termhood};
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
    fn a_link_is_found_exactly_where_coverage_is_above_zero() {
        let lexicon = Lexicon::seed();
        let mut extractor = Extractor::new(lexicon);
        let id = include_str!("../../tests/fixtures/reykjavik/id.sents");
        let en = include_str!("../../tests/fixtures/reykjavik/en.sents");
        for (s, t) in id.lines().zip(en.lines()) {
            extractor.add(s, t);
        }
        let evidence = Evidence::of(&extractor);
        let (mut linked, mut unlinked) = (0, 0);
        for (&(a, b), _) in extractor.pairs.iter() {
            let (s, t) = (
                &extractor.source.terms[a as usize],
                &extractor.target.terms[b as usize],
            );
            let listed = listings(&extractor, s);
            let any = evidence.any_link(&listed, s, t);
            assert_eq!(
                any,
                evidence.coverage(&listed, s, t) > 0.0,
                "{:?} / {:?}",
                s.words,
                t.words
            );
            if any {
                linked += 1;
            } else {
                unlinked += 1;
            }
        }
        assert!(linked > 100 && unlinked > 100, "{linked} {unlinked}");
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
            assert_eq!(termhood(&t, t.surface()), 1.0, "{noun}");
        }
        for clause in [
            "dialog mengatakan",
            "Rusia berusaha",
            "menuduh Norwegia mencoba",
        ] {
            let t = term(clause);
            assert!(termhood(&t, t.surface()) < 0.7, "{clause}");
        }
        // A quantity is no term either.
        for quantity in ["hampir dua jam", "pertemuan pertama"] {
            let t = term(quantity);
            assert!(termhood(&t, t.surface()) < 0.7, "{quantity}");
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
        let evidence = Evidence::of(&extractor);
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
    fn a_reduplicated_word_is_shown_as_the_text_writes_it() {
        let lexicon = Lexicon::seed();
        let mut extractor = Extractor::new(lexicon);
        for (id, en) in [
            (
                "Lumba-lumba berenang di teluk.",
                "Dolphins swim in the bay.",
            ),
            ("Nelayan melihat lumba-lumba.", "Fishermen saw dolphins."),
            ("Lumba-lumba itu melompat.", "The dolphins jumped."),
        ] {
            extractor.add(id, en);
        }
        let entries = extractor.finish();
        let dolphin = entries
            .iter()
            .find(|e| e.target_term.eq_ignore_ascii_case("dolphins"));
        assert_eq!(
            dolphin.map(|e| e.source_term.as_str()),
            Some("Lumba-lumba"),
            "{entries:?}"
        );
        assert!(
            entries
                .iter()
                .all(|e| !e.source_term.eq_ignore_ascii_case("lumba")),
            "no row shows a form the text never has: {entries:?}"
        );
    }

    #[test]
    fn a_modal_or_reporting_verb_is_a_word_but_never_part_of_a_term() {
        let lexicon = Lexicon::seed();
        let terms = |text: &str, lang: Lang| -> Vec<String> {
            let words = Extractor::words(lexicon, text, lang);
            let candidates = Extractor::candidates(&words);
            candidates.iter().map(|c| c.words.to_owned()).collect()
        };
        let id = terms(
            "Washington ingin menghindari kecelakaan, kata Blinken.",
            Lang::Id,
        );
        assert!(id.contains(&"ingin".to_owned()), "{id:?}");
        assert!(id.contains(&"menghindari kecelakaan".to_owned()), "{id:?}");
        assert!(
            id.iter().all(|t| t == "ingin"
                || t == "kata"
                || !t.split(' ').any(|w| w == "ingin" || w == "kata")),
            "{id:?}"
        );
        let en = terms("Blinken told reporters he wants talks.", Lang::En);
        assert!(en.contains(&"reporters".to_owned()), "{en:?}");
        assert!(
            !en.iter()
                .any(|t| t.contains("told ") || t.contains(" told")),
            "{en:?}"
        );
    }

    #[test]
    fn a_piece_of_a_term_that_does_not_translate_word_by_word_is_no_pair() {
        let lexicon = Lexicon::seed();
        let mut extractor = Extractor::new(lexicon);
        let beads = [
            (
                "Korban dibawa ke rumah sakit di Bogor.",
                "The victim was taken to a hospital in Bogor.",
            ),
            ("Rumah sakit itu penuh.", "The hospital is full."),
            (
                "Dokter rumah sakit mogok.",
                "Hospital doctors went on strike.",
            ),
            (
                "Ia dirawat di rumah sakit swasta.",
                "He is treated at a private hospital.",
            ),
            (
                "Pasien rumah sakit bertambah.",
                "Hospital patients increased.",
            ),
            (
                "Majalah Tempo terbit hari Senin.",
                "Tempo magazine came out on Monday.",
            ),
            (
                "Wartawan majalah Tempo hadir.",
                "Tempo magazine reporters attended.",
            ),
            (
                "Majalah Tempo memuat foto itu.",
                "Tempo magazine ran the photo.",
            ),
            ("Majalah itu laris.", "The magazine sold well."),
        ];
        for (id, en) in beads {
            extractor.add(id, en);
        }
        let entries = extractor.finish();
        let has = |s: &str, t: &str| {
            entries.iter().any(|e| {
                e.source_term.eq_ignore_ascii_case(s) && e.target_term.eq_ignore_ascii_case(t)
            })
        };
        assert!(has("rumah sakit", "hospital"), "{entries:?}");
        assert!(!has("sakit", "hospital"), "{entries:?}");
        assert!(!has("rumah", "hospital"), "{entries:?}");
        // Tempo / Tempo: the longer pair translates word by word, its piece stays.
        assert!(has("majalah", "magazine"), "{entries:?}");
    }

    #[test]
    fn no_term_spans_a_comma_a_bracket_or_a_quotation_mark() {
        let lexicon = Lexicon::seed();
        let terms = |text: &str| -> Vec<String> {
            let words = Extractor::words(lexicon, text, Lang::Id);
            let candidates = Extractor::candidates(&words);
            candidates.iter().map(|c| c.words.to_owned()).collect()
        };
        let id = terms(
            "Diskusi produktif, konstruktif (Jerman Nord Stream) “pipa gas” lumba-lumba biru",
        );
        for piece in ["produktif konstruktif", "konstruktif jerman", "stream pipa"] {
            assert!(!id.iter().any(|t| t.contains(piece)), "{piece}: {id:?}");
        }
        for term in [
            "diskusi produktif",
            "jerman nord stream",
            "pipa gas",
            "lumba biru",
        ] {
            assert!(id.contains(&term.to_owned()), "{term}: {id:?}");
        }
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
