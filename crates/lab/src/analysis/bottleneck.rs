//! The rules: what limits the design now, the evidence, and the fix that works.
//!
//! In order: an outage (something down while requests fail, or the only load balancer dead)
//! comes first, because nothing else matters while it lasts; then a database refusing "too many
//! connections" (more app processes than it accepts: a setting, not a load, and retries of
//! those refusals would otherwise read as a storm); then a retry storm; then the saturated
//! components; then the network (users far from the servers); else nothing.
//!
//! A saturated component backs up into everything upstream of it: a busy database keeps the
//! app servers' synchronous workers waiting, so they look saturated too. The limiting one is
//! the saturated component furthest downstream; every other saturated one is named after it.
//! What a saturated component is short of decides the fix: busy cores want more or bigger
//! servers (or, for a database, a bigger class, read replicas or a cache: never more
//! connections), busy workers with idle cores want more processes, a database out of
//! connections wants a proxy or fewer app processes.

use super::diagnosis::{Diagnosis, Evidence, Goodput, LimitKind, Saturated, Suggestion};
use super::graph::{index, Graph};
use super::network::worst_round_trip;
use super::outage::{dead_spof, outage};
use super::{Observation, Observed};
use crate::engine::Health;
use crate::model::{DbRole, Kind, LbAlgorithm, Scenario};

/// Mean utilisation from which a component counts as saturated.
const SATURATED: f64 = 0.9;
/// A component this busy whose queue grows counts as saturated too.
const BUSY_AND_GROWING: f64 = 0.75;
/// Queue growth (requests per second) that counts as growing.
const GROWING_PER_S: f64 = 0.5;
/// A sibling target below this utilisation has room a smarter balancer could use.
const ROOM: f64 = 0.7;
/// Busy cores ÷ cores from which a saturated component is short of cores rather than of
/// workers or connections.
const CORES_BUSY: f64 = 0.85;
/// A bounded queue at least this full (of its bound) whose component refused requests in the
/// last second is full: the queue hovers just under its bound, refusing what arrives.
const FULL: f64 = 0.5;
/// Goodput below this share of all responses, with timeouts most of the failures: the busy
/// tier serves requests whose clients have already given up.
const COLLAPSE: f64 = 0.1;
/// Attempts per request from which the retries are a storm (a quarter of the load or more).
const RETRY_STORM: f64 = 1.25;
/// Requests failing "too many connections" per second from which a database out of
/// connections is the limit.
const TOO_MANY_PER_S: f64 = 0.5;
/// A round trip from which the network can limit the design, in ms …
const FAR_MS: f64 = 40.0;
/// … when it is at least this share of the median response time.
const FAR_SHARE: f64 = 0.5;

/// Diagnoses `scenario` given what was observed.
pub fn diagnose(scenario: &Scenario, obs: &Observation) -> Diagnosis {
    let n = scenario.components.len().min(obs.components.len());
    if n == 0 {
        return Diagnosis::none();
    }
    let g = Graph::of(scenario);
    let saturated = saturated(scenario, obs, &g);
    let limiting = saturated.first();
    let with = |kind, component: Option<usize>, evidence, suggestion| Diagnosis {
        kind,
        id: component.map(|i| scenario.components[i].id.clone()),
        component,
        evidence,
        suggestion,
        saturated: saturated.clone(),
    };
    let t = &obs.traffic;
    if let Some(lb) = dead_spof(scenario, obs, &g) {
        let evidence = Evidence::Outage {
            error_rate: t.error_rate,
            down: vec![scenario.components[lb].id.clone()],
            place: None,
        };
        return with(LimitKind::Outage, Some(lb), evidence, Suggestion::LbSpof);
    }
    if let Some(down) = outage(scenario, obs) {
        let deepest = down.ids.iter().copied().max_by_key(|&i| (g.depth[i], std::cmp::Reverse(i)));
        let component = if down.place.is_some() { None } else { deepest };
        let evidence = Evidence::Outage {
            error_rate: t.error_rate,
            down: down.ids.iter().map(|&i| scenario.components[i].id.clone()).collect(),
            place: down.place,
        };
        return with(LimitKind::Outage, component, evidence, Suggestion::Redundancy);
    }
    if t.too_many_connections_rps >= TOO_MANY_PER_S {
        if let Some((db, processes, max_connections)) = out_of_connections(scenario, &g) {
            let evidence = Evidence::Connections {
                processes,
                max_connections,
                refused_per_s: t.too_many_connections_rps,
            };
            return with(LimitKind::DbConnections, Some(db), evidence, Suggestion::DbProxy);
        }
    }
    if t.attempts_per_request >= RETRY_STORM {
        let evidence =
            Evidence::Retries { attempts_per_request: t.attempts_per_request, error_rate: t.error_rate };
        return with(LimitKind::Retries, limiting.map(|l| l.component), evidence, Suggestion::FewerRetries);
    }
    if let Some(l) = limiting {
        let collapse = (t.throughput_rps > 0.0
            && t.goodput_rps <= COLLAPSE * t.throughput_rps
            && t.timeouts_rps >= 0.5 * (t.throughput_rps - t.goodput_rps))
            .then_some(Goodput { goodput_rps: t.goodput_rps, throughput_rps: t.throughput_rps });
        let evidence = Evidence::Saturated {
            observed: l.evidence.clone(),
            refusing_per_s: l.refusing_per_s,
            goodput_collapse: collapse,
        };
        let suggestion = suggest(scenario, obs, &g, l);
        return with(l.kind, Some(l.component), evidence, suggestion);
    }
    if let Some(rt) = worst_round_trip(scenario, obs, &g) {
        if rt.ms >= FAR_MS && (t.p50_ms <= 0.0 || rt.ms >= FAR_SHARE * t.p50_ms) {
            let evidence = Evidence::Network {
                rtt_ms: rt.ms,
                users_region: rt.users_region,
                served_region: rt.served_region,
                p50_ms: t.p50_ms,
            };
            return with(LimitKind::Network, None, evidence, Suggestion::NearerRegion);
        }
    }
    Diagnosis::none()
}

/// Every saturated component (a database on an app host counts as its host), the limiting one
/// (furthest downstream, then busiest) first.
fn saturated(s: &Scenario, obs: &Observation, g: &Graph) -> Vec<Saturated> {
    let n = s.components.len().min(obs.components.len());
    let is_saturated = |o: &Observed| {
        o.health != Health::Down
            && (o.utilization >= SATURATED
                || (o.utilization >= BUSY_AND_GROWING && o.queue_growth_per_s >= GROWING_PER_S))
    };
    let mut picks: Vec<usize> = Vec::new();
    for i in (0..n)
        .filter(|&i| is_saturated(&obs.components[i]) && !matches!(s.components[i].kind, Kind::Clients(_)))
    {
        // A database on an app server's host (book step 1) shares its cores and its fate: the
        // host is what saturates.
        let i = match &s.components[i].kind {
            Kind::Database(d) => d.host.as_deref().and_then(|h| index(s, h)).unwrap_or(i),
            _ => i,
        };
        if !picks.contains(&i) {
            picks.push(i);
        }
    }
    let key = |i: usize| (g.depth[i], obs.components[i].utilization);
    picks.sort_by(|&a, &b| key(b).partial_cmp(&key(a)).unwrap_or(std::cmp::Ordering::Equal).then(a.cmp(&b)));
    picks
        .into_iter()
        .map(|i| {
            let o = &obs.components[i];
            let full =
                o.queue_capacity > 0.0 && o.recent_errors > 0.0 && o.queue_now >= FULL * o.queue_capacity;
            Saturated {
                component: i,
                id: s.components[i].id.clone(),
                kind: short_of(s, o, i),
                evidence: o.clone(),
                refusing_per_s: full.then_some(o.recent_errors),
            }
        })
        .collect()
}

/// The database (without a proxy) whose app processes outnumber its `max_connections`, with
/// those two numbers: the processes past the limit hold no connection (see the engine's
/// `database.rs`). The first such database in scenario order.
fn out_of_connections(s: &Scenario, g: &Graph) -> Option<(usize, u32, u32)> {
    (0..s.components.len()).find_map(|i| {
        let Kind::Database(d) = &s.components[i].kind else { return None };
        if d.proxy {
            return None;
        }
        let processes: u32 = g.parents[i]
            .iter()
            .filter_map(|&p| match &s.components[p].kind {
                Kind::AppServer(a) => Some(a.processes.saturating_mul(a.count)),
                _ => None,
            })
            .fold(0, u32::saturating_add);
        (processes > d.max_connections).then_some((i, processes, d.max_connections))
    })
}

/// What a saturated component is short of.
fn short_of(s: &Scenario, o: &Observed, i: usize) -> LimitKind {
    let cores = o.cpu_utilization >= CORES_BUSY;
    match &s.components[i].kind {
        Kind::AppServer(_) if !cores => LimitKind::Workers,
        Kind::Database(_) if cores => LimitKind::DbCpu,
        Kind::Database(_) => LimitKind::DbConnections,
        _ => LimitKind::Cpu,
    }
}

fn suggest(s: &Scenario, obs: &Observation, g: &Graph, l: &Saturated) -> Suggestion {
    let i = l.component;
    let me = &s.components[i];
    match &me.kind {
        Kind::Database(d) if d.role != DbRole::Standby => match l.kind {
            LimitKind::DbConnections => Suggestion::DbProxy,
            _ => Suggestion::DbBiggerClass { percent: (l.evidence.cpu_utilization * 100.0).round() as u32 },
        },
        Kind::AppServer(a) => {
            let hosts_db = s.components.iter().any(|c| match &c.kind {
                Kind::Database(d) => d.host.as_deref() == Some(me.id.as_str()),
                _ => false,
            });
            let lbs: Vec<usize> = g.parents[i]
                .iter()
                .copied()
                .filter(|&p| matches!(s.components[p].kind, Kind::LoadBalancer(_)))
                .collect();
            let uneven = lbs.iter().any(|&lb| {
                let blind = match &s.components[lb].kind {
                    Kind::LoadBalancer(l) => matches!(
                        l.algorithm,
                        LbAlgorithm::RoundRobin | LbAlgorithm::Random | LbAlgorithm::Weighted
                    ),
                    _ => false,
                };
                blind
                    && g.children[lb]
                        .iter()
                        .any(|&t| t != i && obs.components.get(t).is_some_and(|o| o.utilization < ROOM))
            });
            if l.kind == LimitKind::Cpu && hosts_db {
                Suggestion::DbOwnServer
            } else if a.processes < a.vcpus && l.kind == LimitKind::Workers {
                Suggestion::MoreProcesses { vcpus: a.vcpus }
            } else if uneven {
                Suggestion::LeastConnections
            } else if l.kind == LimitKind::Workers {
                Suggestion::MoreWorkers
            } else if lbs.is_empty() && a.count <= 1 {
                Suggestion::ScaleOut
            } else {
                Suggestion::AddServers
            }
        }
        _ => Suggestion::None,
    }
}
