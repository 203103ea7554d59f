//! Whether something is down while requests fail, and what: a component, a whole zone or a
//! whole region; and the structural case of a dead single load balancer.

use super::graph::Graph;
use super::Observation;
use crate::engine::Health;
use crate::model::{Kind, Scenario};

/// Share of failed responses over the window from which a component that is down counts as
/// an outage (below it, the design routes around the loss).
pub(super) const OUTAGE_ERRORS: f64 = 0.05;

/// What is down.
pub(super) struct Down {
    /// Components down, or failing over / partly down with errors of their own.
    pub ids: Vec<usize>,
    /// A whole zone (`region/zone`) or region whose every component is down.
    pub place: Option<String>,
}

/// The components that are down (and degraded ones that fail requests), if requests fail.
pub(super) fn outage(s: &Scenario, obs: &Observation) -> Option<Down> {
    if obs.traffic.error_rate < OUTAGE_ERRORS {
        return None;
    }
    let n = s.components.len().min(obs.components.len());
    let ids: Vec<usize> = (0..n)
        .filter(|&i| !matches!(s.components[i].kind, Kind::Clients(_)))
        .filter(|&i| {
            let o = &obs.components[i];
            o.health == Health::Down || (o.health == Health::Degraded && o.recent_errors > 0.0)
        })
        .collect();
    if ids.is_empty() {
        return None;
    }
    let down = |i: usize| obs.components[i].health == Health::Down;
    let all_down = |f: &dyn Fn(usize) -> bool| {
        let members: Vec<usize> = (0..n).filter(|&i| f(i)).collect();
        !members.is_empty() && members.iter().all(|&i| down(i))
    };
    let mut place = None;
    for &i in &ids {
        let p = &s.components[i].place;
        if all_down(&|j| s.components[j].place.region == p.region) {
            place = Some(p.region.clone());
            break;
        }
        if all_down(&|j| s.components[j].place == *p) {
            place = Some(format!("{}/{}", p.region, p.zone));
        }
    }
    Some(Down { ids, place })
}

/// A load balancer that is down while no client can reach an app server any other way.
pub(super) fn dead_spof(s: &Scenario, obs: &Observation, g: &Graph) -> Option<usize> {
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
