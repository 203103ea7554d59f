//! Runs a scenario over independent seeds and reads what the theory talks about.
//!
//! Each run warms up for about ten relaxation times (an empty system reads low), then measures
//! a window in which only requests born inside it count (`Sim::set_measure_from`). Requests
//! still in flight when the window closes are left out of the latency totals; there are about
//! L of them against λ·T counted, a bias below 1e-4 relative for every case here.

use archlab::engine::{secs, to_secs, ComponentTotals, Sim, Time};
use archlab::model::Scenario;

/// How long to run and what to sample.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    pub warmup_s: f64,
    pub window_s: f64,
    pub seeds: u64,
    /// Sample the snapshot every this many seconds (time averages no total gives: P(all
    /// servers busy), requests in flight). `None` advances in one step.
    pub sample_every_s: Option<f64>,
    /// The component whose busy servers are sampled.
    pub probe: usize,
}

/// What one seed measured over its window.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub window_s: f64,
    pub arrived: u64,
    pub completed: u64,
    pub failed: u64,
    pub queue_full: u64,
    pub mean_s: f64,
    pub p95_s: f64,
    pub p99_s: f64,
    /// Relative resolution of the latency histogram's buckets (10^−significant figures).
    pub hist_rel: f64,
    pub components: Vec<ComponentTotals>,
    /// Fraction of sampled instants at which every server of `probe` was busy.
    pub all_busy: f64,
    /// Mean of `Sim::in_flight` over the sampled instants.
    pub in_flight: f64,
    pub events: u64,
}

impl Outcome {
    pub fn lambda(&self) -> f64 {
        self.arrived as f64 / self.window_s
    }
}

/// Runs `seeds` independent seeds (1, 2, …; each case has its own scenario, so no two cases
/// share a stream).
pub fn run_seeds(s: &Scenario, plan: &Plan) -> Vec<Outcome> {
    (1..=plan.seeds).map(|seed| run(s, seed, plan)).collect()
}

pub fn run(s: &Scenario, seed: u64, plan: &Plan) -> Outcome {
    let mut sim = Sim::new(s, seed).expect("test scenarios are valid");
    let start: Time = secs(plan.warmup_s);
    let end: Time = start + secs(plan.window_s);
    sim.advance_to(start);
    sim.set_measure_from(start);
    let (mut samples, mut busy, mut present) = (0u64, 0u64, 0u64);
    match plan.sample_every_s {
        None => sim.advance_to(end),
        Some(dt) => {
            let dt = secs(dt).max(1);
            let mut t = start + dt;
            while t <= end {
                sim.advance_to(t);
                let snap = sim.snapshot();
                let view = &snap.components[plan.probe];
                samples += 1;
                busy += u64::from(view.capacity > 0 && view.busy >= view.capacity);
                present += sim.in_flight();
                t += dt;
            }
            sim.advance_to(end);
        }
    }
    let m = sim.metrics();
    let tot = &m.totals;
    let h = &tot.latency_us;
    let q = |p: f64| if h.is_empty() { 0.0 } else { h.value_at_quantile(p) as f64 * 1e-6 };
    Outcome {
        window_s: to_secs(end - start),
        arrived: tot.arrived,
        completed: tot.completed,
        failed: tot.failed,
        queue_full: tot.errors.queue_full,
        mean_s: if tot.completed > 0 { tot.latency_sum_s / tot.completed as f64 } else { 0.0 },
        p95_s: q(0.95),
        p99_s: q(0.99),
        hist_rel: 10f64.powi(-i32::from(h.sigfig())),
        components: tot.components.clone(),
        all_busy: busy as f64 / samples.max(1) as f64,
        in_flight: present as f64 / samples.max(1) as f64,
        events: sim.events_processed(),
    }
}

/// One value per seed.
pub fn per_seed(runs: &[Outcome], f: impl Fn(&Outcome) -> f64) -> Vec<f64> {
    runs.iter().map(f).collect()
}
