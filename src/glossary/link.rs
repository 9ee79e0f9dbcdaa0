//! Competitive linking: the best pair first, each term taking its translation, and up to
//! [`MAX_VARIANTS`] more when they score close to the best, so function words never win and
//! `Menteri Luar Negeri` can have both `Foreign Minister` and `Secretary of State`.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::tokens::is_stopword;
use crate::Lang;

use super::evidence::Evidence;
use super::extract::Extractor;
use super::score::{admitted, association, is_adjective_of, Scored};

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
        // The place whose adjective the term already took is no neighbour (*Jepang* /
        // Japanese, then Japan).
        let adjective_taken = || {
            linked.source_links.get(&pair.source).is_some_and(|taken| {
                let place = t.surface();
                taken.iter().any(|&(other, _)| {
                    is_adjective_of(extractor.target.terms[other as usize].surface(), place)
                })
            })
        };
        if explained > 0
            && pair.count >= 3
            && !evidence.any_link(&listings[pair.source as usize], s, t)
            && !adjective_taken()
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

/// The accepted pairs of several source words, indexed to tell whether a one-word pair is a
/// piece of one that does not translate word by word: *salah* / one inside *salah satu* / one
/// of, *sakit* or *rumah* / hospital inside *rumah sakit* / hospital, *Serikat* / States inside
/// *Amerika Serikat* / United States. A longer pair is compositional when the words it adds on
/// the source side each translate a word it adds on the target side (*majalah Tempo* / Tempo
/// magazine; *perubahan iklim* / climate change, with *perubahan* / change accepted): then its
/// pieces are pairs in their own right.
pub(super) struct Pieces<'a> {
    extractor: &'a Extractor<'a>,
    evidence: &'a Evidence<'a>,
    accepted: &'a [Scored],
    longer_by_word: FxHashMap<&'a str, Vec<usize>>,
    single: FxHashSet<(&'a str, &'a str)>,
}

impl<'a> Pieces<'a> {
    pub(super) fn new(
        extractor: &'a Extractor<'a>,
        evidence: &'a Evidence<'a>,
        accepted: &'a [Scored],
    ) -> Self {
        let mut longer_by_word: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        let mut single: FxHashSet<(&str, &str)> = FxHashSet::default();
        for (k, pair) in accepted.iter().enumerate() {
            let (words, target_keys) = (
                &extractor.source.terms[pair.source as usize].key_words,
                &extractor.target.terms[pair.target as usize].key_words,
            );
            if words.len() > 1 {
                for word in words {
                    longer_by_word.entry(word.as_str()).or_default().push(k);
                }
            } else if let ([word], [key]) = (words.as_slice(), target_keys.as_slice()) {
                single.insert((word.as_str(), key.as_str()));
            }
        }
        Pieces {
            extractor,
            evidence,
            accepted,
            longer_by_word,
            single,
        }
    }

    /// The word-level evidence the pieces are judged with.
    pub(super) fn evidence(&self) -> &Evidence<'a> {
        self.evidence
    }

    /// The count of the most frequent accepted longer pair that holds the one-word source key
    /// `word` and the target keys `target` and does not translate word by word; 0 if none.
    pub(super) fn explained(&self, word: &str, target: &[String]) -> u32 {
        let terms = (&self.extractor.source.terms, &self.extractor.target.terms);
        self.longer_by_word
            .get(word)
            .into_iter()
            .flatten()
            .map(|&k| self.accepted[k])
            .filter(|other| {
                let other_target = &terms.1[other.target as usize].key_words;
                other_target.as_slice() == target || contains(other_target, target)
            })
            .filter(|other| !self.compositional(word, target, other))
            .map(|other| other.count)
            .max()
            .unwrap_or(0)
    }

    /// Whether the longer pair's added words translate each other, one by one.
    fn compositional(&self, word: &str, target: &[String], longer: &Scored) -> bool {
        let big_s = &self.extractor.source.terms[longer.source as usize];
        let big_t = &self.extractor.target.terms[longer.target as usize];
        let added_target: Vec<(&String, &String)> = big_t
            .words
            .iter()
            .zip(&big_t.key_words)
            .filter(|(w, key)| !target.contains(key) && !is_stopword(Lang::En, w))
            .collect();
        let mut added_source = big_s
            .words
            .iter()
            .zip(&big_s.key_words)
            .filter(|(w, key)| key.as_str() != word && !is_stopword(Lang::Id, w));
        !added_target.is_empty()
            && added_source.all(|(w, key)| {
                added_target.iter().any(|&(tw, tk)| {
                    w == tw
                        || self.single.contains(&(key.as_str(), tk.as_str()))
                        || self.evidence.word_link(w, tw, tk) > 0.0
                })
            })
    }
}

/// Drops the accepted one-word pairs that are [`Pieces`] of a longer pair: those the longer
/// pairs that do not translate word by word account for more than half of, whose words have
/// no word-level evidence, and that are judged on the beads those pairs leave (their count
/// taken off the pair's and both terms') by the test any pair must pass. Returns the pairs
/// kept and the source term ids of those dropped.
pub(super) fn drop_explained_pieces(
    extractor: &Extractor,
    evidence: &Evidence,
    listings: &[Vec<&str>],
    accepted: Vec<Scored>,
) -> (Vec<Scored>, Vec<u32>) {
    let pieces = Pieces::new(extractor, evidence, &accepted);
    let mut dropped = Vec::new();
    let keep: Vec<bool> = accepted
        .iter()
        .map(|pair| {
            let (s, t) = (
                &extractor.source.terms[pair.source as usize],
                &extractor.target.terms[pair.target as usize],
            );
            let [word] = s.key_words.as_slice() else {
                return true;
            };
            let by_longer = pieces.explained(word, &t.key_words);
            let stays = by_longer * 2 <= pair.count
                || evidence.any_link(&listings[pair.source as usize], s, t)
                || {
                    let rest = pair.count.saturating_sub(by_longer);
                    let rest_terms =
                        s.count.saturating_sub(by_longer) + t.count.saturating_sub(by_longer);
                    let dice = 2.0 * rest as f64 / rest_terms.max(1) as f64;
                    admitted(rest, dice, 0.0) && rest >= 2
                };
            if !stays {
                dropped.push(pair.source);
            }
            stays
        })
        .collect();
    let mut keep = keep.into_iter();
    let mut accepted = accepted;
    accepted.retain(|_| keep.next().unwrap_or(true));
    (accepted, dropped)
}
