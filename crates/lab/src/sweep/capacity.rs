//! The capacity a design's numbers promise, and the offered loads a sweep tries by default.
//!
//! Nothing in the lab estimated capacity before sweeps, so this is the bound of operational
//! analysis (Denning & Buzen's bottleneck law): a resource of `k` servers that each request
//! occupies for `D` seconds cannot serve more than `k / D` requests per second, and a design
//! serves at most the smallest such bound. The resources are the ones the engine models
//! (DESIGN.md, "three resources"):
//! - an app tier's **cores**: `count × vcpus` of them, `cpu_ms` per request (plus the CPU part
//!   of the queries of a database that runs on the tier's host, which use the host's cores);
//! - its **workers**: `count × processes`, each held for the whole stay: the CPU burst, then
//!   every query with its round trip to the database (the link's `rtt_ms`, else the catalog's);
//! - a database's **connections**: `max_connections`, `query_ms` per query, and its **cores**:
//!   `vcpus`, `query_ms × query_cpu_fraction` per query (on its own machine); writes go to the
//!   primary, reads to the read replicas the tier links to (else to the primary), and a
//!   standby serves nothing. (Processes short of a pooled connection fail at once: that is an
//!   error rate, not a throughput bound, and is left out.)
//!
//! The app tiers the clients can reach share the traffic in proportion to their own
//! capacity (the balance at which they all saturate together), so the tiers together serve
//! the sum of theirs, and a database sees the queries of that mix. Waiting is left out, so
//! the estimate is an upper bound; it is exact for one station (`tests/sweep.rs`). Measured
//! on the presets with no fault timeline (default sweep, 30 s a point), the highest goodput
//! is 94–102 % of it; the presets that kill something mid-run read lower, as they should.
//! The tier's `count` is its size as drawn (an auto-scaling group may grow past it).

// The engine's catalog of latencies (re-exported by `catalog`, which sits above this module).
use crate::model::{Component, DbRole, Kind, Scenario};
use archlab_engine::catalog::rtt_ms;

/// Points in a default sweep.
pub const DEFAULT_POINTS: usize = 12;

/// The requests per second the design can serve at most, from its numbers alone; `None`
/// when no client reaches an app tier (there is nothing to saturate).
pub fn capacity_rps(s: &Scenario) -> Option<f64> {
    let comps = &s.components;
    let reach = reachable_from_clients(s);
    let tiers: Vec<Tier> = comps
        .iter()
        .enumerate()
        .filter(|&(i, _)| reach[i])
        .filter_map(|(i, c)| match &c.kind {
            Kind::AppServer(_) => Some(tier(s, i)),
            _ => None,
        })
        .collect();
    let total: f64 = tiers.iter().map(|t| t.capacity).sum();
    if !(total.is_finite() && total > 0.0) {
        return None;
    }
    // Each database's bound, given the queries per request of the tiers' mix.
    let mut bound = total;
    for (d, c) in comps.iter().enumerate() {
        let Kind::Database(db) = &c.kind else { continue };
        let per_request: f64 = tiers.iter().map(|t| t.capacity / total * t.queries_at(d)).sum();
        if per_request > 0.0 && db.query_ms > 0.0 {
            bound = bound.min(f64::from(db.max_connections) / (db.query_ms / 1000.0) / per_request);
            let cpu_s = db.query_ms * db.query_cpu_fraction / 1000.0;
            if db.host.is_none() && cpu_s > 0.0 {
                bound = bound.min(f64::from(db.vcpus) / cpu_s / per_request);
            }
        }
    }
    (bound.is_finite() && bound > 0.0).then_some(bound)
}

/// About a dozen offered loads, evenly from 10 % to 150 % of [`capacity_rps`]; around the
/// scenario's own rate when the design has no capacity to estimate.
pub fn default_rates(s: &Scenario) -> Vec<f64> {
    rates_between(s, 0.1, 1.5, DEFAULT_POINTS)
}

/// `points` offered loads evenly from `lo` to `hi` times [`capacity_rps`] (the scenario's own
/// rate when there is none to estimate); one point is `lo`'s. The page's editable range; the
/// default range gives exactly [`default_rates`], so the page's sweep equals the runner's.
pub fn rates_between(s: &Scenario, lo: f64, hi: f64, points: usize) -> Vec<f64> {
    let full = capacity_rps(s).unwrap_or(s.traffic.rate_rps);
    let steps = points.saturating_sub(1).max(1) as f64;
    (0..points).map(|i| full * (lo + (hi - lo) * i as f64 / steps)).collect()
}

/// One app tier's bound and where its queries go.
struct Tier {
    capacity: f64,
    /// (database index, queries per request sent to it).
    queries: Vec<(usize, f64)>,
}

impl Tier {
    fn queries_at(&self, d: usize) -> f64 {
        self.queries.iter().filter(|(i, _)| *i == d).map(|(_, q)| q).sum()
    }
}

fn tier(s: &Scenario, i: usize) -> Tier {
    let c = &s.components[i];
    let Kind::AppServer(a) = &c.kind else {
        return Tier { capacity: 0.0, queries: Vec::new() };
    };
    let index = |id: &str| s.components.iter().position(|c| c.id == id);
    // The databases this tier links to, as the engine routes: the group of the first one
    // linked, writes to its primary, reads round robin over the linked read replicas.
    let linked: Vec<(usize, Option<f64>)> = s
        .links
        .iter()
        .filter(|l| l.from == c.id)
        .filter_map(|l| index(&l.to).map(|d| (d, l.rtt_ms)))
        .filter(|&(d, _)| matches!(s.components[d].kind, Kind::Database(_)))
        .collect();
    let role = |d: usize| match &s.components[d].kind {
        Kind::Database(db) => Some(db),
        _ => None,
    };
    let primary = linked.first().and_then(|&(d, _)| match role(d) {
        Some(db) if db.role == DbRole::Primary => Some(d),
        Some(db) => db.primary.as_deref().and_then(index),
        None => None,
    });
    let replicas: Vec<usize> = linked
        .iter()
        .map(|&(d, _)| d)
        .filter(|&d| role(d).is_some_and(|db| db.role == DbRole::ReadReplica))
        .collect();
    let q = f64::from(a.db_queries);
    let w = a.write_ratio.clamp(0.0, 1.0);
    let mut queries = Vec::new();
    if q > 0.0 {
        if let Some(p) = primary {
            let to_primary = if replicas.is_empty() { q } else { q * w };
            queries.push((p, to_primary));
        }
        for &r in &replicas {
            queries.push((r, q * (1.0 - w) / replicas.len() as f64));
        }
    }
    // Seconds a worker and a core spend on one request.
    let cpu_s = a.cpu_ms / 1000.0;
    let (mut worker_s, mut core_s) = (cpu_s, cpu_s);
    for &(d, n) in &queries {
        let Some(db) = role(d) else { continue };
        let link = linked.iter().find(|(l, _)| *l == d).and_then(|(_, r)| *r);
        let rtt = link.unwrap_or_else(|| rtt_ms(&c.place, &placement_of(s, d, db.host.as_deref())));
        worker_s += n * (db.query_ms + rtt) / 1000.0;
        if db.host.as_deref() == Some(c.id.as_str()) {
            core_s += n * db.query_ms * db.query_cpu_fraction / 1000.0;
        }
    }
    let hosts = f64::from(a.count);
    let cores = hosts * f64::from(a.vcpus) / core_s;
    let workers = hosts * f64::from(a.processes) / worker_s;
    Tier { capacity: cores.min(workers), queries }
}

/// Where a database runs: its own placement, or its host's when it shares an app host.
fn placement_of(s: &Scenario, d: usize, host: Option<&str>) -> crate::model::Placement {
    let on: Option<&Component> = host.and_then(|h| s.component(h));
    on.unwrap_or(&s.components[d]).place.clone()
}

/// Which components a request from some client population can reach along the links.
fn reachable_from_clients(s: &Scenario) -> Vec<bool> {
    let n = s.components.len();
    let index = |id: &str| s.components.iter().position(|c| c.id == id);
    let mut seen = vec![false; n];
    let mut stack: Vec<usize> =
        (0..n).filter(|&i| matches!(s.components[i].kind, Kind::Clients(_))).collect();
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        let id = &s.components[i].id;
        stack.extend(s.links.iter().filter(|l| &l.from == id).filter_map(|l| index(&l.to)));
    }
    seen
}
