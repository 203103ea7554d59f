//! The headline numbers: time, throughput, latency percentiles, errors, requests in flight.

use yew::prelude::*;

use super::overlay::MAX_DOTS;
use super::runtime::Runtime;
use super::shared::Shared;
use crate::engine::to_secs;
use crate::i18n::{format_ms, format_number, format_percent, format_rate, format_time, t, tf, Key};

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
    pub in_flight: u64,
    /// Requests drawn on the canvas / requests on the wire.
    pub dots: (usize, usize),
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
            in_flight: sim.in_flight(),
            dots: (drawn.len(), total),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct StatsProps {
    pub numbers: LiveNumbers,
}

#[component]
pub fn Stats(props: &StatsProps) -> Html {
    let lang = use_context::<Shared>().map(|s| s.lang).unwrap_or_default();
    let n = &props.numbers;
    let stat = |label: String, value: String, id: &'static str| {
        html! {
            <div class="stat"><span class="label">{label}</span>
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
            { stat(t(lang, Key::InFlight).into(), format_number(n.in_flight), "in-flight") }
            if n.dots.1 > n.dots.0 {
                <div class="sampled" data-testid="dots-sampled">
                    { tf(lang, Key::DotsSampled, &[&format_number(n.dots.0 as u64), &format_number(n.dots.1 as u64)]) }
                </div>
            }
        </div>
    }
}
