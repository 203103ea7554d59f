//! Same scenario + seed = the same run, however it is sliced into advances.
//!
//! One scenario exercises every moving part (DNS, two balancers, a database with standby and
//! replica, a timeline with a process crash, a server death, a partition and a failover); its
//! fingerprint (totals, every series row, the log) must not depend on how the owner drives the
//! clock: one big advance, many small ones, 60 Hz frames, or event budgets.

mod scenarios;

use archlab::engine::{secs, Sim, Time, NS_PER_MS};
use scenarios::*;
use serde_json::json;

const END_S: f64 = 90.0;

fn busy_scenario() -> archlab::model::Scenario {
    let zone = |z: &str| json!({ "region": SEOUL, "zone": z });
    scenario(
        &[(SEOUL, &["a", "b"])],
        vec![
            comp("users", SEOUL, "a", clients(2_000.0)),
            comp("dns", SEOUL, "a", dns("round_robin", 5.0, 5.0, 1.0, 2)),
            comp("lb-a", SEOUL, "a", lb(2.0, 1.0, 2, 2)),
            comp("lb-b", SEOUL, "b", json!({ "type": "load_balancer", "algorithm": "power_of_two" })),
            comp(
                "app",
                SEOUL,
                "a",
                json!({ "type": "app_server", "count": 3, "vcpus": 2, "processes": 4, "cpu_ms": 8,
                        "db_queries": 2, "write_ratio": 0.3, "backlog": 50 }),
            ),
            comp(
                "db",
                SEOUL,
                "a",
                json!({ "type": "database", "max_connections": 6, "query_ms": 3,
                                           "queue_limit": 20, "failover_s": 15 }),
            ),
            comp("standby", SEOUL, "b", json!({ "type": "database", "role": "standby", "primary": "db" })),
            comp(
                "replica",
                SEOUL,
                "b",
                json!({ "type": "database", "role": "read_replica", "primary": "db" }),
            ),
        ],
        &[
            ("users", "dns"),
            ("dns", "lb-a"),
            ("dns", "lb-b"),
            ("lb-a", "app"),
            ("lb-b", "app"),
            ("app", "db"),
            ("app", "replica"),
        ],
        500.0,
        json!([
            kill(10.0, json!({ "kind": "process", "id": "app", "server": 0, "index": 1 })),
            kill(20.0, json!({ "kind": "server", "id": "app", "index": 2 })),
            { "at_s": 30.0, "action": { "do": "partition", "a": zone("a"), "b": zone("b") } },
            { "at_s": 40.0, "action": { "do": "heal", "a": zone("a"), "b": zone("b") } },
            kill(45.0, json!({ "kind": "component", "id": "db" })),
            revive(60.0, json!({ "kind": "server", "id": "app", "index": 2 })),
            { "at_s": 65.0, "action": { "do": "add_latency", "a": zone("a"), "b": zone("b"), "ms": 20 } },
            kill(70.0, json!({ "kind": "component", "id": "lb-a" }))
        ]),
    )
}

fn new_sim(seed: u64) -> Sim {
    Sim::new(&busy_scenario(), seed).expect("valid scenario")
}

fn in_steps(seed: u64, step: Time) -> Sim {
    let mut sim = new_sim(seed);
    let end = secs(END_S);
    let mut t = 0;
    while t < end {
        t = (t + step).min(end);
        sim.advance_to(t);
        let m = sim.metrics();
        assert_eq!(m.totals.arrived, m.totals.completed + m.totals.failed + sim.in_flight());
    }
    sim
}

fn in_budgets(seed: u64, budget: u64) -> Sim {
    let mut sim = new_sim(seed);
    let end = secs(END_S);
    while sim.advance(end, budget) == budget {}
    assert_eq!(sim.now(), end);
    sim
}

#[test]
fn slicing_does_not_change_the_run() {
    let mut one = new_sim(3);
    one.advance_to(secs(END_S));
    let m = one.metrics();
    println!(
        "{} arrived, {} completed, {} failed, {} log entries, {} events",
        m.totals.arrived,
        m.totals.completed,
        m.totals.failed,
        one.log().len(),
        one.events_processed()
    );
    // The database's failover at 45 s holds the app tier's workers on the dead primary for
    // 25 s (15 s failover and the driver's 10 s timeout), so fewer complete than before it did.
    assert!(m.totals.failed > 0 && m.totals.completed > 10_000, "the scenario exercises failures");
    let reference = one.fingerprint();
    let runs = [
        ("1 ms steps", in_steps(3, NS_PER_MS)),
        ("60 Hz frames", in_steps(3, 16_666_667)),
        ("1 s steps", in_steps(3, secs(1.0))),
        ("budgets of 1,000 events", in_budgets(3, 1_000)),
        ("budgets of 7 events", in_budgets(3, 7)),
    ];
    for (name, sim) in &runs {
        assert_eq!(sim.metrics().series, one.metrics().series, "{name}: series");
        assert_eq!(sim.log(), one.log(), "{name}: log");
        assert_eq!(sim.fingerprint(), reference, "{name}: fingerprint");
    }
}

#[test]
fn different_seeds_give_different_runs() {
    let mut a = new_sim(3);
    let mut b = new_sim(4);
    a.advance_to(secs(20.0));
    b.advance_to(secs(20.0));
    assert_ne!(a.fingerprint(), b.fingerprint());
    assert_ne!(a.metrics().totals.arrived, b.metrics().totals.arrived);
}

#[test]
fn every_request_is_accounted_for() {
    let mut sim = new_sim(9);
    for k in 1..=90 {
        sim.advance_to(secs(k as f64));
        let m = sim.metrics();
        assert_eq!(m.totals.arrived, m.totals.completed + m.totals.failed + sim.in_flight());
        let causes = m.totals.errors.total();
        assert_eq!(causes, m.totals.failed, "one cause per failed request");
    }
}
