//! Sentence alignment by length and anchors.
//!
//! [`Aligner::align`] pairs the segments of an Indonesian text with those of its English
//! reference in beads (1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3, 3-1), each with a confidence: the
//! posterior probability of the bead under the model. The cost of a bead is Gale and Church's
//! length cost plus the weight of its anchors (numbers, identical words and names, cognates,
//! glossary terms, shape marks). A second pass learns word pairs from the confident 1-1 beads
//! and aligns again.

pub mod eval;
mod features;
mod learn;
mod model;
mod search;
mod tail;

#[cfg(test)]
mod tests;

pub use crate::document::{Bead, SegmentInput};
pub use model::Model;
pub use search::{BAND_WIDTH, FULL_SEARCH_CELLS};

use crate::Lang;
use crate::Lexicon;
use features::{Concepts, SideTokens};

/// Aligns texts with a lexicon and a model.
///
/// ```
/// use padan::align::{Aligner, SegmentInput};
/// use padan::Lexicon;
/// let source = ["Rusia dan AS bertemu pada hari Rabu.", "Mereka membahas 7.800 pasukan."];
/// let target = ["Russia and the US met on Wednesday.", "They discussed 7,800 troops."];
/// let input = |texts: &[&'static str]| texts.iter().map(|t| SegmentInput { text: t, paragraph_start: None }).collect::<Vec<_>>();
/// let beads = Aligner::new(Lexicon::seed()).align(&input(&source), &input(&target));
/// assert_eq!(beads.len(), 2);
/// assert_eq!((beads[1].source.clone(), beads[1].target.clone()), (1..2, 1..2));
/// ```
#[derive(Debug, Clone)]
pub struct Aligner<'a> {
    lexicon: &'a Lexicon,
    model: Model,
    second_pass: bool,
    source_lang: Lang,
    target_lang: Lang,
}

/// Texts of at least this many segments (both sides) are tokenized on two threads; below it a
/// thread costs more than it saves.
const PARALLEL_SEGMENTS: usize = 400;

impl<'a> Aligner<'a> {
    /// An Indonesian-to-English aligner with the calibrated model and the second pass on.
    pub fn new(lexicon: &'a Lexicon) -> Self {
        Aligner {
            lexicon,
            model: Model::default(),
            second_pass: true,
            source_lang: Lang::Id,
            target_lang: Lang::En,
        }
    }

    /// Sets the languages of the two sides. With English as the source, the length model is
    /// inverted, so that aligning B with A gives the beads of A with B, swapped.
    pub fn with_languages(mut self, source: Lang, target: Lang) -> Self {
        if (source, target) != (self.source_lang, self.target_lang) && source != target {
            // The model is stated for Indonesian -> English; one switch flips it.
            self.model.length_variance /= self.model.length_ratio;
            self.model.length_ratio = 1.0 / self.model.length_ratio;
        }
        self.source_lang = source;
        self.target_lang = target;
        self
    }

    /// Replaces the model (stated for the current source -> target direction).
    pub fn with_model(mut self, model: Model) -> Self {
        self.model = model;
        self
    }

    /// Turns the second pass (word pairs learned from confident beads) on or off.
    pub fn with_second_pass(mut self, on: bool) -> Self {
        self.second_pass = on;
        self
    }

    /// Aligns source segments with target segments. Every segment of both sides lands in
    /// exactly one bead, in order.
    pub fn align(&self, source: &[SegmentInput], target: &[SegmentInput]) -> Vec<Bead> {
        // The two sides are tokenized side by side when there is enough of them to share.
        let tokens = |segments, lang| SideTokens::new(segments, lang, self.lexicon);
        let (source_tokens, target_tokens) = if source.len() + target.len() >= PARALLEL_SEGMENTS {
            rayon::join(
                || tokens(source, self.source_lang),
                || tokens(target, self.target_lang),
            )
        } else {
            (
                tokens(source, self.source_lang),
                tokens(target, self.target_lang),
            )
        };
        let mut concepts = Concepts::default();
        let (target_units, source_units) = if source.len() + target.len() >= PARALLEL_SEGMENTS {
            // Side by side: the source numbers its concepts on its own, then takes the target's
            // numbers (dropping what the target lacks), as if built after it against them.
            let (target_units, (source_units, own)) = rayon::join(
                || target_tokens.units(self.lexicon, &mut concepts),
                || {
                    let mut own = Concepts::default();
                    (source_tokens.units(self.lexicon, &mut own), own)
                },
            );
            concepts.freeze();
            (target_units, concepts.adopt(source_units, &own))
        } else {
            let target_units = target_tokens.units(self.lexicon, &mut concepts);
            concepts.freeze();
            (
                target_units,
                source_tokens.units(self.lexicon, &mut concepts),
            )
        };
        // With a second pass to come, the first pass's posteriors would only pick beads to learn
        // from; the path's shape picks them more cheaply (see learn::confident).
        let first = Model {
            posteriors: !self.second_pass,
            ..self.model.clone()
        };
        let mut path = search::search(&source_units, &target_units, &first);
        if self.second_pass {
            let learned = learn::learn(&path, &source_tokens, &target_tokens);
            if learned.is_empty() && !first.posteriors {
                // Nothing learned: the first path stands, but it needs its confidences.
                path = search::refine(&source_units, &target_units, &self.model, &path);
            } else if !learned.is_empty() {
                let source_units =
                    source_tokens.with_learned(source_units, &learned, &mut concepts);
                path = search::refine(&source_units, &target_units, &self.model, &path);
            }
        }
        path.into_iter()
            .map(|bead| Bead {
                source: bead.source,
                target: bead.target,
                confidence: bead.posterior,
            })
            .collect()
    }
}
