//! The cost meter against the catalog's table (design_cost itself is tested in tests/cost.rs).

use archlab::catalog::pricing::{design_cost, prices, CROSS_ZONE_GB};
use archlab::catalog::PRESETS;
use archlab::engine::{secs, Sim, REQUEST_BYTES, RESPONSE_BYTES};
use archlab::model::Kind;
use serde_json::json;

use super::build::*;

/// Every preset: at time 0 the meter's cost per hour is the table's sum, part by part.
#[test]
fn each_preset_costs_the_sum_of_the_table() {
    for p in PRESETS {
        let s = p.scenario();
        let mut expect = 0.0;
        for c in &s.components {
            let r = prices(&c.place.region);
            expect += match &c.kind {
                Kind::AppServer(a) => {
                    let v = archlab::catalog::pricing::size_for(a.vcpus).0 as f64;
                    a.count as f64 * r.m5_large_hour * v / 2.0
                }
                _ => 0.0,
            };
        }
        let d = design_cost(&s);
        expect += d.databases_hour + d.load_balancers_hour + d.dns_hour;
        let sim = Sim::new(&s, 1).expect("valid preset");
        assert!(
            (sim.cost_per_hour_usd() - expect).abs() < 1e-9,
            "{}: {} vs {expect}",
            p.id,
            sim.cost_per_hour_usd()
        );
    }
}

/// Doubling the servers doubles the meter's instance part; a run of T seconds costs T/3600 of
/// the hourly price when nothing crosses a zone.
#[test]
fn doubling_servers_doubles_the_instance_part_of_the_meter() {
    let meter = |n: u32| {
        let s = web(tier(n, 5.0, 100, None), 20.0, steady(), json!([]), json!([]));
        let mut sim = Sim::new(&s, 1).expect("valid");
        sim.advance_to(secs(600.0));
        (sim.cost_per_hour_usd(), sim.cost_so_far_usd())
    };
    let alb = prices("ap-northeast-2").alb_hour;
    let (h2, so_far2) = meter(2);
    let (h4, _) = meter(4);
    assert!(((h4 - alb) - 2.0 * (h2 - alb)).abs() < 1e-12);
    assert!((so_far2 - h2 * 600.0 / 3600.0).abs() < 1e-12, "{so_far2} vs {}", h2 / 6.0);
}

/// Balancer in zone a, app in zone b: each request crosses with REQUEST_BYTES and its response
/// with RESPONSE_BYTES, priced CROSS_ZONE_GB on each side; the users are the internet (free).
#[test]
fn cross_zone_traffic_is_counted_and_priced() {
    let mut s = web(tier(2, 5.0, 100, None), 50.0, steady(), json!([]), json!([]));
    s.components[2].place.zone = "b".into();
    let mut sim = Sim::new(&s, 1).expect("valid");
    sim.advance_to(secs(60.0));
    let t = &sim.metrics().totals;
    let arrivals = t.components[2].arrivals;
    let answered = t.components[2].completions;
    let (zone, region) = sim.transferred_bytes();
    assert_eq!(region, 0);
    assert!(zone >= arrivals * REQUEST_BYTES + answered * RESPONSE_BYTES);
    assert!(zone <= arrivals * (REQUEST_BYTES + RESPONSE_BYTES));
    let fixed = sim.cost_per_hour_usd() * 60.0 / 3600.0;
    let transfer = zone as f64 / 1e9 * CROSS_ZONE_GB * 2.0;
    assert!((sim.cost_so_far_usd() - fixed - transfer).abs() < 1e-12);
}
