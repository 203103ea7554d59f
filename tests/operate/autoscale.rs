//! An auto-scaling group under a step of load: the lag, the catch-up, the scale-in, draining.

use archlab::engine::{ErrorCause, LogKind};
use serde_json::json;

use super::build::*;

// 4 hosts x 2 processes, 20 ms of CPU: μ = 50 /s per process, 100 rps per host, 400 in all.
const HOSTS: u32 = 4;
const HOST_RPS: f64 = 100.0;
const BASE_RPS: f64 = 0.3 * HOSTS as f64 * HOST_RPS; // 30 % of capacity
const FACTOR: f64 = 5.0; // 150 % of capacity
const SPIKE_AT: f64 = 60.0;
const SPIKE_FOR: f64 = 180.0;
const TARGET: f64 = 50.0;
const MAX: u32 = 10;
const BOOT: f64 = 20.0;
const WARMUP: f64 = 20.0;
const COOLDOWN: f64 = 30.0;
const BACKLOG: u32 = 100;
// The engine's target-tracking clock (documented in engine/autoscale.rs).
const PERIOD: f64 = 10.0;
const OUT_PERIODS: f64 = 3.0;
const IN_PERIODS: f64 = 6.0;

fn spike_scenario() -> archlab::model::Scenario {
    web(
        tier(
            HOSTS,
            20.0,
            BACKLOG,
            Some(json!({ "min": HOSTS, "max": MAX, "target_cpu_pct": TARGET, "boot_s": BOOT,
                         "warmup_s": WARMUP, "cooldown_s": COOLDOWN })),
        ),
        BASE_RPS,
        json!({ "kind": "spike", "at_s": SPIKE_AT, "for_s": SPIKE_FOR, "factor": FACTOR }),
        json!([]),
        json!([]),
    )
}

#[test]
fn a_spike_scales_out_after_the_evaluation_time_and_back_in_after_it_falls() {
    let s = spike_scenario();
    let mut billed = Vec::new();
    let mut p95 = Vec::new();
    let sim = run_each(&s, 400, |sim| {
        billed.push(sim.billed_hosts(2).expect("app tier"));
        p95.push(sim.metrics().series.back().map_or(0.0, |r| r.p95_ms));
    });
    let outs: Vec<(f64, u32, u32)> = sim
        .log()
        .iter()
        .filter_map(|e| match &e.kind {
            LogKind::ScaledOut { from, to, .. } => Some((archlab::engine::to_secs(e.time), *from, *to)),
            _ => None,
        })
        .collect();
    // The spike starts on a period boundary: the third breaching period ends OUT_PERIODS
    // periods later. The proportional policy asks for ceil(4 x busy / 50 %) hosts. (Before
    // health checks waited in the backlog, the busy fraction saturated at 100 % and it asked
    // for 8; now the saturated hosts fail their checks and are taken out in turn, the ones
    // out drain, and the busy fraction the policy reads is below 100 %: it asked for 6.)
    let first = outs.first().copied().expect("scaled out");
    let pct = sim
        .log()
        .iter()
        .find_map(|e| match &e.kind {
            LogKind::ScaledOut { reason: archlab::engine::ScaleReason::Cpu { pct }, .. } => Some(*pct),
            _ => None,
        })
        .expect("target tracking scaled out");
    let asked = ((HOSTS as f64 * pct / TARGET).ceil() as u32).min(MAX);
    eprintln!("busy {pct:.1} % -> {asked} hosts");
    assert!(pct > 2.0 * TARGET * 0.5 && pct <= 100.0, "busy {pct} %");
    assert_eq!(first, (SPIKE_AT + OUT_PERIODS * PERIOD, HOSTS, asked), "{outs:?}");
    assert!(outs.iter().all(|&(_, _, to)| to <= MAX), "{outs:?}");
    assert!(billed.iter().all(|&b| b <= MAX), "never above max");
    assert!(billed.iter().all(|&b| b >= HOSTS), "never below min");

    // p95 target: 8 hosts at 600 rps are M/M/2 stations at 75 rps each (round robin makes
    // arrivals smoother than Poisson, so the M/M/2 sojourn p95 is an upper bound), plus 25 %
    // for per-second sampling. It is back under it once the new hosts take traffic (boot, two
    // health checks at 1 s) and the full backlogs of the old hosts drained: BACKLOG requests
    // at (100 - 75) rps of spare capacity. Warm-up is added as the bound asks.
    let target_ms = 1.25 * 1000.0 * mmc_sojourn_p95(2, 600.0 / 8.0, 50.0);
    // The scale-out that brings 8 hosts or more (the first one did before health checks took
    // saturated hosts out; now it is the second).
    let enough = outs.iter().find(|o| o.2 >= 8).expect("reaches 8 hosts");
    let back_by = enough.0
        + BOOT
        + (HC_HEALTHY as f64 + 1.0) * HC_INTERVAL_S
        + BACKLOG as f64 / (HOST_RPS - 600.0 / 8.0)
        + WARMUP;
    eprintln!("autoscale: {outs:?}; p95 target {target_ms:.1} ms by {back_by} s");
    let during = &p95[(first.0 as usize)..(first.0 as usize + 10)];
    assert!(during.iter().all(|&p| p > target_ms), "the queue grows while new hosts boot: {during:?}");
    let after = &p95[(back_by as usize)..((SPIKE_AT + SPIKE_FOR) as usize)];
    assert!(after.iter().all(|&p| p < target_ms), "p95 back under {target_ms} ms by {back_by} s: {after:?}");

    // Scale-in: the load falls at 240 s on a period boundary; IN_PERIODS low periods later
    // (cooldown and warm-up long over) the group goes back to min.
    let ins = times(&sim, |k| matches!(k, LogKind::ScaledIn { .. }));
    let expect_in = SPIKE_AT + SPIKE_FOR + IN_PERIODS * PERIOD;
    assert_eq!(ins, vec![expect_in]);
    assert_eq!(*billed.last().expect("ran"), HOSTS);

    // Draining: no request fails from the removal (no errors at all after the spike's queue).
    let rows: Vec<_> = sim.metrics().series.iter().filter(|r| r.second as f64 >= expect_in - 5.0).collect();
    let errors: u64 = rows.iter().map(|r| r.errors.total()).sum();
    assert_eq!(errors, 0, "scale-in lost requests");
    assert!(!times(&sim, |k| matches!(k, LogKind::HostTerminated { .. })).is_empty());
    assert_eq!(sim.metrics().totals.errors.get(ErrorCause::Refused), 0, "nothing refused by a removed host");
}

/// The cost meter follows the group: each second, the cost per hour is the fixed part plus
/// the billed hosts at their hourly price.
#[test]
fn the_cost_meter_follows_the_group() {
    let s = spike_scenario();
    let p = archlab::catalog::pricing::prices("ap-northeast-2");
    let host_hour = p.m5_large_hour; // 2 vCPU = m5.large
    let fixed = p.alb_hour;
    let mut so_far = 0.0;
    let mut prev_billed = HOSTS;
    let mut max_seen = 0;
    run_each(&s, 300, |sim| {
        let b = sim.billed_hosts(2).expect("app");
        max_seen = max_seen.max(b);
        assert!((sim.cost_per_hour_usd() - (fixed + b as f64 * host_hour)).abs() < 1e-12);
        // Over one second the meter grows by between the host counts at its two ends.
        let d = sim.cost_so_far_usd() - so_far;
        let (lo, hi) = (prev_billed.min(b) as f64, prev_billed.max(b) as f64);
        let per_s = |n: f64| (fixed + n * host_hour) / 3600.0;
        assert!(
            d >= per_s(lo) - 1e-12 && d <= per_s(hi) + 1e-12,
            "{d} not in [{}, {}]",
            per_s(lo),
            per_s(hi)
        );
        so_far = sim.cost_so_far_usd();
        prev_billed = b;
    });
    assert!(max_seen > HOSTS, "the spike added hosts");
}
