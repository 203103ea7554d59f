//! Scenarios for the operating tests: users -> balancer -> app tier (no database), one zone.

use archlab::engine::{secs, LogKind, Sim};
use archlab::model::Scenario;
use serde_json::{json, Value};

use crate::scenarios::*;

/// Health checks of the test balancer: every second, 0.5 s timeout, 2 failures, 2 passes.
pub const HC_INTERVAL_S: f64 = 1.0;
pub const HC_HEALTHY: u32 = 2;
pub const DRAIN_S: f64 = 30.0;

/// `count` hosts of 2 processes on 2 cores, `cpu_ms` each, a backlog of `backlog` per host.
pub fn tier(count: u32, cpu_ms: f64, backlog: u32, autoscaling: Option<Value>) -> Value {
    let mut v = json!({ "type": "app_server", "count": count, "vcpus": 2, "processes": 2, "cpu_ms": cpu_ms,
                        "db_queries": 0, "backlog": backlog });
    if let Some(a) = autoscaling {
        v["autoscaling"] = a;
    }
    v
}

/// users (timeout `timeout_ms`) -> lb -> `app`, at `rate` rps with a traffic `pattern`,
/// plus deployments and alarms.
pub fn web(app: Value, rate: f64, pattern: Value, deployments: Value, alarms: Value) -> Scenario {
    let mut lb = lb(HC_INTERVAL_S, 0.5, 2, HC_HEALTHY);
    lb["deregistration_delay_s"] = json!(DRAIN_S);
    let mut s = archlab::share::to_value(&scenario(
        &[(SEOUL, &["a", "b"])],
        vec![
            comp("users", SEOUL, "a", clients(30_000.0)),
            comp("lb", SEOUL, "a", lb),
            comp("app", SEOUL, "a", app),
        ],
        &[("users", "lb"), ("lb", "app")],
        rate,
        json!([]),
    ));
    s["traffic"]["pattern"] = pattern;
    s["deployments"] = deployments;
    s["alarms"] = alarms;
    let s: Scenario = archlab::share::from_value(&s).expect("test scenario matches the model");
    let d = archlab::model::validate(&s);
    assert!(d.is_empty(), "{d:?}");
    s
}

pub fn steady() -> Value {
    json!({ "kind": "steady" })
}

/// Runs `s` (seed 7) to `end_s`, calling `each` at every whole second.
pub fn run_each(s: &Scenario, end_s: u64, mut each: impl FnMut(&Sim)) -> Sim {
    let mut sim = Sim::new(s, 7).expect("valid");
    for t in 1..=end_s {
        sim.advance_to(secs(t as f64));
        each(&sim);
    }
    sim
}

/// Times (s) of the log entries that match.
pub fn times(sim: &Sim, pred: impl Fn(&LogKind) -> bool) -> Vec<f64> {
    sim.log().iter().filter(|e| pred(&e.kind)).map(|e| archlab::engine::to_secs(e.time)).collect()
}

/// Erlang C: probability of waiting in an M/M/c queue with offered load `a` = λ/μ.
pub fn erlang_c(c: u32, a: f64) -> f64 {
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..c {
        term *= a / k as f64;
        sum += term;
    }
    let last = term * a / c as f64 * c as f64 / (c as f64 - a);
    last / (sum + last)
}

/// p95 of the sojourn time (wait + service) of an M/M/c FCFS queue, in seconds:
/// P(T > t) = e^{-μt} (1 + C/(c-1-a) (1 - e^{-μ(c-1-a)t})), solved by bisection.
pub fn mmc_sojourn_p95(c: u32, lambda: f64, mu: f64) -> f64 {
    let a = lambda / mu;
    let cw = erlang_c(c, a);
    let k = c as f64 - 1.0 - a;
    let tail = |t: f64| {
        let extra = if k.abs() < 1e-9 { cw * mu * t } else { cw / k * (1.0 - (-mu * k * t).exp()) };
        (-mu * t).exp() * (1.0 + extra)
    };
    let (mut lo, mut hi) = (0.0, 100.0 / mu);
    for _ in 0..200 {
        let mid = (lo + hi) / 2.0;
        if tail(mid) > 0.05 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}
