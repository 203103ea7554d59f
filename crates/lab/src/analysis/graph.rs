//! The link graph of a scenario as the analysis walks it: parents, children and depth.

use crate::model::Scenario;

/// Parents, children and depth (longest path from a component with no incoming link).
/// Validation rules out loops; the depth pass is bounded anyway.
pub(super) struct Graph {
    pub parents: Vec<Vec<usize>>,
    pub children: Vec<Vec<usize>>,
    pub depth: Vec<u32>,
}

impl Graph {
    pub fn of(s: &Scenario) -> Graph {
        let n = s.components.len();
        let mut g = Graph { parents: vec![Vec::new(); n], children: vec![Vec::new(); n], depth: vec![0; n] };
        for l in &s.links {
            if let (Some(a), Some(b)) = (index(s, &l.from), index(s, &l.to)) {
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
}

/// Position of the component `id` in scenario order.
pub(super) fn index(s: &Scenario, id: &str) -> Option<usize> {
    s.components.iter().position(|c| c.id == id)
}
