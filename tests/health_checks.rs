//! Health checks on the real path, and L4 against L7 balancing (issue 18, item 4), with
//! numbers worked out by hand from the scenario.
//!
//! A check waits in its target's backlog like a request (`engine/check.rs`), so a slow or
//! overloaded target fails its checks and is taken out; an L4 balancer pins connections, an L7
//! one balances requests; without cross-zone balancing a request stays in its users' zone.

mod scenarios;

use archlab::engine::{to_secs, LogKind, Sim};
use archlab::model::LbLayer;
use scenarios::*;
use serde_json::{json, Value};

/// Arrivals counted at component `id` over the run (user requests only).
fn arrivals(sim: &Sim, id: &str) -> u64 {
    let i = sim.component_ids().iter().position(|c| c == id).expect("component exists");
    sim.metrics().totals.components[i].arrivals
}

/// Times at which the balancer took target `target` out / put it back, in seconds.
fn transitions(sim: &Sim, target: usize) -> (Vec<f64>, Vec<f64>) {
    let (mut out, mut back) = (Vec::new(), Vec::new());
    for e in sim.log() {
        match &e.kind {
            LogKind::TargetUnhealthy { target: t, .. } if *t == target => out.push(to_secs(e.time)),
            LogKind::TargetHealthy { target: t, .. } if *t == target => back.push(to_secs(e.time)),
            _ => {}
        }
    }
    (out, back)
}

fn timeouts_in(sim: &Sim, from: f64, to: f64) -> u64 {
    series(sim)
        .iter()
        .filter(|r| (r.second as f64) >= from && (r.second as f64) < to)
        .map(|r| r.errors.get(archlab::engine::ErrorCause::Timeout))
        .sum()
}

#[test]
fn a_target_ten_times_slower_is_taken_out_by_its_checks() {
    // One balancer, round robin over four single-process-per-core hosts: three in `fast`
    // (10 ms of CPU, 4 processes: 400 req/s each) and one in `slow` (100 ms: 40 req/s). At
    // 400 req/s each gets 100 req/s, so the slow one's backlog grows by 60 req/s and its
    // requests wait past the 2 s client timeout. Checks: every 5 s, 1 s timeout, 2 failures
    // out, 4 passes back.
    let (interval, timeout, unhealthy) = (5.0, 1.0, 2);
    let s = scenario(
        &[(SEOUL, &["a"])],
        vec![
            comp("users", SEOUL, "a", clients(2_000.0)),
            comp("lb", SEOUL, "a", lb(interval, timeout, unhealthy, 4)),
            comp("fast", SEOUL, "a", app(3, 4, 10.0)),
            comp("slow", SEOUL, "a", app(1, 4, 100.0)),
        ],
        &[("users", "lb"), ("lb", "fast"), ("lb", "slow")],
        400.0,
        json!([]),
    );
    let sim = run(&s, 120.0);
    let slow = sim.component_ids().iter().position(|c| c == "slow").unwrap();
    let fast = sim.component_ids().iter().position(|c| c == "fast").unwrap();
    let (out, back) = transitions(&sim, slow);
    println!("slow target out at {out:?}, back at {back:?}");
    // A check fails once more than timeout x 40/s = 40 requests wait ahead of it, i.e. once
    // the backlog has grown for 40 / 60 s; from then on the detection bound applies.
    let onset = timeout * 40.0 / 60.0;
    let bound = onset + interval * unhealthy as f64 + timeout;
    assert!(!out.is_empty() && out[0] <= bound, "taken out at {:?}, bound {bound:.2} s", out.first());
    assert!(transitions(&sim, fast).0.is_empty(), "the fast targets pass their checks");
    // Once out, it gets no new requests: what waits in its backlog is served or times out
    // within the 2 s client timeout (plus one 100 ms burst), then timeouts stop until it is
    // put back (it flaps: its backlog drains, it passes 4 checks, and is overloaded again).
    let quiet_from = out[0].ceil() + 3.0;
    let rejoin = back.iter().copied().find(|&t| t > out[0]).expect("it flaps back in once drained");
    assert!(rejoin >= out[0] + 3.0 * interval, "back after 4 passing checks, at {rejoin}");
    let during = timeouts_in(&sim, quiet_from, rejoin.floor());
    println!(
        "timeouts {quiet_from}..{rejoin:.1} s: {during}; in the first 10 s: {}",
        timeouts_in(&sim, 0.0, 10.0)
    );
    assert_eq!(during, 0, "no timeouts while the slow target is out");
    assert!(timeouts_in(&sim, 0.0, out[0].ceil() + 1.0) > 0, "it timed out requests before");
    assert!(out.iter().any(|&t| t > rejoin), "and it is taken out again: it flaps");
}

fn overloaded(rate: f64) -> Sim {
    // Two hosts x 2 processes x 10 ms = 400 req/s; backlog 1000 each; checks 5 s / 1 s.
    let s = scenario(
        &[(SEOUL, &["a"])],
        vec![
            comp("users", SEOUL, "a", clients(10_000.0)),
            comp("lb", SEOUL, "a", lb(5.0, 1.0, 2, 2)),
            comp("app", SEOUL, "a", app(2, 2, 10.0)),
        ],
        &[("users", "lb"), ("lb", "app")],
        rate,
        json!([]),
    );
    run(&s, 60.0)
}

#[test]
fn an_overloaded_target_fails_its_checks() {
    // At 600 req/s (rho = 1.5) each backlog grows by 100/s; a check waits behind it and its
    // 1 s timeout is passed once 200 requests wait (2 s after the start), so both hosts are
    // out within 2 + 5 x 2 + 1 s and the balancer (L7, not failing open) answers 503.
    let hot = overloaded(600.0);
    let app = hot.component_ids().iter().position(|c| c == "app").unwrap();
    let (out, _) = transitions(&hot, app);
    println!("overloaded: targets out at {out:?}");
    assert!(out.len() >= 2 && out[1] <= 13.0, "both hosts out by 13 s: {out:?}");
    let no_target = hot.metrics().totals.errors.get(archlab::engine::ErrorCause::NoHealthyTarget);
    assert!(no_target > 0, "the empty target group answers 503");
    // At 300 req/s (rho = 0.75) a check waits at most a few bursts: nobody is taken out.
    let calm = overloaded(300.0);
    assert!(transitions(&calm, app).0.is_empty());
    assert_eq!(calm.metrics().totals.failed, 0);
}

#[test]
fn checks_occupy_workers_but_are_not_requests() {
    // Checks every second against a tier with no traffic: no arrival, completion or error is
    // counted anywhere, yet the checks are served (the target stays healthy).
    let s = scenario(
        &[(SEOUL, &["a"])],
        vec![
            comp("users", SEOUL, "a", clients(10_000.0)),
            comp("lb", SEOUL, "a", lb(1.0, 0.5, 2, 2)),
            comp("app", SEOUL, "a", app(2, 1, 10.0)),
        ],
        &[("users", "lb"), ("lb", "app")],
        0.0,
        json!([]),
    );
    let sim = run(&s, 30.0);
    let t = &sim.metrics().totals;
    assert_eq!((t.arrived, t.completed, t.failed), (0, 0, 0));
    assert!(t.components.iter().all(|c| c.arrivals == 0 && c.completions == 0 && c.errors == 0));
    let app = sim.component_ids().iter().position(|c| c == "app").unwrap();
    assert!(transitions(&sim, app).0.is_empty());
    // 2 hosts x ~30 checks x 0.1 ms of a process: the busy integral shows them.
    let busy = t.components[app].busy_s;
    assert!(busy > 0.0 && busy < 0.1, "busy {busy} s");
}

/// A balancer switched to `layer` as the editor switches it: fail-open and cross-zone take
/// that layer's defaults (`LbLayer::fails_open`, `crosses_zones`: an NLB's or an ALB's).
fn with_layer(mut balancer: Value, layer: &str) -> Value {
    let l = if layer == "l4" { LbLayer::L4 } else { LbLayer::L7 };
    balancer["layer"] = json!(layer);
    balancer["fail_open"] = json!(l.fails_open());
    balancer["cross_zone"] = json!(l.crosses_zones());
    balancer
}

/// Users in zone a with `connections`, one balancer, four single-host tiers `t1`..`t4` (two
/// in zone a, two in zone b), 200 req/s for 20 s.
fn four_targets(layer: &str, connections: Option<u32>, cross_zone: Option<bool>) -> Sim {
    let mut users = clients(10_000.0);
    if let Some(n) = connections {
        users["connections"] = json!(n);
    }
    let mut balancer = with_layer(lb(30.0, 5.0, 2, 5), layer);
    if let Some(c) = cross_zone {
        balancer["cross_zone"] = json!(c);
    }
    let zone = |i: usize| if i <= 2 { "a" } else { "b" };
    let mut comps: Vec<Value> = vec![comp("users", SEOUL, "a", users), comp("lb", SEOUL, "a", balancer)];
    let mut links = vec![("users", "lb")];
    let ids = ["t1", "t2", "t3", "t4"];
    for (i, id) in ids.iter().enumerate() {
        comps.push(comp(id, SEOUL, zone(i + 1), app(1, 4, 5.0)));
        links.push(("lb", id));
    }
    let s = scenario(&[(SEOUL, &["a", "b"])], comps, &links, 200.0, json!([]));
    run(&s, 20.0)
}

fn loads(sim: &Sim) -> Vec<u64> {
    ["t1", "t2", "t3", "t4"].iter().map(|id| arrivals(sim, id)).collect()
}

#[test]
fn l4_pins_two_connections_to_two_targets_l7_spreads_requests() {
    // Two long-lived connections, cross-zone on so that zones play no part.
    let l4 = loads(&four_targets("l4", Some(2), Some(true)));
    let l7 = loads(&four_targets("l7", Some(2), None));
    println!("L4, 2 connections: {l4:?}; L7: {l7:?}");
    let total: u64 = l7.iter().sum();
    assert_eq!(l4.iter().filter(|&&n| n > 0).count(), 2, "L4 loads exactly two targets: {l4:?}");
    // The two loaded ones share the requests evenly (round robin over the connections).
    let loaded: Vec<u64> = l4.iter().copied().filter(|&n| n > 0).collect();
    assert!(loaded[0].abs_diff(loaded[1]) <= 1);
    // L7 round robin: each target a quarter, to within one request.
    assert!(l7.iter().all(|&n| n.abs_diff(total / 4) <= 1), "L7 loads all four: {l7:?}");
    // L4 with many users (a connection per request) spreads like L7.
    let many = loads(&four_targets("l4", None, Some(true)));
    assert!(many.iter().all(|&n| n > 0), "{many:?}");
}

#[test]
fn l4_without_cross_zone_keeps_requests_in_the_users_zone() {
    // The L4 default (an NLB's): cross-zone off. Users in zone a reach only t1 and t2.
    let l4 = loads(&four_targets("l4", None, None));
    println!("L4 default: {l4:?}");
    assert!(l4[0] > 0 && l4[1] > 0 && l4[2] == 0 && l4[3] == 0, "{l4:?}");
    assert!(l4[0].abs_diff(l4[1]) <= 1);
    // The L7 default (an ALB's): cross-zone on, all four.
    let l7 = loads(&four_targets("l7", None, None));
    assert!(l7.iter().all(|&n| n > 0), "{l7:?}");
    // Turned on explicitly, L4 crosses zones too.
    let on = loads(&four_targets("l4", None, Some(true)));
    assert!(on.iter().all(|&n| n > 0), "{on:?}");
}

#[test]
fn without_cross_zone_a_zone_without_healthy_targets_spills_over() {
    // Kill zone a's targets at 10 s: once both are taken out, zone a's node has nothing
    // healthy, and requests go to zone b (an NLB's DNS drops that node). Checks 2 s / 1 s x 2.
    let balancer = with_layer(lb(2.0, 1.0, 2, 2), "l4");
    let s = scenario(
        &[(SEOUL, &["a", "b"])],
        vec![
            comp("users", SEOUL, "a", clients(10_000.0)),
            comp("lb", SEOUL, "a", balancer),
            comp("app-a", SEOUL, "a", app(2, 4, 5.0)),
            comp("app-b", SEOUL, "b", app(2, 4, 5.0)),
        ],
        &[("users", "lb"), ("lb", "app-a"), ("lb", "app-b")],
        200.0,
        json!([kill(10.0, json!({ "kind": "component", "id": "app-a" }))]),
    );
    let mut sim = Sim::new(&s, 11).unwrap();
    sim.advance_to(archlab::engine::secs(10.0));
    // Before the kill, zone b got no request; from detection (<= 10 + 2 x 2 + 1 s) on, all.
    assert_eq!(arrivals(&sim, "app-b"), 0, "zone b idle while zone a is healthy");
    sim.advance_to(archlab::engine::secs(30.0));
    let rows = series(&sim);
    assert!(arrivals(&sim, "app-b") > 190 * 14);
    // Requests sent to the dead targets before detection (<= 15 s) fail only after the
    // balancer's 10 s connect timeout (a dead host does not answer): none from 26 s on.
    assert_eq!(errors_in(&rows, 26, 30), 0, "no errors once zone a's targets are out");
    assert!(completed_in(&rows, 16, 30) > 190 * 14);
}

#[test]
fn switching_the_layer_moves_only_the_settings_left_at_their_defaults() {
    use archlab::model::LoadBalancer;
    // A new balancer is L7: no fail-open (the lab's choice), cross-zone on (an ALB's).
    let mut lb = LoadBalancer::default();
    assert_eq!((lb.fail_open, lb.cross_zone), (false, true));
    // Switched to L4 it takes an NLB's defaults: fail open, cross-zone off; and back.
    lb.set_layer(LbLayer::L4);
    assert_eq!((lb.fail_open, lb.cross_zone), (true, false));
    lb.set_layer(LbLayer::L7);
    assert_eq!((lb.fail_open, lb.cross_zone), (false, true));
    // A setting the user changed stays when the layer changes (the other follows the layer).
    lb.fail_open = true;
    lb.set_layer(LbLayer::L4);
    assert_eq!((lb.fail_open, lb.cross_zone), (true, false));
}
