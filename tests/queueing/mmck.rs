//! M/M/c/K: c processes on c cores with a backlog of K − c places. An arrival that finds K
//! requests present fails with "queue full"; by PASTA the fraction failing is p_K.

use super::build::{station, APP};
use super::little;
use super::measure::{per_seed, run_seeds, Plan};
use super::mmc::{limit, MU, SEEDS};
use super::stats::Report;
use super::theory::Mmck;

/// Requests per seed: the blocking fraction of a small finite queue mixes fast (its
/// relaxation is at most K²/(cμ)), so 100,000 arrivals pin p_K to about 1–2% per seed.
const REQUESTS: f64 = 100_000.0;

/// `noise_*`: the noise coefficients (`mmc::Noise`) of the blocking fraction and of the admitted
/// mean response time, from the reference simulation (a birth-death chain, 24 seeds, 100,000
/// arrivals each).
fn check(c: u32, k: u32, rho: f64, noise_blocking: f64, noise_mean: f64) {
    let q = Mmck { c, k, lambda: rho * c as f64 * MU, mu: MU };
    let plan = Plan {
        warmup_s: 10.0 * q.relaxation_s(),
        window_s: REQUESTS / q.lambda,
        seeds: SEEDS,
        sample_every_s: Some(2.0 / (c as f64 * MU)),
        probe: APP,
    };
    let mut st = station(c, q.lambda, MU);
    st.backlog = Some(k - c);
    let runs = run_seeds(&st.scenario(), &plan);
    let mut r = Report::default();
    let blocked = per_seed(&runs, |o| o.queue_full as f64 / o.arrived as f64);
    r.within("blocking P(K present)", &blocked, q.blocking(), limit(noise_blocking, REQUESTS), 0.0);
    r.within(
        "mean response of admitted s",
        &per_seed(&runs, |o| o.mean_s),
        q.w(),
        limit(noise_mean, REQUESTS),
        0.0,
    );
    r.holds(
        "only queue-full failures",
        runs.iter().all(|o| o.failed == o.queue_full),
        format!(
            "failed {:?}, of them queue full {:?}",
            per_seed(&runs, |o| o.failed as f64),
            per_seed(&runs, |o| o.queue_full as f64)
        ),
    );
    let l = per_seed(&runs, |o| o.components[APP].present_s / o.window_s);
    r.note("mean number present", &l, q.l());
    little::check_stations(&mut r, &runs);
    r.finish(&format!("M/M/{c}/{k} at rho {rho}"));
}

#[test]
fn mm1k5_at_090() {
    check(1, 5, 0.9, 3.95, 2.15);
}

/// K = c, no waiting room: the Erlang B loss system.
#[test]
fn mm2k2_erlang_b() {
    check(2, 2, 0.8, 1.64, 1.30);
}

/// Offered load above capacity: a finite queue stays stable and sheds the excess.
#[test]
fn mm4k10_at_150() {
    check(4, 10, 1.5, 2.59, 1.80);
}
