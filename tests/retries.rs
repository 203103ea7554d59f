//! Failures as networks show them (issue 18, item 3): connect timeouts and client retries.
//!
//! A crashed process on a live host refuses at once; a dead host, balancer or a partition does
//! not answer, so its caller waits for its connect timeout. Clients retry failed attempts with
//! exponential backoff and full jitter, and each attempt counts apart from the request it
//! belongs to. Expectations are computed from the settings (the connect timeout, the failure
//! probability of an attempt), not read back from a run.

mod scenarios;

use archlab::engine::{secs, ErrorCause, Sim};
use archlab::model::{Arrivals, Deployment, Kind, Retry, Scenario, Strategy, Version};
use scenarios::*;
use serde_json::json;

/// The client population of `s` (its first component).
fn users(s: &mut Scenario) -> &mut archlab::model::Clients {
    match &mut s.components[0].kind {
        Kind::Clients(c) => c,
        _ => panic!("the first component is the users"),
    }
}

/// Users straight to a one-host app tier over a 0 ms link, one request per second exactly
/// (uniform arrivals at 1, 2, 3 … s), 300 ms of CPU each; retries off unless a test turns
/// them on.
fn one_host(faults: serde_json::Value) -> Scenario {
    let mut s = scenario(
        &[(SEOUL, &["a"])],
        vec![comp("users", SEOUL, "a", clients(10_000.0)), comp("app", SEOUL, "a", app(1, 1, 300.0))],
        &[("users", "app")],
        1.0,
        faults,
    );
    s.links[0].rtt_ms = Some(0.0);
    s.traffic.arrivals = Arrivals::Uniform;
    if let Kind::AppServer(a) = &mut s.components[1].kind {
        a.service = archlab::model::ServiceDist::Constant;
        a.restart_delay_s = 100.0;
    }
    users(&mut s).retry = Retry::OFF;
    s
}

fn errors_total(sim: &Sim, second: u64) -> u64 {
    sim.metrics().series.iter().find(|r| r.second == second).map_or(0, |r| r.errors.total())
}

fn errors_of(sim: &Sim, second: u64, cause: ErrorCause) -> u64 {
    sim.metrics().series.iter().find(|r| r.second == second).map_or(0, |r| r.errors.get(cause))
}

#[test]
fn a_dead_host_costs_its_callers_the_connect_timeout() {
    // The host dies at 10.1 s, during the request born at 10 s.
    let mut s = one_host(json!([kill(10.1, json!({ "kind": "component", "id": "app" }))]));
    users(&mut s).connect_timeout_ms = 3_100.0;
    let mut sim = Sim::new(&s, 1).unwrap();
    sim.advance_to(secs(30.5));
    // What the host held when it died fails at once (the connection it had is gone).
    assert_eq!(errors_of(&sim, 10, ErrorCause::Refused), 1);
    // Requests born at 11, 12, 13 s knock on a dead host: nobody answers until 3.1 s later.
    for second in 11..14 {
        assert_eq!(errors_total(&sim, second), 0, "second {second}");
    }
    for born in 11..26u64 {
        let fails_at = born as f64 + 3.1;
        assert_eq!(errors_of(&sim, fails_at as u64, ErrorCause::ConnectTimeout), 1, "born at {born} s");
    }
    assert_eq!(sim.metrics().totals.errors.refused, 1, "nothing else is refused");
    // The requests of the last 3.1 s are still waiting: Little's law, L = λ W = 1/s x 3.1 s.
    assert_eq!(sim.in_flight(), 3, "born at 28, 29, 30 s");

    // The same wait with a longer connect timeout: the failures move with it.
    users(&mut s).connect_timeout_ms = 7_600.0;
    let mut sim = Sim::new(&s, 1).unwrap();
    sim.advance_to(secs(30.5));
    assert_eq!(errors_total(&sim, 17), 0, "born at 11 s, fails at 18.6 s");
    assert_eq!(errors_of(&sim, 18, ErrorCause::ConnectTimeout), 1);
    assert_eq!(sim.in_flight(), 8, "born at 23 … 30 s");
}

#[test]
fn a_crashed_process_on_a_live_host_refuses_at_once() {
    // The only process crashes at 10.1 s, 100 ms into the request born at 10 s.
    let s = one_host(json!([{ "at_s": 10.1, "action": { "do": "kill",
        "target": { "kind": "process", "id": "app", "server": 0, "index": 0 } } }]));
    let mut sim = Sim::new(&s, 1).unwrap();
    sim.advance_to(secs(12.5));
    assert_eq!(errors_of(&sim, 10, ErrorCause::Refused), 1, "the reset reaches the client at once");
    assert_eq!(sim.metrics().totals.errors.connect_timeout, 0, "the host is alive: no connect timeout");
    // The host still accepts connections: its process manager keeps the next requests in the
    // backlog until the process is back.
    assert_eq!(sim.in_flight(), 2, "born at 11 and 12 s, waiting in the backlog");
}

#[test]
fn a_partition_is_a_connect_timeout_not_a_refusal() {
    // The users' zone is cut from the app's zone at 10.5 s: new connections go unanswered.
    let mut s = scenario(
        &[(SEOUL, &["a", "b"])],
        vec![comp("users", SEOUL, "a", clients(10_000.0)), comp("app", SEOUL, "b", app(1, 1, 300.0))],
        &[("users", "app")],
        1.0,
        json!([{ "at_s": 10.5, "action": { "do": "partition",
            "a": { "region": SEOUL, "zone": "a" }, "b": { "region": SEOUL, "zone": "b" } } }]),
    );
    s.traffic.arrivals = Arrivals::Uniform;
    users(&mut s).retry = Retry::OFF;
    let mut sim = Sim::new(&s, 1).unwrap();
    sim.advance_to(secs(30.0));
    let t = &sim.metrics().totals;
    assert_eq!(t.errors.refused, 0);
    // Born at 11 … 26 s, failed 3.1 s later (by 29.1 s); those born at 27 … 29 s still wait.
    assert_eq!(t.errors.connect_timeout, 16);
    assert_eq!(errors_of(&sim, 13, ErrorCause::ConnectTimeout), 0);
    assert_eq!(errors_of(&sim, 14, ErrorCause::ConnectTimeout), 1);
}

/// Users -> app tier of 4 hosts whose every host runs, from 2 s on, a version that fails a
/// request with probability `p`, each attempt independently; `max_attempts` per request.
fn flaky(p: f64, max_attempts: u32) -> Scenario {
    let mut s = scenario(
        &[(SEOUL, &["a"])],
        vec![comp("users", SEOUL, "a", clients(10_000.0)), comp("app", SEOUL, "a", app(4, 8, 5.0))],
        &[("users", "app")],
        1000.0,
        json!([]),
    );
    users(&mut s).retry = Retry { max_attempts, base_ms: 50.0, cap_ms: 1000.0 };
    s.deployments.push(Deployment {
        at_s: 0.0,
        tier: "app".into(),
        strategy: Strategy::AllAtOnce,
        version: Version { error_rate: p, extra_ms: 0.0 },
        boot_s: 1.0,
        rollback_on: None,
    });
    s
}

/// Attempts per request when each fails independently with probability `p`, at most `m`:
/// P(A = k) = p^(k-1) (1 - p) for k < m, P(A = m) = p^(m-1). Returns (mean, variance).
fn attempts_theory(p: f64, m: u32) -> (f64, f64) {
    let prob = |k: u32| if k < m { p.powi(k as i32 - 1) * (1.0 - p) } else { p.powi(m as i32 - 1) };
    let mean: f64 = (1..=m).map(|k| k as f64 * prob(k)).sum();
    let second: f64 = (1..=m).map(|k| (k * k) as f64 * prob(k)).sum();
    (mean, second - mean * mean)
}

#[test]
fn attempts_per_request_follow_one_plus_p_plus_p_squared() {
    for (p, m) in [(0.3, 3), (0.5, 4), (0.2, 2)] {
        let s = flaky(p, m);
        let mut sim = Sim::new(&s, 5).unwrap();
        sim.set_measure_from(secs(10.0));
        sim.advance_to(secs(70.0));
        let t = &sim.metrics().totals;
        let n = t.arrived as f64;
        let (mean, var) = attempts_theory(p, m);
        let got = t.attempts() as f64 / n;
        // Requests are independent here (the tier is lightly loaded): the CI of a mean of n.
        let half = 4.0 * (var / n).sqrt();
        println!("p {p}, {m} attempts: {got:.4} attempts per request, theory {mean:.4} ± {half:.4} (n {n})");
        assert!((got - mean).abs() < half, "p {p}, m {m}: {got} vs {mean} ± {half}");
        // A request fails only when all its attempts do: p^m of them.
        let fail = t.failed as f64 / (t.completed + t.failed) as f64;
        let pm = p.powi(m as i32);
        let half = 4.0 * (pm * (1.0 - pm) / n).sqrt();
        assert!((fail - pm).abs() < half, "p {p}, m {m}: failed {fail} vs {pm} ± {half}");
        assert_eq!(t.errors.app_error, t.failed, "every failure is the app's 500, counted once");
        // The per-second series shows the same multiplication.
        let row = sim.metrics().series.iter().find(|r| r.second == 40).unwrap();
        assert!(
            (row.attempts_per_request() - mean).abs() < 0.15,
            "second 40: {}",
            row.attempts_per_request()
        );
    }
}

#[test]
fn retries_off_means_one_attempt_per_request() {
    let s = flaky(0.3, 1);
    let mut sim = Sim::new(&s, 5).unwrap();
    sim.set_measure_from(secs(10.0));
    sim.advance_to(secs(40.0));
    let t = &sim.metrics().totals;
    assert_eq!(t.retries, 0);
    assert_eq!(t.attempts(), t.arrived);
    assert!(sim.metrics().series.iter().all(|r| r.retries == 0));
    let fail = t.failed as f64 / (t.completed + t.failed) as f64;
    let half = 4.0 * (0.3 * 0.7 / t.arrived as f64).sqrt();
    assert!((fail - 0.3).abs() < half, "without retries a request fails as often as an attempt: {fail}");
}

#[test]
fn a_retried_request_is_one_request_with_its_latency_from_the_first_attempt() {
    // Every attempt fails before 2 s (the version deployed at 0 s boots for 1 s: the tier
    // refuses meanwhile); a request born at 0.5 s with a long first backoff succeeds later,
    // and its latency counts from its birth.
    let mut s = flaky(0.0, 5);
    users(&mut s).retry = Retry { max_attempts: 5, base_ms: 2_000.0, cap_ms: 2_000.0 };
    s.traffic.rate_rps = 50.0;
    let mut sim = Sim::new(&s, 9).unwrap();
    sim.advance_to(secs(30.0));
    let t = &sim.metrics().totals;
    assert_eq!(t.arrived, t.completed + t.failed + sim.in_flight(), "each request counted once");
    assert!(t.retries > 0);
    // A request born during the boot waits at least until the fleet is back (1 s after 0 s),
    // so the slowest latencies are a good part of a second, not a few ms.
    assert!(sim.metrics().latency_ms(1.0) > 500.0, "max latency {}", sim.metrics().latency_ms(1.0));
}

/// Errors among requests that ended in the seconds [from, to) of `sim`'s series, and the mean
/// attempts per request born there.
fn window(sim: &Sim, from: u64, to: u64) -> (f64, f64) {
    let rows: Vec<_> = sim.metrics().series.iter().filter(|r| r.second >= from && r.second < to).collect();
    let failed: u64 = rows.iter().map(|r| r.errors.total()).sum();
    let done: u64 = rows.iter().map(|r| r.completed + r.errors.total()).sum();
    let born: u64 = rows.iter().map(|r| r.arrived).sum();
    let retries: u64 = rows.iter().map(|r| r.retries).sum();
    (failed as f64 / done.max(1) as f64, (born + retries) as f64 / born.max(1) as f64)
}

#[test]
fn a_retry_storm_outlives_its_trigger_and_one_attempt_recovers() {
    // The preset: 350 req/s on 500 req/s of servers, users who give up after 2 s, a 10 s spike
    // to 700 req/s at 30 s. Seeds are independent runs; each must show the same picture.
    let storm = archlab::catalog::builder("retry-storm").expect("the preset exists")();
    for seed in [1, 2, 3] {
        let mut with = Sim::new(&storm, seed).unwrap();
        with.advance_to(secs(180.0));
        let (before, a_before) = window(&with, 5, 30);
        let (after, a_after) = window(&with, 60, 180);
        let mut off = storm.clone();
        users(&mut off).retry = Retry::OFF;
        let mut without = Sim::new(&off, seed).unwrap();
        without.advance_to(secs(180.0));
        let (after_off, a_off) = window(&without, 60, 180);
        println!(
            "seed {seed}: with retries errors {:.2} % before, {:.1} % from 60 s ({a_before:.2} → {a_after:.2} \
             attempts per request); retries off {:.3} % ({a_off:.2})",
            before * 100.0,
            after * 100.0,
            after_off * 100.0
        );
        assert!(before < 0.001, "healthy before the spike: {before}");
        // Stays degraded: most requests fail two minutes after a 10 s spike ended, and the
        // servers are offered about three attempts per request.
        assert!(after > 0.5, "seed {seed}: errors after the trigger {after}");
        assert!(a_after > 2.5, "seed {seed}: attempts per request {a_after}");
        // Recovers without retries.
        assert!(after_off < 0.001, "seed {seed}: retries off, errors after the trigger {after_off}");
        assert!((a_off - 1.0).abs() < 1e-12);
        // Recovers with retries too when the backlogs hold less than the users wait for
        // (2 x 200 requests at 500 req/s: 0.8 s < 2 s), the lesson's third step.
        let mut short = storm.clone();
        if let Some(Kind::AppServer(a)) = short.component_mut("app-1").map(|c| &mut c.kind) {
            a.backlog = 200;
        }
        let mut sim = Sim::new(&short, seed).unwrap();
        sim.advance_to(secs(180.0));
        let (after_short, _) = window(&sim, 60, 180);
        assert!(after_short < 0.001, "seed {seed}: short backlogs, errors after the trigger {after_short}");
    }
}
