//! The round trip between each client population and the nearest app tier that answers it,
//! from the catalog's round-trip times (or a link's own), plus that tier's database queries.
//!
//! A request crosses client → entry (a DNS answer sends it straight to a load balancer or a
//! host, so DNS is no hop) → … → app tier, then one round trip per query to its database. The
//! nearest tier reachable through components that are up is what a latency-based DNS gives
//! the users: if even that one is far, the network limits the design.

use archlab_engine::catalog::rtt_ms;

use super::graph::Graph;
use super::Observation;
use crate::engine::Health;
use crate::model::{DbRole, Kind, Scenario};

/// The round trip the worst-served users pay on every request.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct RoundTrip {
    pub ms: f64,
    pub users_region: String,
    pub served_region: String,
}

/// The largest, over client populations, of the smallest network time per request to an app
/// tier that is up. `None` when no client reaches an app tier.
pub(super) fn worst_round_trip(s: &Scenario, obs: &Observation, g: &Graph) -> Option<RoundTrip> {
    let n = s.components.len();
    let up = |i: usize| obs.components.get(i).is_none_or(|o| o.health != Health::Down);
    let hop = |a: usize, b: usize| {
        let (ca, cb) = (&s.components[a], &s.components[b]);
        s.links
            .iter()
            .find(|l| l.from == ca.id && l.to == cb.id)
            .and_then(|l| l.rtt_ms)
            .unwrap_or_else(|| rtt_ms(&ca.place, &cb.place))
    };
    // What a request from `i` really crosses to: a DNS is looked through (depth-bounded).
    let targets = |i: usize| -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, usize)> = g.children[i].iter().map(|&c| (c, 0)).collect();
        while let Some((c, d)) = stack.pop() {
            if matches!(s.components[c].kind, Kind::Dns(_)) {
                if d < n {
                    stack.extend(g.children[c].iter().map(|&x| (x, d + 1)));
                }
            } else if up(c) && !out.contains(&c) {
                out.push(c);
            }
        }
        out
    };
    let mut worst: Option<RoundTrip> = None;
    for c in (0..n).filter(|&i| matches!(s.components[i].kind, Kind::Clients(_))) {
        // Shortest network time to each component, relaxed at most n times (no loops).
        let mut dist = vec![f64::INFINITY; n];
        dist[c] = 0.0;
        for _ in 0..n {
            let mut changed = false;
            for a in 0..n {
                let stop = matches!(s.components[a].kind, Kind::AppServer(_) | Kind::Database(_));
                if !dist[a].is_finite() || stop {
                    continue;
                }
                for b in targets(a) {
                    let d = dist[a] + hop(a, b);
                    if d < dist[b] {
                        dist[b] = d;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let best = (0..n)
            .filter_map(|a| match &s.components[a].kind {
                Kind::AppServer(app) if dist[a].is_finite() => {
                    let db = g.children[a]
                        .iter()
                        .copied()
                        .filter(|&d| up(d))
                        .filter(|&d| matches!(&s.components[d].kind, Kind::Database(x) if x.role != DbRole::Standby))
                        .map(|d| hop(a, d))
                        .fold(f64::INFINITY, f64::min);
                    let db = if db.is_finite() { db * f64::from(app.db_queries) } else { 0.0 };
                    Some((dist[a] + db, a))
                }
                _ => None,
            })
            .min_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((ms, a)) = best {
            if worst.as_ref().is_none_or(|w| ms > w.ms) {
                worst = Some(RoundTrip {
                    ms,
                    users_region: s.components[c].place.region.clone(),
                    served_region: s.components[a].place.region.clone(),
                });
            }
        }
    }
    worst
}
