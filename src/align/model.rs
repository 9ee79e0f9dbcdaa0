//! The cost model's parameters: bead priors, the Gale-Church length model, the weight of
//! anchors, and the paragraph terms.

use super::search::BEADS;

/// Parameters of the alignment model. [`Model::default`] holds the calibrated values.
#[derive(Debug, Clone)]
pub struct Model {
    /// Natural-log prior of each bead shape, in the search's order: 1-1, 1-0, 0-1, 1-2, 2-1,
    /// 2-2, 1-3, 3-1.
    pub log_prior: [f64; 8],
    /// Expected English characters per Indonesian character.
    pub length_ratio: f64,
    /// Variance of the length difference per character.
    pub length_variance: f64,
    /// Log-score per unit of matched anchor weight.
    pub lexical_weight: f64,
    /// Share of a segment's anchor weight that an unrelated segment matches by chance.
    pub chance_overlap: f64,
    /// Log-score when a bead starts a paragraph on both sides (raw text only).
    pub paragraph_match: f64,
    /// Log-score when a bead starts a paragraph on one side only.
    pub paragraph_mismatch: f64,
    /// Log-score per paragraph break inside a bead, on either side.
    pub paragraph_inside: f64,
    /// Log-score per furniture segment (a byline, a credit, a "read also" line) in a bead
    /// that pairs it with text.
    pub furniture_paired: f64,
    /// Log-score of a 1-0 or 0-1 bead of a furniture segment.
    pub furniture_alone: f64,
    /// Whether to compute bead posteriors (confidence).
    pub posteriors: bool,
}

impl Default for Model {
    /// The calibrated model.
    ///
    /// Length: the ratio and variance of Gale and Church's model were measured on the 3,907
    /// sentence pairs of the Guntara et al. (2020) news set (`examples/calibrate.rs`): English
    /// has 0.916 characters per Indonesian character (whitespace excluded), variance 4.2 per
    /// character (2.7 by the interquartile range; the robust value is used). Priors and the
    /// anchor weight were set on the development sets of `shared/eval`.
    fn default() -> Self {
        let prior = |p: f64| p.ln();
        let mut log_prior = [0.0; 8];
        for (k, &(a, b)) in BEADS.iter().enumerate() {
            log_prior[k] = prior(match (a, b) {
                (1, 1) => 0.85,
                (1, 0) | (0, 1) => 0.012,
                (1, 2) | (2, 1) => 0.045,
                (2, 2) => 0.004,
                _ => 0.008,
            });
        }
        Model {
            log_prior,
            length_ratio: 0.916,
            length_variance: 2.67,
            lexical_weight: 0.2,
            chance_overlap: 0.2,
            paragraph_match: 1.0,
            paragraph_mismatch: -2.0,
            paragraph_inside: -1.0,
            furniture_paired: 4.0,
            furniture_alone: 3.0,
            posteriors: true,
        }
    }
}

impl Model {
    /// Gale and Church's length cost: minus the log probability of a length difference at least
    /// this large between a source of `ls` and a target of `lt` characters.
    pub fn length_cost(&self, ls: f64, lt: f64) -> f64 {
        self.length_cost_in(tail_table(), ls, lt)
    }

    /// [`Model::length_cost`] with the table fetched once by the caller (the search's hot loop).
    pub(crate) fn length_cost_in(&self, table: &TailTable, ls: f64, lt: f64) -> f64 {
        let mean = ((ls * self.length_ratio + lt) * 0.5).max(1.0);
        let delta = (lt - ls * self.length_ratio) / (self.length_variance * mean).sqrt();
        -table.log_two_tailed(delta.abs())
    }

    /// The paragraph terms of a bead: whether each side's first segment starts a paragraph, and
    /// whether a paragraph break falls inside the bead on each side.
    pub fn paragraph_score(
        &self,
        source_start: Option<bool>,
        target_start: Option<bool>,
        source_inside: bool,
        target_inside: bool,
    ) -> f64 {
        let (Some(s), Some(t)) = (source_start, target_start) else {
            return 0.0;
        };
        let starts = match (s, t) {
            (true, true) => self.paragraph_match,
            (false, false) => 0.0,
            _ => self.paragraph_mismatch,
        };
        starts + self.paragraph_inside * (u8::from(source_inside) + u8::from(target_inside)) as f64
    }
}

/// [`log_two_tailed`] tabulated: the search asks for it millions of times. The table is
/// computed by build.rs (with the same function, from `tail.rs`), so a run does not spend
/// thousands of logarithms on it before its first bead.
pub(crate) struct TailTable {
    values: &'static [f64],
}

pub(crate) use super::tail::{log_two_tailed, TAIL_MAX, TAIL_STEP};

/// The tabulated values, `log_two_tailed(k * TAIL_STEP)` for k = 0 ..= TAIL_MAX / TAIL_STEP + 1.
static TAIL_VALUES: &[f64] = &include!(concat!(env!("OUT_DIR"), "/tail.rs"));

pub(crate) fn tail_table() -> &'static TailTable {
    static TABLE: TailTable = TailTable {
        values: TAIL_VALUES,
    };
    &TABLE
}

impl TailTable {
    /// Linear interpolation in the table; exact beyond its end.
    fn log_two_tailed(&self, x: f64) -> f64 {
        if x.is_nan() || x >= TAIL_MAX {
            return log_two_tailed(x.min(1e6));
        }
        let position = x / TAIL_STEP;
        let k = position as usize;
        let fraction = position - k as f64;
        self.values[k] + (self.values[k + 1] - self.values[k]) * fraction
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_tail_table_is_the_function_tabulated() {
        let n = (TAIL_MAX / TAIL_STEP) as usize + 2;
        assert_eq!(TAIL_VALUES.len(), n);
        for (k, &value) in TAIL_VALUES.iter().enumerate() {
            assert_eq!(
                value.to_bits(),
                log_two_tailed(k as f64 * TAIL_STEP).to_bits(),
                "{k}"
            );
        }
    }

    #[test]
    fn two_tailed_probability_matches_known_values() {
        let cases = [
            (0.0, 1.0),
            (1.0, 0.317_310_5),
            (1.96, 0.049_995_8),
            (3.0, 0.002_699_8),
        ];
        for (x, p) in cases {
            let got = log_two_tailed(x).exp();
            assert!((got - p).abs() < 1e-6, "x={x}: {got} vs {p}");
        }
        assert!(log_two_tailed(40.0).is_finite());
        for x in [0.0, 0.3, 1.7, 5.2, 31.9, 50.0] {
            let (exact, table) = (log_two_tailed(x), tail_table().log_two_tailed(x));
            assert!(
                (exact - table).abs() < 1e-3 * exact.abs().max(1.0),
                "x={x}: {exact} vs {table}"
            );
        }
    }

    #[test]
    fn length_cost_is_lowest_at_the_expected_ratio() {
        let model = Model::default();
        let at_ratio = model.length_cost(100.0, 91.6);
        assert!(at_ratio < 1e-3, "{at_ratio}");
        assert!(model.length_cost(100.0, 50.0) > model.length_cost(100.0, 80.0));
    }
}
