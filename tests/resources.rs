//! Three resources, never confused: an app host's cores and workers, a database's cores and
//! connections (DESIGN.md, "The traffic engine"). Each case is computed by hand and checked
//! against the engine's window averages over several seeds.
//!
//! The scenarios are clients linked straight to one app tier (0 ms links, so no network time)
//! and one database; every query goes to the primary.

use archlab::engine::{run, ErrorCause, Summary};
use archlab::model::*;

const SEEDS: u64 = 4;

struct Design {
    rate: f64,
    hosts: u32,
    vcpus: u32,
    processes: u32,
    cpu_ms: f64,
    queries: u32,
    db: Option<Database>,
    /// The database runs on the app host (book step 1).
    on_host: bool,
}

fn database(vcpus: u32, max_connections: u32, query_ms: f64, cpu_fraction: f64) -> Database {
    Database {
        vcpus,
        max_connections,
        query_ms,
        query_cpu_fraction: cpu_fraction,
        queue_limit: LIMITS.queue,
        ..Database::default()
    }
}

fn place() -> Placement {
    Placement::new("ap-northeast-2", "a")
}

fn scenario(d: &Design) -> Scenario {
    let mut s = Scenario::empty("resources");
    s.regions = vec![Region {
        code: "ap-northeast-2".into(),
        rect: Rect { x: 0.0, y: 0.0, w: 900.0, h: 500.0 },
        zones: vec![Zone { name: "a".into() }],
    }];
    s.traffic = Traffic { rate_rps: d.rate, pattern: Pattern::Steady, arrivals: Arrivals::Poisson };
    let comp = |id: &str, kind: Kind| Component { id: id.into(), place: place(), x: 100.0, y: 100.0, kind };
    let app = AppServer {
        count: d.hosts,
        vcpus: d.vcpus,
        processes: d.processes,
        cpu_ms: d.cpu_ms,
        db_queries: if d.db.is_some() { d.queries } else { 0 },
        write_ratio: 1.0,
        backlog: LIMITS.queue,
        ..AppServer::default()
    };
    s.components = vec![
        // Retries off: each failure counts once (with the default three attempts a request
        // fails too_many_connections only if all three land on a process without one).
        comp(
            "users",
            Kind::Clients(Clients {
                weight: 1.0,
                timeout_ms: 600_000.0,
                retry: Retry::OFF,
                ..Default::default()
            }),
        ),
        comp("app", Kind::AppServer(app)),
    ];
    s.links = vec![Link { from: "users".into(), to: "app".into(), rtt_ms: Some(0.0) }];
    if let Some(db) = &d.db {
        let host = d.on_host.then(|| "app".to_string());
        s.components.push(comp("db", Kind::Database(Database { host, ..db.clone() })));
        let rtt_ms = if d.on_host { None } else { Some(0.0) };
        s.links.push(Link { from: "app".into(), to: "db".into(), rtt_ms });
    }
    let problems = validate(&s);
    assert!(problems.is_empty(), "a test scenario must be valid: {problems:?}");
    s
}

/// Runs `s` for `seconds` after a 10 s warm-up over [`SEEDS`] seeds.
fn runs(s: &Scenario, seconds: f64) -> Vec<Summary> {
    (1..=SEEDS).map(|seed| run(s, 10.0 + seconds, seed, 10.0).expect("valid")).collect()
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = xs.collect();
    v.iter().sum::<f64>() / v.len() as f64
}

const APP: usize = 1;
const DB: usize = 2;

/// Queries a database serves per second under overload (the app tier has room to spare).
fn db_throughput(vcpus: u32, max_connections: u32) -> f64 {
    // Offered: 1,600 queries/s. A query is 5 ms of CPU only, so 2 cores serve 400/s and 4
    // serve 800/s, whatever the connections (4 connections alone would serve 800/s).
    let mut db = database(vcpus, max_connections, 5.0, 1.0);
    db.proxy = true;
    let s = scenario(&Design {
        rate: 1600.0,
        hosts: 4,
        vcpus: 16,
        processes: 64,
        cpu_ms: 0.5,
        queries: 1,
        db: Some(db),
        on_host: false,
    });
    mean(runs(&s, 30.0).iter().map(|r| r.components[DB].throughput_rps))
}

#[test]
fn database_throughput_is_flat_in_connections_past_its_cores_and_rises_with_its_class() {
    let by_conns: Vec<f64> = [4, 16, 64].iter().map(|&c| db_throughput(2, c)).collect();
    for (c, x) in [4, 16, 64].iter().zip(&by_conns) {
        // The cores never idle under this overload: 2 / 5 ms = 400 queries/s, to within the
        // requests the warm-up boundary splits (well under 1 %).
        assert!((x - 400.0).abs() < 0.02 * 400.0, "{c} connections at 2 vCPUs: {x} queries/s, expected 400");
    }
    let four = db_throughput(4, 64);
    assert!((four / by_conns[2] - 2.0).abs() < 0.04, "4 vCPUs serve {four}/s against {} at 2", by_conns[2]);
}

#[test]
fn cpu_and_worker_utilisation_are_measured_apart() {
    // 200 req/s on 2 hosts × 8 cores × 16 processes; 10 ms of CPU, then one 20 ms query (half
    // CPU) on a 16-core database. The cores are lightly loaded (ρ = 0.125 on both tiers), so
    // waits are negligible (Erlang C at ρ = 0.125 on 8 or 16 servers: under 1e-5):
    // - app CPU: λ·cpu / (vcpus × hosts) = 200 × 0.010 / 16 = 0.125;
    // - workers: held for CPU and query, λ·(10 + 20) ms / (16 × 2) = 0.1875;
    // - database CPU: λ·10 ms / 16 = 0.125; connections: λ·20 ms / 100 = 0.04.
    let s = scenario(&Design {
        rate: 200.0,
        hosts: 2,
        vcpus: 8,
        processes: 16,
        cpu_ms: 10.0,
        queries: 1,
        db: Some(database(16, 100, 20.0, 0.5)),
        on_host: false,
    });
    let r = runs(&s, 60.0);
    let near = |what: &str, x: f64, want: f64| {
        // 12,000 requests a seed, 4 seeds: the time averages' relative noise is about 1 %.
        assert!((x / want - 1.0).abs() < 0.04, "{what}: {x}, expected {want}");
    };
    near("app cpu", mean(r.iter().map(|x| x.components[APP].cpu_utilization)), 0.125);
    near("app workers", mean(r.iter().map(|x| x.components[APP].worker_utilization)), 0.1875);
    near("db cpu", mean(r.iter().map(|x| x.components[DB].cpu_utilization)), 0.125);
    near("db connections", mean(r.iter().map(|x| x.components[DB].connection_utilization)), 0.04);
    let util = mean(r.iter().map(|x| x.components[APP].utilization));
    near("app utilisation is the larger (workers)", util, 0.1875);
    assert_eq!(r[0].components[APP].connection_utilization, 0.0);
    assert_eq!(r[0].components[DB].worker_utilization, 0.0);
}

#[test]
fn a_database_on_the_app_host_uses_its_cores() {
    // Book step 1: 100 req/s on one 2-core host, 8 ms of CPU and 2 queries of 2 ms, a quarter
    // CPU, to a database on the same host. Busy cores: 100 × (8 + 2 × 0.5) ms = 0.9 cores,
    // 0.45 of the host; the database's queries use 100 × 1 ms = 0.1 core, 0.05 of the host.
    let s = scenario(&Design {
        rate: 100.0,
        hosts: 1,
        vcpus: 2,
        processes: 4,
        cpu_ms: 8.0,
        queries: 2,
        db: Some(database(2, 100, 2.0, 0.25)),
        on_host: true,
    });
    let r = runs(&s, 60.0);
    let app = mean(r.iter().map(|x| x.components[APP].cpu_utilization));
    let db = mean(r.iter().map(|x| x.components[DB].cpu_utilization));
    assert!((app / 0.45 - 1.0).abs() < 0.04, "host cores busy {app}, expected 0.45");
    assert!((db / 0.05 - 1.0).abs() < 0.06, "the database's share {db}, expected 0.05");
}

/// The share of requests failing "too many connections", and the summary of the first seed.
fn pool(proxy: bool) -> (f64, Summary) {
    // 4 hosts × 8 processes = 32 pooled connections wanted, 24 allowed: 6 processes per host
    // hold one, 2 do not (the pool arithmetic: (32 − 24) / 32 = 25 % of the processes). At
    // low load every process is idle when a request comes, and the process manager hands them
    // out round robin, so a quarter of the requests land on a process without a connection.
    let mut db = database(4, 24, 5.0, 0.5);
    db.proxy = proxy;
    let s = scenario(&Design {
        rate: 100.0,
        hosts: 4,
        vcpus: 2,
        processes: 8,
        cpu_ms: 5.0,
        queries: 1,
        db: Some(db),
        on_host: false,
    });
    let r = runs(&s, 40.0);
    let share = |x: &Summary| {
        let n = x.errors.iter().find(|(c, _)| *c == ErrorCause::TooManyConnections).map_or(0, |e| e.1);
        n as f64 / x.arrived as f64
    };
    (mean(r.iter().map(share)), r[0].clone())
}

#[test]
fn more_processes_than_connections_fail_too_many_connections_unless_a_proxy_multiplexes() {
    let (share, first) = pool(false);
    // 4,000 requests a seed; the round robin makes the share close to exact.
    assert!((share - 0.25).abs() < 0.02, "share failing too_many_connections: {share}, expected 0.25");
    assert_eq!(first.failed, first.errors.iter().map(|e| e.1).sum::<u64>());
    assert_eq!(ErrorCause::TooManyConnections.key(), "too_many_connections");
    let (share, first) = pool(true);
    assert_eq!(share, 0.0, "a proxy multiplexes the processes over the 24 connections");
    assert_eq!(first.failed, 0);
}

#[test]
fn auto_scaling_tracks_busy_cores_not_busy_workers() {
    // An I/O-bound tier: 150 req/s on 2 hosts × 2 cores × 4 processes, 2 ms of CPU, then a
    // 40 ms query (a tenth CPU) on a roomy database. Workers: 150 × 42 ms / 8 = 0.79 busy;
    // cores: 150 × 2 ms / 4 = 0.075. A 50 % CPU target must not scale out (busy workers would
    // have said 79 %); the same tier made CPU-bound (20 ms of CPU: 0.75 of the cores) must.
    let grows = |cpu_ms: f64, query_ms: f64| {
        let mut s = scenario(&Design {
            rate: 150.0,
            hosts: 2,
            vcpus: 2,
            processes: 4,
            cpu_ms,
            queries: 1,
            db: Some(database(16, 100, query_ms, 0.1)),
            on_host: false,
        });
        if let Some(Kind::AppServer(a)) = s.component_mut("app").map(|c| &mut c.kind) {
            a.autoscaling = Some(AutoScaling {
                min: 2,
                max: 6,
                target_cpu_pct: 50.0,
                boot_s: 10.0,
                warmup_s: 10.0,
                cooldown_s: 30.0,
            });
        }
        let mut sim = archlab::engine::Sim::new(&s, 1).expect("valid");
        sim.advance_to(archlab::engine::secs(120.0));
        sim.snapshot().components[APP].servers_total
    };
    assert_eq!(grows(2.0, 40.0), 2, "busy workers on idle cores are not a CPU target");
    assert!(grows(20.0, 2.0) > 2, "busy cores scale the group out");
}

#[test]
fn a_query_cpu_share_outside_0_to_1_is_refused_by_name() {
    let mut db = database(2, 100, 5.0, 0.5);
    db.query_cpu_fraction = 1.5;
    let mut s = scenario(&Design {
        rate: 10.0,
        hosts: 1,
        vcpus: 2,
        processes: 1,
        cpu_ms: 1.0,
        queries: 1,
        db: Some(database(2, 100, 5.0, 0.5)),
        on_host: false,
    });
    s.component_mut("db").expect("db").kind = Kind::Database(db);
    let problems = validate(&s);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].to_string().contains("query_cpu_fraction"), "{}", problems[0]);
}
