//! M/M/c stations (c = 1 in `mm1.rs`, c = 4 and 10 here) against Erlang C.
//!
//! One `check(c, ρ, noise)` runs the station over independent seeds and asserts the mean
//! response time and P(wait) against Erlang C, the 95th and 99th percentiles of the response
//! time against its distribution (only at ρ ≤ 0.9: a stable p99 needs about a million
//! requests at ρ = 0.9 and more beyond), and Little's law on the host and the whole system.

use super::build::{station, APP};
use super::little;
use super::measure::{per_seed, run_seeds, Plan};
use super::stats::Report;
use super::theory::{t99, Mmc};

/// Service rate of one core: 10 ms mean CPU time.
pub const MU: f64 = 100.0;
/// Independent seeds per case (each gives one estimate; the CI is over these).
pub const SEEDS: u64 = 8;

/// How much wider than predicted a 99% CI may be before a case counts as uninformative.
/// The prediction is t(0.995, 7)/√8 × the per-seed relative SD that an independent reference
/// simulation (plain Python, Kiefer–Wolfowitz recursion, 24 seeds, not this engine) measured
/// for the same model. Our 8-seed SD exceeds the true SD by more than √(χ²(0.99; 7)/7) = 1.62×
/// only 1% of the time, and a 24-seed SD is within about 25% of the truth; so 2× can only be
/// exceeded by an engine that is noisier than the model it claims to be (or measures little).
pub const SLACK: f64 = 2.0;

/// Noise of one seed's estimates as asymptotic coefficients: relative SD × √(requests per
/// seed), so one number serves any run length. Measured by the reference simulation at
/// 100,000 / 200,000 / 400,000 requests (ρ = 0.5 / 0.8 / 0.95). For c = 1 the mean's
/// coefficient agrees with Whitt's asymptotic variance of the M/M/1 time-average queue,
/// √(2(1+ρ))/(1−ρ) = 3.5, 9.5, 39.5. The reference counts P(wait) as the fraction of arrivals
/// that waited; here it is the fraction of grid instants with all servers busy (equal means by
/// PASTA, similar noise). Percentile coefficients are 0 where none is asserted.
#[derive(Clone, Copy, Debug)]
pub struct Noise {
    pub mean: f64,
    pub p_wait: f64,
    pub p95: f64,
    pub p99: f64,
}

/// Requests measured per seed. The relative error of a mean response time grows like
/// 1/(1 − ρ), so heavier load gets longer runs; ≈ 45 M requests over the nine M/M/c cases,
/// which keeps the whole binary near 40 s on one core.
pub fn requests(rho: f64) -> f64 {
    if rho <= 0.5 {
        100_000.0
    } else if rho <= 0.8 {
        400_000.0
    } else {
        1_000_000.0
    }
}

/// The largest CI half-width, relative to theory, that a case may have when one seed's
/// estimate has noise coefficient `coef` and takes `n` requests (or samples).
pub fn limit(coef: f64, n: f64) -> f64 {
    SLACK * t99(SEEDS as usize - 1) / (SEEDS as f64).sqrt() * coef / n.sqrt()
}

pub fn check(c: u32, rho: f64, noise: Noise) {
    let q = Mmc::at_rho(c, rho, MU);
    let n = requests(rho);
    let plan = Plan {
        // Ten relaxation times: from empty to within e^−10 of stationary.
        warmup_s: 10.0 * q.relaxation_s(),
        window_s: n / q.lambda,
        seeds: SEEDS,
        // Two samples per mean inter-departure time 1/(cμ) of the busy station: at least
        // 1/(2(1 − √ρ)²) ≥ 5.8 samples per relaxation time, and cheap against the run.
        sample_every_s: Some(2.0 / (c as f64 * MU)),
        probe: APP,
    };
    let runs = run_seeds(&station(c, q.lambda, MU).scenario(), &plan);
    let mut r = Report::default();
    r.within("mean response s", &per_seed(&runs, |o| o.mean_s), q.w(), limit(noise.mean, n), 0.0);
    // P(wait) = P(all c processes busy) at a random instant (PASTA), sampled on a grid.
    r.within("P(wait)", &per_seed(&runs, |o| o.all_busy), q.p_wait(), limit(noise.p_wait, n), 0.0);
    if rho <= 0.9 {
        for (label, p, sd, get) in [
            ("p95 response s", 0.95, noise.p95, (|o| o.p95_s) as fn(&super::measure::Outcome) -> f64),
            ("p99 response s", 0.99, noise.p99, |o| o.p99_s),
        ] {
            let theory = q.response_quantile(p);
            // The histogram reports a bucket's top: up to one bucket (theory × 10^−sigfig)
            // above the true quantile, plus the 1 µs integer step.
            let resolution = theory * runs[0].hist_rel + 1e-6;
            r.within(label, &per_seed(&runs, get), theory, limit(sd, n), resolution);
        }
    }
    r.holds(
        "every request served",
        runs.iter().all(|o| o.failed == 0 && o.completed > 0),
        format!("completed {:?}", per_seed(&runs, |o| o.completed as f64)),
    );
    r.note("mean queue", &per_seed(&runs, |o| o.components[APP].mean_queue(o.window_s)), q.lq());
    r.note("utilisation", &per_seed(&runs, |o| o.components[APP].utilization()), rho);
    r.note("arrival rate /s", &per_seed(&runs, |o| o.lambda()), q.lambda);
    little::check_stations(&mut r, &runs);
    little::check_system(&mut r, &runs, plan.sample_every_s.unwrap_or(0.0));
    let events: u64 = runs.iter().map(|o| o.events).sum();
    r.finish(&format!("M/M/{c} at rho {rho} ({events} events over {SEEDS} seeds)"));
}

#[test]
fn mm4_at_050() {
    check(4, 0.50, Noise { mean: 1.5, p_wait: 4.1, p95: 2.5, p99: 2.5 });
}

#[test]
fn mm4_at_080() {
    check(4, 0.80, Noise { mean: 6.4, p_wait: 3.5, p95: 8.1, p99: 13.0 });
}

#[test]
fn mm4_at_095() {
    check(4, 0.95, Noise { mean: 29.2, p_wait: 3.2, p95: 0.0, p99: 0.0 });
}

#[test]
fn mm10_at_050() {
    check(10, 0.50, Noise { mean: 1.2, p_wait: 11.5, p95: 1.8, p99: 2.4 });
}

#[test]
fn mm10_at_080() {
    check(10, 0.80, Noise { mean: 4.0, p_wait: 6.8, p95: 4.1, p99: 4.5 });
}

#[test]
fn mm10_at_095() {
    check(10, 0.95, Noise { mean: 24.2, p_wait: 5.1, p95: 0.0, p99: 0.0 });
}
