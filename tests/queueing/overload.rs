//! Overload (ρ > 1): the queue and the latency grow without bound until clients time out.
//!
//! One core serving at μ = 100/s takes λ = 200/s. As a fluid, the backlog after t seconds is
//! (λ − μ)·t = 100·t, and a request born at b waits b·(λ − μ)/μ = b seconds, so the requests
//! completing during second k were born around k·μ/λ and took about (k + ½)/2 s. With a 3 s
//! client timeout, requests born after about 3 s time out, the first ones near t = 6 s; none
//! can time out before t = 3 s. The random backlog is the fluid plus a random walk of SD
//! √((λ + μ)·t) ≈ 17·√t, so from t = 2 s on, "at least half the fluid" sits 4 SD away.

use archlab::engine::{secs, Sim};

use super::build::{station, APP};
use super::stats::Report;

#[test]
fn queue_and_latency_grow_until_timeouts() {
    let (lambda, mu) = (200.0, 100.0);
    let mut st = station(1, lambda, mu);
    st.timeout_ms = 3000.0;
    let mut sim = Sim::new(&st.scenario(), 11).expect("valid");
    let mut r = Report::default();
    let mut queues = Vec::new();
    for t in 1..=6 {
        sim.advance_to(secs(t as f64));
        queues.push(sim.snapshot().components[APP].queue as f64);
    }
    let growing = queues.windows(2).all(|w| w[1] > w[0]);
    let fluid_ok = queues.iter().enumerate().skip(1).all(|(i, q)| *q >= 0.5 * (lambda - mu) * (i + 1) as f64);
    r.holds("backlog grows every second", growing && fluid_ok, format!("backlog at 1..6 s: {queues:?}"));

    let series = &sim.metrics().series;
    let mean_at = |k: u64| series.iter().find(|s| s.second == k).map_or(0.0, |s| s.mean_ms);
    let means: Vec<f64> = (1..=5).map(mean_at).collect();
    let fluid: Vec<f64> = (1..=5).map(|k| 1000.0 * (k as f64 + 0.5) * (lambda - mu) / lambda).collect();
    let rising = means.windows(2).all(|w| w[1] > w[0]);
    let near = means.iter().zip(&fluid).skip(1).all(|(m, f)| *m >= 0.5 * f);
    r.holds(
        "mean latency grows every second",
        rising && near,
        format!("mean ms in seconds 1..5: {means:.0?} (fluid {fluid:.0?})"),
    );
    let early: u64 = series.iter().filter(|s| s.second < 3).map(|s| s.errors.timeout).sum();
    r.holds("no timeout before 3 s", early == 0, format!("{early} timeouts in seconds 0..3"));

    sim.advance_to(secs(20.0));
    let t = &sim.metrics().totals;
    r.holds(
        "timeouts appear",
        t.errors.timeout > 0,
        format!("by 20 s: {} arrived, {} completed, {} timed out", t.arrived, t.completed, t.errors.timeout),
    );
    r.finish("overload: one core, rho 2");
}
