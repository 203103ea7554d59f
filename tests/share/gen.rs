//! Random valid scenarios: every component kind, every field inside its range, links allowed by
//! `check_link_kinds`, faults with real targets, every traffic pattern.
//!
//! Driven by a seeded ChaCha8 stream, so a failing case is reproduced from its seed alone; the
//! property tests draw the seed with proptest and the fuzz bench (`benches/decode_fuzz.rs`)
//! includes this file to get valid links to mutate.

use archlab::catalog::REGIONS;
use archlab::model::*;
use rand::{Rng, RngCore};

/// A valid scenario of up to `max_components` components (at least two).
pub fn scenario(rng: &mut impl RngCore, max_components: usize) -> Scenario {
    let mut s = Scenario::empty(&text(rng));
    s.seed = rng.next_u64();
    s.regions = regions(rng);
    let places: Vec<Placement> =
        s.regions.iter().flat_map(|r| r.zones.iter().map(|z| Placement::new(&r.code, &z.name))).collect();
    let n = rng.random_range(2..=max_components.max(2));
    for i in 0..n {
        let kind = kind(rng, i);
        let prefix = ["a", "web", "Node_7", "x-y", "DB"][rng.random_range(0..5)];
        s.components.push(Component {
            id: format!("{prefix}-{i}"),
            place: places[rng.random_range(0..places.len())].clone(),
            x: coordinate(rng),
            y: coordinate(rng),
            kind,
        });
    }
    fix_databases(rng, &mut s);
    s.links = links(rng, &s);
    for c in 0..s.components.len() {
        let apps: Vec<String> = app_ids(&s);
        if let Kind::LoadBalancer(lb) = &mut s.components[c].kind {
            for a in apps {
                if rng.random_bool(0.3) {
                    lb.weights.push(TargetWeight { target: a, weight: rng.random_range(0..=1000) });
                }
            }
        }
    }
    s.traffic = traffic(rng);
    s.faults = (0..rng.random_range(0..6)).map(|_| fault(rng, &s)).collect();
    s.run = RunSettings { speed: rng.random_range(0.1..=100.0), duration_s: positive(rng, 86_400.0) };
    s
}

/// Plain text of up to 64 characters, no control characters: ASCII, Korean, emoji and markup.
fn text(rng: &mut impl RngCore) -> String {
    const PIECES: &[&str] =
        &["Lab", " ", "서울", "<script>alert(1)</script>", "😀", "\"q\"", "&amp;", "\\", "ü"];
    let mut t = String::new();
    for _ in 0..rng.random_range(0..6) {
        let p = PIECES[rng.random_range(0..PIECES.len())];
        if t.chars().count() + p.chars().count() <= 64 {
            t.push_str(p);
        }
    }
    t
}

/// A finite float with many significant digits, so the codec must carry every bit.
fn coordinate(rng: &mut impl RngCore) -> f64 {
    match rng.random_range(0..3) {
        0 => f64::from(rng.random_range(-2000..2000)),
        1 => rng.random_range(-1.0e6..=1.0e6),
        _ => rng.random_range(-1.0..1.0) * 1e-7,
    }
}

/// In (0, hi]: never zero, sometimes tiny, sometimes the limit itself.
fn positive(rng: &mut impl RngCore, hi: f64) -> f64 {
    match rng.random_range(0..4) {
        0 => hi,
        1 => f64::from(rng.random_range(1..=100)).min(hi),
        _ => rng.random_range(1e-6..=hi),
    }
}

fn regions(rng: &mut impl RngCore) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    for info in REGIONS {
        if out.is_empty() || rng.random_bool(0.3) {
            let mut zones: Vec<Zone> = info
                .zones
                .iter()
                .filter(|_| rng.random_bool(0.6))
                .map(|z| Zone { name: z.to_string() })
                .collect();
            if zones.is_empty() {
                zones.push(Zone { name: info.zones[0].to_string() });
            }
            let rect = Rect {
                x: coordinate(rng),
                y: coordinate(rng),
                w: rng.random_range(100.0..=5000.0),
                h: rng.random_range(100.0..=5000.0),
            };
            out.push(Region { code: info.code.to_string(), rect, zones });
        }
    }
    out
}

fn health(rng: &mut impl RngCore) -> HealthCheck {
    let interval_s = rng.random_range(1.0..=300.0);
    HealthCheck {
        interval_s,
        timeout_s: (interval_s * rng.random_range(0.01..0.99)).min(120.0),
        unhealthy_threshold: rng.random_range(1..=10),
        healthy_threshold: rng.random_range(1..=10),
    }
}

fn service(rng: &mut impl RngCore) -> ServiceDist {
    if rng.random_bool(0.5) {
        ServiceDist::Exponential
    } else {
        ServiceDist::Constant
    }
}

/// The first two components are clients and an app server, so every scenario has traffic.
fn kind(rng: &mut impl RngCore, i: usize) -> Kind {
    let pick = match i {
        0 => 0,
        1 => 3,
        _ => rng.random_range(0..6),
    };
    match pick {
        0 => Kind::Clients(Clients {
            weight: rng.random_range(0.0..=1000.0),
            timeout_ms: positive(rng, 600_000.0),
            connections: rng.random_bool(0.3).then(|| rng.random_range(1..=5000)),
            connect_timeout_ms: if rng.random_bool(0.5) { 3_100.0 } else { positive(rng, 600_000.0) },
            retry: if rng.random_bool(0.5) {
                Retry::default()
            } else {
                Retry {
                    max_attempts: rng.random_range(1..=10),
                    base_ms: rng.random_range(0.0..=600_000.0),
                    cap_ms: rng.random_range(0.0..=600_000.0),
                }
            },
        }),
        1 => Kind::Dns(Dns {
            policy: [DnsPolicy::Latency, DnsPolicy::Failover, DnsPolicy::RoundRobin][rng.random_range(0..3)],
            ttl_s: rng.random_range(0.0..=86_400.0),
            health_check: health(rng),
        }),
        2 => Kind::LoadBalancer(LoadBalancer {
            layer: if rng.random_bool(0.5) { LbLayer::L4 } else { LbLayer::L7 },
            algorithm: LbAlgorithm::ALL[rng.random_range(0..5)],
            health_check: if rng.random_bool(0.5) { HealthCheck::default() } else { health(rng) },
            fail_open: rng.random_bool(0.5),
            cross_zone: rng.random_bool(0.5),
            weights: Vec::new(),
            deregistration_delay_s: rng.random_range(0.0..=3600.0),
        }),
        3 => Kind::AppServer(if rng.random_bool(0.2) {
            AppServer::default()
        } else {
            let count = rng.random_range(1..=64);
            let autoscaling = rng.random_bool(0.3).then(|| AutoScaling {
                min: rng.random_range(0..=count),
                max: rng.random_range(count..=64),
                target_cpu_pct: rng.random_range(1.0..=100.0),
                boot_s: rng.random_range(0.0..=3600.0),
                warmup_s: rng.random_range(0.0..=3600.0),
                cooldown_s: rng.random_range(0.0..=3600.0),
            });
            AppServer {
                count,
                autoscaling,
                vcpus: rng.random_range(1..=96),
                processes: rng.random_range(1..=64),
                cpu_ms: positive(rng, 600_000.0),
                service: service(rng),
                db_queries: rng.random_range(0..=50),
                write_ratio: rng.random_range(0.0..=1.0),
                backlog: rng.random_range(0..=100_000),
                restart_delay_s: rng.random_range(0.0..=3600.0),
            }
        }),
        _ => Kind::Database(Database {
            role: DbRole::Primary,
            primary: None,
            max_connections: rng.random_range(1..=5000),
            query_ms: positive(rng, 600_000.0),
            service: service(rng),
            queue_limit: rng.random_range(0..=100_000),
            failover_s: rng.random_range(0.0..=3600.0),
            host: None,
            vcpus: rng.random_range(1..=96),
            query_cpu_fraction: rng.random_range(0.0..=1.0),
            proxy: rng.random_bool(0.5),
        }),
    }
}

/// Turns some databases into standbys (at most one per primary) or read replicas of an
/// earlier primary, and puts some on a single-host app server.
fn fix_databases(rng: &mut impl RngCore, s: &mut Scenario) {
    let single_hosts: Vec<String> = s
        .components
        .iter()
        .filter(|c| matches!(&c.kind, Kind::AppServer(a) if a.count == 1))
        .map(|c| c.id.clone())
        .collect();
    let mut primaries: Vec<(String, bool)> = Vec::new(); // (id, has a standby)
    for c in &mut s.components {
        let Kind::Database(d) = &mut c.kind else { continue };
        if !primaries.is_empty() && rng.random_bool(0.5) {
            let p = rng.random_range(0..primaries.len());
            let standby = !primaries[p].1 && rng.random_bool(0.5);
            d.role = if standby { DbRole::Standby } else { DbRole::ReadReplica };
            d.primary = Some(primaries[p].0.clone());
            primaries[p].1 |= standby;
        } else {
            primaries.push((c.id.clone(), false));
        }
        if !single_hosts.is_empty() && rng.random_bool(0.3) {
            d.host = Some(single_hosts[rng.random_range(0..single_hosts.len())].clone());
        }
    }
}

fn app_ids(s: &Scenario) -> Vec<String> {
    s.components.iter().filter(|c| matches!(c.kind, Kind::AppServer(_))).map(|c| c.id.clone()).collect()
}

/// A random subset of the links `check_link_kinds` allows, in a random order.
fn links(rng: &mut impl RngCore, s: &Scenario) -> Vec<Link> {
    let mut out = Vec::new();
    for a in &s.components {
        for b in &s.components {
            if a.id != b.id && check_link_kinds(&a.kind, &b.kind).is_ok() && rng.random_bool(0.4) {
                let rtt_ms = rng.random_bool(0.2).then(|| rng.random_range(0.0..=10_000.0));
                out.push(Link { from: a.id.clone(), to: b.id.clone(), rtt_ms });
            }
        }
    }
    for i in (1..out.len()).rev() {
        out.swap(i, rng.random_range(0..=i));
    }
    out.truncate(1000);
    out
}

fn traffic(rng: &mut impl RngCore) -> Traffic {
    let rate_rps: f64 = rng.random_range(0.0..=1_000_000.0);
    let pattern = match rng.random_range(0..3) {
        0 => Pattern::Steady,
        1 => Pattern::Ramp { to_rps: rng.random_range(0.0..=1_000_000.0), over_s: positive(rng, 86_400.0) },
        _ => {
            let cap = if rate_rps > 0.0 { (1_000_000.0 / rate_rps).min(100.0) } else { 100.0 };
            let mut factor = rng.random_range(0.0..=cap);
            if rate_rps * factor > 1_000_000.0 {
                factor = 1.0;
            }
            Pattern::Spike { at_s: rng.random_range(0.0..=86_400.0), for_s: positive(rng, 86_400.0), factor }
        }
    };
    let arrivals = if rng.random_bool(0.5) { Arrivals::Poisson } else { Arrivals::Uniform };
    Traffic { rate_rps, pattern, arrivals }
}

fn fault(rng: &mut impl RngCore, s: &Scenario) -> ScheduledFault {
    let zone = |rng: &mut dyn RngCore| {
        let r = &s.regions[rng.random_range(0..s.regions.len())];
        Placement::new(&r.code, &r.zones[rng.random_range(0..r.zones.len())].name)
    };
    let c = &s.components[rng.random_range(0..s.components.len())];
    let target = match (&c.kind, rng.random_range(0..5)) {
        (Kind::AppServer(a), 1) => Target::Server { id: c.id.clone(), index: rng.random_range(0..a.count) },
        (Kind::AppServer(a), 2) => Target::Process {
            id: c.id.clone(),
            server: rng.random_range(0..a.count),
            index: rng.random_range(0..a.processes),
        },
        (_, 3) => {
            let z = zone(rng);
            Target::Zone { region: z.region, zone: z.zone }
        }
        (_, 4) => Target::Region { region: s.regions[rng.random_range(0..s.regions.len())].code.clone() },
        _ => Target::Component { id: c.id.clone() },
    };
    let action = match rng.random_range(0..6) {
        0 => FaultAction::Kill { target },
        1 => FaultAction::Revive { target },
        2 => FaultAction::AddLatency { a: zone(rng), b: zone(rng), ms: rng.random_range(0.0..=10_000.0) },
        3 => FaultAction::ClearLatency { a: zone(rng), b: zone(rng) },
        4 => FaultAction::Partition { a: zone(rng), b: zone(rng) },
        _ => FaultAction::Heal { a: zone(rng), b: zone(rng) },
    };
    ScheduledFault { at_s: rng.random_range(0.0..=86_400.0), action }
}
