//! `name-one-side`: a name on one side that the other lacks.

use super::{BeadCheck, BeadPair, BeadSide, Severity};
use crate::text::tokens::cognate_key;
use crate::Lang;

pub(super) struct Names;

impl BeadCheck for Names {
    fn name(&self) -> &'static str {
        "name-one-side"
    }

    /// A name is found on the other side as itself, as a close spelling (Rusia, Russia), as a
    /// cognate, or through the lexicon (Jepang, Japan); a source name the lexicon translates
    /// and the target holds is fine too.
    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let (source, target) = (bead.source, bead.target);
        let similar = |word: &str, other: &BeadSide, lang: Lang, other_lang: Lang| {
            other.words.iter().any(|w| {
                w == word
                    || (word.len() >= 4
                        && crate::text::similarity_at_least(w, word, 0.75).is_some())
                    || cognate_key(word, lang)
                        .is_some_and(|k| cognate_key(w, other_lang) == Some(k))
            })
        };
        let mut missing = Vec::new();
        for (word, surface) in &source.names {
            if bead.covered.contains(&word.as_str())
                || similar(word, target, bead.source_lang, bead.target_lang)
                || translated(bead, word)
            {
                continue;
            }
            if !missing.contains(surface) {
                missing.push(surface.clone());
            }
        }
        let mut missing_source = Vec::new();
        for (word, surface) in &target.names {
            // An English capitalized word the glossaries know (Wednesday, Minister) is a word
            // translated as such, not a name to copy.
            if bead.lexicon.knows_english(&bead.lexicon.stem_en(word))
                || similar(word, source, bead.target_lang, bead.source_lang)
            {
                continue;
            }
            if !missing_source.contains(surface) {
                missing_source.push(surface.clone());
            }
        }
        for (names, lang) in [
            (missing, bead.source_lang),
            (missing_source, bead.target_lang),
        ] {
            if !names.is_empty() {
                found.push((
                    Severity::Warning,
                    format!("{} only in the {}", names.join(", "), lang.name()),
                ));
            }
        }
    }
}

/// Whether the lexicon translates `word` (alone or in a phrase of the bead with its
/// neighbours) into something the target holds.
fn translated(bead: &BeadPair<'_>, word: &str) -> bool {
    let (source, target, lexicon) = (bead.source, bead.target, bead.lexicon);
    let stem = lexicon.stem_id(word);
    let positions: Vec<usize> = source
        .words
        .iter()
        .enumerate()
        .filter(|(_, w)| *w == word)
        .map(|(k, _)| k)
        .collect();
    let mut keys = vec![word.to_owned(), stem];
    for &k in &positions {
        // Every phrase of up to four words that holds the word.
        for len in 2..=crate::lexicon::MAX_PHRASE_WORDS {
            for from in k.saturating_sub(len - 1)..=k {
                let to = from + len;
                if to > source.words.len() {
                    break;
                }
                keys.push(source.words[from..to].join(" "));
                keys.push(source.stems[from..to].join(" "));
            }
        }
    }
    keys.iter().any(|key| {
        lexicon.lookup(key).any(|concept| {
            let stems: Vec<String> = concept[2..].split(' ').map(str::to_owned).collect();
            stems.iter().all(|s| target.stems.contains(s))
        })
    })
}
