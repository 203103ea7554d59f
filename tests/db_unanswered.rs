//! A database that does not answer: a dead one, or one across a partition, costs each query sent
//! to it the driver's connect timeout (`catalog::DB_CONNECT_TIMEOUT_S`, 10 s), and the app
//! process that sent it stays busy meanwhile.
//!
//! The numbers are computed by hand from the settings: users, app and database in one zone are
//! 0.2 ms apart (a round trip, jittered by at most 10 %), the app's CPU burst is a constant
//! 10 ms and a query a constant 5 ms (no CPU part, so no core queue). A request that succeeds
//! takes 0.1 + 10 + 0.1 + 5 + 0.1 + 0.1 = 15.4 ms; one whose query goes unanswered fails
//! 0.1 + 10 + 10,000 + 0.1 = 10,010.2 ms after its birth: the timeout counts from when the
//! query was sent, so the crossing to the database is inside it.

mod scenarios;

use archlab::catalog::DB_CONNECT_TIMEOUT_S;
use archlab::engine::{secs, LogKind, Sim};
use scenarios::*;
use serde_json::{json, Value};

/// Path of a failed request around its 10 s wait: client -> app, the CPU burst, app -> client.
const FAILED_MS: f64 = 0.1 + 10.0 + DB_CONNECT_TIMEOUT_S * 1000.0 + 0.1;
/// The jitter of the three one-way crossings a request makes (10 % of 0.1 ms each) bounds
/// how far any one request, and so their mean, can be from the hand-computed figure.
const JITTER_MS: f64 = 0.03;

/// Users who wait long enough (60 s) for the database's timeout to be what they see.
fn patient_users(zone: &str) -> Value {
    comp("users", SEOUL, zone, clients(60_000.0))
}

/// One app host of `procs` processes (4 cores), a constant 10 ms burst and one query.
fn app_tier(zone: &str, procs: u32, backlog: u32) -> Value {
    comp(
        "app",
        SEOUL,
        zone,
        json!({ "type": "app_server", "count": 1, "vcpus": 4, "processes": procs, "cpu_ms": 10,
                "service": "constant", "db_queries": 1, "write_ratio": 1.0, "backlog": backlog }),
    )
}

/// A database of the given role whose queries take a constant `query_ms`, all of it waiting
/// (no CPU part).
fn db(id: &str, zone: &str, role: &str, query_ms: f64) -> Value {
    comp(
        id,
        SEOUL,
        zone,
        json!({ "type": "database", "role": role, "primary": if role == "primary" { Value::Null } else { json!("db") },
                "query_ms": query_ms, "service": "constant", "query_cpu_fraction": 0.0,
                "failover_s": 30 }),
    )
}

fn ids(sim: &Sim, id: &str) -> usize {
    sim.component_ids().iter().position(|c| c == id).unwrap()
}

/// Every request is accounted for exactly once: done (one cause each) or still in flight.
fn accounted(sim: &Sim) {
    let m = sim.metrics();
    assert_eq!(m.totals.arrived, m.totals.completed + m.totals.failed + sim.in_flight());
    let e = &m.totals.errors;
    let causes = e.timeout
        + e.refused
        + e.connect_timeout
        + e.no_healthy_target
        + e.queue_full
        + e.app_error
        + e.too_many_connections;
    assert_eq!(causes, m.totals.failed);
}

/// Only timeouts failed, and each of them exactly the database's timeout after its query left.
fn each_failure_costs_the_timeout(sim: &Sim) {
    let m = sim.metrics();
    assert!(m.totals.failed > 0);
    assert_eq!(m.totals.errors.connect_timeout, m.totals.failed, "{:?}", m.totals.errors);
    let mean = m.mean_failed_latency_ms();
    println!("{} failed, mean time to failure {mean:.3} ms (by hand {FAILED_MS:.1} ms)", m.totals.failed);
    assert!((mean - FAILED_MS).abs() <= JITTER_MS, "mean {mean}");
    // The histogram keeps 3 significant digits: the slowest is the same 10.01 s.
    let p100 = m.failed_latency_ms(1.0);
    assert!((p100 - FAILED_MS).abs() <= 0.001 * FAILED_MS, "slowest {p100}");
}

#[test]
fn a_killed_database_costs_each_query_the_connect_timeout() {
    // 2 req/s for 10 s of outage: about 20 queries wait at once, well within 64 processes.
    let s = scenario(
        &[(SEOUL, &["a"])],
        vec![patient_users("a"), app_tier("a", 64, 1000), db("db", "a", "primary", 5.0)],
        &[("users", "app"), ("app", "db")],
        2.0,
        json!([
            kill(10.0, json!({ "kind": "component", "id": "db" })),
            revive(20.0, json!({ "kind": "component", "id": "db" }))
        ]),
    );
    let sim = run(&s, 60.0);
    let rows = series(&sim);
    each_failure_costs_the_timeout(&sim);
    accounted(&sim);
    // Nothing fails at once: the first failure comes 10 s after the kill, the last 10 s after
    // the revival, and nothing between the kill and the revival completes.
    assert_eq!(errors_in(&rows, 0, 20), 0);
    assert_eq!(completed_in(&rows, 11, 20), 0);
    assert_eq!(errors_in(&rows, 31, 60), 0);
    assert!(completed_in(&rows, 21, 60) > 0);
    // A successful request's path, for comparison: 15.4 ms.
    let m = sim.metrics();
    assert!((m.mean_latency_ms() - 15.4).abs() <= 0.05, "{}", m.mean_latency_ms());
}

#[test]
fn a_partition_between_app_and_database_costs_each_query_the_connect_timeout() {
    // The database in zone b; a query that meets the cut, or whose answer does, is unanswered.
    let s = scenario(
        &[(SEOUL, &["a", "b"])],
        vec![patient_users("a"), app_tier("a", 64, 1000), db("db", "b", "primary", 5.0)],
        &[("users", "app"), ("app", "db")],
        2.0,
        json!([
            { "at_s": 10.0, "action": { "do": "partition", "a": { "region": SEOUL, "zone": "a" },
                                         "b": { "region": SEOUL, "zone": "b" } } },
            { "at_s": 20.0, "action": { "do": "heal", "a": { "region": SEOUL, "zone": "a" },
                                         "b": { "region": SEOUL, "zone": "b" } } }
        ]),
    );
    let sim = run(&s, 60.0);
    let rows = series(&sim);
    each_failure_costs_the_timeout(&sim);
    accounted(&sim);
    assert_eq!(errors_in(&rows, 0, 20), 0, "a cut does not refuse");
    assert_eq!(completed_in(&rows, 11, 20), 0);
    assert_eq!(errors_in(&rows, 31, 60), 0);
}

#[test]
fn workers_are_held_while_the_database_does_not_answer() {
    // 4 processes, each held 10.01 s per request while the database is dead: the tier serves
    // 4 / 10.01 = 0.4 req/s, so at 5 req/s its backlog grows by about 4.6 a second and its
    // 100 places are full about 100 / 4.6 = 22 s after the kill.
    let s = scenario(
        &[(SEOUL, &["a"])],
        vec![patient_users("a"), app_tier("a", 4, 100), db("db", "a", "primary", 5.0)],
        &[("users", "app"), ("app", "db")],
        5.0,
        json!([kill(10.0, json!({ "kind": "component", "id": "db" }))]),
    );
    let mut sim = Sim::new(&s, 11).unwrap();
    let app = ids(&sim, "app");
    sim.advance_to(secs(9.9));
    let before = sim.snapshot().components[app].clone();
    assert_eq!(before.queue, 0, "5 req/s of 15 ms each leave the 4 workers mostly idle");
    sim.advance_to(secs(25.0));
    let filling = sim.snapshot().components[app].clone();
    // Expected 15 s x 5 req/s = 75 arrivals, 8 of them taken by the workers (4 at the kill, 4
    // more at about 20 s): 67 waiting, give or take the Poisson spread (sd about 9).
    println!("backlog at 25 s: {} of {}", filling.queue, filling.queue_capacity);
    assert_eq!(filling.busy, 4, "every worker waits on the dead database");
    assert!((45..=90).contains(&filling.queue), "backlog {}", filling.queue);
    sim.advance_to(secs(60.0));
    let full = sim.snapshot().components[app].clone();
    assert_eq!((full.busy, full.queue, full.queue_capacity), (4, 100, 100));
    let rows = series(&sim);
    // The workers took their first hung request just after the kill and each lets go of one
    // every 10.01 s: four rounds (at about 20, 30, 40 and 50 s) before 60 s, 16 failures. From
    // about 32 s the backlog refuses what does not fit (5 - 0.4 = 4.6 req/s).
    let e = &sim.metrics().totals.errors;
    println!("{e:?}");
    assert_eq!(e.connect_timeout, 16);
    let full_refusals: u64 = rows[40..60].iter().map(|r| r.errors.queue_full).sum();
    assert!((60..=130).contains(&full_refusals), "{full_refusals} refused in 20 s at 4.6 a second");
    accounted(&sim);
}

#[test]
fn queries_inside_a_dying_database_wait_from_when_they_were_sent() {
    // Reads go to a replica whose queries take 2 s, so about four are inside it when it dies;
    // their app processes wait 10 s from sending them, as for any unanswered query. Later reads
    // go to the primary at once: the pool knows the replica is down.
    let s = scenario(
        &[(SEOUL, &["a"])],
        vec![
            patient_users("a"),
            comp(
                "app",
                SEOUL,
                "a",
                json!({ "type": "app_server", "count": 1, "vcpus": 4, "processes": 64, "cpu_ms": 10,
                        "service": "constant", "db_queries": 1, "write_ratio": 0.0 }),
            ),
            db("db", "a", "primary", 5.0),
            db("replica", "a", "read_replica", 2000.0),
        ],
        &[("users", "app"), ("app", "db"), ("app", "replica")],
        2.0,
        json!([kill(10.0, json!({ "kind": "component", "id": "replica" }))]),
    );
    let sim = run(&s, 40.0);
    let rows = series(&sim);
    each_failure_costs_the_timeout(&sim);
    accounted(&sim);
    assert!(sim.metrics().totals.failed <= 12, "only the reads inside it: {}", sim.metrics().totals.failed);
    // They were sent in (8 s, 10 s], so they fail in (18 s, 20.1 s).
    assert_eq!(errors_in(&rows, 0, 18), 0);
    assert_eq!(errors_in(&rows, 21, 40), 0);
    assert!(completed_in(&rows, 11, 18) > 0, "new reads go to the primary");
}

#[test]
fn a_promoted_standby_serves_new_queries_while_old_ones_wait_out_their_timeout() {
    // failover_s = 30: the primary dies at 10 s, the standby is its primary from 40 s.
    let s = scenario(
        &[(SEOUL, &["a", "b"])],
        vec![
            patient_users("a"),
            app_tier("a", 64, 1000),
            db("db", "a", "primary", 5.0),
            db("standby", "b", "standby", 5.0),
        ],
        &[("users", "app"), ("app", "db")],
        2.0,
        json!([kill(10.0, json!({ "kind": "component", "id": "db" }))]),
    );
    let sim = run(&s, 80.0);
    let rows = series(&sim);
    let started = log_time(&sim, |k| matches!(k, LogKind::FailoverStarted { .. })).unwrap();
    let done = log_time(&sim, |k| matches!(k, LogKind::FailoverDone { .. })).unwrap();
    assert_eq!((started, done), (10.0, 40.0));
    each_failure_costs_the_timeout(&sim);
    accounted(&sim);
    // Queries sent to the dead primary in [10 s, 40 s) fail in [20 s, 50.1 s); those sent
    // after the promotion are served at once, while the last old ones still wait.
    assert_eq!(completed_in(&rows, 11, 40), 0);
    assert_eq!(errors_in(&rows, 0, 20), 0);
    assert!(completed_in(&rows, 41, 50) > 0 && errors_in(&rows, 41, 50) > 0);
    assert_eq!(errors_in(&rows, 51, 80), 0);
}
