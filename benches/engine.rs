//! Engine throughput in events per second (`cargo bench --bench engine`).
//!
//! Two scenarios from tests/fixtures: an M/M/10 station (λ = 900/s, μ = 100/s per server,
//! ρ = 0.9) and a three-tier design (clients -> LB -> 4 servers x 4 processes -> database).
//! Each is simulated for a fixed span of simulated time, three times; the best run is
//! reported. Time is measured two ways: wall clock, and the CPU time this thread actually ran
//! (Linux `/proc/thread-self/schedstat`), which stays honest on a machine shared with other
//! jobs where the wall clock also counts time spent waiting for a core.

use std::hint::black_box;
use std::time::Instant;

use archlab::engine::{secs, Sim};
use archlab::model::Scenario;

fn scenario(json: &str) -> Scenario {
    archlab::share::from_json_file(json).expect("fixture parses")
}

/// Nanoseconds this thread has spent on a CPU, when the kernel tells.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn bench(name: &str, s: &Scenario, sim_seconds: f64) {
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let mut events = 0;
    let mut requests = 0;
    for rep in 0..3 {
        let mut sim = Sim::new(s, 1 + rep).expect("fixture is valid");
        let cpu0 = cpu_ns();
        let start = Instant::now();
        sim.advance_to(secs(sim_seconds));
        let wall = start.elapsed().as_secs_f64();
        if let (Some(a), Some(b)) = (cpu0, cpu_ns()) {
            best_cpu = best_cpu.min((b - a) as f64 / 1e9);
        }
        black_box(sim.metrics().totals.completed);
        events = sim.events_processed();
        requests = sim.metrics().totals.arrived;
        best = best.min(wall);
    }
    println!(
        "{name:<34} {events:>10} events {requests:>9} requests | wall {best:>6.3} s {:>6.2} M events/s \
         | cpu {best_cpu:>6.3} s {:>6.2} M events/s",
        events as f64 / best / 1e6,
        events as f64 / best_cpu / 1e6,
    );
}

fn main() {
    // `cargo test --benches` runs this binary with `--bench` absent: keep that quick.
    let full = std::env::args().any(|a| a == "--bench");
    let span = if full { 2_000.0 } else { 20.0 };
    println!("engine events/s ({span} simulated seconds per run, best of 3)");
    bench("M/M/10 (λ=900/s, μ=100/s)", &scenario(include_str!("../tests/fixtures/mm10.json")), span);
    bench(
        "three-tier (LB, 4x4 processes, DB)",
        &scenario(include_str!("../tests/fixtures/three_tier.json")),
        span,
    );
}
