//! The bottleneck callout names the component that limits the design, on scenarios whose
//! answer is known: first from hand-made observations (the decision rules), then from real
//! runs of the engine (the evidence the rules read).

use archlab::analysis::{diagnose, observe, Observation, Observed, Suggestion, Verdict};
use archlab::catalog::{app_server, preset};
use archlab::engine::{secs, Health, Sim};
use archlab::model::*;

fn obs(s: &Scenario, set: &[(&str, f64, f64)]) -> Observation {
    let mut o = Observation { components: vec![Observed::default(); s.components.len()], window_s: 5 };
    for (id, util, growth) in set {
        let i = s.components.iter().position(|c| c.id == *id).expect("known id");
        o.components[i].utilization = *util;
        o.components[i].queue_growth_per_s = *growth;
    }
    o
}

fn limit(v: Verdict) -> (String, Suggestion) {
    match v {
        Verdict::Limit(f) => (f.id, f.suggestion),
        Verdict::Clear => panic!("expected a bottleneck, got none"),
    }
}

/// users → lb → one tier of `count` app servers → db, in one zone.
fn tier_behind_lb(count: u32, rate: f64) -> Scenario {
    let mut s = preset("load-balancer").expect("preset exists");
    s.component_mut("app-1").expect("app-1").kind = app_server(count);
    s.traffic.rate_rps = rate;
    s
}

/// users → lb (round robin) → app-fast (3 servers) and app-slow (1 server, 10× the CPU time).
fn slow_target(rate: f64) -> Scenario {
    let mut s = tier_behind_lb(3, rate);
    let mut slow = s.component("app-1").expect("app-1").clone();
    slow.id = "app-slow".into();
    slow.y += 120.0;
    if let Kind::AppServer(a) = &mut slow.kind {
        a.count = 1;
        a.cpu_ms *= 10.0;
    }
    s.components.push(slow);
    s.links.push(Link { from: "lb-1".into(), to: "app-slow".into(), rtt_ms: None });
    s.links.push(Link { from: "app-slow".into(), to: "db-1".into(), rtt_ms: None });
    assert_eq!(validate(&s), vec![], "the slow-target scenario is valid");
    s
}

#[test]
fn nothing_busy_means_no_bottleneck() {
    let s = preset("load-balancer").unwrap();
    assert_eq!(diagnose(&s, &obs(&s, &[("app-1", 0.5, 0.0), ("db-1", 0.3, 0.0)])), Verdict::Clear);
    assert_eq!(diagnose(&s, &Observation::default()), Verdict::Clear);
}

#[test]
fn a_saturated_single_server_is_named_and_the_database_should_move_out() {
    let s = preset("single-server").unwrap();
    let (id, sug) = limit(diagnose(&s, &obs(&s, &[("app-1", 1.0, 4.0), ("db-1", 0.3, 0.0)])));
    assert_eq!((id.as_str(), sug), ("app-1", Suggestion::DbOwnServer));
    // A database on the host is part of the host: its saturation names the host.
    let (id, _) = limit(diagnose(&s, &obs(&s, &[("app-1", 0.8, 0.0), ("db-1", 0.97, 2.0)])));
    assert_eq!(id, "app-1");
}

#[test]
fn a_saturated_database_behind_many_app_servers_is_the_cause_not_its_waiting_callers() {
    let s = tier_behind_lb(12, 2500.0);
    let (id, sug) = limit(diagnose(&s, &obs(&s, &[("app-1", 0.99, 30.0), ("db-1", 0.98, 50.0)])));
    assert_eq!((id.as_str(), sug), ("db-1", Suggestion::DbBusy { percent: 98 }));
}

#[test]
fn one_slow_target_under_round_robin_calls_for_least_connections() {
    let s = slow_target(200.0);
    let (id, sug) = limit(diagnose(&s, &obs(&s, &[("app-1", 0.2, 0.0), ("app-slow", 1.0, 5.0)])));
    assert_eq!((id.as_str(), sug), ("app-slow", Suggestion::LeastConnections));
    // With least connections already on, the answer is more servers.
    let mut s2 = s.clone();
    if let Kind::LoadBalancer(l) = &mut s2.component_mut("lb-1").unwrap().kind {
        l.algorithm = LbAlgorithm::LeastConnections;
    }
    let (_, sug) = limit(diagnose(&s2, &obs(&s2, &[("app-1", 0.2, 0.0), ("app-slow", 1.0, 5.0)])));
    assert_eq!(sug, Suggestion::AddServers);
}

#[test]
fn fewer_processes_than_cores_calls_for_more_processes() {
    let mut s = preset("separate-db").unwrap();
    if let Kind::AppServer(a) = &mut s.component_mut("app-1").unwrap().kind {
        a.vcpus = 4;
        a.processes = 1;
    }
    let (id, sug) = limit(diagnose(&s, &obs(&s, &[("app-1", 1.0, 3.0)])));
    assert_eq!((id.as_str(), sug), ("app-1", Suggestion::MoreProcesses { vcpus: 4 }));
}

#[test]
fn a_lone_saturated_server_without_a_balancer_should_scale_out() {
    let s = preset("separate-db").unwrap();
    let (id, sug) = limit(diagnose(&s, &obs(&s, &[("app-1", 0.95, 1.0)])));
    assert_eq!((id.as_str(), sug), ("app-1", Suggestion::ScaleOut));
    // Busy but with its queue steady and below 90%: not yet a bottleneck.
    assert_eq!(diagnose(&s, &obs(&s, &[("app-1", 0.8, 0.0)])), Verdict::Clear);
    // Busy and its queue growing: saturated.
    assert!(matches!(diagnose(&s, &obs(&s, &[("app-1", 0.8, 2.0)])), Verdict::Limit(_)));
}

#[test]
fn the_only_load_balancer_down_is_a_single_point_of_failure() {
    let s = preset("lb-spof").unwrap();
    let mut o = obs(&s, &[]);
    let lb = s.components.iter().position(|c| c.id == "lb-1").unwrap();
    o.components[lb].health = Health::Down;
    let (id, sug) = limit(diagnose(&s, &o));
    assert_eq!((id.as_str(), sug), ("lb-1", Suggestion::LbSpof));
    // Two load balancers behind DNS: one down is not a single point of failure.
    let s = preset("multi-az").unwrap();
    let mut o = obs(&s, &[]);
    let lb = s.components.iter().position(|c| c.id == "lb-1").unwrap();
    o.components[lb].health = Health::Down;
    assert_eq!(diagnose(&s, &o), Verdict::Clear);
}

// ---- From real runs of the engine ------------------------------------------------------------

/// Runs `s` for `seconds` and diagnoses the last five seconds.
fn run(s: &Scenario, seconds: f64) -> Verdict {
    let mut sim = Sim::new(s, s.seed).expect("valid scenario");
    sim.advance_to(secs(seconds));
    let o = observe(s, &sim.snapshot(), sim.metrics(), 5, None);
    diagnose(s, &o)
}

#[test]
fn run_a_single_server_at_twice_its_capacity() {
    // About 166 req/s fit on the preset's one host (see catalog::presets); send 400.
    let mut s = preset("single-server").unwrap();
    s.traffic.rate_rps = 400.0;
    let (id, sug) = limit(run(&s, 20.0));
    assert_eq!((id.as_str(), sug), ("app-1", Suggestion::DbOwnServer));
}

#[test]
fn run_a_database_behind_twelve_app_servers() {
    // The database serves about 2,000 req/s (8 connections x 2 ms, 2 queries per request);
    // twelve servers could serve 3,000.
    let s = tier_behind_lb(12, 2600.0);
    let (id, sug) = limit(run(&s, 20.0));
    assert_eq!(id, "db-1");
    assert!(matches!(sug, Suggestion::DbBusy { .. }), "{sug:?}");
}

#[test]
fn run_a_slow_target_under_round_robin() {
    // Each of 4 hosts gets 50 req/s; the slow one serves 2 cores / 80 ms = 25 req/s.
    let s = slow_target(200.0);
    let (id, sug) = limit(run(&s, 20.0));
    assert_eq!((id.as_str(), sug), ("app-slow", Suggestion::LeastConnections));
}

#[test]
fn run_a_comfortable_load_has_no_bottleneck() {
    let mut s = preset("load-balancer").unwrap();
    s.traffic.rate_rps = 200.0;
    assert_eq!(run(&s, 20.0), Verdict::Clear);
}
