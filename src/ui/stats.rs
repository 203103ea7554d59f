//! The live numbers panel: throughput, latency percentiles, errors, utilisation.

use yew::prelude::*;

use crate::engine::{to_secs, Metrics};

/// A plain copy of the numbers shown, taken a few times a second from the engine.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LiveNumbers {
    pub time_s: f64,
    pub throughput_rps: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub error_rate: f64,
    pub utilization: Vec<(String, f64)>,
    pub achieved_speed: f64,
    pub speed: f64,
}

impl LiveNumbers {
    /// Reads the last complete simulated second of the run.
    pub fn read(metrics: &Metrics, now: u64, ids: &[String], speed: f64, achieved: f64) -> Self {
        let last = metrics.series.back();
        let (tp, p50, p95, p99, err) = last.map_or((0.0, 0.0, 0.0, 0.0, 0.0), |s| {
            let done = s.completed + s.errors.total();
            let err = if done > 0 { s.errors.total() as f64 / done as f64 } else { 0.0 };
            (s.completed as f64, s.p50_ms, s.p95_ms, s.p99_ms, err)
        });
        let utilization = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), last.and_then(|s| s.utilization.get(i)).map_or(0.0, |u| *u as f64)))
            .collect();
        LiveNumbers {
            time_s: to_secs(now),
            throughput_rps: tp,
            p50_ms: p50,
            p95_ms: p95,
            p99_ms: p99,
            error_rate: err,
            utilization,
            achieved_speed: achieved,
            speed,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct StatsProps {
    pub numbers: LiveNumbers,
}

#[component]
pub fn Stats(props: &StatsProps) -> Html {
    let n = &props.numbers;
    let behind = n.achieved_speed < n.speed * 0.9;
    html! {
        <section class="stats" aria-label="Live numbers">
            <div class="stat"><span class="label">{"time"}</span>
                <span class="value" data-testid="sim-time">{format!("{:.1} s", n.time_s)}</span></div>
            <div class="stat"><span class="label">{"throughput"}</span>
                <span class="value" data-testid="throughput">{format!("{:.0} req/s", n.throughput_rps)}</span></div>
            <div class="stat"><span class="label">{"p50"}</span>
                <span class="value" data-testid="p50">{format!("{:.1} ms", n.p50_ms)}</span></div>
            <div class="stat"><span class="label">{"p95"}</span>
                <span class="value" data-testid="p95">{format!("{:.1} ms", n.p95_ms)}</span></div>
            <div class="stat"><span class="label">{"p99"}</span>
                <span class="value" data-testid="p99">{format!("{:.1} ms", n.p99_ms)}</span></div>
            <div class="stat"><span class="label">{"errors"}</span>
                <span class="value" data-testid="error-rate">{format!("{:.2} %", n.error_rate * 100.0)}</span></div>
            { for n.utilization.iter().map(|(id, u)| html! {
                <div class="stat"><span class="label">{format!("{id} busy")}</span>
                    <span class="value">{format!("{:.0} %", u * 100.0)}</span></div>
            }) }
            if behind {
                <div class="behind" role="status">{format!("running at {:.1}× real time", n.achieved_speed)}</div>
            }
        </section>
    }
}
