//! Metrics that do not hide the tail: successful requests keep their latency percentiles, and
//! failed ones get theirs (the time until the client learnt of the failure), so a run with
//! many timeouts cannot report a short p99 alone; goodput (successful responses per second)
//! stands beside the throughput (all responses).

use archlab::catalog::preset;
use archlab::engine::{secs, ErrorCause, Sim, Summary};
use archlab::model::*;

/// separate-db with a 1 s client timeout, the given backlog per host, at `rate` req/s, its
/// server running 4 processes (step 4's; the preset's one serves only about 80 req/s).
fn scenario(backlog: u32, rate: f64) -> Scenario {
    let mut s = preset("separate-db").unwrap();
    if let Kind::AppServer(a) = &mut s.component_mut("app-1").unwrap().kind {
        a.processes = 4;
        a.backlog = backlog;
    }
    if let Kind::Clients(c) = &mut s.component_mut("users-1").unwrap().kind {
        c.timeout_ms = 1000.0;
    }
    s.traffic.rate_rps = rate;
    s
}

fn run(s: &Scenario, seconds: f64, warmup: f64) -> (Summary, Sim) {
    let mut sim = Sim::new(s, 7).expect("valid");
    sim.set_measure_from(secs(warmup));
    sim.advance_to(secs(seconds));
    (Summary::of(&sim, s), sim)
}

#[test]
fn requests_that_time_out_fail_after_the_client_timeout() {
    // About 200 req/s fit; 600 arrive and the backlog is long, so most wait out the timeout.
    let (sum, sim) = run(&scenario(100_000, 600.0), 40.0, 10.0);
    let timeouts = sum.errors.iter().find(|(c, _)| *c == ErrorCause::Timeout).unwrap().1;
    assert!(timeouts as f64 > 0.5 * sum.failed as f64 && sum.failed > 5_000, "{sum:?}");
    // The client gives up at its timeout: 1 s, to the histogram's 3 significant digits.
    let f = &sum.failed_latency_ms;
    for q in [f.p50, f.p95, f.p99, f.mean] {
        assert!((q - 1000.0).abs() <= 1.0, "{f:?}");
    }
    // The successful ones all finished within the timeout (to the histogram's 3 significant
    // digits, as above), which their p99 alone would hide.
    assert!(sum.latency_ms.p99 <= 1001.0 && sum.error_rate > 0.5, "{sum:?}");
    // Goodput beside throughput: successes per second, and all answers per second.
    let w = sum.window_s;
    assert!((sum.goodput_rps - sum.completed as f64 / w).abs() < 1e-9);
    assert!((sum.throughput_rps - (sum.completed + sum.failed) as f64 / w).abs() < 1e-9);
    assert!(sum.goodput_rps < 0.5 * sum.throughput_rps, "{sum:?}");
    // The per-second series the charts read carries the same.
    let rows: Vec<_> = sim.metrics().series.iter().filter(|r| r.second >= 10 && r.second < 40).collect();
    assert!(rows.iter().all(|r| r.errors.total() == 0 || (r.failed_p50_ms - 1000.0).abs() <= 1.0));
    assert!(rows.iter().all(|r| r.answered() == r.goodput() + r.errors.total()));
}

#[test]
fn a_full_queue_fails_at_once() {
    // A backlog of 2 at three times the capacity: refusals come straight back, in about the
    // 0.2 ms round trip to the host, not after any timeout.
    let (sum, _) = run(&scenario(2, 600.0), 30.0, 5.0);
    let full = sum.errors.iter().find(|(c, _)| *c == ErrorCause::QueueFull).unwrap().1;
    assert!(full as f64 > 0.9 * sum.failed as f64 && sum.failed > 1_000, "{sum:?}");
    assert!(
        sum.failed_latency_ms.p50 < 1.0 && sum.failed_latency_ms.p99 < 1.0,
        "{:?}",
        sum.failed_latency_ms
    );
}

#[test]
fn a_healthy_run_has_no_failed_latency_and_goodput_equals_throughput() {
    let (sum, _) = run(&scenario(512, 100.0), 30.0, 5.0);
    assert_eq!(sum.failed, 0);
    assert_eq!(sum.failed_latency_ms.p99, 0.0);
    assert_eq!(sum.goodput_rps, sum.throughput_rps);
}
