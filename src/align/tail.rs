//! The tail of the normal distribution that Gale and Church's length cost needs: a function of
//! its own, with no dependency, so that build.rs can tabulate it with the very same code.

/// Step of the tabulated values.
pub(crate) const TAIL_STEP: f64 = 1.0 / 256.0;
/// Beyond this deviation the value is computed, not looked up.
pub(crate) const TAIL_MAX: f64 = 32.0;

/// ln(2 (1 - Phi(x))) for x >= 0: the log probability of a standard normal beyond +-x.
pub(crate) fn log_two_tailed(x: f64) -> f64 {
    // erfc(z) with z = x / sqrt(2), Numerical Recipes' erfcc (relative error < 1.2e-7),
    // computed in log space so large deviations do not underflow.
    let z = x / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() + poly
}
