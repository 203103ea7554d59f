//! Evidence over a recent window: per component utilisation (per resource too), queue growth
//! and fill, latency share; for the whole design responses, goodput, errors and latency.

use serde::{Deserialize, Serialize};

use crate::engine::{ErrorCause, Health, Metrics, SecondStats, Snapshot};
use crate::model::Scenario;

/// What the analysis knows about one component over the window.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Observed {
    /// Mean busy fraction over the window (0..=1), of the resource that limits.
    pub utilization: f64,
    /// Per resource over the last second (0..=1): busy cores ÷ cores, busy processes ÷
    /// processes (app tiers), busy connections ÷ connection limit (databases).
    pub cpu_utilization: f64,
    pub worker_utilization: f64,
    pub connection_utilization: f64,
    /// Slope of the mean queue length, in requests per second (positive: the queue grows).
    pub queue_growth_per_s: f64,
    pub queue_now: f64,
    /// Queue bound (0 when unbounded).
    pub queue_capacity: f64,
    /// Requests it failed during the last second (refused, queue full…).
    pub recent_errors: f64,
    /// Share of the end-to-end response time spent at this component itself (0..=1), not
    /// counting the time its requests spent further downstream.
    pub latency_share: f64,
    /// Not carried by a sweep's worker messages (the engine's `Health` has no serde, and no
    /// wording of a diagnosis reads it): a point read back says `Up`.
    #[serde(skip)]
    pub health: Health,
}

/// Evidence for every component, in scenario order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Observation {
    pub components: Vec<Observed>,
    /// Simulated seconds the evidence covers.
    pub window_s: usize,
    pub traffic: Traffic,
}

/// The whole design's responses over the window, per second.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Traffic {
    /// Responses of any kind (successes and failures) per second: the throughput.
    pub throughput_rps: f64,
    /// Successful responses per second.
    pub goodput_rps: f64,
    /// Requests that timed out, per second.
    pub timeouts_rps: f64,
    /// Requests that failed "too many connections" (an app process without a database
    /// connection), per second.
    pub too_many_connections_rps: f64,
    /// Failed / all responses.
    pub error_rate: f64,
    /// Median latency of successful responses, in ms (0 when none).
    pub p50_ms: f64,
    /// Attempts clients started per request born over the window (first attempts plus
    /// retries, ÷ first attempts; 1 without retries or without arrivals), from the per-second
    /// series, so the live callout sees a retry storm as the runner does. The runner replaces
    /// it with its summary's exact ratio over the measurement window.
    pub attempts_per_request: f64,
}

/// Running totals at one instant, so a later observation can look at what happened since.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cumulative {
    pub latency_sum_s: f64,
    pub sojourn_s: Vec<f64>,
    pub completions: Vec<u64>,
}

impl Cumulative {
    pub fn of(m: &Metrics) -> Cumulative {
        Cumulative {
            latency_sum_s: m.totals.latency_sum_s,
            sojourn_s: m.totals.components.iter().map(|c| c.sojourn_s).collect(),
            completions: m.totals.components.iter().map(|c| c.completions).collect(),
        }
    }

    fn since(&self, earlier: &Cumulative) -> Cumulative {
        let n = self.sojourn_s.len();
        Cumulative {
            latency_sum_s: self.latency_sum_s - earlier.latency_sum_s,
            sojourn_s: (0..n)
                .map(|i| self.sojourn_s[i] - earlier.sojourn_s.get(i).copied().unwrap_or(0.0))
                .collect(),
            completions: (0..n)
                .map(|i| self.completions[i].saturating_sub(earlier.completions.get(i).copied().unwrap_or(0)))
                .collect(),
        }
    }
}

/// Condenses the last `window_s` complete seconds of the run. `earlier` (totals taken a while
/// ago) makes the latency shares recent; without it they cover the whole measurement.
pub fn observe(
    scenario: &Scenario,
    snapshot: &Snapshot,
    metrics: &Metrics,
    window_s: usize,
    earlier: Option<&Cumulative>,
) -> Observation {
    let n = scenario.components.len();
    let rows: Vec<&SecondStats> = {
        let len = metrics.series.len();
        metrics.series.iter().skip(len.saturating_sub(window_s.max(1))).collect()
    };
    let now = Cumulative::of(metrics);
    let delta = match earlier {
        Some(e) if e.sojourn_s.len() == now.sojourn_s.len() => now.since(e),
        _ => now,
    };
    let shares = exclusive_shares(scenario, &delta);
    let components = (0..n)
        .map(|i| {
            let util: Vec<f64> =
                rows.iter().filter_map(|r| r.utilization.get(i)).map(|u| f64::from(*u)).collect();
            let queue: Vec<f64> = rows.iter().filter_map(|r| r.queue.get(i)).map(|q| f64::from(*q)).collect();
            let view = snapshot.components.get(i);
            let utilization = if util.is_empty() {
                view.map_or(0.0, |v| v.utilization)
            } else {
                util.iter().sum::<f64>() / util.len() as f64
            };
            Observed {
                utilization,
                cpu_utilization: view.map_or(0.0, |v| v.cpu_utilization),
                worker_utilization: view.map_or(0.0, |v| v.worker_utilization),
                connection_utilization: view.map_or(0.0, |v| v.connection_utilization),
                queue_growth_per_s: slope(&queue),
                queue_now: view.map_or(0.0, |v| f64::from(v.queue)),
                queue_capacity: view.map_or(0.0, |v| f64::from(v.queue_capacity)),
                recent_errors: view.map_or(0.0, |v| v.recent_errors as f64),
                latency_share: shares.get(i).copied().unwrap_or(0.0),
                health: view.map_or(Health::Up, |v| v.health),
            }
        })
        .collect();
    Observation { components, window_s: rows.len(), traffic: traffic(&rows) }
}

/// The design's responses over `rows`, per second.
fn traffic(rows: &[&SecondStats]) -> Traffic {
    let n = rows.len();
    if n == 0 {
        return Traffic::default();
    }
    let good: u64 = rows.iter().map(|r| r.goodput()).sum();
    let all: u64 = rows.iter().map(|r| r.answered()).sum();
    let timeouts: u64 = rows.iter().map(|r| r.errors.get(ErrorCause::Timeout)).sum();
    let too_many: u64 = rows.iter().map(|r| r.errors.get(ErrorCause::TooManyConnections)).sum();
    // The median of the window, approximated by the seconds' medians weighted by their counts.
    let p50_ms = if good > 0 {
        rows.iter().map(|r| r.p50_ms * r.completed as f64).sum::<f64>() / good as f64
    } else {
        0.0
    };
    let born: u64 = rows.iter().map(|r| r.arrived).sum();
    let retries: u64 = rows.iter().map(|r| r.retries).sum();
    let attempts_per_request = if born > 0 { (born + retries) as f64 / born as f64 } else { 1.0 };
    let per_s = |x: u64| x as f64 / n as f64;
    Traffic {
        throughput_rps: per_s(all),
        goodput_rps: per_s(good),
        timeouts_rps: per_s(timeouts),
        too_many_connections_rps: per_s(too_many),
        error_rate: if all > 0 { (all - good) as f64 / all as f64 } else { 0.0 },
        p50_ms,
        attempts_per_request,
    }
}

/// Least-squares slope of equally spaced samples (one per second).
pub(crate) fn slope(ys: &[f64]) -> f64 {
    let n = ys.len();
    if n < 2 {
        return 0.0;
    }
    let mean_x = (n - 1) as f64 / 2.0;
    let mean_y = ys.iter().sum::<f64>() / n as f64;
    let (mut num, mut den) = (0.0, 0.0);
    for (i, y) in ys.iter().enumerate() {
        let dx = i as f64 - mean_x;
        num += dx * (y - mean_y);
        den += dx * dx;
    }
    num / den
}

/// The engine measures time at a component inclusively (an app server's time includes its
/// database queries, a load balancer's everything behind it). Subtract each child's time,
/// split between its parents by how many requests each parent completed, to get the time
/// spent at the component itself, as a share of the end-to-end time.
fn exclusive_shares(s: &Scenario, d: &Cumulative) -> Vec<f64> {
    let n = s.components.len();
    if d.latency_sum_s <= 0.0 || d.sojourn_s.len() != n {
        return vec![0.0; n];
    }
    let index = |id: &str| s.components.iter().position(|c| c.id == id);
    let edges: Vec<(usize, usize)> =
        s.links.iter().filter_map(|l| Some((index(&l.from)?, index(&l.to)?))).collect();
    let mut own = d.sojourn_s.clone();
    for &(p, c) in &edges {
        let parents_done: u64 =
            edges.iter().filter(|(_, cc)| *cc == c).map(|(pp, _)| d.completions[*pp]).sum();
        let frac = if parents_done > 0 { d.completions[p] as f64 / parents_done as f64 } else { 0.0 };
        own[p] -= d.sojourn_s[c] * frac;
    }
    own.iter().map(|t| (t / d.latency_sum_s).clamp(0.0, 1.0)).collect()
}
