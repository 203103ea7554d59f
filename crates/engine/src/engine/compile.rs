//! Compiling a scenario into the engine's dense, index-based form.
//!
//! The model names things by id and placement; the engine uses indices: components keep their
//! scenario position, and each kind gets its own table (clients, DNS, balancers, app tiers and
//! their hosts, databases and their groups). Links become entry lists, target lists and
//! database routes; placements become zone indices and a matrix of one-way delays.

use std::collections::VecDeque;

use crate::catalog::rtt_ms;
use crate::model::{AppServer, DbRole, Kind, Scenario, ServiceDist};

use super::alarms::AlarmRun;
use super::autoscale::Asg;
use super::balancer::{Lb, Pins, Target};
use super::billing::{host_hour_usd, Transfer};
use super::clock::Clock;
use super::database::{Databases, Db, Group};
use super::deploy::Deploy;
use super::dns::{Cache, Dns};
use super::fleet::{AfterDrain, Life};
use super::health::{Check, Settings};
use super::ingress::Ingress;
use super::network::Network;
use super::observation::Observation;
use super::operations::Operations;
use super::queue::Kind as Ev;
use super::recorder::Recorder;
use super::request::{Slab, NONE};
use super::sim::Sim;
use super::station::Station;
use super::tiers::{App, Host, Tiers, VersionFx};
use super::topology::{Comp, Role, Topology, ZoneInfo};
use super::traffic::{Client, Entry};
use super::{ms, secs};

/// Builds a simulation of a scenario that `validate` accepted.
pub(super) fn build(s: &Scenario, seed: u64) -> Sim {
    let n = s.components.len();
    let regions: Vec<String> = s.regions.iter().map(|r| r.code.clone()).collect();
    let mut zones = Vec::new();
    for (ri, r) in s.regions.iter().enumerate() {
        for z in &r.zones {
            zones.push(ZoneInfo { region: ri as u32, name: z.name.clone() });
        }
    }
    let zone_of = |region: &str, zone: &str| {
        zones.iter().position(|z| regions[z.region as usize] == region && z.name == zone).unwrap_or(0) as u32
    };
    let index_of = |id: &str| s.components.iter().position(|c| c.id == id);
    let weight_sum: f64 =
        s.components.iter().map(|c| if let Kind::Clients(k) = &c.kind { k.weight } else { 0.0 }).sum();

    let mut comps = Vec::with_capacity(n);
    let (mut clients, mut dnss, mut lbs, mut apps, mut hosts, mut dbs) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, c) in s.components.iter().enumerate() {
        let comp = i as u32;
        let role = match &c.kind {
            Kind::Clients(k) => {
                let share = if weight_sum > 0.0 { k.weight / weight_sum } else { 0.0 };
                clients.push(Client {
                    comp,
                    share,
                    timeout: ms(k.timeout_ms),
                    connect_timeout: ms(k.connect_timeout_ms),
                    retry: super::retry::Policy::from_model(&k.retry),
                    entries: Vec::new(),
                    rr: 0,
                    gen: 0,
                });
                Role::Clients(clients.len() as u32 - 1)
            }
            Kind::Dns(d) => {
                dnss.push(Dns {
                    comp,
                    policy: d.policy,
                    ttl: secs(d.ttl_s),
                    health: Settings::from_model(&d.health_check),
                    targets: Vec::new(),
                    checks: Vec::new(),
                    caches: Vec::new(),
                    dead_since: None,
                });
                Role::Dns(dnss.len() as u32 - 1)
            }
            Kind::LoadBalancer(l) => {
                lbs.push(Lb {
                    comp,
                    algorithm: l.algorithm,
                    health: Settings::from_model(&l.health_check),
                    fail_open: l.fail_open,
                    targets: Vec::new(),
                    rr: 0,
                    healthy: 0,
                    drain_delay: secs(l.deregistration_delay_s),
                    cross_zone: l.cross_zone,
                    pins: Vec::new(),
                });
                Role::Lb(lbs.len() as u32 - 1)
            }
            Kind::AppServer(a) => {
                let ai = apps.len() as u32;
                let first_host = hosts.len() as u32;
                let processes = a.processes.clamp(1, 64);
                let slots = host_slots(s, &c.id, a);
                for index in 0..slots {
                    let running = index < a.count;
                    hosts.push(Host {
                        app: ai,
                        index,
                        killed: false,
                        up: running,
                        cores: Station::new(a.vcpus.max(1), u32::MAX),
                        backlog: VecDeque::new(),
                        idle: 0,
                        crashed: 0,
                        proc_req: vec![NONE; processes as usize],
                        rr: 0,
                        crash_gen: vec![0; processes as usize],
                        life: if running { Life::InService } else { Life::Stopped },
                        life_gen: 0,
                        version: 0,
                        green: false,
                        in_service_at: 0,
                        drain_until: 0,
                        after_drain: AfterDrain::Stop,
                        restart_boot: 0,
                    });
                }
                let app = App {
                    comp,
                    first_host,
                    count: slots,
                    processes,
                    cpu_mean: a.cpu_ms * 1e6,
                    constant: a.service == ServiceDist::Constant,
                    db_queries: a.db_queries,
                    write_ratio: a.write_ratio,
                    backlog: a.backlog,
                    restart: secs(a.restart_delay_s),
                    group: NONE,
                    replicas: Vec::new(),
                    rr_replica: 0,
                    rr_host: 0,
                    hosts_up: a.count,
                    version: 0,
                    asg: a.autoscaling.as_ref().map(Asg::from_model),
                    billable: a.count,
                    host_ns: 0,
                    bill_last: 0,
                    host_hour_usd: host_hour_usd(s, i),
                };
                let full = app.full_mask();
                for h in hosts[first_host as usize..].iter_mut().filter(|h| h.up) {
                    h.idle = full;
                }
                apps.push(app);
                Role::App(ai)
            }
            Kind::Database(d) => {
                dbs.push(Db {
                    comp,
                    group: NONE,
                    conns: Station::new(d.max_connections.max(1), d.queue_limit),
                    // Bounded by the connections, which alone may hold a core.
                    cores: Station::new(d.vcpus.max(1), u32::MAX),
                    cpu_fraction: d.query_cpu_fraction.clamp(0.0, 1.0),
                    proxy: d.proxy,
                    pool_apps: Vec::new(),
                    pool_max: 0,
                    query_mean: d.query_ms * 1e6,
                    constant: d.service == ServiceDist::Constant,
                    host: NONE,
                    failover_s: d.failover_s,
                    up: true,
                });
                Role::Db(dbs.len() as u32 - 1)
            }
        };
        let zone = zone_of(&c.place.region, &c.place.zone);
        let region = regions.iter().position(|r| *r == c.place.region).unwrap_or(0) as u32;
        comps.push(Comp { role, zone, region, killed: false, up: true });
    }

    // Database groups: one per primary; standbys and replicas join their primary's group.
    let mut groups: Vec<Group> = Vec::new();
    let db_model = |d: &Db| match &s.components[d.comp as usize].kind {
        Kind::Database(m) => Some(m.clone()),
        _ => None,
    };
    for (d, db) in dbs.iter_mut().enumerate() {
        if db_model(db).is_some_and(|m| m.role == DbRole::Primary) {
            db.group = groups.len() as u32;
            groups.push(Group { primary: d as u32, standby: NONE, failing_over: false, gen: 0 });
        }
    }
    for d in 0..dbs.len() {
        let Some(m) = db_model(&dbs[d]) else { continue };
        if let Some(p) = m.primary.as_deref().and_then(index_of) {
            if let Role::Db(pd) = comps[p].role {
                let g = dbs[pd as usize].group;
                dbs[d].group = g;
                if m.role == DbRole::Standby && g != NONE {
                    groups[g as usize].standby = d as u32;
                }
            }
        }
        if let Some(h) = m.host.as_deref().and_then(index_of) {
            if let Role::App(a) = comps[h].role {
                dbs[d].host = apps[a as usize].first_host;
            }
        }
    }

    let mut net = Network::new(n, zones.len());
    for i in 0..n {
        for j in i..n {
            net.set_rtt(i, j, rtt_ms(&s.components[i].place, &s.components[j].place), false);
        }
    }

    // A database on an app host (book step 1) talks to that app without a network.
    for d in &dbs {
        if d.host != NONE {
            let app = hosts[d.host as usize].app as usize;
            net.set_rtt(apps[app].comp as usize, d.comp as usize, 0.0, true);
        }
    }

    for l in &s.links {
        let (Some(f), Some(t)) = (index_of(&l.from), index_of(&l.to)) else { continue };
        if let Some(rtt) = l.rtt_ms {
            net.set_rtt(f, t, rtt, true);
        }
        match (comps[f].role, comps[t].role) {
            (Role::Clients(c), Role::Dns(d)) => {
                let dns = &mut dnss[d as usize];
                let slot = dns.caches.len() as u32;
                dns.caches.push(Cache {
                    client: f as u32,
                    answer: Vec::new(),
                    old: Vec::new(),
                    changed_at: 0,
                    rr: 0,
                });
                clients[c as usize].entries.push(Entry::Dns { dns: d, slot });
            }
            (Role::Clients(c), Role::Lb(_) | Role::App(_)) => {
                clients[c as usize].entries.push(Entry::Direct(t as u32))
            }
            (Role::Dns(d), Role::Lb(_) | Role::App(_)) => {
                dnss[d as usize].targets.push(t as u32);
                dnss[d as usize].checks.push(Check::default());
            }
            (Role::Lb(b), Role::App(a)) => {
                let weight = match &s.components[f].kind {
                    Kind::LoadBalancer(m) => {
                        m.weights.iter().find(|w| w.target == l.to).map_or(1, |w| w.weight)
                    }
                    _ => 1,
                };
                let app = &apps[a as usize];
                let zone = comps[app.comp as usize].zone;
                for h in app.first_host..app.first_host + app.count {
                    let registered = hosts[h as usize].life == Life::InService;
                    lbs[b as usize].targets.push(Target {
                        app: a,
                        host: h,
                        weight,
                        active: 0,
                        current: 0,
                        check: Check { healthy: registered, ..Check::default() },
                        registered,
                        zone,
                    });
                }
                lbs[b as usize].healthy =
                    lbs[b as usize].targets.iter().filter(|t| t.registered).count() as u32;
            }
            (Role::App(a), Role::Db(d)) => {
                let app = &mut apps[a as usize];
                let is_replica = db_model(&dbs[d as usize]).is_some_and(|m| m.role == DbRole::ReadReplica);
                if is_replica {
                    app.replicas.push(d);
                }
                if app.group == NONE {
                    app.group = dbs[d as usize].group;
                }
            }
            _ => {}
        }
    }

    // Connection pools: the tiers whose worker processes hold a connection to each database
    // (a replica's readers; a primary's or standby's writers), and the most they can hold.
    for (d, db) in dbs.iter_mut().enumerate() {
        let replica = db_model(db).is_some_and(|m| m.role == DbRole::ReadReplica);
        for (a, app) in apps.iter().enumerate() {
            let linked = if replica {
                app.replicas.contains(&(d as u32))
            } else {
                app.group != NONE && app.group == db.group
            };
            if linked {
                db.pool_apps.push(a as u32);
                db.pool_max += u64::from(app.processes) * u64::from(app.count);
            }
        }
    }

    // L4 balancers pin the keep-alive connections of populations that hold a fixed number.
    for lb in &mut lbs {
        let l4 = matches!(&s.components[lb.comp as usize].kind,
            Kind::LoadBalancer(m) if m.layer == crate::model::LbLayer::L4);
        if !l4 {
            continue;
        }
        lb.pins = clients
            .iter()
            .map(|c| match &s.components[c.comp as usize].kind {
                Kind::Clients(k) => Pins { next: 0, to: vec![NONE; k.connections.unwrap_or(0) as usize] },
                _ => Pins::default(),
            })
            .collect();
    }

    let n_zones = zones.len();
    let n_regions = regions.len();
    let mut sim = Sim {
        clock: Clock::new(seed),
        slab: Slab::default(),
        topo: Topology {
            ids: s.components.iter().map(|c| c.id.clone()).collect(),
            comps,
            regions,
            zones,
            zone_down: vec![false; n_zones],
            region_down: vec![false; n_regions],
            net,
        },
        ingress: Ingress { clients, traffic: s.traffic.clone(), dnss, lbs },
        tiers: Tiers {
            apps,
            hosts,
            versions: std::iter::once(VersionFx::default())
                .chain(s.deployments.iter().map(|d| VersionFx {
                    error_rate: d.version.error_rate,
                    extra_ns: ms(d.version.extra_ms),
                }))
                .collect(),
        },
        data: Databases { dbs, groups },
        ops: Operations {
            timeline: s.faults.iter().map(|f| f.action.clone()).collect(),
            deploys: Vec::new(),
            alarms: Vec::new(),
        },
        obs: Observation {
            rec: Recorder::new(n),
            log: Vec::new(),
            last_queue_full: vec![u64::MAX; n],
            born: 0,
            done: 0,
            xfer: Transfer::new(s),
        },
    };
    let tier_of = |id: &str| sim.topo.app_tier(id);
    let alarms = s.alarms.iter().map(|a| AlarmRun::new(a, index_of, tier_of)).collect();
    let deploys = s
        .deployments
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some(Deploy::new(d, tier_of(&d.tier)?, i as u32 + 1)))
        .collect();
    (sim.ops.alarms, sim.ops.deploys) = (alarms, deploys);
    start(&mut sim, s);
    sim
}

/// Initial capacities, DNS answers, and the first events: arrivals, health-check timers (each
/// at a seeded offset inside its first interval), and the fault timeline.
fn start(sim: &mut Sim, s: &Scenario) {
    for a in 0..sim.tiers.apps.len() {
        sim.set_app_capacity(a);
    }
    for d in 0..sim.data.dbs.len() {
        let cap = sim.data.dbs[d].conns.servers as u64;
        sim.obs.rec.set_capacity(sim.data.dbs[d].comp as usize, 0, cap);
        sim.set_db_cpu_capacity(d);
    }
    for n in 0..sim.ingress.dnss.len() {
        sim.refresh_answers(n, true);
    }
    for c in 0..sim.ingress.clients.len() {
        sim.schedule_arrival(c, 0);
    }
    for l in 0..sim.ingress.lbs.len() {
        let at = (sim.clock.rng.uniform() * sim.ingress.lbs[l].health.interval as f64) as u64;
        sim.clock.queue.push(at, Ev::LbTick { lb: l as u32 });
    }
    for n in 0..sim.ingress.dnss.len() {
        let at = (sim.clock.rng.uniform() * sim.ingress.dnss[n].health.interval as f64) as u64;
        sim.clock.queue.push(at, Ev::DnsTick { dns: n as u32 });
    }
    for (i, f) in s.faults.iter().enumerate() {
        sim.clock.queue.push(secs(f.at_s), Ev::Fault { index: i as u32 });
    }
    for (i, d) in s.deployments.iter().enumerate().take(sim.ops.deploys.len()) {
        sim.clock.queue.push(secs(d.at_s), Ev::DeployTick { dep: i as u32 });
    }
}

/// Host slots of a tier: its count, or its auto-scaling maximum, doubled for a blue/green
/// deployment's second fleet; at most 64 (a bit mask per tier).
fn host_slots(s: &Scenario, id: &str, a: &AppServer) -> u32 {
    let base = a.autoscaling.as_ref().map_or(a.count, |g| g.max.max(a.count));
    let blue_green =
        s.deployments.iter().any(|d| d.tier == id && matches!(d.strategy, crate::model::Strategy::BlueGreen));
    (if blue_green { base * 2 } else { base }).clamp(a.count.min(64), 64)
}
