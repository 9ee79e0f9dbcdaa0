//! Competitive linking: the best pair first, each term taking its translation, and up to
//! [`MAX_VARIANTS`] more when they score close to the best, so function words never win and
//! `Menteri Luar Negeri` can have both `Foreign Minister` and `Secretary of State`.

use rustc_hash::FxHashMap;

use super::evidence::Evidence;
use super::extract::Extractor;
use super::score::{association, Scored};

/// Most translations kept for one term.
pub const MAX_VARIANTS: usize = 3;
/// A further translation of a term must score at least this share of its best one.
pub const VARIANT_SHARE: f64 = 0.35;

/// The pairs accepted so far, indexed for the tests a candidate must pass.
#[derive(Default)]
struct Linked {
    accepted: Vec<Scored>,
    /// Per term, its accepted partners and their scores, best first.
    source_links: FxHashMap<u32, Vec<(u32, f64)>>,
    target_links: FxHashMap<u32, Vec<(u32, f64)>>,
    /// Beads each linked term's accepted pairs account for.
    explained_source: FxHashMap<u32, u32>,
    explained_target: FxHashMap<u32, u32>,
    /// Accepted pairs by every run of words of their source term (the whole term included),
    /// and by their whole source term: the ones nested in or around a candidate are found
    /// without a scan of all accepted pairs, which made large corpora quadratic.
    by_run: FxHashMap<String, Vec<usize>>,
    by_term: FxHashMap<String, Vec<usize>>,
}

/// Links `scored` pairs (any order) into the accepted ones, best first (ties by length, then
/// source and target term ids); `listings` are the lexicon's listings per source term.
pub(super) fn link(
    extractor: &Extractor,
    evidence: &Evidence,
    listings: &[Vec<&str>],
    mut scored: Vec<Scored>,
) -> Vec<Scored> {
    use rayon::prelude::*;
    scored.par_sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(y.length.cmp(&x.length))
            .then(x.source.cmp(&y.source))
            .then(x.target.cmp(&y.target))
    });
    let mut linked = Linked::default();
    for pair in &scored {
        let (s, t) = (
            &extractor.source.terms[pair.source as usize],
            &extractor.target.terms[pair.target as usize],
        );
        let by_source = linked.explained_source.get(&pair.source).copied();
        let by_target = linked.explained_target.get(&pair.target).copied();
        let explained = by_source.unwrap_or(0) + by_target.unwrap_or(0);
        let pair = linked.rescored(*pair, (s.count, t.count), (by_source, by_target), extractor);
        // The cheap test first: most pairs of a large corpus find both terms' rooms taken.
        if !linked.fits(&pair) {
            continue;
        }
        // A further translation seen often but sharing no word-level evidence with its term
        // is a neighbour, not a translation (Menteri Luar Negeri / Russian).
        if explained > 0
            && pair.count >= 3
            && !evidence.any_link(&listings[pair.source as usize], s, t)
        {
            continue;
        }
        if linked.redundant(&pair, extractor) {
            continue;
        }
        linked.accept(pair, extractor);
    }
    linked.accepted
}

impl Linked {
    /// A further translation of a linked term judged on the beads its accepted pairs leave
    /// unexplained (*KTT* / summit once, where *pertemuan puncak* / summit explains the other
    /// three sightings of summit), never below its own score.
    fn rescored(
        &self,
        mut pair: Scored,
        (source_count, target_count): (u32, u32),
        (by_source, by_target): (Option<u32>, Option<u32>),
        extractor: &Extractor,
    ) -> Scored {
        let (by_source, by_target) = (by_source.unwrap_or(0), by_target.unwrap_or(0));
        let (s_rest, t_rest) = (
            source_count.saturating_sub(by_source),
            target_count.saturating_sub(by_target),
        );
        if by_source + by_target > 0 && s_rest >= pair.count && t_rest >= pair.count {
            let n = extractor.bead_count as f64;
            let base = |a: u32, b: u32| association(pair.count as f64, a as f64, b as f64, n);
            let (before, after) = (base(source_count, target_count), base(s_rest, t_rest));
            if before > 0.0 && after > before {
                pair.score *= after / before;
            }
        }
        pair
    }

    /// Whether both terms have room for one more translation this close to their best.
    fn fits(&self, pair: &Scored) -> bool {
        let fits = |links: &FxHashMap<u32, Vec<(u32, f64)>>, id: u32| {
            links
                .get(&id)
                .is_none_or(|l| l.len() < MAX_VARIANTS && pair.score >= VARIANT_SHARE * l[0].1)
        };
        fits(&self.source_links, pair.source) && fits(&self.target_links, pair.target)
    }

    /// Whether an accepted pair nested in (or around) this one on both sides makes it
    /// redundant: same partner with a longer or shorter term, or a sub-phrase pair. Accepted
    /// pairs around this one (it is a piece of them) do when seen at least as often; pairs
    /// inside it only when seen exactly as often: a frequent word (*Arktik* / Arctic, 5) does
    /// not make a term built on it (*Dewan Arktik* / Arctic Council, once) redundant.
    fn redundant(&self, pair: &Scored, extractor: &Extractor) -> bool {
        let nested_or_equal = |mine: &[String], theirs: &[String]| {
            mine == theirs || contains(mine, theirs) || contains(theirs, mine)
        };
        let (s_words, t_words) = (
            &extractor.source.terms[pair.source as usize].key_words,
            &extractor.target.terms[pair.target as usize].key_words,
        );
        let around = self
            .by_run
            .get(&s_words.join(" "))
            .into_iter()
            .flatten()
            .filter(|&&k| self.accepted[k].count >= pair.count);
        let inside = runs(s_words)
            .filter(|run| run.len() < s_words.len())
            .filter_map(|run| self.by_term.get(&run.join(" ")))
            .flatten()
            .filter(|&&k| self.accepted[k].count == pair.count);
        around.chain(inside).any(|&k| {
            let other = self.accepted[k];
            nested_or_equal(
                &extractor.source.terms[other.source as usize].key_words,
                s_words,
            ) && nested_or_equal(
                &extractor.target.terms[other.target as usize].key_words,
                t_words,
            )
        })
    }

    fn accept(&mut self, pair: Scored, extractor: &Extractor) {
        let s_words = &extractor.source.terms[pair.source as usize].key_words;
        self.source_links
            .entry(pair.source)
            .or_default()
            .push((pair.target, pair.score));
        self.target_links
            .entry(pair.target)
            .or_default()
            .push((pair.source, pair.score));
        for run in runs(s_words) {
            self.by_run
                .entry(run.join(" "))
                .or_default()
                .push(self.accepted.len());
        }
        self.by_term
            .entry(s_words.join(" "))
            .or_default()
            .push(self.accepted.len());
        *self.explained_source.entry(pair.source).or_default() += pair.count;
        *self.explained_target.entry(pair.target).or_default() += pair.count;
        self.accepted.push(pair);
    }
}

/// Every run of consecutive words of `words`, the whole included.
fn runs(words: &[String]) -> impl Iterator<Item = &[String]> {
    (0..words.len())
        .flat_map(move |start| (start + 1..=words.len()).map(move |end| &words[start..end]))
}

/// Whether `inner` occurs as a run of words inside `outer` (and is shorter).
pub(super) fn contains(outer: &[String], inner: &[String]) -> bool {
    inner.len() < outer.len() && outer.windows(inner.len()).any(|w| w == inner)
}
