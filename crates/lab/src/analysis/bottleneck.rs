//! Which component limits the design now, the evidence, and the book's next step.
//!
//! A saturated component backs up into everything upstream of it: a busy database keeps the
//! app servers' synchronous workers waiting, so they look saturated too. The cause is the
//! saturated component furthest downstream, so that is the one named.

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

/// The book's next step for the limiting component.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Suggestion {
    /// Step 1 → 2: the database shares the saturated host: give it its own server.
    DbOwnServer,
    /// Step 2 → 3: the only app server is saturated and nothing balances in front of it.
    ScaleOut,
    /// The app tier behind a load balancer is saturated: add servers to it.
    AddServers,
    /// Step 4: fewer processes than cores leaves cores idle.
    MoreProcesses { vcpus: u32 },
    /// A database is saturated: read replica or more connections.
    DbBusy { percent: u32 },
    /// One slow target under round robin while its siblings idle.
    LeastConnections,
    /// The only load balancer is down: a single point of failure.
    LbSpof,
    /// Nothing on the path fits (e.g. a busy load balancer): the evidence speaks alone.
    None,
}

/// The component that limits the design, with its evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Index in scenario order.
    pub component: usize,
    pub id: String,
    pub evidence: Observed,
    pub suggestion: Suggestion,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Every component has room to spare.
    Clear,
    Limit(Finding),
}

/// Names the limiting component of `scenario` given what was observed.
pub fn diagnose(scenario: &Scenario, obs: &Observation) -> Verdict {
    let n = scenario.components.len().min(obs.components.len());
    if n == 0 {
        return Verdict::Clear;
    }
    let g = Graph::of(scenario);
    if let Some(lb) = dead_spof(scenario, obs, &g) {
        return finding(scenario, obs, lb, Suggestion::LbSpof);
    }
    let saturated = |o: &Observed| {
        o.health != Health::Down
            && (o.utilization >= SATURATED
                || (o.utilization >= BUSY_AND_GROWING && o.queue_growth_per_s >= GROWING_PER_S))
    };
    let Some(mut pick) = (0..n)
        .filter(|&i| {
            saturated(&obs.components[i]) && !matches!(scenario.components[i].kind, Kind::Clients(_))
        })
        .max_by(|&a, &b| {
            let key = |i: usize| (g.depth[i], obs.components[i].utilization);
            key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal).then(b.cmp(&a))
        })
    else {
        return Verdict::Clear;
    };
    // A database on an app server's host (book step 1) shares its cores and its fate: the
    // host is what saturates.
    if let Kind::Database(d) = &scenario.components[pick].kind {
        if let Some(h) = d.host.as_deref().and_then(|h| g.index(scenario, h)) {
            pick = h;
        }
    }
    let suggestion = suggest(scenario, obs, &g, pick);
    finding(scenario, obs, pick, suggestion)
}

fn finding(s: &Scenario, obs: &Observation, i: usize, suggestion: Suggestion) -> Verdict {
    Verdict::Limit(Finding {
        component: i,
        id: s.components[i].id.clone(),
        evidence: obs.components[i].clone(),
        suggestion,
    })
}

fn suggest(s: &Scenario, obs: &Observation, g: &Graph, i: usize) -> Suggestion {
    let me = &s.components[i];
    match &me.kind {
        Kind::Database(d) if d.role != DbRole::Standby => {
            Suggestion::DbBusy { percent: (obs.components[i].utilization * 100.0).round() as u32 }
        }
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
            if hosts_db {
                Suggestion::DbOwnServer
            } else if a.processes < a.vcpus {
                Suggestion::MoreProcesses { vcpus: a.vcpus }
            } else if uneven {
                Suggestion::LeastConnections
            } else if lbs.is_empty() && a.count <= 1 {
                Suggestion::ScaleOut
            } else {
                Suggestion::AddServers
            }
        }
        _ => Suggestion::None,
    }
}

/// A load balancer that is down while no client can reach an app server any other way.
fn dead_spof(s: &Scenario, obs: &Observation, g: &Graph) -> Option<usize> {
    let down = |i: usize| obs.components.get(i).is_some_and(|o| o.health == Health::Down);
    let dead_lb = (0..s.components.len())
        .find(|&i| matches!(s.components[i].kind, Kind::LoadBalancer(_)) && down(i))?;
    // Walk from every client population through components that are not down.
    let mut seen = vec![false; s.components.len()];
    let mut stack: Vec<usize> =
        (0..s.components.len()).filter(|&i| matches!(s.components[i].kind, Kind::Clients(_))).collect();
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        stack.extend(g.children[i].iter().copied().filter(|&c| !down(c)));
    }
    let app_reachable =
        (0..s.components.len()).any(|i| seen[i] && matches!(s.components[i].kind, Kind::AppServer(_)));
    (!app_reachable).then_some(dead_lb)
}

/// The link graph: parents, children and depth (longest path from a component with no
/// incoming link). Validation rules out loops; the depth pass is bounded anyway.
struct Graph {
    parents: Vec<Vec<usize>>,
    children: Vec<Vec<usize>>,
    depth: Vec<u32>,
}

impl Graph {
    fn of(s: &Scenario) -> Graph {
        let n = s.components.len();
        let mut g = Graph { parents: vec![Vec::new(); n], children: vec![Vec::new(); n], depth: vec![0; n] };
        for l in &s.links {
            if let (Some(a), Some(b)) = (g.index(s, &l.from), g.index(s, &l.to)) {
                g.children[a].push(b);
                g.parents[b].push(a);
            }
        }
        for _ in 0..n {
            let mut changed = false;
            for a in 0..n {
                for &b in &g.children[a] {
                    if g.depth[b] < g.depth[a] + 1 {
                        g.depth[b] = g.depth[a] + 1;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        g
    }

    fn index(&self, s: &Scenario, id: &str) -> Option<usize> {
        s.components.iter().position(|c| c.id == id)
    }
}
