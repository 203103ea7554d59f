//! "Deploy now": a deployment added to a running simulation through `Sim::deploy` gives the
//! same run as the scenario listing it (last) at that time from the start, so the UI can record
//! it in the scenario and a shared link replays it. Refused deployments change nothing.

use archlab::engine::{secs, to_secs, Sim, Time, NS_PER_MS};
use archlab::model::{Deployment, Scenario};
use serde_json::{json, Value};

use super::build::*;

const END_S: f64 = 120.0;
const SEED: u64 = 11;

fn alarms() -> Value {
    json!([{ "id": "errors", "metric": { "kind": "error_rate_pct" }, "above": true, "threshold": 2.0,
             "period_s": 5.0, "evaluation_periods": 2 }])
}

/// A bad version rolled out one host at a time, rolled back by the alarm.
fn bad_rolling(at_s: f64) -> Value {
    json!({ "at_s": at_s, "tier": "app", "strategy": { "kind": "rolling", "batch": 1, "pause_s": 2.0 },
            "version": { "error_rate": 0.3, "extra_ms": 5.0 }, "boot_s": 6.0, "rollback_on": "errors" })
}

fn with(deployments: Value) -> Scenario {
    web(tier(4, 20.0, 500, None), 150.0, steady(), deployments, alarms())
}

fn deployment(v: Value) -> Deployment {
    archlab::share::from_value(&v).expect("a model deployment")
}

/// The scenario with the deployment from the start, run to the end in one go.
fn scheduled(before: Value, d: Value) -> (u64, Vec<String>) {
    let mut list = before.as_array().cloned().unwrap_or_default();
    list.push(d);
    let mut sim = Sim::new(&with(Value::Array(list)), SEED).expect("valid");
    sim.advance_to(secs(END_S));
    (sim.fingerprint(), log(&sim))
}

/// The scenario without it, advanced in `step` slices to `at`, deployed through the API, then
/// run on in the same slices.
fn live(before: Value, d: &Value, at: Time, step: Time) -> (u64, Vec<String>) {
    let mut sim = Sim::new(&with(before), SEED).expect("valid");
    let end = secs(END_S);
    let mut t = 0;
    let mut deployed = false;
    while t < end {
        t = if deployed { (t + step).min(end) } else { (t + step).min(at) };
        sim.advance_to(t);
        if !deployed && t == at {
            let mut d = deployment(d.clone());
            // What the UI records: the engine's clock in seconds.
            d.at_s = to_secs(sim.now());
            assert_eq!(secs(d.at_s), sim.now(), "the recorded time names the same instant");
            sim.deploy(&d).expect("accepted");
            deployed = true;
        }
    }
    (sim.fingerprint(), log(&sim))
}

fn log(sim: &Sim) -> Vec<String> {
    sim.log().iter().map(|e| format!("{e:?}")).collect()
}

#[test]
fn deploying_now_replays_as_the_scheduled_deployment() {
    // An instant between events (as a frame boundary is) and a whole second (where the
    // per-second work runs first in both runs).
    for at in [secs(31.0) + 16 * NS_PER_MS + 666_667, secs(40.0)] {
        let at_s = to_secs(at);
        let (whole, whole_log) = scheduled(json!([]), bad_rolling(at_s));
        let has = |s: &str| whole_log.iter().any(|l| l.contains(s));
        assert!(has("DeploymentStarted") && has("RolledBack"), "the run exercised the deployment");
        for step in [secs(1.0), 16 * NS_PER_MS + 666_667, secs(7.3)] {
            let (fp, l) = live(json!([]), &bad_rolling(at_s), at, step);
            assert_eq!(l, whole_log, "log, at {at_s} s, step {step}");
            assert_eq!(fp, whole, "fingerprint, at {at_s} s, step {step}");
        }
    }
}

#[test]
fn deploying_now_after_a_scheduled_deployment_appends_it() {
    // The scenario already rolls a good version out at 10 s; the bad one comes on top of it.
    let first =
        json!([{ "at_s": 10.0, "tier": "app", "strategy": { "kind": "all_at_once" }, "boot_s": 3.0 }]);
    let at = secs(50.5);
    let (whole, _) = scheduled(first.clone(), bad_rolling(to_secs(at)));
    assert_eq!(live(first, &bad_rolling(to_secs(at)), at, secs(0.25)).0, whole);
}

#[test]
fn refused_deployments_change_nothing() {
    let mut sim = Sim::new(&with(json!([])), SEED).expect("valid");
    sim.advance_to(secs(20.0));
    let mut twin = Sim::new(&with(json!([])), SEED).expect("valid");
    twin.advance_to(secs(20.0));
    let now = to_secs(sim.now());
    let cases = [
        (json!({ "at_s": now - 1.0, "tier": "app", "strategy": { "kind": "all_at_once" } }), "at_s"),
        (json!({ "at_s": now, "tier": "lb", "strategy": { "kind": "all_at_once" } }), "tier"),
        (json!({ "at_s": now, "tier": "nope", "strategy": { "kind": "all_at_once" } }), "tier"),
        (
            json!({ "at_s": now, "tier": "app", "strategy": { "kind": "rolling", "batch": 0, "pause_s": 0.0 } }),
            "batch",
        ),
        (json!({ "at_s": now, "tier": "app", "strategy": { "kind": "blue_green" } }), "strategy"),
        (
            json!({ "at_s": now, "tier": "app", "strategy": { "kind": "all_at_once" }, "rollback_on": "x" }),
            "rollback_on",
        ),
        (
            json!({ "at_s": now, "tier": "app", "strategy": { "kind": "all_at_once" }, "boot_s": 1e12 }),
            "boot_s",
        ),
    ];
    for (d, field) in cases {
        let err = sim.deploy(&deployment(d.clone())).expect_err("refused");
        assert!(err.path.ends_with(field), "{d}: {err}");
    }
    let mut nan = deployment(json!({ "at_s": now, "tier": "app", "strategy": { "kind": "all_at_once" } }));
    nan.version.error_rate = f64::NAN;
    let err = sim.deploy(&nan).expect_err("refused");
    assert_eq!(err.path, "deployment.version.error_rate");
    assert_eq!(err.problem, archlab::model::Problem::NotFinite);
    sim.advance_to(secs(60.0));
    twin.advance_to(secs(60.0));
    assert_eq!(sim.fingerprint(), twin.fingerprint());
    assert!(sim.deployments().is_empty());
}

#[test]
fn blue_green_now_is_accepted_when_the_run_has_room_for_it() {
    let bg = json!({ "at_s": 100.0, "tier": "app", "strategy": { "kind": "blue_green" }, "boot_s": 5.0 });
    let before = json!([bg]);
    let d = json!({ "at_s": 0.0, "tier": "app", "strategy": { "kind": "blue_green" }, "boot_s": 5.0 });
    let at = secs(30.0);
    let mut later = d.clone();
    later["at_s"] = json!(30.0);
    let (whole, _) = scheduled(before.clone(), later);
    assert_eq!(live(before, &d, at, secs(1.0)).0, whole);
}
