//! Word-level evidence that two terms translate each other: the lexicon's translations,
//! cognate spellings, identical or near-identical words. Co-occurrence says two terms appear
//! together; this says their words mean the same, which is what lets a pair seen once or twice
//! in one article through.

use rustc_hash::FxHashMap;

use super::extract::{Extractor, Term};
use crate::text::similarity_at_least;
use crate::text::tokens::{cognate_key, is_stopword};
use crate::Lang;

/// A target word that is an English compound holding a source word's translation (*pipa* /
/// pipeline, *kereta* / railway) links at this strength, below a translation's 1.
const COMPOUND_LINK: f64 = 0.8;
/// Cognates (a shared spelling key: *konstruktif* / constructive) link at this strength.
const COGNATE_LINK: f64 = 0.9;
/// Words this similar (normalized Levenshtein) or more link at their similarity: spellings of
/// one name (*Rusia* / Russia).
const SIMILAR_SPELLING: f64 = 0.75;

/// Per distinct source word: the English stems the lexicon gives it, and its cognate key.
struct SourceWord<'e> {
    english: Vec<&'e str>,
    cognate: Option<String>,
}

/// Word-level evidence, by word: source words' translations and cognate keys, target words'
/// cognate keys, worked out once per distinct word rather than once per pair of words.
pub(super) struct Evidence<'e> {
    source: FxHashMap<&'e str, SourceWord<'e>>,
    target: FxHashMap<&'e str, Option<String>>,
}

impl<'e> Evidence<'e> {
    /// What word-level evidence needs of every word of the extractor's candidate terms.
    pub(super) fn of(extractor: &'e Extractor) -> Self {
        let lexicon = extractor.lexicon;
        let mut source: FxHashMap<&str, SourceWord> = FxHashMap::default();
        for word in extractor.source.terms.iter().flat_map(|t| &t.words) {
            source.entry(word).or_insert_with(|| {
                let stem = lexicon.stem_id(word);
                let english = lexicon
                    .lookup(word)
                    .chain(lexicon.lookup(&stem))
                    .filter_map(|c| c.strip_prefix("w:"))
                    .collect();
                SourceWord {
                    english,
                    cognate: cognate_key(word, Lang::Id),
                }
            });
        }
        let mut target: FxHashMap<&str, Option<String>> = FxHashMap::default();
        for word in extractor.target.terms.iter().flat_map(|t| &t.words) {
            target
                .entry(word)
                .or_insert_with(|| cognate_key(word, Lang::En));
        }
        Evidence { source, target }
    }

    /// How well one source word and one target word translate each other, 0 to 1.
    pub(super) fn word_link(&self, source: &str, target: &str, target_stem: &str) -> f64 {
        if source == target {
            return 1.0;
        }
        let Some(word) = self.source.get(source) else {
            return 0.0;
        };
        if word.english.contains(&target_stem) {
            return 1.0;
        }
        // An English compound holding the translation, only where the translation is a word
        // of four letters or more.
        if word
            .english
            .iter()
            .any(|e| e.len() >= 4 && target_stem.len() >= e.len() + 3 && target_stem.starts_with(e))
        {
            return COMPOUND_LINK;
        }
        let cognate = self.target.get(target).and_then(Option::as_ref);
        if word.cognate.is_some() && word.cognate.as_ref() == cognate {
            return COGNATE_LINK;
        }
        // An edit distance is at least the difference in length: skip pairs that cannot reach
        // the threshold without computing it.
        let (a, b) = (source.chars().count(), target.chars().count());
        if source.len() < 4 || a.abs_diff(b) * 4 > a.max(b) {
            return 0.0;
        }
        similarity_at_least(source, target, SIMILAR_SPELLING).unwrap_or(0.0)
    }

    /// Whether any word-level evidence links the pair: [`Evidence::coverage`] above 0, found
    /// without working out every word pair once one link is seen.
    pub(super) fn any_link(&self, listings: &[&str], s: &Term, t: &Term) -> bool {
        if listed(listings, t) {
            return true;
        }
        let target = t
            .words
            .iter()
            .zip(&t.key_words)
            .filter(|(w, _)| !is_stopword(Lang::En, w));
        s.words
            .iter()
            .filter(|w| !is_stopword(Lang::Id, w))
            .any(|sw| {
                target
                    .clone()
                    .any(|(tw, ts)| self.word_link(sw, tw, ts) > 0.0)
            })
    }

    /// Share of the content words on both sides that a word on the other side translates
    /// (1 when the lexicon lists the pair itself, given the source term's `listings`).
    pub(super) fn coverage(&self, listings: &[&str], s: &Term, t: &Term) -> f64 {
        if listed(listings, t) {
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
                grid[i * target.len() + j] = self.word_link(sw, tw, ts);
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
}

/// Whether the lexicon lists the pair itself (a phrase entry such as `juru bicara`), given
/// the source term's listings.
pub(super) fn listed(listings: &[&str], t: &Term) -> bool {
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
pub(super) fn listings<'l>(extractor: &Extractor<'l>, s: &Term) -> Vec<&'l str> {
    let (words, stems) = (s.words.join(" "), s.key_words.join(" "));
    let lexicon = extractor.lexicon;
    let mut out: Vec<&str> = lexicon.lookup(&words).collect();
    if stems != words {
        out.extend(lexicon.lookup(&stems));
    }
    out
}
