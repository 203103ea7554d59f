//! The in-browser benchmark (`index.html?bench` or `?bench=SECONDS`): the app runs the
//! 100-component scenario with dots and charts on, and after a warm-up this probe reads the
//! frame timings the frame loop recorded and writes them into the page as JSON
//! (`data-testid="bench-result"`), for `tests/e2e/bench.mjs` to print.

pub mod scenario;

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::engine::to_secs;
use crate::i18n::{t, Key, Lang};
use crate::ui::state::lab::Lab;
use crate::ui::state::painters::FrameTiming;

const WARMUP_MS: u32 = 3000;
pub const DEFAULT_SECONDS: u32 = 15;

/// The benchmark's length in seconds when the page's query asks for one (`?bench`, `?bench=20`).
pub fn requested(search: &str) -> Option<u32> {
    let q = search.trim_start_matches('?');
    q.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        (k == "bench").then(|| v.parse().ok().filter(|s| (1..=600).contains(s)).unwrap_or(DEFAULT_SECONDS))
    })
}

/// The `q` quantile (0..=1) of `xs` by the nearest-rank method.
pub fn quantile(xs: &[f64], q: f64) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

/// Engine speed in wasm with nothing else running: the native bench's two scenarios
/// (`benches/engine.rs`), 200 simulated seconds each, events per wall-clock second.
fn engine_only() -> serde_json::Value {
    let run = |json: &str| -> Option<f64> {
        let scenario = crate::share::from_json_file(json).ok()?;
        let mut sim = crate::engine::Sim::new(&scenario, 1).ok()?;
        let t0 = now_ms();
        sim.advance_to(crate::engine::secs(200.0));
        Some(sim.events_processed() as f64 / ((now_ms() - t0) / 1000.0).max(1e-9))
    };
    object([
        ("mm10_events_per_s", run(include_str!("../../../tests/fixtures/mm10.json")).into()),
        ("three_tier_events_per_s", run(include_str!("../../../tests/fixtures/three_tier.json")).into()),
    ])
}

/// A JSON object of these fields. Not `serde_json::json!`: its `to_value(..).unwrap()` keeps
/// serde_json's error type and messages in the wasm for a result that cannot fail.
/// Inserted one by one: collecting into the map would add a sort to the wasm.
fn object<const N: usize>(fields: [(&str, serde_json::Value); N]) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for (k, v) in fields {
        map.insert(k.to_string(), v);
    }
    serde_json::Value::Object(map)
}

#[derive(Clone, Copy, Default)]
struct Mark {
    frames: u64,
    events: u64,
    sim_ns: u64,
    wall_ms: f64,
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The probe, for the root to hold (a hook, not a component of its own): with `seconds`, it
/// measures that long after the warm-up and returns the result as JSON; without, nothing.
#[hook]
pub fn use_bench(seconds: Option<u32>, lab: &Lab) -> UseStateHandle<Option<String>> {
    let result = use_state(|| None::<String>);
    {
        let (result, lab) = (result.clone(), lab.clone());
        use_effect_with(seconds, move |&seconds| {
            let timers = seconds.map(|seconds| {
                let start = Rc::new(Cell::new(Mark::default()));
                let mark = |s: &Lab| {
                    let rt = s.runtime.borrow();
                    Mark {
                        frames: s.frames.borrow().count,
                        events: rt.sim().events_processed(),
                        sim_ns: rt.sim().now(),
                        wall_ms: now_ms(),
                    }
                };
                let (s1, st1) = (lab.clone(), start.clone());
                let warm = Timeout::new(WARMUP_MS, move || st1.set(mark(&s1)));
                let done = Timeout::new(WARMUP_MS + seconds * 1000, move || {
                    let a = start.get();
                    let b = mark(&lab);
                    let log = lab.frames.borrow();
                    let n = ((b.frames - a.frames) as usize).min(log.frames.len());
                    let frames: Vec<FrameTiming> =
                        log.frames.iter().skip(log.frames.len() - n).copied().collect();
                    let pick = |f: fn(&FrameTiming) -> f64| frames.iter().map(f).collect::<Vec<f64>>();
                    let (interval, work, engine) =
                        (pick(|f| f.interval_ms), pick(|f| f.work_ms), pick(|f| f.engine_ms));
                    let wall_s = (b.wall_ms - a.wall_ms) / 1000.0;
                    let rt = lab.runtime.borrow();
                    let (dots, on_wire) = rt.sim().dots(crate::ui::components::canvas::overlay::MAX_DOTS);
                    let spread = |xs: &[f64], max: bool| {
                        let mut v = object([
                            ("median", quantile(xs, 0.5).into()),
                            ("p95", quantile(xs, 0.95).into()),
                        ]);
                        if max {
                            v["max"] = quantile(xs, 1.0).into();
                        }
                        v
                    };
                    let user_agent = web_sys::window().and_then(|w| w.navigator().user_agent().ok());
                    let json = object([
                        ("seconds", wall_s.into()),
                        ("frames", frames.len().into()),
                        ("components", rt.scenario().components.len().into()),
                        ("rate_rps", rt.scenario().traffic.rate_rps.into()),
                        ("speed", rt.speed().into()),
                        ("achieved_speed", (to_secs(b.sim_ns - a.sim_ns) / wall_s.max(1e-9)).into()),
                        ("frame_interval_ms", spread(&interval, true)),
                        ("frame_work_ms", spread(&work, true)),
                        ("engine_ms", spread(&engine, false)),
                        ("engine_events_per_s", ((b.events - a.events) as f64 / wall_s.max(1e-9)).into()),
                        ("dots_drawn", dots.len().into()),
                        ("requests_on_wire", on_wire.into()),
                        ("user_agent", user_agent.into()),
                        ("engine_only", engine_only()),
                    ]);
                    result.set(Some(json.to_string()));
                });
                (warm, done)
            });
            move || drop(timers)
        });
    }
    result
}

/// Where the result is written, for `tests/e2e/bench.mjs` to read.
pub fn bench_result(lang: Lang, result: &Option<String>) -> Html {
    html! {
        <pre class="bench-result" data-testid="bench-result" data-done={result.is_some().to_string()}>
            { result.clone().unwrap_or_else(|| t(lang, Key::BenchRunning).to_string()) }
        </pre>
    }
}
