//! The cost of a design follows the catalog's price table, part by part.

use archlab::catalog::pricing::{design_cost, prices, size_for, HOURS_PER_MONTH, PRICES};
use archlab::model::*;

fn scenario(region: &str, app_count: u32, vcpus: u32, standby: bool) -> Scenario {
    let mut s = Scenario::empty("cost");
    s.regions.push(Region {
        code: region.into(),
        rect: Rect { x: 0.0, y: 0.0, w: 900.0, h: 420.0 },
        zones: vec![Zone { name: "a".into() }, Zone { name: "b".into() }],
    });
    let a = Placement::new(region, "a");
    let b = Placement::new(region, "b");
    let comp = |id: &str, place: &Placement, kind| Component {
        id: id.into(),
        place: place.clone(),
        x: 0.0,
        y: 0.0,
        kind,
    };
    s.components.push(comp("users", &a, Kind::Clients(Clients::default())));
    s.components.push(comp("lb", &a, Kind::LoadBalancer(LoadBalancer::default())));
    s.components.push(comp(
        "app",
        &a,
        Kind::AppServer(AppServer { count: app_count, vcpus, ..AppServer::default() }),
    ));
    s.components.push(comp("db", &a, Kind::Database(Database::default())));
    if standby {
        s.components.push(comp(
            "standby",
            &b,
            Kind::Database(Database {
                role: DbRole::Standby,
                primary: Some("db".into()),
                ..Database::default()
            }),
        ));
    }
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    s
}

#[test]
fn cost_is_the_sum_of_the_table() {
    for p in PRICES {
        let c = design_cost(&scenario(p.region, 3, 4, false));
        // 3 servers of 4 vCPU = 3 × m5.xlarge = 3 × 2 × m5.large; one db.m5.large; one ALB.
        let expect = 3.0 * 2.0 * p.m5_large_hour + p.db_m5_large_hour + p.alb_hour;
        assert!((c.per_hour() - expect).abs() < 1e-12, "{}: {} vs {expect}", p.region, c.per_hour());
        assert!((c.per_month() - expect * HOURS_PER_MONTH).abs() < 1e-9);
    }
}

#[test]
fn doubling_servers_doubles_the_instance_part() {
    let one = design_cost(&scenario("ap-northeast-2", 2, 2, false));
    let two = design_cost(&scenario("ap-northeast-2", 4, 2, false));
    assert_eq!(two.servers_hour, 2.0 * one.servers_hour);
    assert_eq!(two.databases_hour, one.databases_hour);
}

#[test]
fn multi_az_doubles_the_database_part() {
    let single = design_cost(&scenario("us-east-1", 2, 2, false));
    let multi = design_cost(&scenario("us-east-1", 2, 2, true));
    assert_eq!(multi.databases_hour, 2.0 * single.databases_hour);
    assert_eq!(multi.servers_hour, single.servers_hour);
}

#[test]
fn changing_the_region_changes_the_price() {
    let seoul = design_cost(&scenario("ap-northeast-2", 2, 2, false)).per_hour();
    let virginia = design_cost(&scenario("us-east-1", 2, 2, false)).per_hour();
    assert!(seoul > virginia, "Seoul {seoul} vs N. Virginia {virginia}");
    assert_eq!(prices("us-east-1").m5_large_hour, 0.096);
}

#[test]
fn sizes_round_up_to_the_next_class() {
    assert_eq!(size_for(1), (2, "large"));
    assert_eq!(size_for(3), (4, "xlarge"));
    assert_eq!(size_for(96), (96, "24xlarge"));
    assert_eq!(size_for(200), (96, "24xlarge"));
}
