//! Independent seeds: each point's own seed, and the mean with its 95 % interval over seeds.
//!
//! Responses inside one run are correlated (a long queue makes many long waits), so their
//! spread says little about the error of a run's mean; independent seeds give independent
//! estimates whose Student-t interval is honest (DESIGN.md, the queueing section).

use super::SweepPoint;

/// The seed of point `point` (its index in the sweep's rate list) and repetition `rep` (0 to
/// K − 1) of a sweep seeded with `seed`. A function of the three numbers only, so a point runs
/// the same wherever and in whatever order it runs (one thread or many, a Web Worker point by
/// point). SplitMix64's finaliser mixes each part in, so neighbouring points and seeds get
/// unrelated streams.
pub fn point_seed(seed: u64, point: usize, rep: usize) -> u64 {
    mix(mix(mix(seed) ^ point as u64) ^ rep as u64)
}

fn mix(z: u64) -> u64 {
    let mut z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A mean over independent seeds and the half-width of its two-sided 95 % Student-t
/// confidence interval (NaN with fewer than two seeds: one run says nothing of its spread).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    pub ci95: f64,
}

impl Estimate {
    pub fn of(xs: &[f64]) -> Estimate {
        let n = xs.len();
        if n == 0 {
            return Estimate { mean: f64::NAN, ci95: f64::NAN };
        }
        let mean = xs.iter().sum::<f64>() / n as f64;
        if n < 2 {
            return Estimate { mean, ci95: f64::NAN };
        }
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
        Estimate { mean, ci95: t95(n - 1) * (var / n as f64).sqrt() }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatencyEstimate {
    pub mean: Estimate,
    pub p50: Estimate,
    pub p95: Estimate,
    pub p99: Estimate,
}

/// One offered load over K seeds.
#[derive(Clone, Debug, PartialEq)]
pub struct PointSummary {
    pub offered_rps: f64,
    pub seeds: usize,
    pub throughput_rps: Estimate,
    pub goodput_rps: Estimate,
    pub latency_ms: LatencyEstimate,
    pub error_rate: Estimate,
    /// The component the diagnosis named most often over the seeds (the first named on a
    /// tie); `None` when most runs found every component with room to spare.
    pub bottleneck: Option<String>,
}

/// Summarises the runs of one offered load over independent seeds (`runs` non-empty, all at
/// the same offered load).
pub fn summarize(runs: &[SweepPoint]) -> PointSummary {
    let est = |f: fn(&SweepPoint) -> f64| Estimate::of(&runs.iter().map(f).collect::<Vec<_>>());
    // Count each verdict, in order of first appearance; `None` competes like a component.
    let mut votes: Vec<(Option<&str>, usize)> = Vec::new();
    for r in runs {
        let id = r.bottleneck_id();
        match votes.iter_mut().find(|(v, _)| *v == id) {
            Some((_, n)) => *n += 1,
            None => votes.push((id, 1)),
        }
    }
    let top = votes.iter().fold(None, |best: Option<&(Option<&str>, usize)>, v| match best {
        Some(b) if b.1 >= v.1 => Some(b),
        _ => Some(v),
    });
    PointSummary {
        offered_rps: runs.first().map_or(f64::NAN, |r| r.offered_rps),
        seeds: runs.len(),
        throughput_rps: est(|r| r.throughput_rps),
        goodput_rps: est(|r| r.goodput_rps),
        latency_ms: LatencyEstimate {
            mean: est(|r| r.latency_ms.mean),
            p50: est(|r| r.latency_ms.p50),
            p95: est(|r| r.latency_ms.p95),
            p99: est(|r| r.latency_ms.p99),
        },
        error_rate: est(|r| r.error_rate),
        bottleneck: top.and_then(|(id, _)| id.map(str::to_string)),
    }
}

/// t(0.975, df): the two-sided 95 % Student-t quantile; df = 1..=30 from the standard table
/// (`tests/sweep.rs` checks it by integrating the density), beyond 30 the Cornish-Fisher
/// expansion around z = 1.96, within 0.0005 there.
pub fn t95(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
        2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
        2.045, 2.042,
    ];
    if df == 0 {
        return f64::NAN;
    }
    if df <= 30 {
        return TABLE[df - 1];
    }
    let (z, v) = (1.959_964_f64, df as f64);
    let (z3, z5) = (z * z * z, z * z * z * z * z);
    z + (z3 + z) / (4.0 * v) + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * v * v)
}
