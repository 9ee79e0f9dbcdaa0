//! The entries of a glossary, best first: the linked term pairs, then the usual translations
//! word alignment gives the words the term pairs left without one.

use super::extract::{Entry, Extractor, Kind, Term};
use super::link::Pieces;
use super::score::{is_acronym, is_adjective_of, is_name, log_likelihood, Scored, DICE_FLOOR};
use super::wordalign::Links;

/// A word's usual translation is a piece of a longer term, not offered, when that term's
/// sightings reach this share (numerator, denominator) of its links: nearly all, since the
/// head of a term often means what the term does alone (*duta* in *duta besar* / ambassador).
const PIECE_SHARE: (u32, u32) = (9, 10);
/// Word-alignment links a word's usual translation needs to be proposed.
pub const MIN_LINKS: u32 = 2;
/// Scales the score of a word's usual translation (from word alignment) against term pairs':
/// general vocabulary ranks after the terms.
const USUAL_WEIGHT: f64 = 0.001;
/// Spellings this similar (normalized Levenshtein) make a capitalized pair a name, or a
/// single-word pair a cognate.
const SIMILAR_NAME: f64 = 0.6;
/// Word-level coverage that makes a capitalized pair a name (*Gedung Putih* / White House).
const NAME_COVERAGE: f64 = 0.7;

/// The entries of the accepted pairs and of the words' usual translations, best first (ties
/// by source, then target term).
pub(super) fn entries(
    extractor: &Extractor,
    accepted: &[Scored],
    pieces: (&Pieces, &[u32]),
    links: &Links,
    surfaces: &(Vec<&str>, Vec<&str>),
) -> Vec<Entry> {
    let mut entries = term_entries(extractor, accepted, surfaces);
    entries.extend(usual_entries(extractor, accepted, pieces, links, surfaces));
    nouns_before_their_adjectives(&mut entries);
    entries.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.source_term.cmp(&b.source_term))
            .then(a.target_term.cmp(&b.target_term))
    });
    entries
}

fn term_entries(
    extractor: &Extractor,
    accepted: &[Scored],
    surfaces: &(Vec<&str>, Vec<&str>),
) -> Vec<Entry> {
    accepted
        .iter()
        .map(|pair| {
            let (s, t) = (
                &extractor.source.terms[pair.source as usize],
                &extractor.target.terms[pair.target as usize],
            );
            let (source_term, target_term) = (
                surfaces.0[pair.source as usize].to_owned(),
                surfaces.1[pair.target as usize].to_owned(),
            );
            let (example_source, example_target) = extractor
                .examples
                .get(&pair.first_bead)
                .cloned()
                .unwrap_or_default();
            Entry {
                kind: kind_of(&[s, t], &source_term, &target_term, pair.similar),
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
        .collect()
}

/// Words the term pairs left without a one-word translation get their most usual one from
/// word alignment.
fn usual_entries(
    extractor: &Extractor,
    accepted: &[Scored],
    (pieces, dropped): (&Pieces, &[u32]),
    links: &Links,
    surfaces: &(Vec<&str>, Vec<&str>),
) -> Vec<Entry> {
    let evidence = pieces.evidence();
    let dropped: rustc_hash::FxHashSet<u32> = dropped.iter().copied().collect();
    let translated: rustc_hash::FxHashSet<String> = accepted
        .iter()
        .filter(|p| extractor.target.terms[p.target as usize].key_words.len() == 1)
        .map(|p| {
            // The word as the sample holds it: a reduplication once (`puing-puing`, `puing`).
            let shown = surfaces.0[p.source as usize].to_lowercase();
            reduplicated(&shown).map_or(shown.clone(), str::to_owned)
        })
        .collect();
    let sample = extractor.sample.len() as f64;
    links
        .usual(MIN_LINKS)
        .into_iter()
        .filter(|u| u.source != u.target && !translated.contains(u.source))
        .filter(|u| {
            // Not a piece of a longer term, dropped there or learnt by the word alignment
            // from it (*rumah* / hospital inside *rumah sakit* / hospital).
            let stem = extractor.lexicon.stem_id(u.source);
            let id = extractor.source.ids.get(&stem).copied();
            !id.is_some_and(|id| dropped.contains(&id))
                && (pieces.explained(&stem, &[u.target_key.to_owned()]) * PIECE_SHARE.1
                    < u.links * PIECE_SHARE.0
                    || evidence.word_link(u.source, u.target, u.target_key) > 0.0)
        })
        .map(|u| {
            let dice = 2.0 * u.links as f64 / (u.source_beads + u.target_beads) as f64;
            let llr = log_likelihood(
                u.links as f64,
                u.source_beads as f64,
                u.target_beads as f64,
                sample,
            );
            // The target word's most frequent form and an example: the first bead of the
            // pair of the words' terms, when counted.
            let source_term = extractor
                .source
                .ids
                .get(&extractor.lexicon.stem_id(u.source));
            let target_term = extractor.target.ids.get(u.target_key);
            let target = target_term.map_or_else(
                || u.target.to_owned(),
                |&b| surfaces.1[b as usize].to_owned(),
            );
            let example = source_term
                .zip(target_term)
                .and_then(|(&a, &b)| extractor.pairs.get(a, b))
                .and_then(|p| extractor.examples.get(&p.first_bead))
                .cloned()
                .unwrap_or_default();
            Entry {
                kind: kind_of(&[], u.source, &target, 0.0),
                source_term: u.source.to_owned(),
                target_term: target,
                score: (USUAL_WEIGHT * llr * (DICE_FLOOR + (1.0 - DICE_FLOOR) * dice) * 1000.0)
                    .round()
                    / 1000.0,
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
        .collect()
}

/// Where one source term has both a place and its adjective among its targets (*Jepang* /
/// Japan and Japanese, *Australia* / Australia and Australian), the place comes first: the
/// adjective scores no higher than the place, and on a tie the shorter name sorts first.
/// Indonesian writes both with one word; a termbase enters the place.
fn nouns_before_their_adjectives(entries: &mut [Entry]) {
    let mut by_source: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (k, entry) in entries.iter().enumerate() {
        if !entry.source_term.contains(' ') && !entry.target_term.contains(' ') {
            by_source.entry(&entry.source_term).or_default().push(k);
        }
    }
    let mut lowered: Vec<(usize, f64)> = Vec::new();
    for rows in by_source.values().filter(|rows| rows.len() > 1) {
        for &adjective in rows {
            let place = rows
                .iter()
                .filter(|&&k| {
                    is_adjective_of(&entries[adjective].target_term, &entries[k].target_term)
                })
                .map(|&k| entries[k].score)
                .max_by(f64::total_cmp);
            if let Some(place) = place.filter(|&p| p < entries[adjective].score) {
                lowered.push((adjective, place));
            }
        }
    }
    for (k, score) in lowered {
        entries[k].score = score;
    }
}

/// The word a full reduplication repeats (`lumba-lumba`: `lumba`), if `word` is one.
fn reduplicated(word: &str) -> Option<&str> {
    let (first, second) = word.split_once('-')?;
    (first == second).then_some(first)
}

/// The kind of a pair as shown, with its word-level coverage. An acronym is an acronym whatever
/// the other side has (`PBB` / UN, `PDB` / GDP); a pair whose words the corpus also writes in
/// lower case on either side (`Presiden` beside `presiden`) is a general word, not a name.
fn kind_of(terms: &[&Term], source: &str, target: &str, coverage: f64) -> Kind {
    let capitalized = |s: &str| s.split(' ').all(is_name);
    let similarity =
        || strsim::normalized_levenshtein(&source.to_lowercase(), &target.to_lowercase());
    let written_lower = || {
        terms.iter().any(|term| {
            term.surfaces
                .keys()
                .any(|surface| surface.starts_with(char::is_lowercase))
        })
    };
    if is_acronym(source) {
        Kind::Acronym
    } else if capitalized(source)
        && capitalized(target)
        && (source == target || coverage >= NAME_COVERAGE || similarity() >= SIMILAR_NAME)
        && !written_lower()
    {
        Kind::Name
    } else if !source.contains(' ') && similarity() >= SIMILAR_NAME {
        Kind::Cognate
    } else {
        Kind::Term
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(surfaces: &[(&str, u32)]) -> Term {
        let words: Vec<String> = surfaces[0].0.split(' ').map(str::to_lowercase).collect();
        Term {
            key_words: words.clone(),
            words,
            count: surfaces.iter().map(|s| s.1).sum(),
            surfaces: surfaces.iter().map(|&(s, n)| (s.to_owned(), n)).collect(),
        }
    }

    #[test]
    fn a_place_comes_before_its_adjective() {
        for (adjective, place) in [
            ("Japanese", "Japan"),
            ("Syrian", "Syria"),
            ("European", "Europe"),
            ("Israeli", "Israel"),
            ("Turkish", "Turkey"),
            ("German", "Germany"),
            ("Chinese", "China"),
        ] {
            assert!(is_adjective_of(adjective, place), "{adjective} / {place}");
            assert!(!is_adjective_of(place, adjective), "{place} / {adjective}");
        }
        assert!(!is_adjective_of("Jakarta", "Jakartan"));
        assert!(!is_adjective_of("Inn", "In"));
        let entry = |target: &str, score: f64| Entry {
            source_term: "Jepang".to_owned(),
            target_term: target.to_owned(),
            kind: Kind::Name,
            score,
            count: 1,
            source_count: 1,
            target_count: 1,
            example_source: String::new(),
            example_target: String::new(),
            note: String::new(),
        };
        let mut entries = vec![
            entry("Japanese", 90.0),
            entry("Japan", 40.0),
            entry("Tokyo", 10.0),
        ];
        nouns_before_their_adjectives(&mut entries);
        let scores: Vec<f64> = entries.iter().map(|e| e.score).collect();
        assert_eq!(scores, [40.0, 40.0, 10.0]);
    }

    #[test]
    fn kinds_acronyms_whatever_the_other_side_and_no_name_for_a_word_also_written_lower_case() {
        let none: [&Term; 0] = [];
        assert_eq!(kind_of(&none, "PBB", "UN", 0.0), Kind::Acronym);
        assert_eq!(kind_of(&none, "PDB", "GDP", 0.0), Kind::Acronym);
        assert_eq!(kind_of(&none, "NATO", "NATO", 0.0), Kind::Acronym);
        let (moskow, moscow) = (term(&[("Moskow", 4)]), term(&[("Moscow", 4)]));
        assert_eq!(
            kind_of(&[&moskow, &moscow], "Moskow", "Moscow", 0.0),
            Kind::Name
        );
        let presiden = term(&[("Presiden", 5), ("presiden", 2)]);
        let president = term(&[("President", 5), ("president", 3)]);
        assert_eq!(
            kind_of(&[&presiden, &president], "Presiden", "President", 0.0),
            Kind::Cognate
        );
        let (gedung, house) = (term(&[("Gedung Putih", 2)]), term(&[("White House", 2)]));
        assert_eq!(
            kind_of(&[&gedung, &house], "Gedung Putih", "White House", 1.0),
            Kind::Name
        );
        assert_eq!(
            kind_of(&none, "juru bicara", "spokesperson", 0.0),
            Kind::Term
        );
    }
}
