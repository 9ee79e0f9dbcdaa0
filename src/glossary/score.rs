//! Scoring candidate pairs: association (log-likelihood ratio scaled by Dice), admitted only
//! with enough evidence for their count, then weighed by termhood.
//!
//! Every weight below is a named constant with the reason it has the value it has; they were
//! set on the example article and the news set (see docs/design.md).

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::evidence::{listed, Evidence};
use super::extract::{Extractor, PairCount, SideCounts, Term, INNER_WORDS, NUMERALS};
use super::wordalign::Links;
use crate::text::tokens::cognate_key;
use crate::Lang;

/// Pairs seen once are considered only in corpora of fewer beads than this.
pub const SINGLETON_CORPUS_LIMIT: f64 = 2_000.0;

/// The share of a pair's log-likelihood it keeps at Dice 0: the rest grows with Dice, so a
/// frequent word that co-occurs with everything (low Dice) does not outrank its translation.
pub(super) const DICE_FLOOR: f64 = 0.25;
/// Word-level coverage a pair seen once needs: its words must translate one another.
const SINGLETON_COVERAGE: f64 = 0.75;
/// Dice and coverage a pair seen twice needs: two coincidences are common in one article.
const TWICE_DICE: f64 = 0.5;
const TWICE_COVERAGE: f64 = 0.25;
/// Dice a pair seen three times or more needs: association alone carries it.
const FREQUENT_DICE: f64 = 0.3;
/// A rare pair's score is scaled by this plus its coverage: evidence of the words lifts it.
const RARE_COVERAGE_BASE: f64 = 0.5;
/// Each loanword pair (a shared cognate key) in a pair seen once raises it by this factor:
/// technical vocabulary is borrowed more often than not (*misi diplomatik*).
const LOANWORD_BONUS: f64 = 1.1;
/// A rare pair with a name nothing on the other side translates (*Washington ingin* / wants).
const ORPHAN_NAME_FACTOR: f64 = 0.3;
/// Each word past the first of a pair seen twice or more: multiword terms are what a glossary
/// is for.
const EXTRA_WORD_BONUS: f64 = 0.3;
/// A phrase or acronym the lexicon lists as a unit is a confirmed term.
const LISTED_UNIT_BONUS: f64 = 1.3;
/// A general word the seed dictionary already translates (not a loanword or acronym): a
/// reviewer learns little from it.
const LISTED_WORD_FACTOR: f64 = 0.5;
/// A pair of mostly the same names on both sides (*Blinken* / Blinken): little to add.
const SHARED_NAMES_FACTOR: f64 = 0.3;
/// Beads a two-word name sharing one word with its translation must be seen in to count as a
/// translated name (*Korea Utara* / North Korea) rather than two names side by side.
const TRANSLATED_NAME_COUNT: u32 = 3;
/// Termhood: each word inflected as a verb or a number word in a candidate.
const VERB_OR_NUMERAL_FACTOR: f64 = 0.6;
/// Termhood: a candidate mixing a name with common words (*Rusia berusaha*).
const MIXED_NAME_FACTOR: f64 = 0.6;

/// A pair that passed scoring, with what linking and ranking need of it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scored {
    pub source: u32,
    pub target: u32,
    pub score: f64,
    /// Words on both sides together (longer first on ties).
    pub length: usize,
    pub count: u32,
    pub first_bead: u32,
    /// The pair's word-level coverage.
    pub similar: f64,
}

/// What scoring shares across pairs.
pub(super) struct Scoring<'a, 'e> {
    pub extractor: &'a Extractor<'e>,
    pub evidence: &'a Evidence<'a>,
    pub links: &'a Links<'a>,
    /// Per source term, what the lexicon lists for it.
    pub listings: &'a [Vec<&'e str>],
    /// Each term's surface, per side.
    pub surfaces: &'a (Vec<&'a str>, Vec<&'a str>),
}

/// The association of a pair seen `both` times with terms seen `a` and `b` times in `n`
/// beads: the log-likelihood ratio scaled by Dice.
pub(super) fn association(both: f64, a: f64, b: f64, n: f64) -> f64 {
    let dice = 2.0 * both / (a + b);
    log_likelihood(both, a, b, n) * (DICE_FLOOR + (1.0 - DICE_FLOOR) * dice)
}

impl Scoring<'_, '_> {
    /// Every admitted pair with its score, in no particular order (in parallel: each pair is
    /// scored on its own).
    pub(super) fn score_all(&self) -> Vec<Scored> {
        self.extractor
            .pairs
            .par_shards()
            .flat_map_iter(|shard| {
                shard
                    .iter()
                    .filter_map(|(&(a, b), pair)| self.score(a, b, pair))
            })
            .collect()
    }

    /// The score of the pair of source term `a` and target term `b`, or `None` when the
    /// evidence does not admit it.
    fn score(&self, a: u32, b: u32, pair: &PairCount) -> Option<Scored> {
        let ex = self.extractor;
        let n = ex.bead_count as f64;
        let (s, t) = (&ex.source.terms[a as usize], &ex.target.terms[b as usize]);
        let dice = 2.0 * pair.count as f64 / (s.count + t.count) as f64;
        let listings = &self.listings[a as usize];
        // Word-level evidence is worked out only where it can matter: pairs of compatible
        // lengths seen once or twice. Singletons of a large corpus are skipped: there are
        // millions, and its repeated pairs carry the glossary.
        let singleton_worth_it = pair.count == 1 && n < SINGLETON_CORPUS_LIMIT;
        let coverage = if (pair.count == 2 || singleton_worth_it)
            && s.words.len().abs_diff(t.words.len()) <= 2
        {
            self.evidence.coverage(listings, s, t)
        } else {
            0.0
        };
        if !admitted(pair.count, dice, coverage) {
            return None;
        }
        let shown = self.surfaces.0[a as usize];
        let words = s.words.len().max(t.words.len());
        if words == 1 && pair.count >= 3 {
            // Co-occurrence without alignment: the words as shown never translate each other
            // where the word alignment can tell (*jakarta* / Department).
            if self.links.between(&shown.to_lowercase(), &t.key_words[0]) == Some(0) {
                return None;
            }
        }
        let llr = log_likelihood(pair.count as f64, s.count as f64, t.count as f64, n);
        let mut score = llr * (DICE_FLOOR + (1.0 - DICE_FLOOR) * dice);
        let t_shown = self.surfaces.1[b as usize];
        score = self.weigh_rare(score, pair.count, coverage, (s, t), (shown, t_shown));
        if pair.count >= 2 {
            score *= 1.0 + EXTRA_WORD_BONUS * (words as f64 - 1.0);
        }
        score *= lexicon_factor(listings, s, t, shown, words);
        if shares_names(s, t, shown, pair.count) {
            score *= SHARED_NAMES_FACTOR;
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
    }

    /// The score of a pair seen fewer than three times, weighed by its words' evidence, the
    /// termhood of a pair seen once, and an orphaned name.
    fn weigh_rare(
        &self,
        mut score: f64,
        count: u32,
        coverage: f64,
        (s, t): (&Term, &Term),
        (shown, t_shown): (&str, &str),
    ) -> f64 {
        if count < 3 {
            score *= RARE_COVERAGE_BASE + coverage;
        }
        if count == 1 {
            // One sighting says little about termhood; the phrase's shape does, and so do
            // loanwords.
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
            score *= termhood(s, shown) * LOANWORD_BONUS.powi(loanwords as i32);
        }
        if count < 3 && orphan_name(self.evidence, (s, shown), (t, t_shown)) {
            score *= ORPHAN_NAME_FACTOR;
        }
        score
    }
}

/// Frequent pairs stand on their association; rarer ones need their words to translate one
/// another too (in a small text, two coincidences are common).
pub(super) fn admitted(count: u32, dice: f64, coverage: f64) -> bool {
    match count {
        0 => false,
        1 => coverage >= SINGLETON_COVERAGE,
        2 => dice >= TWICE_DICE && coverage >= TWICE_COVERAGE,
        _ => dice >= FREQUENT_DICE,
    }
}

/// What the lexicon says of a pair: a phrase or acronym it lists as a unit is a confirmed
/// term; a general word it translates (not a loanword) is vocabulary.
fn lexicon_factor(listings: &[&str], s: &Term, t: &Term, shown: &str, words: usize) -> f64 {
    let acronym = s.words.len() == 1 && is_acronym(shown);
    let is_listed = listed(listings, t);
    let mut factor = 1.0;
    if (words > 1 || acronym) && is_listed {
        factor *= LISTED_UNIT_BONUS;
    }
    if words == 1
        && !acronym
        && is_listed
        && cognate_key(&s.words[0], Lang::Id)
            .is_none_or(|key| cognate_key(&t.words[0], Lang::En).as_ref() != Some(&key))
    {
        factor *= LISTED_WORD_FACTOR;
    }
    factor
}

/// Whether the pair is mostly the same names on both sides (*Washington ingin* / Washington
/// wants), or the same words: a shared common word (*pemanasan global* / global warming) is a
/// translated term's.
fn shares_names(s: &Term, t: &Term, shown: &str, count: u32) -> bool {
    let shared = s
        .words
        .iter()
        .zip(shown.split(' '))
        .filter(|&(w, shown)| t.words.contains(w) && is_name(shown))
        .count();
    // Half the words shared is a name pair unless the rest are capitalized too and the pair
    // recurs: then it is a translated name (*Korea Utara* / North Korea, *Jalur Gaza* / Gaza
    // Strip), where once it is as likely two names side by side (*Januari Biden*).
    let translated_name = count >= TRANSLATED_NAME_COUNT && shown.split(' ').all(is_name);
    let half = shared * 2 == s.words.len() && !translated_name;
    shared * 2 > s.words.len() || half || s.words == t.words
}

/// Drops the pairs inside a longer pair seen exactly as often (*Putih* / White inside *Gedung
/// Putih* / White House): they say nothing the longer one does not. Only counts of two or
/// more say "always together"; a singleton is inside many others.
pub(super) fn drop_subsumed(extractor: &Extractor, mut scored: Vec<Scored>) -> Vec<Scored> {
    let (source_supers, target_supers) =
        rayon::join(|| extractor.source.supers(), || extractor.target.supers());
    // The term and the longer ones around it seen exactly as often, without collecting them.
    fn wider<'s>(
        supers: &'s FxHashMap<u32, Vec<u32>>,
        id: u32,
        side: &'s SideCounts,
    ) -> impl Iterator<Item = u32> + Clone + 's {
        let c = side.terms[id as usize].count;
        std::iter::once(id)
            .chain(supers.get(&id).into_iter().flatten().copied())
            .filter(move |&x| side.terms[x as usize].count == c)
    }
    let subsumed = |a: u32, b: u32, count: u32| -> bool {
        let tb = wider(&target_supers, b, &extractor.target);
        wider(&source_supers, a, &extractor.source).any(|x| {
            tb.clone().any(|y| {
                (x, y) != (a, b) && extractor.pairs.get(x, y).is_some_and(|p| p.count == count)
            })
        })
    };
    let keep: Vec<bool> = scored
        .par_iter()
        .map(|p| p.count < 2 || !subsumed(p.source, p.target, p.count))
        .collect();
    let mut keep = keep.into_iter();
    scored.retain(|_| keep.next().unwrap_or(true));
    scored
}

/// How much an Indonesian candidate looks like a term rather than a piece of a clause: terms
/// are noun phrases (`pemanasan global`, `Dewan Arktik`), so each word inflected as a verb
/// (`mengatakan`, `berusaha`, `dituduh`: a verbal prefix the stemmer removes) and a mix of a
/// name with common words (`Rusia berusaha`, `pemerintahan Biden`) lowers it. `surface` is the
/// term as shown.
pub(super) fn termhood(term: &Term, surface: &str) -> f64 {
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
    VERB_OR_NUMERAL_FACTOR.powi((verbs + numerals) as i32)
        * if mixed { MIXED_NAME_FACTOR } else { 1.0 }
}

/// Whether one side mixes a name with common words and no word of the other side translates
/// or repeats that name: `Washington ingin` / wants, `pemimpin Rusia` / leaders, `ingin` /
/// Washington wants. (Names of several capitalized words, `Gedung Putih` / White House, are
/// translated as a whole, not word by word.) Each term comes with its surface form.
pub(super) fn orphan_name(
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
    let linked = |sw: &str, tw: &str, ts: &str| evidence.word_link(sw, tw, ts) > 0.0;
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

/// Whether `adjective` is the English adjective of the place `place` (Japanese / Japan,
/// Syrian / Syria, European / Europe, Israeli / Israel, Turkish / Turkey, German / Germany):
/// the place's name, its final vowels dropped, and a suffix of nationality.
pub(super) fn is_adjective_of(adjective: &str, place: &str) -> bool {
    const SUFFIXES: [&str; 8] = ["n", "an", "ian", "ean", "ese", "ish", "i", "ic"];
    if adjective == place || !is_name(adjective) || !is_name(place) {
        return false;
    }
    if place.strip_suffix('y') == Some(adjective) {
        return true;
    }
    let stem = place.trim_end_matches(['a', 'e', 'i', 'o', 'u', 'y']);
    [place, stem]
        .into_iter()
        .filter(|base| base.chars().count() >= 3)
        .any(|base| {
            adjective
                .strip_prefix(base)
                .is_some_and(|suffix| SUFFIXES.contains(&suffix))
        })
}

/// Whether a word as shown is a name's: it starts with a capital.
pub(super) fn is_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a term as shown is an acronym: two or more capitals (digits allowed), nothing else.
pub(super) fn is_acronym(term: &str) -> bool {
    term.chars().count() >= 2 && term.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Dunning's log-likelihood ratio (G²) of a 2x2 contingency table: `both` beads with both terms,
/// `a` with the first, `b` with the second, `n` in all.
pub(super) fn log_likelihood(both: f64, a: f64, b: f64, n: f64) -> f64 {
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

    fn term(surface: &str) -> Term {
        let words: Vec<String> = surface.split(' ').map(str::to_lowercase).collect();
        Term {
            key_words: words.clone(),
            words,
            count: 1,
            surfaces: [(surface.to_owned(), 1)].into_iter().collect(),
        }
    }

    #[test]
    fn a_recurring_two_word_name_sharing_one_word_is_a_translated_name_not_a_shared_one() {
        let pair = |s: &str, t: &str, count| shares_names(&term(s), &term(t), s, count);
        // Translated names, seen often enough.
        assert!(!pair("Korea Utara", "North Korea", 31));
        assert!(!pair("Jalur Gaza", "Gaza Strip", 5));
        // The same names, a name beside a common word, or two names side by side once.
        assert!(pair("Blinken", "Blinken", 3));
        assert!(pair("Washington ingin", "Washington wants", 3));
        assert!(pair("Januari Biden", "January Biden", 1));
        assert!(pair("Presiden Joe Biden", "President Joe Biden", 4));
        // A shared common word is a translated term's.
        assert!(!pair("pemanasan global", "global warming", 3));
    }
}
