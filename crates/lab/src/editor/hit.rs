//! Hit testing in model coordinates: what lies under a point, topmost first.
//!
//! Order follows drawing order reversed: handles and components are drawn last (on top), then
//! links, then zones inside regions. Later components are drawn over earlier ones, so they win.

use super::geometry::{component_rect, dist, dist_to_segment, handle_centers, has_handle, link_segment};
use crate::model::{Placement, Rect, Region, Scenario};

/// What a pointer press landed on.
#[derive(Clone, Debug, PartialEq)]
pub enum Hit {
    /// The link handle of a component: dragging from it draws a new link.
    Handle(String),
    Component(String),
    Link {
        from: String,
        to: String,
    },
    Zone(Placement),
    Region(String),
    Empty,
}

/// `tol` is the slop in model units for thin things (links, handles): the UI passes a few
/// screen pixels divided by the zoom, so links stay as easy to hit when zoomed out.
pub fn hit_test(s: &Scenario, x: f64, y: f64, tol: f64) -> Hit {
    for c in s.components.iter().rev() {
        let near = |h| dist((x, y), h) <= super::geometry::HANDLE_R + tol;
        if has_handle(&c.kind) && handle_centers(c).into_iter().any(near) {
            return Hit::Handle(c.id.clone());
        }
        if component_rect(c).contains(x, y) {
            return Hit::Component(c.id.clone());
        }
    }
    for l in s.links.iter().rev() {
        if let Some((a, b)) = link_segment(s, &l.from, &l.to) {
            if dist_to_segment((x, y), a, b) <= tol {
                return Hit::Link { from: l.from.clone(), to: l.to.clone() };
            }
        }
    }
    if let Some(p) = zone_at(s, x, y) {
        return Hit::Zone(p);
    }
    match region_at(s, x, y) {
        Some(r) => Hit::Region(r.code.clone()),
        None => Hit::Empty,
    }
}

pub fn component_at(s: &Scenario, x: f64, y: f64) -> Option<&str> {
    s.components.iter().rev().find(|c| component_rect(c).contains(x, y)).map(|c| c.id.as_str())
}

/// The zone a point lies in; regions drawn later win where two overlap.
pub fn zone_at(s: &Scenario, x: f64, y: f64) -> Option<Placement> {
    s.regions.iter().rev().find_map(|r| {
        (0..r.zones.len())
            .find(|&i| r.zone_rect(i).contains(x, y))
            .map(|i| Placement::new(&r.code, &r.zones[i].name))
    })
}

pub fn region_at(s: &Scenario, x: f64, y: f64) -> Option<&Region> {
    s.regions.iter().rev().find(|r| r.rect.contains(x, y))
}

/// The rectangle of a placement's zone, if the scenario has it.
pub fn zone_rect_of(s: &Scenario, p: &Placement) -> Option<Rect> {
    let r = s.region(&p.region)?;
    let i = r.zones.iter().position(|z| z.name == p.zone)?;
    Some(r.zone_rect(i))
}

/// Ids of the components whose whole box lies inside `band` (as excalidraw's rubber band).
pub fn components_in(s: &Scenario, band: &Rect) -> Vec<String> {
    s.components
        .iter()
        .filter(|c| super::geometry::rect_contains_rect(band, &component_rect(c)))
        .map(|c| c.id.clone())
        .collect()
}
