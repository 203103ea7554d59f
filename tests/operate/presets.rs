//! The operating presets make their point, with numbers from their parameters.

use archlab::catalog::preset;
use archlab::catalog::pricing::{design_cost, prices};
use archlab::engine::{secs, LogKind, Sim};

use super::build::times;

fn run(id: &str) -> Sim {
    let s = preset(id).expect("preset");
    let mut sim = Sim::new(&s, s.seed).expect("valid preset");
    sim.advance_to(secs(s.run.duration_s));
    sim
}

/// 300 req/s tripled is 900 req/s: at 250 req/s per server and a 60 % target the group needs
/// ceil(900 / 250 / 0.6) = 6 servers; it grows past 2 (never past 8) and comes back to 2.
#[test]
fn the_spike_preset_scales_out_and_back() {
    let sim = run("spike-autoscaling");
    let outs: Vec<u32> = sim
        .log()
        .iter()
        .filter_map(|e| if let LogKind::ScaledOut { to, .. } = e.kind { Some(to) } else { None })
        .collect();
    assert!(!outs.is_empty() && outs.iter().all(|&n| n <= 8), "{outs:?}");
    assert!(outs.iter().max().copied().unwrap_or(0) >= 6, "{outs:?}");
    assert!(!times(&sim, |k| matches!(k, LogKind::ScaledIn { .. })).is_empty());
    assert_eq!(sim.billed_hosts(2), Some(2));
}

/// The bad version is rolled back; its errors stay a small share of the run.
#[test]
fn the_rolling_preset_rolls_back_the_bad_version() {
    let sim = run("rolling-bad-deploy");
    assert_eq!(times(&sim, |k| matches!(k, LogKind::DeploymentRolledBack { .. })).len(), 1);
    assert_eq!(sim.snapshot().components[2].new_version, 0);
    // One server of four at 20 % errors is 5 % of the traffic while it serves: at most about
    // two 10 s periods plus a period of alignment, of a 300 s run.
    let m = sim.metrics();
    let bad = m.totals.errors.app_error as f64 / m.totals.arrived as f64;
    assert!(bad > 0.0 && bad < 0.05 * 35.0 / 300.0 * 1.3, "{bad}");
}

/// Multi-AZ: the standby doubles the database part of the bill.
#[test]
fn the_multi_az_preset_doubles_the_database_part() {
    let s = preset("multi-az-cost").expect("preset");
    let p = prices("ap-northeast-2");
    assert!((design_cost(&s).databases_hour - 2.0 * p.db_m5_large_hour).abs() < 1e-12);
    let sim = Sim::new(&s, 1).expect("valid");
    assert!((sim.cost_per_hour_usd() - design_cost(&s).per_hour()).abs() < 1e-12);
}
