//! Little's law, L = λ·W, on every station and on the whole system.
//!
//! Per component the engine reports the time-integral of requests present (`present_s`) and
//! the summed time completed requests spent there (`sojourn_s`). Over a window of length T,
//! L = present_s/T and λ·W = (completions/T)·(sojourn_s/completions) = sojourn_s/T, so the law
//! says present_s = sojourn_s. The two are sums over the same sample path and differ only by
//! the requests straddling the window's two ends: about L requests × a mean sojourn W each, out
//! of λ·T·W, a relative gap near W/T (below 1e-4 in every case here; 1e-3 in the shortest).
//! A 1% tolerance is therefore ten times the worst edge effect, and far below any real
//! bookkeeping error (leaving out the wait in queue or the service would be 10% to 50%).
//! The whole system is checked independently of these totals: `Sim::in_flight` sampled on a
//! grid against the arrival rate times the end-to-end mean latency.

use super::build::{station, APP};
use super::measure::{per_seed, run_seeds, Outcome, Plan};
use super::mmc::{limit, SEEDS};
use super::stats::Report;
use super::theory::Mmc;

/// Per seed, per component that reports sojourn times: |present_s / sojourn_s − 1| ≤ 1%.
pub fn check_stations(r: &mut Report, runs: &[Outcome]) {
    const TOLERANCE: f64 = 0.01;
    let n = runs[0].components.len();
    for i in 0..n {
        let ratios: Vec<f64> = runs
            .iter()
            .filter(|o| o.components[i].completions > 0 && o.components[i].sojourn_s > 0.0)
            .map(|o| o.components[i].present_s / o.components[i].sojourn_s)
            .collect();
        if ratios.is_empty() {
            continue;
        }
        let worst = ratios.iter().map(|x| (x - 1.0).abs()).fold(0.0, f64::max);
        r.holds(
            &format!("Little on component {i}"),
            worst <= TOLERANCE,
            format!("L/(λW) = present_s/sojourn_s per seed {ratios:.5?}, worst |ratio−1| {worst:.2e} ≤ {TOLERANCE}"),
        );
    }
}

/// Across seeds: the grid mean of `in_flight` over (arrived/T × mean latency) has a 99% CI
/// holding 1. Its half-width limit: the grid average differs from the true time average L by
/// a discretisation error whose per-seed SD is at most √(Var N / (L²·samples)) (independent
/// samples; neighbouring ones are positively correlated with the truth, so smaller), and
/// Var N / L² ≤ 1/ρ ≤ 2 for these stations (ρ ≥ 0.5), so the per-seed SD is at most
/// √(2/samples), which `limit` turns into the allowed half-width.
pub fn check_system(r: &mut Report, runs: &[Outcome], dt_s: f64) {
    let ratios = per_seed(runs, |o| o.in_flight / (o.lambda() * o.mean_s));
    let samples = runs[0].window_s / dt_s;
    r.within("Little, whole system", &ratios, 1.0, limit(2f64.sqrt(), samples), 0.0);
}

/// A dedicated case at higher load with a tandem behind it lives in `tandem.rs`; this one
/// checks Little alone on an M/M/3 at ρ = 0.9, which has long queues and short runs.
#[test]
fn little_on_a_busy_station() {
    let q = Mmc::at_rho(3, 0.9, 100.0);
    let (c, mu, lambda) = (q.c, q.mu, q.lambda);
    let plan = Plan {
        warmup_s: 10.0 * q.relaxation_s(),
        window_s: 50_000.0 / lambda,
        seeds: SEEDS,
        sample_every_s: Some(2.0 / (c as f64 * mu)),
        probe: APP,
    };
    let runs = run_seeds(&station(c, lambda, mu).scenario(), &plan);
    let mut r = Report::default();
    check_stations(&mut r, &runs);
    check_system(&mut r, &runs, plan.sample_every_s.unwrap_or(1.0));
    r.finish("Little's law, M/M/3 at rho 0.9");
}
