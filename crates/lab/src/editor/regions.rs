//! Commands on regions and zones, and starting over.
//!
//! Zone columns are derived from the region's width (`Region::zone_rect`), so adding or
//! removing a zone resizes the region by one column and shifts what lies to its right: the
//! other zones, and the components in them, stay exactly where they were drawn.

use super::commands::delete_components;
use super::{refuse, Editor, Reason, Refusal};
use crate::model::{FaultAction, Placement, Rect, Region, Scenario, Target, Zone, LIMITS};
use archlab_engine::catalog;

/// Width of one zone column of a new region, and the region's height.
pub const ZONE_W: f64 = 240.0;
pub const REGION_H: f64 = 520.0;
/// Gap between a new region and the rightmost existing one.
pub const REGION_GAP: f64 = 80.0;
/// Must match the padding in `Region::zone_rect`.
const PAD: f64 = 12.0;

/// The outcome of asking to remove a region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegionRemoval {
    Removed,
    /// The region holds this many components; ask the user, then call again confirmed.
    NeedsConfirmation {
        components: usize,
    },
}

fn zone_w(r: &Region) -> f64 {
    r.zone_rect(0).w
}

/// Moves every region whose left edge is at or right of `from_x`, with its components.
fn shift_right_of(s: &mut Scenario, except: &str, from_x: f64, dx: f64) {
    let moved: Vec<String> = s
        .regions
        .iter_mut()
        .filter(|r| r.code != except && r.rect.x >= from_x)
        .map(|r| {
            r.rect.x += dx;
            r.code.clone()
        })
        .collect();
    for c in s.components.iter_mut().filter(|c| moved.contains(&c.place.region)) {
        c.x += dx;
    }
}

fn zone_refs(f: &FaultAction, region: &str, zone: Option<&str>) -> bool {
    let hits = |p: &Placement| p.region == region && zone.is_none_or(|z| p.zone == z);
    match f {
        FaultAction::Kill { target } | FaultAction::Revive { target } => match target {
            Target::Zone { region: r, zone: z } => r == region && zone.is_none_or(|zz| z == zz),
            Target::Region { region: r } => r == region,
            _ => false,
        },
        FaultAction::AddLatency { a, b, .. }
        | FaultAction::ClearLatency { a, b }
        | FaultAction::Partition { a, b }
        | FaultAction::Heal { a, b } => hits(a) || hits(b),
    }
}

impl Editor {
    /// Adds a catalog region with its zones, to the right of the existing ones.
    pub fn add_region(&mut self, code: &str) -> Result<(), Refusal> {
        let Some(info) = catalog::region(code) else {
            return refuse(Reason::NotInCatalog(code.to_string()));
        };
        self.edit(|s| {
            if s.region(code).is_some() {
                return refuse(Reason::RegionOnCanvas(code.to_string()));
            }
            if s.regions.len() >= LIMITS.regions {
                return refuse(Reason::MaxRegions(LIMITS.regions));
            }
            let x =
                s.regions.iter().map(|r| r.rect.x + r.rect.w + REGION_GAP).reduce(f64::max).unwrap_or(0.0);
            let y = s.regions.iter().map(|r| r.rect.y).reduce(f64::min).unwrap_or(0.0);
            let n = info.zones.len() as f64;
            s.regions.push(Region {
                code: code.to_string(),
                rect: Rect { x, y, w: n * ZONE_W + (n + 1.0) * PAD, h: REGION_H },
                zones: info.zones.iter().map(|z| Zone { name: z.to_string() }).collect(),
            });
            Ok(())
        })
    }

    /// Adds the next zone letter (catalog zones first) as a new column; returns its name.
    pub fn add_zone(&mut self, code: &str) -> Result<String, Refusal> {
        self.edit(|s| {
            let Some(r) = s.regions.iter_mut().find(|r| r.code == code) else {
                return refuse(Reason::NoRegion(code.to_string()));
            };
            if r.zones.len() >= LIMITS.zones_per_region {
                return refuse(Reason::MaxZones(LIMITS.zones_per_region));
            }
            let catalog_zones = catalog::region(code).map_or(&[][..], |i| i.zones);
            let letters = ('a'..='z').map(|c| c.to_string());
            let Some(name) = catalog_zones
                .iter()
                .map(|z| z.to_string())
                .chain(letters)
                .find(|n| r.zones.iter().all(|z| z.name != *n))
            else {
                return refuse(Reason::NoZoneLetter);
            };
            let dx = zone_w(r) + PAD;
            let right = r.rect.x + r.rect.w;
            r.rect.w += dx;
            r.zones.push(Zone { name: name.clone() });
            shift_right_of(s, code, right, dx);
            Ok(name)
        })
    }

    /// Removes an empty zone (and faults naming it); the columns right of it move left.
    pub fn remove_zone(&mut self, code: &str, zone: &str) -> Result<(), Refusal> {
        self.edit(|s| {
            let held = s.components.iter().filter(|c| c.place.region == code && c.place.zone == zone).count();
            if held > 0 {
                return refuse(Reason::ZoneNotEmpty { zone: zone.to_string(), held });
            }
            let Some(r) = s.regions.iter_mut().find(|r| r.code == code) else {
                return refuse(Reason::NoRegion(code.to_string()));
            };
            let Some(i) = r.zones.iter().position(|z| z.name == zone) else {
                return refuse(Reason::NoZone { zone: zone.to_string(), region: code.to_string() });
            };
            if r.zones.len() == 1 {
                return refuse(Reason::LastZone);
            }
            let dx = zone_w(r) + PAD;
            if r.rect.w - dx < 100.0 {
                return refuse(Reason::TooNarrow);
            }
            let right = r.rect.x + r.rect.w;
            r.rect.w -= dx;
            let later: Vec<String> = r.zones[i + 1..].iter().map(|z| z.name.clone()).collect();
            r.zones.remove(i);
            for c in
                s.components.iter_mut().filter(|c| c.place.region == code && later.contains(&c.place.zone))
            {
                c.x -= dx;
            }
            s.faults.retain(|f| !zone_refs(&f.action, code, Some(zone)));
            shift_right_of(s, code, right, -dx);
            Ok(())
        })
    }

    /// Removes a region. If it holds components and `confirmed` is false, changes nothing and
    /// says how many would go; confirmed, removes them with their links and faults.
    pub fn remove_region(&mut self, code: &str, confirmed: bool) -> Result<RegionRemoval, Refusal> {
        let held: Vec<String> = self
            .scenario
            .components
            .iter()
            .filter(|c| c.place.region == code)
            .map(|c| c.id.clone())
            .collect();
        if !held.is_empty() && !confirmed {
            return Ok(RegionRemoval::NeedsConfirmation { components: held.len() });
        }
        self.edit(|s| {
            if s.region(code).is_none() {
                return refuse(Reason::NoRegion(code.to_string()));
            }
            delete_components(s, &held)?;
            s.regions.retain(|r| r.code != code);
            s.faults.retain(|f| !zone_refs(&f.action, code, None));
            Ok(RegionRemoval::Removed)
        })
    }

    /// Removes every component, link and fault, keeping the regions. Undoable.
    pub fn clear(&mut self) -> Result<(), Refusal> {
        self.edit(|s| {
            s.components.clear();
            s.links.clear();
            s.faults.clear();
            Ok(())
        })
    }

    /// Starts an empty, untitled scenario (no regions): the old design's name would title a
    /// design that no longer has any of it (issue 19). Undoable.
    pub fn new_scenario(&mut self) -> Result<(), Refusal> {
        self.edit(|s| {
            *s = Scenario::empty("");
            Ok(())
        })
    }
}
