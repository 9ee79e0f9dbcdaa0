//! `untranslated`: target text that is the source, or reads as the source language.

use super::{BeadCheck, BeadPair, Severity};
use crate::text::fold;

pub(super) struct Untranslated;

impl BeadCheck for Untranslated {
    fn name(&self) -> &'static str {
        "untranslated"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let (source, target) = (bead.source, bead.target);
        let same = target.words.len() >= 2 && fold(&source.text) == fold(&target.text);
        let looks_source = crate::lang::guess(&target.text) == Some(bead.source_lang)
            && bead.source_lang != bead.target_lang;
        if same || looks_source {
            let preview: String = target.text.chars().take(60).collect();
            found.push((
                Severity::Error,
                format!(
                    "the {} text reads as {}: \"{preview}\"",
                    bead.target_lang.name(),
                    bead.source_lang.name()
                ),
            ));
        }
    }
}
