//! The cost meter: what the run has cost so far and what it costs per hour now.
//!
//! Prices come from `catalog::pricing`. App servers are billed per host while booting, in
//! service or draining (per second, as EC2 bills Linux instances), so the meter follows the
//! auto-scaling group and doubles during a blue/green deployment. Databases, balancers and DNS
//! cost what `design_cost` says, all the time. Data transfer is counted on every crossing
//! between two cloud components in different zones (traffic with the clients is the internet,
//! left out): we assume a request of [`REQUEST_BYTES`], a response of [`RESPONSE_BYTES`] and
//! [`QUERY_BYTES`] each way per database query. A crossing between zones of a region costs
//! `CROSS_ZONE_GB` on each side (twice per GB); one between regions costs the sending region's
//! `inter_region_gb`. A GB is 10^9 bytes.

use crate::catalog::pricing::{design_cost, prices, size_for, CROSS_ZONE_GB};
use crate::model::{Kind, Scenario};

use super::request::Stage;
use super::sim::Sim;
use super::topology::{Comp, Role};
use super::NS_PER_S;

pub const REQUEST_BYTES: u64 = 2_048;
pub const RESPONSE_BYTES: u64 = 16_384;
pub const QUERY_BYTES: u64 = 1_024;

const NS_PER_HOUR: f64 = 3600.0 * NS_PER_S as f64;
const BYTES_PER_GB: f64 = 1e9;

/// Bytes that crossed zones, and bytes each region sent to another region.
#[derive(Clone, Debug, Default)]
pub(super) struct Transfer {
    pub cross_zone: u64,
    pub inter_region: Vec<u64>,
    /// What does not depend on the fleet: databases, balancers, DNS, per hour.
    pub fixed_hour_usd: f64,
}

impl Transfer {
    pub fn new(s: &Scenario) -> Self {
        let c = design_cost(s);
        Transfer {
            cross_zone: 0,
            inter_region: vec![0; s.regions.len()],
            fixed_hour_usd: c.per_hour() - c.servers_hour,
        }
    }

    /// Counts the bytes of a crossing from component `f` to `t`, in different zones.
    #[cold]
    pub fn count(&mut self, f: &Comp, t: &Comp, stage: Stage) {
        if matches!(f.role, Role::Clients(_)) || matches!(t.role, Role::Clients(_)) {
            return;
        }
        let bytes = match stage {
            Stage::ToEntry | Stage::ToHost => REQUEST_BYTES,
            Stage::ToDb | Stage::FromDb => QUERY_BYTES,
            _ => RESPONSE_BYTES,
        };
        if f.region != t.region {
            self.inter_region[f.region as usize] += bytes;
        } else {
            self.cross_zone += bytes;
        }
    }

    /// What the bytes so far cost, in USD (`regions`: the region codes, by index).
    fn usd(&self, regions: &[String]) -> f64 {
        let zone = self.cross_zone as f64 / BYTES_PER_GB * CROSS_ZONE_GB * 2.0;
        let region: f64 = self
            .inter_region
            .iter()
            .zip(regions)
            .map(|(&b, r)| b as f64 / BYTES_PER_GB * prices(r).inter_region_gb)
            .sum();
        zone + region
    }
}

/// The price of one host-hour of an app tier.
pub(super) fn host_hour_usd(s: &Scenario, comp: usize) -> f64 {
    let c = &s.components[comp];
    match &c.kind {
        Kind::AppServer(a) => prices(&c.place.region).m5_large_hour * size_for(a.vcpus).0 as f64 / 2.0,
        _ => 0.0,
    }
}

impl Sim {
    /// What the run has cost so far, in USD: hosts for the time they were billed, the rest of
    /// the design for the time elapsed, and the data transferred.
    pub fn cost_so_far_usd(&self) -> f64 {
        let hosts: f64 = self
            .tiers
            .apps
            .iter()
            .map(|a| {
                let ns = a.host_ns + a.billable as u128 * (self.clock.now - a.bill_last) as u128;
                ns as f64 / NS_PER_HOUR * a.host_hour_usd
            })
            .sum();
        hosts
            + self.obs.xfer.fixed_hour_usd * self.clock.now as f64 / NS_PER_HOUR
            + self.obs.xfer.usd(&self.topo.regions)
    }

    /// What the design costs per hour right now: billed hosts at their current count and the
    /// rest of the design (data transfer, which depends on the traffic, is left out).
    pub fn cost_per_hour_usd(&self) -> f64 {
        self.tiers.apps.iter().map(|a| a.billable as f64 * a.host_hour_usd).sum::<f64>()
            + self.obs.xfer.fixed_hour_usd
    }

    /// Bytes that crossed zones inside a region and between regions so far.
    pub fn transferred_bytes(&self) -> (u64, u64) {
        (self.obs.xfer.cross_zone, self.obs.xfer.inter_region.iter().sum())
    }

    /// Billed hosts of app tier component `comp` now (None when it is not an app tier).
    pub fn billed_hosts(&self, comp: usize) -> Option<u32> {
        match self.topo.comps.get(comp)?.role {
            Role::App(a) => Some(self.tiers.apps[a as usize].billable),
            _ => None,
        }
    }
}
