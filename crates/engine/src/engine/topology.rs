//! Topology: what is where, and which failure domains are down.
//!
//! Components keep their scenario position; each has a role (the index into the table of its
//! kind), a zone and a region. Zones and regions can fail as a whole, and the network between
//! zones can be slowed or cut. Layered liveness starts here: a component is up when it is not
//! killed and, for what runs in the cloud, its zone and region are up.

use crate::model::{Placement, Problem};

use super::network::Network;

/// What a component is in the engine's tables (the index into the table of its kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Clients(u32),
    Dns(u32),
    Lb(u32),
    App(u32),
    Db(u32),
}

pub(super) struct Comp {
    pub role: Role,
    pub zone: u32,
    pub region: u32,
    pub killed: bool,
    /// Cached liveness of clients, DNS and balancers (tiers and databases keep their own).
    pub up: bool,
}

pub(super) struct ZoneInfo {
    pub region: u32,
    pub name: String,
}

pub(super) struct Topology {
    /// Component ids in scenario order (index = position), and what each is.
    pub ids: Vec<String>,
    pub comps: Vec<Comp>,
    /// Region codes, and zones (each in a region), in scenario order.
    pub regions: Vec<String>,
    pub zones: Vec<ZoneInfo>,
    pub zone_down: Vec<bool>,
    pub region_down: Vec<bool>,
    pub net: Network,
}

impl Topology {
    /// Whether component `c` is up: not killed and, for what runs in the cloud, its zone and
    /// region up. Client populations (users near a zone) and DNS (a global service) are not
    /// inside a zone's failure domain: a zone or region failure leaves them running.
    pub fn comp_up(&self, c: usize) -> bool {
        let comp = &self.comps[c];
        if comp.killed {
            return false;
        }
        matches!(comp.role, Role::Clients(_) | Role::Dns(_))
            || (!self.zone_down[comp.zone as usize] && !self.region_down[comp.region as usize])
    }

    pub fn find_comp(&self, id: &str) -> Result<usize, Problem> {
        self.ids.iter().position(|c| c == id).ok_or_else(|| Problem::NoSuchComponent(id.to_string()))
    }

    pub fn find_zone(&self, p: &Placement) -> Result<usize, Problem> {
        self.zones
            .iter()
            .position(|z| self.regions[z.region as usize] == p.region && z.name == p.zone)
            .ok_or_else(|| Problem::NoSuchZone { region: p.region.clone(), zone: p.zone.clone() })
    }

    pub fn find_region(&self, code: &str) -> Result<usize, Problem> {
        self.regions.iter().position(|r| r == code).ok_or_else(|| Problem::NoSuchRegion(code.to_string()))
    }

    /// The app tier index of component `id`, if it is an app tier.
    pub fn app_tier(&self, id: &str) -> Option<usize> {
        match self.comps[self.ids.iter().position(|c| c == id)?].role {
            Role::App(a) => Some(a as usize),
            _ => None,
        }
    }
}
