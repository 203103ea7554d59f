//! Whether a curve still describes a design: a sweep is of a *design*, so it stays true when
//! the design is only drawn differently or run live at another rate or speed, and turns stale when anything
//! the engine would run differently changes (a server more, another process count, a link).
//!
//! The live lab asks the narrower question ([`same_run`]: also the same traffic and seed), to
//! know when it can keep its run going after an edit.

use crate::model::{Rect, Scenario};

/// The scenario without what only draws it: its name, the cards' positions, the regions'
/// rectangles.
fn undrawn(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    s.name.clear();
    for c in &mut s.components {
        c.x = 0.0;
        c.y = 0.0;
    }
    for r in &mut s.regions {
        r.rect = Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 };
    }
    s
}

/// True when two scenarios differ only in how they are drawn, so the engine would run them
/// identically.
pub fn same_run(a: &Scenario, b: &Scenario) -> bool {
    a.components.len() == b.components.len() && undrawn(a) == undrawn(b)
}

/// True when two scenarios are the same design: they differ only in how they are drawn, in
/// their traffic (a sweep sets its own offered loads), their run settings (speed and length
/// of the live run; a sweep has its own window) and their seed (a curve's shape does not
/// depend on it beyond the noise).
pub fn same_design(a: &Scenario, b: &Scenario) -> bool {
    if a.components.len() != b.components.len() {
        return false;
    }
    let (mut a, b) = (undrawn(a), undrawn(b));
    a.traffic = b.traffic.clone();
    a.run = b.run.clone();
    a.seed = b.seed;
    a == b
}
