//! Confidence intervals over independent seeds, and the one assertion every case uses.
//!
//! Single responses inside a run are correlated (a long queue makes many long waits), so the
//! spread of responses says little about the error of their mean. Independent seeds give
//! independent, approximately normal per-seed estimates; their Student-t interval is honest.

use super::theory::t99;

/// A two-sided 99% Student-t confidence interval for the mean of per-seed values.
#[derive(Clone, Copy, Debug)]
pub struct Ci {
    pub mean: f64,
    pub half: f64,
}

pub fn ci99(xs: &[f64]) -> Ci {
    let n = xs.len();
    assert!(n >= 2, "a confidence interval needs at least two seeds");
    let mean = xs.iter().sum::<f64>() / n as f64;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    Ci { mean, half: t99(n - 1) * (var / n as f64).sqrt() }
}

/// Collects the verdicts of one case so a failing run reports every discrepancy at once.
#[derive(Default)]
pub struct Report {
    lines: Vec<String>,
    failures: Vec<String>,
}

impl Report {
    /// `theory` must lie in the 99% interval of `per_seed`, widened by `resolution` (the
    /// measuring instrument's own error, e.g. a histogram bucket; 0 for exact sums). And the
    /// interval's half-width must be below `max_rel_half` × theory, so a case cannot pass
    /// because its runs are too short or too noisy to say anything.
    pub fn within(&mut self, label: &str, per_seed: &[f64], theory: f64, max_rel_half: f64, resolution: f64) {
        let ci = ci99(per_seed);
        let off = (ci.mean - theory).abs();
        let inside = off <= ci.half + resolution;
        let tight = ci.half <= max_rel_half * theory.abs();
        let line = format!(
            "{label}: theory {theory:.6} | seeds {:.6} ± {:.6} (99% CI, ±{:.2}% of theory, limit {:.1}%) | off by {:.2} half-widths",
            ci.mean,
            ci.half,
            100.0 * ci.half / theory.abs(),
            100.0 * max_rel_half,
            off / ci.half.max(f64::MIN_POSITIVE),
        );
        if !inside {
            self.failures.push(format!("NOT IN CI  {line}"));
        } else if !tight {
            self.failures.push(format!("CI TOO WIDE {line}"));
        }
        self.lines.push(line);
    }

    /// Prints an estimate beside its theory value without asserting (diagnostics only).
    pub fn note(&mut self, label: &str, per_seed: &[f64], theory: f64) {
        let ci = ci99(per_seed);
        self.lines.push(format!(
            "{label}: theory {theory:.6} | seeds {:.6} ± {:.6} (not asserted)",
            ci.mean, ci.half
        ));
    }

    /// A deterministic check with its own reason.
    pub fn holds(&mut self, label: &str, ok: bool, detail: String) {
        let line = format!("{label}: {detail}");
        if !ok {
            self.failures.push(format!("FAILED {line}"));
        }
        self.lines.push(line);
    }

    /// Prints everything (seen with `--nocapture`) and panics listing the failures.
    pub fn finish(self, case: &str) {
        eprintln!("== {case}");
        for l in &self.lines {
            eprintln!("   {l}");
        }
        assert!(self.failures.is_empty(), "{case}:\n{}", self.failures.join("\n"));
    }
}
