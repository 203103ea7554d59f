//! What a lesson check looks at: a plain summary of the run, filled by the UI from the
//! engine's metrics (or by a test by hand), so checks stay pure and testable without a run.

use super::pricing::design_cost;
use crate::engine::{to_secs, Metrics, Time};
use crate::model::Scenario;
use crate::sweep::knee_of;

/// One simulated second as the checks need it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SecondSummary {
    pub second: u64,
    pub completed: u64,
    pub failed: u64,
    pub p95_ms: f64,
}

/// What the UI knows about the run so far. Totals are over the measurement window, which the
/// UI restarts (after a warm-up) when the design or the rate changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunSummary {
    /// Simulated time now, in seconds.
    pub elapsed_s: f64,
    /// The traffic rate currently set.
    pub offered_rps: f64,
    pub throughput_rps: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub mean_ms: f64,
    pub error_rate: f64,
    /// When the first fault was applied (timeline or click), in simulated seconds.
    pub first_fault_s: Option<f64>,
    /// Per simulated second, oldest first.
    pub seconds: Vec<SecondSummary>,
    /// Utilisation over the window by component id.
    pub utilization: Vec<(String, f64)>,
    /// What the design costs per month at catalog prices (the stats bar's cost meter).
    pub cost_per_month_usd: f64,
    /// What the Curve tab's sweeps found (filled by the UI, which holds them).
    pub sweeps: SweepSummary,
}

/// Where a complete sweep puts the knee (p95 at twice its low-load value).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KneeReading {
    /// At this offered load, in req/s.
    At(f64),
    /// Past the sweep's highest offered load, this one: p95 never doubled.
    Beyond(f64),
}

impl KneeReading {
    /// The reading of a complete curve's (offered load, p95) points; `None` for fewer than two
    /// points (no curve to read).
    pub fn of(curve: &[(f64, f64)]) -> Option<KneeReading> {
        if curve.len() < 2 {
            return None;
        }
        Some(match knee_of(curve.iter().copied()) {
            Some(k) => KneeReading::At(k),
            None => KneeReading::Beyond(curve.iter().map(|p| p.0).fold(0.0, f64::max)),
        })
    }
}

/// The Curve tab's state as a lesson check reads it: the knees of the pinned curve ("before")
/// and of the last complete sweep ("after").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SweepSummary {
    /// The pinned curve's knee; `None` when nothing is pinned.
    pub pinned: Option<KneeReading>,
    /// The last complete sweep's knee, when it is of the design on the canvas now.
    pub current: Option<KneeReading>,
    /// A complete sweep exists, but of a design changed since.
    pub current_stale: bool,
}

impl RunSummary {
    /// Fills a summary from the engine's metrics at `now`.
    pub fn from_metrics(
        s: &Scenario,
        m: &Metrics,
        now: Time,
        offered_rps: f64,
        first_fault_s: Option<f64>,
    ) -> RunSummary {
        RunSummary {
            elapsed_s: to_secs(now),
            offered_rps,
            throughput_rps: m.throughput_rps(now),
            p50_ms: m.latency_ms(0.5),
            p95_ms: m.latency_ms(0.95),
            p99_ms: m.latency_ms(0.99),
            mean_ms: m.mean_latency_ms(),
            error_rate: m.error_rate(),
            first_fault_s,
            seconds: m
                .series
                .iter()
                .map(|r| SecondSummary {
                    second: r.second,
                    completed: r.completed,
                    failed: r.errors.total(),
                    p95_ms: r.p95_ms,
                })
                .collect(),
            utilization: s
                .components
                .iter()
                .zip(&m.totals.components)
                .map(|(c, t)| (c.id.clone(), t.utilization()))
                .collect(),
            cost_per_month_usd: design_cost(s).per_month(),
            sweeps: SweepSummary::default(),
        }
    }

    /// Requests that failed in the seconds in [from, to); `None` when no request ended there
    /// at all (a window nobody measured proves nothing).
    pub fn window_failed(&self, from_s: f64, to_s: f64) -> Option<u64> {
        let (done, failed) = self
            .in_window(from_s, to_s)
            .fold((0u64, 0u64), |(d, f), r| (d + r.completed + r.failed, f + r.failed));
        (done > 0).then_some(failed)
    }

    /// Error rate over the seconds in [from, to); 1.0 when nothing finished there at all.
    pub fn window_error_rate(&self, from_s: f64, to_s: f64) -> f64 {
        let (done, failed) = self
            .in_window(from_s, to_s)
            .fold((0u64, 0u64), |(d, f), r| (d + r.completed + r.failed, f + r.failed));
        if done == 0 {
            1.0
        } else {
            failed as f64 / done as f64
        }
    }

    /// Completion-weighted mean of the per-second p95 over [from, to); infinite when empty.
    pub fn window_p95_ms(&self, from_s: f64, to_s: f64) -> f64 {
        let (n, sum) = self
            .in_window(from_s, to_s)
            .fold((0u64, 0.0), |(n, s), r| (n + r.completed, s + r.p95_ms * r.completed as f64));
        if n == 0 {
            f64::INFINITY
        } else {
            sum / n as f64
        }
    }

    fn in_window(&self, from_s: f64, to_s: f64) -> impl Iterator<Item = &SecondSummary> {
        self.seconds.iter().filter(move |r| r.second as f64 >= from_s && (r.second as f64) < to_s)
    }
}
