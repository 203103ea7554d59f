//! One point of a sweep: the design at one offered load, warmed up, measured, diagnosed.

use crate::analysis::{diagnose, observe, Diagnosis};
use crate::engine::{secs, LatencySummary, Sim, NS_PER_S};
use crate::model::{Diagnostic, Pattern, Scenario};

/// Simulated seconds of warm-up before a point's window, and the window, unless asked
/// otherwise: the runner's defaults and the Curve tab's, so the page's numbers equal the
/// runner's for the same file (and a lesson's knees, computed natively, equal the page's).
pub const DEFAULT_WARMUP_S: f64 = 10.0;
pub const DEFAULT_SECONDS: f64 = 60.0;

/// What one run at one offered load measured over its window (after the warm-up).
#[derive(Clone, Debug, PartialEq)]
pub struct SweepPoint {
    /// The steady request rate the clients offered, per second.
    pub offered_rps: f64,
    /// The seed this point ran with (see [`point_seed`](super::point_seed)); loading the same
    /// design at this rate with this seed replays the run.
    pub seed: u64,
    /// Requests answered per second of the window, successfully or not (a refusal or a
    /// timeout counts: the design dealt with the request).
    pub throughput_rps: f64,
    /// Successful responses per second of the window.
    pub goodput_rps: f64,
    /// End-to-end latency of the successful requests born in the window, in ms.
    pub latency_ms: LatencySummary,
    /// Failed / (completed + failed), over requests born in the window.
    pub error_rate: f64,
    /// The component that limits the design over the window, with its evidence: the same
    /// diagnosis as the live callout.
    pub bottleneck: Diagnosis,
    /// Engine events processed, warm-up included (for events/s benchmarks).
    pub events: u64,
}

impl SweepPoint {
    /// The limiting component's id, if any.
    pub fn bottleneck_id(&self) -> Option<&str> {
        self.bottleneck.id.as_deref()
    }
}

/// Runs `scenario` with its clients offering a steady `offered_rps` (Poisson or uniform as
/// the scenario says; everything else, faults and operations included, as drawn) for
/// `warmup_s` simulated seconds, then measures `seconds` more.
///
/// Latency and the error rate count only requests born in the window (a system that starts
/// empty reads low; see the warm-up guidance in DESIGN.md). Throughput and goodput count
/// every response the window saw, whenever its request was born: above saturation the queue
/// built during the warm-up drains into the window, and counting only the window's own
/// requests would read the capacity low by that backlog. They come from the per-second
/// series, so they cover the whole seconds of the window (its last 600 s when it is longer).
///
/// Pure: no thread, no clock. An invalid scenario or rate returns the validator's
/// diagnostics.
pub fn sweep_point(
    scenario: &Scenario,
    offered_rps: f64,
    warmup_s: f64,
    seconds: f64,
    seed: u64,
) -> Result<SweepPoint, Vec<Diagnostic>> {
    let mut s = scenario.clone();
    s.traffic.rate_rps = offered_rps;
    s.traffic.pattern = Pattern::Steady;
    let mut sim = Sim::new(&s, seed)?;
    let (start, end) = (secs(warmup_s), secs(warmup_s) + secs(seconds));
    sim.set_measure_from(start);
    sim.advance_to(end);

    let m = sim.metrics();
    let t = &m.totals;
    // Whole seconds inside [start, end): rows are labelled by the second they start at.
    let (first, last) = (start.div_ceil(NS_PER_S), end / NS_PER_S);
    let rows: Vec<_> = m.series.iter().filter(|r| r.second >= first && r.second < last).collect();
    let (throughput_rps, goodput_rps) = if rows.is_empty() {
        // A window shorter than a whole second: the window's own requests are all there is.
        let w = m.window_s(sim.now());
        let per_s = |n: u64| if w > 0.0 { n as f64 / w } else { 0.0 };
        (per_s(t.completed + t.failed), per_s(t.completed))
    } else {
        let n = rows.len() as f64;
        let good: u64 = rows.iter().map(|r| r.completed).sum();
        let bad: u64 = rows.iter().map(|r| r.errors.total()).sum();
        ((good + bad) as f64 / n, good as f64 / n)
    };
    let window_rows = (last.saturating_sub(first) as usize).max(1);
    let obs = observe(&s, &sim.snapshot(), m, window_rows, None);
    Ok(SweepPoint {
        offered_rps,
        seed,
        throughput_rps,
        goodput_rps,
        latency_ms: LatencySummary {
            mean: m.mean_latency_ms(),
            p50: m.latency_ms(0.5),
            p95: m.latency_ms(0.95),
            p99: m.latency_ms(0.99),
        },
        error_rate: m.error_rate(),
        bottleneck: diagnose(&s, &obs),
        events: sim.events_processed(),
    })
}
