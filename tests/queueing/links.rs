//! Fixed link delays add exactly. With constant service times and so many processes, cores and
//! connections that nothing ever waits, every request takes exactly
//! rtt(users→app) + cpu + queries × (rtt(app→db) + query): no randomness is left, so the test
//! demands equality (up to the histogram's bucket and f64 summation), not a confidence interval.
//! "Nothing waits": at 100 req/s the longest case (185.5 ms) keeps a Poisson number of mean
//! 19 of the 64 processes busy (P(all 64) < 1e-14), the cores carry at most 0.4 of 64 and the
//! database 0.45 of 100 connections.

use archlab::engine::{secs, Sim};
use archlab::model::ServiceDist;

use super::build::{behind_a_balancer, db, station, Db, Station};
use super::stats::Report;

struct Case {
    /// Put a load balancer (no service time) between the clients and two app hosts, its
    /// second link with this round trip.
    lb_rtt_ms: Option<f64>,
    rtt_users_ms: f64,
    cpu_ms: f64,
    rtt_db_ms: f64,
    query_ms: f64,
    queries: u32,
}

fn check(k: Case) {
    let app = Station {
        processes: 64,
        vcpus: 64,
        service: ServiceDist::Constant,
        rtt_ms: k.rtt_users_ms,
        ..station(64, 100.0, 1000.0 / k.cpu_ms)
    };
    let database =
        Db { service: ServiceDist::Constant, rtt_ms: k.rtt_db_ms, ..db(100, 1000.0 / k.query_ms, k.queries) };
    let expected_ms = k.rtt_users_ms
        + k.lb_rtt_ms.unwrap_or(0.0)
        + k.cpu_ms
        + k.queries as f64 * (k.rtt_db_ms + k.query_ms);
    let mut scenario = app.scenario_with(Some(database));
    if let Some(rtt) = k.lb_rtt_ms {
        behind_a_balancer(&mut scenario, rtt);
    }
    let mut sim = Sim::new(&scenario, 7).expect("valid");
    sim.set_measure_from(0);
    sim.advance_to(secs(30.0));
    let t = &sim.metrics().totals;
    let h = &t.latency_us;
    let want_us = (expected_ms * 1000.0).round() as u64;
    let mean_ms = t.latency_sum_s * 1000.0 / t.completed as f64;
    let mut r = Report::default();
    r.holds("requests completed", t.completed > 2500, format!("{} of {} arrived", t.completed, t.arrived));
    r.holds("no failures", t.failed == 0, format!("{} failed", t.failed));
    r.holds(
        "every latency = sum of the parts",
        !h.is_empty() && h.lowest_equivalent(want_us) <= h.min() && h.max() <= h.highest_equivalent(want_us),
        format!("expected {want_us} µs; histogram min {} max {} µs", h.min(), h.max()),
    );
    // Each latency is an exact integer of nanoseconds; converting and summing 3,000 of them in
    // f64 errs by at most ~3,000 × 2^−53 relative.
    r.holds(
        "mean latency = sum of the parts",
        (mean_ms - expected_ms).abs() <= 1e-9 * expected_ms,
        format!("mean {mean_ms:.9} ms, expected {expected_ms} ms"),
    );
    r.finish(&format!("fixed links: {expected_ms} ms"));
}

#[test]
fn one_link_no_database() {
    check(Case {
        lb_rtt_ms: None,
        rtt_users_ms: 30.0,
        cpu_ms: 4.0,
        rtt_db_ms: 0.0,
        query_ms: 1.0,
        queries: 0,
    });
}

#[test]
fn two_links_two_queries() {
    check(Case {
        lb_rtt_ms: None,
        rtt_users_ms: 30.0,
        cpu_ms: 4.0,
        rtt_db_ms: 7.0,
        query_ms: 3.0,
        queries: 2,
    });
}

#[test]
fn cross_region_rtt() {
    // Seoul–N. Virginia is about 177 ms round trip; as a fixed link it adds exactly that.
    check(Case {
        lb_rtt_ms: None,
        rtt_users_ms: 177.0,
        cpu_ms: 2.5,
        rtt_db_ms: 0.5,
        query_ms: 1.5,
        queries: 3,
    });
}

#[test]
fn through_a_load_balancer() {
    check(Case {
        lb_rtt_ms: Some(1.0),
        rtt_users_ms: 20.0,
        cpu_ms: 4.0,
        rtt_db_ms: 2.0,
        query_ms: 3.0,
        queries: 1,
    });
}
