//! The book's architectures as ready-made scenarios, one per step of the teaching path, plus
//! three failure scenarios. Each makes one claim measurable (tests/presets.rs checks it).
//!
//! Shared parameters, chosen so the arithmetic is easy to follow in a lesson:
//! - app server: 2 vCPUs, 8 ms of CPU per request, 2 queries per request (20% writes). Steps 1
//!   to 3 run ONE worker process per server, as the book's first servers do; step 4 is the
//!   book's change, a process manager running 4 (`app_server`, used by every later design).
//!   One synchronous process holds a request for its whole stay (8 ms CPU, then its two
//!   queries), so it serves about 1 / 12.4 ms = 80 req/s and keeps at most one core busy:
//!   its 2 vCPUs are about 32 % used at saturation. Four processes keep both cores about 95 %
//!   busy and serve about 238 req/s per server (exact MVA in tests/presets.rs).
//! - database (one set for the whole path): db.m5.large, 2 vCPUs; 2 ms per query, of which a
//!   quarter (0.5 ms) is CPU and the rest waits on I/O and locks, holding a connection but no
//!   core: 2 cores / (2 x 0.5 ms) = 2,000 req/s. 100 connections, so the pools of up to 25
//!   servers of 4 processes fit.
//! - on the app's host (step 1) the database's 1 ms of CPU per request runs on the app's cores
//!   (9 ms a request instead of 8); on its own server (step 2) it frees them.
//!
//! Layout: regions are 900 x 420 (two-zone regions 1000 x 480); components (drawn 120 x 64)
//! sit on a grid inside their zone, left to right in the order requests flow.

use crate::model::*;

pub(super) const SEOUL: &str = "ap-northeast-2";
const VIRGINIA: &str = "us-east-1";

/// The app server of step 4 on: a process manager runs 4 workers (see the module comment).
pub fn app_server(count: u32) -> Kind {
    Kind::AppServer(AppServer {
        count,
        vcpus: 2,
        processes: 4,
        cpu_ms: 8.0,
        service: ServiceDist::Exponential,
        db_queries: 2,
        write_ratio: 0.2,
        backlog: 512,
        restart_delay_s: 2.0,
        autoscaling: None,
    })
}

/// The primary database used throughout the path (one set of settings, see the module comment).
pub fn database(host: Option<&str>) -> Kind {
    Kind::Database(Database {
        role: DbRole::Primary,
        primary: None,
        max_connections: 100,
        query_ms: 2.0,
        // The rest of a query waits on I/O and locks, holding its connection but no core.
        query_cpu_fraction: 0.25,
        proxy: false,
        service: ServiceDist::Exponential,
        queue_limit: 1000,
        // Amazon RDS Multi-AZ: failover typically completes in 60-120 s.
        failover_s: 60.0,
        host: host.map(str::to_string),
        vcpus: 2,
    })
}

/// The app server of steps 1 to 3: one worker process per server, before the book's process
/// manager (step 4) runs several.
pub fn one_process_server(count: u32) -> Kind {
    match app_server(count) {
        Kind::AppServer(a) => Kind::AppServer(AppServer { processes: 1, ..a }),
        other => other,
    }
}

pub(super) fn copy_of(role: DbRole, primary: &str) -> Kind {
    match database(None) {
        Kind::Database(d) => Kind::Database(Database { role, primary: Some(primary.to_string()), ..d }),
        other => other,
    }
}

/// Users who do not retry: the path's lessons count each failure as one error, and their
/// numbers were measured so. The retry-storm preset gives its users the default policy (three
/// attempts, as the AWS SDKs' standard mode).
pub(super) fn clients(weight: f64) -> Kind {
    Kind::Clients(Clients { weight, timeout_ms: 10_000.0, retry: Retry::OFF, ..Clients::default() })
}

/// An L4 load balancer, as in the book, with ALB-style health-check defaults (30 s / 5 s / 2 / 5).
/// It fails open, as an AWS NLB does: health checks wait in the backlog like requests, so a
/// saturated tier fails them, and a balancer failing closed would turn an overload into an
/// outage. Cross-zone balancing stays on (an NLB's option), so the book's designs spread evenly.
pub(super) fn l4_lb() -> Kind {
    Kind::LoadBalancer(LoadBalancer { layer: LbLayer::L4, fail_open: true, ..LoadBalancer::default() })
}

/// Scenario builder that places components on a grid inside zone rectangles.
pub(super) struct Build {
    pub s: Scenario,
}

impl Build {
    pub(super) fn new(name: &str, rate_rps: f64, duration_s: f64) -> Build {
        let mut s = Scenario::empty(name);
        s.traffic.rate_rps = rate_rps;
        s.run.duration_s = duration_s;
        Build { s }
    }

    pub(super) fn region(mut self, code: &str, x: f64, w: f64, h: f64, zones: &[&str]) -> Build {
        self.s.regions.push(Region {
            code: code.to_string(),
            rect: Rect { x, y: 0.0, w, h },
            zones: zones.iter().map(|z| Zone { name: z.to_string() }).collect(),
        });
        self
    }

    /// Puts `id` in cell (`col` of `cols`, `row` of `rows`) of the zone's rectangle.
    #[allow(
        clippy::too_many_arguments,
        reason = "one grid cell: the id, its region and zone, its column and row of the zone's grid"
    )]
    pub(super) fn at(
        mut self,
        id: &str,
        code: &str,
        zone: &str,
        col: u32,
        cols: u32,
        row: u32,
        rows: u32,
        kind: Kind,
    ) -> Build {
        let region = self.s.region(code).expect("preset regions are added before their components");
        let zi = region.zones.iter().position(|z| z.name == zone).expect("preset zones exist");
        let r = region.zone_rect(zi);
        // Whole canvas units: tidy JSON, and exact through serde_json's float parsing.
        let x = (r.x + r.w * (f64::from(col) + 0.5) / f64::from(cols)).round();
        let y = (r.y + r.h * (f64::from(row) + 0.5) / f64::from(rows)).round();
        self.s.components.push(Component {
            id: id.to_string(),
            place: Placement::new(code, zone),
            x,
            y,
            kind,
        });
        self
    }

    /// A single row of components in one zone, left to right.
    pub(super) fn row(mut self, code: &str, zone: &str, items: Vec<(&str, Kind)>) -> Build {
        let n = items.len() as u32;
        for (i, (id, kind)) in items.into_iter().enumerate() {
            self = self.at(id, code, zone, i as u32, n, 0, 1, kind);
        }
        self
    }

    pub(super) fn links(mut self, pairs: &[(&str, &str)]) -> Build {
        for (from, to) in pairs {
            self.s.links.push(Link { from: from.to_string(), to: to.to_string(), rtt_ms: None });
        }
        self
    }

    pub(super) fn fault(mut self, at_s: f64, action: FaultAction) -> Build {
        self.s.faults.push(ScheduledFault { at_s, action });
        self
    }

    pub(super) fn done(self) -> Scenario {
        self.s
    }
}

fn kill(target: Target) -> FaultAction {
    FaultAction::Kill { target }
}

fn component(id: &str) -> Target {
    Target::Component { id: id.to_string() }
}

/// Step 1: users -> one host running the app and its database.
pub fn single_server() -> Scenario {
    Build::new("Single server", 50.0, 120.0)
        .region(SEOUL, 0.0, 900.0, 420.0, &["a"])
        .row(
            SEOUL,
            "a",
            vec![
                ("users-1", clients(1.0)),
                ("app-1", one_process_server(1)),
                ("db-1", database(Some("app-1"))),
            ],
        )
        .links(&[("users-1", "app-1"), ("app-1", "db-1")])
        .done()
}

/// Step 2: the database on its own server.
pub fn separate_db() -> Scenario {
    Build::new("Separate database", 50.0, 120.0)
        .region(SEOUL, 0.0, 900.0, 420.0, &["a"])
        .row(
            SEOUL,
            "a",
            vec![("users-1", clients(1.0)), ("app-1", one_process_server(1)), ("db-1", database(None))],
        )
        .links(&[("users-1", "app-1"), ("app-1", "db-1")])
        .done()
}

/// Step 3: an L4 load balancer in front of a target group of four app servers (one process each).
pub fn load_balancer() -> Scenario {
    Build::new("Load balancer", 200.0, 120.0)
        .region(SEOUL, 0.0, 900.0, 420.0, &["a"])
        .row(
            SEOUL,
            "a",
            vec![
                ("users-1", clients(1.0)),
                ("lb-1", l4_lb()),
                ("app-1", one_process_server(4)),
                ("db-1", database(None)),
            ],
        )
        .links(&[("users-1", "lb-1"), ("lb-1", "app-1"), ("app-1", "db-1")])
        .done()
}

/// Step 4: the same four 2-vCPU servers, whose process manager now runs 4 processes each (the
/// only change from step 3; try 1 to see the difference).
pub fn processes() -> Scenario {
    let mut s = load_balancer();
    s.name = "Processes per server".to_string();
    s.traffic.rate_rps = 700.0;
    if let Some(Kind::AppServer(a)) = s.component_mut("app-1").map(|c| &mut c.kind) {
        a.processes = 4;
    }
    s
}

/// Step 5: two zones, one load balancer per zone behind DNS, app servers in both zones, and a
/// multi-AZ database (primary in a, standby in b). Users and DNS sit in zone b so that the
/// zone-a failure presets take down servers, not the users who measure the outage.
pub fn multi_az() -> Scenario {
    let dns = Kind::Dns(Dns {
        policy: DnsPolicy::RoundRobin,
        ttl_s: 30.0,
        // Route 53 "fast" health checks: every 10 s, 3 failures.
        health_check: HealthCheck {
            interval_s: 10.0,
            timeout_s: 4.0,
            unhealthy_threshold: 3,
            healthy_threshold: 3,
        },
    });
    // Three rows (users and DNS, load balancers, servers) and two columns per zone, so that at
    // fit zoom on a 1280×720 screen every link's latency label has room between the cards.
    Build::new("Two availability zones", 300.0, 180.0)
        .region(SEOUL, 0.0, 1000.0, 560.0, &["a", "b"])
        .at("users-1", SEOUL, "b", 1, 2, 0, 3, clients(1.0))
        .at("dns-1", SEOUL, "b", 0, 2, 0, 3, dns)
        .at("lb-1", SEOUL, "a", 1, 2, 1, 3, l4_lb())
        .at("lb-2", SEOUL, "b", 1, 2, 1, 3, l4_lb())
        .at("app-1", SEOUL, "a", 0, 2, 2, 3, app_server(2))
        .at("app-2", SEOUL, "b", 0, 2, 2, 3, app_server(2))
        .at("db-1", SEOUL, "a", 1, 2, 2, 3, database(None))
        .at("standby-1", SEOUL, "b", 1, 2, 2, 3, copy_of(DbRole::Standby, "db-1"))
        .links(&[
            ("users-1", "dns-1"),
            ("dns-1", "lb-1"),
            ("dns-1", "lb-2"),
            ("lb-1", "app-1"),
            ("lb-1", "app-2"),
            ("lb-2", "app-1"),
            ("lb-2", "app-2"),
            ("app-1", "db-1"),
            ("app-2", "db-1"),
        ])
        .done()
}

/// Step 5, regions: Seoul and N. Virginia, users near each, DNS answering with the nearest
/// healthy region. Virginia reads from a local read replica and writes to the Seoul primary.
pub fn multi_region() -> Scenario {
    let dns = Kind::Dns(Dns { policy: DnsPolicy::Latency, ..Dns::default() });
    // Three columns a region (not five and four, as before issue 19), so that Fit on a
    // 1280×720 screen zooms to 60 % and the card ids read at 10 px or more.
    let mut s = Build::new("Two regions", 200.0, 120.0)
        .region(SEOUL, 0.0, 580.0, 420.0, &["a"])
        .region(VIRGINIA, 680.0, 580.0, 420.0, &["a"])
        .at("users-1", SEOUL, "a", 0, 3, 0, 2, clients(1.0))
        .at("dns-1", SEOUL, "a", 1, 3, 0, 2, dns)
        .at("lb-1", SEOUL, "a", 0, 3, 1, 2, l4_lb())
        .at("app-1", SEOUL, "a", 1, 3, 1, 2, app_server(2))
        .at("db-1", SEOUL, "a", 2, 3, 1, 2, database(None))
        .at("users-2", VIRGINIA, "a", 0, 3, 0, 2, clients(1.0))
        .at("lb-2", VIRGINIA, "a", 0, 3, 1, 2, l4_lb())
        .at("app-2", VIRGINIA, "a", 1, 3, 1, 2, app_server(2))
        .at("replica-1", VIRGINIA, "a", 2, 3, 1, 2, copy_of(DbRole::ReadReplica, "db-1"))
        .links(&[
            ("users-1", "dns-1"),
            ("users-2", "dns-1"),
            ("dns-1", "lb-1"),
            ("dns-1", "lb-2"),
            ("lb-1", "app-1"),
            ("lb-2", "app-2"),
            ("app-1", "db-1"),
            ("app-2", "replica-1"),
            ("app-2", "db-1"),
        ])
        .done();
    // A read-heavy app, so most Virginia requests never cross the Pacific.
    for c in &mut s.components {
        if let Kind::AppServer(a) = &mut c.kind {
            a.write_ratio = 0.1;
        }
    }
    s
}

/// Failure: the only load balancer of step 3 dies at 30 s and stays down.
pub fn lb_spof() -> Scenario {
    let mut s = load_balancer();
    s.name = "Load balancer failure".to_string();
    s.faults.push(ScheduledFault { at_s: 30.0, action: kill(component("lb-1")) });
    s
}

/// Failure: zone a of the two-zone design fails at 30 s and recovers at 330 s. Zone b serves
/// everyone alone only from about 240 s: until the standby's promotion (90 s) zone b's workers
/// hang on the dead primary and fail their health checks, and they return after 5 passes.
pub fn zone_outage() -> Scenario {
    let zone_a = || Target::Zone { region: SEOUL.to_string(), zone: "a".to_string() };
    let mut b = Build { s: multi_az() };
    b.s.name = "Zone outage".to_string();
    b.s.run.duration_s = 510.0;
    b.fault(30.0, kill(zone_a())).fault(330.0, FaultAction::Revive { target: zone_a() }).done()
}

/// Failure: the primary database of the two-zone design dies at 30 s; the standby takes over.
pub fn db_failover() -> Scenario {
    let mut b = Build { s: multi_az() };
    b.s.name = "Database failover".to_string();
    b.fault(30.0, kill(component("db-1"))).done()
}
