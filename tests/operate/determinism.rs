//! The operating parts keep the run deterministic however it is sliced: auto-scaling, a
//! rolling deployment of a bad version with its rollback alarm, and a notify alarm.

use archlab::engine::{secs, Sim, Time, NS_PER_MS};
use serde_json::json;

use super::build::*;

const END_S: f64 = 150.0;

fn scenario() -> archlab::model::Scenario {
    web(
        tier(
            3,
            20.0,
            200,
            Some(json!({ "min": 2, "max": 8, "target_cpu_pct": 50.0, "boot_s": 8.0, "warmup_s": 5.0,
                         "cooldown_s": 10.0 })),
        ),
        150.0,
        json!({ "kind": "spike", "at_s": 20.0, "for_s": 60.0, "factor": 2.5 }),
        json!([{ "at_s": 90.0, "tier": "app", "strategy": { "kind": "rolling", "batch": 1, "pause_s": 2.0 },
                 "version": { "error_rate": 0.3, "extra_ms": 5.0 }, "boot_s": 6.0, "rollback_on": "errors" }]),
        json!([
            { "id": "errors", "metric": { "kind": "error_rate_pct" }, "above": true, "threshold": 2.0,
              "period_s": 5.0, "evaluation_periods": 2 },
            { "id": "slow", "metric": { "kind": "p95_ms" }, "above": true, "threshold": 100.0,
              "period_s": 3.0, "evaluation_periods": 2 },
            { "id": "queue", "metric": { "kind": "queue", "component": "app" }, "above": true,
              "threshold": 10.0, "period_s": 2.0, "evaluation_periods": 1 },
            { "id": "healthy", "metric": { "kind": "healthy", "component": "lb" }, "above": false,
              "threshold": 2.0, "period_s": 1.0, "evaluation_periods": 1 }
        ]),
    )
}

fn sliced(step: Time) -> (u64, Vec<String>) {
    let mut sim = Sim::new(&scenario(), 3).expect("valid");
    let end = secs(END_S);
    let mut t = 0;
    while t < end {
        t = (t + step).min(end);
        sim.advance_to(t);
    }
    (sim.fingerprint(), sim.log().iter().map(|e| format!("{e:?}")).collect())
}

#[test]
fn same_fingerprint_however_sliced() {
    let (whole, log) = sliced(secs(END_S));
    // The run exercised what it is meant to.
    let has = |s: &str| log.iter().any(|l| l.contains(s));
    for what in
        ["ScaledOut", "HostInService", "HostDraining", "DeploymentStarted", "RolledBack", "AlarmStateChanged"]
    {
        assert!(has(what), "no {what} in the log");
    }
    for step in [secs(1.0), 16 * NS_PER_MS + 666_667, secs(7.3)] {
        assert_eq!(sliced(step).0, whole, "step {step}");
    }
    let mut sim = Sim::new(&scenario(), 3).expect("valid");
    while sim.now() < secs(END_S) {
        sim.advance(secs(END_S), 997);
    }
    assert_eq!(sim.fingerprint(), whole, "event budgets");
}
