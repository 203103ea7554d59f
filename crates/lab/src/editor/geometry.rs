//! Sizes and plane geometry of the canvas, in model units, shared by hit testing and drawing.
//!
//! The Yew canvas draws with these constants so that what the user sees is exactly what the
//! hit tests answer for: a box is hit where it is drawn, never a few pixels off.

use crate::model::{Component, Kind, Rect, Scenario};

/// A component's box, centred on its (x, y).
pub const COMPONENT_W: f64 = 120.0;
pub const COMPONENT_H: f64 = 64.0;
/// Radius of the link handles drawn at the middle of each edge of a component.
pub const HANDLE_R: f64 = 8.0;
/// Positions snap to this grid.
pub const GRID: f64 = 20.0;

pub type Point = (f64, f64);

/// The nearest grid line.
pub fn snap(v: f64) -> f64 {
    (v / GRID).round() * GRID
}

pub fn component_rect(c: &Component) -> Rect {
    Rect { x: c.x - COMPONENT_W / 2.0, y: c.y - COMPONENT_H / 2.0, w: COMPONENT_W, h: COMPONENT_H }
}

/// Only components that send requests get a handle: a database answers, it never starts a link.
pub fn has_handle(kind: &Kind) -> bool {
    !matches!(kind, Kind::Database(_))
}

/// The handle on the right edge, where links leave from.
pub fn handle_center(c: &Component) -> Point {
    (c.x + COMPONENT_W / 2.0, c.y)
}

/// The link handles at the middle of every edge (right, bottom, left, top), as diagram tools
/// offer them: dragging from any of them draws a link.
pub fn handle_centers(c: &Component) -> [Point; 4] {
    let (hw, hh) = (COMPONENT_W / 2.0, COMPONENT_H / 2.0);
    [(c.x + hw, c.y), (c.x, c.y + hh), (c.x - hw, c.y), (c.x, c.y - hh)]
}

/// Where a link is drawn: from the source's handle to the middle of the target's left edge.
pub fn link_segment(s: &Scenario, from: &str, to: &str) -> Option<(Point, Point)> {
    let (a, b) = (s.component(from)?, s.component(to)?);
    Some((handle_center(a), (b.x - COMPONENT_W / 2.0, b.y)))
}

pub fn dist(a: Point, b: Point) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// Distance from `p` to the segment a-b (to an end point when the foot falls outside it).
pub fn dist_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    if len2 == 0.0 {
        return dist(p, a);
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0);
    dist(p, (a.0 + t * dx, a.1 + t * dy))
}

/// The normalised rectangle spanned by two corners (a rubber band dragged in any direction).
pub fn rect_from_corners(a: Point, b: Point) -> Rect {
    Rect { x: a.0.min(b.0), y: a.1.min(b.1), w: (a.0 - b.0).abs(), h: (a.1 - b.1).abs() }
}

pub fn rect_contains_rect(outer: &Rect, inner: &Rect) -> bool {
    inner.x >= outer.x
        && inner.y >= outer.y
        && inner.x + inner.w <= outer.x + outer.w
        && inner.y + inner.h <= outer.y + outer.h
}

pub fn union(a: Rect, b: Rect) -> Rect {
    let (x, y) = (a.x.min(b.x), a.y.min(b.y));
    Rect { x, y, w: (a.x + a.w).max(b.x + b.w) - x, h: (a.y + a.h).max(b.y + b.h) - y }
}

/// Everything drawn: regions and components (a component may sit outside regions in a
/// hand-written file). `None` for an empty scenario.
pub fn bounds(s: &Scenario) -> Option<Rect> {
    let regions = s.regions.iter().map(|r| r.rect);
    let comps = s.components.iter().map(component_rect);
    regions.chain(comps).reduce(union)
}
