//! Scenarios equivalent to textbook models.
//!
//! The mapping (the engine's semantics): a client population linked straight to an app server
//! with a 0 ms link spends no time on the network. An app host runs `processes` synchronous
//! workers that share one FIFO backlog of `backlog` places; each request takes a CPU burst of
//! mean `cpu_ms` on the host's `vcpus` cores, then its database queries one after another.
//! - processes = vcpus = c, no queries, backlog unbounded: M/M/c.
//! - the same with backlog = K − c: M/M/c/K.
//! - 64 processes on c1 cores, then one query on a database with c2 connections: the cores
//!   are an M/M/c1 station and the database an M/M/c2 station in tandem (Jackson), as long
//!   as the 64 processes are (almost) never all busy. The database's queries are then all
//!   wait (no core) and a proxy queues them for the c2 connections (`db`); or they are all
//!   CPU on c2 cores with connections to spare, an M/M/c2 station on its cores
//!   (`db_on_cores`).

use archlab::model::{
    AppServer, Arrivals, Clients, Component, Database, DbRole, Kind, Link, LoadBalancer, Pattern, Placement,
    Rect, Region, Retry, Scenario, ServiceDist, Traffic, Zone, LIMITS,
};

/// Component indices in every scenario built here, in scenario order (the clients are 0).
pub const APP: usize = 1;
pub const DB: usize = 2;

/// One app host as a queueing station.
#[derive(Clone, Copy, Debug)]
pub struct Station {
    pub lambda: f64,
    /// Worker processes and cores.
    pub processes: u32,
    pub vcpus: u32,
    /// CPU service rate per core, per second.
    pub mu: f64,
    pub service: ServiceDist,
    /// Waiting places; `None` = the validator's largest, effectively unbounded here.
    pub backlog: Option<u32>,
    pub timeout_ms: f64,
    /// Round-trip time of the clients → app link.
    pub rtt_ms: f64,
}

/// An M/M/c station: `c` processes on `c` cores, exponential service, unbounded queue, and a
/// client timeout (10 minutes) no request comes near.
pub fn station(c: u32, lambda: f64, mu: f64) -> Station {
    Station {
        lambda,
        processes: c,
        vcpus: c,
        mu,
        service: ServiceDist::Exponential,
        backlog: None,
        timeout_ms: 600_000.0,
        rtt_ms: 0.0,
    }
}

/// The database behind an app host.
#[derive(Clone, Copy, Debug)]
pub struct Db {
    pub connections: u32,
    pub mu: f64,
    pub service: ServiceDist,
    pub queries: u32,
    pub rtt_ms: f64,
    /// Share of a query on the database's `vcpus` cores, and whether a proxy multiplexes the
    /// app's processes over the connections.
    pub cpu_fraction: f64,
    pub vcpus: u32,
    pub proxy: bool,
}

/// A database whose `connections` are the station: queries are all wait (no core) and a proxy
/// lets the app's 64 processes queue for the connections, so it is an M/M/c station on them.
pub fn db(connections: u32, mu: f64, queries: u32) -> Db {
    Db {
        connections,
        mu,
        service: ServiceDist::Exponential,
        queries,
        rtt_ms: 0.0,
        cpu_fraction: 0.0,
        vcpus: 2,
        proxy: true,
    }
}

/// A database whose `cores` are the station: queries are all CPU, and the connections (64, as
/// many as the app's processes, so no pool runs short) exceed the cores.
pub fn db_on_cores(cores: u32, mu: f64, queries: u32) -> Db {
    Db { connections: 64, cpu_fraction: 1.0, vcpus: cores, proxy: false, ..db(64, mu, queries) }
}

impl Station {
    pub fn scenario(&self) -> Scenario {
        self.scenario_with(None)
    }

    /// The clients → app scenario, plus a database when `db` is given.
    pub fn scenario_with(&self, db: Option<Db>) -> Scenario {
        let mut s = Scenario::empty("queueing");
        s.regions = vec![Region {
            code: "ap-northeast-2".into(),
            rect: Rect { x: 0.0, y: 0.0, w: 900.0, h: 500.0 },
            zones: vec![Zone { name: "a".into() }],
        }];
        s.traffic = Traffic { rate_rps: self.lambda, pattern: Pattern::Steady, arrivals: Arrivals::Poisson };
        // Queueing theory's stations have no retries: a blocked or timed-out request is lost.
        let users =
            Clients { weight: 1.0, timeout_ms: self.timeout_ms, retry: Retry::OFF, ..Clients::default() };
        let app = AppServer {
            count: 1,
            vcpus: self.vcpus,
            processes: self.processes,
            cpu_ms: 1000.0 / self.mu,
            service: self.service,
            db_queries: db.map_or(0, |d| d.queries),
            // Every query goes to the primary (there is no replica anyway).
            write_ratio: 1.0,
            backlog: self.backlog.unwrap_or(LIMITS.queue),
            restart_delay_s: 2.0,
            autoscaling: None,
        };
        s.components = vec![component("users", Kind::Clients(users)), component("app", Kind::AppServer(app))];
        s.links = vec![link("users", "app", self.rtt_ms)];
        if let Some(d) = db {
            let database = Database {
                role: DbRole::Primary,
                max_connections: d.connections,
                query_ms: 1000.0 / d.mu,
                service: d.service,
                queue_limit: LIMITS.queue,
                query_cpu_fraction: d.cpu_fraction,
                vcpus: d.vcpus,
                proxy: d.proxy,
                ..Database::default()
            };
            s.components.push(component("db", Kind::Database(database)));
            s.links.push(link("app", "db", d.rtt_ms));
        }
        let problems = archlab::model::validate(&s);
        assert!(problems.is_empty(), "a test scenario must be valid: {problems:?}");
        s
    }
}

/// Clients → load balancer (the users link's round trip) → two app hosts (`rtt_ms`).
pub fn behind_a_balancer(s: &mut Scenario, rtt_ms: f64) {
    let lb = Component {
        id: "lb".into(),
        kind: Kind::LoadBalancer(LoadBalancer::default()),
        ..s.components[0].clone()
    };
    s.components.push(lb);
    if let Some(Kind::AppServer(a)) = s.component_mut("app").map(|c| &mut c.kind) {
        a.count = 2;
    }
    s.links[0].to = "lb".into();
    s.links.push(Link { from: "lb".into(), to: "app".into(), rtt_ms: Some(rtt_ms) });
    let problems = archlab::model::validate(s);
    assert!(problems.is_empty(), "a test scenario must be valid: {problems:?}");
}

fn component(id: &str, kind: Kind) -> Component {
    Component { id: id.into(), place: Placement::new("ap-northeast-2", "a"), x: 100.0, y: 100.0, kind }
}

fn link(from: &str, to: &str, rtt_ms: f64) -> Link {
    Link { from: from.into(), to: to.into(), rtt_ms: Some(rtt_ms) }
}
