//! `length-ratio`: a translation far longer or shorter than the length model expects.

use super::{BeadCheck, BeadPair, Severity};

/// Gale-Church deviation beyond which a bead's length ratio is flagged (two-tailed p < 0.0005).
const LENGTH_DEVIATION: f64 = 3.5;
/// Beads shorter than this (non-space characters, longer side) are never flagged for length:
/// headings and short replies vary too much.
const LENGTH_MIN_CHARS: usize = 40;

pub(super) struct Length;

impl BeadCheck for Length {
    fn name(&self) -> &'static str {
        "length-ratio"
    }

    fn check(&self, bead: &BeadPair<'_>, found: &mut Vec<(Severity, String)>) {
        let chars = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        let (ls, lt) = (chars(&bead.source.text), chars(&bead.target.text));
        if ls.max(lt) < LENGTH_MIN_CHARS {
            return;
        }
        let (ls, lt) = (ls as f64, lt as f64);
        let expected = ls * bead.model.length_ratio;
        let mean = ((expected + lt) * 0.5).max(1.0);
        let deviation = (lt - expected) / (bead.model.length_variance * mean).sqrt();
        if deviation.abs() > LENGTH_DEVIATION {
            found.push((
                Severity::Warning,
                format!(
                    "the {} is {:.1} times the expected length ({} characters for {} in the {})",
                    bead.target_lang.name(),
                    lt / expected.max(1.0),
                    lt,
                    ls,
                    bead.source_lang.name()
                ),
            ));
        }
    }
}
