//! The headline numbers: time, throughput, latency percentiles, errors, requests in flight.

use yew::prelude::*;

use super::money::{format_availability, format_gb, format_usd};
use crate::catalog::pricing::{design_cost, HOURS_PER_MONTH};
use crate::engine::to_secs;
use crate::i18n::{format_ms, format_number, format_percent, format_rate, format_time, t, tf, Key, Lang};
use crate::ui::components::canvas::overlay::MAX_DOTS;
use crate::ui::state::runtime::Runtime;

/// A plain copy of the numbers shown, taken a few times a second from the engine.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LiveNumbers {
    pub time_s: f64,
    /// Requests served in the last complete simulated second.
    pub throughput_rps: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub error_rate: f64,
    /// Attempts started per request born in the last complete second (1 without retries): a
    /// retry storm shows as a number well above 1.
    pub attempts_per_request: f64,
    pub in_flight: u64,
    /// Requests drawn on the canvas / requests on the wire.
    pub dots: (usize, usize),
    /// Requests answered and failed since the run began (availability).
    pub completed_total: u64,
    pub failed_total: u64,
    pub cost: CostNumbers,
}

/// The cost meter's numbers: the bill per hour at the current fleet, by part, and the run's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CostNumbers {
    pub per_hour: f64,
    pub so_far: f64,
    /// Billed app servers now, and what they cost per hour.
    pub servers: u32,
    pub instances_hour: f64,
    pub load_balancers_hour: f64,
    pub databases_hour: f64,
    pub dns_hour: f64,
    /// Bytes that crossed zones, and regions, so far.
    pub cross_zone_bytes: u64,
    pub inter_region_bytes: u64,
}

impl CostNumbers {
    pub fn read(rt: &Runtime) -> Self {
        let sim = rt.sim();
        let design = design_cost(rt.scenario());
        let fixed = design.load_balancers_hour + design.databases_hour + design.dns_hour;
        let per_hour = sim.cost_per_hour_usd();
        let servers = (0..rt.scenario().components.len()).filter_map(|i| sim.billed_hosts(i)).sum::<u32>();
        let (cross_zone_bytes, inter_region_bytes) = sim.transferred_bytes();
        CostNumbers {
            per_hour,
            so_far: sim.cost_so_far_usd(),
            servers,
            instances_hour: (per_hour - fixed).max(0.0),
            load_balancers_hour: design.load_balancers_hour,
            databases_hour: design.databases_hour,
            dns_hour: design.dns_hour,
            cross_zone_bytes,
            inter_region_bytes,
        }
    }

    /// The tooltip: what the hourly figure is made of, and what only the run's figure holds.
    pub fn explain(&self, lang: Lang) -> String {
        let h = |v: f64| format_usd(v);
        [
            tf(lang, Key::CostInstances, &[&self.servers.to_string(), &h(self.instances_hour)]),
            tf(lang, Key::CostLoadBalancers, &[&h(self.load_balancers_hour)]),
            tf(lang, Key::CostDatabases, &[&h(self.databases_hour)]),
            tf(lang, Key::CostDns, &[&h(self.dns_hour)]),
            tf(
                lang,
                Key::CostTransfer,
                &[&format_gb(self.cross_zone_bytes), &format_gb(self.inter_region_bytes)],
            ),
            t(lang, Key::CostNote).to_string(),
        ]
        .join("\n")
    }
}

impl LiveNumbers {
    /// Reads the last complete simulated second of the run.
    pub fn read(rt: &Runtime) -> Self {
        let sim = rt.sim();
        let last = sim.metrics().series.back();
        let (tp, p50, p95, p99, err) = last.map_or((0.0, 0.0, 0.0, 0.0, 0.0), |s| {
            let done = s.completed + s.errors.total();
            let err = if done > 0 { s.errors.total() as f64 / done as f64 } else { 0.0 };
            (s.completed as f64, s.p50_ms, s.p95_ms, s.p99_ms, err)
        });
        let (drawn, total) = sim.dots(MAX_DOTS);
        LiveNumbers {
            time_s: to_secs(sim.now()),
            throughput_rps: tp,
            p50_ms: p50,
            p95_ms: p95,
            p99_ms: p99,
            error_rate: err,
            attempts_per_request: last.map_or(0.0, |s| s.attempts_per_request()).max(1.0),
            in_flight: sim.in_flight(),
            dots: (drawn.len(), total),
            completed_total: sim.metrics().totals.completed,
            failed_total: sim.metrics().totals.failed,
            cost: CostNumbers::read(rt),
        }
    }
}

/// A plain function of the dashboard, not a component: it holds no state of its own.
///
/// On a phone the numbers are a strip docked at the bottom of the screen (static/narrow.css):
/// the ones marked `minor` (p50, p99, in flight, cost) give way there, so time, throughput,
/// p95, errors and availability fit one or two rows beside the Play button.
pub fn stats(lang: Lang, n: &LiveNumbers) -> Html {
    let stat = |label: String, value: String, id: &'static str| {
        let minor = matches!(id, "p50" | "p99" | "in-flight");
        let class = classes!("stat", minor.then_some("minor"));
        html! {
            <div {class}><span class="label">{label}</span>
                <span class="value" data-testid={id}>{value}</span></div>
        }
    };
    let ms = |v: f64| format!("{} {}", format_ms(v), t(lang, Key::UnitMs));
    html! {
        <div class="stats" aria-label={t(lang, Key::Dashboard)} aria-live="off">
            { stat(t(lang, Key::SimTime).into(), format_time(n.time_s), "sim-time") }
            { stat(t(lang, Key::Throughput).into(),
                   format!("{} {}", format_rate(n.throughput_rps), t(lang, Key::UnitRps)), "throughput") }
            { stat("p50".into(), ms(n.p50_ms), "p50") }
            { stat("p95".into(), ms(n.p95_ms), "p95") }
            { stat("p99".into(), ms(n.p99_ms), "p99") }
            { stat(t(lang, Key::ErrorRate).into(), format!("{} %", format_percent(n.error_rate)), "error-rate") }
            <div class="stat minor" title={t(lang, Key::AttemptsPerRequestHelp)}>
                <span class="label">{ t(lang, Key::AttemptsPerRequest) }</span>
                <span class="value" data-testid="attempts-per-request">{ format!("{:.2}", n.attempts_per_request) }</span>
            </div>
            { stat(t(lang, Key::InFlight).into(), format_number(n.in_flight), "in-flight") }
            <div class="stat" title={t(lang, Key::AvailabilityHelp)}>
                <span class="label">{ t(lang, Key::Availability) }</span>
                <span class="value" data-testid="availability">
                    { format_availability(n.completed_total, n.failed_total) }</span>
            </div>
            <div class="stat cost minor" title={n.cost.explain(lang)} data-testid="cost-meter"
                 data-per-hour={format!("{:.6}", n.cost.per_hour)} data-so-far={format!("{:.6}", n.cost.so_far)}
                 data-servers={n.cost.servers.to_string()}>
                <span class="label">{ t(lang, Key::CostLabel) }</span>
                <span class="value" data-testid="cost-rate">
                    { format!("{} · {}", tf(lang, Key::CostPerHour, &[&format_usd(n.cost.per_hour)]),
                        tf(lang, Key::CostPerMonth, &[&format_usd(n.cost.per_hour * HOURS_PER_MONTH)])) }
                </span>
                <span class="run-cost" data-testid="cost-run">
                    { tf(lang, Key::CostThisRun, &[&format_usd(n.cost.so_far)]) }</span>
            </div>
            if n.dots.1 > n.dots.0 {
                <div class="sampled" data-testid="dots-sampled">
                    { tf(lang, Key::DotsSampled, &[&format_number(n.dots.0 as u64), &format_number(n.dots.1 as u64)]) }
                </div>
            }
        </div>
    }
}
