//! Hostile and random scenarios: whatever the validator accepts runs without panicking, never
//! loses a request, and stays deterministic.

mod scenarios;

use archlab::engine::{secs, Sim};
use archlab::model::{validate, Kind, Scenario};
use proptest::prelude::*;
use scenarios::*;
use serde_json::{json, Value};

const ZONES: [&str; 2] = ["a", "b"];
const POLICIES: [&str; 3] = ["latency", "failover", "round_robin"];
const ALGORITHMS: [&str; 5] = ["round_robin", "least_connections", "random", "power_of_two", "weighted"];

/// A random design: a few components of every kind with random settings, random links
/// (including ones validation refuses) and a random fault timeline.
fn design() -> impl Strategy<Value = Scenario> {
    let comp_kind = prop_oneof![
        (0.0..3.0f64, 1.0..5000.0f64).prop_map(|(w, t)| json!({ "type": "clients", "weight": w, "timeout_ms": t })),
        (0usize..3, 0.0..30.0f64).prop_map(|(p, ttl)| json!({ "type": "dns",
            "policy": POLICIES[p], "ttl_s": ttl,
            "health_check": { "interval_s": 2.0, "timeout_s": 1.0, "unhealthy_threshold": 2, "healthy_threshold": 2 } })),
        (0usize..5, any::<bool>()).prop_map(|(a, open)| json!({ "type": "load_balancer",
            "algorithm": ALGORITHMS[a],
            "fail_open": open,
            "health_check": { "interval_s": 1.0, "timeout_s": 0.5, "unhealthy_threshold": 1, "healthy_threshold": 1 } })),
        (1u32..4, 1u32..4, 1u32..70, 0.01..50.0f64, 0u32..4, 0.0..1.0f64, 0u32..20).prop_map(
            |(count, vcpus, procs, cpu, q, wr, backlog)| json!({ "type": "app_server", "count": count,
                "vcpus": vcpus, "processes": procs, "cpu_ms": cpu, "db_queries": q, "write_ratio": wr,
                "backlog": backlog, "restart_delay_s": 0.5 })
        ),
        (1u32..20, 0.01..20.0f64, 0u32..10, any::<bool>()).prop_map(|(c, qms, lim, constant)| json!({
            "type": "database", "max_connections": c, "query_ms": qms, "queue_limit": lim,
            "service": if constant { "constant" } else { "exponential" }, "failover_s": 1.0 })),
    ];
    let comps = prop::collection::vec((comp_kind, 0usize..2), 2..9);
    let links = prop::collection::vec((0.0..1.0f64, prop::option::of(0.0..50.0f64)), 81);
    let faults = prop::collection::vec((0.0..8.0f64, 0usize..9, 0usize..6), 0..8);
    (comps, links, faults, 1.0..3000.0f64).prop_map(|(comps, links, faults, rate)| {
        let ids: Vec<String> = (0..comps.len()).map(|i| format!("c{i}")).collect();
        let components: Vec<Value> =
            comps.iter().enumerate().map(|(i, (k, z))| comp(&ids[i], SEOUL, ZONES[*z], k.clone())).collect();
        let mut scenario = scenario(&[(SEOUL, &ZONES)], components, &[], rate, json!([]));
        // Put some databases on an app host (book step 1) where validation allows it.
        let apps: Vec<String> = scenario
            .components
            .iter()
            .filter(|c| matches!(&c.kind, Kind::AppServer(a) if a.count == 1))
            .map(|c| c.id.clone())
            .collect();
        for (i, c) in scenario.components.iter_mut().enumerate() {
            if let (Kind::Database(d), false) = (&mut c.kind, apps.is_empty()) {
                if i % 2 == 0 {
                    d.host = Some(apps[i % apps.len()].clone());
                }
            }
        }
        // Keep the links validation accepts, so that most designs are runnable.
        for (k, (p, rtt)) in links.into_iter().enumerate() {
            let (f, t) = (k / 9, k % 9);
            if p < 0.6 && f < ids.len() && t < ids.len() {
                let v = json!({ "from": ids[f], "to": ids[t], "rtt_ms": rtt });
                scenario.links.push(archlab::share::from_value(&v).unwrap());
                if validate(&scenario).iter().any(|d| d.path.starts_with("links")) {
                    scenario.links.pop();
                }
            }
        }
        for (at, c, what) in faults {
            let id = &ids[c % ids.len()];
            let zone = json!({ "region": SEOUL, "zone": "a" });
            let other = json!({ "region": SEOUL, "zone": "b" });
            let action = match what {
                0 => json!({ "do": "kill", "target": { "kind": "component", "id": id } }),
                1 => json!({ "do": "revive", "target": { "kind": "component", "id": id } }),
                2 => json!({ "do": "kill", "target": { "kind": "zone", "region": SEOUL, "zone": "b" } }),
                3 => json!({ "do": "partition", "a": zone, "b": other }),
                4 => json!({ "do": "kill", "target": { "kind": "server", "id": id, "index": 0 } }),
                _ => json!({ "do": "kill", "target": { "kind": "process", "id": id, "server": 0, "index": 0 } }),
            };
            scenario.faults.push(archlab::share::from_value(&json!({ "at_s": at, "action": action })).unwrap());
        }
        scenario
    })
}

fn drive(s: &Scenario, seed: u64) -> u64 {
    let mut sim = Sim::new(s, seed).expect("validated");
    let end = secs(10.0);
    // An event budget keeps a huge scenario from making the test slow; slicing must not matter.
    for _ in 0..40 {
        if sim.advance(end, 5_000) < 5_000 {
            break;
        }
        let m = sim.metrics();
        assert_eq!(m.totals.arrived, m.totals.completed + m.totals.failed + sim.in_flight());
        assert_eq!(m.totals.errors.total(), m.totals.failed);
        let _ = sim.snapshot();
        let _ = sim.dots(50);
    }
    sim.fingerprint()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, max_global_rejects: 4096, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_scenario_runs_and_accounts_for_every_request(s in design(), seed in 0u64..1000) {
        prop_assume!(validate(&s).is_empty());
        let wired = s.links.len();
        prop_assert_eq!(drive(&s, seed), drive(&s, seed), "{} links", wired);
    }
}

#[test]
fn a_flood_is_bounded_by_the_request_cap() {
    // One slow process, a huge rate and a 10 s link: the wire alone would hold millions.
    let s = scenario(
        &[(SEOUL, &["a"])],
        vec![
            comp("users", SEOUL, "a", clients(600_000.0)),
            comp(
                "app",
                SEOUL,
                "a",
                json!({ "type": "app_server", "processes": 1, "cpu_ms": 600000, "backlog": 100000 }),
            ),
        ],
        &[],
        1_000_000.0,
        json!([]),
    );
    let mut s = s;
    s.links
        .push(archlab::share::from_value(&json!({ "from": "users", "to": "app", "rtt_ms": 10000 })).unwrap());
    assert!(validate(&s).is_empty());
    let mut sim = Sim::new(&s, 1).unwrap();
    sim.advance_to(secs(2.5));
    let m = sim.metrics();
    println!(
        "{} arrived, {} in flight, {} refused at the client",
        m.totals.arrived,
        sim.in_flight(),
        m.totals.errors.queue_full
    );
    assert!(sim.in_flight() <= 2_000_000);
    assert!(m.totals.errors.queue_full > 400_000);
    assert!(sim.log().iter().any(|e| matches!(e.kind, archlab::engine::LogKind::QueueFull)));
}
