//! Deployments: the outage of all-at-once, the reduced capacity of rolling, the doubled fleet
//! of blue/green, and the automatic rollback of a bad version.

use archlab::engine::{ErrorCause, LogKind};
use serde_json::json;

use super::build::*;

// 4 hosts x 2 processes of 20 ms (100 rps each) at 200 rps: 50 % busy, 67 % with one host out.
const HOSTS: u32 = 4;
const RATE: f64 = 200.0;
const AT: f64 = 30.0;
const BOOT: f64 = 20.0;

fn deployed(
    strategy: serde_json::Value,
    version: serde_json::Value,
    alarms: serde_json::Value,
) -> archlab::model::Scenario {
    let rollback =
        if alarms.as_array().is_some_and(|a| !a.is_empty()) { json!("errors") } else { json!(null) };
    let mut d =
        json!({ "at_s": AT, "tier": "app", "strategy": strategy, "version": version, "boot_s": BOOT });
    if !rollback.is_null() {
        d["rollback_on"] = rollback;
    }
    web(tier(HOSTS, 20.0, 1000, None), RATE, steady(), json!([d]), alarms)
}

/// Every host restarts at once: nothing serves from the deployment until the hosts booted and
/// passed two health checks (1 s apart, the first within 1 s of the boot): between BOOT and
/// BOOT + 3 s of requests fail, all "no healthy target" (nothing is lost in another way).
#[test]
fn all_at_once_gives_about_one_boot_time_of_errors() {
    let s = deployed(json!({ "kind": "all_at_once" }), json!({}), json!([]));
    let sim = run_each(&s, 90, |_| {});
    let e = &sim.metrics().totals.errors;
    let outage_s = e.get(ErrorCause::NoHealthyTarget) as f64 / RATE;
    eprintln!("all-at-once: {outage_s:.2} s of errors for a {BOOT} s boot ({e:?})");
    let slack = (HC_HEALTHY as f64 + 1.0) * HC_INTERVAL_S;
    // Poisson arrivals: ±4 standard deviations of the count in the window.
    let noise = 4.0 * (RATE * (BOOT + slack)).sqrt() / RATE;
    assert!(outage_s >= BOOT - noise && outage_s <= BOOT + slack + noise, "{outage_s} s of errors");
    // Requests held by the hosts when they restarted fail too, no more than the processes.
    assert!(e.refused <= (HOSTS * 2) as u64, "{e:?}");
    assert_eq!(e.total(), e.no_healthy_target + e.refused);
    assert_eq!(times(&sim, |k| matches!(k, LogKind::DeploymentFinished)).len(), 1);
}

/// Rolling, one host at a time: 3 hosts carry 200 rps (67 % busy), so nothing fails; p95 rises
/// to what M/M/2 predicts at 66.7 rps per host (round robin spreads arrivals more evenly than
/// Poisson, so that prediction is an upper bound; with arrivals of squared coefficient of
/// variation 1/3, Kingman's factor (1/3 + 1)/2 bounds the waiting part from below).
#[test]
fn rolling_one_by_one_loses_nothing_and_raises_p95_as_predicted() {
    let s = deployed(json!({ "kind": "rolling", "batch": 1, "pause_s": 0.0 }), json!({}), json!([]));
    let mut sim = archlab::engine::Sim::new(&s, 7).expect("valid");
    sim.set_measure_from(archlab::engine::secs(5.0));
    sim.advance_to(archlab::engine::secs(AT));
    let base = sim.metrics().latency_ms(0.95);
    // Each batch: drain (under a second), BOOT, then two health checks; measure while the first
    // batch is out.
    sim.set_measure_from(archlab::engine::secs(AT + 2.0));
    sim.advance_to(archlab::engine::secs(AT + BOOT));
    let during = sim.metrics().latency_ms(0.95);
    sim.advance_to(archlab::engine::secs(AT + 4.0 * (BOOT + 5.0) + 10.0));
    assert_eq!(sim.metrics().totals.failed, 0, "remaining capacity suffices: no errors");
    assert!(sim.snapshot().components[2].new_version == HOSTS, "every host runs the new version");
    assert_eq!(times(&sim, |k| matches!(k, LogKind::DeploymentBatchDone { .. })).len(), HOSTS as usize);

    let mu = 50.0;
    let p4 = 1000.0 * mmc_sojourn_p95(2, RATE / 4.0, mu);
    let p3 = 1000.0 * mmc_sojourn_p95(2, RATE / 3.0, mu);
    assert!(base <= p4 * 1.05, "baseline p95 {base} vs M/M/2 {p4}");
    assert!(during > base, "p95 rises: {base} -> {during}");
    assert!(during <= p3 * 1.05, "p95 during the batch {during} vs M/M/2 with a host out {p3}");
    // Lower bound: the service part alone (its p95, ln 20 / μ) plus Kingman's share of the wait.
    eprintln!("rolling: p95 {base:.1} ms (M/M/2 {p4:.1}) -> {during:.1} ms (M/M/2 one host out {p3:.1})");
    let service_p95 = 1000.0 * (20.0f64).ln() / mu;
    assert!(during >= service_p95 + (2.0 / 3.0) * (p3 - service_p95) * 0.5, "{during} vs {p3}");
}

/// A bad version (half its responses are 500s) rolled one host at a time, with an error-rate
/// alarm (above 5 %, 10 s periods, 1 period) that rolls it back: the first new host serves a
/// quarter of the traffic, so 12.5 % errors; the alarm fires at the end of the first period
/// in which it served; the host is drained and restarted with the old version. Bad responses
/// are bounded by (a quarter of the traffic) x 50 % x (two periods + the drain).
#[test]
fn a_bad_version_is_rolled_back_by_its_alarm() {
    let alarms = json!([{ "id": "errors", "metric": { "kind": "error_rate_pct" }, "above": true,
                          "threshold": 5.0, "period_s": 10.0, "evaluation_periods": 1 }]);
    let s = deployed(
        json!({ "kind": "rolling", "batch": 1, "pause_s": 0.0 }),
        json!({ "error_rate": 0.5 }),
        alarms,
    );
    let sim = run_each(&s, 200, |_| {});
    let rolled = times(&sim, |k| matches!(k, LogKind::DeploymentRolledBack { .. }));
    assert_eq!(rolled.len(), 1, "rolled back once");
    let first_bad = sim
        .metrics()
        .series
        .iter()
        .find(|r| r.errors.app_error > 0)
        .map(|r| r.second as f64)
        .expect("the bad version served");
    assert!(
        rolled[0] <= first_bad + 2.0 * 10.0,
        "alarm within its evaluation time: {first_bad} -> {}",
        rolled[0]
    );
    let bad = sim.metrics().totals.errors.app_error as f64;
    let bound = RATE / HOSTS as f64 * 0.5 * (2.0 * 10.0 + 1.0);
    eprintln!(
        "bad version: first 500 at {first_bad} s, rolled back at {} s, {bad} bad (bound {bound})",
        rolled[0]
    );
    assert!(bad <= bound * 1.2, "{bad} bad responses vs {bound}");
    assert_eq!(sim.snapshot().components[2].new_version, 0, "every host back on the old version");
    assert_eq!(
        sim.metrics().totals.errors.total(),
        sim.metrics().totals.errors.app_error,
        "nothing else failed"
    );
}

/// Blue/green: a second fleet boots (billed: the host count doubles), traffic switches when it
/// is ready, the old fleet drains and stops; nothing fails.
#[test]
fn blue_green_doubles_the_fleet_for_its_duration() {
    let s = deployed(json!({ "kind": "blue_green" }), json!({}), json!([]));
    let mut billed = Vec::new();
    let sim = run_each(&s, 120, |sim| billed.push(sim.billed_hosts(2).expect("app")));
    assert_eq!(billed[(AT + BOOT / 2.0) as usize], 2 * HOSTS, "both fleets billed");
    assert_eq!(*billed.last().expect("ran"), HOSTS);
    assert!(billed.iter().all(|&b| b <= 2 * HOSTS));
    assert_eq!(sim.metrics().totals.failed, 0);
    assert_eq!(sim.snapshot().components[2].new_version, HOSTS);
    assert_eq!(times(&sim, |k| matches!(k, LogKind::DeploymentFinished)).len(), 1);
}
