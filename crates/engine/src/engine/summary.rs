//! The results of a run as plain numbers, for the headless runner, lessons and the UI.
//!
//! `run` is the whole headless run: build, warm up, measure, summarise. Formatting (a table,
//! JSON) belongs to whoever prints it.

use crate::model::{Diagnostic, Kind, Scenario};

use super::{secs, ErrorCause, Sim};

#[derive(Clone, Debug, PartialEq)]
pub struct LatencySummary {
    pub mean: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ComponentSummary {
    pub id: String,
    /// "clients", "dns", "load_balancer", "app_server", "database".
    pub kind: &'static str,
    /// The limiting resource's busy fraction over the window: the largest of the three below.
    pub utilization: f64,
    /// Window averages, as in [`super::ComponentView`]: busy cores ÷ cores of the hosts up
    /// (app tiers and databases), busy workers (app tiers), connections running a query
    /// (databases); 0 where the component has no such resource.
    pub cpu_utilization: f64,
    pub worker_utilization: f64,
    pub connection_utilization: f64,
    pub mean_queue: f64,
    /// Requests (queries for a database) served per second of the window.
    pub throughput_rps: f64,
    pub arrivals: u64,
    pub errors: u64,
    pub mean_sojourn_ms: f64,
}

/// Totals of the measurement window.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Length of the measurement window, in simulated seconds.
    pub window_s: f64,
    /// Responses of any kind (successes and failures) to the window's requests, per second.
    pub throughput_rps: f64,
    /// Successful responses to the window's requests, per second.
    pub goodput_rps: f64,
    /// End-to-end latency of successful requests, in ms.
    pub latency_ms: LatencySummary,
    /// Time to failure of failed requests (until the client learnt it: its timeout, or the
    /// error's arrival), in ms.
    pub failed_latency_ms: LatencySummary,
    pub error_rate: f64,
    /// Failed requests by cause, in `ErrorCause::ALL` order.
    pub errors: Vec<(ErrorCause, u64)>,
    pub arrived: u64,
    /// Attempts of the window's requests (first attempts and retries), and the retries alone:
    /// a request counts once in `arrived`, `completed` and `failed` however often it is tried.
    pub attempts: u64,
    pub retries: u64,
    pub completed: u64,
    pub failed: u64,
    /// Requests of the window still in flight at the end (arrived - completed - failed).
    pub in_flight: u64,
    pub components: Vec<ComponentSummary>,
    pub events: u64,
}

impl Summary {
    /// Summarises `sim` as it stands; `scenario` gives the ids and kinds.
    pub fn of(sim: &Sim, scenario: &Scenario) -> Summary {
        let m = sim.metrics();
        let now = sim.now();
        let w = m.window_s(now);
        let t = &m.totals;
        let per_s = |n: u64| if w > 0.0 { n as f64 / w } else { 0.0 };
        let components = scenario
            .components
            .iter()
            .zip(&t.components)
            .map(|(c, ct)| ComponentSummary {
                id: c.id.clone(),
                kind: match c.kind {
                    Kind::Clients(_) => "clients",
                    Kind::Dns(_) => "dns",
                    Kind::LoadBalancer(_) => "load_balancer",
                    Kind::AppServer(_) => "app_server",
                    Kind::Database(_) => "database",
                },
                utilization: ct.utilization(),
                cpu_utilization: ct.cpu_utilization(),
                worker_utilization: match c.kind {
                    Kind::AppServer(_) => ct.servers_utilization(),
                    _ => 0.0,
                },
                connection_utilization: match c.kind {
                    Kind::Database(_) => ct.servers_utilization(),
                    _ => 0.0,
                },
                mean_queue: ct.mean_queue(w),
                throughput_rps: per_s(ct.completions),
                arrivals: ct.arrivals,
                errors: ct.errors,
                mean_sojourn_ms: ct.mean_sojourn_s() * 1000.0,
            })
            .collect();
        Summary {
            window_s: w,
            throughput_rps: m.answered_rps(now),
            goodput_rps: m.goodput_rps(now),
            failed_latency_ms: LatencySummary {
                mean: m.mean_failed_latency_ms(),
                p50: m.failed_latency_ms(0.5),
                p95: m.failed_latency_ms(0.95),
                p99: m.failed_latency_ms(0.99),
            },
            latency_ms: LatencySummary {
                mean: m.mean_latency_ms(),
                p50: m.latency_ms(0.5),
                p95: m.latency_ms(0.95),
                p99: m.latency_ms(0.99),
            },
            error_rate: m.error_rate(),
            errors: ErrorCause::ALL.iter().map(|&c| (c, t.errors.get(c))).collect(),
            arrived: t.arrived,
            attempts: t.attempts(),
            retries: t.retries,
            completed: t.completed,
            failed: t.failed,
            in_flight: t.arrived - t.completed - t.failed,
            components,
            events: sim.events_processed(),
        }
    }
}

/// Runs `scenario` headless for `seconds` with `seed`, measuring after `warmup` seconds.
pub fn run(scenario: &Scenario, seconds: f64, seed: u64, warmup: f64) -> Result<Summary, Vec<Diagnostic>> {
    let mut sim = Sim::new(scenario, seed)?;
    sim.set_measure_from(secs(warmup));
    sim.advance_to(secs(seconds));
    Ok(Summary::of(&sim, scenario))
}
