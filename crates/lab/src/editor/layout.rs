//! Layout rules: the room a card needs on the canvas, and where a card goes when it is dropped
//! where that room is taken.
//!
//! A card is more than its box while the lab runs: the busy percentage and "DEGRADED"/"DOWN"
//! sit above it, and under it hang the live strips (an app tier's host pips with "n/m in
//! service", a balancer's "healthy n/m", the queue bar with its length, the failure counter).
//! [`footprint`] is that whole area at 100 % zoom. Two cards clash when either one's box falls
//! inside the other's footprint: a strip may touch a strip, never a card. A drop, a move or a
//! duplicate that would clash is nudged to the nearest free grid place in the same zone
//! ([`nudge`]), inside the same undo step; presets are laid out with no clash at all
//! (`tests/presets.rs` reads [`clashes`]).

use super::geometry::{component_rect, GRID};
use super::hit::zone_at;
use crate::model::{Component, Kind, Rect, Scenario};

/// Height of a line of strip text, in model units.
pub const STRIP_LINE: f64 = 14.0;
/// Side of a host pip in an app tier's strip.
pub const STRIP_PIP: f64 = 12.0;
/// Gap between a card and the strip under it (clear of the utilisation frame).
pub const STRIP_GAP: f64 = 16.0;
/// Room above a card: the busy percentage, "DEGRADED n/m" or "DOWN".
pub const ABOVE: f64 = 24.0;
/// The queue bar with its "Queue n" line, under a component that queues requests.
pub const QUEUE_BAR: f64 = 36.0;
/// The failure counter ("⚠ Failed 298/s") under any card.
pub const FAILED_LINE: f64 = 18.0;
/// Farthest a nudge looks for a free place, in grid steps each way.
const NUDGE_STEPS: i32 = 16;

/// Height of the tray the canvas draws under a card (0 when it has none): an app tier's pips
/// and "n/m in service" (and "min · max" for an auto-scaling group), a balancer's healthy
/// targets.
pub fn tray_height(kind: &Kind) -> f64 {
    match kind {
        Kind::AppServer(a) => {
            let lines = if a.autoscaling.is_some() { 2.0 } else { 1.0 };
            4.0 + STRIP_PIP + 2.0 + lines * STRIP_LINE + 2.0
        }
        Kind::LoadBalancer(_) => STRIP_LINE + 6.0,
        _ => 0.0,
    }
}

/// Everything drawn under a card while the lab runs, gap included.
pub fn strip_height(kind: &Kind) -> f64 {
    let tray = match tray_height(kind) {
        h if h > 0.0 => STRIP_GAP + h,
        _ => 0.0,
    };
    let queue = if matches!(kind, Kind::AppServer(_) | Kind::Database(_)) { QUEUE_BAR } else { 0.0 };
    tray + queue + FAILED_LINE
}

/// The card's box with the room its labels above and strips below need, at 100 % zoom.
pub fn footprint(c: &Component) -> Rect {
    let r = component_rect(c);
    Rect { x: r.x - 6.0, y: r.y - ABOVE, w: r.w + 12.0, h: ABOVE + r.h + strip_height(&c.kind) }
}

/// Whether two rectangles share an area (touching edges do not).
pub fn intersects(a: &Rect, b: &Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// Whether one card lies over the other or over its labels and strips.
pub fn clash(a: &Component, b: &Component) -> bool {
    intersects(&component_rect(a), &footprint(b)) || intersects(&footprint(a), &component_rect(b))
}

/// Every pair of cards that clash, in scenario order.
pub fn clashes(s: &Scenario) -> Vec<(String, String)> {
    let cs = &s.components;
    let mut out = Vec::new();
    for (i, a) in cs.iter().enumerate() {
        for b in &cs[i + 1..] {
            if clash(a, b) {
                out.push((a.id.clone(), b.id.clone()));
            }
        }
    }
    out
}

/// Whether two cards' boxes overlap: one hides the other.
pub fn covers(a: &Component, b: &Component) -> bool {
    intersects(&component_rect(a), &component_rect(b))
}

/// The smallest grid offset that puts the components `ids` (moved together, so they keep
/// their arrangement) clear of every other card, each staying in its zone. A card may keep
/// lying over a strip it already lay over in `before` (the layout before a move), so nudging
/// never moves a card the user put back where it was; it may never lie over another card.
/// `(0, 0)` when they are clear already; `None` when no place within [`NUDGE_STEPS`] grid steps
/// is free (a full zone: the drop stays where it was put).
pub fn free_offset(s: &Scenario, ids: &[String], before: Option<&Scenario>) -> Option<(f64, f64)> {
    search(s, ids, before, false).or_else(|| search(s, ids, before, true))
}

/// The search of [`free_offset`]; `boxes_only`: a crowded zone, where only a place clear of
/// every card's box (strips aside) is left.
fn search(s: &Scenario, ids: &[String], before: Option<&Scenario>, boxes_only: bool) -> Option<(f64, f64)> {
    let moved: Vec<&Component> = s.components.iter().filter(|c| ids.contains(&c.id)).collect();
    let others: Vec<&Component> = s.components.iter().filter(|c| !ids.contains(&c.id)).collect();
    let was_over_strip =
        |a: &str, b: &Component| before.is_some_and(|s0| s0.component(a).is_some_and(|a0| clash(a0, b)));
    let fits = |c: &Component, o: &Component| {
        !covers(c, o) && (boxes_only || !clash(c, o) || was_over_strip(&c.id, o))
    };
    let mut steps: Vec<(i32, i32)> = (-NUDGE_STEPS..=NUDGE_STEPS)
        .flat_map(|i| (-NUDGE_STEPS..=NUDGE_STEPS).map(move |j| (i, j)))
        .collect();
    // Nearest first; among equals, the first in a fixed order (right, then down) so a nudge is
    // the same on every machine.
    steps.sort_by_key(|&(i, j)| (i * i + j * j, -i, -j));
    steps.into_iter().map(|(i, j)| (f64::from(i) * GRID, f64::from(j) * GRID)).find(|&(dx, dy)| {
        moved.iter().all(|c| {
            let shifted = Component { x: c.x + dx, y: c.y + dy, ..(*c).clone() };
            (dx == 0.0 && dy == 0.0 || zone_at(s, shifted.x, shifted.y).as_ref() == Some(&c.place))
                && others.iter().all(|o| fits(&shifted, o))
        })
    })
}

/// Moves the components `ids` together to the nearest free place ([`free_offset`]); returns
/// whether they moved.
pub fn nudge(s: &mut Scenario, ids: &[String], before: Option<&Scenario>) -> bool {
    let offset = free_offset(s, ids, before);
    if offset.is_none() && ids.len() > 1 {
        // No room for the group as it is arranged: each finds its own place.
        let mut moved = false;
        for id in ids {
            moved |= nudge(s, std::slice::from_ref(id), before);
        }
        return moved;
    }
    match offset {
        Some((dx, dy)) if dx != 0.0 || dy != 0.0 => {
            for c in s.components.iter_mut().filter(|c| ids.contains(&c.id)) {
                c.x += dx;
                c.y += dy;
            }
            true
        }
        _ => false,
    }
}
