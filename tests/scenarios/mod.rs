//! Small scenario builders for the engine's integration tests (faults, determinism).
#![allow(dead_code)]

use archlab::engine::{secs, LogKind, SecondStats, Sim};
use archlab::model::Scenario;
use serde_json::{json, Value};

pub const SEOUL: &str = "ap-northeast-2";
pub const TOKYO: &str = "ap-northeast-1";

/// A component at `region`/`zone` with the given kind object (which holds `type`).
pub fn comp(id: &str, region: &str, zone: &str, kind: Value) -> Value {
    json!({ "id": id, "place": { "region": region, "zone": zone }, "x": 0, "y": 0, "kind": kind })
}

/// Users who do not retry (one attempt per request), so each failure is one error; tests of
/// retries set their own policy.
pub fn clients(timeout_ms: f64) -> Value {
    json!({ "type": "clients", "weight": 1, "timeout_ms": timeout_ms, "retry": { "max_attempts": 1 } })
}

/// An app tier without database queries: `count` hosts of `procs` processes and as many cores.
pub fn app(count: u32, procs: u32, cpu_ms: f64) -> Value {
    json!({ "type": "app_server", "count": count, "vcpus": procs, "processes": procs, "cpu_ms": cpu_ms,
            "db_queries": 0, "backlog": 1000 })
}

/// A load balancer with the given health check (interval, timeout, unhealthy, healthy).
pub fn lb(interval: f64, timeout: f64, unhealthy: u32, healthy: u32) -> Value {
    json!({ "type": "load_balancer", "algorithm": "round_robin",
            "health_check": { "interval_s": interval, "timeout_s": timeout,
                              "unhealthy_threshold": unhealthy, "healthy_threshold": healthy } })
}

pub fn dns(policy: &str, ttl_s: f64, interval: f64, timeout: f64, unhealthy: u32) -> Value {
    json!({ "type": "dns", "policy": policy, "ttl_s": ttl_s,
            "health_check": { "interval_s": interval, "timeout_s": timeout,
                              "unhealthy_threshold": unhealthy, "healthy_threshold": 2 } })
}

/// Builds a scenario; `regions` lists region codes with their zones.
pub fn scenario(
    regions: &[(&str, &[&str])],
    components: Vec<Value>,
    links: &[(&str, &str)],
    rate: f64,
    faults: Value,
) -> Scenario {
    let regions: Vec<Value> = regions
        .iter()
        .enumerate()
        .map(|(i, (code, zones))| {
            let zones: Vec<Value> = zones.iter().map(|z| json!({ "name": z })).collect();
            json!({ "code": code, "rect": { "x": i as f64 * 1000.0, "y": 0, "w": 900, "h": 500 }, "zones": zones })
        })
        .collect();
    let links: Vec<Value> = links.iter().map(|(f, t)| json!({ "from": f, "to": t })).collect();
    let v = json!({
        "version": 1, "name": "test", "seed": 1,
        "regions": regions, "components": components, "links": links,
        "traffic": { "rate_rps": rate, "pattern": { "kind": "steady" }, "arrivals": "poisson" },
        "faults": faults,
    });
    archlab::share::from_value(&v).expect("test scenario matches the model")
}

pub fn kill(at_s: f64, target: Value) -> Value {
    json!({ "at_s": at_s, "action": { "do": "kill", "target": target } })
}

pub fn revive(at_s: f64, target: Value) -> Value {
    json!({ "at_s": at_s, "action": { "do": "revive", "target": target } })
}

// ---------------------------------------------------------------- running and reading runs

pub fn run(s: &archlab::model::Scenario, seconds: f64) -> Sim {
    let mut sim = Sim::new(s, 11).expect("valid test scenario");
    sim.advance_to(secs(seconds));
    sim
}

pub fn series(sim: &Sim) -> Vec<SecondStats> {
    sim.metrics().series.iter().cloned().collect()
}

pub fn errors_in(rows: &[SecondStats], from: u64, to: u64) -> u64 {
    rows.iter().filter(|r| r.second >= from && r.second < to).map(|r| r.errors.total()).sum()
}

pub fn completed_in(rows: &[SecondStats], from: u64, to: u64) -> u64 {
    rows.iter().filter(|r| r.second >= from && r.second < to).map(|r| r.completed).sum()
}

pub fn log_time(sim: &Sim, pred: impl Fn(&LogKind) -> bool) -> Option<f64> {
    sim.log().iter().find(|e| pred(&e.kind)).map(|e| archlab::engine::to_secs(e.time))
}
