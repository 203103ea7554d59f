//! The benchmark page's scenario: 100 components across three regions at 20,000 req/s.
//! Pure data (tests/bench_scenario.rs checks that it validates and has that size).

use crate::model::*;
use crate::ui::platform::notice::BENCH_NAME;

pub const BENCH_RATE_RPS: f64 = 20_000.0;
/// App tiers per region; with each region's users, load balancer, database and read replica,
/// plus one more user population, the three regions hold 100 components.
const APPS_PER_REGION: usize = 29;
const USERS_RTT_MS: f64 = 60.0;
const REGIONS: [&str; 3] = ["ap-northeast-2", "ap-northeast-1", "us-east-1"];

/// Three regions, each: users → load balancer → 29 app servers → primary database and a read
/// replica; a fourth user population crosses from Seoul to Tokyo. Each app server has room (about 50% busy at this rate), so
/// the benchmark measures drawing a busy, healthy system rather than a collapsing one.
pub fn bench_scenario() -> Scenario {
    let mut s = Scenario::empty(BENCH_NAME);
    s.traffic.rate_rps = BENCH_RATE_RPS;
    let (col_w, row_h, region_w) = (150.0, 110.0, 1000.0);
    for (r, code) in REGIONS.iter().enumerate() {
        let x0 = r as f64 * (region_w + 60.0);
        s.regions.push(Region {
            code: code.to_string(),
            rect: Rect { x: x0, y: 0.0, w: region_w, h: 820.0 },
            zones: vec![Zone { name: "a".into() }, Zone { name: "b".into() }],
        });
        let region = s.regions.last().expect("just pushed").clone();
        let at = |zone: usize, col: usize, row: usize| {
            let z = region.zone_rect(zone);
            (z.x + 75.0 + col as f64 * col_w, z.y + 50.0 + row as f64 * row_h)
        };
        let mut push = |id: String, zone: usize, col: usize, row: usize, kind: Kind| {
            let (x, y) = at(zone, col, row);
            let z = if zone == 0 { "a" } else { "b" };
            s.components.push(Component { id, place: Placement::new(code, z), x, y, kind });
        };
        let n = r + 1;
        let users = format!("users-{n}");
        let lb = format!("lb-{n}");
        let db = format!("db-{n}");
        let replica = format!("replica-{n}");
        push(users.clone(), 0, 0, 0, Kind::Clients(Clients::default()));
        // Users reach the cloud over the internet: 60 ms of round trip keeps about a thousand
        // requests on the wire at this rate, so the benchmark draws a realistic crowd of dots.
        let mut links = vec![(users, lb.clone(), Some(USERS_RTT_MS))];
        if r == 1 {
            // A fourth population, farther away (across an ocean).
            push("users-4".into(), 0, 2, 0, Kind::Clients(Clients::default()));
            links.push(("users-4".into(), lb.clone(), Some(2.0 * USERS_RTT_MS)));
        }
        push(lb.clone(), 1, 0, 0, Kind::LoadBalancer(LoadBalancer::default()));
        push(db.clone(), 0, 1, 6, Kind::Database(bench_db(DbRole::Primary, None)));
        push(replica.clone(), 1, 1, 6, Kind::Database(bench_db(DbRole::ReadReplica, Some(&db))));
        for a in 0..APPS_PER_REGION {
            let id = format!("app-{n}-{}", a + 1);
            let (zone, slot) = (a % 2, a / 2);
            push(id.clone(), zone, slot % 3, 1 + slot / 3, bench_app());
            links.push((lb.clone(), id.clone(), None));
            links.push((id.clone(), db.clone(), None));
            links.push((id, replica.clone(), None));
        }
        s.links.extend(links.into_iter().map(|(from, to, rtt_ms)| Link { from, to, rtt_ms }));
    }
    s
}

fn bench_app() -> Kind {
    Kind::AppServer(AppServer { vcpus: 2, processes: 4, cpu_ms: 4.0, db_queries: 1, ..AppServer::default() })
}

fn bench_db(role: DbRole, primary: Option<&str>) -> Database {
    Database {
        role,
        primary: primary.map(str::to_string),
        max_connections: 64,
        query_ms: 1.0,
        ..Database::default()
    }
}
