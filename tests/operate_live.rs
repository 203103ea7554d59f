//! The live display of operations (issue 9, UI side): money and availability formatting, the
//! pips drawn for an app tier's hosts, and what they show during the operate presets.
//! `cargo test --test operate_live`.

use archlab::catalog::preset;
use archlab::catalog::pricing::{design_cost, prices, size_for};
use archlab::engine::{secs, HostPhase, HostView, Sim};
use archlab::model::{Kind, Scenario, Strategy};
use archlab::ui::components::canvas::fleet::{pip, tray_height, FleetCounts, PipKind};
use archlab::ui::components::run::money::{availability, format_availability, format_gb, format_usd};
use archlab::ui::components::run::stats::CostNumbers;
use archlab::ui::Runtime;

#[test]
fn money_reads_with_useful_precision() {
    assert_eq!(format_usd(0.0), "$0.00");
    assert_eq!(format_usd(-1.0), "$0.00");
    assert_eq!(format_usd(f64::NAN), "$0.00");
    assert_eq!(format_usd(0.00042), "$0.0004");
    assert_eq!(format_usd(0.04), "$0.04");
    assert_eq!(format_usd(1.234), "$1.23");
    assert_eq!(format_usd(99.994), "$99.99");
    assert_eq!(format_usd(898.4), "$898");
    assert_eq!(format_usd(12_345.6), "$12,346");
    assert_eq!(format_gb(1_500_000_000), "1.500");
}

#[test]
fn availability_never_rounds_a_failure_up_to_100() {
    assert_eq!(availability(0, 0), None);
    assert_eq!(availability(3, 1), Some(0.75));
    assert_eq!(format_availability(0, 0), "–");
    assert_eq!(format_availability(10, 0), "100 %");
    assert_eq!(format_availability(9_995, 5), "99.95 %");
    assert_eq!(format_availability(999_999, 1), "99.99 %");
    assert_eq!(format_availability(0, 7), "0.00 %");
    assert_eq!(format_availability(1, 2), "33.33 %");
}

#[test]
fn a_pip_shows_life_and_version() {
    let h = |phase, up, new_version| HostView { index: 3, phase, up, new_version };
    assert_eq!(pip(&h(HostPhase::InService, true, false)).kind, PipKind::InService);
    assert_eq!(pip(&h(HostPhase::InService, false, false)).kind, PipKind::Down);
    assert_eq!(pip(&h(HostPhase::Booting, false, true)).kind, PipKind::Booting);
    assert_eq!(pip(&h(HostPhase::Draining, true, false)).kind, PipKind::Draining);
    let p = pip(&h(HostPhase::Booting, false, true));
    assert!(p.new_version);
    assert_eq!(p.index, 3);
    let pips: Vec<_> = [
        h(HostPhase::InService, true, true),
        h(HostPhase::InService, true, false),
        h(HostPhase::Booting, false, true),
        h(HostPhase::Draining, true, false),
        h(HostPhase::InService, false, false),
    ]
    .iter()
    .map(pip)
    .collect();
    let n = FleetCounts::of(&pips);
    assert_eq!(n, FleetCounts { billed: 5, in_service: 2, booting: 1, draining: 1, down: 1, new_version: 2 });
    assert_eq!(n.out_of_service(), 3);
}

#[test]
fn only_app_tiers_and_balancers_have_a_tray() {
    let s = preset("spike-autoscaling").unwrap();
    for c in &s.components {
        let h = tray_height(&c.kind);
        match c.kind {
            Kind::AppServer(_) | Kind::LoadBalancer(_) => assert!(h > 0.0, "{}", c.id),
            _ => assert_eq!(h, 0.0, "{}", c.id),
        }
    }
}

fn index(s: &Scenario, id: &str) -> usize {
    s.components.iter().position(|c| c.id == id).unwrap()
}

/// The per-host view agrees with the tier's counts at every instant, and the balancer counts
/// the targets of billed hosts.
fn check_agrees(sim: &Sim, app: usize, lb: usize) -> FleetCounts {
    let snap = sim.snapshot();
    let v = &snap.components[app];
    let pips: Vec<_> = sim.hosts(app).iter().map(pip).collect();
    let n = FleetCounts::of(&pips);
    assert_eq!(n.billed, v.servers_total, "billed at {}", sim.now());
    assert_eq!(n.booting, v.booting);
    assert_eq!(n.draining, v.draining);
    assert_eq!(n.in_service + n.down, v.in_service);
    assert_eq!(n.new_version, v.new_version);
    assert_eq!(sim.billed_hosts(app), Some(n.billed));
    let l = &snap.components[lb];
    assert_eq!(l.total_targets, n.billed, "targets at {}", sim.now());
    assert!(l.healthy_targets <= n.in_service);
    n
}

/// A rolling deployment with batch 1 takes one server out at a time, brings back the new
/// version one host at a time, and the rollback is visible in the same view.
#[test]
fn rolling_deploy_moves_one_host_at_a_time() {
    let s = preset("rolling-bad-deploy").unwrap();
    let batch = match &s.deployments[0].strategy {
        Strategy::Rolling { batch, .. } => *batch,
        other => panic!("{other:?}"),
    };
    let (app, lb) = (index(&s, "app-1"), index(&s, "lb-1"));
    let mut sim = Sim::new(&s, s.seed).unwrap();
    let mut most_out = 0;
    let mut most_new = 0;
    let mut saw = (false, false, false);
    let mut last_new = 0;
    let mut was_rolled_back = false;
    // Sampled every 100 ms: finer than any step of the deployment (boot 30 s, pause 10 s).
    for k in 1..=3000 {
        sim.advance_to(secs(0.1 * k as f64));
        let n = check_agrees(&sim, app, lb);
        // Rolling forward, `batch` hosts at a time leave; a rollback does not wait for the batch
        // in progress (src/engine/deploy.rs), so one more batch may be out meanwhile.
        if sim.deployments()[0].rolled_back {
            assert!(n.out_of_service() <= 2 * batch, "{n:?} during the rollback at {}", sim.now());
        } else {
            most_out = most_out.max(n.out_of_service());
        }
        most_new = most_new.max(n.new_version);
        // At the instant of a rollback the booting batch switches to the old version while the
        // serving batch leaves, so two batches may change at once (deploy.rs, `rollback`).
        let rolled_back = sim.deployments()[0].rolled_back;
        let step = if rolled_back && !was_rolled_back { 2 * batch } else { batch };
        was_rolled_back = rolled_back;
        assert!(n.new_version.abs_diff(last_new) <= step, "new-version hosts jumped at {}", sim.now());
        last_new = n.new_version;
        saw.0 |= n.draining > 0;
        saw.1 |= n.booting > 0 && n.new_version > 0;
        saw.2 |= n.in_service > 0 && n.new_version > 0 && n.booting == 0 && n.draining == 0;
    }
    assert!(most_out <= batch, "{most_out} hosts out at once with batch {batch} before the rollback");
    assert!(saw.0 && saw.1 && saw.2, "draining, booting the new version, rejoined: {saw:?}");
    assert!(most_new >= 1);
    let d = &sim.deployments()[0];
    assert!(d.rolled_back, "the error alarm rolls the bad version back");
    assert!(d.finished);
    assert_eq!(sim.hosts(app).iter().filter(|h| h.new_version).count(), 0, "all back on the old version");
}

/// The cost meter's instance part is the billed hosts times the table's host price, and the
/// rest is the design's fixed part, while the group grows under the spike.
#[test]
fn cost_meter_follows_the_group() {
    let s = preset("spike-autoscaling").unwrap();
    let (app, lb) = (index(&s, "app-1"), index(&s, "lb-1"));
    let c = &s.components[app];
    let Kind::AppServer(a) = &c.kind else { panic!() };
    let host_hour = prices(&c.place.region).m5_large_hour * size_for(a.vcpus).0 as f64 / 2.0;
    let d = design_cost(&s);
    let fixed = d.load_balancers_hour + d.databases_hour + d.dns_hour;
    let mut rt = Runtime::new(s.clone()).unwrap();
    let start = CostNumbers::read(&rt);
    assert_eq!(start.servers, a.count);
    let mut most = 0;
    for _ in 0..300 {
        rt.step(secs(1.0));
        let n = check_agrees(rt.sim(), app, lb);
        let cost = CostNumbers::read(&rt);
        assert_eq!(cost.servers, n.billed);
        assert!((cost.instances_hour - n.billed as f64 * host_hour).abs() < 1e-9);
        assert!((cost.per_hour - fixed - n.billed as f64 * host_hour).abs() < 1e-9);
        assert!(cost.so_far >= start.so_far);
        most = most.max(n.billed);
    }
    assert!(most > a.count, "the group grew under the spike (most {most} servers)");
    assert!(CostNumbers::read(&rt).explain(archlab::i18n::Lang::Ko).contains("인스턴스"));
}

#[test]
fn servers_history_records_each_second_and_starts_over_on_reset() {
    use archlab::ui::components::dashboard::fleet_history::FleetHistory;
    let ids: Vec<String> = ["lb", "app", "db"].iter().map(|s| s.to_string()).collect();
    let mut h = FleetHistory::default();
    for s in 0..200u64 {
        h.record(s, &[(1, 2 + (s / 60) as u32)]);
    }
    h.record(199, &[(1, 7)]); // the same second again replaces its point
    let c = h.chart(120, &ids, archlab::i18n::Lang::En);
    assert_eq!((c.x0, c.x1), (80.0, 200.0));
    assert_eq!(c.lines.len(), 1);
    assert_eq!(c.lines[0].label, "", "a single tier is named in the caption");
    assert_eq!(c.lines[0].points.len(), 120, "the last 120 seconds");
    assert_eq!(c.lines[0].points[0], (80.0, 3.0));
    assert_eq!(*c.lines[0].points.last().unwrap(), (199.0, 7.0));
    assert_eq!(c.y_max, 10.0, "a round axis above 7 × 1.3");
    h.record(3, &[(1, 2)]); // a reset
    let c = h.chart(120, &ids, archlab::i18n::Lang::En);
    assert_eq!(c.lines[0].points, vec![(3.0, 2.0)]);
    assert_eq!((c.x0, c.x1), (0.0, 120.0));
}

#[test]
fn skipped_seconds_hold_the_last_sizes() {
    use archlab::ui::components::dashboard::fleet_history::FleetHistory;
    let ids: Vec<String> = ["app"].iter().map(|s| s.to_string()).collect();
    let mut h = FleetHistory::default();
    h.record(10, &[(0, 2)]);
    h.record(14, &[(0, 5)]);
    let c = h.chart(120, &ids, archlab::i18n::Lang::En);
    let expected: Vec<(f64, f64)> = vec![(10.0, 2.0), (11.0, 2.0), (12.0, 2.0), (13.0, 2.0), (14.0, 5.0)];
    assert_eq!(c.lines[0].points, expected);
}

#[test]
fn several_tiers_are_named_in_the_legend() {
    use archlab::ui::components::dashboard::fleet_history::FleetHistory;
    let ids: Vec<String> = ["app-1", "lb", "app-2"].iter().map(|s| s.to_string()).collect();
    let mut h = FleetHistory::default();
    h.record(0, &[(0, 2), (2, 3)]);
    let c = h.chart(120, &ids, archlab::i18n::Lang::En);
    let labels: Vec<&str> = c.lines.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["app-1", "app-2"]);
    assert_eq!(c.lines[1].points, vec![(0.0, 3.0)]);
}
