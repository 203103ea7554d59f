//! Commands on components: place from the palette, delete, duplicate, rename.
//!
//! Each is one [`Editor::edit`]: one undo step, all or nothing, and never leaves a valid
//! scenario invalid. References (links, faults, standby/replica primaries, shared hosts, load
//! balancer weights) are kept consistent here rather than left for validation to reject.

use super::geometry::{dist, snap, COMPONENT_H, COMPONENT_W};
use super::hit::{zone_at, zone_rect_of};
use super::{refuse, Editor, Reason, Refusal};
use crate::model::{
    AppServer, Clients, Component, Database, DbRole, Dns, FaultAction, Kind, LoadBalancer, Scenario, Target,
};

/// What the palette offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaletteItem {
    Clients,
    Dns,
    LoadBalancer,
    AppServer,
    DbPrimary,
    DbStandby,
    DbReplica,
}

impl PaletteItem {
    pub const ALL: [PaletteItem; 7] = [
        PaletteItem::Clients,
        PaletteItem::Dns,
        PaletteItem::LoadBalancer,
        PaletteItem::AppServer,
        PaletteItem::DbPrimary,
        PaletteItem::DbStandby,
        PaletteItem::DbReplica,
    ];

    /// The i18n key of the palette entry ("palette.load_balancer").
    pub fn label_key(self) -> &'static str {
        match self {
            PaletteItem::Clients => "palette.clients",
            PaletteItem::Dns => "palette.dns",
            PaletteItem::LoadBalancer => "palette.load_balancer",
            PaletteItem::AppServer => "palette.app_server",
            PaletteItem::DbPrimary => "palette.db_primary",
            PaletteItem::DbStandby => "palette.db_standby",
            PaletteItem::DbReplica => "palette.db_replica",
        }
    }

    /// The new component's kind with default properties (the primary is filled in on placing).
    pub fn kind(self) -> Kind {
        let db = |role| Kind::Database(Database { role, ..Database::default() });
        match self {
            PaletteItem::Clients => Kind::Clients(Clients::default()),
            PaletteItem::Dns => Kind::Dns(Dns::default()),
            PaletteItem::LoadBalancer => Kind::LoadBalancer(LoadBalancer::default()),
            PaletteItem::AppServer => Kind::AppServer(AppServer::default()),
            PaletteItem::DbPrimary => db(DbRole::Primary),
            PaletteItem::DbStandby => db(DbRole::Standby),
            PaletteItem::DbReplica => db(DbRole::ReadReplica),
        }
    }
}

fn primaries(s: &Scenario) -> impl Iterator<Item = &Component> {
    s.components.iter().filter(|c| matches!(&c.kind, Kind::Database(d) if d.role == DbRole::Primary))
}

fn has_standby(s: &Scenario, primary: &str) -> bool {
    s.components.iter().any(|c| {
        matches!(&c.kind, Kind::Database(d) if d.role == DbRole::Standby && d.primary.as_deref() == Some(primary))
    })
}

/// The primary a new standby or replica at (x, y) copies: the nearest one (that has no standby
/// yet, for a standby).
fn pick_primary(s: &Scenario, role: DbRole, x: f64, y: f64) -> Result<String, Refusal> {
    let mut candidates: Vec<&Component> =
        primaries(s).filter(|p| role != DbRole::Standby || !has_standby(s, &p.id)).collect();
    if candidates.is_empty() {
        return match primaries(s).next() {
            None => refuse(Reason::NeedPrimary),
            Some(_) => refuse(Reason::EveryPrimaryHasStandby),
        };
    }
    candidates.sort_by(|a, b| dist((a.x, a.y), (x, y)).total_cmp(&dist((b.x, b.y), (x, y))));
    Ok(candidates[0].id.clone())
}

/// Where a new box dropped at (x, y) goes: moved inside its zone if it overhangs (when the zone
/// is big enough), and snapped to the grid unless snapping would make it overhang again.
fn fit_in_zone(s: &Scenario, place: &crate::model::Placement, x: f64, y: f64) -> (f64, f64) {
    let Some(r) = zone_rect_of(s, place) else { return (x, y) };
    if r.w < COMPONENT_W || r.h < COMPONENT_H {
        return (x, y);
    }
    let (hw, hh) = (COMPONENT_W / 2.0, COMPONENT_H / 2.0);
    let (x, y) = (x.clamp(r.x + hw, r.x + r.w - hw), y.clamp(r.y + hh, r.y + r.h - hh));
    let (sx, sy) = (snap(x), snap(y));
    let inside = |v: f64, lo: f64, hi: f64| v >= lo && v <= hi;
    (
        if inside(sx, r.x + hw, r.x + r.w - hw) { sx } else { x },
        if inside(sy, r.y + hh, r.y + r.h - hh) { sy } else { y },
    )
}

impl Editor {
    /// Drops a new component from the palette at model point (x, y); returns its id and
    /// selects it. Refused outside every zone.
    pub fn place(&mut self, item: PaletteItem, x: f64, y: f64) -> Result<String, Refusal> {
        let id = self.edit(|s| {
            let Some(place) = zone_at(s, x, y) else {
                return refuse(Reason::DropInZone);
            };
            let (x, y) = fit_in_zone(s, &place, x, y);
            let mut kind = item.kind();
            if let Kind::Database(d) = &mut kind {
                if d.role != DbRole::Primary {
                    d.primary = Some(pick_primary(s, d.role, x, y)?);
                }
            }
            let id = s.fresh_id(kind.id_prefix());
            s.components.push(Component { id: id.clone(), place, x, y, kind });
            super::layout::nudge(s, std::slice::from_ref(&id), None);
            Ok(id)
        })?;
        self.selection.only(&id);
        Ok(id)
    }

    /// Deletes the selected components and links, with every link and fault that touches them.
    pub fn delete_selection(&mut self) -> Result<(), Refusal> {
        let ids = self.selection.ids.clone();
        let links = self.selection.links.clone();
        self.edit(|s| {
            s.links.retain(|l| !links.iter().any(|(f, t)| l.from == *f && l.to == *t));
            delete_components(s, &ids)
        })?;
        self.selection.clear();
        Ok(())
    }

    /// Copies the selected components 40 units right and down with fresh ids, and the links
    /// among them; selects the copies. A copy keeps its original's zone if it lands outside.
    pub fn duplicate_selection(&mut self) -> Result<Vec<String>, Refusal> {
        let ids = self.selection.ids.clone();
        if ids.is_empty() {
            return refuse(Reason::NothingToDuplicate);
        }
        let new_ids = self.edit(|s| duplicate(s, &ids))?;
        self.selection.clear();
        new_ids.iter().for_each(|id| self.selection.add(id));
        Ok(new_ids)
    }

    /// Renames a component and every reference to it.
    pub fn rename(&mut self, old: &str, new: &str) -> Result<(), Refusal> {
        let new = new.trim();
        if old == new {
            return Ok(());
        }
        let ok = !new.is_empty()
            && new.len() <= 32
            && new.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            return refuse(Reason::BadId);
        }
        let selected = self.selection.clone();
        self.edit(|s| {
            if s.component(new).is_some() {
                return refuse(Reason::IdTaken(new.to_string()));
            }
            let Some(c) = s.component_mut(old) else { return refuse(Reason::NoComponent(old.to_string())) };
            c.id = new.to_string();
            rename_refs(s, old, new);
            super::operate::rename_refs(s, old, new);
            Ok(())
        })?;
        let fix = |id: &String| if id == old { new.to_string() } else { id.clone() };
        self.selection.ids = selected.ids.iter().map(fix).collect();
        self.selection.links = selected.links.iter().map(|(f, t)| (fix(f), fix(t))).collect();
        Ok(())
    }
}

/// Removes components and what refers to them. A primary whose standby or replica stays is
/// refused: the copy would have nothing to copy.
pub(crate) fn delete_components(s: &mut Scenario, ids: &[String]) -> Result<(), Refusal> {
    let gone = |id: &str| ids.iter().any(|i| i == id);
    for c in &s.components {
        if let Kind::Database(Database { primary: Some(p), .. }) = &c.kind {
            if gone(p) && !gone(&c.id) {
                return refuse(Reason::PrimaryOf { primary: p.clone(), copy: c.id.clone() });
            }
        }
    }
    s.components.retain(|c| !gone(&c.id));
    super::operate::delete_refs(s, &gone);
    s.links.retain(|l| !gone(&l.from) && !gone(&l.to));
    s.faults.retain(|f| match &f.action {
        FaultAction::Kill { target } | FaultAction::Revive { target } => match target {
            Target::Component { id } | Target::Server { id, .. } | Target::Process { id, .. } => !gone(id),
            Target::Zone { .. } | Target::Region { .. } => true,
        },
        _ => true,
    });
    for c in &mut s.components {
        match &mut c.kind {
            Kind::Database(d) if d.host.as_deref().is_some_and(gone) => d.host = None,
            Kind::LoadBalancer(lb) => lb.weights.retain(|w| !gone(&w.target)),
            _ => {}
        }
    }
    Ok(())
}

fn rename_refs(s: &mut Scenario, old: &str, new: &str) {
    let fix = |r: &mut String| {
        if r == old {
            *r = new.to_string();
        }
    };
    for l in &mut s.links {
        fix(&mut l.from);
        fix(&mut l.to);
    }
    for f in &mut s.faults {
        if let FaultAction::Kill { target } | FaultAction::Revive { target } = &mut f.action {
            if let Target::Component { id } | Target::Server { id, .. } | Target::Process { id, .. } = target
            {
                fix(id);
            }
        }
    }
    for c in &mut s.components {
        match &mut c.kind {
            Kind::Database(d) => {
                d.primary.iter_mut().for_each(fix);
                d.host.iter_mut().for_each(fix);
            }
            Kind::LoadBalancer(lb) => lb.weights.iter_mut().for_each(|w| fix(&mut w.target)),
            _ => {}
        }
    }
}

fn duplicate(s: &mut Scenario, ids: &[String]) -> Result<Vec<String>, Refusal> {
    const OFFSET: f64 = 40.0;
    for c in ids.iter().filter_map(|id| s.component(id)) {
        if let Kind::Database(Database { role: DbRole::Standby, primary: Some(p), .. }) = &c.kind {
            if !ids.contains(p) {
                return refuse(Reason::HasStandby { primary: p.clone(), standby: c.id.clone() });
            }
        }
    }
    let mut map: Vec<(String, String)> = Vec::new();
    for id in ids {
        let Some(orig) = s.component(id).cloned() else { continue };
        let new_id = s.fresh_id(orig.kind.id_prefix());
        let (mut x, mut y) = (orig.x + OFFSET, orig.y + OFFSET);
        let place = match zone_at(s, x, y) {
            Some(p) => p,
            None => {
                if let Some(r) = zone_rect_of(s, &orig.place) {
                    x = x.clamp(r.x, r.x + r.w);
                    y = y.clamp(r.y, r.y + r.h);
                }
                orig.place.clone()
            }
        };
        s.components.push(Component { id: new_id.clone(), place, x, y, ..orig });
        map.push((id.clone(), new_id));
    }
    let copy_of = |id: &str| map.iter().find(|(o, _)| o == id).map(|(_, n)| n.clone());
    let copied: Vec<_> = s
        .links
        .iter()
        .filter_map(|l| {
            Some(crate::model::Link { from: copy_of(&l.from)?, to: copy_of(&l.to)?, ..l.clone() })
        })
        .collect();
    s.links.extend(copied);
    // The copies land beside their originals, never over them.
    let new_ids: Vec<String> = map.iter().map(|(_, n)| n.clone()).collect();
    super::layout::nudge(s, &new_ids, None);
    for (_, new_id) in &map {
        let Some(c) = s.component_mut(new_id) else { continue };
        match &mut c.kind {
            Kind::Database(d) => {
                for r in d.primary.iter_mut().chain(d.host.iter_mut()) {
                    if let Some(n) = copy_of(r) {
                        *r = n;
                    }
                }
            }
            Kind::LoadBalancer(lb) => {
                for w in &mut lb.weights {
                    if let Some(n) = copy_of(&w.target) {
                        w.target = n;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(map.into_iter().map(|(_, n)| n).collect())
}
